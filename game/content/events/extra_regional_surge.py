"""The ``extra_regional_surge`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param


class ExtraRegionalSurge(EventBase):
    """A crisis far away (Venezuela, Haiti, Cuba) sends many more people north.

    YAML usage::

        events:
          - kind: extra_regional_surge
            turn: 3
            size: 15000            # extra people setting out per month
            months: 9
    """

    kind: Literal["extra_regional_surge"]
    size: float = param("extra_regional_surge", "size")
    months: int = param("extra_regional_surge", "months")
