"""Conditions say more (all/any, relative, windows); objectives judge agreements and shares."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from game.content import ContentError, check_paths, load_level
from game.content.models.conditions import Condition, Moment
from game.content.models.objectives import Objective
from game.paths import LEVELS

EXAMPLE = LEVELS / "examples" / "deals-that-come-and-go.yaml"


def cond(data: dict[str, Any]) -> Condition:
    return Condition.model_validate(data)


def at(turn: int = 2, metrics: dict[str, float] | None = None,
       start: dict[str, float] | None = None, baseline: dict[str, float] | None = None,
       first_month: int = 2019 * 12 + 5) -> Moment:
    return Moment(turn, first_month, first_month + 2, metrics or {}, start or {},
                  baseline or {})


def test_a_single_threshold_reads_as_before() -> None:
    c = cond({"metric": "deaths_in_transit", "above": 150})
    assert c.holds(151) and not c.holds(150)
    assert c.check(at(metrics={"deaths_in_transit": 151}))
    assert not c.check(at(metrics={"deaths_in_transit": 140}))
    assert not c.check(at(metrics={}))  # a metric the turn did not report never holds


def test_all_and_any_nest() -> None:
    c = cond({"any": [{"metric": "deaths_in_transit", "above": 400},
                      {"all": [{"metric": "approval_us", "below": 40},
                               {"metric": "asylum_backlog_us", "above": 1e6}]}]})
    assert c.metrics() == {"deaths_in_transit", "approval_us", "asylum_backlog_us"}
    assert c.check(at(metrics={"deaths_in_transit": 500, "approval_us": 50,
                               "asylum_backlog_us": 0}))
    assert c.check(at(metrics={"deaths_in_transit": 0, "approval_us": 39,
                               "asylum_backlog_us": 2e6}))
    assert not c.check(at(metrics={"deaths_in_transit": 0, "approval_us": 39,
                                   "asylum_backlog_us": 5e5}))


def test_thresholds_relative_to_the_start_and_the_status_quo() -> None:
    rise = cond({"metric": "us_border_encounters", "compare": "start", "above": "20%"})
    assert rise.above == pytest.approx(0.2)
    assert rise.check(at(metrics={"us_border_encounters": 121}, start={"us_border_encounters":
                                                                        100}))
    assert not rise.check(at(metrics={"us_border_encounters": 119},
                             start={"us_border_encounters": 100}))
    drop = cond({"metric": "approval_us", "compare": "baseline", "change": "difference",
                 "below": -3})
    assert drop.check(at(metrics={"approval_us": 40}, baseline={"approval_us": 44}))
    assert not drop.check(at(metrics={"approval_us": 42}, baseline={"approval_us": 44}))


def test_windows_of_turns_and_months() -> None:
    c = cond({"metric": "approval_us", "below": 40, "from_turn": 2, "until_turn": 3})
    low = {"approval_us": 30}
    assert [c.check(at(turn, low)) for turn in (1, 2, 3, 4)] == [False, True, True, False]
    dated = cond({"all": [{"metric": "approval_us", "below": 40}], "from": "2019-09",
                  "until": "2019-12"})
    june, sept, jan = 2019 * 12 + 5, 2019 * 12 + 8, 2020 * 12
    assert not dated.check(at(metrics=low, first_month=june))  # June–August ends before
    assert dated.check(at(metrics=low, first_month=sept))
    assert not dated.check(at(metrics=low, first_month=jan))


@pytest.mark.parametrize(("data", "phrase"), [
    ({"metric": "approval_us"}, "exactly one of `above` or `below`"),
    ({"metric": "approval_us", "above": 1, "all": [{"metric": "approval_us", "above": 1}]},
     "both `metric` and `all`"),
    ({"any": []}, "lists no conditions"),
    ({"all": [{"metric": "approval_us", "above": 1}], "compare": "start"}, "`compare`"),
    ({"metric": "approval_us", "above": 1, "from_turn": 4, "until_turn": 2}, "comes after"),
])
def test_a_malformed_condition_says_what_to_write(data: dict[str, Any], phrase: str) -> None:
    with pytest.raises(ValueError, match="condition") as caught:
        cond(data)
    assert phrase in str(caught.value)


def test_a_share_objective_judges_the_part_of_the_whole() -> None:
    o = Objective.model_validate({"id": "f", "text": "t", "metric": "family_unit_members_us",
                                  "share_of": "us_border_encounters", "below": "40%"})
    result = o.evaluate([30, 50], [0, 0], of=[100, 200])
    assert result.value == pytest.approx(0.25) and result.met
    total = Objective.model_validate({"id": "m", "text": "t", "metric": "asylum_claims_mx",
                                      "share_of": ["asylum_claims_us", "asylum_claims_mx"],
                                      "measure": "total", "above": "20%"})
    assert total.whole() == ["asylum_claims_us", "asylum_claims_mx"]
    assert total.evaluate([10, 40], of=[100, 150]).value == pytest.approx(0.2)
    rise = Objective.model_validate({"id": "r", "text": "t", "metric": "asylum_claims_mx",
                                     "share_of": "asylum_claims_us", "compare": "start",
                                     "change": "difference", "above": 0.05})
    judged = rise.evaluate([10, 30], of=[100, 200])
    assert judged.reference == pytest.approx(0.1) and judged.judged == pytest.approx(0.05)


def test_an_agreement_objective_judges_the_judged_turn() -> None:
    keep = Objective.model_validate({"id": "k", "text": "t", "agreement": "returns_acceptance",
                                     "between": ["US", "MX"]})
    assert keep.judge_agreement([False, True, True]).met
    assert not keep.judge_agreement([True, True, False]).met
    avoid = Objective.model_validate({"id": "a", "text": "t", "agreement": "safe_third_country",
                                      "in_force": False, "turn": 2})
    assert avoid.judge_agreement([False, False, True]).met
    assert not avoid.judge_agreement([False, True, False]).met


@pytest.mark.parametrize(("data", "phrase"), [
    ({"agreement": "returns_acceptance", "metric": "approval_us", "above": 1}, "exactly one"),
    ({"agreement": "returns_acceptance", "compare": "start"}, "`compare` has no meaning"),
    ({"metric": "approval_us", "above": 1, "in_force": True}, "go with `agreement`"),
    ({"metric": "approval_us", "share_of": "approval_us", "above": 0.5}, "share of itself"),
    ({"agreement": "return_acceptance"}, "unknown agreement"),
])
def test_a_malformed_objective_says_what_to_write(data: dict[str, Any], phrase: str) -> None:
    with pytest.raises(ValueError) as caught:
        Objective.model_validate({"id": "x", "text": "t", **data})
    assert phrase in str(caught.value)


def test_the_example_level_is_clean_and_declares_timed_agreements() -> None:
    assert check_paths([EXAMPLE]) == []
    level = load_level(EXAMPLE)
    us = level.country_setups()["US"]
    timed = {a.kind: (a.starts, a.ends) for a in us.agreements}
    assert timed["returns_acceptance"][0] is not None
    assert timed["returns_acceptance"][0].turn == 3
    assert timed["remain_in_mexico"][1] is not None
    # Only what is in force at the start is in the starting policy.
    kinds = {a.kind for a in level.starting_policy().agreements}
    assert kinds == {"remain_in_mexico"}


def test_existing_levels_keep_their_single_threshold_conditions() -> None:
    level = load_level(LEVELS / "examples" / "conditional-events.yaml")
    photo = next(e for e in level.conditional_events() if e.id == "photo-after-deaths")
    assert photo.when is not None and photo.when.metric == "deaths_in_transit"
    assert photo.when.check(at(metrics={"deaths_in_transit": 251}))


def test_a_timed_agreement_beyond_the_level_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "level.yaml"
    path.write_text(textwrap.dedent("""\
        format: borderlines-level/1
        id: late
        title: T
        summary: S
        start: 2019-06
        turns: 4
        countries:
          US:
            agreements:
              - kind: returns_acceptance
                with: MX
                starts: {turn: 9}
          MX: {playable: false}
        objectives:
          - {id: o, text: t, metric: approval_us, above: 40}
        """), encoding="utf-8")
    problems = check_paths([path])
    late = [p for p in problems if p.code == "turn-outside-level"]
    assert late and late[0].line == 12 and "beyond the level's 4 turns" in late[0].message
    with pytest.raises(ContentError):
        load_level(path)


def test_the_every_feature_example_shows_the_new_parts_too() -> None:
    text = (LEVELS / "examples" / "every-feature.yaml").read_text(encoding="utf-8")
    for field in ("starts:", "ends:", "any:", "from_turn:", "share_of:", "agreement:",
                  "between:"):
        assert field in text, field
    level = load_level(LEVELS / "examples" / "every-feature.yaml")
    caravan = level.conditional_events()[0]
    assert caravan.when is not None and caravan.when.any_ is not None
