"""``borderlines play``: open the game window."""

from __future__ import annotations

import argparse

HELP = "open the game"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``play``."""


def run(args: argparse.Namespace) -> int:
    """Open the window and run until the player quits."""
    from game.ui.app import run_app

    return run_app()
