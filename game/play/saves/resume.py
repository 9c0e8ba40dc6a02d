"""Playing on from a save: a session from a loaded record, and Continue's resume with fallbacks.

A game already played past the save's turn goes on as a "what if" branch, so that two futures
never mix in one game's autosaves. The sessions made here autosave after every turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from game.i18n import t
from game.play.record import GameRecord, branch_from
from game.play.saves.format import SaveFile, _printable
from game.play.saves.listing import find_autosave, info_of
from game.play.saves.storage import (
    _maybe,
    _newest_first,
    _turn_files,
    autosave_session,
    game_folder,
)

if TYPE_CHECKING:
    from game.play.session import Session

def _has_later_turns(record: GameRecord) -> bool:
    # Autosaves of this game past ``record``'s turn: playing on in the same game would write
    # over them (a file from a newer version, one that does not replay, another future).
    folder = _maybe(lambda: game_folder(record))
    return folder is not None and any(turn > record.turn for turn, _ in _turn_files(folder))


def open_session(record: GameRecord) -> Session:
    """A session to play on from a loaded save (a named save, an older autosave, an export).

    If the game has already been played past this save's turn, playing on from here starts a
    "what if" branch (a new game id, its own autosaves) instead of mixing two futures in one
    game's autosaves; the later turns stay as they were. The session autosaves every turn.
    """
    from game.play.session import Session  # here, because the session module imports this one

    later = _has_later_turns(record)
    if later:
        record = branch_from(record, record.turn,
                             label=t("played on from turn {turn}", turn=record.turn))
    session = Session.from_record(record)
    session.on_turn_end = autosave_session
    if later:
        autosave_session(session)
    return session


def _same_game_saves(save: SaveFile) -> Iterator[SaveFile]:
    """``save``, then the older autosaves of its game that load, newest first."""
    yield save
    if save.path is None:
        return
    for path in _newest_first(save.path.parent):
        if path == save.path:
            continue
        _, older = info_of(path, "autosave")
        if older is not None and older.record.game_id == save.record.game_id:
            yield older


def resume_latest(passed_over: Callable[[SaveFile], bool] | None = None
                  ) -> tuple[Session | None, str]:
    """Rebuild the session of the newest good autosave, for Continue and ``play --continue``.

    Returns the session (``None`` when there is nothing to resume) and the message to show
    (empty when the newest autosave simply loaded). An autosave that loads but cannot be
    replayed gives way to its game's previous turn that can. If the game has later autosaves
    than the one resumed (from a newer version, or not replayable), they are left as they are
    and play goes on in a new branch. The session autosaves after every turn. Autosaves for
    which ``passed_over`` is true are skipped (see :func:`find_autosave`).
    """
    from game.play.session import Session  # here, because the session module imports this one

    found = find_autosave(quarantine=True, passed_over=passed_over)
    if found.save is None:
        return None, found.message
    messages = [found.message] if found.message else []
    failed: tuple[int, str] | None = None
    session: Session | None = None
    for save in _same_game_saves(found.save):
        try:
            session = Session.from_record(save.record)
        except Exception as exc:  # noqa: BLE001 - a save that cannot be replayed must not crash
            failed = failed or (save.record.turn, _printable(str(exc), 200))
            continue
        break
    if session is None:
        turn, detail = failed or (found.save.record.turn, "")
        return None, t("The autosave from turn {turn} could not be replayed ({detail}). Start "
                       "the level again from the title screen.", turn=turn, detail=detail)
    if failed is not None:
        messages.append(t("The autosave from turn {bad_turn} could not be replayed ({detail}). "
                          "Your autosave from turn {turn} is open instead.", bad_turn=failed[0],
                          detail=failed[1], turn=session.record.turn))
    if _has_later_turns(session.record):
        turn = session.record.turn
        session = Session.from_record(branch_from(
            session.record, turn, label=t("played on from turn {turn}", turn=turn)))
        autosave_session(session)
        messages.append(t("This game's later autosaves were left as they are; you are playing "
                          "on from turn {turn} as a new branch.", turn=turn))
    session.on_turn_end = autosave_session
    mismatches = getattr(session, "replay_mismatches", [])
    if mismatches:
        messages.append(t("This game was saved by an earlier version of the model: from turn "
                          "{turn} on, the numbers may differ from what you saw.",
                          turn=mismatches[0]))
    return session, " ".join(messages)

