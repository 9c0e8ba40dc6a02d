"""Markdown tables for docs/performance.md from a ``run.py --json`` file.

Usage: ``python benchmarks/report.py results.json`` prints every table;
``python benchmarks/report.py results.json --update docs/performance.md "2026-11-30 00:55 UTC"``
rewrites the doc's ``<!-- begin X -->…<!-- end X -->`` blocks with the run's figures, so the doc
shows the numbers the run printed, never retyped ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import fit_linear  # noqa: E402


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


def one_world(r: dict[str, Any]) -> str:
    """One world's step: numpy calls by kind, the interpreter, the floor."""
    o = r["one_world"]
    rows = ["| Kind of numpy call | Calls | µs per call (one world) | ms |",
            "|---|---:|---:|---:|"]
    for kind, calls in o["kinds"].items():
        cost = o["costs"][kind]
        rows.append(f"| {kind} | {calls} | {cost:.2f} | {calls * cost / 1e3:.3f} |")
    rows.append(f"| **numpy, all calls** | **{o['calls']}** | | **{o['numpy_ms']:.3f}** |")
    rows.append(f"| the interpreter and everything else (step {o['step_ms']:.3f} ms CPU "
                f"minus numpy) | | | {o['interpreter_ms']:.3f} |")
    rows.append("")
    rows.append(f"With every call as cheap as the cheapest kind and the interpreter's part "
                f"unchanged, the step would take **{o['floor_ms']:.2f} ms**.")
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
    points = [(te["months"], te["timing"]["cpu_median"]) for te in r["turn_end"].values()]
    if len({m for m, _ in points}) >= 2:
        a, b, r2 = fit_linear([m for m, _ in points], [c for _, c in points])
        rows.append("")
        rows.append(f"Fit over the levels (CPU): end turn ≈ {a:.1f} ms + {b:.2f} ms × months "
                    f"(r² {r2:.3f}).")
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
    for scene, i in r["idle"].items():
        lines.append(f"- Idle on `{scene}`: {100 * i['cpu_share']:.2f}% of a core, "
                     f"{i['fps']:.1f} frames/s, animating={i['animating']}.")
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


def budget7(r: dict[str, Any]) -> str:
    """The §7 table: target, measured median and spread, met, command."""
    rows = ["| §7 target | Measured (median, spread) | Met | Command |", "|---|---|---|---|"]
    step1 = next(row for row in r["step"]["rows"] if row["worlds"] == 1)
    cpu1 = step1["cpu_median"]
    met1 = "yes" if cpu1 < 0.5 else "**no** (under 1 ms, not well under)" if cpu1 < 1 else "**no**"
    rows.append(f"| One month, one world: well under 1 ms | {cpu1:.2f} ms CPU, "
                f"{_ms(step1)} ms wall (IQR {_iqr(step1)}) | {met1} | "
                f"`python benchmarks/run.py --only sim` |")
    b = r["batch_ratio"]
    rows.append(f"| A batch of 1,000 at least 20× cheaper per world than 1,000 single runs | "
                f"{b['ratio_cpu']:.0f}× CPU, {b['ratio']:.0f}× wall (batch {_ms(b['batch'])} ms, "
                f"IQR {_iqr(b['batch'])}; singles {_ms(b['singles'])} ms, IQR "
                f"{_iqr(b['singles'])}) | {'yes' if b['ratio_cpu'] >= 20 else '**no**'} | "
                f"`python benchmarks/run.py --only sim` |")
    te = r["turn_end"]["tutorial"]["timing"]
    rows.append(f"| Ending a turn (3 months, explanation and AI) under 100 ms | {_ms(te)} ms "
                f"wall (IQR {_iqr(te)}), {te['cpu_median']:.2f} ms CPU | "
                f"{'yes' if te['median'] < 100 else '**no**'} | "
                f"`python benchmarks/run.py --only turn` |")
    fc = r["forecast"]["timing"]
    rows.append(f"| A 200-world forecast of one turn within a frame (≤ 16 ms) | {_ms(fc)} ms wall "
                f"(IQR {_iqr(fc)}), {fc['cpu_median']:.2f} ms CPU | "
                f"{'yes' if fc['cpu_median'] <= 16 else '**no**'} | "
                f"`python benchmarks/run.py --only sim` |")
    for key, f in r["desk_frames"].items():
        rows.append(f"| 60 fps with the map animating, {key} (p99 ≤ 16.7 ms) | p50 {f['p50']:.2f}, "
                    f"p95 {f['p95']:.2f}, p99 {f['p99']:.2f} ms wall; CPU p99 "
                    f"{f['cpu_p99']:.2f} ms | {'yes' if f['cpu_p99'] <= 16.7 else '**no**'}"
                    f"{'' if f['p99'] <= 16.7 else ' (CPU; wall p99 is the shared machine)'} | "
                    f"`python benchmarks/run.py --only frames` |")
    idle = r["idle"]
    parts = [f"{scene} {100 * i['cpu_share']:.2f}% of a core" for scene, i in idle.items()
             if not i["animating"]]
    ok = all(i["cpu_share"] <= 0.02 for i in idle.values() if not i["animating"])
    rows.append(f"| An idle screen costs almost nothing | {'; '.join(parts)} | "
                f"{'yes' if ok else '**no**'} | "
                f"`python benchmarks/run.py --only app` |")
    s0 = r["startup"]
    rows.append(f"| Title screen in under 1.5 s | {s0['median']:.2f} s wall (IQR "
                f"{s0['iqr'][0]:.2f}–{s0['iqr'][1]:.2f}), {s0['cpu_median']:.2f} s CPU | "
                f"{'yes' if s0['median'] < 1.5 else '**no**'} | "
                f"`python benchmarks/run.py --only app` |")
    m = r["memory"]
    worst = max(m["game"]["rss_mb"], m["worlds"]["rss_mb"])
    rows.append(f"| Under 300 MB of memory | app playing `{m['game']['level']}`: "
                f"{m['game']['rss_mb']:.0f} MB peak; {m['worlds']['worlds']:,} worlds × 3 months: "
                f"{m['worlds']['rss_mb']:.0f} MB peak | {'yes' if worst < 300 else '**no**'} | "
                f"`python benchmarks/run.py --only app` |")
    return "\n".join(rows)


def growth_worlds(r: dict[str, Any]) -> str:
    """The fits in words."""
    f = r["step"]["fit"]
    out = []
    if "small" in f:
        out.append(f"- up to 100 worlds: **{f['small']['fixed_ms']:.2f} ms fixed + "
                   f"{f['small']['per_world_us']:.1f} µs per world** (r² {f['small']['r2']:.2f});")
    if "large" in f:
        out.append(f"- 1,000 worlds and more: **{f['large']['per_world_us']:.1f} µs per world** "
                   f"(the slope between {len(f['large']['sizes'])} sizes; the fixed part is "
                   f"lost in the noise there);")
    out.append(f"- over all sizes: {f['all']['fixed_ms']:.2f} ms + "
               f"{f['all']['per_world_us']:.1f} µs × worlds (r² {f['all']['r2']:.3f}).")
    return "\n".join(out)


def allocator(r: dict[str, Any]) -> str:
    """The allocator experiment in one line."""
    a = r["allocator"]
    share = a["page_fault_share"]
    verdict = (f"{100 * share:.0f}% of the step is page faults on fresh temporaries"
               if share > 0.02 else
               "glibc's defaults cost nothing: the step no longer page-faults its temporaries in "
               f"(keeping big blocks is {100 * -share:.0f}% slower)" if share < -0.02 else
               "the allocator makes no difference")
    return (f"1,000 worlds: **{a['default']['cpu_median']:.2f} ms CPU with glibc's defaults, "
            f"{a['tuned']['cpu_median']:.2f} ms with big blocks kept** — {verdict}.")


def forecast_line(r: dict[str, Any]) -> str:
    """The forecast in one line."""
    f = r["forecast"]["timing"]
    return (f"{r['forecast']['worlds']} worlds × {r['forecast']['months']} months: "
            f"**{_ms(f)} ms wall** (IQR {_iqr(f)}, n={f['n']}), {f['cpu_median']:.2f} ms CPU — "
            f"{f['cpu_median'] / (1e3 / 60):.2f} of a 60 fps frame.")


def checks_block(r: dict[str, Any]) -> str:
    """The check lines as run.py prints them."""
    lines = []
    for c in r["checks"]:
        sign = "≤" if c["kind"] == "max" else "≥"
        status = "met" if c["met"] else ("BROKEN" if c["gate"] else "not met")
        lines.append(f"{'✓' if c['met'] else '✗'} {c['name']}: {c['value']:.3f} {c['unit']} "
                     f"{sign} {c['limit']:g} — {status}{'' if c['gate'] else ' (not gated)'}"
                     f"{'; ' + c['note'] if c['note'] else ''}")
    return "```\n" + "\n".join(lines) + "\n```"


SECTIONS: dict[str, Any] = {
    "MACHINE": machine, "BUDGET": budget7, "CHECKS": checks_block, "STEP": steps,
    "RATIO": ratio, "GROWTH-WORLDS": growth_worlds, "ALLOCATOR": allocator,
    "GROWTH-AXES": growth, "ONE-WORLD": one_world, "FORECAST": forecast_line, "TURN": turns,
    "FRAMES": frames, "APP": app,
}


def _constant(text: str) -> Any:
    def replace(_match: Any) -> str:
        return text
    return replace


def update(doc: Path, r: dict[str, Any], measured: str) -> None:
    """Replace each ``<!-- begin X -->…<!-- end X -->`` block of ``doc`` with fresh figures."""
    import re

    text = doc.read_text(encoding="utf-8")
    values = {"MEASURED": measured, **{k: fn(r) for k, fn in SECTIONS.items()}}
    for key, value in values.items():
        pattern = re.compile(rf"<!-- begin {key} -->.*?<!-- end {key} -->", re.S)
        # Tables and lists go on lines of their own, sentences stay inside their paragraph.
        sep = "\n\n" if "\n" in value else ""
        block = f"<!-- begin {key} -->{sep}{value}{sep}<!-- end {key} -->"
        # A function replacement: the figures' text is inserted as it is, never as a pattern.
        text = pattern.sub(_constant(block), text)
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    """Print every table the JSON has (or, with ``--update DOC DATE``, refresh the doc)."""
    if len(argv) >= 4 and argv[1] == "--update":
        update(Path(argv[2]), json.loads(Path(argv[0]).read_text(encoding="utf-8")), argv[3])
        return 0
    r = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print("Machine: " + machine(r) + "\n")
    for title, fn, key in (("Budget", budget, "checks"), ("Step", steps, "step"),
                           ("Batch ratio", ratio, "batch_ratio"), ("Growth", growth, "growth"),
                           ("One world", one_world, "one_world"), ("Turn end", turns, "turn_end"),
                           ("Frames", frames, "desk_frames"),
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
