"""The PyInstaller spec bundles what the game loads by name and every data file (issue 17).

The build itself takes minutes, so it is not run here: `python tools/build_installer.py` and
`benchmarks/bench_installer.py` (docs/installing.md); these tests read the spec.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pygame_gui

from game.cli import COMMANDS
from game.paths import ROOT

SPEC = ROOT / "tools" / "installer" / "borderlines.spec"
TREE = ast.parse(SPEC.read_text(encoding="utf-8"))


def spec_list(name: str) -> list[str]:
    """The literal list assigned to ``name`` at the top of the spec."""
    for node in TREE.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets
                                             if isinstance(t, ast.Name)] == [name]:
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"the spec assigns no {name}")


def covered(module: str, packages: list[str]) -> bool:
    """Whether ``module`` is one of ``packages`` or inside one."""
    return any(module == p or module.startswith(p + ".") for p in packages)


def called_with(function: str) -> set[str]:
    """The names of the variables iterated over in comprehensions that call ``function``."""
    found = set()
    for node in ast.walk(TREE):
        if isinstance(node, ast.ListComp) and any(
                isinstance(call, ast.Call) and getattr(call.func, "id", "") == function
                for call in ast.walk(node)):
            found |= {g.iter.id for g in node.generators if isinstance(g.iter, ast.Name)}
    return found


def test_every_command_the_cli_imports_by_name_is_bundled() -> None:
    hidden = spec_list("HIDDEN_PACKAGES")

    assert called_with("collect_submodules") == {"HIDDEN_PACKAGES"}
    assert [c for c in COMMANDS if not covered(f"game.commands.{c}", hidden)] == []


def test_the_games_data_packages_and_pygame_guis_data_are_bundled() -> None:
    data = spec_list("DATA_PACKAGES")

    assert called_with("collect_data_files") == {"DATA_PACKAGES"}
    for package in ("game.assets", "game.levels", "game.sim.data", "pygame_gui"):
        assert covered(package, data), package
    assert any((Path(pygame_gui.__file__).parent / "data").glob("*.json")), \
        "pygame_gui ships its default theme as data"


def test_nothing_the_game_imports_is_excluded() -> None:
    excluded = set(spec_list("EXCLUDES"))

    assert excluded.isdisjoint({"game", "pygame", "pygame_gui", "numpy", "yaml", "pydantic",
                                "platformdirs", "json", "csv", "importlib"})


def test_the_entry_point_is_the_command_line() -> None:
    launcher = SPEC.parent / "launch.py"

    assert '["launch.py"]' in SPEC.read_text(encoding="utf-8")
    assert "from game.cli import main" in launcher.read_text(encoding="utf-8")
