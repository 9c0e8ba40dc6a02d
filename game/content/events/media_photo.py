"""The ``media_photo`` event."""

from __future__ import annotations

from typing import Literal

from game.content.events.base import EventBase, param
from game.content.models.common import CountryCode


class MediaPhoto(EventBase):
    """A photograph of a death or a child in detention spreads; empathy spikes, then fades.

    YAML usage::

        events:
          - kind: media_photo
            when: {metric: deaths_in_transit, above: 120}   # after a deadly turn
            country: US            # whose public reacts most
            intensity: 0.9         # 0-1; 1 is a photo the whole world sees
    """

    kind: Literal["media_photo"]
    country: CountryCode = param("media_photo", "country")
    intensity: float = param("media_photo", "intensity")
