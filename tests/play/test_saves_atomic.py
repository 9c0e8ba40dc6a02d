"""The atomic writer: the target is either the old file or the new one, never a mix."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.play import atomic
from game.play.atomic import is_temp_file, remove_stale_temp_files, write_atomic


def test_write_atomic_creates_folders_and_writes_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.json"
    write_atomic(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def test_write_atomic_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


def test_stale_temporary_files_are_cleaned_but_fresh_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".turn-0003.json.abc123.tmp"
    fresh = tmp_path / ".turn-0004.json.def456.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"{")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert is_temp_file(stale)
    assert remove_stale_temp_files(tmp_path) == 1
    assert not stale.exists() and fresh.exists()
