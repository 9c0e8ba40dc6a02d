"""The ``policy_change`` event."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.content.events.base import EventBase, param
from game.content.models.common import CountryCode, LeverName


class PolicyChange(EventBase):
    """A government changes one of its levers by itself (a scripted historical decision).

    The value is checked against the lever: a number in its range, one of its choices, or aid
    split by recipient. A player may change it back on their next turn.

    YAML usage::

        events:
          - kind: policy_change
            at: 2019-06
            country: MX
            lever: border_agents
            value: 6000            # the National Guard deploys to the southern border
    """

    kind: Literal["policy_change"]
    country: CountryCode = param("policy_change", "country")
    lever: LeverName = param("policy_change", "lever")
    value: float | str | dict[str, float] = Field(
        param("policy_change", "value").default,
        description="The lever's new value, in the lever's own unit (a number, a choice, or "
        "aid split by recipient).")
