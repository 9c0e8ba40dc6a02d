"""The 45 Days on screen: the deadline card on the desk, the verdict on its own screen."""

from __future__ import annotations

import pytest
from ui_helpers import layout_problems, press, record_drawn_text

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.start import make_session
from game.ui.scenes.verdict import VerdictScene


def forty_five_days() -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == "the-45-days"]
    return SoloGame(make_session(entry.level, "MX", None, autoplay=False), "MX")


def settle(app) -> None:  # type: ignore[no-untyped-def]
    """Let the advisors' forecast arrive, then draw a frame."""
    app.scene._refresh_forecast()
    app.scene.invalidate()
    app.frame(0.016)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
def test_the_desk_counts_down_to_the_deadline_with_the_target_and_the_forecast(
        make_app, monkeypatch, size) -> None:
    app = make_app(size)
    app.switch(DeskScene(app, forty_five_days()))
    drawn = record_drawn_text(monkeypatch)
    settle(app)
    text = " | ".join(drawn)
    assert "Tariff deadline: 5% on every export" in text
    assert "3 turns left: judged in 2019-08" in text
    assert "at most 100,800 encounters a month" in text
    assert "Advisors:" in text
    assert not [line for line in drawn if line.endswith("…")
                and ("deadline" in line or "Target" in line or "Advisors" in line)]


def test_the_verdict_has_its_own_screen_after_the_deadline_turn(make_app, monkeypatch) -> None:
    app = make_app((1024, 600))
    game = forty_five_days()
    app.switch(DeskScene(app, game))
    for turn in range(1, game.turns + 1):
        assert isinstance(app.scene, DeskScene)
        press(app, app.scene.end_button)
        assert isinstance(app.scene, ReportScene)
        app.frame(0.016)
        press(app, app.scene.next_button)
        if turn < game.turns:
            assert not isinstance(app.scene, VerdictScene)
    assert isinstance(app.scene, VerdictScene)
    drawn = record_drawn_text(monkeypatch)
    app.frame(0.016)
    text = " | ".join(drawn)
    verdict = app.scene.verdict
    assert ("Mexico meets the target" if verdict.met else "Mexico misses the target") in text
    assert "Your choices against the status quo" in text
    assert "2019-05" in text and "2019-08" in text  # the reference month and the judged one
    assert not layout_problems(app, app.scene)
    assert not [line for line in drawn if line.endswith("…")]
    press(app, app.scene.next_button)
    assert isinstance(app.scene, DebriefScene)
