"""Helpers for scene tests: an app at a size and UI scale, with user files in a temp folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.play.settings import Settings
from game.ui import theme
from game.ui.app import App

AppFactory = Callable[..., App]


@pytest.fixture(autouse=True)
def user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: no test reads or writes a real player's files."""
    folder = tmp_path / "user"
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_app() -> Iterator[AppFactory]:
    """Build an App of ``size`` at UI ``scale`` (pygame is shut down after the test)."""

    def build(size: tuple[int, int] = (1280, 720), scale: float = 1.0, **kw: object) -> App:
        return App(size, settings=Settings(ui_scale=scale), **kw)  # type: ignore[arg-type]

    yield build
    pygame.quit()
    # Fonts die with pygame.quit(); tests that draw without an App must not get dead ones.
    theme.reset_fonts()
    theme.set_scale(1.0)
    theme.set_palette(False)
