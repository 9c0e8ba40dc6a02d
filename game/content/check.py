"""The checker: every problem of every file, located, ranked and with a hint (STYLE.md 7).

Checking a file is three separate steps — read (:mod:`~game.content.yamlsrc`), migrate
(:mod:`~game.content.migrate`), validate — followed by the checks across fields that the models
cannot make alone (a lever set for a country that does not have it, a turn beyond the level, a
duplicate id, a missing translation …). The cross-field checks read the raw data defensively so
that they run even when some fields are malformed: the author sees all problems at once.
The level checks are here; those of strategies and campaigns, with the helpers the level checks
share with them, are in :mod:`~game.content.check_strategy_campaign`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.check_conditions import condition_checks, timed_text_paths
from game.content.check_stories import story_checks, story_text_paths
from game.content.check_strategy_campaign import (
    _agreement_checks,
    _items,
    _unique,
    campaign_checks,
    campaign_references,
    strategy_checks,
    strategy_fits_level,
    translation_checks,
)
from game.content.errors import validate
from game.content.migrate import CURRENT, format_name, migrate, parse_format
from game.content.models.campaign import Campaign
from game.content.models.common import FIRST_YEAR, LAST_YEAR, MAX_TEXT_CHARS
from game.content.models.level import Level
from game.content.models.strategy import Strategy
from game.content.names import did_you_mean, format_number, join_and
from game.content.problems import Problem, sort_problems
from game.content.tutorial_checks import tutorial_checks, tutorial_text_paths
from game.content.yamlsrc import EXTENSIONS, Document, YamlPath, read_document
from game.sim.policy import PolicyError, check_lever, month_index
from game.sim.registry import COUNTRIES, LEVERS, METRICS

MODELS: dict[str, type[BaseModel]] = {"level": Level, "campaign": Campaign,
                                      "strategy": Strategy}


def _known_formats() -> list[str]:
    return [format_name(kind) for kind in CURRENT]


def detect(doc: Document) -> tuple[str | None, list[Problem]]:
    """The kind of file (level, campaign, strategy) after migration, or None and why not."""
    if not isinstance(doc.data, dict):
        what = "a list" if isinstance(doc.data, list) else "a single value"
        return None, [doc.problem((), f"the file holds {what}, not `key: value` lines",
                                  "a level starts with `format: borderlines-level/1` followed "
                                  "by `id:`, `title:` and so on, one per line", "not-a-mapping")]
    value = doc.data.get("format")
    if value is None:
        guess = "strategy" if "decisions" in doc.data else (
            "campaign" if "levels" in doc.data else "level")
        return None, [doc.problem((), "the file has no `format:` line",
                                  f"add `format: {format_name(guess)}` as the first line",
                                  "format-missing")]
    parsed = parse_format(value)
    if parsed is None:
        near = did_you_mean(value, _known_formats())
        return None, [doc.problem(("format",), f"unknown format `{value}`",
                                  near or "the formats are " + ", ".join(
                                      f"`{f}`" for f in _known_formats()), "format-unknown")]
    kind, version = parsed
    if version > CURRENT[kind]:
        return None, [doc.problem(("format",), f"`{value}` is newer than this version of "
                                  "Borderlines understands",
                                  f"update Borderlines, or rewrite the file as "
                                  f"`{format_name(kind)}`", "format-unknown")]
    problems = migrate(doc, kind, version)
    if any(p.is_error for p in problems):
        return None, problems
    return kind, problems


def check_document(doc: Document, expect: str | None = None) -> tuple[Any, list[Problem]]:
    """Migrate, validate and cross-check a read document; (object or None, problems)."""
    kind, problems = detect(doc)
    if kind is None:
        return None, problems
    if expect is not None and kind != expect:
        return None, [*problems, doc.problem(
            ("format",), f"this is a {kind} file, not a {expect}",
            f"open it where a {kind} is expected", "format-wrong-kind")]
    try:
        obj, found = validate(MODELS[kind], doc)
        if isinstance(obj, Level) and doc.folder is not None:
            obj.set_folder(doc.folder)  # its story and epilogue images are read from there
        problems += found
        problems += {"level": level_checks, "strategy": strategy_checks,
                     "campaign": campaign_checks}[kind](doc)
        if kind in {"level", "campaign"}:
            problems += _short_text_checks(doc)
    except Exception as error:  # noqa: BLE001 - a checker bug must not become a traceback
        return None, [*problems, doc.problem(
            (), f"the checker could not finish this file ({type(error).__name__}: {error})",
            "this is a bug in Borderlines; please report it with the file attached",
            "internal-error")]
    problems = sort_problems(problems)
    if any(p.is_error for p in problems):
        obj = None
    return obj, problems


#: Problems found while reading a value that explain every other problem at the same place.
_ROOT_CAUSES = ("yaml-tag", "number-not-finite")


def tidy(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted problems without those caused by another (a value removed for its YAML tag)."""
    problems = list(problems)
    tagged = {(p.file, p.line, p.column) for p in problems if p.code in _ROOT_CAUSES}
    return sort_problems(p for p in problems if p.code in _ROOT_CAUSES
                         or (p.file, p.line, p.column) not in tagged)


#: The longest title and summary the level picker and campaign list show (characters).
MAX_TITLE_CHARS = 120
MAX_SUMMARY_CHARS = 600


def _short_text_checks(doc: Document) -> list[Problem]:
    """Titles and summaries fit where they are shown (the level picker, the campaign list)."""
    out: list[Problem] = []
    for key, limit, where in (("title", MAX_TITLE_CHARS, "a title fits on one line"),
                              ("summary", MAX_SUMMARY_CHARS, "a summary is one or two "
                                                             "sentences")):
        value = doc.get((key,))
        texts = ({(): value} if isinstance(value, str) else
                 {(lang,): text for lang, text in value.items() if isinstance(text, str)}
                 if isinstance(value, dict) else {})
        for sub, text in texts.items():
            # Beyond MAX_TEXT_CHARS the text's own validation already says so.
            if limit < len(text) <= MAX_TEXT_CHARS:
                out.append(doc.problem((key, *sub), f"this {key} is {len(text):,} characters "
                                       f"long; a {key} may have at most {limit}",
                                       f"shorten it: {where}", "text-too-long"))
    return out


def check_file(path: str | Path, expect: str | None = None,
               display: str | None = None) -> tuple[Any, list[Problem]]:
    """Read and check one file; (object or None, sorted problems)."""
    doc, problems = read_document(path, display)
    if doc is None:
        return None, sort_problems(problems)
    obj, more = check_document(doc, expect)
    problems = tidy([*problems, *more])
    return (None if any(p.is_error for p in problems) else obj), problems


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False when it cannot even be asked (a name too long)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def content_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and every .yaml/.yml file inside the folders named (sorted)."""
    out: list[Path] = []
    for path in map(Path, paths):
        if is_folder(path):
            # Hidden folders (.git, .venv) hold no levels and may hold thousands of files.
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in EXTENSIONS
                              and not any(part.startswith(".")
                                          for part in p.relative_to(path).parts)
                              and p.is_file()))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def check_paths(paths: Iterable[str | Path]) -> list[Problem]:
    """Check files and folders (recursing into .yaml/.yml); every problem, sorted.

    Besides each file's own problems, reports level ids used by two files, campaigns naming a
    level that none of the files (nor the shipped levels) defines, and strategies whose turns
    do not fit the level they name.
    """
    files = content_files(paths)
    problems: list[Problem] = []
    levels: dict[str, tuple[Path, Level]] = {}
    campaigns: list[tuple[Path, Document, Campaign]] = []
    strategies: list[tuple[Document, Strategy]] = []
    for path in files:
        doc, found = read_document(path)
        problems += found
        if doc is None:
            continue
        obj, found = check_document(doc)
        problems += found
        if found and any(p.is_error for p in tidy([*problems, *found])
                         if p.file == doc.file):
            obj = None
        if isinstance(obj, Level):
            if obj.id in levels:
                first = levels[obj.id][0]
                problems.append(doc.problem(("id",), f"the id `{obj.id}` is also used by "
                                            f"{first}", "give each level its own id",
                                            "duplicate-id"))
            else:
                levels[obj.id] = (path, obj)
        elif isinstance(obj, Campaign):
            campaigns.append((path, doc, obj))
        elif isinstance(obj, Strategy):
            strategies.append((doc, obj))
    if campaigns or strategies:
        known = dict(levels)
        for entry in _shipped_level_index():
            known.setdefault(entry[1].id, entry)
        for path, doc, campaign in campaigns:
            problems += campaign_references(doc, campaign, path, known)
        for doc, strategy in strategies:
            if strategy.level and strategy.level in known:
                problems += strategy_fits_level(doc, strategy, known[strategy.level][1])
            elif strategy.level:
                problems.append(doc.problem(("level",), f"no level has the id "
                                            f"`{strategy.level}`", did_you_mean(
                                                strategy.level, known) or
                                            "check the level's `id:` line", "unknown-level",
                                            severity="warning"))
    return tidy(problems)


def _shipped_level_index() -> list[tuple[Path, Level]]:
    from game.content.catalog import shipped_levels

    return [(e.path, e.level) for e in shipped_levels() if e.level is not None]


# --- Cross-field checks of a level -------------------------------------------------------------

def _int(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _month(value: Any) -> int | None:
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
        if match and 1 <= int(match.group(2)) <= 12 and FIRST_YEAR <= int(match.group(1)) \
                <= LAST_YEAR:
            return month_index(int(match.group(1)), int(match.group(2)))
    return None


def _label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"




#: The months (``policy.month_index``) the model's input data cover: 2000 to 2023.
DATA_FIRST, DATA_LAST = 2000 * 12, 2023 * 12 + 11
#: A level may run on this many years past the data before the checker says so.
DATA_GRACE_YEARS = 5
#: The model was fitted on FY2012-FY2016 (October 2011 to September 2016) and its predictions
#: tested against FY2017-FY2019, to September 2019 (docs/calibration.md).
FITTED_FIRST, TESTED_LAST = 2011 * 12 + 9, 2019 * 12 + 8


def model_years_checks(doc: Document, start: int | None, end: int | None) -> list[Problem]:
    """Warnings for a level set before or after the years the model was fitted and tested on."""
    if start is None or end is None:
        return []
    out = []
    if start < FITTED_FIRST or start > TESTED_LAST + 3:
        # After 2019 the real inputs go on (violence, incomes, remittances, jobs to 2023),
        # but nothing checked the outcomes, and 2020-2023's border events are not in them.
        when = ("before October 2011: its inputs go back to 2000 (violence to 2007), but "
                "its results were never compared with what happened then"
                if start < FITTED_FIRST else
                "after 2019: it runs on real trends of violence, incomes, remittances and US "
                "jobs to 2023, but its results were never compared with anything after "
                "September 2019, and it knows nothing of the pandemic's closed borders or "
                "Title 42 expulsions (2020–2023)")
        out.append(doc.problem(("start",), "the model was fitted on FY2012–FY2016 and tested "
                               f"on predictions to September 2019; this level starts {when}",
                               "treat it as a what-if and say so in the briefing; state what "
                               "the model cannot know with `world:` (e.g. "
                               "`asylum_backlog_us`) or with events", "date-outside-data",
                               severity="warning"))
    if end - 1 > DATA_LAST + 12 * DATA_GRACE_YEARS:
        years = (end - 1 - DATA_LAST) // 12
        out.append(doc.problem(("turns",), f"the level runs to {_label(end - 1)}, {years} "
                               "years past the model's last real inputs (2023): from then on "
                               "violence, incomes, remittances and US jobs stay at their 2023 "
                               "values, so its later years show what policies do in a world "
                               "frozen in 2023, not a forecast", "shorten the level or use "
                               "fewer months per turn; a decade (`months_per_turn: 12`, "
                               "`turns: 10`) is already long for the model",
                               "date-outside-data", severity="warning"))
    return out


def level_checks(doc: Document) -> list[Problem]:
    """Checks across the fields of a level (run even when some fields are malformed)."""
    data = doc.data
    out: list[Problem] = []
    start = _month(data.get("start"))
    turns = _int(data.get("turns"), 1, 120)
    per_turn = _int(data.get("months_per_turn", 3), 1, 12)
    end = start + turns * per_turn if (start is not None and turns is not None
                                       and per_turn is not None) else None
    countries = data.get("countries") if isinstance(data.get("countries"), dict) else {}
    in_level = [c for c in countries if c in COUNTRIES]
    playable = [c for c in in_level if not (isinstance(countries[c], dict)
                                            and countries[c].get("playable") is False)]

    if isinstance(data.get("countries"), dict):
        if not countries:
            out.append(doc.problem(("countries",), "no country takes part",
                                   "add at least one, e.g. `US: {}`", "no-player"))
        elif in_level and not playable:
            out.append(doc.problem(("countries",), "every country is led by the AI",
                                   "set `playable: true` on at least one country so that "
                                   "someone can play", "no-player", severity="warning"))
    for code in in_level:
        out += _country_checks(doc, code, countries[code], per_turn or 3)
    out += model_years_checks(doc, start, end)

    event_ids: dict[str, YamlPath] = {}
    for i, event in _items(data.get("events")):
        path: YamlPath = ("events", i)
        out += _timing_checks(doc, path, event, start, end, turns, per_turn)
        _unique(doc, out, event_ids, event.get("id"), (*path, "id"), "event")
        if event.get("kind") == "policy_change":
            out += _policy_change_checks(doc, path, event, in_level)
        if event.get("once") is False and "when" not in event:
            out.append(doc.problem((*path, "once"), "`once` matters only with `when`",
                                   "remove `once`, or make the event conditional",
                                   "event-timing", severity="warning"))

    objective_ids: dict[str, YamlPath] = {}
    objective_lists: list[tuple[YamlPath, Any]] = [(("objectives",), data.get("objectives"))]
    hidden = data.get("hidden_objectives")
    if isinstance(hidden, dict):
        for code, items in hidden.items():
            objective_lists.append((("hidden_objectives", code), items))
            if code in COUNTRIES and code not in playable:
                out.append(doc.problem(("hidden_objectives", code),
                                       f"hidden objectives for {code}, which no team plays",
                                       "give hidden objectives only to playable countries: "
                                       + (join_and(playable) or "none"),
                                       "country-not-in-level", key=True))
    for base, items in objective_lists:
        for i, objective in _items(items):
            path = (*base, i)
            _unique(doc, out, objective_ids, objective.get("id"), (*path, "id"), "objective")
            out += _objective_checks(doc, path, objective, turns, in_level)
    if isinstance(data.get("countries"), dict) and not objective_ids and "objectives" not in data:
        out.append(doc.problem((), "the level has no objectives",
                               "add an `objectives:` list so that players can earn stars",
                               "objective-threshold", severity="warning"))

    briefing = data.get("briefing")
    if isinstance(briefing, dict):
        for code in briefing:
            if code in COUNTRIES and code not in in_level:
                out.append(doc.problem(("briefing", code), f"a briefing for {code}, which is "
                                       "not in the level", f"add {code} under `countries:` or "
                                       "remove this briefing", "country-not-in-level",
                                       severity="warning", key=True))
    out += _classroom_checks(doc, data.get("classroom"), playable)
    out += _world_checks(doc, data.get("world"))
    out += tutorial_checks(doc, playable, turns)
    out += condition_checks(doc, data, start, end, turns, in_level)
    out += story_checks(doc, turns)
    out += translation_checks(doc, _level_text_paths(data) + tutorial_text_paths(data)
                              + timed_text_paths(data) + story_text_paths(data))
    return out




def _country_checks(doc: Document, code: str, setup: Any, per_turn: int) -> list[Problem]:
    out: list[Problem] = []
    if not isinstance(setup, dict):
        return out
    levers = setup.get("levers")
    annual = 0.0
    valid_costs = True
    if isinstance(levers, dict):
        for spec in LEVERS.values():
            if code not in spec.countries or spec.kind == "choice":
                continue
            value = levers.get(spec.name, spec.default[code])
            try:
                checked = check_lever(code, spec.name, value)
            except (PolicyError, TypeError, ValueError):
                valid_costs = False
                continue
            amount = sum(checked.values()) if hasattr(checked, "values") else float(
                checked)  # type: ignore[arg-type]
            annual += amount * spec.cost_per_unit.get(code, 0.0)
    budget = setup.get("budget")
    if valid_costs and isinstance(budget, int | float) and not isinstance(budget, bool) \
            and budget >= 0:
        cost = annual * per_turn / 12
        if cost > budget * 1.0001:
            out.append(doc.problem(
                ("countries", code, "budget"),
                f"{code}'s starting levers cost US${format_number(round(cost))}M a turn, "
                f"more than its budget of US${format_number(budget)}M",
                f"raise the budget to at least {math.ceil(cost)}, or lower the starting "
                "levers", "over-budget", severity="warning"))
    out += _agreement_checks(doc, ("countries", code, "agreements"), code,
                             setup.get("agreements"))
    return out




def _timing_checks(doc: Document, path: YamlPath, event: dict[str, Any], start: int | None,
                   end: int | None, turns: int | None, per_turn: int | None) -> list[Problem]:
    out: list[Problem] = []
    at = _month(event.get("at"))
    if at is not None and start is not None and end is not None:
        if at < start:
            out.append(doc.problem((*path, "at"), f"{_label(at)} is before the level starts "
                                   f"({_label(start)})", f"use a month from {_label(start)} to "
                                   f"{_label(end - 1)}", "date-outside-level"))
        elif at >= end:
            out.append(doc.problem((*path, "at"), f"{_label(at)} is after the level ends "
                                   f"(its last month is {_label(end - 1)})",
                                   f"use a month from {_label(start)} to {_label(end - 1)}, or "
                                   "add turns", "date-outside-level"))
    turn = event.get("turn")
    if isinstance(turn, int) and not isinstance(turn, bool) and turns is not None \
            and turn > turns:
        out.append(doc.problem((*path, "turn"), f"turn {turn} is beyond the level's {turns} "
                               "turns", f"use a turn from 1 to {turns}", "turn-outside-level"))
    return out


def _policy_change_checks(doc: Document, path: YamlPath, event: dict[str, Any],
                          in_level: Sequence[str]) -> list[Problem]:
    country, lever = event.get("country", "US"), event.get("lever", "border_agents")
    if not isinstance(country, str) or not isinstance(lever, str) or country not in COUNTRIES \
            or lever not in LEVERS:
        return []
    if country not in LEVERS[lever].countries:
        return [doc.problem((*path, "lever"), f"{country} has no lever `{lever}`",
                            f"only {join_and(LEVERS[lever].countries)} can set it",
                            "lever-not-for-country")]
    if "value" not in event:
        return []
    try:
        check_lever(country, lever, event["value"])
    except (TypeError, ValueError) as error:  # PolicyError is a ValueError
        code = "bad-choice" if LEVERS[lever].kind == "choice" else "out-of-range"
        return [doc.problem((*path, "value"), f"{country}'s `{lever}` cannot be "
                            f"{format_number(event['value'])}: {error}",
                            f"for example `value: {LEVERS[lever].example}`", code)]
    return []


def _objective_checks(doc: Document, path: YamlPath, objective: dict[str, Any],
                      turns: int | None, in_level: Sequence[str]) -> list[Problem]:
    out: list[Problem] = []
    turn = objective.get("turn")
    if isinstance(turn, int) and not isinstance(turn, bool) and turns is not None \
            and turn > turns:
        out.append(doc.problem((*path, "turn"), f"turn {turn} is beyond the level's {turns} "
                               "turns", f"use a turn from 1 to {turns}, or leave `turn` out to "
                               "judge at the end", "turn-outside-level"))
    who = objective.get("for")
    if isinstance(who, str) and who in COUNTRIES and who not in in_level:
        out.append(doc.problem((*path, "for"), f"{who} is not in the level",
                               f"the level's countries are {join_and(in_level)}",
                               "country-not-in-level"))
    metric = objective.get("metric")
    spec = METRICS.get(metric) if isinstance(metric, str) else None
    compare = objective.get("compare", "absolute")
    measure = objective.get("measure", "value")
    if spec is not None and measure == "total" and spec.per_turn != "sum":
        out.append(doc.problem((*path, "measure"), f"`{metric}` is a level, not a flow: its "
                               "total over turns means little",
                               "use `measure: value` or `measure: average`",
                               "objective-threshold", severity="warning"))
    for side in ("above", "below"):
        value = objective.get(side)
        percent = isinstance(value, str) and value.strip().endswith("%")
        number = float(value) if isinstance(value, int | float) and not isinstance(
            value, bool) else None
        if percent and compare == "absolute" and "share_of" not in objective:
            out.append(doc.problem((*path, side), "a percentage needs `compare: start` or "
                                   "`compare: baseline`", "add `compare: baseline` to compare "
                                   "with the status quo, or write an absolute number",
                                   "objective-threshold"))
        if compare != "absolute" and objective.get("change", "share") == "share" \
                and number is not None and abs(number) >= 1:
            pct = f"{number * 100:+.0f}%"
            out.append(doc.problem((*path, side), f"{format_number(number)} means a change of "
                                   f"{pct}", f"write `{side}: -0.2` or `{side}: -20%` for 20% "
                                   "lower, or add `change: difference` for a difference in "
                                   "the metric's unit", "objective-threshold",
                                   severity="error" if number <= -1 and side == "below"
                                   else "warning"))
        if spec is not None and compare == "absolute" and number is not None:
            bounds = {"0–100": (0, 100), "−100–100": (-100, 100), "0–1": (0, 1)}.get(spec.unit)
            never = (bounds is not None and ((side == "above" and number >= bounds[1])
                                             or (side == "below" and number <= bounds[0])))
            never = never or (bounds is None and side == "below" and number <= 0
                              and spec.kind != "politics")
            if never:
                out.append(doc.problem((*path, side), f"`{metric}` can never be {side} "
                                       f"{format_number(number)}",
                                       f"its unit is {spec.unit}; choose a threshold inside it",
                                       "objective-threshold"))
    return out


def _classroom_checks(doc: Document, classroom: Any, playable: Sequence[str]) -> list[Problem]:
    if not isinstance(classroom, dict):
        return []
    out: list[Problem] = []
    low, high = classroom.get("min_teams", 2), classroom.get("max_teams", 6)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        out.append(doc.problem(("classroom", "min_teams"), f"min_teams ({low}) is more than "
                               f"max_teams ({high})", "swap them", "classroom-teams"))
    if isinstance(high, int) and playable and high > len(playable) and "max_teams" in classroom:
        out.append(doc.problem(("classroom", "max_teams"), f"{high} teams but only "
                               f"{_countries(len(playable))} ({join_and(playable)})",
                               f"set `max_teams: {len(playable)}` or make more countries "
                               "playable", "classroom-teams", severity="warning"))
    if isinstance(low, int) and playable and low > len(playable):
        out.append(doc.problem(("classroom", "min_teams"), f"at least {low} teams but only "
                               f"{_countries(len(playable))}", "lower `min_teams`",
                               "classroom-teams"))
    return out


def _countries(n: int) -> str:
    return f"{n} playable countr{'y' if n == 1 else 'ies'}"


def _world_checks(doc: Document, world: Any) -> list[Problem]:
    if not isinstance(world, dict):
        return []
    out: list[Problem] = []
    for name, value in world.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        spec = METRICS.get(name)
        # Stocks of people (per-origin keys have no metric) cannot be negative.
        unit = spec.unit if spec is not None else "people"
        low, high = {"0–100": (0, 100), "−100–100": (-100, 100), "0–1": (0, 1),
                     "US$": (1, math.inf)}.get(unit, (0, math.inf))
        if not low <= value <= high:
            span = f"{low}–{high}" if high != math.inf else f"{low} or more"
            out.append(doc.problem(("world", name), f"`{name}` is {format_number(value)}, "
                                   f"outside {span} ({unit})", f"choose a value in {span}",
                                   "out-of-range"))
    return out


# --- Translations of a level ------------------------------------------------------------------

def _level_text_paths(data: dict[str, Any]) -> list[YamlPath]:
    paths: list[YamlPath] = [("title",), ("summary",)]
    if isinstance(data.get("briefing"), dict):
        paths += [("briefing", k) for k in data["briefing"]]
    paths += [("events", i, "news") for i, e in _items(data.get("events")) if "news" in e]
    paths += [("objectives", i, "text") for i, _ in _items(data.get("objectives"))]
    if isinstance(data.get("hidden_objectives"), dict):
        for code, items in data["hidden_objectives"].items():
            paths += [("hidden_objectives", code, i, "text") for i, _ in _items(items)]
    if isinstance(data.get("questions"), list):
        paths += [("questions", i) for i in range(len(data["questions"]))]
    for i, source in _items(data.get("sources")):
        # Titles of publications keep their own language; notes are translated.
        paths += [("sources", i, "note")] if "note" in source else []
    return paths
