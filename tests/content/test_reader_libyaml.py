"""libyaml reads clean files fast; every file reads exactly as with the pure-Python parser.

The checker's messages (tests/content/test_broken_files.py) were written against PyYAML's
pure-Python parser. The reader now composes with libyaml when it can, so these tests read the
same texts both ways — the shipped levels, the broken corpus, damaged copies of the levels and
the cases where the two parsers are known to differ — and want identical documents and problems.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from game.content import yamlsrc
from game.content.yamlsrc import parse_text
from game.paths import LEVELS

BROKEN = Path(__file__).parent / "broken"
HAS_LIBYAML = yamlsrc.FAST_LOADER is not yaml.SafeLoader
needs_libyaml = pytest.mark.skipif(not HAS_LIBYAML, reason="PyYAML without libyaml 0.2.6+")

#: What the damage inserts: YAML's indicators, line breaks of every kind, tabs, marks, tags,
#: directives, odd characters (surrogate, NUL, BOM, emoji, no-break space) and block headers.
PIECES = [" ", "  ", "\t", ":", ": ", "-", "- ", "'", '"', "#", " #", "[", "]", "{", "}", ",",
          "&a", "*a", "&b {x: 1}", "*b", "!", "!!str ", "!local ", "!!binary ", "!!map ", "|",
          ">", "|-\n", ">+\n", "|2\n", "| #c\n", "\n", "\r", "\r\n", "\x85", "\u2028", "é",
          "😀", "\u00a0", "\ufeff", "\x07", "\x00", "\ud800", "%", "@", "`", "?", "? ",
          "{? a: b}", "[a?b]", "a?", "<<: *a\n", "...\n", "---\n", "%YAML 1.1\n---\n", "\\",
          "~", ".nan", "0o17", "1e9", "yes", "{a:b}", "{a: b}", ": ,", "[ ]", "{ }", "a:b",
          "::", "- -", "'a''b'", "2019-01-01", "12:30", "0x1F", "\n  ", "\n    - x"]


def read_both(text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """(the reader as it is, the reader with the pure-Python parser only) on ``text``."""
    fast = parse_text(text, "f.yaml")
    with monkeypatch.context() as patch:
        patch.setattr(yamlsrc, "FAST_LOADER", yaml.SafeLoader)
        pure = parse_text(text, "f.yaml")
    return fast, pure


def damaged(texts: list[str], rng: random.Random) -> str:
    """One of ``texts`` with one to three insertions, deletions or repeated lines."""
    text = rng.choice(texts)
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(len(text))
        roll = rng.random()
        if roll < 0.6:
            text = text[:pos] + rng.choice(PIECES) + text[pos:]
        elif roll < 0.85:
            text = text[:pos] + text[pos + rng.randint(1, 5):]
        else:
            lines = text.split("\n")
            k = rng.randrange(len(lines))
            text = "\n".join([*lines[:k], lines[k], *lines[k:]])
    return text


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_libyaml_reads_the_files_when_pyyaml_has_a_version_that_limits_nesting() -> None:
    from yaml import _yaml

    expected = yaml.CSafeLoader if tuple(_yaml.get_version()) >= (0, 2, 6) else yaml.SafeLoader
    assert yamlsrc.FAST_LOADER is expected


@needs_libyaml
def test_every_shipped_file_and_every_broken_file_reads_the_same_both_ways(
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(LEVELS.rglob("*.yaml")) + sorted(BROKEN.glob("*.yaml"))
    assert len(files) > 100

    different = [p.name for p in files if len(set(map(repr, read_both(p.read_bytes(),
                                                                      monkeypatch)))) != 1]
    assert different == []


@needs_libyaml
def test_clean_shipped_levels_are_composed_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = yamlsrc._compose

    def pure(text: str, file: str) -> object:
        calls.append(file)
        return real(text, file)

    monkeypatch.setattr(yamlsrc, "_compose", pure)
    for path in sorted(LEVELS.rglob("*.yaml")):
        doc, problems = parse_text(path.read_bytes(), path.name)
        assert doc is not None and problems == [], path.name

    assert calls == [], "a clean file never needs the pure-Python parser"


@needs_libyaml
def test_two_thousand_damaged_levels_read_the_same_both_ways(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(LEVELS.rglob("*.yaml"))
             if p.stat().st_size < 6000]
    rng = random.Random(17)
    different, fast_and_clean = [], 0
    for i in range(2000):
        text = damaged(texts, rng)
        fast, pure = read_both(text, monkeypatch)
        if fast != pure:
            different.append((i, fast, pure))
        fast_and_clean += yamlsrc._compose_fast(text) is not None

    assert different[:3] == []
    assert fast_and_clean > 500, "the damage left plenty of files libyaml reads"


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a: {b: 1, det?ention: x}\n",      # YAML 1.1 ends a plain scalar at ? in a flow mapping
    "a: [x?y, z]\n",
    "a: {b: &x c?d}\nz: *x\n",          # written in a flow mapping, repeated in a block one
    "a: {b: }\n",                       # libyaml marks the empty value one column later
    "a: [b: , c]\n",
    "notes: >#comment\n  text\n",       # libyaml allows a comment right after the header
    "url: https://ww\tw.example.org\n",  # a tab inside a plain scalar
    "a: 1\nb: x\ufeffy\n",              # a byte-order mark inside the text
    "a: \ud800\n",                      # a lone surrogate: libyaml cannot even encode it
])
def test_texts_the_parsers_read_differently_get_the_pure_parsers_words(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, pure = read_both(text, monkeypatch)

    assert yamlsrc._compose_fast(text) is None
    assert fast == pure


@needs_libyaml
@pytest.mark.parametrize("depth", [61, 200, 500, 999, 3000])
def test_deep_nesting_is_reported_as_the_pure_parser_reports_it(
        depth: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: " + "[" * depth + "]" * depth + "\n"
    fast, pure = read_both(text, monkeypatch)

    assert fast == pure
    assert [p.code for p in fast[1]] == ["yaml-too-big"]  # type: ignore[index]
