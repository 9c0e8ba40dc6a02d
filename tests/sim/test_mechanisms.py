"""Each lever, agreement and event moves the outcomes it should, in the direction research says."""

from __future__ import annotations

import numpy as np
from _worlds import START, run

from game.sim.policy import Agreement, Policy, ScheduledEvent

BASE = Policy()


def test_rescue_spending_saves_lives_and_costs_money():
    out = run([BASE, BASE.with_lever("US", "rescue", 300)], 24)
    assert out.metrics["deaths_in_transit"][1] < 0.85 * out.metrics["deaths_in_transit"][0]
    assert out.metrics["spending_us"][1] > out.metrics["spending_us"][0]


def test_remain_in_mexico_strands_asylum_seekers_in_border_towns_and_costs_mexico_approval():
    out = run([BASE, BASE.with_agreement(Agreement("remain_in_mexico", ("US", "MX")))], 24)
    assert out.metrics["stranded_in_mx_border_towns"][1] > 10_000
    assert out.metrics["asylum_claims_us"][1] < out.metrics["asylum_claims_us"][0]
    assert out.metrics["approval_mx"][1] < out.metrics["approval_mx"][0]


def test_mexico_accepting_returns_sends_non_mexicans_to_its_border_towns():
    out = run([BASE, BASE.with_agreement(Agreement("returns_acceptance", ("US", "MX")))], 12)
    assert out.metrics["stranded_in_mx_border_towns"][0] == 0
    assert out.metrics["stranded_in_mx_border_towns"][1] > 5_000


def test_more_mexican_transit_enforcement_catches_more_and_pushes_people_to_remote_routes():
    out = run([BASE, BASE.with_lever("MX", "transit_agents", 9000)], 24)
    assert out.metrics["mx_apprehensions"][1] > 1.3 * out.metrics["mx_apprehensions"][0]
    assert out.metrics["remote_transit_share"][1] > out.metrics["remote_transit_share"][0] + 0.05
    assert out.metrics["us_border_encounters"][1] < out.metrics["us_border_encounters"][0]
    per_person = out.metrics["deaths_in_mexico"] / out.metrics["mx_apprehensions"]
    assert out.metrics["deaths_in_mexico"][1] > out.metrics["deaths_in_mexico"][0]
    assert np.isfinite(per_person).all()


def test_a_joint_corps_funded_by_contributions_adds_agents_and_screening_at_mexicos_south():
    corps = Agreement("joint_corps", ("US", "MX", "CA"))
    out = run([BASE, BASE.with_agreement(corps)], 24)
    assert out.metrics["mx_apprehensions"][1] > out.metrics["mx_apprehensions"][0]
    assert out.metrics["asylum_wait_months_mx"][1] <= out.metrics["asylum_wait_months_mx"][0]
    assert out.metrics["us_border_encounters"][1] < out.metrics["us_border_encounters"][0]
    assert out.metrics["relations_us_mx"][1] > out.metrics["relations_us_mx"][0]


def test_mexican_asylum_officers_shorten_mexicos_waits():
    out = run([BASE.with_lever("MX", "asylum_officers", 20),
               BASE.with_lever("MX", "asylum_officers", 600)], 24)
    assert out.metrics["asylum_wait_months_mx"][1] < out.metrics["asylum_wait_months_mx"][0]
    assert out.metrics["asylum_backlog_mx"][1] < out.metrics["asylum_backlog_mx"][0]
    assert out.metrics["protection_granted"][1] > out.metrics["protection_granted"][0]


def test_separating_families_separates_children_and_a_court_can_stop_it():
    separate = BASE.with_lever("US", "detention", "detain_separate")
    ruling = ScheduledEvent("court_ruling", START + 6, {"country": "US",
                                                       "blocks": "detain_separate"})
    out = run([BASE, separate], 12, events=[ruling])
    monthly = out.monthly["family_separations"][:, 1]
    assert out.metrics["family_separations"][0] == 0
    assert monthly[2:6].min() > 100
    assert monthly[-1] < 0.05 * monthly[2:6].mean()


def test_alternatives_to_detention_cost_less_and_detain_fewer():
    out = run([BASE, BASE.with_lever("US", "detention", "alternatives")], 12)
    assert out.metrics["detained_population_us"][1] < 0.5 * out.metrics["detained_population_us"][0]
    assert out.metrics["spending_us"][1] < out.metrics["spending_us"][0]


def test_a_ports_only_agreement_with_canada_sends_claimants_between_ports():
    stca = Agreement("safe_third_country", ("CA", "US"), {"coverage": 0.2})
    out = run([BASE, BASE.with_agreement(stca)], 24)
    assert out.metrics["ca_irregular_interceptions"][1] > 2 * out.metrics[
        "ca_irregular_interceptions"][0]


def test_exit_controls_deter_some_departures_and_reintegration_cuts_retries():
    out = run([BASE, BASE.with_lever("HN", "exit_controls", 5000),
               BASE.with_lever("HN", "reintegration", 300)], 24)
    change = out.metrics["emigrants_from_hn"][1] / out.metrics["emigrants_from_hn"][0] - 1
    assert -0.4 < change < -0.02
    assert out.metrics["retries"][2] < out.metrics["retries"][0]


def test_a_missed_tariff_target_can_be_carried_out_and_hurts_mexicos_economy_and_relations():
    threat = Agreement("tariff_threat", ("US", "MX"),
                       {"rate": 0.25, "target_reduction": 0.9, "deadline_months": 1})
    seeds = [run([BASE, BASE.with_agreement(threat)], 12, seed=s) for s in range(8)]
    imposed = [o for o in seeds if o.metrics["tariff_imposed"][1] > 0]
    assert 0 < len(imposed) < len(seeds)  # a 50% decision, drawn
    for out in imposed:
        assert out.metrics["relations_us_mx"][1] < -10
        assert out.metrics["approval_mx"][1] < out.metrics["approval_mx"][0]


def test_a_hurricane_and_an_extra_regional_surge_send_more_people_north():
    storm = ScheduledEvent("hurricane", START + 1, {"origin": "HN", "severity": 1.0})
    surge = ScheduledEvent("extra_regional_surge", START + 1, {"size": 30_000, "months": 6})
    calm = run([BASE], 12)
    hit = run([BASE], 12, events=[storm, surge])
    assert hit.metrics["emigrants_from_hn"][0] > 1.03 * calm.metrics["emigrants_from_hn"][0]
    assert hit.metrics["emigrants_from_xr"][0] > calm.metrics["emigrants_from_xr"][0] + 150_000


def test_a_media_photo_lifts_salience_and_fades_within_months():
    photo = ScheduledEvent("media_photo", START + 1, {"country": "US", "intensity": 1.0})
    calm = run([BASE], 8)
    hit = run([BASE], 8, events=[photo])
    lift = hit.monthly["salience_us"][:, 0] - calm.monthly["salience_us"][:, 0]
    assert lift[1] > 0.1
    assert lift[-1] < 0.25 * lift[1]


def test_a_us_recession_cuts_labour_demand_and_emigration_from_mexico():
    recession = ScheduledEvent("economic_shock", START, {"country": "US", "change": -0.1,
                                                        "months": 12})
    calm = run([BASE], 12)
    hit = run([BASE], 12, events=[recession])
    assert hit.metrics["emigrants_from_mx"][0] < 0.97 * calm.metrics["emigrants_from_mx"][0]
