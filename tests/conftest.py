"""Test set-up: no test needs a display or a sound card (STYLE.md 10)."""

from __future__ import annotations

import os

# Set before anything imports pygame.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test writes saves and settings into a temporary folder, never the real user's."""
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _saves_on() -> None:
    """A test that made an autosave fail does not leave "saves are off" to the next one."""
    from game.play.saves import autosave_status

    autosave_status().error = ""


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English, whatever the environment or the test before chose."""
    from game.i18n import LANGUAGE_ENV, set_language

    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    set_language("en")
