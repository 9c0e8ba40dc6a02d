"""What-if branches: rewinding a game into a new one, and finding a game's family on disk.

A branch is a new game (its own id and autosaves) sharing its parent's first turns; the
debrief charts the game, its branches and the status-quo baseline together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from game.play.record import BranchChart, GameRecord, branch_chart, branch_from
from game.play.saves.listing import autosave_files, info_of, slot_files
from game.play.saves.storage import autosave_session

if TYPE_CHECKING:
    from game.play.session import Session

def all_records() -> Iterator[GameRecord]:
    """The newest loadable record of every game found in autosaves and named saves."""
    newest: dict[str, GameRecord] = {}
    paths = [(p, "autosave") for p in autosave_files()] + [(p, "manual") for p in slot_files()]
    for path, kind in paths:
        _, save = info_of(path, kind)
        if save is None:
            continue
        known = newest.get(save.record.game_id)
        if known is None or save.record.turn > known.turn:
            newest[save.record.game_id] = save.record
    yield from newest.values()


def branch_session(record: GameRecord, turn: int, label: str = "") -> Session:
    """Rewind ``record`` to the end of ``turn`` as a new "what if" game, ready to play on.

    The branch is autosaved at once (so the debrief finds it beside its parent) and after every
    turn; the parent's saves are never touched. Raises :class:`RecordError` for an unplayed turn.
    """
    from game.play.session import Session  # here, because the session module imports this one

    branch = branch_from(record, turn, label)
    session = Session.from_record(branch)
    session.on_turn_end = autosave_session
    autosave_session(session)
    return session


def game_branches(record: GameRecord, extra: Iterable[GameRecord] = ()) -> BranchChart:
    """``record``'s family from every save on disk (plus ``extra``), ready for the debrief chart.

    ``record`` is the live game; its root and every branch that was saved are found by id.
    """
    return branch_chart(record, [*all_records(), *extra])

