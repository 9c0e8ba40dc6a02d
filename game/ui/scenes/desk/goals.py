"""The desk's Goals tab: each objective whole, on pages when the window cannot hold them all.

An objective is what the level judges the player on, so none is ever cut short: when every
objective does not fit whole (a 1024×600 window, a long French heading, the advisors' range
in the detail), they go on pages turned by a button under them, the mouse wheel over them, or
Page Up / Page Down.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton

from game.i18n import t, tn
from game.play.goals import progress, status
from game.play.names import METRICS
from game.ui import theme
from game.ui.scenes.kit import draw_wrapped, fit, wrap
from game.ui.widgets import human_number

if TYPE_CHECKING:
    from game.play.report import ObjectiveState
    from game.ui.scenes.desk.scene import DeskScene

#: The pager button's height, and the gap above it.
PAGER_H = 30
PAGER_GAP = 6


@dataclass(frozen=True)
class GoalPages:
    """How the Goals tab is laid out: its fonts and which objectives each page shows."""

    bold: pygame.font.Font
    small: pygame.font.Font
    pages: tuple[tuple[int, ...], ...]


def goal_metrics(desk: DeskScene) -> tuple[str, ...]:
    """The metrics of the player's objectives the advisors can forecast (scores they cannot)."""
    return tuple(dict.fromkeys(
        g.metric for g in desk.game.goals()
        if g.kind == "metric" and g.metric in METRICS and METRICS[g.metric].kind != "score"))


def goal_heading(goal: ObjectiveState) -> str:
    """An objective's text and what it is worth."""
    stars = tn("{n} star", "{n} stars", goal.stars)
    return f"{goal.text} ({stars})"


def goal_detail(desk: DeskScene, goal: ObjectiveState) -> str:
    """Where an objective stands, and the range the advisors expect this turn."""
    detail = progress(goal)
    # A share or an agreement is not a number the advisors forecast.
    band = desk.forecast.get(goal.metric) if desk.forecast and goal.kind == "metric" else None
    if band is not None:
        lo, _, hi = band
        detail += " " + t("This turn the advisors expect {lo} – {hi}.",
                          lo=human_number(lo, 3), hi=human_number(hi, 3))
    return detail


def goal_pages(desk: DeskScene) -> GoalPages:
    """The tab's fonts and pages for the objectives as they stand (and as forecast) now."""
    goals = desk.game.goals()
    headings = tuple(goal_heading(goal) for goal in goals)
    details = tuple(goal_detail(desk, goal) for goal in goals)
    area = desk.rows_rect
    width = area.width - theme.px(84) - theme.px(8)
    # Every objective at the usual size; else all of them a size smaller, together; else on
    # pages, at the size that needs fewer of them (the usual one when both need as many).
    sizes = ((theme.font(14, bold=True), theme.font(13)),
             (theme.font(13, bold=True), theme.font(12)))
    for bold, small in sizes:
        if sum(_heights(bold, small, headings, details, width)) <= area.height:
            return GoalPages(bold, small, (tuple(range(len(goals))),))
    room = area.height - theme.px(PAGER_H) - theme.px(PAGER_GAP)
    layouts = [GoalPages(bold, small, _paginate(_heights(bold, small, headings, details,
                                                           width), room))
               for bold, small in sizes]
    return min(layouts, key=lambda layout: len(layout.pages))


def _paginate(heights: tuple[int, ...], room: int) -> tuple[tuple[int, ...], ...]:
    """The objectives in order, as many on each page as fit whole (at least one)."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, need in enumerate(heights):
        if pages[-1] and used + need > room:
            pages.append([])
            used = 0
        pages[-1].append(i)
        used += need
    return tuple(tuple(page) for page in pages)


@lru_cache(maxsize=16)
def _heights(bold: pygame.font.Font, small: pygame.font.Font, headings: tuple[str, ...],
             details: tuple[str, ...], width: int) -> tuple[int, ...]:
    """Each objective's height drawn whole: heading, detail and the gap under it.

    Cached: the desk redraws its panel after every event, and wrapping every text each time
    tripled the tab's drawing time.
    """
    return tuple(len(wrap(bold, h, width)) * bold.get_linesize() + theme.px(2)
                 + len(wrap(small, d, width)) * small.get_linesize() + theme.px(10)
                 for h, d in zip(headings, details, strict=True))


def build_goals(desk: DeskScene) -> None:
    """The pager under the objectives when they take more than one page."""
    pages = goal_pages(desk).pages
    desk.goal_page_count = len(pages)
    if len(pages) < 2:
        return
    desk.lever_page %= len(pages)
    area = desk.rows_rect
    desk.pager = UIButton(
        pygame.Rect(area.left, area.bottom - theme.px(PAGER_H), area.width, theme.px(PAGER_H)),
        t("More objectives ({page} of {pages})", page=desk.lever_page + 1, pages=len(pages)),
        manager=desk.app.manager, object_id="#small")
    desk.focus.add(desk.pager)


def pages_changed(desk: DeskScene) -> bool:
    """Whether the objectives now need another number of pages (the forecast came in)."""
    return len(goal_pages(desk).pages) != desk.goal_page_count


def turn_page(desk: DeskScene, event: pygame.event.Event) -> bool:
    """The mouse wheel over the panel, or Page Up / Page Down, turns a page of rows."""
    if desk.pager is None:
        return False
    step = 0
    if event.type == pygame.MOUSEWHEEL and desk.panel_rect.collidepoint(pygame.mouse.get_pos()):
        step = -1 if event.y > 0 else 1 if event.y < 0 else 0
    elif event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
        step = -1 if event.key == pygame.K_PAGEUP else 1
    if not step:
        return False
    # Each tab's layout takes the page modulo its number of pages: Page Up from the first
    # page opens the last.
    desk.lever_page += step
    refocus = desk.focus.current is desk.pager
    desk._rebuild()
    if refocus and desk.pager is not None:
        desk.focus.focus(desk.pager)
    return True


def draw_goals(desk: DeskScene, surface: pygame.Surface) -> None:
    """Each objective of the page: its status, its text, where it stands, the turn's range."""
    area = desk.rows_rect
    goals = desk.game.goals()
    if not goals:
        draw_wrapped(surface, theme.font(13), t("This level sets no objectives: judge for "
                                                "yourself what a good result is."), area,
                     theme.TEXT_DIM)
        return
    layout = goal_pages(desk)
    bold, small = layout.bold, layout.small
    bottom = area.bottom
    if len(layout.pages) > 1:
        bottom -= theme.px(PAGER_H) + theme.px(PAGER_GAP)
    chip_w = theme.px(84)
    y = area.top
    for i in layout.pages[desk.lever_page % len(layout.pages)]:
        goal = goals[i]
        colour = theme.GOOD if goal.met else theme.BAD if goal.final else theme.ACCENT
        chip = pygame.Rect(area.left, y, chip_w, bold.get_linesize())
        pygame.draw.rect(surface, colour, chip, border_radius=theme.px(4))
        label = fit(small, status(goal), chip.width - theme.px(8), theme.BACKGROUND)
        surface.blit(label, label.get_rect(center=chip.center))
        text_rect = pygame.Rect(chip.right + theme.px(8), y, area.width - chip_w - theme.px(8),
                                bottom - y)
        used = draw_wrapped(surface, bold, goal_heading(goal), text_rect, theme.TEXT)
        y += max(used, chip.height) + theme.px(2)
        y += draw_wrapped(surface, small, goal_detail(desk, goal), pygame.Rect(
            text_rect.left, y, text_rect.width, max(0, bottom - y)), theme.TEXT_DIM)
        y += theme.px(10)
