"""A level becomes the model's Scenario; strategies, campaigns and objectives mean what they say."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.content import (
    ContentError,
    load_campaign,
    load_level,
    load_strategy,
)
from game.content.models.objectives import Objective
from game.paths import LEVELS
from game.sim.policy import Policy, month_index
from game.sim.registry import LEVERS

EXAMPLES = LEVELS / "examples"


def write(tmp_path: Path, text: str, name: str = "level.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_every_feature_level_becomes_a_scenario_with_absolute_months() -> None:
    level = load_level(EXAMPLES / "every-feature.yaml")
    scenario = level.to_scenario()
    assert scenario.start == month_index(2019, 6)
    assert scenario.seed == 2019
    # Dated events keep their month; turn events start at their turn's first month.
    months = {(e.kind, e.month) for e in scenario.events}
    assert ("tariff_deadline", month_index(2019, 7)) in months
    assert ("hurricane", month_index(2019, 6) + 3 * 2) in months
    assert ("policy_change", month_index(2019, 8)) in months
    # Conditional events stay with the level for the play layer.
    assert [e.kind for e in level.conditional_events()] == ["caravan"]
    assert all(e.kind != "caravan" for e in scenario.events)
    assert scenario.overrides == {"asylum_backlog_us": 900000.0, "approval_us": 43.0}


def test_starting_policy_has_the_level_levers_over_the_registry_defaults() -> None:
    policy = load_level(EXAMPLES / "every-feature.yaml").starting_policy()
    assert policy.value("US", "border_agents") == 19500
    assert dict(policy.value("US", "aid_economic")) == {"GT": 100, "HN": 80, "SV": 60}
    assert policy.value("MX", "transit_agents") == 3500
    # A lever the level leaves alone keeps the status quo.
    assert policy.value("US", "work_visas") == LEVERS["work_visas"].default["US"]
    kinds = {(a.kind, a.parties) for a in policy.agreements}
    assert ("tariff_threat", ("US", "MX")) in kinds
    assert ("visa_requirement", ("CA",)) in kinds


def test_a_returns_agreement_written_by_mexico_is_proposed_by_the_us(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        format: borderlines-level/1
        id: t
        title: T
        summary: S
        start: 2019-06
        turns: 2
        countries:
          US: {}
          MX:
            agreements: [{kind: returns_acceptance, by: MX}]
        objectives: []
        """)
    agreement = load_level(path).starting_policy().agreements[0]
    assert agreement.parties == ("US", "MX")
    assert agreement.term("monthly_cap") == 30000


def test_the_default_budget_is_the_starting_cost_plus_ten_percent() -> None:
    level = load_level(EXAMPLES / "minimal.yaml")
    per_turn = level.annual_cost("US") * level.months_per_turn / 12
    assert level.budget_for("US") == pytest.approx(per_turn * 1.1, rel=1e-3)
    assert load_level(EXAMPLES / "every-feature.yaml").budget_for("US") == 3500


def test_a_broken_level_raises_content_error_with_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        format: borderlines-level/1
        id: Bad Id
        title: T
        summary: S
        start: 2019-13
        turns: 2
        countries:
          US:
            levers: {border_agent: 1}
        """)
    with pytest.raises(ContentError) as caught:
        load_level(path)
    codes = {p.code for p in caught.value.problems}
    assert {"bad-id", "bad-date", "unknown-lever"} <= codes
    assert "level.yaml:2:5" in str(caught.value)


def test_loading_a_strategy_as_a_level_says_what_the_file_is() -> None:
    with pytest.raises(ContentError) as caught:
        load_level(EXAMPLES / "strategies" / "enforcement-only.yaml")
    assert caught.value.problems[-1].code == "format-wrong-kind"
    assert "strategy file, not a level" in caught.value.problems[-1].message


def test_a_strategy_applies_its_decisions_turn_by_turn() -> None:
    strategy = load_strategy(EXAMPLES / "strategies" / "regional-deal.yaml")
    level = load_level(EXAMPLES / "three-country-cooperation.yaml")
    policy = level.starting_policy()
    assert [d.country for d in strategy.decisions_for(1)] == ["US"]
    policy = strategy.apply(policy, 1)
    assert policy.value("US", "work_visas") == 300000
    policy = strategy.apply(policy, 2)
    assert policy.value("MX", "border_agents") == 6000
    assert any(a.kind == "returns_acceptance" and a.parties == ("US", "MX")
               and a.term("monthly_cap") == 20000 for a in policy.agreements)
    assert any(a.kind == "burden_sharing" for a in policy.agreements)
    policy = strategy.apply(policy, 6, "US")
    assert not any(a.kind == "burden_sharing" for a in policy.agreements)


def test_the_design_documents_strategy_example_loads(tmp_path: Path) -> None:
    path = write(tmp_path, """\
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
        """, "strategy.yaml")
    strategy = load_strategy(path)
    policy = strategy.apply(strategy.apply(Policy(), 1), 5)
    assert policy.value("US", "removal") == "prosecute"
    assert policy.agreements[0].parties == ("US", "MX")


def test_campaign_levels_unlock_in_order_or_by_their_rule() -> None:
    campaign = load_campaign(EXAMPLES / "example-campaign.yaml")
    assert campaign.is_unlocked(0, {})
    assert not campaign.is_unlocked(1, {})
    assert campaign.is_unlocked(1, {"minimal": 0})
    assert not campaign.is_unlocked(2, {"minimal": 0})
    assert campaign.is_unlocked(2, {"minimal": 1})
    assert campaign.is_unlocked(3, {})


def objective(**kw: object) -> Objective:
    return Objective.model_validate({"id": "o", "text": "t", "metric": "deaths_in_transit",
                                     **kw})


def test_an_absolute_objective_judges_the_judged_turns_value() -> None:
    assert objective(below=100).evaluate([150, 90]).met
    assert not objective(below=100, turn=1).evaluate([150, 90]).met


def test_a_baseline_objective_judges_the_relative_change_of_the_total() -> None:
    goal = objective(below="-10%", compare="baseline", measure="total")
    assert goal.evaluate([40, 40], baseline=[50, 50]).met  # −20%
    assert not goal.evaluate([48, 47], baseline=[50, 50]).met  # −5%
    assert goal.threshold == pytest.approx(-0.1)


def test_a_start_objective_in_points_uses_the_difference() -> None:
    goal = objective(metric="approval_us", compare="start", change="difference", above=2)
    result = goal.evaluate([40, 41, 43])
    assert result.met and result.reference == 40
    assert not goal.evaluate([40, 41, 41.5]).met


def test_a_baseline_objective_needs_the_baseline() -> None:
    with pytest.raises(ValueError):
        objective(below=0, compare="baseline").evaluate([1.0])


def test_a_condition_holds_when_the_turns_value_crosses_its_threshold() -> None:
    level = load_level(EXAMPLES / "conditional-events.yaml")
    photo = next(e for e in level.conditional_events() if e.id == "photo-after-deaths")
    assert photo.when is not None and photo.once
    assert photo.when.holds(251) and not photo.when.holds(250)
    stranded = next(e for e in level.conditional_events() if e.id == "caravan-while-stranded")
    assert stranded.once is False


def test_turns_and_months_convert_both_ways() -> None:
    level = load_level(EXAMPLES / "every-feature.yaml")  # 2019-06, 6 turns of 2 months
    assert level.turn_start(1) == month_index(2019, 6)
    assert level.turn_start(4) == month_index(2019, 12)
    assert level.turn_of_month(month_index(2019, 7)) == 1
    assert level.turn_of_month(month_index(2020, 5)) == 6
    assert level.months == 12
