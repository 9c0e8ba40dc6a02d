"""The event kinds as one table: every kind of the registry has its effect, and each acts."""

from __future__ import annotations

import numpy as np

from game.sim.event_effects import EVENT_EFFECTS, EventState, apply_events
from game.sim.params import default_params
from game.sim.policy import ScheduledEvent
from game.sim.registry import EVENTS
from game.sim.world import BLOCKABLE


def blank_state(n: int = 2) -> EventState:
    z5, z3, z1 = np.zeros((n, 5)), np.zeros((n, 3)), np.zeros(n)
    return EventState(
        income_shock=z5.copy(), income_left=z5.copy(), violence_shock=z5.copy(),
        violence_left=z5.copy(), disaster_push=z5.copy(), economy_shock=z3.copy(),
        economy_left=z3.copy(), surge=z1.copy(), surge_left=z1.copy(), media=z3.copy(),
        caravan=z5.copy(), blocked=np.zeros((n, 3, len(BLOCKABLE))),
        deadline_now=np.zeros((n, 1)), deadline_rate=np.zeros((n, 1)),
        release_seen=np.full((n, 3, 5), 0.5), closure=z1.copy(), closure_left=z1.copy())


def snapshot(st: EventState) -> np.ndarray:
    return np.concatenate([np.ravel(v) for v in vars(st).values()])


def test_every_event_kind_of_the_registry_has_its_row_in_the_table() -> None:
    assert set(EVENT_EFFECTS) == set(EVENTS)


def test_every_kind_but_policy_change_changes_the_month_and_only_when_it_is_due() -> None:
    P = default_params().batch(2)
    weight = np.array([1.0, 0.0])  # the second world is an explanation's "no events" world
    for kind, handler in EVENT_EFFECTS.items():
        if handler is None:
            assert kind in ("policy_change", "news")
            continue
        event = ScheduledEvent(kind, 5)
        st = blank_state()
        apply_events(st, [event], 4, P, weight)
        before = snapshot(blank_state())
        assert np.all(snapshot(st) == before), f"{kind} acted before its month"
        apply_events(st, [event], 5, P, weight)
        first = np.concatenate([np.ravel(v[0]) for v in vars(st).values()])
        blank = np.concatenate([np.ravel(v[0]) for v in vars(blank_state()).values()])
        assert np.any(first != blank), f"{kind} changed nothing"
