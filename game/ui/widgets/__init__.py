"""Charts and gauges drawn onto any Surface and Rect, and PNG export for the debrief.

- ``draw_line_chart(surface, rect, [Series(...)], bands=[Band(...)], baseline=Series(...))``
- ``draw_contributions(surface, rect, [Contribution(label, value, kind)], total=…, better=…)``
- ``draw_gauge(surface, rect, value, low=…, high=…, label=…, better=…, baseline=…)``
- ``draw_sparkline(surface, rect, values, colour, band=…, baseline=…)``
- ``save_png(surface, path)`` / ``render_png(path, size, draw)``
- ``human_number(12345) == "12k"``
"""

from __future__ import annotations

from .charts import (
    CAUSE_COLOURS,
    SERIES_COLOURS,
    Band,
    Chart,
    ChartLayout,
    Contribution,
    Series,
    draw_chart,
    draw_contributions,
    draw_line_chart,
    star_points,
    widget_kind,
)
from .export import render_png, save_png
from .format import grouped, human_number, nice_ticks, signed_number
from .gauges import draw_gauge, draw_sparkline

__all__ = [
    "CAUSE_COLOURS",
    "SERIES_COLOURS",
    "Band",
    "Chart",
    "ChartLayout",
    "Contribution",
    "Series",
    "draw_chart",
    "draw_contributions",
    "draw_gauge",
    "draw_line_chart",
    "draw_sparkline",
    "grouped",
    "human_number",
    "nice_ticks",
    "render_png",
    "save_png",
    "signed_number",
    "star_points",
    "widget_kind",
]
