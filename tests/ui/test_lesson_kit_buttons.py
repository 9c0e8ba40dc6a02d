"""The "Print the lesson kit" buttons of the debrief and the classroom set-up (issue 18)."""

from __future__ import annotations

from ui_helpers import layout_problems, press, unreachable_buttons

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.lesson_kit import kit_folder
from game.ui.scenes.class_setup import ClassSetupScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.start import make_session


def finished_game(level_id: str = "june-2019-crisis", player: str = "MX") -> SoloGame:
    """A single-player game of ``level_id`` played to its debrief."""
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    game = SoloGame(make_session(entry.level, player, None, autoplay=False), player)
    while not game.finished:
        game.end_turn()
    return game


def test_the_debriefs_export_tab_prints_the_kit_and_says_where(make_app) -> None:
    app = make_app()
    game = finished_game()
    scene = DebriefScene(app, game)
    scene.tab = "export"
    app.switch(scene)
    app.frame(0.016)
    assert scene.kit_button is not None and scene.kit_button.text == "Print the lesson kit"
    assert layout_problems(app, scene) == [] and unreachable_buttons(scene, app) == []
    press(app, scene.kit_button)
    level_id = game.session.view.id
    assert sorted(p.name for p in kit_folder().iterdir()) == [
        f"{level_id}-kit.html", f"{level_id}-kit.pdf"]
    assert not scene.message_bad and str(kit_folder()) in scene.message
    app.frame(0.016)


def test_the_class_set_up_prints_the_kit_for_its_teams(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    scene = app.scene
    press(app, scene.team_rows[2][2])  # two teams: the plan follows the set-up
    scene = app.scene
    app.frame(0.016)
    assert layout_problems(app, scene) == [] and unreachable_buttons(scene, app) == []
    press(app, scene.kit_button)
    html = kit_folder() / "june-2019-crisis-kit.html"
    assert html.is_file() and (kit_folder() / "june-2019-crisis-kit.pdf").is_file()
    assert "3 of 4 turns · 2 teams" in html.read_text(encoding="utf-8")
    assert not scene.message_bad and "june-2019-crisis-kit.pdf" in scene.message
    assert isinstance(app.scene, ClassSetupScene), "printing stays on the set-up"


def test_a_kit_that_cannot_be_written_is_a_message_not_a_crash(make_app, user_files) -> None:
    user_files.mkdir(parents=True, exist_ok=True)
    (user_files / "exports").write_text("a file where the folder should be", encoding="utf-8")
    app = make_app()
    app.switch(ClassSetupScene(app))
    press(app, app.scene.kit_button)
    assert app.scene.message_bad and "Could not write the lesson kit" in app.scene.message
    app.frame(0.016)
