from __future__ import annotations

import pytest

from game.play.ai import Leader, Situation, leader_rng
from game.play.decisions import ProposeAgreement, SetLever, Table, ThreatenTariff
from game.sim.policy import Policy, month_index


def table() -> Table:
    return Table(2, month_index(2019, 7), 1, Policy(), ("US", "MX", "CA"),
                 {"US": 400.0, "MX": 30.0, "CA": 40.0})


def crisis() -> Situation:
    """Encounters up 40% since the first turn, deaths rising, approval falling."""
    first = {"us_border_encounters": 100_000, "deaths_in_transit": 40, "approval_us": 45,
             "approval_mx": 60, "asylum_wait_months_us": 30, "relations_us_mx": 10}
    now = {**first, "us_border_encounters": 140_000, "deaths_in_transit": 60, "approval_us": 40}
    return Situation(turn=2, metrics=now, previous=first, reference=first)


def answer(personality: str, proposal_terms: dict | None = None, threat: bool = False,
           kind: str = "remain_in_mexico", seed: int = 1) -> str:
    tb = table()
    if threat:
        ThreatenTariff("US", "MX", 0.05, 0.3, 2).apply(tb)
    ProposeAgreement("US", kind, ("MX",), proposal_terms or {}).apply(tb)
    proposal = tb.proposals[-1]
    choice = Leader("MX", personality).answer(proposal, tb, crisis(), leader_rng(seed, 2, "MX"))
    assert choice.reason, "every answer gives a reason for the news"
    return choice.decision.answer  # type: ignore[attr-defined]


def test_a_hardliner_us_answers_a_crisis_with_agents_and_consequences() -> None:
    tb = table()
    choices = Leader("US", "hardliner").decide(tb, crisis(), leader_rng(1, 2, "US"))
    levers = {c.decision.lever: c.decision.value for c in choices
              if isinstance(c.decision, SetLever)}
    assert levers["border_agents"] > 17_000
    assert levers["removal"] == "prosecute"
    assert tb.policy.value("US", "removal") == "prosecute"


def test_a_humanitarian_us_answers_the_same_crisis_with_rescue_and_alternatives() -> None:
    tb = table()
    choices = Leader("US", "humanitarian").decide(tb, crisis(), leader_rng(1, 2, "US"))
    levers = {c.decision.lever: c.decision.value for c in choices
              if isinstance(c.decision, SetLever)}
    assert levers["rescue"] > 20
    assert levers["detention"] == "alternatives"
    assert "border_agents" not in levers


def test_ai_leaders_stay_within_their_budget() -> None:
    tb = table()
    for personality in ("hardliner", "pragmatist", "humanitarian"):
        Leader("US", personality).decide(tb, crisis(), leader_rng(3, 2, "US"))
        assert tb.spending("US") <= tb.budgets["US"] + 1e-6


def test_mexico_refuses_remain_in_mexico_without_pressure_but_yields_to_a_tariff_threat() -> None:
    assert answer("humanitarian") == "reject"
    assert answer("pragmatist") == "reject"
    assert answer("pragmatist", threat=True) == "accept"


def test_a_pragmatist_counters_a_large_returns_cap() -> None:
    assert answer("pragmatist", {"monthly_cap": 60_000}, kind="returns_acceptance") == "counter"


def test_mexico_deploys_forces_under_a_tariff_threat_as_in_june_2019() -> None:
    tb = table()
    tb.budgets["MX"] = 60.0
    ThreatenTariff("US", "MX", 0.05, 0.3, 2).apply(tb)
    choices = Leader("MX", "pragmatist").decide(tb, crisis(), leader_rng(1, 2, "MX"))
    assert any(isinstance(c.decision, SetLever) and c.decision.lever == "border_agents"
               and c.decision.value == 6000 for c in choices)


def test_answers_are_deterministic_given_the_seed() -> None:
    runs = {answer("pragmatist", {"monthly_cap": 25_000}, kind="returns_acceptance", seed=s)
            for s in (5, 5, 5)}
    assert len(runs) == 1


def test_no_moves_before_the_first_report() -> None:
    leader = Leader("US", "hardliner")
    assert leader.decide(table(), Situation(turn=1), leader_rng(1, 1, "US")) == []


def nt_table() -> Table:
    return Table(2, month_index(2019, 7), 1, Policy(), ("US", "GT", "HN", "SV"),
                 {"US": 400.0, "GT": 10.0, "HN": 9.0, "SV": 8.0})


def nt_situation(approval: float = 40.0) -> Situation:
    first = {"homicide_rate_hn": 45, "approval_hn": 50, "emigrants_from_hn": 8000,
             "returned_to_danger": 500}
    now = {**first, "approval_hn": approval, "emigrants_from_hn": 9000}
    return Situation(turn=2, metrics=now, previous=first, reference=first)


def test_a_honduran_leader_uses_the_new_levers_and_proposes_a_task_force() -> None:
    tb = nt_table()
    choices = Leader("HN", "pragmatist").decide(tb, nt_situation(), leader_rng(1, 2, "HN"))
    levers = {c.decision.lever for c in choices if isinstance(c.decision, SetLever)}
    assert {"police_reform", "consular_protection"} <= levers
    assert tb.policy.value("HN", "police_reform") > 0
    assert tb.policy.value("HN", "consular_protection") > 0
    proposals = [c.decision for c in choices if isinstance(c.decision, ProposeAgreement)]
    assert [p.kind for p in proposals] == ["trinational_task_force"]
    assert set(proposals[0].partners) == {"GT", "SV"}
    assert tb.budget_left("HN") >= 0, "the leader keeps to its budget"


def test_neighbours_accept_a_task_force_they_can_pay_and_refuse_one_they_cannot() -> None:
    tb = nt_table()
    ProposeAgreement("HN", "trinational_task_force", ("GT", "SV")).apply(tb)
    cheap = tb.proposals[-1]
    ok = Leader("GT", "hardliner").answer(cheap, tb, nt_situation(), leader_rng(1, 2, "GT"))
    assert ok.decision.answer == "accept"  # type: ignore[attr-defined]
    other = nt_table()
    ProposeAgreement("HN", "trinational_task_force", ("GT", "SV"),
                     {"contribution_sv": 500}).apply(other)
    dear = other.proposals[-1]
    no = Leader("SV", "humanitarian").answer(dear, other, nt_situation(),
                                             leader_rng(1, 2, "SV"))
    assert no.decision.answer in ("reject", "counter")  # type: ignore[attr-defined]
    # The dues count against each member's budget: US$10M a year is 0.83 a month.
    assert tb.spending("GT", tb.policy.with_agreement(cheap.agreement())) == pytest.approx(
        tb.spending("GT") + 10 / 12)
