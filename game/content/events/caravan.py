"""The ``caravan`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import OriginCode


class Caravan(EventBase):
    """A large group sets out together and travels openly through Mexico toward the US border.

    YAML usage::

        events:
          - kind: caravan
            at: 2018-10
            origin: HN
            size: 7000             # people setting out
            news: "Thousands leave San Pedro Sula together, heading north"
    """

    kind: Literal["caravan"]
    origin: OriginCode = param("caravan", "origin")
    size: float = param("caravan", "size")
