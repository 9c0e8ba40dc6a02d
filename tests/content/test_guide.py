"""The level guide is generated, up to date, and every example in it passes the checker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content import check_paths, format_problem
from game.content.guide import GUIDE_PATH, MISTAKES, checker_says, render
from game.content.problems import Problem

GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
BASE = """format: borderlines-level/1
id: guide-example
title: Guide example
summary: A level the guide's fragments are pasted into.
start: 2018-01
turns: 40
months_per_turn: 3
countries:
  US: {}
  MX: {}
  CA: {}
objectives:
  - id: base
    text: Base objective
    metric: deaths_in_transit
    below: 100000
"""


def test_the_committed_guide_is_up_to_date() -> None:
    assert GUIDE == render(), (
        "docs/levels.md is stale: run `borderlines schema --guide docs/levels.md`")


def yaml_blocks() -> list[str]:
    """Every YAML block of the guide before the common mistakes (which are wrong on purpose)."""
    correct = GUIDE.split("## Common mistakes")[0]
    blocks = re.findall(r"```yaml\n(.*?)```", correct, flags=re.S)
    return [b for b in blocks if any(line.strip() and not line.lstrip().startswith("#")
                                     for line in b.splitlines())]


def as_file(block: str) -> str:
    """A whole file as is; a fragment pasted into the base level (replacing its keys)."""
    if re.search(r"^format:", block, flags=re.M):
        return block
    keys = set(re.findall(r"^([a-z_]+):", block, flags=re.M))
    kept, skipping = [], False
    for line in BASE.splitlines():
        if line and not line[0].isspace():
            skipping = line.split(":")[0] in keys
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n" + block


BLOCKS = yaml_blocks()


def test_the_guide_has_an_example_for_every_event_kind_and_the_main_sections() -> None:
    from game.sim.registry import EVENTS

    for kind in EVENTS:
        assert any(f"kind: {kind}" in block for block in BLOCKS), kind
    for heading in ("## A complete worked example", "## Setting up an editor",
                    "## Every field of a level", "## Common mistakes", "## Strategies",
                    "## Campaigns", "yaml.schemas", "yaml-language-server: $schema="):
        assert heading in GUIDE


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_every_example_in_the_guide_passes_the_checker(index: int, tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(as_file(BLOCKS[index]), encoding="utf-8")
    problems: list[Problem] = check_paths([path])
    whole_file = re.search(r"^format:", BLOCKS[index], flags=re.M) is not None
    # A pasted fragment may leave the base level's texts untranslated: warnings allowed there.
    shown = problems if whole_file else [p for p in problems if p.is_error]
    assert shown == [], "\n".join(format_problem(p) for p in shown)


@pytest.mark.parametrize("title,snippet", MISTAKES, ids=[t for t, _ in MISTAKES])
def test_every_common_mistake_gets_a_located_message_with_a_hint(title: str,
                                                                 snippet: str) -> None:
    _, said = checker_says(snippet)
    assert re.match(r"^my-level\.yaml:\d+:\d+: (error|warning): ", said), said
    assert "hint: " in said
    assert "Traceback" not in said
