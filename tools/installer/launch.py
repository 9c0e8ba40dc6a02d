"""The installer's entry point: the ``borderlines`` command, opening the game with no arguments."""

from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
