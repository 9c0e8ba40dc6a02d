"""The 45-minute mode on screen (issue 18): the set-up's lesson band, the label typed as a
teacher types it, the projector's countdown, the briefing that stops no clock."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import set_language
from game.play.classroom import Classroom, ClassSettings, Team
from game.play.lesson_timing import LessonTiming
from game.play.settings import load_settings
from game.ui.app import App
from game.ui.scenes.class_briefing import ClassBriefingScene
from game.ui.scenes.class_handover import HandOverScene
from game.ui.scenes.class_projector import ProjectorScene
from game.ui.scenes.class_setup import ClassSetupScene
from tests.play.play_helpers import level
from tests.ui.ui_helpers import click, layout_problems, type_text, unreachable_buttons

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))


def click_until(app, key: str, text: str) -> None:
    """Click a lesson-band button with the mouse until it shows ``text``."""
    for _ in range(12):
        if app.scene.band.buttons[key].text == text:
            return
        click(app, app.scene.band.buttons[key])
    raise AssertionError(f"{key} never showed {text!r}")


def test_a_teacher_sets_a_45_minute_lesson_up_with_the_mouse_and_the_keyboard(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    assert app.scene.band.buttons["preset"].text == "Lesson: the level's plan"
    click(app, app.scene.label_entry)
    assert app.scene.label_entry.is_focused
    type_text(app, "Period 3 - 10B")
    click_until(app, "preset", "Lesson: 45 minutes")
    scene = app.scene
    assert scene.label_entry.get_text() == "Period 3 - 10B", "typed text survives the rebuild"
    assert scene.band.buttons["turns"].text == "Turns: 3 of 4"
    assert scene.timer_button.text == "Turn timer: 2 minutes per team"
    assert scene.band.buttons["negotiation"].text == "Negotiation: 2 minutes"
    assert scene.band.buttons["briefing"].text == "Briefing: 3 minutes"
    plan = scene.lesson.plan(len(scene.teams))
    assert plan.fits and plan.total == 45
    app.frame(0.016)
    assert layout_problems(app, scene) == [] and unreachable_buttons(scene, app) == []
    click(app, scene.start_button)
    projector = app.scene
    assert isinstance(projector, ProjectorScene), "the class briefing opens on the projector"
    room = projector.room
    assert room.settings.timing == LessonTiming(3, 2.0, 2.0, 3.0)
    assert room.settings.label == "Period 3 - 10B"
    assert room.record.name.startswith("Period 3 - 10B · Class session")
    assert projector.countdown.kind == "briefing"
    remembered = load_settings().settings.last_lesson
    assert remembered["label"] == "Period 3 - 10B" and remembered["length"] == 45


def test_the_last_lesson_is_offered_next_time(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    click_until(app, "preset", "Lesson: 90 minutes")
    click_until(app, "negotiation", "Negotiation: 5 minutes")
    assert app.scene.band.buttons["preset"].text == "Lesson: custom"
    click(app, app.scene.label_entry)
    type_text(app, "10B")
    click(app, app.scene.start_button)
    again = App((1280, 720))  # a new start of the game reads the settings file
    again.switch(ClassSetupScene(again))
    scene = again.scene
    assert scene.band.buttons["preset"].text == "Lesson: my last one"
    assert scene.band.buttons["negotiation"].text == "Negotiation: 5 minutes"
    assert scene.label_entry.get_text() == "10B"
    click_until(again, "preset", "Lesson: 45 minutes")
    click_until(again, "preset", "Lesson: my last one")
    assert again.scene.band.buttons["negotiation"].text == "Negotiation: 5 minutes"


def test_adding_teams_fits_the_45_minute_lesson_again(make_app) -> None:
    app = make_app()
    app.switch(ClassSetupScene(app))
    click_until(app, "preset", "Lesson: 45 minutes")
    click(app, app.scene.add_button)
    assert [c for _, c in app.scene.teams] == ["US", "MX", "CA", "GT"]
    assert app.scene.band.buttons["turns"].text == "Turns: 2 of 4"
    for _ in range(2):
        click(app, app.scene.add_button)
    assert len(app.scene.teams) == 6 and not app.scene.add_button.is_enabled
    app.frame(0.016)
    assert app.scene.lesson.plan(6).fits
    assert layout_problems(app, app.scene) == [] and unreachable_buttons(app.scene, app) == []


def projector_with_round(app, **options) -> ProjectorScene:
    room = Classroom(level("june-2019-crisis"), ClassSettings(
        TEAMS, timer_minutes=2, negotiation_minutes=2.0, briefing_minutes=3.0, **options))
    room.end_round(skipped=True)  # no briefing: straight to a played turn
    while room.current is not None:
        room.commit(room.current.country)
    room.resolve()
    app.switch(ProjectorScene(app, room))
    return app.scene


def test_the_projector_counts_the_negotiation_round_down_and_tells_the_teacher(make_app
                                                                               ) -> None:
    app = make_app()
    scene = projector_with_round(app)
    room = scene.room
    assert scene.countdown.kind == "negotiation"
    click(app, scene.countdown.buttons["start"])
    scene = app.scene
    assert scene.countdown.running and not scene.countdown.buttons["start"].is_enabled
    app.frame(60.0)
    assert room.rounds.current.left == 60 and room.time_left == 120, "desk clocks wait"
    app.frame(61.0)
    assert scene.countdown.time_up, "zero: the teacher is told"
    assert not scene.countdown.running
    click(app, scene.countdown.buttons["extend"])
    assert room.rounds.current.left == 60 and not scene.countdown.time_up
    click(app, scene.next_button)
    assert isinstance(app.scene, HandOverScene)
    assert room.due_round() is None and ("negotiation", 2) in room.rounds.done


def test_the_teacher_can_skip_a_round(make_app) -> None:
    app = make_app()
    scene = projector_with_round(app)
    click(app, scene.countdown.buttons["skip"])
    assert app.scene.countdown.kind is None and app.scene.countdown.buttons == {}
    assert app.scene.room.teacher_log[-1]["action"] == "round_skip"


def test_a_teams_briefing_does_not_run_its_desk_clock(make_app) -> None:
    app = make_app()
    room = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, timer_minutes=2))
    app.switch(ClassBriefingScene(app, room, "US"))
    app.frame(100.0)
    app.frame(100.0)
    assert room.time_left == 120 and isinstance(app.scene, ClassBriefingScene)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_lesson_band_and_the_countdown_fit_in_every_language(make_app, size, language
                                                                 ) -> None:
    set_language(language)
    app = make_app(size)
    app.switch(ClassSetupScene(app))
    for key in ("preset", "preset", "briefing", "negotiation"):
        click(app, app.scene.band.buttons[key])
    app.frame(0.016)
    assert layout_problems(app, app.scene) == []
    scene = projector_with_round(app)
    click(app, scene.countdown.buttons["start"])
    app.frame(500.0)
    app.frame(0.016)
    assert layout_problems(app, app.scene) == []
    assert pygame.display.get_surface() is not None
