"""At 1024×600 nothing the player must read is cut: it goes on pages, scrolls, or says how many.

The Goals tab puts objectives on pages (button, mouse wheel, Page Up / Page Down), the briefing's
advisors end with an "and N more" line, and a team's briefing steps its text down a size or
scrolls.
"""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UITextBox
from ui_helpers import key, layout_problems, press, record_drawn_text, unreachable_buttons

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.scenes.briefing import BriefingScene, advisor_notes, more_notes
from game.ui.scenes.class_briefing import ClassBriefingScene
from game.ui.scenes.class_handover import HandOverScene
from game.ui.scenes.class_setup import ClassSetupScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.start import make_session

SMALL = (1024, 600)


def new_game(level_id: str, player: str) -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return SoloGame(make_session(entry.level, player, None, autoplay=False), player)


def goals_desk(app, level_id: str = "the-45-days", player: str = "MX") -> DeskScene:
    desk = DeskScene(app, new_game(level_id, player))
    desk.tab = "goals"
    app.switch(desk)
    app.frame(0.016)  # the forecast comes in on the first frame
    return desk


def test_the_goals_tab_of_a_small_window_has_pages_and_the_button_turns_them(make_app) -> None:
    app = make_app(SMALL, 1.0, language="fr")
    desk = goals_desk(app)
    assert desk.pager is not None, "four French objectives do not fit whole at 1024×600"
    pages = desk.goal_page_count
    assert pages >= 2 and "1" in desk.pager.text and str(pages) in desk.pager.text
    assert unreachable_buttons(desk, app) == []
    assert layout_problems(app, desk) == []
    for expected in [*range(1, pages), 0]:
        press(app, desk.pager)
        assert desk.lever_page == expected
    assert desk.focus.current is desk.pager, "the pager keeps the focus as it turns"


def test_the_mouse_wheel_over_the_panel_and_page_keys_turn_the_goals_pages(make_app) -> None:
    app = make_app(SMALL, 1.0, language="es")
    desk = goals_desk(app)
    assert desk.pager is not None
    pages = desk.goal_page_count
    pygame.mouse.set_pos(desk.panel_rect.center)
    app.process(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    assert desk.lever_page == 1
    app.process(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    assert desk.lever_page == 0
    pygame.mouse.set_pos(desk.map_rect.center)  # the wheel over the map leaves the pages be
    app.process(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    assert desk.lever_page == 0
    app.process(key(pygame.K_PAGEDOWN))
    assert desk.lever_page == 1
    app.process(key(pygame.K_PAGEUP))
    app.process(key(pygame.K_PAGEUP))
    assert desk.lever_page % pages == pages - 1, "Page Up from the first page opens the last"


def test_every_objective_shows_on_one_page_when_the_window_is_large(make_app) -> None:
    app = make_app((1280, 720), 1.0, language="fr")
    desk = goals_desk(app)
    assert desk.pager is None and desk.goal_page_count == 1


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_the_briefing_ends_the_advisors_notes_with_how_many_more(make_app, monkeypatch,
                                                                 code: str) -> None:
    drawn = record_drawn_text(monkeypatch)
    app = make_app(SMALL, 1.0, language=code)
    game = new_game("the-45-days", "MX")
    scene = BriefingScene(app, game)
    app.switch(scene)
    drawn.clear()
    app.frame(0.016)
    notes = advisor_notes("MX")
    hidden = len(notes) - len(scene.shown_notes)
    assert hidden > 0, "four objectives leave the advisors too little room at 1024×600"
    assert scene.shown_notes == notes[:len(scene.shown_notes)]
    assert scene.more_note == more_notes(hidden)
    assert any(scene.more_note.startswith(line) for line in drawn)
    assert [line for line in drawn if line.endswith("…")] == []


def test_a_roomy_briefing_shows_every_advisor_note(make_app) -> None:
    app = make_app((1920, 1080), 1.0, language="fr")
    scene = BriefingScene(app, new_game("the-45-days", "MX"))
    app.switch(scene)
    assert scene.shown_notes == advisor_notes("MX") and scene.more_note == ""


def first_class_briefing(app) -> ClassBriefingScene:
    setup = ClassSetupScene(app)
    app.switch(setup)
    for (entry, _, _), name in zip(setup.team_rows, ("Eagles", "Jaguars", "Moose"), strict=True):
        entry.set_text(name)
    press(app, setup.start_button)
    if isinstance(app.scene, HandOverScene):
        press(app, app.scene.go_button)
    assert isinstance(app.scene, ClassBriefingScene)
    return app.scene


def test_a_french_team_briefing_fits_at_1024x600_a_size_smaller(make_app, monkeypatch) -> None:
    drawn = record_drawn_text(monkeypatch)
    app = make_app(SMALL, 1.0, language="fr")
    scene = first_class_briefing(app)
    drawn.clear()
    app.frame(0.016)
    assert scene.brief_font is not None and scene.brief_box is None
    assert [line for line in drawn if line.endswith("…")] == []
    last = scene.room.session.view.briefing(scene.country).split()[-1]
    assert any(line.endswith(last) for line in drawn), "the brief's last word is drawn"


def test_a_team_briefing_too_long_for_the_window_scrolls(make_app, monkeypatch) -> None:
    app = make_app(SMALL, 1.0, language="en")
    scene = first_class_briefing(app)
    view = scene.room.session.view
    long_brief = "\n\n".join([view.briefing(scene.country)] * 4)
    monkeypatch.setattr(type(view), "briefing", lambda self, country=None: long_brief)
    app.switch(ClassBriefingScene(app, scene.room, scene.country))
    scene = app.scene
    assert scene.brief_font is None and isinstance(scene.brief_box, UITextBox)
    assert scene.brief_box in scene.focus.items, "the keyboard reaches the box to scroll it"
    app.frame(0.016)
    assert layout_problems(app, scene) == []
