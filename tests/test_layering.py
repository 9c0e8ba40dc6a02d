"""The one-way dependency rule of DESIGN.md §2: ui → play → content → sim."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"

#: For each package, the packages and libraries it must never import. The UI reads and sends
#: everything through ``game.play`` (DESIGN.md §2), which hands on the registry's names
#: (``game.play.names``) and the level catalogue (``game.play.catalog``); no exception is needed.
FORBIDDEN = {
    "sim": {"pygame", "pygame_gui", "yaml", "pydantic", "game.content", "game.play", "game.ui",
            "game.cli", "game.commands"},
    "content": {"pygame", "pygame_gui", "game.play", "game.ui", "game.cli", "game.commands"},
    "play": {"pygame", "pygame_gui", "yaml", "game.ui", "game.cli", "game.commands"},
    "ui": {"game.sim", "game.content", "game.cli", "game.commands"},
    # The LAN host (students' devices) sits beside the UI, above play: it reads and sends
    # everything through ``game.play``, exactly as the desktop does, and never draws.
    "net": {"pygame", "pygame_gui", "game.sim", "game.content", "game.ui", "game.cli",
            "game.commands"},
}


def module_name(path: Path, root: Path) -> str:
    """``game.ui.scenes.desk`` for ``<root>/game/ui/scenes/desk.py`` (a package: its name)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, root: Path | None = None) -> set[str]:
    """Every module an import statement in ``path`` names, relative imports resolved.

    ``root`` is the folder holding the ``game`` package (default: this repository); relative
    imports (``from ..sim import step``) are resolved against the file's place under it.
    """
    root = GAME.parent if root is None else root
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1])
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            names.add(name)
            # ``from game import sim`` and ``from .. import sim`` import the package itself.
            names.update(f"{name}.{alias.name}" for alias in node.names)
    return names


def violations(package: str, root: Path | None = None) -> list[str]:
    """Files of ``package`` that import something forbidden to it."""
    root = GAME.parent if root is None else root
    found = []
    for path in sorted((root / "game" / package).rglob("*.py")):
        for name in imported_names(path, root):
            for bad in FORBIDDEN[package]:
                if name == bad or name.startswith(bad + "."):
                    found.append(f"{path.relative_to(root)} imports {name}")
    return sorted(set(found))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_inner_layers(package: str) -> None:
    assert violations(package) == []


def plant(root: Path, relative: str, code: str) -> None:
    """Write a module at ``root/relative`` with the packages above it."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in [path.parent, *path.parent.parents]:
        if folder == root:
            break
        (folder / "__init__.py").touch()
    path.write_text(code, encoding="utf-8")


@pytest.mark.parametrize("code", [
    "import game.sim.step\n",
    "from game.sim.registry import LEVERS\n",
    "from game import content\n",
    "from ...sim import step\n",
    "from ...sim.registry import LEVERS\n",
    "from ... import sim\n",
    "def later():\n    from ...content.catalog import scan_levels\n",
], ids=["absolute", "absolute-from", "package-from", "relative", "relative-from",
        "relative-package", "inside-a-function"])
def test_a_planted_ui_import_of_an_inner_layer_is_caught(tmp_path: Path, code: str) -> None:
    plant(tmp_path, "game/ui/scenes/planted.py", code)
    found = violations("ui", tmp_path)
    assert found and all(f.startswith("game/ui/scenes/planted.py imports game.s")
                         or f.startswith("game/ui/scenes/planted.py imports game.content")
                         for f in found)


def test_a_relative_import_inside_the_ui_is_allowed(tmp_path: Path) -> None:
    plant(tmp_path, "game/ui/scenes/fine.py", "from ..widgets import charts\nfrom . import kit\n")
    assert violations("ui", tmp_path) == []


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
    plant(tmp_path, "game/sim/bad.py", "import pygame\n")
    assert violations("sim", tmp_path) == ["game/sim/bad.py imports pygame"]
