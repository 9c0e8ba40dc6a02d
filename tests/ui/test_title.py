"""The title screen: a dimmed map behind the menu, every way in, Escape quits, idle sleeps."""

from __future__ import annotations

import pygame
from ui_helpers import key, layout_problems, press, unreachable_buttons

from game.ui import theme
from game.ui.scenes.base import QUIT
from game.ui.scenes.level_picker import LevelPickerScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene


def test_title_draws_the_name_over_a_dark_dimmed_background(make_app) -> None:
    app = make_app()
    app.switch(TitleScene(app))
    app.frame(0.016)
    surface = app.screen
    assert surface.get_size() == (1280, 720)
    corner = surface.get_at((5, 5))[:3]
    assert all(abs(a - b) <= 24 for a, b in zip(corner, theme.BACKGROUND, strict=True))
    # The title's letters are bright where the background is dark.
    band = pygame.Rect(440, 150, 400, 60)
    brightest = max(sum(surface.get_at((x, y))[:3]) for x in range(band.left, band.right, 3)
                    for y in range(band.top, band.bottom, 3))
    assert brightest > 600


def test_escape_on_the_title_quits(make_app) -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    assert scene.handle(key(pygame.K_ESCAPE)) is QUIT


def test_quit_button_quits_and_every_button_fits_the_window(make_app) -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    assert layout_problems(app, scene) == []
    press(app, scene.quit_button)
    assert app.running is False


def test_continue_is_disabled_until_a_game_was_autosaved(make_app) -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    assert not scene.continue_button.is_enabled
    assert unreachable_buttons(scene, app) == []


def test_campaign_custom_and_settings_open_their_screens(make_app) -> None:
    app = make_app()
    for button, expected, section in (("campaign_button", LevelPickerScene, "campaign"),
                                      ("custom_button", LevelPickerScene, "custom"),
                                      ("settings_button", SettingsScene, None)):
        scene = TitleScene(app)
        app.switch(scene)
        press(app, getattr(scene, button))
        assert isinstance(app.scene, expected)
        if section:
            assert app.scene.section == section


def test_keyboard_alone_reaches_settings_from_the_title(make_app) -> None:
    app = make_app()
    scene = TitleScene(app)
    app.switch(scene)
    # Campaign has the focus first (nothing to continue); Tab walks down the menu.
    assert scene.focus.current is scene.campaign_button
    for _ in range(len(scene.buttons)):
        if scene.focus.current is scene.settings_button:
            break
        app.process(key(pygame.K_TAB))
    app.process(key(pygame.K_RETURN))
    assert isinstance(app.scene, SettingsScene)
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, TitleScene)


def test_title_at_200_percent_on_1080p_keeps_every_button_inside(make_app) -> None:
    app = make_app((1920, 1080), 2.0)
    scene = TitleScene(app)
    app.switch(scene)
    app.frame(0.016)
    assert layout_problems(app, scene) == []


def test_title_is_idle_so_the_app_sleeps(make_app) -> None:
    app = make_app()
    assert TitleScene(app).animating is False
