"""The ``news`` event: a headline for a teacher's story, with no effect on the model."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from game.content.events.base import EventBase
from game.content.models.common import Text


class News(EventBase):
    """A headline (and a short article) in the turn's news; nothing changes in the model.

    Use it for the beats of a story: what a newspaper reports, what a minister says. Players
    read the headline with the turn's other news and the article under it. Its `news` (the
    headline) must be given.

    YAML usage::

        events:
          - kind: news
            turn: 2
            news: "Shelters in Tapachula are full"
            body: "Church shelters report three times as many people as beds."
    """

    kind: Literal["news"]
    news: Text = Field(description="The headline players read in the turn's news.")
    body: Text | None = Field(None, description="A short article under the headline "
                              "(optional; two or three sentences).")

    def params(self) -> dict[str, Any]:
        """No parameters: a news event changes nothing in the model."""
        return {}
