"""A team's briefing: the situation, its country's brief, and its objectives — hidden ones too.

Shown to each team the first time it takes the desk, and whenever it presses Escape at its
desk. Only the team at the computer sees it, so its hidden objectives stay its own. The team's
desk clock waits while it reads (it runs at the desk, the deals screen and nowhere else).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.i18n import t
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text, teacher_key
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    panel_inner,
    wrap,
)
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.ui.app import App


class ClassBriefingScene(Scene):
    """The team's brief and objectives; the button opens (or returns to) its desk."""

    name = "class_briefing"

    def __init__(self, app: App, room: Classroom, country: str,
                 desk: Scene | None = None) -> None:
        super().__init__(app)
        self.room = room
        self.country = country
        self.desk = desk

    def enter(self) -> None:
        """Two panels and the button."""
        w, h = self.app.screen.get_size()
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(44)
        body_h = bottom - top - bh - gap
        lw = int((w - 3 * gap) * 0.6)
        self.brief_rect = pygame.Rect(gap, top, lw, body_h)
        self.goals_rect = pygame.Rect(2 * gap + lw, top, w - 3 * gap - lw, body_h)
        bw = min(theme.px(300), w // 2)
        self.open_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh),
                                    t("Open our desk"), manager=self.app.manager,
                                    object_id="#primary")
        self._fit_texts()
        self.focus.add(*(box for box in (self.brief_box, self.goals_box) if box is not None),
                       self.open_button)
        self.focus.focus(self.open_button)

    def _fit_texts(self) -> None:
        """The largest size at which each panel's text fits whole; else a box that scrolls.

        The brief is what the team decides from, and a secret objective cut short is one the
        team never reads: neither is cut. Measured once here, not each frame.
        """
        m = self.app.manager
        brief = self.room.session.view.briefing(self.country)
        inner = panel_inner(self.brief_rect, t("The situation and your brief"))
        # A text longer than any window shows goes straight to the box, unmeasured.
        self.brief_font = None if len(brief) > 20_000 else next(
            (theme.font(size) for size in (16, 15, 14)
             if self._text_height(theme.font(size), brief, inner.width) <= inner.height), None)
        self.brief_box: UITextBox | None = None
        if self.brief_font is None:
            self.brief_box = UITextBox(
                f"<b>{html.escape(t('The situation and your brief'))}</b><br><br>"
                + html.escape(brief).replace("\n", "<br>"), self.brief_rect, manager=m)
        self.goals = self.room.objectives_for(self.country)
        inner = panel_inner(self.goals_rect, t("Your objectives"))
        self.goal_fonts = next(((theme.font(b, bold=True), theme.font(size))
                                for b, size in ((14, 14), (13, 12))
                                if self._goals_height(theme.font(b, bold=True),
                                                      theme.font(size), inner.width)
                                <= inner.height), None)
        self.goals_box: UITextBox | None = None
        if self.goal_fonts is None:
            rows = [f"<b>{html.escape(t('Your objectives'))}</b>"]
            rows += [f"<b>{html.escape(self._goal_label(o))}</b><br>{html.escape(o.text)}"
                     for o in self.goals]
            self.goals_box = UITextBox("<br><br>".join(rows), self.goals_rect, manager=m)

    @staticmethod
    def _text_height(font: pygame.font.Font, text: str, width: int) -> int:
        """The height of ``text`` wrapped at ``width`` (its line breaks kept)."""
        return len(wrap(font, text, width)) * font.get_linesize()

    def _goals_height(self, bold: pygame.font.Font, small: pygame.font.Font, width: int) -> int:
        """The height the objectives take drawn whole in these fonts."""
        return sum(bold.get_linesize() + self._text_height(small, o.text, width)
                   + theme.px(10) for o in self.goals)

    def _goal_label(self, goal: object) -> str:
        """Whose objective it is: this team's secret one, or every team's."""
        return t("Secret, for your team only") if getattr(goal, "team", None) == self.country \
            else t("Every team sees this one")

    def panels(self) -> list[pygame.Rect]:
        """The brief and the objectives."""
        return [self.brief_rect, self.goals_rect]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Open the desk; Ctrl+T for the teacher."""
        if teacher_key(event):
            return open_scene("class_teacher", self.app, self.room, back_to=self)
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.open_button:
            return self.open()
        return super().handle(event)

    def open(self) -> Scene:
        """The team's desk (the same one when it came from there)."""
        if self.desk is not None:
            return self.desk
        return open_scene("class_desk", self.app, self.room, self.country)

    def back(self) -> Scene | None:
        """Escape opens the desk too."""
        return self.open()

    def autoplay(self) -> Scene | None:
        """Autoplay opens the desk."""
        return self.open()

    # The team's clock waits while it reads its brief (issue 18: a 45-minute lesson counts the
    # briefing apart, and a team must not lose desk minutes to reading): no update, no ticking.

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Enter"), t("Open the desk")), (t("Ctrl+T"), t("Teacher"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The brief on the left, the objectives on the right."""
        surface.fill(theme.BACKGROUND)
        team = self.room.team(self.country)
        clock = clock_text(self.room.time_left)
        header(surface, t("Briefing: {team}", team=team.label),
               t("Time left {clock} · the clock waits while you read", clock=clock)
               if clock else "")
        if self.brief_font is not None:
            inner = panel(surface, self.brief_rect, t("The situation and your brief"))
            draw_wrapped(surface, self.brief_font, self.room.session.view.briefing(self.country),
                         inner)
        if self.goal_fonts is None:
            return
        bold, small = self.goal_fonts
        inner = panel(surface, self.goals_rect, t("Your objectives"))
        y = inner.top
        if not self.goals:
            draw_wrapped(surface, small, t("This level sets no objectives: decide what your "
                                           "government should achieve."), inner,
                         theme.TEXT_DIM)
        for o in self.goals:
            surface.blit(fit(bold, self._goal_label(o), inner.width, theme.ACCENT if o.team
                             else theme.TEXT_DIM), (inner.left, y))
            y += bold.get_linesize()
            y += draw_wrapped(surface, small, o.text, pygame.Rect(
                inner.left, y, inner.width, inner.bottom - y), theme.TEXT) + theme.px(10)
