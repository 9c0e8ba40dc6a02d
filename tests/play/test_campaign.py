"""The campaign a player follows: levels in order, stars kept, levels opening as the file says."""

from __future__ import annotations

import json
from pathlib import Path

from play_helpers import level

from game.play.campaign import (
    BAD_SUFFIX,
    campaign_steps,
    load_progress,
    next_level,
    progress_path,
    record_result,
)
from game.play.game import SoloGame
from game.play.session import Session

EXAMPLES_CAMPAIGN = Path(__file__).resolve().parents[2] / "levels/examples/example-campaign.yaml"


def test_the_campaign_lists_its_levels_in_the_order_of_the_campaign_file() -> None:
    steps = campaign_steps()
    assert [s.level_id for s in steps] == ["tutorial", "the-45-days", "regional-approach"]
    assert all(s.level is not None and s.max_stars > 0 for s in steps)


def test_a_new_player_has_only_the_first_level_open_and_is_told_what_opens_the_next() -> None:
    first, second, third = campaign_steps()
    assert first.unlocked and first.unlock_text == ""
    assert not second.unlocked and not third.unlocked
    assert second.unlock_text == f"Finish {first.title} to unlock"
    assert next_level("tutorial") is None


def test_finishing_a_level_opens_the_next_and_keeps_the_best_stars() -> None:
    assert record_result("tutorial", 2, 3, True) == ""
    assert record_result("tutorial", 1, 3, False) == ""
    first, second, _ = campaign_steps()
    assert first.stars == 2 and first.result is not None and first.result.won
    assert second.unlocked
    nxt = next_level("tutorial")
    assert nxt is not None and nxt.level_id == "the-45-days"


def test_unlock_rules_with_stars_and_always_follow_the_file() -> None:
    steps = campaign_steps(path=EXAMPLES_CAMPAIGN)
    by_id = {s.level_id: s for s in steps}
    assert by_id["example-conditional-events"].unlocked            # unlock: always
    locked = by_id["example-three-country-cooperation"]
    assert not locked.unlocked and "1 star" in locked.unlock_text
    record_result("minimal", 0, 2, False)
    assert not {s.level_id: s for s in campaign_steps(path=EXAMPLES_CAMPAIGN)}[
        "example-three-country-cooperation"].unlocked              # finished, but no star
    record_result("minimal", 1, 2, False)
    steps = {s.level_id: s for s in campaign_steps(path=EXAMPLES_CAMPAIGN)}
    assert steps["example-three-country-cooperation"].unlocked
    assert steps["example-one-country-crisis"].unlocked            # the one after minimal


def test_a_corrupt_progress_file_starts_afresh_with_a_message_and_is_kept() -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    progress = load_progress()
    assert progress.results == {} and "starts afresh" in progress.message
    assert [s.unlocked for s in campaign_steps()] == [True, False, False]
    assert record_result("tutorial", 1, 3, False) == ""
    assert path.with_name(path.name + BAD_SUFFIX).read_text(encoding="utf-8") == "{not json"
    assert load_progress().results["tutorial"].stars == 1


def test_a_progress_file_with_wrong_values_starts_afresh_without_crashing() -> None:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for bad in ({"format": "borderlines-progress/1", "levels": {"tutorial": {"stars": "3"}}},
                {"format": "something-else"}, [1, 2], {"format": "borderlines-progress/1"}):
        path.write_text(json.dumps(bad), encoding="utf-8")
        progress = load_progress()
        assert progress.results == {} and progress.message


def test_a_missing_progress_file_is_a_new_player_without_a_message() -> None:
    progress = load_progress()
    assert progress.results == {} and progress.message == ""


def test_a_finished_single_player_game_records_its_stars() -> None:
    tutorial = level("tutorial")
    players = {c: "ai:pragmatist" for c in tutorial.country_setups()}
    players["US"] = "human"
    session = Session(tutorial, players=players)
    game = SoloGame(session, "US")
    while not game.finished:
        game.end_turn()
    result = load_progress().results["tutorial"]
    assert result.stars == session.stars("US") and result.max_stars == session.max_stars("US")
    assert campaign_steps()[1].unlocked
