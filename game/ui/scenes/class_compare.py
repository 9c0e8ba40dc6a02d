"""Several classes side by side: the same level and seed, so the same random events.

The classroom sessions saved on this computer are listed (tick the ones to compare); sessions
from other computers are added by typing the path of their ``session.json`` (in an exported
report folder) or of any save file. The table shows each class's final scores against the one
status quo; Export writes ``comparison.csv`` and a printable ``comparison.html``.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import format_number, t
from game.paths import user_data_path
from game.play.class_export import load_session_files, write_comparison
from game.play.classroom import ClassroomError, Comparison, class_saves, compare_sessions
from game.play.record import GameRecord
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel

if TYPE_CHECKING:
    from game.ui.app import App

#: Sessions listed at once.
LIST_ROWS = 8


class CompareScene(Scene):
    """Choose sessions, see them side by side, export the comparison."""

    name = "class_compare"

    def __init__(self, app: App, back_to: Scene) -> None:
        super().__init__(app)
        self.back_to = back_to
        try:
            saves = class_saves()
        except Exception:  # noqa: BLE001 - an unreadable save folder lists nothing
            saves = []
        self.records: list[tuple[str, GameRecord]] = [(s.label, s.record) for s in saves]
        self.chosen: set[int] = set(range(min(len(self.records), 4)))
        self.path_text = ""
        self.folder_text = str(user_data_path() / "exports" /
                               f"compare-{datetime.now().strftime('%Y-%m-%d_%H%M')}")
        self.message = ""
        self.message_bad = False

    def comparison(self) -> Comparison | None:
        """The chosen sessions compared (None when none is chosen)."""
        chosen = [r for i, (_, r) in enumerate(self.records) if i in self.chosen]
        if not chosen:
            return None
        try:
            return compare_sessions(chosen)
        except ClassroomError:
            return None

    def enter(self) -> None:
        """The list with its ticks, the path entry, the table, the export row."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(40)
        lw = int((w - 3 * gap) * 0.42)
        body_h = bottom - top - 2 * (bh + gap)
        self.list_rect = pygame.Rect(gap, top, lw, body_h)
        self.table_rect = pygame.Rect(2 * gap + lw, top, w - 3 * gap - lw, body_h)
        inner = self.list_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(6)
        rh = theme.px(32)
        self.ticks: list[tuple[UIButton, int]] = []
        for i, (label, _) in enumerate(self.records[:LIST_ROWS]):
            mark = "☑ " if i in self.chosen else "☐ "
            b = UIButton(pygame.Rect(inner.left, y, inner.width, rh), mark + label, manager=m,
                         object_id="#tab_selected" if i in self.chosen else "#tab")
            self.ticks.append((b, i))
            self.focus.add(b)
            y += rh + theme.px(4)
        row1 = bottom - 2 * bh - gap
        aw = theme.px(140)
        self.path_entry = UITextEntryLine(pygame.Rect(gap, row1, w - 3 * gap - aw, bh),
                                          manager=m)
        self.path_entry.set_text(self.path_text)
        self.add_button = UIButton(pygame.Rect(w - gap - aw, row1, aw, bh), t("Add"), manager=m)
        self.add_button.set_tooltip(t("Add a session.json from a class report folder, or a "
                                      "save file, from another computer."))
        ew, bw = theme.px(200), theme.px(150)
        self.folder_entry = UITextEntryLine(pygame.Rect(gap, bottom - bh,
                                                        w - 4 * gap - ew - bw, bh), manager=m)
        self.folder_entry.set_text(self.folder_text)
        self.export_button = UIButton(pygame.Rect(w - 2 * gap - ew - bw, bottom - bh, ew, bh),
                                      t("Export the comparison"), manager=m,
                                      object_id="#primary")
        self.back_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh), t("Back"),
                                    manager=m)
        self.focus.add(self.path_entry, self.add_button, self.folder_entry, self.export_button,
                       self.back_button)
        self.focus.focus(self.ticks[0][0] if self.ticks else self.path_entry)

    def panels(self) -> list[pygame.Rect]:
        """The list and the table."""
        return [self.list_rect, self.table_rect]

    def _rebuild(self) -> None:
        self.path_text = self.path_entry.get_text()
        self.folder_text = self.folder_entry.get_text()
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Ticks, Add, Export, Back."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            element = event.ui_element
            if element is self.back_button:
                return self.back()
            if element is self.add_button:
                self.add(self.path_entry.get_text())
                return None
            if element is self.export_button:
                self.folder_text = self.folder_entry.get_text()
                self.export()
                return None
            for b, i in self.ticks:
                if element is b:
                    self.chosen ^= {i}
                    self._rebuild()
                    return None
        return super().handle(event)

    def add(self, text: str) -> None:
        """Add the sessions in a file or report folder."""
        if not text.strip():
            self.message, self.message_bad = t("Type the path of a session.json or a save "
                                               "file."), True
            return
        records, problems = load_session_files([text.strip()])
        for record in records:
            self.records.insert(0, (record.name or record.level_title, record))
            self.chosen = {i + 1 for i in self.chosen} | {0}
        self.message = "; ".join(problems) if problems else t("Added.")
        self.message_bad = bool(problems)
        self.path_text = ""
        self._rebuild()

    def export(self) -> None:
        """Write comparison.csv and comparison.html."""
        comparison = self.comparison()
        if comparison is None:
            self.message, self.message_bad = t("Tick at least one session."), True
            return
        try:
            files = write_comparison(Path(self.folder_text.strip()).expanduser(), comparison)
        except OSError as error:
            self.message, self.message_bad = t("Could not write to {folder}: {error}",
                                               folder=self.folder_text,
                                               error=error.strerror or error), True
            return
        self.message = t("Wrote {files} in {folder}", files=", ".join(
            p.name for p in files.files), folder=files.folder)
        self.message_bad = False

    def back(self) -> Scene | None:
        """Back to where the teacher came from."""
        return self.back_to

    def draw(self, surface: pygame.Surface) -> None:
        """List, table, message."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Compare classes"), t("Same level, same seed: same random events"))
        small, bold = theme.font(13), theme.font(13, bold=True)
        inner = panel(surface, self.list_rect, t("Classroom sessions on this computer"))
        if not self.records:
            draw_wrapped(surface, small, t("No classroom session has been saved yet. Sessions "
                                           "save themselves after every team's turn; from "
                                           "another computer, add their session.json below."),
                         inner, theme.TEXT_DIM)
        inner = panel(surface, self.table_rect, t("Side by side"))
        comparison = self.comparison()
        if comparison is None:
            draw_wrapped(surface, small, t("Tick the sessions to compare."), inner,
                         theme.TEXT_DIM)
        else:
            self._draw_table(surface, inner, comparison)
        if self.message:
            r = pygame.Rect(self.list_rect.left, self.list_rect.bottom + theme.px(2),
                            self.table_rect.right - self.list_rect.left, theme.px(20))
            surface.blit(fit(small, self.message, r.width, theme.BAD if self.message_bad
                             else theme.GOOD), r.topleft)
        del bold

    def _draw_table(self, surface: pygame.Surface, inner: pygame.Rect,
                    comparison: Comparison) -> None:
        small, bold = theme.font(13), theme.font(13, bold=True)
        cols = [t("Session"), t("Turns"), t("Humanitarian"), t("Deaths"), t("Agreements")]
        widths = [0.46, 0.1, 0.16, 0.14, 0.14]
        x = inner.left
        y = inner.top
        for label, share in zip(cols, widths, strict=True):
            surface.blit(fit(bold, label, int(inner.width * share) - theme.px(6), theme.ACCENT),
                         (x, y))
            x += int(inner.width * share)
        y += bold.get_linesize() + theme.px(4)
        for s in comparison.sessions:
            hum = s.metrics.get("humanitarian_score", ())
            deaths = sum(v for v in s.metrics.get("deaths_in_transit", ()) if math.isfinite(v))
            cells = [s.name, str(s.turns), f"{hum[-1]:.0f}" if hum else "–", format_number(deaths),
                     str(s.agreements)]
            x = inner.left
            for cell, share in zip(cells, widths, strict=True):
                surface.blit(fit(small, cell, int(inner.width * share) - theme.px(6)), (x, y))
                x += int(inner.width * share)
            y += small.get_linesize() + theme.px(4)
            if y > inner.bottom - 4 * small.get_linesize():
                break
        notes = [t("Every session met the same random events.") if comparison.fair else
                 t("Warning: these sessions' status quo differ.")]
        notes += list(comparison.differences) + list(comparison.skipped)
        draw_wrapped(surface, small, " ".join(notes), pygame.Rect(
            inner.left, y + theme.px(8), inner.width, inner.bottom - y - theme.px(8)),
            theme.TEXT_DIM)
