"""``borderlines replay SAVE``: re-run a saved game and verify every turn's state hash."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

HELP = "re-run a saved game and verify every turn's state hash (exit 0 / 1)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``replay``."""
    parser.add_argument("save", metavar="SAVE", help="a save file (an autosave, a named save "
                        "or an exported .json)")


def _print(text: str, file: TextIO | None = None) -> None:
    # A save's title and hashes are whatever the file holds: no control character reaches
    # the terminal as a command.
    from game.content.problems import terminal_safe

    print(terminal_safe(text), file=file or sys.stdout)


def run(args: argparse.Namespace) -> int:
    """Replay the save turn by turn; 0 when every turn shows the same numbers, 1 otherwise."""
    from game.play.saves import ReplayFailed, SaveError, read_save, verify_replay

    try:
        save = read_save(args.save)
    except SaveError as error:
        _print(f"borderlines replay: {args.save}: {error}", file=sys.stderr)
        return 1
    record = save.record
    title = record.level_title or record.level_id
    migrated = (f" (an older save, format {save.migrated_from}, read by migration)"
                if save.migrated_from is not None else "")
    _print(f"{args.save}: {title}, seed {record.seed}, {len(record.turns)} turns{migrated}")
    checked = close = 0
    try:
        # The whole game is replayed first (one pass, like Continue), then compared turn by turn.
        for check in verify_replay(record):
            if not check.same_game:
                what = ("state hash differs" if check.expected != check.actual
                        else "metrics differ")
                _print(f"turn {check.turn:>3}: MISMATCH: {what} (saved {check.expected[:16]}, "
                      f"replayed {check.actual[:16]})")
                _print(f"borderlines replay: {args.save}: the replay diverged at turn "
                      f"{check.turn}: the game no longer plays this save the same way.",
                      file=sys.stderr)
                return 1
            checked += 1
            if check.ok:
                _print(f"turn {check.turn:>3}: ok {check.actual[:16]}")
            else:
                close += 1
                _print(f"turn {check.turn:>3}: ok to a millionth (the state differs in the last "
                      f"bits: saved {check.expected[:16]}, replayed {check.actual[:16]})")
    except ReplayFailed as error:
        _print(f"borderlines replay: {args.save}: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a save that cannot be replayed is a message
        _print(f"borderlines replay: {args.save}: the game could not be replayed: {error}",
              file=sys.stderr)
        return 1
    if close:
        _print(f"all {checked} turns match; {close} to a millionth only: this computer rounds some "
              "functions differently in the last bits from the one that saved the game, which "
              "changes no number a player sees")
    else:
        _print(f"all {checked} turns match")
    return 0
