"""The ``flood`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import OriginCode


class Flood(EventBase):
    """Torrential rain floods an origin: homes, roads and harvests lost, more people leave.

    It acts as a hurricane does, scaled by the people it affects: incomes fall and a wish to
    leave rises, then fades over the following months.

    YAML usage::

        events:
          - kind: flood
            at: 2020-06            # Tropical Storm Amanda, 31 May 2020
            origin: SV
            severity: 0.05         # 0-1; 1 affects as many as Eta and Iota (7.5 million)
            news: "Tropical Storm Amanda floods El Salvador"
    """

    kind: Literal["flood"]
    origin: OriginCode = param("flood", "origin")
    severity: float = param("flood", "severity")
