"""Load on the LAN host: 40 students in 6 teams change levers; how fast teammates see it.

What it shows: the latency from one student sending a lever change to each teammate's device
receiving the team's new state (the host checks the change on the turn desk, recomputes the
team's forecast and pushes the state), its p50 and p99, and the host's CPU and memory.

The host runs in its own process (``--serve``), bound to 127.0.0.1, exactly as
``borderlines host`` runs it; the students are WebSocket clients in this process, all on one
asyncio loop. Each student changes one of its team's levers every ``--interval`` seconds on
average (a class does far less: a change every half-minute per student is busy).

Usage::

    python benchmarks/bench_lan.py                      # 40 students, 6 teams, 30 s
    python benchmarks/bench_lan.py --students 40 --seconds 60 --interval 1 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEAMS = ("US", "MX", "CA", "GT", "HN", "SV")
LEVEL = "regional-compact"


def serve_forever(port: int) -> None:
    """The host process: a six-team simultaneous class, its address on stdout."""
    from game.net.host import LanHost
    from game.net.server import serve
    from game.play.catalog import find_level
    from game.play.classroom import Classroom, ClassSettings, Team

    found = find_level(LEVEL)
    assert not isinstance(found, str), found
    room = Classroom(found[0], ClassSettings(tuple(Team(f"Team {c}", c) for c in TEAMS),
                                             simultaneous=True))
    host = LanHost(room, code="ACDEFG", pin="2468")
    running = serve(host, "127.0.0.1", port)
    print(json.dumps({"port": running.port}), flush=True)
    while running.thread.is_alive():
        time.sleep(0.5)


def percentile(samples: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


class Student:
    """One simulated device: joins a team, changes its lever, watches its team's states."""

    def __init__(self, index: int, team: str, lever: str, start: float) -> None:
        self.index, self.team, self.lever, self.start = index, team, lever, start
        self.seq = 0
        self.sent: dict[tuple[str, float], float] = {}
        self.refused = 0


async def run_load(port: int, students: int, seconds: float, interval: float
                   ) -> dict[str, Any]:
    """Join every student, let them change levers for ``seconds``, return the latencies."""
    from websockets.asyncio.client import connect

    url = f"ws://127.0.0.1:{port}/ws"
    # (team, lever, value) -> (sent at, sender): the sender's own echo is not counted.
    pending: dict[tuple[str, str, float], tuple[float, int]] = {}
    latencies: list[float] = []
    sockets = []
    roster: list[Student] = []
    # Join: the first state tells each student its team's levers.
    for i in range(students):
        team = TEAMS[i % len(TEAMS)]
        ws = await connect(url, max_size=2**22)
        await ws.send(json.dumps({"type": "join", "code": "ACDEFG", "team": team,
                                  "name": f"S{i}"}))
        state = None
        while state is None:
            message = json.loads(await ws.recv())
            if message.get("type") == "state":
                state = message
        numeric = [lv for lv in state["levers"] if lv["kind"] != "choice"
                   and isinstance(lv["start"], int | float) and lv["start"] >= 60]
        lever = numeric[(i // len(TEAMS)) % len(numeric)]
        roster.append(Student(i, team, lever["name"], float(lever["start"])))
        sockets.append(ws)
    stop_at = time.monotonic() + seconds

    async def reader(student: Student, ws: Any) -> None:
        try:
            async for raw in ws:
                now = time.perf_counter()
                message = json.loads(raw)
                if message.get("type") == "error":
                    student.refused += 1
                    continue
                if message.get("type") != "state":
                    continue
                for lever in message["levers"]:
                    key = (student.team, lever["name"], lever["value"])
                    sent = pending.get(key)
                    if sent is not None and sent[1] != student.index and (
                            key not in seen_by[student.index]):
                        seen_by[student.index].add(key)
                        latencies.append(now - sent[0])
        except Exception:  # noqa: BLE001 - the socket closes at the end
            return

    async def writer(student: Student, ws: Any) -> None:
        rng = random.Random(student.index)
        k = 0
        while time.monotonic() < stop_at:
            await asyncio.sleep(rng.expovariate(1.0 / interval))
            k += 1
            value = student.start - 1 - (student.index * 7 + k) % 50
            student.seq += 1
            pending[(student.team, student.lever, value)] = (time.perf_counter(), student.index)
            await ws.send(json.dumps({"type": "set_lever", "seq": student.seq,
                                      "lever": student.lever, "value": value}))

    seen_by: dict[int, set[tuple[str, str, float]]] = {s.index: set() for s in roster}
    readers = [asyncio.create_task(reader(s, ws)) for s, ws in zip(roster, sockets, strict=True)]
    await asyncio.gather(*(writer(s, ws) for s, ws in zip(roster, sockets, strict=True)))
    await asyncio.sleep(1.0)
    for ws in sockets:
        await ws.close()
    for task in readers:
        task.cancel()
    changes = sum(s.seq for s in roster)
    return {"changes": changes, "deliveries": len(latencies),
            "refused": sum(s.refused for s in roster),
            "p50_ms": percentile(latencies, 50) * 1000, "p90_ms": percentile(latencies, 90) * 1000,
            "p99_ms": percentile(latencies, 99) * 1000,
            "max_ms": max(latencies, default=float("nan")) * 1000}


def main(argv: list[str] | None = None) -> int:
    """Start the host process, load it, print (and optionally write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=2.0,
                        help="mean seconds between one student's lever changes")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.serve is not None:
        serve_forever(args.serve)
        return 0
    import psutil

    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, __file__, "--serve", "0"], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout is not None
        port = json.loads(child.stdout.readline())["port"]
        proc = psutil.Process(child.pid)
        rss_idle = proc.memory_info().rss
        cpu0, wall0 = proc.cpu_times(), time.perf_counter()
        peak = [rss_idle]

        async def load_and_sample() -> dict[str, Any]:
            async def sample() -> None:
                while True:
                    peak[0] = max(peak[0], proc.memory_info().rss)
                    await asyncio.sleep(0.25)
            sampler = asyncio.create_task(sample())
            result = await run_load(port, args.students, args.seconds, args.interval)
            sampler.cancel()
            return result

        result = asyncio.run(load_and_sample())
        cpu1, wall1 = proc.cpu_times(), time.perf_counter()
        busy = (cpu1.user + cpu1.system) - (cpu0.user + cpu0.system)
        result.update({
            "students": args.students, "teams": len(TEAMS), "seconds": args.seconds,
            "interval_s": args.interval, "changes_per_s": result["changes"] / args.seconds,
            "server_cpu_share": busy / (wall1 - wall0),
            "server_rss_idle_mb": rss_idle / 2**20, "server_rss_peak_mb": peak[0] / 2**20,
            "nproc": os.cpu_count(),
        })
    finally:
        child.terminate()
        child.wait(10)
    print(json.dumps(result, indent=2))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
