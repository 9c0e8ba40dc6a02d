"""The ``announcement`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param


class Announcement(EventBase):
    """A government declares a crackdown (or an opening): word spreads, then reality decides.

    What families, children or adults believe about being released into the US moves at once by
    ``release_change``; month by month it returns to what recent arrivals really find. An
    announcement not followed by policy fades in a few months.

    YAML usage::

        events:
          - kind: announcement
            at: 2018-04            # a government declares "zero tolerance"
            people: everyone       # adults, families, children or everyone
            release_change: -0.3   # thirty points less chance of release, as people hear it
            news: "The government declares zero tolerance at the border"
    """

    kind: Literal["announcement"]
    people: Literal["adults", "families", "children", "everyone"] = param(
        "announcement", "people")
    release_change: float = param("announcement", "release_change")
