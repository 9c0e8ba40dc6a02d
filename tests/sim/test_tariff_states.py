"""The tariff threat's states are the registry's named ones, month by month in the model."""

from __future__ import annotations

import numpy as np
from _worlds import SEED, START, params

from game.sim import Levers, Noise, initial_world, run_turn
from game.sim.policy import Agreement, Policy, Scenario
from game.sim.registry import TariffState, tariff_target_met


def states(seed: int, months: int = 4) -> list[TariffState]:
    threat = Agreement("tariff_threat", ("US", "MX"),
                       {"rate": 0.25, "target_reduction": 0.9, "deadline_months": 1})
    world = initial_world(Scenario(start=START, seed=seed), 1, params())
    levers = Levers.from_policies([Policy().with_agreement(threat)])
    out = []
    for _ in range(months):
        world, _ = run_turn(world, levers, params(), Noise.shared(seed), 1, ())
        out.append(TariffState(int(np.asarray(world.tariff_state).reshape(-1)[0])))
    return out


def test_a_threat_is_pending_until_its_deadline_then_settled_or_imposed() -> None:
    for seed in range(SEED, SEED + 4):
        seen = states(seed)
        assert seen[0] == TariffState.PENDING
        assert seen[-1] in (TariffState.SETTLED, TariffState.IMPOSED)


def test_a_target_is_met_when_encounters_fell_by_the_reduction_asked() -> None:
    assert tariff_target_met(70.0, 100.0, 0.3)
    assert not tariff_target_met(71.0, 100.0, 0.3)
