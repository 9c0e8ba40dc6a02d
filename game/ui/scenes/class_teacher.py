"""The teacher panel (Ctrl+T or F2, optional PIN): the class, the teams, the events.

Three columns. The class: pause, more time, reveal the scores, blank the projector (B on the
projector screen does the same), end the session. The teams: each with its state this turn,
Skip (an absent team passes, its levers unchanged) or Reopen (a committed team decides again,
after the team at the computer), and Rename. The events: the level's own first (its caravan,
its hurricane), then the standard ones; each is added to the turn being decided, recorded with
the decisions and replayed identically from the save, and can be taken back (Undo) until the
turn is played. An event the turn already brings is refused (see
:mod:`game.play.classroom.teacher`).

It opens over whatever screen the class is on and returns to it — to the hand-over instead
when the team whose desk it was opened over has just been skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t
from game.play.classroom import (
    NAME_LIMIT,
    TeacherEvent,
    added_events,
    blank_projector,
    projector_blanked,
    rename_team,
    skip_team,
    skipped_teams,
    teacher_events,
    undo_event,
)
from game.play.decisions import DecisionRejected
from game.play.levelview import text_of
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    panel_inner,
)
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
        #: The country whose team is being renamed (its row holds a text field).
        self.renaming: str | None = None

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
        self.team_buttons: list[tuple[UIButton, str, str]] = []
        self.team_rows: list[tuple[pygame.Rect, str]] = []
        self.undo_buttons: list[tuple[UIButton, int]] = []
        self.added_rows: list[tuple[pygame.Rect, str]] = []
        self.rename_entry: UITextEntryLine | None = None
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
        # Three columns: the class's controls, the teams, the events. The events' column takes
        # what its longest label needs (French event names run long), within bounds.
        usable = w - 4 * gap
        need = max((theme.font(14).size(e.label)[0] for e in self.events), default=0) \
            + 2 * theme.px(12) + 2 * theme.px(6)
        events_w = min(max(usable * 3 // 10, need), usable * 9 // 25)
        controls_w = (usable - events_w) // 2
        body_h = bottom - top - bh - gap
        self.controls_rect = pygame.Rect(gap, top, controls_w, body_h)
        self.teams_rect = pygame.Rect(2 * gap + controls_w, top,
                                      usable - events_w - controls_w, body_h)
        self.events_rect = pygame.Rect(w - gap - events_w, top, events_w, body_h)
        self._build_controls(bh)
        self._build_teams()
        self._build_events()
        self.focus.add(self.back_button)
        self.focus.focus(self.rename_entry or self.buttons["pause"])

    def _build_controls(self, bh: int) -> None:
        m = self.app.manager
        room = self.room
        inner = panel_inner(self.controls_rect, t("The class"))
        y = inner.top + theme.px(4)
        blanked = projector_blanked(room)
        specs = [
            ("pause", t("Resume the class") if room.paused else t("Pause the class")),
            ("extend", t("Give the team {n} more minutes", n=EXTRA_MINUTES)),
            ("reveal", t("Hide the scores") if room.scores_revealed else
             t("Reveal the scores on the projector")),
            ("blank", t("Show the projector again") if blanked else t("Blank the projector")),
            ("end", t("Press again to end the session") if self.confirm_end else
             t("End the session now")),
        ]
        bh = min(bh, theme.px(36))
        for key, label in specs:
            rect = pygame.Rect(inner.left, y, inner.width, bh)
            primary = key == "end" and self.confirm_end
            # A label too long for the column (French, Spanish) steps down to the small font
            # before it is cut; the tooltip then holds it whole.
            small = not primary and button_text(label, rect.width, 17) != label
            b = UIButton(rect, button_text(label, rect.width, 14 if small else 17), manager=m,
                         object_id="#primary" if primary else "#small" if small else None)
            if b.text != label:
                b.set_tooltip(label)
            self.buttons[key] = b
            self.focus.add(b)
            y += bh + theme.px(8)
        self.buttons["blank"].set_tooltip(t("On the projector screen the B key does the same."))
        if room.time_left is None:
            self.buttons["extend"].disable()
            self.buttons["extend"].set_tooltip(t("This session has no turn timer."))
        if room.finished:
            for key in ("pause", "extend"):
                self.buttons[key].disable()
        self.notes_rect = pygame.Rect(inner.left, y + theme.px(6), inner.width,
                                      inner.bottom - y - theme.px(6))

    def _build_teams(self) -> None:
        """A row per team: its name and state, then Skip or Reopen, and Rename."""
        m = self.app.manager
        room = self.room
        inner = panel_inner(self.teams_rect, t("The teams this turn"))
        line = theme.font(14, bold=True).get_linesize()
        bh = theme.px(28)
        row_h = line + bh + theme.px(10)
        y = inner.top + theme.px(2)
        open_turn = not room.finished
        bw = (inner.width - theme.px(6)) // 2
        for team in room.teams:
            country = team.country
            self.team_rows.append((pygame.Rect(inner.left, y, inner.width, line), country))
            by = y + line + theme.px(2)
            if country == self.renaming:
                # The Save button as wide as its word needs (within half the row).
                sw = min(bw, max(bw // 2, theme.font(14).size(t("Save"))[0] + theme.px(24)))
                ew = inner.width - sw - theme.px(6)
                self.rename_entry = UITextEntryLine(pygame.Rect(inner.left, by, ew, bh),
                                                    manager=m)
                self.rename_entry.set_text(team.name)
                self.rename_entry.length_limit = NAME_LIMIT
                ok = UIButton(pygame.Rect(inner.right - sw, by, sw, bh),
                              button_text(t("Save"), sw, 14), manager=m, object_id="#small")
                self.team_buttons.append((ok, "save", country))
                self.focus.add(self.rename_entry, ok)
            else:
                done = country in room.committed
                action, label = ("reopen", t("Reopen its turn")) if done else (
                    "skip", t("Skip: absent"))
                b = UIButton(pygame.Rect(inner.left, by, bw, bh),
                             button_text(label, bw, 14), manager=m, object_id="#small")
                b.set_tooltip(t("Let the team change its decisions again; it decides after "
                                "the team at the computer.") if done else
                              t("The team passes this turn: its levers stay as they are, and "
                                "the turn can be played without it."))
                if not open_turn:
                    b.disable()
                r = UIButton(pygame.Rect(inner.right - bw, by, bw, bh),
                             button_text(t("Rename"), bw, 14), manager=m, object_id="#small")
                self.team_buttons.append((b, action, country))
                self.team_buttons.append((r, "rename", country))
                self.focus.add(b, r)
            y += row_h

    def _build_events(self) -> None:
        """The events to add, then the ones added this turn, each with Undo."""
        m = self.app.manager
        inner = panel_inner(self.events_rect, t("Add an event to this turn"))
        added = added_events(self.room)
        uh = theme.px(28)
        small = theme.font(13)
        reserve = (small.get_linesize() + len(added) * (uh + theme.px(4)) if added
                   else 2 * small.get_linesize())
        y = inner.top + theme.px(4)
        eh = theme.px(32)
        for event in self.events:
            if y + eh > inner.bottom - reserve:
                break
            rect = pygame.Rect(inner.left, y, inner.width, eh)
            b = UIButton(rect, button_text(event.label, rect.width, 14), manager=m,
                         object_id="#small")
            # A label cut to fit is read whole in the tooltip.
            b.set_tooltip(t("Add to the turn being decided: {kind}", kind=event.label
                            if b.text != event.label else event.kind.replace("_", " ")))
            self.event_buttons.append((b, event))
            self.focus.add(b)
            y += eh + theme.px(6)
        self.injected_rect = pygame.Rect(inner.left, y + theme.px(4), inner.width,
                                         inner.bottom - y - theme.px(4))
        if not added:
            return
        y = self.injected_rect.top + small.get_linesize()
        bw = theme.px(80)
        for item in added:
            if y + uh > inner.bottom:
                break
            b = UIButton(pygame.Rect(inner.right - bw, y, bw, uh), button_text(t("Undo"), bw, 14),
                         manager=m, object_id="#small")
            b.set_tooltip(t("Take this event back: the turn will be played without it."))
            self.undo_buttons.append((b, item.index))
            self.added_rows.append((pygame.Rect(inner.left, y, inner.width - bw - theme.px(8),
                                                uh), item.label))
            self.focus.add(b)
            y += uh + theme.px(4)

    def panels(self) -> list[pygame.Rect]:
        """The three panels (none behind the PIN prompt)."""
        if not self.unlocked:
            return []
        return [self.controls_rect, self.teams_rect, self.events_rect]

    def _rebuild(self) -> None:
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The PIN, the controls, the teams, the events."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            if self.pin_entry is not None and event.ui_element is self.pin_entry:
                self.try_pin(self.pin_entry.get_text())
                return None
            if self.rename_entry is not None and event.ui_element is self.rename_entry:
                self.rename(self.renaming or "", self.rename_entry.get_text())
                return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._button(event.ui_element)
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
                and self.renaming is not None):
            self.renaming = None  # Escape leaves the name as it was, then the panel
            self._rebuild()
            return None
        return super().handle(event)

    def _button(self, element: object) -> Scene | None:
        if element is self.back_button:
            return self.back()
        if element is self.pin_button and self.pin_entry is not None:
            self.try_pin(self.pin_entry.get_text())
            return None
        for key, b in self.buttons.items():
            if element is b:
                return self.press(key)
        for b, action, country in self.team_buttons:
            if element is b:
                self.team_action(action, country)
                return None
        for b, ev in self.event_buttons:
            if element is b:
                self.inject(ev)
                return None
        for b, index in self.undo_buttons:
            if element is b:
                self.undo(index)
                return None
        return None

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
        elif key == "blank":
            self.message = t("The projector is blank until you show it again (here, or B on "
                             "the projector screen).") if blank_projector(room) else t(
                "The projector shows the class again.")
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

    def team_action(self, action: str, country: str) -> None:
        """Skip, reopen or rename one team."""
        room = self.room
        if action == "rename":
            self.renaming = country
            self.message, self.message_bad = t("Type the team's new name, then Enter."), False
            self._rebuild()
            return
        if action == "save" and self.rename_entry is not None:
            self.rename(country, self.rename_entry.get_text())
            return
        label = room.team(country).label
        try:
            if action == "skip":
                skip_team(room, country)
                self.message = t("{team} is skipped this turn: its levers stay as they are.",
                                 team=label)
            else:
                room.reopen(country)
                self.message = t("{team} can change its decisions again.", team=label)
        except DecisionRejected as refusal:
            self.message, self.message_bad = str(refusal), True
            return
        self.message_bad = False
        self._rebuild()

    def rename(self, country: str, name: str) -> None:
        """Give a team its new name (the set-up's rules), or say what is wrong with it."""
        old = self.room.team(country).name
        try:
            team = rename_team(self.room, country, name)
        except DecisionRejected as refusal:
            self.message, self.message_bad = str(refusal), True
            return
        self.renaming = None
        self.message = t("Team {old} is now Team {name}.", old=old, name=team.name) \
            if team.name != old else ""
        self.message_bad = False
        self._rebuild()

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
        self._rebuild()

    def undo(self, index: int) -> None:
        """Take an added event back before the turn is played."""
        try:
            undo_event(self.room, index)
        except DecisionRejected as refusal:
            self.message, self.message_bad = str(refusal), True
            return
        self.message, self.message_bad = t("Taken back: the turn will be played without it."), \
            False
        self._rebuild()

    def back(self) -> Scene | None:
        """Back to the screen the class was on (the hand-over if that team is now done)."""
        room = self.room
        country = getattr(self.back_to, "country", None)
        if country is not None and not room.settings.simultaneous and not room.finished:
            # A team skipped while at the desk does not go back to it: the next team comes.
            if room.current is None or room.current.country != country:
                return open_scene("class_handover", self.app, room)
        return self.back_to

    def autoplay(self) -> Scene | None:
        """Autoplay closes the panel."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Back"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The controls, the state of the class, the teams, the teacher's notes, the events."""
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
        if projector_blanked(room):
            state += " · " + t("projector blank")
        header(surface, t("Teacher panel"), state)
        f = theme.font(15)
        if not self.unlocked:
            w, h = surface.get_size()
            s = fit(theme.font(22, bold=True), t("Type the teacher's PIN"), w, theme.TEXT)
            surface.blit(s, s.get_rect(center=(w // 2, int(h * 0.38))))
        else:
            self._draw_controls(surface)
            self._draw_teams(surface)
            self._draw_events(surface)
        if self.message:
            draw_wrapped(surface, f, self.message, self.message_rect,
                         theme.BAD if self.message_bad else theme.GOOD, 2)

    def _draw_controls(self, surface: pygame.Surface) -> None:
        room = self.room
        panel(surface, self.controls_rect, t("The class"))
        notes = text_of(getattr(room.level.briefing, "teacher", None)) \
            if room.level.briefing else ""
        if notes and self.notes_rect.height > 2 * theme.font(13).get_linesize():
            surface.blit(fit(theme.font(14, bold=True), t("Notes for the teacher"),
                             self.notes_rect.width, theme.ACCENT), self.notes_rect.topleft)
            line = theme.font(14, bold=True).get_linesize()
            draw_wrapped(surface, theme.font(13), notes, pygame.Rect(
                self.notes_rect.left, self.notes_rect.top + line, self.notes_rect.width,
                self.notes_rect.height - line), theme.TEXT_DIM)

    def _draw_teams(self, surface: pygame.Surface) -> None:
        room = self.room
        panel(surface, self.teams_rect, t("The teams this turn"))
        bold = theme.font(14, bold=True)
        skipped = skipped_teams(room)
        at_desk = room.current
        for rect, country in self.team_rows:
            team = room.team(country)
            if country in skipped:
                state, colour = t("skipped"), theme.BAD
            elif country in room.committed:
                state, colour = t("done"), theme.GOOD
            elif at_desk is not None and at_desk.country == country:
                state, colour = t("at the desk"), theme.ACCENT
            else:
                state, colour = t("waiting"), theme.TEXT_DIM
            tag = fit(theme.font(13), state, rect.width // 2, colour)
            surface.blit(tag, tag.get_rect(topright=(rect.right, rect.top + theme.px(1))))
            room_left = rect.width - tag.get_width() - theme.px(8)
            # A long team name with its country steps down a size or two before it is cut.
            sizes = (bold, theme.font(13, bold=True), theme.font(12, bold=True))
            name_font = next((f for f in sizes if f.size(team.label)[0] <= room_left), sizes[-1])
            surface.blit(fit(name_font, team.label, room_left), rect.topleft)

    def _draw_events(self, surface: pygame.Surface) -> None:
        panel(surface, self.events_rect, t("Add an event to this turn"))
        small = theme.font(13)
        if not self.added_rows:
            draw_wrapped(surface, small, t(
                "Every class playing this level and seed meets the same random events; an event "
                "you add is recorded, and replays the same way."), self.injected_rect,
                theme.TEXT_DIM)
            return
        surface.blit(fit(theme.font(13, bold=True), t("Added to this turn (not played yet):"),
                         self.injected_rect.width, theme.ACCENT), self.injected_rect.topleft)
        for rect, label in self.added_rows:
            draw_wrapped(surface, small, label, rect, theme.TEXT, 2)


def button_text(text: str, width: int, size: int) -> str:
    """``text`` cut with an ellipsis to fit a button ``width`` pixels wide (font ``size``)."""
    f = theme.font(size)
    room = width - 2 * theme.px(8)
    if f.size(text)[0] <= room:
        return text
    while text and f.size(text + "…")[0] > room:
        text = text[:-1]
    return text.rstrip() + "…"
