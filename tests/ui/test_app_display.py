"""How the app asks SDL to show its frames (no window needed)."""

from __future__ import annotations

import os

import pygame
import pytest

from game.ui import app


@pytest.mark.parametrize(("driver", "hint"), [("x11", "0"), ("wayland", None),
                                               ("windows", None), ("dummy", None)])
def test_frames_go_through_shared_memory_on_x11_only(monkeypatch, driver, hint) -> None:
    # On X11 SDL's default uploads each frame through OpenGL: 8 ms a 1080p frame where OpenGL
    # is software. Wayland has no other path, so the hint would break it there.
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "")  # so that teardown undoes the hint
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION")
    monkeypatch.setattr(pygame.display, "get_driver", lambda: driver)
    app._prefer_native_framebuffer()
    assert os.environ.get("SDL_FRAMEBUFFER_ACCELERATION") == hint


def test_a_users_own_framebuffer_choice_is_kept(monkeypatch) -> None:
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "opengl")
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")
    app._prefer_native_framebuffer()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "opengl"


def test_waiting_for_input_returns_what_arrived_or_nothing_after_the_timeout() -> None:
    pygame.display.init()
    try:
        pygame.event.clear()
        pygame.event.post(pygame.event.Event(pygame.USEREVENT, which=1))
        assert [e.type for e in app.wait_for_input(5_000)] == [pygame.USEREVENT]
        # Nothing arrives: it gives up at the timeout with no events.
        assert app.wait_for_input(30) == []
    finally:
        pygame.display.quit()
