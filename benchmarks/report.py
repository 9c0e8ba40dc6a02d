"""Markdown tables for docs/performance.md from a ``run.py --json`` file.

Usage: ``python benchmarks/report.py results.json > tables.md`` — the figures in the docs are
pasted from this output, so they are the ones the run printed, not retyped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _ms(t: dict[str, Any], key: str = "median") -> str:
    return f"{t[key]:.2f}"


def _iqr(t: dict[str, Any]) -> str:
    lo, hi = t["iqr"]
    return f"{lo:.2f}–{hi:.2f}"


def machine(r: dict[str, Any]) -> str:
    """The machine line."""
    m = r["machine"]
    load = ", ".join(f"{x:g}" for x in m.get("load_average", []))
    return (f"{m['nproc']} cores ({m['cpu']}), {m['platform']}; Python {m['python']}, "
            f"numpy {m['numpy']}, pygame-ce {m['pygame']}, pygame_gui {m['pygame_gui']}; "
            f"load average at the end of the run {load}")


def budget(r: dict[str, Any]) -> str:
    """The §7 checks as a table."""
    rows = ["| Check | Measured | Budget | Met | Gates `--quick` |", "|---|---|---|---|---|"]
    for c in r["checks"]:
        sign = "≤" if c["kind"] == "max" else "≥"
        rows.append(f"| {c['name']} | {c['value']:.3f} {c['unit']} ({c['note'] or '—'}) | "
                    f"{sign} {c['limit']:g} {c['unit']} | {'yes' if c['met'] else '**no**'} | "
                    f"{'yes' if c['gate'] else 'no (absolute)'} |")
    return "\n".join(rows)


def steps(r: dict[str, Any]) -> str:
    """The step by batch size."""
    rows = ["| Worlds | Median wall ms (IQR) | Median CPU ms | µs per world-month (lesser) |",
            "|---:|---|---:|---:|"]
    for row in r["step"]["rows"]:
        rows.append(f"| {row['worlds']:,} | {_ms(row)} ({_iqr(row)}) | "
                    f"{row['cpu_median']:.2f} | {row['cost_per_world_us']:.2f} |")
    fits = ["", "| Fit (lesser of wall and CPU) over | Fixed ms | µs per world | r² |",
            "|---|---:|---:|---:|"]
    for label, f in r["step"]["fit"].items():
        fits.append(f"| {label}: {', '.join(f'{n:,}' for n in f['sizes'])} | "
                    f"{f['fixed_ms']:.3f} | {f['per_world_us']:.2f} | {f['r2']:.3f} |")
    return "\n".join(rows + fits)


def ratio(r: dict[str, Any]) -> str:
    """The batch speed-up."""
    b = r["batch_ratio"]
    return (f"{b['worlds']:,} one-world steps: {_ms(b['singles'])} ms wall "
            f"({_iqr(b['singles'])}), {b['singles']['cpu_median']:.1f} ms CPU; one step of "
            f"{b['worlds']:,} worlds: {_ms(b['batch'])} ms wall ({_iqr(b['batch'])}), "
            f"{b['batch']['cpu_median']:.2f} ms CPU → **{b['ratio']:.0f}× wall, "
            f"{b['ratio_cpu']:.0f}× CPU**")


def growth(r: dict[str, Any]) -> str:
    """The step's operations by axis."""
    g = r["growth"]
    ops, model = g["operations"], g["model"]
    rows = ["| Axis | numpy calls | Elements per world | Share of per-world work |",
            "|---|---:|---:|---:|"]
    for label, row in ops["axes"].items():
        rows.append(f"| {label} | {row['calls']} | {row['elements_per_world']:.0f} | "
                    f"{100 * row['share']:.1f}% |")
    rows.append(f"| **total** | **{ops['calls']}** | **{ops['elements_per_world']:.0f}** | "
                f"100% |")
    rows.append("")
    rows.append(f"Fixed cost per numpy call ≈ {model['per_call_us']:.2f} µs; cost per "
                f"element-operation ≈ {model['per_element_ns']:.2f} ns; share of the per-world "
                f"work on origin-shaped arrays {100 * model['origin_share']:.0f}% → with twice "
                f"the origins ≈ {model['per_world_us_2x_origins']:.1f} µs per world-month.")
    return "\n".join(rows)


def turns(r: dict[str, Any]) -> str:
    """Ending a turn, per level, with its parts."""
    rows = ["| Level (months a turn) | End turn wall ms (IQR) | CPU ms | Explanation | "
            "Months (real + baseline) | AI leaders | Rest |", "|---|---|---:|---:|---:|---:|---:|"]
    for level_id, te in r["turn_end"].items():
        t, p = te["timing"], te["parts"]
        rows.append(f"| {level_id} ({te['months']}) | {_ms(t)} ({_iqr(t)}) | "
                    f"{t['cpu_median']:.2f} | {_ms(p['explanation'])} | {_ms(p['months'])} | "
                    f"{_ms(p['ai_leaders'])} | {_ms(p['rest'])} |")
    return "\n".join(rows)


def frames(r: dict[str, Any]) -> str:
    """Desk and map frame percentiles."""
    rows = ["| What | Size | p50 | p95 | p99 (wall ms) | CPU p50 | CPU p95 | CPU p99 | "
            "Particles | Frames |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key, f in r.get("desk_frames", {}).items():
        rows.append(f"| desk, map animating | {key} | {f['p50']:.2f} | {f['p95']:.2f} | "
                    f"{f['p99']:.2f} | {f['cpu_p50']:.2f} | {f['cpu_p95']:.2f} | "
                    f"{f['cpu_p99']:.2f} | {f['particles']} | {f['frames']} |")
    for key, f in r.get("map_frames", {}).items():
        rows.append(f"| map update+draw ×{f['stress']:g} flows | {key.rsplit('x', 1)[0]} | "
                    f"{f['p50']:.2f} | {f['p95']:.2f} | {f['p99']:.2f} | {f['cpu_p50']:.2f} | "
                    f"{f['cpu_p95']:.2f} | {f['cpu_p99']:.2f} | {f['particles']} | "
                    f"{f['frames']} |")
    shares = [f"{k}: " + ", ".join(f"{part} {100 * v:.0f}%" for part, v in f["share"].items())
              for k, f in r.get("desk_frames", {}).items()]
    return "\n".join(rows) + "\n\nShare of desk frame time: " + "; ".join(shares) + "."


def app(r: dict[str, Any]) -> str:
    """Start-up, idle and memory."""
    s = r["startup"]
    lines = [f"- Start-up to the first title frame: median {s['median']:.3f} s wall "
             f"(IQR {s['iqr'][0]:.3f}–{s['iqr'][1]:.3f}, n={s['n']}), "
             f"{s['cpu_median']:.3f} s CPU; RSS then {s['rss_mb']:.0f} MB."]
    fl = r["idle_floor"]
    lines.append(f"- Idle floor (the dummy driver's polling wait, no game): "
                 f"{100 * fl['cpu_share']:.2f}% of a core.")
    for scene, i in r["idle"].items():
        lines.append(f"- Idle on `{scene}`: {100 * i['cpu_share']:.2f}% of a core measured, "
                     f"{100 * i['own_share']:.2f}% above the floor, {i['fps']:.1f} frames/s, "
                     f"animating={i['animating']}.")
    m = r["memory"]
    lines.append(f"- Peak RSS, the app playing `{m['game']['level']}` through every screen: "
                 f"{m['game']['rss_mb']:.0f} MB.")
    for w in m.get("by_worlds", [m["worlds"]]):
        lines.append(f"- Peak RSS, one 3-month turn of {w['worlds']:,} worlds: "
                     f"{w['rss_mb']:.0f} MB (after imports {w['rss_after_imports_mb']:.0f} MB).")
    if "fit" in m:
        f = m["fit"]
        lines.append(f"- Fit: {f['fixed_mb']:.0f} MB + {f['per_world_kb']:.1f} KB × worlds "
                     f"(r² {f['r2']:.3f}).")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print every table the JSON has."""
    r = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print("Machine: " + machine(r) + "\n")
    for title, fn, key in (("Budget", budget, "checks"), ("Step", steps, "step"),
                           ("Batch ratio", ratio, "batch_ratio"), ("Growth", growth, "growth"),
                           ("Turn end", turns, "turn_end"), ("Frames", frames, "desk_frames"),
                           ("Program", app, "startup")):
        if key in r:
            print(f"### {title}\n\n{fn(r)}\n")
    if "forecast" in r:
        f = r["forecast"]["timing"]
        print(f"### Forecast\n\n{r['forecast']['worlds']} worlds × {r['forecast']['months']} "
              f"months: {_ms(f)} ms wall ({_iqr(f)}), {f['cpu_median']:.2f} ms CPU\n")
    if "allocator" in r:
        a = r["allocator"]
        print(f"### Allocator\n\n1,000 worlds: {a['default']['cpu_median']:.2f} ms CPU with "
              f"glibc's defaults, {a['tuned']['cpu_median']:.2f} ms with big blocks kept "
              f"({100 * a['page_fault_share']:.0f}% page faults)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
