"""Explanations split a turn's change into causes that add up, using counterfactual worlds."""

from __future__ import annotations

import pytest

from game.sim import Simulation
from game.sim.explain import Change, explain
from game.sim.policy import Agreement, Policy, Scenario, month_index

SCENARIO = Scenario(start=month_index(2019, 3), seed=7)


def played_turn() -> tuple[Simulation, Policy, Policy, list[Change], dict[str, float]]:
    sim = Simulation(SCENARIO)
    first = sim.advance(SCENARIO.policy, 3)
    before = SCENARIO.policy
    after = before.with_lever("US", "border_agents", 30_000).with_lever(
        "MX", "border_agents", 6_000)
    changes = [
        Change("US border agents", "US",
               after.with_lever("US", "border_agents", before.value("US", "border_agents"))),
        Change("Mexico border agents", "MX",
               after.with_lever("MX", "border_agents", before.value("MX", "border_agents"))),
    ]
    previous = {k: float(v[0]) for k, v in first.metrics.items()}
    return sim, before, after, changes, previous


def test_the_parts_add_up_to_the_change_and_the_real_world_is_the_game() -> None:
    sim, before, after, changes, previous = played_turn()
    ex = explain(sim, before, after, changes, 3, previous_values=previous)
    result = sim.advance(after, 3)
    for name, item in ex.metrics.items():
        assert item.value == pytest.approx(float(result.metrics[name][0]), rel=1e-9, abs=1e-9)
        assert item.change is not None
        total = sum(c.amount for c in item.contributions)
        assert total == pytest.approx(item.change, rel=1e-9, abs=1e-6)


def test_a_decision_effect_is_the_difference_with_that_decision_undone() -> None:
    sim, before, after, changes, previous = played_turn()
    ex = explain(sim, before, after, changes, 3, previous_values=previous)
    without_mx = sim.copy().advance(changes[1].undone, 3)
    real = sim.copy().advance(after, 3)
    effect = next(c.amount for c in ex["us_border_encounters"].contributions
                  if c.label == "Mexico border agents")
    expected = float(real.metrics["us_border_encounters"][0]
                     - without_mx.metrics["us_border_encounters"][0])
    assert effect == pytest.approx(expected, rel=1e-9, abs=1e-6)
    # Mexico's southern-border agents reduce what reaches the US border.
    assert effect < 0


def test_explaining_does_not_advance_the_game() -> None:
    sim, before, after, changes, previous = played_turn()
    month, digest = sim.month, sim.state_hash()
    explain(sim, before, after, changes, 3, previous_values=previous)
    assert (sim.month, sim.state_hash()) == (month, digest)


def test_the_first_turn_names_decisions_but_no_change() -> None:
    sim = Simulation(SCENARIO)
    after = SCENARIO.policy.with_lever("US", "asylum_officers", 3_000)
    ex = explain(sim, SCENARIO.policy, after,
                 [Change("More asylum officers", "US", SCENARIO.policy)], 3)
    item = ex["asylum_wait_months_us"]
    assert item.change is None
    assert {c.kind for c in item.contributions} == {"decision", "events"}


def test_each_event_of_the_turn_is_its_own_cause_and_the_parts_still_add_up() -> None:
    from game.sim.policy import ScheduledEvent

    sim, before, after, changes, previous = played_turn()
    caravan = ScheduledEvent("caravan", sim.month + 1, {"origin": "HN", "size": 15_000})
    photo = ScheduledEvent("media_photo", sim.month, {"country": "US", "intensity": 0.9})
    later = ScheduledEvent("caravan", sim.month + 9, {"origin": "GT", "size": 5_000})
    ex = explain(sim, before, after, changes, 3, [caravan, photo, later],
                 previous_values=previous, event_labels=["A caravan", "A photo", "Later"])
    item = ex["us_border_encounters"]
    labels = [c.label for c in item.contributions if c.kind == "event"]
    assert labels == ["A caravan", "A photo"], "an event after the turn is not a cause yet"
    caravan_effect = next(c.amount for c in item.contributions if c.label == "A caravan")
    assert caravan_effect > 0  # a visible group reaches the border within the turn
    assert sum(c.amount for c in item.contributions) == pytest.approx(item.change, abs=1e-6)
    only = explain(sim, before, after, changes, 3, [caravan], previous_values=previous)
    kinds = [c.kind for c in only["us_border_encounters"].contributions]
    assert "event" in kinds and "events" not in kinds  # one event: its own row is the whole


def test_an_earlier_decision_still_taking_effect_is_named_with_what_it_adds_this_turn() -> None:
    # Adjudicators hired in the first turn decide cases only after training: their effect on
    # the wait grows turn by turn, and the explanation names it instead of "trends".
    sim = Simulation(SCENARIO)
    before = SCENARIO.policy
    hired = before.with_lever("US", "asylum_officers", 2_000)
    undo = Change("US asylum officers", "US", before)
    first = explain(sim, before, hired, [undo], 3, previous_values=None,
                    earlier=[("hire", undo)])
    assert first.earlier_effects is not None
    effect_then = first.earlier_effects["hire"]["asylum_wait_months_us"]
    result = sim.advance(hired, 3)
    previous = {k: float(v[0]) for k, v in result.metrics.items()}
    second = explain(sim, hired, hired, [], 3, previous_values=previous,
                     earlier=[("hire", undo)], effects_last=first.earlier_effects)
    item = second["asylum_wait_months_us"]
    row = next(c for c in item.contributions if c.kind == "earlier")
    assert row.label == "US asylum officers" and row.country == "US"
    assert second.earlier_effects is not None
    effect_now = second.earlier_effects["hire"]["asylum_wait_months_us"]
    assert effect_now < effect_then <= 0.0  # the wait falls more as the hires start deciding
    assert row.amount == pytest.approx(effect_now - effect_then)
    assert sum(c.amount for c in item.contributions) == pytest.approx(item.change, abs=1e-6)


def test_an_epidemics_borders_are_named_every_turn_they_stay_shut_and_when_they_reopen() -> None:
    from game.sim.policy import ScheduledEvent

    sim = Simulation(SCENARIO)
    policy = SCENARIO.policy
    epidemic = ScheduledEvent("epidemic", sim.month, {"severity": 1.0, "months": 6})
    ex = explain(sim, policy, policy, [], 2, [epidemic], event_labels=["An epidemic"])
    first = sim.advance(policy, 2, [epidemic])
    assert any(c.label == "An epidemic" for c in ex["us_border_encounters"].contributions)
    previous = {k: float(v[0]) for k, v in first.metrics.items()}
    effects = ex.earlier_effects
    rows = []
    for _ in range(4):  # kept shut, reopening, those who waited, and fading
        ex = explain(sim, policy, policy, [], 2, previous_values=previous, effects_last=effects)
        item = ex["us_border_encounters"]
        assert sum(c.amount for c in item.contributions) == pytest.approx(item.change, abs=1e-6)
        rows.append([(c.kind, c.amount) for c in item.contributions
                     if c.kind in ("closure", "reopening", "pent_up")])
        effects = ex.earlier_effects
        result = sim.advance(policy, 2)
        previous = {k: float(v[0]) for k, v in result.metrics.items()}
    # Kept shut: fewer reach the border; reopening and after: more, as those who waited leave.
    assert [kind for kind, _ in rows[0]] == ["closure"] and rows[0][0][1] < 0
    assert [kind for kind, _ in rows[1]] == ["reopening"] and rows[1][0][1] > 0
    assert [kind for kind, _ in rows[2]] == ["pent_up"] and [kind for kind, _ in rows[3]] == [
        "pent_up"]


def test_nt_approval_says_what_voters_reacted_to_from_the_second_turn() -> None:
    from game.sim.explain import APPROVAL_DRIVERS
    from game.sim.mechanisms.opinion_nt import DRIVERS

    assert tuple(APPROVAL_DRIVERS) == DRIVERS
    sim = Simulation(SCENARIO)
    policy = SCENARIO.policy
    metrics = ("approval_hn", "us_border_encounters")
    first = explain(sim, policy, policy, [], 3, metrics=metrics)
    assert first["approval_hn"].drivers == () and first["us_border_encounters"].drivers == ()
    previous = {k: float(v[0]) for k, v in sim.advance(policy, 3).metrics.items()}
    deal = policy.with_agreement(Agreement("safe_third_country", ("US", "HN")))
    change = Change("US–Honduras deal", "HN", policy)
    second = explain(sim, policy, deal, [change], 3, previous_values=previous,
                     previous_season=first.season_levels, metrics=metrics)
    drivers = {c.label: c.amount for c in second["approval_hn"].drivers}
    assert set(drivers) == set(APPROVAL_DRIVERS.values())
    assert drivers["Safe-third-country deal"] < 0  # the deal now costs approval
    hn = second["approval_hn"]
    assert next(c.amount for c in hn.contributions if c.label == "US–Honduras deal") < 0
    assert sum(c.amount for c in hn.contributions) == pytest.approx(hn.change, abs=1e-6)
