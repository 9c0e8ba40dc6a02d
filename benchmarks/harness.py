"""Timing helpers for the benchmarks: repeated runs, medians and spreads, no single timings.

The machines are shared and noisy, so every figure is the median of repeated runs with its
interquartile range, and budgets are checked on ratios, which survive a slow machine. Every
sample records both wall-clock time and this process's CPU time: when other work shares the
cores, wall-clock tails measure the scheduler as much as the code, while CPU time does not.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The frame budget of 60 frames per second, in seconds.
FRAME_S = 1 / 60


def _percentile(samples: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100) by linear interpolation between closest ranks."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass(frozen=True)
class Timing:
    """Seconds per call over repeated runs: wall-clock samples and CPU-time samples."""

    name: str
    samples: tuple[float, ...]
    cpu: tuple[float, ...] = ()
    #: What one call is (e.g. ``{"worlds": 1000}``), carried into the JSON output.
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median wall-clock time in seconds."""
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float:
        """The median CPU time in seconds (NaN when not recorded)."""
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def spread(self) -> tuple[float, float]:
        """The 25th and 75th percentiles of wall-clock time in seconds."""
        if len(self.samples) < 4:
            return min(self.samples), max(self.samples)
        return _percentile(self.samples, 25), _percentile(self.samples, 75)

    def percentile(self, p: float, cpu: bool = False) -> float:
        """The p-th percentile (0–100) of wall-clock (or CPU) time, interpolated."""
        return _percentile(self.cpu if cpu else self.samples, p)

    def line(self, unit: float = 1e-3, label: str = "ms") -> str:
        """One printable line: median and IQR in the given unit, and the CPU median."""
        lo, hi = self.spread
        cpu = f", CPU {self.cpu_median / unit:.3f}" if self.cpu else ""
        return (f"{self.name:<44} median {self.median / unit:9.3f} {label}"
                f"  (IQR {lo / unit:.3f}–{hi / unit:.3f}{cpu}, n={len(self.samples)})")

    def as_dict(self, unit: float = 1e-3) -> dict[str, Any]:
        """Median, IQR, percentiles and CPU median in ``unit`` (ms by default), for JSON."""
        lo, hi = self.spread
        out: dict[str, Any] = {
            "median": self.median / unit, "iqr": [lo / unit, hi / unit],
            "p95": self.percentile(95) / unit, "n": len(self.samples), **self.meta,
        }
        if self.cpu:
            out["cpu_median"] = self.cpu_median / unit
        return out

    def raw(self) -> dict[str, Any]:
        """Every sample (seconds), to hand a timing from a child process to its parent."""
        return {"name": self.name, "samples": list(self.samples), "cpu": list(self.cpu),
                "meta": self.meta}

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Timing:
        """The timing :meth:`raw` describes."""
        return cls(raw["name"], tuple(raw["samples"]), tuple(raw["cpu"]), dict(raw["meta"]))


def measure(name: str, fn: Callable[[], object], repeats: int, inner: int = 1,
            warmup: int = 1, **meta: Any) -> Timing:
    """Time ``fn`` ``repeats`` times (each sample the mean of ``inner`` calls)."""
    for _ in range(warmup):
        fn()
    samples, cpu = [], []
    for _ in range(repeats):
        c0 = time.process_time()
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - start) / inner)
        cpu.append((time.process_time() - c0) / inner)
    return Timing(name, tuple(samples), tuple(cpu), dict(meta))


def fit_linear(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float, float]:
    """Least-squares ``y = a + b·x``: returns ``(a, b, r²)``."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    b = sxy / sxx if sxx else 0.0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return a, b, (1 - ss_res / ss_tot) if ss_tot else 1.0


def peak_rss_mb() -> float:
    """This program's peak resident memory so far, in MB.

    ``VmHWM`` belongs to the program's own address space. ``ru_maxrss`` is the fallback only:
    Linux carries it across ``exec``, so a child started by a large parent reports the parent's
    peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    """What the figures were measured on: cores, CPU model, load, Python and library versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info: dict[str, Any] = {
        "nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    from importlib import metadata

    for key, dist in (("numpy", "numpy"), ("pygame", "pygame-ce"), ("pygame_gui", "pygame_gui")):
        try:
            info[key] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            info[key] = None
    return info


def python() -> str:
    """The interpreter to run child processes with (the one running the benchmarks)."""
    return sys.executable
