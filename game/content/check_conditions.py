"""Checks of a level's conditions, timed agreements and agreement/share objectives (STYLE.md 7).

The models catch a condition without a test or an agreement timing without a turn; these checks
read the raw data across fields, as the other level checks do: windows and turns beyond the
level, percentages where a number is meant, an agreement that ends before it starts, an
agreement objective about countries that cannot make it, a share written as a plain number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from game.content.check_strategy_campaign import _items
from game.content.names import format_number, join_and
from game.content.problems import Problem
from game.content.yamlsrc import Document, YamlPath
from game.sim.policy import month_index
from game.sim.registry import AGREEMENTS, COUNTRIES, METRICS

_PERCENT = re.compile(r"^\s*[+-−]?\d+(\.\d+)?\s*%\s*$")
#: Metric kinds that are not counts: a share of them means nothing.
_NOT_COUNTS = ("politics", "score", "condition")


def _month(value: Any) -> int | None:
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return month_index(int(match.group(1)), int(match.group(2)))
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _nodes(when: Any, path: YamlPath) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    """Every condition in a `when:` tree with its path, the outer one first."""
    if not isinstance(when, dict):
        return
    yield path, when
    for group in ("all", "any"):
        for i, inner in _items(when.get(group)):
            yield from _nodes(inner, (*path, group, i))


def _condition_checks(doc: Document, when: Any, path: YamlPath, start: int | None,
                      end: int | None, turns: int | None) -> list[Problem]:
    out: list[Problem] = []
    for at, node in _nodes(when, path):
        for key in ("from_turn", "until_turn"):
            turn = node.get(key)
            if isinstance(turn, int) and not isinstance(turn, bool) and turns is not None \
                    and turn > turns:
                out.append(doc.problem((*at, key), f"turn {turn} is beyond the level's {turns} "
                                       "turns", f"use a turn from 1 to {turns}",
                                       "turn-outside-level"))
        for key in ("from", "until"):
            month = _month(node.get(key))
            if month is not None and start is not None and end is not None \
                    and not start <= month < end:
                out.append(doc.problem((*at, key), f"{node[key]} is outside the level's months",
                                       "use a month from the level's start to its last month",
                                       "date-outside-level"))
        compare = node.get("compare", "absolute")
        for side in ("above", "below"):
            value = node.get(side)
            number = _number(value)
            if isinstance(value, str) and _PERCENT.match(value) and compare == "absolute":
                out.append(doc.problem((*at, side), "a percentage needs `compare: start` or "
                                       "`compare: baseline`", "add `compare: start` to compare "
                                       "with the first turn, or write an absolute number",
                                       "condition"))
            if compare != "absolute" and node.get("change", "share") == "share" \
                    and number is not None and abs(number) >= 1:
                out.append(doc.problem((*at, side), f"{format_number(number)} means a change "
                                       f"of {number * 100:+.0f}%", f"write `{side}: 20%` for "
                                       "20% more, or add `change: difference` for a difference "
                                       "in the metric's unit", "condition", severity="warning"))
    return out


def _timing_checks(doc: Document, entry: dict[str, Any], path: YamlPath, start: int | None,
                   end: int | None, turns: int | None) -> list[Problem]:
    out: list[Problem] = []
    timing: dict[str, dict[str, Any]] = {
        key: entry[key] for key in ("starts", "ends") if isinstance(entry.get(key), dict)}
    if timing and entry.get("kind") == "tariff_threat":
        out.append(doc.problem((*path, next(iter(timing))), "a tariff threat cannot start or "
                               "end on the level's clock", "make it a threat at the start, or "
                               "let a player make it; remove `starts`/`ends`",
                               "agreement-timing"))
    for key, value in timing.items():
        turn = value.get("turn")
        if isinstance(turn, int) and not isinstance(turn, bool) and turns is not None \
                and turn > turns:
            out.append(doc.problem((*path, key, "turn"), f"turn {turn} is beyond the level's "
                                   f"{turns} turns", f"use a turn from 2 to {turns}",
                                   "turn-outside-level"))
        out += _condition_checks(doc, value.get("when"), (*path, key, "when"), start, end, turns)
    first, last = (timing.get(k, {}).get("turn") for k in ("starts", "ends"))
    if isinstance(first, int) and isinstance(last, int) and last <= first:
        out.append(doc.problem((*path, "ends", "turn"), f"it ends at turn {last}, before it "
                               f"comes into force at turn {first}",
                               f"end it at turn {first + 1} or later", "agreement-timing"))
    return out


def _objective_checks(doc: Document, objective: dict[str, Any], path: YamlPath,
                      in_level: Sequence[str]) -> list[Problem]:
    out: list[Problem] = []
    kind = objective.get("agreement")
    if isinstance(kind, str) and kind in AGREEMENTS:
        spec = AGREEMENTS[kind]
        able = set(spec.proposers) | set(spec.acceptors)
        between = objective.get("between")
        named = [c for c in between if isinstance(c, str)] if isinstance(between, list) else []
        for code in named:
            if code in COUNTRIES and code not in able:
                out.append(doc.problem((*path, "between"), f"{code} cannot take part in "
                                       f"`{kind}`", f"its parties are {join_and(sorted(able))}",
                                       "objective-kind"))
        if in_level and not able & set(in_level):
            out.append(doc.problem((*path, "agreement"), f"no country of the level can take "
                                   f"part in `{kind}`", "add one of "
                                   f"{join_and(sorted(able))} under `countries:`",
                                   "objective-kind"))
    whole = objective.get("share_of")
    wholes = [whole] if isinstance(whole, str) else (whole if isinstance(whole, list) else [])
    if not wholes:
        return out
    for name in [objective.get("metric"), *wholes]:
        metric = METRICS.get(name) if isinstance(name, str) else None
        if metric is not None and metric.kind in _NOT_COUNTS:
            out.append(doc.problem((*path, "share_of"), f"`{name}` is not a count of people "
                                   "or events: a share of it means little", "use counts, "
                                   "e.g. `metric: family_unit_members_us` with "
                                   "`share_of: us_border_encounters`", "objective-kind",
                                   severity="warning"))
    if objective.get("compare", "absolute") == "absolute":
        for side in ("above", "below"):
            number = _number(objective.get(side))
            if number is not None and not 0 <= number <= 1:
                out.append(doc.problem((*path, side), f"a share is between 0% and 100%, not "
                                       f"{format_number(number)}", f"write it as a percentage, "
                                       f"e.g. `{side}: 40%` (or `{side}: 0.4`)",
                                       "objective-threshold"))
    return out


def condition_checks(doc: Document, data: dict[str, Any], start: int | None, end: int | None,
                     turns: int | None, in_level: Sequence[str]) -> list[Problem]:
    """Conditions of events and timed agreements, and agreement and share objectives."""
    out: list[Problem] = []
    for i, event in _items(data.get("events")):
        out += _condition_checks(doc, event.get("when"), ("events", i, "when"), start, end,
                                 turns)
    countries = data.get("countries")
    for code, setup in (countries.items() if isinstance(countries, dict) else ()):
        if not isinstance(setup, dict):
            continue
        for i, entry in _items(setup.get("agreements")):
            out += _timing_checks(doc, entry, ("countries", code, "agreements", i), start, end,
                                  turns)
    lists: list[tuple[YamlPath, Any]] = [(("objectives",), data.get("objectives"))]
    hidden = data.get("hidden_objectives")
    if isinstance(hidden, dict):
        lists += [(("hidden_objectives", code), items) for code, items in hidden.items()]
    for base, items in lists:
        for i, objective in _items(items):
            out += _objective_checks(doc, objective, (*base, i), in_level)
    return out


def timed_text_paths(data: dict[str, Any]) -> list[YamlPath]:
    """The `news` texts of timed agreements, for the translation checks."""
    paths: list[YamlPath] = []
    countries = data.get("countries")
    for code, setup in (countries.items() if isinstance(countries, dict) else ()):
        if not isinstance(setup, dict):
            continue
        for i, entry in _items(setup.get("agreements")):
            for key in ("starts", "ends"):
                if isinstance(entry.get(key), dict) and "news" in entry[key]:
                    paths.append(("countries", code, "agreements", i, key, "news"))
    return paths
