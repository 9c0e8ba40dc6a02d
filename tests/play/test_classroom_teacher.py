"""The teacher's lesson controls: blank, reopen, skip, rename, undo an event, no event twice."""

from __future__ import annotations

import pytest

from game.play.classroom import (
    Classroom,
    ClassSettings,
    Team,
    added_events,
    blank_projector,
    notices_for,
    projector_blanked,
    rename_team,
    resume_classroom,
    skip_team,
    skipped_teams,
    teacher_events,
    undo_event,
)
from game.play.decisions import DecisionRejected
from game.play.record import GameRecord
from tests.play.play_helpers import level

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))


def saving_room(name: str = "june-2019-crisis", teams=TEAMS, **options
                ) -> tuple[Classroom, list[GameRecord]]:
    saved: list[GameRecord] = []
    room = Classroom(level(name), ClassSettings(teams, **options),
                     on_save=lambda r: saved.append(GameRecord.from_json(r.to_json())))
    return room, saved


def event(room: Classroom, kind: str):
    return next(e for e in teacher_events(room.level) if e.kind == kind)


def test_a_skipped_team_keeps_its_levers_and_the_turn_ends_without_it() -> None:
    room, saved = saving_room()
    before = dict(room.session.table.policy.levers["MX"])
    skip_team(room, "MX")  # Mexico's team is absent; the US team is at the computer
    assert room.current.country == "US" and skipped_teams(room) == ["MX"]
    with pytest.raises(DecisionRejected, match="already committed"):
        skip_team(room, "MX")
    room.set_lever("US", "rescue", 40)
    room.commit("US")
    skip_team(room, "CA")  # the team at the desk leaves: the turn is ready
    assert room.ready and skipped_teams(room) == ["MX", "CA"]
    assert saved[-1].classroom["teacher_log"][-1] == {"turn": 1, "action": "skip",
                                                      "country": "CA"}
    room.resolve()
    assert room.session.table.policy.levers["MX"] == before
    assert room.session.table.policy.value("US", "rescue") == 40
    assert skipped_teams(room) == [], "a skip is for one turn"


def test_a_reopened_team_decides_again_after_the_team_at_the_computer() -> None:
    room, _ = saving_room(rotate=False)
    room.set_lever("US", "rescue", 40)
    room.commit("US")
    assert room.current.country == "MX"
    room.reopen("US")
    # The team at the computer keeps it; the US team comes back at the end of the order.
    assert room.current.country == "MX" and room.order == ["MX", "CA", "US"]
    assert room.desk.draft("US") == {"rescue": 40}, "its draft is still there to change"
    room.commit("MX")
    room.commit("CA")
    assert room.current.country == "US"
    room.set_lever("US", "rescue", 30)
    room.commit("US")
    room.resolve()
    assert room.session.table.policy.value("US", "rescue") == 30
    # A skipped team the teacher reopens is no longer skipped.
    skip_team(room, "CA")
    room.reopen("CA")
    assert skipped_teams(room) == [] and "CA" not in room.committed


def test_a_renamed_team_is_checked_like_at_set_up_and_shown_everywhere() -> None:
    room, saved = saving_room()
    for bad, message in (("Eagles", "Two teams are called"), ("", "needs a name"),
                         ("x" * 40, "at most"), ("a\x00b", "control characters")):
        with pytest.raises(DecisionRejected, match=message):
            rename_team(room, "MX", bad)
    assert room.team("MX").name == "Jaguars" and saved == []
    team = rename_team(room, "MX", "  Ocelots ")
    assert team.name == "Ocelots" and room.team("MX").label == "Team Ocelots (Mexico)"
    assert [tm.name for tm in room.teams] == ["Eagles", "Ocelots", "Moose"]
    room.commit("US")
    assert room.hand_over_text() == "Pass to Team Ocelots (Mexico)"
    assert saved[-1].classroom["teams"][1] == {"name": "Ocelots", "country": "MX"}
    assert saved[-1].classroom["teacher_log"][0]["old"] == "Jaguars"


def test_an_added_event_is_taken_back_from_the_turn_and_its_record() -> None:
    room, saved = saving_room()
    caravan = event(room, "caravan")  # the level's own summer caravan, from the panel's list
    room.inject(caravan)
    room.inject(event(room, "hurricane"))
    assert [a.event.kind for a in added_events(room)] == ["caravan", "hurricane"]
    assert [a.label for a in added_events(room)] == [
        "Thousands set out together from the Guatemalan border", "A hurricane strikes Honduras"]
    undone = undo_event(room, 0)
    assert undone.kind == "caravan" and room.injected() == ["hurricane"]
    assert [d["kind"] for d in room.session.table.log if d["type"] == "inject_event"] == [
        "hurricane"]
    assert saved[-1].classroom["teacher_log"][-1]["action"] == "undo_inject"
    for country in list(room.order):
        room.commit(country)
    report = room.resolve()
    assert [e["kind"] for e in report.events] == ["hurricane"]
    assert [d["kind"] for d in room.record.turns[0].decisions
            if d["type"] == "inject_event"] == ["hurricane"]
    with pytest.raises(DecisionRejected, match="no longer waiting"):
        undo_event(room, 0)


def test_an_event_the_turn_already_brings_is_refused_not_doubled() -> None:
    room, _ = saving_room()
    caravan = event(room, "caravan")
    room.inject(caravan)
    with pytest.raises(DecisionRejected, match="already added an event “caravan”"):
        room.inject(caravan)
    undo_event(room, 0)
    room.inject(caravan)  # taken back, it can be added again
    assert room.injected() == ["caravan"]
    # The compact's Eta and Iota strike Honduras in its third turn (its second month).
    teams = (Team("Eagles", "US"), Team("Catrachos", "HN"))
    compact, _ = saving_room("regional-compact", teams)
    for _ in range(2):
        for country in list(compact.order):
            compact.commit(country)
        compact.resolve()
    eta = next(e for e in teacher_events(compact.level) if e.key == "level:eta-and-iota")
    with pytest.raises(DecisionRejected, match=r"The level already has an event “hurricane” "
                                               r"in this turn \(2020-11\)"):
        compact.inject(eta)
    with pytest.raises(DecisionRejected, match="already has"):
        compact.inject(event(compact, "hurricane"))  # the standard one: still a hurricane
    assert compact.injected() == []
    compact.inject(event(compact, "caravan"))
    assert compact.injected() == ["caravan"]


def test_blanking_the_projector_toggles_and_is_logged() -> None:
    room, saved = saving_room()
    assert not projector_blanked(room)
    assert blank_projector(room) is True and projector_blanked(room)
    assert saved[-1].classroom["teacher_log"][-1]["action"] == "blank"
    assert blank_projector(room) is False and not projector_blanked(room)
    assert blank_projector(room, True) and blank_projector(room, True)


def test_every_teacher_action_survives_a_reload_of_the_save() -> None:
    room, saved = saving_room(pin="2468")
    rename_team(room, "CA", "Lynx")
    room.inject(event(room, "caravan"))
    room.inject(event(room, "hurricane"))
    undo_event(room, 1)
    skip_team(room, "MX")
    blank_projector(room, True)
    resumed = resume_classroom(saved[-1])
    assert resumed.team("CA").name == "Lynx" and resumed.teams[2].label == "Team Lynx (Canada)"
    assert skipped_teams(resumed) == ["MX"] and resumed.committed == ["MX"]
    assert resumed.injected() == ["caravan"], "the undone hurricane stays undone"
    assert projector_blanked(resumed)
    assert resumed.check_pin("2468")
    # Saved again after the resume, the PIN and the names are still there.
    resumed.on_save = lambda r: saved.append(GameRecord.from_json(r.to_json()))
    resumed.commit("US")
    again = resume_classroom(saved[-1])
    assert again.check_pin("2468") and not again.check_pin("")
    assert again.team("CA").name == "Lynx" and skipped_teams(again) == ["MX"]
    for country in ("US", "CA"):
        room.commit(country)
    again.commit("CA")
    played = again.resolve()
    assert [e["kind"] for e in played.events] == ["caravan"]
    assert played.metrics == room.resolve().metrics, "the reloaded class plays the same turn"


def test_a_counter_offer_at_the_class_desk_must_add_up_too() -> None:
    room, _ = saving_room()
    room.propose("US", "burden_sharing", ["MX", "CA"],
                 {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.2})
    room.commit("US")
    offer = room.team_view("MX").inbox[0]
    with pytest.raises(DecisionRejected, match="add up to 100%"):
        room.answer("MX", offer.id, "counter", {"share_mx": 0.25})
    assert room.team_view("MX").inbox == (offer,)


def test_a_team_is_told_of_the_threat_aimed_at_it_and_the_pledges_made_to_it() -> None:
    room, _ = saving_room(rotate=False)
    assert notices_for(room, "MX") == []
    room.propose("US", "tariff_threat", ["MX"], {"rate": 0.05, "target_reduction": 0.3,
                                                 "deadline_months": 2})
    aid = room.pledge("US", "MX", "aid_violence_prevention", 200, turns=2)
    room.commit("US")
    threat, pledge = notices_for(room, "MX")
    assert threat.kind == "threat" and threat.running and threat.state == "deadline 2019-08"
    assert threat.text.startswith("Team Eagles threatens a 5% tariff on your exports")
    assert "fall 30% by 2019-08" in threat.text
    assert pledge.kind == "pledge" and pledge.state == "waiting for your answer"
    assert notices_for(room, "CA") == [], "a third team is not told"
    room.answer_pledge("MX", aid.id, True)
    assert notices_for(room, "MX")[1].state == "binding until turn 2"
    room.commit("MX")
    room.commit("CA")
    room.resolve()
    room.withdraw_pledge("US", aid.id)
    states = [n.state for n in notices_for(room, "MX")]
    assert states[-1] == "broken: left by its maker"
    assert [n.running for n in notices_for(room, "MX")] == [True, False]
