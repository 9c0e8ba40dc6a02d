"""What a session needs to know about a level, read once from the content model.

The content package owns the level format (``game.content``); this small view gathers the facts
the rules use — players, budgets, events with their timing, objectives, texts in the current
language — so the session reads one stable shape.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import language, t
from game.play.stories import Epilogue, Story, choose_story, level_story
from game.sim.initial import ENCOUNTERS_OVERRIDE
from game.sim.policy import Policy, ScheduledEvent, check_lever

if TYPE_CHECKING:
    from game.content import Level
    from game.content.events.base import Condition
    from game.content.models.objectives import Objective

#: World-override names a level may use to state the monthly encounters before it starts.


def text_of(value: Any) -> str:
    """A level text in the current language (English, else any, when not translated)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return str(value.get(language()) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


@dataclass(frozen=True)
class LevelEvent:
    """A level event: when it happens (a month — turn events too — or a condition), its headline."""

    key: str
    kind: str
    month: int | None
    condition: Condition | None
    once: bool
    headline: str
    params: Mapping[str, Any]
    #: A news event's article under its headline (in the current language), else empty.
    body: str = ""

    def scheduled(self, month: int) -> ScheduledEvent:
        """The model event, at ``month``.

        A news event carries its headline and article, so that the record and ``simulate``
        tell them too (the model ignores them).
        """
        params = dict(self.params)
        if self.kind == "news":
            params["headline"] = self.headline
        if self.body:
            params["body"] = self.body
        if self.kind == "policy_change":
            params["value"] = check_lever(params["country"], params["lever"], params["value"])
        return ScheduledEvent(self.kind, month, params)


class LevelView:
    """The rules' reading of a :class:`~game.content.Level`."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.id: str = level.id
        self.title = text_of(level.title)
        self.seed: int = level.seed
        self.turns: int = level.turns
        self.months_per_turn: int = level.months_per_turn
        self.countries: tuple[str, ...] = tuple(level.country_setups())
        events = []
        for i, event in enumerate(level.events):
            events.append(LevelEvent(
                key=event.id or f"event-{i + 1}", kind=event.kind,
                month=level.event_month(event), condition=event.when, once=event.once,
                headline=text_of(event.news), params=event.params(),
                body=text_of(getattr(event, "body", None)),
            ))
        self.events: tuple[LevelEvent, ...] = tuple(events)
        #: The level's own story cards, in its order, with their pictures' files.
        self.stories: tuple[Story, ...] = tuple(
            Story(f"level:{card.id or i + 1}", card.outcome or "", text_of(card.title),
                  text_of(card.text), text_of(card.source), "2000-01",
                  self.image(card.image), card.turn)
            for i, card in enumerate(level.stories))
        self.objectives: tuple[Objective, ...] = tuple(level.objectives)
        #: Every objective with its team: None for open ones, a country for hidden ones.
        self.all_objectives: tuple[tuple[str | None, Objective], ...] = tuple(
            level.all_objectives())

    @staticmethod
    def parse(source: str) -> Level:
        """A level from its file text (as embedded in a game record)."""
        from game.content.check import check_document
        from game.content.problems import ContentError
        from game.content.yamlsrc import parse_text

        doc, problems = parse_text(source, "saved level")
        if doc is None:
            raise ContentError(problems)
        level, problems = check_document(doc, expect="level")
        if level is None:
            raise ContentError(problems)
        return level  # type: ignore[no-any-return]

    def scenario(self) -> Any:
        """The model scenario of the level."""
        return self.level.to_scenario()

    def default_player(self, country: str) -> str:
        """``human`` for playable countries, else ``ai:<personality>``."""
        setup = self.level.country_setups()[country]
        return "human" if setup.playable else f"ai:{setup.ai}"

    def personality(self, country: str) -> str:
        """The AI personality the level gives ``country``."""
        return str(self.level.ai_personality(country))

    def budget(self, country: str, policy: Policy) -> float:
        """Budget per turn in US$ million."""
        del policy  # the level computes it from its own starting levers
        return float(self.level.budget_for(country))

    def image(self, name: str | None) -> str:
        """The file of a level's picture, or empty when the level's folder or the file is unknown.

        The checker has made sure the name stays in the level's folder; a level read from a
        saved game's text has no folder, and its cards are told without pictures.
        """
        folder = self.level.folder
        if not name or folder is None:
            return ""
        full = (folder / name).resolve()
        return str(full) if full.is_relative_to(folder.resolve()) and full.is_file() else ""

    def story(self, turn: int, outcome: str, told: Collection[str],
              month: int) -> Story | None:
        """The turn's story: the level's own card if one fits, else a built-in one (if allowed)."""
        card = level_story(self.stories, turn, outcome, told)
        if card is not None or not self.level.built_in_stories:
            return card
        return choose_story(outcome, told, month)

    def epilogue(self) -> Epilogue | None:
        """What really happened, for the debrief, in the current language (None if not given)."""
        e = self.level.epilogue
        if e is None:
            return None
        return Epilogue(text_of(e.title) or t("What really happened"), text_of(e.text),
                        text_of(e.source), self.image(e.image))

    def reference_encounters(self) -> float:
        """Monthly US border encounters stated by the level before it starts (0 if none)."""
        return float(dict(self.level.world).get(ENCOUNTERS_OVERRIDE, 0.0))

    def text(self, value: Any) -> str:
        """A level text in the current language."""
        return text_of(value)

    def questions(self) -> tuple[str, ...]:
        """Discussion questions for the debrief."""
        return tuple(text_of(q) for q in self.level.questions)

    def sources(self) -> tuple[str, ...]:
        """Sources, one line each: title, publisher, year, address."""
        out = []
        for s in self.level.sources:
            parts = [text_of(s.title)]
            if s.publisher:
                parts.append(s.publisher)
            if s.year:
                parts.append(str(s.year))
            line = ", ".join(parts)
            if s.url:
                line += f" — {s.url}"
            out.append(line)
        return tuple(out)

    def briefing(self, country: str | None = None) -> str:
        """The briefing for everyone, followed by ``country``'s own."""
        brief = self.level.briefing
        if brief is None:
            return text_of(self.level.summary)
        parts = [text_of(brief.general)]
        if country:
            parts.append(text_of(getattr(brief, country, None)))
        return "\n\n".join(p for p in parts if p)

    @staticmethod
    def stars_to_win(max_stars: int) -> int:
        """Stars needed to win: half of those offered, rounded up (0 when there are none)."""
        return math.ceil(max_stars / 2)

    def source(self) -> str:
        """The level as text when no file text was given (JSON is valid YAML)."""
        data = self.level.model_dump(mode="json", by_alias=True, exclude_none=True)
        return json.dumps(data, indent=1, ensure_ascii=False)
