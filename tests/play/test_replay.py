"""``borderlines replay SAVE``: exit 0 when every turn shows the same numbers, 1 naming the
first that does not, 1 with a message for a bad file. Tests with the real session live in
``test_replay_session.py``; these check the command's plumbing with a stand-in session."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.play import saves
from game.play.record import GameRecord, TurnRecord, level_hash_of
from game.play.saves import replay as saves_replay

LEVEL = "format: borderlines-level/1\nid: tutorial\n"


def state_after(record: GameRecord, upto: int) -> str:
    """A stand-in model: the state hash is a hash of the decisions so far."""
    decisions = [t.decisions for t in record.turns[:upto]]
    return hashlib.sha256(json.dumps(decisions, sort_keys=True).encode()).hexdigest()


def metrics_after(record: GameRecord, upto: int) -> dict[str, float]:
    """The stand-in model's one metric: the sum of the decisions' values so far."""
    return {"m": float(sum(t.decisions[0]["value"] for t in record.turns[:upto]))}


def fake_replay(record: GameRecord) -> GameRecord:
    """What replaying gives under the stand-in model: every turn's hash and metric recomputed."""
    again = GameRecord.from_dict(record.to_dict())
    for turn in again.turns:
        turn.state_hash = state_after(again, turn.turn)
        turn.metrics = metrics_after(again, turn.turn)
    return again


def replay_then(monkeypatch: pytest.MonkeyPatch, change: Callable[[GameRecord], None]) -> None:
    """Make the stand-in replay's result go through ``change`` before it is compared."""
    def replay(record: GameRecord) -> GameRecord:
        again = fake_replay(record)
        change(again)
        return again

    monkeypatch.setattr(saves_replay, "replay_record", replay)


@pytest.fixture(autouse=True)
def fake_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    monkeypatch.setattr(saves_replay, "replay_record", fake_replay)


def a_saved_game(tmp_path: Path, turns: int = 4) -> Path:
    record = GameRecord(level_id="tutorial", level_hash=level_hash_of(LEVEL), level_source=LEVEL,
                        seed=1, players={"US": "human"}, level_title="Tutorial")
    for n in range(1, turns + 1):
        record.turns.append(TurnRecord(turn=n, decisions=[{"type": "set_lever", "value": n}],
                                       events=[], state_hash="", metrics={}))
        record.turns[-1].state_hash = state_after(record, n)
        record.turns[-1].metrics = metrics_after(record, n)
    return saves.export_save(record, tmp_path / "game.json")


def tamper(path: Path, turn: int) -> None:
    """Change one decision and re-sign the file, as someone editing it carefully would."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["body"]["record"]["turns"][turn - 1]["decisions"][0]["value"] = 99
    document["checksum"] = saves.checksum_of(document["body"])
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_faithful_save_replays_with_every_turn_ok(tmp_path: Path, capsys) -> None:
    assert main(["replay", str(a_saved_game(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines() if line.startswith("turn")] == [
        f"turn {n:>3}" for n in range(1, 5)]
    assert "all 4 turns match" in out


def test_the_first_mismatching_turn_is_named(tmp_path: Path, capsys) -> None:
    path = a_saved_game(tmp_path)
    tamper(path, 3)
    assert main(["replay", str(path)]) == 1
    captured = capsys.readouterr()
    assert "turn   3: MISMATCH" in captured.out
    assert "turn   4" not in captured.out
    assert "diverged at turn 3" in captured.err


@pytest.mark.parametrize("content", [b"", b"{\"format\": \"borderlines-save/1\", \"chec",
                                     bytes(range(256)), b"[]"])
def test_a_bad_file_is_a_message_and_exit_1(tmp_path: Path, capsys, content: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["replay", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"borderlines replay: {path}: ")
    assert "Traceback" not in err


def test_a_missing_file_is_a_message_and_exit_1(tmp_path: Path, capsys) -> None:
    assert main(["replay", str(tmp_path / "nope.json")]) == 1
    assert "There is no save file" in capsys.readouterr().err


def test_a_replay_that_crashes_is_a_message_and_exit_1(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(record: GameRecord) -> GameRecord:
        raise ValueError("unknown lever 'border_agent'")

    monkeypatch.setattr(saves_replay, "replay_record", broken)
    assert main(["replay", str(a_saved_game(tmp_path))]) == 1
    assert "could not be replayed: unknown lever" in capsys.readouterr().err


def test_changed_metrics_with_the_same_hash_are_a_mismatch(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def drifted(again: GameRecord) -> None:
        again.turns[1].metrics["m"] += 0.5

    replay_then(monkeypatch, drifted)
    assert main(["replay", str(a_saved_game(tmp_path))]) == 1
    assert "turn   2: MISMATCH: metrics differ" in capsys.readouterr().out


def test_a_replay_that_differs_only_in_the_last_bits_is_the_same_game(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another processor: numpy's exp and log round differently in the last bits, so every
    # state hash differs while the numbers agree to about 1e-12.
    def other_processor(again: GameRecord) -> None:
        for turn in again.turns:
            turn.state_hash = "f" * 64
            turn.metrics = {k: v * (1 + 4e-13) for k, v in turn.metrics.items()}

    replay_then(monkeypatch, other_processor)
    assert main(["replay", str(a_saved_game(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.count("ok to a millionth") == 4
    assert "all 4 turns match; 4 to a millionth only" in out
    assert "changes no number a player sees" in out


def test_numbers_a_millionth_apart_are_a_mismatch(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def drifted(again: GameRecord) -> None:
        again.turns[2].state_hash = "f" * 64
        again.turns[2].metrics["m"] *= 1 + 1e-5

    replay_then(monkeypatch, drifted)
    assert main(["replay", str(a_saved_game(tmp_path))]) == 1
    assert "turn   3: MISMATCH: state hash differs" in capsys.readouterr().out


def test_a_replay_that_stops_early_is_a_mismatch(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def short(again: GameRecord) -> None:
        del again.turns[2:]

    replay_then(monkeypatch, short)
    assert main(["replay", str(a_saved_game(tmp_path))]) == 1
    assert "turn   3: MISMATCH" in capsys.readouterr().out
