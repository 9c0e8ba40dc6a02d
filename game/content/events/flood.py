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
            at: 2010-06            # Tropical Storm Agatha's floods and landslides
            origin: GT
            severity: 0.2          # 0-1; 1 affects as many as Eta and Iota (7.5 million)
            news: "Floods and landslides cut off villages across Guatemala"
    """

    kind: Literal["flood"]
    origin: OriginCode = param("flood", "origin")
    severity: float = param("flood", "severity")
