"""``borderlines simulate``: run a level headless and print per-turn metrics (DESIGN.md §6).

Can my students win this? By default every country is led by its AI leader, the playable
ones too, as ``play --autoplay`` does; a strategy (``--strategy``) speaks for the countries
it scripts instead. ``--status-quo`` leaves the playable countries nobody scripts where the
level sets them (the AI still leads the others, as in the game), and ``--no-ai`` leaves every
country's levers alone. The table shows the headlines of one country (``--country``, or the
level's only playable one), every objective with hidden ones marked and judged, and the
events that fired each turn. With ``--worlds K`` the level runs as a batch of K worlds with
independent random draws and every value becomes a list of K; the AI leaders and conditional
events follow world 0, so every world sees the same decisions.

``--sweep`` plays the level under every AI personality of its playable countries, the status
quo and its own strategies (:mod:`game.play.sweep`), and says of each objective whether it is
always met, reachable (and by what) or never met, with the best margin seen.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.content import Level
    from game.play.session import Session
    from game.play.sweep import Leadership, Sweep

HELP = ("run a level headless, led by AI leaders, and print per-turn metrics; --sweep: "
        "can each objective be met?")
MAX_WORLDS = 100_000
#: Memory one world takes while a level runs and its results are kept, in bytes: measured peak
#: resident memory over 2,000 → 8,000 worlds was about 50 KB a world on a 4-turn level and
#: 98 KB on a 12-turn level (Linux, numpy 2); rounded up, so the estimate errs on the
#: safe side.
WORLD_BYTES = 32 * 1024
WORLD_BYTES_PER_TURN = 8 * 1024
#: Memory the program needs before any world (Python, numpy, the level), in bytes.
BASE_BYTES = 150 * 1024 * 1024
#: Share of the available memory a run may plan to use (the rest is the system's and the
#: other programs').
MEMORY_SHARE = 0.8


def memory_needed(worlds: int, turns: int) -> int:
    """About how many bytes a run of ``worlds`` worlds over ``turns`` turns needs at its peak."""
    return BASE_BYTES + worlds * (WORLD_BYTES + WORLD_BYTES_PER_TURN * max(1, turns))


def available_memory() -> int | None:
    """Bytes of memory free for a new run (Linux MemAvailable, else free pages), or None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        return None  # not knowable here (Windows): the fixed MAX_WORLDS still bounds the run


def worlds_refusal(worlds: int, turns: int, available: int | None) -> str | None:
    """Why ``--worlds`` cannot run in ``available`` bytes (a sentence), or None when it fits."""
    if available is None:
        return None
    needed = memory_needed(worlds, turns)
    if needed <= available * MEMORY_SHARE:
        return None
    per_world = memory_needed(2, turns) - memory_needed(1, turns)
    fits = max(0, int((available * MEMORY_SHARE - BASE_BYTES) // per_world))
    return (f"--worlds {worlds:,} needs about {needed / 1e9:.1f} GB of memory for this level's "
            f"{turns} turns, and this computer has {available / 1e9:.1f} GB free; "
            f"use --worlds {fits:,} or fewer" if fits >= 1 else
            f"this level needs about {needed / 1e9:.1f} GB of memory and this computer has "
            f"{available / 1e9:.1f} GB free")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``simulate``."""
    parser.add_argument("level", metavar="LEVEL",
                        help="a level file, or the id of a shipped level (e.g. tutorial)")
    parser.add_argument("--strategy", metavar="FILE", help="a borderlines-strategy/1 file")
    parser.add_argument("--seed", type=int, metavar="N", help="replace the level's seed")
    parser.add_argument("--worlds", type=int, default=1, metavar="K",
                        help="run K worlds with independent random draws (values become lists)")
    ai = parser.add_mutually_exclusive_group()
    ai.add_argument("--status-quo", action="store_true",
                    help="the playable countries the strategy does not script keep the "
                    "level's levers (AI leaders still lead the others)")
    ai.add_argument("--no-ai", action="store_true",
                    help="no AI leaders: every country's levers stay as the level and strategy "
                    "set them")
    # The default since AI leaders lead every country; kept so that old scripts still run.
    ai.add_argument("--ai-all", action="store_true", help=argparse.SUPPRESS)
    ai.add_argument("--sweep", action="store_true",
                    help="try the status quo, the AI personalities of the playable countries "
                    "and the level's strategies; say of each objective whether it is always "
                    "met, reachable or never met")
    parser.add_argument("--country", metavar="CODE",
                        help="the country whose headlines the table shows (default: the "
                        "level's only playable country, else the shared headlines)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--csv", action="store_true", help="print CSV, one row per turn and world")


def _fail(message: str, code: int = 1) -> int:
    from game.content.problems import terminal_safe  # messages quote the user's input

    print(terminal_safe(f"borderlines simulate: {message}"), file=sys.stderr)
    return code


def _warn(message: str) -> None:
    from game.content.problems import terminal_safe

    print(terminal_safe(f"borderlines simulate: warning: {message}"), file=sys.stderr)


def find_level(name: str) -> Path | None:
    """A level file: ``name`` as a path, or a shipped level whose id or file stem is ``name``."""
    path = Path(name)
    if path.is_file():
        return path
    from game.paths import LEVELS

    for candidate in sorted(LEVELS.rglob("*.yaml")):
        if "strategies" in candidate.parts:
            continue
        if candidate.stem == name:
            return candidate
    for candidate in sorted(LEVELS.rglob("*.yaml")):
        try:
            head = candidate.read_text(encoding="utf-8")[:4000]
        except OSError:
            continue
        for line in head.splitlines():
            if line.strip() in (f"id: {name}", f'id: "{name}"', f"id: '{name}'"):
                return candidate
    return None


def run(args: argparse.Namespace) -> int:
    """Run the level and print its metrics; exit 0, 1 for bad input, 2 for bad usage."""
    if args.worlds < 1 or args.worlds > MAX_WORLDS:
        return _fail(f"--worlds must be between 1 and {MAX_WORLDS:,}", 2)
    if args.seed is not None and not 0 <= args.seed < 2**31:
        return _fail("--seed must be a whole number between 0 and 2147483647", 2)
    from game.content.loader import load_level, load_strategy
    from game.content.problems import ContentError

    path = find_level(args.level)
    if path is None:
        return _fail(f"no level file or shipped level called {args.level!r} "
                     "(try a path such as levels/campaign/tutorial.yaml)")
    try:
        level = load_level(path)
        strategy = load_strategy(Path(args.strategy)) if args.strategy else None
    except ContentError as error:
        from game.content.problems import format_problem

        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        return 1
    except OSError as error:
        return _fail(f"cannot read {error.filename}: {error.strerror}")
    refusal = worlds_refusal(args.worlds, level.turns, available_memory())
    if refusal is not None:
        # Refused before the first world is built, not after minutes ending in MemoryError.
        return _fail(refusal, 2)
    if strategy is not None and strategy.level and strategy.level != level.id:
        print(f"borderlines simulate: warning: strategy {strategy.name!r} was written for "
              f"level {strategy.level!r}, not {level.id!r}", file=sys.stderr)
    if args.sweep:
        return _run_sweep(args, level, path, strategy)
    from game.play.decisions import DecisionRejected

    lead: Leadership = "none" if args.no_ai else "status-quo" if args.status_quo else "ai"
    try:
        result = simulate(level, strategy, seed=args.seed, worlds=args.worlds, lead=lead,
                          source=path.read_text(encoding="utf-8"), warn=_warn)
    except DecisionRejected as error:
        return _fail(f"the strategy makes an illegal decision: {error}")
    try:
        if args.csv:
            write_csv(result, sys.stdout)
        elif args.json:
            json.dump(result, sys.stdout, indent=1, allow_nan=False)
            sys.stdout.write("\n")
        else:
            country = (args.country or "").upper() or None
            playable = level.playable_countries()
            if country is None and len(playable) == 1:
                country = playable[0]
            if country is not None and country not in level.country_setups():
                return _fail(f"--country {args.country}: the level's countries are "
                             + ", ".join(level.country_setups()), 2)
            write_table(result, sys.stdout, country)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) stopped early: not an error of ours.
        sys.stderr.close()
    return 0


def simulate(level: Level, strategy: Any = None, *, seed: int | None = None, worlds: int = 1,
             lead: Leadership = "ai", source: str | None = None,
             warn: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Play ``level`` to its end and return the ``simulate --json`` object.

    ``lead`` says who leads the countries the strategy does not script (``ai``, as ``play
    --autoplay``; ``status-quo``; ``none``: see :mod:`game.play.sweep`). Strategy decisions
    may go over a country's budget (research runs need to); ``warn`` is told each time one does.
    """
    from game.play.sweep import new_session, play_turns
    from game.sim.registry import METRICS

    session = new_session(level, strategy, lead=lead, seed=seed, worlds=worlds, source=source)
    turns = []
    for report in play_turns(session, strategy, warn):
        values = report.worlds if worlds > 1 else report.metrics
        turns.append({
            "turn": report.turn, "start": report.start,
            "metrics": {name: _value(values.get(name), worlds) for name in METRICS},
            "events": [_event_text(e) for e in report.events],
        })
    return {
        "level": level.id, "seed": session.seed, "worlds": worlds,
        "months_per_turn": level.months_per_turn, "turns": turns,
        "final": {"scores": _scores(turns), "objectives": _objectives(session, worlds)},
    }


def _event_text(event: dict[str, Any]) -> str:
    """An event that fired, as the news told it (the level's own headline when it has one)."""
    from game.play.news import event_news

    return event_news(event).text


def _value(value: Any, worlds: int) -> Any:
    if value is None:
        return [None] * worlds if worlds > 1 else None
    if isinstance(value, list):
        return [round(float(v), 6) for v in value]
    return round(float(value), 6)


def _scores(turns: list[dict[str, Any]]) -> dict[str, Any]:
    from game.sim.registry import METRICS

    last = turns[-1]["metrics"] if turns else {}
    return {name: last.get(name) for name, spec in METRICS.items() if spec.kind == "score"}


def _objectives(session: Session, worlds: int) -> dict[str, Any]:
    """Each objective: met, value, target, stars — per world when there are several."""
    out: dict[str, Any] = {}
    reports = session.reports
    states = {(o.team, o.id): o for o in session.objectives()}
    for owner, objective in session.view.all_objectives:
        # A hidden objective is keyed "id (hidden, MX)": ids need only be unique per team.
        key = objective.id if owner is None else f"{objective.id} (hidden, {owner})"
        if worlds == 1:
            state = states[(owner, objective.id)]
            out[key] = {"met": state.met, "value": state.value, "target": state.target,
                        "stars": objective.stars, "for": owner or "all"}
            continue
        met, value = [], []
        for w in range(worlds):
            if objective.metric is None:  # an agreement: the same in every world
                state = states[(owner, objective.id)]
                met.append(state.met)
                value.append(float(state.value or 0.0))
                continue
            series = [r.worlds[objective.metric][w] for r in reports]
            base = [r.baseline_worlds[objective.metric][w] for r in reports] \
                if reports and objective.metric in reports[0].baseline_worlds else None
            whole = [sum(r.worlds[m][w] for m in objective.whole()) for r in reports]
            base_whole = [sum(r.baseline_worlds.get(m, [0.0] * worlds)[w]
                              for m in objective.whole()) for r in reports]
            result = objective.evaluate(series, base, of=whole if objective.whole() else None,
                                        baseline_of=base_whole if objective.whole() else None)
            met.append(bool(result.met))
            value.append(round(float(result.value), 6))
        out[key] = {"met": met, "value": value, "target": objective.threshold,
                    "stars": objective.stars, "for": owner or "all"}
    return out


def write_csv(result: dict[str, Any], stream: Any) -> None:
    """One row per turn (and per world), one column per metric."""
    names = list(result["turns"][0]["metrics"]) if result["turns"] else []
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["turn", "start", "world", *names])
    for turn in result["turns"]:
        for w in range(result["worlds"]):
            row = [turn["turn"], turn["start"], w]
            for name in names:
                value = turn["metrics"][name]
                row.append(value[w] if isinstance(value, list) else value)
            writer.writerow(row)


def write_table(result: dict[str, Any], stream: Any, country: str | None = None) -> None:
    """A readable summary: one country's headlines per turn, events, every objective.

    Values are world 0's, or the median over worlds; hidden objectives are marked.
    """
    from game.play.report import headline_metrics

    names = headline_metrics(country)
    stream.write(f"{result['level']} — seed {result['seed']}, {result['worlds']} world(s), "
                 f"{result['months_per_turn']} month(s) per turn"
                 + (f"; headlines of {country}" if country else "") + "\n")
    header = ["turn", "start", *names]
    stream.write("  ".join(header) + "\n")
    for turn in result["turns"]:
        cells = [str(turn["turn"]), turn["start"]]
        for name in names:
            value = turn["metrics"].get(name)
            if isinstance(value, list):
                value = sorted(value)[len(value) // 2]
            cells.append("-" if value is None else f"{value:,.1f}")
        stream.write("  ".join(cells) + "\n")
        for text in turn.get("events", []):
            stream.write(f"    event: {text}\n")
    objectives = result["final"]["objectives"]
    for name, state in objectives.items():
        met = state["met"]
        shown = "met" if met is True else "not met" if met is False else \
            f"met in {sum(met)}/{len(met)} worlds"
        stream.write(f"objective {name}: {shown}\n")


# --- simulate --sweep --------------------------------------------------------------------------

def _run_sweep(args: argparse.Namespace, level: Level, path: Path, strategy: Any) -> int:
    """Sweep the level (with ``--strategy`` as one more strategy tried) and print the verdicts."""
    for given, option in ((args.worlds != 1, "--worlds"), (args.csv, "--csv"),
                          (args.country, "--country")):
        if given:
            return _fail(f"--sweep plays one world per run and prints objectives, not turns: "
                         f"leave out {option}", 2)
    from game.play.sweep import level_strategies, sweep

    extra = []
    if strategy is not None:
        # The strategy given is tried whatever level it names (the warning above said so).
        extra.append((args.strategy, strategy.model_copy(update={"level": level.id})))
    result = sweep(level, level_strategies(level, path, extra), seed=args.seed)
    try:
        if args.json:
            json.dump(result.to_json(), sys.stdout, indent=1, allow_nan=False)
            sys.stdout.write("\n")
        else:
            write_sweep(result, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0


_VERDICT = {"always": "always met", "reachable": "reachable", "never": "NEVER MET"}


def write_sweep(result: Sweep, stream: Any) -> None:
    """Each objective's verdict, who met it and the best margin, for a teacher to read."""
    stream.write(f"{result.level}: {len(result.tried)} runs, seed {result.seed}, "
                 f"{result.turns} turns ({result.seconds:.1f} s)\n")
    strategies = [t.strategy.name for t in result.tried if t.strategy is not None]
    stream.write(f"Tried: the status quo; {result.how}; "
                 + (f"strategies: {', '.join(strategies)}" if strategies
                    else "no strategy names this level") + ".\n")
    for name, reason in result.refused:
        stream.write(f"Not run: {name} makes an illegal decision: {reason}\n")
    for o in result.objectives:
        owner = f", hidden objective of {o.owner}" if o.owner else ""
        stars = f"{o.stars} star{'s' if o.stars != 1 else ''}"
        stream.write(f"\n{o.key} — {o.text} ({stars}{owner})\n")
        met = o.met_by
        verdict = _VERDICT[o.verdict]
        if o.verdict == "reachable":
            names = "; ".join(met[:3]) + (f"; and {len(met) - 3} more" if len(met) > 3 else "")
            verdict += f": met by {len(met)} of {len(o.outcomes)} runs ({names})"
        elif o.verdict == "always":
            verdict += (f": met by all {len(o.outcomes)} runs; the status quo meets it too, so "
                        "doing nothing earns it")
        else:
            verdict += f": met by none of the {len(o.outcomes)} runs"
        stream.write(f"  {verdict}\n")
        stream.write(f"  target: {o.target_text()}"
                     + (f"; {o.best_text()}" if o.best is not None else "") + "\n")
