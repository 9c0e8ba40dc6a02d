"""The command line (DESIGN.md §6): one subcommand per module in ``game.commands``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from game import __version__

#: Subcommands in the order ``--help`` lists them; each names a module of ``game.commands``
#: with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: tuple[str, ...] = ("play", "host", "simulate", "replay", "check", "backtest",
                             "schema", "kit")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand that exists."""
    parser = argparse.ArgumentParser(
        prog="borderlines",
        description="Borderlines: a teaching game about migration policy in North and Central "
        "America. With no command, opens the game.",
    )
    parser.add_argument("--version", action="version", version=f"borderlines {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"game.commands.{name}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (`| head`) stopped early: not an error. Point stdout at nothing so that
        # Python's own flush at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
