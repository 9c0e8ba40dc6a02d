"""The ``hurricane`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import OriginCode


class Hurricane(EventBase):
    """A hurricane strikes an origin: homes and harvests lost, more people leave afterwards.

    YAML usage::

        events:
          - kind: hurricane
            at: 2020-11            # Eta and Iota struck Honduras and Guatemala
            origin: HN
            severity: 0.8          # 0-1; 1 is an Eta-and-Iota-scale disaster
            news: "Hurricanes Eta and Iota flatten the north coast of Honduras"
    """

    kind: Literal["hurricane"]
    origin: OriginCode = param("hurricane", "origin")
    severity: float = param("hurricane", "severity")
