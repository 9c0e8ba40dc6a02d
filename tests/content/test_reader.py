"""The YAML reader keeps every position, accepts only plain data, and never raises."""

from __future__ import annotations

import os
from pathlib import Path

from game.content.check import check_file
from game.content.yamlsrc import MAX_BYTES, MAX_VALUES, Pos, parse_text, read_document


def test_values_and_keys_keep_their_line_and_column() -> None:
    doc, problems = parse_text("a: 1\nb:\n  c: [x, y]\n", "f.yaml")
    assert doc is not None and problems == []
    assert doc.keys[("b", "c")] == Pos(3, 3)
    assert doc.values[("b", "c", 1)] == Pos(3, 10)
    assert doc.where(("b", "c", 7)) == Pos(3, 6)  # nearest written ancestor


def test_dates_stay_text_and_keys_stay_as_written() -> None:
    doc, _ = parse_text("start: 2019-06-01\nNO: 1\nflag: no\n", "f.yaml")
    assert doc is not None
    assert doc.data == {"start": "2019-06-01", "NO": 1, "flag": False}
    assert doc.raw[("flag",)] == "no"


def test_merge_keys_work_as_in_safe_load_and_explicit_keys_win() -> None:
    doc, problems = parse_text("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert doc is not None and problems == []
    assert doc.data["m"] == {"x": 1, "y": 3}


def test_a_python_tag_is_reported_and_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    doc, problems = parse_text(text, "f.yaml")
    assert [p.code for p in problems] == ["yaml-tag"]
    assert not marker.exists()


def test_an_alias_bomb_stops_at_the_value_limit() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefg"):
        prev = "abcdefg"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    doc, problems = parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert doc is None
    assert problems[-1].code == "yaml-too-big"
    assert f"{MAX_VALUES:,}" in problems[-1].message


def test_deep_nesting_is_refused_without_a_recursion_error() -> None:
    doc, problems = parse_text("[" * 3000 + "]" * 3000, "deep.yaml")
    assert doc is None and problems[0].code == "yaml-too-big"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # a sparse 50 MB file: cheap to make
        handle.truncate(50 * 1024 * 1024)
    level, problems = check_file(huge)
    assert level is None
    assert problems[0].code == "file-too-large"
    assert "52.4 MB" in problems[0].message and f"{MAX_BYTES / 1e6:g} MB" in problems[0].message


def test_a_directory_a_missing_file_and_an_unreadable_file_are_problems(tmp_path: Path) -> None:
    assert read_document(tmp_path)[1][0].code == "file-is-directory"
    assert read_document(tmp_path / "nope.yaml")[1][0].code == "file-missing"
    locked = tmp_path / "locked.yaml"
    locked.write_text("a: 1\n", encoding="utf-8")
    locked.chmod(0)
    try:
        doc, problems = read_document(locked)
        if os.geteuid() != 0:  # root reads anything
            assert doc is None and problems[0].code == "file-unreadable"
    finally:
        locked.chmod(0o644)


def test_a_utf8_bom_is_accepted() -> None:
    doc, problems = parse_text("\ufeffa: 1\n".encode(), "bom.yaml")
    assert doc is not None and doc.data == {"a": 1} and problems == []


def test_two_documents_in_one_file_are_a_located_problem() -> None:
    doc, problems = parse_text("a: 1\n---\nb: 2\n", "two.yaml")
    assert doc is None and problems[0].line == 2
    assert "more than one document" in problems[0].message


def test_duplicate_keys_are_errors_that_name_the_first_line() -> None:
    doc, problems = parse_text("turns: 4\nseed: 1\nturns: 6\n", "dup.yaml")
    assert doc is not None and doc.data["turns"] == 4
    assert problems[0].code == "yaml-duplicate-key" and problems[0].line == 3
    assert "line 1" in problems[0].message
