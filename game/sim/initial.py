"""The world at a scenario's start month: real stocks from the baseline, then the level's overrides.

Stocks the data know (residents, the diaspora, the unauthorized population, asylum backlogs) are
taken from ``baseline.baseline_inputs(start)``. Stocks the data do not know (people in transit,
stranded, returned and retrying, in detention) and the model's memory (perceived violence,
opinion, prices, waits) are *spun up*: the model runs ``SPIN_UP_MONTHS`` months before the start
with the scenario's starting policy and no chance or events, then the known stocks are reset to
the data. So a level begins in a world that has lived with its policy, not in an empty one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import fields

import numpy as np

from game.sim.baseline import baseline_inputs
from game.sim.levers import OFFICER_COLUMNS, Levers
from game.sim.noise import Noise
from game.sim.params import Params
from game.sim.policy import Scenario
from game.sim.registry import AID_RECIPIENTS, ORIGINS
from game.sim.world import (
    BLOCKABLE,
    KINDS,
    NATIONS,
    OFFICER_TRAINING_MONTHS,
    PAIRS,
    PARTNERS,
    STOCK,
    STOCKS,
    World,
)

#: Months the model runs before a scenario starts, to fill the stocks the data do not know.
SPIN_UP_MONTHS = 36

#: Where the people in each asylum backlog come from (assumed, from the mid-2010s caseloads:
#: EOIR's pending cases by nationality, COMAR's applicants, IRCC's claims), origin order.
BACKLOG_ORIGIN_SPLIT: dict[str, tuple[float, ...]] = {
    "proc_us": (0.30, 0.18, 0.17, 0.20, 0.15),
    "proc_mx": (0.02, 0.15, 0.45, 0.25, 0.13),
    "proc_ca": (0.15, 0.03, 0.03, 0.04, 0.75),
}

#: Scenario override keys for totals: key → (stock, per-origin split used to share it out).
TOTAL_OVERRIDES: dict[str, str] = {
    "asylum_backlog_us": "proc_us",
    "asylum_backlog_mx": "proc_mx",
    "asylum_backlog_ca": "proc_ca",
    "unauthorized_population_us": "unauth_us",
    "stranded_in_mx_border_towns": "stranded",
    "detained_population_us": "det_us",
}
#: Scenario override keys for per-nation opinion and relations.
NATION_OVERRIDES = {f"approval_{c.lower()}": ("approval", i) for i, c in enumerate(NATIONS)}
#: The same for the governments of Guatemala, Honduras and El Salvador (``World.approval_nt``).
NT_APPROVAL_OVERRIDES = {f"approval_{c.lower()}": i for i, c in enumerate(AID_RECIPIENTS)}
PAIR_OVERRIDES = {f"relations_{p}": ("relations", i) for i, p in enumerate(PAIRS)}


#: Scenario override keys for an extra wish to leave at the start, per origin, in logit units.
#: For levels that start inside a surge the model's inputs do not explain (the 2019 rise of
#: families from Guatemala and Honduras is outside what the calibrated model predicts, see
#: docs/calibration.md): it fades like a disaster's push, so the level states the situation
#: it starts in without changing the model's dynamics.
PUSH_OVERRIDES = {f"emigration_push_{o.lower()}": i for i, o in enumerate(ORIGINS)}
#: What movers believe happens after the border, as a level may state it at its start: the
#: chance of release into the US by kind (0-1, every origin), and the months a claim lasts.
BELIEF_OVERRIDES = {f"perceived_release_{k}": i for i, k in enumerate(KINDS)}
STAY_OVERRIDE = "perceived_stay_months"
#: US border encounters in the month before the start, as the level's briefing quotes them: a
#: tariff threat in force at the start measures its target from this figure.
ENCOUNTERS_OVERRIDE = "us_border_encounters_last_month"
#: Totals that stand for more than one stock, set in the proportions the spin-up left.
_TOTAL_ALSO = {"stranded_in_mx_border_towns": "mpp",
               "unauthorized_population_us": "unauth_recent_us"}


def override_keys() -> tuple[str, ...]:
    """Every key a scenario's ``overrides`` may use."""
    per_stock = [f"{s}_{o.lower()}" for s in STOCKS if s != "dead" for o in ORIGINS]
    return (*TOTAL_OVERRIDES, *NATION_OVERRIDES, *NT_APPROVAL_OVERRIDES, *PAIR_OVERRIDES,
            "smuggling_price_usd", *BELIEF_OVERRIDES, STAY_OVERRIDE, ENCOUNTERS_OVERRIDE,
            *PUSH_OVERRIDES, *per_stock)


def _blank(month: int, n: int, levers: Levers) -> World:
    z5 = np.zeros((n, len(ORIGINS)))
    z3 = np.zeros((n, 3))
    z1 = np.zeros(n)
    return World(
        month=month,
        stocks=np.zeros((n, len(STOCKS), len(ORIGINS))),
        lever_stage1=levers.values.copy(),
        lever_stage2=levers.values.copy(),
        corps_members=levers.corps_contributions.sum(axis=1) * 0.0,
        homicide_noise=z5.copy(), violence_shock=z5.copy(), violence_left=z5.copy(),
        income_shock=z5.copy(), income_left=z5.copy(), disaster_push=z5.copy(),
        homicide_seen=z5.copy(), network_seen=z5.copy(),
        economy_shock=z3.copy(), economy_left=z3.copy(), labour_noise=z1.copy(),
        mechanisation=z1.copy(), price=z1.copy(), wait=z3.copy(),
        disorder_seen=np.ones((n, 3)), salience=z3.copy(), policy_memory=z3.copy(),
        media=z3.copy(), approval=np.full((n, 3), 50.0), relations=z3.copy(),
        compliance=np.full((n, len(PARTNERS)), 0.6), partner_load=np.zeros((n, len(PARTNERS))),
        tariff_state=z1.copy(), tariff_start=np.full(n, -1.0), tariff_base=z1.copy(),
        tariff_imposed=z1.copy(), blocked=np.zeros((n, 3, len(BLOCKABLE))),
        last_encounters=z1.copy(), surge=z1.copy(), surge_left=z1.copy(),
        closure=z1.copy(), closure_left=z1.copy(), pent_up=z1.copy(),
        caravan_visible=z1.copy(), release_seen=np.full((n, len(KINDS), len(ORIGINS)), 0.5),
        stay_seen=np.full(n, 12.0),
        officers_in_training=np.repeat(levers.values[:, None, OFFICER_COLUMNS],
                                       OFFICER_TRAINING_MONTHS, axis=1),
        season_weight=np.ones(n), event_weight=np.ones(n), approval_nt=np.full((n, 3), 50.0),
    )


def _known_stocks(stocks: np.ndarray, month: int) -> np.ndarray:
    """Set the stocks the data know to their values in ``month`` (in place; returns it)."""
    b = baseline_inputs(month)
    unauth = b.by_origin("unauthorized_us")
    diaspora = b.by_origin("diaspora_us")
    stocks[:, STOCK["home"], :] = b.by_origin("population")
    # The data count everyone without status; the recent arrivals the model carries are part.
    stocks[:, STOCK["unauth_us"], :] = np.maximum(unauth - stocks[:, STOCK["unauth_recent_us"], :],
                                                  0.0)
    stocks[:, STOCK["legal_us"], :] = np.maximum(diaspora - unauth, 0.0)
    totals = {"proc_us": b.asylum_backlog_us, "proc_mx": b.asylum_backlog_mx,
              "proc_ca": b.asylum_backlog_ca}
    for stock, total in totals.items():
        # Detained people are part of the US backlog: keep the spun-up detention, fill the rest.
        already = stocks[:, STOCK["det_us"], :].sum(axis=1, keepdims=True) if stock == "proc_us" \
            else 0.0
        split = np.array(BACKLOG_ORIGIN_SPLIT[stock])
        stocks[:, STOCK[stock], :] = np.maximum(total - already, 0.0) * split
    return stocks


def _spin_up(scenario: Scenario, n: int, params: Params, levers: Levers) -> World:
    from game.sim.step import step  # local: step imports this module's neighbours

    start = scenario.start - SPIN_UP_MONTHS
    world = _blank(start, n, levers)
    stocks = _known_stocks(world.stocks.copy(), start)
    b = baseline_inputs(start)
    seen = world.homicide_seen + b.by_origin("homicide_rate")
    network = stocks[:, STOCK["legal_us"], :] + stocks[:, STOCK["unauth_us"], :] + stocks[
        :, STOCK["unauth_recent_us"], :] + stocks[
        :, STOCK["proc_us"], :]
    price = np.full(n, float(np.mean(params.price_reference_usd)))
    relations = np.broadcast_to(params.batch(n).relations_base, (n, 3)).astype(float)
    world = world.replace(stocks=stocks, homicide_seen=seen, network_seen=network, price=price,
                          relations=relations)
    calm = Noise(scenario.seed, True, 0.0)
    for _ in range(SPIN_UP_MONTHS):
        world, _ = step(world, levers, params, calm, ())
    return world


#: Spun-up worlds by start, seed, starting levers and parameters, the last few kept: a sweep
#: (``simulate --sweep``), a class or the tests start the same level many times, and the
#: spin-up is most of the cost of a short level. Keys are exact (a digest of every lever array
#: and parameter value), and each caller gets its own copy of the arrays.
_SPUN: dict[bytes, World] = {}
_SPUN_KEPT = 8


def _spin_up_once(scenario: Scenario, params: Params, levers: Levers) -> World:
    """:func:`_spin_up` of one world with shared parameters, computed once per key."""
    digest = hashlib.sha256(repr((scenario.start, scenario.seed,
                                  sorted(params.values().items()))).encode())
    for f in fields(levers):
        digest.update(np.ascontiguousarray(getattr(levers, f.name), dtype=float).tobytes())
    key = digest.digest()
    found = _SPUN.get(key)
    if found is None:
        found = _spin_up(scenario, 1, params, levers)
        if len(_SPUN) >= _SPUN_KEPT:
            del _SPUN[next(iter(_SPUN))]
        _SPUN[key] = found
    return found.take(np.zeros(1, dtype=int))


def initial_world(scenario: Scenario, n_worlds: int, params: Params) -> World:
    """The batch of ``n_worlds`` identical worlds at ``scenario.start``."""
    if n_worlds < 1:
        raise ValueError("n_worlds must be at least 1")
    batched = params.n_worlds is not None
    levers = Levers.from_policy(scenario.policy, n_worlds if batched else 1)
    # Per-world parameters (calibration batches) are spun up afresh: rarely the same twice.
    world = _spin_up(scenario, n_worlds, params, levers) if batched else \
        _spin_up_once(scenario, params, levers)
    stocks = _known_stocks(world.stocks.copy(), scenario.start)
    # Counts of the past (the dead) start at zero: they are this game's, not history's.
    stocks[:, STOCK["dead"], :] = 0.0
    # A threat in the starting policy starts with the level, not during the spin-up: its
    # deadline, its hit to relations and any tariff belong to the game.
    n = world.n_worlds
    world = world.replace(month=scenario.start, stocks=stocks,
                          blocked=np.zeros_like(world.blocked),
                          tariff_state=np.zeros(n), tariff_start=np.full(n, -1.0),
                          tariff_base=np.zeros(n), tariff_imposed=np.zeros(n),
                          relations=np.broadcast_to(params.batch(n).relations_base,
                                                    (n, 3)).astype(float))
    if not batched and n_worlds > 1:
        world = world.take(np.zeros(n_worlds, dtype=int))
    return apply_overrides(world, scenario.overrides)


def apply_overrides(world: World, overrides: Mapping[str, float]) -> World:
    """The world with a level's named starting values put in (unknown keys are an error)."""
    if not overrides:
        return world
    stocks = world.stocks.copy()
    approval = world.approval.copy()
    approval_nt = world.approval_nt.copy()
    relations = world.relations.copy()
    price = world.price.copy()
    push = world.disaster_push.copy()
    beliefs = world.release_seen.copy()
    stay = world.stay_seen.copy()
    encounters = world.last_encounters.copy()
    per_stock = {f"{s}_{o.lower()}": (STOCK[s], i) for s in STOCKS for i, o in enumerate(ORIGINS)}
    for key, raw in overrides.items():
        value = float(raw)
        if not np.isfinite(value) or value < -100:
            raise ValueError(f"override {key} must be a finite number, not {raw!r}")
        if key in TOTAL_OVERRIDES:
            if value < 0:
                raise ValueError(f"override {key} cannot be negative")
            # The stranded metric counts people made to wait under Remain in Mexico too, and
            # the unauthorized population recent arrivals: such an override sets both stocks,
            # in the proportions the spin-up left.
            idx = [STOCK[TOTAL_OVERRIDES[key]]] + (
                [STOCK[_TOTAL_ALSO[key]]] if key in _TOTAL_ALSO else [])
            current = stocks[:, idx, :]
            total = current.sum(axis=(1, 2), keepdims=True)
            fallback = np.zeros(current.shape[1:])
            fallback[0] = BACKLOG_ORIGIN_SPLIT.get(TOTAL_OVERRIDES[key], (0.2,) * len(ORIGINS))
            split = np.where(total > 0, current / np.maximum(total, 1e-9), fallback)
            stocks[:, idx, :] = value * split
        elif key in NATION_OVERRIDES:
            approval[:, NATION_OVERRIDES[key][1]] = np.clip(value, 0, 100)
        elif key in NT_APPROVAL_OVERRIDES:
            approval_nt[:, NT_APPROVAL_OVERRIDES[key]] = np.clip(value, 0, 100)
        elif key in PAIR_OVERRIDES:
            relations[:, PAIR_OVERRIDES[key][1]] = np.clip(value, -100, 100)
        elif key == "smuggling_price_usd":
            price[:] = max(value, 1.0)
        elif key in BELIEF_OVERRIDES:
            if not 0 <= value <= 1:
                raise ValueError(f"override {key} must be a share between 0 and 1")
            beliefs[:, BELIEF_OVERRIDES[key], :] = value
        elif key == STAY_OVERRIDE:
            if not 0 <= value <= 240:
                raise ValueError(f"override {key} must be between 0 and 240 months")
            stay[:] = value
        elif key == ENCOUNTERS_OVERRIDE:
            if value < 0:
                raise ValueError(f"override {key} cannot be negative")
            encounters[:] = value
        elif key in PUSH_OVERRIDES:
            if not 0 <= value <= 3:
                raise ValueError(f"override {key} must be between 0 and 3 (logit units)")
            push[:, PUSH_OVERRIDES[key]] = value
        elif key in per_stock and key.split("_")[0] != "dead":
            if value < 0:
                raise ValueError(f"override {key} cannot be negative")
            s, o = per_stock[key]
            stocks[:, s, o] = value
        else:
            known = ", ".join(sorted(override_keys())[:12])
            raise ValueError(f"unknown override {key!r}; known keys include {known}, …")
    return world.replace(stocks=stocks, approval=approval, approval_nt=approval_nt,
                         relations=relations, price=price,
                         disaster_push=push, release_seen=beliefs, stay_seen=stay,
                         last_encounters=encounters)
