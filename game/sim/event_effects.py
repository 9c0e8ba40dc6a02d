"""What each scheduled event kind does to a month, as one table (DESIGN.md §3.5).

The step gathers the arrays events may change into an :class:`EventState` and calls
:func:`apply_events`; each kind of the registry's ``EVENTS`` has one small handler here, so a new
kind is one function and one row of :data:`EVENT_EFFECTS`. ``policy_change`` changes the policy,
not the world: the caller applies it before the month (``Simulation``), so it has no handler.
Every handler scales its effect by the world's event weight (0 in the explanation's "no events"
worlds).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.sim.policy import ScheduledEvent
from game.sim.registry import ORIGINS
from game.sim.world import BLOCKABLE, KINDS, NATIONS, World

_ORIGIN = {o: i for i, o in enumerate(ORIGINS)}
_NATION = {c: i for i, c in enumerate(NATIONS)}
_BLOCK = {b: i for i, b in enumerate(BLOCKABLE)}
#: Who an announcement speaks to: one kind of movers, or all three.
_PEOPLE = {**{k: [i] for i, k in enumerate(KINDS)}, "everyone": list(range(len(KINDS)))}


@dataclass
class EventState:
    """The month's arrays that events change (copies owned by the step; handlers update them)."""

    income_shock: np.ndarray
    income_left: np.ndarray
    violence_shock: np.ndarray
    violence_left: np.ndarray
    disaster_push: np.ndarray
    economy_shock: np.ndarray
    economy_left: np.ndarray
    surge: np.ndarray
    surge_left: np.ndarray
    media: np.ndarray
    caravan: np.ndarray
    blocked: np.ndarray
    deadline_now: np.ndarray
    deadline_rate: np.ndarray
    release_seen: np.ndarray
    closure: np.ndarray
    closure_left: np.ndarray


def event_state(world: World, P: Any, deadline_rate: np.ndarray) -> EventState:
    """The arrays events may change this month: copies of the world's, the decaying ones decayed.

    ``deadline_rate`` is the tariff rate a deadline imposes when no event sets one, ``(n, 1)``.
    """
    n = world.n_worlds
    return EventState(
        income_shock=world.income_shock.copy(), income_left=world.income_left.copy(),
        violence_shock=world.violence_shock.copy(), violence_left=world.violence_left.copy(),
        disaster_push=world.disaster_push * P.disaster_push_decay,
        economy_shock=world.economy_shock.copy(), economy_left=world.economy_left.copy(),
        surge=world.surge.copy(), surge_left=world.surge_left.copy(),
        media=world.media * P.media_decay, caravan=np.zeros((n, 5)), blocked=world.blocked.copy(),
        deadline_now=np.zeros((n, 1)), deadline_rate=deadline_rate.copy(),
        release_seen=world.release_seen.copy(), closure=world.closure.copy(),
        closure_left=world.closure_left.copy())


#: A handler: the month's state, the event's parameters, the batch's coefficients, the weight.
Handler = Callable[[EventState, Mapping[str, Any], Any, np.ndarray], None]


def _disaster(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """A hurricane, a flood or a drought that ruins the harvest: income lost, a wish to leave."""
    o = _ORIGIN[str(p["origin"])]
    sev = float(p["severity"]) * evw
    st.income_shock[:, o] -= sev * P.flat.hurricane_income_loss
    st.disaster_push[:, o] += sev * P.flat.hurricane_push


def _epidemic(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """Borders shut for ``months``: incomes everywhere and US work fall for as long."""
    sev = float(p["severity"]) * evw
    months = float(p["months"]) * (sev > 0)  # a harmless epidemic holds no other shock longer
    st.closure = np.maximum(st.closure, sev)
    st.closure_left = np.maximum(st.closure_left, months)
    st.income_shock -= (sev * P.flat.epidemic_income_loss)[:, None]
    st.income_left = np.maximum(st.income_left, months[:, None])
    us = _NATION["US"]
    st.economy_shock[:, us] -= sev * P.flat.epidemic_us_output
    st.economy_left[:, us] = np.maximum(st.economy_left[:, us], months)


def _violence(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """Homicides up by ``increase`` for ``months``, then recovering."""
    o = _ORIGIN[str(p["origin"])]
    st.violence_shock[:, o] = np.log1p(float(p["increase"])) * evw
    st.violence_left[:, o] = float(p["months"])


def _caravan(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """A visible group sets out this month."""
    st.caravan[:, _ORIGIN[str(p["origin"])]] += float(p["size"]) * evw


def _photo(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """Media attention in one nation."""
    c = str(p["country"])
    if c in _NATION:
        st.media[:, _NATION[c]] += float(p["intensity"]) * evw


def _court(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """A court blocks one policy of one nation for the rest of the game."""
    c, b = str(p["country"]), str(p["blocks"])
    if c in _NATION and b in _BLOCK:
        cell = st.blocked[:, _NATION[c], _BLOCK[b]]
        st.blocked[:, _NATION[c], _BLOCK[b]] = np.maximum(cell, evw)


def _deadline(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """A tariff threat's deadline falls this month, at ``rate``."""
    st.deadline_now[:, 0] = evw
    st.deadline_rate = np.full((evw.shape[0], 1), float(p["rate"]))


def _economy(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """A nation's output or an origin's income moves by ``change`` for ``months``."""
    c = str(p["country"])
    change = np.log1p(float(p["change"])) * evw
    if c in _NATION:
        st.economy_shock[:, _NATION[c]] = change
        st.economy_left[:, _NATION[c]] = float(p["months"])
    if c in _ORIGIN:
        st.income_shock[:, _ORIGIN[c]] += change
        st.income_left[:, _ORIGIN[c]] = float(p["months"])


def _surge(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """More people from outside the region head north each month for ``months``."""
    st.surge += float(p["size"]) * evw
    st.surge_left = np.maximum(st.surge_left, float(p["months"]) * (evw > 0))


def _announcement(st: EventState, p: Mapping[str, Any], P: Any, evw: np.ndarray) -> None:
    """What movers believe about release jumps now; arrivals' real fate pulls it back later."""
    kinds = _PEOPLE.get(str(p["people"]), [])
    for k in kinds:
        st.release_seen[:, k, :] = np.clip(
            st.release_seen[:, k, :] + float(p["release_change"]) * evw[:, None], 0.0, 1.0)


#: Every event kind the step acts on, by name (``policy_change`` is the caller's, and ``news``
#: changes nothing: None).
EVENT_EFFECTS: dict[str, Handler | None] = {
    "hurricane": _disaster,
    "drought": _disaster,
    "flood": _disaster,
    "epidemic": _epidemic,
    "news": None,
    "violence_shock": _violence,
    "caravan": _caravan,
    "media_photo": _photo,
    "court_ruling": _court,
    "tariff_deadline": _deadline,
    "economic_shock": _economy,
    "extra_regional_surge": _surge,
    "announcement": _announcement,
    "policy_change": None,
}


def apply_events(st: EventState, events: Sequence[ScheduledEvent], month: int, P: Any,
                 evw: np.ndarray) -> None:
    """Apply the events scheduled for ``month`` to ``st``, in their order."""
    for ev in events:
        if ev.month == month:
            handler = EVENT_EFFECTS.get(ev.kind)
            if handler is not None:
                handler(st, ev.params, P, evw)
