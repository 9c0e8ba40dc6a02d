"""The tutorial's coach on the desk, tried with the clicks and keys a student makes.

Each test posts real pygame events through the app (as tests/ui/test_focus.py does) and checks
what the coach shows, what it outlines, and that it moves on only when the desk's state shows
the step done.
"""

from __future__ import annotations

import pygame
import pytest
import ui_helpers
from ui_helpers import layout_problems, record_drawn_text, replace_text

from game.content.catalog import shipped_levels
from game.i18n import set_language, t
from game.play.game import SoloGame
from game.play.saved_games import resume_unfinished
from game.play.tutorial import forget_progress, plan_of
from game.ui import theme
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.desk.coach import OUTLINE
from game.ui.scenes.glossary import GlossaryScene
from game.ui.scenes.start import make_session

SIZES = [(1024, 600), (1280, 720)]


def click(app, element_or_pos) -> None:
    """A click, then a frame (the app draws a frame after each round of events)."""
    ui_helpers.click(app, element_or_pos)
    if app.running:
        app.frame(0.016)


def tap(app, k: int, mod: int = 0) -> None:
    """A key press and release, then a frame."""
    ui_helpers.tap(app, k, mod)
    if app.running:
        app.frame(0.016)


def new_game(level_id: str = "tutorial", player: str = "US") -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return SoloGame(make_session(entry.level, player, None, autoplay=False), player)


def open_desk(make_app, game: SoloGame | None = None, size=(1280, 720), language="en"):
    app = make_app(size, language=language)
    desk = DeskScene(app, game or new_game())
    app.switch(desk)
    app.frame(0.016)
    return app, desk


def tab_button(desk: DeskScene, key: str):
    return next(b for b, k in desk.tab_buttons if k == key)


def outlined(app, rect: pygame.Rect) -> bool:
    """Whether the coach's outline is drawn round ``rect`` (its outer top edge, mid-way)."""
    app.frame(0.016)
    outer = rect.inflate(10, 10)
    return app.screen.get_at((outer.centerx, outer.top))[:3] == OUTLINE


def pointer_rests_on(app, pos: tuple[int, int], seconds: float = 0.5) -> None:
    app.process(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.frame(seconds)


@pytest.fixture(autouse=True)
def fresh_progress():
    """Each test starts with no tutorial remembered (as a new run of the game does)."""
    forget_progress()
    yield
    forget_progress()


def test_the_coach_opens_the_tutorial_desk_and_end_turn_is_not_the_focus(make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    assert coach.active and coach.step is not None and coach.step.kind == "read"
    assert desk.focus.current is coach.next_button
    assert desk.map_rect.contains(coach.box)
    tap(app, pygame.K_RETURN)
    assert app.scene is desk and desk.game.turn == 1, "Enter moves the coach on, not the turn"
    tap(app, pygame.K_RETURN)
    assert app.scene is desk and desk.game.turn == 1
    assert desk.tab == "borders", "the second Enter opened the tab the coach pointed at"


def test_each_step_outlines_its_control_and_waits_until_the_student_does_it(make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    click(app, coach.next_button)
    assert coach.step.kind == "open_tab"
    assert outlined(app, tab_button(desk, "borders").rect)
    click(app, tab_button(desk, "asylum"))
    assert coach.step.kind == "open_tab", "the wrong tab is not the step"
    click(app, tab_button(desk, "borders"))
    assert coach.step.kind == "change_lever" and coach.step.lever == "rescue"
    row = dict(desk.row_rects)["rescue"]
    assert outlined(app, row)
    assert not coach.next_button.is_enabled, "Next cannot skip a step that is checked"
    slider = desk.controls["rescue"]["slider"]
    click(app, slider.sliding_button)
    tap(app, pygame.K_LEFT)
    app.frame(0.016)
    assert coach.step.lever == "rescue", "lowering rescue is not raising it"
    tap(app, pygame.K_RIGHT)
    tap(app, pygame.K_RIGHT)
    app.frame(0.016)
    assert desk.draft["rescue"] > desk.table.policy.value("US", "rescue")
    assert coach.step.kind == "open_tab" and coach.step.tab == "asylum"
    assert desk.focus.current is slider, "the coach leaves the focus where the student is"


def test_a_value_typed_in_a_field_completes_the_step_and_the_field_keeps_the_focus(
        make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    click(app, coach.next_button)
    click(app, tab_button(desk, "borders"))
    click(app, tab_button(desk, "asylum"))  # rescue is not raised yet: still its step
    assert coach.step.lever == "rescue"
    click(app, tab_button(desk, "borders"))
    entry = desk.controls["rescue"]["entry"]
    click(app, entry)
    replace_text(app, "40")
    tap(app, pygame.K_RETURN)
    app.frame(0.016)
    assert coach.step.tab == "asylum"
    assert desk.focus.editing is entry, "typing goes on in the field after the step moved on"
    type_more = entry.get_text()
    assert type_more == "40"


def test_the_forecast_step_needs_the_pointer_on_the_forecast_or_next(make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    for _ in range(5):  # read, Borders, rescue, Asylum, officers: as a student would
        step = coach.step
        if step.kind == "read":
            click(app, coach.next_button)
        elif step.kind == "open_tab":
            click(app, tab_button(desk, step.tab))
        else:
            desk.set_number(step.lever, float(desk.value(step.lever)) * 1.1)
            app.frame(0.016)
    assert coach.step.kind == "look_at" and coach.step.place == "forecast"
    assert outlined(app, desk.forecast_rect)
    pointer_rests_on(app, desk.map_rect.center)
    assert coach.step.kind == "look_at", "the map is not the forecast"
    pointer_rests_on(app, desk.forecast_rect.center, seconds=0.05)
    assert coach.step.kind == "look_at", "a pointer passing over is not a look"
    pointer_rests_on(app, desk.forecast_rect.center)
    assert coach.step.kind == "open_tab" and coach.step.tab == "goals"


def test_the_glossary_opens_from_the_coach_and_escape_comes_back_to_the_desk(make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    click(app, coach.help_button)
    assert isinstance(app.scene, GlossaryScene)
    app.frame(0.016)
    assert layout_problems(app, app.scene) == []
    tap(app, pygame.K_ESCAPE)
    assert app.scene is desk and coach.active
    tap(app, pygame.K_F1)
    assert isinstance(app.scene, GlossaryScene)
    click(app, app.scene.back_button)
    assert app.scene is desk
    click(app, coach.glossary_button)
    assert isinstance(app.scene, GlossaryScene), "the top bar's Glossary opens it too"


def test_opening_the_glossary_is_a_step_and_end_turn_the_last(make_app) -> None:
    app, desk = open_desk(make_app)
    coach = desk.coach
    steps = plan_of(desk.game.session.view.level).steps
    glossary_at = next(i for i, s in enumerate(steps) if s.kind == "open_glossary")
    coach._save(coach.progress.__class__(glossary_at))
    coach.layout()
    assert outlined(app, coach.glossary_button.rect)
    click(app, coach.glossary_button)
    tap(app, pygame.K_ESCAPE)
    app.frame(0.016)
    assert coach.step.kind == "end_turn"
    assert outlined(app, desk.end_button.rect)
    assert desk.focus.current is not desk.end_button, "End turn is never the coach's focus"
    click(app, desk.end_button)
    assert app.scene.name == "report"


def test_skip_tutorial_hides_the_coach_for_the_rest_of_the_game(make_app) -> None:
    app, desk = open_desk(make_app)
    game = desk.game
    click(app, desk.coach.skip_button)
    assert not desk.coach.active
    assert desk.coach.next_button is None
    app.frame(0.016)
    tap(app, pygame.K_ESCAPE)
    assert app.scene.name == "briefing"
    desk = DeskScene(app, game)
    app.switch(desk)
    assert not desk.coach.active, "the briefing and back do not bring it back"
    game.end_turn()
    desk = DeskScene(app, game)
    app.switch(desk)
    assert desk.coach.hint is None, "skipping the tutorial also ends its hints"


def test_escape_still_leaves_for_the_briefing_while_the_coach_runs(make_app) -> None:
    app, desk = open_desk(make_app)
    tap(app, pygame.K_ESCAPE)
    assert app.scene.name == "briefing"


def test_a_hint_appears_on_each_later_turn_until_got_it(make_app) -> None:
    app, desk = open_desk(make_app)
    game = desk.game
    click(app, desk.end_button)  # ending the turn early leaves the steps behind
    assert app.scene.name == "report"
    click(app, app.scene.next_button)
    desk = app.scene
    assert isinstance(desk, DeskScene) and game.turn == 2
    coach = desk.coach
    assert coach.step is None and coach.hint is not None and coach.hint.turn == 2
    assert coach.heading() == "Hint for turn 2"
    assert outlined(app, desk.forecast_rect)
    assert desk.focus.current is coach.next_button
    click(app, coach.next_button)
    assert not coach.active
    game.end_turn()
    desk = DeskScene(app, game)
    app.switch(desk)
    assert desk.coach.hint is not None and desk.coach.hint.turn == 3
    app.frame(0.016)
    assert outlined(app, tab_button(desk, "borders").rect)


def test_a_continued_game_resumes_at_its_step_and_shows_the_turns_hint(make_app) -> None:
    app, desk = open_desk(make_app)
    game = desk.game
    click(app, desk.coach.next_button)
    click(app, tab_button(desk, "borders"))
    step = desk.coach.progress.step
    forget_progress()  # the game is quit: only the file remembers
    desk = DeskScene(app, game)
    app.switch(desk)
    assert desk.coach.progress.step == step and desk.coach.step.lever == "rescue"
    game.end_turn()
    forget_progress()
    session, _ = resume_unfinished()  # what Continue on the title screen opens
    assert session is not None and session.record.game_id == game.session.record.game_id
    resumed = SoloGame(session, "US")
    desk = DeskScene(app, resumed)
    app.switch(desk)
    assert resumed.turn == 2 and desk.coach.step is None
    assert desk.coach.hint is not None and desk.coach.hint.turn == 2


def test_a_level_without_a_tutorial_and_autoplay_show_no_coach(make_app) -> None:
    app, desk = open_desk(make_app, new_game("the-45-days", "MX"))
    assert not desk.coach.active and desk.focus.current is desk.end_button
    assert desk.coach.glossary_button is not None, "the glossary is on every desk"
    game = new_game()
    game.autoplay = True
    desk = DeskScene(app, game)
    app.switch(desk)
    assert not desk.coach.active


def every_box(desk: DeskScene):
    """Show each step and each hint in turn (as the student reaches them)."""
    coach = desk.coach
    plan = coach.plan
    for i in range(len(plan.steps)):
        coach.progress = coach.progress.__class__(i)
        coach.layout()
        yield f"step {i + 1}"
    game = desk.game
    for hint in plan.hints:
        while game.turn < hint.turn:
            game.end_turn()
        coach.layout()
        yield f"hint {hint.turn}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_every_step_and_hint_fits_its_box(make_app, monkeypatch, size, code) -> None:
    drawn = record_drawn_text(monkeypatch)
    app, desk = open_desk(make_app, size=size, language=code)
    coach = desk.coach
    for where in every_box(desk):
        drawn.clear()
        desk.invalidate()
        app.frame(0.016)
        assert desk.map_rect.contains(coach.box), where
        assert coach.font.get_linesize() >= theme.font(13).get_linesize(), (where, "readable")
        shown = [line for line in drawn if line in coach.lines]
        assert shown == coach.lines, (where, "every line of the text is drawn")
        assert not any(line.endswith("…") for line in drawn if line in coach.lines), where
        assert coach.heading() in drawn, where
        assert layout_problems(app, desk) == [], where


@pytest.mark.parametrize("code", ["es", "fr"])
def test_the_tutorial_and_the_glossary_are_translated(code) -> None:
    from game.play.glossary import glossary

    [entry] = [e for e in shipped_levels() if e.id == "tutorial"]
    english = plan_of(entry.level)
    english_glossary = glossary()
    set_language(code)
    translated = plan_of(entry.level)
    for before, after in zip([*english.steps, *english.hints],
                             [*translated.steps, *translated.hints], strict=True):
        assert after.text and after.text != before.text, before.text
    assert all(a != b for (a, _), (b, _) in zip(glossary(), english_glossary, strict=True)
               if a not in ("Budget", "Status quo"))
    assert t("Skip tutorial") != "Skip tutorial" and t("Glossary") != "Glossary"
