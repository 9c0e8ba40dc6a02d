"""The kit laid out as pages of simple blocks, which the HTML and PDF renderers both draw.

One layout for both formats: a section starts a new page (the plan, each role card, the
glossary, the exit ticket), and a :class:`Break` inside a section starts another (a card's
planning grid gets a page of its own). The blocks say what a thing is — a heading, a table, a
grid to write in — and the renderers decide how it looks on paper.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.i18n import t, tn
from game.play.lesson_timing import PlannedLesson, plan_summary
from game.play.lessonkit.content import Goal, LessonKit, RoleCard
from game.play.lessonkit.plan import LessonPlan


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 2 or 3)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    """A paragraph: ``body``, ``lead`` (larger), ``note`` (smaller, dim) or ``secret`` (boxed)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Items:
    """A bulleted or numbered list."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """A table: headers, rows, column widths as shares of the page, an optional note per row.

    A row's note is printed under its first cell, smaller (a lever's description).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Grid:
    """A grid to fill in by hand: labelled rows, one column per turn, cells of a set height."""

    corner: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    height_mm: float


@dataclass(frozen=True)
class Answer:
    """A question with ruled lines to answer on."""

    number: int
    prompt: str
    lines: int


@dataclass(frozen=True)
class Break:
    """Start a new page."""


Block = Heading | Para | Items | Table | Grid | Answer | Break


@dataclass(frozen=True)
class Section:
    """A part of the kit that starts on a new page."""

    key: str
    title: str
    subtitle: str
    blocks: tuple[Block, ...]


def _clock(minute: float) -> str:
    """``12`` or ``12.5``: a minute of the lesson."""
    return f"{minute:g}"


def plan_table(plan: LessonPlan) -> Table:
    """One lesson plan as a table: minutes, phase, what happens."""
    rows = tuple((f"{_clock(p.start)}–{_clock(p.start + p.minutes)}",
                  t("{title} ({n} min)", title=p.title, n=_clock(p.minutes)), p.what)
                 for p in plan.phases)
    return Table((t("Minutes"), t("Phase"), t("What happens")), rows, (0.13, 0.25, 0.62))


def _plan_blocks(plan: LessonPlan) -> list[Block]:
    """A plan's heading, its timer, its table and its note."""
    blocks: list[Block] = [
        Heading(t("{n}-minute lesson", n=plan.length), 3),
        Para(tn("{turns} of {total} turns · {n} team · turn timer {desk} minutes per team · "
                "{projector} minutes on the projector after each turn",
                "{turns} of {total} turns · {n} teams · turn timer {desk} minutes per team · "
                "{projector} minutes on the projector after each turn", plan.teams,
                turns=plan.turns, total=plan.level_turns, desk=_clock(plan.desk_minutes),
                projector=_clock(plan.projector_minutes)), "note"),
        plan_table(plan)]
    if plan.note:
        blocks.append(Para(plan.note, "secret"))
    return blocks


def _set_up_blocks(lesson: PlannedLesson) -> list[Block]:
    """The lesson as the teacher set it up: minute by minute, with its planned total."""
    rows = tuple((f"{_clock(s.start)}–{_clock(s.start + s.minutes)}",
                  t("{title} ({n} min)", title=s.title, n=_clock(s.minutes)))
                 for s in lesson.steps)
    return [Heading(t("This lesson, as set up"), 3), Para(plan_summary(lesson), "note"),
            Table((t("Minutes"), t("Phase")), rows, (0.2, 0.8))]


def plan_section(kit: LessonKit) -> Section:
    """The lesson plan: objectives, timings, the situation, questions, notes, sources."""
    blocks: list[Block] = [Para(kit.summary, "lead"), Para(kit.facts, "note"),
                           Heading(t("Learning objectives")), Para(t("By the end of the "
                                                                      "lesson, students can:")),
                           Items(kit.objectives),
                           Heading(t("Materials")),
                           Items((t("The game on one computer, with a projector."),
                                  t("One role card per team (its secret objective is for that "
                                    "team only)."),
                                  t("The glossary and the exit ticket, one copy per "
                                    "student."))),
                           Heading(t("Timings"))]
    if kit.lesson is not None:
        blocks += _set_up_blocks(kit.lesson)
    for plan in kit.plans:
        blocks += _plan_blocks(plan)
    blocks += [Heading(t("The situation (read aloud)")), Para(kit.situation)]
    blocks += [Heading(t("Discussion questions")), Items(kit.questions, numbered=True)]
    if kit.epilogue is not None:
        heading, text, source = kit.epilogue
        blocks += [Heading(t("{heading} (read after the debrief)", heading=heading)),
                   Para(text), Para(source, "note")]
    if kit.teacher_notes:
        blocks += [Heading(t("Notes for the teacher")), Para(kit.teacher_notes)]
    if kit.sources:
        blocks += [Heading(t("Sources")), Items(kit.sources)]
    return Section("plan", t("Lesson plan: {title}", title=kit.title),
                   t("Borderlines lesson kit"), tuple(blocks))


def _goal_items(goals: tuple[Goal, ...]) -> Items:
    """Objectives, each with how it is judged and its stars."""
    return Items(tuple(f"{g.text} ({tn('{n} star', '{n} stars', g.stars)}). {g.how}"
                       for g in goals))


def card_section(card: RoleCard, subtitle: str) -> Section:
    """One team's role card: brief, goals, secret goals, levers, deals, then its grid."""
    blocks: list[Block] = [Para(t("Team: ____________________________"), "lead"),
                           Heading(t("Your brief")), Para(card.brief)]
    if card.goals:
        blocks += [Heading(t("Objectives every team sees")), _goal_items(card.goals)]
    blocks.append(Heading(t("Your secret objective")))
    if card.secret:
        blocks.append(Para(t("Keep it within your team: the others learn it in the debrief."),
                           "note"))
        blocks += [Para(f"{g.text} ({tn('{n} star', '{n} stars', g.stars)}). {g.how}",
                        "secret") for g in card.secret]
    else:
        blocks.append(Para(t("This level gives your country no secret objective."), "note"))
    blocks += [Heading(t("Your levers")),
               Para(t("Budget: {budget}. Costs are per year; a turn pays its share of the "
                      "year. A change reaches full effect only after its delay.",
                      budget=card.budget), "note"),
               Table((t("Lever"), t("At the start"), t("Range or choices"),
                      t("Cost a year, each"), t("Full effect after")),
                     tuple((lv.label, lv.now, lv.choices, lv.cost,
                            tn("{n} month", "{n} months", lv.delay_months))
                           for lv in card.levers),
                     (0.36, 0.16, 0.18, 0.16, 0.14),
                     notes=tuple(lv.description for lv in card.levers))]
    if card.deals:
        blocks += [Heading(t("Deals you may offer")), Para(", ".join(card.deals) + ".")]
    columns = tuple(t("Turn {n}", n=i) for i in range(1, card.grid_turns + 1))
    blocks += [Break(), Heading(t("Planning grid: {country}", country=card.name)),
               Para(t("Plan at your table before your turn at the computer; after each turn, "
                      "note what happened."), "note"),
               Grid(t("Turn"), columns,
                    (t("Levers we change, and to what"), t("Offers we make or answer"),
                     t("What we expect"), t("What happened"), t("Next time we…")), 36.0)]
    return Section(f"card-{card.country}", t("Role card: {country}", country=card.name),
                   subtitle, tuple(blocks))


def glossary_section(kit: LessonKit) -> Section:
    """The glossary, for every student."""
    rows = tuple((term, text) for term, text in kit.glossary)
    return Section("glossary", t("Glossary"), t("The words the game uses"),
                   (Table((t("Term"), t("What it means")), rows, (0.26, 0.74)),))


def exit_section(kit: LessonKit) -> Section:
    """The exit ticket: a name, then each question with lines to answer on."""
    blocks: list[Block] = [Para(t("Name: ____________________________    Team: "
                                  "____________________"), "lead"),
                           Para(t("Answer alone, in a sentence or two each."), "note")]
    blocks += [Answer(i, q, 4) for i, q in enumerate(kit.exit_ticket, start=1)]
    return Section("exit", t("Exit ticket"), kit.title, tuple(blocks))


def kit_sections(kit: LessonKit) -> tuple[Section, ...]:
    """Every section of the kit, in print order (the class's label under each title)."""
    cards = [card_section(c, kit.title) for c in kit.cards]
    sections = (plan_section(kit), *cards, glossary_section(kit), exit_section(kit))
    if not kit.label:
        return sections
    return tuple(replace(s, subtitle=f"{s.subtitle} · {kit.label}") for s in sections)
