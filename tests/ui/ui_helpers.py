"""Layout and input helpers for scene tests (imported by the tests in this folder)."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import UIContainer
from pygame_gui.elements import UIButton, UILabel

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
        if isinstance(e, (UIButton, UILabel)) and e.text and r.width > 0:
            width = e.font.size(e.text)[0]
            if width > r.width - 4:
                problems.append(f"{name}: text is {width}px wide in a {r.width}px box")
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.rect.colliderect(b.rect):
                problems.append(f"{type(a).__name__} {tuple(a.rect)} overlaps "
                                f"{type(b).__name__} {tuple(b.rect)}")
    return problems


def record_drawn_text(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Every string the scene's own fonts render from now on (pygame_gui's widgets aside)."""
    from functools import cache

    from game.ui import theme

    drawn: list[str] = []

    class Recording(pygame.font.Font):
        def render(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(str(text))
            return super().render(text, *args, **kwargs)

    @cache
    def recording_font(pixels: int, bold: bool, italic: bool) -> pygame.font.Font:
        style = "Bold" if bold else "Italic" if italic else "Regular"
        return Recording(theme.FONTS / f"NotoSans-{style}.ttf", pixels)

    monkeypatch.setattr(theme, "_font", recording_font)
    return drawn


def unreachable_buttons(scene: Scene, app: App) -> list[str]:
    """Enabled, visible buttons that Tab never reaches."""
    reached = set()
    for _ in range(len(scene.focus.items) + 1):
        scene.focus.move(1)
        if scene.focus.current is not None:
            reached.add(id(scene.focus.current))
    return [e.text for e in widgets(app) if isinstance(e, UIButton) and e.is_enabled
            and id(e) not in reached]


# -- real input: the events pygame delivers when a person clicks and types ---------------------


def pump(app: App) -> None:
    """Deliver the events pygame_gui posted (button presses, Enter in a field) to the app."""
    for event in pygame.event.get():
        app.process(event)


def click(app: App, element_or_pos: pygame_gui.core.UIElement | tuple[int, int]) -> None:
    """Move the mouse onto a widget (or a point), press and release the left button."""
    pos = element_or_pos if isinstance(element_or_pos, tuple) else element_or_pos.rect.center
    app.process(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.manager.update(0.016)
    app.process(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.process(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app)


def tap(app: App, k: int, mod: int = 0) -> None:
    """Press and release one key (no character typed), then deliver what it caused."""
    app.process(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
    app.process(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))
    pump(app)


def type_text(app: App, text: str) -> None:
    """Type ``text`` as a keyboard does: a key press and a text-input event per character."""
    for ch in text:
        k = pygame.K_SPACE if ch == " " else pygame.key.key_code(ch.lower()) if ch.isalnum() \
            else pygame.K_UNKNOWN
        app.process(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=ch, scancode=0))
        app.process(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        app.process(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode=ch, scancode=0))
    pump(app)


def replace_text(app: App, text: str) -> None:
    """Select all in the field being edited (Ctrl+A) and type ``text`` over it."""
    tap(app, pygame.K_a, pygame.KMOD_CTRL)
    type_text(app, text)
