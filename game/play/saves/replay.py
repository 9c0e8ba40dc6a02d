"""Replaying a saved game to check it: ``borderlines replay SAVE`` compares every turn.

The world is not stored in a save; it is recomputed from the seed and the decisions, so a
replay that reaches other state hashes or numbers shows the model has changed since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from game.i18n import t
from game.play.record import GameRecord, same_numbers


@dataclass(frozen=True)
class TurnCheck:
    """One turn of a replay: the state hash the save recorded and the one the replay reached."""

    turn: int
    expected: str
    actual: str
    metrics_match: bool = True
    #: The metrics agree to a millionth (``record.same_numbers``) even if not to the last bit.
    numbers_match: bool = True

    @property
    def ok(self) -> bool:
        """Whether the replay reached the recorded state (and, if known, the same metrics)."""
        return self.expected == self.actual and self.metrics_match

    @property
    def same_game(self) -> bool:
        """Whether the replay shows the player the same numbers, if not the same last bits.

        A save replayed on another processor differs in the last bits only (see
        ``record.SAME_NUMBERS_TOLERANCE``); a changed model differs in the numbers.
        """
        return self.ok or self.numbers_match


class ReplayFailed(Exception):
    """A saved game could not be replayed; ``turn`` is the turn that failed (0 if unknown)."""

    def __init__(self, message: str, turn: int) -> None:
        super().__init__(message)
        self.turn = turn


def replay_record(record: GameRecord) -> GameRecord:
    """The record a fresh replay of ``record``'s decisions produces (its own hashes, metrics).

    Raises :class:`ReplayFailed` naming the turn when the level or a decision no longer loads.
    """
    from game.play.session import Session  # here, because the session module imports this one

    try:
        return Session.from_record(record).record
    except Exception as exc:  # noqa: BLE001 - whatever broke, the player gets a sentence
        turn = 0
        # Only on this error path: replay turn by turn to name the turn that fails.
        for n in range(0, record.turn + 1):
            try:
                Session.from_record(record, upto_turn=n)
            except Exception:  # noqa: BLE001
                turn = n
                break
        where = t(" at turn {turn}", turn=turn) if turn else ""
        raise ReplayFailed(t("the game could not be replayed{where}: {error}", where=where,
                             error=exc), turn) from exc


def verify_replay(record: GameRecord,
                  replay: Callable[[GameRecord], GameRecord] | None = None
                  ) -> Iterator[TurnCheck]:
    """Replay ``record`` and compare each turn's state hash and metrics with the saved ones.

    Yields one :class:`TurnCheck` per turn, in order, and stops after the first turn that is not
    the same game (later turns cannot match once the numbers differ). ``replay`` defaults to
    :func:`replay_record`.
    """
    replayed = (replay or replay_record)(record)
    for saved in record.turns:
        if saved.turn > len(replayed.turns):
            yield TurnCheck(saved.turn, saved.state_hash, "(turn not reached)", False, False)
            return
        mine = replayed.turns[saved.turn - 1]
        check = TurnCheck(saved.turn, saved.state_hash, mine.state_hash,
                          same_numbers(saved.metrics, mine.metrics, tolerance=0.0),
                          same_numbers(saved.metrics, mine.metrics))
        yield check
        if not check.same_game:
            return
