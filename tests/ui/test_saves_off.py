"""A read-only data folder or a full disk: "saves are off" on every screen, and play goes on.

Single-player and classroom games save through the same autosave, whose one status the app
draws above the key hints. Also here: Escape pressed twice in one frame quits cleanly.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, press

from game.play import saves
from game.play.saves import storage
from game.ui import theme
from game.ui.app import draw_saves_off, saves_off_text
from game.ui.scenes.class_handover import HandOverScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.level_picker import LevelPickerScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.title import TitleScene
from tests.ui.test_class_screens import desk_of_next_team, set_up


@pytest.fixture
def unusable_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder that cannot be created (its parent is a file), like a read-only profile."""
    blocker = tmp_path / "profile"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(blocker / "borderlines"))
    return blocker / "borderlines"


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save write fails as on a full disk."""

    def no_space(path: object, data: bytes) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_atomic", no_space)


def strip_shown(app) -> bool:
    """Whether the screen shows the "saves are off" strip (its top edge in the warning colour)."""
    app.frame(0.0)
    from game.ui.scenes.kit import footer_height

    scratch = pygame.Surface(app.screen.get_size())
    rect = draw_saves_off(scratch, app.screen.get_height() - footer_height())
    return rect is not None and tuple(app.screen.get_at((rect.left + 4, rect.top)))[:3] == \
        theme.BAD


def walk_to_the_desk(app) -> DeskScene:
    app.switch(TitleScene(app))
    press(app, app.scene.campaign_button)
    assert isinstance(app.scene, LevelPickerScene)
    [tutorial] = [b for b, e in app.scene.level_buttons if e.level.id == "tutorial"]
    press(app, tutorial)
    press(app, app.scene.play_button)
    press(app, app.scene.desk_button)
    assert isinstance(app.scene, DeskScene)
    return app.scene


def test_a_data_folder_that_cannot_be_created_means_saves_off_through_a_whole_game(
        make_app, unusable_data_folder: Path) -> None:
    assert saves.probe_saves().off  # at start, before any game
    app = make_app()
    app.switch(TitleScene(app))
    assert strip_shown(app)
    desk = walk_to_the_desk(app)
    for _ in range(desk.game.turns):
        press(app, app.scene.end_button)
        assert isinstance(app.scene, ReportScene)
        assert "could not be saved" in app.scene.game.message
        assert strip_shown(app)
        press(app, app.scene.next_button)
    assert isinstance(app.scene, DebriefScene)  # used to crash creating the export folder
    assert strip_shown(app)
    assert not unusable_data_folder.exists()


def test_a_full_disk_in_single_player_shows_the_notice_and_clears_when_saving_works(
        make_app, monkeypatch: pytest.MonkeyPatch, full_disk: None) -> None:
    app = make_app()
    walk_to_the_desk(app)
    assert not strip_shown(app)
    press(app, app.scene.end_button)
    assert "No space left on device" in saves_off_text()
    assert strip_shown(app)
    monkeypatch.undo()  # space was freed
    press(app, app.scene.next_button)
    press(app, app.scene.end_button)
    assert saves_off_text() == ""
    assert not strip_shown(app)


def test_a_full_disk_in_a_classroom_is_shown_not_swallowed(make_app, full_disk: None) -> None:
    app = make_app()
    set_up(app)
    desk = desk_of_next_team(app)
    press(app, desk.end_button)
    assert isinstance(app.scene, HandOverScene)
    assert "No space left on device" in saves_off_text()
    assert strip_shown(app)
    # The lesson goes on: the next team still gets its desk.
    desk_of_next_team(app)
    assert strip_shown(app)


def test_a_read_only_data_folder_in_a_classroom_is_shown(make_app,
                                                        unusable_data_folder: Path) -> None:
    app = make_app()
    set_up(app)
    press(app, desk_of_next_team(app).end_button)
    assert isinstance(app.scene, HandOverScene)
    assert strip_shown(app)
    assert "save folder is not available" in saves_off_text()


def test_two_escapes_in_one_frame_quit_without_an_error(make_app) -> None:
    app = make_app()
    app.switch(TitleScene(app))
    for _ in range(3):
        pygame.event.post(key(pygame.K_ESCAPE))
    for event in pygame.event.get():  # as the frame loop does: one batch per frame
        app.process(event)
    assert app.running is False
