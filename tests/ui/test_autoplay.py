"""``play --autoplay`` walks every shipped level (and a custom one) through every screen."""

from __future__ import annotations

import pytest

from game.cli import main
from game.content.catalog import shipped_levels
from game.ui.scenes.start import start_scene

LEVEL_IDS = [e.id for e in shipped_levels() if e.ok]


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_autoplay_reaches_the_debrief_of_every_shipped_level(make_app, level_id) -> None:
    app = make_app(autoplay=True)
    code = app.run(start_scene(app, level=level_id))
    assert code == 0
    assert app.visited[0] == "briefing"
    assert app.visited.count("report") == app.visited.count("desk") >= 1
    # After the debrief, the title shows the Load screen (with this game in it) and ends.
    assert app.visited[-4:] == ["debrief", "title", "load", "title"]
    # The epilogue (when the level tells what really happened), charts, decisions,
    # objectives, discussion, what if.
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    assert app.visited.count("debrief") == 5 + (entry.level.epilogue is not None)


def test_autoplay_from_the_title_writes_one_numbered_png_per_screen(make_app, tmp_path) -> None:
    shots = tmp_path / "shots"
    app = make_app(autoplay=True, screenshots=shots)
    from game.ui.scenes.title import TitleScene

    assert app.run(TitleScene(app)) == 0
    names = sorted(p.name for p in shots.iterdir())
    assert names[:5] == ["01_title.png", "02_settings.png", "03_title.png",
                         "04_level_picker.png", "05_briefing.png"]
    assert names[5].startswith("06_desk_") and names[6] == "07_report.png"
    for tab in ("charts", "timeline", "objectives", "discuss", "whatif"):
        assert any(n.endswith(f"_debrief_{tab}.png") for n in names)
    assert len(names) == len(app.visited)


def test_autoplay_plays_a_custom_level_file_given_by_path(tmp_path, capsys) -> None:
    [tutorial] = [e for e in shipped_levels() if e.id == "tutorial"]
    custom = tmp_path / "my-level.yaml"
    custom.write_text(tutorial.path.read_text(encoding="utf-8"), encoding="utf-8")
    shots = tmp_path / "shots"
    assert main(["play", str(custom), "--autoplay", "--screenshots", str(shots)]) == 0
    names = sorted(p.name for p in shots.iterdir())
    assert names[0] == "01_briefing.png" and names[-1].endswith("_title.png")


def test_a_broken_level_on_the_command_line_opens_the_title_with_the_reason(make_app,
                                                                            tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: borderlines-level/1\nid: x\n", encoding="utf-8")
    app = make_app()
    scene = start_scene(app, level=str(bad))
    assert scene.name == "title"
    assert "bad.yaml" in scene.notice and "error" in scene.notice


def test_continue_passes_over_a_finished_game_and_says_why(make_app) -> None:
    app = make_app(autoplay=True)
    app.run(start_scene(app, level="tutorial"))
    app = make_app()
    scene = start_scene(app, resume=True)
    # The autoplayed game finished: Continue opens only unfinished games, and says so.
    assert scene.name == "title" and "finished" in scene.notice


def test_autoplay_shows_a_levels_story_cards_news_and_epilogue(make_app, tmp_path) -> None:
    shots = tmp_path / "shots"
    app = make_app(autoplay=True, screenshots=shots)
    assert app.run(start_scene(app, level="example-story-beats")) == 0
    names = sorted(p.name for p in shots.iterdir())
    # The debrief opens on what really happened, before the charts.
    debriefs = [n.split("_", 1)[1] for n in names if "_debrief_" in n]
    assert debriefs[:2] == ["debrief_epilogue.png", "debrief_charts.png"]
