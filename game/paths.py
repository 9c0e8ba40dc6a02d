"""Where the game's own files are, and where the user's files go (platformdirs).

The game's own files (theme, fonts, map, translations, shipped levels) are package data of
``game.assets`` and ``game.levels``: the repository keeps them at the top level (``assets/``,
``levels/``) and ``pyproject.toml`` maps them into the package, so a wheel, an editable install
and the PyInstaller folder all find them with :mod:`importlib.resources`.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

#: The source checkout this package was imported from: for developer tools and tests only (docs/,
#: schemas/); an installed game never reads from it.
ROOT = Path(__file__).resolve().parent.parent


def package_folder(package: str, in_checkout: str) -> Path:
    """The folder of a data package's files; ``in_checkout`` is its folder in the repository."""
    try:
        folder = files(package)
    except ModuleNotFoundError:
        # A source checkout run without being installed (`PYTHONPATH=. python -m game`): the files
        # are where the repository keeps them. Installs (wheel, editable, PyInstaller) have them.
        return ROOT / in_checkout
    # The game walks these folders (rglob, file sizes and times for the level cache), so it needs
    # real files: every way the game is installed (wheel, editable, PyInstaller folder) has them.
    if not isinstance(folder, Path):
        raise RuntimeError(f"{package} is not installed as plain files ({folder!r}); install "
                           "Borderlines from a wheel, not from a zip")
    return folder


#: The game's theme, fonts, map and translations (``assets/`` in the repository).
ASSETS = package_folder("game.assets", "assets")
#: The shipped levels: campaign/, classroom/, examples/ (``levels/`` in the repository).
LEVELS = package_folder("game.levels", "levels")
APP_NAME = "borderlines"
#: Environment variable that moves every user file (saves, settings) to one folder: used by the
#: tests, so they never touch a real player's files, and by a portable install on a USB stick.
DATA_DIR_ENV = "BORDERLINES_DATA_DIR"


def user_data_path() -> Path:
    """Where the folder for saves and custom levels is, without creating it (never raises).

    For paths shown or proposed to the player (an export folder): a read-only profile must not
    stop a screen from opening; writing there later says why it failed.
    """
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME,
                                                                          appauthor=False))


def user_data_dir() -> Path:
    """The folder for saves and custom levels, created on first use (raises OSError if not)."""
    path = user_data_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    """The folder for the settings file, created on first use."""
    override = os.environ.get(DATA_DIR_ENV)
    path = (Path(override) / "config" if override
            else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))
    path.mkdir(parents=True, exist_ok=True)
    return path
