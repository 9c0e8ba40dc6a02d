"""Older formats load with a warning, keep their line numbers, and can be rewritten."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from game.content import check_file, load_level, load_with_warnings
from game.sim.policy import month_index

LEGACY = Path(__file__).parent / "legacy" / "prototype-level.yaml"


def test_a_level_0_file_loads_as_the_current_format_with_a_warning() -> None:
    level, warnings = load_with_warnings(LEGACY, "level")
    assert level.id == "prototype-june"
    assert level.start == "2019-06" and level.turns == 4 and level.seed == 7
    assert level.playable_countries() == ["US", "MX"]
    assert level.ai_personality("CA") == "humanitarian"
    assert level.starting_policy().value("US", "removal") == "expel"
    assert level.events[0].at == "2019-09"
    assert level.to_scenario().events[0].month == month_index(2019, 9)
    assert [w.code for w in warnings] == ["format-migrated"]
    assert warnings[0].line == 2
    assert "borderlines check --upgrade" in warnings[0].hint


def test_problems_in_a_migrated_file_point_at_the_lines_the_author_wrote(tmp_path: Path) -> None:
    broken = tmp_path / "old.yaml"
    broken.write_text(LEGACY.read_text(encoding="utf-8").replace(
        "    border_agents: 21000", "    border_agent: 21000"), encoding="utf-8")
    _, problems = check_file(broken)
    typo = next(p for p in problems if p.code == "unknown-lever")
    assert (typo.line, typo.column) == (15, 5)
    assert typo.yaml_path == "countries.US.levers.border_agent"


def test_check_upgrade_rewrites_the_file_and_keeps_a_backup(tmp_path: Path) -> None:
    copy = tmp_path / "old.yaml"
    shutil.copy(LEGACY, copy)
    out = subprocess.run([sys.executable, "-m", "game", "check", "--upgrade", str(copy)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "upgraded to borderlines-level/1" in out.stdout
    assert copy.read_text(encoding="utf-8").startswith("format: borderlines-level/1")
    assert (tmp_path / "old.yaml.bak").read_text(encoding="utf-8") == LEGACY.read_text(
        encoding="utf-8")
    _, problems = check_file(copy)
    assert problems == []
    assert load_level(copy).to_scenario() == load_level(LEGACY).to_scenario()
