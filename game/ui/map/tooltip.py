"""What is under the pointer on the map, and the small panel that says it."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme


@dataclass(frozen=True)
class Tooltip:
    """What is under the pointer: a title and (label, value) lines, ready to draw."""

    kind: str  # "corridor", "sector", "town", "deaths" or "country"
    key: str
    title: str
    lines: tuple[tuple[str, str], ...]
    anchor: tuple[int, int]


def draw_tooltip(surface: pygame.Surface, tip: Tooltip, pos: tuple[int, int],
                 bounds: pygame.Rect | None = None) -> pygame.Rect:
    """Draw ``tip`` as a small panel next to ``pos``, kept inside ``bounds``; returns its rect."""
    bounds = bounds or surface.get_rect()
    scale = theme.scale()
    title_font = theme.font(13, bold=True)
    font = theme.font(12)
    pad = theme.px(8)
    gap = theme.px(14)
    title = title_font.render(tip.title, True, theme.TEXT)
    rows = [(font.render(k, True, theme.TEXT_DIM), font.render(v, True, theme.TEXT))
            for k, v in tip.lines]
    label_w = max((r[0].get_width() for r in rows), default=0)
    value_w = max((r[1].get_width() for r in rows), default=0)
    width = max(title.get_width(), label_w + gap + value_w) + 2 * pad
    height = pad * 2 + title_font.get_linesize() + font.get_linesize() * len(rows)
    box = pygame.Rect(pos[0] + int(14 * scale), pos[1] + int(14 * scale), width, height)
    if box.right > bounds.right:
        box.right = pos[0] - int(10 * scale)
    if box.bottom > bounds.bottom:
        box.bottom = pos[1] - int(10 * scale)
    box.clamp_ip(bounds)
    panel = pygame.Surface(box.size, pygame.SRCALPHA)
    panel.fill((*theme.PANEL, 238))
    pygame.draw.rect(panel, (*theme.PANEL_EDGE, 255), panel.get_rect(), 1,
                     border_radius=int(4 * scale))
    surface.blit(panel, box.topleft)
    x, y = box.left + pad, box.top + pad
    surface.blit(title, (x, y))
    y += title_font.get_linesize()
    for label, value in rows:
        surface.blit(label, (x, y))
        surface.blit(value, (box.right - pad - value.get_width(), y))
        y += font.get_linesize()
    return box
