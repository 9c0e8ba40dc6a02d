"""The lesson kit's content, read from a level: plain data, no layout (issue 18).

Everything a teacher hands out for one level: the lesson plan (learning objectives, 45- and
90-minute timings), one role card per playable country (its brief, the objectives it sees, its
secret ones, its levers with cost, unit and delay, the deals it may offer), the glossary,
discussion questions and an exit ticket. Texts come in the current language — the kit's own
through the catalogue, the level's through its own translations — and numbers are written as
the desk writes them, so the paper and the screen agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.i18n import format_number, language, t, tn
from game.play.classroom.setup import agreement_kinds_for, team_limits
from game.play.decisions import (
    agreement_label,
    choice_label,
    country_name,
    heading,
    lever_label,
    money,
)
from game.play.glossary import glossary
from game.play.goals import goal_state, progress
from game.play.lesson_timing import LessonTiming, PlannedLesson
from game.play.lesson_timing import lesson_plan as timed_plan
from game.play.lessonkit.plan import LENGTHS, LessonPlan, lesson_plan, turns_that_fit
from game.play.levelview import text_of
from game.sim.policy import month_label
from game.sim.registry import levers_for

if TYPE_CHECKING:
    from game.content import Level
    from game.content.models.objectives import Objective


@dataclass(frozen=True)
class Goal:
    """An objective as a card prints it: what players read, how it is judged, its stars."""

    text: str
    how: str
    stars: int


@dataclass(frozen=True)
class LeverLine:
    """One row of a role card's cheat-sheet."""

    lever: str
    label: str
    description: str
    now: str
    choices: str
    cost: str
    delay_months: int


@dataclass(frozen=True)
class RoleCard:
    """What one team gets: its country's brief, goals, secret goals, levers and deals."""

    country: str
    name: str
    brief: str
    goals: tuple[Goal, ...]
    secret: tuple[Goal, ...]
    budget: str
    levers: tuple[LeverLine, ...]
    deals: tuple[str, ...]
    #: Columns of the planning grid: one per turn the longer plan plays.
    grid_turns: int


@dataclass(frozen=True)
class LessonKit:
    """The whole kit for one level, in one language."""

    level_id: str
    title: str
    summary: str
    language: str
    facts: str
    situation: str
    teacher_notes: str
    objectives: tuple[str, ...]
    plans: tuple[LessonPlan, ...]
    cards: tuple[RoleCard, ...]
    glossary: tuple[tuple[str, str], ...]
    questions: tuple[str, ...]
    exit_ticket: tuple[str, ...]
    sources: tuple[str, ...]
    #: The class and period the kit is printed for ("" for none), on every page.
    label: str = ""
    #: The lesson as the teacher set it up (turns, minutes per phase), when printed from there.
    lesson: PlannedLesson | None = None
    #: What really happened, when the level tells it: (heading, text, source).
    epilogue: tuple[str, str, str] | None = None

    def card(self, country: str) -> RoleCard:
        """The role card of ``country``."""
        return next(c for c in self.cards if c.country == country)


def learning_objectives(countries: Sequence[str]) -> tuple[str, ...]:
    """What students should be able to do after the lesson."""
    names = ", ".join(country_name(c, article=True) for c in countries)
    return (
        t("Explain what {countries} each can do about migration in the region, and why their "
          "aims differ.", countries=names),
        t("Tell asylum, a safe third country agreement and Remain in Mexico apart, and say who "
          "each affects."),
        t("Read border statistics with care: encounters and apprehensions count events, not "
          "people, and can rise while fewer people cross."),
        t("Trace a policy's effects over time: delays before it works, routes that shift, and "
          "costs borne by people on the move or by other countries."),
        t("Negotiate an agreement and weigh humanitarian aims against political ones."),
    )


def exit_ticket() -> tuple[str, ...]:
    """The exit ticket's questions, answered by each student alone."""
    return (
        t("What is the difference between encounters and apprehensions? Why can encounters "
          "rise when fewer people cross?"),
        t("What does a safe third country agreement change for a person seeking asylum?"),
        t("Name one decision of your team and one effect it had that you did not expect."),
        t("Who bore the costs of your team's choices: people on the move, another country, "
          "your own voters?"),
    )


def general_questions() -> tuple[str, ...]:
    """Questions every level's discussion ends with."""
    return (
        t("Which effects arrived late, and what did that change for the team that decided "
          "them?"),
        t("Which numbers on the projector were counted by governments, and which were the true "
          "ones? Where did they differ most?"),
    )


def _cost(spec_kind: str, cost: float) -> str:
    """What one unit of a lever costs a year, as a teacher reads it."""
    if spec_kind == "choice" or cost <= 0:
        return t("no direct cost")
    if spec_kind == "money":
        return t("its amount")
    dollars = cost * 1_000_000
    return money(cost) if dollars >= 1_000_000 else t("US${n}", n=format_number(dollars))


def _amount(spec_kind: str, value: float, unit: str) -> str:
    """A number lever's value with its unit, or a money lever's amount a year."""
    if spec_kind == "money":
        return t("{m} a year", m=money(value)) if value else t("none")
    return f"{format_number(value)} {t(unit)}"


def _value(spec_kind: str, value: object, unit: str) -> str:
    """A lever's starting value as the desk shows it."""
    if spec_kind == "choice":
        return heading(choice_label(str(value)))
    # An aid lever may be split by recipient ({GT: 100, HN: 80}): the card shows the total.
    total = float(sum(value.values())) if isinstance(value, Mapping) else float(value)  # type: ignore[arg-type]
    return _amount(spec_kind, total, unit)


def lever_lines(level: Level, country: str) -> tuple[LeverLine, ...]:
    """The country's levers with their starting value, range or choices, cost and delay."""
    policy = level.starting_policy()
    out = []
    for spec in levers_for(country):
        if spec.kind == "choice":
            choices = ", ".join(choice_label(c) for c in spec.choices)
        else:
            choices = t("{low} to {high}", low=format_number(spec.low),
                        high=_amount(spec.kind, spec.high, spec.unit))
        out.append(LeverLine(
            lever=spec.name, label=heading(lever_label(spec.name)),
            description=t(spec.description),
            now=_value(spec.kind, policy.value(country, spec.name), spec.unit),
            choices=choices, cost=_cost(spec.kind, spec.cost_per_unit.get(country, 0.0)),
            delay_months=spec.delay_months.get(country, 0)))
    return tuple(out)


def _goal(objective: Objective, owner: str | None, turns: int) -> Goal:
    """An objective with the sentence that says how it is judged."""
    text = text_of(objective.text)
    state = goal_state(objective, text, owner, [], [], 0, objective.judged_turn(turns))
    return Goal(text, progress(state), objective.stars)


def role_card(level: Level, country: str, grid_turns: int) -> RoleCard:
    """The role card of one playable country."""
    brief = level.briefing
    own = text_of(getattr(brief, country, None)) if brief is not None else ""
    goals = tuple(_goal(o, None, level.turns) for o in level.objectives
                  if o.for_ in ("all", country))
    secret = tuple(_goal(o, owner, level.turns) for owner, o in level.all_objectives()
                   if owner == country)
    partners = [c for c in level.country_setups() if c != country]
    deals = tuple(heading(agreement_label(k)) for k in agreement_kinds_for(country, partners))
    return RoleCard(
        country=country, name=country_name(country), brief=own or text_of(level.summary),
        goals=goals, secret=secret,
        budget=t("{budget} per turn", budget=money(level.budget_for(country))),
        levers=lever_lines(level, country), deals=deals, grid_turns=grid_turns)


def _facts(level: Level, teams: int) -> str:
    """One line: teams, turns, months per turn, the start month."""
    low, high = team_limits(level)
    per_turn = tn("{n} month per turn", "{n} months per turn", level.months_per_turn)
    return t("{low}–{high} teams · {turns} turns · {per_turn} · from {start}", low=low,
             high=high, turns=level.turns, per_turn=per_turn,
             start=month_label(level.start_month)) if low != high else tn(
        "{n} team · {turns} turns · {per_turn} · from {start}",
        "{n} teams · {turns} turns · {per_turn} · from {start}", teams, turns=level.turns,
        per_turn=per_turn, start=month_label(level.start_month))


def _sources(level: Level) -> tuple[str, ...]:
    """The level's sources, one line each."""
    out = []
    for s in level.sources:
        parts = [text_of(s.title), *(p for p in (s.publisher, s.year and str(s.year)) if p)]
        out.append(", ".join(parts) + (f" — {s.url}" if s.url else ""))
    return tuple(out)


def _fewer_teams_note(level: Level, plan: LessonPlan) -> str:
    """When not every turn fits: how many would with fewer teams."""
    low, _ = team_limits(level)
    for teams in range(plan.teams - 1, low - 1, -1):
        fit = turns_that_fit(plan.length, teams, level.turns, plan.desk_minutes)
        if fit > plan.turns:
            return t("With {teams} teams, {n} turns fit.", teams=teams, n=fit)
    return ""


def build_kit(level: Level, teams: int | None = None,
              timer_minutes: float | None = None, label: str = "",
              timing: LessonTiming | None = None) -> LessonKit:
    """The lesson kit of ``level`` for ``teams`` teams (default: three, as the set-up's).

    ``label`` (the class and period) heads every page; ``timing`` adds the lesson as the
    teacher set it up, minute by minute, before the standard 45- and 90-minute plans.
    """
    countries = level.playable_countries()
    low, high = team_limits(level)
    n = max(low, min(high, teams if teams is not None else 3)) if countries else 0
    plans = []
    for length in LENGTHS:
        plan = lesson_plan(length, level.turns, max(1, n), timer_minutes)
        extra = _fewer_teams_note(level, plan) if plan.note else ""
        if extra:
            plan = replace(plan, note=f"{plan.note} {extra}")
        plans.append(plan)
    brief = level.briefing
    grid_turns = min(max(p.turns for p in plans), 6)
    return LessonKit(
        level_id=level.id, title=text_of(level.title), summary=text_of(level.summary),
        language=language(), facts=_facts(level, n),
        situation=text_of(brief.general) if brief is not None else text_of(level.summary),
        teacher_notes=text_of(brief.teacher) if brief is not None else "",
        objectives=learning_objectives(countries), plans=tuple(plans),
        cards=tuple(role_card(level, c, grid_turns) for c in countries),
        glossary=tuple(glossary()),
        questions=tuple(text_of(q) for q in level.questions) + general_questions(),
        exit_ticket=exit_ticket(), sources=_sources(level), label=label,
        lesson=timed_plan(timing, max(1, n), level.turns) if timing is not None else None,
        epilogue=_epilogue(level))


def _epilogue(level: Level) -> tuple[str, str, str] | None:
    """The level's "what really happened", for the teacher to read after the debrief."""
    e = level.epilogue
    if e is None:
        return None
    return (text_of(e.title) or t("What really happened"), text_of(e.text), text_of(e.source))
