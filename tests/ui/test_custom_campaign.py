"""A teacher's campaign in the custom levels' folder: listed, played, its stars kept, unlocked.

The folder holds a two-level campaign (the first level listed by file, the second by id, opened
``after`` the first one's id), and a strategy file, which is said to be a strategy, not a level.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import layout_problems, press, unreachable_buttons

from game.paths import LEVELS
from game.play.campaign import campaign_steps, load_progress, next_level
from game.play.catalog import custom_campaigns, other_files
from game.play.settings import Settings, save_settings
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.desk import DeskScene
from game.ui.scenes.level_picker import LevelPickerScene
from game.ui.scenes.report import ReportScene

CAMPAIGN = """format: borderlines-campaign/1
id: rivera
title: Ms Rivera's campaign
levels:
  - level: one.yaml
  - level: teacher-two
    unlock: {after: [teacher-one]}
"""


@pytest.fixture(autouse=True)
def fresh_picker(monkeypatch: pytest.MonkeyPatch) -> None:
    """No campaign remembered from another test."""
    monkeypatch.setattr(LevelPickerScene, "last_campaign", None)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A custom folder with a two-level campaign, its levels beside it, and a strategy."""
    out = tmp_path / "class-levels"
    out.mkdir()
    one = (LEVELS / "examples" / "minimal.yaml").read_text(encoding="utf-8")
    (out / "one.yaml").write_text(one.replace("id: minimal", "id: teacher-one"),
                                  encoding="utf-8")
    two = (LEVELS / "examples" / "one-country-crisis.yaml").read_text(encoding="utf-8")
    (out / "two.yaml").write_text(two.replace("id: example-one-country-crisis",
                                              "id: teacher-two"), encoding="utf-8")
    (out / "campaign.yaml").write_text(CAMPAIGN, encoding="utf-8")
    strategy = LEVELS / "examples" / "strategies" / "enforcement-only.yaml"
    (out / "enforcement-only.yaml").write_text(strategy.read_text(encoding="utf-8"),
                                               encoding="utf-8")
    return out


def test_the_custom_folder_says_which_files_are_campaigns_and_strategies(folder: Path) -> None:
    kinds = {f.path.name: f.kind for f in other_files(folder)}
    assert kinds == {"campaign.yaml": "campaign", "enforcement-only.yaml": "strategy"}
    settings = Settings(custom_levels_dir=str(folder))
    assert custom_campaigns(settings) == [folder / "campaign.yaml"]


def test_a_custom_campaign_unlocks_by_level_id_and_by_file_name(folder: Path) -> None:
    from game.play.campaign import record_result

    path = folder / "campaign.yaml"
    first, second = campaign_steps(path=path)
    assert (first.level_id, second.level_id) == ("teacher-one", "teacher-two")
    assert first.unlocked and not second.unlocked
    assert second.unlock_text == f"Finish {first.title} to unlock"
    record_result("teacher-one", 0, 2, False)
    assert campaign_steps(path=path)[1].unlocked, "after: [teacher-one] names the level's id"
    # An older file names the level by its file name: that still opens it.
    path.write_text(CAMPAIGN.replace("[teacher-one]", "[one]"), encoding="utf-8")
    assert campaign_steps(path=path)[1].unlocked
    nxt = next_level("teacher-one", paths=[path])
    assert nxt is not None and nxt.level_id == "teacher-two"


def test_the_picker_lists_the_teachers_campaign_and_its_locked_second_level(
        make_app, folder: Path) -> None:
    app = make_app((1024, 600), 1.0, language="fr")
    app.settings = Settings(custom_levels_dir=str(folder))
    scene = LevelPickerScene(app, "campaign")
    app.switch(scene)
    assert scene.campaign_button is not None and "1" in scene.campaign_button.text
    press(app, scene.campaign_button)
    scene = app.scene
    assert "Ms Rivera's campaign" in scene.campaign_button.text
    first, second = scene.shipped
    assert first.ok and not first.locked and second.locked
    assert scene.selected is first and scene.play_button.is_enabled
    assert layout_problems(app, scene) == []
    assert unreachable_buttons(scene, app) == []
    press(app, scene.custom_tab)
    scene = app.scene
    by_name = {e.path.name: e for e in scene.custom}
    assert by_name["enforcement-only.yaml"].kind == "strategy"
    assert by_name["campaign.yaml"].kind == "campaign"
    assert not any(e.kind == "level" and not e.ok for e in scene.custom), \
        "no campaign or strategy file is listed as a broken level"
    [button] = [b for b, e in scene.level_buttons if e.path.name == "enforcement-only.yaml"]
    press(app, button)
    assert not app.scene.play_button.is_enabled
    [button] = [b for b, e in app.scene.level_buttons if e.path.name == "campaign.yaml"]
    press(app, button)
    press(app, app.scene.play_button)  # "Open campaign": the Campaign section shows it
    scene = app.scene
    assert scene.section == "campaign" and scene.campaigns[scene.campaign_index][0] == \
        folder / "campaign.yaml"


def test_a_teacher_campaign_is_played_through_the_screens_and_opens_its_next_level(
        make_app, folder: Path) -> None:
    settings = Settings(custom_levels_dir=str(folder))
    save_settings(settings)  # the debrief finds the campaigns through the saved settings
    app = make_app((1280, 720))
    app.settings = settings
    scene = LevelPickerScene(app, "campaign")
    app.switch(scene)
    press(app, scene.campaign_button)
    press(app, app.scene.play_button)
    assert isinstance(app.scene, BriefingScene)
    game = app.scene.game
    assert game.session.view.id == "teacher-one"
    press(app, app.scene.desk_button)
    while not game.finished:
        assert isinstance(app.scene, DeskScene)
        press(app, app.scene.end_button)
        assert isinstance(app.scene, ReportScene)
        press(app, app.scene.next_button)
    assert isinstance(app.scene, DebriefScene), type(app.scene)
    assert "teacher-one" in load_progress().results
    # A win's "Next level" button is the next open level of the campaign that lists this one,
    # found through the saved settings' custom folder.
    nxt = next_level("teacher-one")
    assert nxt is not None and nxt.level_id == "teacher-two"
    picker = LevelPickerScene(app, "campaign")
    app.switch(picker)
    assert picker.campaigns[picker.campaign_index][0] == folder / "campaign.yaml", \
        "the picker opens again on the campaign the class is playing"
    first, second = picker.shipped
    assert first.step is not None and first.step.result is not None
    assert not second.locked, "finishing the first level opens the second"
