"""The monthly step: twelve mechanisms of DESIGN.md §3.4 / RESEARCH.md §4, batched over worlds.

``step`` is pure: it reads a :class:`World`, the :class:`Levers`, the :class:`Params`, the month's
draws from :class:`Noise` and the month's scheduled events, and returns the next world and the
month's outcome. Arrays are ``(n, 1)`` for one number per world and ``(n, 5)`` for one per origin
(MX, GT, HN, SV, XR); there is no loop over worlds. Every coefficient is a named entry of
``Params`` (see ``params.py`` for units, ranges and sources); the order of the sections below is
the order of the mechanisms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from game.sim import noise as nz
from game.sim._prepared import (
    THROUGH_MEXICO,
    lag_share,
    lever_terms,
    prepared,
)
from game.sim.baseline import baseline_inputs
from game.sim.event_effects import apply_events, event_state
from game.sim.levers import COLUMN, DELAYS, Levers
from game.sim.mechanisms import labour, origins
from game.sim.mechanisms._common import follow, origin_totals
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
from game.sim.mechanisms.origins import (
    ar1,
    births,
    fade_shock,
    homicide_rates,
    origin_income,
    random_disasters,
)
from game.sim.mechanisms.phase_in import effective, phase_in
from game.sim.mechanisms.prices import smuggling_price
from game.sim.mechanisms.relations import relations as relations_
from game.sim.mechanisms.relations import tariff_threat
from game.sim.mechanisms.returnees import retry_rate, returnees
from game.sim.mechanisms.settled import settled_population
from game.sim.mechanisms.transit import (
    adult_transit,
    border_towns,
    catch_probabilities,
    heat,
    mexico_catches,
)
from game.sim.movers import (
    family_transit,
    update_beliefs,
)
from game.sim.noise import Noise
from game.sim.params import Params
from game.sim.policy import ScheduledEvent
from game.sim.queues import us_decisions
from game.sim.registry import ORIGINS
from game.sim.world import BLOCKABLE, NATIONS, STOCK, STOCKS, World

MX, GT, HN, SV, XR = range(5)
#: 1 for the Northern Triangle.
NORTHERN_TRIANGLE = np.array([0.0, 1.0, 1.0, 1.0, 0.0])
_ORIGIN = {o: i for i, o in enumerate(ORIGINS)}
_NATION = {c: i for i, c in enumerate(NATIONS)}
_BLOCK = {b: i for i, b in enumerate(BLOCKABLE)}
_TINY = 1e-9
#: Fewer arrivals of a kind than this in a month leave what movers believe unchanged.
_FEW = 1e-3
#: Mexico alone (children from a contiguous country are returned, TVPRA), as a row of origins.
_MEXICO_ONLY = np.eye(len(ORIGINS))[MX]
#: The two stocks of people in the US without status: settled and recent arrivals.
_UNAUTHORIZED = np.array([STOCK["unauth_us"], STOCK["unauth_recent_us"]])
#: Observed US encounters by origin, in origin order.
_ENCOUNTER_METRICS = tuple(f"us_encounters_{o.lower()}" for o in ORIGINS)
#: Of them, members of family units and unaccompanied children, by origin (the CBP series).
_FAMILY_METRICS = tuple(f"us_family_members_{o.lower()}" for o in ORIGINS)
_CHILD_METRICS = tuple(f"us_children_alone_{o.lower()}" for o in ORIGINS)
#: Numerical guard (not a coefficient): no event moves more than half a stock in a month.
_GUARD_SHARE = 0.5
#: Numerical guard: no monthly rate moves more than this share of a stock.
_MAX_RATE = 0.9
#: The demographic trend is extrapolated at most this many years from its reference year
#: (2012 ± 12 covers the inputs in data/, 2000-2023; beyond them the trend is held flat).
_DEMOGRAPHY_YEARS = 12.0
#: The Atlantic hurricane season, June to November (0 = January).
_HURRICANE_MONTHS = range(5, 11)


@dataclass(frozen=True)
class MonthOutcome:
    """What happened in one month, per world: metric name → array ``(n,)``."""

    month: int
    metrics: dict[str, np.ndarray]


@dataclass(frozen=True)
class Exogenous:
    """The real world's trend values for one month, as arrays (cached per month)."""

    homicide: np.ndarray
    income: np.ndarray
    remittances: np.ndarray
    population: np.ndarray
    labour_demand: float
    coffee_price: float


@cache
def exogenous(month: int) -> Exogenous:
    """The baseline inputs of a month as arrays in origin order."""
    b = baseline_inputs(month)
    return Exogenous(
        homicide=b.by_origin("homicide_rate"),
        income=b.by_origin("gdp_per_head_usd"),
        remittances=b.by_origin("remittances_share"),
        population=b.by_origin("population"),
        labour_demand=float(b.us_labor_demand),
        coffee_price=float(b.coffee_price_cents),
    )


_k = lag_share


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # The tanh form never overflows, so no clipping is needed.
    return 0.5 + 0.5 * np.tanh(0.5 * x)


def _sat(x: np.ndarray, kappa: float | np.ndarray) -> np.ndarray:
    """Diminishing returns: 1 − exp(−κx), 0 at x = 0 and 1 as x grows."""
    return 1.0 - np.exp(-kappa * np.maximum(x, 0.0))


_LEVER_K = _k(np.maximum(DELAYS, 1.0) / 2.0)  # two stages of τ = delay/2: mean lag ≈ delay


def _index(columns: object) -> np.ndarray:
    """Column numbers as an index array (``eff.take(index, axis=1)``: the same copy, cheaper)."""
    return np.asarray(columns, dtype=np.intp)


# Columns read by the step.
_C = COLUMN
_WORK_VISAS_US_CA = _index([_C["work_visas:US"], _C["work_visas:CA"]])
_HUM_VISAS_US_CA = _index([_C["humanitarian_visas:US"], _C["humanitarian_visas:CA"]])
_NT = ("GT", "HN", "SV")
#: Origins a safe-third-country deal with GT, HN or SV applies to (row: the partner), ``(3, 5)``.
_NT_PARTNER_APPLIES = np.array([[float(through and o != partner)
                                 for o, through in zip(ORIGINS, THROUGH_MEXICO, strict=True)]
                                for partner in _NT])
#: Visa columns in the order of ``Prepared.place_shares``: work US, humanitarian US, work CA, …
_PLACE_COLUMNS = _index([_C[f"{kind}:{dest}"] for dest in ("US", "CA", "MX")
                         for kind in ("work_visas", "humanitarian_visas")])
#: Stocks the step rebuilds as new arrays, in the order it writes them back.
_REBUILT = tuple(STOCK[name] for name in (
    "home", "transit_bus", "transit_remote", "stranded", "mpp", "returned", "proc_us", "det_us",
    "proc_mx", "det_mx", "proc_ca", "proc_partner"))


def step(world: World, levers: Levers, params: Params, noise: Noise,
         events: Sequence[ScheduledEvent] = ()) -> tuple[World, MonthOutcome]:
    """Advance every world by one month; returns the new world and the month's outcome."""
    n = world.n_worlds
    if levers.n_worlds != n:
        raise ValueError(f"{levers.n_worlds} lever rows for {n} worlds")
    P = params.batch(n)
    pp = prepared(P)  # quantities that depend on the parameters alone, computed once
    lt = lever_terms(levers, P)  # and those that depend on the levers, once per turn
    through = pp.through_mexico  # THROUGH_MEXICO as one row per world
    m = world.month
    moy = m % 12  # 0 = January
    ex = exogenous(m)
    normals, uniforms = noise.draws(m, n)
    sw = world.season_weight[:, None]
    ew = world.event_weight[:, None]
    # One copy of the stocks; ``s`` holds views into it (in-place updates land in the copy).
    stocks = world.stocks.copy()
    s = dict(zip(STOCKS, stocks.swapaxes(0, 1), strict=True))
    total_before = world.stocks.sum(axis=(1, 2))

    # Levers take effect over their delays; the month reads the effective columns.
    phased = phase_in(levers.values, world.officers_in_training, world.lever_stage1,
                      world.lever_stage2, _LEVER_K)
    stage1, stage2, officers_in_training = phased
    eff = stage2
    lv = effective(eff, world.blocked)
    det, rem = lv.det, lv.rem
    det_us, det_mx = det[:, 0], det[:, 1]
    rem_us = rem[:, 0]  # Mexico's removal regime enters only the restrictiveness index
    agents_us, agents_ca, officers = lv.agents_us, lv.agents_ca, lv.officers
    rescue_us, rescue_mx = lv.rescue_us, lv.rescue_mx
    aid_gov = lv.aid_gov
    corps = follow(world.corps_members[:, None], lt.corps_target, pp.k_corps)
    rim_block = world.blocked[:, 0, _BLOCK["remain_in_mexico"]][:, None]
    stc_block = world.blocked[:, 0, _BLOCK["safe_third_country"]][:, None]

    # Partners decide whether to comply this month; Mexico deploys under a tariff threat.
    compliance = partner_compliance(world.relations, world.approval, lt.leverage_mx, lv.aid,
                                    world.partner_load, uniforms[:, nz.UNIFORM_COMPLIANCE],
                                    world.compliance, P)
    comp_mx, comp_us, comp_ca, comp_nt = (compliance[:, i:i + 1] for i in range(4))
    threat = lt.tariff_on
    agents_mxb, agents_mxt = mexico_deployment(lv.border_agents_mx, lv.transit_agents_mx, corps,
                                               threat, comp_mx, lt.mexico_unled, P)

    # Events scheduled for this month (one handler per kind: event_effects.py), then chance.
    ev_state = event_state(world, P, lt.tariff_rate)
    apply_events(ev_state, events, m, P, world.event_weight)
    media, caravan, blocked = ev_state.media, ev_state.caravan, ev_state.blocked
    deadline_now, deadline_rate = ev_state.deadline_now, ev_state.deadline_rate
    release_believed = ev_state.release_seen  # with this month's announcements
    surge, surge_left = ev_state.surge, ev_state.surge_left
    income_shock, disaster_push = random_disasters(uniforms[:, nz.UNIFORM_DISASTER], moy, ew,
                                                   ev_state.income_shock,
                                                   ev_state.disaster_push, P)

    # Origins: chance, shocks held then fading, violence and income; US labour demand.
    homicide_noise = ar1(world.homicide_noise, P.homicide_persistence, P.homicide_sd,
                         normals[:, nz.NORMAL_ORIGIN])
    violence_shock, violence_left = fade_shock(ev_state.violence_shock, ev_state.violence_left,
                                               P.shock_recovery)
    income_shock, income_left = fade_shock(income_shock, ev_state.income_left, P.shock_recovery)
    economy_shock, economy_left = fade_shock(ev_state.economy_shock, ev_state.economy_left,
                                             P.shock_recovery)
    pop = ex.population[None, :]
    homicide = homicide_rates(ex.homicide, pop, homicide_noise, violence_shock, lv.aid_vp,
                              aid_gov, pp, P)
    homicide_seen = follow(world.homicide_seen, homicide, pp.k_violence)
    tariff_imposed = world.tariff_imposed
    income = origin_income(ex.income, pop, income_shock, tariff_imposed, lv.aid_econ, P)
    labour_noise = ar1(world.labour_noise, P.flat.labour_persistence, P.flat.labour_sd,
                       normals[:, nz.NORMAL_LABOUR])
    labour_demand = origins.labour_demand(ex.labour_demand, economy_shock, labour_noise)

    # Who wants to leave (aspiration × capability) and who leaves, by kind of mover.
    network_seen = network(stocks, world.network_seen, pp.k_network)
    shortage_seen = labour.last_shortage(world.stocks, world.mechanisation, labour_demand, P)
    logit = emigration_logit(m, homicide_seen, income, ex.remittances, network_seen, pop,
                             labour_demand, shortage_seen,
                             disaster_push, ex.coffee_price, world.price[:, None],
                             lv.exit_officers, pp, P)
    home = s["home"]
    movers, fc_new, caravan = who_leaves(home, logit, season_factor(sw, moy, P),
                                         release_believed, world.stay_seen, homicide_seen,
                                         surge, surge_left, caravan, pp, P)

    # Legal channels (finite) and the choice to wait for one; the first leg of irregular routes.
    places = legal_places(eff.take(_PLACE_COLUMNS, axis=1), pp.place_shares)
    returns_on = lt.returns_open * comp_mx
    ch = legal_channels(places, movers, caravan, home,
                        credibility(rem_us, pp.returnable, returns_on, P), P)
    caravan, wait_share, intending = ch.caravan, ch.wait_share, ch.intending
    fc_leaving = fc_new.sum(axis=1)
    home = home - ch.issued - ch.leaving - fc_leaving
    emigrants = ch.issued + ch.leaving + fc_leaving
    adm = admissions(places, ch.fill)
    s["temp_us"] += adm.temp_us
    s["legal_us"] += adm.legal_us
    s["temp_ca"] += adm.temp_ca
    s["legal_ca"] += adm.legal_ca
    s["legal_mx"] += adm.legal_mx
    legal_us, legal_ca, legal_mx = adm.total_us, adm.total_ca, adm.total_mx
    humanitarian_admitted = adm.humanitarian
    visa_ca = lt.visa_ca
    leg = first_leg(ch.irregular, lt.canada_open, lt.mexico_air_open, through, pp, P)
    to_canada, irregular, direct, darien_deaths = (leg.to_canada, leg.irregular, leg.direct,
                                                   leg.darien_deaths)

    # Returned people: settle back, or try again.
    returned = s["returned"]
    retry = retry_rate(rem_us, wait_share, P)
    retry_at_border = np.minimum(retry, _MAX_RATE)  # for people waiting right at the border
    retriers, settling = returnees(returned, lv.reintegration, retry, pp, P)
    home = home + settling
    returned = returned - retriers - settling
    retry_direct = retriers * pp.direct
    overland = leg.overland + retriers * through

    # Mexico: the southern border, the transit routes, and what Mexico does with those caught.
    catch = catch_probabilities(agents_mxb, agents_mxt, agents_us, agents_ca, rescue_mx,
                                rescue_us, pp, P)
    caravan_entering = caravan * through
    hot = heat(sw, moy, P)
    transit_risk = hot * (1 - catch.rescue_cut_mx)
    tr = adult_transit(overland + caravan_entering, caravan_entering, s["transit_bus"],
                       s["transit_remote"], catch, transit_risk, agents_mxb + agents_mxt,
                       world.wait[:, 1:2], through, pp, P)
    bus, remote, remote_share, remote_dead = tr.bus, tr.remote, tr.remote_share, tr.remote_dead
    claim_mx_transit = tr.claims
    transit_deaths = tr.bus_dead + remote_dead
    # Families and children alone cross Mexico by bus with smugglers, through the same checks.
    journey = family_transit(fc_new, np.stack([s["transit_family"], s["transit_child"]], axis=1),
                             through, catch.south, catch.bus,
                             P.transit_bus_mortality * transit_risk, P)
    fc, fc_out, fc_direct = journey["road"], journey["out"], journey["direct"]
    s["transit_family"][...] = fc[:, 0]
    s["transit_child"][...] = fc[:, 1]
    transit_deaths = transit_deaths + journey["dead"].sum(axis=1)
    fc_caught_mx = journey["caught"]
    caught_mx = tr.caught_south + tr.caught_bus + tr.caught_remote + fc_caught_mx.sum(axis=1)
    mx_apprehension_events = caught_mx.sum(axis=1)
    rem_mx = rem[:, 1]
    mc = mexico_catches(caught_mx, det_mx, rem_mx, s["det_mx"], through, pp, P)
    bus += mc.released  # released with an exit order, they carry on north
    det_mx_stock = mc.detained
    bus += mc.reentry
    returned = returned + mc.deported - mc.reentry
    returned_to_danger = (mc.deported * pp.strong).sum(axis=1)
    proc_mx = s["proc_mx"] + mc.claims + claim_mx_transit
    asylum_claims_mx = (mc.claims + claim_mx_transit).sum(axis=1)

    # Waiting in the northern border towns, and under Remain in Mexico.
    towns = border_towns(s["stranded"], s["mpp"], retry_at_border, P)
    stranded, mpp = towns.stranded, towns.mpp
    returned = returned + towns.stranded_home
    returned = returned + towns.mpp_home
    arrivals = (direct + retry_direct + tr.out_bus + tr.out_remote + towns.stranded_cross
                + towns.mpp_cross)
    caravan_arrive = caravan * pp.direct

    # At the US border: ask for asylum, or cross without being seen.
    wait_us = world.wait[:, 0:1]
    detained = detained_share(det_us, P)
    rim = lt.rim_on * comp_mx * (1 - rim_block)
    claimants, evaders = claim_choice(arrivals, caravan_arrive, detained, det_us, rim, through,
                                      pp, P)
    cov = levers.stc_coverage * (1 - stc_block)
    p_mx, p_nt, loophole = safe_third_country(cov, comp_mx, comp_nt, through,
                                              _NT_PARTNER_APPLIES, pp, P)
    claim_remote = claimants * loophole
    claim_port = claimants - claim_remote
    bp = between_ports(evaders, claim_remote, catch, hot, agents_us, P)
    claim_remote, caught_us, entered = bp.claim_remote, bp.caught, bp.entered
    crossings_attempted = (evaders + claim_remote).sum(axis=1)
    border_deaths = bp.deaths
    s["unauth_recent_us"] += entered

    # Claimants: transferred, made to wait in Mexico, detained or released into the procedure.
    transferred_mx = claim_port * p_mx
    transferred_nt = claim_port * p_nt
    claim_port = claim_port - transferred_mx - transferred_nt
    new_claims_us = claim_port + claim_remote
    fc_arrive = fc_out + fc_direct
    fam, kid = fc_arrive[:, 0], fc_arrive[:, 1]
    expel_w = rem_us[:, 0:1]
    fk = families_children(fam, kid, expel_w, p_mx, p_nt, _MEXICO_ONLY, P)
    kid_released = fk.kid_released
    to_mpp, fam_mpp = remain_in_mexico(new_claims_us, fk.claim, rim, through, lt.rim_cap)
    new_claims_us = new_claims_us - to_mpp
    fam_claim = fk.claim - fam_mpp
    mpp = mpp + to_mpp + fam_mpp
    proc_mx = proc_mx + transferred_mx + fk.to_mx
    partner = s["proc_partner"] + transferred_nt + fk.to_nt
    # Beyond the family beds "detain" releases families; separating them detains every parent.
    fam_total = fam_claim.sum(axis=1, keepdims=True)
    beds = family_beds(fam_total, P)
    fam_det = fam_claim * (det_us[:, 2:3] * beds + det_us[:, 3:4])
    fam_released = fam_claim - fam_det
    back = sent_back(caught_us, fk.expelled, expel_w, lt.returns_cap * comp_mx, through, pp, P)
    returned_to_danger = returned_to_danger + back.danger
    to_border_towns = back.to_border_towns
    stranded = stranded + to_border_towns
    returned = returned + back.sent_back * pp.direct + back.flown_home + fk.kid_returned
    new_claims_us = new_claims_us + back.fear + back.unreturnable
    asylum_claims_us = (new_claims_us + to_mpp + fam_claim + fam_mpp + kid_released).sum(axis=1)
    released_visible = new_claims_us * (1 - detained)
    enter_det = detention_intake(new_claims_us, detained, s["det_us"], P)
    # Children taken from their parents: in the US when parents are detained apart, in Mexico
    # when its detention separates the families it catches.
    separated = (fam_total * det_us[:, 3:4] + fc_caught_mx[:, 0].sum(axis=1, keepdims=True)
                 * det_mx[:, 3:4]) * P.children_per_family_member
    det_stock = s["det_us"] + enter_det + fam_det
    proc_us = s["proc_us"] + new_claims_us - enter_det + fam_released + kid_released

    # Observed: Border Patrol counts every apprehension and every surrender between ports.
    at_ports = claim_port + transferred_mx + transferred_nt
    encounters_by_origin = (caught_us + claim_remote + at_ports * P.claim_surrender_share
                            + caravan_arrive * (1 - P.caravan_claim_share) + fam + kid)
    # What movers will hear: the share of this month's arrivals of each kind now in the US.
    adults_arriving = arrivals + caravan_arrive
    realised, heard = what_arrivals_found(
        adults_arriving, entered + new_claims_us * (1 - detained), fam,
        fam_released + fam_claim * (det_us[:, 2:3] * beds * P.family_detained_release
                                    + det_us[:, 3:4] * P.separated_family_release),
        kid, kid_released)
    release_seen, stay_seen = update_beliefs(release_believed, world.stay_seen, realised,
                                             heard, wait_us, pp.k_expect)
    encounters_true = encounters_by_origin.sum(axis=1)
    measure = np.exp(P.flat.measurement_sd * normals[:, nz.NORMAL_MEASURE][:, 0])
    encounters = encounters_true * measure

    border_staff = np.concatenate([agents_us, agents_mxb + agents_mxt, agents_ca], axis=1)
    restrict = restrictiveness(border_staff, det, rem, lt.visa_ca_restrict, eff, pp, P)

    # Canada: people heading north from the US.
    north = heading_north(s["unauth_us"], s["unauth_recent_us"], proc_us, restrict[:, 0:1],
                          levers.stc_coverage[:, 4:5], comp_us, catch.ca, pp, P)
    s["unauth_us"] -= north.from_unauth
    s["unauth_recent_us"] -= north.from_recent
    north_deaths, intercepted_ca, sent_to_us = north.deaths, north.intercepted, north.sent_to_us
    new_ca = north.claims + to_canada
    proc_ca = s["proc_ca"] + new_ca
    asylum_claims_ca = new_ca.sum(axis=1)

    # Burden sharing: claims moved to partners — if they comply.
    total_claims = (new_claims_us.sum(axis=1) + asylum_claims_mx + asylum_claims_ca)[:, None]
    burden = burden_sharing(total_claims, lt.owed_share_mx, lt.owed_share_ca, comp_mx, comp_ca,
                            north.proc_us, proc_mx, proc_ca, P)
    proc_us, proc_mx, proc_ca = burden.proc_us, burden.proc_mx, burden.proc_ca

    # Asylum queues: throughput from officers, decisions shared over the cases, Little's law.
    grant = pp.grant
    # Backlogs of the six queues, summed over origins at once: the US procedure, its detained
    # docket and Remain in Mexico; Mexico's, Canada's and the partner's procedures.
    queued = origin_totals(np.array([proc_us, det_stock, mpp, proc_mx, proc_ca, partner]))
    thr = throughput(officers, corps, P)  # decisions per month: US, MX, CA
    backlog_us = (queued[0] + queued[1] + queued[2])[:, None]
    decided = us_decisions(proc_us, det_stock, mpp, backlog_us, thr[:, 0:1], grant, det_us, P)
    s["legal_us"] += decided["granted"]
    granted_us = decided["granted"]
    for part in decided["to_unauthorized"]:
        s["unauth_recent_us"] += part
    removed_proc, removed_det, denied_mpp = decided["returned"]
    returned = returned + removed_proc + removed_det + denied_mpp
    proc_us, det_stock, mpp = decided["proc"], decided["detained"], decided["waiting_in_mexico"]
    queue_us = proc_us  # the procedure the US wait is measured on (before interior arrests join)
    q_mx = mexico_queue(proc_mx, queued[3], thr[:, 1:2], grant, bus, returned, P)
    proc_mx, bus, returned = q_mx.proc, q_mx.bus, q_mx.returned
    s["legal_mx"] += q_mx.granted
    proc_ca, granted_ca, returned = canada_queue(proc_ca, queued[4], thr[:, 2:3], grant, returned)
    s["legal_ca"] += granted_ca
    q_nt = partner_queue(partner, queued[5], aid_gov, bus, returned, pp.strong, P)
    partner, bus, returned = q_nt.proc, q_nt.bus, q_nt.returned
    s["legal_mx"] += q_nt.granted  # the few protected settle in the region (counted with Mexico)
    granted = granted_us + q_mx.granted + granted_ca + q_nt.granted
    # (The waits follow from the backlogs, with the month's other totals over origins below.)

    # Settled people: circular returns fall as enforcement rises; temporary workers go home.
    settled = settled_population(s["unauth_us"], s["unauth_recent_us"], s["temp_us"],
                                 s["temp_ca"], s["legal_us"], agents_us, P)
    s["unauth_us"] += settled.unauth_change
    s["unauth_recent_us"] -= settled.recent_out
    home = home + settled.going_home
    proc_us = proc_us + settled.interior  # interior arrests enter removal proceedings
    s["temp_us"] -= settled.temp_us_back
    s["temp_ca"] -= settled.temp_ca_back
    home = home + settled.temp_us_back + settled.temp_ca_back
    s["legal_us"] -= settled.legal_back
    home = home + settled.legal_back

    # Smuggling prices; origin populations grow slowly (births minus natural deaths).
    price = smuggling_price(agents_us, agents_mxb, agents_mxt, rem_us, rem_mx, P)
    growth = births(home, pp)
    home = home + growth

    deaths_by_origin = darien_deaths + transit_deaths + border_deaths + north_deaths
    s["dead"] += deaths_by_origin

    # Stocks rebuilt as new arrays go back into the copy (the others were updated in place).
    for index, value in zip(_REBUILT, (home, bus, remote, stranded, mpp, returned, proc_us,
                                       det_stock, proc_mx, det_mx_stock, proc_ca, partner),
                            strict=True):
        stocks[:, index, :] = value
    np.maximum(stocks, 0.0, out=stocks)

    # ---------- Totals over origins -----------------------------------------------------------
    # Every per-origin array the month sums over origins goes into one table summed in one
    # reduction (cheaper than one sum each): first the metrics reported as totals, then the
    # totals the rest of the step uses.
    by_origin = {
        "ca_irregular_interceptions": intercepted_ca,
        "irregular_entries_us": entered,
        "asylum_backlog_mx": proc_mx,
        "asylum_backlog_ca": proc_ca,
        "detained_population_us": det_stock,
        "unauthorized_population_us": stocks[:, STOCK["unauth_us"], :]
        + stocks[:, STOCK["unauth_recent_us"], :],
        "family_unit_members_us": fam,
        "unaccompanied_children_us": kid,
        "deaths_us_border": border_deaths,
        "apprehensions_us": caught_us,
        "first_departures_irregular": irregular + to_canada + caravan,
        "people_at_border": arrivals + caravan_arrive,
        "retries": retriers,
        "waiting_for_legal": intending * wait_share,
        "stc_transfers": transferred_mx + transferred_nt,
        "unauthorized_returns": settled.going_home,
        "births": growth,
        "mx_claims_from_transit": claim_mx_transit,
        "emigrants_total": emigrants,
        "deaths_in_mexico": transit_deaths,
        "people_in_transit_mx": bus + remote + fc.sum(axis=1),
        "asylum_claims_remote": claim_remote,
        "deaths_remote_routes": (bp.ev_remote + claim_remote) * bp.die_remote + remote_dead
        + darien_deaths + north_deaths,
        "crossings_remote_us": evaders * bp.remote_share + claim_remote / (1 - bp.die_remote),
        "crossings_urban_us": evaders * (1 - bp.remote_share),
    }
    needed = {
        "queue_us": queue_us,
        "mpp": mpp,
        "stranded": stranded,
        "bus": bus,
        "caravan": caravan,
        "released_visible": released_visible,
        "north_deaths": north_deaths,
        "det_mx": det_mx_stock,
        "transferred_mx": transferred_mx,
        "to_mpp": to_mpp,
        "to_border_towns": to_border_towns,
        "sent_to_us": sent_to_us,
        "transferred_nt": transferred_nt,
        "danger_nt": q_nt.danger,
        "granted": granted,
        "deaths": deaths_by_origin,
        "temp_us": stocks[:, STOCK["temp_us"], :],
    }
    sums = origin_totals(np.array([*by_origin.values(), *needed.values()]))
    metrics: dict[str, np.ndarray] = dict(zip(by_origin, sums[:len(by_origin)], strict=True))
    total = dict(zip(needed, sums[len(by_origin):], strict=True))
    returned_to_danger = returned_to_danger + total["danger_nt"]
    protection = total["granted"] + humanitarian_admitted
    deaths = total["deaths"]

    # Little's law: each wait is its backlog over the decisions per month (US, MX, CA), capped.
    backlog_after_us = total["queue_us"] + metrics["detained_population_us"] + total["mpp"]
    wait = waits(backlog_after_us, metrics["asylum_backlog_mx"], metrics["asylum_backlog_ca"],
                 thr, P)

    # Labour shortage, closed slowly by mechanisation.
    shortage = labour.shortage(total["temp_us"][:, None],
                               metrics["unauthorized_population_us"][:, None], labour_demand,
                               world.mechanisation[:, None], P)
    mechanisation = labour.mechanisation(world.mechanisation, shortage[:, 0], P)

    # Opinion: disorder, media, salience, the thermostat; approval.
    stranded_total = total["stranded"] + total["mpp"]
    caravan_visible = caravan_visibility(world.caravan_visible, total["caravan"], P)
    disorder_seen = follow(world.disorder_seen, disorder(
        encounters, caravan_visible, total["released_visible"], stranded_total, total["bus"],
        metrics["ca_irregular_interceptions"], asylum_claims_ca, P), pp.k_disorder)
    media = media_events(media, metrics["deaths_us_border"], metrics["deaths_in_mexico"],
                         separated, ew, uniforms[:, nz.UNIFORM_MEDIA], P)
    salience_ = salience(disorder_seen, media, P)
    policy_memory, gap, novelty = thermostat(restrict, world.policy_memory, disorder_seen, pp, P)
    harm = humanitarian_harm(deaths, separated, returned_to_danger, stranded_total,
                             metrics["deaths_in_mexico"], total["north_deaths"],
                             metrics["asylum_backlog_ca"], wait[:, 2], media, P)
    spend = spending(lt.spend_levers, lt.spend_corps, metrics["detained_population_us"],
                     total["det_mx"], P)
    tariff_state = world.tariff_state
    housing = (legal_ca + asylum_claims_ca) / P.flat.housing_reference_ca
    approval = follow(world.approval, approval_target(
        salience_, disorder_seen, gap, novelty, harm, spend, economy_shock, tariff_imposed,
        shortage, sovereignty(threat, tariff_state, rim, cov, comp_mx, returns_on, P), housing,
        P), pp.k_approval)

    # Tariff threat: deadline, imposition; relations.
    tariff = tariff_threat(tariff_state, world.tariff_start, world.tariff_base, tariff_imposed,
                           world.last_encounters, encounters, m, lt.tariff_started,
                           lt.tariff_lifted, lt.threat_hit_scale, lt.target_left,
                           levers.tariff_deadline, deadline_now, deadline_rate,
                           levers.tariff_rate, uniforms[:, nz.UNIFORM_TARIFF], P)
    relations = relations_(world.relations, tariff.hit, visa_ca, comp_mx, comp_ca,
                           lt.cooperating_mx, levers.burden_active, pp, P)

    # What each partner is asked to take, against what it can absorb: next month's compliance.
    load = partner_load(
        burden.owed_mx[:, 0] + total["transferred_mx"] + total["to_mpp"]
        + total["to_border_towns"], total["sent_to_us"], burden.owed_ca[:, 0],
        total["transferred_nt"], thr, q_nt.throughput, P)

    new_world = World.assemble(
        month=m + 1,
        stocks=stocks,
        lever_stage1=stage1,
        lever_stage2=stage2,
        corps_members=corps[:, 0],
        homicide_noise=homicide_noise,
        violence_shock=violence_shock,
        violence_left=violence_left,
        income_shock=income_shock,
        income_left=income_left,
        disaster_push=disaster_push,
        homicide_seen=homicide_seen,
        network_seen=network_seen,
        economy_shock=economy_shock,
        economy_left=economy_left,
        labour_noise=labour_noise,
        mechanisation=mechanisation,
        price=price[:, 0],
        wait=wait,
        disorder_seen=disorder_seen,
        salience=salience_,
        policy_memory=policy_memory,
        media=media,
        approval=approval,
        relations=relations,
        compliance=compliance,
        partner_load=load,
        tariff_state=tariff.state,
        tariff_start=tariff.start,
        tariff_base=tariff.base,
        tariff_imposed=tariff.imposed,
        blocked=blocked,
        last_encounters=encounters,
        surge=np.where(surge_left > 1, surge, 0.0),
        surge_left=np.maximum(surge_left - 1, 0.0),
        caravan_visible=caravan_visible,
        release_seen=release_seen,
        stay_seen=stay_seen,
        officers_in_training=officers_in_training,
        season_weight=world.season_weight,
        event_weight=world.event_weight,
    )

    per_world: dict[str, np.ndarray] = {
        "us_border_encounters": encounters,
        "mx_apprehensions": mx_apprehension_events * np.exp(
            P.flat.measurement_sd * normals[:, nz.NORMAL_MEASURE][:, 1]),
        "emigrants_from_mx": emigrants[:, MX],
        "emigrants_from_gt": emigrants[:, GT],
        "emigrants_from_hn": emigrants[:, HN],
        "emigrants_from_sv": emigrants[:, SV],
        "emigrants_from_xr": emigrants[:, XR],
        "legal_admissions_us": legal_us,
        "legal_admissions_ca": legal_ca,
        "legal_admissions_mx": legal_mx,
        "deaths_in_transit": deaths,
        "asylum_claims_us": asylum_claims_us,
        "asylum_claims_mx": asylum_claims_mx + burden.moved_mx[:, 0] + total["transferred_mx"],
        "asylum_claims_ca": asylum_claims_ca + burden.moved_ca[:, 0],
        "protection_granted": protection,
        "returned_to_danger": returned_to_danger,
        "family_separations": separated[:, 0],
        "asylum_backlog_us": backlog_after_us,
        "asylum_wait_months_us": wait[:, 0],
        "asylum_wait_months_mx": wait[:, 1],
        "asylum_wait_months_ca": wait[:, 2],
        "stranded_in_mx_border_towns": stranded_total,
        "smuggling_price_usd": price[:, 0],
        "labor_shortage_us": shortage[:, 0],
        "homicide_rate_gt": homicide[:, GT],
        "homicide_rate_hn": homicide[:, HN],
        "homicide_rate_sv": homicide[:, SV],
        "approval_us": approval[:, 0],
        "approval_mx": approval[:, 1],
        "approval_ca": approval[:, 2],
        "relations_us_mx": relations[:, 0],
        "relations_us_ca": relations[:, 1],
        "relations_mx_ca": relations[:, 2],
        "spending_us": spend[:, 0],
        "spending_mx": spend[:, 1],
        "spending_ca": spend[:, 2],
        # Extras beyond the canonical list (debrief, explanations, tests).
        "deaths_recorded": metrics["deaths_us_border"] * P.flat.death_recording_share,
        "crossing_attempts_us": crossings_attempted,
        "encounters_true": encounters_true,
        "burden_quota_fill": burden.quota_fill,
        "population_change": stocks.sum(axis=(1, 2)) - total_before,
        "salience_us": salience_[:, 0],
        "restrictiveness_us": restrict[:, 0],
        "compliance_mx": compliance[:, 0],
        "remote_transit_share": remote_share[:, 0],
        "tariff_imposed": tariff.imposed,
        "perceived_release_families": release_seen[:, 1, 1:4].mean(axis=1),
        "perceived_release_children": release_seen[:, 2, 1:4].mean(axis=1),
        "perceived_stay_months": stay_seen,
        "family_departures_nt": fc_new[:, 0, 1:4].sum(axis=1),
        "child_departures_nt": fc_new[:, 1, 1:4].sum(axis=1),
    }
    # A metric computed at another shape (a per-world parameter can broadcast one) is widened;
    # the totals over origins and the encounters by origin below are rows of (n, k) tables.
    shape = (n,)
    for k in [k for k, v in per_world.items() if v.shape != shape]:
        per_world[k] = np.broadcast_to(per_world[k], shape).astype(float)
    metrics.update(per_world)
    encounters_measured = encounters_by_origin * measure[:, None]
    metrics.update(zip(_ENCOUNTER_METRICS, encounters_measured.T, strict=True))
    metrics.update(zip(_FAMILY_METRICS, (fam * measure[:, None]).T, strict=True))
    metrics.update(zip(_CHILD_METRICS, (kid * measure[:, None]).T, strict=True))
    return new_world, MonthOutcome(m, metrics)
