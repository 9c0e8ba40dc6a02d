"""A level's tutorial: the coach's steps on the desk, and a hint for later turns.

```yaml
tutorial:
  steps:
    - do: read
      text: This is the policy desk. Each turn you set your levers, then end the turn.
    - do: open_tab
      tab: borders
    - do: change_lever
      lever: rescue
      direction: up
      text: Raise rescue spending. Watch the budget bar shrink as you spend.
    - do: look_at
      place: forecast
    - do: open_glossary
    - do: end_turn
  hints:
    - turn: 2
      text: The officers you hired in turn 1 start deciding cases now.
      place: forecast
```

The coach shows one step at a time in a box on the desk, outlines the control to use, and
moves on only when the student has done it: the tab is open, the lever's value in the draft has
moved (the way ``direction`` says), the pointer has rested on the place (or Next was pressed),
the glossary was opened, the turn was ended. A ``read`` step waits for Next. A step without
``text`` says what to do in the game's own words, in the player's language.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from game.content.models.common import ContentModel, LeverName, Text, fail, number_field
from game.content.names import choices_hint
from game.sim.registry import LEVERS

#: The desk's tabs a step may open or point at: Goals, the lever tabs, Diplomacy.
TUTORIAL_TABS: tuple[str, ...] = ("goals", *dict.fromkeys(s.tab for s in LEVERS.values()),
                                  "diplomacy")
#: Places on the desk a step may point at (besides tabs and levers).
TUTORIAL_PLACES = ("forecast", "map", "budget", "end_turn", "glossary")
#: What each kind of step asks the student to do.
STEP_KINDS = ("read", "open_tab", "change_lever", "look_at", "open_glossary", "end_turn")
#: The places a ``look_at`` step can check were looked at (the pointer rests on them).
LOOK_PLACES = ("forecast", "map", "budget")


def _one_of(options: tuple[str, ...], what: str) -> Any:
    """A field whose value is one of ``options``, with a did-you-mean when it is not."""
    def check(value: Any) -> Any:
        if isinstance(value, str) and value in options:
            return value
        fail("bad-choice", f"unknown {what} `{value}`",
             choices_hint(value, options, f"the {what}s are"))

    return Annotated[str, BeforeValidator(check),
                     WithJsonSchema({"type": "string", "enum": list(options)})]


TutorialTab = _one_of(TUTORIAL_TABS, "tab")
TutorialPlace = _one_of(TUTORIAL_PLACES, "place")
StepKind = _one_of(STEP_KINDS, "tutorial step")


class TutorialStep(ContentModel):
    """One step of the coach: what it asks, the control it outlines, how it checks."""

    do: StepKind = Field(  # type: ignore[valid-type]
        description="What the student does: `read` (then Next), `open_tab`, `change_lever`, "
        "`look_at` a place, `open_glossary`, `end_turn`.")
    tab: TutorialTab | None = Field(  # type: ignore[valid-type]
        None, description="The tab to open (`open_tab`), or to point at (`read`).")
    lever: LeverName | None = Field(  # type: ignore[valid-type]
        None, description="The lever to change (`change_lever`), or to point at (`read`).")
    direction: Literal["up", "down", "any"] = Field(
        "any", description="With `change_lever`: the way the value must move.")
    place: TutorialPlace | None = Field(  # type: ignore[valid-type]
        None, description="The place to look at (`look_at`: forecast, map or budget), or to "
        "point at (`read`: also end_turn, glossary).")
    text: Text | None = Field(None, description="What the coach says; left out, the game "
                              "says what to do in its own words.")

    @model_validator(mode="after")
    def _has_what_it_needs(self) -> TutorialStep:
        need = {"open_tab": "tab", "change_lever": "lever", "look_at": "place"}.get(self.do)
        if need is not None and getattr(self, need) is None:
            example = {"tab": "tab: borders", "lever": "lever: rescue",
                       "place": "place: forecast"}[need]
            fail("tutorial-step", f"a `{self.do}` step needs `{need}`", f"add `{example}`")
        if self.do == "look_at" and self.place not in LOOK_PLACES:
            fail("tutorial-step", f"the coach cannot tell when `{self.place}` was looked at",
                 "look at " + ", ".join(f"`{p}`" for p in LOOK_PLACES)
                 + "; point at other places from a `read` step", at="place")
        if self.do == "read" and self.text is None:
            fail("tutorial-step", "a `read` step needs `text`", "write what the student reads")
        return self


class TurnHint(ContentModel):
    """A hint the desk shows at the start of one later turn, until the student closes it."""

    turn: int = number_field(..., 2, 120, "turn", "The turn it is shown in.", example=2)
    text: Text = Field(description="The hint.")
    tab: TutorialTab | None = Field(None, description="A tab to point at.")  # type: ignore[valid-type]
    lever: LeverName | None = Field(None, description="A lever to point at.")  # type: ignore[valid-type]
    place: TutorialPlace | None = Field(  # type: ignore[valid-type]
        None, description="A place to point at: forecast, map, budget, end_turn, glossary.")


class Tutorial(ContentModel):
    """A coach that teaches the desk on the first turn, then a hint per later turn."""

    steps: list[TutorialStep] = Field(default_factory=list,
                                      description="The first turn's steps, in order.")
    hints: list[TurnHint] = Field(default_factory=list,
                                  description="One hint per later turn, at most.")
