"""The thirteen lessons of DESIGN.md §3.9, each checked for direction and a plausible size.

Every comparison runs worlds in one batch with shared noise (common random numbers), so the
difference between them is caused by the levers alone. Sizes come from RESEARCH.md.
"""

from __future__ import annotations

from _worlds import START, change, params, run

from game.sim.policy import Agreement, Policy, ScheduledEvent

BASE = Policy()
US_AGENTS = 17_000  # the registry's default (FY2016)


def test_enforcement_alone_barely_cuts_emigration_but_raises_deaths_per_crossing_and_prices():
    # +50% US border agents, judged in the third year once hiring is complete.
    out = run([BASE, BASE.with_lever("US", "border_agents", US_AGENTS * 1.5)], 36)
    year3 = slice(24, 36)
    emigration = change(out, "emigrants_total", months=year3)
    attempts = change(out, "first_departures_irregular", months=year3)
    assert -0.08 <= emigration <= -0.01  # elasticity of attempts ≈ −0.1 (Gathmann, Lessem)
    assert -0.10 <= attempts <= -0.01
    deaths = out.monthly["deaths_in_transit"][year3].sum(axis=0)
    crossings = out.monthly["crossing_attempts_us"][year3].sum(axis=0)
    per_crossing = deaths / crossings
    assert per_crossing[1] > per_crossing[0] * 1.05
    price = out.monthly["smuggling_price_usd"][-1]
    assert 0.04 <= price[1] / price[0] - 1 <= 0.15


def test_walls_and_patrols_work_locally_and_push_crossings_to_deadlier_routes():
    out = run([BASE, BASE.with_lever("US", "border_agents", US_AGENTS * 1.5)], 36)
    year3 = slice(24, 36)
    urban = change(out, "crossings_urban_us", months=year3)
    remote = change(out, "crossings_remote_us", months=year3)
    total = change(out, "crossing_attempts_us", months=year3)
    assert urban <= -0.10  # local deterrence is large (fences: −27% locally)
    assert remote >= 0.05  # crossings substitute to the desert
    assert abs(total) < abs(urban) / 2  # the national effect is much smaller
    assert change(out, "deaths_remote_routes", months=year3) > 0.03


def test_harder_borders_cut_returns_so_the_unauthorized_population_falls_less_than_entries():
    out = run([BASE, BASE.with_lever("US", "border_agents", US_AGENTS * 2)], 60)
    entries = change(out, "irregular_entries_us", months=slice(24, 60))
    assert entries < -0.10
    stock = out.monthly["unauthorized_population_us"]
    stock_change = stock[-1, 1] / stock[-1, 0] - 1
    # The stock falls far less than entries do: fewer recent arrivals go home (Massey et al.).
    assert stock_change > entries / 3
    assert change(out, "unauthorized_returns", months=slice(24, 60)) < -0.3


def test_tripling_enforcement_raises_smuggling_prices_by_17_to_30_percent():
    out = run([BASE, BASE.with_lever("US", "border_agents", US_AGENTS * 3)], 36)
    price = out.monthly["smuggling_price_usd"][-1]
    assert 0.17 <= price[1] / price[0] - 1 <= 0.30  # Gathmann


def test_legal_pathways_and_credible_consequences_together_beat_the_sum_of_each_alone():
    expel = BASE.with_lever("US", "removal", "expel")
    pathway = {"work_visas": 600_000, "humanitarian_visas": 100_000}
    worlds = [
        expel,
        expel.with_levers("US", pathway),
        BASE.with_lever("US", "removal", "prosecute"),
        BASE.with_lever("US", "removal", "prosecute").with_levers("US", pathway),
    ]
    out = run(worlds, 24)
    irregular = out.metrics["first_departures_irregular"]
    legal_alone = irregular[1] - irregular[0]
    consequence_alone = irregular[2] - irregular[0]
    both = irregular[3] - irregular[0]
    assert legal_alone < 0 and consequence_alone < 0
    assert both < 1.1 * (legal_alone + consequence_alone)  # complements (Clemens & Gough)
    entries = out.metrics["irregular_entries_us"]
    assert entries[3] - entries[0] < (entries[1] - entries[0]) + (entries[2] - entries[0])


def test_economic_aid_raises_emigration_for_years_while_violence_prevention_lowers_it_slowly():
    out = run([BASE, BASE.with_lever("US", "aid_economic", 3000),
               BASE.with_lever("US", "aid_violence_prevention", 3000)], 48)
    for origin in ("gt", "hn"):
        metric = f"emigrants_from_{origin}"
        for year in range(4):  # the hump: more income, more means to leave, for years
            assert change(out, metric, 1, months=slice(12 * year, 12 * year + 12)) > 0.005
        first_half_year = change(out, metric, 2, months=slice(0, 6))
        third_year = change(out, metric, 2, months=slice(24, 36))
        assert third_year < -0.03  # violence prevention works …
        assert abs(first_half_year) < abs(third_year) / 3  # … after a lag of a year or more


def test_a_violence_shock_drives_a_wave_that_peaks_later_and_networks_amplify_it():
    shock = ScheduledEvent("violence_shock", START + 1, {"origin": "HN", "increase": 1.0,
                                                         "months": 6})
    calm = run([BASE], 36)
    hit = run([BASE], 36, events=[shock])
    excess = hit.monthly["emigrants_from_hn"][:, 0] - calm.monthly["emigrants_from_hn"][:, 0]
    peak = int(excess.argmax())
    assert peak >= 3  # perceived violence and networks lag the shock
    assert excess[8:18].sum() > 0.3 * excess[:8].sum()  # the wave outlives the shock
    # The same world with the diaspora's pull frozen at its level before the shock (an echo
    # that never arrives): only the network feedback differs, not the level of emigration.
    no_network = params().replace(network_echo_months=1e6)
    calm_n = run([BASE], 36, p=no_network)
    hit_n = run([BASE], 36, events=[shock], p=no_network)
    excess_n = hit_n.monthly["emigrants_from_hn"][:, 0] - calm_n.monthly["emigrants_from_hn"][:, 0]
    # Networks make the wave snowball after violence stops rising (Clemens): a longer tail,
    # and more people leaving in the wave's second and third years.
    tail = excess[12:].sum() / excess[:12].sum()
    tail_n = excess_n[12:].sum() / excess_n[:12].sum()
    assert tail > 1.03 * tail_n
    assert excess[12:].sum() > 1.05 * excess_n[12:].sum()


def test_more_asylum_officers_shorten_waits_but_only_after_the_hiring_delay():
    out = run([BASE, BASE.with_lever("US", "asylum_officers", 3000)], 36)
    wait = out.monthly["asylum_wait_months_us"]
    early = 1 - wait[2, 1] / wait[2, 0]
    late = 1 - wait[23, 1] / wait[23, 0]
    assert late > 0.5
    assert early < late / 2
    # A backlog is a pull: shorter waits mean fewer claims.
    assert change(out, "asylum_claims_us", months=slice(24, 36)) < 0


def test_sending_asylum_seekers_to_a_partner_without_capacity_protects_no_one():
    aca = Agreement("safe_third_country", ("US", "GT"), {"coverage": 1.0})
    out = run([BASE, BASE.with_agreement(aca)], 24)
    assert out.metrics["stc_transfers"][1] > 1000
    protected = out.metrics["protection_granted"]
    assert protected[1] <= protected[0]  # none granted in the partner (ACA: 0 of 945)
    # Fewer set out once word is that claims are sent to Guatemala; those who still come are
    # more often returned to danger (ACA: most of those sent gave up and went home).
    danger = out.metrics["returned_to_danger"] / out.metrics["us_border_encounters"]
    assert danger[1] > danger[0]


def test_a_partial_agreement_moves_crossings_to_riskier_places():
    partial = Agreement("safe_third_country", ("US", "MX"), {"coverage": 0.2})
    whole = Agreement("safe_third_country", ("US", "MX"), {"coverage": 1.0})
    out = run([BASE, BASE.with_agreement(partial), BASE.with_agreement(whole)], 24)
    remote = out.metrics["asylum_claims_remote"]
    assert remote[1] > remote[0] * 1.1  # Roxham Road: claimants go between ports
    assert remote[2] < remote[0]  # no loophole, no detour
    deaths = out.metrics["deaths_in_transit"]
    assert deaths[1] > deaths[0]


def test_burden_sharing_holds_only_while_complying_is_cheaper_than_defecting():
    def deal(us: float, mx: float, ca: float) -> Agreement:
        return Agreement("burden_sharing", ("US", "MX", "CA"),
                         {"share_us": us, "share_mx": mx, "share_ca": ca})

    light, heavy, even = deal(0.7, 0.2, 0.1), deal(0.1, 0.8, 0.1), deal(0.4, 0.4, 0.2)
    capable = BASE.with_agreement(even).with_levers("MX", {"asylum_officers": 2000}).with_lever(
        "CA", "asylum_officers", 2000)
    out = run([BASE.with_agreement(light), BASE.with_agreement(heavy),
               BASE.with_agreement(even), capable], 24)
    fill = out.metrics["burden_quota_fill"]
    compliance = out.metrics["compliance_mx"]
    assert (fill < 0.3).all()  # quotas go unfilled (Dublin ≈ 6%, EU relocation ≈ 22%)
    assert compliance[1] < compliance[0] - 0.2  # a heavier ask is defected from
    assert fill[1] < fill[0]
    assert compliance[3] > compliance[2] + 0.03  # capacity makes complying cheaper
    assert fill[3] > fill[2]


def test_opinion_punishes_visible_disorder_more_than_the_true_numbers():
    size = 10_000
    caravan = ScheduledEvent("caravan", START + 1, {"origin": "HN", "size": size})
    quiet = ScheduledEvent("extra_regional_surge", START + 1, {"size": size, "months": 1})
    out_calm = run([BASE], 6)
    out_caravan = run([BASE], 6, events=[caravan])
    out_quiet = run([BASE], 6, events=[quiet])
    calm = out_calm.monthly["approval_us"][:, 0]
    loss_caravan = (calm - out_caravan.monthly["approval_us"][:, 0]).max()
    loss_quiet = (calm - out_quiet.monthly["approval_us"][:, 0]).max()
    assert loss_caravan > 0.3
    assert loss_caravan > 1.3 * loss_quiet  # same number of people, seen on the news


def test_a_crackdown_brings_a_backlash_later():
    crackdown = BASE.with_levers("US", {"border_agents": 40_000, "removal": "prosecute",
                                        "detention": "detain_separate"})
    out = run([BASE, crackdown], 36)
    gap = out.monthly["approval_us"][:, 1] - out.monthly["approval_us"][:, 0]
    early = gap[:3].mean()
    late = gap[24:36].mean()
    assert late < early - 3  # thermostatic: the public swings against it as it settles in


def test_expulsions_without_consequence_inflate_encounters_relative_to_people():
    out = run([BASE, BASE.with_lever("US", "removal", "expel")], 24)
    per_person = out.metrics["us_border_encounters"] / out.metrics["first_departures_irregular"]
    assert per_person[1] > per_person[0] * 1.15
    assert out.metrics["retries"][1] > 2 * out.metrics["retries"][0]


def test_a_tariff_threat_buys_quick_cooperation_at_a_lasting_cost():
    threat = Agreement("tariff_threat", ("US", "MX"),
                       {"rate": 0.05, "target_reduction": 0.2, "deadline_months": 2})
    out = run([BASE, BASE.with_agreement(threat)], 36)
    encounters = out.monthly["us_border_encounters"]
    assert (encounters[:3, 1] < encounters[:3, 0] * 0.97).all()  # within weeks (June 2019)
    relations = out.monthly["relations_us_mx"]
    assert relations[-1, 1] < relations[-1, 0] - 10  # still much worse three years on
    inside_mexico = out.metrics["returned_to_danger"]
    assert inside_mexico[1] > inside_mexico[0] * 1.1
    assert out.metrics["remote_transit_share"][1] > out.metrics["remote_transit_share"][0]
    assert out.metrics["approval_mx"][1] < out.metrics["approval_mx"][0]


# --- The model's second edition: who moves, what they expect, and no lever with a wrong sign ---


def test_more_adjudicators_cut_the_wait_only_after_training_and_never_push_people_to_the_desert():
    # New judges and officers decide cases only after two to four quarters (EOIR; RESEARCH.md
    # §2.5): under a quarter of the eventual effect in the first six months.
    out = run([BASE, BASE.with_lever("US", "asylum_officers", 2000)], 36)
    wait = out.monthly["asylum_wait_months_us"]
    cut = 1 - wait[:, 1] / wait[:, 0]
    assert cut[30] > 0.3
    assert cut[5] < 0.25 * cut[30]
    # Faster decisions shrink the pull; they never turn claimants into desert crossers.
    later = slice(12, 36)
    assert change(out, "irregular_entries_us", months=later) <= 0.005
    assert change(out, "deaths_in_transit", months=later) <= 0.005


def test_releasing_families_raises_family_departures_from_the_northern_triangle():
    # What families expect after surrendering enters the decision to leave (RESEARCH.md §2.5).
    out = run([BASE.with_lever("US", "detention", "detain"),
               BASE.with_lever("US", "detention", "release")], 36)
    later = slice(12, 36)
    assert change(out, "family_departures_nt", months=later) > 0.10
    assert change(out, "perceived_release_families", months=later) > 0.05
    # Adults respond too, but modestly (Hatton).
    adults = change(out, "first_departures_irregular", months=later)
    assert adults < change(out, "family_departures_nt", months=later)


def test_separating_families_deters_some_families_at_a_humanitarian_cost():
    out = run([BASE.with_lever("US", "detention", "detain"),
               BASE.with_lever("US", "detention", "detain_separate")], 36)
    later = slice(12, 36)
    assert change(out, "family_departures_nt", months=later) < -0.05
    separations = out.monthly["family_separations"][later].sum(axis=0)
    assert separations[1] > 1000 and separations[0] == 0
    # Families are not pushed into evasion: entries between ports do not rise.
    assert change(out, "irregular_entries_us", months=later) < 0.05


def test_mexicos_southern_enforcement_raises_deaths_per_mover_and_displaces_routes():
    # Programa Frontera Sur (2014): fewer on the buses and trains, more on foot and by boat.
    out = run([BASE, BASE.with_lever("MX", "border_agents", 8000)], 24)
    later = slice(12, 24)
    remote = out.monthly["remote_transit_share"][later].mean(axis=0)
    assert remote[1] > remote[0] + 0.03
    deaths = out.monthly["deaths_in_mexico"][later].sum(axis=0)
    in_transit = out.monthly["people_in_transit_mx"][later].sum(axis=0)
    assert deaths[1] / in_transit[1] > 1.05 * deaths[0] / in_transit[0]


def test_mexicos_consequence_lever_changes_who_comes_back():
    # Quick expulsions without consequence are followed by re-entries (Title 42: recidivism
    # 27% vs 7%); prosecution holds people longer.
    out = run([BASE.with_lever("MX", "removal", "prosecute"),
               BASE.with_lever("MX", "removal", "expel")], 24)
    assert change(out, "mx_apprehensions", months=slice(6, 24)) > 0.05


def test_sixty_thousand_us_agents_do_not_more_than_triple_deaths():
    out = run([BASE, BASE.with_lever("US", "border_agents", 60_000)], 36)
    deaths = out.monthly["deaths_in_transit"][24:36].sum(axis=0)
    assert deaths[1] < 3 * deaths[0]


def test_the_unauthorized_population_does_not_melt_away_when_the_border_is_open():
    # Returns are a hazard of recent arrivals, not of everyone settled (Massey et al.).
    out = run([BASE, BASE.with_lever("US", "border_agents", 0)], 36)
    stock = out.monthly["unauthorized_population_us"]
    assert stock[-1, 1] / stock[0, 1] > 0.9


def test_an_announced_crackdown_deters_families_at_once_and_fades_when_nothing_follows():
    # Announcement shocks move expectations, then reality pulls them back (model issue, item 3).
    crackdown = ScheduledEvent("announcement", START + 1,
                               {"people": "families", "release_change": -0.5})
    calm = run([BASE], 24)
    hit = run([BASE], 24, events=[crackdown])
    belief = hit.monthly["perceived_release_families"][:, 0]
    belief_calm = calm.monthly["perceived_release_families"][:, 0]
    assert belief[1] < belief_calm[1] - 0.3
    assert abs(belief[-1] - belief_calm[-1]) < 0.05  # faded: nothing followed
    departures = hit.monthly["family_departures_nt"][:, 0]
    departures_calm = calm.monthly["family_departures_nt"][:, 0]
    assert departures[1:4].sum() < 0.8 * departures_calm[1:4].sum()
    assert departures[18:].sum() > 0.9 * departures_calm[18:].sum()
