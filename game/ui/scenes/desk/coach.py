"""The tutorial's coach on the desk: one step at a time, the control to use outlined.

The level's ``tutorial:`` block (``game.play.tutorial``) says what to teach. On the first turn
the coach shows each step in a box over the map, outlines the control the step is about, and
moves on only when the desk's real state shows the step done: the tab is open, the lever's
draft value moved, the pointer rested on the forecast, the glossary was opened. ``read`` and
``look_at`` steps also take Next (the keyboard's way to "look"). On later turns the box holds
that turn's hint until the student closes it. "Skip tutorial" ends both.

The coach never moves the keyboard focus while a text field is being edited, never takes
Escape (the desk's Back), and End turn is never its default focus.

The desk calls it from a few named hooks: ``build`` (in ``_build_panel``), ``handle``,
``update``, ``draw`` and ``draw_over``; the glossary button in the top bar is built here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.names import LEVERS
from game.play.tutorial import (
    CoachStep,
    Progress,
    TurnHint,
    TutorialPlan,
    advanced,
    load_progress,
    plan_of,
    save_progress,
)
from game.ui import theme
from game.ui.scenes.desk.drawing import gauges_left, lever_total
from game.ui.scenes.kit import wrap
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from pygame_gui.core import UIElement

    from game.ui.scenes.base import Scene
    from game.ui.scenes.desk.scene import DeskScene

#: Seconds the pointer must rest on a place for a ``look_at`` step to count it as looked at.
LOOK_S = 0.3
#: The outline round the control to use: sky blue, apart from the yellow keyboard focus.
OUTLINE = theme.OKABE_ITO["sky_blue"]
#: The key that opens the glossary from the desk (F-keys pass even while a field is edited).
GLOSSARY_KEY = pygame.K_F1


def tutorial_plan(desk: DeskScene) -> TutorialPlan | None:
    """The tutorial of the desk's level: for a person playing alone, not under autoplay."""
    game = desk.game
    if game.autoplay or getattr(game, "room", None) is not None:
        return None
    return plan_of(game.session.view.level)


class Coach:
    """The tutorial's box, outline and buttons on one desk (inactive without a tutorial)."""

    def __init__(self, desk: DeskScene) -> None:
        self.desk = desk
        self.plan = tutorial_plan(desk)
        self.game_id = desk.game.session.record.game_id
        self.progress = load_progress(self.game_id, desk.game.turn) if self.plan else Progress()
        #: Places looked at (pointer rested, or Next), and "glossary" once it was opened.
        self.looked: set[str] = set()
        self._pointer: tuple[int, int] | None = None
        self._rested = 0.0
        self.box = pygame.Rect(0, 0, 0, 0)
        self.lines: list[str] = []
        self.font = theme.font(14)
        self.next_button: UIButton | None = None
        self.skip_button: UIButton | None = None
        self.help_button: UIButton | None = None
        self.glossary_button: UIButton | None = None
        self._surface: pygame.Surface | None = None

    # -- what is shown --------------------------------------------------------------------------

    @property
    def step(self) -> CoachStep | None:
        """The first turn's current step, while the tutorial runs."""
        if self.plan is None or self.progress.skipped or self.desk.game.turn > 1:
            return None
        steps = self.plan.steps
        return steps[self.progress.step] if self.progress.step < len(steps) else None

    @property
    def hint(self) -> TurnHint | None:
        """This turn's hint, until it is closed (never while first-turn steps remain)."""
        if self.plan is None or self.progress.skipped or self.step is not None:
            return None
        hint = self.plan.hint(self.desk.game.turn)
        return None if hint is None or hint.turn in self.progress.closed_hints else hint

    @property
    def active(self) -> bool:
        """Whether the box is shown."""
        return self.step is not None or self.hint is not None

    def heading(self) -> str:
        """The box's first line: the step's number, or the hint's turn."""
        if self.step is not None and self.plan is not None:
            return t("Tutorial · step {n} of {total}", n=self.progress.step + 1,
                     total=len(self.plan.steps))
        return t("Hint for turn {n}", n=self.desk.game.turn)

    def text(self) -> str:
        """What the box says."""
        shown = self.step or self.hint
        return shown.text if shown is not None else ""

    # -- layout ---------------------------------------------------------------------------------

    def build(self) -> None:
        """The glossary button in the top bar; the box and its buttons over the map."""
        desk, m = self.desk, self.desk.app.manager
        self.next_button = self.skip_button = self.help_button = self.glossary_button = None
        self._surface = None
        if getattr(desk.game, "room", None) is not None:
            return  # a classroom team's desk keeps its own top bar
        label = t("Glossary")
        f = theme.font(15)
        bh = min(theme.px(30), desk.top_rect.height - theme.px(8))
        width = f.size(label)[0] + theme.px(24)
        right = gauges_left(desk) - theme.px(12)
        self.glossary_button = UIButton(
            pygame.Rect(right - width, desk.top_rect.centery - bh // 2, width, bh),
            label, manager=m, object_id="#small")
        self.glossary_button.set_tooltip(t("The words the game uses, explained (F1)."))
        desk.focus.add(self.glossary_button)
        self.layout()

    def _buttons(self) -> list[UIButton]:
        return [b for b in (self.help_button, self.skip_button, self.next_button)
                if b is not None]

    def layout(self) -> None:
        """Size the box to its text, place it over the map, away from the outlined control.

        The box's buttons are made again for each step, in the focus ring's same places, so
        the keyboard focus stays where it was.
        """
        self._surface = None
        old = self._buttons()
        for b in old:
            b.kill()
        self.next_button = self.skip_button = self.help_button = None
        if not self.active:
            self.box = pygame.Rect(0, 0, 0, 0)
            return
        desk, gap = self.desk, theme.px(10)
        hint = self.step is None
        labels = [t("Glossary"), t("No more hints") if hint else t("Skip tutorial"),
                  t("Got it") if hint else t("Next")]
        f = theme.font(15)
        bh = theme.px(30)
        widths = [f.size(label)[0] + theme.px(24) for label in labels]
        width = min(max(theme.px(440), sum(widths) + 4 * gap), desk.map_rect.width - 2 * gap)
        inner = width - 2 * theme.px(12)
        head = theme.font(14, bold=True).get_linesize() + theme.px(4)
        room = desk.map_rect.height - 2 * gap - head - bh - 3 * theme.px(10)
        for size in (14, 13, 12):
            self.font = theme.font(size)
            self.lines = wrap(self.font, self.text(), inner)
            if len(self.lines) * self.font.get_linesize() <= room:
                break
        shown = max(1, min(len(self.lines), room // self.font.get_linesize()))
        height = theme.px(10) + head + shown * self.font.get_linesize() + theme.px(10) + bh \
            + theme.px(10)
        box = pygame.Rect(desk.map_rect.right - gap - width, desk.map_rect.top + gap,
                          width, height)
        target = self.target_rect()
        if target is not None and box.inflate(theme.px(12), theme.px(12)).colliderect(target):
            box.bottom = desk.map_rect.bottom - gap
        self.box = box
        rects: list[pygame.Rect] = []
        x = box.right - theme.px(12)
        for w in reversed(widths):
            x -= w
            rects.insert(0, pygame.Rect(x, box.bottom - theme.px(10) - bh, w, bh))
            x -= theme.px(8)
        m = desk.app.manager
        self.help_button, self.skip_button, self.next_button = (
            UIButton(rect, label, manager=m, object_id=kind) for rect, label, kind in
            zip(rects, labels, ("#small", "#small", "#primary"), strict=True))
        step = self.step
        if step is not None and step.checked and step.kind != "look_at":
            self.next_button.disable()
        ring = desk.focus
        if old and all(b in ring.items for b in old):
            for b, new in zip(old, self._buttons(), strict=True):
                ring.items[ring.items.index(b)] = new
        else:
            ring.add(*self._buttons())

    def first_focus(self) -> UIElement | None:
        """Where the keyboard focus starts while the coach runs (never End turn)."""
        if not self.active:
            return None
        target = self.target_widget()
        if target is not None and target is not self.desk.end_button:
            return target
        if self.next_button is not None and self.next_button.is_enabled:
            return self.next_button
        return next((b for b, key in self.desk.tab_buttons if key == self.desk.tab), None)

    # -- what the step points at ----------------------------------------------------------------

    def _pointing(self) -> tuple[str | None, str | None, str | None]:
        """(tab, lever, place) the current step or hint points at."""
        step = self.step
        if step is not None:
            place = {"open_glossary": "glossary", "end_turn": "end_turn"}.get(step.kind,
                                                                              step.place)
            return step.tab, step.lever, place
        hint = self.hint
        return (hint.tab, hint.lever, hint.place) if hint is not None else (None, None, None)

    def target_widget(self) -> UIElement | None:
        """The widget to use for this step, when it is one: a tab, a slider, a button."""
        desk = self.desk
        tab, lever, place = self._pointing()
        if lever is not None:
            if lever in desk.controls:
                c = desk.controls[lever]
                return c.get("slider") or next(iter(c.get("choices", [])), (None,))[0]
            tab = LEVERS[lever].tab
        if tab is not None:
            return next((b for b, key in desk.tab_buttons if key == tab and desk.tab != tab),
                        None)
        if place == "end_turn":
            return desk.end_button
        if place == "glossary":
            return self.glossary_button
        return None

    def target_rect(self) -> pygame.Rect | None:
        """The rectangle to outline: the widget, the lever's row, or a place on the desk."""
        desk = self.desk
        tab, lever, place = self._pointing()
        if lever is not None and lever in desk.controls:
            return next((r for name, r in desk.row_rects if name == lever), None)
        widget = self.target_widget()
        if widget is not None:
            return pygame.Rect(widget.rect)
        if tab is not None and desk.tab == tab:
            return None  # the tab is open: nothing left to point at
        return {"forecast": desk.forecast_rect, "map": desk.map_rect,
                "budget": desk.budget_rect}.get(place or "")

    # -- input and checks -----------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | bool:
        """The coach's buttons and F1; the next scene, True when used, False when not."""
        if event.type == pygame.MOUSEMOTION:
            self._pointer = event.pos
            return False
        if event.type == pygame.KEYDOWN and event.key == GLOSSARY_KEY \
                and self.glossary_button is not None and self.desk.focus.editing is None:
            return self.open_glossary()
        if event.type != pygame_gui.UI_BUTTON_PRESSED or event.ui_element is None:
            return False
        element = event.ui_element
        if element in (self.glossary_button, self.help_button):
            return self.open_glossary()
        if element is self.skip_button:
            self._save(Progress(self.progress.step, True, self.progress.closed_hints))
            self.layout()
            self.desk.invalidate()
            return True
        if element is self.next_button:
            step, hint = self.step, self.hint
            if step is not None and step.place:
                self.looked.add(step.place)
            if step is not None and (not step.checked or step.kind == "look_at"):
                self._advance()
            elif hint is not None:
                self._save(Progress(self.progress.step, False,
                                    (*self.progress.closed_hints, hint.turn)))
                self._relayout(focus_next=True)
            return True
        return False

    def open_glossary(self) -> Scene:
        """Open the glossary; Escape or Back comes back to this desk."""
        self.looked.add("glossary")
        self.check()
        return open_scene("glossary", self.desk.app, back_to=self.desk)

    def update(self, dt: float) -> None:
        """Count the pointer's rest on the place to look at; move on when the step is done."""
        step = self.step
        if step is not None and step.kind == "look_at" and self._pointer is not None:
            rect = self.target_rect()
            if rect is not None and rect.collidepoint(self._pointer) \
                    and not self.box.collidepoint(self._pointer):
                self._rested += dt
                if self._rested >= LOOK_S and step.place:
                    self.looked.add(step.place)
            else:
                self._rested = 0.0
        self.check()

    def done(self, step: CoachStep) -> bool:
        """Whether the desk's real state shows ``step`` done."""
        desk = self.desk
        if step.kind == "open_tab":
            return desk.tab == step.tab
        if step.kind == "change_lever" and step.lever:
            if step.lever not in desk.draft:
                return False
            before = desk.table.policy.value(desk.player, step.lever)
            after = desk.draft[step.lever]
            if isinstance(before, str) or isinstance(after, str):
                return after != before
            change = lever_total(after) - lever_total(before)
            return {"up": change > 0, "down": change < 0}.get(step.direction, change != 0)
        if step.kind == "look_at":
            return step.place in self.looked
        if step.kind == "open_glossary":
            return "glossary" in self.looked
        return False  # read: Next; end_turn: the next turn

    def check(self) -> None:
        """Advance past every step the desk's state shows done."""
        moved = False
        while (step := self.step) is not None and step.checked and self.done(step):
            self._advance(relayout=False)
            moved = True
        if moved:
            self._relayout(focus_next=False)

    def _advance(self, relayout: bool = True) -> None:
        if self.plan is not None:
            self._save(advanced(self.progress, len(self.plan.steps)))
        self._rested = 0.0
        if relayout:
            self._relayout(focus_next=True)

    def _save(self, progress: Progress) -> None:
        self.progress = progress
        save_progress(self.game_id, progress)

    def _relayout(self, focus_next: bool) -> None:
        """Show the new step; the focus follows it unless the student is typing in a field."""
        self.layout()
        self.desk.invalidate()
        ring = self.desk.focus
        if ring.editing is not None:
            return
        on_coach = ring.current in self._buttons() or ring.current is None
        if focus_next or on_coach:
            first = self.first_focus()
            if first is not None and first in ring.items:
                ring.focus(first)

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The box over the map: its heading and text (its buttons are widgets on top)."""
        if not self.active or self.box.width == 0:
            return
        if self._surface is None:
            self._surface = self._render()
        surface.blit(self._surface, self.box.topleft)

    def _render(self) -> pygame.Surface:
        box = self.box
        out = pygame.Surface(box.size, pygame.SRCALPHA)
        local = out.get_rect()
        pygame.draw.rect(out, (*theme.PANEL_HIGHLIGHT, 245), local, border_radius=theme.px(10))
        pygame.draw.rect(out, OUTLINE, local, width=max(2, theme.px(2)),
                         border_radius=theme.px(10))
        bold = theme.font(14, bold=True)
        x, y = theme.px(12), theme.px(10)
        out.blit(bold.render(self.heading(), True, OUTLINE), (x, y))
        y += bold.get_linesize() + theme.px(4)
        bottom = box.height - theme.px(20) - theme.px(30)
        for line in self.lines:
            if y + self.font.get_linesize() > bottom:
                break
            out.blit(self.font.render(line, True, theme.TEXT), (x, y))
            y += self.font.get_linesize()
        return out

    def draw_over(self, surface: pygame.Surface) -> None:
        """Outline the control to use, over the widgets (and under the keyboard focus ring)."""
        if not self.active:
            return
        rect = self.target_rect()
        if rect is None:
            return
        pygame.draw.rect(surface, OUTLINE, rect.inflate(theme.px(10), theme.px(10)),
                         width=max(3, theme.px(3)), border_radius=theme.px(8))
