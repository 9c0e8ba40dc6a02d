"""The ``borderlines-campaign/1`` format: an ordered list of levels and when each unlocks.

::

    format: borderlines-campaign/1
    id: my-campaign
    title: My campaign
    levels:
      - level: minimal                  # a level id, or a path relative to this file
      - level: example-one-country-crisis   # opens when the one before is finished
      - level: example-three-country-cooperation
        unlock: {after: [minimal], stars: 2}
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from game.content.models.common import ContentModel, Slug, Text, fail, shown


class Unlock(ContentModel):
    """When a campaign level opens: after others are finished with enough stars."""

    after: list[Slug] = Field(default_factory=list,
                              description="Level ids that must be finished first.")
    stars: int = Field(0, ge=0, le=9, description="Stars needed in each of them (0 = just "
                       "finished).", json_schema_extra={"unit": "stars", "examples": [1]})


def _unlock(value: Any) -> Any:
    if value == "always":
        return Unlock(after=[], stars=0)
    if isinstance(value, str):
        return {"after": [value]}
    if isinstance(value, dict) and isinstance(value.get("after"), str):
        return {**value, "after": [value["after"]]}
    if value is None or isinstance(value, dict | Unlock):
        return value
    fail("wrong-type", f"expected `always`, a level id or a mapping, got {shown(value)}",
         "e.g. `unlock: always` or `unlock: {after: tutorial, stars: 2}`")


_UNLOCK_SCHEMA = {
    "anyOf": [
        {"const": "always"},
        {"type": "string", "description": "The id of the level that must be finished first."},
        {"type": "object", "additionalProperties": False, "properties": {
            "after": {"anyOf": [{"type": "string"}, {"type": "array",
                                                     "items": {"type": "string"}}]},
            "stars": {"type": "integer", "minimum": 0, "maximum": 9}}},
        {"type": "null"},
    ],
    "description": "`always`, a level id, or {after: [ids], stars: N}; left out, when the "
    "level before is finished.",
}

UnlockRule = Annotated[Unlock | None, BeforeValidator(_unlock), WithJsonSchema(_UNLOCK_SCHEMA)]


class CampaignLevel(ContentModel):
    """One level of a campaign."""

    level: str = Field(description="A level id, or a path to the level file relative to the "
                       "campaign file.")
    unlock: UnlockRule = Field(None, description="`always`, or {after: [ids], stars: N}; left "
                               "out, when the level before is finished.")


class Campaign(ContentModel):
    """An ordered series of levels.

    To give a class your own campaign, put its file in the custom levels' folder (the Settings
    screen shows where) with its level files beside it: the Campaign tab of the level picker
    lists it after the game's own, each level opens as its unlock rule says, and the stars won
    are kept. Unlock rules name levels by id, also those the campaign lists by file name
    (a file name still works, and the checker suggests the id).
    """

    format: Literal["borderlines-campaign/1"] = Field(
        description="Always borderlines-campaign/1.")
    id: Slug = Field(description="A short unique name.")
    title: Text = Field(description="The campaign's title.")
    summary: Text | None = Field(None, description="One or two sentences about it.")
    levels: list[CampaignLevel] = Field(min_length=1, description="The levels, in order.")

    def unlock_rule(self, index: int) -> Unlock:
        """The rule of the level at ``index``: explicit, or 'after the previous one'."""
        rule = self.levels[index].unlock
        if rule is not None:
            return rule
        if index == 0:
            return Unlock(after=[], stars=0)
        return Unlock(after=[_ref_id(self.levels[index - 1].level)], stars=0)

    def is_unlocked(self, index: int, stars: dict[str, int]) -> bool:
        """Whether the level at ``index`` is open, given stars won per finished level id."""
        rule = self.unlock_rule(index)
        return all(level in stars and stars[level] >= rule.stars for level in rule.after)


def _ref_id(reference: str) -> str:
    """The level id a reference names: the id itself or the file name without extension."""
    name = reference.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in (".yaml", ".yml"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return name
