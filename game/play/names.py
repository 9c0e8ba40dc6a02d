"""The registry's names as the screens read them: levers, agreements, metrics (DESIGN.md §2).

The UI imports only ``game.play``; the names it lays out — which levers a country has, their
ranges and tabs, the agreements on offer, the metrics and their units — are the model's registry
(:mod:`game.sim.registry`), handed on here unchanged so there is still one source for each.
"""

from __future__ import annotations

from game.sim.policy import LeverValue, Policy
from game.sim.registry import (
    AGREEMENTS,
    LEVERS,
    METRIC_SHORT_LABELS,
    METRICS,
    LeverSpec,
    levers_for,
)

__all__ = ["AGREEMENTS", "LEVERS", "METRICS", "METRIC_SHORT_LABELS", "LeverSpec", "LeverValue",
           "Policy", "levers_for"]
