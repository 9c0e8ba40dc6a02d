"""The projector and teacher panel while students play on their own devices (issue 19).

Shows the join address, its QR code, the join code and the teacher's PIN; who has joined each
team and which teams have committed; the class's timer; then the turn's headlines. The host
serves from a background thread (:mod:`game.net.server`); this screen never touches the
session itself: it reads a snapshot and sends the teacher's orders through ``Hub.call``, which
runs them on the host's one thread.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.net.host import HostStatus, LanHost, Refused
from game.net.server import Running, qr_matrix
from game.play.decisions import DecisionRejected, country_name
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.ui.app import App

#: How often the screen reads the host's snapshot, in seconds.
POLL_S = 0.5


def qr_surface(text: str, size: int) -> pygame.Surface:
    """The QR code of ``text`` drawn ``size`` pixels square (dark on white, quiet zone kept)."""
    rows = qr_matrix(text)
    n = len(rows)
    cell = max(1, size // n)
    surface = pygame.Surface((cell * n, cell * n))
    surface.fill((255, 255, 255))
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), (x * cell, y * cell, cell, cell))
    return surface


class LanProjectorScene(Scene):
    """The class on students' devices: how to join, who is in, who is done, what happened."""

    name = "class_lan"

    def __init__(self, app: App, running: Running) -> None:
        super().__init__(app)
        self.running = running
        self.status: HostStatus = running.hub.call(lambda h: h.status())
        self.next_poll = 0.0
        self.message = ""
        self._qr: pygame.Surface | None = None

    @property
    def join_url(self) -> str:
        """The address the QR code opens: the page with the join code filled in."""
        return f"{self.running.url}?code={self.status.code}"

    def enter(self) -> None:
        """Two panels; the teacher's buttons at the bottom right."""
        w, h = self.app.screen.get_size()
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(44)
        lw = int((w - 3 * gap) * 0.42)
        self.join_rect = pygame.Rect(gap, top, lw, bottom - top)
        self.class_rect = pygame.Rect(2 * gap + lw, top, w - 3 * gap - lw, bottom - top - bh - gap)
        bw = (self.class_rect.width - gap) // 2
        m = self.app.manager
        self.end_button = UIButton(pygame.Rect(self.class_rect.left, bottom - bh, bw, bh),
                                   t("End the turn now"), manager=m, object_id="#primary")
        self.stop_button = UIButton(pygame.Rect(self.class_rect.left + bw + gap, bottom - bh,
                                                bw, bh), t("Stop hosting"), manager=m)
        self._team_buttons()
        self.focus.add(*(b for _, b in self.team_buttons), self.end_button, self.stop_button)

    def _team_buttons(self) -> None:
        """Beside each team: Skip (an absent team passes) or Reopen (it may change again)."""
        inner = self.class_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        bold, small = theme.font(15, bold=True), theme.font(13)
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(6)
        y += bold.get_linesize()  # the timer's line
        bw, bh = theme.px(120), bold.get_linesize() + small.get_linesize()
        self.team_rows: list[tuple[str, pygame.Rect]] = []
        self.team_buttons: list[tuple[str, UIButton]] = []
        for country, _, _, done in self.status.teams:
            row = pygame.Rect(inner.left, y, inner.width - bw - theme.px(8), bh)
            self.team_rows.append((country, row))
            button = UIButton(pygame.Rect(inner.right - bw, y, bw, bh - theme.px(2)),
                              t("Reopen") if done else t("Skip"), manager=self.app.manager)
            self.team_buttons.append((country, button))
            y += bh + theme.px(4)
        self.report_top = y

    def _sync_team_buttons(self) -> None:
        done = {country: committed for country, _, _, committed in self.status.teams}
        for country, button in self.team_buttons:
            label = t("Reopen") if done.get(country) else t("Skip")
            if button.text != label:
                button.set_text(label)

    def panels(self) -> list[pygame.Rect]:
        """The join panel and the class panel."""
        return [self.join_rect, self.class_rect]

    def update(self, dt: float) -> Scene | None:
        """Read the host's snapshot twice a second."""
        now = time.monotonic()
        if now >= self.next_poll:
            self.next_poll = now + POLL_S
            try:
                self.status = self.running.hub.call(lambda h: h.status())
            except (RuntimeError, TimeoutError) as error:
                self.message = t("The host stopped: {e}", e=error)
            self._sync_team_buttons()
        return None

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """End the turn, or stop hosting."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.end_button:
                try:
                    self.running.hub.call(lambda h: h.end_turn())
                    self.message = ""
                except (Refused, DecisionRejected) as refusal:
                    self.message = str(refusal)
                return None
            if event.ui_element is self.stop_button:
                return self.back()
            for country, button in self.team_buttons:
                if event.ui_element is button:
                    self._team_order(country)
        return super().handle(event)

    def _team_order(self, country: str) -> None:
        """Reopen a committed team, or let an absent one pass this turn unchanged."""
        done = dict((c, committed) for c, _, _, committed in self.status.teams)

        def order(host: LanHost) -> None:
            if done.get(country):
                host.reopen(country)
            else:
                host.skip(country)

        try:
            self.running.hub.call(order)
            self.message = ""
        except (Refused, DecisionRejected) as refusal:
            self.message = str(refusal)
        self.status = self.running.hub.call(lambda h: h.status())
        self._sync_team_buttons()

    def back(self) -> Scene | None:
        """Stop serving (the class stays saved: ``borderlines host --continue``)."""
        self.running.stop()
        return open_scene("title", self.app)

    def draw(self, surface: pygame.Surface) -> None:
        """The join panel (address, QR, code, PIN) and the class panel."""
        surface.fill(theme.BACKGROUND)
        s = self.status
        header(surface, t("Students join on their devices"),
               t("Turn {turn} of {turns} · {date}", turn=s.turn, turns=s.turns, date=s.date))
        self._draw_join(surface)
        self._draw_class(surface)

    def _draw_join(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.join_rect, t("How to join"))
        big, f = theme.font(28, bold=True), theme.font(15)
        used = draw_wrapped(surface, f, t("Open this address on a phone, tablet or laptop on "
                                          "this network, or scan the code:"), inner)
        y = inner.top + used + theme.px(6)
        surface.blit(fit(big, self.running.url, inner.width, theme.ACCENT), (inner.left, y))
        y += big.get_linesize() + theme.px(8)
        size = min(inner.width, inner.bottom - y - 2 * big.get_linesize() - theme.px(16))
        if self._qr is None or self._qr.get_width() > size:
            self._qr = qr_surface(self.join_url, max(size, 40))
        surface.blit(self._qr, (inner.left + (inner.width - self._qr.get_width()) // 2, y))
        y += self._qr.get_height() + theme.px(8)
        surface.blit(fit(big, t("Join code: {code}", code=self.status.code), inner.width),
                     (inner.left, y))
        y += big.get_linesize()
        surface.blit(fit(f, t("Teacher PIN: {pin}", pin=self.status.pin), inner.width,
                         theme.TEXT_DIM), (inner.left, y))

    def _draw_class(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.class_rect, t("The class"))
        f, bold, small = theme.font(15), theme.font(15, bold=True), theme.font(13)
        s = self.status
        if s.time_left is not None:
            minutes, seconds = divmod(int(s.time_left), 60)
            surface.blit(fit(bold, t("Time left: {time}", time=f"{minutes}:{seconds:02d}"),
                             inner.width), (inner.left, inner.top))
        rows = dict(self.team_rows)
        for country, name, members, done in s.teams:
            row = rows[country]
            state = t("committed") if done else t("deciding")
            colour = theme.GOOD if done else theme.TEXT
            line = t("{team} ({country}): {state}", team=name, country=country_name(country),
                     state=state)
            surface.blit(fit(bold, line, row.width, colour), row.topleft)
            who = ", ".join(members) if members else t("nobody yet")
            surface.blit(fit(small, who, row.width, theme.TEXT_DIM),
                         (row.left, row.top + bold.get_linesize()))
        y = self.report_top
        if s.finished:
            surface.blit(fit(bold, t("The session is over."), inner.width, theme.ACCENT),
                         (inner.left, y))
            y += bold.get_linesize()
        report = s.last_report
        if report is not None:
            y += theme.px(8)
            surface.blit(fit(bold, t("Last turn: {start} to {end}", start=report.start,
                                     end=report.end), inner.width), (inner.left, y))
            y += bold.get_linesize()
            for h in report.headlines[:6]:
                change = "" if h.change is None else f" ({h.change:+,.0f})"
                text = f"{h.label}: {h.value:,.0f} {h.unit}{change}"
                surface.blit(fit(f, text, inner.width), (inner.left, y))
                y += f.get_linesize()
        if self.message:
            draw_wrapped(surface, small, self.message, pygame.Rect(
                inner.left, inner.bottom - 2 * small.get_linesize(), inner.width,
                2 * small.get_linesize()), theme.BAD)
