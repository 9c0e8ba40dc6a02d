"""The turn desk: private drafts per country, a forecast with the turn's events, ordered commits."""

from __future__ import annotations

import pytest

from game.play.classroom import Classroom, ClassSettings, Team, teacher_events
from game.play.decisions import DecisionRejected, ProposeAgreement
from game.play.game import SoloGame, TeamGame
from game.play.session import Session
from game.sim.forecast import forecast as model_forecast
from tests.play.play_helpers import level

ENCOUNTERS = ("us_border_encounters",)


def class_of_three() -> Classroom:
    teams = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))
    return Classroom(level("june-2019-crisis"), ClassSettings(teams, rotate=False))


def lever_decisions(session: Session, turn: int) -> list[tuple[str, str]]:
    return [(d["country"], d["lever"]) for d in session.record.turns[turn - 1].decisions
            if d["type"] == "set_lever" and d.get("by") != "ai"]


def test_a_country_desk_never_shows_another_countrys_draft() -> None:
    room = class_of_three()
    start = room.session.table.policy.value("US", "asylum_officers")
    room.set_lever("US", "asylum_officers", start + 400)
    desk = room.desk
    assert desk.table("US").policy.value("US", "asylum_officers") == start + 400
    assert desk.table("MX").policy.value("US", "asylum_officers") == start
    assert desk.draft("MX") == {} and room.session.table.policy.value(
        "US", "asylum_officers") == start


def test_a_countrys_forecast_ignores_the_other_countries_drafts() -> None:
    room = class_of_three()
    before = room.desk.forecast("MX", ENCOUNTERS)
    agents = room.session.table.policy.value("US", "border_agents")
    room.set_lever("US", "border_agents", agents / 2)
    assert room.desk.forecast("MX", ENCOUNTERS) == before
    assert room.desk.forecast("US", ENCOUNTERS) != before


def test_a_draft_handed_out_is_a_copy_the_screens_cannot_change_behind_the_desk() -> None:
    room = class_of_three()
    room.set_lever("US", "rescue", 30)
    room.desk.draft("US")["rescue"] = 99
    assert room.desk.draft("US") == {"rescue": 30}


def test_the_forecast_includes_the_levels_scheduled_event_of_the_turn() -> None:
    session = Session(level("tutorial"))
    assert [e.kind for e, _, _ in session.upcoming_events()] == ["caravan"]
    with_events = session.desk.forecast("US", ENCOUNTERS)
    without = model_forecast(session.sim, session.table.policy, session.months_per_turn,
                             metrics=ENCOUNTERS)
    assert with_events["us_border_encounters"][1] > without["us_border_encounters"].p50


def test_the_forecast_includes_an_event_the_teacher_added_to_the_turn() -> None:
    room = class_of_three()
    before = room.desk.forecast("US", ENCOUNTERS)["us_border_encounters"][1]
    caravan = next(e for e in teacher_events(room.level) if e.key == "caravan")
    room.inject(caravan)
    assert room.desk.forecast("US", ENCOUNTERS)["us_border_encounters"][1] > before


def test_commits_reach_the_turn_in_the_order_the_countries_committed() -> None:
    room = class_of_three()
    room.set_lever("US", "asylum_officers", 900)
    room.commit("US")
    room.set_lever("MX", "asylum_officers", 200)
    room.commit("MX")
    room.set_lever("CA", "asylum_officers", 280)
    room.commit("CA")
    room.resolve()
    assert lever_decisions(room.session, 1) == [("US", "asylum_officers"),
                                                ("MX", "asylum_officers"),
                                                ("CA", "asylum_officers")]


def test_a_rotated_order_commits_and_applies_in_the_new_order() -> None:
    teams = (Team("Eagles", "US"), Team("Jaguars", "MX"))
    room = Classroom(level("june-2019-crisis"), ClassSettings(teams, rotate=True))
    for country in list(room.order):
        room.commit(country)
    room.resolve()
    assert room.order == ["MX", "US"]
    room.set_lever("MX", "asylum_officers", 200)
    room.commit("MX")
    room.set_lever("US", "asylum_officers", 900)
    room.commit("US")
    room.resolve()
    assert lever_decisions(room.session, 2) == [("MX", "asylum_officers"),
                                                ("US", "asylum_officers")]


def test_a_draft_that_was_never_committed_does_not_reach_the_turn() -> None:
    session = Session(level("tutorial"))
    start = session.table.policy.value("US", "asylum_officers")
    session.desk.set_lever("US", "asylum_officers", start + 300)
    session.end_turn()
    assert session.table.policy.value("US", "asylum_officers") == start
    assert session.desk.draft("US") == {}


def test_a_committed_country_cannot_change_its_levers_until_the_next_turn() -> None:
    session = Session(level("tutorial"))
    session.desk.commit("US")
    with pytest.raises(DecisionRejected, match="already committed"):
        session.desk.set_lever("US", "rescue", 30)


def test_the_desk_refuses_a_country_the_computer_leads() -> None:
    session = Session(level("tutorial"))
    with pytest.raises(DecisionRejected, match="not decided at this desk"):
        session.desk.set_lever("MX", "border_troops", 20_000)


def test_a_team_ending_its_turn_commits_and_the_class_resolves_later() -> None:
    room = class_of_three()
    seat = TeamGame(room, "US")
    seat.set_lever("rescue", 30)
    assert seat.end_turn() is None
    assert room.committed == ["US"] and room.current is not None
    assert room.current.country == "MX"


def play_solo(game: SoloGame) -> list[str]:
    game.set_lever("asylum_officers", 1400)
    game.decide(ProposeAgreement("US", "safe_third_country", ("MX",)))
    hashes = []
    while not game.finished:
        game.end_turn()
        hashes.append(game.session.state_hash())
    return hashes


def play_one_team_class(room: Classroom) -> list[str]:
    seat = TeamGame(room, "US")
    seat.set_lever("asylum_officers", 1400)
    seat.decide(ProposeAgreement("US", "safe_third_country", ("MX",)))
    hashes = []
    while not room.finished:
        seat.end_turn()
        room.resolve()
        hashes.append(room.session.state_hash())
    return hashes


def test_single_player_and_a_one_team_class_reach_the_same_states() -> None:
    tutorial = level("tutorial")
    solo = SoloGame(Session(tutorial, players={"US": "human"}), "US")
    room = Classroom(tutorial, ClassSettings((Team("Eagles", "US"),)))
    assert play_solo(solo) == play_one_team_class(room)
    assert solo.session.reports[-1].metrics == room.session.reports[-1].metrics


def test_a_saved_turn_in_progress_comes_back_with_its_drafts_and_commit_order() -> None:
    session = Session(level("june-2019-crisis"), players={"US": "human", "MX": "human"})
    session.desk.restore({"US": {"rescue": 30}, "MX": {"asylum_officers": 200}},
                         ["MX", "US", "MX"])
    assert session.desk.committed == ["MX", "US"]
    assert session.desk.draft("US") == {"rescue": 30}
    session.end_turn()
    assert lever_decisions(session, 1) == [("MX", "asylum_officers"), ("US", "rescue")]
