"""The ``violence_shock`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import OriginCode


class ViolenceShock(EventBase):
    """Homicides rise sharply in an origin for some months (a gang war, a state collapse).

    YAML usage::

        events:
          - kind: violence_shock
            turn: 2
            origin: SV
            increase: 0.5          # homicide rate up 50%
            months: 12             # lasts a year
    """

    kind: Literal["violence_shock"]
    origin: OriginCode = param("violence_shock", "origin")
    increase: float = param("violence_shock", "increase")
    months: int = param("violence_shock", "months")
