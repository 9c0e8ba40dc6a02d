"""The ``tariff_deadline`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param


class TariffDeadline(EventBase):
    """A tariff threat's deadline arrives: the US decides whether to impose the tariff.

    YAML usage::

        events:
          - kind: tariff_deadline
            at: 2019-06            # 10 June 2019, as announced on 30 May
            rate: 0.05             # tariff imposed if the target is missed (5%)
    """

    kind: Literal["tariff_deadline"]
    rate: float = param("tariff_deadline", "rate")
