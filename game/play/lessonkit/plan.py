"""Lesson timings: a 45-minute and a 90-minute plan, computed from a level's turns.

A classroom turn is serial: each team sits at the computer in turn, then the class watches the
projector. The plans assume the worst case a timed run allows — every team uses its whole turn
timer — so a class that keeps to the timer keeps to the plan. The teams deliberate at their
tables with the role card's planning grid while another team is at the computer, which is why
a short timer (minutes to *enter* a plan, not to make it) is enough. When the level's turns do
not fit, the plan says how many to play; the teacher then ends the session from the teacher
panel and the debrief judges the turns played.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import t, tn

#: Lesson lengths the kit plans for, in minutes.
LENGTHS = (45, 90)
#: Minutes each team may spend at the computer per turn (the turn timer the plan asks for): two
#: minutes to enter a plan made at the table in a 45-minute lesson, three in a 90-minute one.
DESK_MINUTES = {45: 2.0, 90: 3.0}
#: Minutes on the projector after each turn: the month's flows, headlines and standings.
PROJECTOR_MINUTES = {45: 2.0, 90: 2.0}
#: Fixed phases per lesson length, in minutes: (key, minutes). The turns take the rest, and
#: whatever the turns leave goes to the debrief.
FIXED_PHASES = {
    45: (("intro", 5.0), ("roles", 5.0), ("debrief", 8.0), ("exit", 4.0)),
    90: (("intro", 8.0), ("roles", 10.0), ("debrief", 20.0), ("exit", 5.0)),
}
#: Fewest minutes a debrief gets, whatever the turns need.
MIN_DEBRIEF = {45: 8.0, 90: 15.0}


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

    @property
    def turn_minutes(self) -> float:
        """Minutes one turn takes when every team uses its whole timer."""
        return self.teams * self.desk_minutes + self.projector_minutes

    @property
    def total(self) -> float:
        """Minutes the whole plan takes."""
        return sum(p.minutes for p in self.phases)


def desk_minutes(length: int, timer_minutes: float | None) -> float:
    """The timer the plan asks for: its own, or the teacher's if that is shorter."""
    own = DESK_MINUTES[length]
    return own if timer_minutes is None else min(own, float(timer_minutes))


def turns_that_fit(length: int, teams: int, level_turns: int,
                   timer_minutes: float | None = None) -> int:
    """How many of the level's turns a lesson of ``length`` minutes fits (at least 1)."""
    fixed = sum(m for _, m in FIXED_PHASES[length])
    per_turn = teams * desk_minutes(length, timer_minutes) + PROJECTOR_MINUTES[length]
    return max(1, min(level_turns, int((length - fixed) // per_turn)))


def _texts(key: str, plan_turns: int, teams: int, desk: float) -> tuple[str, str]:
    """(title, what happens) of a phase, in the player's language."""
    if key == "intro":
        return t("The situation"), t(
            "Read the situation aloud and show the map. Form {n} teams and hand out the role "
            "cards.", n=teams)
    if key == "roles":
        return t("Roles and plans"), t(
            "Each team reads its brief and secret objective, picks two or three levers from "
            "its cheat-sheet and fills the first column of its planning grid.")
    if key == "turns":
        return tn("Play {n} turn", "Play {n} turns", plan_turns), t(
            "Each team has {desk} minutes at the computer to enter its plan and answer offers; "
            "the others plan and negotiate at their tables. After each turn the projector shows "
            "what happened; teams note it in their grid.", desk=_minutes(desk))
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
    """The plan for a lesson of ``length`` minutes with ``teams`` teams."""
    desk = desk_minutes(length, timer_minutes)
    projector = PROJECTOR_MINUTES[length]
    played = turns_that_fit(length, teams, level_turns, timer_minutes)
    turn_block = played * (teams * desk + projector)
    fixed = dict(FIXED_PHASES[length])
    # What the turns leave goes to the debrief; a level whose single turn overflows the lesson
    # keeps the debrief's minimum and says so below.
    fixed["debrief"] = max(MIN_DEBRIEF[length], length - turn_block - fixed["intro"]
                           - fixed["roles"] - fixed["exit"])
    order = [("intro", fixed["intro"]), ("roles", fixed["roles"]), ("turns", turn_block),
             ("debrief", fixed["debrief"]), ("exit", fixed["exit"])]
    phases = []
    start = 0.0
    for key, minutes in order:
        title, what = _texts(key, played, teams, desk)
        phases.append(Phase(key, title, start, minutes, what))
        start += minutes
    note = ""
    if played < level_turns:
        note = t("A {length}-minute lesson fits {n} of the level's {total} turns with {teams} "
                 "teams: play {n}, then press Ctrl+T and “End the session now”; the debrief "
                 "judges the turns played.", length=length,
                 n=played, total=level_turns, teams=teams)
    if start > length:
        note = t("Even one turn with {teams} teams does not fit in {length} minutes: plan a "
                 "longer lesson or fewer teams.", teams=teams, length=length)
    return LessonPlan(length, teams, played, level_turns, desk, projector, tuple(phases), note)
