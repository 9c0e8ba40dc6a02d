"""A level's ``tutorial:`` block: the checker explains every mistake in the author's words."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.content import check_paths, format_problem, load_level
from game.paths import LEVELS

LEVEL = """\
format: borderlines-level/1
id: my-tutorial
title: My tutorial
summary: A level with a coach.
start: 2018-10
turns: 3
countries:
  US: {}
  MX: {playable: false}
objectives:
  - id: fewer-deaths
    text: Fewer deaths
    metric: deaths_in_transit
    below: 100000
"""


def problems(tmp_path: Path, tutorial: str) -> list[str]:
    path = tmp_path / "my-tutorial.yaml"
    path.write_text(LEVEL + textwrap.dedent(tutorial), encoding="utf-8")
    return [format_problem(p).replace(str(path), "my-tutorial.yaml")
            for p in check_paths([path])]


def test_the_shipped_tutorial_has_steps_and_a_hint_for_each_later_turn() -> None:
    level = load_level(LEVELS / "campaign" / "tutorial.yaml")
    assert level.tutorial is not None
    kinds = [s.do for s in level.tutorial.steps]
    assert kinds[0] == "read" and kinds[-1] == "end_turn"
    assert {"open_tab", "change_lever", "look_at", "open_glossary"} <= set(kinds)
    assert [h.turn for h in level.tutorial.hints] == list(range(2, level.turns + 1))


def test_a_good_tutorial_passes(tmp_path: Path) -> None:
    assert problems(tmp_path, """\
        tutorial:
          steps:
            - do: open_tab
              tab: asylum
            - do: change_lever
              lever: asylum_officers
            - do: end_turn
          hints:
            - {turn: 2, text: Look at the wait., place: forecast}
        """) == []


def test_misspelt_names_get_a_did_you_mean(tmp_path: Path) -> None:
    found = "\n".join(problems(tmp_path, """\
        tutorial:
          steps:
            - do: open_tabs
            - do: open_tab
              tab: asylm
            - do: change_lever
              lever: asylum_officer
        """))
    assert "unknown tutorial step `open_tabs`" in found and "`open_tab`" in found
    assert "unknown tab `asylm`" in found and "did you mean `asylum`?" in found
    assert "unknown lever `asylum_officer`" in found and "`asylum_officers`" in found


def test_a_step_without_what_it_needs_says_what_to_add(tmp_path: Path) -> None:
    found = "\n".join(problems(tmp_path, """\
        tutorial:
          steps:
            - do: change_lever
            - do: look_at
              place: end_turn
            - do: read
        """))
    assert "a `change_lever` step needs `lever`" in found and "add `lever: rescue`" in found
    assert "cannot tell when `end_turn` was looked at" in found
    assert "a `read` step needs `text`" in found


def test_levers_no_player_has_and_hints_outside_the_level_are_errors(tmp_path: Path) -> None:
    found = problems(tmp_path, """\
        tutorial:
          steps:
            - do: change_lever
              lever: transit_agents
          hints:
            - {turn: 2, text: One}
            - {turn: 2, text: Two}
            - {turn: 7, text: Late}
        """)
    text = "\n".join(found)
    assert "no player of this level has the lever `transit_agents`" in text
    assert "a second hint for turn 2" in text
    assert "turn 7 is after the level's last turn (3)" in text
    assert all(line.startswith("my-tutorial.yaml:") for line in found if "error" in line)
