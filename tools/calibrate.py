"""Fit the model's free coefficients to FY2012-FY2016 and write ``game/sim/calibrated.py``.

Usage (from the project root)::

    .venv/bin/python tools/calibrate.py            # fit, print the fit, write calibrated.py
    .venv/bin/python tools/calibrate.py --dry-run  # fit and print only

What it does: every candidate parameter set is one *world* of a batch, so a few hundred
candidates cost about as much as a handful of single runs. All worlds share the noise of the
historical scenario's seed (``Noise.shared``), so each candidate is judged on exactly the draws
the backtest uses. The search is a batched pattern search in normalised coordinates (each
parameter mapped to [0, 1] over its plausible range, log-scaled for positive ranges spanning a
factor of 10 or more): start from the current values, try every coordinate up and down at the
current step in one batch, move to the best, halve the step when nothing improves. A first batch
of random candidates near the start guards against the worst local minima. Only FY2012-FY2016
outcomes enter the loss; FY2017+ outcomes are not in the project at all.

numpy only; re-runnable; deterministic (the random candidates come from a fixed seed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.sim import backtest  # noqa: E402
from game.sim.params import Params, default_params, prior_params  # noqa: E402

OUTPUT = ROOT / "game" / "sim" / "calibrated.py"


@dataclass(frozen=True)
class Free:
    """One free coefficient: its name in ``Params``, plausible range, and why it is free."""

    name: str
    low: float
    high: float
    why: str

    @property
    def log_scale(self) -> bool:
        """Search in log space when the range is positive and spans a factor of 10 or more."""
        return self.low > 0 and self.high / self.low >= 10

    def to_unit(self, value: np.ndarray) -> np.ndarray:
        """Map values to [0, 1]."""
        if self.log_scale:
            return (np.log(value) - np.log(self.low)) / (np.log(self.high) - np.log(self.low))
        return (value - self.low) / (self.high - self.low)

    def from_unit(self, unit: np.ndarray) -> np.ndarray:
        """Map [0, 1] back to values."""
        unit = np.clip(unit, 0.0, 1.0)
        if self.log_scale:
            return np.exp(np.log(self.low) + unit * (np.log(self.high) - np.log(self.low)))
        return self.low + unit * (self.high - self.low)


#: Loss weights: each term is (error / scale)^2, so a scale is "how big an error counts as one".
TOTAL_SCALE = 0.08        # log error of annual totals
ORIGIN_SCALE = 0.20       # log error per nationality
NT_SHARE_SCALE = 0.04     # share gap, points of 1
SEASONAL_SCALE = 0.08     # 1 - correlation of the mean monthly pattern
DEATHS_SCALE = 0.15       # log error of recorded deaths
MEXICO_SCALE = 0.30       # log error of Mexico's apprehension events (F* / M figures: loose)
BACKLOG_SCALE = 0.30      # log error of the US backlog (M figures: loose)
FAMILY_SHARE_SCALE = 0.04  # families and children's share of apprehensions, points of 1
KIND_SCALE = 0.35         # log error of families / children by nationality (several M: loose)
#: Hinge penalties push every calibration year inside the targets, with a small margin.
HINGE_WEIGHT = 1.0e6
HINGE_MARGIN = 0.85


def loss(scores: backtest.Scores) -> np.ndarray:
    """The calibration loss per world (lower is better)."""
    total = (np.log1p(scores.total_error) / TOTAL_SCALE) ** 2
    origin = (scores.origin_log_error / ORIGIN_SCALE) ** 2
    nt = (scores.nt_share_gap / NT_SHARE_SCALE) ** 2
    seasonal = ((1.0 - scores.seasonal_correlation) / SEASONAL_SCALE) ** 2
    deaths = (np.log1p(np.maximum(scores.deaths_error, -0.99)) / DEATHS_SCALE) ** 2
    value = (total.sum(axis=1) + 1.0 * origin.sum(axis=(1, 2)) + nt.sum(axis=1)
             + seasonal + deaths.sum(axis=1))
    if scores.mexico_log_error is not None:
        value = value + ((scores.mexico_log_error / MEXICO_SCALE) ** 2).sum(axis=1)
    if scores.backlog_log_error is not None:
        value = value + ((scores.backlog_log_error / BACKLOG_SCALE) ** 2).sum(axis=1)
    if scores.family_share_gap is not None and scores.kind_log_error is not None:
        value = value + ((scores.family_share_gap / FAMILY_SHARE_SCALE) ** 2).sum(axis=1)
        value = value + np.nansum((scores.kind_log_error / KIND_SCALE) ** 2, axis=(1, 2, 3))
        value = value + HINGE_WEIGHT * _hinge(np.abs(scores.family_share_gap),
                                              backtest.FAMILY_SHARE_TOLERANCE).sum(axis=1)
    value = value + HINGE_WEIGHT * (
        _hinge(np.abs(scores.total_error), backtest.TOTAL_TOLERANCE).sum(axis=1)
        + _hinge(np.abs(scores.nt_share_gap), backtest.NT_SHARE_TOLERANCE).sum(axis=1)
        + _hinge(np.abs(scores.deaths_error), backtest.DEATHS_TOLERANCE).sum(axis=1)
        # The origins' hinge starts at the target itself: they are the hardest to meet, and a
        # margin there costs the other targets more than it gains.
        + _hinge(np.abs(np.expm1(scores.origin_log_error[:, :, :4])),
                 backtest.ORIGIN_TOLERANCE / HINGE_MARGIN).sum(axis=(1, 2))
        + _hinge(1.0 - scores.seasonal_correlation, 1.0 - backtest.SEASONAL_MIN_CORRELATION))
    return np.where(np.isfinite(value), value, np.inf)


def _hinge(error: np.ndarray, tolerance: float) -> np.ndarray:
    """Squared excess of ``error`` over ``HINGE_MARGIN`` x ``tolerance`` (0 inside)."""
    return np.maximum(error - HINGE_MARGIN * tolerance, 0.0) ** 2


Evaluate = Callable[[np.ndarray], np.ndarray]


def pattern_search(evaluate: Evaluate, start: np.ndarray, *, step: float = 0.15,
                   min_step: float = 0.005, random_candidates: int = 64, seed: int = 7,
                   random_directions: int = 96,
                   max_rounds: int = 60, log: Callable[[str], None] = print) -> np.ndarray:
    """Minimise ``evaluate`` over [0, 1]^d; ``evaluate`` takes (k, d) and returns (k,)."""
    rng = np.random.default_rng(seed)
    dims = start.size
    best = np.clip(start, 0.0, 1.0)
    if random_candidates:
        spread = rng.normal(0.0, 0.12, size=(random_candidates, dims))
        batch = np.clip(np.vstack([best, best + spread]), 0.0, 1.0)
        losses = evaluate(batch)
        best = batch[int(np.argmin(losses))]
        best_loss = float(losses.min())
    else:
        best_loss = float(evaluate(best[None, :])[0])
    log(f"start: loss {best_loss:.2f}")
    stalls = 0
    for round_ in range(max_rounds):
        if step < min_step:
            break
        # Axis moves, plus random directions so that coupled coefficients (a level and an
        # elasticity that shifts it) can move together in one round.
        directions = rng.normal(0.0, 1.0, size=(random_directions, dims))
        directions *= step / np.sqrt(dims / 4) / np.maximum(
            np.linalg.norm(directions, axis=1, keepdims=True) / np.sqrt(dims), 1e-9)
        moves = np.vstack([np.eye(dims) * step, -np.eye(dims) * step,
                           np.eye(dims) * step * 2, -np.eye(dims) * step * 2, directions])
        batch = np.clip(best + moves, 0.0, 1.0)
        losses = evaluate(batch)
        i = int(np.argmin(losses))
        if losses[i] < best_loss - 1e-9:
            best, best_loss = batch[i], float(losses[i])
            stalls = 0
        else:
            # Random directions may find nothing by chance: halve only after two misses.
            stalls += 1
            if stalls >= 2:
                step /= 2
                stalls = 0
        log(f"round {round_ + 1}: loss {best_loss:.3f}, step {step:.4f}")
    return best


#: The free coefficients and why each is free. ``hurricane_push`` is not among them: FY2012-16
#: hold no hurricane in the Northern Triangle, and the 2014 and 2015-16 droughts coincide with
#: Programa Frontera Sur, so the years cannot tell a disaster's push from Mexico's enforcement
#: (a fit drove it to 0, which would teach that disasters push no one); it keeps its prior. Ranges are the plausible ranges in ``Params``
#: (the fit never leaves them); everything else keeps its sourced prior.
FREE: tuple[tuple[str, str], ...] = (
    ("emigration_logit_mx", "level of Mexican departures: no direct source"),
    ("emigration_logit_gt", "level of Guatemalan departures: no direct source"),
    ("emigration_logit_hn", "level of Honduran departures: no direct source"),
    ("emigration_logit_sv", "level of Salvadoran departures: no direct source"),
    ("emigration_logit_xr", "level of extra-regional departures: no direct source"),
    ("violence_elasticity", "Clemens gives a range; the NT surge pins it"),
    ("violence_weight_mx", "how much of Mexico's violence drives emigration, not internal moves"),
    ("violence_weight_gt", "weight of Guatemala's violence (assumed 1 before the fit)"),
    ("violence_weight_hn", "weight of Honduras' violence (assumed 1 before the fit)"),
    ("violence_weight_sv", "weight of El Salvador's violence (assumed 1 before the fit)"),
    ("demographic_trend_mx", "Mexico's shrinking cohort of likely migrants (Hanson & McIntosh)"),
    ("demographic_trend_gt", "Guatemala's cohort trend"),
    ("demographic_trend_hn", "Honduras' cohort trend"),
    ("demographic_trend_sv", "El Salvador's cohort trend"),
    ("violence_perception_months", "lag of 1-2 quarters (Clemens); timing of the NT waves"),
    ("network_echo_months", "2-6 quarters (Clemens); timing of the NT waves"),
    ("labour_pull_elasticity", "assumed; the 2012-16 labour recovery vs falling Mexican flows"),
    ("wage_elasticity", "−0.5 to −0.8 in the literature"),
    ("season_amplitude", "monthly shape"),
    ("season_peak_month", "monthly shape"),
    ("mx_bus_kappa", "Programa Frontera Sur's effect on transit (the FY2015 dip)"),
    ("mx_south_kappa", "Mexico's southern-border catch"),
    ("mx_south_pi_max", "Mexico's southern-border catch at full staffing"),
    ("retry_far_factor", "how often people deported from Mexico set out again"),
    ("family_logit_mx", "level of Mexican family departures: FY2014-16 family members"),
    ("family_logit_gt", "level of Guatemalan family departures: FY2014-16 family members"),
    ("family_logit_hn", "level of Honduran family departures: FY2014-16 family members"),
    ("family_logit_sv", "level of Salvadoran family departures: FY2014-16 family members"),
    ("family_logit_xr", "level of other family departures: FY2014-16 family members"),
    ("child_logit_mx", "level of Mexican children's departures: FY2012-16 UAC"),
    ("child_logit_gt", "level of Guatemalan children's departures: FY2012-16 UAC"),
    ("child_logit_hn", "level of Honduran children's departures: FY2012-16 UAC"),
    ("child_logit_sv", "level of Salvadoran children's departures: FY2012-16 UAC"),
    ("child_logit_xr", "level of other children's departures: FY2012-16 UAC"),
    ("pull_family", "what families expect after the border: the FY2014-16 family series"),
    ("pull_child", "what children expect after the border: the FY2012-16 UAC series"),
    ("family_violence_extra", "violence drives children and families more (Clemens)"),
    ("coffee_elasticity_gt", "the coffee rust and price fall of 2012-13 in Guatemala"),
    ("coffee_elasticity_hn", "the coffee rust and price fall of 2012-13 in Honduras"),
    ("coffee_elasticity_sv", "the coffee rust and price fall of 2012-13 in El Salvador"),
    ("capability_elasticity", "the hump: NT incomes rising toward the peak"),
    ("network_elasticity", "diaspora pull (Beine, Docquier & Özden): level across origins"),
    ("decisions_per_officer_us", "US decisions per adjudicator: the backlog's growth 2012-16"),
    ("us_remote_mortality", "deaths per remote crossing: level of recorded deaths"),
    ("us_urban_mortality", "deaths per urban crossing"),
    ("funnel_elasticity", "the funnel effect: remote-route deaths rise with enforcement"),
    ("death_recording_share", "share of deaths Border Patrol records"),
    ("retry_remove", "re-crossing after removal: repeat apprehensions of Mexicans"),
)


def free_parameters(params: Params) -> list[Free]:
    """The free coefficients with the plausible ranges their ``Param`` entries declare."""
    out = []
    for name, why in FREE:
        entry = params[name]
        out.append(Free(name, entry.low, entry.high, why))
    return out


def make_evaluate(base: Params, free: Sequence[Free]) -> Evaluate:
    """Loss of a batch of candidates (rows of normalised coordinates), one world each."""
    def evaluate(unit: np.ndarray) -> np.ndarray:
        values: dict[str, float | np.ndarray] = {
            f.name: f.from_unit(unit[:, i]) for i, f in enumerate(free)}
        if unit.shape[0] == 1:
            values = {k: float(np.asarray(v)[0]) for k, v in values.items()}
        run = backtest.run_backtest(base.replace(**values), n_worlds=unit.shape[0])
        return loss(backtest.score(run))
    return evaluate


def write_fitted(path: Path, free: Sequence[Free], values: np.ndarray, summary: str) -> None:
    """Write ``calibrated.py`` atomically."""
    lines = [
        '"""Fitted values of the model\'s free coefficients (written by tools/calibrate.py).',
        "",
        "Fitted on FY2012-FY2016 only (CBP apprehensions by nationality and month, deaths",
        "recorded) with the historical scenario of game/sim/history.py; see docs/calibration.md.",
        "Do not edit by hand: re-run ``.venv/bin/python tools/calibrate.py``.",
        "",
        *textwrap.wrap(summary, 96),
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "FITTED: dict[str, float] = {",
    ]
    for f, v in zip(free, values, strict=True):
        comment = (f"{f.why}; prior {getattr(prior_params(), f.name):g}, searched in "
                   f"[{f.low:g}, {f.high:g}]{' (log scale)' if f.log_scale else ''}.")
        lines += [f"    # {line}" for line in textwrap.wrap(comment, 94)]
        lines.append(f'    "{f.name}": {float(v):.6g},')
    lines.append("}")
    text = "\n".join(lines) + "\n"
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def summarise(scores: backtest.Scores) -> str:
    """One paragraph of fit figures for the docstring and the console."""
    met = {k: bool(v[0]) for k, v in scores.targets_met().items()}
    return (
        f"Fit: worst annual error {np.abs(scores.total_error[0]).max():.1%}, worst NT-share gap "
        f"{np.abs(scores.nt_share_gap[0]).max() * 100:.1f} points, seasonal correlation "
        f"{scores.seasonal_correlation[0]:.2f}, worst deaths error "
        f"{np.abs(scores.deaths_error[0]).max():.1%}; targets met: "
        + ", ".join(k for k, v in met.items() if v) + "."
    )


def markdown_table(run: backtest.ModelRun) -> str:
    """The fit table for docs/calibration.md: model vs data per fiscal year."""
    rows = ["| year | model | data | error | NT share model | NT share data | deaths model "
            "| deaths data | error |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for fy in backtest.YEARS:
        m = run.year(fy)
        d = backtest.observed_year(fy)
        if d is None:
            rows.append(f"| FY{fy} (out of sample) | {m.total:,.0f} | withheld | | "
                        f"{m.nt_share:.0%} | withheld | {m.deaths:,.0f} | withheld | |")
        else:
            rows.append(f"| FY{fy} | {m.total:,.0f} | {d.total:,.0f} | "
                        f"{m.total / d.total - 1:+.1%} | {m.nt_share:.0%} | {d.nt_share:.0%} | "
                        f"{m.deaths:,.0f} | {d.deaths:,.0f} | {m.deaths / d.deaths - 1:+.1%} |")
    rows += ["", "| year | " + " | ".join(n.replace("_", " ") for n in backtest.NATIONALITIES)
             + " |", "|---|" + "---:|" * len(backtest.NATIONALITIES)]
    for fy in backtest.YEARS:
        m = run.year(fy)
        d = backtest.observed_year(fy)
        cells = []
        for n in backtest.NATIONALITIES:
            cell = f"{getattr(m, n):,.0f}"
            cells.append(cell + (f" / {getattr(d, n):,.0f}" if d is not None else ""))
        rows.append(f"| FY{fy} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fit; write ``calibrated.py`` unless ``--dry-run``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write calibrated.py")
    parser.add_argument("--from-priors", action="store_true",
                        help="start from the priors instead of the current fitted values")
    parser.add_argument("--rounds", type=int, default=150, help="most search rounds")
    parser.add_argument("--start", type=Path, help="JSON of starting values (optional)")
    parser.add_argument("--save", type=Path, help="also write the fitted values as JSON")
    parser.add_argument("--report", action="store_true",
                        help="no fit: print the current fit (table and markdown) and stop")
    args = parser.parse_args(argv)
    if args.report:
        run = backtest.run_backtest()
        print(summarise(backtest.score(run)))
        print(backtest.format_table(run))
        print(markdown_table(run))
        return 0
    base = prior_params() if args.from_priors else default_params()
    if args.start:
        base = base.replace(**json.loads(args.start.read_text(encoding="utf-8")))
    free = free_parameters(base)
    start = np.array([float(f.to_unit(np.asarray(getattr(base, f.name)))) for f in free])
    evaluate = make_evaluate(base, free)
    best = pattern_search(evaluate, start, max_rounds=args.rounds)
    values = np.array([float(f.from_unit(np.asarray(u))) for f, u in zip(free, best, strict=True)])
    fitted = base.replace(**{f.name: v for f, v in zip(free, values, strict=True)})
    scores = backtest.score(backtest.run_backtest(fitted))
    summary = summarise(scores)
    print(summary)
    for f, v in zip(free, values, strict=True):
        print(f"  {f.name:<28} {v:>12.6g}   (prior {getattr(prior_params(), f.name):g})")
    final = backtest.run_backtest(fitted)
    print(backtest.format_table(final))
    print(markdown_table(final))
    if args.save:
        args.save.write_text(json.dumps({f.name: float(v) for f, v in zip(free, values,
                                                                          strict=True)}),
                             encoding="utf-8")
    if not args.dry_run:
        write_fitted(OUTPUT, free, values, summary)
        print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
