"""The policy desk: one folder, the scene (layout, input, turn) and its drawing.

Everything the other screens and the tests use is importable from here.
"""

from __future__ import annotations

from game.ui.scenes.desk.drawing import (
    DIPLOMACY,
    MAP_METRICS,
    TABS,
    forecast_metrics,
    lever_total,
    map_state,
)
from game.ui.scenes.desk.scene import DeskScene

__all__ = ["DIPLOMACY", "MAP_METRICS", "TABS", "DeskScene", "forecast_metrics", "lever_total",
           "map_state"]
