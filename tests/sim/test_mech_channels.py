"""Legal channels, waiting for one, the first leg of the routes (mechanisms/channels.py)."""

from __future__ import annotations

import numpy as np
from _mech import THROUGH, coefficients, origins

from game.sim.mechanisms.channels import (
    admissions,
    credibility,
    first_leg,
    legal_channels,
    legal_places,
)

SHARES = np.full((1, 6, 5), 0.2)


def test_no_more_visas_are_issued_than_there_are_places_or_applicants() -> None:
    P, _ = coefficients()
    places = legal_places(np.full((1, 6), 1200.0), SHARES)  # 20 places a channel and origin
    ch = legal_channels(places, origins(10.0), np.zeros((1, 5)), origins(1e6), origins(0.0), P)
    assert np.all(ch.issued <= places.sum(axis=1) + 1e-9)
    assert np.all(ch.fill <= 1.0)
    assert np.all(ch.irregular + ch.caravan == ch.leaving)
    none = legal_channels(0 * places, origins(0.0), np.zeros((1, 5)), origins(1e6),
                          origins(0.0), P)
    assert np.all(none.issued == 0) and np.all(none.leaving == 0)


def test_places_and_credible_consequences_together_make_more_people_wait() -> None:
    P, _ = coefficients()
    movers, home = origins(1000.0), origins(1e6)

    def waiting(visas: float, credible: float) -> float:
        places = legal_places(np.full((1, 6), visas), SHARES)
        ch = legal_channels(places, movers, np.zeros((1, 5)), home, origins(credible), P)
        return float(ch.wait_share[0, 1])

    base, legal, cons, both = waiting(0, 0), waiting(60000, 0), waiting(0, 1), waiting(60000, 1)
    assert legal > base and cons > base
    assert both - base > (legal - base) + (cons - base)  # complements


def test_mexico_taking_returns_makes_consequences_credible_for_extra_regional_migrants() -> None:
    P, pp = coefficients()
    prosecute = np.array([[0.0, 0.0, 1.0]])
    closed = credibility(prosecute, pp.returnable, np.zeros((1, 1)), P)
    open_ = credibility(prosecute, pp.returnable, np.ones((1, 1)), P)
    assert open_[0, 4] > closed[0, 4] and np.all(open_[0, :4] == closed[0, :4])
    assert np.all(credibility(np.array([[1.0, 0, 0]]), pp.returnable, np.ones((1, 1)), P)
                  <= closed + 1e-12) or P.flat.consequence_expel >= 0


def test_admissions_put_work_visas_in_temporary_stocks_and_add_up() -> None:
    places = legal_places(np.array([[1200.0, 600, 120, 60, 12, 6]]), SHARES)
    adm = admissions(places, origins(0.5))
    assert np.allclose(adm.total_us, (adm.temp_us + adm.legal_us).sum(axis=1))
    assert np.allclose(adm.total_ca, (adm.temp_ca + adm.legal_ca).sum(axis=1))
    assert adm.humanitarian[0] < adm.total_us[0] + adm.total_ca[0] + adm.total_mx[0]


def test_the_first_leg_keeps_everyone_and_visas_close_the_air_routes() -> None:
    P, pp = coefficients()
    irregular = origins(1000.0)
    one = np.ones((1, 5))
    open_ = first_leg(irregular, one, one, THROUGH, pp, P)
    total = open_.to_canada + open_.direct + open_.overland + open_.darien_deaths
    np.testing.assert_allclose(total, irregular)
    assert np.all(open_.darien_deaths[0, :4] == 0) and open_.darien_deaths[0, 4] > 0
    assert open_.overland[0, 0] == 0  # Mexicans do not cross Mexico
    shut = first_leg(irregular, 0 * one, 0 * one, THROUGH, pp, P)
    assert np.all(shut.to_canada == 0) and shut.overland[0, 4] > open_.overland[0, 4]
