"""The LAN load benchmark still runs end to end (a tiny class; structure only, never a time)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


def test_the_lan_benchmark_reports_latency_cpu_and_memory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import bench_lan

    out = tmp_path / "lan.json"
    assert bench_lan.main(["--students", "6", "--seconds", "1.5", "--interval", "0.3",
                           "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["students"] == 6 and figures["teams"] == 6 and figures["refused"] == 0
    assert {"p50_ms", "p99_ms", "server_cpu_share", "server_rss_peak_mb"} <= set(figures)
    assert figures["server_rss_peak_mb"] > 0
    del sys.modules["bench_lan"]
