"""The level picker: shipped levels, the custom folder, the checker's words for broken files."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import click, key, layout_problems, press, unreachable_buttons

from game.play.campaign import record_result
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


# -- the campaign a player follows ------------------------------------------------------------


def _button(scene, level_id: str):
    return next(b for b, e in scene.level_buttons if e.level is not None
                and e.level.id == level_id)


def test_the_campaign_lists_only_campaign_levels_in_the_campaign_files_order(make_app) -> None:
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    listed = [e.level.id for _, e in scene.level_buttons]
    assert listed == ["tutorial", "the-45-days", "regional-approach"]
    assert [b.text for b, _ in scene.level_buttons] == [
        "1. First year at the desk", "2. The 45 Days (locked)", "3. A regional approach (locked)"]


def test_a_locked_level_says_what_unlocks_it_and_cannot_be_played(make_app) -> None:
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    click(app, _button(scene, "the-45-days"))
    scene = app.scene
    assert scene.selected.level.id == "the-45-days" and scene.selected.locked
    assert not scene.play_button.is_enabled
    tutorial_title = scene.shipped[0].title
    assert scene.selected.step.unlock_text == f"Finish {tutorial_title} to unlock"
    click(app, scene.play_button)
    assert app.scene is scene                     # nothing started


def test_stars_won_show_in_the_list_and_open_the_next_level(make_app) -> None:
    record_result("tutorial", 2, 3, True)
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    first, second, third = (b.text for b, _ in scene.level_buttons)
    assert first.endswith("2 of 3 stars") and "(locked)" not in second and "(locked)" in third
    assert scene.selected.level.id == "the-45-days"   # the next level to play is chosen
    assert scene.play_button.is_enabled
    click(app, scene.play_button)
    assert app.scene.name == "briefing"


def test_examples_are_custom_levels_and_classroom_levels_are_not_in_the_picker(make_app) -> None:
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    click(app, scene.custom_tab)
    scene = app.scene
    ids = {e.level.id for e in scene.entries() if e.level is not None}
    assert {"minimal", "every-feature"} <= ids
    assert not ids & {"tutorial", "june-2019-crisis", "regional-compact"}
    everything = {e.level.id for e in [*scene.shipped, *scene.entries()] if e.level is not None}
    assert not everything & {"june-2019-crisis", "regional-compact"}


def test_a_corrupt_progress_file_is_reported_and_the_campaign_still_opens(make_app) -> None:
    from game.play.campaign import progress_path

    progress_path().parent.mkdir(parents=True, exist_ok=True)
    progress_path().write_text("\0\0 not json", encoding="utf-8")
    app = make_app()
    scene = LevelPickerScene(app)
    app.switch(scene)
    app.frame(0.016)
    assert "starts afresh" in scene.progress_message
    assert scene.selected.level.id == "tutorial" and scene.play_button.is_enabled


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_campaign_and_custom_lists_fit_with_stars_and_locks(make_app, size) -> None:
    record_result("tutorial", 3, 3, True)
    app = make_app(size)
    for section in ("campaign", "custom"):
        scene = LevelPickerScene(app, section=section)
        app.switch(scene)
        app.frame(0.016)
        assert layout_problems(app, scene) == []
        assert unreachable_buttons(scene, app) == []
