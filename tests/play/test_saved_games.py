"""Saved games as Load and Continue see them: level, turn, month reached, finished or not."""

from __future__ import annotations

from dataclasses import replace

from play_helpers import level

from game.play.game import SoloGame
from game.play.saved_games import (
    is_finished,
    latest_unfinished,
    resume_unfinished,
    saved_games,
)
from game.play.saves import autosave_session
from game.play.session import Session


def played(level_id: str, turns: int | None = None) -> SoloGame:
    """A human's game of ``level_id``, autosaved, played ``turns`` turns (or to the end)."""
    lvl = level(level_id)
    players = {c: "ai:pragmatist" for c in lvl.country_setups()}
    player = lvl.playable_countries()[0]
    players[player] = "human"
    session = Session(lvl, players=players)
    session.on_turn_end = autosave_session
    game = SoloGame(session, player)
    while not game.finished and (turns is None or session.turn <= turns):
        game.end_turn()
    return game


def test_a_game_is_finished_when_every_turn_is_played_or_the_teacher_ended_it() -> None:
    game = played("tutorial", turns=2)
    assert not is_finished(game.session.record)
    ended = replace(game.session.record, classroom={"ended_early": True})
    assert is_finished(ended)
    assert is_finished(played("tutorial").session.record)


def test_a_save_whose_level_no_longer_loads_is_listed_as_not_finished() -> None:
    record = played("tutorial", turns=1).session.record
    broken = replace(record, level_source="format: nonsense", level_hash="0" * 64)
    assert not is_finished(broken)


def test_each_saved_game_names_its_turn_of_the_level_and_the_month_it_reached() -> None:
    played("tutorial", turns=3)
    [game] = saved_games()
    assert (game.info.turn, game.turns, game.date, game.finished) == (3, 4, "2019-04", False)
    assert game.progress == "Turn 3 of 4 · 2019-04"


def test_continue_passes_over_every_turn_of_a_finished_game() -> None:
    unfinished = played("the-45-days", turns=1)
    played("tutorial")                      # newer, finished, with earlier turns autosaved
    found = latest_unfinished()
    assert found is not None and found.record.game_id == unfinished.session.record.game_id
    session, message = resume_unfinished()
    assert session is not None and session.view.id == "the-45-days" and message == ""


def test_with_only_finished_games_continue_says_so() -> None:
    played("tutorial")
    session, message = resume_unfinished()
    assert session is None and "finished" in message


def test_a_save_from_another_day_shows_its_day_and_one_from_today_its_time() -> None:
    played("tutorial", turns=1)
    [game] = saved_games()
    day, clock = game.saved.split(" ")
    assert game.when(today=day) == f"saved at {clock}"
    assert game.when(today="1999-01-01") == f"saved {day}"
