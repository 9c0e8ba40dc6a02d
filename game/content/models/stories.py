"""A level's own story cards and its epilogue: what really happened, told in the game.

Story cards are told in the turn report's "From the real world" panel, beside or instead of the
game's built-in stories; the epilogue opens the debrief, on its own tab, before the charts.
Texts may be translated like every level text (`{en: ..., es: ...}`); sources are not, as they
name publications.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.content.models.common import ContentModel, Slug, Text

#: The turn outcomes a story can belong to (``game.play.stories`` picks one per turn; a test
#: keeps the two lists the same).
STORY_OUTCOMES: tuple[str, ...] = (
    "deaths_rise", "deaths_fall", "stranded", "backlog", "backlog_mx", "returned_to_danger",
    "protection_up", "legal_pathways", "crossings_fall", "crossings_rise", "violence_falls",
    "canada", "separations", "tariff", "calm",
)

_IMAGE = ("A PNG or JPEG file in the level's folder (or a folder under it), e.g. "
          "`images/camp.jpg`; at most 4000×4000 pixels and 5 MB.")


class StoryCard(ContentModel):
    """A short factual story for the turn report, from a source players can check."""

    id: Slug | None = Field(None, description="A name for the card (unique in the level).")
    title: Text = Field(description="The card's title, a few words.")
    text: Text = Field(description="The story: three or four sentences, factual, never "
                       "graphic.")
    source: Text = Field(description="Where it comes from: publisher and date.")
    image: str | None = Field(None, description=_IMAGE)
    turn: int | None = Field(None, ge=1, description="Tell it in this turn's report.")
    outcome: Literal[STORY_OUTCOMES] | None = Field(  # type: ignore[valid-type]
        None, description="Tell it in the first turn whose main outcome is this one: "
        + ", ".join(STORY_OUTCOMES) + ".")


class Epilogue(ContentModel):
    """What really happened after the level's situation, shown at the end of the debrief."""

    title: Text | None = Field(None, description="A heading; left out, “What really "
                               "happened”.")
    text: Text = Field(description="What happened next in the real world: a short paragraph.")
    source: Text = Field(description="Where it comes from: publisher and date.")
    image: str | None = Field(None, description=_IMAGE)
