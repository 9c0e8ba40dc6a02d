"""Strategy files as decisions: a ``borderlines-strategy/1`` turn becomes command objects.

``simulate``, the tests and AI baselines play strategies through the same rules as people do:
each lever becomes a :class:`SetLever`, each agreement a proposal its partners accept (the script
speaks for every party), a tariff threat a :class:`ThreatenTariff`, each ended agreement a
:class:`WithdrawAgreement`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.play.decisions import (
    AnswerProposal,
    Decision,
    ProposeAgreement,
    SetLever,
    ThreatenTariff,
    WithdrawAgreement,
    policy_cost,
)
from game.sim.policy import Policy

if TYPE_CHECKING:
    from game.content.models.strategy import DecisionBase, Strategy
    from game.play.session import Session


def decisions_of(entry: DecisionBase, policy: Policy | None = None,
                 months: int = 12) -> list[Decision]:
    """The command objects of one strategy entry, except acceptances (they need proposal ids).

    Levers that save money come first, so a script that moves money from one lever to another
    is judged on its total, as a person moving sliders would be.
    """
    out: list[Decision] = []
    levers = list(entry.lever_values().items())
    if policy is not None:
        def saving(item: tuple[str, Any]) -> float:
            changed = policy.with_lever(entry.country, item[0], item[1])
            return policy_cost(changed, entry.country, months) - policy_cost(
                policy, entry.country, months)

        levers.sort(key=saving)
    for lever, value in levers:
        out.append(SetLever(entry.country, lever, value))
    for kind in entry.end_agreements:
        out.append(WithdrawAgreement(entry.country, kind))
    return out


def play_strategy_turn(session: Session, strategy: Strategy) -> list[Decision]:
    """Submit every decision ``strategy`` makes for the session's current turn; returns them.

    Like the format's own ``DecisionBase.apply``, a script is read leniently where people are
    not: ending an agreement that is not in force does nothing, and making one already in force
    replaces its terms (no broken promise either way).
    """
    made: list[Decision] = []
    table = session.table
    for entry in strategy.decisions_for(session.turn):
        for decision in decisions_of(entry, table.policy, session.months_per_turn):
            if isinstance(decision, WithdrawAgreement) and not _in_force(session, decision):
                continue
            session.submit(decision, scripted=True)
            made.append(decision)
        for agreement in entry.agreements:
            parties = agreement.parties(entry.country)
            terms = agreement.term_values()
            _retire(session, agreement.kind, parties)
            if agreement.kind == "tariff_threat":
                threat = ThreatenTariff(parties[0], parties[1] if len(parties) > 1 else "MX",
                                        **{k: v for k, v in terms.items()})
                session.submit(threat, scripted=True)
                made.append(threat)
                continue
            proposal = ProposeAgreement(parties[0], agreement.kind, parties[1:], terms)
            session.submit(proposal, scripted=True)
            made.append(proposal)
            pending = [p for p in session.table.proposals
                       if p.status == "pending" and p.kind == agreement.kind
                       and p.parties == parties]
            for p in pending:
                for partner in p.awaiting:
                    accept = AnswerProposal(partner, p.id, "accept",
                                            reason="scripted by the strategy")
                    session.submit(accept, scripted=True)
                    made.append(accept)
    return made


def _in_force(session: Session, decision: WithdrawAgreement) -> bool:
    table = session.table
    if decision.kind == "tariff_threat":
        return any(th.by == decision.country and th.status in ("pending", "carried_out")
                   for th in table.threats)
    return any(p.agreement.kind == decision.kind for p in table.active_pacts(decision.country))


def _retire(session: Session, kind: str, parties: tuple[str, ...]) -> None:
    """Set aside an agreement (or pending proposal) the script is about to make again."""
    table = session.table
    for pact in table.active_pacts():
        if pact.agreement.kind == kind and set(pact.agreement.parties) == set(parties):
            pact.status, pact.ended_turn = "withdrawn", table.turn
            table.policy = table.policy.without_agreement(kind, pact.agreement.parties)
    for proposal in table.proposals:
        if proposal.status == "pending" and proposal.kind == kind and \
                set(proposal.parties) == set(parties):
            proposal.status = "withdrawn"
    if kind == "tariff_threat":
        for th in table.pending_threats():
            th.status = "lifted"
