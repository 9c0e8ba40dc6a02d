"""The ``epidemic`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param


class Epidemic(EventBase):
    """An epidemic shuts borders across the region: fewer leave now, more when they reopen.

    While borders are shut (`months`), about half as many people can set out at severity 1,
    incomes in every origin fall (Honduras and El Salvador lost about 8% of output per head in
    2020) and so does work in the US. When borders reopen, some of those who waited leave.

    YAML usage::

        events:
          - kind: epidemic
            at: 2020-03            # COVID-19: Central America shuts its borders
            severity: 1.0          # 0-1; 1 is COVID-19 in 2020
            months: 6              # borders reopened after about six months
            news: "A pandemic closes borders across the region"
    """

    kind: Literal["epidemic"]
    severity: float = param("epidemic", "severity")
    months: int = param("epidemic", "months")
