"""The verdict at a tariff deadline: did the border meet the target, and what follows from it.

Opened from the turn report when the model judged a threat made by or against the player in
that turn. The left panel draws the month before the threat and every month since against the
target line; the right panel says what follows (the tariff or none, relations, approval) and
what meeting the target cost the people in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import percent, t, ts
from game.play.deadline import Verdict, month_label
from game.play.decisions import country_name, plural_subject
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    label_lines,
    number,
    panel,
    signed,
)
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.play.game import Game
    from game.ui.app import App


def verdict_title(verdict: Verdict) -> str:
    """One sentence: who met or missed the target, and what the threatening country did."""
    th = verdict.threat
    names = {"by": country_name(th.by, article=True), "target": country_name(th.target,
                                                                            article=True)}
    if verdict.met:
        text = t("{target} meets the target: no tariff", **names)
    elif verdict.imposed:
        text = ts("{target} misses the target: {by} imposes a {rate} tariff",
                  plural_subject(th.by), rate=percent(th.rate * 100), **names)
    else:
        text = ts("{target} misses the target, but {by} lets the deadline pass",
                  plural_subject(th.by), **names)
    return text[:1].upper() + text[1:]


class VerdictScene(Scene):
    """The deadline's outcome on its own screen, between the turn report and what comes next."""

    name = "verdict"

    def __init__(self, app: App, game: Game, verdict: Verdict) -> None:
        super().__init__(app)
        self.game = game
        self.verdict = verdict

    def enter(self) -> None:
        """The chart on the left, consequences on the right, one button to go on."""
        w, h = self.app.screen.get_size()
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        lw = int((w - 3 * gap) * 0.5)
        self.left = pygame.Rect(gap, top, lw, bottom - top)
        self.right = pygame.Rect(self.left.right + gap, top, w - self.left.right - 2 * gap,
                                 bottom - top)
        bh = theme.px(46)
        bw = min(theme.px(240), self.right.width - 2 * theme.px(12))
        label = t("See the debrief") if self.game.finished else t("Next turn")
        self.next_button = UIButton(pygame.Rect(self.right.right - bw - theme.px(12),
                                                self.right.bottom - bh - theme.px(10), bw, bh),
                                    label, manager=self.app.manager, object_id="#primary")
        self.focus.add(self.next_button)
        self.focus.focus(self.next_button)

    def panels(self) -> list[pygame.Rect]:
        """The chart and the consequences."""
        return [self.left, self.right]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """The button goes on."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.next_button:
            return self.next()
        return super().handle(event)

    def next(self) -> Scene:
        """The debrief after the last turn, else the next turn's desk."""
        if self.game.finished:
            return open_scene("debrief", self.app, self.game)
        return open_scene("desk", self.app, self.game)

    def back(self) -> Scene | None:
        """The verdict stands: Escape goes on."""
        return self.next()

    def autoplay(self) -> Scene | None:
        """Read, then go on."""
        return self.next()

    def hints(self) -> list[tuple[str, str]]:
        """Verdict keys."""
        return [(t("Enter"), t("Go on")), (t("Esc"), t("Go on"))]

    # -- drawing --------------------------------------------------------------------------------

    def months(self) -> list[tuple[str, float]]:
        """The month before the threat, then each turn's encounters a month, labelled."""
        th = self.verdict.threat
        rows = [(month_label(th.month - 1), th.reference)]
        for report in self.game.reports:
            if report.turn < th.turn:
                continue
            rows.append((report.end if report.months == 1 else f"{report.start}–{report.end}",
                         report.metrics.get("us_border_encounters", 0.0) / report.months))
            if report.turn >= th.resolved_turn:
                break
        return rows

    def consequences(self) -> list[tuple[str, str, float]]:
        """Rows of (label, from-to text, change) for the standing the verdict moves."""
        start = self.game.start_metrics()
        last = self.game.reports[-1].metrics if self.game.reports else {}
        rows = []
        for metric, label in ((f"relations_us_{self.verdict.threat.target.lower()}",
                               t("Relations with the United States")),
                              (f"approval_{self.game.player.lower()}", t("Approval at home"))):
            if metric in start and metric in last:
                rows.append((label, t("from {a} to {b}", a=number(start[metric]),
                                      b=number(last[metric])), last[metric] - start[metric]))
        return rows

    def against_status_quo(self) -> list[tuple[str, float, float]]:
        """(label, this game, the status quo) for the judged month and the level so far."""
        reports = self.game.reports
        if not reports:
            return []
        last = reports[-1]
        months = last.months

        def total(metric: str, side: str) -> float:
            return sum(getattr(r, side).get(metric, 0.0) for r in reports)

        return [
            (t("Encounters in the judged month"),
             last.metrics.get("us_border_encounters", 0.0) / months,
             last.baseline.get("us_border_encounters", 0.0) / months),
            (t("Deaths in transit, all turns"), total("deaths_in_transit", "metrics"),
             total("deaths_in_transit", "baseline")),
            (t("Returned to danger, all turns"), total("returned_to_danger", "metrics"),
             total("returned_to_danger", "baseline")),
            (t("Stranded in border towns now"),
             last.metrics.get("stranded_in_mx_border_towns", 0.0),
             last.baseline.get("stranded_in_mx_border_towns", 0.0)),
        ]

    def draw(self, surface: pygame.Surface) -> None:
        """Header, the month-by-month chart against the target, and what follows."""
        surface.fill(theme.BACKGROUND)
        v = self.verdict
        header(surface, t("The verdict"), t("Tariff deadline, {month}",
                                             month=self.game.reports[-1].end
                                             if self.game.reports else ""))
        self._draw_chart(surface)
        inner = panel(surface, self.right, t("What follows"))
        big = theme.font(20, bold=True)
        colour = theme.GOOD if v.met else theme.BAD
        y = inner.top + draw_wrapped(surface, big, verdict_title(v), inner, colour, max_lines=3)
        body = theme.font(14)
        y += theme.px(6)
        y += draw_wrapped(surface, body, self._tariff_text(),
                          pygame.Rect(inner.left, y, inner.width, body.get_linesize() * 4),
                          theme.TEXT, max_lines=4)
        y += theme.px(10)
        bold = theme.font(14, bold=True)
        consequences = self.consequences()
        shown = [f"{value} ({signed(change)})" for _, value, change in consequences]
        label_w = inner.width - max([bold.size(x)[0] for x in shown] + [0]) - theme.px(8)
        f, lines = label_lines([label for label, _, _ in consequences], label_w)
        for text, label_lines_ in zip(shown, lines, strict=True):
            surface.blit(bold.render(text, True, theme.TEXT),
                         (inner.left + label_w + theme.px(8), y))
            for line in label_lines_:
                surface.blit(fit(f, line, label_w, theme.TEXT_DIM), (inner.left, y))
                y += f.get_linesize()
            y += theme.px(4)
        # The lesson of the deadline: what the player's own choices changed, against the same
        # months with nothing changed since the start.
        y += theme.px(12)
        y += draw_wrapped(surface, bold, t("Your choices against the status quo"),
                          pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                          theme.ACCENT, 2) + theme.px(4)
        rows = self.against_status_quo()
        small_bold = theme.font(13, bold=True)
        headings = (t("You"), t("Status quo"))
        # The number columns are as wide as their widest entry; the labels get the rest.
        value_w = max([small_bold.size(x)[0] for x in headings]
                      + [bold.size(number(v))[0] for _, a, b in rows for v in (a, b)]) \
            + theme.px(12)
        label_w = inner.width - 2 * value_w
        for i, heading_text in enumerate(headings):
            surface.blit(small_bold.render(heading_text, True, theme.TEXT_DIM),
                         (inner.left + label_w + i * value_w, y))
        y += body.get_linesize()
        f, lines = label_lines([label for label, _, _ in rows], label_w - theme.px(6))
        for (_, mine, status_quo), label_lines_ in zip(rows, lines, strict=True):
            surface.blit(bold.render(number(mine), True, theme.TEXT), (inner.left + label_w, y))
            surface.blit(body.render(number(status_quo), True, theme.TEXT),
                         (inner.left + label_w + value_w, y))
            for line in label_lines_:
                surface.blit(fit(f, line, label_w - theme.px(6), theme.TEXT_DIM),
                             (inner.left, y))
                y += f.get_linesize()
            y += theme.px(4)

    def _tariff_text(self) -> str:
        v = self.verdict
        th = v.threat
        if v.met:
            return t("Encounters in the judged month: {value}, within the target of {limit}. "
                     "The threat is dropped and exports keep their market.",
                     value=number(th.judged), limit=number(v.limit))
        if v.imposed:
            return t("Encounters in the judged month: {value}, above the target of {limit}. "
                     "Every export now pays the tariff: relations and approval suffer while "
                     "it lasts.", value=number(th.judged), limit=number(v.limit))
        return t("Encounters in the judged month: {value}, above the target of {limit}. No "
                 "tariff this time, but the threat has cost trust.",
                 value=number(th.judged), limit=number(v.limit))

    def _draw_chart(self, surface: pygame.Surface) -> None:
        """Bars per month against the target line; the judged month outlined."""
        v = self.verdict
        th = v.threat
        inner = panel(surface, self.left, t("US border encounters a month"))
        small = theme.font(13)
        note = t("Target: at most {limit} ({cut}% below {base})", limit=number(v.limit),
                 cut=f"{th.target_reduction * 100:.0f}", base=number(th.reference))
        surface.blit(fit(small, note, inner.width, theme.TEXT_DIM), inner.topleft)
        rows = self.months()
        area = pygame.Rect(inner.left, inner.top + small.get_linesize() + theme.px(10),
                           inner.width, inner.height - 2 * small.get_linesize() - theme.px(20))
        top = max([value for _, value in rows] + [v.limit]) * 1.1 or 1.0
        slot = area.width // max(1, len(rows))
        bar_w = max(theme.px(8), int(slot * 0.6))
        for i, (label, value) in enumerate(rows):
            height = int(area.height * value / top)
            bar = pygame.Rect(area.left + i * slot + (slot - bar_w) // 2, area.bottom - height,
                              bar_w, height)
            colour = theme.TEXT_DIM if i == 0 else (theme.GOOD if value <= v.limit else theme.BAD)
            pygame.draw.rect(surface, colour, bar, border_radius=theme.px(3))
            if i == len(rows) - 1:
                pygame.draw.rect(surface, theme.ACCENT, bar.inflate(theme.px(6), theme.px(6)),
                                 width=2, border_radius=theme.px(4))
            text = small.render(number(value), True, theme.TEXT)
            surface.blit(text, (bar.centerx - text.get_width() // 2,
                                bar.top - small.get_linesize()))
            name = fit(small, label, slot - theme.px(4), theme.TEXT_DIM)
            surface.blit(name, (bar.centerx - name.get_width() // 2, area.bottom + theme.px(4)))
        y = area.bottom - int(area.height * v.limit / top)
        pygame.draw.line(surface, theme.ACCENT, (area.left, y), (area.right, y), 2)
        surface.blit(small.render(t("target"), True, theme.ACCENT),
                     (area.right - small.size(t("target"))[0], y - small.get_linesize()))

