"""The turn report: what happened, why each headline moved, what arrived late, one story.

Each headline metric is a row with its value and change; beside it a bar splits the change into
its causes (the player's decisions, partners', events, the season, chance), from the session's
:class:`~game.play.report.TurnReport`. Choosing a row lists its causes in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.deadline import verdicts
from game.play.report import metric_label
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
    panel_inner,
    signed,
    wrap,
)
from game.ui.scenes.registry import open_scene
from game.ui.widgets import CAUSE_COLOURS, Contribution, draw_contributions, widget_kind
from game.ui.widgets.picture import draw_picture

if TYPE_CHECKING:
    from game.play.game import Game
    from game.play.report import Cause, Headline, TurnReport
    from game.play.stories import Story
    from game.ui.app import App

def cause_colour(kind: str) -> tuple[int, int, int]:
    """The colour of a kind of cause: the same as in the "why did it change" chart."""
    return CAUSE_COLOURS.get(widget_kind(kind), theme.OKABE_ITO["grey"])


class ReportScene(Scene):
    """One resolved turn: headlines with causes, news, effects arriving, a story."""

    name = "report"

    def __init__(self, app: App, game: Game, report: TurnReport) -> None:
        super().__init__(app)
        self.game = game
        self.report = report
        self.selected = 0

    def enter(self) -> None:
        """Headline rows on the left, news and story on the right, Continue at the bottom."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        lw = int((w - 3 * gap) * 0.56)
        self.left = pygame.Rect(gap, top, lw, bottom - top)
        self.right = pygame.Rect(self.left.right + gap, top, w - self.left.right - 2 * gap,
                                 bottom - top)
        inner = panel_inner(self.left, t("What changed, and why"))
        heads = self.report.headlines
        # Rows as compact as readable; the rest goes to the selected headline's causes.
        # Up to two lines of label a row when there is room (a long French or Spanish name).
        two_lines = 2 * theme.font(12).get_linesize() + theme.px(6)
        # On a small window the rows close up, so the causes below keep room to be read.
        row_h = max(theme.font(14).get_linesize() + theme.px(4),
                    min(max(theme.px(34), two_lines),
                        int(inner.height * 0.48) // max(1, len(heads))))
        rows_area = pygame.Rect(inner.left, inner.top, inner.width, row_h * len(heads))
        self.detail_rect = pygame.Rect(inner.left, rows_area.bottom + theme.px(8), inner.width,
                                       inner.bottom - rows_area.bottom - theme.px(8))
        self.row_buttons: list[tuple[UIButton, int]] = []
        for i, _h in enumerate(heads):
            r = pygame.Rect(rows_area.left, rows_area.top + i * row_h, rows_area.width,
                            row_h - theme.px(2))
            # An invisible-looking button per row makes rows focusable and clickable.
            b = UIButton(r, "", manager=m, object_id="#row")
            b.set_tooltip(t("Show what moved this number"))
            self.row_buttons.append((b, i))
            self.focus.add(b)
        bh = theme.px(46)
        bw = min(theme.px(240), self.right.width - 2 * theme.px(12))
        label = t("See the debrief") if self.finished else t("Next turn")
        self.next_button = UIButton(pygame.Rect(self.right.right - bw - theme.px(12),
                                                self.right.bottom - bh - theme.px(10), bw, bh),
                                    label, manager=m, object_id="#primary")
        self.focus.add(self.next_button)
        self.focus.focus(self.next_button)

    def panels(self) -> list[pygame.Rect]:
        """The headline panel and the news column."""
        return [self.left, self.right]

    @property
    def finished(self) -> bool:
        """Whether this was the level's last turn."""
        return self.report.finished or self.game.finished

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Rows show their causes; Next goes on."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.next_button:
                return self.next()
            for b, i in self.row_buttons:
                if event.ui_element is b:
                    self.selected = i
                    return None
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            n = len(self.report.headlines)
            if n:
                self.selected = (self.selected + (1 if event.key == pygame.K_DOWN else -1)) % n
            return None
        return super().handle(event)

    def next(self) -> Scene:
        """The verdict of a deadline judged in this turn; else the next desk or the debrief."""
        judged = verdicts(self.game.table, self.report.turn, self.game.player)
        if judged:
            return open_scene("verdict", self.app, self.game, judged[0])
        if self.finished:
            return open_scene("debrief", self.app, self.game)
        return open_scene("desk", self.app, self.game)

    def back(self) -> Scene | None:
        """A resolved turn cannot be undone: Escape goes on, like Next."""
        return self.next()

    def autoplay(self) -> Scene | None:
        """Read, then go on."""
        return self.next()

    def hints(self) -> list[tuple[str, str]]:
        """Report keys."""
        return [(t("Up/Down"), t("Choose headline")), (t("Tab"), t("Next")),
                (t("Enter"), t("Press")), (t("Esc"), t("Go on"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint headlines with cause bars, the selected headline's causes, news and story."""
        surface.fill(theme.BACKGROUND)
        r = self.report
        header(surface, t("Turn {n} report", n=r.turn),
               r.start if r.start == r.end else t("{start} to {end}", start=r.start, end=r.end))
        panel(surface, self.left, t("What changed, and why"))
        self._draw_rows(surface)
        self._draw_detail(surface)
        self._draw_right(surface)

    def _draw_rows(self, surface: pygame.Surface) -> None:
        heads = self.report.headlines
        if not heads:
            return
        scale = max((_span(h) for h in heads), default=1.0) or 1.0
        r0 = self.row_buttons[0][0].rect
        pad = theme.px(6)
        bold = theme.font(14, bold=True)
        values = [number(h.value) for h in heads]
        changes = ["—" if h.change is None else signed(h.change) for h in heads]
        # Columns from the measured numbers, the labels get what is left before the bar (at
        # least a fifth of the row for the bar, so every headline still shows its causes).
        value_w = max(bold.size(v)[0] for v in values) + pad
        change_w = max(theme.font(14).size(c)[0] for c in changes) + pad
        label_w = r0.width - value_w - change_w - max(theme.px(60), r0.width // 5)
        labels = [metric_label(h.metric) for h in heads]
        f, lines_of = label_lines(labels, label_w - pad, r0.height)
        for (b, i), h in zip(self.row_buttons, heads, strict=False):
            r = b.rect
            if i == self.selected:
                pygame.draw.rect(surface, theme.PANEL_HIGHLIGHT, r, border_radius=theme.px(4))
            lines = lines_of[i]
            y = r.centery - len(lines) * f.get_linesize() // 2
            for line in lines:
                surface.blit(fit(f, line, label_w - pad), (r.left + pad, y))
                y += f.get_linesize()
            vs = bold.render(values[i], True, theme.TEXT)
            surface.blit(vs, vs.get_rect(midright=(r.left + label_w + value_w, r.centery)))
            shown = changes[i]
            # A change that rounds to nothing is neither good nor bad news.
            colour = (theme.TEXT_DIM if h.good is None or shown == "±0"
                      else theme.GOOD if h.good else theme.BAD)
            cs = theme.font(14).render(shown, True, colour)
            surface.blit(cs, cs.get_rect(midright=(r.left + label_w + value_w + change_w,
                                                   r.centery)))
            bar = pygame.Rect(r.left + label_w + value_w + change_w + theme.px(10),
                              r.centery - theme.px(6),
                              r.right - (r.left + label_w + value_w + change_w) - theme.px(16),
                              theme.px(12))
            _cause_bar(surface, bar, h, scale)

    def _draw_detail(self, surface: pygame.Surface) -> None:
        heads = self.report.headlines
        r = self.detail_rect
        pygame.draw.rect(surface, theme.BACKGROUND, r, border_radius=theme.px(6))
        if not heads:
            return
        h = heads[min(self.selected, len(heads) - 1)]
        inner = r.inflate(-theme.px(16), -theme.px(12))
        bold, f = theme.font(14, bold=True), theme.font(13)
        title = t("{label}: {value} ({change} since last turn)", label=metric_label(h.metric),
                  value=number(h.value), change="—" if h.change is None else signed(h.change))
        # The title names the number and its change: it wraps rather than lose the change.
        y = inner.top + draw_wrapped(surface, bold, title, inner, theme.TEXT, 2) + theme.px(2)
        if h.baseline is not None:
            base = t("Had nothing changed since the start: {b}", b=number(h.baseline))
            surface.blit(fit(f, base, inner.width, theme.TEXT_DIM), (inner.left, y))
            y += f.get_linesize()
        if h.drivers:  # approval in GT, HN, SV: what voters reacted to
            y += draw_wrapped(surface, f, drivers_line(h), pygame.Rect(
                inner.left, y, inner.width, inner.bottom - y), theme.TEXT_DIM, 2) + theme.px(2)
        rows = significant_causes(h.causes)
        if not rows:
            msg = (t("Nothing moved this number noticeably.") if self.report.explained
                   else t("The simulation gave no breakdown of this change."))
            draw_wrapped(surface, f, msg, pygame.Rect(inner.left, y, inner.width,
                                                      inner.bottom - y), theme.TEXT_DIM)
            return
        draw_contributions(
            surface, pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            rows,
            total=h.change, better=h.better, text_size=13,
            background=None)

    def _draw_right(self, surface: pygame.Surface) -> None:
        r = self.report
        area = self.right.copy()
        area.height = self.next_button.rect.top - area.top - theme.px(10)
        f, small = theme.font(14), theme.font(13)
        # A level may tell only its own stories: a turn without one gives the news the room.
        # A story with a picture beside its text needs a few more lines.
        story_h = (min(theme.px(235 if r.story.image else 190), area.height // 2)
                   if r.story is not None else -theme.px(10))
        news_rect = pygame.Rect(area.left, area.top, area.width, area.height - story_h
                                - theme.px(10))
        inner = panel(surface, news_rect, t("News"))
        y = inner.top
        # (text, article under it): a level's news event may carry a short article.
        items = [(n.text, n.body) for n in r.news] + [(e.text, "") for e in r.lagged]
        if self.game.message:
            items.insert(0, (self.game.message, ""))
        if not items:
            items = [(t("A quiet turn: nothing made the news."), "")]
        for i, (text, body) in enumerate(items):
            if y >= inner.bottom - f.get_linesize():
                break
            arriving = i >= len(r.news)
            marker = t("Now in effect: ") if arriving else "• "
            colour = theme.OKABE_ITO["bluish_green"] if arriving else theme.TEXT
            used = draw_wrapped(surface, f, marker + text,
                                pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                                colour, 3)
            y += used + theme.px(4)
            if body and y < inner.bottom - small.get_linesize():
                indent = f.size("• ")[0]
                y += draw_wrapped(surface, small, body, pygame.Rect(
                    inner.left + indent, y, inner.width - indent, inner.bottom - y),
                    theme.TEXT_DIM, 4) + theme.px(4)
        if r.story is not None:
            self._draw_story(surface, pygame.Rect(area.left, news_rect.bottom + theme.px(10),
                                                  area.width, story_h), r.story)
        # The next button sits under the story; the stars of objectives met so far go beside it.
        met = sum(1 for o in r.objectives if o.met)
        if r.objectives:
            text = t("Objectives met: {met} of {n}", met=met, n=len(r.objectives))
            box = pygame.Rect(self.right.left + theme.px(4), self.next_button.rect.top,
                              self.next_button.rect.left - self.right.left - theme.px(12),
                              self.next_button.rect.height)
            draw_wrapped(surface, f, text, box, theme.ACCENT, 2)


    @staticmethod
    def _draw_story(surface: pygame.Surface, rect: pygame.Rect, story: Story) -> None:
        """The turn's story: title, text, source, and the level's picture at the left."""
        bold, small = theme.font(14, bold=True), theme.font(13)
        inner = panel(surface, rect, t("From the real world"))
        if story.image:
            shown = draw_picture(surface, story.image, pygame.Rect(
                inner.left, inner.top, min(inner.width // 3, inner.height * 3 // 2),
                inner.height))
            if shown is not None:
                inner = pygame.Rect(shown.right + theme.px(10), inner.top,
                                    inner.right - shown.right - theme.px(10), inner.height)
        surface.blit(fit(bold, story.title, inner.width), inner.topleft)
        y = inner.top + bold.get_linesize() + theme.px(2)
        # The source is kept whole (up to two lines): a story without it cannot be checked.
        source = wrap(small, t("Source: {s}", s=story.source), inner.width)[:2]
        src_h = small.get_linesize() * len(source)
        used = draw_wrapped(surface, small, story.text,
                            pygame.Rect(inner.left, y, inner.width, inner.bottom - y - src_h))
        draw_wrapped(surface, small, " ".join(source),
                     pygame.Rect(inner.left, min(inner.bottom - src_h, y + used), inner.width,
                                 src_h), theme.TEXT_DIM)


def drivers_line(h: Headline) -> str:
    """What voters reacted to, largest first: "Voters reacted to: Homicides +1.2 · …"."""
    moved = [c for c in sorted(h.drivers, key=lambda c: -abs(c.amount)) if round(c.amount, 1)]
    if not moved:
        return t("What voters weigh barely moved this turn.")
    return t("Voters reacted to: {parts}",
             parts=" · ".join(f"{c.label} {signed(c.amount)}" for c in moved))


def significant_causes(causes: Sequence[Cause], share: float = 0.01) -> list[Contribution]:
    """Causes largest first; those under ``share`` of the largest are summed into one row.

    Rounding noise ("+0.0000042") would otherwise crowd out the causes that matter, and
    summing rather than dropping keeps the rows adding up to the change.
    """
    ordered = sorted(causes, key=lambda c: -abs(c.amount))
    if not ordered:
        return []
    floor = abs(ordered[0].amount) * share
    big = [c for c in ordered if abs(c.amount) >= floor and c.amount != 0]
    small = sum(c.amount for c in ordered if abs(c.amount) < floor or c.amount == 0)
    rows = [Contribution(c.label, c.amount, widget_kind(c.kind)) for c in big]
    if small:
        rows.append(Contribution(t("Smaller effects together"), small, "other"))
    return rows


def _span(h: Headline) -> float:
    pos = sum(c.amount for c in h.causes if c.amount > 0)
    neg = -sum(c.amount for c in h.causes if c.amount < 0)
    if not h.causes and h.change is not None:
        return abs(h.change) / max(1.0, abs(h.value))
    return max(pos, neg) / max(1.0, abs(h.value), abs(h.previous or 0.0))


def _cause_bar(surface: pygame.Surface, bar: pygame.Rect, h: Headline, scale: float) -> None:
    """A diverging bar: causes that raised the number go right of the centre, others left."""
    mid = bar.centerx
    pygame.draw.line(surface, theme.PANEL_EDGE, (mid, bar.top - theme.px(2)),
                     (mid, bar.bottom + theme.px(2)))
    half = bar.width // 2
    norm = max(1.0, abs(h.value), abs(h.previous or 0.0)) * scale
    causes: list[Cause] = list(h.causes)
    if not causes and h.change:
        from game.play.report import Cause as CauseType

        causes = [CauseType("chance", t("Unexplained"), h.change)]
    right = left = mid
    for c in sorted(causes, key=lambda c: -abs(c.amount)):
        width = int(half * min(1.0, abs(c.amount) / norm))
        if width <= 0:
            continue
        if c.amount > 0:
            width = min(width, bar.right - right)
            pygame.draw.rect(surface, cause_colour(c.kind), (right, bar.top, width, bar.height))
            right += width
        else:
            width = min(width, left - bar.left)
            pygame.draw.rect(surface, cause_colour(c.kind),
                             (left - width, bar.top, width, bar.height))
            left -= width
