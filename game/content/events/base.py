"""What every level event shares: when it happens, an optional headline, and its parameters.

An event happens at a month (``at: 2019-06``), at the start of a turn (``turn: 3``), or when a
metric crosses a threshold (``when: {metric: us_border_encounters, above: 100000}``), checked at
the end of every turn and happening at the start of the next; ``once: false`` lets a conditional
event happen again every turn the condition holds. A condition may combine several (``all:`` /
``any:``), compare with the start or the status quo, and hold only in some turns
(:mod:`game.content.models.conditions`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from game.content.models.common import ContentModel, Slug, Text, YearMonth, fail
from game.content.models.conditions import Condition
from game.content.models.levers import term_annotation
from game.sim.registry import EVENTS


def param(kind: str, name: str) -> Any:
    """The pydantic field of an event parameter, with range, unit and default from the registry."""
    spec = next(t for t in EVENTS[kind].params if t.name == name)
    return term_annotation(spec)[1]


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
