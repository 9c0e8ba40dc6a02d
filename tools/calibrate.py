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
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.sim import backtest  # noqa: E402

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


def loss(scores: backtest.Scores) -> np.ndarray:
    """The calibration loss per world (lower is better)."""
    total = (np.log1p(scores.total_error) / TOTAL_SCALE) ** 2
    origin = (scores.origin_log_error / ORIGIN_SCALE) ** 2
    nt = (scores.nt_share_gap / NT_SHARE_SCALE) ** 2
    seasonal = ((1.0 - scores.seasonal_correlation) / SEASONAL_SCALE) ** 2
    deaths = (np.log1p(np.maximum(scores.deaths_error, -0.99)) / DEATHS_SCALE) ** 2
    value = (total.sum(axis=1) + 0.5 * origin.sum(axis=(1, 2)) + nt.sum(axis=1)
             + seasonal + deaths.sum(axis=1))
    return np.where(np.isfinite(value), value, np.inf)


Evaluate = Callable[[np.ndarray], np.ndarray]


def pattern_search(evaluate: Evaluate, start: np.ndarray, *, step: float = 0.15,
                   min_step: float = 0.005, random_candidates: int = 64, seed: int = 7,
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
    for round_ in range(max_rounds):
        if step < min_step:
            break
        moves = np.vstack([np.eye(dims) * step, -np.eye(dims) * step,
                           np.eye(dims) * step * 2, -np.eye(dims) * step * 2])
        batch = np.clip(best + moves, 0.0, 1.0)
        losses = evaluate(batch)
        i = int(np.argmin(losses))
        if losses[i] < best_loss - 1e-9:
            best, best_loss = batch[i], float(losses[i])
        else:
            step /= 2
        log(f"round {round_ + 1}: loss {best_loss:.3f}, step {step:.4f}")
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fit; write ``calibrated.py`` unless ``--dry-run``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write calibrated.py")
    parser.parse_args(argv)
    raise SystemExit("the model's free parameters are not declared yet")


if __name__ == "__main__":
    sys.exit(main())
