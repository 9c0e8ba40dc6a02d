"""Who moves and what they expect, mechanism by mechanism (game/sim/movers.py)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from game.sim.movers import (
    departures,
    expected_after_border,
    family_transit,
    saturating_funnel,
    update_beliefs,
)

P = SimpleNamespace(pull_adult=0.1, pull_family=0.6, pull_child=0.3, family_catch_factor=1.0,
                    family_transit_exit=0.7)
PP = SimpleNamespace(family_logit=np.full((1, 5), -2.0), child_logit=np.full((1, 5), -3.0))


def test_what_movers_expect_grows_with_the_release_chance_and_the_months_a_claim_lasts() -> None:
    release = np.array([[[0.2] * 5, [0.5] * 5, [1.0] * 5]])
    low = expected_after_border(release, np.array([6.0]), 0.0)
    high = expected_after_border(release, np.array([36.0]), 0.0)
    assert np.all(np.diff(low[0, :, 0]) > 0)  # more release, more expected
    assert np.all(high > low)  # a longer stay, more expected
    assert high[0, 2, 0] == pytest.approx(np.log(37.0))


def test_no_more_leave_than_live_at_home_and_families_answer_release_most() -> None:
    home = np.full((1, 5), 1e6)
    logit = np.full((1, 5), -1.0)  # a huge hazard: the shared hazard must still cap leaving
    season = np.ones((1, 5))
    calm = np.zeros((1, 3, 5))
    adults, fc = departures(home, logit, season, calm, np.zeros((1, 5)), PP, P)
    assert np.all(adults + fc.sum(axis=1) < home)
    hopeful = calm + 1.0  # everyone expects more after the border
    adults2, fc2 = departures(home * 1e-3, logit - 8, season, hopeful, np.zeros((1, 5)), PP, P)
    adults1, fc1 = departures(home * 1e-3, logit - 8, season, calm, np.zeros((1, 5)), PP, P)
    rise = [adults2.sum() / adults1.sum(), fc2[:, 0].sum() / fc1[:, 0].sum(),
            fc2[:, 1].sum() / fc1[:, 1].sum()]
    assert rise[0] < rise[2] < rise[1]  # adults modestly, families most (pull_family largest)
    assert rise[1] == pytest.approx(np.exp(0.6), rel=1e-3)


def test_the_journey_through_mexico_keeps_every_person_in_exactly_one_place() -> None:
    new = np.full((1, 2, 5), 1000.0)
    road = np.full((1, 2, 5), 500.0)
    through = np.array([[0.0, 1.0, 1.0, 1.0, 1.0]])
    out = family_transit(new, road, through, np.array([[0.2]]), np.array([[0.3]]),
                         np.array([[0.001]]), P)
    total = sum(out[k] for k in ("road", "out", "direct", "dead", "caught"))
    assert np.allclose(total, new + road)
    assert np.all(out["direct"][0, :, 0] == 1000.0)  # Mexicans go straight to the border
    assert np.all(out["direct"][0, :, 1:] == 0.0)
    assert np.all(out["caught"][0, :, 1:] > out["caught"][0, :, 0:1])  # checks at the south


def test_the_funnel_is_one_at_the_reference_and_saturates_far_beyond_it() -> None:
    effort = np.array([[17_000.0], [34_000.0], [1e9]])
    funnel = saturating_funnel(effort, 17_000.0, 1.5, np.log(2.5))
    assert funnel[0, 0] == pytest.approx(1.0)
    assert 1.0 < funnel[1, 0] < 2.0 ** 1.5
    assert funnel[2, 0] == pytest.approx(2.5, rel=1e-6)


def test_beliefs_follow_recent_arrivals_with_a_lag_and_stay_when_nobody_arrives() -> None:
    seen = np.full((1, 3, 5), 0.5)
    realised = np.full((1, 3, 5), 1.0)
    heard = np.ones((1, 3, 5), bool)
    heard[0, 2] = False  # no child arrived: what children believe does not move
    release, stay = update_beliefs(seen, np.array([10.0]), realised, heard, np.array([[40.0]]),
                                   0.25)
    assert np.allclose(release[0, :2], 0.625) and np.allclose(release[0, 2], 0.5)
    assert stay[0] == pytest.approx(17.5)
