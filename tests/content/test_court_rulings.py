"""What a court can block: one list, accepted by the checker and each acted on by the model."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.events.court_ruling import BLOCKABLE
from game.sim import Levers, Noise, default_params, initial_world, run_turn
from game.sim.policy import Agreement, Policy, Scenario, ScheduledEvent, month_index
from game.sim.registry import AGREEMENTS, COURT_BLOCKABLE, LEVERS
from game.sim.world import BLOCKABLE as MODEL_BLOCKABLE

START = month_index(2019, 1)
SEED = 11


def using(value: str) -> Policy:
    """A US policy that uses ``value``: the lever choice set, or the agreement in force."""
    for spec in LEVERS.values():
        if spec.kind == "choice" and value in spec.choices and "US" in spec.countries:
            return Policy().with_lever("US", spec.name, value)
    assert value in AGREEMENTS, f"{value} is neither a US lever choice nor an agreement"
    return Policy().with_agreement(Agreement(value, ("US", "MX")))


def outcome(policy: Policy, events: list[ScheduledEvent]) -> dict[str, float]:
    params = default_params()
    world = initial_world(Scenario(start=START, seed=SEED), 1, params)
    _, out = run_turn(world, Levers.from_policies([policy]), params, Noise.shared(SEED), 6,
                      events)
    return {k: float(np.asarray(v).reshape(-1)[0]) for k, v in out.metrics.items()}


def test_the_checker_accepts_exactly_what_the_model_can_block() -> None:
    assert BLOCKABLE == COURT_BLOCKABLE == MODEL_BLOCKABLE


@pytest.mark.parametrize("value", COURT_BLOCKABLE)
def test_every_value_a_court_may_block_changes_the_outcome_of_a_policy_using_it(
        value: str) -> None:
    policy = using(value)
    ruling = ScheduledEvent("court_ruling", START, {"country": "US", "blocks": value})
    free, blocked = outcome(policy, []), outcome(policy, [ruling])
    moved = [m for m in free if not np.isclose(free[m], blocked[m], rtol=1e-6, atol=1e-6)]
    assert moved, f"a court blocking {value} changes nothing in the model"
