"""Where the game's own files are, and where the user's files go (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
LEVELS = ROOT / "levels"
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
