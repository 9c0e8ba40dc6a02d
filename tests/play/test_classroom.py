"""Classroom sessions: hot-seat privacy, proposals between teams, the teacher, the report."""

from __future__ import annotations

import csv
import math

import pytest

from game.play.class_export import write_report
from game.play.classroom import (
    Classroom,
    ClassroomError,
    ClassSettings,
    Team,
    class_debrief,
    compare_sessions,
    projector_view,
    resume_classroom,
    teacher_events,
)
from game.play.decisions import DecisionRejected
from game.play.record import GameRecord
from game.play.session import Session
from game.sim import default_params
from tests.play.play_helpers import level

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))


def three_teams(**options) -> Classroom:
    return Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, **options))


def play_scripted_session(room: Classroom) -> None:
    """Turn 1: safe third country accepted, burden-sharing rejected, Canada hires officers.

    Turn 2: Mexico breaks the safe third country agreement; the others keep their levers.
    Turns 3 and 4: every team commits without changes (to the debrief).
    """
    room.set_lever("US", "asylum_officers", 900)
    room.propose("US", "safe_third_country", ["MX"])
    room.commit("US")
    inbox = room.team_view("MX").inbox
    room.answer("MX", inbox[0].id, "accept")
    room.commit("MX")
    room.propose("CA", "burden_sharing", ["US", "MX"],
                 {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.2})
    room.set_lever("CA", "asylum_officers", 280)
    room.commit("CA")
    room.resolve()
    # Turn 2 starts with Mexico (the order rotates): it rejects Canada's offer and breaks.
    assert room.current.country == "MX"
    burden = room.team_view("MX").inbox[0]
    room.answer("MX", burden.id, "reject", reason="Mexico cannot take 30%")
    room.withdraw("MX", "safe_third_country", ["US"])
    room.commit("MX")
    room.commit("CA")
    room.commit("US")
    room.resolve()
    while not room.finished:
        for country in list(room.order):
            room.commit(country)
        room.resolve()


@pytest.fixture(scope="module")
def finished_room() -> Classroom:
    room = three_teams()
    play_scripted_session(room)
    return room


def test_a_scripted_three_team_session_reaches_the_debrief_with_the_expected_agreements(
        finished_room: Classroom) -> None:
    debrief = class_debrief(finished_room)
    assert debrief.turns_played == 4 and finished_room.finished
    by_kind = {a.kind: a for a in debrief.agreements}
    assert by_kind["safe_third_country"].status == "accepted"
    assert by_kind["safe_third_country"].outcome == "broken"
    assert by_kind["safe_third_country"].ended_by == "MX"
    assert by_kind["safe_third_country"].ended_turn == 2
    assert by_kind["burden_sharing"].status == "rejected"
    assert not finished_room.session.table.active_pacts("MX") or all(
        p.agreement.kind != "safe_third_country"
        for p in finished_room.session.table.active_pacts("MX"))


def test_a_broken_promise_costs_us_mexico_relations_against_an_honest_session(
        finished_room: Classroom) -> None:
    honest = three_teams()
    honest.set_lever("US", "asylum_officers", 900)
    honest.propose("US", "safe_third_country", ["MX"])
    honest.commit("US")
    honest.answer("MX", honest.team_view("MX").inbox[0].id, "accept")
    honest.commit("MX")
    honest.propose("CA", "burden_sharing", ["US", "MX"],
                   {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.2})
    honest.set_lever("CA", "asylum_officers", 280)
    honest.commit("CA")
    honest.resolve()
    honest.answer("MX", honest.team_view("MX").inbox[0].id, "reject")
    for country in list(honest.order):
        honest.commit(country)
    honest.resolve()
    broken = finished_room.session.history("relations_us_mx")[1]
    kept = honest.session.history("relations_us_mx")[1]
    assert kept - broken >= default_params()["broken_promise_relations_hit"].value * 0.5
    # Relations that did not involve the broken promise are untouched by it.
    assert finished_room.session.history("relations_us_ca")[1] == pytest.approx(
        honest.session.history("relations_us_ca")[1], abs=1e-6)


def test_the_class_debrief_puts_every_team_on_one_timeline_with_scores_and_causes(
        finished_room: Classroom) -> None:
    debrief = class_debrief(finished_room)
    who = {e.who for e in debrief.timeline}
    assert {"Eagles", "Jaguars", "Moose"} <= who
    assert {s.metric for s in debrief.scores} >= {"humanitarian_score", "political_score_us",
                                                   "political_score_mx", "political_score_ca"}
    for line in debrief.scores:
        assert len(line.values) == len(line.baseline) == 4
    assert debrief.causes, "the biggest changes come with their causes"
    for cause in debrief.causes:
        total = sum(amount for _, amount in cause.parts)
        assert total == pytest.approx(cause.change, rel=1e-6, abs=1e-6)
    assert debrief.questions and set(debrief.stars) == {"US", "MX", "CA"}


def test_the_hand_over_hides_the_previous_teams_lever_choices() -> None:
    room = three_teams()
    start = room.session.table.policy.value("US", "asylum_officers")
    room.set_lever("US", "asylum_officers", 1500)
    assert room.team_view("US").draft == {"asylum_officers": 1500}
    room.commit("US")
    assert room.hand_over_text() == "Pass to Team Jaguars (Mexico)"
    mexico = room.team_view("MX")
    assert mexico.draft == {}
    # Mexico's desk reads the table: the US change is not in it until the turn resolves.
    assert room.session.table.policy.value("US", "asylum_officers") == start
    assert room.desk.table("MX").policy.value("US", "asylum_officers") == start
    room.commit("MX")
    room.commit("CA")
    room.resolve()
    assert room.session.table.policy.value("US", "asylum_officers") == 1500


def test_only_the_team_at_the_desk_may_decide() -> None:
    room = three_teams()
    with pytest.raises(DecisionRejected, match="Mexico is not at the desk now"):
        room.set_lever("MX", "transit_agents", 100)
    room.pause()
    with pytest.raises(DecisionRejected, match="paused"):
        room.set_lever("US", "removal", "expel")
    room.resume()
    room.set_lever("US", "removal", "expel")


def test_a_proposal_is_seen_by_its_partner_but_not_by_a_third_team() -> None:
    room = three_teams()
    room.propose("US", "returns_acceptance", ["MX"])
    room.commit("US")
    assert [p.kind for p in room.team_view("MX").inbox] == ["returns_acceptance"]
    room.commit("MX")
    assert room.team_view("CA").inbox == ()


def test_a_counter_offer_goes_back_to_the_proposer_on_its_turn() -> None:
    room = three_teams()
    room.propose("US", "returns_acceptance", ["MX"], {"monthly_cap": 30000})
    room.commit("US")
    offer = room.team_view("MX").inbox[0]
    room.answer("MX", offer.id, "counter", {"monthly_cap": 10000})
    for country in ("MX", "CA"):
        room.commit(country)
    room.resolve()
    while room.current.country != "US":
        room.commit(room.current.country)
    counter = room.team_view("US").inbox[0]
    assert counter.terms["monthly_cap"] == 10000 and counter.counter_of == offer.id
    room.answer("US", counter.id, "accept")
    kinds = [p.agreement.kind for p in room.session.table.active_pacts("US")]
    assert "returns_acceptance" in kinds


def test_teacher_events_appear_in_the_record_and_replay_identically() -> None:
    room = three_teams()
    caravan = next(e for e in teacher_events(room.level) if e.kind == "caravan")
    room.inject(caravan)
    for country in list(room.order):
        room.commit(country)
    report = room.resolve()
    assert [e["source"] for e in report.events] == ["teacher"]
    record = room.record
    assert record.turns[0].events[0]["kind"] == "caravan"
    assert any(d["type"] == "inject_event" for d in record.turns[0].decisions)
    replayed = Session.from_record(GameRecord.from_json(record.to_json()))
    assert replayed.replay_mismatches == []
    assert replayed.reports[0].metrics == report.metrics
    # Without the event the same seed gives another turn: the event really acted.
    plain = three_teams()
    for country in list(plain.order):
        plain.commit(country)
    assert plain.resolve().metrics != report.metrics


def test_the_teacher_panel_pauses_extends_reveals_and_ends() -> None:
    room = three_teams(timer_minutes=5, pin="1234")
    assert room.has_pin and room.check_pin("1234") and not room.check_pin("0000")
    assert room.time_left == 300
    assert room.tick(100) is False and room.time_left == 200
    room.pause()
    room.tick(500)
    assert room.time_left == 200
    room.resume()
    room.extend_timer(2)
    assert room.time_left == 320
    assert room.tick(400) is True and room.time_left == 0
    room.reveal_scores()
    for country in list(room.order):
        room.commit(country)
    room.resolve()
    view = projector_view(room)
    assert view.scores_revealed and all(s.score is not None for s in view.standings)
    room.end_session()
    assert room.finished
    assert class_debrief(room, causes=False).ended_early
    assert [e["action"] for e in room.teacher_log] == ["pause", "resume", "extend", "reveal",
                                                       "end"]


def test_the_projector_shows_every_team_and_the_shared_score() -> None:
    room = three_teams()
    for country in list(room.order):
        room.commit(country)
    room.resolve()
    view = projector_view(room)
    assert [s.team.name for s in view.standings] == ["Eagles", "Jaguars", "Moose"]
    assert all(s.value is not None and s.score is None for s in view.standings)
    assert view.humanitarian is not None and view.turn == 1


def test_origin_country_teams_follow_their_approval_now_that_they_have_one() -> None:
    teams = (Team("North", "US"), Team("South", "GT"), Team("Coast", "HN"), Team("Pacific", "SV"))
    room = Classroom(level("regional-compact"), ClassSettings(teams))
    for country in list(room.order):
        room.commit(country)
    room.resolve()
    metrics = {s.team.country: s.metric for s in projector_view(room).standings}
    assert metrics == {"US": "approval_us", "GT": "approval_gt", "HN": "approval_hn",
                       "SV": "approval_sv"}


@pytest.mark.parametrize(("teams", "message"), [
    ((Team("A", "US"),), "2 to 5 teams"),
    ((Team("A", "US"), Team("B", "US")), "Two teams lead"),
    ((Team("A", "US"), Team("a", "MX")), "Two teams are called"),
    ((Team("A", "US"), Team(" ", "MX")), "needs a name"),
])
def test_a_set_up_that_cannot_run_is_refused_with_a_reason(teams, message) -> None:
    with pytest.raises(ClassroomError, match=message):
        Classroom(_guatemala_ai_only(), ClassSettings(teams))


def _guatemala_ai_only():
    """The June 2019 level with Guatemala left to its AI leader (no team may lead it)."""
    lv = level("june-2019-crisis")
    gt = lv.countries.GT.model_copy(update={"playable": False})
    return lv.model_copy(update={"countries": lv.countries.model_copy(update={"GT": gt})})


def test_a_country_the_level_keeps_for_the_computer_cannot_be_led_by_a_team() -> None:
    from pathlib import Path

    from game.content.loader import load_level

    every = Path(__file__).parents[2] / "levels" / "examples" / "every-feature.yaml"
    with pytest.raises(ClassroomError, match="cannot be led by a team"):
        Classroom(load_level(every), ClassSettings((Team("A", "US"), Team("B", "CA"))))


def test_hidden_objectives_are_each_teams_own_and_can_be_switched_off() -> None:
    room = three_teams()
    own = {o.team for o in room.team_view("US").objectives}
    assert own == {None, "US"}
    off = three_teams(hidden_objectives=False)
    assert {o.team for o in off.team_view("US").objectives} == {None}


def test_a_session_resumes_mid_turn_with_each_teams_draft(tmp_path) -> None:
    saved: list[GameRecord] = []
    room = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, pin="42"),
                     on_save=lambda r: saved.append(GameRecord.from_json(r.to_json())))
    for country in list(room.order):
        room.commit(country)
    room.resolve()
    room.set_lever("MX", "aid_economic", 0)
    room.propose("MX", "burden_sharing", ["US", "CA"],
                 {"share_us": 0.6, "share_mx": 0.2, "share_ca": 0.2})
    room.commit("MX")
    resumed = resume_classroom(saved[-1])
    assert resumed.session.turn == 2 and resumed.committed == ["MX"]
    assert resumed.desk.draft("MX") == {"aid_economic": 0}
    assert resumed.current.country == room.current.country
    assert [p.kind for p in resumed.team_view("CA").inbox] == ["burden_sharing"]
    assert resumed.check_pin("42") and not resumed.check_pin("")
    for country in ("CA", "US"):
        room.commit(country)
        resumed.commit(country)
    assert resumed.resolve().metrics == room.resolve().metrics


def test_the_report_folders_csv_matches_the_sessions_metrics_exactly(
        finished_room: Classroom, tmp_path) -> None:
    files = write_report(tmp_path / "report", class_debrief(finished_room), finished_room.record)
    with open(files.folder / "metrics.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    reports = finished_room.session.reports
    assert len(rows) == len(reports)
    for row, report in zip(rows, reports, strict=True):
        for name, value in report.metrics.items():
            written = float(row[name]) if row[name] else math.nan
            assert written == value or (math.isnan(written) and math.isnan(value)), name
        for name, value in report.baseline.items():
            assert float(row[f"baseline_{name}"]) == value, name
    assert (files.folder / "summary.html").read_text(encoding="utf-8").count("<svg") >= 3
    html = files.html.read_text(encoding="utf-8")
    assert "http" not in html.split("<h2>Sources")[0], "the page uses no external assets"
    with open(files.folder / "agreements.csv", newline="", encoding="utf-8") as handle:
        agreements = {r["kind"]: r for r in csv.DictReader(handle)}
    assert agreements["safe_third_country"]["outcome"] == "broken"


def test_two_classes_with_the_same_seed_meet_the_same_status_quo(finished_room: Classroom
                                                                  ) -> None:
    other = three_teams()
    other.set_lever("US", "detention", "release")
    while not other.finished:
        for country in list(other.order):
            other.commit(country)
        other.resolve()
    comparison = compare_sessions([finished_room.record, other.record])
    assert comparison.fair and len(comparison.sessions) == 2
    first, second = comparison.sessions
    # Until the events differ (a condition met in one class only), the status quo is the same
    # number for number; the comparison says where they part.
    shared = next((i for i, (a, b) in enumerate(zip(first.events, second.events, strict=True))
                   if a != b), first.turns)
    assert shared >= 1
    for name in ("deaths_in_transit", "humanitarian_score", "us_border_encounters"):
        assert first.baseline[name][:shared] == second.baseline[name][:shared]
    assert (shared == first.turns) == (comparison.differences == ())
    assert comparison.final("humanitarian_score")[0] != comparison.final("humanitarian_score")[1]
    reseeded = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS), seed=7)
    for country in list(reseeded.order):
        reseeded.commit(country)
    reseeded.resolve()
    skipped = compare_sessions([finished_room.record, reseeded.record])
    assert len(skipped.sessions) == 1 and "another seed" in skipped.skipped[0]


def test_an_accepted_aid_pledge_binds_the_team_that_made_it() -> None:
    room = three_teams()
    before = room.session.table.policy.value("US", "aid_violence_prevention")
    pledge = room.pledge("US", "MX", "aid_violence_prevention", before + 20, turns=2)
    room.commit("US")
    assert [p.id for p in room.pledges_for("MX")] == [pledge.id]
    room.answer_pledge("MX", pledge.id, accept=True)
    room.commit("MX")
    room.commit("CA")
    room.resolve()
    # Played: the lever was raised to the pledge, by a recorded decision.
    assert room.session.table.policy.value("US", "aid_violence_prevention") == before + 20
    assert any(d.get("lever") == "aid_violence_prevention"
               for d in room.record.turns[0].decisions)
    # Next turn the US desk refuses to go below it, until the pledge is left.
    while room.current.country != "US":
        room.commit(room.current.country)
    with pytest.raises(DecisionRejected, match="pledged"):
        room.set_lever("US", "aid_violence_prevention", before)
    room.withdraw_pledge("US", pledge.id)
    room.set_lever("US", "aid_violence_prevention", before)
    lines = [a for a in class_debrief(room, causes=False).agreements if a.kind == "pledge"]
    assert lines[0].outcome == "broken" and lines[0].ended_by == "US"
    replayed = Session.from_record(GameRecord.from_json(room.record.to_json()))
    assert replayed.replay_mismatches == []


def test_a_pledge_survives_a_resume_and_expires_as_kept() -> None:
    saved: list[GameRecord] = []
    room = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS),
                     on_save=lambda r: saved.append(GameRecord.from_json(r.to_json())))
    p = room.pledge("US", "MX", "rescue", 25, turns=1)
    room.commit("US")
    room.answer_pledge("MX", p.id, accept=True)
    room.commit("MX")
    resumed = resume_classroom(saved[-1])
    assert [q.status for q in resumed.pledges] == ["accepted"]
    resumed.commit("CA")
    resumed.resolve()
    for country in list(resumed.order):
        resumed.commit(country)
    resumed.resolve()
    assert resumed.pledges[0].status == "kept"


def test_the_class_debrief_reads_the_causes_stored_when_each_turn_resolved(
        finished_room: Classroom, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_replay(*args, **kwargs):
        raise AssertionError("the class debrief must not replay the game")

    monkeypatch.setattr(Session, "from_record", no_replay)
    causes = class_debrief(finished_room).causes
    assert causes
    kinds = {kind for line in causes for kind in line.kinds}
    assert kinds <= {"player", "partner", "together", "event", "season", "chance", "lagged"}
    teams = {label for line in causes for label, _ in line.parts}
    assert teams & {"Team Eagles", "Team Jaguars", "Team Moose"}


def test_a_failed_classroom_save_is_told_as_in_single_player_and_the_class_plays_on() -> None:
    from game.play.game import TeamGame, save_message
    from game.play.saves import SaveError

    def full_disk(record: GameRecord) -> None:
        raise SaveError("The disk is full.", "unwritable")

    room = Classroom(level("june-2019-crisis"), ClassSettings(TEAMS), on_save=full_disk)
    room.commit("US")
    assert room.session.save_error == "The disk is full."
    assert "could not be saved" in save_message(room.session)
    assert "The disk is full." in TeamGame(room, "MX").message
    room.commit("MX")
    room.commit("CA")
    room.resolve()
    assert room.session.turn == 2
