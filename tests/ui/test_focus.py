"""One focus for mouse and keyboard, tried with the events a person's clicks and keys make.

Each test posts real pygame events (mouse motion, button down and up, key down, text input, key
up) through the app, as a student at the keyboard would, and checks what the screen kept.
"""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click, pump, replace_text, tap

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.play.saves import autosave_files
from game.ui.scenes.class_briefing import ClassBriefingScene
from game.ui.scenes.class_debrief import ClassDebriefScene
from game.ui.scenes.class_desk import ClassDeskScene
from game.ui.scenes.class_handover import HandOverScene
from game.ui.scenes.class_projector import ProjectorScene
from game.ui.scenes.class_setup import ClassSetupScene
from game.ui.scenes.class_teacher import TeacherPanelScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.start import make_session
from game.ui.scenes.title import TitleScene


def new_game(level_id: str = "tutorial", player: str = "US") -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return SoloGame(make_session(entry.level, player, None, autoplay=False), player)


def desk_on(make_app, tab: str, player: str = "US", level_id: str = "tutorial") -> DeskScene:
    app = make_app()
    desk = DeskScene(app, new_game(level_id, player))
    desk.tab = tab
    app.switch(desk)
    app.frame(0.016)
    return desk


def test_typing_a_team_name_with_a_space_keeps_the_name_and_starts_nothing(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    app.frame(0.016)
    setup = app.scene
    entry = setup.team_rows[0][0]
    click(app, entry)
    assert setup.focus.current is entry and setup.focus.editing is entry
    replace_text(app, "Team Red")
    tap(app, pygame.K_RETURN)
    assert app.scene is setup, "Space and Enter belong to the field being typed in"
    assert entry.get_text() == "Team Red"
    click(app, setup.start_button)
    assert isinstance(app.scene, HandOverScene)
    assert app.scene.room.settings.teams[0].name == "Team Red"


def test_escape_before_anyone_plays_returns_to_the_set_up_and_saves_nothing(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    app.frame(0.016)
    setup = app.scene
    click(app, setup.team_rows[1][0])
    replace_text(app, "Jaguars")
    click(app, setup.start_button)
    assert isinstance(app.scene, HandOverScene)
    tap(app, pygame.K_ESCAPE)
    assert app.scene is setup
    assert setup.teams[1][0] == "Jaguars", "the set-up comes back as the teacher left it"
    assert autosave_files() == [], "an unplayed session must not become what Continue opens"
    app.switch(TitleScene(app))
    assert not app.scene.continue_button.is_enabled


@pytest.mark.parametrize("leave", ["enter", "tab", "click away"])
def test_a_typed_lever_value_is_applied_however_the_field_is_left(make_app, leave) -> None:
    desk = desk_on(make_app, "asylum")
    app = desk.app
    entry = desk.controls["asylum_officers"]["entry"]
    click(app, entry)
    replace_text(app, "1300")
    if leave == "enter":
        tap(app, pygame.K_RETURN)
    elif leave == "tab":
        tap(app, pygame.K_TAB)
    else:
        click(app, desk.map_rect.center)
    assert app.scene is desk, "Enter in a field never presses a button"
    assert desk.draft["asylum_officers"] == 1300
    assert entry.get_text() == "1300"
    assert desk.controls["asylum_officers"]["slider"].value == 1300


def test_a_refused_value_is_said_beside_the_field_and_never_left_shown(make_app) -> None:
    desk = desk_on(make_app, "borders")
    app = desk.app
    entry = desk.controls["border_agents"]["entry"]
    click(app, entry)
    replace_text(app, "99999")
    tap(app, pygame.K_TAB)
    assert "border_agents" not in desk.draft
    assert entry.get_text() == "17000", "the field shows the value that applies"
    assert "60,000" in desk.field_notes["border_agents"]
    app.frame(0.016)  # the note is drawn in the lever's row


def test_escape_in_a_field_puts_the_old_text_back_then_leaves_the_screen(make_app) -> None:
    desk = desk_on(make_app, "asylum")
    app = desk.app
    entry = desk.controls["asylum_officers"]["entry"]
    click(app, entry)
    replace_text(app, "4")
    tap(app, pygame.K_ESCAPE)
    assert app.scene is desk and entry.get_text() == "1000"
    assert "asylum_officers" not in desk.draft
    tap(app, pygame.K_ESCAPE)
    assert app.scene is not desk


def test_a_value_typed_in_a_class_desk_is_kept_and_enter_does_not_commit_the_team(
        make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    app.frame(0.016)
    click(app, app.scene.start_button)
    click(app, app.scene.go_button)
    if isinstance(app.scene, ClassBriefingScene):
        click(app, app.scene.open_button)
    desk = app.scene
    assert isinstance(desk, ClassDeskScene)
    desk.tab = "asylum"
    desk._rebuild()
    app.frame(0.016)
    click(app, desk.controls["asylum_officers"]["entry"])
    replace_text(app, "1300")
    tap(app, pygame.K_RETURN)
    tap(app, pygame.K_RETURN)
    assert app.scene is desk
    assert desk.draft["asylum_officers"] == 1300
    assert desk.room.committed == []


def test_a_folder_with_spaces_is_typed_whole_and_exported_once(make_app, tmp_path) -> None:
    app = make_app()
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = DebriefScene(app, game)
    debrief.tab = "export"
    app.switch(debrief)
    app.frame(0.016)
    out = tmp_path / "exports"
    out.mkdir()
    click(app, debrief.entry)
    replace_text(app, str(out / "Ms Smith reports"))
    assert list(out.iterdir()) == [], "typing exports nothing"
    tap(app, pygame.K_RETURN)
    assert [p.name for p in out.iterdir()] == ["Ms Smith reports"]
    assert any((out / "Ms Smith reports").iterdir())


def test_a_click_moves_the_keyboard_focus(make_app) -> None:
    desk = desk_on(make_app, "borders")
    app = desk.app
    slider = desk.controls["border_agents"]["slider"]
    click(app, desk.end_button.rect.move(0, -desk.end_button.rect.height * 3).center)
    assert desk.focus.current is None, "a click on no control leaves nothing focused"
    click(app, slider.sliding_button)
    assert desk.focus.current is slider
    tap(app, pygame.K_RIGHT)
    assert desk.draft["border_agents"] == 18_000


def test_one_arrow_press_moves_a_lever_by_a_round_step_of_the_countrys_size(make_app) -> None:
    desk = desk_on(make_app, "visas")
    app = desk.app
    slider = desk.controls["humanitarian_visas"]["slider"]
    desk.focus.focus(slider)
    tap(app, pygame.K_RIGHT)
    assert desk.draft["humanitarian_visas"] == 5_500
    tap(app, pygame.K_PAGEUP)
    assert desk.draft["humanitarian_visas"] == 10_500
    tap(app, pygame.K_LEFT)
    tap(app, pygame.K_LEFT)
    assert desk.draft["humanitarian_visas"] == 9_500


def test_a_drag_moves_a_small_lever_in_small_amounts(make_app) -> None:
    desk = desk_on(make_app, "visas")
    slider = desk.controls["humanitarian_visas"]["slider"]
    at_start = slider.get_current_value()
    slider.set_current_value(at_start + 30 * 1000 / slider.rect.width)  # a 30-pixel drag
    desk.set_number("humanitarian_visas", slider.value)
    assert 5_000 < desk.draft["humanitarian_visas"] < 20_000


def test_past_the_budget_a_lever_stops_at_the_most_the_budget_allows(make_app) -> None:
    desk = desk_on(make_app, "aid")
    left, _ = desk.budget()
    start = float(desk.value("aid_economic"))
    desk.set_number("aid_economic", 5_000)
    value = desk.draft["aid_economic"]
    after, _ = desk.budget()
    step = desk.step(next(s for s in desk.levers("aid") if s.name == "aid_economic"))
    months = desk.table.months_per_turn
    assert value > start, "it moved as far as it could"
    assert 0 <= after < step * months / 12 + 1e-6, "one more step would be over the budget"
    assert desk.controls["aid_economic"]["slider"].value == value
    assert "budget" in desk.field_notes["aid_economic"]
    assert desk.message_bad and "budget" in desk.message


def test_the_budget_bar_shows_what_is_left_and_empties_as_money_is_spent(make_app) -> None:
    desk = desk_on(make_app, "aid")
    app = desk.app

    def filled() -> int:
        desk.invalidate()
        app.frame(0.016)
        r = desk.budget_rect
        y = r.top + 2
        blue = pygame.Color(*desk_blue())
        return sum(1 for x in range(r.left, r.right) if app.screen.get_at((x, y)) == blue)

    before = filled()
    left, total = desk.budget()
    desk.set_number("aid_economic", float(desk.value("aid_economic")) + left / 2 * 12
                    / desk.table.months_per_turn)
    after = filled()
    assert after < before
    assert abs(before / desk.budget_rect.width - left / total) < 0.05


def desk_blue() -> tuple[int, int, int]:
    from game.ui import theme

    return theme.OKABE_ITO["blue"]


@pytest.mark.parametrize("where", ["set-up", "played hand-over", "projector", "teacher panel",
                                   "class debrief", "settings"])
def test_escape_leaves_every_classroom_screen(make_app, where) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    app.frame(0.016)
    setup = app.scene
    if where == "set-up":
        tap(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, TitleScene)
        return
    if where == "settings":
        app.switch(SettingsScene(app, back_to=setup))
        tap(app, pygame.K_ESCAPE)
        assert app.scene is setup
        return
    click(app, setup.start_button)
    room = app.scene.room
    while room.current is not None:
        click(app, app.scene.go_button)
        if isinstance(app.scene, ClassBriefingScene):
            click(app, app.scene.open_button)
        click(app, app.scene.end_button)
    hand_over = app.scene
    if where == "played hand-over":
        tap(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, TeacherPanelScene) and app.scene.back_to is hand_over
        tap(app, pygame.K_ESCAPE)
        assert app.scene is hand_over
        return
    click(app, hand_over.go_button)
    projector = app.scene
    assert isinstance(projector, ProjectorScene)
    if where in ("projector", "teacher panel"):
        tap(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, TeacherPanelScene)
        tap(app, pygame.K_ESCAPE)
        assert app.scene is projector
        return
    while not room.finished:
        room.resolve() if room.current is None else room.commit(room.current.country)
    app.switch(ClassDebriefScene(app, room))
    pump(app)
    tap(app, pygame.K_ESCAPE)
    assert not isinstance(app.scene, ClassDebriefScene)
