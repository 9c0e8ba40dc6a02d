"""Scenes open each other by name: no screen imports another, so the screens form no cycle."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import game.ui.scenes
from game.ui.scenes.base import Scene
from game.ui.scenes.registry import open_scene, scene_names
from game.ui.scenes.title import TitleScene

SCENES = Path(game.ui.scenes.__file__).parent
#: Modules of the package that are not screens: the lifecycle, the kit, the registry, helpers.
SHARED = {"base", "kit", "registry", "class_view", "class_countdown", "class_lesson",
          "epilogue", "__init__"}
#: The one import between screens: a team's desk is the single-player desk, built on by
#: subclassing (a class must be imported to be extended; it leads to no cycle).
SUBCLASSES = {("class_desk", "desk")}


def scene_imports(path: Path) -> set[str]:
    """The screen modules of ``game.ui.scenes`` that ``path`` imports, anywhere in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            prefix = "game.ui.scenes."
            if node.module.startswith(prefix):
                found.add(node.module[len(prefix):].split(".")[0])
            elif node.module == "game.ui.scenes":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[3] for a in node.names
                         if a.name.startswith("game.ui.scenes.") and a.name.count(".") >= 3)
    return found - SHARED


def screens() -> dict[str, list[Path]]:
    """Each screen's name and its files: a module, or a folder (``desk/``) of modules."""
    out = {path.stem: [path] for path in SCENES.glob("*.py")}
    out.update({folder.name: sorted(folder.rglob("*.py")) for folder in SCENES.iterdir()
                if (folder / "__init__.py").is_file()})
    return out


def test_no_screen_module_imports_another_screen() -> None:
    edges = {(name, other) for name, files in screens().items() for path in files
             for other in scene_imports(path) if other != name}
    assert edges - SUBCLASSES == set()


def test_the_ui_outside_the_screens_opens_them_by_name_too() -> None:
    ui = SCENES.parent
    outside = [path for path in ui.rglob("*.py") if SCENES not in path.parents]
    assert {str(p.relative_to(ui)): scene_imports(p) for p in outside
            if scene_imports(p)} == {}


def test_every_screen_is_registered_under_its_name() -> None:
    names = scene_names()
    for path in sorted(SCENES.rglob("*.py")):
        dotted = ".".join(path.relative_to(SCENES).with_suffix("").parts)
        module = __import__(f"game.ui.scenes.{dotted}", fromlist=["*"])
        for _, cls in inspect.getmembers(module, inspect.isclass):
            own = cls.__module__ == module.__name__ and not cls.__name__.startswith("_")
            if own and issubclass(cls, Scene) and cls is not Scene:
                assert cls.name in names, f"{cls.__name__} is not registered"


def test_a_scene_opened_by_name_is_the_registered_screen(make_app) -> None:
    app = make_app()
    title = open_scene("title", app, notice="A note")
    assert isinstance(title, TitleScene) and title.notice == "A note"


def test_an_unknown_scene_name_says_which_names_exist(make_app) -> None:
    with pytest.raises(KeyError, match="no scene is called 'titel'.*'title'"):
        open_scene("titel", make_app())
