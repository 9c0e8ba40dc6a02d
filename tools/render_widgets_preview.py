"""Render every chart and gauge on one sheet, to look at without opening the game.

Usage: ``python tools/render_widgets_preview.py [OUT.png]``
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.ui import theme  # noqa: E402
from game.ui.widgets import (  # noqa: E402
    Band,
    Contribution,
    Series,
    draw_contributions,
    draw_gauge,
    draw_line_chart,
    draw_sparkline,
    human_number,
    render_png,
)

MONTHS = ["Jun 19", "Jul 19", "Aug 19", "Sep 19", "Oct 19", "Nov 19", "Dec 19", "Jan 20",
          "Feb 20", "Mar 20", "Apr 20", "May 20"]


def sheet(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """All widgets with plausible-looking numbers (illustrations, not model output)."""
    observed = [144_000, 104_000, 62_000, 52_000, 45_000, 42_000, 40_000, 36_000, 36_000,
                34_000, math.nan, math.nan]
    true = [120_000, 88_000, 55_000, 47_000, 41_000, 38_000, 36_000, 33_000, 32_000, 31_000,
            math.nan, math.nan]
    base = [144_000, 130_000, 110_000, 98_000, 90_000, 86_000, 80_000, 84_000, 95_000,
            105_000, 110_000, 112_000]
    low = [math.nan] * 9 + [34_000, 28_000, 25_000]
    high = [math.nan] * 9 + [34_000, 52_000, 61_000]
    draw_line_chart(surface, pygame.Rect(20, 20, 760, 360),
                    [Series("Encounters (observed)", observed),
                     Series("People crossing (true)", true)],
                    bands=[Band("Forecast 10–90%", low, high)],
                    baseline=Series("Status quo", base), x_labels=MONTHS,
                    title="US border encounters per month", y_label="people", marker=9)
    draw_contributions(surface, pygame.Rect(800, 20, 560, 360), [
        Contribution("Mexico's Guard at the southern border", -21_400, "partner"),
        Contribution("Your asylum officers (hired in March)", -3_100, "lagged"),
        Contribution("Season: summer heat", -6_800, "season"),
        Contribution("Caravan from Honduras", 4_200, "event"),
        Contribution("Chance", 1_300, "chance"),
    ], total=-25_800, title="Why did encounters change?", better=-1)
    for i, (label, v, lo, hi, better, base_v) in enumerate([
        ("Approval (US)", 46, 0, 100, 1, 44), ("Humanitarian score", 38, 0, 100, 1, 50),
        ("Relations US–Mexico", -24, -100, 100, 1, 10), ("Deaths in transit", 81, 0, 200, -1, 95),
    ]):
        draw_gauge(surface, pygame.Rect(20 + i * 190, 410, 170, 120), v, low=lo, high=hi,
                   label=label, better=better, baseline=base_v)
    for i, (vals, colour) in enumerate([
        ([3, 4, 4, 6, 5, 7, 9, 8, 10, 12], theme.OKABE_ITO["orange"]),
        ([50, 48, 47, 45, 44, 46, 43, 41, 40, 42], theme.OKABE_ITO["bluish_green"]),
    ]):
        draw_sparkline(surface, pygame.Rect(800, 420 + i * 50, 260, 36),
                       [v * 1000 for v in vals], colour, value_format=human_number,
                       baseline=[v * 1000 * 0.9 for v in vals])


if __name__ == "__main__":
    pygame.init()
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/widgets.png"
    print(render_png(out, (1380, 560), sheet))
