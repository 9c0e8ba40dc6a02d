"""``borderlines check PATH...``: check level, campaign and strategy files (exit 0 / 1)."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

HELP = "check level, campaign and strategy files and list every problem"


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


def run(args: argparse.Namespace) -> int:
    """Check every path; print every problem and a summary; 0 when there is no error."""
    from game.content import check_paths, format_problem, summary
    from game.content.check import content_files

    files = content_files(args.paths)
    problems = check_paths(files)
    if args.upgrade:
        for path in sorted({p.file for p in problems if p.code == "format-migrated"}):
            print(_upgrade(Path(path)))
        problems = check_paths(files)
    shown = [p for p in problems if p.is_error or not args.errors_only]
    if args.json:
        print(json.dumps([p.__dict__ for p in shown], indent=2, ensure_ascii=False))
    else:
        for problem in shown:
            print(format_problem(problem))
        print(summary(problems, len(files)))
    return 1 if any(p.is_error for p in problems) else 0


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
