"""Every file of the broken corpus gets its mistake reported at its line, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import check_paths, format_problem
from game.content.problems import PROBLEM_KINDS

BROKEN = Path(__file__).parent / "broken"
HEADER = re.compile(r"^# expect: (?P<pos>\d+:\d+|-) (?P<code>[a-z-]+) (?P<phrase>.+)$")

#: Files that cannot carry a `# expect:` comment: (line, column, code, phrase).
WITHOUT_HEADER = {
    "empty.yaml": (1, 1, "file-empty", "the file is empty"),
    "binary.yaml": (1, 1, "file-binary", "not a text file"),
    "latin1.yaml": (3, 22, "file-encoding", "not UTF-8 text (byte 0xE9"),
    "utf16.yaml": (1, 1, "file-encoding", "saved as UTF-16"),
}


def expectation(path: Path) -> tuple[tuple[int, int] | None, str, str]:
    if path.name in WITHOUT_HEADER:
        line, column, code, phrase = WITHOUT_HEADER[path.name]
        return (line, column), code, phrase
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = HEADER.match(first)
    assert match, f"{path.name} has no `# expect:` header"
    pos = None if match["pos"] == "-" else tuple(int(x) for x in match["pos"].split(":"))
    return pos, match["code"], match["phrase"]  # type: ignore[return-value]


CORPUS = sorted(BROKEN.glob("*.yaml"))


def test_the_corpus_has_at_least_thirty_broken_files() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_broken_file_reports_its_mistake_at_the_right_place(path: Path) -> None:
    pos, code, phrase = expectation(path)
    problems = check_paths([path])
    printed = "\n".join(format_problem(p) for p in problems)
    matching = [p for p in problems if p.code == code and phrase in f"{p.message} {p.hint}"]
    assert matching, f"expected {code} with {phrase!r}, got:\n{printed}"
    if pos is not None:
        assert any((p.line, p.column) == pos for p in matching), printed
    assert code in PROBLEM_KINDS


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_problem_is_printed_as_path_line_column_severity_message(path: Path) -> None:
    for problem in check_paths([path]):
        first = format_problem(problem).splitlines()[0]
        assert re.match(r"^.+?(:\d+:\d+)?: (error|warning): .+", first), first
        assert problem.severity in ("error", "warning")


def test_the_check_command_lists_every_broken_file_and_exits_with_one() -> None:
    out = subprocess.run([sys.executable, "-m", "game", "check", str(BROKEN)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    for path in CORPUS:
        assert path.name in out.stdout
    assert re.search(r"\d+ errors? .*in \d+ files \(\d+ files checked\)\.$", out.stdout.strip())
