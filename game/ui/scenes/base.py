"""The scene lifecycle, documented once (STYLE.md 6).

A scene is one screen. The app calls, every frame:

1. ``handle(event)`` for each pending event. It returns the next scene to switch to, or ``None``
   to stay. Returning ``QUIT`` ends the app. pygame_gui events reach the scene after the UI
   manager has processed them; keys that move the keyboard focus (Tab, Enter on a button, arrows
   on a slider) reach it already turned into the widget events a mouse would cause.
2. ``update(dt)`` with the seconds since the last frame, for animation.
3. ``draw(surface)`` to paint the scene; the app then draws the pygame_gui widgets on top,
   ``draw_over(surface)`` over them (an outline round a widget), and the focus ring on top.

``enter()`` runs when the scene becomes current (build widgets there, sized for the current
window and UI scale); ``leave()`` when it stops being current (the app clears the widgets). A
window resize calls ``leave()`` then ``enter()`` again on the same scene, so a scene keeps its
state in attributes set in ``__init__``, and only its widgets in ``enter()``.

A scene opens the next one by name — ``open_scene("report", self.app, game, report)``
(``registry.py``) — so no scene module imports another.

``animating`` tells the app whether the scene needs frames while nothing happens: an idle scene
costs almost no CPU. ``back()`` is where Escape leads (nothing is a dead end); ``autoplay()`` is
what ``borderlines play --autoplay`` does on this screen: the next scene, as a player pressing the
obvious button would reach it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui.scenes.kit import FocusRing, standard_hints
from game.ui.scenes.registry import register

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """Base class of every screen."""

    #: A short name used for screenshots (``03_briefing.png``) and tests.
    name = "scene"
    #: True while the scene animates; False lets the app sleep until the next event.
    animating = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Register each screen of ``game.ui.scenes`` under its ``name`` (see registry.py)."""
        super().__init_subclass__(**kwargs)
        if ("name" in cls.__dict__ and cls.__module__.startswith("game.ui.scenes.")
                and not cls.__name__.startswith("_")):
            register(cls.name, cls)

    def __init__(self, app: App) -> None:
        self.app = app
        self.focus = FocusRing()

    def enter(self) -> None:
        """Build the scene's widgets; called when it becomes current."""

    def leave(self) -> None:
        """Release what the scene holds; the app clears the widgets."""
        self.focus = FocusRing()

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """React to one event; return the next scene, or None to stay."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.back()
        return None

    def back(self) -> Scene | None:
        """Where Escape leads; None stays."""
        return None

    def update(self, dt: float) -> Scene | None:
        """Advance animations by ``dt`` seconds; may return the next scene."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene (widgets are drawn by the app afterwards)."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Paint what goes over the widgets (under the focus ring): outlines, pointers."""

    def hints(self) -> list[tuple[str, str]]:
        """The keys this screen answers, shown in the footer: (key, what it does)."""
        return standard_hints()

    @property
    def shot_name(self) -> str:
        """The screenshot's name: the scene's name, plus the tab shown where there are tabs."""
        return self.name

    def panels(self) -> list[pygame.Rect]:
        """The panels widgets are laid out in (layout tests check nothing spills out)."""
        return []

    def autoplay(self) -> Scene | None:
        """What autoplay does here: the next scene a player would reach, or None to wait."""
        return None


class _Quit(Scene):
    name = "quit"


#: Returned by a scene to end the app. Compared by identity.
QUIT: Scene = _Quit.__new__(_Quit)
