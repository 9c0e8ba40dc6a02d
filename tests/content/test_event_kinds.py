"""Event kinds in one table: the registry, the content classes, the news and the model agree."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.events import EVENT_CLASSES
from game.play.news import event_news
from game.sim import Levers, Noise, default_params, initial_world, run_turn
from game.sim.policy import Agreement, Policy, Scenario, ScheduledEvent, month_index
from game.sim.registry import EVENT_NEWS, EVENTS

START = month_index(2019, 3)
SEED = 5
#: Kinds the session applies itself rather than the monthly step: a government's own change of
#: a lever becomes that lever's new value (``Scenario``), which the step then runs.
APPLIED_BY_THE_SESSION = {"policy_change"}


def defaults(kind: str) -> dict[str, object]:
    return {p.name: p.default for p in EVENTS[kind].params if p.default is not None}


def outcome(events: list[ScheduledEvent]) -> dict[str, float]:
    params = default_params()
    world = initial_world(Scenario(start=START, seed=SEED), 1, params)
    # A threat in force, so a tariff deadline has something to decide.
    threat = Agreement("tariff_threat", ("US", "MX"), {"deadline_months": 12})
    _, out = run_turn(world, Levers.from_policies([Policy().with_agreement(threat)]), params,
                      Noise.shared(SEED), 4, events)
    return {k: float(np.asarray(v).reshape(-1)[0]) for k, v in out.metrics.items()}


def test_every_event_kind_has_a_content_class_and_a_headline() -> None:
    assert set(EVENTS) == set(EVENT_CLASSES) == set(EVENT_NEWS)


@pytest.mark.parametrize("kind", sorted(EVENTS))
def test_every_event_kinds_headline_fills_in_from_its_parameters(kind: str) -> None:
    news = event_news({"kind": kind, "params": defaults(kind)})
    assert "{" not in news.text and news.text != kind.replace("_", " ").capitalize()


#: A court blocks a policy only where it is in force: tests/content/test_court_rulings.py runs
#: each blockable value under a policy that uses it.
NEEDS_ITS_POLICY = {"court_ruling"}


#: Kinds that only tell: a teacher's story beat puts a headline in the news and nothing else.
NEWS_ONLY = {"news"}


@pytest.mark.parametrize("kind", sorted(set(EVENTS) - APPLIED_BY_THE_SESSION - NEEDS_ITS_POLICY
                                        - NEWS_ONLY))
def test_every_event_kind_changes_something_in_the_model(kind: str) -> None:
    event = ScheduledEvent(kind, START, defaults(kind))
    quiet, eventful = outcome([]), outcome([event])
    moved = [m for m in quiet if not np.isclose(quiet[m], eventful[m], rtol=1e-6, atol=1e-6)]
    assert moved, f"an event {kind} with its default parameters changes nothing in the model"


def test_a_news_event_changes_nothing_in_the_model_to_the_last_bit() -> None:
    quiet = outcome([])
    told = outcome([ScheduledEvent("news", START, {"body": "Shelters are full."})])
    assert told == quiet
