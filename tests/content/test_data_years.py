"""A level far from the model's data years gets a warning that says what that means."""

from __future__ import annotations

from pathlib import Path

from game.content.check import check_paths
from game.content.problems import Problem

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


def years_warnings(tmp_path: Path, start: str, turns: int) -> list[Problem]:
    path = tmp_path / "years.yaml"
    path.write_text(LEVEL.format(start=start, turns=turns), encoding="utf-8")
    return [p for p in check_paths([path]) if p.code == "date-outside-data"]


def warnings_for(tmp_path: Path, start: str, turns: int) -> list[str]:
    return [p.code for p in years_warnings(tmp_path, start, turns)]


def test_a_level_inside_the_fitted_and_tested_years_is_quiet(tmp_path: Path) -> None:
    assert "date-outside-data" not in warnings_for(tmp_path, "2016-01", 4)
    assert "date-outside-data" not in warnings_for(tmp_path, "2011-10", 8)
    # Starting in 2019 and running on a few years is the shipped classroom levels' case.
    assert "date-outside-data" not in warnings_for(tmp_path, "2019-10", 4)


def test_a_level_starting_after_2019_is_told_what_the_model_knows_and_does_not(
        tmp_path: Path) -> None:
    [warning] = years_warnings(tmp_path, "2021-07", 4)
    assert warning.severity == "warning" and warning.line == 5  # the `start:` line
    assert "fitted on FY2012–FY2016" in warning.message
    assert "September 2019" in warning.message and "to 2023" in warning.message
    assert "Title 42" in warning.message and "what-if" in warning.hint


def test_a_level_before_the_fitted_years_is_warned(tmp_path: Path) -> None:
    [warning] = years_warnings(tmp_path, "2005-01", 2)
    assert "before October 2011" in warning.message and "never compared" in warning.message


def test_a_level_running_for_decades_or_a_century_past_the_data_is_warned(
        tmp_path: Path) -> None:
    assert "date-outside-data" in warnings_for(tmp_path, "2030-01", 2)
    # 2020 for 30 years: after 2019, and to 2049, decades past the 2023 inputs.
    assert warnings_for(tmp_path, "2020-01", 30) == ["date-outside-data"] * 2
    path = tmp_path / "century.yaml"
    path.write_text(LEVEL.format(start="2030-01", turns=120), encoding="utf-8")
    [late] = [p for p in check_paths([path]) if "frozen in 2023" in p.message]
    assert "runs to 2149-12, 126 years past" in late.message and late.line == 6
    assert not any(p.is_error for p in check_paths([path]))
