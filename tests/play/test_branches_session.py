"""Branches of real games: rewinding and deciding differently changes only what follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.paths import LEVELS
from game.play import saves
from game.play.record import branch_chart, branch_from
from game.play.session import Session

SHIPPED = sorted(p for p in [*LEVELS.glob("campaign/*.yaml"), *LEVELS.glob("classroom/*.yaml")]
                 if re.search(r"^format:\s*borderlines-level/", p.read_text(encoding="utf-8"),
                              re.MULTILINE))

@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def new_game(turns: int):
    from game.content import load_level
    from game.play.levelview import LevelView

    path = SHIPPED[0]
    level = load_level(path)
    view = LevelView(level)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    session = Session(level, players=players, source=path.read_text(encoding="utf-8"))
    for _ in range(min(turns, session.turns)):
        session.play_turn()
    return session


def decide_differently(session) -> None:
    """Submit one legal change the parent game never made (a lever moved well away)."""
    from game.play.decisions import DecisionRejected, SetLever
    from game.sim.registry import LEVERS

    policy = session.table.policy
    for country in session.roles:
        for lever, spec in LEVERS.items():
            if country not in spec.countries or spec.kind == "choice":
                continue
            try:
                current = float(policy.value(country, lever))
            except (KeyError, TypeError, ValueError):
                continue
            for target in (spec.low, (spec.low + current) / 2, spec.high):
                if target == current:
                    continue
                try:
                    session.submit(SetLever(country, lever, target), scripted=True)
                except DecisionRejected:
                    continue
                return
    raise AssertionError("no lever can be changed in the first shipped level")


def test_a_branch_changes_only_what_follows_the_branch_point() -> None:
    parent = new_game(turns=4)
    if parent.record.turn < 3:
        pytest.skip("the first shipped level is too short to branch")
    branch_record = branch_from(parent.record, 2, label="what if")
    branch = Session.from_record(branch_record)
    assert branch.state_hash() == parent.record.turns[1].state_hash
    branch.ai_enabled = False  # only our different decision differs, not the AI's reaction
    decide_differently(branch)
    branch.play_turn()
    ours, theirs = branch.record.turns, parent.record.turns
    assert [t.state_hash for t in ours[:2]] == [t.state_hash for t in theirs[:2]]
    assert [t.metrics for t in ours[:2]] == [t.metrics for t in theirs[:2]]
    assert ours[2].state_hash != theirs[2].state_hash
    # The status-quo baseline is the same world in both: same seed, no one's decisions.
    assert ours[2].baseline_metrics == theirs[2].baseline_metrics
    assert branch.record.branch is not None and branch.record.branch.branch_turn == 2


def test_the_debrief_chart_holds_both_paths_and_the_baseline() -> None:
    parent = new_game(turns=3)
    saves.autosave(parent.record)
    parent_files = sorted(saves.game_folder(parent.record).iterdir())
    branch = saves.branch_session(parent.record, 1, label="what if")
    branch.ai_enabled = False
    decide_differently(branch)
    branch.play_turn()  # autosaved by the hook branch_session installed
    assert saves.find_autosave().save.record.game_id == branch.record.game_id
    assert sorted(saves.game_folder(parent.record).iterdir()) == parent_files
    chart = saves.game_branches(branch.record)
    assert len(chart.lines) == 2
    assert chart.baseline is not None and chart.baseline.turns[:2] == [1, 2]
    assert branch_chart(parent.record, [branch.record]).lines[1].branch_turn == 1


def test_playing_on_from_an_old_save_becomes_a_branch_and_keeps_the_later_turns() -> None:
    game = new_game(turns=4)
    game.on_turn_end = saves.autosave_session
    saves.autosave(game.record)
    slot = saves.save_slot(game.record.upto(2), "before the vote")
    later_files = sorted(saves.game_folder(game.record).iterdir())
    session = saves.open_session(saves.load_save(slot))
    assert session.record.branch is not None
    assert session.record.branch.parent_id == game.record.game_id
    assert session.record.branch.branch_turn == 2
    session.play_turn()
    assert sorted(saves.game_folder(game.record).iterdir()) == later_files
    assert saves.find_autosave().save.record.game_id == session.record.game_id


def test_opening_the_latest_save_of_a_game_simply_continues_it() -> None:
    game = new_game(turns=2)
    saves.autosave(game.record)
    session = saves.open_session(saves.find_autosave().save.record)
    assert session.record.branch is None
    assert session.record.game_id == game.record.game_id
    assert session.state_hash() == game.state_hash()
