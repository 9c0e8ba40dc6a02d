"""The level picker: shipped levels, the custom folder, the checker's words for broken files."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import key, layout_problems, press, unreachable_buttons

from game.play.catalog import custom_levels_dir
from game.ui.scenes import level_picker
from game.ui.scenes.level_picker import LevelPickerScene, open_folder
from game.ui.scenes.title import TitleScene

BROKEN = """format: borderlines-level/1
id: Broken Level
title: My broken level
summary: Nothing works.
start: 2019-13
turns: 4
countries:
  US: {playable: true}
  XX: {}
"""


def test_shipped_levels_are_listed_and_the_first_can_be_played(make_app) -> None:
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    assert scene.shipped and all(e.ok for e in scene.shipped)
    assert scene.selected is scene.shipped[0]
    assert scene.play_button.is_enabled
    assert scene.role_buttons, "a shipped level names at least one playable country"


def test_a_broken_custom_file_shows_every_located_problem(make_app) -> None:
    app = make_app()
    (custom_levels_dir() / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    scene = LevelPickerScene(app, section="custom")
    app.switch(scene)
    [entry] = scene.custom
    assert not entry.ok
    assert not scene.play_button.is_enabled
    text = scene.problems_box.html_text
    assert "broken.yaml:2:" in text and "id" in text          # the bad id, with its line
    assert "month 13" in text or "2019-13" in text            # the impossible month
    assert "XX" in text                                       # the unknown country
    assert len(entry.problems) >= 3
    assert layout_problems(app, scene) == []


def test_reload_picks_up_a_file_fixed_in_the_folder(make_app) -> None:
    app = make_app()
    folder = custom_levels_dir()
    scene = LevelPickerScene(app, section="custom")
    app.switch(scene)
    assert scene.custom == []
    shipped = scene.shipped[0].path.read_text(encoding="utf-8")
    (folder / "mine.yaml").write_text(shipped, encoding="utf-8")
    press(app, scene.reload_button)
    assert [e.ok for e in app.scene.custom] == [True]


def test_open_folder_fails_gracefully_without_a_file_manager(monkeypatch, tmp_path) -> None:
    def missing(*args, **kwargs):
        raise FileNotFoundError("xdg-open")

    monkeypatch.setattr(level_picker.subprocess, "Popen", missing)
    monkeypatch.setattr(level_picker.sys, "platform", "linux")
    message = open_folder(Path(tmp_path))
    assert str(tmp_path) in message and "Could not open" in message


def test_escape_and_back_return_to_the_title(make_app) -> None:
    app = make_app()
    app.switch(LevelPickerScene(app))
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, TitleScene)
    scene = LevelPickerScene(app)
    app.switch(scene)
    press(app, scene.back_button)
    assert isinstance(app.scene, TitleScene)


@pytest.mark.parametrize(("size", "scale", "section"),
                         [((1280, 720), 1.0, "campaign"), ((1920, 1080), 2.0, "campaign"),
                          ((1920, 1080), 2.0, "custom")])
def test_picker_layout_fits_at_every_scale(make_app, size, scale, section) -> None:
    app = make_app(size, scale)
    (custom_levels_dir() / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    scene = LevelPickerScene(app, section=section)
    app.switch(scene)
    app.frame(0.016)
    assert layout_problems(app, scene) == []
    assert unreachable_buttons(scene, app) == []


def test_a_custom_levels_folder_whose_name_is_too_long_lists_nothing_and_opens(make_app,
                                                                               tmp_path) -> None:
    from game.play.settings import Settings

    app = make_app()
    app.settings = Settings(custom_levels_dir=str(tmp_path / ("x" * 300)))  # ENAMETOOLONG
    scene = LevelPickerScene(app)
    app.switch(scene)
    app.frame(0.0)
    assert [b for b, e in scene.level_buttons if e.level.id == "tutorial"]
