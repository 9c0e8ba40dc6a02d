"""Run the command line: ``python -m game`` is the same as ``borderlines``."""

from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
