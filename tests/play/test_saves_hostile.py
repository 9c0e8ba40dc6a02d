"""Hostile saves: no byte, number, size or kind of file can crash a reader or hide a good turn.

Every case goes through the one decoding path (``saves.decode_save`` / ``read_save``) and must
end as a :class:`SaveError` with a sentence for the player, or as the very game that was saved.
Continue must still reach the newest turn that loads, and then the newest that replays.
"""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path

import pytest

from game.play import saves
from game.play.classroom import Classroom, ClassSettings, Team, class_saves
from game.play.record import GameRecord
from game.play.saves import SaveError
from game.play.session import Session
from tests.play.play_helpers import level, level_path

#: Seeded, and bounded by count (never by time).
SEED = 15
ONE_BYTE_MUTATIONS = 6000
CONTINUE_MUTATIONS = 200
REASONS = {"empty", "truncated", "not_a_save", "foreign", "damaged", "invalid", "too_big",
           "not_a_file", "newer"}


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def played(turns: int = 4) -> Session:
    """A tutorial game with an AI leader for every country, autosaved after each of ``turns``."""
    path = level_path("tutorial")
    session = Session(level("tutorial"), players={"US": "ai:pragmatist", "MX": "ai:pragmatist"},
                      source=path.read_text(encoding="utf-8"))
    session.on_turn_end = saves.autosave_session
    for _ in range(turns):
        session.play_turn()
    return session


def autosaves_by_turn() -> dict[int, Path]:
    return {int(p.stem.split("-")[1]): p for p in saves.autosave_files()}


def refused_or_same(data: bytes, record: GameRecord) -> str:
    """``"loaded"`` when ``data`` is the saved game, else the refusal's reason; fails otherwise."""
    try:
        loaded = saves.decode_save(data)
    except SaveError as error:
        assert str(error).strip() and "Traceback" not in str(error)
        assert error.reason in REASONS
        return error.reason
    assert loaded.record == record
    return "loaded"


def one_byte_mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """``count`` copies of ``data`` with one byte changed: half at random, half in numbers.

    The number mutations are the ones that broke the loader: a digit or a dot turned into
    ``e``, ``E``, ``9`` or a minus sign makes ``1e999`` (infinite) or a different number.
    """
    rng = random.Random(seed)
    digits = [i for i, b in enumerate(data) if chr(b) in "0123456789.-"]
    mutated = []
    for n in range(count):
        changed = bytearray(data)
        if n % 2:
            changed[rng.randrange(len(data))] = rng.randrange(256)
        else:
            changed[rng.choice(digits)] = ord(rng.choice("eE9-.+0"))
        mutated.append(bytes(changed))
    return mutated


def number_replaced(data: bytes, literal: str) -> list[bytes]:
    """The save with, in turn, its seed, a metric and a lever value written as ``literal``."""
    text = data.decode("utf-8")
    document = json.loads(text)
    record = document["body"]["record"]
    targets = [f'"seed": {record["seed"]}']
    metric, value = next(iter(record["turns"][0]["metrics"].items()))
    targets.append(f'"{metric}": {json.dumps(value)}')
    out = []
    for target in targets:
        assert target in text, target
        key = target.split(":")[0]
        out.append(text.replace(target, f"{key}: {literal}", 1).encode("utf-8"))
    return out


HOSTILE_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" + "0" * 400,
                   "9" * 5000, "1." + "0" * 5000 + "1", "-1"]


# --- the decoder ------------------------------------------------------------------------------


def test_thousands_of_one_byte_mutations_are_each_refused_with_a_message_or_load() -> None:
    session = played()
    data = autosaves_by_turn()[4].read_bytes()
    outcomes: dict[str, int] = {}
    for changed in one_byte_mutations(data, ONE_BYTE_MUTATIONS, SEED):
        outcome = refused_or_same(changed, session.record)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == ONE_BYTE_MUTATIONS
    # Broken JSON, a changed value (the checksum), a number no save holds (NaN, 1e999: these
    # used to raise past the loader); the few that load only changed whitespace.
    assert {"not_a_save", "damaged", "invalid"} <= outcomes.keys()
    assert outcomes.get("loaded", 0) < ONE_BYTE_MUTATIONS // 10


@pytest.mark.parametrize("literal", HOSTILE_NUMBERS)
def test_a_non_finite_or_oversized_number_is_refused_with_a_message(literal: str) -> None:
    data = played(1).record
    encoded = saves.encode_save(data, kind="autosave")
    for changed in number_replaced(encoded, literal):
        with pytest.raises(SaveError) as caught:
            saves.decode_save(changed)
        assert caught.value.reason in {"invalid", "damaged"}
        assert len(str(caught.value)) < 400  # a 5,000-digit number is not quoted whole


def test_a_crafted_save_with_a_valid_checksum_and_a_negative_seed_is_refused() -> None:
    document = json.loads(saves.encode_save(played(1).record))
    document["body"]["record"]["seed"] = -1
    document["checksum"] = saves.checksum_of(document["body"])
    with pytest.raises(SaveError) as caught:
        saves.decode_save(json.dumps(document).encode("utf-8"))
    assert caught.value.reason == "invalid"
    assert "seed" in str(caught.value)


def test_an_oversized_save_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: no disk space is used
        handle.truncate(saves.MAX_SAVE_BYTES + 1)
    with pytest.raises(SaveError) as caught:
        saves.read_save(path)
    assert caught.value.reason == "too_big"
    assert "too big" in str(caught.value)
    with pytest.raises(SaveError):
        saves.decode_save(b" " * (saves.MAX_SAVE_BYTES + 1))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "turn-0009.json"
    os.mkfifo(fifo)
    with pytest.raises(SaveError) as caught:
        saves.read_save(fifo)  # would block for ever if it were opened for reading normally
    assert caught.value.reason == "not_a_file"
    assert "not an ordinary file" in str(caught.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading_it() -> None:
    with pytest.raises(SaveError) as caught:
        saves.read_save("/dev/zero")
    assert caught.value.reason == "not_a_file"


def test_a_folder_is_refused_as_a_save(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as caught:
        saves.read_save(tmp_path)
    assert caught.value.reason == "not_a_file"


# --- Continue and every other reader ------------------------------------------------------------


def test_continue_reaches_the_newest_good_turn_whatever_byte_of_the_newest_changed() -> None:
    session = played()
    newest = autosaves_by_turn()[4]
    data = newest.read_bytes()
    mutations = one_byte_mutations(data, CONTINUE_MUTATIONS, SEED + 1)
    mutations += [m for literal in HOSTILE_NUMBERS for m in number_replaced(data, literal)]
    for changed in mutations:
        newest.write_bytes(changed)
        found = saves.find_autosave()
        assert found.save is not None
        if found.save.record == session.record:
            assert found.message == ""
        else:
            assert found.save.record.turn == 3
            assert "turn 4" in found.message and "turn 3" in found.message


def special_newest_files(newest: Path) -> None:
    """Replace the newest autosave by a FIFO, and add a folder and a sparse giant beside it."""
    newest.unlink()
    if hasattr(os, "mkfifo"):
        os.mkfifo(newest)
    else:
        newest.mkdir()
    (newest.parent / "turn-0005.json").mkdir()
    with (newest.parent / "turn-0006.json").open("wb") as handle:
        handle.truncate(saves.MAX_SAVE_BYTES * 4)


def test_continue_skips_fifos_folders_and_giants_and_sets_them_aside() -> None:
    played()
    special_newest_files(autosaves_by_turn()[4])
    session, message = saves.resume_latest()
    assert session is not None and session.record.turn == 3
    assert "could not be opened" in message
    left = sorted(p.name for p in saves.autosave_files())
    assert "turn-0004.json" not in left and "turn-0006.json" not in left
    assert any(p.name.endswith(".bad") for p in next(saves.autosave_dir().iterdir()).iterdir())


def test_continue_sets_a_nan_save_aside_and_plays_on_from_the_previous_turn() -> None:
    played()
    newest = autosaves_by_turn()[4]
    newest.write_bytes(number_replaced(newest.read_bytes(), "NaN")[1])
    session, message = saves.resume_latest()
    assert session is not None and session.record.turn == 3
    assert "turn 4" in message
    assert newest.with_name(newest.name + saves.QUARANTINE_SUFFIX).exists()
    session.play_turn()
    assert saves.read_save(newest).record.turn == 4  # the set-aside file no longer shadows it


def newer_version(path: Path) -> None:
    document = json.loads(path.read_bytes())
    document["format"] = "borderlines-save/99"
    path.write_text(json.dumps(document), encoding="utf-8")


def test_continue_never_writes_over_a_newer_versions_autosave() -> None:
    played()
    newest = autosaves_by_turn()[4]
    newer_version(newest)
    kept = newest.read_bytes()
    session, message = saves.resume_latest()
    assert session is not None and session.record.turn == 3
    assert session.record.branch is not None  # played on as a branch, in its own folder
    assert "newer version" in message and "new branch" in message
    session.play_turn()
    assert newest.read_bytes() == kept


def test_an_autosave_that_loads_but_does_not_replay_gives_way_to_the_last_turn_that_does() -> None:
    record = played().record
    newest = autosaves_by_turn()[4]
    broken = GameRecord.from_dict(json.loads(saves.encode_save(record))["body"]["record"])
    broken.turns[3].decisions.append({"type": "set_lever", "country": "US",
                                      "lever": "no_such_lever", "value": 1.0})
    newest.write_bytes(saves.encode_save(broken, kind="autosave"))
    assert saves.find_autosave().save.record.turn == 4  # it loads…
    session, message = saves.resume_latest()  # …but does not replay
    assert session is not None and session.record.turn == 3
    assert "could not be replayed" in message and "turn 3" in message
    session.play_turn()
    assert saves.read_save(newest).record == broken  # kept as it was; play went on in a branch


def test_no_reader_raises_on_hostile_files_and_good_saves_stay_listed(tmp_path: Path) -> None:
    room = Classroom(level("june-2019-crisis"),
                     ClassSettings((Team("Eagles", "US"), Team("Jaguars", "MX"))))
    for team in ("US", "MX"):
        room.commit(team)
    room.resolve()
    saves.autosave(room.record)
    played(2)
    folder = next(p for p in saves.autosave_dir().iterdir() if "tutorial" in p.name)
    bad = folder / "turn-0003.json"
    bad.write_bytes(number_replaced(autosaves_by_turn()[2].read_bytes(), "1e999")[0])
    (folder / "turn-0004.json").mkdir()
    assert [s.record.game_id for s in class_saves()] == [room.record.game_id]
    listed = saves.list_saves(every_autosave=True)
    assert sum(1 for info in listed if info.ok) == 3
    assert {info.reason for info in listed if not info.ok} == {"invalid", "not_a_file"}
    assert len(list(saves.all_records())) == 2
    from game.play.class_export import load_session_files

    records, problems = load_session_files([bad, folder / "turn-0004.json", "/dev/zero"])
    assert records == [] and len(problems) == 3
    assert saves.open_save(bad).fallback is not None


def test_the_replay_command_refuses_a_fifo_and_a_nan_save_with_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    nan = tmp_path / "nan.json"
    nan.write_bytes(number_replaced(saves.encode_save(played(1).record), "NaN")[0])
    assert main(["replay", str(nan)]) == 1
    assert "number no saved game can hold" in capsys.readouterr().err
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert main(["replay", str(fifo)]) == 1
        assert "not an ordinary file" in capsys.readouterr().err


@pytest.mark.parametrize("typed", ["x" * 5000, "a\x00b", "~no-such-user-here/x.json",
                                   "/dev/zero"])
def test_compare_classes_turns_any_typed_path_into_a_message(typed: str) -> None:
    from game.play.class_export import load_session_files

    records, problems = load_session_files([typed])
    assert records == [] and len(problems) == 1
    assert len(problems[0]) < 400
