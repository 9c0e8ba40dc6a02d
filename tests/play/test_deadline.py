"""The tariff deadline as the desk counts it down, and the verdict the model reaches at it."""

from __future__ import annotations

from game.content.catalog import shipped_levels
from game.play.deadline import Deadline, monthly, pending_deadline, verdicts
from game.play.decisions import Threat
from game.play.session import Session
from game.sim.forecast import Band


def forty_five_days() -> Session:
    [entry] = [e for e in shipped_levels() if e.id == "the-45-days"]
    return Session(entry.level, explain=False)


def test_the_target_is_measured_from_the_may_figure_the_briefing_quotes() -> None:
    session = forty_five_days()
    deadline = pending_deadline(session.table, "MX")
    assert deadline is not None
    assert deadline.threat.reference == 144_000
    # 30% below May's 144,000, as the briefing says (not below the model's warm-up month).
    assert round(deadline.limit) == 100_800
    assert deadline.turns_left == 3
    assert deadline.judged_month == "2019-08"
    # The model judges against the same figure.
    session.end_turn()
    assert float(session.sim.world.tariff_base.reshape(-1)[0]) == 144_000


def test_the_countdown_falls_each_turn_and_the_verdict_is_recorded_at_the_deadline() -> None:
    session = forty_five_days()
    left = []
    for _ in range(session.turns):
        deadline = pending_deadline(session.table, "MX")
        left.append(deadline.turns_left if deadline else 0)
        report = session.end_turn()
        session.next_turn()
    assert left == [3, 2, 1]
    assert pending_deadline(session.table, "MX") is None
    [verdict] = verdicts(session.table, report.turn, "MX")
    judged = report.metrics["us_border_encounters"] / report.months
    assert verdict.threat.judged == judged
    assert verdict.met == (judged <= verdict.limit)
    # Only the turn that judged it has a verdict, and only for the countries concerned.
    assert verdicts(session.table, report.turn - 1, "MX") == []
    assert verdicts(session.table, report.turn, "CA") == []


def test_the_outlook_reads_the_advisors_whole_range() -> None:
    threat = Threat("US", "MX", 0.05, 0.3, 0, 0, 2, reference=100.0)
    deadline = Deadline(threat, limit=70.0, turns_left=2)
    assert deadline.outlook(Band(50, 60, 69)) == "on_track"
    assert deadline.outlook(Band(60, 72, 80)) == "at_risk"
    assert deadline.outlook(Band(71, 80, 90)) == "off_track"
    # A turn of three months forecasts three months of encounters.
    assert monthly((30.0, 60.0, 90.0), 3) == Band(10.0, 20.0, 30.0)


def test_a_threat_without_a_known_reference_shows_no_countdown() -> None:
    session = forty_five_days()
    session.table.threats[0].reference = 0.0
    assert pending_deadline(session.table, "MX") is None


def test_relations_with_the_us_answer_to_what_mexico_does_under_the_threat() -> None:
    def relations_after(extra_agents: int) -> float:
        session = forty_five_days()
        if extra_agents:
            session.desk.set_lever("MX", "border_agents", 1500 + extra_agents)
            session.desk.commit("MX")
        for _ in range(session.turns):
            report = session.end_turn()
            session.next_turn()
        return report.metrics["relations_us_mx"]

    idle, deployed = relations_after(0), relations_after(6000)
    # The threat costs relations either way (lesson 13); a deployment wins some of it back.
    assert deployed > idle + 2
    assert deployed < 20  # still below June's 20
