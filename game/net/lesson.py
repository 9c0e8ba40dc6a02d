"""Opening a hosted lesson: a new class on a level, or the newest one resumed after a crash."""

from __future__ import annotations

from pathlib import Path

from game.net.host import DEVICES_FILE, LanHost, resume_host
from game.play.catalog import find_level
from game.play.classroom import (
    Classroom,
    ClassroomError,
    ClassSettings,
    Team,
    class_saves,
    classroom_countries,
    default_team_name,
    team_limits,
)
from game.play.record import GameRecord
from game.play.saves import autosave, game_folder


class LessonError(ValueError):
    """The lesson cannot be opened as asked; the text is for the teacher."""


def devices_path(record: GameRecord) -> Path:
    """Where a hosted class keeps its devices (beside its autosaves)."""
    return game_folder(record) / DEVICES_FILE


def new_host(room: Classroom) -> LanHost:
    """A host for ``room``: autosaves after every turn, keeps its devices beside them."""
    room.on_save = autosave
    host = LanHost(room, devices_path=devices_path(room.session.record))
    host.save_devices()
    return host


def open_lesson(level: str | None, teams: str = "", timer: float | None = None,
                resume: bool = False) -> LanHost:
    """A host for a new class on ``level`` (teams by country code), or the newest resumed."""
    if resume:
        for save in class_saves():
            if save.record.classroom and save.record.classroom.get("simultaneous") and not (
                    save.record.classroom.get("ended_early")):
                return resume_host(save.record, devices_path(save.record), on_save=autosave)
        raise LessonError("there is no hosted class to resume")
    if not level:
        raise LessonError("give a LEVEL (e.g. june-2019-crisis) or --continue")
    found = find_level(level)
    if isinstance(found, str):
        raise LessonError(found)
    lvl, _ = found
    codes = [c.strip().upper() for c in teams.split(",") if c.strip()]
    if not codes:
        codes = list(classroom_countries(lvl))[:team_limits(lvl)[1]]
    settings = ClassSettings(tuple(Team(default_team_name(c), c) for c in codes),
                             timer_minutes=timer, simultaneous=True)
    try:
        room = Classroom(lvl, settings)
    except ClassroomError as error:
        raise LessonError(str(error)) from None
    return new_host(room)
