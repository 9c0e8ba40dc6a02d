"""Settings: choices kept on Apply, saved to disk, and the screen redrawn at the new scale."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import key, layout_problems, press, unreachable_buttons

from game.play.settings import load_settings
from game.ui import theme
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene


def open_settings(app):
    scene = SettingsScene(app, back_to=TitleScene(app))
    app.switch(scene)
    return scene


def test_apply_saves_the_choices_and_rescales_the_interface(make_app) -> None:
    app = make_app((1920, 1080))
    scene = open_settings(app)
    [b200] = [b for b, v in scene.scale_buttons if v == 2.0]
    [cb] = [b for b, v in scene.palette_buttons if v is True]
    press(app, b200)
    press(app, cb)
    press(app, scene.apply_button)
    saved = load_settings().settings
    assert saved.ui_scale == 2.0 and saved.colourblind is True
    assert theme.scale() == 2.0
    assert theme.GOOD == theme.OKABE_ITO["blue"]
    # The same screen is rebuilt at the new scale: its buttons are twice as tall.
    assert isinstance(app.scene, SettingsScene)
    assert app.scene.apply_button.rect.height == 88
    theme.set_palette(False)


def test_back_without_apply_changes_nothing(make_app) -> None:
    app = make_app()
    scene = open_settings(app)
    [b150] = [b for b, v in scene.scale_buttons if v == 1.5]
    press(app, b150)
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, TitleScene)
    assert load_settings().settings.ui_scale == 1.0
    assert theme.scale() == 1.0


def test_a_game_without_sounds_opens_no_audio_device_and_offers_no_volume(make_app) -> None:
    app = make_app()
    scene = open_settings(app)
    assert not pygame.mixer.get_init()  # a machine without sound stays quiet at start
    assert "volume" not in scene.draft
    assert not any("olume" in label for label, _ in scene.rows)


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 1.0), ((1920, 1080), 2.0),
                                             ((1280, 720), 1.5)])
def test_settings_layout_fits_and_every_button_is_reachable(make_app, size, scale) -> None:
    app = make_app(size, scale)
    scene = open_settings(app)
    app.frame(0.016)
    assert layout_problems(app, scene) == []
    assert unreachable_buttons(scene, app) == []


def test_200_percent_on_a_small_window_shrinks_to_what_fits(make_app) -> None:
    from game.ui.app import effective_scale
    from game.ui.scenes.level_picker import LevelPickerScene

    assert effective_scale(2.0, (1920, 1080)) == 2.0
    assert effective_scale(2.0, (1280, 720)) == pytest.approx(1280 / 960)
    assert effective_scale(1.5, (800, 600)) == 1.0
    # Type grows with the window: 100% at 1280×720 is 150% at 1920×1080.
    assert effective_scale(1.0, (1280, 720)) == 1.0
    assert effective_scale(1.0, (1920, 1080)) == pytest.approx(1.5)
    assert effective_scale(1.0, (2560, 1440)) == pytest.approx(2.0)
    app = make_app((1280, 720), 2.0)
    assert theme.scale() == pytest.approx(1280 / 960)
    scene = LevelPickerScene(app)
    app.switch(scene)
    assert layout_problems(app, scene) == []


def test_growing_the_window_lets_the_chosen_scale_grow_back(make_app) -> None:
    app = make_app((1280, 720), 2.0)
    app.switch(TitleScene(app))
    app.process(pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080))
    assert theme.scale() == 2.0
    assert isinstance(app.scene, TitleScene)
