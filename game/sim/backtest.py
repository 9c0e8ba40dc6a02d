"""The backtest: the historical scenario run through the model, compared with the record.

The scenario of :mod:`game.sim.history` starts in October 2011 and runs to September 2019 with
real inputs only. Per US fiscal year (October to September) the model's southwest-border
apprehensions by nationality and recorded deaths are set beside CBP's figures. FY2012-FY2016
are the calibration years; FY2017-FY2019 outcomes are withheld from the project on purpose
(data/README), so for those years the model's figures are a prediction and ``data`` is None.

The reported model run is the mean of five worlds (``BACKTEST_SEEDS``), each run with shared
noise: a batch of worlds with different parameters (the calibration tool's candidates) sees
exactly the draws the backtest's worlds see, so the fit found in a batch is the fit reported
here, and no single draw of chance decides it.

Fit targets (DESIGN.md §3.10), each judged on every calibration year:
- annual apprehensions within ±15% (``TOTAL_TOLERANCE``);
- Northern-Triangle share (GT + HN + SV) within 8 points (``NT_SHARE_TOLERANCE``);
- the monthly seasonal shape: correlation of the mean monthly pattern (each month's share of its
  fiscal year, averaged over the calibration years) at least ``SEASONAL_MIN_CORRELATION``;
- deaths recorded by Border Patrol within ±30% (``DEATHS_TOLERANCE``);
- Mexico, Guatemala, Honduras and El Salvador each within ±30% (``ORIGIN_TOLERANCE``);
- family-unit members and unaccompanied children together, as a share of apprehensions, within
  10 points (``FAMILY_SHARE_TOLERANCE``) on FY2013-FY2016, the years CBP published both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.data import fiscal_year, read_table
from game.sim.history import (
    HISTORY_END,
    HISTORY_SEED,
    HISTORY_START,
    historical_events,
    historical_policy,
    historical_scenario,
)
from game.sim.initial import initial_world
from game.sim.levers import Levers
from game.sim.noise import Noise
from game.sim.params import Params, default_params
from game.sim.policy import month_index
from game.sim.registry import ORIGINS
from game.sim.step import step

#: Fiscal years reported by the backtest.
YEARS: tuple[int, ...] = tuple(range(2012, 2020))
#: Fiscal years the model is calibrated on.
FIT_YEARS: tuple[int, ...] = tuple(range(2012, 2017))
#: Fiscal years whose outcomes are withheld: the out-of-sample test.
WITHHELD_YEARS: tuple[int, ...] = (2017, 2018, 2019)

#: Nationalities as CBP reports them, in the order of ``registry.ORIGINS`` (XR = "other").
NATIONALITIES: tuple[str, ...] = ("mexico", "guatemala", "honduras", "el_salvador", "other")
#: Keys of every year's figures, as ``backtest --json`` prints them (DESIGN.md §6).
FIGURES: tuple[str, ...] = ("total", *NATIONALITIES, "deaths")

TOTAL_TOLERANCE = 0.15
ORIGIN_TOLERANCE = 0.30
FAMILY_SHARE_TOLERANCE = 0.10
#: Fiscal years with both families and children recorded (families start in FY2013).
FAMILY_YEARS: tuple[int, ...] = (2013, 2014, 2015, 2016)
NT_SHARE_TOLERANCE = 0.08
SEASONAL_MIN_CORRELATION = 0.8
DEATHS_TOLERANCE = 0.30


def fiscal_months(fy: int) -> range:
    """Month indices of fiscal year ``fy``: October of fy-1 to September of fy."""
    start = month_index(fy - 1, 10)
    return range(start, start + 12)


@dataclass(frozen=True)
class YearFigures:
    """One fiscal year's apprehensions by nationality and recorded deaths."""

    total: float
    mexico: float
    guatemala: float
    honduras: float
    el_salvador: float
    other: float
    deaths: float

    @property
    def nt_share(self) -> float:
        """Share of apprehensions from Guatemala, Honduras and El Salvador (0-1)."""
        nt = self.guatemala + self.honduras + self.el_salvador
        return nt / self.total if self.total > 0 else 0.0

    def as_dict(self) -> dict[str, float]:
        """The figures keyed as in ``FIGURES``, rounded to whole people."""
        return {name: float(round(getattr(self, name))) for name in FIGURES}


# --- the record ------------------------------------------------------------------------------


def observed_year(fy: int) -> YearFigures | None:
    """CBP's figures for fiscal year ``fy``, or None when withheld or not shipped."""
    if fy in WITHHELD_YEARS:
        return None
    nationality = {fiscal_year(r["fiscal_year"]): r for r in
                   read_table("apprehensions_by_nationality.csv")}
    deaths = {fiscal_year(r["fiscal_year"]): r for r in read_table("deaths.csv")}
    row = nationality.get(fy)
    if row is None or fy not in deaths or not row["guatemala"]:
        return None
    return YearFigures(
        total=float(row["total"]),
        mexico=float(row["mexico"]),
        guatemala=float(row["guatemala"]),
        honduras=float(row["honduras"]),
        el_salvador=float(row["el_salvador"]),
        other=float(row["other"]),
        deaths=float(deaths[fy]["southwest_total"]),
    )


def observed_kind(fy: int, category: str) -> dict[str, float] | None:
    """Family members or children alone (``category``) in ``fy``, total and by nationality.

    From family_uac.csv where recorded; None when withheld or not recorded.
    """
    if fy in WITHHELD_YEARS:
        return None
    found = {r["nationality"]: float(r["value"]) for r in read_table("family_uac.csv")
             if int(r["fiscal_year"]) == fy and r["category"] == category}
    return found or None


#: Calendar years of Mexico's apprehension events inside the calibration window (F* / M).
MEXICO_YEARS: tuple[int, ...] = (2014, 2015, 2016)


def observed_mexico(year: int) -> float | None:
    """Mexico's apprehension events in calendar ``year`` (mexico_enforcement.csv), or None."""
    if year > 2016:
        return None
    for row in read_table("mexico_enforcement.csv"):
        if int(row["year"]) == year and row["apprehensions_events"]:
            return float(row["apprehensions_events"])
    return None


def observed_backlog(fy: int) -> float | None:
    """The US immigration-court backlog at the end of fiscal year ``fy`` (asylum.csv), or None."""
    if fy in WITHHELD_YEARS:
        return None
    for row in read_table("asylum.csv"):
        if int(row["year"]) == fy and row["us_immigration_court_backlog"]:
            return float(row["us_immigration_court_backlog"])
    return None


def observed_claims(country: str, year: int) -> float | None:
    """Asylum claims lodged in Mexico or Canada (``country``) in calendar ``year``, or None."""
    if year > 2016:
        return None
    for row in read_table("asylum_mx_ca.csv"):
        if row["country"] == country and int(row["year"]) == year:
            return float(row["claims"])
    return None


def observed_monthly(fy: int) -> np.ndarray | None:
    """CBP's monthly apprehensions in fiscal year ``fy`` (12 values), or None."""
    if fy in WITHHELD_YEARS:
        return None
    values = [float(r["apprehensions"]) for r in read_table("apprehensions_monthly.csv")
              if fiscal_year(r["fiscal_year"]) == fy]
    return np.array(values) if len(values) == 12 else None


def seasonal_pattern(monthly: np.ndarray) -> np.ndarray:
    """Mean monthly pattern: each month's share of its year x 12, averaged over years.

    ``monthly`` has shape (..., years, 12); the result has shape (..., 12).
    """
    totals = monthly.sum(axis=-1, keepdims=True)
    return (12.0 * monthly / np.maximum(totals, 1e-9)).mean(axis=-2)


def _correlation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pearson correlation along the last axis (broadcasting)."""
    a = a - a.mean(axis=-1, keepdims=True)
    b = b - b.mean(axis=-1, keepdims=True)
    denominator = np.sqrt((a * a).sum(axis=-1) * (b * b).sum(axis=-1))
    return (a * b).sum(axis=-1) / np.maximum(denominator, 1e-12)


# --- the model run ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelRun:
    """Monthly model outcomes of the historical scenario, per world.

    ``encounters`` has shape (worlds, months, origins) in ``registry.ORIGINS`` order; ``deaths``
    (worlds, months) counts the deaths Border Patrol would record at the southwest border.
    """

    start: int
    encounters: np.ndarray
    deaths: np.ndarray
    #: Mexico's apprehensions (events) per month, ``(worlds, months)``; None when not recorded.
    mx_apprehensions: np.ndarray | None = None
    #: The US asylum backlog at the end of each month, ``(worlds, months)``; None when not recorded.
    us_backlog: np.ndarray | None = None
    #: Family-unit members and unaccompanied children among the encounters, like ``encounters``.
    families: np.ndarray | None = None
    children: np.ndarray | None = None
    #: Asylum claims lodged in Mexico and in Canada per month, ``(worlds, months)``; None when
    #: not recorded.
    claims_mx: np.ndarray | None = None
    claims_ca: np.ndarray | None = None

    @property
    def n_worlds(self) -> int:
        """How many worlds were run."""
        return int(self.encounters.shape[0])

    def _slice(self, fy: int) -> slice:
        first = fiscal_months(fy).start - self.start
        if first < 0 or first + 12 > self.encounters.shape[1]:
            raise ValueError(f"FY{fy} is outside the model run")
        return slice(first, first + 12)

    def by_origin(self, fy: int) -> np.ndarray:
        """Apprehensions per origin in fiscal year ``fy``: shape (worlds, origins)."""
        return self.encounters[:, self._slice(fy), :].sum(axis=1)

    def monthly_total(self, fy: int) -> np.ndarray:
        """Total apprehensions per month of fiscal year ``fy``: shape (worlds, 12)."""
        return self.encounters[:, self._slice(fy), :].sum(axis=2)

    def deaths_in(self, fy: int) -> np.ndarray:
        """Recorded deaths in fiscal year ``fy``: shape (worlds,)."""
        return self.deaths[:, self._slice(fy)].sum(axis=1)

    def mexico_calendar_year(self, year: int) -> np.ndarray:
        """Mexico's apprehension events in calendar ``year``: shape (worlds,)."""
        return self.calendar_year(self.mx_apprehensions, year, "Mexico's apprehensions")

    def calendar_year(self, series: np.ndarray | None, year: int, what: str) -> np.ndarray:
        """The sum of a monthly ``(worlds, months)`` series over calendar ``year``: (worlds,)."""
        if series is None:
            raise ValueError(f"this run did not record {what}")
        first = month_index(year, 1) - self.start
        if first < 0 or first + 12 > series.shape[1]:
            raise ValueError(f"{year} is outside the model run")
        return series[:, first:first + 12].sum(axis=1)

    def backlog_end_of(self, fy: int) -> np.ndarray:
        """The US asylum backlog at the end of fiscal year ``fy``: shape (worlds,)."""
        if self.us_backlog is None:
            raise ValueError("this run did not record the US backlog")
        return self.us_backlog[:, self._slice(fy).stop - 1]

    def year(self, fy: int, world: int = 0) -> YearFigures:
        """One world's figures for fiscal year ``fy``."""
        mx, gt, hn, sv, xr = (float(v) for v in self.by_origin(fy)[world])
        return YearFigures(total=mx + gt + hn + sv + xr, mexico=mx, guatemala=gt, honduras=hn,
                           el_salvador=sv, other=xr, deaths=float(self.deaths_in(fy)[world]))


#: Per-origin encounter metrics of the step, in ``registry.ORIGINS`` order.
ENCOUNTER_METRICS: tuple[str, ...] = tuple(f"us_encounters_{o.lower()}" for o in ORIGINS)
FAMILY_METRICS: tuple[str, ...] = tuple(f"us_family_members_{o.lower()}" for o in ORIGINS)
CHILD_METRICS: tuple[str, ...] = tuple(f"us_children_alone_{o.lower()}" for o in ORIGINS)
#: The step's count of deaths Border Patrol records at the southwest border.
DEATHS_METRIC = "deaths_recorded"


def run_history(params: Params | None = None, n_worlds: int | None = None,
                seed: int = HISTORY_SEED, start: int = HISTORY_START,
                end: int = HISTORY_END) -> ModelRun:
    """Run the historical scenario month by month from ``start`` to ``end``.

    ``params`` may hold arrays of shape ``(n_worlds,)`` (one parameter set per world, as the
    calibration tool uses); every world sees the same draws (shared noise of ``seed``), so world
    ``i`` of a batch is exactly the single run with parameter set ``i``.
    """
    params = params if params is not None else default_params()
    n = n_worlds or params.n_worlds or 1
    scenario = historical_scenario(seed)
    world = initial_world(scenario, n, params)
    noise = Noise.shared(seed)
    events = historical_events(start, end)
    months = end - start + 1
    encounters = np.zeros((n, months, len(ORIGINS)))
    deaths = np.zeros((n, months))
    mexico = np.zeros((n, months))
    backlog = np.zeros((n, months))
    families = np.zeros((n, months, len(ORIGINS)))
    children = np.zeros((n, months, len(ORIGINS)))
    claims_mx = np.zeros((n, months))
    claims_ca = np.zeros((n, months))
    for i, month in enumerate(range(start, end + 1)):
        levers = Levers.from_policy(historical_policy(month))
        if n > 1:
            levers = levers.take(np.zeros(n, dtype=int))
        world, outcome = step(world, levers, params, noise, events)
        metrics = outcome.metrics
        missing = [k for k in (*ENCOUNTER_METRICS, DEATHS_METRIC) if k not in metrics]
        if missing:
            raise ValueError(f"the model reports no {', '.join(missing)}")
        encounters[:, i, :] = np.stack([metrics[k] for k in ENCOUNTER_METRICS], axis=1)
        deaths[:, i] = metrics[DEATHS_METRIC]
        mexico[:, i] = metrics["mx_apprehensions"]
        backlog[:, i] = metrics["asylum_backlog_us"]
        families[:, i, :] = np.stack([metrics[k] for k in FAMILY_METRICS], axis=1)
        children[:, i, :] = np.stack([metrics[k] for k in CHILD_METRICS], axis=1)
        claims_mx[:, i] = metrics["asylum_claims_mx"]
        claims_ca[:, i] = metrics["asylum_claims_ca"]
    return ModelRun(start, encounters, deaths, mexico, backlog, families, children, claims_mx,
                    claims_ca)


#: Seeds of the worlds averaged by the backtest: the mean over a few independent draws of chance
#: (homicide and labour-demand noise, disasters, measurement), so that neither the fit nor the
#: report depends on one lucky or unlucky draw.
BACKTEST_SEEDS: tuple[int, ...] = (HISTORY_SEED, HISTORY_SEED + 1, HISTORY_SEED + 2,
                                   HISTORY_SEED + 3, HISTORY_SEED + 4)


def run_backtest(params: Params | None = None, n_worlds: int | None = None,
                 seeds: tuple[int, ...] = BACKTEST_SEEDS) -> ModelRun:
    """The historical scenario averaged over the worlds of ``seeds`` (one run per seed).

    Each seed's run uses shared noise, so with array-valued ``params`` every candidate parameter
    set sees the same draws; the result is the mean over seeds, per candidate.
    """
    runs = [run_history(params, n_worlds, seed) for seed in seeds]

    def mean(name: str) -> np.ndarray | None:
        arrays = [getattr(r, name) for r in runs]
        return None if any(a is None for a in arrays) else np.mean(arrays, axis=0)

    first = runs[0]
    return ModelRun(first.start, np.mean([r.encounters for r in runs], axis=0),
                    np.mean([r.deaths for r in runs], axis=0), mean("mx_apprehensions"),
                    mean("us_backlog"), mean("families"), mean("children"), mean("claims_mx"),
                    mean("claims_ca"))


# --- the fit ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Fit statistics per world over the calibration years (arrays with a leading world axis).

    ``total_error`` and ``deaths_error`` are relative errors (model / data - 1) of shape
    (worlds, fit years); ``nt_share_gap`` is model minus data share in points of 1 (same shape);
    ``origin_log_error`` is log(model / data) per nationality, shape (worlds, fit years, origins);
    ``seasonal_correlation`` has shape (worlds,).
    """

    total_error: np.ndarray
    nt_share_gap: np.ndarray
    deaths_error: np.ndarray
    origin_log_error: np.ndarray
    seasonal_correlation: np.ndarray
    #: log(model / data) of Mexico's apprehension events per calendar year of
    #: ``MEXICO_YEARS`` (a secondary check of the transit mechanism), (worlds, years); None
    #: when the run did not record them.
    mexico_log_error: np.ndarray | None = None
    #: log(model / data) of the US backlog at the end of each fit year (court backlog; several
    #: figures M), (worlds, years); None when the run did not record it.
    backlog_log_error: np.ndarray | None = None
    #: Families and children together as a share of apprehensions, model minus data, on
    #: ``FAMILY_YEARS``: (worlds, years); None when the run did not record them.
    family_share_gap: np.ndarray | None = None
    #: log(model / data) of family members and of children alone by nationality where recorded
    #: (NaN where not): (worlds, 2 kinds, fit years, origins); None when not recorded.
    kind_log_error: np.ndarray | None = None

    def targets_met(self) -> dict[str, np.ndarray]:
        """Per world, whether each target holds on every calibration year."""
        return {
            "total": np.all(np.abs(self.total_error) <= TOTAL_TOLERANCE, axis=1),
            "nt_share": np.all(np.abs(self.nt_share_gap) <= NT_SHARE_TOLERANCE, axis=1),
            "seasonal": self.seasonal_correlation >= SEASONAL_MIN_CORRELATION,
            "deaths": np.all(np.abs(self.deaths_error) <= DEATHS_TOLERANCE, axis=1),
            "by_nationality": np.all(np.abs(np.expm1(self.origin_log_error[:, :, :4]))
                                     <= ORIGIN_TOLERANCE, axis=(1, 2)),
            "families_children": (np.all(np.abs(self.family_share_gap) <= FAMILY_SHARE_TOLERANCE,
                                         axis=1) if self.family_share_gap is not None
                                  else np.zeros(self.total_error.shape[0], bool)),
        }


def score(run: ModelRun, years: Sequence[int] = FIT_YEARS) -> Scores:
    """Compare every world of ``run`` with the record on ``years`` (vectorised over worlds)."""
    data = [observed_year(fy) for fy in years]
    if any(d is None for d in data):
        raise ValueError("scores need recorded outcomes for every year")
    observed = [d for d in data if d is not None]
    origin_data = np.array([[getattr(d, n) for n in NATIONALITIES] for d in observed])
    total_data = origin_data.sum(axis=1)
    nt_data = origin_data[:, 1:4].sum(axis=1) / total_data
    deaths_data = np.array([d.deaths for d in observed])

    origin_model = np.stack([run.by_origin(fy) for fy in years], axis=1)
    total_model = origin_model.sum(axis=2)
    nt_model = origin_model[:, :, 1:4].sum(axis=2) / np.maximum(total_model, 1e-9)
    deaths_model = np.stack([run.deaths_in(fy) for fy in years], axis=1)

    monthly_data = np.stack([_checked(observed_monthly(fy)) for fy in years])
    monthly_model = np.stack([run.monthly_total(fy) for fy in years], axis=1)
    mexico = None
    if run.mx_apprehensions is not None:
        mexico_data = np.array([observed_mexico(y) or np.nan for y in MEXICO_YEARS])
        mexico_model = np.stack([run.mexico_calendar_year(y) for y in MEXICO_YEARS], axis=1)
        mexico = np.log(np.maximum(mexico_model, 1.0) / mexico_data)
    backlog = None
    if run.us_backlog is not None:
        backlog_data = np.array([observed_backlog(fy) or np.nan for fy in years])
        backlog_model = np.stack([run.backlog_end_of(fy) for fy in years], axis=1)
        backlog = np.log(np.maximum(backlog_model, 1.0) / backlog_data)
    family_gap = kinds = None
    if run.families is not None and run.children is not None:
        shares = []
        for fy in FAMILY_YEARS:
            fam, kid, year = observed_kind(fy, "family_unit_members"), observed_kind(
                fy, "uac"), observed_year(fy)
            assert fam is not None and kid is not None and year is not None
            sl = run._slice(fy)
            model = (run.families[:, sl].sum(axis=(1, 2)) + run.children[:, sl].sum(axis=(1, 2))
                     ) / np.maximum(run.encounters[:, sl].sum(axis=(1, 2)), 1e-9)
            shares.append(model - (fam["total"] + kid["total"]) / year.total)
        family_gap = np.stack(shares, axis=1)
        kinds = np.stack([_kind_errors(run.families, "family_unit_members", run, years),
                          _kind_errors(run.children, "uac", run, years)], axis=1)
    return Scores(
        total_error=total_model / total_data - 1.0,
        nt_share_gap=nt_model - nt_data,
        deaths_error=deaths_model / deaths_data - 1.0,
        origin_log_error=np.log(np.maximum(origin_model, 1.0) / origin_data),
        seasonal_correlation=_correlation(
            seasonal_pattern(monthly_model), seasonal_pattern(monthly_data)
        ),
        mexico_log_error=mexico,
        backlog_log_error=backlog,
        family_share_gap=family_gap,
        kind_log_error=kinds,
    )


def _kind_errors(series: np.ndarray, category: str, run: ModelRun,
                 years: Sequence[int]) -> np.ndarray:
    """log(model / data) of one kind by nationality per year, NaN where not recorded."""
    out = np.full((series.shape[0], len(years), len(NATIONALITIES)), np.nan)
    for j, fy in enumerate(years):
        data = observed_kind(fy, category) or {}
        model = series[:, run._slice(fy)].sum(axis=1)
        for k, name in enumerate(NATIONALITIES):
            if data.get(name):
                out[:, j, k] = np.log(np.maximum(model[:, k], 1.0) / data[name])
    return out


def _checked(values: np.ndarray | None) -> np.ndarray:
    if values is None:
        raise ValueError("monthly data missing for a calibration year")
    return values


def report(run: ModelRun, world: int = 0) -> dict[str, dict[str, dict[str, float] | None]]:
    """The ``backtest --json`` object's ``years``: model and data per fiscal year."""
    years: dict[str, dict[str, dict[str, float] | None]] = {}
    for fy in YEARS:
        data = observed_year(fy)
        years[f"FY{fy}"] = {
            "model": run.year(fy, world).as_dict(),
            "data": None if data is None else data.as_dict(),
        }
    return years


def format_table(run: ModelRun, world: int = 0) -> str:
    """A readable table: model vs data per fiscal year, errors, and the targets met or missed."""
    scores = score(run)
    met = {k: bool(v[world]) for k, v in scores.targets_met().items()}
    lines = [
        "Backtest: the historical scenario (October 2011 - September 2019) vs CBP records",
        "US southwest-border apprehensions per fiscal year; FY2012-FY2016 calibrated, "
        "FY2017-FY2019 out of sample (outcomes withheld).",
        "",
        f"{'year':<8}{'model':>10}{'data':>10}{'error':>9}{'NT model':>10}{'NT data':>9}"
        f"{'deaths m':>10}{'deaths d':>10}{'error':>9}",
    ]
    for fy in YEARS:
        model = run.year(fy, world)
        data = observed_year(fy)
        if data is None:
            lines.append(
                f"FY{fy:<6}{model.total:>10,.0f}{'withheld':>10}{'':>9}{model.nt_share:>10.0%}"
                f"{'':>9}{model.deaths:>10,.0f}{'withheld':>10}"
            )
            continue
        lines.append(
            f"FY{fy:<6}{model.total:>10,.0f}{data.total:>10,.0f}"
            f"{model.total / data.total - 1:>+9.1%}{model.nt_share:>10.0%}{data.nt_share:>9.0%}"
            f"{model.deaths:>10,.0f}{data.deaths:>10,.0f}{model.deaths / data.deaths - 1:>+9.1%}"
        )
    lines.append("")
    lines.append("By nationality (model / data):")
    for fy in YEARS:
        model = run.year(fy, world)
        data = observed_year(fy)
        cells = []
        for name in NATIONALITIES:
            shown = f"{getattr(model, name):,.0f}"
            if data is not None:
                shown += f" / {getattr(data, name):,.0f}"
            cells.append(f"{name.replace('_', ' ')} {shown}")
        lines.append(f"  FY{fy}: " + "; ".join(cells))
    if run.families is not None and run.children is not None:
        lines.append("")
        lines.append("Families (members) and children alone, model / data:")
        for fy in YEARS:
            sl = run._slice(fy)
            fam = run.families[world, sl].sum(axis=0)
            kid = run.children[world, sl].sum(axis=0)
            fam_d = observed_kind(fy, "family_unit_members") or {}
            kid_d = observed_kind(fy, "uac") or {}
            total = run.encounters[world, sl].sum()
            share = (fam.sum() + kid.sum()) / max(total, 1e-9)
            data = observed_year(fy)
            share_d = ((fam_d["total"] + kid_d["total"]) / data.total
                       if data is not None and "total" in fam_d and "total" in kid_d else None)
            lines.append(
                f"  FY{fy}: families {fam.sum():,.0f}"
                + (f" / {fam_d['total']:,.0f}" if "total" in fam_d else "")
                + f"; children {kid.sum():,.0f}"
                + (f" / {kid_d['total']:,.0f}" if "total" in kid_d else "")
                + f"; share of all {share:.0%}" + (f" / {share_d:.0%}" if share_d else "")
                + "; GT/HN/SV families " + "/".join(f"{v:,.0f}" for v in fam[1:4])
                + ", children " + "/".join(f"{v:,.0f}" for v in kid[1:4]))
    lines.append("")
    lines.append("Targets on FY2012-FY2016:")
    worst_total = float(np.abs(scores.total_error[world]).max())
    worst_nt = float(np.abs(scores.nt_share_gap[world]).max())
    worst_deaths = float(np.abs(scores.deaths_error[world]).max())
    corr = float(scores.seasonal_correlation[world])
    rows = (
        ("total", f"annual apprehensions within ±{TOTAL_TOLERANCE:.0%}",
         f"worst error {worst_total:.1%}"),
        ("nt_share", f"Northern-Triangle share within {NT_SHARE_TOLERANCE * 100:.0f} points",
         f"worst gap {worst_nt * 100:.1f} points"),
        ("seasonal", f"seasonal shape correlation at least {SEASONAL_MIN_CORRELATION:.2f}",
         f"correlation {corr:.2f}"),
        ("deaths", f"deaths within ±{DEATHS_TOLERANCE:.0%}", f"worst error {worst_deaths:.1%}"),
        ("by_nationality", f"Mexico, Guatemala, Honduras, El Salvador each within "
         f"±{ORIGIN_TOLERANCE:.0%}", "worst error "
         f"{float(np.abs(np.expm1(scores.origin_log_error[world, :, :4])).max()):.1%}"),
        ("families_children", f"families and children's share within "
         f"{FAMILY_SHARE_TOLERANCE * 100:.0f} points (FY2013-16)",
         "worst gap " + (f"{float(np.abs(scores.family_share_gap[world]).max()) * 100:.1f} points"
                         if scores.family_share_gap is not None else "not recorded")),
    )
    for key, target, measured in rows:
        lines.append(f"  [{'met' if met[key] else 'MISSED':>6}] {target}: {measured}")
    return "\n".join(lines + loose_checks(run, world))


#: The loose checks' calendar years (Mexico's apprehensions and claims in Mexico and Canada).
LOOSE_YEARS: tuple[int, ...] = (2012, 2013, 2014, 2015, 2016)


def loose_checks(run: ModelRun, world: int = 0) -> list[str]:
    """Lines comparing series the fit does not target with the record (model / data)."""
    def cells(series: np.ndarray | None, what: str, observed: Callable[[int], float | None],
              years: Sequence[int]) -> str:
        shown = []
        for year in years:
            data = observed(year)
            value = float(run.calendar_year(series, year, what)[world])
            shown.append(f"{year} {value:,.0f}" + (f" / {data:,.0f}" if data else ""))
        return "; ".join(shown)

    lines = ["", "Loose checks, not fitted (model / data, calendar years):"]
    if run.mx_apprehensions is not None:
        lines.append("  Mexico's apprehension events: " + cells(
            run.mx_apprehensions, "Mexico's apprehensions", observed_mexico, MEXICO_YEARS))
    if run.claims_mx is not None:
        lines.append("  asylum claims in Mexico (COMAR): " + cells(
            run.claims_mx, "claims in Mexico", lambda y: observed_claims("MX", y), LOOSE_YEARS))
    if run.claims_ca is not None:
        lines.append("  asylum claims in Canada (IRCC): " + cells(
            run.claims_ca, "claims in Canada", lambda y: observed_claims("CA", y), LOOSE_YEARS))
    if run.us_backlog is not None:
        shown = []
        for fy in FIT_YEARS:
            data = observed_backlog(fy)
            shown.append(f"FY{fy} {float(run.backlog_end_of(fy)[world]):,.0f}"
                         + (f" / {data:,.0f}" if data else ""))
        lines.append("  US court backlog at the end of the fiscal year: " + "; ".join(shown))
    return lines


def years_json(years: Mapping[str, object]) -> dict[str, object]:
    """The exact ``backtest --json`` document (DESIGN.md §6)."""
    return {"years": dict(years)}
