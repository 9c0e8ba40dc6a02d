"""Timing helpers for the benchmarks: repeated runs, medians and spreads, no single timings.

The machines are shared and noisy, so every figure is the median of repeated runs with its
interquartile range, and budgets are checked on ratios, which survive a slow machine.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per call over repeated runs."""

    name: str
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median time in seconds."""
        return statistics.median(self.samples)

    @property
    def spread(self) -> tuple[float, float]:
        """The 25th and 75th percentiles in seconds."""
        if len(self.samples) < 4:
            return min(self.samples), max(self.samples)
        q = statistics.quantiles(self.samples, n=4)
        return q[0], q[2]

    def percentile(self, p: float) -> float:
        """The p-th percentile (0–100) by nearest rank."""
        ordered = sorted(self.samples)
        k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
        return ordered[k]

    def line(self, unit: float = 1e-3, label: str = "ms") -> str:
        """One printable line: median and IQR in the given unit."""
        lo, hi = self.spread
        return (f"{self.name:<52} median {self.median / unit:9.3f} {label}"
                f"  (IQR {lo / unit:.3f}–{hi / unit:.3f}, n={len(self.samples)})")


def measure(name: str, fn: Callable[[], object], repeats: int, inner: int = 1,
            warmup: int = 1) -> Timing:
    """Time ``fn`` ``repeats`` times (each sample the mean of ``inner`` calls)."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return Timing(name, tuple(samples))
