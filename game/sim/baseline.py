"""Real-world exogenous inputs for any month: violence, income, labour demand, staffing, stocks.

``baseline_inputs(month)`` answers "what did the world outside the players' control look like
then?" from the CSV files in ``game/sim/data``. Annual figures are placed at the middle of their
calendar or fiscal year (end of the fiscal year for staffing and backlogs, which are counted on
30 September), interpolated linearly between data points and **held flat** before the first and
after the last data point, so a level starting in 1995 or 2035 gets the nearest known values.
Figures marked M in the data are rough priors; XR (extra-regional) values are assumptions.

``FIELDS`` documents every field: unit, source and status.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import numpy as np

from game.sim.data import fiscal_year, number, read_table
from game.sim.registry import ORIGINS

#: Border Patrol sectors of the southwest border, west to east, as named in the CBP tables.
SECTORS: tuple[str, ...] = (
    "san_diego",
    "el_centro",
    "yuma",
    "tucson",
    "el_paso",
    "big_bend",
    "del_rio",
    "laredo",
    "rio_grande_valley",
)

#: Assumed values for XR, the extra-regional origin (Haiti, Cuba, Venezuela and others), which has
#: no single national series: a homicide rate between Cuba's (~5) and Venezuela's (50+), a GDP
#: per head between Haiti's and Cuba's, and Haiti-like remittances diluted by Cuba and Venezuela.
XR_HOMICIDE_PER_100K = 20.0
XR_GDP_PER_HEAD_USD = 4_000.0
XR_REMITTANCES_SHARE = 0.10

#: Labour-demand index per point of US unemployment above its 2016 average (4.9%); assumed so
#: that the 2009-10 recession (9.6%) gives about 0.77 and the 2019 boom (3.7%) about 1.06.
LABOR_DEMAND_PER_UNEMPLOYMENT_POINT = 0.05
LABOR_DEMAND_REFERENCE_UNEMPLOYMENT = 4.9

#: Share of US temporary work visas that go to nationals of the region: over 90% of H-2A
#: workers are Mexican (F, reference data README); about three quarters of H-2B workers are
#: Mexican or Central American (M).
H2A_REGION_SHARE = 0.92
H2B_REGION_SHARE = 0.75

#: Mexico's COMAR backlog as a share of the year's applications (assumed: about six months of
#: claims pending, with the legal limit of 45 working days rarely met).
MX_BACKLOG_PER_ANNUAL_CLAIMS = 0.5
#: Canada's IRB backlog as a share of the year's claims (assumed: about a year to a hearing).
CA_BACKLOG_PER_ANNUAL_CLAIMS = 1.0

_HOMICIDE_COLUMNS = {"MX": "mexico", "GT": "guatemala", "HN": "honduras", "SV": "el_salvador"}
_INCOME_COLUMNS = {
    "MX": "gdp_pc_usd_mexico",
    "GT": "gdp_pc_usd_guatemala",
    "HN": "gdp_pc_usd_honduras",
    "SV": "gdp_pc_usd_el_salvador",
}


@dataclass(frozen=True)
class FieldInfo:
    """Documentation of one baseline field."""

    unit: str
    source: str
    status: str


#: Every field of :class:`BaselineInputs`: unit, source (data file in ``game/sim/data``), status.
FIELDS: dict[str, FieldInfo] = {
    "coffee_price_cents": FieldInfo(
        "ICO composite coffee price, US cents per lb",
        "coffee.csv (ICO market reports)",
        "F* 2011-2013, M 2014-2019",
    ),
    "homicide_rate": FieldInfo(
        "homicides per 100,000 per year, by origin",
        "homicide.csv (national police, INEGI); XR assumed",
        "F/F* 2009-2015, M otherwise; XR assumed",
    ),
    "gdp_per_head_usd": FieldInfo(
        "current US$ per person per year, by origin",
        "income.csv (World Bank via SICA); XR assumed",
        "F for GT/HN/SV, M for Mexico; XR assumed",
    ),
    "remittances_share": FieldInfo(
        "remittances received as a share of GDP (0-1), by origin",
        "remittances.csv (World Bank); XR assumed",
        "F 2020-2021, M otherwise",
    ),
    "population": FieldInfo(
        "residents, by origin", "stocks.csv (World Bank WDI)", "M; XR assumed"
    ),
    "us_labor_demand": FieldInfo(
        "index, 1.0 = 2016; lower in recessions",
        "labour_demand.csv (BLS unemployment) and an assumed slope",
        "M / assumed",
    ),
    "us_unemployment_pct": FieldInfo("%", "labour_demand.csv (BLS)", "M"),
    "us_border_agents": FieldInfo(
        "Border Patrol agents at the southwest border (headcount)",
        "bp_agents.csv (CBP staffing by fiscal year)",
        "F",
    ),
    "us_border_agents_by_sector": FieldInfo(
        "agents per southwest sector (headcount)", "bp_agents.csv (CBP)", "F"
    ),
    "h2a_visas": FieldInfo(
        "H-2A visas issued per year", "legal_pathways.csv (State Dept, DOL via EPI)", "F"
    ),
    "h2b_visas": FieldInfo(
        "H-2B visas issued per year (the 66,000 cap before FY2015, when issuance is not listed)",
        "legal_pathways.csv (State Dept via EPI)",
        "F from FY2015; the cap as a proxy before",
    ),
    "us_work_visas": FieldInfo(
        "temporary work visas per year for nationals of the region (the US work_visas lever)",
        "H-2A x 0.92 + H-2B x 0.75 (regional shares)",
        "F x M",
    ),
    "unauthorized_us": FieldInfo(
        "people living in the US without status, by origin",
        "stocks.csv (DHS OIS, Pew)",
        "M; XR assumed; held flat after the last listed year",
    ),
    "diaspora_us": FieldInfo(
        "people born in the origin living in the US, by origin",
        "stocks.csv (Census, ACS)",
        "M; held flat after 2016",
    ),
    "asylum_backlog_us": FieldInfo(
        "cases pending in US immigration courts (all case types; about half asylum)",
        "asylum.csv (EOIR, TRAC)",
        "F 2010-2011, M 2012-2016; held flat after FY2016",
    ),
    "asylum_backlog_mx": FieldInfo(
        "asylum cases pending at COMAR (Mexico)",
        "asylum.csv (COMAR applicants) x 0.5 (assumed months pending)",
        "F x assumed",
    ),
    "asylum_claims_ca": FieldInfo(
        "asylum claims in Canada per year", "asylum.csv (IRCC)", "F 2015, M 2016"
    ),
    "asylum_backlog_ca": FieldInfo(
        "asylum claims pending in Canada",
        "asylum.csv (IRCC claims) x 1.0 (assumed a year to a hearing)",
        "F x assumed",
    ),
}


@dataclass(frozen=True)
class BaselineInputs:
    """The real world's exogenous values in one month; per-origin fields are keyed by origin."""

    month: int
    coffee_price_cents: float
    homicide_rate: Mapping[str, float]
    gdp_per_head_usd: Mapping[str, float]
    remittances_share: Mapping[str, float]
    population: Mapping[str, float]
    us_labor_demand: float
    us_unemployment_pct: float
    us_border_agents: float
    us_border_agents_by_sector: Mapping[str, float]
    h2a_visas: float
    h2b_visas: float
    us_work_visas: float
    unauthorized_us: Mapping[str, float]
    diaspora_us: Mapping[str, float]
    asylum_backlog_us: float
    asylum_backlog_mx: float
    asylum_claims_ca: float
    asylum_backlog_ca: float

    def by_origin(self, name: str) -> np.ndarray:
        """A per-origin field as an array in ``registry.ORIGINS`` order (MX, GT, HN, SV, XR)."""
        values = getattr(self, name)
        if not isinstance(values, Mapping):
            raise KeyError(f"{name} is not a per-origin field")
        return np.array([values[o] for o in ORIGINS], dtype=float)


# --- anchors: where an annual figure sits on the month axis (month_index units) ---------------


def _calendar_mid(year: int) -> float:
    """Middle of a calendar year: between June and July."""
    return year * 12 + 5.5


def _fiscal_mid(fy: int) -> float:
    """Middle of a US fiscal year (October of fy-1 to September of fy): between March and April."""
    return fy * 12 + 2.5


def _fiscal_end(fy: int) -> float:
    """30 September of fiscal year fy, when staffing and backlogs are counted."""
    return fy * 12 + 8.0


@dataclass(frozen=True)
class Series:
    """A time series: values at anchor months, interpolated linearly, flat outside."""

    months: np.ndarray
    values: np.ndarray

    def at(self, month: float) -> float:
        """The value at a month index."""
        return float(np.interp(month, self.months, self.values))


def _series(points: Sequence[tuple[float, float | None]]) -> Series:
    kept = sorted((m, v) for m, v in points if v is not None)
    if not kept:
        raise ValueError("a series needs at least one data point")
    return Series(np.array([m for m, _ in kept]), np.array([v for _, v in kept]))


@cache
def _tables() -> dict[str, Series]:
    """Every baseline series, keyed ``field`` or ``field:key``; built once per process."""
    out: dict[str, Series] = {}

    homicide = read_table("homicide.csv")
    for origin, column in _HOMICIDE_COLUMNS.items():
        out[f"homicide_rate:{origin}"] = _series(
            [(_calendar_mid(int(r["year"])), number(r[column])) for r in homicide]
        )
    income = read_table("income.csv")
    for origin, column in _INCOME_COLUMNS.items():
        out[f"gdp_per_head_usd:{origin}"] = _series(
            [(_calendar_mid(int(r["year"])), number(r[column])) for r in income]
        )
    remittances = read_table("remittances.csv")
    for origin, column in _HOMICIDE_COLUMNS.items():
        out[f"remittances_share:{origin}"] = _series(
            [
                (_calendar_mid(int(r["year"])), _pct(number(r[column])))
                for r in remittances
            ]
        )

    out["coffee_price_cents"] = _series(
        [(_calendar_mid(int(r["year"])), number(r["ico_composite_us_cents_per_lb"]))
         for r in read_table("coffee.csv")])

    labour = read_table("labour_demand.csv")
    out["us_unemployment_pct"] = _series(
        [(_calendar_mid(int(r["year"])), number(r["us_unemployment_pct"])) for r in labour]
    )

    agents = read_table("bp_agents.csv")
    out["us_border_agents"] = _series(
        [(_fiscal_end(fiscal_year(r["fiscal_year"])), number(r["southwest_total"])) for r in agents]
    )
    for sector in SECTORS:
        out[f"us_border_agents_by_sector:{sector}"] = _series(
            [(_fiscal_end(fiscal_year(r["fiscal_year"])), number(r[sector])) for r in agents]
        )

    visas = read_table("legal_pathways.csv")
    out["h2a_visas"] = _series(
        [(_fiscal_mid(fiscal_year(r["fiscal_year"])), number(r["h2a_visas_issued"])) for r in visas]
    )
    out["h2b_visas"] = _series(
        [
            (
                _fiscal_mid(fiscal_year(r["fiscal_year"])),
                number(r["h2b_visas_issued"]) or number(r["h2b_cap"]),
            )
            for r in visas
        ]
    )

    asylum = read_table("asylum.csv")
    out["asylum_backlog_us"] = _series(
        [(_fiscal_end(int(r["year"])), number(r["us_immigration_court_backlog"])) for r in asylum]
    )
    # COMAR and Canada report calendar years (the file's status column says so).
    out["asylum_claims_mx"] = _series(
        [(_calendar_mid(int(r["year"])), number(r["mexico_comar_applicants"])) for r in asylum]
    )
    out["asylum_claims_ca"] = _series(
        [(_calendar_mid(int(r["year"])), number(r["canada_asylum_claims"])) for r in asylum]
    )

    stocks = read_table("stocks.csv")
    grouped: dict[str, list[tuple[float, float | None]]] = {}
    for r in stocks:
        key = f"{_STOCK_FIELDS[r['series']]}:{r['origin']}"
        grouped.setdefault(key, []).append((_calendar_mid(int(r["year"])), number(r["value"])))
    out.update({key: _series(points) for key, points in grouped.items()})
    return out


_STOCK_FIELDS = {
    "population": "population",
    "diaspora": "diaspora_us",
    "unauthorized": "unauthorized_us",
}


def _pct(value: float | None) -> float | None:
    return None if value is None else value / 100.0


def _per_origin(tables: dict[str, Series], name: str, month: int,
                xr: float | None = None) -> Mapping[str, float]:
    values = {}
    for origin in ORIGINS:
        key = f"{name}:{origin}"
        if key in tables:
            values[origin] = tables[key].at(month)
        elif xr is not None and origin == "XR":
            values[origin] = xr
        else:
            raise KeyError(f"no baseline series for {key}")
    return MappingProxyType(values)


def baseline_inputs(month: int) -> BaselineInputs:
    """The real world's exogenous values for a month index (``policy.month_index``)."""
    tables = _tables()
    unemployment = tables["us_unemployment_pct"].at(month)
    labor_demand = 1.0 - LABOR_DEMAND_PER_UNEMPLOYMENT_POINT * (
        unemployment - LABOR_DEMAND_REFERENCE_UNEMPLOYMENT
    )
    h2a = tables["h2a_visas"].at(month)
    h2b = tables["h2b_visas"].at(month)
    claims_mx = tables["asylum_claims_mx"].at(month)
    claims_ca = tables["asylum_claims_ca"].at(month)
    return BaselineInputs(
        month=month,
        coffee_price_cents=tables["coffee_price_cents"].at(month),
        homicide_rate=_per_origin(tables, "homicide_rate", month, XR_HOMICIDE_PER_100K),
        gdp_per_head_usd=_per_origin(tables, "gdp_per_head_usd", month, XR_GDP_PER_HEAD_USD),
        remittances_share=_per_origin(tables, "remittances_share", month, XR_REMITTANCES_SHARE),
        population=_per_origin(tables, "population", month),
        us_labor_demand=labor_demand,
        us_unemployment_pct=unemployment,
        us_border_agents=tables["us_border_agents"].at(month),
        us_border_agents_by_sector=MappingProxyType(
            {s: tables[f"us_border_agents_by_sector:{s}"].at(month) for s in SECTORS}
        ),
        h2a_visas=h2a,
        h2b_visas=h2b,
        us_work_visas=H2A_REGION_SHARE * h2a + H2B_REGION_SHARE * h2b,
        unauthorized_us=_per_origin(tables, "unauthorized_us", month),
        diaspora_us=_per_origin(tables, "diaspora_us", month),
        asylum_backlog_us=tables["asylum_backlog_us"].at(month),
        asylum_backlog_mx=MX_BACKLOG_PER_ANNUAL_CLAIMS * claims_mx,
        asylum_claims_ca=claims_ca,
        asylum_backlog_ca=CA_BACKLOG_PER_ANNUAL_CLAIMS * claims_ca,
    )
