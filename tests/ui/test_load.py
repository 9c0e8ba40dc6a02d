"""Load a saved game from the title, and Continue that opens the latest unfinished game."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click, layout_problems, tap, unreachable_buttons

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.play.saved_games import latest_unfinished, saved_games
from game.play.saves import save_slot
from game.ui.scenes.start import make_session
from game.ui.scenes.title import TitleScene


def played(level_id: str, turns: int | None = None) -> SoloGame:
    """A game of ``level_id`` played by a human for ``turns`` turns (all of them if None)."""
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    game = SoloGame(make_session(entry.level, entry.level.playable_countries()[0], None,
                                 autoplay=False), entry.level.playable_countries()[0])
    while not game.finished and (turns is None or game.session.turn <= turns):
        game.end_turn()
    return game


def open_load(app):
    app.switch(TitleScene(app))
    click(app, app.scene.load_button)
    assert app.scene.name == "load"
    return app.scene


def row(scene, text: str):
    return next(b for b, _ in scene.game_buttons if text in b.text)


def test_load_lists_every_game_and_named_save_newest_first_with_turn_and_date(make_app) -> None:
    finished = played("tutorial")
    crisis = played("the-45-days", turns=1)
    save_slot(crisis.session.record, "before the deadline")
    scene = open_load(make_app())
    labels = [b.text.rsplit(" · saved at ", 1) for b, _ in scene.game_buttons]
    assert [label for label, _ in labels] == [
        "“before the deadline” (The 45 Days) · Turn 1 of 3 · 2019-06",
        "The 45 Days · Turn 1 of 3 · 2019-06",
        "First year at the desk · Finished · 4 turns · 2019-07"]
    assert all(len(clock) == 5 and clock[2] == ":" for _, clock in labels)
    kinds = [g.kind for _, g in scene.game_buttons]
    assert kinds[0] == "Named save “before the deadline”" and kinds[1] == "Autosave"
    assert all(g.saved[:4].isdigit() for _, g in scene.game_buttons)
    assert finished.finished


def test_choosing_a_save_plays_on_at_its_desk_and_a_finished_one_opens_its_debrief(
        make_app) -> None:
    played("tutorial")
    played("the-45-days", turns=1)
    app = make_app()
    scene = open_load(app)
    click(app, row(scene, "The 45 Days"))
    click(app, app.scene.open_button)
    assert app.scene.name == "desk" and app.scene.game.turn == 2
    scene = open_load(app)
    click(app, row(scene, "First year"))
    assert app.scene.selected.finished
    click(app, app.scene.open_button)
    assert app.scene.name == "debrief"


def test_an_earlier_turn_of_a_game_opens_as_a_new_branch(make_app) -> None:
    played("tutorial", turns=3)
    app = make_app()
    scene = open_load(app)
    turns = [b.text for b, _ in scene.turn_buttons]
    assert turns == ["Turn 2 · 2019-01", "Turn 1 · 2018-10"]
    click(app, scene.turn_buttons[-1][0])
    assert app.scene.name == "desk" and app.scene.game.turn == 2
    assert app.scene.game.session.record.branch is not None   # turns 2–3 stay as they were
    assert len(saved_games()) == 2


def test_a_save_damaged_after_listing_says_why_and_offers_the_previous_autosave(
        make_app) -> None:
    played("tutorial", turns=2)
    app = make_app()
    scene = open_load(app)
    newest = scene.selected.path
    newest.write_text('{"format": "borderlines-save/1", "chec', encoding="utf-8")
    click(app, scene.open_button)
    scene = app.scene
    assert scene.name == "load" and scene.message
    assert "previous autosave" in scene.message and scene.fallback_button is not None
    assert layout_problems(app, scene) == []
    click(app, scene.fallback_button)
    assert app.scene.name == "desk" and app.scene.game.turn == 2


def test_escape_goes_back_to_the_title(make_app) -> None:
    app = make_app()
    open_load(app)
    tap(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


def test_continue_opens_the_latest_unfinished_game_not_a_newer_finished_one(make_app) -> None:
    crisis = played("the-45-days", turns=1)
    played("tutorial")                                    # finished after the crisis game
    assert latest_unfinished().record.game_id == crisis.session.record.game_id
    app = make_app()
    app.switch(TitleScene(app))
    assert app.scene.continue_button.is_enabled
    click(app, app.scene.continue_button)
    assert app.scene.name == "desk"
    assert app.scene.game.session.view.id == "the-45-days" and app.scene.game.turn == 2


def test_with_only_finished_games_continue_is_off_and_load_still_lists_them(make_app) -> None:
    played("tutorial")
    assert latest_unfinished() is None
    app = make_app()
    app.switch(TitleScene(app))
    assert not app.scene.continue_button.is_enabled
    scene = open_load(app)
    assert [g.finished for _, g in scene.game_buttons] == [True]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_load_screen_fits_and_every_button_is_reachable(make_app, size) -> None:
    played("tutorial", turns=3)
    game = played("the-45-days", turns=1)
    for i in range(24):                                   # more saves than one page holds
        save_slot(game.session.record, f"a named save with a long name, number {i}")
    app = make_app(size)
    scene = open_load(app)
    app.frame(0.016)
    assert scene.more_button is not None
    assert layout_problems(app, scene) == []
    assert unreachable_buttons(scene, app) == []
    for _ in range(scene.pages - 1):                      # the oldest: the tutorial, turn 3
        click(app, app.scene.more_button)
    click(app, row(app.scene, "First year"))
    app.frame(0.016)
    assert [b.text for b, _ in app.scene.turn_buttons] == ["Turn 2 · 2019-01",
                                                           "Turn 1 · 2018-10"]
    assert layout_problems(app, app.scene) == []
    assert unreachable_buttons(app.scene, app) == []


def test_an_empty_load_screen_says_how_saves_appear(make_app) -> None:
    app = make_app()
    scene = open_load(app)
    app.frame(0.016)
    assert scene.games == [] and not scene.open_button.is_enabled
    assert layout_problems(app, scene) == []
