"""Classroom sessions: 2–6 teams on one screen, deciding in private, one turn at a time (§5).

A :class:`Classroom` is a mode of one :class:`~game.play.session.Session` and its turn desk
(:mod:`game.play.turndesk`: the same drafts, commits and forecast a single player uses) and adds
what a class needs::

    settings = ClassSettings((Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA")))
    room = Classroom(level, settings)        # every other country is led by its AI leader
    room.current.country                     # "US": the team at the desk
    room.set_lever("US", "asylum_officers", 900)        # private until the turn resolves
    room.decide("US", ProposeAgreement("US", "safe_third_country", ("MX",)))  # to Mexico
    room.commit("US")                        # → the next team (show "Pass to Team Jaguars")
    ...                                      # Mexico answers on its turn, Canada decides
    report = room.resolve()                  # all committed: the sim runs, the next turn opens
    room.inject(teacher_events(level)[0])    # the teacher panel: a caravan next turn
    debrief = class_debrief(room)            # timeline, scores vs status quo, causes

**Privacy.** Lever changes stay in the team's own draft on the turn desk
(:meth:`Classroom.set_lever`) and reach the session only when every team has committed, so the
next team's desk shows the levers as they stood at the start of the turn. Proposals, answers,
threats and withdrawals are diplomatic acts addressed to other teams: they go to the session at
once (the partner answers on its own turn) and are shown only to the parties.

**Fairness.** The session draws every random shock from the level's seed through shared noise
and keeps the status-quo baseline beside the real world, so two classes playing the same level
and seed meet the same random events and are judged against the same baseline
(:func:`compare_sessions` checks it).

**Saves.** The teams, the settings and the turn in progress travel inside the game record
(``GameRecord.classroom``); :attr:`Classroom.on_save` is called after every commit and every
resolved turn (the UI passes :func:`game.play.saves.autosave`), and :func:`resume_classroom`
rebuilds the class from a record — mid-turn included, with each team's draft.

**Modules, by concern:** ``setup`` (teams, limits, settings, the teacher's events), ``pledges``,
``notices`` (threats and pledges a team must see), ``room`` (the class in session, the teacher,
saves and resuming), ``teacher`` (blanking the projector, skipping, renaming, taking an event
back), ``projector``, ``debrief`` and ``compare`` (several classes of one level); every public
name is importable from here.
"""

from __future__ import annotations

from game.play.classroom.compare import (
    ComparedSession,
    Comparison,
    compare_sessions,
)
from game.play.classroom.debrief import (
    DECIDED,
    AgreementLine,
    CauseLine,
    ClassDebrief,
    ClassTimelineEntry,
    ScoreLine,
    class_agreements,
    class_causes,
    class_debrief,
    class_timeline,
)
from game.play.classroom.notices import Notice, notices_for
from game.play.classroom.pledges import (
    PLEDGE_MAX_TURNS,
    PLEDGE_STATUSES,
    Pledge,
    at_least,
    pledge_amount_text,
    pledge_levers,
    pledged_total,
)
from game.play.classroom.projector import (
    ProjectorView,
    TeamStanding,
    projector_view,
    standing_metric,
)
from game.play.classroom.room import (
    Classroom,
    ClassSave,
    SaveHook,
    TeamView,
    class_saves,
    is_classroom_record,
    resume_classroom,
    settings_of,
)
from game.play.classroom.setup import (
    CLASSROOM_FORMAT,
    MAX_TEAMS,
    MIN_TEAMS,
    NAME_LIMIT,
    STANDARD_EVENTS,
    ClassroomError,
    ClassSettings,
    TeacherEvent,
    Team,
    agreement_kinds_for,
    check_settings,
    classroom_countries,
    default_team_name,
    level_title,
    pin_hash,
    teacher_events,
    team_limits,
)
from game.play.classroom.teacher import (
    AddedEvent,
    added_events,
    blank_projector,
    check_not_twice,
    projector_blanked,
    rename_team,
    skip_team,
    skipped_teams,
    undo_event,
)

__all__ = [
    "AddedEvent",
    "AgreementLine",
    "CLASSROOM_FORMAT",
    "CauseLine",
    "ClassDebrief",
    "ClassSave",
    "ClassSettings",
    "ClassTimelineEntry",
    "Classroom",
    "ClassroomError",
    "ComparedSession",
    "Comparison",
    "DECIDED",
    "MAX_TEAMS",
    "MIN_TEAMS",
    "NAME_LIMIT",
    "Notice",
    "PLEDGE_MAX_TURNS",
    "PLEDGE_STATUSES",
    "Pledge",
    "ProjectorView",
    "STANDARD_EVENTS",
    "SaveHook",
    "ScoreLine",
    "TeacherEvent",
    "Team",
    "TeamStanding",
    "TeamView",
    "added_events",
    "agreement_kinds_for",
    "at_least",
    "blank_projector",
    "check_not_twice",
    "check_settings",
    "class_agreements",
    "class_causes",
    "class_debrief",
    "class_saves",
    "class_timeline",
    "classroom_countries",
    "compare_sessions",
    "default_team_name",
    "is_classroom_record",
    "level_title",
    "notices_for",
    "pin_hash",
    "pledge_amount_text",
    "pledge_levers",
    "pledged_total",
    "projector_blanked",
    "projector_view",
    "rename_team",
    "resume_classroom",
    "settings_of",
    "skip_team",
    "skipped_teams",
    "standing_metric",
    "teacher_events",
    "team_limits",
    "undo_event",
]
