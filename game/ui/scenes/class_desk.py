"""A team's desk in a classroom session: the single-player desk, committed instead of resolved.

The levers, the map and the advisors' forecast are the desk's own (``DeskScene``); this scene
changes what a team needs changed: the table it reads holds only its own draft, "Done" commits
the draft and opens the hand-over screen, the Diplomacy tab leads to the negotiations screen
(answers, counter-offers, terms), the turn timer runs in a corner of the map, and Ctrl+T opens
the teacher panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.classroom import notices_for
from game.play.decisions import DecisionRejected, agreement_label, country_name, heading
from game.play.game import TeamGame
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text, teacher_key
from game.ui.scenes.desk import DIPLOMACY, DeskScene
from game.ui.scenes.kit import draw_wrapped, fit
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.ui.app import App


class ClassDeskScene(DeskScene):
    """One team decides in private; Done hands the computer to the next team."""

    name = "class_desk"

    def __init__(self, app: App, room: Classroom, country: str) -> None:
        self.room = room
        self.country = country
        super().__init__(app, TeamGame(room, country, app.autoplay))
        self.deals_button: UIButton | None = None

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """The desk's layout; a word when offers are waiting for the team's answer."""
        super().enter()
        waiting = len(self.room.team_view(self.country).inbox) + len(
            self.room.pledges_for(self.country))
        if waiting and not self.message:
            self.say(t("{n} offers wait for your answer: see the Diplomacy tab.", n=waiting)
                     if waiting > 1 else t("An offer waits for your answer: see the Diplomacy "
                                           "tab."))
        threatened = any(n.kind == "threat" and n.running
                         for n in notices_for(self.room, self.country))
        if threatened and not self.message:
            self.say(t("A tariff threat is aimed at your country: see the Diplomacy tab."),
                     bad=True)

    def _build_panel(self) -> None:
        super()._build_panel()
        self.end_button.set_text(t("Done: hand over"))
        self.end_button.set_tooltip(t("Commit your team's decisions and pass the computer on. "
                                      "Nobody else will see your levers."))

    def _build_diplomacy(self) -> None:
        area = self.rows_rect
        bh = theme.px(40)
        self.deals_button = UIButton(pygame.Rect(area.left, area.top, area.width, bh),
                                     self._deals_label(), manager=self.app.manager,
                                     object_id="#primary")
        self.focus.add(self.deals_button)

    def _deals_label(self) -> str:
        waiting = len(self.room.team_view(self.country).inbox) + len(
            self.room.pledges_for(self.country))
        if waiting:
            return t("Negotiate: {n} waiting for your answer", n=waiting)
        return t("Negotiate: propose, answer, threaten")

    def _draw_deals(self, surface: pygame.Surface) -> None:
        if self.deals_button is None:
            return
        view = self.room.team_view(self.country)
        small, bold = theme.font(13), theme.font(14, bold=True)
        y = self.deals_button.rect.bottom + theme.px(12)
        x, w = self.rows_rect.left, self.rows_rect.width
        sections = [
            (t("Waiting for your answer"), [self._proposal_text(p) for p in view.inbox]),
            (t("Threats and pledges made to you"), [
                # The state first: a long threat is cut at its end, never its deadline.
                t("{state} · {text}", text=n.text, state=heading(n.state))
                for n in notices_for(self.room, self.country)]),
            (t("Your offers waiting for others"), [self._proposal_text(p) for p in view.outbox]),
            (t("Agreements in force"), [
                t("{kind} with {partners} (since turn {n})",
                  kind=heading(agreement_label(p.agreement.kind)),
                  partners=", ".join(self._who(c) for c in p.agreement.parties
                                     if c != self.country), n=p.since_turn)
                if p.since_turn else
                t("{kind} with {partners} (from the start)",
                  kind=heading(agreement_label(p.agreement.kind)),
                  partners=", ".join(self._who(c) for c in p.agreement.parties
                                     if c != self.country))
                for p in view.pacts]),
        ]
        for title, lines in sections:
            if y + bold.get_linesize() > self.rows_rect.bottom:
                break
            surface.blit(fit(bold, title, w, theme.ACCENT), (x, y))
            y += bold.get_linesize() + theme.px(2)
            for line in lines or [t("None")]:
                used = draw_wrapped(surface, small, line, pygame.Rect(
                    x, y, w, self.rows_rect.bottom - y), theme.TEXT if lines else theme.TEXT_DIM,
                    3 if title == t("Threats and pledges made to you") else 2)
                y += used + theme.px(2)
            y += theme.px(8)

    def _who(self, country: str) -> str:
        for team in self.room.teams:
            if team.country == country:
                return t("Team {name}", name=team.name)
        return country_name(country)

    def _proposal_text(self, proposal: Any) -> str:
        return t("{who}: {kind} ({parties})", who=self._who(proposal.by),
                 kind=agreement_label(proposal.kind),
                 parties=", ".join(self._who(c) for c in proposal.parties))

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The desk's controls, the teacher's key; nothing while the teacher has paused."""
        if teacher_key(event):
            return self.teacher()
        if self.room.paused and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            return None
        return super().handle(event)

    def teacher(self) -> Scene:
        """The teacher panel over this desk."""
        return open_scene("class_teacher", self.app, self.room, back_to=self)

    def _button(self, element: object) -> Scene | None:
        if element is not None and element is self.deals_button:
            return open_scene("class_deals", self.app, self.room, self.country, back_to=self)
        return super()._button(element)

    def end_turn(self) -> Scene | None:
        """Commit the team's draft and open the hand-over screen."""
        try:
            self.game.end_turn()
        except DecisionRejected as refusal:
            self.say(str(refusal), bad=True)
            return None
        return open_scene("class_handover", self.app, self.room)

    def back(self) -> Scene | None:
        """Escape shows the team's briefing and objectives (and comes back to this desk)."""
        return open_scene("class_briefing", self.app, self.room, self.country, desk=self)

    def autoplay(self) -> Scene | None:
        """Autoplay commits the team's (empty) draft."""
        return self.end_turn()

    def hints(self) -> list[tuple[str, str]]:
        """Desk keys, with the teacher's."""
        return [(t("Tab"), t("Next control")), (t("Left/Right"), t("Move slider")),
                (t("Enter"), t("Press")), (t("Esc"), t("Briefing")), (t("Ctrl+T"), t("Teacher"))]

    # -- the clock ------------------------------------------------------------------------------

    def update(self, dt: float) -> Scene | None:
        """The desk's updates; when the team's time runs out, its draft is committed."""
        nxt = super().update(dt)
        if self.room.tick(dt):
            self.say(t("Time is up: your decisions so far are committed."))
            return self.end_turn()
        return nxt

    @property
    def animating(self) -> bool:  # type: ignore[override]
        """A running timer needs frames to count down (and the map, its people)."""
        ticking = self.room.time_left is not None and not self.room.paused
        return ticking or DeskScene.animating.fget(self)  # type: ignore[attr-defined]

    def draw(self, surface: pygame.Surface) -> None:
        """The desk, the team's name and clock over the map, a veil while paused."""
        super().draw(surface)
        team = self.room.team(self.country)
        f = theme.font(16, bold=True)
        label = t("Team {name}", name=team.name)
        clock = clock_text(self.room.time_left)
        text = f"{label}  ·  {clock}" if clock else label
        low = self.room.time_left is not None and self.room.time_left < 60
        s = f.render(text, True, theme.BACKGROUND)
        box = s.get_rect(topleft=(self.map_rect.left + theme.px(10),
                                  self.map_rect.top + theme.px(10))).inflate(theme.px(16),
                                                                            theme.px(8))
        pygame.draw.rect(surface, theme.BAD if low else theme.ACCENT, box,
                         border_radius=theme.px(8))
        surface.blit(s, s.get_rect(center=box.center))
        if self.room.paused:
            veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            veil.fill((*theme.BACKGROUND, 225))
            surface.blit(veil, (0, 0))
            big = theme.font(40, bold=True).render(t("Paused by the teacher"), True, theme.TEXT)
            surface.blit(big, big.get_rect(center=surface.get_rect().center))


__all__ = ["DIPLOMACY", "ClassDeskScene"]
