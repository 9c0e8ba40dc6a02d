"""Headline gauges (approval, relations, humanitarian score) and sparklines."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.ui import theme

from .charts import Colour, Formatter

TRACK = (40, 54, 76)
#: Supersampling factor for arcs: pygame's thick arcs are not anti-aliased.
SS = 3


def gauge_colour(value: float, low: float, high: float, better: int) -> Colour:
    """The fill colour: good or bad half of the range for judged numbers, else neutral."""
    if better == 0:
        return theme.NEUTRAL
    mid = (low + high) / 2 if not (low < 0 < high) else 0.0
    good = (value >= mid) if better > 0 else (value <= mid)
    return theme.GOOD if good else theme.BAD


def _ring(surface: pygame.Surface, centre: tuple[float, float], r_out: float, r_in: float,
          a0: float, a1: float, colour: tuple[int, ...]) -> None:
    """A filled ring segment from angle ``a0`` to ``a1`` (radians, 0 = east, counter-clockwise)."""
    if abs(a1 - a0) < 1e-4:
        return
    steps = max(3, int(abs(a1 - a0) * r_out / 3))
    outer = [(centre[0] + r_out * math.cos(a0 + (a1 - a0) * i / steps),
              centre[1] - r_out * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]
    inner = [(centre[0] + r_in * math.cos(a0 + (a1 - a0) * i / steps),
              centre[1] - r_in * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]
    pygame.draw.polygon(surface, colour, outer + inner[::-1])


def draw_gauge(
    surface: pygame.Surface,
    rect: pygame.Rect,
    value: float,
    *,
    low: float = 0.0,
    high: float = 100.0,
    label: str = "",
    better: int = 1,
    baseline: float | None = None,
    value_format: Formatter | None = None,
    text_size: int = 13,
) -> pygame.Rect:
    """A half-ring gauge with the value in words and a tick at the status quo.

    Ranges that straddle zero (relations, −100 to 100) fill from zero, left or right. Colour
    says good or bad (Okabe–Ito green/vermillion) but the number is always written too.

    Args:
        surface: where to draw.
        rect: the gauge's area (the ring, its number and its label fit inside).
        value: the number to show.
        low: left end of the scale.
        high: right end of the scale.
        label: caption under the number.
        better: +1 if more is better, −1 if less is better, 0 for neutral.
        baseline: the status-quo value, marked with a tick (None for none).
        value_format: text of the value (whole numbers by default).
        text_size: base font size at 100% UI scale (``theme.font`` applies the UI scale).

    Returns:
        The rectangle of the ring itself.
    """
    rect = pygame.Rect(rect)
    fmt = value_format or (lambda v: f"{v:.0f}".replace("-", "\u2212"))
    big = theme.font(int(text_size * 1.45), bold=True)
    small = theme.font(text_size)
    label_h = small.get_linesize() if label else 0
    radius = max(8.0, min(rect.width / 2 - 2, rect.height - label_h - 4))
    thickness = max(4.0, radius * 0.22)
    ring = pygame.Rect(0, 0, int(radius * 2), int(radius))
    ring.midtop = (rect.centerx, rect.top + 2)

    layer = pygame.Surface((ring.width * SS + 2 * SS, ring.height * SS + 2 * SS), pygame.SRCALPHA)
    c = (layer.get_width() / 2, ring.height * SS + SS)
    r_out, r_in = radius * SS, (radius - thickness) * SS
    span = high - low or 1.0

    def angle(v: float) -> float:
        f = min(1.0, max(0.0, (v - low) / span))
        return math.pi * (1 - f)

    _ring(layer, c, r_out, r_in, 0.0, math.pi, (*TRACK, 255))
    origin = 0.0 if low < 0 < high else low
    colour = gauge_colour(value, low, high, better)
    if math.isfinite(value):
        _ring(layer, c, r_out, r_in, angle(value), angle(origin), (*colour, 255))
    if baseline is not None and math.isfinite(baseline):
        a = angle(baseline)
        p0 = (c[0] + (r_out + 2 * SS) * math.cos(a), c[1] - (r_out + 2 * SS) * math.sin(a))
        p1 = (c[0] + (r_in - 2 * SS) * math.cos(a), c[1] - (r_in - 2 * SS) * math.sin(a))
        pygame.draw.line(layer, (*theme.TEXT, 255), p0, p1, 2 * SS)
    small_layer = pygame.transform.smoothscale(
        layer, (layer.get_width() // SS, layer.get_height() // SS))
    surface.blit(small_layer, (ring.left - 1, ring.top - 1))

    text = big.render(fmt(value) if math.isfinite(value) else "–", True, theme.TEXT)
    surface.blit(text, (ring.centerx - text.get_width() / 2, ring.bottom - text.get_height() + 2))
    if label:
        caption = small.render(label, True, theme.TEXT_DIM)
        if caption.get_width() > rect.width:
            caption = caption.subsurface((0, 0, rect.width, caption.get_height()))
        surface.blit(caption, (rect.centerx - caption.get_width() / 2, ring.bottom + 4))
    return ring


def draw_sparkline(
    surface: pygame.Surface,
    rect: pygame.Rect,
    values: Sequence[float],
    colour: Colour = theme.NEUTRAL,
    *,
    band: tuple[Sequence[float], Sequence[float]] | None = None,
    baseline: Sequence[float] | None = None,
    highlight_last: bool = True,
    value_format: Formatter | None = None,
    text_size: int = 12,
) -> None:
    """A tiny trend line, optionally with a shaded band, a dashed baseline and the last value.

    Args:
        surface: where to draw.
        rect: the area; the line fills it (minus room for the last value's text if shown).
        values: the trend (NaN leaves a gap).
        colour: line colour.
        band: (low, high) sequences for a shaded range.
        baseline: a dashed comparison line (e.g. the status quo).
        highlight_last: dot the last point.
        value_format: when given, the last value is written at the right.
        text_size: font size for the last value.
    """
    from .charts import _dashed_polyline  # shared helper

    rect = pygame.Rect(rect)
    text = None
    finite = [float(v) for v in values if math.isfinite(float(v))]
    if value_format is not None and finite:
        text = theme.font(text_size, bold=True).render(value_format(finite[-1]), True, theme.TEXT)
    plot = rect.copy()
    if text is not None:
        plot.width = max(4, rect.width - text.get_width() - 6)
    pool = list(finite)
    if band is not None:
        pool += [float(v) for v in list(band[0]) + list(band[1]) if math.isfinite(float(v))]
    if baseline is not None:
        pool += [float(v) for v in baseline if math.isfinite(float(v))]
    if not pool:
        return
    lo, hi = min(pool), max(pool)
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    n = max(len(values), 2)

    def pt(i: int, v: float) -> tuple[float, float]:
        return (plot.left + (plot.width - 1) * i / (n - 1),
                plot.bottom - 2 - (v - lo) / (hi - lo) * (plot.height - 4))

    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    if band is not None:
        top = [pt(i, float(v)) for i, v in enumerate(band[1])]
        bottom = [pt(i, float(v)) for i, v in enumerate(band[0])]
        if len(top) >= 2:
            layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            pygame.draw.polygon(layer, (*colour, 60), top + bottom[::-1])
            surface.blit(layer, (0, 0))
    if baseline is not None:
        pts = [pt(i, float(v)) for i, v in enumerate(baseline) if math.isfinite(float(v))]
        if len(pts) >= 2:
            _dashed_polyline(surface, (150, 160, 176), pts, 3, 1)
    pts = [pt(i, float(v)) for i, v in enumerate(values) if math.isfinite(float(v))]
    if len(pts) >= 2:
        pygame.draw.aalines(surface, colour, False, pts)
        pygame.draw.lines(surface, colour, False, pts, 1)
    if highlight_last and pts:
        pygame.draw.circle(surface, colour, pts[-1], 2.5)
    if text is not None:
        surface.blit(text, (plot.right + 6, rect.centery - text.get_height() / 2))
    surface.set_clip(clip)
