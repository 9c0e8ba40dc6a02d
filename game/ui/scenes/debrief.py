"""The debrief: the game over time, against the status quo, and what to discuss.

Tabs show charts (observed vs true flows; scores and deaths against the status-quo baseline),
the timeline of decisions, objectives and stars, and discussion questions with sources. Export
writes every metric per turn as CSV and each chart as PNG into a folder the player types (a
default under the user's data directory is filled in).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t, tn
from game.paths import user_data_path
from game.play.campaign import CampaignStep, next_level
from game.play.goals import progress
from game.play.report import metric_label
from game.ui import theme
from game.ui.lesson_kit import print_kit
from game.ui.scenes.base import Scene
from game.ui.scenes.epilogue import EPILOGUE_TAB, draw_epilogue
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    panel_inner,
    wrap,
)
from game.ui.scenes.registry import open_scene
from game.ui.widgets import Chart, Series, draw_chart, draw_line_chart, render_png, star_points

if TYPE_CHECKING:
    from game.play.game import Game
    from game.play.report import Debrief
    from game.ui.app import App

def export_note() -> str:
    """What the export writes, for the Export tab."""
    return t("Writes metrics.csv (every metric, every turn, with the status-quo baseline) and "
             "one PNG per chart into this folder:")


def whatif_note() -> str:
    """What the What if tab does, above its list of turns."""
    return t("Go back to the start of a turn and decide it again: a new game, saved beside "
             "this one, drawn on the chart.")


TABS = (("charts", "Charts"), ("timeline", "Decisions"), ("objectives", "Objectives"),
        ("discuss", "Discuss"), ("whatif", "What if…"), ("export", "Export"))


def charts_of(debrief: Debrief, player: str) -> list[Chart]:
    """The debrief's charts: observed vs true crossings, then scores and deaths vs status quo."""
    out: list[Chart] = []
    observed = {k: v for k, v in debrief.observed_vs_true.items()
                if k != "deaths_in_transit" and v}
    if observed:
        out.append(Chart(t("Counted vs real: border statistics and true crossings"), tuple(
            Series(metric_label(name), list(values)) for name, values in observed.items())))
    for metric in ("humanitarian_score", f"political_score_{player.lower()}",
                   "deaths_in_transit"):
        if metric in debrief.history:
            out.append(Chart(
                metric_label(metric), (Series(t("Your game"), list(debrief.history[metric])),),
                Series(t("Status quo"), list(debrief.baseline.get(metric, []))),
                include_zero=not metric.endswith("score")))
    return out


def _chart_painter(chart: Chart, months: tuple[str, ...]
                   ) -> Callable[[pygame.Surface, pygame.Rect], None]:
    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        draw_chart(surface, rect.inflate(-16, -16), chart, months)

    return paint


def default_export_dir(debrief: Debrief) -> Path:
    """``<user data>/exports/<level>-<date time>``: a new folder per export."""
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M")
    return user_data_path() / "exports" / f"{debrief.level_id}-{stamp}"


def export(debrief: Debrief, folder: Path, player: str) -> list[Path]:
    """Write ``metrics.csv`` and one PNG per chart into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    from game.play.class_export import csv_text

    written.append(_write_atomic(folder / "metrics.csv",
                                 csv_text(debrief.csv_rows()).encode("utf-8")))
    for i, chart in enumerate(charts_of(debrief, player), start=1):
        path = folder / f"chart_{i:02d}_{_slug(chart.title)}.png"
        written.append(render_png(path, (theme.px(960), theme.px(540)),
                                  _chart_painter(chart, debrief.months)))
    return written


def _write_atomic(path: Path, data: bytes) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return path


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower()).strip("_")[:40]


class DebriefScene(Scene):
    """The end of a level: charts, decisions, objectives and stars, questions, export."""

    name = "debrief"

    def __init__(self, app: App, game: Game) -> None:
        super().__init__(app)
        self.game = game
        self.debrief: Debrief = game.debrief()
        self.player: str = game.player
        #: The tabs; a level that tells what really happened opens on its epilogue.
        self.tabs = ((EPILOGUE_TAB,) if self.debrief.epilogue is not None else ()) + TABS
        self.tab = self.tabs[0][0]
        self.folder_text = str(default_export_dir(self.debrief))
        self.message = ""
        self.message_bad = False
        self.rewind_page = 0
        #: The campaign level this win opened (None after a loss, or outside the campaign).
        self.next_step: CampaignStep | None = (
            next_level(self.debrief.level_id) if self.debrief.won
            and not game.session.record.classroom else None)
        #: (metric, saves version) → the family's lines: saves are read when they change, not
        #: every frame (100 saved games made a frame take two seconds).
        self._family: dict[tuple[str, int], tuple[list[Series], Series | None]] = {}

    def enter(self) -> None:
        """Tabs along the top, the tab's content, Title button at the bottom right."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        th = theme.font(15).get_linesize() + theme.px(10)
        bh = theme.px(44)
        tw = min(theme.px(150), (w - 2 * gap - theme.px(200)) // len(self.tabs))
        self.tab_buttons: list[tuple[UIButton, str]] = []
        for i, (key, label) in enumerate(self.tabs):
            b = UIButton(pygame.Rect(gap + i * tw, top, tw, th), t(label), manager=m,
                         object_id="#tab_selected" if key == self.tab else "#tab")
            self.tab_buttons.append((b, key))
            self.focus.add(b)
        self.body = pygame.Rect(gap, top + th + gap, w - 2 * gap, bottom - bh - 2 * gap
                                - top - th)
        bw = min(theme.px(220), w // 3)
        self.title_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh),
                                     t("Back to the title"), manager=m, object_id="#primary")
        self.stars_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - bw, bh)
        self.next_button: UIButton | None = None
        if self.next_step is not None:
            self.next_button = UIButton(pygame.Rect(w - 2 * (gap + bw), bottom - bh, bw, bh),
                                        t("Next level"), manager=m, object_id="#primary")
            self.next_button.set_tooltip(self.next_step.title)
            self.title_button.change_object_id(None)
            self.stars_rect.width -= bw + gap
        self.entry = self.export_button = self.kit_button = None
        if self.tab == "export":
            inner = panel_inner(self.body, t("Export for your class"))
            kw = min(theme.px(240), inner.width // 3)
            ew = inner.width - theme.px(160) - kw - 2 * theme.px(10)
            lines = wrap(theme.font(15), export_note(), inner.width)
            y = inner.top + len(lines) * theme.font(15).get_linesize() + theme.px(12)
            self.entry = UITextEntryLine(pygame.Rect(inner.left, y, ew, theme.px(36)), manager=m)
            self.entry.set_text(self.folder_text)
            self.export_button = UIButton(pygame.Rect(inner.left + ew + theme.px(10), y,
                                                      theme.px(160), theme.px(36)),
                                          t("Export"), manager=m, object_id="#primary")
            # The kit is for the next class: it goes to the export folder, not the one typed.
            self.kit_button = UIButton(pygame.Rect(inner.right - kw, y, kw, theme.px(36)),
                                       t("Print the lesson kit"), manager=m)
            self.kit_button.set_tooltip(t("Write this level's lesson plan, role cards, glossary "
                                          "and exit ticket as HTML and PDF."))
            self.focus.add(self.entry, self.export_button, self.kit_button)
        self.rewind_buttons: list[tuple[UIButton, int]] = []
        self.rewind_pager: UIButton | None = None
        if self.tab == "whatif":
            self._build_whatif()
        self.focus.add(self.title_button)
        if self.next_button is not None:
            self.focus.add(self.next_button)
        current = next((b for b, k in self.tab_buttons if k == self.tab), None)
        self.focus.focus(current or self.title_button)

    @property
    def shot_name(self) -> str:
        """``debrief_charts``: the debrief and its open tab."""
        return f"{self.name}_{self.tab}"

    def panels(self) -> list[pygame.Rect]:
        """The tab's body."""
        return [self.body]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Tabs, export and the way back to the title."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.folder_text = self.entry.get_text()
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.folder_text = self.entry.get_text()
            self.do_export()
            return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.title_button:
                return self.back()
            if self.next_button is not None and event.ui_element is self.next_button:
                return self.play_next()
            if event.ui_element is self.export_button:
                if self.entry is not None:
                    self.folder_text = self.entry.get_text()
                self.do_export()
                return None
            if self.kit_button is not None and event.ui_element is self.kit_button:
                self.print_kit()
                return None
            for b, key in self.tab_buttons:
                if event.ui_element is b:
                    self.tab = key
                    return self
            for b, turn in self.rewind_buttons:
                if event.ui_element is b:
                    return self.rewind(turn)
            if event.ui_element is not None and event.ui_element is self.rewind_pager:
                self.rewind_page += 1
                return self
        return super().handle(event)

    # -- what if ----------------------------------------------------------------------------

    def _whatif_rects(self) -> tuple[pygame.Rect, pygame.Rect]:
        gap = theme.px(10)
        left_w = int((self.body.width - gap) * 0.58)
        return (pygame.Rect(self.body.left, self.body.top, left_w, self.body.height),
                pygame.Rect(self.body.left + left_w + gap, self.body.top,
                            self.body.width - left_w - gap, self.body.height))

    def _build_whatif(self) -> None:
        """One button per turn: play the game again from the start of that turn."""
        _, right = self._whatif_rects()
        inner = panel_inner(right, t("Play a turn differently"))
        # The note above the turns takes the lines it needs (three in French on a small window).
        note_h = len(wrap(theme.font(13), whatif_note(), inner.width)) \
            * theme.font(13).get_linesize() + theme.px(8)
        area = pygame.Rect(inner.left, inner.top + note_h, inner.width, inner.height - note_h)
        row_h = theme.font(14, bold=True).get_linesize() + theme.font(13).get_linesize() \
            + theme.px(14)
        turns = list(range(1, self.debrief.turns + 1))
        per_page = max(1, area.height // row_h)
        if len(turns) > per_page:
            per_page = max(1, (area.height - theme.px(36)) // row_h)
            pages = -(-len(turns) // per_page)
            self.rewind_page %= pages
            self.rewind_pager = UIButton(
                pygame.Rect(area.left, area.bottom - theme.px(30), area.width, theme.px(30)),
                t("More turns ({page} of {pages})", page=self.rewind_page + 1, pages=pages),
                manager=self.app.manager, object_id="#small")
            turns = turns[self.rewind_page * per_page:(self.rewind_page + 1) * per_page]
        bw = min(theme.px(150), area.width // 3)
        self.rewind_rows: list[tuple[int, pygame.Rect]] = []
        for i, turn in enumerate(turns):
            row = pygame.Rect(area.left, area.top + i * row_h, area.width, row_h - theme.px(6))
            b = UIButton(pygame.Rect(row.right - bw, row.top + (row.height - theme.px(30)) // 2,
                                     bw, theme.px(30)), t("Replay from here"),
                         manager=self.app.manager, object_id="#small")
            b.set_tooltip(t("A new game that keeps turns 1 to {n} and lets you decide turn "
                            "{m} again; this game stays saved.", n=turn - 1, m=turn))
            self.rewind_buttons.append((b, turn))
            self.rewind_rows.append((turn, pygame.Rect(row.left, row.top, row.width - bw
                                                       - theme.px(8), row.height)))
            self.focus.add(b)
        if self.rewind_pager is not None:
            self.focus.add(self.rewind_pager)

    def rewind(self, turn: int) -> Scene | None:
        """Branch the game at the start of ``turn`` and open the desk of the new branch."""
        from game.play.game import SoloGame
        from game.play.record import RecordError
        from game.play.saves import SaveError, branch_session
        label = t("replaying turn {n}", n=turn)
        try:
            session = branch_session(self.game.session.record, turn - 1, label)
        except (RecordError, SaveError, OSError) as error:
            self.message, self.message_bad = t("Could not rewind: {e}", e=error), True
            return None
        return open_scene("desk", self.app,
                          SoloGame(session, self.game.player, self.game.autoplay))

    def _draw_whatif(self, surface: pygame.Surface) -> None:
        left, right = self._whatif_rects()
        self._draw_family(surface, left)
        inner = panel(surface, right, t("Play a turn differently"))
        small, bold = theme.font(13), theme.font(14, bold=True)
        draw_wrapped(surface, small, whatif_note(), inner, theme.TEXT_DIM)
        mine: dict[int, list[str]] = {}
        for e in self.debrief.timeline:
            if e.country == self.player:
                mine.setdefault(e.turn, []).append(e.text)
        months = self.debrief.months
        for turn, r in getattr(self, "rewind_rows", []):
            month = months[turn - 1] if turn - 1 < len(months) else ""
            surface.blit(fit(bold, t("Turn {n} · {month}", n=turn, month=month), r.width),
                         r.topleft)
            said = mine.get(turn, [])
            text = "; ".join(s for s in said) if said else t("No change of policy")
            surface.blit(fit(small, text, r.width, theme.TEXT_DIM),
                         (r.left, r.top + bold.get_linesize()))
        if self.message and self.tab == "whatif":
            draw_wrapped(surface, small, self.message, pygame.Rect(
                inner.left, inner.bottom - 2 * small.get_linesize(), inner.width,
                2 * small.get_linesize()), theme.BAD if self.message_bad else theme.GOOD, 2)

    def _draw_family(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """This game and its replays, with the status quo, on the humanitarian score."""
        metric = "humanitarian_score"
        series, baseline = self.family_lines(metric)
        draw_line_chart(surface, rect, series, baseline=baseline,
                        x_labels=self.debrief.months, include_zero=False,
                        title=t("{metric}: this game and its replays",
                                metric=metric_label(metric)),
                        text_size=13)

    def family_lines(self, metric: str) -> tuple[list[Series], Series | None]:
        """One line per game of the family (this one first), and the status-quo baseline."""
        from game.play.saves import saves_version

        key = (metric, saves_version())
        if key not in self._family:
            if any(version != key[1] for _, version in self._family):
                self._family.clear()
            self._family[key] = self._read_family_lines(metric)
        return self._family[key]

    def _read_family_lines(self, metric: str) -> tuple[list[Series], Series | None]:
        from game.play.saves import game_branches

        try:
            chart = game_branches(self.game.session.record)
        except Exception:  # noqa: BLE001 - unreadable saves only hide the replays
            chart = None
        own = Series(t("This game"), list(self.debrief.history.get(metric, [])))
        if chart is None:
            return [own], Series(t("Status quo"), list(self.debrief.baseline.get(metric, [])))
        lines = [own]
        me = self.game.session.record.game_id
        for line in chart.lines:
            if line.game_id == me or metric not in line.metrics:
                continue
            values = [math.nan] * self.debrief.turns
            for turn, value in zip(line.turns, line.metrics[metric], strict=False):
                if 1 <= turn <= len(values):
                    values[turn - 1] = value
            lines.append(Series(line.label or line.name, values))
        baseline = Series(t("Status quo"), list(self.debrief.baseline.get(metric, [])))
        return lines[:6], baseline

    def do_export(self) -> list[Path]:
        """Export into the typed folder; say what was written or why not."""
        folder = Path(self.folder_text.strip()).expanduser()
        if not self.folder_text.strip():
            self.message, self.message_bad = t("Type a folder to export into."), True
            return []
        try:
            files = export(self.debrief, folder, self.player)
        except OSError as error:
            self.message = t("Could not write to {folder}: {error}", folder=folder,
                             error=error.strerror or error)
            self.message_bad = True
            return []
        self.message = t("Wrote {n} files to {folder}", n=len(files), folder=folder)
        self.message_bad = False
        return files

    def print_kit(self) -> tuple[Path, ...]:
        """Write the level's lesson kit to the export folder; say where or why not."""
        self.message, self.message_bad, files = print_kit(self.game.session.view.level)
        return files

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def play_next(self) -> Scene | None:
        """The briefing of the next campaign level, led by the same country if it can be."""
        step = self.next_step
        if step is None or step.level is None:
            return None
        roles = step.level.playable_countries()
        role = self.player if self.player in roles else roles[0]
        try:
            return open_scene("new_game", self.app, step.level, role, step.path)
        except Exception as error:  # noqa: BLE001 - a level that cannot start must not crash
            self.message, self.message_bad = t("The next level could not be started: {error}",
                                               error=error), True
            return None

    def autoplay(self) -> Scene | None:
        """Show every tab but Export (no files are written unasked), then the title."""
        keys = [k for k, _ in self.tabs if k != "export"]
        if self.tab in keys and keys.index(self.tab) + 1 < len(keys):
            nxt = DebriefScene(self.app, self.game)
            nxt.tab = keys[keys.index(self.tab) + 1]
            return nxt
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Debrief keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Title"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the header, the current tab and the stars."""
        surface.fill(theme.BACKGROUND)
        d = self.debrief
        header(surface, t("Debrief: {title}", title=d.title),
               t("{turns} turns · {first} to {last}", turns=d.turns,
                 first=d.months[0] if d.months else "",
                 last=d.last_month or (d.months[-1] if d.months else "")))
        getattr(self, f"_draw_{self.tab}")(surface)
        self._draw_stars(surface)

    def _draw_stars(self, surface: pygame.Surface) -> None:
        d = self.debrief
        r = self.stars_rect
        x = r.left
        size = theme.px(13)
        for i in range(d.max_stars):
            centre = (x + size, r.centery)
            if i < d.stars:
                pygame.draw.polygon(surface, theme.ACCENT, star_points(centre, size))
            else:
                pygame.draw.polygon(surface, theme.PANEL_EDGE, star_points(centre, size), 2)
            x += 2 * size + theme.px(6)
        verdict = t("Level won") if d.won else t("Level not won this time")
        colour = theme.GOOD if d.won else theme.TEXT_DIM
        if self.message_bad and self.tab not in ("whatif", "export"):
            verdict, colour = self.message, theme.BAD  # the tab has no room of its own for it
        v = fit(theme.font(16, bold=True), verdict, r.right - x - theme.px(12), colour)
        surface.blit(v, v.get_rect(midleft=(x + theme.px(12), r.centery)))

    def _draw_charts(self, surface: pygame.Surface) -> None:
        charts = charts_of(self.debrief, self.player)
        if not charts:
            draw_wrapped(surface, theme.font(15), t("No turns were played."), self.body)
            return
        cols = 2
        rows = -(-len(charts) // cols)
        gap = theme.px(10)
        cw = (self.body.width - gap) // cols
        ch = (self.body.height - gap * (rows - 1)) // rows
        for i, chart in enumerate(charts):
            r = pygame.Rect(self.body.left + (i % cols) * (cw + gap),
                            self.body.top + (i // cols) * (ch + gap), cw, ch)
            draw_chart(surface, r, chart, self.debrief.months)

    def _draw_timeline(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.body, t("Decisions, turn by turn"))
        f, small = theme.font(14), theme.font(13, bold=True)
        entries = self.debrief.timeline
        if not entries:
            draw_wrapped(surface, f, t("No decisions were recorded."), inner, theme.TEXT_DIM)
            return
        line = f.get_linesize()
        # Two columns when there is much to show, newest last, cut to what fits.
        cols = 2 if len(entries) * line > inner.height else 1
        cw = inner.width // cols
        per_col = max(1, inner.height // line)
        shown = entries[-per_col * cols:]
        for i, e in enumerate(shown):
            x = inner.left + (i // per_col) * cw
            y = inner.top + (i % per_col) * line
            tag = small.render(f"{e.month}", True, theme.ACCENT)
            surface.blit(tag, (x, y))
            surface.blit(fit(f, e.text, cw - tag.get_width() - theme.px(20)),
                         (x + tag.get_width() + theme.px(8), y))

    def _draw_objectives(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.body, t("Objectives"))
        f, bold, small = theme.font(15), theme.font(13, bold=True), theme.font(13)
        y = inner.top
        if not self.debrief.objectives:
            draw_wrapped(surface, f, t("This level has no objectives."), inner, theme.TEXT_DIM)
        badge_w = max(bold.size(t("Met"))[0], bold.size(t("Missed"))[0]) + theme.px(16)
        for o in self.debrief.objectives:
            # A word in the badge, not only its colour, says whether the objective was met.
            badge = pygame.Rect(inner.left, y, badge_w, f.get_linesize())
            pygame.draw.rect(surface, theme.GOOD if o.met else theme.BAD, badge,
                             border_radius=theme.px(4))
            word = bold.render(t("Met") if o.met else t("Missed"), True, theme.BACKGROUND)
            surface.blit(word, word.get_rect(center=badge.center))
            stars = tn("{n} star", "{n} stars", o.stars)
            x = badge.right + theme.px(10)
            used = draw_wrapped(surface, f, f"{o.text} · {stars}", pygame.Rect(
                x, y, inner.right - x, inner.bottom - y), theme.TEXT, 2)
            y += max(used, f.get_linesize())
            # The number judged, against what it was judged and the target: a relative
            # objective shows its change against the status quo, not the absolute value.
            used = draw_wrapped(surface, small, progress(o), pygame.Rect(
                x, y, inner.right - x, inner.bottom - y), theme.TEXT_DIM, 2)
            y += used + theme.px(10)
            if y > inner.bottom:
                break

    def _draw_epilogue(self, surface: pygame.Surface) -> None:
        if self.debrief.epilogue is not None:
            draw_epilogue(surface, self.body, self.debrief.epilogue)

    def _draw_discuss(self, surface: pygame.Surface) -> None:
        half = (self.body.width - theme.px(10)) // 2
        q_rect = pygame.Rect(self.body.left, self.body.top, half, self.body.height)
        s_rect = pygame.Rect(self.body.left + half + theme.px(10), self.body.top,
                             self.body.width - half - theme.px(10), self.body.height)
        f, small = theme.font(15), theme.font(13)
        inner = panel(surface, q_rect, t("Questions for discussion"))
        y = inner.top
        for i, q in enumerate(self.debrief.questions, start=1):
            used = draw_wrapped(surface, f, f"{i}. {q}", pygame.Rect(inner.left, y, inner.width,
                                                                     inner.bottom - y))
            y += used + theme.px(8)
            if y >= inner.bottom:
                break
        inner = panel(surface, s_rect, t("Sources"))
        y = inner.top
        for src in self.debrief.sources:
            used = draw_wrapped(surface, small, src, pygame.Rect(inner.left, y, inner.width,
                                                                 inner.bottom - y),
                                theme.TEXT_DIM)
            y += used + theme.px(6)
            if y >= inner.bottom:
                break

    def _draw_export(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.body, t("Export for your class"))
        f = theme.font(15)
        draw_wrapped(surface, f, export_note(), inner, theme.TEXT)
        if self.entry is None:
            return
        y = self.entry.rect.bottom + theme.px(8)
        y += draw_wrapped(surface, theme.font(13), t("Type another folder to export elsewhere; "
                                                     "it is created if it does not exist."),
                          pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                          theme.TEXT_DIM, 2) + theme.px(10)
        if self.message:
            draw_wrapped(surface, f, self.message,
                         pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                         theme.BAD if self.message_bad else theme.GOOD)
