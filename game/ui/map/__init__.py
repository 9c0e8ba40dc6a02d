"""The living map of North and Central America: land, corridors, people moving, overlays.

Scenes use three names: fill a ``MapState`` (``MapState.from_metrics(...)``), give it to a
``MapView`` placed with ``resize(rect)``, and call ``update(dt)``/``draw(surface)`` each frame;
``hit_test(pos)`` (or ``set_hover(pos)``) answers what is under the pointer as a ``Tooltip``.
"""

from __future__ import annotations

from .state import MapState
from .tooltip import Tooltip, draw_tooltip
from .view import MapView, staffing_colour

__all__ = ["MapState", "MapView", "Tooltip", "draw_tooltip", "staffing_colour"]
