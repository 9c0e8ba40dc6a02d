"""The flood and the epidemic in the model: sized by severity, deterministic, gone when unused."""

from __future__ import annotations

import numpy as np

from game.sim.params import default_params
from game.sim.policy import Policy, Scenario, ScheduledEvent, month_index
from game.sim.simulation import Simulation

START = month_index(2019, 1)


def encounters(events: list[ScheduledEvent], turns: int = 8, months: int = 2,
               seed: int = 3) -> list[float]:
    sim = Simulation(Scenario(start=START, seed=seed))
    out = []
    for _ in range(turns):
        result = sim.advance(Policy(), months, events)
        out.append(float(np.ravel(result.metrics["us_border_encounters"])[0]))
    return out


def epidemic(severity: float = 1.0, months: int = 6) -> ScheduledEvent:
    return ScheduledEvent("epidemic", START + 2, {"severity": severity, "months": months})


def test_an_epidemic_holds_departures_back_while_borders_are_shut_then_more_people_come() -> None:
    quiet, shut = encounters([]), encounters([epidemic()])
    assert shut[0] == quiet[0]  # before it: the same to the last bit
    # While borders are shut (months 2-7): about half as many reach the border.
    for turn in (1, 2, 3):
        assert 0.35 < shut[turn] / quiet[turn] < 0.75, turn
    # When they reopen, the pent-up wish to leave brings more than the status quo.
    assert shut[5] > quiet[5] and shut[6] > quiet[6]


def test_a_milder_epidemic_does_less_and_severity_zero_nothing() -> None:
    quiet = encounters([])
    mild, full = encounters([epidemic(0.3)]), encounters([epidemic(1.0)])
    assert full[2] < mild[2] < quiet[2]
    assert encounters([epidemic(0.0)]) == quiet


def test_an_epidemic_cuts_incomes_everywhere_and_us_work() -> None:
    def after(events: list[ScheduledEvent]) -> Simulation:
        sim = Simulation(Scenario(start=START, seed=3))
        sim.advance(Policy(), 3, events)
        return sim
    P = default_params()
    quiet = after([]).world
    world = after([ScheduledEvent("epidemic", START, {"severity": 1.0, "months": 6})]).world
    # Held for its months: every origin's income and US labour demand, by their coefficients.
    # (An origin's earlier loss, e.g. from a chance storm, is held as long: none recovers.)
    fall = world.income_shock[0] - quiet.income_shock[0]
    assert np.all(fall <= -P.epidemic_income_loss + 1e-12)
    assert np.isclose(fall, -P.epidemic_income_loss, rtol=1e-9).sum() >= 3
    assert world.economy_shock[0, 0] - quiet.economy_shock[0, 0] == -P.epidemic_us_output
    assert world.closure[0] == 1.0 and world.closure_left[0] == 3


def test_a_flood_acts_like_a_hurricane_of_the_same_severity_in_its_origin() -> None:
    def after(kind: str) -> Simulation:
        sim = Simulation(Scenario(start=START, seed=4))
        sim.advance(Policy(), 2, [ScheduledEvent(kind, START, {"origin": "GT",
                                                               "severity": 0.4})])
        return sim
    flood, hurricane = after("flood"), after("hurricane")
    assert flood.state_hash() == hurricane.state_hash()
    quiet = encounters([])
    flooded = encounters([ScheduledEvent("flood", START + 2, {"origin": "GT",
                                                              "severity": 0.5})])
    assert flooded[2] > quiet[2]


def test_the_same_epidemic_gives_the_same_game_and_unused_closure_leaves_the_hash_alone() -> None:
    assert encounters([epidemic()], seed=9) == encounters([epidemic()], seed=9)
    a = Simulation(Scenario(start=START, seed=5))
    a.advance(Policy(), 3)
    # Fields added for the epidemic are hashed only once used: saved games keep their hashes.
    without = a.world.replace(closure=a.world.closure + 0.0)
    assert a.world.state_hash() == without.state_hash()
    used = a.world.replace(closure=a.world.closure + 0.5, closure_left=a.world.closure_left + 2)
    assert used.state_hash() != a.world.state_hash()
