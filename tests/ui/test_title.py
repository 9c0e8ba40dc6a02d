"""The title screen draws, answers Escape and Quit, and lets the app sleep when idle."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui import theme
from game.ui.app import App
from game.ui.scenes.base import QUIT
from game.ui.scenes.title import TitleScene


def make_app() -> App:
    return App(theme.BASE_SIZE)


def test_title_draws_text_on_the_background() -> None:
    app = make_app()
    app.switch(TitleScene(app))
    app.frame(0.016)
    surface = app.screen
    assert surface.get_size() == (1280, 720)
    assert surface.get_at((5, 5))[:3] == theme.BACKGROUND
    # The title's letters differ from the background somewhere in the upper third.
    band = pygame.Rect(300, 150, 680, 100)
    colours = {tuple(surface.get_at((x, y))[:3]) for x in range(band.left, band.right, 7)
               for y in range(band.top, band.bottom, 5)}
    assert len(colours) > 2
    pygame.quit()


def test_escape_on_the_title_quits() -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="")
    assert scene.handle(event) is QUIT
    pygame.quit()


def test_quit_button_quits_and_fits_the_window() -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    assert app.screen.get_rect().contains(scene.quit_button.rect)
    event = pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=scene.quit_button)
    assert scene.handle(event) is QUIT
    pygame.quit()


def test_title_is_idle_so_the_app_sleeps() -> None:
    app = make_app()
    assert TitleScene(app).animating is False
    pygame.quit()
