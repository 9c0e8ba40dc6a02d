"""Chance, shocks, violence, income and labour demand in the origins (mechanisms/origins.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.origins import (
    ar1,
    fade_shock,
    homicide_rates,
    labour_demand,
    natural_growth,
    origin_income,
    random_disasters,
)

POP = origins(1.3e8, 1.7e7, 9e6, 6.5e6, 5e7)


def test_an_ar1_keeps_its_spread_and_forgets_its_start() -> None:
    rng = np.random.default_rng(1)
    x = np.zeros(20000)
    for _ in range(50):
        x = ar1(x, 0.8, 0.3, rng.standard_normal(20000))
    assert abs(x.std() - 0.3) < 0.01
    assert ar1(np.array([2.0]), 0.8, 0.3, np.array([0.0]))[0] == 1.6


def test_a_shock_is_held_while_months_are_left_then_fades() -> None:
    shock, left = np.array([[0.5, 0.5]]), np.array([[2.0, 0.0]])
    shock, left = fade_shock(shock, left, 0.5)
    assert shock.tolist() == [[0.5, 0.25]] and left.tolist() == [[1.0, 0.0]]


def test_disasters_strike_only_in_hurricane_season_and_only_with_events_on() -> None:
    P, _ = coefficients()
    draw, zero = np.zeros((1, 5)), np.zeros((1, 5))
    winter = random_disasters(draw, 0, np.ones((1, 1)), zero, zero, P)
    summer = random_disasters(draw, 8, np.ones((1, 1)), zero, zero, P)
    off = random_disasters(draw, 8, np.zeros((1, 1)), zero, zero, P)
    assert np.all(winter[0] == 0) and np.all(winter[1] == 0)
    assert np.all(summer[0] < 0) and np.all(summer[1] > 0)
    assert np.all(off[0] == 0)


def test_violence_prevention_aid_cuts_homicides_in_the_northern_triangle_only() -> None:
    P, pp = coefficients()
    trend = np.array([25.0, 30.0, 60.0, 80.0, 20.0])
    none = homicide_rates(trend, POP, np.zeros((1, 5)), np.zeros((1, 5)), np.zeros((1, 3)),
                          np.zeros((1, 3)), pp, P)
    aided = homicide_rates(trend, POP, np.zeros((1, 5)), np.zeros((1, 5)),
                           np.full((1, 3), 200.0), np.zeros((1, 3)), pp, P)
    np.testing.assert_array_equal(none[0], trend)
    assert np.all(aided[0, 1:4] < none[0, 1:4])
    assert aided[0, 0] == none[0, 0] and aided[0, 4] == none[0, 4]


def test_a_us_tariff_cuts_mexican_income_and_economic_aid_raises_central_american() -> None:
    P, _ = coefficients()
    trend = np.array([9000.0, 4000.0, 2500.0, 3500.0, 3000.0])
    base = origin_income(trend, POP, np.zeros((1, 5)), np.zeros(1), np.zeros((1, 3)), P)
    tariff = origin_income(trend, POP, np.zeros((1, 5)), np.array([0.25]), np.zeros((1, 3)), P)
    aid = origin_income(trend, POP, np.zeros((1, 5)), np.zeros(1), np.full((1, 3), 500.0), P)
    assert tariff[0, 0] < base[0, 0] and np.all(tariff[0, 1:] == base[0, 1:])
    assert np.all(aid[0, 1:4] > base[0, 1:4]) and aid[0, 0] == base[0, 0]


def test_labour_demand_follows_the_us_economy_and_growth_is_a_share_of_home() -> None:
    _, pp = coefficients()
    up = labour_demand(1.0, np.array([[0.1, 0, 0]]), np.zeros(1))
    assert up[0, 0] > 1.0
    home = origins(1e6)
    assert np.all(natural_growth(home, pp) < 0.01 * home)
    assert np.all(natural_growth(0 * home, pp) == 0)
