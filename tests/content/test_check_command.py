"""`borderlines check` and `borderlines schema` as a teacher runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.paths import LEVELS

BROKEN = Path(__file__).parent / "broken"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          text=True, timeout=120)


def test_a_good_level_exits_with_zero_and_says_so() -> None:
    out = run("check", str(LEVELS / "examples" / "minimal.yaml"))
    assert out.returncode == 0
    assert out.stdout.strip() == "No problems found (1 file checked)."


def test_a_broken_level_prints_each_problem_with_its_hint_then_a_summary() -> None:
    out = run("check", str(BROKEN / "typo-lever.yaml"), str(BROKEN / "month-13.yaml"))
    assert out.returncode == 1
    lines = out.stdout.strip().splitlines()
    at = next(i for i, line in enumerate(lines) if "typo-lever.yaml" in line)
    assert lines[at].endswith("typo-lever.yaml:11:7: error: countries.US.levers.border_agent: "
                              "unknown lever `border_agent`")
    assert lines[at + 1] == "    hint: did you mean `border_agents`?"
    assert any(line.endswith("month-13.yaml:6:8: error: start: `2019-13`: there is no month 13")
               for line in lines)
    assert lines[-1] == "2 errors in 2 files (2 files checked)."


def test_warnings_alone_exit_with_zero() -> None:
    out = run("check", str(BROKEN / "missing-translation.yaml"))
    assert out.returncode == 0
    assert "warning: summary: this text is not translated into `es`" in out.stdout


def test_json_output_lists_the_problems() -> None:
    out = run("check", "--json", str(BROKEN / "unknown-metric.yaml"))
    problems = json.loads(out.stdout)
    assert out.returncode == 1
    assert problems[0]["code"] == "unknown-metric" and problems[0]["line"] == 15


def test_no_path_is_a_usage_error() -> None:
    assert run("check").returncode == 2


def test_a_missing_file_and_a_folder_without_levels(tmp_path: Path) -> None:
    out = run("check", str(tmp_path / "nope.yaml"))
    assert out.returncode == 1 and "no such file" in out.stdout
    empty = run("check", str(tmp_path))
    assert empty.returncode == 0 and "0 files checked" in empty.stdout


def test_schema_writes_one_file_per_format(tmp_path: Path) -> None:
    out = run("schema", "--out", str(tmp_path / "schemas"))
    assert out.returncode == 0
    names = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert names == ["borderlines-campaign.schema.json", "borderlines-level.schema.json",
                     "borderlines-strategy.schema.json"]
    level = json.loads((tmp_path / "schemas" / "borderlines-level.schema.json").read_text())
    assert level["properties"]["format"]["const"] == "borderlines-level/1"


def test_schema_without_out_prints_every_schema() -> None:
    out = run("schema")
    assert out.returncode == 0
    assert set(json.loads(out.stdout)) == {"borderlines-level/1", "borderlines-campaign/1",
                                           "borderlines-strategy/1"}
