"""The step's once-per-parameters and once-per-turn quantities: per-world values, new levers."""

from __future__ import annotations

import numpy as np
import pytest
from _worlds import START, params

from game.sim import Levers, Noise, World, initial_world, step
from game.sim.policy import Agreement, Policy, Scenario, ScheduledEvent

#: Coefficients read through the step's prepared tables (saturation, restrictiveness, places,
#: returnability, lags), each given a different value in each of three worlds.
PER_WORLD = {
    "mx_bus_kappa": [0.1, 0.25, 0.4],
    "rescue_half_musd": [50.0, 100.0, 200.0],
    "agents_reference_mx": [3000.0, 4500.0, 7000.0],
    "visas_reference_ca": [20000.0, 32000.0, 50000.0],
    "work_visa_share_us_gt": [0.02, 0.04, 0.08],
    "returnability_xr": [0.1, 0.2, 0.4],
    "strong_claim_share_hn": [0.2, 0.35, 0.5],
    "stc_port_coverage": [0.1, 0.2, 0.4],
    "corps_deploy_months": [2.0, 4.0, 8.0],
    "restrict_detention_detain": [0.0, 0.1, 0.3],
    "restrict_removal_expel": [0.2, 0.4, 0.8],
}

POLICY = (Policy()
          .with_lever("US", "detention", "detain_separate")
          .with_lever("US", "rescue", 100)
          .with_lever("US", "aid_economic", 300)
          .with_agreement(Agreement("safe_third_country", ("US", "GT"), {"coverage": 0.6}))
          .with_agreement(Agreement("joint_corps", ("US", "MX", "CA")))
          .with_agreement(Agreement("returns_acceptance", ("US", "MX")))
          .with_agreement(Agreement("tariff_threat", ("US", "MX"))))
EVENTS = (ScheduledEvent("caravan", START + 1, {"origin": "HN", "size": 8000}),
          ScheduledEvent("court_ruling", START + 2, {"country": "US", "blocks": "expel"}))


def _run(world: World, levers: Levers, p, months: int = 4) -> tuple[World, dict]:
    noise = Noise.shared(11)
    metrics = {}
    for _ in range(months):
        world, out = step(world, levers, p, noise, EVENTS)
        metrics = out.metrics
    return world, metrics


def test_worlds_with_their_own_coefficients_match_each_world_run_alone():
    batch_params = params().replace(**{k: np.array(v) for k, v in PER_WORLD.items()})
    start = initial_world(Scenario(start=START, seed=11), 1, params())
    batch_world, batch_metrics = _run(start.take([0, 0, 0]), Levers.from_policy(POLICY, 3),
                                      batch_params)
    for i in range(3):
        alone = params().replace(**{k: v[i] for k, v in PER_WORLD.items()})
        world, metrics = _run(start, Levers.from_policy(POLICY), alone)
        # Shared noise gives every world the same draws, alone or in the batch.
        np.testing.assert_allclose(batch_world.stocks[i], world.stocks[0], rtol=1e-12)
        np.testing.assert_allclose(batch_world.relations[i], world.relations[0], rtol=1e-12)
        for name in ("us_border_encounters", "deaths_in_transit", "approval_us",
                     "spending_us", "asylum_backlog_us"):
            assert batch_metrics[name][i] == pytest.approx(metrics[name][0], rel=1e-12), name


def test_new_levers_take_effect_in_the_next_month():
    start = initial_world(Scenario(start=START, seed=11), 1, params())
    noise = Noise.shared(11)
    open_door = Levers.from_policy(Policy().with_lever("US", "humanitarian_visas", 400_000))
    world_a, first = step(start, Levers.from_policy(Policy()), params(), noise)
    _, second = step(world_a, open_door, params(), noise)
    _, fresh = step(world_a, Levers.from_policy(
        Policy().with_lever("US", "humanitarian_visas", 400_000)), params(), noise)
    assert second.metrics["spending_us"][0] > first.metrics["spending_us"][0]
    assert second.metrics["spending_us"][0] == fresh.metrics["spending_us"][0]
    assert second.metrics["legal_admissions_us"][0] == fresh.metrics["legal_admissions_us"][0]


def test_a_world_is_assembled_only_from_every_field():
    world = initial_world(Scenario(start=START, seed=11), 1, params())
    fields = dict(world.__dict__)
    assert World.assemble(**fields) == world
    del fields["price"]
    with pytest.raises(TypeError, match="price"):
        World.assemble(**fields)
