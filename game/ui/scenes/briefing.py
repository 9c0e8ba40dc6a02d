"""The briefing: the historical context, your role, the objectives, your advisors, the sources."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.i18n import t, tn
from game.play.decisions import country_name, heading, lever_label
from game.play.names import levers_for
from game.ui import theme
from game.ui.scenes.base import Scene
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
    from game.play.game import Game
    from game.ui.app import App


def advisor_notes(country: str) -> list[str]:
    """What the player's advisors point out: the forecast, then the slowest levers' delays.

    The forecast comes first: on a small window the last notes give way to an "and N more"
    line, and each lever's delay is shown again beside it on the desk.
    """
    specs = [s for s in levers_for(country) if s.kind != "choice"]
    slow = sorted(specs, key=lambda s: -s.delay_months.get(country, 0))[:3]
    notes = [t("Before you end a turn, the forecast under the map shows the likely range "
               "of next turn's numbers.")]
    notes += [t("{lever}: a change takes {n} months to reach full effect.",
                lever=heading(lever_label(s.name)), n=s.delay_months.get(country, 0))
              for s in slow]
    return notes


def more_notes(n: int) -> str:
    """The line that ends the advisors' notes when the last ``n`` do not fit."""
    return tn("And {n} more: each lever shows its delay on the desk.",
              "And {n} more: each lever shows its delay on the desk.", n)


class BriefingScene(Scene):
    """What the player reads before deciding (and can come back to from the desk)."""

    name = "briefing"

    def __init__(self, app: App, game: Game) -> None:
        super().__init__(app)
        self.game = game

    def enter(self) -> None:
        """The briefing text in a scrollable box; role, objectives, advisors beside it."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(46)
        lw = int((w - 3 * gap) * 0.56)
        self.left = pygame.Rect(gap, top, lw, bottom - top - bh - gap)
        self.right = pygame.Rect(self.left.right + gap, top, w - self.left.right - 2 * gap,
                                 bottom - top - bh - gap)
        self.text_box = UITextBox(self._briefing_html(), self.left, manager=m)
        bw = min(theme.px(240), (w - 3 * gap) // 2)
        label = t("Go to the desk") if not self.game.reports else t("Back to the desk")
        self.desk_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh), label,
                                    manager=m, object_id="#primary")
        self.back_button = UIButton(pygame.Rect(w - 2 * gap - 2 * bw, bottom - bh, bw, bh),
                                    t("Choose another level") if not self.game.reports
                                    else t("Title screen"), manager=m)
        self.focus.add(self.text_box, self.back_button, self.desk_button)
        self.focus.focus(self.desk_button)
        g = self.game
        self.others = " · ".join(
            t("{country}: {who}", country=country_name(c),
              who=t("you") if label == "human" else
              t("AI leader, {p}", p=t(label.partition(":")[2])))
            for c, label in g.roles().items() if c != g.player or g.autoplay)
        self.objectives = g.objectives() or [t("This level has no objectives: explore freely.")]
        self.notes = advisor_notes(g.player)
        self.side = self._side_panels()

    def _side_panels(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The role, objectives and advisors panels: each as tall as its text, objectives first.

        Measured once here, not each frame: wrapping every text is most of the drawing's cost.
        """
        f, bold = theme.font(14), theme.font(15, bold=True)
        r = self.right
        width = r.width - 2 * theme.px(12)
        chrome = 2 * theme.px(10) + bold.get_linesize() + theme.px(4)
        others_lines = min(3, len(wrap(f, self.others, width)))
        role_h = chrome + bold.get_linesize() + theme.px(4) + others_lines * f.get_linesize()
        room = r.height - role_h - 2 * theme.px(10)
        # Objectives are what the level is judged on; the advisors (whose delays the desk
        # shows again beside each lever) take what is left, one line at the least. When the
        # objectives do not fit whole, the lists step down a size before any is cut.
        self.bullet_font = f
        if self._bullets_height(self.objectives, width) > room - 2 * chrome - f.get_linesize():
            self.bullet_font = theme.font(12)
        line = self.bullet_font.get_linesize()
        need = chrome + self._bullets_height(self.objectives, width)
        obj_h = max(chrome + line, min(need, room - chrome - line))
        role = pygame.Rect(r.left, r.top, r.width, role_h)
        obj = pygame.Rect(r.left, role.bottom + theme.px(10), r.width, obj_h)
        adv = pygame.Rect(r.left, obj.bottom + theme.px(10), r.width,
                          r.bottom - obj.bottom - theme.px(10))
        self.shown_notes, self.more_note = self._fit_notes(
            panel_inner(adv, t("Your advisors")))
        return role, obj, adv

    def _fit_notes(self, inner: pygame.Rect) -> tuple[list[str], str]:
        """The advisors' notes that fit whole, and the "and N more" line when some do not."""
        notes, width = self.notes, inner.width
        if self._bullets_height(notes, width) <= inner.height:
            return notes, ""
        f = self.bullet_font
        for k in range(len(notes) - 1, 0, -1):
            more = more_notes(len(notes) - k)
            if self._bullets_height(notes[:k], width) + len(wrap(f, more, width)) \
                    * f.get_linesize() <= inner.height:
                return notes[:k], more
        # Not even one note and the line: the line alone says where the delays are.
        return ([], more_notes(len(notes) - 1)) if len(notes) > 1 else (notes, "")

    def panels(self) -> list[pygame.Rect]:
        """The briefing text and the side panels."""
        return [self.left, self.right]

    def _briefing_html(self) -> str:
        g = self.game
        # The level's whole period: the briefing is about the level, the desk about the turn.
        parts = [f"<b>{html.escape(g.title)}</b>", html.escape(g.period_label), ""]
        for paragraph in g.briefing().split("\n"):
            parts.append(html.escape(paragraph))
        sources = g.session.view.sources()
        if sources:
            parts += ["", f"<b>{html.escape(t('Sources'))}</b>"]
            parts += [html.escape(s) for s in sources]
        return "<br>".join(parts)

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The desk, or back."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.desk_button:
                return self.desk()
            if event.ui_element is self.back_button:
                return self.back()
        return super().handle(event)

    def desk(self) -> Scene:
        """Open the policy desk."""
        return open_scene("desk", self.app, self.game)

    def back(self) -> Scene | None:
        """Before the first turn: the level picker; later: the title (the game is autosaved)."""
        if self.game.reports:
            return open_scene("title", self.app)
        return open_scene("level_picker", self.app)

    def autoplay(self) -> Scene | None:
        """Read, then go to the desk."""
        return self.desk()

    def hints(self) -> list[tuple[str, str]]:
        """Briefing keys."""
        return [(t("Tab"), t("Next")), (t("Up/Down"), t("Scroll")), (t("Enter"), t("Press")),
                (t("Esc"), t("Back"))]

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the header and the role, objectives and advisors panels."""
        surface.fill(theme.BACKGROUND)
        g = self.game
        header(surface, t("Briefing"), g.title)
        f, bold = theme.font(14), theme.font(15, bold=True)
        role, obj, adv = self.side
        inner = panel(surface, role, t("Your role"))
        if g.autoplay:
            lead = t("Autoplay: every country is led by its AI leader.")
        else:
            lead = t("You lead {country}.", country=country_name(g.player, article=True))
        surface.blit(fit(bold, lead, inner.width, theme.ACCENT), inner.topleft)
        draw_wrapped(surface, f, self.others,
                     pygame.Rect(inner.left, inner.top + bold.get_linesize() + theme.px(4),
                                 inner.width, inner.height - bold.get_linesize()),
                     theme.TEXT_DIM, 3)
        inner = panel(surface, obj, t("Objectives"))
        self._bullets(surface, inner, self.objectives)
        inner = panel(surface, adv, t("Your advisors"))
        y = self._bullets(surface, inner, self.shown_notes)
        if self.more_note:
            draw_wrapped(surface, self.bullet_font, self.more_note,
                         pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                         theme.TEXT_DIM)

    def _bullets_height(self, items: list[str], width: int) -> int:
        """The height ``_bullets`` needs to draw every item whole."""
        f = self.bullet_font
        return sum(len(wrap(f, "• " + item, width)) * f.get_linesize() + theme.px(4)
                   for item in items)

    def _bullets(self, surface: pygame.Surface, rect: pygame.Rect, items: list[str]) -> int:
        """Draw each item with its bullet; returns the y under the last."""
        f = self.bullet_font
        y = rect.top
        for item in items:
            if y + f.get_linesize() > rect.bottom:
                break
            used = draw_wrapped(surface, f, "• " + item,
                                pygame.Rect(rect.left, y, rect.width, rect.bottom - y))
            y += used + theme.px(4)
        return y
