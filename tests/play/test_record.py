"""A game record survives the trip to JSON and back, and bad data is named."""

from __future__ import annotations

import json
import math

import pytest

from game.play.record import BranchInfo, GameRecord, RecordError, TurnRecord, same_numbers


def a_record(turns: int = 3) -> GameRecord:
    record = GameRecord(
        level_id="tutorial",
        level_hash="ab" * 32,
        level_source="format: borderlines-level/1\nid: tutorial\n",
        seed=42,
        players={"US": "human", "MX": "ai:pragmatist"},
        name="Ms Rivera's class",
        level_title="Tutorial",
    )
    for n in range(1, turns + 1):
        record.turns.append(TurnRecord(
            turn=n,
            decisions=[{"kind": "set_lever", "country": "US", "lever": "border_agents",
                        "value": 20000 + n}],
            events=[{"kind": "caravan", "month": "2019-06"}] if n == 2 else [],
            state_hash=f"{n:064x}",
            metrics={"us_border_encounters": 1234.5 * n, "humanitarian_score": 0.1 + n / 3},
            baseline_metrics={"us_border_encounters": 1000.0 * n},
        ))
    return record


def test_a_record_round_trips_through_json_exactly() -> None:
    record = a_record()
    again = GameRecord.from_json(record.to_json())
    assert again == record
    assert again.to_json() == record.to_json()


def test_a_branch_round_trips_too() -> None:
    record = a_record()
    record.branch = BranchInfo(parent_id="parent123456", branch_turn=2, parent_name="main")
    assert GameRecord.from_json(record.to_json()).branch == record.branch


def test_the_json_is_readable_text_with_the_level_embedded() -> None:
    text = a_record().to_json()
    assert "\n" in text
    assert json.loads(text)["level_source"].startswith("format: borderlines-level/1")


def test_upto_keeps_only_the_early_turns() -> None:
    record = a_record(5)
    assert [t.turn for t in record.upto(2).turns] == [1, 2]
    assert record.upto(2).turn == 2
    assert record.turn == 5


def test_turns_out_of_order_are_rejected_with_the_turn_named() -> None:
    data = a_record().to_dict()
    data["turns"][1]["turn"] = 7
    with pytest.raises(RecordError, match="turns\\[1\\]"):
        GameRecord.from_dict(data)


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda d: d.pop("seed"), "seed"),
        (lambda d: d.__setitem__("seed", "forty-two"), "seed"),
        (lambda d: d["turns"][0]["metrics"].__setitem__("approval_us", "high"), "approval_us"),
        (lambda d: d["turns"][0].pop("state_hash"), "state_hash"),
        (lambda d: d.__setitem__("players", ["US"]), "players"),
        (lambda d: d.__setitem__("turns", {}), "turns"),
    ],
)
def test_bad_values_raise_a_record_error_naming_the_field(edit, needle: str) -> None:
    data = a_record().to_dict()
    edit(data)
    with pytest.raises(RecordError, match=needle):
        GameRecord.from_dict(data)


def test_non_json_text_is_a_record_error() -> None:
    with pytest.raises(RecordError, match="JSON"):
        GameRecord.from_json("{not json")


def test_a_metric_the_model_could_not_compute_survives_as_nan() -> None:
    record = a_record()
    record.turns[0].metrics["asylum_wait_months_ca"] = float("nan")
    record.turns[0].metrics["approval_us"] = float("inf")
    text = record.to_json()
    assert "NaN" not in text and "Infinity" not in text
    again = GameRecord.from_json(text).turns[0].metrics
    assert math.isnan(again["asylum_wait_months_ca"]) and math.isnan(again["approval_us"])


@pytest.mark.parametrize(("replayed", "same"), [
    ({"a": 1000.0, "b": 0.0, "c": float("nan")}, True),
    ({"a": 1000.0 * (1 + 4e-13), "b": 1e-12, "c": float("nan")}, True),  # another processor
    ({"a": 1000.01, "b": 0.0, "c": float("nan")}, False),  # a changed model
    ({"a": 1000.0, "b": 0.0, "c": 0.0}, False),
    ({"a": 1000.0, "b": 0.0}, False),  # a metric gone
])
def test_same_numbers_forgives_the_last_bits_and_nothing_more(replayed, same) -> None:
    saved = {"a": 1000.0, "b": 0.0, "c": float("nan")}
    assert same_numbers(saved, replayed) is same
