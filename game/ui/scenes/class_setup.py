"""Setting a classroom session up: the level, the teams and their countries, the options.

Left: the classroom levels (every level with a ``classroom`` section, shipped or the teacher's
own in the user's levels folder) with their summary and suggested length. Middle: the teams — a
name each and the country it leads (only the level's playable countries; the others are led by
the computer); add or remove teams within the level's limits. Right: turn timer, hidden
objectives, the order, a PIN for the teacher panel; then Start. A saved session can be resumed
and several can be compared from here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t, tn
from game.net.host import resume_host
from game.play.classroom import (
    Classroom,
    ClassroomError,
    ClassSettings,
    Team,
    class_saves,
    classroom_countries,
    default_team_name,
    resume_classroom,
    team_limits,
)
from game.play.decisions import country_name
from game.play.lesson_timing import LABEL_LIMIT
from game.play.levelview import text_of
from game.play.saves import autosave
from game.ui import theme
from game.ui.lesson_kit import print_kit
from game.ui.scenes.base import Scene
from game.ui.scenes.class_lesson import TIMERS, LessonBand, LessonChoices
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    wrap,
)
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["TIMERS", "ClassSetupScene", "classroom_entries"]


def classroom_entries(settings: Any = None) -> list[Any]:
    """Levels for a class: shipped classroom levels, then the teacher's own levels.

    The teacher's own levels (the folder the level picker uses) are offered when they have a
    ``classroom`` section or at least two countries a team may lead.
    """
    from game.play.catalog import custom_levels_dir, scan_levels, shipped_levels

    entries = [e for e in shipped_levels() if e.ok and e.is_classroom]
    try:
        own = scan_levels(custom_levels_dir(settings), "custom")
    except OSError:
        own = []
    entries += [e for e in own if e.level is not None and (
        e.is_classroom or len(e.level.playable_countries()) >= 2)]
    return entries


class ClassSetupScene(Scene):
    """Choose a classroom level, name the teams, set the options, start."""

    name = "class_setup"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entries = classroom_entries(getattr(app, "settings", None))
        self.level_index = 0
        self.teams: list[list[str]] = []
        #: The lesson's preset, turns and minutes per phase (the band under the teams).
        self.lesson = LessonChoices(getattr(app, "settings", None))
        self.band = LessonBand(self.lesson)
        #: The class and period ("Period 3 — 10B"), offered again from the last lesson.
        self.label = self.lesson.label
        self.hidden = True
        self.rotate = True
        self.pin = ""
        self.message = ""
        self.message_bad = True
        self.saves = _safe_saves()
        self._default_teams()

    # -- state ----------------------------------------------------------------------------------

    @property
    def entry(self) -> Any:
        """The chosen level entry (None when there is no classroom level)."""
        return self.entries[self.level_index] if self.entries else None

    def _default_teams(self) -> None:
        """Three teams (or the level's limits) on the first playable countries."""
        entry = self.entry
        if entry is None:
            self.teams = []
            return
        countries = classroom_countries(entry.level)
        low, high = team_limits(entry.level)
        n = max(low, min(high, 3))
        self.teams = [[default_team_name(c), c] for c in countries[:n]]
        # The level's suggested timer is the "level's plan" preset; the last lesson comes first.
        self.lesson.for_level(entry.level, len(self.teams))

    @property
    def timers(self) -> list[float | None]:
        """The turn timer's choices for this level (the lesson band steps through them)."""
        return self.lesson.timers

    @property
    def timer_button(self) -> UIButton:
        """The turn timer's button (in the lesson band)."""
        return self.band.buttons["timer"]

    def settings(self) -> ClassSettings:
        """The settings as the screen holds them."""
        timing = self.lesson.timing
        return ClassSettings(tuple(Team(name.strip(), c) for name, c in self.teams),
                             timing.desk_minutes, self.hidden, self.pin, self.rotate,
                             turns=timing.turns, negotiation_minutes=timing.negotiation_minutes,
                             briefing_minutes=timing.briefing_minutes, label=self.label)

    # -- layout ---------------------------------------------------------------------------------

    def _option_labels(self) -> list[str]:
        """Every text an option button can show (the longest decides the column's width)."""
        return [t("Hidden objectives: on"), t("Hidden objectives: off"),
                t("First team changes every turn"), t("Teams always decide in the same order"),
                t("Resume the last class session"), t("Compare classes"),
                t("Print the lesson kit"), t("Students join on their devices")]

    def _options_width(self, width: int) -> tuple[int, str | None]:
        """The options column's width and its buttons' style, from their longest label.

        The column takes three tenths of the width when the labels fit at the buttons' size;
        else they step down to the small buttons' size together, and the column grows (up to
        two fifths of the width, the teams keep the rest) until the longest fits.
        """
        share = int(width * 0.3)
        pad = 2 * theme.px(12) + 2 * theme.px(8) + theme.px(6)
        longest = max(theme.font(17).size(x)[0] for x in self._option_labels())
        if longest + pad <= share:
            return share, None
        longest = max(theme.font(14).size(x)[0] for x in self._option_labels())
        return max(share, min(longest + pad, int(width * 0.4))), "#small"

    def enter(self) -> None:
        """Three panels and the Start button."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(44)
        body_h = bottom - top - bh - gap
        lw = int((w - 4 * gap) * 0.3)
        rw, self.option_style = self._options_width(w - 4 * gap)
        # The lesson band runs under the level and the teams; the options keep their column.
        band_h = LessonBand.height()
        upper = body_h - band_h - gap
        self.level_rect = pygame.Rect(gap, top, lw, upper)
        self.teams_rect = pygame.Rect(2 * gap + lw, top, w - 4 * gap - lw - rw, upper)
        self.lesson_rect = pygame.Rect(gap, top + upper + gap, w - 3 * gap - rw, band_h)
        self.options_rect = pygame.Rect(w - gap - rw, top, rw, body_h)
        self.start_button = UIButton(pygame.Rect(w - gap - rw, bottom - bh, rw, bh),
                                     t("Start the session"), manager=m, object_id="#primary")
        self.message_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - rw, bh)
        head = theme.font(15, bold=True).get_linesize() + theme.px(6)
        self._build_levels(head, theme.px(34))
        # Teams: rows as tall as the buttons elsewhere, lower when six teams share the panel.
        inner = self.teams_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        h_row = min(theme.px(34), (inner.height - head) // (len(self.teams) + 1) - theme.px(6))
        y = inner.top + head
        self.team_rows: list[tuple[UITextEntryLine, UIButton, UIButton]] = []
        # The country buttons are as wide as the longest country name, the team names get the
        # rest (a fixed 170 px left a French team name 60 px on a small window).
        countries = self.entry.level.country_setups() if self.entry else [c for _, c in self.teams]
        cw = max(theme.font(17).size(country_name(c))[0] for c in countries) + theme.px(28)
        xw = theme.px(36)
        for name, country in self.teams:
            entry = UITextEntryLine(pygame.Rect(inner.left, y, inner.width - cw - xw
                                                - 2 * theme.px(6), h_row), manager=m)
            entry.set_text(name)
            entry.length_limit = 32
            cb = UIButton(pygame.Rect(inner.right - cw - xw - theme.px(6), y, cw, h_row),
                          country_name(country), manager=m)
            cb.set_tooltip(t("Change the country this team leads."))
            xb = UIButton(pygame.Rect(inner.right - xw, y, xw, h_row), "×", manager=m,
                          object_id="#small")
            xb.set_tooltip(t("Remove this team"))
            self.team_rows.append((entry, cb, xb))
            y += h_row + theme.px(6)
        self.add_button = UIButton(pygame.Rect(inner.left, y + theme.px(4), inner.width, h_row),
                                   t("Add a team"), manager=m)
        low, high = team_limits(self.entry.level) if self.entry else (0, 0)
        if len(self.teams) >= high:
            self.add_button.disable()
        if len(self.teams) <= low:
            for _, _, xb in self.team_rows:
                xb.disable()
        self.ai_rect = pygame.Rect(inner.left, self.add_button.rect.bottom + theme.px(10),
                                   inner.width, inner.bottom - self.add_button.rect.bottom
                                   - theme.px(10))
        self.band_buttons = self.band.build(self.lesson_rect, m)
        self._build_options(head)
        self.focus.add(*(b for b, _ in self.level_buttons))
        for entry, cb, xb in self.team_rows:
            self.focus.add(entry, cb, xb)
        self.focus.add(self.add_button, *self.band_buttons, self.label_entry,
                       self.hidden_button, self.rotate_button, self.pin_entry, self.start_button,
                       self.resume_button, self.compare_button, self.kit_button,
                       self.lan_button)
        self.focus.focus(self.start_button)
        if not self.entries:
            self.start_button.disable()

    def _build_options(self, head: int) -> None:
        """The options column: class label, hidden objectives, order, PIN, resume, kit, devices."""
        m = self.app.manager
        # Eight rows, two captions and their gaps; the rows grow lower rather than
        # run past the panel onto the Start button (large text on a short window).
        style = self.option_style
        inner = self.options_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        fixed = head + 2 * (theme.font(13).get_linesize() + theme.px(2)) + theme.px(
            10 + 6 + 14 + 16 + 6 + 6 + 6)
        h_row = max(theme.px(24), min(theme.px(34), (inner.height - fixed) // 8))
        y = inner.top + head
        self.label_y = y
        y += theme.font(13).get_linesize() + theme.px(2)
        self.label_entry = UITextEntryLine(pygame.Rect(inner.left, y, inner.width, h_row),
                                           manager=m)
        self.label_entry.length_limit = LABEL_LIMIT
        self.label_entry.set_text(self.label)
        self.label_entry.set_tooltip(t("Shown on the exports, the lesson kit, the report and "
                                       "in the list of saved sessions."))
        y += h_row + theme.px(10)
        self.hidden_button = UIButton(pygame.Rect(inner.left, y, inner.width, h_row),
                                      t("Hidden objectives: on") if self.hidden else
                                      t("Hidden objectives: off"), manager=m, object_id=style)
        self.hidden_button.set_tooltip(t("Each team gets the secret goals the level gives its "
                                         "country; they are revealed in the debrief."))
        y += h_row + theme.px(6)
        self.rotate_button = UIButton(pygame.Rect(inner.left, y, inner.width, h_row),
                                      t("First team changes every turn") if self.rotate else
                                      t("Teams always decide in the same order"), manager=m,
                                      object_id=style)
        y += h_row + theme.px(14)
        self.pin_label_y = y
        y += theme.font(13).get_linesize() + theme.px(2)
        self.pin_entry = UITextEntryLine(pygame.Rect(inner.left, y, inner.width, h_row),
                                         manager=m)
        self.pin_entry.set_text(self.pin)
        self.pin_entry.set_text_hidden(True)
        y += h_row + theme.px(16)
        self.resume_button = UIButton(pygame.Rect(inner.left, y, inner.width, h_row),
                                      t("Resume the last class session"), manager=m,
                                      object_id=style)
        if not self.saves:
            self.resume_button.disable()
            self.resume_button.set_tooltip(t("No classroom session has been saved yet."))
        else:
            self.resume_button.set_tooltip(self.saves[0].label)
        y += h_row + theme.px(6)
        self.compare_button = UIButton(pygame.Rect(inner.left, y, inner.width, h_row),
                                       t("Compare classes"), manager=m, object_id=style)
        y += h_row + theme.px(6)
        self.kit_button = UIButton(pygame.Rect(inner.left, y, inner.width, h_row),
                                   t("Print the lesson kit"), manager=m, object_id=style)
        self.kit_button.set_tooltip(t("Lesson plan for 45 and 90 minutes, a role card per team, "
                                      "glossary and exit ticket, as HTML and PDF."))
        if self.entry is None:
            self.kit_button.disable()
        self._lan_button(pygame.Rect(inner.left, y + h_row + theme.px(6), inner.width, h_row))

    def _build_levels(self, head: int, h_row: int) -> None:
        """One button per classroom level, the level's summary under them."""
        inner = self.level_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + head
        self.level_buttons: list[tuple[UIButton, int]] = []
        for i, entry in enumerate(self.entries):
            b = UIButton(pygame.Rect(inner.left, y, inner.width, h_row), entry.title(),
                         manager=self.app.manager,
                         object_id="#tab_selected" if i == self.level_index else "#tab")
            self.level_buttons.append((b, i))
            y += h_row + theme.px(6)
        self.summary_rect = pygame.Rect(inner.left, y + theme.px(6), inner.width,
                                        inner.bottom - y - theme.px(6))

    def _lan_button(self, rect: pygame.Rect) -> None:
        """The button that hosts the class on students' devices (issue 19)."""
        self.lan_button = UIButton(rect, t("Students join on their devices"),
                                   manager=self.app.manager, object_id=self.option_style)
        self.lan_button.set_tooltip(t("Every team decides at the same time on phones, tablets "
                                      "or laptops on this network; this screen becomes the "
                                      "projector."))
        if self.entry is None:
            self.lan_button.disable()

    def panels(self) -> list[pygame.Rect]:
        """Levels, teams, the lesson, options."""
        return [self.level_rect, self.teams_rect, self.lesson_rect, self.options_rect]

    def _rebuild(self) -> None:
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    def _read_entries(self) -> None:
        for i, (entry, _, _) in enumerate(self.team_rows):
            if i < len(self.teams):
                self.teams[i][0] = entry.get_text()
        self.pin = self.pin_entry.get_text()
        self.label = self.label_entry.get_text()

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Levels, teams, options, start."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._button(event.ui_element)
        return super().handle(event)

    def _button(self, element: object) -> Scene | None:
        # Typed names and the PIN are read before anything rebuilds the widgets.
        self._read_entries()
        if element is self.start_button:
            return self.start()
        if element is self.resume_button:
            return self.resume()
        if element is self.compare_button:
            return open_scene("class_compare", self.app, back_to=self)
        if element is self.kit_button:
            self.print_kit()
            return None
        if element is self.lan_button:
            return self.host()
        for b, i in self.level_buttons:
            if element is b and i != self.level_index:
                self.level_index = i
                self._default_teams()
                self.message = ""
                self.team_rows = []
                self._rebuild()
                return None
        for i, (_, cb, xb) in enumerate(self.team_rows):
            if element is cb:
                self._next_country(i)
                self._rebuild()
                self.focus.focus(self.team_rows[i][1])
                return None
            if element is xb:
                del self.teams[i]
                del self.team_rows[i]
                self._teams_changed()
                self._rebuild()
                return None
        if element is self.add_button:
            free = [c for c in classroom_countries(self.entry.level)
                    if c not in {c for _, c in self.teams}]
            if free:
                self.teams.append([default_team_name(free[0]), free[0]])
            self._teams_changed()
            self._rebuild()
            return None
        if self.entry is not None and self.band.press(element, len(self.teams), self.entry.level):
            pass
        elif element is self.hidden_button:
            self.hidden = not self.hidden
        elif element is self.rotate_button:
            self.rotate = not self.rotate
        else:
            return None
        self._rebuild()
        return None

    def _teams_changed(self) -> None:
        """A 45- or 90-minute lesson plays fewer turns with more teams: fit it again."""
        if self.entry is not None and self.lesson.preset_key in ("45", "90"):
            self.lesson.choose(self.lesson.preset_key, len(self.teams), self.entry.level)

    def _next_country(self, i: int) -> None:
        """Give team ``i`` the next country no other team leads (its name follows if default)."""
        countries = list(classroom_countries(self.entry.level))
        taken = {c for j, (_, c) in enumerate(self.teams) if j != i}
        name, current = self.teams[i]
        k = countries.index(current) if current in countries else -1
        for step in range(1, len(countries) + 1):
            candidate = countries[(k + step) % len(countries)]
            if candidate not in taken:
                if name.strip() in ("", default_team_name(current)):
                    name = default_team_name(candidate)
                self.teams[i] = [name, candidate]
                return

    def print_kit(self) -> tuple[Path, ...]:
        """Write the chosen level's lesson kit for these teams and this timer; say where."""
        if self.entry is None:
            return ()
        self._read_entries()
        self.message, self.message_bad, files = print_kit(
            self.entry.level, len(self.teams), self.lesson.timing.desk_minutes,
            label=self.settings().label, timing=self.lesson.timing)
        return files

    def start(self) -> Scene | None:
        """Check the set-up and open the hand-over to the first team."""
        self._read_entries()
        entry = self.entry
        if entry is None:
            return None
        try:
            source = Path(entry.path).read_text(encoding="utf-8")
        except OSError:
            source = None
        try:
            room = Classroom(entry.level, self.settings(), source=source,
                             on_save=autosave)
        except ClassroomError as problem:
            self.message, self.message_bad = str(problem), True
            return None
        room.record.name = session_name(room.settings.label, entry.title())
        self.remember()
        # Nothing is saved until the first team commits: a session left before anyone played
        # must not become what Continue opens.
        if room.due_round() == "briefing":
            # The class briefing is counted down on the projector, the map behind it.
            return open_scene("class_projector", self.app, room)
        return open_scene("class_handover", self.app, room, setup=self)

    def host(self) -> Scene | None:
        """Serve the class to students' devices; this window becomes the projector."""
        from dataclasses import replace

        from game.net.lesson import new_host
        from game.net.server import serve

        entry = self.entry
        if entry is None:
            return None
        try:
            room = Classroom(entry.level, replace(self.settings(), simultaneous=True))
            running = serve(new_host(room))
        except ClassroomError as problem:
            self.message, self.message_bad = str(problem), True
            return None
        except OSError as error:
            self.message, self.message_bad = t("The host could not start: {e}", e=error), True
            return None
        room.record.name = session_name(room.settings.label, entry.title())
        self.remember()
        return open_scene("class_lan", self.app, running)

    def remember(self) -> None:
        """Keep this lesson's timing and label in the settings file, offered next time."""
        from game.play.settings import Settings, SettingsError, save_settings, update_settings

        current = getattr(self.app, "settings", None)
        current = current if isinstance(current, Settings) else Settings()
        try:
            self.app.settings = update_settings(
                current, last_lesson=self.lesson.remember(self.settings().label))
            save_settings(self.app.settings)
        # The lesson goes on when the settings cannot be written: only next time's offer is lost.
        except (OSError, SettingsError):
            pass

    def resume(self) -> Scene | None:
        """Resume the newest saved classroom session where it stopped."""
        if not self.saves:
            return None
        try:
            room = resume_classroom(self.saves[0].record, on_save=autosave)
        # A save's classroom part is whatever the file holds (a crafted one passes the
        # checksum): wrong kinds of values are a message, not a crash.
        except (ClassroomError, ValueError, TypeError, KeyError, AttributeError) as problem:
            self.message, self.message_bad = t("That session could not be resumed: {why}",
                                               why=problem), True
            return None
        if room.settings.simultaneous:
            return self._host_again(room)
        return open_scene("class_handover", self.app, room)

    def _host_again(self, room: Classroom) -> Scene | None:
        """A class played on students' devices resumes as one: same code, devices reconnect."""
        from game.net.lesson import devices_path
        from game.net.server import serve

        record = room.session.record
        try:
            running = serve(resume_host(record, devices_path(record), on_save=autosave))
        except (OSError, ValueError) as error:
            self.message, self.message_bad = t("The host could not start: {e}", e=error), True
            return None
        return open_scene("class_lan", self.app, running)

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def autoplay(self) -> Scene | None:
        """Autoplay starts the session as set up."""
        return self.start()

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Header, panels, texts."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Classroom session"), t("One computer, one projector, 2–6 teams"))
        f, small = theme.font(15), theme.font(13)
        inner = panel(surface, self.level_rect, t("Level"))
        entry = self.entry
        if entry is None:
            draw_wrapped(surface, f, t("No classroom level was found. Levels with a "
                                       "classroom section appear here."), inner, theme.BAD)
        else:
            level = entry.level
            low, high = team_limits(level)
            minutes = f" · {level.duration_minutes} min" if level.duration_minutes else ""
            per_turn = tn("{n} month per turn", "{n} months per turn", level.months_per_turn)
            facts = t("{low}–{high} teams · {turns} turns · {per_turn}", low=low, high=high,
                      turns=level.turns, per_turn=per_turn)
            r = self.summary_rect
            used = draw_wrapped(surface, small, facts + minutes, r, theme.ACCENT, 2)
            draw_wrapped(surface, small, text_of(level.summary), pygame.Rect(
                r.left, r.top + used + theme.px(6), r.width, r.height - used - theme.px(6)),
                theme.TEXT_DIM)
        panel(surface, self.teams_rect, t("Teams and their countries"))
        if entry is not None:
            humans = {c for _, c in self.teams}
            ai = [country_name(c) for c in entry.level.country_setups() if c not in humans]
            text = t("Led by the computer: {countries}.", countries=", ".join(ai)) if ai else \
                t("Every country is led by a team.")
            used = draw_wrapped(surface, small, text, self.ai_rect, theme.TEXT_DIM)
            how = t("How a turn runs: each team sits at the computer in turn and decides in "
                    "private — levers, offers to other teams, answers to theirs — then presses "
                    "Done and passes it on; a hand-over screen hides its choices. When every "
                    "team is done, the turn is played for everyone at once and the projector "
                    "shows what happened. Ctrl+T opens the teacher panel at any moment.")
            r = pygame.Rect(self.ai_rect.left, self.ai_rect.top + used + theme.px(14),
                            self.ai_rect.width, self.ai_rect.height - used - theme.px(14))
            # The explanation is shown whole or not at all (six teams or a small window leave
            # no room; docs/classroom.md and the lesson kit say the same).
            if len(wrap(small, how, r.width)) * small.get_linesize() <= r.height:
                draw_wrapped(surface, small, how, r, theme.TEXT_DIM)
        self.band.draw(surface, len(self.teams), False)
        inner = panel(surface, self.options_rect, t("Options"))
        surface.blit(fit(small, t("Class and period (optional)"), inner.width,
                         theme.TEXT_DIM), (inner.left, self.label_y))
        surface.blit(fit(small, t("Teacher panel PIN (optional)"), inner.width,
                         theme.TEXT_DIM), (inner.left, self.pin_label_y))
        if self.message:
            draw_wrapped(surface, f, self.message, self.message_rect,
                         theme.BAD if self.message_bad else theme.GOOD, 2)

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Title"))]


def session_name(label: str, title: str) -> str:
    """The saved session's name: "Period 3 — 10B · Class session: The June 2019 crisis"."""
    name = t("Class session: {title}", title=title)
    return f"{label} · {name}" if label else name


def _safe_saves() -> list[Any]:
    try:
        return class_saves()
    except Exception:  # noqa: BLE001 - an unreadable save folder only disables Resume
        return []
