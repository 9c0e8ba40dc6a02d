"""The teacher panel (Ctrl+T or F2, optional PIN): pause, more time, events, scores, the end.

It opens over whatever screen the class is on and returns to it. Events come from the level's
own list first (its caravan, its hurricane), then the standard ones; each is added to the turn
being decided, recorded with the decisions, and replayed identically from the save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t
from game.play.classroom import TeacherEvent, teacher_events
from game.play.decisions import DecisionRejected
from game.play.levelview import text_of
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.ui.app import App

#: Minutes added by the "more time" button.
EXTRA_MINUTES = 2
#: Most event buttons shown (the level's own first).
EVENT_BUTTONS = 8


class TeacherPanelScene(Scene):
    """The teacher's controls over a classroom session."""

    name = "class_teacher"

    def __init__(self, app: App, room: Classroom, back_to: Scene) -> None:
        super().__init__(app)
        self.room = room
        self.back_to = back_to
        self.unlocked = not room.has_pin
        self.events: list[TeacherEvent] = teacher_events(room.level)[:EVENT_BUTTONS]
        self.message = ""
        self.message_bad = False
        self.confirm_end = False

    def enter(self) -> None:
        """The PIN prompt, or the controls."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(40)
        self.back_button = UIButton(pygame.Rect(w - gap - theme.px(240), bottom - bh,
                                                theme.px(240), bh), t("Back to the class"),
                                    manager=m, object_id="#primary")
        self.message_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - theme.px(240), bh)
        self.pin_entry: UITextEntryLine | None = None
        self.pin_button: UIButton | None = None
        self.buttons: dict[str, UIButton] = {}
        self.event_buttons: list[tuple[UIButton, TeacherEvent]] = []
        if not self.unlocked:
            pw = theme.px(200)
            self.pin_entry = UITextEntryLine(pygame.Rect((w - pw) // 2 - theme.px(60),
                                                         int(h * 0.45), pw, bh), manager=m)
            self.pin_entry.set_text_hidden(True)
            self.pin_button = UIButton(pygame.Rect((w + pw) // 2 - theme.px(50), int(h * 0.45),
                                                   theme.px(110), bh), t("Open"), manager=m,
                                       object_id="#primary")
            self.focus.add(self.pin_entry, self.pin_button, self.back_button)
            self.focus.focus(self.pin_entry)
            return
        # The events' column is as wide as its longest label needs (French event names run
        # long), up to three fifths of the width; the controls keep the rest.
        need = max((theme.font(14).size(e.label)[0] for e in self.events), default=0) \
            + 2 * theme.px(12) + 2 * theme.px(4) + theme.px(8)
        col = (w - 3 * gap) - min(max((w - 3 * gap) // 2, need), (w - 3 * gap) * 3 // 5)
        body_h = bottom - top - bh - gap
        self.controls_rect = pygame.Rect(gap, top, col, body_h)
        self.events_rect = pygame.Rect(2 * gap + col, top, w - 3 * gap - col, body_h)
        inner = self.controls_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(6)
        room = self.room
        specs = [
            ("pause", t("Resume the class") if room.paused else t("Pause the class")),
            ("extend", t("Give the team {n} more minutes", n=EXTRA_MINUTES)),
            ("reveal", t("Hide the scores") if room.scores_revealed else
             t("Reveal the scores on the projector")),
            ("end", t("Press again to end the session") if self.confirm_end else
             t("End the session now")),
        ]
        for key, label in specs:
            b = UIButton(pygame.Rect(inner.left, y, inner.width, bh), label, manager=m,
                         object_id="#primary" if key == "end" and self.confirm_end else None)
            self.buttons[key] = b
            self.focus.add(b)
            y += bh + theme.px(8)
        if room.time_left is None:
            self.buttons["extend"].disable()
            self.buttons["extend"].set_tooltip(t("This session has no turn timer."))
        self.notes_rect = pygame.Rect(inner.left, y + theme.px(6), inner.width,
                                      inner.bottom - y - theme.px(6))
        inner = self.events_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(6)
        eh = theme.px(36)
        for event in self.events:
            if y + eh > inner.bottom - 2 * theme.font(13).get_linesize():
                break
            b = UIButton(pygame.Rect(inner.left, y, inner.width, eh), event.label, manager=m,
                         object_id="#small")
            b.set_tooltip(t("Add to the turn being decided: {kind}",
                            kind=event.kind.replace("_", " ")))
            self.event_buttons.append((b, event))
            self.focus.add(b)
            y += eh + theme.px(6)
        self.injected_rect = pygame.Rect(inner.left, y + theme.px(4), inner.width,
                                         inner.bottom - y - theme.px(4))
        self.focus.add(self.back_button)
        self.focus.focus(self.buttons["pause"])

    def panels(self) -> list[pygame.Rect]:
        """The two panels (none behind the PIN prompt)."""
        if not self.unlocked:
            return []
        return [self.controls_rect, self.events_rect]

    def _rebuild(self) -> None:
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The PIN, the controls, the events."""
        if (event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.pin_entry is not None
                and event.ui_element is self.pin_entry):
            self.try_pin(self.pin_entry.get_text())
            return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            element = event.ui_element
            if element is self.back_button:
                return self.back()
            if element is self.pin_button and self.pin_entry is not None:
                self.try_pin(self.pin_entry.get_text())
                return None
            for key, b in self.buttons.items():
                if element is b:
                    return self.press(key)
            for b, ev in self.event_buttons:
                if element is b:
                    self.inject(ev)
                    return None
        return super().handle(event)

    def try_pin(self, pin: str) -> None:
        """Open the panel if the PIN is right."""
        if self.room.check_pin(pin):
            self.unlocked = True
            self.message = ""
            self._rebuild()
        else:
            self.message, self.message_bad = t("That is not the teacher's PIN."), True
            if self.pin_entry is not None:
                self.pin_entry.set_text("")

    def press(self, key: str) -> Scene | None:
        """One of the controls."""
        room = self.room
        if key == "pause":
            if room.paused:
                room.resume()
                self.message = t("The class is running again.")
            else:
                room.pause()
                self.message = t("Paused: the desk and the clock wait for you.")
        elif key == "extend":
            room.extend_timer(EXTRA_MINUTES)
            self.message = t("The team now has {clock}.", clock=clock_text(room.time_left))
        elif key == "reveal":
            room.reveal_scores(not room.scores_revealed)
            self.message = t("Scores are shown on the projector.") if room.scores_revealed \
                else t("Scores are hidden.")
        elif key == "end":
            if not self.confirm_end:
                self.confirm_end = True
                self.message = t("The class will go to the debrief with the turns played so "
                                 "far.")
            else:
                room.end_session()
                return open_scene("class_debrief", self.app, room)
        self.message_bad = False
        self._rebuild()
        return None

    def inject(self, event: TeacherEvent) -> None:
        """Add an event to the turn being decided."""
        try:
            self.room.inject(event)
        except DecisionRejected as refusal:
            self.message, self.message_bad = str(refusal), True
            return
        self.message = t("Added to this turn: {event}. The class will see it in the news.",
                         event=event.label)
        self.message_bad = False

    def back(self) -> Scene | None:
        """Back to the screen the class was on."""
        return self.back_to

    def autoplay(self) -> Scene | None:
        """Autoplay closes the panel."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Back"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The controls, the state of the class, the teacher's notes, the events."""
        surface.fill(theme.BACKGROUND)
        room = self.room
        at_desk = room.current
        state = t("Turn {turn} of {turns}", turn=room.turn, turns=room.session.turns)
        if at_desk is not None:
            state += " · " + t("at the desk: Team {name}", name=at_desk.name)
        clock = clock_text(room.time_left)
        if clock:
            state += " · " + clock
        if room.paused:
            state += " · " + t("paused")
        header(surface, t("Teacher panel"), state)
        f, small = theme.font(15), theme.font(13)
        if not self.unlocked:
            w, h = surface.get_size()
            s = fit(theme.font(22, bold=True), t("Type the teacher's PIN"), w, theme.TEXT)
            surface.blit(s, s.get_rect(center=(w // 2, int(h * 0.38))))
        else:
            panel(surface, self.controls_rect, t("The class"))
            notes = text_of(getattr(room.level.briefing, "teacher", None)) \
                if room.level.briefing else ""
            if notes:
                surface.blit(fit(theme.font(14, bold=True), t("Notes for the teacher"),
                                 self.notes_rect.width, theme.ACCENT), self.notes_rect.topleft)
                line = theme.font(14, bold=True).get_linesize()
                draw_wrapped(surface, small, notes, pygame.Rect(
                    self.notes_rect.left, self.notes_rect.top + line, self.notes_rect.width,
                    self.notes_rect.height - line), theme.TEXT_DIM)
            panel(surface, self.events_rect, t("Add an event to this turn"))
            injected = room.injected()
            text = t("Added to this turn: {kinds}", kinds=", ".join(
                k.replace("_", " ") for k in injected)) if injected else t(
                "Every class playing this level and seed meets the same random events; an event "
                "you add is recorded, and replays the same way.")
            draw_wrapped(surface, small, text, self.injected_rect,
                         theme.ACCENT if injected else theme.TEXT_DIM)
        if self.message:
            draw_wrapped(surface, f, self.message, self.message_rect,
                         theme.BAD if self.message_bad else theme.GOOD, 2)
