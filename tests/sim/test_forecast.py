"""The advisors' forecast gives ordered, repeatable ranges and leaves the game untouched."""

from __future__ import annotations

from game.sim import Simulation
from game.sim.forecast import FORECAST_METRICS, forecast
from game.sim.policy import Scenario, month_index

SCENARIO = Scenario(start=month_index(2019, 6), seed=3)


def test_bands_are_ordered_for_every_key_metric() -> None:
    sim = Simulation(SCENARIO)
    bands = forecast(sim, SCENARIO.policy, 3)
    assert set(bands) == set(FORECAST_METRICS)
    for band in bands.values():
        assert band.p10 <= band.p50 <= band.p90


def test_the_same_question_gets_the_same_answer_and_the_game_does_not_move() -> None:
    sim = Simulation(SCENARIO)
    digest = sim.state_hash()
    assert forecast(sim, SCENARIO.policy, 3) == forecast(sim, SCENARIO.policy, 3)
    assert sim.state_hash() == digest


def test_the_game_outcome_usually_falls_inside_the_forecast_range() -> None:
    sim = Simulation(SCENARIO)
    bands = forecast(sim, SCENARIO.policy, 3, n_worlds=400)
    outcome = sim.advance(SCENARIO.policy, 3).value("us_border_encounters")
    band = bands["us_border_encounters"]
    spread = band.p90 - band.p10
    assert band.p10 - spread <= outcome <= band.p90 + spread


def test_planned_enforcement_moves_the_forecast() -> None:
    sim = Simulation(SCENARIO)
    calm = forecast(sim, SCENARIO.policy, 3)
    guard = forecast(sim, SCENARIO.policy.with_lever("MX", "border_agents", 15_000), 3)
    assert guard["us_border_encounters"].p50 < calm["us_border_encounters"].p50
