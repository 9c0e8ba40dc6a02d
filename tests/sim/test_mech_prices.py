"""Smuggling prices (mechanisms/prices.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients

from game.sim.mechanisms.prices import smuggling_price

REMOVE = np.array([[0.0, 1.0, 0.0]])
PROSECUTE = np.array([[0.0, 0.0, 1.0]])


def _price(us: float, mx: float = 5000.0, rem: np.ndarray = REMOVE) -> float:
    P, _ = coefficients()
    one = np.ones((1, 1))
    return float(smuggling_price(us * one, mx * one, 0 * one, rem, REMOVE, P)[0, 0])


def test_tripling_us_enforcement_raises_the_price_as_gathmann_measured() -> None:
    rise = _price(51000.0) / _price(17000.0) - 1
    assert 0.17 <= rise <= 0.30


def test_mexican_agents_and_prosecution_raise_the_price_too() -> None:
    assert _price(17000.0, mx=15000.0) > _price(17000.0)
    assert _price(17000.0, rem=PROSECUTE) > _price(17000.0)


def test_without_agents_the_price_falls_to_its_floor() -> None:
    P, _ = coefficients()
    assert _price(0.0) == P.flat.price_floor_usd
