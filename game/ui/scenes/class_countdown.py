"""The projector's big countdown for the class briefing and the negotiation rounds.

A box over the map, readable from the back of the room: what the round is, minutes and seconds
in large type, and three buttons for the teacher — start, one more minute, skip (or end). At
zero the box turns to the alert colour and says so: nothing moves on by itself, the teacher
presses "Next" when the class is ready. The desk timers do not run meanwhile (a team's clock
starts at its desk).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.ui import theme
from game.ui.scenes.class_view import clock_text
from game.ui.scenes.kit import draw_wrapped, fit

if TYPE_CHECKING:
    from game.play.classroom import Classroom

#: Minutes the teacher's "one more minute" adds.
EXTRA_MINUTES = 1.0


class RoundCountdown:
    """The countdown box and its buttons, for a scene that shows the projector."""

    def __init__(self, room: Classroom) -> None:
        self.room = room
        self.buttons: dict[str, UIButton] = {}
        self.rect = pygame.Rect(0, 0, 0, 0)
        #: True once the round has reached zero (the box shows the alert until the class goes on).
        self.time_up = bool(room.rounds.current and room.rounds.current.over)
        self._flash = 0.0

    @property
    def kind(self) -> str | None:
        """The round due ("briefing", "negotiation") or None: no box then."""
        return self.room.due_round()

    @property
    def running(self) -> bool:
        """Whether the clock is counting down (the scene then needs frames)."""
        current = self.room.rounds.current
        return bool(self.kind and current is not None and current.running
                    and not self.room.paused)

    def build(self, area: pygame.Rect, manager: Any) -> list[UIButton]:
        """The box centred in ``area`` (the map) and its buttons; returns them for the focus."""
        self.buttons = {}
        if self.kind is None:
            return []
        w = min(area.width - 2 * theme.px(16), theme.px(560))
        h = min(area.height - 2 * theme.px(16), theme.px(300))
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = area.center
        bh, gap = theme.px(38), theme.px(8)
        inner = self.rect.inflate(-2 * theme.px(14), -2 * theme.px(12))
        bw = (inner.width - 2 * gap) // 3
        y = inner.bottom - bh
        current = self.room.rounds.current
        started = current is not None
        labels = {"start": t("Start the clock") if not started else t("Resume the clock"),
                  "extend": t("One more minute"),
                  "skip": t("Skip the round") if not started else t("End the round")}
        longest = max(theme.font(17).size(x)[0] for x in labels.values())
        style = None if longest + theme.px(20) <= bw else "#small"
        for i, key in enumerate(("start", "extend", "skip")):
            self.buttons[key] = UIButton(pygame.Rect(inner.left + i * (bw + gap), y, bw, bh),
                                         labels[key], manager=manager, object_id=style)
        if current is not None and (current.running or current.over):
            self.buttons["start"].disable()
        if current is None:
            self.buttons["extend"].disable()
        return list(self.buttons.values())

    def handle(self, event: pygame.event.Event) -> bool:
        """A press on one of the box's buttons; True when it was one (the scene rebuilds)."""
        if event.type != pygame_gui.UI_BUTTON_PRESSED or self.kind is None:
            return False
        element = event.ui_element
        if element is self.buttons.get("start"):
            self.room.start_round()
        elif element is self.buttons.get("extend"):
            self.room.extend_round(EXTRA_MINUTES)
            self.time_up = False
        elif element is self.buttons.get("skip"):
            self.room.end_round(skipped=True)
            self.time_up = False
        else:
            return False
        return True

    def update(self, dt: float) -> bool:
        """Count down; True when the round has just reached zero (the buttons change)."""
        self._flash += dt
        if self.kind is None:
            return False
        if self.room.tick_round(dt):
            self.time_up = True
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The box: the round's name, the big clock, what the class does, or "Time is up"."""
        kind = self.kind
        if kind is None:
            return
        current = self.room.rounds.current
        minutes = self.room.rounds.minutes(kind)
        left = current.left if current is not None else minutes * 60.0
        alert = self.time_up or (current is not None and current.over)
        # The edge pulses while the alert shows (still with reduced motion).
        edge = theme.BAD if alert else theme.ACCENT
        if alert and not theme.reduced_motion() and math.sin(self._flash * 4.0) < 0:
            edge = theme.PANEL_EDGE
        pygame.draw.rect(surface, theme.PANEL, self.rect, border_radius=theme.px(12))
        pygame.draw.rect(surface, edge, self.rect, theme.px(4), border_radius=theme.px(12))
        inner = self.rect.inflate(-2 * theme.px(14), -2 * theme.px(12))
        title = t("Class briefing") if kind == "briefing" else t("Negotiation round")
        head = fit(theme.font(24, bold=True), title, inner.width, theme.ACCENT)
        surface.blit(head, head.get_rect(midtop=(inner.centerx, inner.top)))
        y = inner.top + head.get_height()
        bh = self.buttons["start"].rect.height if self.buttons else theme.px(38)
        room_h = inner.bottom - bh - theme.px(8) - y
        big = theme.font(max(24, min(96, int(room_h * 0.55 / max(theme.scale(), 1.0)))),
                         bold=True)
        clock = big.render(clock_text(math.ceil(left)), True, theme.BAD if alert else theme.TEXT)
        surface.blit(clock, clock.get_rect(midtop=(inner.centerx, y)))
        y += clock.get_height()
        if alert:
            note = t("Time is up. One more minute, or press Next when the class is ready.")
        elif self.room.paused:
            note = t("The teacher has paused the session.")
        elif current is None:
            note = t("Every team reads its brief and plans; press Start the clock.") if \
                kind == "briefing" else t("Every team talks to the others at once: offers, "
                                          "answers, pledges. Then the desks open.")
        else:
            note = t("Every team talks to the others at once; the desk clocks wait.") if \
                kind == "negotiation" else t("Read your brief and plan; the desk clocks wait.")
        draw_wrapped(surface, theme.font(15), note, pygame.Rect(
            inner.left, y, inner.width, inner.bottom - bh - theme.px(6) - y),
            theme.BAD if alert else theme.TEXT_DIM, 2)
