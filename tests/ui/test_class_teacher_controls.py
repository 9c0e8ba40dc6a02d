"""The teacher panel's lesson controls and the blank projector, driven by clicks and keys."""

from __future__ import annotations

import pygame
import pytest

from game.play.classroom import (
    Classroom,
    ClassSettings,
    Team,
    class_saves,
    projector_blanked,
    resume_classroom,
    skipped_teams,
)
from game.play.saves import autosave
from game.ui.scenes.class_briefing import ClassBriefingScene
from game.ui.scenes.class_desk import ClassDeskScene
from game.ui.scenes.class_handover import HandOverScene
from game.ui.scenes.class_projector import ProjectorScene
from game.ui.scenes.class_teacher import TeacherPanelScene
from tests.play.play_helpers import level
from tests.ui.ui_helpers import (
    click,
    layout_problems,
    record_drawn_text,
    replace_text,
    tap,
    unreachable_buttons,
)

SIX = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"),
       Team("Quetzales", "GT"), Team("Catrachos", "HN"), Team("Torogoces", "SV"))


def start(app, level_id: str = "regional-compact", teams=SIX) -> HandOverScene:
    """A class at its first hand-over, autosaving as the set-up screen's does."""
    room = Classroom(level(level_id), ClassSettings(teams), on_save=autosave)
    scene = HandOverScene(app, room)
    app.switch(scene)
    return scene


def reloaded():
    """The class as the newest autosave brings it back."""
    return resume_classroom(class_saves()[0].record)


def to_desk(app) -> ClassDeskScene:
    click(app, app.scene.go_button)
    if isinstance(app.scene, ClassBriefingScene):
        click(app, app.scene.open_button)
    assert isinstance(app.scene, ClassDeskScene)
    return app.scene


def open_panel(app) -> TeacherPanelScene:
    tap(app, pygame.K_t, pygame.KMOD_CTRL)
    assert isinstance(app.scene, TeacherPanelScene)
    return app.scene


def team_button(panel: TeacherPanelScene, action: str, country: str):
    return next(b for b, a, c in panel.team_buttons if a == action and c == country)




@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_the_panel_holds_six_teams_and_the_added_events_at_both_sizes(make_app, size) -> None:
    app = make_app(size)
    start(app)
    panel = open_panel(app)
    for kind in ("caravan", "media_photo"):
        click(app, next(b for b, e in panel.event_buttons if e.kind == kind))
    click(app, team_button(app.scene, "skip", "HN"))
    click(app, team_button(app.scene, "rename", "SV"))
    panel = app.scene
    app.frame(0.0)
    assert len(panel.team_rows) == 6 and len(panel.undo_buttons) == 2
    assert panel.rename_entry is not None
    assert layout_problems(app, panel) == []
    assert unreachable_buttons(panel, app) == []


def test_a_team_skipped_at_the_desk_hands_over_and_stays_skipped_in_the_save(make_app,
                                                                            monkeypatch) -> None:
    app = make_app()
    start(app)
    desk = to_desk(app)
    assert desk.country == "US"
    panel = open_panel(app)
    click(app, team_button(panel, "skip", "US"))
    assert "skipped this turn" in app.scene.message and not app.scene.message_bad
    click(app, app.scene.back_button)
    hand_over = app.scene
    assert isinstance(hand_over, HandOverScene), "not back to the skipped team's desk"
    assert hand_over.room.current.country == "MX"
    drawn = record_drawn_text(monkeypatch)
    app.frame(0.0)
    assert "Eagles: absent" in drawn and "Jaguars: deciding" in drawn
    assert skipped_teams(reloaded()) == ["US"]
    # Skipped by mistake: Reopen gives the team its turn back, after the others.
    panel = open_panel(app)
    click(app, team_button(panel, "reopen", "US"))
    assert skipped_teams(panel.room) == [] and panel.room.order[-1] == "US"
    assert skipped_teams(reloaded()) == [] and "US" not in reloaded().committed


def test_a_committed_team_is_reopened_from_the_panel(make_app) -> None:
    app = make_app()
    start(app)
    desk = to_desk(app)
    desk.try_set("rescue", 40)
    click(app, desk.end_button)
    room = app.scene.room
    assert room.committed == ["US"]
    panel = open_panel(app)
    click(app, team_button(panel, "reopen", "US"))
    assert room.committed == [] and room.current.country == "MX"
    click(app, app.scene.back_button)
    assert isinstance(app.scene, HandOverScene)
    assert reloaded().desk.draft("US") == {"rescue": 40} and reloaded().committed == []


def test_a_team_is_renamed_by_typing_and_the_name_shows_everywhere(make_app) -> None:
    app = make_app()
    start(app)
    panel = open_panel(app)
    click(app, team_button(panel, "rename", "US"))
    panel = app.scene
    click(app, panel.rename_entry)
    replace_text(app, "Jaguars")
    tap(app, pygame.K_RETURN)
    assert app.scene.message_bad and "Two teams are called" in app.scene.message
    replace_text(app, "Bald Eagles")
    tap(app, pygame.K_RETURN)
    assert app.scene.renaming is None and not app.scene.message_bad
    assert app.scene.message == "Team Eagles is now Team Bald Eagles."
    room = app.scene.room
    assert room.team("US").label == "Team Bald Eagles (United States)"
    tap(app, pygame.K_ESCAPE)
    hand_over = app.scene
    assert isinstance(hand_over, HandOverScene)
    assert hand_over.go_button.text == "We are Team Bald Eagles: open our desk"
    assert reloaded().team("US").name == "Bald Eagles"


def test_an_added_event_is_undone_and_a_second_one_refused(make_app) -> None:
    app = make_app()
    start(app)
    panel = open_panel(app)
    caravan = next(b for b, e in panel.event_buttons if e.kind == "caravan")
    click(app, caravan)
    room = panel.room
    assert room.injected() == ["caravan"]
    click(app, next(b for b, e in app.scene.event_buttons if e.kind == "caravan"))
    assert app.scene.message_bad and "happen twice" in app.scene.message
    assert room.injected() == ["caravan"] and reloaded().injected() == ["caravan"]
    click(app, app.scene.undo_buttons[0][0])
    assert room.injected() == [] and app.scene.undo_buttons == []
    assert "Taken back" in app.scene.message
    assert reloaded().injected() == [], "the save has it taken back too"


def test_the_projector_blanks_with_b_and_from_the_panel(make_app) -> None:
    app = make_app((1024, 600))
    start(app)
    room = app.scene.room
    for country in list(room.order):
        room.commit(country)
    click(app, app.scene.go_button)  # every team has decided: the turn is played
    projector = app.scene
    assert isinstance(projector, ProjectorScene)
    assert ("B", "Blank the screen") in projector.hints()
    tap(app, pygame.K_b)
    assert projector_blanked(room) and app.scene is projector
    app.frame(0.0)
    w, h = app.screen.get_size()
    assert app.screen.get_at((w // 2, h // 2))[:3] == (0, 0, 0)
    assert app.screen.get_at((w - 40, h - 120))[:3] == (0, 0, 0), "no Next button"
    assert not projector.next_button.visible
    tap(app, pygame.K_RETURN)
    assert app.scene is projector, "Enter does not move on behind a blank screen"
    assert projector_blanked(reloaded())
    tap(app, pygame.K_b)
    assert not projector_blanked(room) and projector.next_button.visible
    app.frame(0.0)
    assert app.screen.get_at((w // 2, h // 2))[:3] != (0, 0, 0)
    # The panel's button does the same, and says the key.
    panel = open_panel(app)
    assert "B key" in panel.buttons["blank"].tool_tip_text
    click(app, panel.buttons["blank"])
    assert projector_blanked(room) and "blank" in app.scene.message
    assert app.scene.buttons["blank"].text == "Show the projector again"
    click(app, app.scene.back_button)
    assert app.scene is projector and not projector.next_button.visible
