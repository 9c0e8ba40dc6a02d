"""A level far from the model's data years gets a warning that says what that means."""

from __future__ import annotations

from pathlib import Path

from game.content.check import check_paths

LEVEL = """format: borderlines-level/1
id: years
title: Years
summary: A test.
start: {start}
turns: {turns}
months_per_turn: 12
seed: 1
countries:
  US: {{}}
objectives:
  - id: x
    text: Fewer deaths
    metric: deaths_in_transit
    below: 100
"""


def warnings_for(tmp_path: Path, start: str, turns: int) -> list[str]:
    path = tmp_path / "years.yaml"
    path.write_text(LEVEL.format(start=start, turns=turns), encoding="utf-8")
    return [p.code for p in check_paths([path]) if not p.is_error]


def test_a_level_inside_the_data_years_or_just_past_them_is_quiet(tmp_path: Path) -> None:
    assert "date-outside-data" not in warnings_for(tmp_path, "2016-01", 4)
    assert "date-outside-data" not in warnings_for(tmp_path, "2021-07", 4)


def test_a_level_after_the_data_or_running_for_decades_past_it_is_warned(tmp_path: Path) -> None:
    assert "date-outside-data" in warnings_for(tmp_path, "2030-01", 2)
    assert "date-outside-data" in warnings_for(tmp_path, "2020-01", 30)
