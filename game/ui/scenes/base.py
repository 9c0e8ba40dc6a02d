"""The scene lifecycle, documented once (STYLE.md 6).

A scene is one screen. The app calls, every frame:

1. ``handle(event)`` for each pending event. It returns the next scene to switch to, or ``None``
   to stay. Returning ``QUIT`` ends the app. pygame_gui events reach the scene after the UI
   manager has processed them.
2. ``update(dt)`` with the seconds since the last frame, for animation.
3. ``draw(surface)`` to paint the scene; the app then draws the pygame_gui widgets on top.

``enter()`` runs when the scene becomes current (build widgets there); ``leave()`` when it stops
being current (the app clears the widgets). ``animating`` tells the app whether the scene needs
frames while nothing happens: an idle scene costs almost no CPU.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """Base class of every screen."""

    #: A short name used for screenshots (``title.png``) and tests.
    name = "scene"
    #: True while the scene animates; False lets the app sleep until the next event.
    animating = False

    def __init__(self, app: App) -> None:
        self.app = app

    def enter(self) -> None:
        """Build the scene's widgets; called when it becomes current."""

    def leave(self) -> None:
        """Release what the scene holds; the app clears the widgets."""

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """React to one event; return the next scene, or None to stay."""
        return None

    def update(self, dt: float) -> Scene | None:
        """Advance animations by ``dt`` seconds; may return the next scene."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene (widgets are drawn by the app afterwards)."""


class _Quit(Scene):
    name = "quit"


#: Returned by a scene to end the app. Compared by identity.
QUIT: Scene = _Quit.__new__(_Quit)
