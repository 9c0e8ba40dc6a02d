"""Branches: a "what if" game shares its parent's turns up to the branch point, and only those."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from game.play import saves
from game.play.record import (
    GameRecord,
    RecordError,
    TurnRecord,
    branch_chart,
    branch_from,
    family_of,
    level_hash_of,
)

LEVEL = "format: borderlines-level/1\nid: tutorial\n"


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def played(turns: int, agents: float = 20000.0, name: str = "main") -> GameRecord:
    record = GameRecord(level_id="tutorial", level_hash=level_hash_of(LEVEL), level_source=LEVEL,
                        seed=5, players={"US": "human"}, name=name, level_title="Tutorial")
    for _ in range(turns):
        play_turn(record, agents)
    return record


def play_turn(record: GameRecord, agents: float) -> None:
    n = record.turn + 1
    record.turns.append(TurnRecord(
        turn=n, decisions=[{"type": "set_lever", "country": "US", "lever": "border_agents",
                            "value": agents}],
        events=[], state_hash=f"{n}-{agents}",
        metrics={"us_border_encounters": 1000.0 - agents / 100 + n},
        baseline_metrics={"us_border_encounters": 900.0 + n}))


def test_a_branch_keeps_the_turns_up_to_the_branch_point() -> None:
    parent = played(6)
    branch = branch_from(parent, 3, label="no tariff threat")
    assert branch.turns == parent.turns[:3]
    assert branch.turn == 3
    assert branch.branch is not None
    assert branch.branch.parent_id == parent.game_id and branch.branch.branch_turn == 3
    assert branch.game_id != parent.game_id
    assert "no tariff threat" in branch.name


def test_playing_on_in_a_branch_never_touches_the_parent() -> None:
    parent = played(6)
    before = parent.to_json()
    branch = branch_from(parent, 3)
    for _ in range(3):
        play_turn(branch, agents=30000.0)
    branch.turns[0].metrics["us_border_encounters"] = -1.0  # even a stray edit stays local
    assert parent.to_json() == before


def test_a_branch_differs_only_after_the_branch_point() -> None:
    parent = played(6)
    branch = branch_from(parent, 3)
    for _ in range(3):
        play_turn(branch, agents=30000.0)
    for mine, theirs in zip(branch.turns, parent.turns, strict=True):
        same = mine.to_dict() == theirs.to_dict()
        assert same == (mine.turn <= 3)


@pytest.mark.parametrize("turn", [-1, 7])
def test_a_branch_from_an_unplayed_turn_is_refused(turn: int) -> None:
    with pytest.raises(RecordError, match="0 to 6"):
        branch_from(played(6), turn)


def test_a_branch_from_turn_0_starts_the_level_again_with_the_same_seed() -> None:
    parent = played(2)
    branch = branch_from(parent, 0)
    assert branch.turns == [] and branch.seed == parent.seed
    assert branch.level_source == parent.level_source


def test_the_family_is_the_root_then_its_branches_then_theirs() -> None:
    root = played(6)
    late = branch_from(root, 4, "late")
    early = branch_from(root, 2, "early")
    grandchild = branch_from(early, 1, "grandchild")
    stranger = played(3, name="another game")
    family = family_of(grandchild, [late, root, early, stranger])
    assert [r.name for r in family] == [root.name, early.name, late.name, grandchild.name]


def test_the_chart_has_every_branch_and_the_baseline() -> None:
    root = played(6)
    branch = branch_from(root, 3, "more agents")
    for _ in range(3):
        play_turn(branch, agents=30000.0)
    chart = branch_chart(branch, [root])
    assert [line.game_id for line in chart.lines] == [root.game_id, branch.game_id]
    main, what_if = chart.lines
    assert what_if.branch_turn == 3 and what_if.parent_id == root.game_id
    assert main.turns == what_if.turns == [1, 2, 3, 4, 5, 6]
    ours = what_if.metrics["us_border_encounters"]
    theirs = main.metrics["us_border_encounters"]
    assert ours[:3] == theirs[:3] and all(a != b for a, b in zip(ours[3:], theirs[3:], strict=True))
    assert chart.baseline is not None
    assert chart.baseline.metrics["us_border_encounters"] == [901.0 + i for i in range(6)]


def test_a_metric_missing_in_a_turn_is_a_gap_in_the_line() -> None:
    root = played(2)
    root.turns[1].metrics["approval_us"] = 55.0
    series = branch_chart(root).lines[0].metrics["approval_us"]
    assert math.isnan(series[0]) and series[1] == 55.0


def test_saved_branches_are_found_on_disk_for_the_debrief() -> None:
    root = played(5)
    saves.autosave(root)
    branch = branch_from(root, 2, "gentler")
    play_turn(branch, agents=5000.0)
    saves.autosave(branch)
    saves.save_slot(played(1, name="unrelated"), "unrelated")
    live = root.upto(5)
    chart = saves.game_branches(live)
    assert {line.game_id for line in chart.lines} == {root.game_id, branch.game_id}
    # A branch's autosaves go to their own folder, so the parent's are untouched.
    assert saves.game_folder(root) != saves.game_folder(branch)
