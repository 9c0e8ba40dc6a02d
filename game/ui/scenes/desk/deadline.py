"""The tariff deadline on the desk: a countdown, the target, and the advisors' forecast against it.

Drawn over the map's top-left corner while a tariff threat that concerns the player is pending,
so that the country under threat (or the one making it) sees at every turn how far the border
is from the figure the threat names, and how much time is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import pygame

from game.i18n import t, tn
from game.play.deadline import Deadline, Outlook, monthly, pending_deadline
from game.play.decisions import country_name
from game.ui import theme
from game.ui.scenes.kit import fit, number, wrap

if TYPE_CHECKING:
    from game.play.deadline import Band
    from game.ui.scenes.desk.scene import DeskScene


def outlook_text(outlook: Outlook) -> tuple[str, tuple[int, int, int]]:
    """The outlook in words, and its colour."""
    return {"on_track": (t("on track"), theme.GOOD), "at_risk": (t("at risk"), theme.ACCENT),
            "off_track": (t("off track"), theme.BAD)}[outlook]


def deadline_lines(deadline: Deadline) -> list[tuple[str, bool]]:
    """The card's lines after its title: (text, bold)."""
    th = deadline.threat
    lines = []
    if deadline.turns_left <= 1:
        lines.append((t("Judged at the end of this turn ({month})",
                        month=deadline.judged_month), True))
    else:
        lines.append((tn("{n} turn left: judged in {month}", "{n} turns left: judged in {month}",
                         deadline.turns_left, month=deadline.judged_month), True))
    lines.append((t("Target: at most {limit} encounters a month ({cut}% below {base})",
                    limit=number(deadline.limit), cut=f"{th.target_reduction * 100:.0f}",
                    base=number(th.reference)), False))
    return lines


#: Each desk's card and what it was drawn from: the map is drawn every frame, the card changes
#: only with the forecast, turn, size, scale or palette (rendering it each frame cost its text).
_CARDS: WeakKeyDictionary[DeskScene, tuple[tuple[object, ...], pygame.Surface | None]] = \
    WeakKeyDictionary()


def draw_deadline(scene: DeskScene, surface: pygame.Surface) -> None:
    """The deadline card over the map (nothing when no threat concerns the player)."""
    key = (scene.forecast, scene.table.turn, scene.map_rect.size, theme.scale(),
           theme.GOOD)
    cached = _CARDS.get(scene)
    if cached is None or cached[0] != key:
        cached = key, _card(scene)
        _CARDS[scene] = cached
    if cached[1] is not None:
        gap = theme.px(10)
        surface.blit(cached[1], (scene.map_rect.left + gap, scene.map_rect.top + gap))


def _card(scene: DeskScene) -> pygame.Surface | None:
    """The card's surface, or None when no pending threat concerns the player."""
    deadline = pending_deadline(scene.table, scene.game.player)
    if deadline is None:
        return None
    th = deadline.threat
    gap = theme.px(10)
    width = min(theme.px(400), scene.map_rect.width - 2 * gap)
    body = theme.font(13)
    title_font = theme.font(15, bold=True)
    bold = theme.font(13, bold=True)
    inner_w = width - 2 * theme.px(12)
    title = (t("Your tariff deadline for {country}", country=country_name(th.target, article=True))
             if th.by == scene.game.player else
             t("Tariff deadline: {rate}% on every export", rate=f"{th.rate * 100:.0f}"))
    rows: list[tuple[str, pygame.font.Font]] = [(title, title_font)]
    for text, strong in deadline_lines(deadline):
        rows += [(line, bold if strong else body) for line in wrap(body, text, inner_w)]
    band = (scene.forecast or {}).get("us_border_encounters")
    meter_h = theme.px(14)
    outlook = None
    if band is not None:
        month = monthly(band, scene.table.months_per_turn)
        outlook = outlook_text(deadline.outlook(month))
        text = t("Advisors: {value} a month next turn ({low} to {high}): {outlook}",
                 value=number(month.p50), low=number(month.p10), high=number(month.p90),
                 outlook=outlook[0])
        rows += [(line, body) for line in wrap(body, text, inner_w)]
    height = (sum(f.get_linesize() for _, f in rows) + 2 * theme.px(10)
              + (meter_h + theme.px(8) if band is not None else 0))
    card = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.rect(card, (*theme.PANEL, 235), card.get_rect(), border_radius=theme.px(8))
    pygame.draw.rect(card, outlook[1] if outlook else theme.ACCENT, card.get_rect(), width=2,
                     border_radius=theme.px(8))
    x, y = theme.px(12), theme.px(10)
    for i, (line, font) in enumerate(rows):
        colour = theme.ACCENT if i == 0 else theme.TEXT
        card.blit(fit(font, line, inner_w, colour), (x, y))
        y += font.get_linesize()
    if band is not None and outlook is not None:
        _meter(card, pygame.Rect(x, y + theme.px(4), inner_w, meter_h), th.reference,
               deadline.limit, month, outlook[1])
    return card


def _meter(surface: pygame.Surface, rect: pygame.Rect, reference: float, limit: float,
           band: Band, colour: tuple[int, int, int]) -> None:
    """A bar from 0 to the reference month: the forecast range, its middle, and the target."""
    top = max(reference, band.p90) or 1.0

    def at(value: float) -> int:
        return rect.left + int(round(rect.width * min(max(value, 0.0), top) / top))

    pygame.draw.rect(surface, theme.BACKGROUND, rect, border_radius=theme.px(3))
    spread = pygame.Rect(at(band.p10), rect.top, max(1, at(band.p90) - at(band.p10)), rect.height)
    pygame.draw.rect(surface, (*colour, 110), spread)
    pygame.draw.rect(surface, colour, pygame.Rect(at(band.p50) - theme.px(2), rect.top,
                                                  theme.px(4), rect.height))
    mark = at(limit)
    pygame.draw.line(surface, theme.TEXT, (mark, rect.top - theme.px(3)),
                     (mark, rect.bottom + theme.px(2)), max(1, theme.px(2)))
