"""The hand-over screen: "Pass to Team Jaguars" — nothing of the previous team's choices shows.

Between two teams the screen is blank but for who is next, who has already decided (never
what) and one button the next team presses when it is seated. Once every team has committed,
the button resolves the turn and opens the projector view for the whole class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.classroom import skipped_teams
from game.play.decisions import DecisionRejected, country_name
from game.play.game import save_message
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text, teacher_key
from game.ui.scenes.kit import fit, footer_height, wrap
from game.ui.scenes.registry import open_scene, scene_factory

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.play.record import GameRecord
    from game.ui.app import App


class HandOverScene(Scene):
    """Who decides next; the previous team's screen is gone."""

    name = "class_handover"

    def __init__(self, app: App, room: Classroom, setup: Scene | None = None) -> None:
        super().__init__(app)
        self.room = room
        self.message = ""
        #: The set-up screen this session was started from, while no team has played yet.
        self.setup = setup

    def enter(self) -> None:
        """One big button in the middle."""
        w, h = self.app.screen.get_size()
        bw, bh = min(theme.px(460), w - theme.px(40)), theme.px(56)
        team = self.room.current
        if self.room.finished:
            label = t("Open the class debrief")
        elif team is None:
            label = t("Show the class what happens")
        else:
            label = t("We are Team {name}: open our desk", name=team.name)
        self.go_button = UIButton(pygame.Rect((w - bw) // 2, int(h * 0.62), bw, bh), label,
                                  manager=self.app.manager, object_id="#primary")
        self.focus.add(self.go_button)
        self.focus.focus(self.go_button)

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The button; Ctrl+T for the teacher."""
        if teacher_key(event):

            return open_scene("class_teacher", self.app, self.room, back_to=self)
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.go_button:
            return self.go()
        return super().handle(event)

    def go(self) -> Scene | None:
        """Open the next team's desk, or resolve the turn, or open the debrief."""
        if self.room.finished:
            return open_scene("class_debrief", self.app, self.room)
        if self.room.paused:
            self.message = t("The teacher has paused the session.")
            return None
        team = self.room.current
        if team is None:
            try:
                self.room.resolve()
            except DecisionRejected as refusal:
                self.message = str(refusal)
                return None
            return open_scene("class_projector", self.app, self.room)
        if self.room.turn == 1:
            # A team's first time at the computer: its brief and its own objectives first.
            return open_scene("class_briefing", self.app, self.room, team.country)
        return open_scene("class_desk", self.app, self.room, team.country)

    def back(self) -> Scene | None:
        """Escape: back to the set-up before anyone has played, else the teacher panel.

        A started lesson is never left by one key a student might press: the teacher panel
        (behind its PIN) is where a session is ended.
        """
        if self.setup is not None and self.room.turn == 1 and not self.room.committed:
            return self.setup
        return open_scene("class_teacher", self.app, self.room, back_to=self)

    def autoplay(self) -> Scene | None:
        """Autoplay presses the button."""
        return self.go()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        back = t("Set-up") if self.setup is not None and self.room.turn == 1 and \
            not self.room.committed else t("Teacher")
        return [(t("Enter"), t("Continue")), (t("Esc"), back), (t("Ctrl+T"), t("Teacher"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The next team's name, large; who has decided; the turn and the clock."""
        surface.fill(theme.BACKGROUND)
        w, h = surface.get_size()
        room = self.room
        team = room.current
        top = int(h * 0.16)
        small, f = theme.font(18), theme.font(22)
        turn_line = t("{title} · turn {turn} of {turns}", title=room.session.view.title,
                      turn=room.turn, turns=room.session.turns)
        s = fit(small, turn_line, w - theme.px(40), theme.TEXT_DIM)
        surface.blit(s, s.get_rect(center=(w // 2, top)))
        if room.finished:
            big_text = t("The session is over")
        elif team is None:
            big_text = t("Every team has decided")
        else:
            big_text = t("Pass to Team {name}", name=team.name)
        big = fit(theme.font(54, bold=True), big_text, w - theme.px(40), theme.TEXT)
        surface.blit(big, big.get_rect(center=(w // 2, top + theme.px(80))))
        if team is not None and not room.finished:
            sub = fit(f, t("who lead {country}", country=country_name(team.country,
                                                                      article=True)),
                      w - theme.px(40), theme.ACCENT)
            surface.blit(sub, sub.get_rect(center=(w // 2, top + theme.px(140))))
        # Who has decided: names only, never what.
        y = top + theme.px(190)
        # The font has no check-mark glyph: each team is a word, done ones in green.
        parts = []
        skipped = skipped_teams(room)
        for country in room.order:
            name = room.team(country).name
            done = country in room.committed
            text = t("{name}: absent", name=name) if country in skipped else \
                t("{name}: done", name=name) if done else (
                t("{name}: deciding", name=name) if team is not None
                and country == team.country else t("{name}: waiting", name=name))
            parts.append(small.render(text, True, theme.GOOD if done else theme.TEXT_DIM))
        spacing = theme.px(28)
        total = sum(p.get_width() for p in parts) + spacing * (len(parts) - 1)
        x = (w - total) // 2
        for part in parts:
            surface.blit(part, part.get_rect(midleft=(x, y)))
            x += part.get_width() + spacing
        note = ""
        if room.previous is not None and team is not None:
            note = t("Team {prev} has decided; its choices stay hidden until the turn is played.",
                     prev=room.previous.name)
        elif team is None and not room.finished:
            note = t("Turn the projector on: the turn is played for everyone at once.")
        clock = clock_text(room.settings.timer_minutes * 60 if room.settings.timer_minutes
                           else None)
        if clock and team is not None:
            note += " " + t("Each team has {clock} at the desk.", clock=clock)
        # A failed autosave is said here too, where the teacher looks between teams.
        warning = self.message or save_message(room.session)
        if warning:
            note = warning
        nf = theme.font(16)
        ny = y + theme.px(40)
        for line in wrap(nf, note.strip(), w - theme.px(120))[:3]:
            s = nf.render(line, True, theme.BAD if warning else theme.TEXT_DIM)
            surface.blit(s, s.get_rect(center=(w // 2, ny)))
            ny += nf.get_linesize()
        hint = fit(theme.font(14), t("Teacher: Ctrl+T opens the teacher panel."),
                   w - theme.px(40), theme.TEXT_DIM)
        surface.blit(hint, hint.get_rect(center=(w // 2, h - footer_height() - theme.px(24))))


@scene_factory("resume_class")
def resume_class_scene(app: App, record: GameRecord, message: str = "") -> Scene:
    """Resume a saved classroom session: its hand-over (or its debrief when it is over)."""
    from game.play.classroom import ClassroomError, resume_classroom
    from game.play.saves import autosave

    try:
        room = resume_classroom(record, on_save=autosave)
    # A save's classroom part is whatever the file holds (a crafted one passes the
    # checksum): wrong kinds of values are a message, not a crash.
    except (ClassroomError, ValueError, TypeError, KeyError, AttributeError) as problem:
        return open_scene("title", app, notice=t(
            "That classroom session could not be resumed: {why}", why=problem))
    scene = HandOverScene(app, room)
    scene.message = message
    return scene
