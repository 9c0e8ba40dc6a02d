"""Save files: written atomically, verified on load, every bad file a message and no traceback."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from game.play import saves
from game.play.record import GameRecord, TurnRecord, level_hash_of
from game.play.saves import SaveError

LEVEL = "format: borderlines-level/1\nid: tutorial\ntitle: Tutorial\n"


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def a_record(turns: int = 3, game_id: str = "game00000001") -> GameRecord:
    record = GameRecord(level_id="tutorial", level_hash=level_hash_of(LEVEL), level_source=LEVEL,
                        seed=7, players={"US": "human", "MX": "ai:pragmatist"},
                        game_id=game_id, level_title="Tutorial", created="2026-11-29T10:00:00Z")
    for n in range(1, turns + 1):
        add_turn(record, n)
    return record


def add_turn(record: GameRecord, n: int) -> None:
    record.turns.append(TurnRecord(
        turn=n, decisions=[{"kind": "set_lever", "country": "US", "lever": "border_agents",
                            "value": 20000.0 + n}],
        events=[], state_hash=f"{n:064x}", metrics={"us_border_encounters": 1000.0 + n / 7}))


def written(record: GameRecord, tmp_path: Path, name: str = "game.json") -> Path:
    return saves.export_save(record, tmp_path / name)


# --- round trip ---------------------------------------------------------------------------


def test_a_saved_game_loads_back_identical(tmp_path: Path) -> None:
    record = a_record()
    loaded = saves.read_save(written(record, tmp_path))
    assert loaded.record == record
    assert loaded.kind == "export"
    assert loaded.migrated_from is None


def test_the_file_is_readable_json_with_format_and_checksum(tmp_path: Path) -> None:
    document = json.loads(written(a_record(), tmp_path).read_text(encoding="utf-8"))
    assert document["format"] == "borderlines-save/1"
    assert document["checksum"] == saves.checksum_of(document["body"])
    assert document["body"]["record"]["level_source"] == LEVEL


def test_reindenting_a_save_keeps_it_valid(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, indent=8), encoding="utf-8")
    assert saves.load_save(path) == a_record()


# --- every bad file gets its own message ----------------------------------------------------


def load_error(path: Path) -> SaveError:
    with pytest.raises(SaveError) as caught:
        saves.read_save(path)
    assert "Traceback" not in str(caught.value)
    return caught.value


def test_a_truncated_save_says_it_is_incomplete(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    error = load_error(path)
    assert error.reason == "truncated"
    assert "incomplete" in str(error)


def test_an_empty_save_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    assert load_error(path).reason == "empty"


def test_random_bytes_are_not_a_save(tmp_path: Path) -> None:
    path = tmp_path / "noise.json"
    path.write_bytes(os.urandom(4096))
    error = load_error(path)
    assert error.reason == "not_a_save"
    assert "not a Borderlines save" in str(error)


def test_text_that_is_not_json_is_not_a_save(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("Dear diary, today we closed the border.", encoding="utf-8")
    assert load_error(path).reason == "not_a_save"


def test_an_edited_value_breaks_the_checksum(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    text = path.read_text(encoding="utf-8").replace('"value": 20002.0', '"value": 90000.0')
    path.write_text(text, encoding="utf-8")
    error = load_error(path)
    assert error.reason == "damaged"
    assert "checksum" in str(error)


def test_a_wrong_checksum_is_damage(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["checksum"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_error(path).reason == "damaged"


def test_an_edit_with_a_recomputed_checksum_is_still_checked_for_sense(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["body"]["record"]["turns"][0]["metrics"]["us_border_encounters"] = "lots"
    document["checksum"] = saves.checksum_of(document["body"])
    path.write_text(json.dumps(document), encoding="utf-8")
    error = load_error(path)
    assert error.reason == "invalid"
    assert "us_border_encounters" in str(error)


def test_a_level_swapped_inside_a_save_is_caught(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["body"]["record"]["level_source"] += "turns: 99\n"
    document["checksum"] = saves.checksum_of(document["body"])
    path.write_text(json.dumps(document), encoding="utf-8")
    assert "level" in str(load_error(path))


def test_a_save_from_a_newer_version_names_that_version(tmp_path: Path) -> None:
    path = written(a_record(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["format"] = "borderlines-save/2"
    document["body"]["record"]["app_version"] = "2.0"
    path.write_text(json.dumps(document), encoding="utf-8")
    error = load_error(path)
    assert error.reason == "newer"
    assert str(error) == ("This save was made by a newer version of Borderlines (2.0). "
                          "Update the game to open it.")


def test_a_level_file_is_recognised_as_not_a_save(tmp_path: Path) -> None:
    path = tmp_path / "level.json"
    path.write_text(json.dumps({"format": "borderlines-level/1", "id": "x"}), encoding="utf-8")
    error = load_error(path)
    assert error.reason == "foreign"
    assert "level file" in str(error)


def test_some_other_json_is_foreign(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"name": "left-pad", "version": "1.3.0"}), encoding="utf-8")
    assert load_error(path).reason == "foreign"


def test_a_missing_file_is_a_message_too(tmp_path: Path) -> None:
    assert load_error(tmp_path / "nope.json").reason == "missing"


# --- migration -------------------------------------------------------------------------------


def a_version_0_save() -> dict:
    game = {
        "level": {"id": "tutorial", "source": LEVEL},
        "seed": 7,
        "players": {"US": "human"},
        "saved": "2026-01-02T03:04:05Z",
        "turns": [
            {"turn": 1, "decisions": [{"kind": "set_lever", "country": "US",
                                       "lever": "border_agents", "value": 21000.0}],
             "hash": "a" * 64, "metrics": {"us_border_encounters": 1500.0}},
            {"turn": 2, "decisions": [], "hash": "b" * 64,
             "metrics": {"us_border_encounters": 1400.0}},
        ],
    }
    digest = hashlib.sha256(saves.canonical_json(game)).hexdigest()
    return {"format": "borderlines-save/0", "sha256": digest, "game": game}


def test_a_version_0_save_is_migrated_on_load(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(a_version_0_save(), indent=2), encoding="utf-8")
    loaded = saves.read_save(path)
    assert loaded.migrated_from == 0
    record = loaded.record
    assert record.level_id == "tutorial"
    assert record.level_hash == level_hash_of(LEVEL)
    assert [t.state_hash for t in record.turns] == ["a" * 64, "b" * 64]
    assert record.turns[0].decisions[0]["value"] == 21000.0
    assert record.turns[1].metrics == {"us_border_encounters": 1400.0}
    # Loading twice gives the same game, so its autosaves land in one folder.
    assert saves.read_save(path).record.game_id == record.game_id


def test_a_damaged_version_0_save_is_damage_not_a_crash(tmp_path: Path) -> None:
    old = a_version_0_save()
    old["game"]["seed"] = 8
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert load_error(path).reason == "damaged"


def test_a_migrated_save_is_written_back_in_the_current_format(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(a_version_0_save()), encoding="utf-8")
    again = saves.export_save(saves.load_save(path), tmp_path / "new.json")
    assert json.loads(again.read_text(encoding="utf-8"))["format"] == "borderlines-save/1"
    assert saves.read_save(again).migrated_from is None


# --- autosaves, slots, listing, Continue ----------------------------------------------------


def test_an_autosave_is_written_per_turn_in_the_games_folder(user_dir: Path) -> None:
    record = a_record(1)
    first = saves.autosave(record)
    add_turn(record, 2)
    second = saves.autosave(record)
    assert first.parent == second.parent
    assert user_dir in first.parents
    assert [first.name, second.name] == ["turn-0001.json", "turn-0002.json"]
    assert "tutorial" in first.parent.name and "20261129" in first.parent.name


def test_only_the_last_autosaves_are_kept() -> None:
    record = a_record(0)
    for n in range(1, 15):
        add_turn(record, n)
        path = saves.autosave(record, keep=4)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["turn-0011.json", "turn-0012.json", "turn-0013.json", "turn-0014.json"]


def test_continue_opens_the_newest_autosave() -> None:
    saves.autosave(a_record(2, game_id="older0000001"))
    newer = a_record(5, game_id="newer0000001")
    saves.autosave(newer)
    found = saves.latest_autosave()
    assert found.save is not None
    assert found.save.record == newer
    assert found.message == ""


def test_continue_falls_back_from_a_corrupt_autosave_and_says_so() -> None:
    record = a_record(0)
    for n in range(1, 6):
        add_turn(record, n)
        path = saves.autosave(record)
    path.write_bytes(path.read_bytes()[:100])
    assert saves.latest_autosave().message  # only looking changes nothing
    found = saves.find_autosave(quarantine=True)
    assert found and found.save is not None and found.save.record.turn == 4
    assert "turn 5" in found.message and "from turn 4" in found.message
    assert "incomplete" in found.message
    # The damaged file is kept aside, so the next Continue opens turn 4 without a warning.
    assert path.with_name("turn-0005.json.bad").exists()
    assert saves.latest_autosave().message == ""


def test_a_newer_version_autosave_is_left_in_place_and_the_previous_one_offered() -> None:
    record = a_record(4)
    saves.autosave(record.upto(3))
    path = saves.autosave(record)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["format"] = "borderlines-save/2"
    document["body"]["record"]["app_version"] = "2.0"
    path.write_text(json.dumps(document), encoding="utf-8")
    found = saves.latest_autosave()
    assert found.save is not None and found.save.record.turn == 3
    assert "newer version of Borderlines (2.0)" in found.message
    assert "from turn 3" in found.message
    assert path.exists()


def test_continue_with_nothing_saved_says_how_autosave_works() -> None:
    assert saves.latest_autosave() is None
    found = saves.find_autosave()
    assert not found and found.save is None
    assert "saves by itself after every turn" in found.message


def test_continue_with_only_corrupt_autosaves_says_so() -> None:
    path = saves.autosave(a_record(1))
    path.write_bytes(b"\x00\x01garbage")
    assert saves.latest_autosave() is None
    found = saves.find_autosave()
    assert found.save is None
    assert "No autosave could be opened" in found.message


def test_named_saves_keep_their_name_and_same_name_replaces() -> None:
    record = a_record(2)
    first = saves.save_slot(record, "Before the tariff vote!")
    add_turn(record, 3)
    second = saves.save_slot(record, "Before the tariff vote!")
    assert first == second
    loaded = saves.read_save(second)
    assert loaded.slot == "Before the tariff vote!"
    assert loaded.record.turn == 3


def test_a_blank_save_name_is_refused_politely() -> None:
    with pytest.raises(SaveError, match="Give the save a name"):
        saves.save_slot(a_record(), "   ")


def test_the_load_screen_lists_saves_newest_first_with_their_facts() -> None:
    saves.autosave(a_record(2, game_id="aaaaaaaaaaaa"))
    saves.save_slot(a_record(3, game_id="bbbbbbbbbbbb"), "Class 3B")
    broken = saves.slots_dir() / "broken.json"
    broken.write_text("{", encoding="utf-8")
    listed = saves.list_saves()
    by_name = {info.name: info for info in listed}
    assert by_name["Class 3B"].turn == 3
    assert by_name["Class 3B"].level_title == "Tutorial"
    assert by_name["Class 3B"].kind == "manual"
    assert not by_name["broken"].ok and "incomplete" in by_name["broken"].error
    autos = [info for info in listed if info.kind == "autosave"]
    assert [a.turn for a in autos] == [2]
    assert listed[0].saved >= listed[-1].saved


def test_listing_shows_one_autosave_per_game_unless_asked_for_all() -> None:
    record = a_record(0)
    for n in range(1, 4):
        add_turn(record, n)
        saves.autosave(record)
    assert [i.turn for i in saves.list_saves()] == [3]
    assert sorted(i.turn for i in saves.list_saves(every_autosave=True)) == [1, 2, 3]


def test_a_save_that_cannot_be_written_is_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(SaveError, match="could not be saved"):
        saves.export_save(a_record(), blocker / "inside.json")


def test_a_nan_metric_does_not_stop_a_save(tmp_path: Path) -> None:
    record = a_record()
    record.turns[0].metrics["approval_us"] = float("nan")
    loaded = saves.load_save(saves.export_save(record, tmp_path / "nan.json"))
    assert loaded.turns[0].metrics["approval_us"] != loaded.turns[0].metrics["approval_us"]


def test_something_that_is_not_json_in_a_record_is_refused_before_writing(
        tmp_path: Path) -> None:
    record = a_record()
    record.turns[0].decisions[0]["value"] = object()
    with pytest.raises(SaveError, match="could not be saved"):
        saves.export_save(record, tmp_path / "odd.json")
    assert not (tmp_path / "odd.json").exists()


def test_opening_a_newer_save_offers_the_previous_autosave_of_that_game() -> None:
    record = a_record(0)
    for n in range(1, 6):
        add_turn(record, n)
        path = saves.autosave(record)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["format"] = "borderlines-save/2"
    document["body"]["record"]["app_version"] = "2.0"
    path.write_text(json.dumps(document), encoding="utf-8")
    opened = saves.open_save(path)
    assert opened.save is None
    assert opened.message == (
        "This save was made by a newer version of Borderlines (2.0). Update the game to open "
        "it. Your previous autosave, from turn 4, is available.")
    assert opened.fallback is not None and opened.fallback.record.turn == 4


def test_opening_a_damaged_named_save_offers_the_newest_autosave(tmp_path: Path) -> None:
    saves.autosave(a_record(3))
    broken = saves.save_slot(a_record(2), "broken")
    broken.write_bytes(b"\x89PNG\r\n")
    opened = saves.open_save(broken)
    assert opened.save is None and opened.fallback is not None
    assert "from turn 3, is available" in opened.message


def test_opening_a_good_save_just_opens_it() -> None:
    opened = saves.open_save(saves.save_slot(a_record(2), "fine"))
    assert opened.save is not None and opened.message == "" and opened.fallback is None


def test_a_bad_file_with_no_autosave_to_offer_says_only_what_happened(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{}", encoding="utf-8")
    opened = saves.open_save(path)
    assert opened.save is None and opened.fallback is None
    assert "available" not in opened.message


def test_going_back_to_an_earlier_turn_never_loses_the_newest_autosave() -> None:
    record = a_record(0)
    for n in range(1, 9):
        add_turn(record, n)
        saves.autosave(record, keep=4)
    earlier = record.upto(2)
    add_turn(earlier, 3)  # the player went back to turn 2 and played a different turn 3
    newest = saves.autosave(earlier, keep=4)
    assert newest.exists()
    found = saves.find_autosave()
    assert found.save is not None and found.save.record == earlier
    assert [i.turn for i in saves.list_saves()] == [3]


#: A borderlines-save/1 file as this version writes it, frozen: later versions must still open it.
FROZEN_V1 = r"""{
 "format": "borderlines-save/1",
 "checksum": "sha256:eb6f860b5d9cfc9f8f69e7aeabbd8a0059458e8d4a569e4cdaf5b22b223d12d6",
 "body": {
  "kind": "manual", "saved": "2026-11-29T12:00:00.000000Z", "slot": "Class 3B",
  "record": {
   "game_id": "c1a55b3b0001", "name": "Class 3B", "created": "2026-11-29T11:00:00Z",
   "app_version": "0.1.0", "level_id": "tutorial", "level_title": "Tutorial",
   "level_hash": "6a558bf5f78ef62fa83b7ea9eb76e3ff55557941bf7b5a578c251bb080db726e",
   "seed": 42, "players": {"US": "human", "MX": "ai:pragmatist"},
   "branch": {"parent_id": "c1a55a000000", "branch_turn": 1, "parent_name": "",
              "label": "what if"},
   "turns": [
    {"turn": 1,
     "decisions": [{"type": "set_lever", "country": "US", "lever": "border_agents",
                    "value": 21000.0}],
     "events": [],
     "state_hash": "abababababababababababababababababababababababababababababababab",
     "metrics": {"us_border_encounters": 250000.5, "approval_us": null},
     "baseline_metrics": {"us_border_encounters": 260000.0}}
   ],
   "level_source": "format: borderlines-level/1\nid: tutorial\n"
  }
 }
}
"""


def test_a_frozen_version_1_file_still_opens_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "frozen.json"
    path.write_text(FROZEN_V1, encoding="utf-8")
    save = saves.read_save(path)
    assert (save.kind, save.slot, save.migrated_from) == ("manual", "Class 3B", None)
    record = save.record
    assert record.game_id == "c1a55b3b0001" and record.seed == 42
    assert record.players == {"US": "human", "MX": "ai:pragmatist"}
    assert record.branch is not None and record.branch.label == "what if"
    turn = record.turns[0]
    assert turn.decisions[0]["value"] == 21000.0
    assert turn.metrics["us_border_encounters"] == 250000.5
    assert turn.metrics["approval_us"] != turn.metrics["approval_us"]  # null is NaN
    assert turn.baseline_metrics == {"us_border_encounters": 260000.0}


def test_a_data_folder_that_cannot_be_created_never_stops_the_game(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(blocker / "user"))
    with pytest.raises(SaveError, match="could not be saved"):
        saves.autosave(a_record())
    with pytest.raises(SaveError, match="could not be saved"):
        saves.save_slot(a_record(), "x")
    assert saves.list_saves() == []
    assert saves.latest_autosave() is None
    assert "no game to continue" in saves.find_autosave().message


def test_a_failed_autosave_is_kept_on_the_session_for_the_screen_to_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Game:
        record = a_record()

    game = Game()
    saves.autosave_session(game)
    assert game.save_error == ""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(blocker / "user"))
    saves.autosave_session(game)
    assert "could not be saved" in game.save_error
