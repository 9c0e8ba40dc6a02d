"""``borderlines play``: open the game window (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.i18n import LANGUAGE_ENV, LANGUAGES

HELP = "open the game"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``play``."""
    parser.add_argument("level", nargs="?", metavar="LEVEL",
                        help="a level file, or the id of a shipped level, to open straight away")
    parser.add_argument("--autoplay", action="store_true",
                        help="AI leaders decide for every country and each turn ends by itself, "
                        "through every screen to the debrief; then the game exits")
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="write a PNG of every screen shown into DIR (01_title.png, ...)")
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="resume the latest autosaved game")
    parser.add_argument("--language", choices=sorted(LANGUAGES), metavar="CODE",
                        help="play in this language for this run: en, es or fr (default: the "
                        f"one chosen in Settings, or ${LANGUAGE_ENV})")


def level_refusal(spec: str) -> str | None:
    """Why ``play LEVEL`` cannot open ``spec`` (the checker's messages), or None when it can."""
    from game.content.catalog import level_entry, shipped_levels
    from game.content.problems import format_problem

    path = Path(spec).expanduser()
    if path.exists() or path.suffix in {".yaml", ".yml"}:
        entry = level_entry(path)
    else:
        entries = [e for e in shipped_levels() if spec in (e.id, e.path.stem)]
        if not entries:
            return f"no level file or shipped level called \"{spec}\""
        entry = entries[0]
    if entry.ok:
        return None
    return "\n".join(format_problem(p) for p in entry.problems if p.is_error)


def run(args: argparse.Namespace) -> int:
    """Open the window and run until the player quits (or autoplay reaches the end)."""
    if args.level and args.resume:
        print("borderlines play: give a LEVEL or --continue, not both", file=sys.stderr)
        return 2
    if args.level:
        # A level that does not load stops here, with the checker's every message, instead of
        # opening a window that shows one line of it.
        refusal = level_refusal(args.level)
        if refusal is not None:
            from game.content.problems import terminal_safe

            print(terminal_safe(f"borderlines play: {args.level} cannot be played:") + "\n"
                  + refusal, file=sys.stderr)
            return 1
    from game.ui.app import run_app

    code = run_app(level=args.level, autoplay=args.autoplay, screenshots=args.screenshots,
                   resume=args.resume, language=args.language)
    if args.screenshots is not None:
        print(f"screenshots written to {args.screenshots}")
    return code
