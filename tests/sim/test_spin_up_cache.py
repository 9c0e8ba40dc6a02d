"""The spun-up start of a level is computed once and handed out as independent copies."""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np

from game.sim import initial
from game.sim.params import default_params
from game.sim.policy import Policy, Scenario, month_index


def _same(a: initial.World, b: initial.World) -> bool:
    return all(np.array_equal(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))


def test_a_second_start_of_the_same_scenario_is_the_first_one_not_a_shared_object() -> None:
    scenario = Scenario(start=month_index(2019, 6), seed=11, policy=Policy())
    initial._SPUN.clear()
    first = initial.initial_world(scenario, 1, default_params())
    assert len(initial._SPUN) == 1
    # Fresh parameters equal to the first ones find the same spun-up world.
    second = initial.initial_world(scenario, 1, default_params())
    assert len(initial._SPUN) == 1 and _same(first, second)
    assert not np.shares_memory(first.stocks, second.stocks)
    second.stocks[0, 0, 0] += 1.0  # one game's arrays are its own
    assert _same(first, initial.initial_world(scenario, 1, default_params()))
    # Without the cache the world is the same to the last bit.
    uncached = initial._spin_up(scenario, 1, default_params(),
                                initial.Levers.from_policy(scenario.policy, 1))
    cached = initial._spin_up_once(scenario, default_params(),
                                   initial.Levers.from_policy(scenario.policy, 1))
    assert _same(uncached, cached)


def test_another_seed_levers_or_parameters_spin_up_afresh() -> None:
    scenario = Scenario(start=month_index(2019, 6), seed=11, policy=Policy())
    initial._SPUN.clear()
    initial.initial_world(scenario, 1, default_params())
    initial.initial_world(replace(scenario, seed=12), 1, default_params())
    other = scenario.policy.with_lever("US", "border_agents", 25_000)
    initial.initial_world(replace(scenario, policy=other), 1, default_params())
    params = default_params()
    changed = params.replace(**{next(iter(params.values())): 0.5})
    initial.initial_world(scenario, 1, changed)
    assert len(initial._SPUN) == 4
    for _ in range(12):  # a bounded cache
        scenario = replace(scenario, seed=scenario.seed + 1)
        initial.initial_world(scenario, 1, default_params())
    assert len(initial._SPUN) == initial._SPUN_KEPT
