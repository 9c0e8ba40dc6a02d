"""``borderlines check PATH...``: check level, campaign and strategy files (exit 0 / 1).

Besides the content checker's problems, each level without errors is played as
``simulate --sweep`` plays it (:mod:`game.play.sweep`: the status quo, the AI personalities of
its playable countries, its strategies) and each objective no run meets gets a warning;
``--quick`` skips this (it takes about a second a level).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.content.problems import Problem
    from game.play.sweep import ObjectiveSweep, Sweep

HELP = "check level, campaign and strategy files and list every problem"
#: Months of simulation one level's sweep may take in ``check`` before it tries fewer AI
#: leaderships (about 1 ms a month: a few seconds; the shipped levels need at most 1,100).
CHECK_MONTHS = 4_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (folders are searched for .yaml and .yml files)")
    parser.add_argument("--upgrade", action="store_true",
                        help="rewrite files in an older format in the current one (the "
                        "original is kept as FILE.bak)")
    parser.add_argument("--errors-only", action="store_true", help="do not print warnings")
    parser.add_argument("--json", action="store_true",
                        help="print the problems as a JSON list instead of text")
    parser.add_argument("--quick", action="store_true",
                        help="do not play the levels: skip the warning about objectives that "
                        "neither the AI leaders, the status quo nor the level's strategies meet")


def run(args: argparse.Namespace) -> int:
    """Check every path; print every problem and a summary; 0 when there is no error."""
    from game.content import check_paths, format_problem, summary
    from game.content.check import content_files
    from game.content.problems import sort_problems

    files = content_files(args.paths)
    problems = check_paths(files)
    if args.upgrade:
        for path in sorted({p.file for p in problems if p.code == "format-migrated"}):
            print(_upgrade(Path(path)))
        problems = check_paths(files)
    if not args.quick and not args.errors_only:
        problems = sort_problems([*problems, *never_met_warnings(files, problems)])
    shown = [p for p in problems if p.is_error or not args.errors_only]
    if args.json:
        print(json.dumps([p.__dict__ for p in shown], indent=2, ensure_ascii=False))
    else:
        for problem in shown:
            print(format_problem(problem))
        print(summary(problems, len(files)))
    return 1 if any(p.is_error for p in problems) else 0


def never_met_warnings(files: list[Path], problems: list[Problem]) -> list[Problem]:
    """A warning on each objective of a valid level that no run of its sweep meets.

    The sweep plays the level (``game.play.sweep``), which the content checker may not import:
    that is why this check is wired here. Levels with errors are not played.
    """
    from game.content.check import check_file
    from game.content.models.level import Level
    from game.content.models.strategy import Strategy
    from game.content.problems import Problem
    from game.play.sweep import level_strategies, sweep

    broken = {p.file for p in problems if p.is_error}
    levels: list[tuple[Path, Level, Any]] = []
    strategies: list[tuple[str, Strategy]] = []
    for path in files:
        obj, found = check_file(path)
        if obj is None or any(p.is_error for p in found) or (found and found[0].file in broken):
            continue
        if isinstance(obj, Level):
            levels.append((path, obj, found))
        elif isinstance(obj, Strategy):
            strategies.append((str(path), obj))
    out: list[Problem] = []
    for path, level, found in levels:
        try:
            result = sweep(level, level_strategies(level, path, strategies),
                           max_months=CHECK_MONTHS)
        except Exception as error:  # noqa: BLE001 - a bug in the model is reported, not raised
            where = found[0].file if found else str(path)
            out.append(Problem(where, 0, 0, "", "warning", "the level could not be played to "
                               f"judge its objectives ({type(error).__name__}: {error})",
                               "please report this bug with the level file", "internal-error"))
            continue
        for objective in result.never_met():
            out.append(_never_met(path, result, objective))
    return out


def _never_met(path: Path, result: Sweep, objective: ObjectiveSweep) -> Problem:
    """The warning for one objective no run met, at its threshold's line."""
    from game.content.problems import Problem
    from game.content.yamlsrc import read_document

    doc, _ = read_document(path)
    runs = len(objective.outcomes)
    message = (f"objective `{objective.id}` is met by none of the {runs} runs tried "
               f"(target {objective.target_text()}; {objective.best_text()})")
    hint = ("students may still find a way, but no AI leader did; lower the target or judge "
            "it later, or prove it can be met with a strategy (`level: "
            f"{result.level}`) in a `strategies` folder beside the level; "
            f"`borderlines simulate {path} --sweep` shows every run")
    if doc is None:
        return Problem(str(path), 0, 0, "", "warning", message, hint, "objective-never-met")
    where: tuple[str | int, ...] = ("objectives",)
    if objective.owner is not None:
        where = ("hidden_objectives", objective.owner)
    items = doc.get(where, [])
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and item.get("id") == objective.id:
            where = (*where, i, objective.side)
            break
    return doc.problem(where, message, hint, "objective-never-met", severity="warning")


def _upgrade(path: Path) -> str:
    """Rewrite one migrated file in the current format, keeping the original as .bak."""
    import yaml

    from game.content.check import detect
    from game.content.schema import write_atomic
    from game.content.yamlsrc import read_document

    doc, _ = read_document(path)
    if doc is None:
        return f"{path}: not upgraded (it cannot be read)"
    kind, problems = detect(doc)
    if kind is None or any(p.is_error for p in problems):
        return f"{path}: not upgraded (fix its errors first)"
    data = {"format": doc.data.pop("format"), **doc.data}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    shutil.copy2(path, path.with_name(path.name + ".bak"))
    write_atomic(path, text)
    return (f"{path}: upgraded to {data['format']} (the original is kept as {path.name}.bak; "
            "comments were not carried over)")
