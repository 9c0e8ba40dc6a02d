"""The player reads the game in English, Spanish or French, and every screen still fits."""

from __future__ import annotations

import subprocess
import sys

import pygame
import pytest
from ui_helpers import layout_problems, press

from game.content.catalog import shipped_levels
from game.i18n import language
from game.play.game import SoloGame
from game.play.settings import load_settings, settings_path
from game.ui.app import App
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.start import make_session
from game.ui.scenes.title import TitleScene

TRANSLATED = ("es", "fr")


def new_game(level_id: str = "tutorial", player: str = "US") -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return SoloGame(make_session(entry.level, player, None, autoplay=False), player)


def test_settings_offer_three_languages_and_apply_switches_at_once(make_app) -> None:
    app = make_app()
    scene = SettingsScene(app, back_to=TitleScene(app))
    app.switch(scene)
    assert [b.text for b, _ in scene.language_buttons] == ["English", "Español", "Français"]
    press(app, scene.language_buttons[1][0])
    press(app, scene.apply_button)
    assert language() == "es"
    assert load_settings().settings.language == "es"
    rebuilt = app.scene
    assert isinstance(rebuilt, SettingsScene) and rebuilt.apply_button.text == "Aplicar"


def test_a_first_start_offers_the_languages_on_the_title_once(make_app) -> None:
    make_app  # noqa: B018 - only for its clean-up of pygame
    assert not settings_path().exists()
    app = App((1280, 720))
    title = TitleScene(app)
    app.switch(title)
    assert [b.text for b, _ in title.language_buttons] == ["English", "Español", "Français"]
    assert layout_problems(app, title) == []
    press(app, title.language_buttons[2][0])
    assert language() == "fr" and load_settings().settings.language == "fr"
    again = app.scene
    assert isinstance(again, TitleScene) and again.language_buttons == []
    assert again.campaign_button.text == "Campagne"
    # The next start has a settings file: the question is not asked again.
    assert App((1280, 720)).offer_languages is False


def test_a_language_asked_for_at_start_is_used_and_not_asked_again(make_app) -> None:
    make_app  # noqa: B018 - only for its clean-up of pygame
    app = App((1280, 720), language="es")
    assert language() == "es" and app.offer_languages is False
    assert not settings_path().exists()  # for this run only


def test_the_environment_variable_is_documented_and_read(monkeypatch) -> None:
    from game.i18n import LANGUAGE_ENV, language_from_environment
    from game.paths import ROOT

    monkeypatch.setenv(LANGUAGE_ENV, "fr")
    assert language_from_environment() == "fr"
    monkeypatch.setenv(LANGUAGE_ENV, "klingon")
    assert language_from_environment() is None
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert LANGUAGE_ENV in readme and "--language" in readme


def test_play_refuses_a_language_it_does_not_ship() -> None:
    out = subprocess.run([sys.executable, "-m", "game", "play", "--language", "de"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "--language" in out.stderr


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize(("level_id", "player"), [("tutorial", "US"),
                                                  ("example-three-country-cooperation", "MX")])
def test_every_desk_tab_fits_in_each_language(make_app, size: tuple[int, int], code: str,
                                              level_id: str, player: str) -> None:
    app = make_app(size, 1.0, language=code)
    game = new_game(level_id, player)
    for tab, _ in DeskScene(app, game).tabs():
        desk = DeskScene(app, game)
        desk.tab = tab
        app.switch(desk)
        for _ in range(3):
            app.frame(0.016)
            assert layout_problems(app, desk) == [], (code, tab, desk.lever_page)
            if desk.pager is None:
                break
            press(app, desk.pager)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
@pytest.mark.parametrize("code", TRANSLATED)
def test_title_settings_briefing_and_report_fit_in_each_language(make_app, size: tuple[int, int],
                                                                code: str) -> None:
    app = make_app(size, 1.0, language=code)
    game = new_game()
    title = TitleScene(app)
    scenes = [title, SettingsScene(app, back_to=title), BriefingScene(app, game)]
    scenes.append(ReportScene(app, game, game.end_turn()))
    for scene in scenes:
        app.switch(scene)
        app.frame(0.016)
        assert language() == code
        assert layout_problems(app, scene) == [], (code, scene.name)
    pygame.event.clear()
