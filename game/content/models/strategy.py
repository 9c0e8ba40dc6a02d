"""The ``borderlines-strategy/1`` format: scripted decisions for ``simulate``, tests and AIs.

A strategy lists decisions by turn and country: levers to set, agreements to make and
agreements to end. Levers not set keep the level's values (DESIGN.md §4)::

    format: borderlines-strategy/1
    name: enforcement-only
    decisions:
      - turn: 1
        country: US
        set: {border_agents: 25000, removal: prosecute}
      - turn: 5
        country: MX
        set: {border_agents: 6000}
        agreements: [{kind: returns_acceptance, by: MX}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, cast

from pydantic import BeforeValidator, Field, create_model

from game.content.models.common import (
    AgreementKind,
    ContentModel,
    Slug,
    Text,
    choices_hint,
    fail,
    shown,
)
from game.content.models.levers import LEVERS_MODELS, AgreementEntry, LeversBase
from game.sim.policy import Agreement, Policy
from game.sim.registry import COUNTRIES

STRATEGY_FORMAT = "borderlines-strategy/1"


class DecisionBase(ContentModel):
    """What one country decides at the start of one turn."""

    turn: int = Field(ge=1, le=120, description="The turn (1 is the first).",
                      json_schema_extra={"unit": "turn", "examples": [1]})
    country: str
    agreements: list[AgreementEntry] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Agreements the country makes this turn.")
    end_agreements: list[AgreementKind] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Kinds of agreement the country leaves this turn.")

    def lever_values(self) -> dict[str, Any]:
        """The levers this decision sets."""
        levers: LeversBase = self.set  # type: ignore[attr-defined]
        return levers.values()

    def apply(self, policy: Policy) -> Policy:
        """The policy after this decision (levers validated by the model's own rules)."""
        policy = policy.with_levers(self.country, self.lever_values())
        for kind in self.end_agreements:
            policy = policy.without_agreement(kind) if any(
                a.kind == kind and self.country in a.parties for a in policy.agreements
            ) else policy
        for entry in self.agreements:
            policy = policy.with_agreement(Agreement(entry.kind, entry.parties(self.country),
                                                     entry.term_values()))
        return policy


def _decision_model(country: str) -> type[DecisionBase]:
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"Decision{country}", __base__=DecisionBase, __doc__=f"A decision by {country}.",
        country=(cast(Any, Literal[country]), Field(description="Who decides.")),
        set=(LEVERS_MODELS[country], Field(default_factory=LEVERS_MODELS[country],
                                           description="Levers to set; others keep their "
                                           "values.")),
    )


DECISION_MODELS = {c: _decision_model(c) for c in COUNTRIES}


def _decision_country(value: Any) -> Any:
    if not isinstance(value, dict):
        fail("wrong-type", f"a decision is a mapping, got {shown(value)}",
             "write `- turn: 1`, `country: US` and `set: {...}` on separate lines")
    country = value.get("country")
    if country is None:
        fail("missing-field", "this decision has no `country`", "add e.g. `country: US`")
    if not isinstance(country, str) or country not in COUNTRIES:
        fail("unknown-country", f"unknown country `{country}`",
             choices_hint(country, COUNTRIES, "the countries are"), at="country")
    return value


if TYPE_CHECKING:
    Decision = DecisionBase
else:
    Decision = Annotated[
        Union[tuple(DECISION_MODELS.values())],  # type: ignore[valid-type]  # noqa: UP007
        Field(discriminator="country"),
        BeforeValidator(_decision_country),
    ]


class Strategy(ContentModel):
    """Scripted decisions by turn and country."""

    format: Literal["borderlines-strategy/1"] = Field(
        description="Always borderlines-strategy/1.")
    name: Slug = Field(description="A short name, e.g. enforcement-only.")
    description: Text | None = Field(None, description="What the strategy tries.")
    level: Slug | None = Field(None, description="The id of the level it was written for; "
                               "the checker then checks its turns and countries.")
    decisions: list[Decision] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Decisions in any order; several per turn allowed.")

    def decisions_for(self, turn: int, country: str | None = None) -> list[DecisionBase]:
        """The decisions of ``turn`` (for one ``country``, or all), in file order."""
        return [d for d in self.decisions
                if d.turn == turn and (country is None or d.country == country)]

    def countries(self) -> list[str]:
        """The countries this strategy decides for."""
        return list(dict.fromkeys(d.country for d in self.decisions))

    def apply(self, policy: Policy, turn: int, country: str | None = None) -> Policy:
        """``policy`` after every decision of ``turn`` (of one country, or all)."""
        for decision in self.decisions_for(turn, country):
            policy = decision.apply(policy)
        return policy
