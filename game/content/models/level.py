"""The ``borderlines-level/1`` format: one playable situation (DESIGN.md §4).

A level says when it starts, how many turns of how many months it lasts, which countries take
part (played by people or led by AI), their starting levers, budgets and agreements, scripted
and conditional events, objectives, and the texts players read. :meth:`Level.to_scenario`
turns it into the model's :class:`~game.sim.policy.Scenario`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, create_model

from game.content.events import Event, EventBase
from game.content.models.common import (
    ContentModel,
    OverrideName,
    Slug,
    Text,
    YearMonth,
    month_parts,
    number_field,
)
from game.content.models.levers import LEVERS_MODELS, AgreementEntry, LeversBase
from game.content.models.objectives import Objective
from game.content.models.stories import Epilogue, StoryCard
from game.content.models.tutorial import Tutorial
from game.content.names import PERSONALITIES, country_by_name, did_you_mean
from game.sim.policy import (
    Agreement,
    Policy,
    Scenario,
    ScheduledEvent,
    check_lever,
    default_levers,
    month_index,
)
from game.sim.registry import COUNTRIES, COUNTRY_NAMES, LEVERS

LEVEL_FORMAT = "borderlines-level/1"


class CountrySetupBase(ContentModel):
    """How one country takes part in a level."""

    country_code: ClassVar[str] = ""

    playable: bool = Field(True, description="Whether a person may lead it; if not, an AI "
                           "leader always does.")
    ai: Literal[PERSONALITIES] = Field(  # type: ignore[valid-type]
        "pragmatist", description="The AI leader's personality when no person plays it: "
        "hardliner, pragmatist or humanitarian.")
    budget: float | None = number_field(
        None, 0, 1_000_000, "US$ million per turn",
        "Most the government may spend on its levers in a turn; left out, what its starting "
        "levers cost plus 10%.", example=2000)
    agreements: list[AgreementEntry] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Agreements in force when the level starts.")

    def lever_values(self) -> dict[str, Any]:
        """The starting levers this level sets (others keep the registry default)."""
        levers: LeversBase = self.levers  # type: ignore[attr-defined]
        return levers.values()


def _country_model(country: str) -> type[CountrySetupBase]:
    model = create_model(  # type: ignore[call-overload]
        f"Country{country}", __base__=CountrySetupBase,
        __doc__=f"How {COUNTRY_NAMES[country]} takes part in the level.",
        levers=(LEVERS_MODELS[country], Field(
            default_factory=LEVERS_MODELS[country],
            description="Starting lever values; levers left out keep the status quo.")),
    )
    model.country_code = country
    return model  # type: ignore[no-any-return]


COUNTRY_MODELS: dict[str, type[CountrySetupBase]] = {c: _country_model(c) for c in COUNTRIES}


class _KeyedByCountry(ContentModel):
    """A mapping keyed by country code; an unknown code gets a did-you-mean."""

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str, str]:
        """An unknown country code, or a field this mapping does not have."""
        names = [f.alias or n for n, f in cls.model_fields.items()]
        if key.upper() in COUNTRIES and key != key.upper():
            return "unknown-country", f"unknown country `{key}`", \
                f"country codes are capitals: `{key.upper()}`"
        code = country_by_name(key)
        if code in names:
            return "unknown-country", f"unknown country `{key}`", f"use the code: `{code}`"
        near = did_you_mean(key, names)
        return ("unknown-country", f"unknown country `{key}`",
                near or "allowed here: " + ", ".join(f"`{n}`" for n in names))


Countries = create_model(  # type: ignore[call-overload]
    "Countries", __base__=_KeyedByCountry,
    __doc__="The countries that act in the level, keyed by code.",
    **{c: (COUNTRY_MODELS[c] | None, Field(None, description=COUNTRY_NAMES[c]))
       for c in COUNTRIES},
)

Briefing = create_model(  # type: ignore[call-overload]
    "Briefing", __base__=_KeyedByCountry,
    __doc__="What players read before the first turn: for everyone and per country.",
    general=(Text | None, Field(None, description="Read by every player.")),
    teacher=(Text | None, Field(None, description="Notes shown only in the teacher panel.")),
    **{c: (Text | None, Field(None, description=f"Read by whoever leads {COUNTRY_NAMES[c]}."))
       for c in COUNTRIES},
)

HiddenObjectives = create_model(  # type: ignore[call-overload]
    "HiddenObjectives", __base__=_KeyedByCountry,
    __doc__="Objectives only one team sees (classroom levels), keyed by country.",
    **{c: (list[Objective] | None, Field(None, description=f"Secret goals of {c}'s team."))
       for c in COUNTRIES},
)


class Source(ContentModel):
    """A source players can follow: a report, an article, a data set."""

    title: Text = Field(description="Title of the source.")
    url: str | None = Field(None, description="Where to find it (optional).")
    publisher: str | None = Field(None, description="Who published it.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication.")
    note: Text | None = Field(None, description="What it supports in this level.")


class Classroom(ContentModel):
    """Settings for hot-seat classroom play (DESIGN.md §5)."""

    min_teams: int = number_field(2, 2, 6, "teams", "Fewest teams the level works with.",
                                  example=2)
    max_teams: int = number_field(6, 2, 6, "teams", "Most teams (one per playable country).",
                                  example=3)
    timer_minutes: float | None = number_field(
        None, 1, 60, "minutes", "Time each team has to decide; left out, untimed.", example=5)
    reveal_hidden_objectives: bool = Field(
        True, description="Show every team's hidden objectives in the debrief.")


class Level(ContentModel):
    """A level: one situation to play, from a start month for some turns."""

    format: Literal["borderlines-level/1"] = Field(description="Always borderlines-level/1.")
    id: Slug = Field(description="A short unique name, e.g. june-2019.")
    title: Text = Field(description="The title shown in the level picker.")
    summary: Text = Field(description="One or two sentences for the level picker.")
    author: str | None = Field(None, description="Who wrote the level.")
    duration_minutes: int | None = number_field(
        None, 5, 600, "minutes", "About how long a session takes, for teachers planning a "
        "lesson.", example=45)
    briefing: Briefing | None = Field(None, description="What players read first.")  # type: ignore[valid-type]
    start: YearMonth = Field(description="The first month, YYYY-MM.")
    turns: int = number_field(..., 1, 120, "turns", "How many turns the level lasts.",
                              example=8)
    months_per_turn: int = number_field(
        3, 1, 12, "months", "Months simulated per turn: 1 for a crisis, 3 for a standard level, "
        "12 for decades.", example=3)
    seed: int = number_field(1, 0, 2**31 - 1, "", "The random seed: the same seed and "
                             "decisions give the same game.", example=42)
    countries: Countries = Field(description="The countries that act, by code.")  # type: ignore[valid-type]
    world: dict[OverrideName, float] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="Starting values replacing the model's calibrated "
        "state for the start month (stocks, conditions, approval, relations).")
    events: list[Event] = Field(default_factory=list,  # type: ignore[valid-type]
                                description="Scripted and conditional events.")
    objectives: list[Objective] = Field(default_factory=list,
                                        description="Goals every player sees.")
    hidden_objectives: HiddenObjectives | None = Field(  # type: ignore[valid-type]
        None, description="Goals only one team sees (classroom).")
    questions: list[Text] = Field(default_factory=list,
                                  description="Discussion questions for the debrief.")
    sources: list[Source] = Field(default_factory=list, description="Sources for the "
                                  "level's situation and numbers.")
    stories: list[StoryCard] = Field(default_factory=list, description="The level's own "
                                     "story cards for the turn reports' “From the real world”.")
    built_in_stories: bool = Field(True, description="Also tell the game's built-in stories "
                                   "when none of the level's fits a turn; `false` tells only "
                                   "the level's.")
    epilogue: Epilogue | None = Field(None, description="What really happened, shown at the "
                                      "end of the debrief.")
    classroom: Classroom | None = Field(None, description="Classroom settings; a level with "
                                        "this section is offered for hot-seat play.")
    tutorial: Tutorial | None = Field(None, description="A coach that teaches the desk step "
                                      "by step on the first turn, and a hint per later turn.")

    #: The folder the level was read from (for its images); None for a level read from text.
    _folder: Path | None = PrivateAttr(None)

    # --- Derived facts --------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        """The folder the level was read from, for its images (None when read from text)."""
        return self._folder

    def set_folder(self, folder: Path) -> None:
        """Remember the folder the level was read from (the checker does, for its images)."""
        self._folder = folder

    @property
    def start_month(self) -> int:
        """The start as a month index (:func:`game.sim.policy.month_index`)."""
        return month_index(*month_parts(self.start))

    @property
    def months(self) -> int:
        """How many months the level lasts."""
        return self.turns * self.months_per_turn

    def turn_start(self, turn: int) -> int:
        """The month index at which ``turn`` (1-based) begins."""
        return self.start_month + (turn - 1) * self.months_per_turn

    def turn_of_month(self, month: int) -> int:
        """The 1-based turn containing month index ``month``."""
        return (month - self.start_month) // self.months_per_turn + 1

    def country_setups(self) -> dict[str, CountrySetupBase]:
        """The countries taking part, by code, in registry order."""
        return {c: getattr(self.countries, c) for c in COUNTRIES
                if getattr(self.countries, c) is not None}

    def playable_countries(self) -> list[str]:
        """Codes of the countries a person may lead."""
        return [c for c, s in self.country_setups().items() if s.playable]

    def ai_personality(self, country: str) -> str:
        """The AI personality of ``country`` (pragmatist when it is not in the level)."""
        setup = self.country_setups().get(country)
        return setup.ai if setup else "pragmatist"

    def annual_cost(self, country: str, policy: Policy | None = None) -> float:
        """US$ million per year the country's levers cost under ``policy`` (default: start)."""
        policy = policy or self.starting_policy()
        total = 0.0
        for spec in LEVERS.values():
            if country not in spec.countries or spec.kind == "choice":
                continue
            value = policy.value(country, spec.name)
            amount = sum(value.values()) if isinstance(value, Mapping) else float(value)
            total += amount * spec.cost_per_unit.get(country, 0.0)
        return total

    def budget_for(self, country: str) -> float:
        """US$ million per turn the country may spend (the level's, or starting cost + 10%)."""
        setup = self.country_setups().get(country)
        if setup is not None and setup.budget is not None:
            return setup.budget
        return round(self.annual_cost(country) * self.months_per_turn / 12 * 1.1, 1)

    def timed_events(self) -> list[EventBase]:
        """Events with a date or a turn (they become scheduled model events)."""
        return [e for e in self.events if e.when is None]

    def conditional_events(self) -> list[EventBase]:
        """Events triggered by a condition on a metric (checked by the play layer)."""
        return [e for e in self.events if e.when is not None]

    def event_month(self, event: EventBase) -> int | None:
        """The month index of a dated or turn event; None for conditional ones."""
        if event.at is not None:
            return month_index(*month_parts(event.at))
        if event.turn is not None:
            return self.turn_start(event.turn)
        return None

    def all_objectives(self) -> list[tuple[str | None, Objective]]:
        """(team or None for everyone, objective) for the open and the hidden objectives."""
        out: list[tuple[str | None, Objective]] = [(None, o) for o in self.objectives]
        if self.hidden_objectives is not None:
            for country in COUNTRIES:
                for objective in getattr(self.hidden_objectives, country) or []:
                    out.append((country, objective))
        return out

    # --- To the model ---------------------------------------------------------------------------

    def starting_policy(self) -> Policy:
        """Every country's starting levers (level values over registry defaults) and agreements."""
        levers: dict[str, dict[str, Any]] = default_levers()
        agreements: list[Agreement] = []
        for country, setup in self.country_setups().items():
            for lever, value in setup.lever_values().items():
                levers[country][lever] = check_lever(country, lever, value)
            for entry in setup.agreements:
                if entry.starts is not None:  # comes into force mid-level (game.play.timed)
                    continue
                agreements.append(Agreement(entry.kind, entry.parties(country),
                                            entry.term_values()))
        policy = Policy(levers=levers)
        for agreement in agreements:
            policy = policy.with_agreement(agreement)
        return policy

    def scheduled_events(self) -> tuple[ScheduledEvent, ...]:
        """The dated and turn events as model events at absolute months, in time order."""
        out = []
        for event in self.timed_events():
            month = self.event_month(event)
            assert month is not None  # timed events have a month by construction
            params = event.params()
            if event.kind == "policy_change":
                params["value"] = check_lever(params["country"], params["lever"],
                                              params["value"])
            out.append(ScheduledEvent(event.kind, month, params))
        return tuple(sorted(out, key=lambda e: e.month))

    def to_scenario(self) -> Scenario:
        """The model's view of this level: start, seed, starting policy, overrides, events."""
        return Scenario(start=self.start_month, seed=self.seed, policy=self.starting_policy(),
                        overrides=dict(self.world), events=self.scheduled_events())
