"""At the US border (mechanisms/border.py)."""

from __future__ import annotations

import numpy as np
from _mech import THROUGH, coefficients, origins

from game.sim.mechanisms.border import (
    between_ports,
    claim_choice,
    detained_share,
    detention_intake,
    families_children,
    family_beds,
    remain_in_mexico,
    sent_back,
    what_arrivals_found,
)
from game.sim.mechanisms.transit import catch_probabilities

RELEASE, DETAIN, SEPARATE = (np.eye(4)[[i]] for i in (0, 2, 3))
ONE = np.ones((1, 1))


def test_detention_deters_claims_but_everyone_at_the_border_claims_or_evades() -> None:
    P, pp = coefficients()
    arrivals = origins(1000.0)
    claims = {}
    for name, det in (("release", RELEASE), ("detain", DETAIN)):
        c, e = claim_choice(arrivals, origins(100.0), detained_share(det, P), det, 0 * ONE,
                            THROUGH, pp, P)
        np.testing.assert_allclose(c + e, arrivals + 100.0)
        claims[name] = c
    assert np.all(claims["detain"] < claims["release"])


def test_more_agents_catch_more_between_ports_and_push_deaths_up_on_remote_routes() -> None:
    P, pp = coefficients()
    evaders, claim_remote = origins(1000.0), origins(50.0)
    out = {}
    for agents in (10000.0, 40000.0):
        catch = catch_probabilities(ONE * 3000, ONE * 2000, ONE * agents, ONE * 1000, ONE * 10,
                                    ONE * 10, pp, P)
        bp = between_ports(evaders, claim_remote, catch, ONE, ONE * agents, P)
        np.testing.assert_allclose(bp.caught + bp.entered + bp.deaths + bp.claim_remote,
                                   evaders + claim_remote)
        out[agents] = bp
    assert np.all(out[40000.0].caught > out[10000.0].caught)
    assert np.all(out[40000.0].remote_share > out[10000.0].remote_share)
    assert out[40000.0].die_remote[0, 0] > out[10000.0].die_remote[0, 0]


def test_mexican_children_are_returned_others_released_and_families_expelled_under_expel() -> None:
    P, _ = coefficients()
    fam, kid = origins(100.0), origins(100.0)
    mexico_only = np.eye(5)[[0]]
    expel = families_children(fam, kid, ONE, 0 * fam, 0 * fam, mexico_only, P)
    assert np.all(expel.claim == 0) and np.all(expel.expelled == fam)
    stay = families_children(fam, kid, 0 * ONE, 0 * fam, 0 * fam, mexico_only, P)
    assert stay.kid_returned[0, 0] > 0 and np.all(stay.kid_returned[0, 1:] == 0)
    np.testing.assert_allclose(stay.kid_returned + stay.kid_released, kid)


def test_remain_in_mexico_is_capped_and_spares_mexicans() -> None:
    adults, fams = origins(1000.0), origins(500.0)
    to_mpp, fam_mpp = remain_in_mexico(adults, fams, ONE, THROUGH, ONE * 600)
    assert to_mpp[0, 0] == 0 and fam_mpp[0, 0] == 0
    assert to_mpp.sum() + fam_mpp.sum() <= 600 + 1e-6
    none = remain_in_mexico(adults, fams, 0 * ONE, THROUGH, ONE * 600)
    assert np.all(none[0] == 0) and np.all(none[1] == 0)


def test_family_beds_run_out_and_detention_beds_cap_intake() -> None:
    P, _ = coefficients()
    assert family_beds(np.zeros((1, 1)), P)[0, 0] == 1.0
    assert family_beds(np.full((1, 1), 1e7), P)[0, 0] < 0.01
    claims = origins(10000.0)
    full = detention_intake(claims, ONE, np.full((1, 5), 1e6), P)
    assert np.all(full == 0)
    assert np.all(detention_intake(claims, ONE, np.zeros((1, 5)), P) <= claims)


def test_mexico_taking_returns_sends_people_to_its_border_towns_not_home() -> None:
    P, pp = coefficients()
    caught = origins(1000.0)
    closed = sent_back(caught, 0 * caught, ONE, 0 * ONE, THROUGH, pp, P)
    open_ = sent_back(caught, 0 * caught, ONE, ONE * 1e6, THROUGH, pp, P)
    assert np.all(closed.to_border_towns == 0) and np.all(open_.to_border_towns[0, 1:] > 0)
    assert np.all(closed.fear == 0)  # no fear claims under expulsion
    np.testing.assert_allclose(open_.to_border_towns + open_.flown_home + open_.unreturnable,
                               open_.sent_back * THROUGH)


def test_what_arrivals_found_is_a_share_and_silence_is_not_news() -> None:
    z = np.zeros((1, 5))
    realised, heard = what_arrivals_found(origins(10.0), origins(5.0), z, z, origins(4.0),
                                          origins(4.0))
    assert np.allclose(realised[0, 0], 0.5) and np.allclose(realised[0, 2], 1.0)
    assert heard[0, 0].all() and not heard[0, 1].any()
