from __future__ import annotations

import pytest

from game.play.decisions import (
    AnswerProposal,
    DecisionRejected,
    InjectEvent,
    ProposeAgreement,
    SetLever,
    Table,
    ThreatenTariff,
    WithdrawAgreement,
    country_list,
    country_subject,
    decision_from_dict,
    lever_label,
)
from game.sim.policy import Policy, month_index


def table(budgets: dict[str, float] | None = None, months: int = 3) -> Table:
    return Table(1, month_index(2019, 6), months, Policy(), ("US", "MX", "CA"),
                 budgets or {"US": 1000.0, "MX": 50.0, "CA": 80.0})


def test_a_legal_lever_change_is_applied() -> None:
    tb = table()
    SetLever("MX", "border_agents", 2000).apply(tb)
    assert tb.policy.value("MX", "border_agents") == 2000


def test_aid_over_budget_is_rejected_with_the_amount_in_the_message() -> None:
    tb = table({"US": 1000.0})
    with pytest.raises(DecisionRejected) as err:
        SetLever("US", "aid_economic", 2000).apply(tb)
    # 3 months of $1,700M more a year = $425M; the US spends $952.5M of its $1,000M already.
    assert str(err.value) == "The aid budget exceeds this turn's budget by $378M."
    assert tb.policy.value("US", "aid_economic") == 300


def test_cuts_are_allowed_even_over_budget() -> None:
    tb = table({"US": 10.0})
    SetLever("US", "border_agents", 15000).apply(tb)
    assert tb.policy.value("US", "border_agents") == 15000


def test_a_country_without_the_lever_is_told_so() -> None:
    with pytest.raises(DecisionRejected, match="Canada has no transit agents lever"):
        SetLever("CA", "transit_agents", 100).apply(table())


def test_out_of_range_values_name_the_range_and_unit() -> None:
    with pytest.raises(DecisionRejected, match="between 0 and 60,000 agents"):
        SetLever("US", "border_agents", 90000).apply(table())


def test_a_wrong_choice_lists_the_choices() -> None:
    with pytest.raises(DecisionRejected, match="release, alternatives, detain, detain_separate"):
        SetLever("US", "detention", "jail").apply(table())


def test_a_country_not_in_the_level_cannot_act() -> None:
    with pytest.raises(DecisionRejected, match="Guatemala does not act in this level"):
        SetLever("GT", "exit_controls", 500).apply(table())


def test_an_accepted_proposal_puts_the_agreement_in_force() -> None:
    tb = table()
    ProposeAgreement("US", "returns_acceptance", ("MX",), {"monthly_cap": 10000}).apply(tb)
    assert tb.policy.agreements == ()
    AnswerProposal("MX", 1, "accept").apply(tb)
    (agreement,) = tb.policy.agreements
    assert agreement.kind == "returns_acceptance" and agreement.term("monthly_cap") == 10000
    assert tb.active_pacts("MX")[0].status == "active"


def test_a_rejected_proposal_changes_nothing() -> None:
    tb = table()
    ProposeAgreement("US", "remain_in_mexico", ("MX",)).apply(tb)
    AnswerProposal("MX", 1, "reject", reason="no").apply(tb)
    assert tb.policy.agreements == () and tb.proposals[0].status == "rejected"


def test_a_counter_offer_goes_back_to_the_proposer() -> None:
    tb = table()
    ProposeAgreement("US", "returns_acceptance", ("MX",), {"monthly_cap": 30000}).apply(tb)
    AnswerProposal("MX", 1, "counter", terms={"monthly_cap": 10000}).apply(tb)
    counter = tb.proposal(2)
    assert counter.awaiting == ("US",) and counter.terms["monthly_cap"] == 10000
    assert counter.parties == ("US", "MX")
    AnswerProposal("US", 2, "accept").apply(tb)
    assert tb.policy.agreements[0].term("monthly_cap") == 10000


def test_only_the_addressee_may_answer() -> None:
    tb = table()
    ProposeAgreement("US", "remain_in_mexico", ("MX",)).apply(tb)
    with pytest.raises(DecisionRejected, match="does not wait for an answer from Canada"):
        AnswerProposal("CA", 1, "accept").apply(tb)


def test_mexico_cannot_propose_remain_in_mexico() -> None:
    with pytest.raises(DecisionRejected, match="Mexico cannot propose"):
        ProposeAgreement("MX", "remain_in_mexico", ("US",)).apply(table())


def test_burden_sharing_shares_must_add_up() -> None:
    with pytest.raises(DecisionRejected, match="add up to 100%"):
        ProposeAgreement("US", "burden_sharing", ("MX", "CA"),
                         {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.3}).apply(table())


def test_a_counter_offer_is_checked_like_a_proposal() -> None:
    """A counter used to skip the shares rule: a 95% burden-sharing deal went into force."""
    tb = table()
    ProposeAgreement("US", "burden_sharing", ("MX", "CA"),
                     {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.2}).apply(tb)
    with pytest.raises(DecisionRejected, match=r"add up to 100% \(now 95%\)"):
        AnswerProposal("MX", 1, "counter", terms={"share_mx": 0.25}).apply(tb)
    assert [p.status for p in tb.proposals] == ["pending"], "a refused counter changes nothing"
    with pytest.raises(DecisionRejected, match="between"):
        AnswerProposal("MX", 1, "counter", terms={"share_mx": 1.5}).apply(tb)
    AnswerProposal("MX", 1, "counter", terms={"share_mx": 0.25, "share_us": 0.55}).apply(tb)
    assert tb.proposal(2).terms["share_us"] == 0.55 and tb.proposal(2).by == "MX"


def test_leaving_an_accepted_agreement_is_a_broken_promise() -> None:
    tb = table()
    ProposeAgreement("US", "returns_acceptance", ("MX",)).apply(tb)
    AnswerProposal("MX", 1, "accept").apply(tb)
    WithdrawAgreement("MX", "returns_acceptance").apply(tb)
    pact = tb.pacts[0]
    assert pact.status == "broken" and pact.ended_by == "MX"
    assert tb.policy.agreements == ()


def test_a_joint_corps_contribution_counts_against_the_budget() -> None:
    tb = table({"US": 2000.0, "MX": 12.0, "CA": 80.0})
    ProposeAgreement("US", "joint_corps", ("MX",),
                     {"contribution_us": 200, "contribution_mx": 400}).apply(tb)
    with pytest.raises(DecisionRejected,
                       match="The contribution asked of Mexico exceeds this turn.s budget by"):
        AnswerProposal("MX", 1, "accept").apply(tb)


def test_a_tariff_threat_runs_until_its_deadline() -> None:
    tb = table()
    ThreatenTariff("US", "MX", 0.05, 0.3, 2).apply(tb)
    (threat,) = tb.threats
    assert threat.deadline_month == tb.month + 2
    assert tb.policy.agreements[0].kind == "tariff_threat"
    with pytest.raises(DecisionRejected, match="already running"):
        ThreatenTariff("US", "MX", 0.1, 0.3, 2).apply(tb)
    with pytest.raises(DecisionRejected, match="Only the United States"):
        ThreatenTariff("CA", "MX").apply(tb)


def test_the_teacher_injects_an_event_into_the_coming_turn() -> None:
    tb = table()
    InjectEvent(kind="caravan", params={"origin": "HN", "size": 7000}, offset=1).apply(tb)
    (event,) = tb.injected
    assert event.kind == "caravan" and event.month == tb.month + 1
    with pytest.raises(DecisionRejected, match="between 100 and 20000"):
        InjectEvent(kind="caravan", params={"size": 1e6}).apply(tb)


@pytest.mark.parametrize("decision", [
    SetLever("US", "aid_economic", {"GT": 100.0, "HN": 50.0}),
    ProposeAgreement("US", "burden_sharing", ("MX", "CA")),
    AnswerProposal("MX", 3, "counter", terms={"monthly_cap": 5000}, reason="too many"),
    WithdrawAgreement("MX", "returns_acceptance", ("US",)),
    ThreatenTariff("US", "MX", 0.1, 0.25, 3),
    InjectEvent(kind="media_photo", params={"country": "US"}),
])
def test_decisions_survive_a_round_trip_through_dicts(decision) -> None:
    data = decision.to_dict()
    assert data["type"] and "country" in data
    assert decision_from_dict(data) == decision


def test_a_teacher_policy_change_is_checked_like_a_lever() -> None:
    tb = table()
    InjectEvent(kind="policy_change",
                params={"country": "US", "lever": "border_agents", "value": 20000}).apply(tb)
    assert tb.injected[0].params["value"] == 20000
    with pytest.raises(DecisionRejected, match="not possible: CA has no lever"):
        InjectEvent(kind="policy_change",
                    params={"country": "CA", "lever": "transit_agents", "value": 2}).apply(tb)


def test_countries_read_as_english_inside_and_at_the_start_of_a_sentence() -> None:
    assert country_subject("US") == "The United States"
    assert country_subject("MX") == "Mexico"
    assert country_list(["US", "MX"]) == "the United States and Mexico"
    assert country_list(["MX", "CA", "US"]) == "Mexico, Canada and the United States"


def test_aid_levers_are_named_as_english() -> None:
    assert lever_label("aid_economic") == "economic aid"
    assert lever_label("aid_violence_prevention") == "violence-prevention aid"
    assert lever_label("border_agents") == "border agents"
