"""The one-way dependency rule of DESIGN.md §2: ui → play → content → sim."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"

#: For each package, the packages and libraries it must never import.
FORBIDDEN = {
    "sim": {"pygame", "pygame_gui", "yaml", "pydantic", "game.content", "game.play", "game.ui",
            "game.cli", "game.commands"},
    "content": {"pygame", "pygame_gui", "game.play", "game.ui", "game.cli", "game.commands"},
    "play": {"pygame", "pygame_gui", "yaml", "game.ui", "game.cli", "game.commands"},
}


def imported_names(path: Path) -> set[str]:
    """Every module an import statement in ``path`` names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(package: str) -> list[str]:
    """Files of ``package`` that import something forbidden to it."""
    found = []
    for path in sorted((GAME / package).rglob("*.py")):
        for name in imported_names(path):
            for bad in FORBIDDEN[package]:
                if name == bad or name.startswith(bad + "."):
                    found.append(f"{path.relative_to(GAME.parent)} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_inner_layers(package: str) -> None:
    assert violations(package) == []


def test_importing_sim_pulls_in_neither_pygame_nor_yaml() -> None:
    code = (
        "import sys, pkgutil, importlib, game.sim\n"
        "for m in pkgutil.walk_packages(game.sim.__path__, 'game.sim.'):\n"
        "    importlib.import_module(m.name)\n"
        "top = {n.split('.')[0] for n in sys.modules}\n"
        "bad = sorted(top & {'pygame', 'yaml', 'pygame_gui'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_checker_catches_a_pygame_import_in_sim(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import pygame\n", encoding="utf-8")
    assert "pygame" in imported_names(bad)
