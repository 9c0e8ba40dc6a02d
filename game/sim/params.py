"""Every coefficient of the model, with unit, plausible range and source (DESIGN.md §3.4).

A :class:`Params` is data, not code: a mapping from names to :class:`Param` entries. A value may
be a float or a numpy array of shape ``(n_worlds,)``, so a calibrator can run many parameter sets
in one batch. Per-origin coefficients are written ``name_mx``, ``name_gt``, …, ``name_xr`` and
per-nation ones ``name_us``, ``name_mx``, ``name_ca``; the step reads them stacked.

``default_params()`` returns the priors below with the fitted values of ``calibrated.FITTED``
applied over them when that module exists (the calibration engineer writes it; see
docs/calibration.md). Sources name the study or data; "assumed" marks a modelling choice to be
calibrated or argued about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from types import MappingProxyType
from typing import Any

import numpy as np

from game.sim.registry import ORIGINS

Value = float | np.ndarray


@dataclass(frozen=True)
class Param:
    """One coefficient: value, unit, plausible range and where it comes from."""

    name: str
    value: Value
    unit: str
    low: float
    high: float
    source: str
    #: The mechanism (DESIGN.md §3.4 step) the coefficient belongs to, for docs and explanations.
    group: str = ""


_ORIGIN_SUFFIXES = tuple(o.lower() for o in ORIGINS)
_NATION_SUFFIXES = ("us", "mx", "ca")
_PAIR_SUFFIXES = ("us_mx", "us_ca", "mx_ca")
_DETENTION_SUFFIXES = ("release", "alternatives", "detain", "separate")
_REMOVAL_SUFFIXES = ("expel", "remove", "prosecute")
#: The Northern Triangle's governments (their approval: issue #18), stacked ``(n, 3)``.
_NT_SUFFIXES = ("gt", "hn", "sv")
_GROUPS = (_ORIGIN_SUFFIXES, _NATION_SUFFIXES, _PAIR_SUFFIXES, _DETENTION_SUFFIXES,
           _REMOVAL_SUFFIXES, _NT_SUFFIXES)


class Params:
    """Immutable named coefficients: iterate for the entries, read values as attributes."""

    def __init__(self, entries: Mapping[str, Param]) -> None:
        self._entries: Mapping[str, Param] = MappingProxyType(dict(entries))
        self._batches: dict[int, _Batch] = {}
        # Computed once: entries never change, and every turn asks (Simulation.advance).
        self._n_worlds: int | None | bool = False

    def __getattr__(self, name: str) -> Value:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._entries[name].value
        except KeyError:
            raise AttributeError(f"no parameter {name!r}") from None

    def __iter__(self) -> Iterator[Param]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __getitem__(self, name: str) -> Param:
        return self._entries[name]

    def names(self) -> tuple[str, ...]:
        """Every parameter name, in table order."""
        return tuple(self._entries)

    def replace(self, **values: Value) -> Params:
        """A copy with some values replaced (floats or arrays of shape ``(n_worlds,)``)."""
        unknown = set(values) - set(self._entries)
        if unknown:
            raise KeyError(f"unknown parameters: {', '.join(sorted(unknown))}")
        entries = dict(self._entries)
        for name, value in values.items():
            v = np.asarray(value, dtype=float)
            entries[name] = dc_replace(entries[name], value=float(v) if v.ndim == 0 else v)
        return Params(entries)

    @property
    def n_worlds(self) -> int | None:
        """The batch size of array-valued entries, or None when every value is a float."""
        if self._n_worlds is not False:
            return self._n_worlds  # type: ignore[return-value]
        sizes = {np.shape(p.value)[0] for p in self if np.ndim(p.value) == 1}
        if len(sizes) > 1:
            raise ValueError(f"parameter arrays of different lengths: {sorted(sizes)}")
        self._n_worlds = sizes.pop() if sizes else None
        return self._n_worlds

    def values(self) -> dict[str, Value]:
        """Name → value."""
        return {p.name: p.value for p in self}

    def batch(self, n: int) -> _Batch:
        """Values shaped for a batch of ``n`` worlds (cached): ``(n, 1)`` each, stacked groups."""
        found = self._batches.get(n)
        if found is None:
            size = self.n_worlds
            if size is not None and size != n:
                raise ValueError(f"parameters are for {size} worlds, not {n}")
            found = _Batch(self, n)
            self._batches[n] = found
        return found


class _Flat:
    """One value per world: a float when every world shares it, else an ``(n,)`` array."""

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"no parameter {name!r}")


class _Batch:
    """Parameters shaped for a batch of ``n`` worlds, read as attributes by the step.

    A coefficient shared by every world is a plain float (numpy broadcasts it for free, and
    arithmetic between two of them costs nothing); one that differs by world is an ``(n, 1)``
    column. ``flat.name`` gives the ``(n,)`` form for per-world scalars. ``name`` of a group
    (``emigration_logit`` for ``emigration_logit_mx`` … ``_xr``) stacks it: ``(n, 5)``.
    """

    def __init__(self, params: Params, n: int) -> None:
        self._params = params
        self._n = n
        self._cache: dict[str, np.ndarray | float] = {}
        self.flat = _Flat()
        # Every value and group becomes a plain attribute: the step reads hundreds per month.
        for name in params.names():
            setattr(self, name, self._column(name))
            value = params[name].value
            setattr(self.flat, name, float(value) if np.ndim(value) == 0
                    else np.asarray(value, dtype=float).reshape(n))
        groups: dict[str, tuple[str, ...]] = {}
        for suffixes in _GROUPS:
            for name in params.names():
                for suffix in suffixes:
                    if name.endswith("_" + suffix):
                        groups.setdefault(name[: -len(suffix) - 1], suffixes)
        for base, suffixes in groups.items():
            stacked = self._stack(base, suffixes)
            if stacked is not None and base not in params:
                setattr(self, base, stacked)
                self._cache[base] = stacked

    def _column(self, name: str) -> np.ndarray | float:
        value = self._params[name].value
        if np.ndim(value) == 0:
            return float(value)
        return np.ascontiguousarray(np.asarray(value, dtype=float).reshape(self._n, 1))

    def _stack(self, name: str, suffixes: tuple[str, ...]) -> np.ndarray | None:
        names = [f"{name}_{s}" for s in suffixes]
        if not all(x in self._params for x in names):
            return None
        columns = [self._column(x) for x in names]
        if all(isinstance(c, float) for c in columns):
            # One row per world even when all share it: numpy combines same-shaped arrays in
            # one pass, but walks a broadcast row in one short loop per world (slow for batches).
            return np.tile(np.array(columns), (self._n, 1))
        return np.concatenate([np.broadcast_to(c, (self._n, 1)) for c in columns], axis=1)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        out: np.ndarray | float | None = None
        if name in self._params:
            out = self._column(name)
        else:
            for suffixes in _GROUPS:
                out = self._stack(name, suffixes)
                if out is not None:
                    break
        if out is None:
            raise AttributeError(f"no parameter {name!r}")
        self._cache[name] = out
        return out

    def origin(self, name: str) -> np.ndarray:
        """A per-origin coefficient ``name_mx`` … ``name_xr`` as ``(n, 5)``."""
        out = self._cache.get(name)
        if out is None:
            out = self._stack(name, _ORIGIN_SUFFIXES)
            if out is None:
                raise AttributeError(f"no per-origin parameter {name!r}")
            self._cache[name] = out
        return np.asarray(out)


def _p(name: str, value: float, unit: str, low: float, high: float, source: str,
       group: str) -> Param:
    return Param(name, float(value), unit, float(low), float(high), source, group)


def _per_origin(name: str, values: tuple[float, float, float, float, float], unit: str,
                low: float, high: float, source: str, group: str) -> list[Param]:
    return [_p(f"{name}_{o}", v, unit, low, high, source, group)
            for o, v in zip(_ORIGIN_SUFFIXES, values, strict=True)]


def _per_nation(name: str, values: tuple[float, float, float], unit: str, low: float,
                high: float, source: str, group: str, suffixes: tuple[str, ...] = _NATION_SUFFIXES
                ) -> list[Param]:
    return [_p(f"{name}_{s}", v, unit, low, high, source, group)
            for s, v in zip(suffixes, values, strict=True)]


A = "assumed"
CLEMENS = "Clemens 2017 (SSRN 3029798), violence and unaccompanied children"
GATHMANN = "Gathmann 2008, enforcement and smuggler prices (J. Public Econ.)"
MASSEY = "Massey, Durand & Pren 2016 (AJS), circularity collapse"
BAZZI = "Bazzi et al. 2018 (NBER w25100), consequences and re-apprehension"
CARSI = "USAID/LAPOP CARSI evaluation (InSight Crime summary), 51% fewer murders"
HUMP = "Clemens 2014; Clemens & Postel 2018 (IZA pp136), the migration hump"
CG = "Clemens & Gough 2018 (CGD), legal channels and enforcement as complements"
CHNV = "DHS fact sheet July 2023, CHNV parole: irregular encounters −89%"
ACA = "Senate Foreign Relations report 2021: ACA 945 transferred, none granted"
DUBLIN = "Eurostat Dublin statistics 2022: ≈6% of requests executed"
WLEZIEN = "Wlezien 1995; Jennings 2009, thermostatic opinion"
SLOVIC = "Slovic et al. 2017 (PNAS), empathy after the Kurdi photo decays within weeks"
DATA = "game/sim/data (CBP, EOIR, COMAR, IRCC), see docs/calibration.md"


def _table() -> list[Param]:
    t: list[Param] = []
    g = "aspiration"
    # Constants set so that the FY2012 flows by nationality are about right; refitted by the
    # calibration (docs/calibration.md). Log monthly emigration hazard at unit drivers.
    t += _per_origin("emigration_logit", (-1.82, -2.48, -2.55, -3.34, -4.84), "log per month",
                     -14, 0, "set to FY2012 apprehensions by nationality (prior; calibrated)", g)
    t += [
        _p("wage_elasticity", 0.6, "elasticity", 0.4, 0.9,
           "Hanson & Spilimbergo 1999; Lessem (REStud): wage elasticity ≈ −0.5 to −0.8", g),
        _p("capability_elasticity", 1.5, "elasticity", 1.2, 2.5,
           HUMP + ": emigration triples from low to upper-middle income", g),
        _p("hump_peak_income_usd", 8000, "US$ per head (current, incl. remittances)", 6000,
           12000, HUMP + ": peak at $6-8k PPP (Clemens 2014) or $8-10k (Clemens & Postel)", g),
        _p("remittance_capability", 1.0, "multiplier on remittance share", 0, 3,
           "assumed; remittances finance later migrants (RESEARCH.md 2.1)", g),
        _p("violence_elasticity", 0.8, "elasticity", 0.3, 1.5,
           CLEMENS + "; Hiskey et al. 2018 (victimisation decides)", g),
        _p("demographic_reference_year", 2012, "year", 2000, 2025,
           "year at which the demographic trend is 0 (the emigration constants' year)", g),
        _p("violence_perception_months", 3, "months", 1, 18,
           CLEMENS + ": lag of 1-2 quarters directly, 2-6 through networks", g),
        _p("network_elasticity", 0.6, "elasticity", 0.3, 1.0,
           "Beine, Docquier & Özden 2011: gravity term D^0.6 (assumed exponent)", g),
        _p("network_echo_months", 9, "months", 6, 18,
           CLEMENS + ": network echo 2-6 quarters", g),
        _p("labour_pull_elasticity", 1.0, "elasticity", 0.3, 2.0,
           "assumed; Hanson & Spilimbergo: US demand cycles move apprehensions", g),
        _p("shortage_pull", 0.5, "log rate per unit shortage", 0, 2, A, g),
        _p("price_elasticity", 0.45, "elasticity", 0.3, 0.7,
           GATHMANN + ": ×3 enforcement → −10% migration with prices +17-30%", g),
        _p("season_amplitude", 0.2, "share", 0, 0.4,
           "CBP monthly apprehensions FY2000-16: spring peak ≈ +20%", g),
        _p("season_peak_month", 2.5, "month of year (0 = Jan)", 1, 5,
           "CBP monthly apprehensions: March-April peak", g),
        _p("exit_control_effect", 0.3, "log rate per officer per 1,000 residents", 0, 10, A, g),
        _p("max_monthly_share", 0.01, "share of residents", 0.001, 0.05,
           "assumed ceiling on legal departures in one month", g),
    ]
    t += _per_origin("violence_weight", (0.4, 1.0, 1.0, 1.0, 1.0), "share of the elasticity",
                     0, 1.5, "assumed: Mexico's violence displaces people mostly within Mexico; "
                     "Clemens' estimate is for the Northern Triangle", "aspiration")
    t += _per_origin("demographic_trend", (-0.04, -0.01, -0.01, -0.015, 0.0), "log per year",
                     -0.08, 0.02, "Hanson & McIntosh 2010: Mexico's fertility decline shrinks the "
                     "cohort of likely migrants; Central America lags (assumed sizes)",
                     "demography")
    t += _per_origin("natural_growth", (0.012, 0.02, 0.017, 0.005, 0.005), "per year", 0, 0.04,
                     "World Bank WDI natural increase (M)", "demography")
    g = "origins"
    t += [
        _p("homicide_persistence", 0.9, "AR(1) per month", 0.5, 0.99, A, g),
        _p("homicide_sd", 0.08, "log sd", 0, 0.3, "assumed from year-to-year homicide swings", g),
        _p("shock_recovery", 0.9, "share kept per month", 0.5, 0.99, A, g),
        _p("vp_neighbourhood_effect", 0.51, "share of homicides", 0.2, 0.6, CARSI, g),
        _p("vp_national_damping", 0.3, "share", 0.1, 0.6,
           "RESEARCH.md §4: assumed damping of the neighbourhood effect", g),
        _p("vp_dollars_per_head", 30, "US$ per resident per year", 10, 100,
           "assumed: coverage 63% at $30 per head a year", g),
        _p("governance_homicide_effect", 0.1, "share of homicides", 0, 0.3, A, g),
        _p("governance_dollars_per_head", 40, "US$ per resident per year", 10, 150, A, g),
        _p("aid_income_multiplier", 1.2, "income share per aid share of GDP", 0.5, 2.5,
           "assumed; Clemens & Postel: aid's effect on income is modest", g),
        _p("hurricane_income_loss", 0.08, "log income at severity 1", 0, 0.3,
           "Eta and Iota 2020: Honduras damage ≈ US$1.8bn (≈7% of GDP)", g),
        _p("hurricane_push", 0.6, "logit at severity 1", 0, 2, A, g),
        _p("disaster_push_decay", 0.85, "share kept per month", 0.5, 0.98, A, g),
        _p("epidemic_closure", 0.7, "logit at severity 1", 0, 2,
           "assumed: departures about halve while borders are shut (e^-0.7 ≈ 0.5), as US "
           "border apprehensions did from March to April 2020 (CBP monthly figures, M)", g),
        _p("epidemic_pent_up", 0.3, "logit at severity 1", 0, 1.5,
           "assumed: some who could not leave set out when borders reopen; it fades like a "
           "disaster's push", g),
        _p("epidemic_income_loss", 0.06, "log income at severity 1", 0, 0.3,
           "World Bank GDP per head 2019 to 2020: Honduras -7.8%, El Salvador -7.5%, "
           "Guatemala -0.8% (RESEARCH data, push_factors_income)", g),
        _p("epidemic_us_output", 0.06, "log US labour demand at severity 1", 0, 0.3,
           "assumed: between the US fall in output over 2020 (about -3.5%) and its "
           "second-quarter trough (about -9%; BEA, M)", g),
        _p("disaster_probability", 0.01, "per origin per month, June-November", 0, 0.05, A, g),
        _p("random_disaster_severity", 0.3, "0-1", 0, 1, A, g),
        _p("labour_persistence", 0.95, "AR(1) per month", 0.5, 0.99, A, g),
        _p("labour_sd", 0.02, "log sd", 0, 0.1, A, g),
    ]
    g = "channels"
    t += _per_origin("work_visa_share_us", (0.90, 0.04, 0.02, 0.02, 0.02), "share", 0, 1,
                     "README: over 90% of H-2A workers are Mexican", g)
    t += _per_origin("work_visa_share_ca", (0.75, 0.20, 0.02, 0.01, 0.02), "share", 0, 1,
                     "IRCC SAWP/TFWP: Mexicans and Guatemalans (M)", g)
    t += _per_origin("work_visa_share_mx", (0.0, 0.85, 0.08, 0.07, 0.0), "share", 0, 1,
                     "Mexico's regional visitor cards go mostly to Guatemalans (M)", g)
    for dest in ("us", "ca", "mx"):
        t += _per_origin(f"humanitarian_share_{dest}", (0.0, 0.2, 0.25, 0.2, 0.35), "share", 0, 1,
                         "assumed; by need (violence and displacement)", g)
    t += [
        _p("legal_demand_ratio", 5.0, "applicants per would-be irregular mover", 1, 20,
           "assumed; legal channels draw many who would never go irregularly", g),
        _p("wait_logit", -3.0, "logit", -6, 0, A, g),
        _p("wait_access", 0.5, "logit per unit access", 0, 3, CG, g),
        _p("wait_consequence", 0.5, "logit per unit credibility", 0, 3, BAZZI, g),
        _p("wait_complement", 6.0, "logit per unit access×credibility", 0, 8,
           CG + "; tuned so pathway + returns approach " + CHNV, g),
        _p("consequence_expel", 0.0, "credibility 0-1", 0, 0.3,
           "AP/CBP: Title 42 recidivism 27% vs 7%", g),
        _p("consequence_remove", 0.6, "credibility 0-1", 0.3, 0.9, BAZZI, g),
        _p("consequence_prosecute", 1.0, "credibility 0-1", 0.6, 1, BAZZI, g),
        _p("visa_requirement_effect", 0.8, "share of air route closed", 0.5, 1,
           "assumed; Canada's 2009 visa on Mexicans cut claims sharply", g),
    ]
    t += _per_origin("returnability", (1.0, 0.9, 0.9, 0.9, 0.2), "share removable", 0, 1,
                     "assumed: Cuba and Venezuela accept few removal flights", g)
    t += _per_origin("canada_air_share", (0.004, 0.002, 0.002, 0.002, 0.03), "share", 0, 0.2,
                     "IRCC claims by country (M), assumed", g)
    t += _per_origin("air_share_to_mexico", (0.0, 0.0, 0.0, 0.0, 0.4), "share", 0, 1, A, g)
    t += [_p("darien_mortality", 0.002, "deaths per crossing", 0, 0.01,
             "IOM Missing Migrants: Darién deaths per crossing (M)", "deaths")]
    g = "transit"
    t += [
        _p("mx_south_pi_max", 0.5, "probability", 0.2, 0.9, A, g),
        _p("mx_south_kappa", 0.15, "per 1,000 agents", 0.03, 0.5, "fit to Mexico's 2015 events", g),
        _p("mx_bus_pi_max", 0.6, "probability per month", 0.2, 0.9, A, g),
        _p("mx_bus_kappa", 0.12, "per 1,000 agents", 0.06, 0.4,
           "Mexico's apprehensions 2014-15 (mexico_enforcement.csv)", g),
        _p("mx_remote_pi_max", 0.25, "probability per month", 0.05, 0.5,
           "WOLA 2015: remote routes avoid checkpoints", g),
        _p("mx_remote_kappa", 0.1, "per 1,000 agents", 0.01, 1, A, g),
        _p("transit_remote_logit", -1.2, "logit", -4, 2, A, g),
        _p("transit_route_sensitivity", 5.0, "logit per unit catch gap", 2, 15,
           "WOLA 2015: Programa Frontera Sur moved migrants off La Bestia", g),
        _p("transit_bus_mortality", 0.0002, "deaths per person-month", 0, 0.002,
           "IOM Missing Migrants (M)", g),
        _p("transit_remote_mortality", 0.0008, "deaths per person-month", 0, 0.005,
           "WOLA 2015: more exposure to crime on foot and boat routes (M)", g),
        _p("transit_exit_bus", 0.8, "share per month", 0.3, 1, A, g),
        _p("transit_exit_remote", 0.5, "share per month", 0.2, 1, A, g),
        _p("mx_claim_rate", 0.02, "per month at no wait", 0, 0.2,
           "COMAR applicants 2013-16 (asylum.csv)", g),
        _p("mx_claim_on_apprehension", 0.08, "share of strong claims", 0, 0.5,
           "WOLA 2017: claims in Mexico +311% 2014-16 with enforcement", g),
        _p("alternatives_detained_share", 0.5, "share", 0, 1, A, g),
        _p("mx_deportation_rate", 0.8, "share per month", 0.3, 1,
           "Unidad de Política Migratoria: returns ≈ 90% of events", g),
        _p("mx_funnel_elasticity", 0.5, "elasticity", 0, 1.5,
           "WOLA 2015: under Programa Frontera Sur exposure to crime and injury rose on the foot "
           "and boat routes", g),
        _p("mx_funnel_max_log", 0.7, "log multiplier", 0.2, 1.5,
           "assumed: remote transit mortality at most ×2 the reference", g),
        _p("south_displacement", 2.0, "logit per unit catch probability", 0, 6,
           "WOLA 2015: under Programa Frontera Sur migrants moved to foot and boat routes", g),
        _p("mx_expel_reentry", 0.5, "share per month", 0, 1,
           "AP: quick returns without consequence, recidivism 27% (FY2021) vs 7% (FY2019)", g),
        _p("mx_prosecute_hold", 0.5, "share of deportations held back", 0, 0.9,
           "assumed: prosecution keeps people in detention longer before deportation", g),
        _p("caravan_catchability", 0.3, "relative to others", 0, 1, A, g),
        _p("caravan_claim_share", 0.6, "share", 0, 1, A, g),
    ]
    g = "border"
    t += [
        _p("agents_reference_us", 17000, "agents", 10000, 25000, "CBP staffing FY2016", g),
        _p("agents_reference_mx", 4500, "agents", 1000, 10000,
           "registry defaults (1,500 south + 3,000 transit)", g),
        _p("agents_reference_ca", 1200, "officers", 500, 3000, "registry default", g),
        _p("urban_agent_share", 0.55, "share", 0.3, 0.8,
           "CBP sector staffing: San Diego, El Paso, Laredo, RGV vs desert sectors", g),
        _p("us_urban_pi_max", 0.9, "probability", 0.6, 0.98, A, g),
        _p("us_urban_kappa", 0.1, "per 1,000 agents", 0.02, 0.5,
           "assumed: urban apprehension ≈ 55% at FY2016 staffing", g),
        _p("us_remote_pi_max", 0.5, "probability", 0.2, 0.8,
           "assumed: terrain caps apprehension in the desert", g),
        _p("us_remote_kappa", 0.16, "per 1,000 agents", 0.02, 0.5,
           "assumed: remote apprehension ≈ 35% at FY2016 staffing", g),
        _p("us_remote_logit", -1.6, "logit", -4, 2, "CBP: Tucson + Yuma + Big Bend share (M)", g),
        _p("us_route_sensitivity", 6.0, "logit per unit catch gap", 0, 15,
           "Feigenberg 2020 (AEJ Applied): fences −27% locally, crossings substitute", g),
        _p("us_urban_mortality", 0.0003, "deaths per crossing", 0.0001, 0.0006,
           "USBP deaths FY2012-16 / crossings (M)", "deaths"),
        _p("us_remote_mortality", 0.0024, "deaths per crossing", 0.0012, 0.006,
           "remote routes 5-10× urban (Pima County ME; GAO)", "deaths"),
        _p("funnel_elasticity", 0.8, "elasticity", 0.3, 1.5,
           "USBP: deaths per 100k apprehensions ≈ 23 (FY2000) → 130 (FY2012) while southwest "
           "agents rose ×2.2; Pima County ME 9 → 201 deaths 1990-2005", "deaths"),
        _p("funnel_max_log", 0.9, "log multiplier", 0.3, 1.6,
           "assumed: the funnel saturates; remote mortality at most ×2.5 the reference "
           "(deaths per 100,000 apprehensions stayed within the FY2000-16 envelope)", "deaths"),
        _p("heat_amplitude", 1.0, "share", 0, 2, "CBP deaths by month: summer peak", "deaths"),
        _p("heat_peak_month", 6, "month of year (0 = Jan)", 5, 7, "summer", "deaths"),
        _p("rescue_max_reduction", 0.5, "share of deaths", 0, 0.8,
           "Guerette 2007: BORSTAR cut deaths", "deaths"),
        _p("rescue_half_musd", 40, "US$M per year", 5, 200, A, "deaths"),
        _p("death_recording_share", 0.6, "share", 0.3, 0.9,
           "county medical examiners find more deaths than CBP records (M)", "deaths"),
        _p("fear_claim_share", 0.4, "share of strong claims", 0, 1,
           "credible-fear referrals after expedited removal (asylum.csv) (M)", g),
        _p("claim_surrender_share", 0.7, "share", 0, 1,
           "families and children surrendered to Border Patrol 2014-16 (M)", g),
        _p("remote_claim_risk_aversion", 3.0, "logit", 0, 6, A, g),
        _p("transfer_aversion", 20.0, "logit per transfer probability", 0, 30,
           "Roxham Road: the STCA's port-only coverage moved claimants between ports", g),
        _p("stc_port_coverage", 0.2, "share of the border", 0.05, 0.5,
           "registry: coverage 0.2 = ports of entry only (the 2004 STCA)", g),
        _p("stc_execution_rate", 0.15, "share", 0.05, 0.25, DUBLIN + "; RESEARCH.md 5-25%", g),
        _p("measurement_sd", 0.02, "log sd", 0, 0.1, A, g),
        _p("retry_expel", 0.2, "per month", 0.05, 0.5, "AP: Title 42 recidivism 27% (FY2021)", g),
        _p("retry_remove", 0.05, "per month", 0.01, 0.08, BAZZI, g),
        _p("retry_prosecute", 0.035, "per month", 0.005, 0.15, BAZZI, g),
        _p("retry_far_factor", 0.5, "multiplier", 0.1, 1,
           "assumed: re-crossing Mexico costs far more", g),
        _p("settle_logit", -2.5, "logit per month", -6, 0, A, g),
        _p("reintegration_effect", 0.8, "logit per log spending", 0, 3, A, g),
        _p("reintegration_dollars_per_person", 500, "US$ per returnee", 100, 5000, A, g),
        _p("stranded_giveup_rate", 0.05, "per month", 0, 0.3, A, g),
        _p("mpp_abandon_rate", 0.04, "per month", 0, 0.2,
           "TRAC: most MPP cases ended in absentia (M)", g),
        _p("mpp_abandon_cross_share", 0.5, "share", 0, 1, A, g),
        _p("caravan_visibility_decay", 0.5, "share kept per month", 0, 0.9, A, g),
    ]
    t += _per_origin("claim_logit", (-4.0, -1.2, -0.9, -0.9, -0.4), "logit", -8, 3,
                     "families and children's share by nationality FY2014-16 (DATA)", g)
    t += _per_origin("strong_claim_share", (0.1, 0.3, 0.35, 0.4, 0.45), "share", 0, 1,
                     "credible-fear positive rates and grant rates (asylum.csv; M)", g)
    g = "push"
    t += _per_origin("coffee_elasticity", (0.0, 0.5, 0.5, 0.3, 0.0),
                     "logit per log price fall", 0, 2,
                     "ICO 2013: the coffee rust left about 437,000 coffee workers jobless; coffee "
                     "employs far more of rural Guatemala and Honduras than of El Salvador "
                     "(push_shocks.csv)", g)
    t += [
        _p("coffee_reference_cents", 130, "US cents per lb", 100, 160,
           "ICO composite, mean of 2012-2016 (coffee.csv)", g),
    ]
    g = "families"
    # Who moves (DESIGN.md §3.2): families and unaccompanied children decide, travel and meet the
    # border apart from single adults; they mostly surrender and claim asylum.
    t += _per_origin("family_logit", (-7.4, -5.5, -4.5, -4.0, -4.4), "logit vs adults", -10, 0,
                     "family-unit members by nationality FY2013-16 (us_swb_family_uac.csv)", g)
    t += _per_origin("child_logit", (-3.8, -4.2, -4.2, -2.9, -4.2), "logit vs adults", -10, 0,
                     "unaccompanied children by nationality FY2012-16 (us_swb_family_uac.csv)",
                     g)
    t += [
        _p("family_violence_extra", 0.3, "elasticity", 0, 1,
           CLEMENS + ": homicides drive children's departures beyond adults'", g),
        _p("pull_adult", 0.1, "logit per log month expected", 0, 0.5,
           "Hatton (VoxEU); RESEARCH.md §2.5: adults respond modestly to time in country", g),
        _p("pull_family", 0.6, "logit per log month expected", 0, 1.5,
           "RESEARCH.md §2.5: release with a long wait raises the value of coming; families "
           "surrender, so release decides what they can expect", g),
        _p("pull_child", 0.3, "logit per log month expected", 0, 1.5,
           "TVPRA: children from non-contiguous countries are released to sponsors", g),
        _p("expected_stay_reference", 2.3, "log months", 0, 4,
           "assumed: a typical FY2012-16 expectation, release 0.7 × log(1 + 24 months)", g),
        _p("expectation_months", 3, "months", 1, 12,
           "Hinsch & Bijak (Routes & Rumours): migrants react slowly; word of recent arrivals' "
           "fate travels in one to a few months", g),
        _p("family_transit_exit", 0.7, "share per month", 0.3, 1,
           "assumed: smugglers' packages bring families to the border within weeks", g),
        _p("family_catch_factor", 1.0, "multiplier", 0.3, 1.5,
           "assumed: families on bus routes are caught as adults on them are", g),
        _p("family_beds_us", 3000, "beds", 0, 10000,
           "ICE family residential centres 2015 (Dilley, Karnes, Berks) ≈ 3,000 beds "
           "(policy_inputs_2014_2019.csv)", g),
        _p("family_bed_turnover", 1.5, "intakes per bed per month", 0.5, 4,
           "Flores settlement as applied in 2015: about 20 days in family detention", g),
        _p("family_detained_release", 0.7, "share", 0.3, 1,
           "Flores settlement (Jul-Aug 2015 rulings): families leave detention within about 20 "
           "days, most released into the US rather than removed (policy_inputs_2014_2019.csv)",
           g),
        _p("separated_family_release", 0.3, "share", 0, 1,
           "assumed: under separation children were released to sponsors while most parents "
           "were held and many removed (DOJ OIG 2019); a family hears little hope of release",
           g),
        _p("uac_mexico_return_share", 0.9, "share", 0.5, 1,
           "TVPRA: children from contiguous countries are returned after screening (M)", g),
    ]
    g = "asylum"
    t += [
        _p("claim_detention_sensitivity", 0.4, "logit", 0, 2, A, g),
        _p("claim_separation_sensitivity", 0.3, "logit", 0, 2,
           "assumed; the 2018 separations deterred little", g),
        _p("claim_rim_sensitivity", 0.5, "logit", 0, 2, A, g),
        _p("decisions_per_officer_us", 8, "decisions per month", 4, 20,
           "EOIR completions FY2016 / adjudicators (M); waits ≈ 4 years", g),
        _p("decisions_per_officer_mx", 6, "decisions per month", 2, 20,
           "COMAR 2016 (asylum.csv) / 60 officers", g),
        _p("decisions_per_officer_ca", 8, "decisions per month", 2, 20,
           "IRCC 2016 claims / 250 members (M)", g),
        _p("grant_if_strong", 0.8, "share", 0.3, 1, A, g),
        _p("grant_if_weak", 0.05, "share", 0, 0.3, A, g),
        _p("detained_share_release", 0.05, "share", 0, 0.3, A, g),
        _p("detained_share_alternatives", 0.1, "share", 0, 0.5, A, g),
        _p("detained_share_detain", 0.6, "share", 0.2, 1, A, g),
        _p("detention_beds_us", 40000, "beds", 20000, 60000, "ICE funded beds FY2016-19 (M)", g),
        _p("detention_release_rate", 0.3, "per month", 0.1, 1, "ICE average stay ≈ 40 days (M)",
           g),
        _p("detained_docket_priority", 3.0, "multiplier", 1, 10, "detained dockets move faster",
           g),
        _p("children_per_family_member", 0.5, "children per member", 0.3, 0.7, A, g),
        _p("denied_removal_rate_released", 0.3, "share", 0.1, 0.8, "EOIR in-absentia orders (M)",
           g),
        _p("denied_removal_rate_detained", 0.9, "share", 0.5, 1, A, g),
        _p("abscond_release", 0.004, "per month", 0, 0.05, "EOIR in-absentia rates (M)", g),
        _p("abscond_atd", 0.0015, "per month", 0, 0.05,
           "ICE ATD: appearance rates above 90% (M)", g),
        _p("max_wait_months", 240, "months", 60, 600, "cap for display", g),
        _p("mx_denied_onward_share", 0.5, "share", 0, 1, A, g),
        _p("mx_abandon_rate", 0.05, "per month", 0, 0.3,
           "COMAR: many abandon claims to go north (M)", g),
        _p("partner_capacity", 5, "decisions per month", 0, 200, ACA, g),
        _p("governance_capacity_per_musd", 0.5, "decisions per month per US$M a year", 0, 5, A,
           g),
        _p("partner_grant_rate", 0.0, "share", 0, 0.5, ACA, g),
        _p("partner_abandon_rate", 0.3, "per month", 0.05, 0.8, ACA + ": 34 of 945 applied", g),
        _p("partner_onward_share", 0.3, "share", 0, 1, A, g),
        _p("corps_cost_per_member_musd", 0.06, "US$M per member per year", 0.02, 0.2, A, g),
        _p("corps_deploy_months", 4, "months", 1, 12, A, g),
        _p("corps_screening_rate", 0.5, "decisions per member per month", 0, 3, A, g),
        _p("north_rate", 0.0001, "per month", 0, 0.001, "IRCC claims 2015-16 via the US (M)",
           "canada"),
        _p("north_harshness", 0.5, "log rate per unit restrictiveness", 0, 2,
           "2017 Roxham surge after US policy changes (M)", "canada"),
        _p("north_mortality", 0.0005, "deaths per crossing", 0, 0.005, A, "canada"),
        _p("ca_pi_max", 0.95, "probability", 0.5, 1, "RCMP: Roxham crossers intercepted",
           "canada"),
        _p("ca_kappa", 2.0, "per 1,000 officers", 0.1, 10, A, "canada"),
        _p("burden_execution_rate", 0.25, "share", 0.05, 0.5,
           "2015 EU relocation: 35,000 of 160,000 (22%)", g),
    ]
    g = "stocks"
    t += [
        _p("return_rate_open", 0.35, "per year", 0.2, 0.5, MASSEY + ": q0 ≈ 0.3-0.5", g),
        _p("return_enforcement_decay", 2.0, "per reference enforcement", 0.5, 4,
           MASSEY + "; JEMS 2015: return probability fell to near zero", g),
        _p("recent_years", 3, "years", 1, 8,
           MASSEY + ": return hazards fall with time in the US; circular migrants return early",
           g),
        _p("return_rate_settled", 0.01, "per year", 0, 0.05,
           "assumed: settled migrants rarely return (Massey: near zero after 2000)", g),
        _p("interior_removal_rate", 0.012, "per year", 0, 0.05,
           "ICE interior removals ≈ 100-150k a year (M)", g),
        _p("temp_stay_months", 8, "months", 3, 12, "SAWP stays ≤ 8 months; H-2A seasonal", g),
        _p("legal_return_rate", 0.005, "per year", 0, 0.03, A, g),
    ]
    g = "smuggling"
    t += [
        _p("price_reference_usd", 4000, "US$", 2000, 8000,
           "Mexican Migration Project coyote fees, 2010s (M)", g),
        _p("price_floor_usd", 1000, "US$", 0, 2000, "assumed: guide and transport cost", g),
        _p("price_enforcement_elasticity", 0.25, "elasticity", 0.1, 0.4,
           GATHMANN + ": ×3 enforcement → +17-30%", g),
        _p("price_mexico_elasticity", 0.1, "elasticity", 0, 0.3, A, g),
        _p("price_consequence", 0.15, "share per prosecution weight", 0, 0.5,
           "assumed: prosecution of crossers raises smugglers' risk premium", g),
    ]
    g = "labour"
    t += [
        _p("migrant_labour_jobs", 5.9e6, "jobs at index 1", 3e6, 8e6,
           "assumed: jobs held by unauthorized and temporary workers at full employment", g),
        _p("unauthorized_participation", 0.7, "share", 0.5, 0.8,
           "RESEARCH.md §4 (assumed participation)", g),
        _p("mechanisation_rate", 0.02, "share of demand per month per unit shortage", 0, 0.1,
           "Clemens, Lewis & Postel 2018: growers mechanised after the bracero exclusion", g),
        _p("mechanisation_decay", 0.002, "per month", 0, 0.02, A, g),
        _p("mechanisation_max", 0.4, "share", 0.1, 0.8, A, g),
    ]
    g = "agreements"
    t += [
        _p("comply_logit_mx", 0.5, "logit", -3, 3, A, g),
        _p("comply_logit_us", 2.0, "logit", -3, 4, A, g),
        _p("comply_logit_ca", 1.5, "logit", -3, 4, A, g),
        _p("comply_logit_nt", 0.5, "logit", -3, 3, A, g),
        _p("comply_relations", 2.0, "logit per relations/100", 0, 5, A, g),
        _p("comply_leverage", 2.5, "logit per unit leverage", 0, 5,
           "June 2019: Mexico deployed 6,000 troops within days of the tariff threat", g),
        _p("comply_approval", 1.0, "logit per (approval−50)/50", 0, 3, A, g),
        _p("comply_aid", 0.5, "logit per US$bn aid", 0, 3, A, g),
        _p("comply_load_cost", 1.5, "logit per unit load", 0, 5,
           "Dublin, 2015 relocation: frontline states defect when the load grows", g),
        _p("comply_adjust", 0.5, "share per month", 0.1, 1, A, g),
        _p("partner_load_reference_mx", 5000, "people per month", 1000, 30000, A, g),
        _p("partner_load_reference_ca", 2000, "people per month", 500, 10000, A, g),
        _p("partner_load_reference_nt", 300, "people per month", 50, 3000, A, g),
        _p("tariff_reference_rate", 0.05, "tariff rate", 0.05, 0.25, "June 2019 threat: 5%", g),
        _p("tariff_response_agents", 6000, "agents", 1000, 20000,
           "7 June 2019 declaration: 6,000 National Guard to the south", g),
        _p("tariff_response_south", 0.5, "share", 0, 1, "24 June 2019: 6,500 south, 15,000 north",
           g),
        _p("tariff_impose_probability", 0.5, "probability", 0, 1, A, g),
        _p("tariff_gdp_elasticity", 0.3, "log output per tariff rate", 0, 1,
           "assumed: exports to the US ≈ 30% of Mexico's GDP", g),
        _p("tariff_threat_relations_hit", 12, "relation points", 0, 40, A, g),
        _p("tariff_imposed_relations_hit", 25, "relation points", 0, 60, A, g),
        _p("broken_promise_relations_hit", 10, "relation points", 0, 40,
           "assumed: about twice a 5% tariff threat's one-off hit, as breaking a deal is a "
           "choice, not pressure", g),
        _p("tariff_relations_drain", 0.6, "relation points per month", 0, 3, A, g),
        _p("visa_relations_drain", 0.3, "relation points per month", 0, 2,
           "Canada's 2009 visa on Mexicans strained relations until 2016", g),
        _p("cooperation_bonus", 8, "relation points", 0, 30, A, g),
        # Mexico's own enforcement as the US sees it: staffing above 2016's (about 1,500 at the
        # southern border and 3,000 on the routes, history.py) counts as cooperation, and the
        # June 2019 deployment's size (6,000 Guard, F) is the scale of a full effort.
        _p("enforcement_relations_reference", 4500, "agents", 0, 20000,
           "Mexico's 2016 staffing in the historical scenario", g),
        _p("enforcement_relations_scale", 6000, "agents", 1000, 20000,
           "7 June 2019 declaration: 6,000 National Guard", g),
        _p("compliance_relations_credit", 3, "relation points per month", 0, 10,
           "assumed: under a pending threat a full deployment earns back about a quarter of the "
           "threat's hit each month (June-July 2019: the US praised Mexico's deployment and "
           "dropped the tariff)", g),
        _p("relations_recovery_months", 48, "months", 12, 120,
           "assumed: trust rebuilt over a presidential term", g),
    ]
    t += _per_nation("relations_base", (20, 60, 30), "−100..100", -50, 90,
                     "Pew: Mexicans' view of the US (opinion.csv); assumed", g, _PAIR_SUFFIXES)
    g = "opinion"
    t += [
        _p("disorder_memory_months", 2, "months", 1, 6, A, g),
        _p("release_visibility", 0.5, "weight", 0, 2, A, g),
        _p("transit_visibility", 0.05, "weight", 0, 1, A, g),
        _p("media_decay", 0.58, "share kept per month", 0.3, 0.9,
           SLOVIC + "; RESEARCH.md: −80% per quarter", g),
        _p("media_base_rate", 0.01, "per month", 0, 0.1, A, g),
        _p("media_per_death", 0.0004, "per month per death", 0, 0.005, A, g),
        _p("media_per_separation", 0.00005, "per month per child", 0, 0.001, A, g),
        _p("media_random_intensity", 0.5, "0-1", 0, 1, A, g),
        _p("media_empathy", 1.5, "multiplier per unit media", 0, 5, SLOVIC, g),
        _p("salience_base", 0.2, "0-1", 0, 0.5, "Gallup most important problem ≈ 5-20%", g),
        _p("salience_disorder", 0.2, "per unit disorder", 0, 1,
           "Dennison & Geddes 2019: salience tracks visible disorder", g),
        _p("salience_media", 0.2, "per unit media", 0, 1, A, g),
        _p("thermostat_months", 9, "months", 3, 24, WLEZIEN + "; Gallup swing took about a year",
           g),
        _p("thermostat_strength", 0.5, "share", 0, 2, WLEZIEN, g),
        _p("preferred_restrictiveness", 0.0, "index", -1, 1, A, g),
        _p("preference_disorder", 0.4, "index per unit disorder", 0, 2, A, g),
        _p("approval_disorder", 0.5, "logit per unit disorder", 0, 2, A, g),
        _p("approval_policy_gap", 0.3, "logit per unit gap", 0, 2, WLEZIEN, g),
        _p("approval_toughness", 0.3, "logit per unit new restrictiveness", 0, 2,
           "assumed: a crackdown's first months please security-minded voters", g),
        _p("approval_humanitarian", 0.04, "logit per unit harm", 0, 1, A, g),
        _p("humanitarian_attention", 0.5, "salience-equivalent", 0, 1,
           "assumed: harm costs approval even when migration is not salient (faith groups)", g),
        _p("approval_fiscal", 0.25, "logit per log budget overrun", 0, 2, A, g),
        _p("approval_economy", 3.0, "logit per log output", 0, 10, A, g),
        _p("approval_labour", 1.5, "logit per unit shortage", 0, 5,
           "employers' groups (RESEARCH.md 4.11)", g),
        _p("approval_tariff_us", 2.0, "logit per tariff rate", 0, 10, A, g),
        _p("approval_sovereignty", 0.25, "logit per concession", 0, 1,
           "Mexican opinion on the 2019 deal (M)", g),
        _p("approval_housing", 0.3, "logit per unit inflow", 0, 2,
           "Canada: 58% say too much immigration, driven by housing", g),
        _p("approval_months", 2, "months", 1, 6, A, g),
        _p("harm_reference_deaths", 40, "deaths per month", 10, 200, "CBP FY2016 ≈ 330/year",
           g),
        _p("harm_reference_separations", 500, "children per month", 100, 5000, A, g),
        _p("harm_reference_returned", 5000, "people per month", 1000, 50000, A, g),
        _p("harm_reference_stranded", 20000, "people", 5000, 100000, A, g),
        _p("disorder_reference_us", 40000, "encounters per month", 20000, 100000,
           "CBP FY2016 ≈ 34,000 a month", g),
        _p("disorder_reference_mx", 60000, "people", 5000, 100000, A, g),
        _p("disorder_reference_ca", 1500, "people per month", 300, 5000,
           "RCMP interceptions 2017 ≈ 1,700 a month (M)", g),
        _p("housing_reference_ca", 20000, "people per month", 5000, 80000, A, g),
        _p("restrictiveness_visa_weight", 0.2, "index per log visas", 0, 1, A, g),
        _p("restrict_visa_requirement", 0.3, "index per visa requirement", 0, 1, A, g),
        _p("media_transit_death_weight", 0.5, "weight", 0, 1,
           "assumed: deaths in Mexico reach US news less often", g),
        _p("sovereignty_tariff_imposed", 2.0, "concessions", 0, 5, A, g),
        _p("sovereignty_returns_weight", 0.5, "concessions", 0, 2, A, g),
        _p("visas_reference_us", 195000, "visas per year", 50000, 500000, "registry defaults", g),
        _p("visas_reference_ca", 32000, "visas per year", 5000, 100000, "registry defaults", g),
        _p("detention_cost_musd_per_year", 0.049, "US$M per bed-year", 0.03, 0.08,
           "ICE ≈ $134 per bed-day (M)", "budget"),
        _p("detention_cost_mx_musd_per_year", 0.005, "US$M per bed-year", 0.001, 0.02, A,
           "budget"),
    ]
    t += [_p(f"restrict_detention_{c}", v, "index", -2, 2, A, g) for c, v in zip(
        ("release", "alternatives", "detain", "separate"), (-1.0, -0.5, 0.0, 1.0), strict=True)]
    t += [_p(f"restrict_removal_{c}", v, "index", -2, 2, A, g) for c, v in zip(
        ("expel", "remove", "prosecute"), (-0.5, 0.0, 0.7), strict=True)]
    t += _per_nation("approval_logit", (0.4, 0.3, 0.2), "logit", -2, 2,
                     "approval near 45-55% at the status quo (assumed)", g)
    t += _per_nation("spending_reference", (4500, 250, 600), "US$M per year", 100, 20000,
                     "registry default levers' yearly cost (rounded up)", "budget")
    t += _nt_opinion_table()
    return t


def _nt_opinion_table() -> list[Param]:
    """Approval of the governments of Guatemala, Honduras and El Salvador (model §12b)."""
    g = "opinion (Northern Triangle)"
    lapop = ("LAPOP AmericasBarometer 2016/17: crime and insecurity are the first problem "
             "named in El Salvador and Honduras")
    t = _per_nation("nt_approval_logit", (0.4, 0.4, -0.6), "logit", -2, 2,
                    "assumed: CID Gallup's 2016 readings put Morales and Hernández near half "
                    "and Sánchez Cerén near a third", g, _NT_SUFFIXES)
    t += _per_nation("nt_homicide_reference", (27, 59, 81), "per 100,000", 5, 150,
                     "2016 homicide rates (data/homicide.csv): approval is measured against them",
                     g, _NT_SUFFIXES)
    t += _per_nation("nt_spending_reference", (120, 120, 100), "US$M per year", 20, 2000,
                     "assumed: the scale of Honduras' security tax (Tasa de Seguridad "
                     "Poblacional, ≈ US$100–150M a year, 2012–19)", g, _NT_SUFFIXES)
    t += [
        _p("nt_approval_security", 1.0, "logit per log homicide rate", 0, 3,
           lapop + "; assumed size: Bukele's approval passed 80% as homicides halved "
           "(2019–20), an upper bound", g),
        _p("nt_approval_economy", 3.0, "logit per log income", 0, 10,
           "assumed: the economic vote of approval_economy", g),
        _p("nt_remittance_elasticity", 4.0, "log remittances per log US output", 0, 8,
           "central banks: 2009 remittances fell ≈9% (GT, SV) and ≈12% (HN) as US output fell "
           "≈2.5%", g),
        _p("nt_approval_abroad", 0.3, "logit per unit harm to citizens abroad", 0, 2,
           "assumed: deaths and deportations of nationals are national news (e.g. the 2019 "
           "Honduran caravans)", g),
        _p("nt_harm_reference_deaths", 40, "deaths per month", 5, 200,
           "as harm_reference_deaths (assumed)", g),
        _p("nt_harm_reference_returned", 100000, "returned people at home", 10000, 500000,
           "assumed: about a year of deportations to Guatemala or Honduras (2016–19)", g),
        _p("nt_consular_relief", 0.5, "share of the harm", 0, 1,
           "assumed: a government seen to protect its citizens abroad is blamed less", g),
        _p("nt_consular_half_musd", 20, "US$M per year", 5, 100,
           "assumed: Mexico's consular protection budget in the US is ≈ US$30M a year", g),
        _p("nt_approval_stc", 0.6, "logit per safe-third-country deal", 0, 2,
           "assumed: Guatemala's 2019 deal with the US was challenged in its Constitutional "
           "Court and rejected by most Guatemalans polled", g),
        _p("nt_approval_fiscal", 0.25, "logit per log budget overrun", 0, 2,
           "assumed: as approval_fiscal", g),
        _p("nt_approval_months", 3, "months", 1, 6, A, g),
        _p("task_force_synergy", 2.0, "governance US$ per US$ contributed", 0, 3,
           "assumed: MS-13 and Barrio 18 work across the three borders; the Fuerza "
           "Trinacional (2016) has no published evaluation", g),
    ]
    return t


PRIORS: tuple[Param, ...] = tuple(_table())


def prior_params() -> Params:
    """The priors of the table above, before calibration."""
    return Params({p.name: p for p in PRIORS})


def default_params() -> Params:
    """Priors with the calibrated values of ``game.sim.calibrated.FITTED`` applied over them."""
    params = prior_params()
    try:
        from game.sim.calibrated import FITTED  # the calibrator's output; optional
    except ImportError:
        return params
    known = {k: v for k, v in FITTED.items() if k in params}
    return params.replace(**known) if known else params


def markdown_table(params: Params | None = None) -> str:
    """Every coefficient as Markdown tables by mechanism (docs/model.md ends with this)."""
    entries = list(params if params is not None else prior_params())
    groups: dict[str, list[Param]] = {}
    for p in entries:
        groups.setdefault(p.group, []).append(p)
    lines: list[str] = []
    for group, members in groups.items():
        lines += ["", f"**{group}**", "", "| name | prior | unit | range | source |",
                  "|---|---|---|---|---|"]
        for p in members:
            value = p.value if np.ndim(p.value) == 0 else np.asarray(p.value).mean()
            lines.append(f"| `{p.name}` | {float(value):g} | {p.unit} | {p.low:g} – {p.high:g} "
                         f"| {p.source} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m game.sim.params > table.md
    print(markdown_table(), end="")
