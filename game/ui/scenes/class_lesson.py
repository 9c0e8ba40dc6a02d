"""The class set-up's lesson panel: the preset, the turns and the minutes of each phase.

A band under the level and the teams: the preset (the level's own plan, 45 minutes, 90
minutes, the teacher's last lesson), the turns to play, each team's desk timer, the shared
negotiation round and the class briefing — each a button that steps through its choices — and
the planned total ("Planned: 45 of 45 minutes, with 11 minutes of debrief"), in red when the
lesson overflows. The class/period label is typed in the options column (class_setup).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.i18n import t, tn
from game.play.lesson_timing import (
    PRESETS,
    LessonTiming,
    PlannedLesson,
    Preset,
    apply_preset,
    lesson_plan,
    plan_summary,
    remembered,
    remembered_label,
    to_remember,
)
from game.ui import theme
from game.ui.scenes.kit import fit, panel

#: Timer choices in minutes (None: untimed, the default: DESIGN.md §1).
#: Two minutes is the lesson kit's 45-minute plan: teams plan at their tables, then enter it.
TIMERS: tuple[float | None, ...] = (None, 2, 3, 5, 8, 10, 15, 20)
#: Minutes a negotiation round or the class briefing may be set to (0: none).
ROUND_CHOICES: tuple[float, ...] = (0, 1, 2, 3, 4, 5, 8, 10, 15)


class LessonChoices:
    """What the lesson panel holds: the preset chosen and the timing, for one level."""

    def __init__(self, app_settings: Any = None) -> None:
        self.saved = remembered(getattr(app_settings, "last_lesson", None))
        #: The label typed last time, offered again.
        self.label = remembered_label(getattr(app_settings, "last_lesson", None))
        self.preset_key = "level"
        self.length: int | None = None
        self.timing = LessonTiming()
        self.timers: list[float | None] = list(TIMERS)
        self.level_turns = 1
        self.suggested: float | None = None
        #: Until the first level is chosen: the teacher's last lesson is offered first.
        self.first = True

    def presets(self) -> list[str]:
        """The keys the preset button steps through."""
        keys = ["level", *(p.key for p in PRESETS)]
        return [*keys, "last"] if self.saved is not None else keys

    def preset_label(self) -> str:
        """"Lesson: 45 minutes" and the like."""
        names = {"level": t("the level's plan"), "last": t("my last one"),
                 "custom": t("custom")}
        name = names.get(self.preset_key) or t("{n} minutes", n=self.length)
        return t("Lesson: {preset}", preset=name)

    def for_level(self, level: Any, teams: int, simultaneous: bool = False) -> None:
        """A new level: its timer choices, and the preset applied to it (the last one first)."""
        self.level_turns = int(level.turns)
        room = level.classroom
        suggested = room.timer_minutes if room is not None else None
        self.timers = list(TIMERS)
        if suggested is not None and suggested not in self.timers:
            self.timers = [None, *sorted([*(float(m) for m in TIMERS if m is not None),
                                           float(suggested)])]
        self.suggested = suggested
        key = self.preset_key if self.preset_key in self.presets() else "level"
        if key == "custom":
            self.timing = self.timing.for_level(self.level_turns)
            return
        if self.first and self.saved is not None:
            key = "last"
        self.first = False
        self.choose(key, teams, level, simultaneous)

    def choose(self, key: str, teams: int, level: Any, simultaneous: bool = False) -> None:
        """Apply preset ``key`` for this many teams."""
        self.preset_key = key
        if key == "level":
            self.length = level.duration_minutes
            self.timing = LessonTiming(None, self.suggested, 0.0, 0.0)
            return
        chosen: Preset = self.saved if key == "last" and self.saved is not None else next(
            p for p in PRESETS if p.key == key)
        self.length = chosen.length
        self.timing = apply_preset(chosen, teams, self.level_turns, simultaneous)
        desk = self.timing.desk_minutes
        if desk not in self.timers:
            self.timers = [None, *sorted({*(float(m) for m in self.timers if m is not None),
                                          float(desk)})] if desk is not None else self.timers

    def next_preset(self, teams: int, level: Any, simultaneous: bool = False) -> None:
        """The preset button: the next preset."""
        keys = self.presets()
        k = keys.index(self.preset_key) if self.preset_key in keys else -1
        self.choose(keys[(k + 1) % len(keys)], teams, level, simultaneous)

    def step(self, what: str) -> None:
        """One of the timing buttons: its next value (the preset becomes "custom")."""
        timing = self.timing
        if what == "turns":
            played = timing.played_turns(self.level_turns)
            turns = played + 1 if played < self.level_turns else 1
            timing = replace(timing, turns=turns).for_level(self.level_turns)
        elif what == "timer":
            i = self.timers.index(timing.desk_minutes) if timing.desk_minutes in self.timers \
                else 0
            timing = replace(timing, desk_minutes=self.timers[(i + 1) % len(self.timers)])
        else:
            now = timing.negotiation_minutes if what == "negotiation" else \
                timing.briefing_minutes
            later = [m for m in ROUND_CHOICES if m > now]
            minutes = float(later[0] if later else ROUND_CHOICES[0])
            timing = replace(timing, negotiation_minutes=minutes) if what == "negotiation" \
                else replace(timing, briefing_minutes=minutes)
        self.timing = timing
        self.preset_key = "custom"

    def plan(self, teams: int, simultaneous: bool = False) -> PlannedLesson:
        """The lesson as set up, minute by minute."""
        return lesson_plan(self.timing, teams, self.level_turns, simultaneous, self.length)

    def remember(self, label: str) -> dict[str, Any]:
        """What the settings file keeps of this lesson."""
        return to_remember(self.timing, self.length, label)

    # -- button texts -------------------------------------------------------------------------

    def timer_text(self) -> str:
        """"Turn timer: 2 minutes per team"."""
        desk = self.timing.desk_minutes
        return t("Turn timer: off") if desk is None else t(
            "Turn timer: {n} minutes per team", n=f"{desk:g}")

    def turns_text(self) -> str:
        """"Turns: 3 of 4"."""
        return t("Turns: {n} of {m}", n=self.timing.played_turns(self.level_turns),
                 m=self.level_turns)

    def round_text(self, what: str) -> str:
        """"Negotiation: 2 minutes" / "Briefing: off"."""
        minutes = self.timing.negotiation_minutes if what == "negotiation" else \
            self.timing.briefing_minutes
        if what == "negotiation":
            return t("Negotiation: off") if not minutes else tn(
                "Negotiation: {n} minute", "Negotiation: {n} minutes", int(minutes))
        return t("Briefing: off") if not minutes else tn(
            "Briefing: {n} minute", "Briefing: {n} minutes", int(minutes))

    def all_texts(self) -> list[str]:
        """Every text a button of the band can show (the longest decides the style)."""
        return [self.preset_label(), self.timer_text(), self.turns_text(),
                self.round_text("negotiation"), self.round_text("briefing"),
                t("Turn timer: {n} minutes per team", n="20"),
                t("Lesson: {preset}", preset=t("the level's plan")),
                t("Lesson: {preset}", preset=t("my last one"))]


class LessonBand:
    """The lesson panel's widgets on the set-up screen."""

    def __init__(self, choices: LessonChoices) -> None:
        self.choices = choices
        self.buttons: dict[str, UIButton] = {}
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.summary_y = 0

    @staticmethod
    def height() -> int:
        """The band's height: a heading (the planned total beside it), two rows of buttons."""
        head = theme.font(15, bold=True).get_linesize() + theme.px(6)
        return head + 2 * theme.px(34) + theme.px(6) + 2 * theme.px(10)

    def build(self, rect: pygame.Rect, manager: Any) -> list[UIButton]:
        """Two rows: preset, turns, briefing; the timer (two thirds) and negotiation."""
        self.rect = rect
        c = self.choices
        inner = rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        head = theme.font(15, bold=True).get_linesize() + theme.px(6)
        gap, h_row = theme.px(6), theme.px(34)
        col = (inner.width - 2 * gap) // 3
        longest = max(theme.font(17).size(x)[0] for x in c.all_texts())
        style = None if longest + theme.px(24) <= col else "#small"
        y = inner.top + head
        x = [inner.left, inner.left + col + gap, inner.left + 2 * (col + gap)]
        specs = [("preset", x[0], y, col, c.preset_label(),
                  t("45 and 90 minutes are built in; your last lesson is remembered.")),
                 ("turns", x[1], y, col, c.turns_text(),
                  t("The session ends and the debrief opens after this many turns.")),
                 ("briefing", x[2], y, col, c.round_text("briefing"),
                  t("A class briefing before the first turn, counted down on the screen; the "
                    "teams' clocks wait.")),
                 ("timer", x[0], y + h_row + gap, 2 * col + gap, c.timer_text(),
                  t("Minutes each team has at the computer per turn.")),
                 ("negotiation", x[2], y + h_row + gap, col, c.round_text("negotiation"),
                  t("A negotiation round for the whole class before every turn after the "
                    "first, counted down on the projector."))]
        self.buttons = {}
        for key, bx, by, bw, text, tip in specs:
            button = UIButton(pygame.Rect(bx, by, bw, h_row), text, manager=manager,
                              object_id=style)
            button.set_tooltip(tip)
            self.buttons[key] = button
        return [self.buttons[k] for k in ("preset", "turns", "briefing", "timer",
                                          "negotiation")]

    def press(self, element: object, teams: int, level: Any,
              simultaneous: bool = False) -> bool:
        """Handle a press on one of the band's buttons; True when it was one."""
        for key, button in self.buttons.items():
            if element is button:
                if key == "preset":
                    self.choices.next_preset(teams, level, simultaneous)
                else:
                    self.choices.step(key)
                return True
        return False

    def draw(self, surface: pygame.Surface, teams: int, simultaneous: bool = False) -> None:
        """The panel, and the planned total on the heading's line (red when it overflows)."""
        title = t("The lesson")
        panel(surface, self.rect, title)
        inner = self.rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        plan = self.choices.plan(teams, simultaneous)
        colour = theme.TEXT_DIM if plan.fits else theme.BAD
        head = theme.font(15, bold=True)
        x = inner.left + head.size(title)[0] + theme.px(16)
        text = fit(theme.font(14), plan_summary(plan), inner.right - x, colour)
        surface.blit(text, text.get_rect(right=inner.right, top=inner.top + head.get_ascent()
                                         - theme.font(14).get_ascent()))
