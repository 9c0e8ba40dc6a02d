"""Objectives: goals over metrics and scores, met at the end of a level or at a turn.

A threshold is absolute (``compare: absolute``, the default) or a change relative to the
level's first turn (``compare: start``) or to the status-quo baseline — the same level, same
random draws, starting policies never changed (``compare: baseline``). Relative changes are a
share by default (``-0.2`` or ``"-20%"`` = 20% lower) or, with ``change: difference``, a
difference in the metric's own unit (``+5`` approval points).

An objective may judge a share instead of a metric (``share_of:`` one metric or the sum of
several: families as a share of encounters, ``"40%"``), or whether an agreement is in force
(``agreement:``, with ``in_force: false`` for one that must not be).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from game.content.models.common import (
    AgreementKind,
    ContentModel,
    CountryCode,
    MetricName,
    Slug,
    Text,
    fail,
    shown,
)

_PERCENT = re.compile(r"^\s*([+-−]?\d+(?:\.\d+)?)\s*%\s*$")


def _threshold(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        fail("wrong-type", f"expected a number, got {shown(value)}",
             "e.g. `below: 100` (absolute) or `below: -20%` with `compare: baseline`")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if match:
            return float(match.group(1).replace("−", "-")) / 100.0
    fail("wrong-type", f"expected a number or a percentage, got {shown(value)}",
         "write a number (`120000`) or a change such as `-20%`; no commas or units")


Threshold = Annotated[float, BeforeValidator(_threshold), WithJsonSchema(
    {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[+-]?\d+(\.\d+)?%$"}],
     "description": "A number, or a percentage such as -20% for relative comparisons."})]


def _turn_or_end(value: Any) -> Any:
    if value == "end" or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            fail("turn-outside-level", f"turn {value} does not exist", "turns start at 1")
        return value
    fail("wrong-type", f"expected a turn number or `end`, got {shown(value)}",
         "e.g. `turn: 4`; leave it out (or write `end`) to judge at the end of the level")


TurnOrEnd = Annotated[int | None, BeforeValidator(_turn_or_end), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 1}, {"const": "end"}],
     "description": "The turn at whose end it is judged, or `end` (the default)."})]


def relative_change(value: float, reference: float, change: str) -> float:
    """``value`` against ``reference``: a share (0.2 = 20% higher) or a difference."""
    if change == "difference":
        return value - reference
    if reference == 0:
        return 0.0 if value == 0 else math.copysign(math.inf, value)
    return value / abs(reference) - math.copysign(1.0, reference)


@dataclass(frozen=True)
class ObjectiveResult:
    """How an objective turned out: the value judged, the target and whether it was met."""

    met: bool
    value: float
    target: float
    reference: float | None
    #: What is compared with the target: the value, or its change against the reference.
    judged: float = 0.0


class Objective(ContentModel):
    """A goal over a metric or score; meeting it earns its stars.

    YAML usage::

        objectives:
          - id: fewer-deaths
            text: "Fewer deaths in transit than if nothing had changed"
            metric: deaths_in_transit
            measure: total         # summed over the level
            compare: baseline      # against the status quo
            below: -10%            # at least 10% fewer
            stars: 2
          - id: keep-approval
            text: "Keep US approval above 42 at the end"
            metric: approval_us
            above: 42
            for: US                # only the US team earns it
          - id: fewer-families
            text: "Families under a third of encounters at the end"
            metric: family_unit_members_us
            share_of: us_border_encounters   # or a list, whose sum is the whole
            below: 33%
          - id: keep-the-deal
            text: "Keep the returns deal with Mexico in force to the end"
            agreement: returns_acceptance
            between: [US, MX]      # optional: only this deal (else any of its kind)
            in_force: true         # false: that it is not in force
    """

    id: Slug = Field(description="A name for the objective, unique in the level.")
    text: Text = Field(description="What players read.")
    metric: MetricName | None = Field(None, description="The canonical metric or score judged "
                                      "(or, with `share_of`, the part of a whole).")
    share_of: MetricName | list[MetricName] | None = Field(
        None, description="Judge `metric` as a share of this metric (or of the sum of a list "
        "of metrics): `below: 33%` = under a third.")
    agreement: AgreementKind | None = Field(
        None, description="Instead of a metric: judge whether this agreement is in force at "
        "the end of the judged turn.")
    between: list[CountryCode] | None = Field(
        None, description="With `agreement`: the countries that must be its parties; left "
        "out, any agreement of that kind counts.")
    in_force: bool | None = Field(None, description="With `agreement`: met when it is in "
                                  "force (true, the default) or when it is not (false).")
    above: Threshold | None = Field(None, description="Met when the value is above this.")
    below: Threshold | None = Field(None, description="Met when the value is below this.")
    compare: Literal["absolute", "start", "baseline"] = Field(
        "absolute", description="absolute: the value itself; start: change from the level's "
        "first turn; baseline: change from the status quo (same level, policies untouched).")
    change: Literal["share", "difference"] = Field(
        "share", description="For start/baseline: a share (-0.2 = 20% lower) or a difference "
        "in the metric's unit (+5 points).")
    measure: Literal["value", "total", "average"] = Field(
        "value", description="value: the metric in the judged turn; total: summed over the "
        "turns so far; average: their mean.")
    turn: TurnOrEnd = Field(None, description="The turn at whose end it is judged; "
                            "left out, the end of the level.")
    for_: CountryCode | Literal["all"] = Field(
        "all", alias="for", description="The country whose team earns it, or all.")
    stars: int = Field(1, ge=1, le=3, description="Stars earned when met (1–3).",
                       json_schema_extra={"unit": "stars", "examples": [1]})

    @model_validator(mode="after")
    def _one_threshold(self) -> Objective:
        if (self.metric is None) == (self.agreement is None):
            fail("objective-kind", "an objective needs exactly one of `metric` or `agreement`",
                 "e.g. `metric: deaths_in_transit` with `below: 150`, or "
                 "`agreement: returns_acceptance` to judge that it is in force")
        if self.agreement is not None:
            stray = [n for n in ("above", "below", "share_of") if getattr(self, n) is not None]
            # Judged by value, not by presence: a saved level writes the defaults out.
            stray += [n for n, default in (("compare", "absolute"), ("change", "share"),
                                           ("measure", "value")) if getattr(self, n) != default]
            if stray:
                fail("objective-kind", f"`{stray[0]}` has no meaning for an agreement "
                     "objective", "remove it; write `in_force: false` to judge that the "
                     "agreement is not in force", at=stray[0])
            return self
        if self.between is not None or self.in_force is not None:
            fail("objective-kind", "`between` and `in_force` go with `agreement`",
                 "remove them, or judge an agreement with `agreement: <kind>`")
        if self.whole() == [self.metric]:  # in a sum of several it is one part of the whole
            fail("objective-kind", f"`{self.metric}` cannot be a share of itself",
                 "name a larger whole in `share_of`, e.g. `share_of: us_border_encounters`")
        if (self.above is None) == (self.below is None):
            fail("objective-threshold", "an objective needs exactly one of `above` or `below`",
                 f"e.g. `below: 100000` to keep `{self.metric}` under 100,000")
        return self

    @property
    def threshold(self) -> float:
        """The number in ``above`` or ``below``."""
        return self.above if self.above is not None else float(self.below or 0.0)

    def whole(self) -> list[str]:
        """The metrics whose sum is the whole of a share objective (empty for others)."""
        if self.share_of is None:
            return []
        return [self.share_of] if isinstance(self.share_of, str) else list(self.share_of)

    def judge_agreement(self, in_force: Sequence[bool]) -> ObjectiveResult:
        """Judge an agreement objective on whether it was in force at each turn's end."""
        turn = min(self.turn or len(in_force), len(in_force))
        now = bool(in_force[turn - 1]) if turn else False
        value = 1.0 if now else 0.0
        wanted = self.in_force is not False
        return ObjectiveResult(now == wanted, value, 1.0 if wanted else 0.0, None, value)

    def judged_turn(self, turns: int) -> int:
        """The turn this objective is judged at, in a level of ``turns`` turns."""
        return self.turn or turns

    def evaluate(self, values: Sequence[float], baseline: Sequence[float] | None = None,
                 start: float | None = None, *, of: Sequence[float] | None = None,
                 baseline_of: Sequence[float] | None = None) -> ObjectiveResult:
        """Judge the objective on per-turn values (``values[0]`` is turn 1).

        Args:
            values: the metric's value in each turn played so far, up to the judged turn.
            baseline: the same metric in the status-quo baseline (for ``compare: baseline``).
            start: the reference for ``compare: start``; by default the first turn's value.
            of: for a share, the whole (summed over ``share_of``) in each turn.
            baseline_of: the whole in the status-quo baseline, each turn.
        """
        turn = min(self.turn or len(values), len(values))
        value = _measure(values[:turn], self.measure, of[:turn] if of is not None else None)
        reference: float | None = None
        if self.compare == "baseline":
            if baseline is None:
                raise ValueError("compare: baseline needs the baseline's values")
            reference = _measure(baseline[:turn], self.measure,
                                 baseline_of[:turn] if baseline_of is not None else None)
        elif self.compare == "start":
            if of is not None:  # a share's reference is the first turn's share
                first = _measure(values[:1], "value", of[:1])
            else:
                first = float(values[0]) if start is None else float(start)
            reference = first * turn if self.measure == "total" and of is None else first
        judged = value
        if reference is not None:
            judged = relative_change(value, reference, self.change)
        met = judged > self.above if self.above is not None else judged < self.threshold
        return ObjectiveResult(bool(met), value, self.threshold, reference, judged)


def _measure(values: Sequence[float], measure: str,
             whole: Sequence[float] | None = None) -> float:
    if not values:
        return 0.0
    if whole is not None:
        # A share: the total's share over the turns, or each turn's share (last or mean).
        if measure == "total":
            return _ratio(sum(values), sum(whole))
        return _measure([_ratio(v, w) for v, w in zip(values, whole, strict=False)], measure)
    if measure == "total":
        return float(sum(values))
    if measure == "average":
        return float(sum(values)) / len(values)
    return float(values[-1])


def _ratio(part: float, whole: float) -> float:
    return float(part) / float(whole) if whole else 0.0
