"""One month in the making: its inputs, its working values, and what it hands on.

``game.sim.step.step`` runs the month's sections in order on a :class:`Month`; each section reads
the values earlier sections set on it and sets its own, calling the pure mechanism functions of
``game.sim.mechanisms``. At the end :func:`next_world` builds the next :class:`World` and
:func:`month_metrics` the month's metrics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from game.sim import noise as nz
from game.sim._prepared import lever_terms, prepared
from game.sim.baseline import baseline_inputs
from game.sim.levers import Levers
from game.sim.mechanisms._common import GT, HN, MX, SV, XR
from game.sim.mechanisms.opinion_nt import DRIVERS
from game.sim.noise import Noise
from game.sim.registry import ORIGINS
from game.sim.world import STOCKS, World

#: Observed US encounters by origin, in origin order.
#: The drivers of the Northern Triangle's approval, in points: ``approval_{country}_{driver}``.
_DRIVER_METRICS = tuple(f"approval_{c}_{d}" for d in DRIVERS for c in ("gt", "hn", "sv"))
_ENCOUNTER_METRICS = tuple(f"us_encounters_{o.lower()}" for o in ORIGINS)
#: Of them, members of family units and unaccompanied children, by origin (the CBP series).
_FAMILY_METRICS = tuple(f"us_family_members_{o.lower()}" for o in ORIGINS)
_CHILD_METRICS = tuple(f"us_children_alone_{o.lower()}" for o in ORIGINS)


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


class Month:
    """A month of a batch of worlds: its inputs (set here) and the values its sections compute.

    The inputs are the world, the levers, the batch's parameters ``P``, the quantities prepared
    from them (``pp``: parameters alone; ``lt``: levers, once per turn), the month's draws and
    one copy of the stocks, of which ``s`` holds a view per stock (in-place updates land in the
    copy). Each section of ``step`` then sets the values it computes, under the names
    docs/model.md uses; a value is on the month only if a later section reads it.
    """

    # Slots, not a dictionary: some 130 values a month are set and read here, and slots keep
    # them in one small block (fewer cache misses, no dictionary growing month after month).
    __slots__ = (
        # the inputs
        "world", "levers", "n", "P", "pp", "lt", "through", "m", "moy", "ex", "normals",
        "uniforms", "sw", "ew", "stocks", "s", "total_before",
        # levers and partners
        "stage1", "stage2", "officers_in_training", "eff", "lv", "det_us", "det_mx", "rem_us",
        "rem_mx", "corps", "compliance", "comp_mx", "comp_us", "comp_ca", "comp_nt",
        "agents_mxb", "agents_mxt", "returns_on", "rim", "cov",
        # events and origins
        "ev", "disaster_push", "homicide_noise", "violence_shock", "violence_left",
        "income_shock", "income_left", "economy_shock", "economy_left", "pop", "homicide",
        "homicide_seen", "income", "labour_noise", "labour_demand",
        "closure_shift", "closure", "closure_left", "pent_up",
        # departures and channels
        "network_seen", "fc_new", "ch", "home", "emigrants", "adm", "leg",
        # returnees and Mexico
        "retriers", "catch", "hot", "tr", "fc", "fc_arrive", "transit_deaths", "fc_caught_mx",
        "mx_apprehension_events", "det_mx_stock", "returned_to_danger", "proc_mx",
        "asylum_claims_mx", "stranded", "mpp", "returned", "bus", "arrivals", "caravan_arrive",
        # the US border
        "bp", "evaders", "crossings_attempted", "transferred_mx", "transferred_nt", "fam",
        "kid", "to_mpp", "partner", "to_border_towns", "new_claims_us", "asylum_claims_us",
        "released_visible", "separated", "det_stock", "proc_us", "encounters_by_origin",
        "release_seen", "stay_seen", "encounters_true", "measure", "encounters", "restrict",
        # Canada and the queues
        "north", "asylum_claims_ca", "burden", "thr", "queue_us", "proc_ca", "q_nt", "granted",
        # the settled, prices, births, deaths
        "settled", "price", "growth", "deaths_by_origin",
        # totals over origins
        "metrics", "total", "protection", "deaths",
        # labour and opinion
        "backlog_after_us", "wait", "shortage", "mechanisation", "stranded_total",
        "caravan_visible", "disorder_seen", "media", "salience", "policy_memory", "spend",
        "approval", "abroad_harm", "economy_nt", "spend_nt", "approval_drivers", "approval_nt",
        # the tariff threat, relations, load
        "tariff", "relations", "load",
    )

    def __init__(self, world: World, levers: Levers, P: Any, noise: Noise) -> None:
        n = world.n_worlds
        self.world = world
        self.levers = levers
        self.n = n
        self.P = P
        self.pp = prepared(P)  # quantities that depend on the parameters alone, computed once
        self.lt = lever_terms(levers, P)  # and those that depend on the levers, once per turn
        self.through = self.pp.through_mexico  # THROUGH_MEXICO as one row per world
        self.m = m = world.month
        self.moy = m % 12  # 0 = January
        self.ex = exogenous(m)
        self.normals, self.uniforms = noise.draws(m, n)
        self.sw = world.season_weight[:, None]
        self.ew = world.event_weight[:, None]
        self.stocks = stocks = world.stocks.copy()
        self.s = dict(zip(STOCKS, stocks.swapaxes(0, 1), strict=True))
        self.total_before = np.add.reduce(world.stocks, axis=(1, 2))

    if TYPE_CHECKING:  # the sections' values: arrays, named tuples of arrays and tables
        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...


def next_world(mo: Month) -> World:
    """The world at the start of next month, from the month's values."""
    world, ev = mo.world, mo.ev
    return World.assemble(
        month=mo.m + 1,
        stocks=mo.stocks,
        lever_stage1=mo.stage1,
        lever_stage2=mo.stage2,
        corps_members=mo.corps[:, 0],
        homicide_noise=mo.homicide_noise,
        violence_shock=mo.violence_shock,
        violence_left=mo.violence_left,
        income_shock=mo.income_shock,
        income_left=mo.income_left,
        disaster_push=mo.disaster_push,
        homicide_seen=mo.homicide_seen,
        network_seen=mo.network_seen,
        economy_shock=mo.economy_shock,
        economy_left=mo.economy_left,
        labour_noise=mo.labour_noise,
        mechanisation=mo.mechanisation,
        price=mo.price[:, 0],
        wait=mo.wait,
        disorder_seen=mo.disorder_seen,
        salience=mo.salience,
        policy_memory=mo.policy_memory,
        media=mo.media,
        approval=mo.approval,
        relations=mo.relations,
        compliance=mo.compliance,
        partner_load=mo.load,
        tariff_state=mo.tariff.state,
        tariff_start=mo.tariff.start,
        tariff_base=mo.tariff.base,
        tariff_imposed=mo.tariff.imposed,
        blocked=ev.blocked,
        last_encounters=mo.encounters,
        surge=np.where(ev.surge_left > 1, ev.surge, 0.0),
        surge_left=np.maximum(ev.surge_left - 1, 0.0),
        closure=mo.closure,
        closure_left=mo.closure_left,
        pent_up=mo.pent_up,
        caravan_visible=mo.caravan_visible,
        release_seen=mo.release_seen,
        stay_seen=mo.stay_seen,
        officers_in_training=mo.officers_in_training,
        season_weight=world.season_weight,
        event_weight=world.event_weight,
        approval_nt=mo.approval_nt,
    )


def month_metrics(mo: Month) -> dict[str, np.ndarray]:
    """The month's metrics per world ``(n,)``: the canonical ones of DESIGN.md §3.8 and extras.

    The totals over origins (``mo.metrics``, set by the step) come first.
    """
    P, metrics, total = mo.P, mo.metrics, mo.total
    emigrants, homicide, wait = mo.emigrants, mo.homicide, mo.wait
    approval, relations, spend = mo.approval, mo.relations, mo.spend
    fc_new, release_seen = mo.fc_new, mo.release_seen
    per_world: dict[str, np.ndarray] = {
        "us_border_encounters": mo.encounters,
        "mx_apprehensions": mo.mx_apprehension_events * np.exp(
            P.flat.measurement_sd * mo.normals[:, nz.NORMAL_MEASURE][:, 1]),
        "emigrants_from_mx": emigrants[:, MX],
        "emigrants_from_gt": emigrants[:, GT],
        "emigrants_from_hn": emigrants[:, HN],
        "emigrants_from_sv": emigrants[:, SV],
        "emigrants_from_xr": emigrants[:, XR],
        "legal_admissions_us": mo.adm.total_us,
        "legal_admissions_ca": mo.adm.total_ca,
        "legal_admissions_mx": mo.adm.total_mx,
        "deaths_in_transit": mo.deaths,
        "asylum_claims_us": mo.asylum_claims_us,
        "asylum_claims_mx": mo.asylum_claims_mx + mo.burden.moved_mx[:, 0]
        + total["transferred_mx"],
        "asylum_claims_ca": mo.asylum_claims_ca + mo.burden.moved_ca[:, 0],
        "protection_granted": mo.protection,
        "returned_to_danger": mo.returned_to_danger,
        "family_separations": mo.separated[:, 0],
        "asylum_backlog_us": mo.backlog_after_us,
        "asylum_wait_months_us": wait[:, 0],
        "asylum_wait_months_mx": wait[:, 1],
        "asylum_wait_months_ca": wait[:, 2],
        "stranded_in_mx_border_towns": mo.stranded_total,
        "smuggling_price_usd": mo.price[:, 0],
        "labor_shortage_us": mo.shortage[:, 0],
        "homicide_rate_gt": homicide[:, GT],
        "homicide_rate_hn": homicide[:, HN],
        "homicide_rate_sv": homicide[:, SV],
        "approval_us": approval[:, 0],
        "approval_mx": approval[:, 1],
        "approval_ca": approval[:, 2],
        "approval_gt": mo.approval_nt[:, 0],
        "approval_hn": mo.approval_nt[:, 1],
        "approval_sv": mo.approval_nt[:, 2],
        "relations_us_mx": relations[:, 0],
        "relations_us_ca": relations[:, 1],
        "relations_mx_ca": relations[:, 2],
        "spending_us": spend[:, 0],
        "spending_mx": spend[:, 1],
        "spending_ca": spend[:, 2],
        # Extras beyond the canonical list (debrief, explanations, tests).
        "deaths_recorded": metrics["deaths_us_border"] * P.flat.death_recording_share,
        "crossing_attempts_us": mo.crossings_attempted,
        "encounters_true": mo.encounters_true,
        "burden_quota_fill": mo.burden.quota_fill,
        "population_change": np.add.reduce(mo.stocks, axis=(1, 2)) - mo.total_before,
        "salience_us": mo.salience[:, 0],
        "restrictiveness_us": mo.restrict[:, 0],
        "compliance_mx": mo.compliance[:, 0],
        "remote_transit_share": mo.tr.remote_share[:, 0],
        "tariff_imposed": mo.tariff.imposed,
        "perceived_release_families": np.add.reduce(release_seen[:, 1, 1:4], axis=1) / 3,
        "perceived_release_children": np.add.reduce(release_seen[:, 2, 1:4], axis=1) / 3,
        "perceived_stay_months": mo.stay_seen,
        "family_departures_nt": np.add.reduce(fc_new[:, 0, 1:4], axis=1),
        "child_departures_nt": np.add.reduce(fc_new[:, 1, 1:4], axis=1),
    }
    # (The perceived releases are means over the Northern Triangle, ``x.mean`` bit for bit.)
    # A metric computed at another shape (a per-world parameter can broadcast one) is widened;
    # the totals over origins and the encounters by origin below are rows of (n, k) tables.
    shape = (mo.n,)
    for k in [k for k, v in per_world.items() if v.shape != shape]:
        per_world[k] = np.broadcast_to(per_world[k], shape).astype(float)
    metrics.update(per_world)
    # Each driver of Northern-Triangle approval in points (``approval_hn_security``, …).
    drivers = mo.approval_drivers.transpose(0, 2, 1).reshape(-1, mo.n)
    metrics.update(zip(_DRIVER_METRICS, drivers, strict=True))
    measure = mo.measure[:, None]
    metrics.update(zip(_ENCOUNTER_METRICS, (mo.encounters_by_origin * measure).T, strict=True))
    metrics.update(zip(_FAMILY_METRICS, (mo.fam * measure).T, strict=True))
    metrics.update(zip(_CHILD_METRICS, (mo.kid * measure).T, strict=True))
    return metrics
