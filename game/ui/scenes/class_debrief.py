"""The class debrief: every team on one timeline, scores against the status quo, causes, export.

Tabs: Scores (the shared humanitarian score and every team's score against the status quo,
deaths, relations), Timeline (a grid: one row per turn, one column per team, plus the computer
and the teacher), Agreements (every offer and what became of it, broken promises marked),
Causes (the session's biggest changes split into each team's decisions, events, season and
chance), Discuss (questions, every team's hidden objectives revealed, sources) and Export (the
report folder: CSV, PNG charts, a one-page HTML summary to print or grade from).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t, tn
from game.play.classroom import ClassDebrief, class_debrief
from game.play.decisions import country_name
from game.play.names import METRICS
from game.ui import theme
from game.ui.report_export import class_charts, default_report_dir, export_class_report
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    signed,
    wrap,
)
from game.ui.scenes.registry import open_scene
from game.ui.widgets import (
    Contribution,
    draw_chart,
    draw_contributions,
    star_points,
    widget_kind,
)

if TYPE_CHECKING:
    from game.play.classroom import Classroom, ClassTimelineEntry
    from game.ui.app import App

TABS = (("scores", "Scores"), ("timeline", "Timeline"), ("agreements", "Agreements"),
        ("causes", "Causes"), ("discuss", "Discuss"), ("export", "Export"))


class ClassDebriefScene(Scene):
    """The end of a classroom session."""

    name = "class_debrief"

    def __init__(self, app: App, room: Classroom) -> None:
        super().__init__(app)
        self.room = room
        self.debrief: ClassDebrief = class_debrief(room)
        self.tab = "scores"
        self.folder_text = str(default_report_dir(self.debrief))
        self.message = ""
        self.message_bad = False
        self.cause_page = 0

    def enter(self) -> None:
        """Tabs, the tab's body, the way out."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        th = theme.font(15).get_linesize() + theme.px(10)
        bh = theme.px(44)
        tw = min(theme.px(140), (w - 2 * gap) // len(TABS))
        self.tab_buttons: list[tuple[UIButton, str]] = []
        for i, (key, label) in enumerate(TABS):
            b = UIButton(pygame.Rect(gap + i * tw, top, tw, th), t(label), manager=m,
                         object_id="#tab_selected" if key == self.tab else "#tab")
            self.tab_buttons.append((b, key))
            self.focus.add(b)
        self.body = pygame.Rect(gap, top + th + gap, w - 2 * gap,
                                bottom - bh - 2 * gap - top - th)
        bw = min(theme.px(220), w // 3)
        self.title_button = UIButton(pygame.Rect(w - gap - bw, bottom - bh, bw, bh),
                                     t("Back to the title"), manager=m)
        self.stars_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - bw, bh)
        self.entry: UITextEntryLine | None = None
        self.export_button: UIButton | None = None
        self.more_button: UIButton | None = None
        if self.tab == "export":
            inner = self.body.inflate(-2 * theme.px(20), -2 * theme.px(20))
            # The button is as wide as its label ("Exportar el informe") and its padding.
            xw = max(theme.px(180), theme.font(18, bold=True).size(t("Export the report"))[0]
                     + theme.px(24))
            ew = inner.width - xw - theme.px(10)
            y = inner.top + theme.px(150)
            self.entry = UITextEntryLine(pygame.Rect(inner.left, y, ew, theme.px(36)), manager=m)
            self.entry.set_text(self.folder_text)
            self.export_button = UIButton(pygame.Rect(inner.left + ew + theme.px(10), y,
                                                      xw, theme.px(36)),
                                          t("Export the report"), manager=m,
                                          object_id="#primary")
            self.focus.add(self.entry, self.export_button)
        if self.tab == "causes" and len(self.debrief.causes) > 4:
            self.more_button = UIButton(pygame.Rect(self.body.right - theme.px(200),
                                                    self.body.bottom - theme.px(30),
                                                    theme.px(200), theme.px(30)),
                                        t("More changes"), manager=m, object_id="#small")
            self.focus.add(self.more_button)
        self.focus.add(self.title_button)
        current = next((b for b, k in self.tab_buttons if k == self.tab), None)
        self.focus.focus(self.export_button or current or self.title_button)

    def panels(self) -> list[pygame.Rect]:
        """The tab's body."""
        return [self.body]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Tabs, export, more causes, the title."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.folder_text = self.entry.get_text()
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.folder_text = self.entry.get_text()
            self.do_export()
            return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            element = event.ui_element
            if element is self.title_button:
                return self.back()
            if element is self.export_button:
                if self.entry is not None:
                    self.folder_text = self.entry.get_text()
                self.do_export()
                return None
            if element is self.more_button:
                self.cause_page += 1
                return None
            for b, key in self.tab_buttons:
                if element is b:
                    self.tab = key
                    return self
        return super().handle(event)

    def do_export(self) -> list[Path]:
        """Write the report folder; say where, or why not."""
        text = self.folder_text.strip()
        if not text:
            self.message, self.message_bad = t("Type a folder to export into."), True
            return []
        folder = Path(text).expanduser()
        try:
            files = export_class_report(folder, self.debrief, self.room.record)
        except OSError as error:
            self.message = t("Could not write to {folder}: {error}", folder=folder,
                             error=error.strerror or error)
            self.message_bad = True
            return []
        self.message = t("Wrote {n} files to {folder}. Open summary.html to print the "
                         "one-page report.", n=len(files), folder=folder)
        self.message_bad = False
        return files

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def autoplay(self) -> Scene | None:
        """Autoplay exports, then goes back to the title."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Title"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Header, the tab, the stars of every team."""
        surface.fill(theme.BACKGROUND)
        d = self.debrief
        sub = t("{n} of {m} turns played", n=d.turns_played, m=d.turns)
        if d.ended_early:
            sub += " · " + t("ended by the teacher")
        header(surface, t("Class debrief: {title}", title=d.title), sub)
        getattr(self, f"_draw_{self.tab}")(surface)
        self._draw_stars(surface)

    def _draw_stars(self, surface: pygame.Surface) -> None:
        d = self.debrief
        r = self.stars_rect
        x = r.left
        f = theme.font(14, bold=True)
        size = theme.px(9)
        # A row of stars per team when they fit; else one star and "got/most" per team.
        full = sum(f.size(team.name)[0] + theme.px(30) + d.stars.get(team.country, (0, 0))[1]
                   * (2 * size + theme.px(3)) for team in d.teams) <= r.width
        for team in d.teams:
            got, most = d.stars.get(team.country, (0, 0))
            name = fit(f, team.name, theme.px(140))
            count = f.render(f"{got}/{most}", True, theme.TEXT)
            stars_w = most * (2 * size + theme.px(3)) if full else \
                2 * size + theme.px(4) + count.get_width()
            if x + name.get_width() + theme.px(8) + stars_w > r.right:
                break
            surface.blit(name, name.get_rect(midleft=(x, r.centery)))
            x += name.get_width() + theme.px(8)
            if not full:
                pygame.draw.polygon(surface, theme.ACCENT if got else theme.PANEL_EDGE,
                                    star_points((x + size, r.centery), size), 0 if got else 2)
                x += 2 * size + theme.px(4)
                surface.blit(count, count.get_rect(midleft=(x, r.centery)))
                x += count.get_width() + theme.px(22)
                continue
            for i in range(most):
                centre = (x + size, r.centery)
                if i < got:
                    pygame.draw.polygon(surface, theme.ACCENT, star_points(centre, size))
                else:
                    pygame.draw.polygon(surface, theme.PANEL_EDGE, star_points(centre, size), 2)
                x += 2 * size + theme.px(3)
            x += theme.px(22)

    def _draw_scores(self, surface: pygame.Surface) -> None:
        charts = class_charts(self.debrief)[:4]
        if not self.debrief.months:
            draw_wrapped(surface, theme.font(15), t("No turns were played."), self.body)
            return
        cols, gap = 2, theme.px(10)
        rows = -(-len(charts) // cols)
        cw = (self.body.width - gap) // cols
        ch = (self.body.height - gap * (rows - 1)) // max(1, rows)
        for i, chart in enumerate(charts):
            r = pygame.Rect(self.body.left + (i % cols) * (cw + gap),
                            self.body.top + (i // cols) * (ch + gap), cw, ch)
            draw_chart(surface, r, chart, self.debrief.months)

    def _draw_timeline(self, surface: pygame.Surface) -> None:
        d = self.debrief
        inner = panel(surface, self.body, t("Every team's decisions, turn by turn"))
        columns = [(tm.country, tm.name) for tm in d.teams] + [("", t("Computer and teacher"))]
        small, bold = theme.font(12), theme.font(13, bold=True)
        lw = theme.px(64)
        cw = (inner.width - lw) // len(columns)
        y = inner.top
        for i, (_, name) in enumerate(columns):
            surface.blit(fit(bold, name, cw - theme.px(8), theme.SERIES[i % len(theme.SERIES)]),
                         (inner.left + lw + i * cw, y))
        y += bold.get_linesize() + theme.px(4)
        turns = sorted({e.turn for e in d.timeline} | set(range(1, d.turns_played + 1)))
        row_h = max(small.get_linesize() * 2, (inner.bottom - y) // max(1, len(turns)))
        teams = {tm.country for tm in d.teams}
        for turn in turns:
            if y + small.get_linesize() > inner.bottom:
                break
            month = d.months[turn - 1] if turn - 1 < len(d.months) else ""
            surface.blit(fit(bold, t("T{n}", n=turn), lw, theme.ACCENT), (inner.left, y))
            surface.blit(fit(small, month, lw, theme.TEXT_DIM),
                         (inner.left, y + bold.get_linesize()))
            pygame.draw.line(surface, theme.PANEL_EDGE, (inner.left, y - theme.px(2)),
                             (inner.right, y - theme.px(2)))
            for i, (country, _) in enumerate(columns):
                entries = [e for e in d.timeline if e.turn == turn and (
                    (e.country == country and e.who != t("computer")) if country else
                    (e.country not in teams or e.who in (t("computer"), t("teacher"))))]
                box = pygame.Rect(inner.left + lw + i * cw, y, cw - theme.px(8),
                                  row_h - theme.px(4))
                draw_wrapped(surface, small, _cell_text(entries, bool(country), small, box),
                             box, theme.TEXT if entries else theme.TEXT_DIM)
            y += row_h

    def _draw_agreements(self, surface: pygame.Surface) -> None:
        d = self.debrief
        half = int(self.body.width * 0.58)
        left = pygame.Rect(self.body.left, self.body.top, half, self.body.height)
        right = pygame.Rect(left.right + theme.px(10), self.body.top,
                            self.body.width - half - theme.px(10), self.body.height)
        inner = panel(surface, left, t("Offers, agreements and threats"))
        small, bold = theme.font(13), theme.font(14, bold=True)
        y = inner.top
        if not d.agreements:
            draw_wrapped(surface, small, t("No proposals were made."), inner, theme.TEXT_DIM)
        for a in d.agreements:
            if y + bold.get_linesize() > inner.bottom:
                break
            parties = ", ".join(d.team_name(p) for p in a.parties)
            head = t("Turn {n}: {kind} ({parties})", n=a.turn, kind=a.label, parties=parties)
            surface.blit(fit(bold, head, inner.width), (inner.left, y))
            y += bold.get_linesize()
            fate = t(a.status.replace("_", " ")).capitalize()
            colour = theme.TEXT_DIM
            if a.outcome == "broken":
                fate += " — " + t("broken by {who} in turn {n}", who=d.team_name(a.ended_by),
                                  n=a.ended_turn)
                colour = theme.BAD
            elif a.status in ("accepted", "met"):
                colour = theme.GOOD
            fate = t("offered by {who}", who=d.team_name(a.by)) + " · " + fate
            used = draw_wrapped(surface, small, fate, pygame.Rect(inner.left, y, inner.width,
                                                                  inner.bottom - y), colour, 2)
            y += used + theme.px(6)
        if d.relations:
            from game.ui.report_export import class_charts as charts

            chart = next((c for c in charts(d) if c.title.startswith(t("Relations"))), None)
            if chart is not None:
                draw_chart(surface, right, chart, d.months)

    def _draw_causes(self, surface: pygame.Surface) -> None:
        d = self.debrief
        if not d.causes:
            inner = panel(surface, self.body, t("The biggest changes"))
            draw_wrapped(surface, theme.font(15), t("Changes are explained from the second "
                                                    "turn on."), inner, theme.TEXT_DIM)
            return
        per_page = 4
        pages = -(-len(d.causes) // per_page)
        page = self.cause_page % pages
        shown = d.causes[page * per_page:(page + 1) * per_page]
        gap = theme.px(10)
        cw = (self.body.width - gap) // 2
        ch = (self.body.height - gap - theme.px(34)) // 2
        for i, cause in enumerate(shown):
            r = pygame.Rect(self.body.left + (i % 2) * (cw + gap),
                            self.body.top + (i // 2) * (ch + gap), cw, ch)
            parts = [Contribution(label, amount, widget_kind(kind))
                     for (label, amount), kind in zip(cause.parts, cause.kinds, strict=False)]
            spec = METRICS.get(cause.metric)
            if cause.against_status_quo:
                title = t("Turn {n} ({month}): {metric} {change} against the status quo",
                          n=cause.turn, month=cause.month, metric=cause.label,
                          change=signed(cause.change))
            else:
                title = t("Turn {n} ({month}): {metric} {change} since the turn before",
                          n=cause.turn, month=cause.month, metric=cause.label,
                          change=signed(cause.change))
            draw_contributions(surface, r, parts[:6], total=cause.change, title=title,
                               better=spec.better if spec else 0,
                               text_size=12)

    def _draw_discuss(self, surface: pygame.Surface) -> None:
        d = self.debrief
        third = (self.body.width - 2 * theme.px(10)) // 3
        rects = [pygame.Rect(self.body.left + i * (third + theme.px(10)), self.body.top, third,
                             self.body.height) for i in range(3)]
        f, small, bold = theme.font(15), theme.font(13), theme.font(14, bold=True)
        inner = panel(surface, rects[0], t("Questions for discussion"))
        y = inner.top
        for i, q in enumerate(d.questions, start=1):
            y += draw_wrapped(surface, f, f"{i}. {q}", pygame.Rect(inner.left, y, inner.width,
                                                                   inner.bottom - y))
            y += theme.px(8)
        inner = panel(surface, rects[1], t("Objectives, hidden ones revealed"))
        y = inner.top
        shared = next(iter(d.objectives.values()), ())
        rows = [(t("Everyone"), o) for o in shared if o.team is None]
        for team in d.teams:
            rows += [(team.name, o) for o in d.objectives.get(team.country, ())
                     if o.team == team.country]
        for who, o in rows:
            if y + bold.get_linesize() > inner.bottom:
                break
            mark = t("met") if o.met else t("not met")
            surface.blit(fit(bold, f"{who}: {mark}", inner.width, theme.GOOD if o.met
                             else theme.BAD), (inner.left, y))
            y += bold.get_linesize()
            y += draw_wrapped(surface, small, o.text, pygame.Rect(inner.left, y, inner.width,
                                                                  inner.bottom - y),
                              theme.TEXT, 2) + theme.px(6)
        inner = panel(surface, rects[2], t("Sources"))
        y = inner.top
        for src in d.sources:
            y += draw_wrapped(surface, small, src, pygame.Rect(inner.left, y, inner.width,
                                                               inner.bottom - y),
                              theme.TEXT_DIM) + theme.px(6)
            if y >= inner.bottom:
                break

    def _draw_export(self, surface: pygame.Surface) -> None:
        inner = panel(surface, self.body, t("The report folder for your class"))
        f = theme.font(15)
        text = t("Writes, into the folder below: metrics.csv (every metric, every turn, with "
                 "the status quo), decisions.csv, agreements.csv, events.csv, teams.csv and "
                 "causes.csv; one PNG per chart; summary.html, a one-page report to print or "
                 "grade from (it needs nothing else to open); and session.json, the session "
                 "itself, to compare this class with others.")
        draw_wrapped(surface, f, text, pygame.Rect(inner.left, inner.top, inner.width,
                                                   theme.px(130)), theme.TEXT)
        if self.message and self.entry is not None:
            y = self.entry.rect.bottom + theme.px(14)
            draw_wrapped(surface, f, self.message, pygame.Rect(inner.left, y, inner.width,
                                                               inner.bottom - y),
                         theme.BAD if self.message_bad else theme.GOOD)
        teams = ", ".join(f"{tm.name} ({country_name(tm.country)})" for tm in self.debrief.teams)
        s = fit(theme.font(13), teams, inner.width, theme.TEXT_DIM)
        surface.blit(s, (inner.left, inner.bottom - s.get_height()))


def _cell_text(entries: list[ClassTimelineEntry], team: bool, font: pygame.font.Font,
               box: pygame.Rect) -> str:
    """A timeline cell's decisions, one a line; counted by country when they do not all fit.

    With three teams, the AI leaders of up to three more countries decide in the computer's
    column: a full turn of their decisions is summed up rather than cut mid-sentence.
    """
    if not entries:
        return "–"
    text = "\n".join("· " + (e.text if team else f"{e.who}: {e.text}") for e in entries)
    if len(wrap(font, text, box.width)) * font.get_linesize() <= box.height:
        return text
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.country] = counts.get(e.country, 0) + 1
    return "\n".join("· " + tn("{country}: {n} decision", "{country}: {n} decisions", n,
                                country=country_name(c)) for c, n in counts.items())

