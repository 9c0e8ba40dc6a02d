"""How long a classroom lesson takes: turns, minutes per phase, presets and the planned total.

The teacher chooses, at set-up, how many turns to play and the minutes of each phase: each
team's time at the desk, the shared negotiation round the class holds before every turn after
the first (the projector counts it down), and the class briefing before the first turn. The
plan adds what the room needs around them — the introduction, a hand-over per team, the
projector's results after every turn, the debrief and the exit ticket — so the set-up screen
can say "planned: 44 of 45 minutes" before the lesson starts.

Two presets are built in (45 and 90 minutes); the teacher's last choices are kept in the
settings file (:func:`timing_from_dict` reads them back, forgiving anything malformed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from game.i18n import t

#: Minutes the teacher introduces the situation (map, the question, the teams formed).
INTRO_MINUTES = 3.0
#: Minutes for one hand-over: a team stands up, the next sits down and presses its button.
HANDOVER_MINUTES = 0.25
#: Minutes the projector shows a turn's results (headlines, standings) before the next phase.
RESULTS_MINUTES = 1.0
#: Fewest minutes of debrief a plan keeps (a lesson that skips it teaches nothing).
MIN_DEBRIEF_MINUTES = 8.0
#: Minutes of the exit ticket each student answers alone.
EXIT_MINUTES = 3.0
#: Limits the set-up screen and saved settings keep to (minutes).
DESK_RANGE = (1.0, 60.0)
ROUND_RANGE = (0.0, 30.0)
#: Most turns a lesson can be set to (the level may allow fewer).
MAX_TURNS = 120
#: Longest class/period label ("Period 3 — 10B").
LABEL_LIMIT = 40


@dataclass(frozen=True)
class LessonTiming:
    """The teacher's timing choices for one lesson."""

    #: Turns to play; None plays every turn of the level.
    turns: int | None = None
    #: Minutes each team has at the desk per turn; None for untimed.
    desk_minutes: float | None = None
    #: Minutes of the shared negotiation round before each turn after the first (0: none).
    negotiation_minutes: float = 0.0
    #: Minutes of the class briefing before the first turn (0: none).
    briefing_minutes: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (for the settings file and the game record)."""
        return {"turns": self.turns, "desk_minutes": self.desk_minutes,
                "negotiation_minutes": self.negotiation_minutes,
                "briefing_minutes": self.briefing_minutes}

    def for_level(self, level_turns: int) -> LessonTiming:
        """The same timing with its turns within the level's (None when it plays them all)."""
        turns = self.turns if self.turns is not None and self.turns < level_turns else None
        return replace(self, turns=turns)

    def played_turns(self, level_turns: int) -> int:
        """How many turns a lesson with this timing plays of a level of ``level_turns``."""
        return min(level_turns, self.turns) if self.turns else level_turns


@dataclass(frozen=True)
class Preset:
    """A named timing: the built-in lesson lengths, or the teacher's last choices."""

    key: str
    #: The lesson's length in minutes (None for the teacher's own choices).
    length: int | None
    timing: LessonTiming

    @property
    def label(self) -> str:
        """"45 minutes" or "My last lesson"."""
        if self.key == "last":
            return t("My last lesson")
        return t("{n} minutes", n=self.length)


#: The built-in presets. 45 minutes: three one-month turns for three teams at two minutes a
#: desk, a two-minute negotiation between turns and a three-minute briefing leave the debrief
#: its eight minutes (docs/classroom.md has the minute-by-minute plan and the timed run).
PRESETS: tuple[Preset, ...] = (
    Preset("45", 45, LessonTiming(turns=3, desk_minutes=2.0, negotiation_minutes=2.0,
                                  briefing_minutes=3.0)),
    Preset("90", 90, LessonTiming(turns=4, desk_minutes=3.0, negotiation_minutes=4.0,
                                  briefing_minutes=8.0)),
)


def preset(key: str) -> Preset:
    """The built-in preset ``key`` ("45" or "90")."""
    for p in PRESETS:
        if p.key == key:
            return p
    raise KeyError(key)


def apply_preset(chosen: Preset, teams: int, level_turns: int,
                 simultaneous: bool = False) -> LessonTiming:
    """The preset's timing for this class: its turns cut until the lesson fits its length.

    A 45-minute lesson plays three turns with three teams but two with four or five (every
    team's desk time is one after the other at one computer); at least one turn is kept.
    """
    timing = chosen.timing.for_level(level_turns)
    if chosen.length is None or chosen.key == "last":
        # The teacher's own choices are kept as they were (the set-up shows if they overflow).
        return timing
    turns = fit_turns(timing, teams, level_turns, chosen.length, simultaneous)
    return replace(timing, turns=turns).for_level(level_turns)


def fit_turns(timing: LessonTiming, teams: int, level_turns: int, length: int,
              simultaneous: bool = False) -> int:
    """Most of ``timing``'s turns that fit in ``length`` minutes with the debrief (at least 1)."""
    turns = timing.played_turns(level_turns)
    while turns > 1 and lesson_plan(replace(timing, turns=turns), teams, level_turns,
                                    simultaneous, length).planned > length + 1e-9:
        turns -= 1
    return turns


@dataclass(frozen=True)
class PlanStep:
    """One block of a lesson: what happens, from which minute, for how long."""

    key: str
    title: str
    start: float
    minutes: float
    #: The turn it belongs to (0 for the blocks outside the turns).
    turn: int = 0


@dataclass(frozen=True)
class PlannedLesson:
    """The minute-by-minute plan of a lesson."""

    steps: tuple[PlanStep, ...]
    #: The lesson's length when it has one (a preset's), else None.
    length: int | None

    @property
    def planned(self) -> float:
        """Minutes the lesson needs: every block, the debrief at its minimum."""
        return sum(s.minutes for s in self.steps if s.key != "debrief") + MIN_DEBRIEF_MINUTES

    @property
    def total(self) -> float:
        """Minutes the whole plan takes (the debrief gets what a lesson's length leaves)."""
        return sum(s.minutes for s in self.steps)

    @property
    def fits(self) -> bool:
        """Whether the plan fits the lesson's length (always true without a length)."""
        return self.length is None or self.total <= self.length + 1e-9


def desk_block(timing: LessonTiming, teams: int, simultaneous: bool) -> float:
    """Minutes the desks take in one turn: one team after another, or all at once."""
    desk = timing.desk_minutes if timing.desk_minutes is not None else 0.0
    if simultaneous:
        return desk
    return teams * (desk + HANDOVER_MINUTES)


def lesson_plan(timing: LessonTiming, teams: int, level_turns: int,
                simultaneous: bool = False, length: int | None = None) -> PlannedLesson:
    """The plan, minute by minute, when every team uses its whole time at the desk.

    An untimed desk counts as no minutes (the plan then cannot promise anything about it).
    With a ``length``, the debrief takes what the rest leaves, and never less than
    :data:`MIN_DEBRIEF_MINUTES`.
    """
    turns = timing.played_turns(level_turns)
    blocks: list[tuple[str, str, float, int]] = [
        ("intro", t("Introduction"), INTRO_MINUTES, 0)]
    if timing.briefing_minutes:
        blocks.append(("briefing", t("Class briefing"), timing.briefing_minutes, 0))
    for turn in range(1, turns + 1):
        if turn > 1 and timing.negotiation_minutes:
            blocks.append(("negotiation", t("Negotiation round"), timing.negotiation_minutes,
                           turn))
        blocks.append(("desks", t("Turn {n}: the teams decide", n=turn),
                       desk_block(timing, teams, simultaneous), turn))
        blocks.append(("results", t("Turn {n}: the results on the projector", n=turn),
                       RESULTS_MINUTES, turn))
    used = sum(m for _, _, m, _ in blocks) + EXIT_MINUTES
    debrief = MIN_DEBRIEF_MINUTES if length is None else max(MIN_DEBRIEF_MINUTES, length - used)
    blocks += [("debrief", t("Debrief"), debrief, 0), ("exit", t("Exit ticket"),
                                                         EXIT_MINUTES, 0)]
    steps, start = [], 0.0
    for key, title, minutes, turn in blocks:
        steps.append(PlanStep(key, title, start, minutes, turn))
        start += minutes
    return PlannedLesson(tuple(steps), length)


def plan_summary(plan: PlannedLesson) -> str:
    """"Planned: 45 of 45 minutes, with 11 minutes of debrief" (or over, or without a length)."""
    total = math.ceil(plan.total - 1e-9)
    debrief = math.floor(sum(s.minutes for s in plan.steps if s.key == "debrief") + 1e-9)
    if plan.length is None:
        return t("Planned: {n} minutes, with {d} minutes of debrief", n=total, d=debrief)
    if plan.fits:
        return t("Planned: {n} of {length} minutes, with {d} minutes of debrief", n=total,
                 length=plan.length, d=debrief)
    return t("Planned: {n} minutes — {over} more than the {length}-minute lesson",
             n=total, over=total - plan.length, length=plan.length)


def timing_problem(timing: LessonTiming) -> str:
    """Why a timing cannot run ("" when it can), for the teacher."""
    if timing.turns is not None and not (isinstance(timing.turns, int)
                                         and 1 <= timing.turns <= MAX_TURNS):
        return t("A lesson plays at least one turn.")
    desk = timing.desk_minutes
    if desk is not None and not (_number(desk) and DESK_RANGE[0] <= desk <= DESK_RANGE[1]):
        return t("The turn timer must be between 1 and 60 minutes.")
    for minutes in (timing.negotiation_minutes, timing.briefing_minutes):
        if not (_number(minutes) and ROUND_RANGE[0] <= minutes <= ROUND_RANGE[1]):
            return t("A negotiation round or a briefing lasts 0 to 30 minutes.")
    return ""


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(
        value)


def timing_from_dict(data: Any) -> LessonTiming | None:
    """A timing from saved data (None when it is not one, or not a usable one)."""
    if not isinstance(data, dict):
        return None
    turns, desk = data.get("turns"), data.get("desk_minutes")
    negotiation, briefing = data.get("negotiation_minutes", 0), data.get("briefing_minutes", 0)
    if (turns is not None and (not isinstance(turns, int) or isinstance(turns, bool))) or not all(
            _number(v) for v in (negotiation, briefing)) or (desk is not None
                                                             and not _number(desk)):
        return None
    timing = LessonTiming(turns, None if desk is None else float(desk), float(negotiation),
                          float(briefing))
    return None if timing_problem(timing) else timing


def clean_label(text: Any) -> str:
    """A class/period label as kept: one line, trimmed, at most :data:`LABEL_LIMIT` characters."""
    if not isinstance(text, str):
        return ""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line[:LABEL_LIMIT]


def remembered(data: Any) -> Preset | None:
    """The teacher's last lesson as a preset, from the settings file's data (None if unusable)."""
    if not isinstance(data, dict):
        return None
    timing = timing_from_dict(data.get("timing"))
    length = data.get("length")
    if timing is None or not (length is None or (isinstance(length, int) and not isinstance(
            length, bool) and 10 <= length <= 600)):
        return None
    return Preset("last", length, timing)


def to_remember(timing: LessonTiming, length: int | None, label: str) -> dict[str, Any]:
    """What the settings file keeps of a lesson set up: its timing, its length, its label."""
    return {"timing": timing.to_dict(), "length": length, "label": clean_label(label)}


def remembered_label(data: Any) -> str:
    """The class/period label the teacher typed last time ("" for none)."""
    return clean_label(data.get("label")) if isinstance(data, dict) else ""
