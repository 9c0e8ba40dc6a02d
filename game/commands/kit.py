"""``borderlines kit LEVEL [--out DIR]``: print the lesson kit of a level as HTML and PDF.

The kit (issue 18) is what a teacher hands out for one level: a lesson plan with 45- and
90-minute timings, one role card per team with its secret objective, levers and a planning
grid, the glossary, discussion questions and an exit ticket. The same kit is written by the
"Print the lesson kit" buttons of the debrief and the classroom set-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.i18n import LANGUAGE_ENV, LANGUAGES

HELP = "write a level's lesson kit (plan, role cards, glossary, exit ticket) as HTML and PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``kit``."""
    parser.add_argument("level", metavar="LEVEL",
                        help="a level file, or the id of a shipped level (e.g. "
                        "june-2019-crisis)")
    parser.add_argument("--out", metavar="DIR", default=".",
                        help="the folder to write <level-id>-kit.html and .pdf into (created "
                        "if missing; default: the current folder)")
    parser.add_argument("--language", choices=sorted(LANGUAGES), metavar="CODE",
                        help="the kit's language: en, es or fr (default: the one chosen in "
                        f"Settings, or ${LANGUAGE_ENV})")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter",
                        help="the PDF's paper size (default: letter, as in the US, Mexico and "
                        "Canada)")
    parser.add_argument("--teams", type=int, metavar="N",
                        help="plan the lesson for N teams (default: one per playable country)")


def _fail(message: str, code: int = 1) -> int:
    from game.content.problems import terminal_safe  # messages quote the user's input

    print(terminal_safe(f"borderlines kit: {message}"), file=sys.stderr)
    return code


def _language(asked: str | None) -> str:
    """The language asked for, else the environment's, else the one chosen in Settings."""
    from game.i18n import language_from_environment
    from game.play.settings import load_settings

    if asked:
        return asked
    code = language_from_environment() or load_settings().settings.language
    return code if code in LANGUAGES else "en"


def run(args: argparse.Namespace) -> int:
    """Write the kit; exit 0, 1 for a level that does not load or a folder not writable."""
    from game.commands.simulate import find_level
    from game.content.catalog import level_entry
    from game.content.problems import format_problem
    from game.i18n import set_language

    if args.teams is not None and not 1 <= args.teams <= 6:
        return _fail("--teams must be between 1 and 6", 2)
    path = find_level(args.level)
    if path is None:
        return _fail(f"no level file or shipped level called {args.level!r} "
                     "(try a path such as levels/classroom/june-2019-crisis.yaml)")
    entry = level_entry(path)
    if not entry.ok or entry.level is None:
        print("\n".join(format_problem(p) for p in entry.problems if p.is_error),
              file=sys.stderr)
        return _fail(f"{path} cannot be made into a kit: fix the errors above first")
    if not entry.level.playable_countries():
        return _fail(f"{path}: the level has no playable country, so no role cards")
    set_language(_language(args.language))
    from game.play.lessonkit import write_kit

    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        return _fail(f"{out} is a file, not a folder: give --out a folder")
    try:
        written = write_kit(entry.level, out, args.paper, args.teams)
    except OSError as error:
        return _fail(f"cannot write into {out}: {error.strerror or error}")
    for written_path in written:
        print(written_path)
    return 0
