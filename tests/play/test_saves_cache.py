"""Save lists are cached: a listing reads each file once, and again only when it changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.play import saves
from game.play.saves import storage
from tests.play.test_saves_hostile import autosaves_by_turn, played


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


@pytest.fixture
def decodings(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """Every file the save module decodes, in order."""
    seen: list[Path | None] = []
    decode = saves.decode_save

    def counting(data: bytes, path: Path | None = None) -> saves.SaveFile:
        seen.append(path)
        return decode(data, path)

    # read_save, in storage, decodes every file a listing reads.
    monkeypatch.setattr(storage, "decode_save", counting)
    return seen


def age_every_save(seconds: float = 60.0) -> None:
    """Date every save file in the past, as files written before this session are."""
    past = time.time() - seconds
    for path in saves.autosave_files():
        os.utime(path, (past, past))


def test_listing_again_reads_no_file_that_did_not_change(decodings: list) -> None:
    played(3)
    age_every_save()
    first = [r.game_id for r in saves.all_records()]
    read_once = len(decodings)
    assert read_once == 3
    for _ in range(50):  # as a screen drawn every frame would
        assert [r.game_id for r in saves.all_records()] == first
        saves.list_saves(every_autosave=True)
        saves.find_autosave()
    assert len(decodings) == read_once


def test_a_changed_file_is_read_again_and_its_new_contents_listed(decodings: list) -> None:
    played(2)
    age_every_save()
    newest = autosaves_by_turn()[2]
    assert saves.find_autosave().save.record.turn == 2
    newest.write_bytes(b'{"format": "borderlines-save/1", "body": {}}')  # changed in place
    assert saves.find_autosave().save.record.turn == 1
    assert saves.list_saves(every_autosave=True)[0].reason in {"damaged", "invalid"}


def test_a_file_changed_within_the_clock_tick_is_not_trusted(decodings: list) -> None:
    played(1)
    saves.find_autosave()
    saves.find_autosave()
    assert len(decodings) == 2  # written just now: a same-size rewrite could hide its change


def test_the_saves_version_changes_with_every_write_removal_and_set_aside() -> None:
    start = saves.saves_version()
    session = played(1)
    after_autosave = saves.saves_version()
    assert after_autosave > start
    slot = saves.save_slot(session.record, "mine")
    assert saves.saves_version() > after_autosave
    before = saves.saves_version()
    saves.delete_save(slot)
    assert saves.saves_version() > before
