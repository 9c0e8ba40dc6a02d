"""Saved games as the Load screen and Continue see them: level, turn, in-game date, finished.

Built on :mod:`game.play.saves` (listing, opening, recovery messages): this module adds what a
player chooses by — the level's title, how far the game went, the month it reached, whether it
is over — and Continue's rule that a finished game is not "the game to continue".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import t
from game.play.saves import (
    SaveFile,
    SaveInfo,
    find_autosave,
    info_of,
    list_saves,
    open_save,
    open_session,
    resume_latest,
)
from game.sim.policy import month_label

if TYPE_CHECKING:
    from game.play.record import GameRecord
    from game.play.session import Session

#: A level's (turns, first month index, months per turn) by the hash of its text: a save embeds
#: its level, and a hundred saves of one level must not check that level a hundred times.
_shape_cache: dict[str, tuple[int, int, int] | None] = {}


def level_shape(record: GameRecord) -> tuple[int, int, int] | None:
    """(turns, first month index, months per turn) of a save's level; None if it cannot load."""
    if record.level_hash not in _shape_cache:
        from game.play.levelview import LevelView

        try:
            level = LevelView.parse(record.level_source)
            shape: tuple[int, int, int] | None = (level.turns, level.start_month,
                                                  level.months_per_turn)
        except Exception:  # noqa: BLE001 - a save whose level no longer checks is still listed
            shape = None
        _shape_cache[record.level_hash] = shape
    return _shape_cache[record.level_hash]


def is_finished(record: GameRecord) -> bool:
    """Whether the game is over: every turn played, or a class session ended by the teacher."""
    if record.classroom and record.classroom.get("ended_early"):
        return True
    shape = level_shape(record)
    return shape is not None and record.turn >= shape[0]


@dataclass(frozen=True)
class SavedGame:
    """One line of the Load screen."""

    info: SaveInfo
    #: Turns the level has (0 when the save cannot be opened or its level does not check).
    turns: int
    #: The month the game reached: the first month of its last played turn (``YYYY-MM``).
    date: str
    finished: bool

    @property
    def path(self) -> Path:
        """The save file."""
        return self.info.path

    @property
    def title(self) -> str:
        """The level's title (the file's name when it cannot be opened)."""
        return self.info.level_title or self.info.level_id or self.info.path.name

    @property
    def kind(self) -> str:
        """What kind of save it is, in words."""
        if self.info.kind == "manual":
            return t("Named save “{name}”", name=self.info.name)
        if self.info.branch_turn is not None:
            return t("What if: a replay from turn {turn}", turn=self.info.branch_turn)
        return t("Autosave")

    @property
    def progress(self) -> str:
        """"Turn 3 of 4 · 2019-04", "Finished · 4 turns", or why it cannot be opened."""
        if not self.info.ok:
            return t("Cannot be opened")
        if self.finished:
            return t("Finished · {turns} turns · {date}", turns=self.info.turn, date=self.date)
        if self.turns:
            return t("Turn {turn} of {turns} · {date}", turn=self.info.turn, turns=self.turns,
                     date=self.date)
        return t("Turn {turn}", turn=self.info.turn)

    @property
    def saved(self) -> str:
        """When it was saved, in the computer's local time."""
        return saved_label(self.info.saved)

    @property
    def name(self) -> str:
        """The line's name: the level, a named save's name, or which turn a what-if left from."""
        if self.info.kind == "manual" and self.info.ok:
            return t("“{name}” ({title})", name=self.info.name, title=self.title)
        if self.info.branch_turn is not None:
            return t("{title}, what if from turn {turn}", title=self.title,
                     turn=self.info.branch_turn)
        return self.title

    def when(self, today: str | None = None) -> str:
        """When it was saved, short: the time if saved ``today`` (``YYYY-MM-DD``), else the day."""
        day, _, clock = self.saved.partition(" ")
        today = today or datetime.now().strftime("%Y-%m-%d")
        return t("saved at {time}", time=clock) if day == today and clock else \
            t("saved {day}", day=day)


def saved_label(stamp: str) -> str:
    """``2026-12-07T21:04:11.123Z`` as ``2026-12-07 22:04`` in local time (as is, if odd)."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def _saved_game(info: SaveInfo, save: SaveFile | None) -> SavedGame:
    if save is None:
        return SavedGame(info, 0, "", False)
    record = save.record
    shape = level_shape(record)
    if shape is None:
        return SavedGame(info, 0, "", is_finished(record))
    turns, start, months = shape
    date = month_label(start + max(0, record.turn - 1) * months)
    return SavedGame(info, turns, date, is_finished(record))


def saved_games() -> list[SavedGame]:
    """Every game's newest autosave, every branch and every named save, newest first."""
    out = []
    for info in list_saves():
        _, save = info_of(info.path, info.kind)
        out.append(_saved_game(info, save))
    return out


def earlier_turns(game: SavedGame) -> list[SavedGame]:
    """The older autosaves kept for the same game, newest first (empty for named saves)."""
    if game.info.kind != "autosave" or not game.info.ok:
        return []
    out = []
    for info in list_saves(every_autosave=True):
        if (info.kind == "autosave" and info.path != game.path and info.ok
                and info.game_id == game.info.game_id):
            out.append(_saved_game(info, info_of(info.path, "autosave")[1]))
    return sorted(out, key=lambda g: g.info.turn, reverse=True)


def _finished_games() -> set[str]:
    """Ids of games whose newest autosave is the end of the game."""
    return {g.info.game_id for g in saved_games() if g.finished and g.info.kind == "autosave"}


def _passed_over() -> Callable[[SaveFile], bool]:
    done = _finished_games()

    def passed_over(save: SaveFile) -> bool:
        # A finished game's earlier turns are not "unfinished": the whole game is passed over.
        return save.record.game_id in done or is_finished(save.record)

    return passed_over


def latest_unfinished() -> SaveFile | None:
    """The save Continue opens: the newest autosave of a game not yet over (None if none)."""
    try:
        found = find_autosave(passed_over=_passed_over())
    except Exception:  # noqa: BLE001 - an unreadable save folder only disables Continue
        return None
    return found.save


def resume_unfinished() -> tuple[Session | None, str]:
    """:func:`~game.play.saves.resume_latest` for the newest game not yet over."""
    passed_over = _passed_over()
    session, message = resume_latest(passed_over=passed_over)
    if session is None and not find_autosave(passed_over=passed_over).skipped and any(
            g.finished for g in saved_games()):
        message = t("Every saved game is finished: choose one in Load a saved game, or start "
                    "a level.")
    return session, message


@dataclass(frozen=True)
class Resumed:
    """What choosing a save gives: a session to play on, or why not and what else there is."""

    session: Session | None
    message: str
    #: An autosave the player may open instead when the chosen file failed.
    fallback: Path | None = None


def resume_save(path: Path) -> Resumed:
    """Open a chosen save to play on (never raises; the save API's messages say what failed)."""
    opened = open_save(path)
    if opened.save is None:
        fallback = opened.fallback.path if opened.fallback is not None else None
        return Resumed(None, opened.message, fallback)
    try:
        session = open_session(opened.save.record)
    except Exception as error:  # noqa: BLE001 - a save that cannot be replayed must not crash
        return Resumed(None, t("This save could not be replayed: {error}", error=error))
    message = ""
    if session.record.game_id != opened.save.record.game_id:
        message = t("This game was played further after this save: you play on from turn "
                    "{turn} as a new branch, and the later turns stay as they were.",
                    turn=opened.save.record.turn)
    return Resumed(session, message)
