"""The registry's names as the screens read them: levers, agreements, metrics (DESIGN.md §2).

The UI imports only ``game.play``; the names it lays out — which levers a country has, their
ranges and tabs, the agreements on offer, the metrics and their units — are the model's registry
(:mod:`game.sim.registry`), handed on here unchanged so there is still one source for each.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.sim.policy import LeverValue, Policy
from game.sim.registry import (
    AGREEMENTS,
    LEVERS,
    METRIC_SHORT_LABELS,
    METRICS,
    LeverSpec,
    levers_for,
)

__all__ = ["AGREEMENTS", "LEVERS", "METRICS", "METRIC_SHORT_LABELS", "NEIGHBOURS", "LeverSpec",
           "LeverValue", "Policy", "levers_for", "nearest_first"]


#: Each country's partners on the route north, nearest first (for two-party agreements).
NEIGHBOURS: dict[str, tuple[str, ...]] = {"CA": ("US",), "US": ("MX",), "MX": ("GT", "US"),
                                          "GT": ("MX",), "HN": ("GT", "MX"), "SV": ("GT", "MX")}


def nearest_first(country: str, partners: Sequence[str]) -> tuple[str, ...]:
    """``partners`` with ``country``'s neighbours on the route north first, else as given."""
    near = NEIGHBOURS.get(country, ())
    return tuple(sorted(partners, key=lambda c: near.index(c) if c in near else len(near)))
