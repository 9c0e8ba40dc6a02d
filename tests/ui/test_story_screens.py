"""A level's story cards, news articles and epilogue as students see them on screen."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import layout_problems, record_drawn_text

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.start import make_session
from game.ui.widgets import picture as pictures


def story_game() -> SoloGame:
    [entry] = [e for e in shipped_levels() if e.id == "example-story-beats"]
    return SoloGame(make_session(entry.level, "US", None, autoplay=False), "US")


def shown_pixels(surface: pygame.Surface, rect: pygame.Rect) -> set[tuple[int, int, int]]:
    return {tuple(surface.get_at((x, y)))[:3] for x in range(rect.left, rect.right, 7)
            for y in range(rect.top, rect.bottom, 7)}


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_the_first_report_shows_the_levels_card_with_its_picture(make_app, monkeypatch,
                                                                 size) -> None:
    app = make_app(size)
    game = story_game()
    drawn = record_drawn_text(monkeypatch)
    scene = ReportScene(app, game, game.end_turn())
    app.switch(scene)
    app.frame(0.016)
    assert layout_problems(app, scene) == []
    assert "Borders close" in drawn
    assert any("A pandemic closes borders" in text for text in drawn)
    # The map's sand-yellow countries are on screen, in the story panel (scaled, so nearly).
    story = pygame.Rect(scene.right.left, scene.right.centery, scene.right.width,
                        scene.right.height // 2)
    assert any(r > 200 and 170 < g < 220 and b < 140
               for r, g, b in shown_pixels(app.screen, story))


def test_a_news_article_is_drawn_under_its_headline(make_app, monkeypatch) -> None:
    app = make_app()
    game = story_game()
    game.end_turn()
    drawn = record_drawn_text(monkeypatch)
    app.switch(ReportScene(app, game, game.end_turn()))
    app.frame(0.016)
    headline = next(i for i, t in enumerate(drawn) if "suspends deportation flights" in t)
    assert any(t.startswith("Some people deported") for t in drawn[headline + 1:])


def test_the_debrief_opens_on_what_really_happened(make_app, monkeypatch) -> None:
    app = make_app()
    game = story_game()
    while not game.finished:
        game.end_turn()
    drawn = record_drawn_text(monkeypatch)
    scene = DebriefScene(app, game)
    app.switch(scene)
    app.frame(0.016)
    assert scene.tab == "epilogue" and scene.tabs[1][0] == "charts"
    assert "What really happened" in drawn
    assert any(text.startswith("Source: OCHA") for text in drawn)
    assert layout_problems(app, scene) == []


def test_a_picture_that_cannot_be_read_is_left_out_not_a_crash(tmp_path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    assert pictures.picture(str(broken), 100, 100) is None
    assert pictures.picture("", 100, 100) is None
    surface = pygame.Surface((50, 50))
    assert pictures.draw_picture(surface, str(broken), surface.get_rect()) is None


def test_a_picture_keeps_its_proportions(tmp_path) -> None:
    path = tmp_path / "wide.png"
    pygame.image.save(pygame.Surface((400, 100)), str(path))
    assert pictures.picture(str(path), 200, 200).get_size() == (200, 50)


def test_the_class_debrief_also_opens_on_the_epilogue(make_app, monkeypatch) -> None:
    from game.play.classroom import Classroom, ClassSettings, Team
    from game.ui.scenes.class_debrief import ClassDebriefScene

    [story] = [e for e in shipped_levels() if e.id == "example-story-beats"]
    [crisis] = [e for e in shipped_levels() if e.id == "june-2019-crisis"]
    level = crisis.level.model_copy(update={"epilogue": story.level.epilogue})
    level.set_folder(story.path.parent.resolve())  # the picture is beside the story level
    room = Classroom(level, ClassSettings((Team("Eagles", "US"), Team("Jaguars", "MX"))))
    while not room.finished:
        for country in list(room.order):
            room.commit(country)
        room.resolve()
    app = make_app()
    drawn = record_drawn_text(monkeypatch)
    scene = ClassDebriefScene(app, room)
    app.switch(scene)
    app.frame(0.016)
    assert scene.tab == "epilogue" and scene.debrief.epilogue.image.endswith("eta-track.jpg")
    assert any("Eta and Iota" in text for text in drawn)
    assert layout_problems(app, scene) == []
