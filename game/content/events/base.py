"""What every level event shares: when it happens, an optional headline, and its parameters.

An event happens at a month (``at: 2019-06``), at the start of a turn (``turn: 3``), or when a
metric crosses a threshold (``when: {metric: us_border_encounters, above: 100000}``), checked at
the end of every turn and happening at the start of the next; ``once: false`` lets a conditional
event happen again every turn the condition holds.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from game.content.models.common import ContentModel, MetricName, Slug, Text, YearMonth, fail
from game.content.models.levers import term_annotation
from game.sim.registry import EVENTS


def param(kind: str, name: str) -> Any:
    """The pydantic field of an event parameter, with range, unit and default from the registry."""
    spec = next(t for t in EVENTS[kind].params if t.name == name)
    return term_annotation(spec)[1]


class Condition(ContentModel):
    """A threshold on a metric, checked on each turn's value at the end of the turn."""

    metric: MetricName = Field(description="The canonical metric to watch.")
    above: float | None = Field(None, description="Happens when the turn's value is above this.")
    below: float | None = Field(None, description="Happens when the turn's value is below this.")

    @model_validator(mode="after")
    def _one_threshold(self) -> Condition:
        if (self.above is None) == (self.below is None):
            fail("event-timing", "a condition needs exactly one of `above` or `below`",
                 "e.g. `when: {metric: us_border_encounters, above: 100000}`")
        return self

    def holds(self, value: float) -> bool:
        """True when ``value`` crosses the threshold."""
        if self.above is not None:
            return value > self.above
        return self.below is not None and value < self.below


class EventBase(ContentModel):
    """Timing and headline common to every event kind."""

    kind: str
    id: Slug | None = Field(None, description="A name for the event (unique in the level).")
    at: YearMonth | None = Field(None, description="The month it happens, YYYY-MM.")
    turn: int | None = Field(None, ge=1, description="The turn at whose start it happens.")
    when: Condition | None = Field(None, description="A condition on a metric instead of a date.")
    once: bool = Field(True, description="With `when`: happen only the first time (else every "
                       "turn the condition holds).")
    news: Text | None = Field(None, description="The headline players read when it happens.")

    @model_validator(mode="after")
    def _one_timing(self) -> EventBase:
        given = [name for name in ("at", "turn", "when") if getattr(self, name) is not None]
        if len(given) != 1:
            what = "no `at`, `turn` or `when`" if not given else (
                "both " + " and ".join(f"`{g}`" for g in given))
            fail("event-timing", f"this event has {what}",
                 "give exactly one: `at: 2019-06`, `turn: 3` or "
                 "`when: {metric: deaths_in_transit, above: 150}`")
        return self

    def params(self) -> dict[str, Any]:
        """The event's parameters (everything but kind, timing and headline)."""
        common = set(EventBase.model_fields)
        return {k: v for k, v in self.model_dump().items() if k not in common}
