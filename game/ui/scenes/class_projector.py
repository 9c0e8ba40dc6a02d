"""The projector view between turns: the map, the headlines, every team, the shared score.

Shown to the whole class after each turn is played. Political scores and stars stay hidden
until the teacher reveals them (teacher panel); approval — or, for Guatemala, Honduras and El
Salvador, the homicide rate — is always shown, with the status quo beside it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.classroom import (
    ProjectorView,
    blank_projector,
    projector_blanked,
    projector_view,
)
from game.play.decisions import country_name
from game.play.names import METRICS
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_countdown import RoundCountdown
from game.ui.scenes.class_view import teacher_key
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    number,
    panel,
    signed,
)
from game.ui.scenes.registry import open_scene
from game.ui.widgets.gauges import draw_gauge

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.ui.app import App


#: The key that blanks the projector and brings it back (B, as in presentation software).
BLANK_KEY = pygame.K_b


class ProjectorScene(Scene):
    """What happened this turn, for everyone."""

    name = "class_projector"

    def __init__(self, app: App, room: Classroom) -> None:
        super().__init__(app)
        self.room = room
        self.map_view: object | None = None
        #: The big countdown of the class briefing or the negotiation round (when one is due).
        self.countdown = RoundCountdown(room)

    @property
    def view(self) -> ProjectorView:
        """The projector's data (recomputed: the teacher may reveal the scores meanwhile)."""
        return projector_view(self.room)

    def enter(self) -> None:
        """Map on the left, news and teams on the right, the way on at the bottom."""
        w, h = self.app.screen.get_size()
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(46)
        body_h = bottom - top - bh - gap
        mw = int((w - 3 * gap) * 0.52)
        self.map_rect = pygame.Rect(gap, top, mw, body_h)
        right = pygame.Rect(2 * gap + mw, top, w - 3 * gap - mw, body_h)
        gh = min(theme.px(150), body_h // 4)
        self.score_rect = pygame.Rect(right.left, right.top, right.width, gh)
        news_h = (body_h - gh - 2 * gap) * 2 // 5
        self.news_rect = pygame.Rect(right.left, self.score_rect.bottom + gap, right.width,
                                     news_h)
        self.teams_rect = pygame.Rect(right.left, self.news_rect.bottom + gap, right.width,
                                      right.bottom - self.news_rect.bottom - gap)
        bw = min(theme.px(420), w // 2)
        if self.room.finished:
            label = t("Open the class debrief")
        else:
            team = self.room.current
            label = t("Next turn: pass to Team {name}", name=team.name) if team else t(
                "Next turn")
        self.next_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh), label,
                                    manager=self.app.manager, object_id="#primary")
        self.notes_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - bw, bh)
        self._build_map()
        if projector_blanked(self.room):
            # Blanked by the teacher: nothing on the wall, not even the way on.
            self.next_button.hide()
            return
        self.focus.add(self.next_button, *self.countdown.build(self.map_rect, self.app.manager))
        self.focus.focus(self.next_button)

    def _build_map(self) -> None:
        from game.ui.map import MapState, MapView

        session = self.room.session
        if self.map_view is None:
            self.map_view = MapView(reduced_motion=theme.reduced_motion(), seed=session.turn)
        view = self.map_view
        metrics = session.reports[-1].metrics if session.reports else dict(
            session.table.last_metrics)
        view.set_state(MapState.from_metrics(  # type: ignore[attr-defined]
            metrics, session.table.policy.levers, months=session.months_per_turn,
            player_countries=[tm.country for tm in self.room.teams]))
        view.resize(self.map_rect)  # type: ignore[attr-defined]

    @property
    def animating(self) -> bool:  # type: ignore[override]
        """People move on the map while the window has focus."""
        return self.countdown.running or bool(
            self.map_view is not None and self.map_view.animating  # type: ignore[attr-defined]
            and pygame.key.get_focused())

    def update(self, dt: float) -> Scene | None:
        """Move the people on the map; count the shared round down."""
        if self.countdown.update(dt):
            self._rebuild_widgets()
        if self.map_view is not None and self.animating:
            self.map_view.update(dt)  # type: ignore[attr-defined]
        return None

    def panels(self) -> list[pygame.Rect]:
        """Map, score, news, teams."""
        return [self.map_rect, self.score_rect, self.news_rect, self.teams_rect]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Next turn; Ctrl+T for the teacher."""
        if teacher_key(event):

            return open_scene("class_teacher", self.app, self.room, back_to=self)
        if event.type == pygame.KEYDOWN and event.key == BLANK_KEY and not event.mod & (
                pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return self.toggle_blank()
        if projector_blanked(self.room) and event.type == pygame.KEYDOWN \
                and event.key != pygame.K_ESCAPE:
            return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.next_button:
            return self.next()
        if self.countdown.handle(event):
            self._rebuild_widgets()
            return None
        return super().handle(event)

    def toggle_blank(self) -> Scene:
        """Blank the projector, or show it again (the B key, as in slide shows)."""
        blank_projector(self.room)
        return self

    def _rebuild_widgets(self) -> None:
        """The countdown's buttons changed: lay the screen out again (the map stays)."""
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    def next(self) -> Scene:
        """The hand-over to the first team of the next turn, or the debrief."""
        # Going on ends the shared round, whether its clock ran out or the class is ready early.
        self.room.end_round(skipped=True)
        if self.room.finished:
            return open_scene("class_debrief", self.app, self.room)
        return open_scene("class_handover", self.app, self.room)

    def back(self) -> Scene | None:
        """Escape opens the teacher panel, which comes back here."""
        return open_scene("class_teacher", self.app, self.room, back_to=self)

    def autoplay(self) -> Scene | None:
        """Autoplay moves on."""
        return self.next()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        if projector_blanked(self.room):
            return [(t("B"), t("Show the projector again")), (t("Esc"), t("Teacher"))]
        return [(t("Enter"), t("Next turn")), (t("B"), t("Blank the screen")),
                (t("Esc"), t("Teacher"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Map, the shared score, the news, the teams."""
        if projector_blanked(self.room):
            self._draw_blank(surface)
            return
        surface.fill(theme.BACKGROUND)
        v = self.view
        sub = t("Turn {turn} of {turns} played · {period}", turn=v.turn, turns=v.turns,
                period=v.period) if v.turn else t("Before the first turn")
        header(surface, v.title, sub)
        pygame.draw.rect(surface, theme.OCEAN, self.map_rect, border_radius=theme.px(10))
        if self.map_view is not None:
            clip = surface.get_clip()
            surface.set_clip(self.map_rect)
            self.map_view.draw(surface)  # type: ignore[attr-defined]
            surface.set_clip(clip)
        pygame.draw.rect(surface, theme.PANEL_EDGE, self.map_rect, 1, border_radius=theme.px(10))
        self.countdown.draw(surface)
        self._draw_score(surface, v)
        self._draw_news(surface, v)
        self._draw_teams(surface, v)
        if v.notes:
            draw_wrapped(surface, theme.font(13), " ".join(v.notes), self.notes_rect,
                         theme.BAD, 3)

    def _draw_blank(self, surface: pygame.Surface) -> None:
        """Black, with one dim line near the bottom saying how to bring the picture back."""
        surface.fill((0, 0, 0))
        w, h = surface.get_size()
        line = fit(theme.font(14), t("Blanked by the teacher: press B to show the projector "
                                     "again."), w - theme.px(40), theme.TEXT_DIM)
        surface.blit(line, line.get_rect(center=(w // 2, h - footer_height() - theme.px(24))))

    def _draw_score(self, surface: pygame.Surface, v: ProjectorView) -> None:
        inner = panel(surface, self.score_rect, t("The region's humanitarian score (shared)"))
        if v.humanitarian is None:
            draw_wrapped(surface, theme.font(14), t("Scores appear after the first turn."),
                         inner, theme.TEXT_DIM)
            return
        gw = min(inner.height * 2, inner.width // 2)
        draw_gauge(surface, pygame.Rect(inner.left, inner.top, gw, inner.height),
                   v.humanitarian, low=0, high=100, better=1, baseline=v.humanitarian_baseline,
                   value_format=lambda x: f"{x:.0f}", text_size=13)
        x = inner.left + gw + theme.px(16)
        f, small = theme.font(16), theme.font(14)
        lines = []
        if v.humanitarian_baseline is not None:
            lines.append(t("Status quo: {v:.0f}", v=v.humanitarian_baseline))
        if v.humanitarian_previous is not None:
            lines.append(t("Last turn: {v:.0f}", v=v.humanitarian_previous))
        y = inner.top + theme.px(4)
        big = theme.font(30, bold=True).render(f"{v.humanitarian:.0f}", True, theme.TEXT)
        surface.blit(big, (x, y))
        y += big.get_height()
        for line in lines:
            surface.blit(fit(small, line, inner.right - x, theme.TEXT_DIM), (x, y))
            y += f.get_linesize()

    def _draw_news(self, surface: pygame.Surface, v: ProjectorView) -> None:
        inner = panel(surface, self.news_rect, t("Headlines"))
        f = theme.font(15)
        y = inner.top
        if not v.news:
            draw_wrapped(surface, f, t("A quiet turn: nothing made the news."), inner,
                         theme.TEXT_DIM)
        for item in v.news:
            used = draw_wrapped(surface, f, "• " + item, pygame.Rect(
                inner.left, y, inner.width, inner.bottom - y), theme.TEXT, 2)
            y += used + theme.px(3)
            if y + f.get_linesize() > inner.bottom:
                break

    def _draw_teams(self, surface: pygame.Surface, v: ProjectorView) -> None:
        inner = panel(surface, self.teams_rect, t("The teams"))
        n = max(1, len(v.standings))
        row_h = max(theme.px(30), inner.height // n)
        bold, small = theme.font(15, bold=True), theme.font(13)
        for i, s in enumerate(v.standings):
            r = pygame.Rect(inner.left, inner.top + i * row_h, inner.width, row_h - theme.px(4))
            if r.bottom > inner.bottom + theme.px(4):
                break
            colour = theme.SERIES[i % len(theme.SERIES)]
            pygame.draw.rect(surface, colour, (r.left, r.top + theme.px(2), theme.px(6),
                                               r.height - theme.px(4)),
                             border_radius=theme.px(3))
            name = t("Team {name}", name=s.team.name)
            # Two lines per team when there is room (3 teams); one line each for 4–6 teams.
            two_lines = r.height >= bold.get_linesize() + small.get_linesize()
            if two_lines:
                surface.blit(fit(bold, name, r.width // 2), (r.left + theme.px(14), r.top))
                surface.blit(fit(small, country_name(s.team.country), r.width // 2,
                                 theme.TEXT_DIM),
                             (r.left + theme.px(14), r.top + bold.get_linesize()))
            else:
                label = f"{name} ({country_name(s.team.country)})"
                surface.blit(fit(small, label, r.width // 2 - theme.px(20), theme.TEXT),
                             (r.left + theme.px(14), r.top))
            value = "–" if s.value is None else number(s.value)
            change = ""
            if s.value is not None and s.previous is not None and not math.isnan(s.previous):
                change = f" ({signed(s.value - s.previous)})"
            text = f"{_short_label(s.metric)}: {value}{change}"
            x = r.left + r.width // 2
            extra = ""
            if s.baseline is not None:
                extra = t("status quo {v}", v=number(s.baseline))
            if s.score is not None:
                extra += " · " + t("score {v:.0f}", v=s.score)
            if s.stars is not None:
                extra += " · " + t("{a}/{b} stars", a=s.stars, b=s.max_stars)
            if two_lines:
                surface.blit(fit(small, text, r.right - x), (x, r.top))
                surface.blit(fit(small, extra.strip(" ·"), r.right - x, theme.TEXT_DIM),
                             (x, r.top + small.get_linesize()))
            else:
                line = f"{text} · {extra.strip(' ·')}" if extra.strip(" ·") else text
                surface.blit(fit(small, line, r.right - x), (x, r.top))


def _short_label(metric: str) -> str:
    if metric.startswith("approval_"):
        return t("Approval")
    if metric.startswith("homicide_rate_"):
        return t("Homicides per 100,000")
    spec = METRICS.get(metric)
    return t(spec.description) if spec else metric
