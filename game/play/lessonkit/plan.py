"""Lesson timings: a 45-minute and a 90-minute plan, from the class set-up's presets.

The plans are the set-up's built-in presets (:mod:`game.play.lesson_timing`) for the kit's
number of teams: the same turns, desk timer, negotiation rounds and briefing a class gets when
the teacher chooses "45 minutes" or "90 minutes", so the printed plan and the session agree.
They assume the worst case a timed run allows — every team uses its whole turn timer — so a
class that keeps to the timer keeps to the plan. The teams deliberate at their tables with the
role card's planning grid while another team is at the computer, which is why a short timer
(minutes to *enter* a plan, not to make it) is enough. When the level's turns do not all fit,
the preset plays fewer and the session ends after them by itself (the debrief judges them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.i18n import t, tn
from game.play.lesson_timing import (
    RESULTS_MINUTES,
    LessonTiming,
    apply_preset,
    fit_turns,
    preset,
)
from game.play.lesson_timing import lesson_plan as timed_plan

#: Lesson lengths the kit plans for, in minutes.
LENGTHS = (45, 90)
#: Minutes on the projector after each turn: the month's flows, headlines and standings.
PROJECTOR_MINUTES = {45: RESULTS_MINUTES, 90: RESULTS_MINUTES}


@dataclass(frozen=True)
class Phase:
    """One block of the lesson: what happens, from which minute, for how long."""

    key: str
    title: str
    start: float
    minutes: float
    what: str


@dataclass(frozen=True)
class LessonPlan:
    """A timed lesson for one level: phases, the turns to play and the timer to set."""

    length: int
    teams: int
    turns: int
    level_turns: int
    desk_minutes: float
    projector_minutes: float
    phases: tuple[Phase, ...]
    #: What the teacher must do because not every turn fits ("" when they all do).
    note: str

    #: Minutes of each negotiation round between turns (0: none).
    negotiation_minutes: float = 0.0

    @property
    def total(self) -> float:
        """Minutes the whole plan takes."""
        return sum(p.minutes for p in self.phases)


def _timing(length: int, teams: int, level_turns: int,
            timer_minutes: float | None) -> LessonTiming:
    """The preset of ``length`` for this class; a teacher's shorter timer is kept."""
    chosen = preset(str(length))
    desk = chosen.timing.desk_minutes
    if timer_minutes is not None and desk is not None and timer_minutes < desk:
        chosen = replace(chosen, timing=replace(chosen.timing, desk_minutes=float(timer_minutes)))
    return apply_preset(chosen, teams, level_turns)


def desk_minutes(length: int, timer_minutes: float | None) -> float:
    """The timer the plan asks for: its own, or the teacher's if that is shorter."""
    own = float(preset(str(length)).timing.desk_minutes or 0.0)
    return own if timer_minutes is None else min(own, float(timer_minutes))


def turns_that_fit(length: int, teams: int, level_turns: int,
                   timer_minutes: float | None = None) -> int:
    """How many of the level's turns a lesson of ``length`` minutes fits (at least 1)."""
    timing = replace(preset(str(length)).timing,
                     desk_minutes=desk_minutes(length, timer_minutes), turns=level_turns)
    return fit_turns(timing, teams, level_turns, length)


def _texts(key: str, plan_turns: int, teams: int, desk: float,
           negotiation: float) -> tuple[str, str]:
    """(title, what happens) of a phase, in the player's language."""
    if key == "intro":
        return t("The situation"), tn(
            "Read the situation aloud and show the map. Form {n} team and hand out the role "
            "card.", "Read the situation aloud and show the map. Form {n} teams and hand out "
            "the role cards.", teams)
    if key == "roles":
        return t("Roles and plans"), t(
            "Each team reads its brief and secret objective, picks two or three levers from "
            "its cheat-sheet and fills the first column of its planning grid.")
    if key == "turns":
        what = t("Each team has {desk} minutes at the computer to enter its plan and answer "
                 "offers; the others plan and negotiate at their tables. After each turn the "
                 "projector shows what happened; teams note it in their grid.",
                 desk=_minutes(desk))
        if negotiation and plan_turns > 1:
            what += " " + t("Before each turn after the first, a {n}-minute negotiation round "
                            "for the whole class, counted down on the projector.",
                            n=_minutes(negotiation))
        return tn("Play {n} turn", "Play {n} turns", plan_turns), what
    if key == "debrief":
        return t("Debrief"), t(
            "Reveal the hidden objectives, go through the agreements and two charts of causes, "
            "then the discussion questions.")
    return t("Exit ticket"), t("Each student answers the exit ticket alone.")


def _minutes(value: float) -> str:
    """``2`` or ``2.5``: minutes as people write them."""
    return f"{value:g}"


def lesson_plan(length: int, level_turns: int, teams: int,
                timer_minutes: float | None = None) -> LessonPlan:
    """The plan for a lesson of ``length`` minutes with ``teams`` teams (the set-up's preset)."""
    timing = _timing(length, teams, level_turns, timer_minutes)
    played = timing.played_turns(level_turns)
    steps = timed_plan(timing, teams, level_turns, length=length).steps
    minutes = {key: sum(s.minutes for s in steps if s.key in keys) for key, keys in (
        ("intro", ("intro",)), ("roles", ("briefing",)),
        ("turns", ("negotiation", "desks", "results")), ("debrief", ("debrief",)),
        ("exit", ("exit",)))}
    desk = float(timing.desk_minutes or 0.0)
    phases = []
    start = 0.0
    for key in ("intro", "roles", "turns", "debrief", "exit"):
        title, what = _texts(key, played, teams, desk, timing.negotiation_minutes)
        phases.append(Phase(key, title, start, minutes[key], what))
        start += minutes[key]
    note = ""
    if played < level_turns:
        note = t("A {length}-minute lesson fits {n} of the level's {total} turns with {teams} "
                 "teams: choose the {length}-minute lesson at set-up and the session ends "
                 "after turn {n}; the debrief judges the turns played.", length=length,
                 n=played, total=level_turns, teams=teams)
    if start > length + 1e-9:
        note = t("Even one turn with {teams} teams does not fit in {length} minutes: plan a "
                 "longer lesson or fewer teams.", teams=teams, length=length)
    return LessonPlan(length, teams, played, level_turns, desk, RESULTS_MINUTES, tuple(phases),
                      note, timing.negotiation_minutes)

