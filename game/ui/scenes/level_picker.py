"""The level picker: the shipped campaign, and the player's own levels with the checker's report.

Custom levels live in a folder under the user's data directory (or the one chosen in the
settings); a button opens it in the file manager. A file that does not load is listed anyway,
and choosing it shows every problem the checker found, as ``file:line:column`` plus a hint, in a
scrollable box, so a teacher can fix the file and press Reload.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.i18n import language, t, tn
from game.play.catalog import (
    custom_levels_dir,
    format_problem,
    level_text,
    scan_levels,
    shipped_levels,
)
from game.play.decisions import country_name
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
)
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.ui.app import App

LEVEL_SUFFIXES = (".yaml", ".yml")


@dataclass
class Entry:
    """One line of the picker: a level that loaded, or a file with its problems."""

    path: Path
    custom: bool
    level: Any = None
    problems: list[str] = field(default_factory=list)
    #: The folder it came from: campaign, classroom, examples, or custom.
    group: str = "custom"

    @property
    def ok(self) -> bool:
        """Whether the level can be played."""
        return self.level is not None

    @property
    def title(self) -> str:
        """The level's title (the file name when it did not load)."""
        if self.level is None:
            return self.path.name
        return level_text(self.level.title, language())


def _entries(found: list[Any], custom: bool) -> list[Entry]:
    return [Entry(e.path, custom, e.level,
                  [] if e.ok else [format_problem(p) for p in e.problems], e.group)
            for e in found]


#: Shipped groups in the order the picker lists them.
GROUP_ORDER = ("campaign", "classroom", "examples")


def find_entries(settings: Any = None) -> tuple[list[Entry], list[Entry]]:
    """(shipped, custom) level entries: campaign first, then classroom levels and examples."""
    # Within a group, levels in historical order: the campaign then reads as a story.
    found = sorted(shipped_levels(), key=lambda e: (
        GROUP_ORDER.index(e.group) if e.group in GROUP_ORDER else len(GROUP_ORDER),
        str(e.level.start) if e.level is not None else "9999", str(e.path)))
    folder = custom_levels_dir(settings)
    return _entries(found, False), _entries(scan_levels(folder, "custom"), True)


def open_folder(path: Path) -> str:
    """Open ``path`` in the file manager; returns a message for the player ('' on success)."""
    try:
        if sys.platform.startswith("win"):
            os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606 - Windows only
        elif sys.platform == "darwin":
            subprocess.Popen(["open", str(path)])  # noqa: S603, S607
        else:
            subprocess.Popen(["xdg-open", str(path)], stdout=subprocess.DEVNULL,  # noqa: S603, S607
                             stderr=subprocess.DEVNULL)
    except (OSError, AttributeError):
        return t("Could not open the file manager. The folder is: {path}", path=path)
    return t("Opened {path}", path=path)


class LevelPickerScene(Scene):
    """Choose a shipped or custom level and the country to play; see why a file is broken."""

    name = "level_picker"

    def __init__(self, app: App, section: str = "campaign") -> None:
        super().__init__(app)
        self.section = section
        self.shipped, self.custom = find_entries(app.settings)
        self.folder = custom_levels_dir(app.settings)
        entries = self.entries()
        self.selected: Entry | None = next((e for e in entries if e.ok), entries[0]) \
            if entries else None
        self.role: str | None = None
        self.page = 0
        self.message = ""

    def entries(self) -> list[Entry]:
        """The entries of the current section."""
        return self.custom if self.section == "custom" else self.shipped

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """Section tabs and level list on the left, the chosen level's details on the right."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        lw = min(max(theme.px(300), int(w * 0.34)), w // 2)
        self.list_rect = pygame.Rect(gap, top, lw, bottom - top)
        self.detail_rect = pygame.Rect(self.list_rect.right + gap, top,
                                       w - self.list_rect.right - 2 * gap, bottom - top)
        inner = self.list_rect.inflate(-2 * theme.px(10), -2 * theme.px(10))
        th = theme.font(15).get_linesize() + theme.px(10)
        half = inner.width // 2
        self.campaign_tab = UIButton(pygame.Rect(inner.left, inner.top, half, th), t("Campaign"),
                                     manager=m, object_id=self._tab_id("campaign"))
        self.custom_tab = UIButton(pygame.Rect(inner.left + half, inner.top, inner.width - half,
                                               th), t("Your levels"), manager=m,
                                   object_id=self._tab_id("custom"))
        self.focus.add(self.campaign_tab, self.custom_tab)
        bh = theme.px(36)
        y = inner.top + th + theme.px(10)
        # Bottom of the list: the folder buttons for custom levels.
        self.folder_button = self.reload_button = None
        list_bottom = inner.bottom
        if self.section == "custom":
            half2 = (inner.width - theme.px(6)) // 2
            self.folder_button = UIButton(pygame.Rect(inner.left, inner.bottom - bh, half2, bh),
                                          t("Open folder"), manager=m, object_id="#small")
            self.reload_button = UIButton(pygame.Rect(inner.right - half2, inner.bottom - bh,
                                                      half2, bh), t("Reload"), manager=m,
                                          object_id="#small")
            self.folder_button.set_tooltip(str(self.folder))
            list_bottom = inner.bottom - bh - theme.font(13).get_linesize() * 2 - theme.px(14)
            self.folder_text_rect = pygame.Rect(inner.left, list_bottom + theme.px(6),
                                                inner.width,
                                                theme.font(13).get_linesize() * 2 + theme.px(2))
        row = theme.px(40)
        per_page = max(1, (list_bottom - y) // (row + theme.px(6)))
        entries = self.entries()
        pages = max(1, -(-len(entries) // per_page))
        if pages > 1:
            per_page = max(1, (list_bottom - y - row) // (row + theme.px(6)))
            pages = max(1, -(-len(entries) // per_page))
        self.pages = pages
        self.page = min(self.page, pages - 1)
        self.level_buttons: list[tuple[UIButton, Entry]] = []
        for entry in entries[self.page * per_page:(self.page + 1) * per_page]:
            label = entry.title if entry.ok else t("{name} (cannot load)", name=entry.title)
            b = UIButton(pygame.Rect(inner.left, y, inner.width, row), label, manager=m,
                         object_id="#tab_selected" if entry is self.selected else "#tab")
            self.level_buttons.append((b, entry))
            self.focus.add(b)
            y += row + theme.px(6)
        self.more_button = None
        if pages > 1:
            self.more_button = UIButton(pygame.Rect(inner.left, y, inner.width, row),
                                        t("More levels ({p} of {n})", p=self.page + 1, n=pages),
                                        manager=m, object_id="#small")
            self.focus.add(self.more_button)
        if self.folder_button is not None and self.reload_button is not None:
            self.focus.add(self.folder_button, self.reload_button)
        self._build_detail()
        first = next((b for b, e in self.level_buttons if e is self.selected), None)
        self.focus.focus(first or self.campaign_tab)

    def panels(self) -> list[pygame.Rect]:
        """The list and the details."""
        return [self.list_rect, self.detail_rect]

    def _tab_id(self, section: str) -> str:
        return "#tab_selected" if self.section == section else "#tab"

    def _build_detail(self) -> None:
        m = self.app.manager
        inner = self.detail_rect.inflate(-2 * theme.px(16), -2 * theme.px(14))
        self.detail_inner = inner
        bh = theme.px(46)
        bw = min(theme.px(220), inner.width // 2)
        self.play_button = UIButton(pygame.Rect(inner.right - bw, inner.bottom - bh, bw, bh),
                                    t("Play"), manager=m, object_id="#primary")
        self.back_button = UIButton(pygame.Rect(inner.right - 2 * bw - theme.px(10),
                                                inner.bottom - bh, bw, bh), t("Back"), manager=m)
        self.role_buttons: list[tuple[UIButton, str]] = []
        self.problems_box: UITextBox | None = None
        entry = self.selected
        if entry is not None and not entry.ok:
            self.play_button.disable()
            box = pygame.Rect(inner.left, inner.top + theme.px(64), inner.width,
                              inner.bottom - bh - theme.px(12) - inner.top - theme.px(64))
            body = "<br>".join(_problem_html(p) for p in entry.problems)
            self.problems_box = UITextBox(body or html.escape(t("The file could not be read.")),
                                          box, manager=m)
            self.focus.add(self.problems_box)
        elif entry is not None:
            roles = entry.level.playable_countries()
            if self.role not in roles:
                self.role = roles[0] if roles else None
            rw = min(theme.px(170), (inner.width - theme.px(6) * max(0, len(roles) - 1))
                     // max(1, len(roles)))
            ry = inner.bottom - bh - theme.px(16) - theme.px(36)
            self.role_y = ry
            for i, code in enumerate(roles):
                b = UIButton(pygame.Rect(inner.left + i * (rw + theme.px(6)), ry, rw,
                                         theme.px(36)), country_name(code), manager=m,
                             object_id="#tab_selected" if code == self.role else "#tab")
                self.role_buttons.append((b, code))
                self.focus.add(b)
        else:
            self.play_button.disable()
        self.focus.add(self.back_button, self.play_button)

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Sections, levels, roles, folder, reload, Play and Back."""
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return super().handle(event)
        el = event.ui_element
        if el is self.play_button:
            return self.play()
        if el is self.back_button:
            return self.back()
        if el in (self.campaign_tab, self.custom_tab):
            self.section = "campaign" if el is self.campaign_tab else "custom"
            entries = self.entries()
            self.selected = entries[0] if entries else None
            self.page = 0
            return self
        if el is self.folder_button:
            self.message = open_folder(self.folder)
            return None
        if el is self.reload_button:
            self.shipped, self.custom = find_entries(self.app.settings)
            names = [e.path for e in self.custom]
            if self.selected is not None and self.selected.path in names:
                self.selected = self.custom[names.index(self.selected.path)]
            else:
                self.selected = self.custom[0] if self.custom else None
            self.message = t("Reloaded {n} files.", n=len(self.custom))
            return self
        if el is self.more_button:
            self.page = (self.page + 1) % self.pages
            return self
        for b, entry in self.level_buttons:
            if el is b:
                self.selected = entry
                self.message = ""
                return self
        for b, code in self.role_buttons:
            if el is b:
                self.role = code
                for other, c in self.role_buttons:
                    other.change_object_id("#tab_selected" if c == code else "#tab")
                return None
        return None

    def play(self) -> Scene | None:
        """Start the chosen level as the chosen country; open its briefing."""
        entry = self.selected
        if entry is None or not entry.ok or self.role is None:
            return None
        try:
            return open_scene("new_game", self.app, entry.level, self.role, entry.path)
        except Exception as error:  # noqa: BLE001 - a level that cannot start must not crash
            self.message = t("This level could not be started: {error}", error=error)
            return None

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def autoplay(self) -> Scene | None:
        """Play the first level that loads."""
        for entry in self.entries():
            if entry.ok:
                self.selected = entry
                self.role = entry.level.playable_countries()[0]
                return self.play()
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Picker keys."""
        hints = [(t("Tab"), t("Next")), (t("Enter"), t("Choose"))]
        if getattr(self, "problems_box", None) is not None:
            hints.append((t("Up/Down"), t("Scroll problems")))
        return [*hints, (t("Esc"), t("Title"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the header, the list panel and the details of the chosen level."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Choose a level"),
               t("Campaign levels ship with the game; your own go in the folder below"))
        panel(surface, self.list_rect)
        panel(surface, self.detail_rect)
        small = theme.font(13)
        if self.section == "custom":
            if not self.custom:
                r = pygame.Rect(self.list_rect.left + theme.px(10),
                                self.campaign_tab.rect.bottom + theme.px(12),
                                self.list_rect.width - theme.px(20), theme.px(120))
                draw_wrapped(surface, small, t("No level files yet. Put .yaml level files in "
                                               "the folder below, then press Reload."), r,
                             theme.TEXT_DIM)
            text = self.message or t("Folder: {path}", path=self.folder)
            draw_wrapped(surface, small, text, self.folder_text_rect, theme.TEXT_DIM, 2)
        self._draw_detail(surface)

    def _draw_detail(self, surface: pygame.Surface) -> None:
        inner = self.detail_inner
        entry = self.selected
        title_f, f, small = theme.font(24, bold=True), theme.font(15), theme.font(13)
        if entry is None:
            draw_wrapped(surface, f, t("No level to show."), inner, theme.TEXT_DIM)
            return
        surface.blit(fit(title_f, entry.title, inner.width), inner.topleft)
        y = inner.top + title_f.get_linesize() + theme.px(4)
        if not entry.ok:
            n = len(entry.problems)
            surface.blit(fit(f, tn("This file has {n} problem. Fix it and press Reload.",
                                "This file has {n} problems. Fix them and press Reload.", n),
                             inner.width, theme.BAD), (inner.left, y))
            return
        level = entry.level
        facts = tn("Starts {start} · {turns} turns of {n} month",
                   "Starts {start} · {turns} turns of {n} months", level.months_per_turn,
                   start=level.start, turns=level.turns)
        kind = {"campaign": t("Campaign level"), "classroom": t("Classroom level (teams can "
                                                                 "play it from Classroom)"),
                "examples": t("Example level for level writers"),
                "custom": t("Your level")}.get(entry.group, "")
        if kind:
            facts = f"{kind} · {facts}"
        surface.blit(fit(small, facts, inner.width, theme.ACCENT), (inner.left, y))
        y += small.get_linesize() + theme.px(10)
        summary = level_text(level.summary, language())
        bottom = getattr(self, "role_y", inner.bottom) - theme.px(30)
        y += draw_wrapped(surface, f, summary, pygame.Rect(inner.left, y, inner.width,
                                                           bottom - y)) + theme.px(14)
        objectives = [level_text(o.text, language()) for o in level.objectives]
        if objectives and y + 2 * small.get_linesize() < bottom:
            surface.blit(theme.font(15, bold=True).render(t("Objectives"), True, theme.TEXT),
                         (inner.left, y))
            y += theme.font(15, bold=True).get_linesize() + theme.px(2)
            for text in objectives:
                if y + f.get_linesize() > bottom:
                    break
                y += draw_wrapped(surface, f, "• " + text,
                                  pygame.Rect(inner.left, y, inner.width, bottom - y),
                                  theme.TEXT_DIM, 2) + theme.px(2)
        if self.message and self.section != "custom":
            surface.blit(fit(small, self.message, inner.width, theme.BAD),
                         (inner.left, self.play_button.rect.top - small.get_linesize()
                          - theme.px(70)))
        if self.role_buttons:
            label = small.render(t("Play as"), True, theme.TEXT_DIM)
            surface.blit(label, (inner.left, self.role_buttons[0][0].rect.top
                                 - label.get_height() - theme.px(4)))


def _problem_html(problem: str) -> str:
    """One checker message for the text box: the located line coloured by severity, the hint dim."""
    first, _, rest = problem.partition("\n")
    colour = "#e69f00" if ": warning:" in first else "#ff8a5c"
    out = f"<font color='{colour}'>{html.escape(first)}</font>"
    if rest:
        out += "<br><font color='#a0aebe'>" + html.escape(rest).replace("\n", "<br>") + "</font>"
    return out
