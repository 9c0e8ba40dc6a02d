"""``borderlines play``: open the game window (DESIGN.md §6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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


def run(args: argparse.Namespace) -> int:
    """Open the window and run until the player quits (or autoplay reaches the end)."""
    if args.level and args.resume:
        print("borderlines play: give a LEVEL or --continue, not both", file=sys.stderr)
        return 2
    from game.ui.app import run_app

    code = run_app(level=args.level, autoplay=args.autoplay, screenshots=args.screenshots,
                   resume=args.resume)
    if args.screenshots is not None:
        print(f"screenshots written to {args.screenshots}")
    return code
