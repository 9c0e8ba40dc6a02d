"""Partners' compliance, Mexico's deployment, safe third country (mechanisms/agreements.py)."""

from __future__ import annotations

import numpy as np
from _mech import THROUGH, coefficients

from game.sim.mechanisms.agreements import (
    mexico_deployment,
    partner_compliance,
    safe_third_country,
)

AID = np.zeros((1, 3, 3, 3))


def _comply(relations: float, load: float, draw: float) -> np.ndarray:
    P, _ = coefficients()
    return partner_compliance(np.full((1, 3), relations), np.full((1, 3), 50.0),
                              np.zeros((1, 1)), AID, np.full((1, 4), load),
                              np.full((1, 4), draw), np.full((1, 4), 0.5), P)


def test_compliance_moves_toward_the_draw_and_a_heavy_load_makes_defection_likelier() -> None:
    assert np.all(_comply(50, 0, 0.0) > 0.5)  # a draw of 0 always complies
    assert np.all(_comply(50, 0, 1.0) < 0.5)  # a draw of 1 never does
    draw = 0.6
    light, heavy = _comply(50, 0, draw), _comply(50, 5, draw)
    assert np.all(heavy <= light)
    assert np.all((0 <= heavy) & (heavy <= 1))


def test_mexico_deploys_troops_only_under_a_threat_it_answers_and_does_not_lead() -> None:
    P, _ = coefficients()
    one = np.ones((1, 1))
    args = (one * 3000, one * 2000, one * 100)
    calm = mexico_deployment(*args, 0 * one, one, one, P)
    threat = mexico_deployment(*args, one, one, one, P)
    led = mexico_deployment(*args, one, one, 0 * one, P)
    assert calm[0][0, 0] == 3100 and calm[1][0, 0] == 2000
    assert threat[0] > calm[0] and threat[1] >= calm[1]
    np.testing.assert_array_equal(led[0], calm[0])
    total = threat[0] + threat[1] - calm[0] - calm[1]
    assert total[0, 0] == P.flat.tariff_response_agents


def test_a_partial_safe_third_country_deal_opens_a_loophole_that_full_coverage_closes() -> None:
    P, pp = coefficients()
    one = np.ones((1, 1))
    applies = np.array([[float(t and o != p) for o, t in enumerate(THROUGH[0])]
                        for p in (1, 2, 3)])

    def deal(coverage: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cov = np.zeros((1, 5))
        cov[0, 0] = coverage
        return safe_third_country(cov, one, one, THROUGH, applies, pp, P)

    none, partial, full = deal(0.0), deal(0.3), deal(1.0)
    assert np.all(none[0] == 0) and np.all(none[1] == 0)
    assert partial[0][0, 0] == 0  # Mexicans did not cross a third country
    assert np.all(partial[0][0, 1:] > 0)
    assert np.all(partial[2][0, 1:] > none[2][0, 1:])  # a partial deal: claims go remote
    assert np.all(full[2][0, 1:] < partial[2][0, 1:])
