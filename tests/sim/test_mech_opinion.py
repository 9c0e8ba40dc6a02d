"""Restrictiveness, disorder, media, salience, the thermostat, approval (mechanisms/opinion.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients

from game.sim.levers import COLUMN
from game.sim.mechanisms import opinion

THREE = np.ones((1, 3))
RELEASE = np.array([[[1.0, 0, 0, 0], [1.0, 0, 0, 0]]])
DETAIN = np.array([[[0, 0, 1.0, 0], [1.0, 0, 0, 0]]])
REMOVE = np.array([[[0, 1.0, 0], [0, 1.0, 0]]])


def _restrict(agents: float = 17000.0, det: np.ndarray = RELEASE, visas: float = 0.0):
    P, pp = coefficients()
    eff = np.zeros((1, len(COLUMN)))
    eff[0, COLUMN["work_visas:US"]] = visas
    return opinion.restrictiveness(np.array([[agents, 5000.0, 1000.0]]), det, REMOVE,
                                   np.zeros((1, 1)), eff, pp, P)


def test_agents_and_detention_make_a_policy_more_restrictive_open_channels_less() -> None:
    base = _restrict()
    assert _restrict(40000.0)[0, 0] > base[0, 0]
    assert _restrict(det=DETAIN)[0, 0] > base[0, 0]
    assert _restrict(visas=300000.0)[0, 0] < base[0, 0]
    np.testing.assert_array_equal(_restrict(40000.0)[0, 1:], base[0, 1:])  # the US's alone


def test_visible_disorder_grows_with_what_each_public_sees() -> None:
    P, _ = coefficients()
    zero, some = np.zeros(1), np.full(1, 1e4)
    calm = opinion.disorder(zero, zero, zero, zero, zero, zero, zero, P)
    assert np.all(calm == 0)
    us = opinion.disorder(some, zero, zero, zero, zero, zero, zero, P)
    assert us[0, 0] > 0 and us[0, 1] == 0 and us[0, 2] == 0
    caravan = opinion.disorder(zero, some, zero, zero, zero, zero, zero, P)
    assert caravan[0, 0] > 0 and caravan[0, 1] > 0 and caravan[0, 2] == 0
    assert opinion.caravan_visibility(np.array([100.0]), np.zeros(1), P)[0] < 100.0


def test_a_story_breaks_only_on_a_low_draw_and_deaths_make_one_likelier() -> None:
    P, _ = coefficients()
    zero, calm = np.zeros(1), np.zeros((1, 3))
    args = (np.zeros((1, 1)), np.ones((1, 1)))
    never = opinion.media_events(calm, zero, zero, *args, np.ones((1, 3)), P)
    always = opinion.media_events(calm, zero, zero, *args, np.zeros((1, 3)), P)
    assert np.all(never == 0) and np.all(always > 0)
    off = opinion.media_events(calm, zero, zero, np.zeros((1, 1)), np.zeros((1, 1)),
                               np.zeros((1, 3)), P)
    assert np.all(off == 0)  # events switched off: no random story
    draw = np.full((1, 3), 0.5)
    few = opinion.media_events(calm, zero, zero, *args, draw, P)
    many = opinion.media_events(calm, np.full(1, 1e5), zero, *args, draw, P)
    assert np.all(many >= few)


def test_salience_stays_between_0_and_1_and_rises_with_disorder_and_media() -> None:
    P, _ = coefficients()
    low = opinion.salience(0 * THREE, 0 * THREE, P)
    high = opinion.salience(3 * THREE, 2 * THREE, P)
    assert np.all((0 <= low) & (low < high) & (high <= 1))


def test_the_thermostat_rewards_a_new_crackdown_then_turns_against_a_lasting_one() -> None:
    P, pp = coefficients()
    tough, calm = THREE, 0 * THREE
    memory, gap, novelty = opinion.thermostat(tough, calm, THREE, pp, P)
    assert np.all(novelty > 0) and np.all(memory > calm) and np.all(memory < tough)
    for _ in range(200):
        memory, gap_late, novelty = opinion.thermostat(tough, memory, THREE, pp, P)
    assert np.all(novelty < 1e-3) and np.all(gap_late > gap)


def test_harm_grows_with_deaths_and_media_and_is_zero_without_harm() -> None:
    P, _ = coefficients()
    zero, col = np.zeros(1), np.zeros((1, 1))
    none = opinion.humanitarian_harm(zero, col, zero, zero, zero, zero, zero, zero,
                                     np.zeros((1, 3)), P)
    assert np.all(none == 0)
    deaths = opinion.humanitarian_harm(np.full(1, 100.0), col, zero, zero, zero, zero, zero,
                                       zero, np.zeros((1, 3)), P)
    loud = opinion.humanitarian_harm(np.full(1, 100.0), col, zero, zero, zero, zero, zero,
                                     zero, np.ones((1, 3)), P)
    assert deaths[0, 0] > 0 and deaths[0, 1] == 0 and loud[0, 0] > deaths[0, 0]


def test_spending_adds_detention_to_the_levers_cost_without_touching_them() -> None:
    P, _ = coefficients()
    levers = np.array([[10.0, 5.0, 2.0]])
    spend = opinion.spending(levers, np.zeros((1, 3)), np.array([1000.0]), np.zeros(1), P)
    assert spend[0, 0] > 10.0 and spend[0, 1] == 5.0 and spend[0, 2] == 2.0
    assert levers[0, 0] == 10.0


def test_approval_falls_with_disorder_harm_and_concessions() -> None:
    P, _ = coefficients()
    z3, z1 = np.zeros((1, 3)), np.zeros(1)

    def target(disorder=z3, harm=z3, sovereignty=z1) -> np.ndarray:
        return opinion.approval_target(0.5 * THREE, disorder, z3, z3, harm, z3, z3, z1,
                                       np.zeros((1, 1)), sovereignty, z1, P)

    base = target()
    assert np.all((0 < base) & (base < 100))
    assert np.all(target(disorder=THREE) < base)
    assert np.all(target(harm=THREE) < base)
    conceded = target(sovereignty=np.ones(1))
    assert conceded[0, 1] < base[0, 1] and conceded[0, 0] == base[0, 0]
    sov = opinion.sovereignty(np.ones((1, 1)), np.array([3.0]), z1[:, None], np.zeros((1, 5)),
                              np.ones((1, 1)), np.zeros((1, 1)), P)
    threatened = opinion.sovereignty(np.ones((1, 1)), np.array([1.0]), z1[:, None],
                                     np.zeros((1, 5)), np.ones((1, 1)), np.zeros((1, 1)), P)
    assert sov[0] > threatened[0] > 0
