"""Approval in Guatemala, Honduras and El Salvador; the trinational task force (opinion_nt.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients
from _worlds import run

from game.sim.levers import AID_NEED_SPLIT
from game.sim.mechanisms import opinion_nt
from game.sim.policy import Agreement, Policy

NEED = np.array([AID_NEED_SPLIT[c] for c in ("GT", "HN", "SV")])
ZERO = np.zeros((1, 3))
REFERENCE = np.array([[27.0, 59.0, 81.0]])  # the 2016 homicide rates of the parameters


def _target(homicide=REFERENCE, economy=ZERO, harm=ZERO, stc=ZERO, spend=ZERO):
    P, _ = coefficients()
    budget = opinion_nt.budget_term_nt(spend, P)
    terms = opinion_nt.approval_terms_nt(homicide, economy, harm, stc, budget, P)
    return opinion_nt.approval_target_nt(terms, P)[0]


def test_fewer_homicides_and_a_better_economy_raise_approval_each_country_its_own() -> None:
    base = _target()
    safer = _target(homicide=REFERENCE * np.array([[1.0, 0.5, 1.0]]))
    assert safer[0, 1] > base[0, 1] + 5
    np.testing.assert_array_equal(safer[0, [0, 2]], base[0, [0, 2]])
    richer = _target(economy=np.full((1, 3), 0.05))
    assert np.all(richer > base)


def test_harm_abroad_a_safe_third_country_deal_and_overspending_cost_approval() -> None:
    base = _target()
    assert np.all(_target(harm=np.ones((1, 3))) < base)
    assert np.all(_target(stc=np.ones((1, 3))) < base)
    within = _target(spend=np.full((1, 3), 5.0))  # US$60M a year: under the reference
    np.testing.assert_array_equal(within, base)
    assert np.all(_target(spend=np.full((1, 3), 50.0)) < base)


def test_each_driver_is_reported_in_points_with_the_sign_of_its_term() -> None:
    P, _ = coefficients()
    terms = opinion_nt.approval_terms_nt(REFERENCE * 0.5, ZERO, np.ones((1, 3)), ZERO, ZERO, P)
    target, points = opinion_nt.approval_target_nt(terms, P)
    drivers = dict(zip(opinion_nt.DRIVERS, points[:, 0], strict=True))
    assert np.all(drivers["security"] > 0) and np.all(drivers["abroad"] < 0)
    assert np.all(drivers["economy"] == 0) and np.all(drivers["deal"] == 0)
    assert np.all(target > 0) and np.all(target < 100)


def test_consular_protection_relieves_the_harm_with_diminishing_returns() -> None:
    P, _ = coefficients()
    deaths, returned = np.full((1, 3), 20.0), np.full((1, 3), 50_000.0)
    harm = [opinion_nt.citizens_abroad_harm(deaths, returned, np.full((1, 3), x), P)[0, 0]
            for x in (0.0, 20.0, 40.0, 400.0)]
    assert harm[0] > harm[1] > harm[2] > harm[3]
    assert harm[1] == np.float64(harm[0] * (1 - 0.5 * 0.5))  # half coverage at 20 US$M
    assert harm[3] >= harm[0] * 0.5 - 1e-9  # relief is at most nt_consular_relief


def test_remittances_carry_a_us_recession_into_the_economy_voters_feel() -> None:
    P, _ = coefficients()
    trend = np.array([4000.0, 2500.0, 3500.0])
    share = np.array([0.11, 0.2, 0.2])
    calm = opinion_nt.economy_seen(trend[None, :], trend, share, np.zeros((1, 1)), P)
    np.testing.assert_array_equal(calm, ZERO)
    recession = opinion_nt.economy_seen(trend[None, :], trend, share, np.full((1, 1), -0.03), P)
    assert np.all(recession < 0) and recession[0, 1] < recession[0, 0]


def test_the_task_force_pool_goes_only_to_contributing_members_by_population() -> None:
    P, _ = coefficients()
    both = opinion_nt.task_force_governance(np.array([[10.0, 10.0, 0.0]]), NEED, P)
    assert both[0, 2] == 0 and both[0, 0] > both[0, 1] > 0
    assert both.sum() == np.float64(20.0 * 2.0)  # the pool × task_force_synergy
    np.testing.assert_array_equal(opinion_nt.task_force_governance(ZERO, NEED, P), ZERO)


def test_in_the_model_a_task_force_cuts_homicides_and_a_deal_with_the_us_costs_honduras() -> None:
    force = Agreement("trinational_task_force", ("HN", "GT", "SV"),
                      {"contribution_gt": 30, "contribution_hn": 30, "contribution_sv": 30})
    deal = Agreement("safe_third_country", ("US", "HN"))
    out = run([Policy(), Policy(agreements=(force,)), Policy(agreements=(deal,))], 24)
    for c in ("gt", "hn", "sv"):
        homicides = out.monthly[f"homicide_rate_{c}"][6:].sum(axis=0)
        assert homicides[1] < homicides[0]
    approval = out.monthly["approval_hn"][6:].mean(axis=0)
    assert approval[2] < approval[0] - 2
    # The other two governments' approval does not pay for Honduras' deal.
    assert abs(out.monthly["approval_gt"][6:, 2].mean() - out.monthly["approval_gt"][6:, 0]
               .mean()) < 1
