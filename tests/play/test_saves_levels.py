"""Every shipped level survives the full trip: play under autoplay, save, load, replay — same
state hash and same metrics at every turn, and the rebuilt game stands where the saved one did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.paths import LEVELS
from game.play import saves
from game.play.session import Session

SHIPPED = sorted(p for p in [*LEVELS.glob("campaign/*.yaml"), *LEVELS.glob("classroom/*.yaml")]
                 if re.search(r"^format:\s*borderlines-level/", p.read_text(encoding="utf-8"),
                              re.MULTILINE))
#: Turns played per level: all of them (a whole level takes well under a second).
MAX_TURNS = 1000


def autoplayed(path: Path, turns: int = MAX_TURNS):
    """A session of the level at ``path`` with an AI leader for every country, ``turns`` played."""
    from game.content import load_level
    from game.play.levelview import LevelView

    level = load_level(path)
    view = LevelView(level)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    session = Session(level, players=players, source=path.read_text(encoding="utf-8"))
    for _ in range(min(turns, session.turns)):
        session.play_turn()
    return session


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


LEVEL_PARAMS = [pytest.param(p, id=f"{p.parent.name}/{p.stem}") for p in SHIPPED]


@pytest.mark.parametrize("path", LEVEL_PARAMS)
def test_a_shipped_level_round_trips_through_a_save_and_replays_identically(
        path: Path, tmp_path: Path) -> None:
    session = autoplayed(path)
    saved = saves.export_save(session.record, tmp_path / "game.json")
    loaded = saves.load_save(saved)
    assert loaded == session.record
    checks = list(saves.verify_replay(loaded))
    assert [c.turn for c in checks] == [t.turn for t in session.record.turns]
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
    rebuilt = Session.from_record(loaded)
    assert rebuilt.state_hash() == session.state_hash()
    assert rebuilt.replay_mismatches == []
    assert [t.metrics for t in rebuilt.record.turns] == [t.metrics for t in session.record.turns]
    assert rebuilt.record.game_id == session.record.game_id


@pytest.mark.parametrize("path", LEVEL_PARAMS)
def test_the_replay_command_accepts_a_shipped_levels_save(path: Path, tmp_path: Path,
                                                          capsys) -> None:
    from game.cli import main

    session = autoplayed(path, turns=2)
    saved = saves.export_save(session.record, tmp_path / "game.json")
    assert main(["replay", str(saved)]) == 0
    assert f"all {session.record.turn} turns match" in capsys.readouterr().out


@pytest.mark.parametrize("path", LEVEL_PARAMS[:1])
def test_a_game_resumed_from_its_autosave_plays_on_exactly_as_if_never_stopped(
        path: Path) -> None:
    from game.play.saves import autosave_session, resume_latest

    straight = autoplayed(path, turns=3)
    interrupted = autoplayed(path, turns=0)
    interrupted.on_turn_end = autosave_session
    interrupted.play_turn()
    interrupted.play_turn()
    del interrupted  # the computer is switched off here
    resumed, message = resume_latest()
    assert resumed is not None and message == ""
    assert resumed.record.turn == 2
    resumed.play_turn()
    assert resumed.state_hash() == straight.state_hash()
    assert resumed.record.turns[-1].metrics == straight.record.turns[-1].metrics


@pytest.mark.parametrize("path", LEVEL_PARAMS[:1])
def test_a_save_with_a_decision_the_game_rejects_names_the_turn(
        path: Path, tmp_path: Path, capsys) -> None:
    from game.cli import main

    record = autoplayed(path, turns=3).record
    record.turns[1].decisions.append({"type": "set_lever", "country": "US",
                                      "lever": "border_agent", "value": 3.0})
    saved = saves.export_save(record, tmp_path / "edited.json")
    assert main(["replay", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "could not be replayed at turn 2" in err and "border_agent" in err
    assert "Traceback" not in err
