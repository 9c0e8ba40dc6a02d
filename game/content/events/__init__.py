"""Level events: one documented class per event kind of the registry (STYLE.md 9).

Each class's docstring shows how to write the event in a level; the level guide
(``docs/levels.md``) is generated from these docstrings. A kind added to
:data:`game.sim.registry.EVENTS` without a class here still loads (a class is generated from the
registry's parameters) but a test asks for a documented class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, create_model

from game.content.events.announcement import Announcement
from game.content.events.base import Condition, EventBase, param
from game.content.events.caravan import Caravan
from game.content.events.court_ruling import CourtRuling
from game.content.events.drought import Drought
from game.content.events.economic_shock import EconomicShock
from game.content.events.epidemic import Epidemic
from game.content.events.extra_regional_surge import ExtraRegionalSurge
from game.content.events.flood import Flood
from game.content.events.hurricane import Hurricane
from game.content.events.media_photo import MediaPhoto
from game.content.events.news import News
from game.content.events.policy_change import PolicyChange
from game.content.events.tariff_deadline import TariffDeadline
from game.content.events.violence_shock import ViolenceShock
from game.content.models.common import fail, shown
from game.content.names import choices_hint
from game.sim.registry import EVENTS

#: The documented classes, by kind.
DOCUMENTED: dict[str, type[EventBase]] = {
    cls.model_fields["kind"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (Hurricane, Drought, ViolenceShock, Caravan, MediaPhoto, CourtRuling,
                TariffDeadline, EconomicShock, ExtraRegionalSurge, Announcement, PolicyChange,
                Flood, Epidemic, News)
}


def _generated(kind: str) -> type[EventBase]:
    """A plain class for a registry event kind that has no documented class yet."""
    fields: dict[str, Any] = {"kind": (Literal[kind], ...)}
    for term in EVENTS[kind].params:
        fields[term.name] = (Any, param(kind, term.name))
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"Event_{kind}", __base__=EventBase, __doc__=EVENTS[kind].description, **fields)


#: Every event kind's class, in the registry's order.
EVENT_CLASSES: dict[str, type[EventBase]] = {
    kind: DOCUMENTED.get(kind) or _generated(kind) for kind in EVENTS
}


def _event_kind(value: Any) -> Any:
    """Catch a missing or misspelt ``kind`` first, for a message with a hint."""
    if not isinstance(value, dict):
        fail("wrong-type", f"an event is a mapping, got {shown(value)}",
             "write `- kind: caravan` and its fields on the lines below")
    kind = value.get("kind")
    if kind is None:
        fail("missing-field", "this event has no `kind`",
             "add e.g. `kind: caravan`; the kinds are " + ", ".join(f"`{k}`" for k in EVENTS))
    if not isinstance(kind, str) or kind not in EVENTS:
        fail("unknown-event", f"unknown event kind `{kind}`",
             choices_hint(kind, EVENTS, "the event kinds are"), at="kind")
    return value


#: One event of any kind, told apart by its ``kind``.
if TYPE_CHECKING:
    Event = EventBase
else:
    Event = Annotated[
        Union[tuple(EVENT_CLASSES.values())],  # type: ignore[valid-type]  # noqa: UP007
        Field(discriminator="kind"),
        BeforeValidator(_event_kind),
    ]

__all__ = [
    "DOCUMENTED",
    "EVENT_CLASSES",
    "Caravan",
    "Condition",
    "CourtRuling",
    "EconomicShock",
    "Epidemic",
    "Event",
    "EventBase",
    "ExtraRegionalSurge",
    "Flood",
    "Hurricane",
    "MediaPhoto",
    "News",
    "PolicyChange",
    "TariffDeadline",
    "ViolenceShock",
]
