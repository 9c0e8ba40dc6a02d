"""Following the campaign: a win records its stars and the debrief offers the next level."""

from __future__ import annotations

import pytest
from ui_helpers import click, layout_problems, unreachable_buttons

from game.content.catalog import shipped_levels
from game.play.campaign import load_progress
from game.play.game import SoloGame
from game.play.session import Session
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.start import make_session


def finished_tutorial(monkeypatch: pytest.MonkeyPatch, won: bool) -> SoloGame:
    """The tutorial played to its end by a human who (as the test says) won or lost it."""
    monkeypatch.setattr(Session, "won", lambda self, team=None: won)
    [entry] = [e for e in shipped_levels() if e.id == "tutorial"]
    game = SoloGame(make_session(entry.level, "US", None, autoplay=False), "US")
    while not game.finished:
        game.end_turn()
    return game


def test_after_a_win_next_level_opens_the_next_campaign_levels_briefing(make_app,
                                                                         monkeypatch) -> None:
    game = finished_tutorial(monkeypatch, won=True)
    assert load_progress().results["tutorial"].won
    app = make_app()
    scene = DebriefScene(app, game)
    app.switch(scene)
    app.frame(0.016)
    assert scene.next_button is not None and scene.next_button.text == "Next level"
    assert layout_problems(app, scene) == [] and unreachable_buttons(scene, app) == []
    click(app, scene.next_button)
    assert app.scene.name == "briefing"
    assert app.scene.game.session.view.id == "the-45-days"
    assert app.scene.game.player in {"US", "MX"}


def test_a_lost_level_offers_no_next_level(make_app, monkeypatch) -> None:
    game = finished_tutorial(monkeypatch, won=False)
    app = make_app()
    scene = DebriefScene(app, game)
    app.switch(scene)
    assert scene.next_button is None
    assert load_progress().results["tutorial"].won is False


def test_the_last_campaign_level_offers_no_next_level(make_app, monkeypatch) -> None:
    monkeypatch.setattr(Session, "won", lambda self, team=None: True)
    [entry] = [e for e in shipped_levels() if e.id == "regional-approach"]
    game = SoloGame(make_session(entry.level, "US", None, autoplay=False), "US")
    while not game.finished:
        game.end_turn()
    app = make_app()
    scene = DebriefScene(app, game)
    app.switch(scene)
    assert scene.next_button is None
