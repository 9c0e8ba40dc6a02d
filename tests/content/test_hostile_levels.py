"""Hostile level files: bombs, giant texts and non-finite numbers are refused, located, at once.

Each case is bounded by what the reader may do (values counted, never a stopwatch): a merge
bomb stops after :data:`~game.content.yamlsrc.MAX_VALUES` counted values, a giant summary is
refused by the checker before any screen lays it out, and ``.nan`` in any numeric field is a
located problem rather than a crash or an objective that never fires.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from game.content import yamlsrc
from game.content.check import check_document, check_file
from game.content.problems import PROBLEM_KINDS
from game.content.yamlsrc import parse_text
from game.paths import LEVELS

BROKEN = Path(__file__).parent / "broken"
EXAMPLE = LEVELS / "examples" / "every-feature.yaml"
NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many values and merged keys the reader visited (one entry per visit)."""
    visits: list[int] = []
    tick = yamlsrc._Builder.tick

    def counting(self: yamlsrc._Builder, node: object, path: yamlsrc.YamlPath) -> None:
        visits.append(1)
        tick(self, node, path)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsrc._Builder, "tick", counting)
    return visits


@pytest.mark.parametrize("name", ["merge-bomb.yaml", "merge-bomb-wide.yaml"])
def test_a_merge_key_bomb_stops_after_a_bounded_number_of_steps(name: str,
                                                               counted: list[int]) -> None:
    path = BROKEN / name
    assert path.stat().st_size < 1000  # the 529-byte bomb of the issue, and a wide cousin
    _, problems = check_file(path)
    assert [p.code for p in problems] == ["yaml-too-big"]
    # 9**8 = 43 million merged keys if every key were walked; the reader stops long before.
    assert len(counted) <= yamlsrc.MAX_VALUES + 1


def test_merges_still_work_below_the_limits() -> None:
    text = ("format: borderlines-level/1\nbase: &base {a: 1, b: 2}\n"
            "more: &more {<<: *base, c: 3}\nlast: {<<: [*more, *base], a: 9}\n")
    doc, problems = parse_text(text, "merges.yaml")
    assert problems == [] and doc is not None
    assert doc.data["last"] == {"a": 9, "b": 2, "c": 3}


def test_a_900000_character_summary_is_refused_by_the_checker_with_its_place() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    giant = "A sentence that goes on. " * 36_000  # 900,000 characters
    text, replaced = re.subn(r"^summary:.*\n(?:[ ]+.*\n)*", f"summary: \"{giant}\"\n", text,
                             count=1, flags=re.MULTILINE)
    assert replaced == 1
    at = text[:text.index("summary:")].count("\n")
    doc, problems = parse_text(text, "giant.yaml")
    assert doc is not None
    level, more = check_document(doc)
    assert level is None
    found = [p for p in [*problems, *more] if p.code == "text-too-long"]
    assert len(found) == 1
    assert (found[0].line, found[0].yaml_path) == (at + 1, "summary")
    assert "900,000 characters" in found[0].message


def numeric_scalars(text: str) -> list[ScalarNode]:
    """Every number written in the file (not keys), in file order."""
    found: list[ScalarNode] = []

    def walk(node: object) -> None:
        if isinstance(node, ScalarNode) and node.tag in NUMBER_TAGS:
            found.append(node)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, MappingNode):
            for _, value in node.value:
                walk(value)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return found


#: A level using every feature, a classroom level and a strategy: every numeric field there is.
NUMERIC_FILES = [EXAMPLE, LEVELS / "classroom" / "regional-compact.yaml",
                 LEVELS / "examples" / "strategies" / "regional-deal.yaml"]


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", "1.0e+999"])
@pytest.mark.parametrize("source", NUMERIC_FILES, ids=lambda p: p.stem)
def test_a_non_finite_number_in_any_numeric_field_is_a_located_plain_problem(
        source: Path, written: str) -> None:
    text = source.read_text(encoding="utf-8")
    scalars = numeric_scalars(text)
    assert len(scalars) >= 9
    for node in scalars:
        start, end = node.start_mark.index, node.end_mark.index
        doc, problems = parse_text(text[:start] + written + text[end:], "nan.yaml")
        assert doc is not None
        level, more = check_document(doc)
        everything = [*problems, *more]
        assert level is None
        assert all(p.code in PROBLEM_KINDS and p.code != "internal-error" for p in everything)
        located = [p for p in everything if p.code == "number-not-finite"]
        assert [(p.line, p.column) for p in located] == [
            (node.start_mark.line + 1, node.start_mark.column + 1)], written
        assert "not a number that can be used" in located[0].message


def test_play_with_a_broken_level_prints_the_checkers_messages_and_exits_with_one(
        capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["play", str(BROKEN / "nan-objective.yaml")]) == 1
    err = capsys.readouterr().err
    assert "cannot be played" in err
    assert "nan-objective.yaml:16:12: error: objectives[0].below: `.NaN`" in err


def test_play_with_an_unknown_level_exits_with_one(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["play", "no-such-level"]) == 1
    assert "no level file or shipped level" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_named_as_a_level_is_refused_without_being_read(tmp_path: Path,
                                                                capsys) -> None:
    from game.cli import main

    fifo = tmp_path / "level.yaml"
    os.mkfifo(fifo)
    _, problems = check_file(fifo)
    assert [p.code for p in problems] == ["file-unreadable"]
    assert main(["play", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err
