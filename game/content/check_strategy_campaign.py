"""The checks of strategies and campaigns, and the helpers the level checks share with them.

:mod:`~game.content.check` reads, detects and validates every kind of file and runs the level
checks; it calls the checks here for strategies and campaigns, in-file (:func:`strategy_checks`,
:func:`campaign_checks`) and against the levels they name (:func:`strategy_fits_level`,
:func:`campaign_references`). The helpers whose names start with ``_`` (list items, unique ids,
agreements) are shared with the level checks in :mod:`~game.content.check` only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.content.models.campaign import Campaign, _ref_id
from game.content.models.level import Level
from game.content.models.levers import parties
from game.content.models.strategy import Strategy
from game.content.names import did_you_mean, join_and
from game.content.problems import Problem
from game.content.yamlsrc import EXTENSIONS, Document, YamlPath, read_document
from game.sim.registry import AGREEMENTS, COUNTRIES

# --- Shared with the level checks --------------------------------------------------------------

def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] \
        if isinstance(value, list) else []


def _unique(doc: Document, out: list[Problem], seen: dict[str, YamlPath], value: Any,
            path: YamlPath, what: str) -> None:
    if not isinstance(value, str):
        return
    if value in seen:
        first = doc.where(seen[value])
        out.append(doc.problem(path, f"the {what} id `{value}` is used twice "
                               f"(first at line {first.line})",
                               f"give each {what} its own id", "duplicate-id"))
    else:
        seen[value] = path


def _agreement_checks(doc: Document, base: YamlPath, code: str,
                      entries: Any) -> list[Problem]:
    """Agreements written by ``code`` that these countries cannot make together."""
    out: list[Problem] = []
    for i, entry in _items(entries):
        kind = entry.get("kind")
        if not isinstance(kind, str) or kind not in AGREEMENTS:
            continue
        named = entry.get("with")
        partners = [named] if isinstance(named, str) else (
            list(named) if isinstance(named, list) else [])
        if code in partners:
            # `by:` may name the writer (MX writing the returns it accepts); `with:` may not.
            out.append(doc.problem((*base, i, "with"), f"{code} cannot make `{kind}` with "
                                   "itself", "name the partner country in `with:`",
                                   "agreement-parties"))
            continue
        out += _share_checks(doc, (*base, i), kind, entry.get("terms"))
        if isinstance(entry.get("by"), str):
            partners.append(entry["by"])
        if not all(isinstance(p, str) and p in COUNTRIES for p in partners):
            continue
        try:
            parties(AGREEMENTS[kind], code, partners)
        except ValueError as error:
            out.append(doc.problem((*base, i), str(error),
                                   "write it under a country that may propose it, naming "
                                   "the partner with `with:`",
                                   "agreement-parties"))
    return out


def _share_checks(doc: Document, path: YamlPath, kind: str, terms: Any) -> list[Problem]:
    """Terms named ``share_*`` split one whole between countries: they add up to at most 100%."""
    specs = [term for term in AGREEMENTS[kind].terms if term.name.startswith("share_")]
    if not specs:
        return []
    given = terms if isinstance(terms, dict) else {}
    shares: list[float] = []
    for term in specs:
        value = given.get(term.name, term.default)
        if not isinstance(value, int | float) or isinstance(value, bool) \
                or not math.isfinite(value):
            return []  # a share that is not a number is reported by validation
        shares.append(float(value))
    total = sum(shares)
    if total <= 1 + 1e-9:
        return []
    names = ", ".join(f"`{term.name}`" for term in specs)
    return [doc.problem((*path, "terms"), f"the shares of `{kind}` add up to {total:.0%}; "
                        "together they may be at most 100%",
                        f"lower {names} so that they add up to 1 (100%) or less",
                        "out-of-range")]


def translation_checks(doc: Document, paths: Sequence[YamlPath]) -> list[Problem]:
    """Warn about texts that lack a language other texts of the same file have."""
    texts = {p: doc.get(p) for p in paths}
    languages: list[str] = []
    for text in texts.values():
        if isinstance(text, dict):
            languages += [k for k in text if isinstance(k, str) and re.fullmatch("[a-z]{2}", k)]
    languages = list(dict.fromkeys(languages))
    if not languages:
        return []
    out: list[Problem] = []
    for path, text in texts.items():
        if isinstance(text, str):
            have: list[str] = ["en"]  # a plain text is taken as English
        elif isinstance(text, dict):
            have = list(text)
        else:
            continue
        missing = [lang for lang in languages if lang not in have]
        if missing:
            listed = join_and([f"`{m}`" for m in missing])
            plain = isinstance(text, str)
            message = (f"this text is not translated into {listed}" if plain
                       else f"no {listed} translation")
            name = f"{path[-1]}: " if isinstance(path[-1], str) else ""
            example = name + "{en: ..., " + missing[0] + ": ...}" if plain else \
                f"{missing[0]}: ..."
            out.append(doc.problem(path, message,
                                   f"other texts in this file have {listed}; add `{example}` "
                                   "(until then those players see the English text)",
                                   "missing-translation", severity="warning"))
    return out


# --- Strategies and campaigns ------------------------------------------------------------------

def strategy_checks(doc: Document) -> list[Problem]:
    """Checks across the fields of a strategy."""
    out: list[Problem] = []
    seen: dict[tuple[int, str, str], YamlPath] = {}
    for i, decision in _items(doc.data.get("decisions")):
        levers = decision.get("set")
        if not isinstance(levers, dict):
            continue
        turn, country = decision.get("turn"), decision.get("country")
        if not isinstance(turn, int) or not isinstance(country, str):
            continue
        for lever in levers:
            key = (turn, country, lever)
            if key in seen:
                first = doc.where(seen[key])
                out.append(doc.problem(("decisions", i, "set", lever), f"{key[1]} sets "
                                       f"`{lever}` twice in turn {key[0]} (first at line "
                                       f"{first.line}); the later value wins",
                                       "keep one of them", "duplicate-id", severity="warning",
                                       key=True))
            else:
                seen[key] = ("decisions", i, "set", lever)  # type: ignore[index]
    for i, decision in _items(doc.data.get("decisions")):
        country = decision.get("country")
        if isinstance(country, str) and country in COUNTRIES:
            out += _agreement_checks(doc, ("decisions", i, "agreements"), country,
                                     decision.get("agreements"))
        for j, entry in _items(decision.get("agreements")):
            for timing in ("starts", "ends"):
                if timing in entry:  # a decision makes the agreement in its own turn
                    out.append(doc.problem(("decisions", i, "agreements", j, timing),
                                           f"`{timing}` belongs to a level's agreements",
                                           f"remove `{timing}`: a strategy makes the agreement "
                                           "in its decision's turn", "agreement-timing"))
    if isinstance(doc.data.get("description"), dict | str):
        out += translation_checks(doc, [("description",)])
    return out


def strategy_fits_level(doc: Document, strategy: Strategy, level: Level) -> list[Problem]:
    """Problems of a strategy against the level it names: turns beyond it, absent countries."""
    out: list[Problem] = []
    in_level = list(level.country_setups())
    for i, decision in enumerate(strategy.decisions):
        if decision.turn > level.turns:
            out.append(doc.problem(("decisions", i, "turn"), f"turn {decision.turn} is beyond "
                                   f"the {level.turns} turns of `{level.id}`",
                                   f"use a turn from 1 to {level.turns}", "turn-outside-level"))
        if decision.country not in in_level:
            out.append(doc.problem(("decisions", i, "country"), f"{decision.country} is not in "
                                   f"`{level.id}`", f"its countries are {join_and(in_level)}",
                                   "country-not-in-level", severity="warning"))
    return out


def _unlock_names(item: dict[str, Any]) -> list[str]:
    """The level names an unlock rule (as written) waits for."""
    unlock = item.get("unlock")
    after = unlock.get("after") if isinstance(unlock, dict) else (
        unlock if isinstance(unlock, str) and unlock != "always" else None)
    names = [after] if isinstance(after, str) else (after if isinstance(after, list) else [])
    return [n for n in names if isinstance(n, str)]


def _is_path(reference: str) -> bool:
    return reference.lower().endswith(EXTENSIONS)


def campaign_checks(doc: Document) -> list[Problem]:
    """Checks within a campaign: duplicate levels and unlock rules naming later levels.

    An unlock rule names a level by its id. A level listed by file (``one.yaml``) has its id
    inside that file, so a name that matches no listed reference is left to
    :func:`campaign_references`, which reads the files, when the campaign lists any by file.
    """
    out: list[Problem] = []
    seen: dict[str, YamlPath] = {}
    order: list[str] = []
    by_file = False
    for i, item in _items(doc.data.get("levels")):
        ref = item.get("level")
        if isinstance(ref, str):
            _unique(doc, out, seen, _ref_id(ref), ("levels", i, "level"),
                    "level")
            order.append(_ref_id(ref))
            by_file = by_file or _is_path(ref)
    for i, item in _items(doc.data.get("levels")):
        for name in _unlock_names(item):
            if name not in order:
                if not by_file:
                    out.append(doc.problem(("levels", i, "unlock"), f"unlocks after `{name}`, "
                                           "which is not in this campaign",
                                           did_you_mean(name, order)
                                           or "name a level listed above", "unlock-order"))
            elif order.index(name) >= i:
                out.append(_unlocks_later(doc, i, name))
    out += translation_checks(doc, [p for p in (("title",), ("summary",))
                                    if doc.get(p) is not None])
    return out


def _unlocks_later(doc: Document, i: int, name: str) -> Problem:
    return doc.problem(("levels", i, "unlock"), f"unlocks after `{name}`, which comes later, "
                       "so it can never open", "move it below that level, or unlock it after "
                       "an earlier one", "unlock-order")


def campaign_references(doc: Document, campaign: Campaign, path: Path,
                        known: dict[str, tuple[Path, Level]]) -> list[Problem]:
    """Campaign levels that cannot be found, and unlock rules naming levels by file name.

    A level is found as a file relative to the campaign, by id among ``known`` levels, or by
    id among the level files beside the campaign (as the game finds them).
    """
    out: list[Problem] = []
    beside = _ids_beside(path)
    ids: list[str | None] = []
    for i, item in enumerate(campaign.levels):
        found = resolve_level(item.level, path, known, beside)
        if found is None:
            out.append(doc.problem(("levels", i, "level"), f"no level `{item.level}` was found",
                                   did_you_mean(item.level, [*known, *beside])
                                   or "write a level id or a path relative to the campaign "
                                   "file", "unknown-level"))
        ids.append(item.level if not _is_path(item.level) else _level_id(found, known))
    refs = [_ref_id(item.level) for item in campaign.levels]
    by_file = any(_is_path(item.level) for item in campaign.levels)
    for i, item in enumerate(campaign.levels):
        for name in item.unlock.after if item.unlock is not None else []:
            if name in ids and name not in refs:  # by the id inside a file: checked here
                if ids.index(name) >= i:
                    out.append(_unlocks_later(doc, i, name))
            elif name in refs and ids[refs.index(name)] not in (None, name):
                level_id = ids[refs.index(name)]
                out.append(doc.problem(
                    ("levels", i, "unlock"), f"unlocks after `{name}`, the file name of the "
                    f"level `{level_id}`", f"write the level's id, `{level_id}` (file names "
                    "still work, but levels are named by id)", "unlock-order",
                    severity="warning"))
            elif name not in refs and by_file:
                names = [n for n in (*ids, *refs) if n]
                out.append(doc.problem(("levels", i, "unlock"), f"unlocks after `{name}`, "
                                       "which is not in this campaign",
                                       did_you_mean(name, names) or "name a level listed "
                                       "above by its id", "unlock-order"))
    return out


#: The most files read beside a campaign to find its levels' ids (a campaign kept in a big
#: folder is still checked quickly).
MAX_BESIDE = 500


def _ids_beside(campaign_path: Path) -> dict[str, Path]:
    """The ids of the level files in the campaign's folder (and below), by id."""
    out: dict[str, Path] = {}
    folder = campaign_path.parent
    try:
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in EXTENSIONS
                       and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                       and p.is_file())[:MAX_BESIDE]
    except OSError:
        return out
    for file in files:
        doc, _ = read_document(file)
        if doc is not None and isinstance(doc.data, dict) \
                and str(doc.data.get("format", "")).startswith("borderlines-level/") \
                and isinstance(doc.data.get("id"), str):
            out.setdefault(doc.data["id"], file)
    return out


def _level_id(found: Path | None, known: dict[str, tuple[Path, Level]]) -> str | None:
    """The id of the level in file ``found`` (None when it cannot be read)."""
    if found is None:
        return None
    for level_id, (file, _) in known.items():
        if file.resolve() == found.resolve():
            return level_id
    doc, _ = read_document(found)
    value = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
    return value if isinstance(value, str) else None


def resolve_level(reference: str, campaign_path: Path, known: dict[str, tuple[Path, Level]],
                  beside: dict[str, Path] | None = None) -> Path | None:
    """The file a campaign's level reference points at (a relative path or a level id)."""
    candidate = (campaign_path.parent / reference)
    if _is_path(reference) and candidate.is_file():
        return candidate
    if beside and reference in beside:
        return beside[reference]
    if reference in known:
        return known[reference][0]
    return None
