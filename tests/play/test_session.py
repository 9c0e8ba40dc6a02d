from __future__ import annotations

import json
from pathlib import Path

import pytest
from play_helpers import level

from game.play.decisions import (
    DecisionRejected,
    InjectEvent,
    ProposeAgreement,
    SetLever,
    WithdrawAgreement,
)
from game.play.record import GameRecord
from game.play.session import Phase, Session
from game.sim.registry import HEADLINE_METRICS, METRICS


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))


def tutorial(**kw) -> Session:
    return Session(level("tutorial"), **kw)


def test_a_turn_goes_from_briefing_through_decide_and_report_to_the_next_turn() -> None:
    session = tutorial()
    assert session.phase == Phase.BRIEFING and session.turn == 1
    session.submit(SetLever("US", "rescue", 60))
    assert session.phase == Phase.DECIDE
    report = session.end_turn()
    assert session.phase == Phase.REPORT and report.turn == 1
    assert report.start == "2018-10" and report.end == "2018-12"
    with pytest.raises(DecisionRejected, match="closed until the next turn"):
        session.submit(SetLever("US", "rescue", 70))
    assert session.next_turn() == Phase.DECIDE and session.turn == 2


def test_the_last_report_leads_to_the_debrief() -> None:
    session = tutorial()
    for _ in range(4):
        session.end_turn()
        phase = session.next_turn()
    assert phase == Phase.DEBRIEF and session.finished
    with pytest.raises(DecisionRejected):
        session.end_turn()


def test_a_report_has_every_metric_headlines_a_story_and_objectives() -> None:
    session = tutorial()
    session.submit(SetLever("US", "asylum_officers", 1400))
    first = session.end_turn()
    session.next_turn()
    second = session.end_turn()
    assert set(METRICS) <= set(second.metrics)
    # One US player: the tutorial's objectives' metrics first, then the US's own, then shared.
    names = [h.metric for h in second.headlines]
    assert names[:3] == ["deaths_in_transit", "asylum_wait_months_us", "approval_us"]
    assert len(names) == len(HEADLINE_METRICS) and "us_border_encounters" in names
    encounters = second.headline("us_border_encounters")
    assert encounters.previous == pytest.approx(first.metrics["us_border_encounters"])
    assert encounters.change == pytest.approx(encounters.value - encounters.previous)
    assert encounters.baseline == pytest.approx(second.baseline["us_border_encounters"])
    assert second.story.text and second.story.source
    assert {o.id for o in second.objectives} == {"fewer-deaths", "shorter-waits", "keep-approval"}
    assert first.decisions[0]["text"].startswith("The United States sets asylum officers")
    assert all(d["country"] != "US" for d in second.decisions)
    # The model's explanation splits each change into causes that add up to it exactly.
    assert second.explained
    for h in second.headlines:
        assert sum(c.amount for c in h.causes) == pytest.approx(h.change, rel=1e-6, abs=1e-6)
    officers = [c for c in first.headline("protection_granted").causes if c.kind == "player"]
    assert officers[0].label == "The United States sets asylum officers to 1,400"
    assert officers[0].country == "US"


def test_the_humans_levers_are_theirs_and_the_computers_are_not() -> None:
    session = tutorial()
    with pytest.raises(DecisionRejected, match="Mexico is led by the computer"):
        session.submit(SetLever("MX", "border_agents", 3000))
    with pytest.raises(DecisionRejected, match="Guatemala does not act in this level"):
        session.submit(SetLever("GT", "exit_controls", 100))


def test_an_over_budget_choice_is_rejected_and_nothing_changes() -> None:
    session = tutorial()
    with pytest.raises(DecisionRejected, match="The aid budget exceeds this turn's budget by"):
        session.submit(SetLever("US", "aid_economic", 3000))
    assert session.table.policy.value("US", "aid_economic") == 300
    assert session.pending("US") == []


def test_ai_partners_answer_proposals_at_once_with_a_reason() -> None:
    session = tutorial()
    answers = session.submit(ProposeAgreement("US", "remain_in_mexico", ("MX",)))
    (answer,) = answers
    assert answer.decision.country == "MX" and answer.reason
    assert answer.decision.answer == "reject"  # a pragmatist Mexico, no leverage
    report = session.end_turn()
    assert any("Mexico rejects Remain in Mexico" in n.text for n in report.news)


def test_an_accepted_agreement_enters_the_policy_the_model_runs() -> None:
    session = Session(level("regional-approach"))
    answers = session.submit(ProposeAgreement("US", "joint_corps", ("MX", "CA"),
                                              {"contribution_us": 200, "contribution_mx": 5,
                                               "contribution_ca": 2}))
    # Mexico accepts; Canada, short of money, counters; Mexico accepts the counter too.
    assert [(a.decision.country, a.decision.answer) for a in answers] == [
        ("MX", "accept"), ("CA", "counter"), ("MX", "accept")]
    assert all(a.reason for a in answers)
    (counter,) = session.proposals_for("US")
    assert counter.terms["contribution_ca"] < 2 and counter.terms["contribution_us"] > 200
    assert session.table.policy.agreements == ()
    from game.play.decisions import AnswerProposal

    session.submit(AnswerProposal("US", counter.id, "accept"))
    assert [a.kind for a in session.table.policy.agreements] == ["joint_corps"]
    report = session.end_turn()
    assert any("agree on joint corps" in n.text for n in report.news)


def test_breaking_an_agreement_is_news_and_costs_relations_in_the_model() -> None:
    def play(leave: bool) -> float:
        session = Session(level("regional-approach"),
                          players={"US": "human", "MX": "human", "CA": "ai:humanitarian"})
        session.submit(ProposeAgreement("US", "returns_acceptance", ("MX",)))
        proposal = session.proposals_for("MX")[0]
        from game.play.decisions import AnswerProposal

        session.submit(AnswerProposal("MX", proposal.id, "accept"))
        session.end_turn()
        session.next_turn()
        if leave:
            session.submit(WithdrawAgreement("MX", "returns_acceptance"))
        report = session.end_turn()
        if leave:
            assert any("Mexico breaks the returns acceptance agreement" in n.text
                       for n in report.news)
            assert session.table.pacts[0].status == "broken"
        return report.metrics["relations_us_mx"]

    assert play(leave=True) < play(leave=False) - 5


def test_a_conditional_event_fires_once_when_its_metric_crosses_the_threshold() -> None:
    session = Session(level("regional-approach"))
    event = next(e for e in session.view.events if e.condition is not None)
    fired_turns = []
    while not session.finished:
        report = session.end_turn()
        session.next_turn()
        if any(e["source"] == "condition" for e in report.events):
            fired_turns.append(report.turn)
            assert any(n.text == event.headline for n in report.news)
    crossed = [i + 1 for i, r in enumerate(session.reports)
               if r.metrics[event.condition.metric] > event.condition.above]
    if crossed:
        assert fired_turns == [crossed[0] + 1] or (crossed[0] == len(session.reports)
                                                    and fired_turns == [])
    else:
        assert fired_turns == []


def test_the_teacher_injects_an_event_that_makes_the_news() -> None:
    session = Session(level("june-2019-crisis"))
    session.submit(InjectEvent(kind="caravan", params={"origin": "GT", "size": 5000}))
    report = session.end_turn()
    assert report.events[0]["source"] == "teacher"
    assert any("caravan of about 5,000 people sets out from Guatemala" in n.text
               for n in report.news)


def test_the_same_seed_and_decisions_give_identical_reports() -> None:
    def run() -> list[str]:
        session = Session(level("regional-approach"))
        session.submit(SetLever("US", "asylum_officers", 1500))
        out = []
        for _ in range(3):
            out.append(json.dumps(session.end_turn().to_dict(), sort_keys=True))
            session.next_turn()
        return out

    assert run() == run()


def test_another_seed_gives_another_game() -> None:
    a = tutorial(seed=1).end_turn().metrics
    b = tutorial(seed=2).end_turn().metrics
    assert a != b


def test_the_record_is_kept_at_every_turn_end_and_the_hook_is_called() -> None:
    session = tutorial()
    saved: list[int] = []
    session.on_turn_end = lambda s: saved.append(s.record.turn)
    session.submit(SetLever("US", "rescue", 50))
    session.end_turn()
    session.next_turn()
    session.end_turn()
    assert saved == [1, 2]
    record = session.record
    assert record.level_id == "tutorial" and record.players["MX"] == "ai:pragmatist"
    assert record.turns[0].decisions[0] == {"type": "set_lever", "country": "US",
                                            "lever": "rescue", "value": 50}
    assert record.turns[1].state_hash == session.state_hash()


def test_a_replay_flags_the_turns_whose_numbers_differ_not_those_that_differ_in_the_last_bits(
) -> None:
    session = Session(level("tutorial"))
    for _ in range(3):
        session.end_turn()
        session.next_turn()
    record = GameRecord.from_json(session.record.to_json())
    for turn in record.turns:  # as if saved on a processor that rounds exp and log otherwise
        turn.state_hash = "0" * 64
    assert Session.from_record(record).replay_mismatches == []
    # As if saved by another model: a number that moved by more than a millionth.
    record.turns[1].metrics["us_border_encounters"] *= 1.001
    assert Session.from_record(record).replay_mismatches == [2]


def test_a_record_replays_to_the_same_state_hash_without_asking_the_ai() -> None:
    session = Session(level("regional-approach"))
    session.submit(ProposeAgreement("US", "burden_sharing", ("MX", "CA")))
    for _ in range(3):
        session.end_turn()
        session.next_turn()
    record = GameRecord.from_json(session.record.to_json())
    replayed = Session.from_record(record)
    assert replayed.replay_mismatches == []
    assert replayed.state_hash() == session.state_hash()
    assert [t.metrics for t in replayed.record.turns] == [t.metrics for t in record.turns]
    halfway = Session.from_record(record, upto_turn=2)
    assert halfway.turn == 3 and len(halfway.reports) == 2
    assert halfway.record.turns[1].state_hash == record.turns[1].state_hash


def test_the_debrief_has_history_baseline_timeline_and_stars() -> None:
    session = tutorial()
    session.submit(SetLever("US", "rescue", 100))
    while not session.finished:
        session.end_turn()
        session.next_turn()
    debrief = session.debrief()
    assert debrief.turns == 4 and debrief.months == ("2018-10", "2019-01", "2019-04", "2019-07")
    assert len(debrief.history["deaths_in_transit"]) == 4
    assert len(debrief.baseline["deaths_in_transit"]) == 4
    assert debrief.timeline[0].text == "The United States sets rescue to $100M a year"
    assert debrief.max_stars == 3 and 0 <= debrief.stars <= 3
    assert debrief.questions and debrief.sources
    assert "irregular_entries_us" in debrief.observed_vs_true
    rows = debrief.csv_rows()
    assert rows[0][:2] == ["turn", "month"] and len(rows) == 5


def test_a_condition_that_holds_fires_its_event_at_the_start_of_the_next_turn_once() -> None:
    from game.content.events import EVENT_CLASSES

    photo = EVENT_CLASSES["media_photo"].model_validate({
        "kind": "media_photo", "id": "photo", "country": "US", "intensity": 0.5,
        "when": {"metric": "approval_us", "above": 1}, "news": "A photograph moves the country"})
    base = level("tutorial")
    session = Session(base.model_copy(update={"events": [photo]}))
    reports = []
    while not session.finished:
        reports.append(session.end_turn())
        session.next_turn()
    fired = [r.turn for r in reports if any(e["source"] == "condition" for e in r.events)]
    assert fired == [2]
    assert "A photograph moves the country" in [n.text for n in reports[1].news]


def test_hidden_objectives_count_only_for_their_team() -> None:
    session = Session(level("june-2019-crisis"))
    while not session.finished:
        session.end_turn()
        session.next_turn()
    everyone = session.objectives()
    assert {o.team for o in everyone} == {None, "US", "MX", "CA", "GT", "HN", "SV"}
    mexico = session.objectives("MX")
    assert {o.team for o in mexico} == {None, "MX"}
    assert session.max_stars("MX") == 1 + 1 + 2 and session.max_stars() == 2
    assert session.stars("MX") == sum(o.stars for o in mexico if o.met)
    teams = session.debrief().teams
    assert set(teams) == {"US", "MX", "CA", "GT", "HN", "SV"} and teams["MX"]["max_stars"] == 4
    assert teams["HN"]["max_stars"] == 4  # the shared two and its own approval goal


def test_partners_decisions_make_the_news_with_their_reasons() -> None:
    session = tutorial()
    session.end_turn()
    session.next_turn()
    report = session.end_turn()
    partner = [n for n in report.news if n.kind == "partner"]
    assert partner and all(n.country in ("MX", "CA") for n in partner)
    assert all("“" in n.text for n in partner)


def test_a_tariff_threat_gets_mexico_moving_and_is_settled_at_its_deadline() -> None:
    from game.play.decisions import ThreatenTariff

    session = Session(level("june-2019-crisis"),
                      players={"US": "human", "MX": "ai:pragmatist", "CA": "ai:pragmatist"})
    session.submit(ThreatenTariff("US", "MX", 0.05, 0.3, 1))
    report = session.end_turn()
    assert any("threatens a 5% tariff on Mexico" in n.text for n in report.news)
    assert session.table.policy.value("MX", "border_agents") >= 6000
    assert any(n.country == "MX" and "avoid tariffs" in n.text for n in report.news)
    session.next_turn()
    texts = []
    for _ in range(2):
        texts += [n.text for n in session.end_turn().news if n.kind == "threat"]
        session.next_turn()
    (threat,) = session.table.threats
    assert threat.status in ("met", "lifted", "carried_out")
    assert any("target" in text for text in texts)


def test_the_reports_headlines_are_the_players_country_and_its_objectives() -> None:
    from game.content.catalog import shipped_levels
    from game.play.session import Session

    [entry] = [e for e in shipped_levels() if e.id == "the-45-days"]
    session = Session(entry.level, players={"MX": "human"})
    report = session.end_turn()
    names = [h.metric for h in report.headlines]
    goals = [o.metric for o in session.objectives("MX")]
    assert names[:len(set(goals))] == list(dict.fromkeys(goals))
    assert "mx_apprehensions" in names and "approval_mx" in names
    assert "approval_us" not in names[:6], "a Mexican player's report does not lead with the US"
    assert all(h.causes for h in report.headlines if h.change is not None) or report.explained


def test_a_decision_still_taking_effect_is_named_in_later_reports_not_folded_into_trends() -> None:
    # Adjudicators hired in turn 1 decide cases from the next turns on: the report says so.
    session = tutorial()
    session.submit(SetLever("US", "asylum_officers", 2000))
    rows = []
    for _ in range(3):
        report = session.end_turn()
        session.next_turn()
        wait = next(h for h in report.headlines if h.metric == "asylum_wait_months_us")
        rows.append({c.label: c for c in wait.causes})
    named = "The United States sets asylum officers to 2,000 (turn 1, still taking effect)"
    assert named not in rows[0]
    assert rows[1][named].kind == "player" and rows[1][named].amount < -1.0
    trend = rows[1]["Earlier decisions and trends"].amount
    assert abs(trend) < abs(rows[1][named].amount), "the hires explain more than the rest"
