"""Compliance, Mexico's deployment, safe third country, burden sharing, load (agreements.py)."""

from __future__ import annotations

import numpy as np
from _mech import THROUGH, coefficients

from game.sim.mechanisms.agreements import (
    burden_sharing,
    mexico_deployment,
    partner_compliance,
    partner_load,
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


def test_burden_sharing_moves_claims_only_as_far_as_partners_comply() -> None:
    P, _ = coefficients()
    claims, share = np.full((1, 1), 10000.0), np.full((1, 1), 0.3)
    proc_us, proc_mx, proc_ca = np.full((1, 5), 20000.0), np.zeros((1, 5)), np.zeros((1, 5))
    one, zero = np.ones((1, 1)), np.zeros((1, 1))
    kept = burden_sharing(claims, share, share, one, one, proc_us, proc_mx, proc_ca, P)
    np.testing.assert_allclose(kept.proc_us + kept.proc_mx + kept.proc_ca, proc_us)
    assert np.all(kept.proc_mx > 0) and np.all(kept.proc_ca > 0)
    assert 0 < kept.quota_fill[0] <= 1
    defected = burden_sharing(claims, share, share, zero, zero, proc_us, proc_mx, proc_ca, P)
    assert np.all(defected.proc_mx == 0) and defected.quota_fill[0] == 0
    no_deal = burden_sharing(claims, zero, zero, one, one, proc_us, proc_mx, proc_ca, P)
    assert no_deal.quota_fill[0] == 1 and np.all(no_deal.proc_us == proc_us)
    # Never more than half the US procedure in one month.
    huge = burden_sharing(1e9 * one, 0.5 * one, 0.5 * one, one, one, proc_us, proc_mx,
                          proc_ca, P)
    assert huge.proc_us.sum() >= 0.5 * proc_us.sum() - 1e-6


def test_a_partner_s_load_grows_with_what_it_is_asked_and_falls_with_its_capacity() -> None:
    P, _ = coefficients()
    thr, nt = np.array([[1000.0, 100.0, 100.0]]), np.full((1, 1), 0.0)
    zero = np.zeros(1)
    assert np.all(partner_load(zero, zero, zero, zero, thr, nt, P) == 0)
    asked = partner_load(np.full(1, 5000.0), zero, zero, zero, thr, nt, P)
    capable = partner_load(np.full(1, 5000.0), zero, zero, zero, 10 * thr, nt, P)
    assert asked[0, 0] > capable[0, 0] > 0 and np.all(asked[0, 1:] == 0)
