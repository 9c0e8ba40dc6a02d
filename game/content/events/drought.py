"""The ``drought`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import OriginCode


class Drought(EventBase):
    """A drought ruins the harvest in an origin: farmers lose their income, more people leave.

    YAML usage::

        events:
          - kind: drought
            at: 2018-08            # the Dry Corridor's failed primera harvest
            origin: GT
            severity: 0.1          # 0-1; 1 affects as many as Eta and Iota (7.5 million)
            news: "The rains fail again in Guatemala's Dry Corridor"
    """

    kind: Literal["drought"]
    origin: OriginCode = param("drought", "origin")
    severity: float = param("drought", "severity")
