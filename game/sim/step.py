"""The monthly step: twelve mechanisms of DESIGN.md §3.4 / RESEARCH.md §4, batched over worlds.

``step`` is pure: it reads a :class:`World`, the :class:`Levers`, the :class:`Params`, the month's
draws from :class:`Noise` and the month's scheduled events, and returns the next world and the
month's outcome. It is a pipeline: the sections below run in the order of the month on a
:class:`~game.sim.month.Month`, each calling the pure mechanism functions of
``game.sim.mechanisms`` (docs/model.md names each one next to its equation). Arrays are
``(n, 1)`` for one number per world and ``(n, 5)`` for one per origin (MX, GT, HN, SV, XR);
there is no loop over worlds. Every coefficient is a named entry of ``Params``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.sim import noise as nz
from game.sim._prepared import THROUGH_MEXICO, lag_share
from game.sim.event_effects import apply_events, event_state
from game.sim.levers import COLUMN, DELAYS, Levers
from game.sim.mechanisms import labour, origins
from game.sim.mechanisms._common import MAX_RATE, MX, follow, origin_totals
from game.sim.mechanisms.agreements import (
    burden_sharing,
    mexico_deployment,
    partner_compliance,
    partner_load,
    safe_third_country,
)
from game.sim.mechanisms.asylum import canada_queue, mexico_queue, partner_queue, throughput, waits
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
from game.sim.mechanisms.canada import heading_north
from game.sim.mechanisms.channels import (
    admissions,
    credibility,
    first_leg,
    legal_channels,
    legal_places,
)
from game.sim.mechanisms.departures import emigration_logit, season_factor, who_leaves
from game.sim.mechanisms.departures import network_seen as network
from game.sim.mechanisms.epidemic import border_closure
from game.sim.mechanisms.opinion import (
    approval_target,
    caravan_visibility,
    disorder,
    humanitarian_harm,
    media_events,
    restrictiveness,
    salience,
    sovereignty,
    spending,
    thermostat,
)
from game.sim.mechanisms.opinion_nt import (
    approval_target_nt,
    approval_terms_nt,
    citizens_abroad_harm,
    economy_seen,
)
from game.sim.mechanisms.phase_in import effective, phase_in
from game.sim.mechanisms.prices import smuggling_price
from game.sim.mechanisms.relations import enforcement_effort, relations, tariff_threat
from game.sim.mechanisms.returnees import retry_rate, returnees
from game.sim.mechanisms.settled import settled_population
from game.sim.mechanisms.transit import (
    adult_transit,
    border_towns,
    catch_probabilities,
    heat,
    mexico_catches,
)
from game.sim.month import Month, MonthOutcome, month_metrics, next_world
from game.sim.movers import family_transit, update_beliefs
from game.sim.noise import Noise
from game.sim.params import Params
from game.sim.policy import ScheduledEvent
from game.sim.queues import us_decisions
from game.sim.registry import ORIGINS
from game.sim.world import BLOCKABLE, STOCK, World

__all__ = ["MonthOutcome", "step"]

_BLOCK = {b: i for i, b in enumerate(BLOCKABLE)}
#: Mexico alone (children from a contiguous country are returned, TVPRA), as a row of origins.
_MEXICO_ONLY = np.eye(len(ORIGINS))[MX]
_LEVER_K = lag_share(np.maximum(DELAYS, 1.0) / 2.0)  # two stages of τ = delay/2: mean lag ≈ delay
#: Origins a safe-third-country deal with GT, HN or SV applies to (row: the partner), ``(3, 5)``.
_NT_PARTNER_APPLIES = np.array([[float(through and o != partner)
                                 for o, through in zip(ORIGINS, THROUGH_MEXICO, strict=True)]
                                for partner in ("GT", "HN", "SV")])
#: Visa columns in the order of ``Prepared.place_shares``: work US, humanitarian US, work CA, …
_PLACE_COLUMNS = np.array([COLUMN[f"{kind}:{dest}"] for dest in ("US", "CA", "MX")
                           for kind in ("work_visas", "humanitarian_visas")], dtype=np.intp)
#: Stocks the step rebuilds as new arrays, in the order it writes them back.
_REBUILT = tuple(STOCK[name] for name in (
    "home", "transit_bus", "transit_remote", "stranded", "mpp", "returned", "proc_us", "det_us",
    "proc_mx", "det_mx", "proc_ca", "proc_partner"))
#: The two journeys through Mexico of families and children alone, adjacent in ``STOCKS``.
_FAMILY_JOURNEYS = slice(STOCK["transit_family"], STOCK["transit_family"] + 2)


def step(world: World, levers: Levers, params: Params, noise: Noise,
         events: Sequence[ScheduledEvent] = ()) -> tuple[World, MonthOutcome]:
    """Advance every world by one month; returns the new world and the month's outcome."""
    n = world.n_worlds
    if levers.n_worlds != n:
        raise ValueError(f"{levers.n_worlds} lever rows for {n} worlds")
    mo = Month(world, levers, params.batch(n), noise)
    _levers_and_partners(mo)  # 0 and 10: delays, compliance, Mexico's deployment
    _events_and_origins(mo, events)  # events, 1: origin shocks
    _departures_and_channels(mo)  # 2-4: who leaves, legal places, the first leg
    _returnees_and_mexico(mo)  # 8: returnees; 5: Mexico's routes and border towns
    _us_border(mo)  # 5: the US border, families, beliefs; what voters see
    _canada_and_queues(mo)  # northbound, burden sharing, 9: asylum queues
    _settled_prices_births(mo)  # 8: circular returns; 6: prices; births; 7: deaths
    _totals_over_origins(mo)
    _labour_and_opinion(mo)  # Little's law waits, 11: labour, 12: opinion and approval
    _tariff_relations_load(mo)  # 10: tariff threat, relations, partners' load
    return next_world(mo), MonthOutcome(mo.m, month_metrics(mo))


def _levers_and_partners(mo: Month) -> None:
    """Levers take effect over their delays; partners decide whether to comply this month."""
    world, P, pp, lt = mo.world, mo.P, mo.pp, mo.lt
    mo.stage1, mo.stage2, mo.officers_in_training = phase_in(
        mo.levers.values, world.officers_in_training, world.lever_stage1, world.lever_stage2,
        _LEVER_K)
    mo.eff = mo.stage2  # the month reads the effective columns
    mo.lv = lv = effective(mo.eff, world.blocked)
    mo.det_us, mo.det_mx = lv.det[:, 0], lv.det[:, 1]
    mo.rem_us, mo.rem_mx = lv.rem[:, 0], lv.rem[:, 1]
    mo.corps = corps = follow(world.corps_members[:, None], lt.corps_target, pp.k_corps)
    mo.compliance = compliance = partner_compliance(
        world.relations, world.approval, lt.leverage_mx, lv.aid, world.partner_load,
        mo.uniforms[:, nz.UNIFORM_COMPLIANCE], world.compliance, P)
    mo.comp_mx, mo.comp_us = compliance[:, 0:1], compliance[:, 1:2]
    mo.comp_ca, mo.comp_nt = compliance[:, 2:3], compliance[:, 3:4]
    # Mexico deploys under a tariff threat.
    mo.agents_mxb, mo.agents_mxt = mexico_deployment(
        lv.border_agents_mx, lv.transit_agents_mx, corps, lt.tariff_on, mo.comp_mx,
        lt.mexico_unled, P)
    mo.returns_on = lt.returns_open * mo.comp_mx
    rim_block = world.blocked[:, 0, _BLOCK["remain_in_mexico"]][:, None]
    stc_block = world.blocked[:, 0, _BLOCK["safe_third_country"]][:, None]
    mo.rim = lt.rim_on * mo.comp_mx * (1 - rim_block)
    mo.cov = mo.levers.stc_coverage * (1 - stc_block)


def _events_and_origins(mo: Month, events: Sequence[ScheduledEvent]) -> None:
    """This month's events, then chance; origins' violence and income; US labour demand."""
    world, P, pp, lv, ex, normals = mo.world, mo.P, mo.pp, mo.lv, mo.ex, mo.normals
    # Events scheduled for this month (one handler per kind: event_effects.py), then chance.
    mo.ev = ev = event_state(world, P, mo.lt.tariff_rate)
    apply_events(ev, events, mo.m, P, world.event_weight)
    income_shock, mo.disaster_push = origins.random_disasters(
        mo.uniforms[:, nz.UNIFORM_DISASTER], mo.moy, mo.ew, ev.income_shock, ev.disaster_push, P)
    # An epidemic's closed borders hold departures back; reopening releases the pent-up wish.
    mo.closure_shift, mo.closure, mo.closure_left, mo.pent_up = border_closure(
        ev.closure, ev.closure_left, world.pent_up, P)
    # Chance, shocks held then fading, violence and income.
    mo.homicide_noise = origins.ar1(world.homicide_noise, P.homicide_persistence,
                                    P.homicide_sd, normals[:, nz.NORMAL_ORIGIN])
    mo.violence_shock, mo.violence_left = origins.fade_shock(ev.violence_shock, ev.violence_left,
                                                             P.shock_recovery)
    mo.income_shock, mo.income_left = origins.fade_shock(income_shock, ev.income_left,
                                                         P.shock_recovery)
    mo.economy_shock, mo.economy_left = origins.fade_shock(ev.economy_shock, ev.economy_left,
                                                           P.shock_recovery)
    mo.pop = pop = ex.population[None, :]
    # The NT governments' police reform and a trinational task force count as governance.
    gov = lv.aid_gov + lv.police_reform + mo.lt.task_force_gov
    mo.homicide = origins.homicide_rates(ex.homicide, pop, mo.homicide_noise, mo.violence_shock,
                                         lv.aid_vp, gov, pp, P)
    mo.homicide_seen = follow(world.homicide_seen, mo.homicide, pp.k_violence)
    mo.income = origins.origin_income(ex.income, pop, mo.income_shock, world.tariff_imposed,
                                      lv.aid_econ + lv.youth_employment, P)
    mo.labour_noise = origins.ar1(world.labour_noise, P.flat.labour_persistence,
                                  P.flat.labour_sd, normals[:, nz.NORMAL_LABOUR])
    mo.labour_demand = origins.labour_demand(ex.labour_demand, mo.economy_shock, mo.labour_noise)


def _departures_and_channels(mo: Month) -> None:
    """Who wants to leave and who leaves; legal channels; the first leg of irregular routes."""
    world, P, pp, lt, s, ev = mo.world, mo.P, mo.pp, mo.lt, mo.s, mo.ev
    # Aspiration × capability, by kind of mover.
    mo.network_seen = network(mo.stocks, world.network_seen, pp.k_network)
    shortage_seen = labour.last_shortage(world.stocks, world.mechanisation, mo.labour_demand, P)
    logit = emigration_logit(mo.m, mo.homicide_seen, mo.income, mo.ex.remittances,
                             mo.network_seen, mo.pop, mo.labour_demand, shortage_seen,
                             mo.disaster_push, mo.ex.coffee_price, world.price[:, None],
                             mo.lv.exit_officers, pp, P) + mo.closure_shift
    home = s["home"]
    movers, mo.fc_new, caravan = who_leaves(
        home, logit, season_factor(mo.sw, mo.moy, P), ev.release_seen, world.stay_seen,
        mo.homicide_seen, ev.surge, ev.surge_left, ev.caravan, pp, P)
    # Legal channels (finite) and the choice to wait for one.
    places = legal_places(mo.eff.take(_PLACE_COLUMNS, axis=1), pp.place_shares)
    mo.ch = ch = legal_channels(places, movers, caravan, home,
                                credibility(mo.rem_us, pp.returnable, mo.returns_on, P), P)
    fc_leaving = np.add.reduce(mo.fc_new, axis=1)
    mo.home = home - ch.issued - ch.leaving - fc_leaving
    mo.emigrants = ch.issued + ch.leaving + fc_leaving
    mo.adm = adm = admissions(places, ch.fill)
    s["temp_us"] += adm.temp_us
    s["legal_us"] += adm.legal_us
    s["temp_ca"] += adm.temp_ca
    s["legal_ca"] += adm.legal_ca
    s["legal_mx"] += adm.legal_mx
    mo.leg = first_leg(ch.irregular, lt.canada_open, lt.mexico_air_open, mo.through, pp, P)


def _returnees_and_mexico(mo: Month) -> None:
    """Returned people settle back or retry; Mexico's southern border, routes and border towns."""
    P, pp, s, through, lv, sw = mo.P, mo.pp, mo.s, mo.through, mo.lv, mo.sw
    # Returned people: settle back, or try again.
    retry = retry_rate(mo.rem_us, mo.ch.wait_share, P)
    mo.retriers, settling = returnees(s["returned"], lv.reintegration, retry, pp, P)
    mo.home = mo.home + settling
    returned = s["returned"] - mo.retriers - settling
    overland = mo.leg.overland + mo.retriers * through
    # Mexico: the southern border, the transit routes, and what Mexico does with those caught.
    mo.catch = catch = catch_probabilities(mo.agents_mxb, mo.agents_mxt, lv.agents_us,
                                           lv.agents_ca, lv.rescue_mx, lv.rescue_us, pp, P)
    caravan_entering = mo.ch.caravan * through
    mo.hot = heat(sw, mo.moy, P)
    transit_risk = mo.hot * (1 - catch.rescue_cut_mx)
    mo.tr = tr = adult_transit(overland + caravan_entering, caravan_entering, s["transit_bus"],
                               s["transit_remote"], catch, transit_risk,
                               mo.agents_mxb + mo.agents_mxt, mo.world.wait[:, 1:2], through,
                               pp, P)
    # Families and children alone cross Mexico by bus with smugglers, through the same checks.
    journey = family_transit(mo.fc_new, mo.stocks[:, _FAMILY_JOURNEYS, :].copy(), through,
                             catch.south, catch.bus, P.transit_bus_mortality * transit_risk, P)
    mo.fc = journey["road"]
    mo.fc_arrive = journey["out"] + journey["direct"]
    s["transit_family"][...] = mo.fc[:, 0]
    s["transit_child"][...] = mo.fc[:, 1]
    mo.transit_deaths = tr.bus_dead + tr.remote_dead + np.add.reduce(journey["dead"], axis=1)
    mo.fc_caught_mx = journey["caught"]
    caught_mx = (tr.caught_south + tr.caught_bus + tr.caught_remote
                 + np.add.reduce(mo.fc_caught_mx, axis=1))
    mo.mx_apprehension_events = np.add.reduce(caught_mx, axis=1)
    mc = mexico_catches(caught_mx, mo.det_mx, mo.rem_mx, s["det_mx"], through, pp, P)
    bus = tr.bus + mc.released  # released with an exit order, they carry on north
    mo.det_mx_stock = mc.detained
    bus += mc.reentry
    returned = returned + mc.deported - mc.reentry
    mo.returned_to_danger = np.add.reduce(mc.deported * pp.strong, axis=1)
    mo.proc_mx = s["proc_mx"] + mc.claims + tr.claims
    mo.asylum_claims_mx = np.add.reduce(mc.claims + tr.claims, axis=1)
    # Waiting in the northern border towns, and under Remain in Mexico.
    towns = border_towns(s["stranded"], s["mpp"], np.minimum(retry, MAX_RATE), P)
    mo.stranded, mo.mpp = towns.stranded, towns.mpp
    returned = returned + towns.stranded_home
    mo.returned = returned + towns.mpp_home
    mo.bus = bus
    mo.arrivals = (mo.leg.direct + mo.retriers * pp.direct + tr.out_bus + tr.out_remote
                   + towns.stranded_cross + towns.mpp_cross)
    mo.caravan_arrive = mo.ch.caravan * pp.direct


def _us_border(mo: Month) -> None:
    """At the US border: claim or cross unseen; families; who is sent back; what movers hear."""
    P, pp, lt, s, through = mo.P, mo.pp, mo.lt, mo.s, mo.through
    det_us, rem_us, comp_mx = mo.det_us, mo.rem_us, mo.comp_mx
    # Ask for asylum, or cross without being seen.
    detained = detained_share(det_us, P)
    claimants, evaders = claim_choice(mo.arrivals, mo.caravan_arrive, detained, det_us, mo.rim,
                                      through, pp, P)
    p_mx, p_nt, loophole = safe_third_country(mo.cov, comp_mx, mo.comp_nt, through,
                                              _NT_PARTNER_APPLIES, pp, P)
    claim_remote = claimants * loophole
    claim_port = claimants - claim_remote
    mo.bp = bp = between_ports(evaders, claim_remote, mo.catch, mo.hot, mo.lv.agents_us, P)
    mo.evaders, claim_remote = evaders, bp.claim_remote
    mo.crossings_attempted = np.add.reduce(evaders + claim_remote, axis=1)
    s["unauth_recent_us"] += bp.entered
    # Claimants: transferred, made to wait in Mexico, detained or released into the procedure.
    mo.transferred_mx = transferred_mx = claim_port * p_mx
    mo.transferred_nt = transferred_nt = claim_port * p_nt
    claim_port = claim_port - transferred_mx - transferred_nt
    new_claims_us = claim_port + claim_remote
    mo.fam = fam = mo.fc_arrive[:, 0]
    mo.kid = kid = mo.fc_arrive[:, 1]
    expel_w = rem_us[:, 0:1]
    fk = families_children(fam, kid, expel_w, p_mx, p_nt, _MEXICO_ONLY, P)
    mo.to_mpp, fam_mpp = remain_in_mexico(new_claims_us, fk.claim, mo.rim, through, lt.rim_cap)
    new_claims_us = new_claims_us - mo.to_mpp
    fam_claim = fk.claim - fam_mpp
    mo.mpp = mo.mpp + mo.to_mpp + fam_mpp
    mo.proc_mx = mo.proc_mx + transferred_mx + fk.to_mx
    mo.partner = s["proc_partner"] + transferred_nt + fk.to_nt
    # Beyond the family beds "detain" releases families; separating them detains every parent.
    fam_total = np.add.reduce(fam_claim, axis=1, keepdims=True)
    beds = family_beds(fam_total, P)
    fam_det = fam_claim * (det_us[:, 2:3] * beds + det_us[:, 3:4])
    fam_released = fam_claim - fam_det
    back = sent_back(bp.caught, fk.expelled, expel_w, lt.returns_cap * comp_mx, through, pp, P)
    mo.returned_to_danger = mo.returned_to_danger + back.danger
    mo.to_border_towns = back.to_border_towns
    mo.stranded = mo.stranded + back.to_border_towns
    mo.returned = (mo.returned + back.sent_back * pp.direct + back.flown_home
                   + fk.kid_returned)
    mo.new_claims_us = new_claims_us = new_claims_us + back.fear + back.unreturnable
    mo.asylum_claims_us = np.add.reduce(new_claims_us + mo.to_mpp + fam_claim + fam_mpp
                                        + fk.kid_released, axis=1)
    mo.released_visible = new_claims_us * (1 - detained)
    enter_det = detention_intake(new_claims_us, detained, s["det_us"], P)
    # Children taken from their parents: in the US when parents are detained apart, in Mexico
    # when its detention separates the families it catches.
    mo.separated = (fam_total * det_us[:, 3:4]
                    + np.add.reduce(mo.fc_caught_mx[:, 0], axis=1, keepdims=True)
                    * mo.det_mx[:, 3:4]) * P.children_per_family_member
    mo.det_stock = s["det_us"] + enter_det + fam_det
    mo.proc_us = s["proc_us"] + new_claims_us - enter_det + fam_released + fk.kid_released
    # Observed: Border Patrol counts every apprehension and every surrender between ports.
    at_ports = claim_port + transferred_mx + transferred_nt
    mo.encounters_by_origin = (bp.caught + claim_remote + at_ports * P.claim_surrender_share
                               + mo.caravan_arrive * (1 - P.caravan_claim_share) + fam + kid)
    # What movers will hear: the share of this month's arrivals of each kind now in the US.
    realised, heard = what_arrivals_found(
        mo.arrivals + mo.caravan_arrive, bp.entered + new_claims_us * (1 - detained), fam,
        fam_released + fam_claim * (det_us[:, 2:3] * beds * P.family_detained_release
                                    + det_us[:, 3:4] * P.separated_family_release),
        kid, fk.kid_released)
    mo.release_seen, mo.stay_seen = update_beliefs(mo.ev.release_seen, mo.world.stay_seen,
                                                   realised, heard, mo.world.wait[:, 0:1],
                                                   pp.k_expect)
    mo.encounters_true = np.add.reduce(mo.encounters_by_origin, axis=1)
    mo.measure = np.exp(P.flat.measurement_sd * mo.normals[:, nz.NORMAL_MEASURE][:, 0])
    mo.encounters = mo.encounters_true * mo.measure
    lv = mo.lv
    border_staff = np.concatenate([lv.agents_us, mo.agents_mxb + mo.agents_mxt, lv.agents_ca],
                                  axis=1)
    mo.restrict = restrictiveness(border_staff, lv.det, lv.rem, lt.visa_ca_restrict, mo.eff, pp,
                                  P)


def _canada_and_queues(mo: Month) -> None:
    """People heading north; burden sharing; the asylum queues of the US, MX, CA and partners."""
    P, pp, lt, s = mo.P, mo.pp, mo.lt, mo.s
    # Canada: people heading north from the US.
    mo.north = north = heading_north(s["unauth_us"], s["unauth_recent_us"], mo.proc_us,
                                     mo.restrict[:, 0:1], mo.levers.stc_coverage[:, 4:5],
                                     mo.comp_us, mo.catch.ca, pp, P)
    s["unauth_us"] -= north.from_unauth
    s["unauth_recent_us"] -= north.from_recent
    new_ca = north.claims + mo.leg.to_canada
    mo.asylum_claims_ca = np.add.reduce(new_ca, axis=1)
    # Burden sharing: claims moved to partners — if they comply.
    total_claims = (np.add.reduce(mo.new_claims_us, axis=1) + mo.asylum_claims_mx
                    + mo.asylum_claims_ca)[:, None]
    mo.burden = burden = burden_sharing(total_claims, lt.owed_share_mx, lt.owed_share_ca,
                                        mo.comp_mx, mo.comp_ca, north.proc_us, mo.proc_mx,
                                        s["proc_ca"] + new_ca, P)
    # Asylum queues: throughput from officers, decisions shared over the cases.
    grant = pp.grant
    # Backlogs of the six queues, summed over origins at once: the US procedure, its detained
    # docket and Remain in Mexico; Mexico's, Canada's and the partner's procedures.
    queued = origin_totals(np.array([burden.proc_us, mo.det_stock, mo.mpp, burden.proc_mx,
                                     burden.proc_ca, mo.partner]))
    mo.thr = thr = throughput(mo.lv.officers, mo.corps, P)  # decisions per month: US, MX, CA
    backlog_us = (queued[0] + queued[1] + queued[2])[:, None]
    decided = us_decisions(burden.proc_us, mo.det_stock, mo.mpp, backlog_us, thr[:, 0:1], grant,
                           mo.det_us, P)
    s["legal_us"] += decided["granted"]
    for part in decided["to_unauthorized"]:
        s["unauth_recent_us"] += part
    removed_proc, removed_det, denied_mpp = decided["returned"]
    returned = mo.returned + removed_proc + removed_det + denied_mpp
    mo.proc_us, mo.det_stock = decided["proc"], decided["detained"]
    mo.mpp = decided["waiting_in_mexico"]
    mo.queue_us = mo.proc_us  # the procedure the US wait is measured on (before interior arrests)
    q_mx = mexico_queue(burden.proc_mx, queued[3], thr[:, 1:2], grant, mo.bus, returned, P)
    s["legal_mx"] += q_mx.granted
    mo.proc_ca, granted_ca, returned = canada_queue(burden.proc_ca, queued[4], thr[:, 2:3], grant,
                                                    q_mx.returned)
    s["legal_ca"] += granted_ca
    mo.q_nt = q_nt = partner_queue(mo.partner, queued[5], mo.lv.aid_gov, q_mx.bus, returned,
                                   pp.strong, P)
    mo.proc_mx, mo.partner, mo.bus, mo.returned = q_mx.proc, q_nt.proc, q_nt.bus, q_nt.returned
    s["legal_mx"] += q_nt.granted  # the few protected settle in the region (counted with Mexico)
    mo.granted = decided["granted"] + q_mx.granted + granted_ca + q_nt.granted


def _settled_prices_births(mo: Month) -> None:
    """Circular returns and the settled; smuggling prices; births; deaths; stocks written back."""
    P, s, lv, stocks = mo.P, mo.s, mo.lv, mo.stocks
    # Settled people: circular returns fall as enforcement rises; temporary workers go home.
    mo.settled = settled = settled_population(s["unauth_us"], s["unauth_recent_us"], s["temp_us"],
                                              s["temp_ca"], s["legal_us"], lv.agents_us, P)
    s["unauth_us"] += settled.unauth_change
    s["unauth_recent_us"] -= settled.recent_out
    home = mo.home + settled.going_home
    proc_us = mo.proc_us + settled.interior  # interior arrests enter removal proceedings
    s["temp_us"] -= settled.temp_us_back
    s["temp_ca"] -= settled.temp_ca_back
    home = home + settled.temp_us_back + settled.temp_ca_back
    s["legal_us"] -= settled.legal_back
    home = home + settled.legal_back
    # Smuggling prices; origin populations grow slowly (births minus natural deaths).
    mo.price = smuggling_price(lv.agents_us, mo.agents_mxb, mo.agents_mxt, mo.rem_us, mo.rem_mx,
                               P)
    mo.growth = origins.natural_growth(home, mo.pp)
    home = home + mo.growth
    mo.deaths_by_origin = (mo.leg.darien_deaths + mo.transit_deaths + mo.bp.deaths
                           + mo.north.deaths)
    s["dead"] += mo.deaths_by_origin
    # Stocks rebuilt as new arrays go back into the copy (the others were updated in place).
    for index, value in zip(_REBUILT, (home, mo.bus, mo.tr.remote, mo.stranded, mo.mpp,
                                       mo.returned, proc_us, mo.det_stock, mo.proc_mx,
                                       mo.det_mx_stock, mo.proc_ca, mo.partner), strict=True):
        stocks[:, index, :] = value
    np.maximum(stocks, 0.0, out=stocks)


def _totals_over_origins(mo: Month) -> None:
    """Every per-origin array the month sums over origins, summed in one reduction.

    Cheaper than one sum each: first the metrics reported as totals (``mo.metrics``), then the
    totals the rest of the step uses (``mo.total``).
    """
    stocks, bp, ch = mo.stocks, mo.bp, mo.ch
    claim_remote = bp.claim_remote
    by_origin = {
        "ca_irregular_interceptions": mo.north.intercepted,
        "irregular_entries_us": bp.entered,
        "asylum_backlog_mx": mo.proc_mx,
        "asylum_backlog_ca": mo.proc_ca,
        "detained_population_us": mo.det_stock,
        "unauthorized_population_us": stocks[:, STOCK["unauth_us"], :]
        + stocks[:, STOCK["unauth_recent_us"], :],
        "family_unit_members_us": mo.fam,
        "unaccompanied_children_us": mo.kid,
        "deaths_us_border": bp.deaths,
        "apprehensions_us": bp.caught,
        "first_departures_irregular": mo.leg.irregular + mo.leg.to_canada + ch.caravan,
        "people_at_border": mo.arrivals + mo.caravan_arrive,
        "retries": mo.retriers,
        "waiting_for_legal": ch.intending * ch.wait_share,
        "stc_transfers": mo.transferred_mx + mo.transferred_nt,
        "unauthorized_returns": mo.settled.going_home,
        "births": mo.growth,
        "mx_claims_from_transit": mo.tr.claims,
        "emigrants_total": mo.emigrants,
        "deaths_in_mexico": mo.transit_deaths,
        "people_in_transit_mx": mo.bus + mo.tr.remote + np.add.reduce(mo.fc, axis=1),
        "asylum_claims_remote": claim_remote,
        "deaths_remote_routes": (bp.ev_remote + claim_remote) * bp.die_remote + mo.tr.remote_dead
        + mo.leg.darien_deaths + mo.north.deaths,
        "crossings_remote_us": mo.evaders * bp.remote_share + claim_remote / (1 - bp.die_remote),
        "crossings_urban_us": mo.evaders * (1 - bp.remote_share),
    }
    needed = {
        "queue_us": mo.queue_us,
        "mpp": mo.mpp,
        "stranded": mo.stranded,
        "bus": mo.bus,
        "caravan": ch.caravan,
        "released_visible": mo.released_visible,
        "north_deaths": mo.north.deaths,
        "det_mx": mo.det_mx_stock,
        "transferred_mx": mo.transferred_mx,
        "to_mpp": mo.to_mpp,
        "to_border_towns": mo.to_border_towns,
        "sent_to_us": mo.north.sent_to_us,
        "transferred_nt": mo.transferred_nt,
        "danger_nt": mo.q_nt.danger,
        "granted": mo.granted,
        "deaths": mo.deaths_by_origin,
        "temp_us": stocks[:, STOCK["temp_us"], :],
    }
    sums = origin_totals(np.array([*by_origin.values(), *needed.values()]))
    mo.metrics = dict(zip(by_origin, sums[:len(by_origin)], strict=True))
    mo.total = total = dict(zip(needed, sums[len(by_origin):], strict=True))
    mo.returned_to_danger = mo.returned_to_danger + total["danger_nt"]
    mo.protection = total["granted"] + mo.adm.humanitarian
    mo.deaths = total["deaths"]


def _labour_and_opinion(mo: Month) -> None:
    """Little's law waits; the labour shortage and mechanisation; opinion and approval."""
    world, P, pp, metrics, total = mo.world, mo.P, mo.pp, mo.metrics, mo.total
    # Little's law: each wait is its backlog over the decisions per month (US, MX, CA), capped.
    mo.backlog_after_us = total["queue_us"] + metrics["detained_population_us"] + total["mpp"]
    mo.wait = waits(mo.backlog_after_us, metrics["asylum_backlog_mx"],
                    metrics["asylum_backlog_ca"], mo.thr, P)
    # Labour shortage, closed slowly by mechanisation.
    mo.shortage = labour.shortage(total["temp_us"][:, None],
                                  metrics["unauthorized_population_us"][:, None],
                                  mo.labour_demand, world.mechanisation[:, None], P)
    mo.mechanisation = labour.mechanisation(world.mechanisation, mo.shortage[:, 0], P)
    # Opinion: disorder, media, salience, the thermostat.
    mo.stranded_total = total["stranded"] + total["mpp"]
    mo.caravan_visible = caravan_visibility(world.caravan_visible, total["caravan"], P)
    mo.disorder_seen = follow(world.disorder_seen, disorder(
        mo.encounters, mo.caravan_visible, total["released_visible"], mo.stranded_total,
        total["bus"], metrics["ca_irregular_interceptions"], mo.asylum_claims_ca, P),
        pp.k_disorder)
    mo.media = media_events(mo.ev.media, metrics["deaths_us_border"],
                            metrics["deaths_in_mexico"], mo.separated, mo.ew,
                            mo.uniforms[:, nz.UNIFORM_MEDIA], P)
    mo.salience = salience(mo.disorder_seen, mo.media, P)
    mo.policy_memory, gap, novelty = thermostat(mo.restrict, world.policy_memory,
                                                mo.disorder_seen, pp, P)
    harm = humanitarian_harm(mo.deaths, mo.separated, mo.returned_to_danger, mo.stranded_total,
                             metrics["deaths_in_mexico"], total["north_deaths"],
                             metrics["asylum_backlog_ca"], mo.wait[:, 2], mo.media, P)
    mo.spend = spending(mo.lt.spend_levers, mo.lt.spend_corps,
                        metrics["detained_population_us"], total["det_mx"], P)
    # Approval: what voters see, the policy gap, harm, money, jobs, sovereignty, housing.
    housing = (mo.adm.total_ca + mo.asylum_claims_ca) / P.flat.housing_reference_ca
    concessions = sovereignty(mo.lt.tariff_on, world.tariff_state, mo.rim, mo.cov, mo.comp_mx,
                              mo.returns_on, P)
    mo.approval = follow(world.approval, approval_target(
        mo.salience, mo.disorder_seen, gap, novelty, harm, mo.spend, mo.economy_shock,
        world.tariff_imposed, mo.shortage, concessions, housing, P), pp.k_approval)
    _approval_nt(mo)


def _approval_nt(mo: Month) -> None:
    """Approval of the Northern Triangle's governments: security, economy, citizens abroad."""
    P, lt, nt = mo.P, mo.lt, slice(1, 4)
    mo.abroad_harm = citizens_abroad_harm(mo.deaths_by_origin[:, nt], mo.returned[:, nt],
                                          mo.lv.consular, P)
    mo.economy_nt = economy_seen(mo.income[:, nt], mo.ex.income[nt], mo.ex.remittances[nt],
                                 mo.economy_shock[:, 0:1], P)
    mo.spend_nt = lt.spend_nt  # levers and task-force dues (``LeverTerms``)
    # A safe-third-country deal with the US, in force and complied with (slots US→GT, HN, SV).
    stc = (mo.cov[:, 1:4] > 0) * mo.comp_nt
    target, mo.approval_drivers = approval_target_nt(approval_terms_nt(
        mo.homicide_seen[:, nt], mo.economy_nt, mo.abroad_harm, stc, lt.budget_term_nt, P), P)
    mo.approval_nt = follow(mo.world.approval_nt, target, mo.pp.k_approval_nt)


def _tariff_relations_load(mo: Month) -> None:
    """The tariff threat's deadline and imposition; relations; what partners are asked to take."""
    world, levers, P, lt, total, ev = mo.world, mo.levers, mo.P, mo.lt, mo.total, mo.ev
    mo.tariff = tariff = tariff_threat(
        world.tariff_state, world.tariff_start, world.tariff_base, world.tariff_imposed,
        world.last_encounters, mo.encounters, mo.m, lt.tariff_started, lt.tariff_lifted,
        lt.threat_hit_scale, lt.target_left, levers.tariff_deadline, ev.deadline_now,
        ev.deadline_rate, levers.tariff_rate, mo.uniforms[:, nz.UNIFORM_TARIFF], P)
    mo.relations = relations(world.relations, tariff.hit, lt.visa_ca, mo.comp_mx, mo.comp_ca,
                             lt.cooperating_mx, levers.burden_active,
                             enforcement_effort(mo.agents_mxb + mo.agents_mxt, P)[:, 0],
                             tariff.state == 1, mo.pp, P)
    # What each partner is asked to take, against what it can absorb: next month's compliance.
    mo.load = partner_load(
        mo.burden.owed_mx[:, 0] + total["transferred_mx"] + total["to_mpp"]
        + total["to_border_towns"], total["sent_to_us"], mo.burden.owed_ca[:, 0],
        total["transferred_nt"], mo.thr, mo.q_nt.throughput, P)

