"""Level scans remember each file by path, size and modification time (issue 17).

The level picker and the class set-up list every level each time they open; a file that did
not change is not read and checked again, and a file that changed always is.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from game.content import catalog
from game.paths import LEVELS

DAY_S = 86_400


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the checker reads (the cache starts empty)."""
    catalog.clear_level_cache()
    read: list[str] = []
    real = catalog.check_file

    def counting(path: Path, **kwargs: object) -> object:
        read.append(Path(path).name)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog, "check_file", counting)
    yield read
    catalog.clear_level_cache()


def folder_of_levels(tmp_path: Path, age_s: float = DAY_S) -> Path:
    """Two example levels and a broken file, last modified ``age_s`` seconds ago."""
    folder = tmp_path / "levels"
    folder.mkdir()
    for name in ("minimal.yaml", "one-country-crisis.yaml"):
        shutil.copy(LEVELS / "examples" / name, folder / name)
    (folder / "broken.yaml").write_text("format: borderlines-level/1\nid: [x\n", encoding="utf-8")
    then = time.time() - age_s
    for path in folder.iterdir():
        os.utime(path, (then, then))
    return folder


def test_an_unchanged_folder_is_read_once_and_listed_alike(tmp_path: Path,
                                                           checks: list[str]) -> None:
    folder = folder_of_levels(tmp_path)

    first = catalog.scan_levels(folder)
    second = catalog.scan_levels(folder)

    assert sorted(checks) == ["broken.yaml", "minimal.yaml", "one-country-crisis.yaml"]
    assert second == first
    assert [e.ok for e in second] == [False, True, True]
    assert second[0].problems and second[0].problems == first[0].problems


def test_a_file_edited_since_is_checked_again_even_at_the_same_size(tmp_path: Path,
                                                                    checks: list[str]) -> None:
    folder = folder_of_levels(tmp_path)
    catalog.scan_levels(folder)
    path = folder / "minimal.yaml"
    text = path.read_text(encoding="utf-8")
    fixed = text.replace("id: minimal", "id: minimax")
    assert len(fixed) == len(text) and fixed != text
    path.write_text(fixed, encoding="utf-8")
    then = time.time() - DAY_S + 60  # a minute later than before, still long ago
    os.utime(path, (then, then))
    checks.clear()

    entries = {e.path.name: e for e in catalog.scan_levels(folder)}

    assert checks == ["minimal.yaml"]
    assert entries["minimal.yaml"].id == "minimax"


def test_a_file_saved_just_now_is_checked_every_time(tmp_path: Path, checks: list[str]) -> None:
    # Saved again within the file system's clock tick, its time might not move: not cached yet.
    folder = folder_of_levels(tmp_path, age_s=0)

    catalog.scan_levels(folder)
    catalog.scan_levels(folder)

    assert len(checks) == 6


def test_a_deleted_file_leaves_the_list_and_a_new_one_joins_it(tmp_path: Path,
                                                               checks: list[str]) -> None:
    folder = folder_of_levels(tmp_path)
    catalog.scan_levels(folder)
    (folder / "minimal.yaml").unlink()
    shutil.copy(LEVELS / "examples" / "three-country-cooperation.yaml", folder / "three.yaml")
    checks.clear()

    names = [e.path.name for e in catalog.scan_levels(folder)]

    assert names == ["broken.yaml", "one-country-crisis.yaml", "three.yaml"]
    assert checks == ["three.yaml"]


def test_the_shipped_levels_are_checked_once_per_process(checks: list[str]) -> None:
    first = catalog.shipped_levels()
    count = len(checks)
    second = catalog.shipped_levels()

    assert count >= 10 and len(checks) == count
    assert [e.id for e in second] == [e.id for e in first]
