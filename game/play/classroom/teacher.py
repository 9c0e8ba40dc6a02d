"""The teacher's controls a real lesson needs beyond pause, time and scores (issue #18).

Blank the projector, skip an absent team, rename a team, take back an event added by mistake
(before the turn is played) and refuse an event that would happen twice. Reopening a committed
turn is :meth:`Classroom.reopen`, ending it for everyone :meth:`Classroom.commit_everyone`.

Each control is one entry in the teacher log and is saved at once (``Classroom._save``), so
:func:`~game.play.classroom.resume_classroom` brings it back with nothing more to restore:
names travel in the settings, an undone event is gone from the turn's recorded decisions, and
whether the projector is blank or a team was skipped is read back from the log itself.

**Duplicate events.** A teacher's event of a kind the turn being decided already brings — the
level's own (scheduled in one of the turn's months, or queued by a condition) or one the
teacher added — is refused with a message naming where it comes from and when, rather than
merged: merging would silently change the level's event (its size, its origin), and a refusal
tells the teacher it is coming anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.i18n import t
from game.play.classroom.setup import ClassroomError, TeacherEvent, Team, check_settings
from game.play.decisions import DecisionRejected
from game.play.session import Phase
from game.sim.policy import ScheduledEvent, month_label
from game.sim.registry import EVENTS

if TYPE_CHECKING:
    from game.play.classroom.room import Classroom


def projector_blanked(room: Classroom) -> bool:
    """Whether the teacher has blanked the class projector (the last blank/unblank wins)."""
    for entry in reversed(room.teacher_log):
        if entry.get("action") in ("blank", "unblank"):
            return entry["action"] == "blank"
    return False


def blank_projector(room: Classroom, blank: bool | None = None) -> bool:
    """Blank the projector (or show it again; None toggles); returns whether it is blank."""
    shown = not projector_blanked(room) if blank is None else blank
    room._teacher("blank" if shown else "unblank")
    room._save()
    return shown


def skipped_teams(room: Classroom) -> list[str]:
    """Countries of the teams the teacher skipped this turn (a reopened team is not skipped)."""
    out: list[str] = []
    for entry in room.teacher_log:
        if entry.get("turn") != room.session.turn:
            continue
        country = entry.get("country")
        if entry.get("action") == "skip" and country not in out:
            out.append(str(country))
        elif entry.get("action") == "reopen" and country in out:
            out.remove(str(country))
    return [c for c in out if c in room.committed]


def skip_team(room: Classroom, country: str) -> None:
    """An absent team passes this turn: its levers stay as they are and the turn can end.

    Raises:
        DecisionRejected: the session is over or the team has already committed.
    """
    team = room.team(country)
    if room.finished:
        raise DecisionRejected(t("The session is over."))
    if country in room.committed:
        raise DecisionRejected(t("{team} has already committed.", team=team.label))
    at_desk = room.current
    for lever in room.desk.draft(country):
        room.desk.clear_lever(country, lever)
    room.desk.commit(country)
    if not room.settings.simultaneous and at_desk is not None and at_desk.country == country:
        # The next team at the computer gets its full time, as after a commit.
        room.time_left = room._full_time()
    room._teacher("skip", country=country)
    room._save()


def rename_team(room: Classroom, country: str, name: str) -> Team:
    """Give a team a new name (checked like the set-up's); shown everywhere from now on.

    Raises:
        DecisionRejected: the name is empty, too long, has control characters, or looks like
            another team's.
    """
    old = room.team(country)
    team = Team(name, country)
    teams = tuple(team if tm.country == country else tm for tm in room.teams)
    settings = replace(room.settings, teams=teams)
    try:
        check_settings(room.level, settings)
    except ClassroomError as problem:
        raise DecisionRejected(str(problem)) from None
    if team.name == old.name:
        return old
    room.settings, room.teams = settings, teams
    room._teacher("rename", country=country, old=old.name, name=team.name)
    room._save()
    return team


@dataclass(frozen=True)
class AddedEvent:
    """An event the teacher added to the turn being decided, which can still be taken back."""

    index: int
    event: ScheduledEvent
    label: str


def added_events(room: Classroom) -> list[AddedEvent]:
    """The events the teacher added to the turn being decided, with their panel labels."""
    known = _offered(room)
    out = []
    for i, event in enumerate(room.session.table.injected):
        label = next((e.label for e in known if e.kind == event.kind
                      and dict(e.params) == dict(event.params)), "")
        out.append(AddedEvent(i, event, label or _kind_text(event.kind)))
    return out


def undo_event(room: Classroom, index: int) -> ScheduledEvent:
    """Take back an added event before the turn is played (from the turn and its record).

    Raises:
        DecisionRejected: the event is not waiting any more (the turn was played).
    """
    table = room.session.table
    if room.finished or room.session.phase not in (Phase.BRIEFING, Phase.DECIDE) \
            or not 0 <= index < len(table.injected):
        raise DecisionRejected(t("This event is no longer waiting: the turn it was added to "
                                 "has been played."))
    event = table.injected.pop(index)
    # The turn's recorded decisions lose it too: the save, its resume and replays never see it.
    added = [i for i, entry in enumerate(table.log) if entry.get("type") == "inject_event"]
    if index < len(added):
        del table.log[added[index]]
    room._teacher("undo_inject", kind=event.kind, month=event.month)
    room._save()
    return event


def check_not_twice(room: Classroom, event: TeacherEvent, offset: int = 0) -> None:
    """Refuse an event of a kind the coming turn already brings (see the module doc).

    The turn, not the month, is what counts: the panel adds events to the turn, and with
    turns of several months a level's hurricane in the second month and the teacher's in the
    first would still strike twice.
    """
    del offset  # every month of the turn counts, whichever the event would fall in
    for scheduled, source, _ in room.session.upcoming_events():
        if scheduled.kind != event.kind:
            continue
        if source == "teacher":
            raise DecisionRejected(t("You have already added an event “{event}” to this turn: "
                                     "it would happen twice. Undo it first to add it again.",
                                     event=_kind_text(event.kind)))
        raise DecisionRejected(t("The level already has an event “{event}” in this turn "
                                 "({month}): adding it would make it happen twice. It will "
                                 "happen anyway.", event=_kind_text(event.kind),
                                 month=month_label(scheduled.month)))


def _offered(room: Classroom) -> list[TeacherEvent]:
    from game.play.classroom.setup import teacher_events

    return teacher_events(room.level)


def _kind_text(kind: str) -> str:
    """An event's kind for people: "caravan", "media photo" (as the news names it)."""
    return t(kind.replace("_", " ")) if kind in EVENTS else kind


__all__ = ["AddedEvent", "added_events", "blank_projector", "check_not_twice",
           "projector_blanked", "rename_team", "skip_team", "skipped_teams", "undo_event"]
