"""The ``economic_shock`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import PlaceCode


class EconomicShock(EventBase):
    """A recession or a boom: in the US it moves labour demand, in an origin it moves incomes.

    YAML usage::

        events:
          - kind: economic_shock
            at: 2020-04
            country: US            # a country, or an origin such as GT or XR
            change: -0.09          # output 9% lower
            months: 6
    """

    kind: Literal["economic_shock"]
    country: PlaceCode = param("economic_shock", "country")
    change: float = param("economic_shock", "change")
    months: int = param("economic_shock", "months")
