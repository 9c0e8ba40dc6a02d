"""A team's briefing: the situation, its country's brief, and its objectives — hidden ones too.

Shown to each team the first time it takes the desk, and whenever it presses Escape at its
desk. Only the team at the computer sees it, so its hidden objectives stay its own. The team's
desk clock waits while it reads (it runs at the desk, the deals screen and nowhere else).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text, teacher_key
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel
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
        self.focus.add(self.open_button)
        self.focus.focus(self.open_button)

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
        f, small, bold = theme.font(16), theme.font(14), theme.font(14, bold=True)
        inner = panel(surface, self.brief_rect, t("The situation and your brief"))
        draw_wrapped(surface, f, self.room.session.view.briefing(self.country), inner)
        inner = panel(surface, self.goals_rect, t("Your objectives"))
        y = inner.top
        goals = self.room.objectives_for(self.country)
        if not goals:
            draw_wrapped(surface, small, t("This level sets no objectives: decide what your "
                                           "government should achieve."), inner,
                         theme.TEXT_DIM)
        for o in goals:
            if y + bold.get_linesize() > inner.bottom:
                break
            label = t("Secret, for your team only") if o.team == self.country else t(
                "Every team sees this one")
            surface.blit(fit(bold, label, inner.width, theme.ACCENT if o.team else
                             theme.TEXT_DIM), (inner.left, y))
            y += bold.get_linesize()
            y += draw_wrapped(surface, small, o.text, pygame.Rect(
                inner.left, y, inner.width, inner.bottom - y), theme.TEXT, 3) + theme.px(10)
