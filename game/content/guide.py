"""Generate ``docs/levels.md``, the guide for level authors, from the models and the registry.

Field tables come from the models' JSON Schemas (descriptions, units, ranges, defaults), the
lever, agreement and metric tables from :mod:`game.sim.registry`, each event kind's section from
its class docstring, and "common mistakes" from running the real checker on real mistakes. A
test regenerates the guide and fails when the committed file is stale, so it cannot drift.
"""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.check import check_document
from game.content.events import EVENT_CLASSES
from game.content.guide_costs import budgets_section
from game.content.models.campaign import Campaign, CampaignLevel, Unlock
from game.content.models.conditions import GUIDE_CONDITIONS as CONDITIONS
from game.content.models.conditions import GUIDE_TIMED_AGREEMENTS as TIMED_AGREEMENTS
from game.content.models.conditions import AgreementTiming
from game.content.models.level import (
    COUNTRY_MODELS,
    Briefing,
    Classroom,
    Level,
    Source,
)
from game.content.models.objectives import Objective
from game.content.models.stories import Epilogue, StoryCard
from game.content.models.strategy import DECISION_MODELS, Strategy
from game.content.models.tutorial import TurnHint, TutorialStep
from game.content.names import GAME_LANGUAGES, PERSONALITIES, format_number, world_override_names
from game.content.problems import PROBLEM_KINDS, format_problem
from game.content.schema import SCHEMA_FILES, write_atomic
from game.content.yamlsrc import MAX_BYTES, parse_text
from game.paths import LEVELS, ROOT
from game.sim.registry import (
    AGREEMENTS,
    COUNTRIES,
    COUNTRY_NAMES,
    LEVERS,
    METRICS,
    ORIGINS,
)

GUIDE_PATH = ROOT / "docs" / "levels.md"
#: The level the worked example walks through, verbatim.
WORKED_EXAMPLE = LEVELS / "examples" / "one-country-crisis.yaml"
#: The reference level with every feature, verbatim.
EVERY_FEATURE = LEVELS / "examples" / "every-feature.yaml"

#: Real mistakes teachers make, each shown with what the checker says about it.
MISTAKES: list[tuple[str, str]] = [
    ("A lever name with a typo", "countries:\n  US:\n    levers:\n      border_agent: 20000\n"),
    ("A lever the country does not have",
     "countries:\n  US:\n    levers:\n      transit_agents: 5000\n"),
    ("A number with a comma", "countries:\n  US:\n    levers:\n      border_agents: 20,000\n"),
    ("A value outside the plausible range",
     "countries:\n  US:\n    levers:\n      border_agents: 90000\n"),
    ("A choice spelt wrong", "countries:\n  US:\n    levers:\n      removal: deport\n"),
    ("A date with a day, or a month that does not exist", "start: 2019-06-01\n"),
    ("A tutorial step pointing at a tab that does not exist",
     "tutorial:\n  steps:\n    - do: open_tab\n      tab: border\n"),
    ("An event after the level ends",
     "events:\n  - kind: caravan\n    at: 2021-03\n    origin: HN\n"),
    ("An event with a date and a turn",
     "events:\n  - kind: hurricane\n    at: 2019-09\n    turn: 2\n"),
    ("An objective on a metric that does not exist",
     "objectives:\n  - id: deaths\n    text: Fewer deaths\n    metric: deaths\n    below: 500\n"),
    ("A percentage without a comparison",
     "objectives:\n  - id: deaths\n    text: Fewer deaths\n    metric: deaths_in_transit\n"
     "    below: -20%\n"),
    ("Two objectives with the same id",
     "objectives:\n  - id: deaths\n    text: Fewer deaths\n    metric: deaths_in_transit\n"
     "    below: 500\n  - id: deaths\n    text: Even fewer\n    metric: deaths_in_transit\n"
     "    below: 300\n"),
    ("yes and no are not text", "title: yes\n"),
    ("A tab used for indentation", "countries:\n\tUS: {}\n"),
    ("A quote that is never closed", 'summary: "Two years at the border\n'),
    ("A field name with a typo", "turn: 4\n"),
    ("Translations in some texts but not others", "title: {en: The border, es: La frontera}\n"),
]

#: The level each mistake is pasted into (its own lines replace the base's).
_BASE = """format: borderlines-level/1
id: my-level
title: The border
summary: Two years at the border.
start: 2019-06
turns: 4
countries:
  US: {}
objectives:
  - id: fewer-deaths
    text: Fewer deaths
    metric: deaths_in_transit
    below: 500
"""


def _merge(snippet: str) -> str:
    """The base level with the snippet's top-level keys replacing the base's."""
    keys = {line.split(":")[0] for line in snippet.splitlines()
            if line and not line[0].isspace() and ":" in line}
    kept: list[str] = []
    skipping = False
    for line in _BASE.splitlines():
        top = line and not line[0].isspace()
        if top:
            skipping = line.split(":")[0] in keys or (
                "turns" in keys and False) or (line.startswith("turns") and "turn" in keys)
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n" + snippet


def checker_says(snippet: str) -> tuple[str, str]:
    """(the level with the mistake, the checker's output on it), as the guide shows them."""
    text = _merge(snippet)
    doc, problems = parse_text(text, "my-level.yaml")
    if doc is not None:
        problems += check_document(doc)[1]
    return text, "\n".join(format_problem(p) for p in problems)


# --- Tables from schemas -----------------------------------------------------------------------

def _schema_type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return _def_label(name)
    if "oneOf" in prop:
        names = [o.get("$ref", "").rsplit("/", 1)[-1] for o in prop["oneOf"]]
        if names and all(n.startswith("Agreement_") for n in names):
            return "agreement"
        if names and all(n.startswith("Decision") for n in names):
            return "decision"
        return "event"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"][:8]) + (
            " …" if len(prop["enum"]) > 8 else "")
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        options = [o for o in prop["anyOf"] if o.get("type") != "null"]
        if any(o.get("propertyNames") for o in options):
            return "text (or translations)"
        return " or ".join(dict.fromkeys(_schema_type(o, defs) for o in options))
    kind = prop.get("type")
    if kind == "array":
        return "list of " + _schema_type(prop.get("items", {}), defs)
    if kind == "object":
        return "mapping"
    if kind == "string" and prop.get("pattern", "").startswith("^\\d{4}"):
        return "month `YYYY-MM`"
    if kind == "string" and "a-z0-9" in prop.get("pattern", ""):
        return "id"
    return {"integer": "whole number", "number": "number", "string": "text",
            "boolean": "`true` / `false`"}.get(str(kind), "value")


def _def_label(name: str) -> str:
    if name.startswith("Country"):
        return "country section"
    if name.startswith("Levers"):
        return "levers"
    if name.startswith("Decision"):
        return "decision"
    if name.startswith("Agreement_"):
        return "agreement"
    if name in ("StoryCard", "Epilogue"):
        return {"StoryCard": "story card", "Epilogue": "epilogue"}[name]
    return {"Condition": "condition", "Objective": "objective", "Source": "source",
            "Classroom": "classroom section", "Briefing": "briefing", "Countries":
            "countries", "HiddenObjectives": "hidden objectives", "CampaignLevel":
            "campaign level", "Unlock": "unlock rule"}.get(name, name)


def field_table(model: type[BaseModel], skip: tuple[str, ...] = ()) -> str:
    """A Markdown table of a model's fields: name, kind, default, meaning."""
    schema = model.model_json_schema(by_alias=True)
    defs = schema.get("$defs", {})
    if "$ref" in schema and "properties" not in schema:  # a model that contains itself
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    required = set(schema.get("required", []))
    rows = ["| field | kind | default | what it is |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        if name in skip:
            continue
        kind = _schema_type(prop, defs)
        bounded = next((o for o in [prop, *prop.get("anyOf", [])]
                        if "minimum" in o or "maximum" in o), None)
        if bounded is not None:
            kind += f" ({format_number(bounded.get('minimum', '…'))}–" \
                    f"{format_number(bounded.get('maximum', '…'))})"
        if name in required:
            default = "**required**"
        elif prop.get("default") in (None, [], {}):
            default = "—"
        elif isinstance(prop["default"], bool):
            default = f"`{str(prop['default']).lower()}`"
        else:
            default = f"`{format_number(prop['default'])}`"
        description = " ".join(str(prop.get("description", "")).split())
        rows.append(f"| `{name}` | {kind} | {default} | {description} |")
    return "\n".join(rows)


def lever_table() -> str:
    """Every lever: who has it, unit, plausible range, status-quo default and delay."""
    rows = ["| lever | countries | unit | range or choices | status-quo default | months to "
            "take effect |", "|---|---|---|---|---|---|"]
    for spec in LEVERS.values():
        span = ", ".join(f"`{c}`" for c in spec.choices) if spec.kind == "choice" else \
            f"{format_number(spec.low)}–{format_number(spec.high)}"
        if spec.splittable:
            span += " (total, or split by GT/HN/SV)"
        defaults = ", ".join(f"{c} {format_number(v)}" for c, v in spec.default.items())
        delays = ", ".join(f"{c} {d}" for c, d in spec.delay_months.items())
        rows.append(f"| `{spec.name}` | {', '.join(spec.countries)} | {spec.unit} | {span} | "
                    f"{defaults} | {delays} |")
    return "\n".join(rows)


def lever_descriptions() -> str:
    """One line per lever: what it is."""
    return "\n".join(f"- `{s.name}` — {s.description}" for s in LEVERS.values())


def agreement_table() -> str:
    """Every agreement: who proposes, who accepts, terms with unit, range and default."""
    rows = ["| agreement | proposed by | accepted by | terms (default) | what it is |",
            "|---|---|---|---|---|"]
    for spec in AGREEMENTS.values():
        terms = "; ".join(
            f"`{t.name}` ({t.unit}" + (f", {format_number(t.low)}–{format_number(t.high)}"
                                       if not t.names else "") + f", default "
            f"{format_number(t.default)})" for t in spec.terms) or "—"
        accept = ", ".join(spec.acceptors) if spec.needs_acceptance else \
            f"no acceptance needed ({', '.join(spec.acceptors)})"
        rows.append(f"| `{spec.kind}` | {', '.join(spec.proposers)} | {accept} | {terms} | "
                    f"{spec.description} |")
    return "\n".join(rows)


def metric_table() -> str:
    """Every canonical metric with kind, unit, how a turn combines its months, and meaning."""
    rows = ["| metric | kind | unit | per turn | what it is |", "|---|---|---|---|---|"]
    for spec in METRICS.values():
        per_turn = {"sum": "sum of the months", "last": "last month",
                    "mean": "mean of the months"}[spec.per_turn]
        rows.append(f"| `{spec.name}` | {spec.kind} | {spec.unit} | {per_turn} | "
                    f"{spec.description} |")
    return "\n".join(rows)


def event_sections() -> str:
    """One section per event kind: its docstring (with YAML usage) and its parameters."""
    out = []
    for kind, cls in EVENT_CLASSES.items():
        doc = inspect.getdoc(cls) or ""
        summary_line, _, rest = doc.partition("\n")
        rest = rest.replace("YAML usage::", "YAML usage:")
        body = textwrap.dedent(rest).strip()
        parts = body.split("YAML usage:")
        prose = parts[0].strip()
        usage = textwrap.dedent(parts[1]).strip("\n") if len(parts) > 1 else ""
        params = field_table(cls, skip=("kind", "id", "at", "turn", "when", "once", "news"))
        section = f"### `{kind}`\n\n{summary_line}"
        if prose:
            section += f" {prose}"
        if usage:
            section += f"\n\n```yaml\n{usage}\n```"
        section += f"\n\nParameters (each may be left out for its default):\n\n{params}"
        out.append(section)
    return "\n\n".join(out)


def story_section() -> str:
    """The level's own story cards and its epilogue: what they are, an example, their fields."""
    import game.content.models.stories as stories_module

    return (inspect.cleandoc(stories_module.__doc__ or "").split("\n", 1)[1].strip() + "\n\n"
            "Each turn's report tells one story: the level's card for that turn if it has one, "
            "else a card for the turn's main outcome, else the next card that has neither; "
            "each card is told once. When none fits, a built-in story is told, unless "
            "`built_in_stories: false` (then the turn tells none).\n\n"
            "```yaml\nstories:\n  - turn: 1\n    title: Borders close\n    text: >-\n"
            "      In mid-March 2020 Guatemala, Honduras and El Salvador closed their borders.\n"
            "    source: Reuters, March 2020\n"
            "epilogue:\n  text: Central America's borders reopened in the autumn of 2020.\n"
            "  source: OCHA, 2020\n```\n\n"
            "A card and the epilogue may show a picture: `image: images/borders-closed.png`. "
            "An image is a PNG or JPEG in the level's folder or a folder under it, written with "
            "`/` between folders; the checker opens it and reports a missing, misnamed, huge or "
            "damaged file as `bad-image`. `levels/examples/story-beats.yaml` is a complete "
            "example.\n\nEach story card:\n\n" + field_table(StoryCard)
            + "\n\nThe epilogue:\n\n" + field_table(Epilogue))


def mistakes_section() -> str:
    """Each mistake, the lines that cause it and the checker's real output."""
    out = []
    for title, snippet in MISTAKES:
        said = checker_says(snippet)[1]
        out.append(f"### {title}\n\n```yaml\n{snippet.rstrip()}\n```\n\n"
                   f"```text\n$ borderlines check my-level.yaml\n{said}\n```")
    return "\n\n".join(out)


def problem_kinds() -> str:
    """The list of problem codes the checker reports."""
    return "\n".join(f"- `{code}` — {text}" for code, text in PROBLEM_KINDS.items())


def _doc_body(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    summary_line, _, rest = doc.partition("\n")
    rest = textwrap.dedent(rest).strip()
    if "YAML usage::" in rest:
        prose, usage = rest.split("YAML usage::", 1)
        usage = textwrap.dedent(usage).strip("\n")
        return f"{summary_line} {prose.strip()}".strip() + f"\n\n```yaml\n{usage}\n```"
    return f"{summary_line}\n\n{rest}".strip()


def _module_yaml(module_doc: str) -> str:
    """The ``::`` example block of a module docstring, as a YAML code block."""
    _, _, block = module_doc.partition("::")
    return "```yaml\n" + textwrap.dedent(block).strip("\n") + "\n```"


def render() -> str:
    """The whole guide as Markdown."""
    sections = [*_getting_started(), *_level_reference(), *_other_formats()]
    return "\n\n".join(s.strip("\n") for s in sections) + "\n"


def _getting_started() -> list[str]:
    """Quick start, the worked example, the reference file, checking, the editor."""
    worked = WORKED_EXAMPLE.read_text(encoding="utf-8").rstrip()
    return [
        "<!-- Generated by `borderlines schema --guide docs/levels.md` from game/content and "
        "game/sim/registry.py. Do not edit by hand: change the models' descriptions or "
        "docstrings, or game/content/guide.py, and regenerate. -->",
        "# Writing levels for Borderlines",
        "A level is one YAML text file: when the situation starts, how long it lasts, which "
        "countries take part and how, what happens on the way and what players try to achieve. "
        "The game's own levels are written the same way (`levels/campaign`, "
        "`levels/classroom`); the examples in `levels/examples` show every feature with "
        "comments. This guide has six parts: a worked example to copy, a reference file with "
        "every feature, setting up an editor, every field explained, the other file formats, "
        "and the common mistakes with what the checker says about them.",
        "## Quick start (ten minutes)",
        "1. Copy `levels/examples/minimal.yaml` to a new file, say `my-level.yaml`.\n"
        "2. Change `id`, `title`, `summary`, `start` and `turns`.\n"
        "3. Run `borderlines check my-level.yaml`. It lists **every** problem as "
        "`file:line:column: error|warning: message` with a hint; fix them from the top.\n"
        "4. Play it: `borderlines play my-level.yaml`, or run it without a window: "
        "`borderlines simulate my-level.yaml`.\n"
        "5. To see it in the game's level picker, copy it into your levels folder: the "
        "picker's *Custom levels* section has a button that opens that folder. A file with "
        "errors is listed there too, with the checker's messages.",
        "## A complete worked example",
        "This level (`levels/examples/one-country-crisis.yaml`) is complete and passes the "
        "checker. Copy it and change it.",
        f"```yaml\n{worked}\n```",
        "Line by line:\n\n"
        "- `format` is always the first line. It tells the game which version of the format "
        "the file uses; older versions are upgraded when the file is loaded.\n"
        "- `id` is a short name, unique among levels, in lower case with `-` or `_`.\n"
        "- `title`, `summary` and the `briefing` are what players read. Any text can also be "
        "written in several languages (see *Translations* below).\n"
        "- `start`, `turns` and `months_per_turn` set the calendar: here six turns of one "
        "month each, March to August 2019. Seasons follow the calendar (more crossings in "
        "spring, more heat deaths in summer).\n"
        "- `seed` fixes the luck: the same seed and the same decisions give the same game, so "
        "two classes can compare their results.\n"
        "- `countries` lists who takes part. Only the levers you write change; every other "
        "lever keeps its status-quo value (the table of levers below gives them).\n"
        "- `events` happen at a month (`at`), at the start of a turn (`turn`) or when a metric "
        "crosses a threshold (`when`). `news` is the headline players read.\n"
        "- `objectives` earn stars. `compare: baseline` judges against the *status quo*: the "
        "same level, with the same luck, if nobody had changed anything. That is the fairest "
        "test of a decision.\n"
        "- `questions` and `sources` appear in the debrief.",
        "## Every feature in one file",
        "`levels/examples/every-feature.yaml` uses every part of the format once, with a "
        "comment on each line. Keep it open as a reference while you write.",
        "```yaml\n" + EVERY_FEATURE.read_text(encoding="utf-8").rstrip() + "\n```",
        "## Checking a level",
        "```text\n$ borderlines check my-level.yaml\n$ borderlines check levels/   "
        "# every .yaml file in a folder\n```\n\n"
        "The checker prints every problem, then a one-line summary. It exits with 0 when there "
        "are no errors (warnings allowed) and 1 otherwise, so it can run in a script. An "
        "**error** stops the level from loading; a **warning** does not (a missing translation, "
        "a starting budget that is too small). The game's level picker shows the same messages "
        f"for a file that does not load. Files larger than {MAX_BYTES // 1_000_000} MB, binary "
        "files, and YAML tags such as `!!python/object` are refused with a message.",
        "## Setting up an editor (VS Code)",
        "The checker is the authority, but an editor can complete field names and flag "
        "mistakes as you type. Write the JSON Schemas once:\n\n"
        "```text\n$ borderlines schema --out schemas\n```\n\n"
        "This writes " + ", ".join(f"`schemas/{f}`" for f in SCHEMA_FILES.values()) + ". In "
        "VS Code, install the *YAML* extension (Red Hat), then either add this line at the top "
        "of a level file:\n\n"
        "```yaml\n# yaml-language-server: $schema=../../schemas/borderlines-level.schema.json\n"
        "```\n\n"
        "or map the schemas to folders in your settings (`settings.json`):\n\n"
        "```json\n{\n  \"yaml.schemas\": {\n"
        "    \"./schemas/borderlines-level.schema.json\": [\"levels/**/*.yaml\"],\n"
        "    \"./schemas/borderlines-strategy.schema.json\": [\"levels/**/strategies/*.yaml\"]"
        "\n  }\n}\n```\n\n"
        "Hovering over a field then shows its description, unit and range.",
    ]


def _plain_overrides() -> tuple[str, ...]:
    """The world's totals, approvals and relations: the override names up to the price."""
    names = world_override_names()
    return names[:names.index("smuggling_price_usd") + 1]


def _level_reference() -> list[str]:
    """Every field of a level: texts, countries, levers, agreements, world, events, goals."""
    import game.content.models.objectives as objectives_module
    import game.content.models.tutorial as tutorial_module

    us_country = COUNTRY_MODELS["US"]
    return [
        "## Every field of a level",
        field_table(Level),
        "### Texts and translations",
        "Every text players read — `title`, `summary`, briefings, event `news`, objective "
        "`text`, `questions`, source `note`, the `tutorial`'s steps and hints — is either "
        "plain text or a mapping from language code to text:\n\n"
        "```yaml\ntitle:\n  en: The 45 Days\n  es: Los 45 días\n  fr: Les 45 jours\n```\n\n"
        f"The game ships {', '.join(f'`{c}`' for c in GAME_LANGUAGES)}. When some texts of a "
        "file have a language, the checker warns about each text that lacks it; players in "
        "that language then see the English text. YAML reads `yes`, `no`, `on`, `off` as true "
        "and false and `2019` as a number: put such texts in quotes. Titles of publications "
        "in `sources` stay as published.\n\n"
        "Every shipped level is translated this way, the tutorial included. Their Spanish is "
        "Latin American (Mexico): players are *tú*, teacher notes *usted*; 144,000 and 5 %. "
        "Their French is Canadian: players are *vous*; 144 000 and 5 %. Both write a no-break "
        "space before `%` (French also before `:`). Both use the region's own words: "
        "*solicitantes de asilo*, *Guardia Nacional*, *COMAR*, *Quédate en México*, *río Bravo*; "
        "*demandeurs d’asile*, "
        "*Garde nationale*, *chemin Roxham*, *Rester au Mexique*, and the game's own terms "
        "(*encuentros*, *interceptions*) as the interface names them.",
        "### `briefing`",
        _doc_body(Briefing) + "\n\n" + field_table(Briefing),
        "### `countries`",
        "Keyed by country code: " + ", ".join(f"`{c}` ({COUNTRY_NAMES[c]})" for c in COUNTRIES)
        + ". GT, HN and SV act only in classroom levels that list them. Countries left out "
        "keep the status quo and do not act. Each country's section:\n\n"
        + field_table(us_country) + "\n\n"
        f"AI personalities: {', '.join(f'`{p}`' for p in PERSONALITIES)}.",
        "### Levers",
        "Set under `countries: {CODE: {levers: {...}}}` for the start, by `policy_change` "
        "events, and by strategies. A lever a country does not have is an error. Aid levers "
        "take a total (split by need) or amounts by recipient, e.g. "
        "`aid_economic: {GT: 200, HN: 150, SV: 100}`. Money is in US$ million per year.\n\n"
        + lever_table() + "\n\n" + lever_descriptions(),
        budgets_section(),
        "### Agreements",
        "Agreements in force at the start go under a country's `agreements:`; strategies add "
        "them with a decision. Write the agreement under a country that may propose it and "
        "name the partner with `with:` (a country or a list). When only one country can be "
        "the partner it may be left out, and a country that accepts may write `by:` itself "
        "(`{kind: returns_acceptance, by: MX}`). Terms left out take their defaults.\n\n"
        "```yaml\ncountries:\n  US:\n    agreements:\n      - kind: safe_third_country\n"
        "        with: GT\n        terms: {coverage: 0.2}   # ports of entry only\n```\n\n"
        + agreement_table() + "\n\n" + TIMED_AGREEMENTS + "\n\n"
        + field_table(AgreementTiming),
        "### `world` — starting values",
        "Replace the model's calibrated state for the start month: state the situation, and "
        "let the model do the rest. Allowed names: "
        + ", ".join(f"`{n}`" for n in _plain_overrides()) + "; what movers believe "
        "at the start: " + ", ".join(f"`{n}`" for n in world_override_names()
                                     if n.startswith("perceived_release_"))
        + " (0–1: the chance that a person of that kind who reaches the US border is released "
        "into the US, as word of recent arrivals has it) and `perceived_stay_months` (the "
        "months a claim keeps a person in the US); `us_border_encounters_last_month` "
        "(encounters in the month before the start: a tariff threat in force at the start "
        "measures its target from it, and the desk counts down to its deadline); people per "
        "stock and origin ("
        + ", ".join(f"`{n}`" for n in ("transit_family_gt", "transit_child_hn",
                                       "transit_bus_sv", "stranded_xr"))
        + ", …, one per origin " + ", ".join(f"`{o.lower()}`" for o in ORIGINS) + "). "
        "Approval is 0–100, relations −100–100, stocks are people. Only for a shock from "
        "outside the model that a level must state, `emigration_push_gt` (and one per origin) "
        "adds a wish to leave in logit units (0–3) that fades over the following months; say "
        "why in a comment. No shipped level uses it.\n\n"
        "```yaml\nworld:\n  asylum_backlog_us: 850000\n  perceived_release_families: 0.9\n"
        "  approval_us: 43\n```",
        "### `events`",
        "Every event has a `kind` and exactly one timing, plus its own parameters:\n\n"
        + field_table(EVENT_CLASSES["caravan"], skip=("kind", "origin", "size")) + "\n\n"
        "A condition:\n\n" + field_table(EVENT_CLASSES["caravan"].model_fields["when"]
                                         .annotation.__args__[0])  # type: ignore[union-attr]
        + "\n\nConditions are checked on each turn's value at the end of the turn; the event "
        "happens at the start of the next turn.\n\n" + CONDITIONS,
        event_sections(),
        "### `objectives` and `hidden_objectives`",
        _doc_body(Objective) + "\n\n" + inspect.cleandoc(objectives_module.__doc__ or "")
        .split("\n", 1)[1].strip() + "\n\n" + field_table(Objective) + "\n\n"
        "`hidden_objectives` has the same objectives keyed by country: each team sees only its "
        "own (classroom levels), and all are revealed in the debrief when "
        "`classroom.reveal_hidden_objectives` is true.",
        "### Metrics (for objectives and conditions)",
        metric_table(),
        "### `sources`",
        field_table(Source),
        "### `stories`, `built_in_stories` and `epilogue`",
        story_section(),
        "### `classroom`",
        _doc_body(Classroom) + " A level with this section is offered for hot-seat play by "
        "2–6 teams, one per playable country.\n\n" + field_table(Classroom),
        "### `tutorial`",
        inspect.cleandoc(tutorial_module.__doc__ or "").split("\n", 1)[1].strip() + "\n\n"
        "Each step:\n\n" + field_table(TutorialStep) + "\n\nEach hint:\n\n"
        + field_table(TurnHint) + "\n\nThe shipped tutorial (`levels/campaign/tutorial.yaml`) "
        "is a complete example; docs/tutorial.md shows what a student sees.",
    ]


def _other_formats() -> list[str]:
    """Strategies, campaigns, format versions, common mistakes and every kind of problem."""
    import game.content.models.campaign as campaign_module
    import game.content.models.strategy as strategy_module

    decision = DECISION_MODELS["US"]
    return [
        "## Strategies",
        _doc_body(Strategy) + "\n\n" + _module_yaml(strategy_module.__doc__ or "") + "\n\n"
        + field_table(Strategy) + "\n\nEach decision:\n\n" + field_table(decision) + "\n\n"
        "Run one with `borderlines simulate LEVEL --strategy FILE`. Countries the strategy "
        "does not script are led by their AI leaders; with `--status-quo` the playable ones "
        "keep the level's levers instead, and with `--no-ai` every country does. Without a "
        "strategy, `borderlines simulate LEVEL` lets the AI leaders play every country, the "
        "teams' ones too (as `play --autoplay`), and judges every objective, hidden ones "
        "included; `--country MX` shows that country's headlines, and each turn lists the "
        "events that fired.\n\n"
        "**Can my students win this?** `borderlines simulate LEVEL --sweep` plays the level "
        "under the status quo, the AI personalities of its playable countries (every "
        "combination for up to three countries; beyond that a set in which every two countries "
        "meet in every pair of personalities) and every strategy that names the level "
        "(`level: ID`) in a `strategies` folder beside it. For each objective it says whether "
        "it is *always met*, *reachable* (and by which runs) or *never met*, with the best "
        "margin seen; `--json` gives the same as data. `borderlines check` runs the same sweep "
        "on every level without errors and warns about each objective that no run meets "
        "(`--quick` skips it). Students may still find a way the AI leaders did not: write "
        "it as a strategy beside the level, and the warning goes.",
        "## Campaigns",
        _doc_body(Campaign) + "\n\n" + _module_yaml(campaign_module.__doc__ or "") + "\n\n"
        + field_table(Campaign) + "\n\nEach level:\n\n" + field_table(CampaignLevel)
        + "\n\nAn unlock rule:\n\n" + field_table(Unlock),
        "## Format versions",
        "The first line names the format and its version. Files in an older version are "
        "upgraded when they are loaded, with a warning; `borderlines check --upgrade FILE` "
        "rewrites the file in the current version (keeping the original as `FILE.bak`). For "
        "example, a `borderlines-level/0` file with `start_date: 2019-06-01` and levers under "
        "`policy:` loads, and the checker says:\n\n"
        "```text\n" + _migration_demo() + "\n```",
        "## Common mistakes and what the checker says",
        "Each example below is pasted into an otherwise correct level (so the line numbers are "
        "those of the whole file); the output is the checker's, word for word.",
        mistakes_section(),
        "## Every kind of problem the checker reports",
        problem_kinds(),
    ]


def _migration_demo() -> str:
    old = ("format: borderlines-level/0\nname: old-level\ntitle: An old level\n"
           "description: Written for the prototype.\nstart_date: 2019-06-01\nlength: 4\n"
           "players: [US]\npolicy:\n  US:\n    border_agents: 20000\n"
           "goals:\n  - id: deaths\n    text: Fewer deaths\n    metric: deaths_in_transit\n"
           "    below: 500\n")
    doc, problems = parse_text(old, "old-level.yaml")
    if doc is not None:
        problems += check_document(doc)[1]
    return "$ borderlines check old-level.yaml\n" + "\n".join(format_problem(p)
                                                            for p in problems)


def write_guide(path: str | Path = GUIDE_PATH) -> Path:
    """Write the guide (atomically); returns its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, render())
    return path
