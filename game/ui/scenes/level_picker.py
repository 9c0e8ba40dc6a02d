"""The level picker: the campaign in order, and custom levels with the checker's report.

The Campaign section lists the campaign file's levels in order, each with the stars won and,
when locked, what opens it; a teacher's campaign files in the custom levels' folder are listed
after the game's own, one at a time, with a button to turn from one campaign to the next.
Custom levels lists the player's own files (campaign and strategy files said for what they
are), then the example levels for level writers; classroom levels are opened from Classroom
only.

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
from game.play.campaign import (
    CAMPAIGN_FILE,
    CampaignStep,
    campaign_steps,
    campaign_title,
    load_progress,
)
from game.play.catalog import (
    custom_campaigns,
    custom_levels_dir,
    format_problem,
    level_text,
    other_files,
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
from game.ui.widgets import star_points

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
    #: Its place in the campaign (stars won, locked or open), for campaign levels.
    step: CampaignStep | None = None
    #: ``level``; or ``campaign`` / ``strategy`` for those files in the custom folder.
    kind: str = "level"

    @property
    def ok(self) -> bool:
        """Whether the level loaded."""
        return self.level is not None

    @property
    def locked(self) -> bool:
        """A campaign level the player has not opened yet."""
        return self.step is not None and not self.step.unlocked

    @property
    def label(self) -> str:
        """The line in the list: title, and for the campaign its number, stars or lock."""
        if self.kind == "campaign":
            return t("{name} (campaign)", name=self.path.name)
        if self.kind == "strategy":
            return t("{name} (strategy)", name=self.path.name)
        if not self.ok:
            return t("{name} (cannot load)", name=self.title)
        if self.step is None:
            return self.title
        n = self.step.index + 1
        if self.locked:
            return t("{n}. {title} (locked)", n=n, title=self.title)
        if self.step.result is None:
            return t("{n}. {title}", n=n, title=self.title)
        return t("{n}. {title} · {stars} of {max} stars", n=n, title=self.title,
                 stars=self.step.stars, max=self.step.max_stars)

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


def campaign_entries(path: Path = CAMPAIGN_FILE) -> tuple[list[Entry], str]:
    """The campaign's levels in order with stars and locks, and a message for the player."""
    progress = load_progress()
    try:
        steps = campaign_steps(progress, path)
    except Exception as error:  # noqa: BLE001 - a broken campaign file must not close the list
        if path != CAMPAIGN_FILE:
            return [], t("The campaign file {name} could not be read: {error}",
                         name=path.name, error=error)
        # Every campaign level stays playable, in the order of its story.
        found = sorted((e for e in shipped_levels() if e.group == "campaign"),
                       key=lambda e: (str(e.level.start) if e.level else "9999", str(e.path)))
        return _entries(found, False), t("The campaign file could not be read, so every "
                                         "campaign level is open: {error}", error=error)
    entries = [Entry(s.path or Path(s.level_id), False, s.level,
                     [] if s.level is not None else [t("The file could not be read.")],
                     "campaign", s) for s in steps]
    return entries, progress.message


def custom_entries(settings: Any = None) -> tuple[list[Entry], list[Entry]]:
    """(the player's files, the example levels for level writers)."""
    examples = sorted((e for e in shipped_levels() if e.group == "examples"),
                      key=lambda e: str(e.path))
    folder = custom_levels_dir(settings)
    levels = scan_levels(folder, "custom")
    # Campaign and strategy files are said for what they are, not listed as broken levels.
    others = [Entry(f.path, True, kind=f.kind) for f in other_files(folder, levels)]
    return [*_entries(levels, True), *others], _entries(examples, False)


def campaign_files(settings: Any = None) -> list[tuple[Path, str]]:
    """Every campaign to choose from, (file, title): the game's own, then the teacher's."""
    out = []
    for path in [CAMPAIGN_FILE, *custom_campaigns(settings)]:
        try:
            title = campaign_title(path)
        except Exception:  # noqa: BLE001 - listed by its file name; its problems show when chosen
            title = path.name
        out.append((path, title))
    return out


def find_entries(settings: Any = None) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """(campaign, custom, examples): the campaign in order, the player's files, the examples."""
    return (campaign_entries()[0], *custom_entries(settings))


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
    #: The campaign a level was last started from: the picker opens on it again (a class
    #: playing a teacher's campaign comes back to it, not to the game's own).
    last_campaign: Path | None = None

    def __init__(self, app: App, section: str = "campaign") -> None:
        super().__init__(app)
        self.section = section
        self.campaigns = campaign_files(app.settings)
        paths = [p for p, _ in self.campaigns]
        self.choose_campaign(paths.index(self.last_campaign)
                             if self.last_campaign in paths else 0)
        self.custom, self.examples = custom_entries(app.settings)
        self.folder = custom_levels_dir(app.settings)
        self.selected: Entry | None = self.first_entry()
        self.role: str | None = None
        self.page = 0
        self.message = ""

    def choose_campaign(self, index: int) -> None:
        """Show the campaign at ``index`` of :attr:`campaigns` (the game's own is 0)."""
        self.campaign_index = index % len(self.campaigns)
        self.shipped, self.progress_message = campaign_entries(
            self.campaigns[self.campaign_index][0])

    def open_campaign(self, path: Path) -> None:
        """Turn to the Campaign section showing the campaign in file ``path``."""
        self.campaigns = campaign_files(self.app.settings)
        paths = [p for p, _ in self.campaigns]
        self.section = "campaign"
        self.choose_campaign(paths.index(path) if path in paths else 0)
        self.selected = self.first_entry()
        self.page = 0

    def entries(self) -> list[Entry]:
        """The entries of the current section (custom: the player's files, then the examples)."""
        return [*self.custom, *self.examples] if self.section == "custom" else self.shipped

    def first_entry(self) -> Entry | None:
        """The entry chosen when a section opens: the first open campaign level not yet played."""
        entries = self.entries()
        if self.section == "campaign":
            open_levels = [e for e in entries if e.ok and not e.locked]
            unplayed = [e for e in open_levels if e.step is not None and e.step.result is None]
            if unplayed or open_levels:
                return (unplayed or open_levels)[0]
        # Custom: the player's own files first, a broken one too (its problems show at once).
        own = self.custom if self.section == "custom" and self.custom else entries
        return next((e for e in own if e.ok), own[0]) if own else None

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
                                               th), t("Custom levels"), manager=m,
                                   object_id=self._tab_id("custom"))
        self.focus.add(self.campaign_tab, self.custom_tab)
        bh = theme.px(36)
        y = inner.top + th + theme.px(10)
        # With a teacher's campaign in the custom folder, a button turns to the next campaign.
        self.campaign_button = None
        if self.section == "campaign" and len(self.campaigns) > 1:
            path, title = self.campaigns[self.campaign_index]
            self.campaign_button = UIButton(
                pygame.Rect(inner.left, y, inner.width, th),
                t("Campaign {n} of {count}: {title}", n=self.campaign_index + 1,
                  count=len(self.campaigns), title=title), manager=m, object_id="#small")
            self.campaign_button.set_tooltip(html.escape(str(path)))
            self.focus.add(self.campaign_button)
            y += th + theme.px(10)
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
            b = UIButton(pygame.Rect(inner.left, y, inner.width, row), entry.label, manager=m,
                         object_id="#tab_selected" if entry is self.selected else "#tab")
            if entry.locked and entry.step is not None:
                b.set_tooltip(entry.step.unlock_text)
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
        if entry is not None and entry.kind == "campaign":
            self.play_button.set_text(t("Open campaign"))
        elif entry is not None and entry.kind != "level":
            self.play_button.disable()
        elif entry is not None and entry.locked:
            self.play_button.disable()
            self.play_button.set_tooltip(entry.step.unlock_text if entry.step else "")
        elif entry is not None and not entry.ok:
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
            if el is self.campaign_tab:
                # A campaign file put in the folder since shows without a Reload.
                self.open_campaign(self.campaigns[self.campaign_index][0])
                return self
            self.section = "custom"
            self.selected = self.first_entry()
            self.page = 0
            return self
        if el is self.campaign_button:
            self.choose_campaign(self.campaign_index + 1)
            self.selected = self.first_entry()
            self.page = 0
            return self
        if el is self.folder_button:
            self.message = open_folder(self.folder)
            return None
        if el is self.reload_button:
            self.custom, self.examples = custom_entries(self.app.settings)
            self.campaigns = campaign_files(self.app.settings)
            self.choose_campaign(0)
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
        if entry is not None and entry.kind == "campaign":
            self.open_campaign(entry.path)
            return self
        if entry is None or not entry.ok or entry.locked or self.role is None:
            return None
        if self.section == "campaign":
            LevelPickerScene.last_campaign = self.campaigns[self.campaign_index][0]
        try:
            return open_scene("new_game", self.app, entry.level, self.role, entry.path)
        except Exception as error:  # noqa: BLE001 - a level that cannot start must not crash
            self.message = t("This level could not be started: {error}", error=error)
            return None

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def autoplay(self) -> Scene | None:
        """Play the chosen level (the campaign's next one), else the first that is open."""
        chosen = self.selected
        if chosen is not None and chosen.ok and not chosen.locked:
            self.role = self.role or chosen.level.playable_countries()[0]
            return self.play()
        for entry in self.entries():
            if entry.ok and not entry.locked:
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
               t("The campaign, level by level: win one to open the next") if
               self.section == "campaign" else
               t("Your own levels go in the folder below; the examples show level writers how"))
        panel(surface, self.list_rect)
        panel(surface, self.detail_rect)
        small = theme.font(13)
        if self.section == "custom":
            text = self.message or (t("Folder: {path}", path=self.folder) if self.custom else
                                    t("No level files of your own yet: put .yaml files in "
                                      "{path}, then press Reload.", path=self.folder))
            draw_wrapped(surface, small, text, self.folder_text_rect, theme.TEXT_DIM, 2)
        self._draw_detail(surface)

    def _draw_step(self, surface: pygame.Surface, step: CampaignStep, y: int) -> int:
        """Stars won in this campaign level, or what unlocks it; returns the next free y."""
        inner = self.detail_inner
        f = theme.font(15, bold=True)
        size = theme.px(10)
        x = inner.left
        for i in range(step.max_stars):
            centre = (x + size, y + f.get_linesize() // 2)
            if i < step.stars:
                pygame.draw.polygon(surface, theme.ACCENT, star_points(centre, size))
            else:
                pygame.draw.polygon(surface, theme.PANEL_EDGE, star_points(centre, size), 2)
            x += 2 * size + theme.px(4)
        if step.unlock_text:
            text, colour = t("Locked: {why}", why=step.unlock_text), theme.TEXT_DIM
        elif step.result is None:
            text, colour = t("Not played yet"), theme.TEXT_DIM
        elif step.result.won:
            text, colour = t("Won · best {stars} of {max} stars", stars=step.stars,
                             max=step.max_stars), theme.GOOD
        else:
            text, colour = t("Finished, not won yet · best {stars} of {max} stars",
                             stars=step.stars, max=step.max_stars), theme.TEXT
        x += theme.px(8)
        if f.size(text)[0] <= inner.right - x:
            surface.blit(f.render(text, True, colour), (x, y))
            y += f.get_linesize() + theme.px(8)
        else:  # a long title (a teacher's level) goes under the stars, whole
            y += f.get_linesize() + theme.px(4)
            y += draw_wrapped(surface, f, text, pygame.Rect(inner.left, y, inner.width,
                                                            3 * f.get_linesize()),
                              colour) + theme.px(8)
        if self.progress_message:
            y += draw_wrapped(surface, theme.font(13), self.progress_message,
                              pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                              theme.BAD, 2) + theme.px(8)
        return y

    def _draw_detail(self, surface: pygame.Surface) -> None:
        inner = self.detail_inner
        entry = self.selected
        title_f, f, small = theme.font(24, bold=True), theme.font(15), theme.font(13)
        if entry is None:
            # A teacher's campaign that does not load says why here.
            text = self.progress_message if self.section == "campaign" and \
                self.progress_message else t("No level to show.")
            draw_wrapped(surface, f, text, inner, theme.TEXT_DIM)
            return
        surface.blit(fit(title_f, entry.title, inner.width), inner.topleft)
        y = inner.top + title_f.get_linesize() + theme.px(4)
        if entry.kind != "level":
            draw_wrapped(surface, f, _other_file_text(entry.kind), pygame.Rect(
                inner.left, y, inner.width, self.play_button.rect.top - theme.px(12) - y),
                theme.TEXT_DIM)
            return
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
        if entry.step is not None:
            y = self._draw_step(surface, entry.step, y)
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


def _other_file_text(kind: str) -> str:
    """What a campaign or strategy file in the custom folder is, and where it is used."""
    if kind == "campaign":
        return t("A campaign: its levels, in order, are in the Campaign section, where each one "
                 "opens as the campaign says. Open campaign shows it there.")
    return t("A strategy: decisions scripted turn by turn, for testing a level with "
             "borderlines simulate LEVEL --strategy FILE. It is not a level to play.")


def _problem_html(problem: str) -> str:
    """One checker message for the text box: the located line coloured by severity, the hint dim."""
    first, _, rest = problem.partition("\n")
    colour = "#e69f00" if ": warning:" in first else "#ff8a5c"
    out = f"<font color='{colour}'>{html.escape(first)}</font>"
    if rest:
        out += "<br><font color='#a0aebe'>" + html.escape(rest).replace("\n", "<br>") + "</font>"
    return out
