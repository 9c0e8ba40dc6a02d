"""Layout and input helpers for scene tests (imported by the tests in this folder)."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import UIContainer
from pygame_gui.elements import UIButton

from game.ui.app import App
from game.ui.scenes.base import Scene


def widgets(app: App) -> list[pygame_gui.core.UIElement]:
    """The scene's own top-level widgets (not the root container, not parts of widgets)."""
    root = app.manager.get_root_container()
    return [e for e in app.manager.get_sprite_group().sprites()
            if e is not root and getattr(e, "ui_container", None) is root and e.visible
            and not isinstance(e, UIContainer) and getattr(e, "parent_element", None) is None]


def key(k: int, mod: int = 0) -> pygame.event.Event:
    """A key press."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def press(app: App, element: UIButton) -> None:
    """Click a button as pygame_gui reports it."""
    app.process(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=element,
                                   ui_object_id=element.most_specific_combined_id))


def layout_problems(app: App, scene: Scene) -> list[str]:
    """Every layout fact broken on the current screen, in words (empty when all hold)."""
    problems = []
    window = app.screen.get_rect()
    panels = [pygame.Rect(r) for r in getattr(scene, "panels", lambda: [])()]
    items = widgets(app)
    for e in items:
        r = e.rect
        name = f"{type(e).__name__}({getattr(e, 'text', '')!r}) at {tuple(r)}"
        if not window.contains(r):
            problems.append(f"{name} is outside the window {window.size}")
        for p in panels:
            if p.collidepoint(r.center) and not p.contains(r):
                problems.append(f"{name} spills out of its panel {tuple(p)}")
        if isinstance(e, UIButton) and e.text:
            width = e.font.size(e.text)[0]
            if width > r.width - 4:
                problems.append(f"{name}: text is {width}px wide in a {r.width}px button")
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.rect.colliderect(b.rect):
                problems.append(f"{type(a).__name__} {tuple(a.rect)} overlaps "
                                f"{type(b).__name__} {tuple(b.rect)}")
    return problems


def unreachable_buttons(scene: Scene, app: App) -> list[str]:
    """Enabled, visible buttons that Tab never reaches."""
    reached = set()
    for _ in range(len(scene.focus.items) + 1):
        scene.focus.move(1)
        if scene.focus.current is not None:
            reached.add(id(scene.focus.current))
    return [e.text for e in widgets(app) if isinstance(e, UIButton) and e.is_enabled
            and id(e) not in reached]
