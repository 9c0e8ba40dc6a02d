"""Objectives: goals over metrics and scores, met at the end of a level or at a turn.

A threshold is absolute (``compare: absolute``, the default) or a change relative to the
level's first turn (``compare: start``) or to the status-quo baseline — the same level, same
random draws, starting policies never changed (``compare: baseline``). Relative changes are a
share by default (``-0.2`` or ``"-20%"`` = 20% lower) or, with ``change: difference``, a
difference in the metric's own unit (``+5`` approval points).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from game.content.models.common import (
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
    """

    id: Slug = Field(description="A name for the objective, unique in the level.")
    text: Text = Field(description="What players read.")
    metric: MetricName = Field(description="The canonical metric or score judged.")
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
        if (self.above is None) == (self.below is None):
            fail("objective-threshold", "an objective needs exactly one of `above` or `below`",
                 f"e.g. `below: 100000` to keep `{self.metric}` under 100,000")
        return self

    @property
    def threshold(self) -> float:
        """The number in ``above`` or ``below``."""
        return self.above if self.above is not None else float(self.below or 0.0)

    def judged_turn(self, turns: int) -> int:
        """The turn this objective is judged at, in a level of ``turns`` turns."""
        return self.turn or turns

    def evaluate(self, values: Sequence[float], baseline: Sequence[float] | None = None,
                 start: float | None = None) -> ObjectiveResult:
        """Judge the objective on per-turn values (``values[0]`` is turn 1).

        Args:
            values: the metric's value in each turn played so far, up to the judged turn.
            baseline: the same metric in the status-quo baseline (for ``compare: baseline``).
            start: the reference for ``compare: start``; by default the first turn's value.
        """
        turn = min(self.turn or len(values), len(values))
        value = _measure(values[:turn], self.measure)
        reference: float | None = None
        if self.compare == "baseline":
            if baseline is None:
                raise ValueError("compare: baseline needs the baseline's values")
            reference = _measure(baseline[:turn], self.measure)
        elif self.compare == "start":
            first = float(values[0]) if start is None else float(start)
            reference = first * turn if self.measure == "total" else first
        judged = value
        if reference is not None:
            if self.change == "difference":
                judged = value - reference
            elif reference == 0:
                judged = 0.0 if value == 0 else math.copysign(math.inf, value)
            else:
                judged = value / abs(reference) - math.copysign(1.0, reference)
        met = judged > self.above if self.above is not None else judged < self.threshold
        return ObjectiveResult(bool(met), value, self.threshold, reference, judged)


def _measure(values: Sequence[float], measure: str) -> float:
    if not values:
        return 0.0
    if measure == "total":
        return float(sum(values))
    if measure == "average":
        return float(sum(values)) / len(values)
    return float(values[-1])
