"""The projector while students play on their devices: how to join, who is in, who is done."""

from __future__ import annotations

import pygame
import pytest

from game.net.server import serve
from game.ui.scenes.class_lan import LanProjectorScene, qr_surface
from game.ui.scenes.registry import open_scene
from tests.net.net_helpers import make_host
from tests.ui.ui_helpers import layout_problems, press


@pytest.fixture()
def running():
    host = make_host()
    served = serve(host, "127.0.0.1", 0)
    yield served
    served.stop()


def test_the_qr_code_is_black_modules_on_white_with_a_quiet_zone() -> None:
    surface = qr_surface("http://192.168.1.20:8719/?code=ACDEFG", 200)
    assert surface.get_width() == surface.get_height() <= 200
    assert surface.get_at((0, 0))[:3] == (255, 255, 255)
    dark = sum(surface.get_at((x, y))[:3] == (0, 0, 0)
               for x in range(surface.get_width()) for y in range(surface.get_height()))
    assert 0.2 < dark / surface.get_width() ** 2 < 0.6


def test_the_projector_shows_the_code_the_pin_and_every_team(make_app, running,
                                                             monkeypatch) -> None:
    from tests.ui.ui_helpers import record_drawn_text

    drawn = record_drawn_text(monkeypatch)
    app = make_app()
    running.hub.call(lambda h: h.join(h.code, "MX", "Carla"))
    scene = open_scene("class_lan", app, running)
    assert isinstance(scene, LanProjectorScene)
    app.switch(scene)
    app.frame(0.6)
    text = " ".join(drawn)
    assert "ACDEFG" in text and "2468" in text and "Carla" in text
    assert running.url in text
    assert layout_problems(app, scene) == []


def test_ending_the_turn_from_the_projector_plays_it(make_app, running) -> None:
    app = make_app()
    scene = open_scene("class_lan", app, running)
    app.switch(scene)
    press(app, scene.end_button)
    assert running.hub.call(lambda h: h.room.turn) == 2
    app.frame(0.6)
    assert scene.status.last_report is not None
    pygame.event.clear()


def test_skip_and_reopen_beside_each_team(make_app, running) -> None:
    app = make_app()
    scene = open_scene("class_lan", app, running)
    app.switch(scene)
    buttons = dict(scene.team_buttons)
    press(app, buttons["MX"])
    assert running.hub.call(lambda h: list(h.room.committed)) == ["MX"]
    assert buttons["MX"].text == "Reopen"
    press(app, buttons["MX"])
    assert running.hub.call(lambda h: list(h.room.committed)) == []
    assert layout_problems(app, scene) == []


def test_a_class_played_on_devices_resumes_as_one(make_app) -> None:
    from game.net.lesson import new_host
    from game.play.classroom import Classroom, ClassSettings
    from tests.net.net_helpers import TEAMS
    from tests.play.play_helpers import level

    host = new_host(Classroom(level("june-2019-crisis"), ClassSettings(TEAMS,
                                                                       simultaneous=True)))
    token, _ = host.join(host.code, "MX", "Eva")
    host.room.commit("US")  # autosaved
    app = make_app()
    setup = open_scene("class_setup", app)
    app.switch(setup)
    resumed = setup.resume()
    assert isinstance(resumed, LanProjectorScene)
    try:
        again = resumed.running.host
        assert again.code == host.code and again.resume(token).country == "MX"
        assert again.room.committed == ["US"]
    finally:
        resumed.running.stop()
