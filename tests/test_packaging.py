"""The wheel carries everything the game reads: code, assets, levels and licences (issue 17).

`.ci/run` goes further: it installs the wheel into a fresh venv outside the checkout and plays.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser

import pytest

from game.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def checkout_files(folder: str) -> list[str]:
    """Every file the repository keeps under ``folder`` (no caches), relative to it."""
    base = ROOT / folder
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel `python -m build` makes (from the sdist, as PyPI users would get it)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (path,) = out.glob("*.whl")
    return zipfile.ZipFile(path)


def test_every_package_under_game_is_listed_in_pyproject() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    packages = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("*.py")
                if "__pycache__" not in p.parts}

    assert packages - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_the_assets_and_levels_folders_are_mapped_into_the_package() -> None:
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"game.assets": "assets",
                                                              "game.levels": "levels"}


def test_the_licence_is_an_spdx_expression_with_its_files() -> None:
    project = PYPROJECT["project"]

    assert project["license"] == "MIT"
    assert all((ROOT / name).is_file() for name in project["license-files"])
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_wheel_holds_the_theme_fonts_map_catalogue_and_licences(
        wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())

    for needed in ("game/assets/theme.json", "game/assets/fonts/NotoSans-Regular.ttf",
                   "game/assets/fonts/NotoSans-Bold.ttf", "game/assets/fonts/NotoSans-LICENSE.txt",
                   "game/assets/map/north_america.json", "game/assets/map/LICENSE.txt",
                   "game/assets/i18n/en.json", "game/sim/data/SOURCES.md"):
        assert needed in names, needed
    licences = {n.split("/licenses/", 1)[1] for n in names if "/licenses/" in n}
    assert licences == {"LICENSE", "assets/fonts/NotoSans-LICENSE.txt", "assets/map/LICENSE.txt"}


def test_the_wheel_holds_every_file_of_assets_and_levels(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    levels = checkout_files("levels")

    assert {"campaign/tutorial.yaml", "classroom/june-2019-crisis.yaml"} <= set(levels)
    missing = [f"{folder}/{name}" for folder in ("assets", "levels")
               for name in checkout_files(folder) if f"game/{folder}/{name}" not in names]
    assert missing == [], "add their kind to [tool.setuptools.package-data] in pyproject.toml"


def test_the_wheel_holds_every_module_and_data_file_of_the_game(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())

    missing = [f"game/{name}" for name in checkout_files("game") if f"game/{name}" not in names]
    assert missing == []


def test_the_wheel_metadata_names_the_licence_and_the_command(wheel: zipfile.ZipFile) -> None:
    info = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = Parser().parsestr(wheel.read(info).decode("utf-8"))
    entry_points = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))

    assert metadata["License-Expression"] == "MIT"
    assert "LICENSE" in metadata.get_all("License-File")
    assert "borderlines = game.cli:main" in wheel.read(entry_points).decode("utf-8")
