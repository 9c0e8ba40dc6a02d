"""Where the game's own files are, and where the user's files go (platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
LEVELS = ROOT / "levels"
APP_NAME = "borderlines"


def user_data_dir() -> Path:
    """The folder for saves and custom levels, created on first use."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    """The folder for the settings file, created on first use."""
    path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
