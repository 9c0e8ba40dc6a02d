"""Player choices as small command objects (STYLE.md 5).

Every choice a player, an AI leader, a strategy file or the teacher makes is one frozen
dataclass with ``apply(table)``: it checks that the choice is legal and changes the
:class:`Table` (the desk of one turn: lever values, proposals, agreements in force, threats,
injected events). An illegal choice raises :class:`DecisionRejected` whose text is shown to the
player as is ("The aid budget exceeds this turn's budget by $120M.").

Decisions serialise with ``to_dict()`` (each dict has ``type`` and ``country``) and come back with
:func:`decision_from_dict`, so a game is rebuilt by replaying its recorded decisions.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

from game.i18n import format_number, t, ts
from game.i18n import money as i18n_money
from game.play.countries import (  # noqa: F401 - the names sentences are built from
    COUNTRY_PHRASES,
    IN_A_SENTENCE,
    country_list,
    country_name,
    country_phrase,
    country_subject,
    plural_subject,
)
from game.sim.policy import (
    Agreement,
    LeverValue,
    Policy,
    PolicyError,
    ScheduledEvent,
    TermValue,
    check_lever,
)
from game.sim.registry import (
    AGREEMENT_LABELS,
    AGREEMENTS,
    CHOICE_LABELS,
    COUNTRIES,
    EVENTS,
    FUNDED_AGREEMENTS,
    LEVER_LABELS,
    LEVERS,
    TermSpec,
)

#: Who injects events in a classroom session: not a country.
TEACHER = "teacher"
Answer = Literal["accept", "reject", "counter"]


class DecisionRejected(Exception):  # noqa: N818 - the name is the contract (STYLE.md 5)
    """An illegal choice; its text is shown to the player as is."""


def lever_label(lever: str) -> str:
    """A lever's name for people ("border agents", "economic aid")."""
    return t(LEVER_LABELS.get(lever, lever.replace("_", " ")))


def choice_label(choice: str) -> str:
    """A lever choice's name for people ("separate families")."""
    return t(CHOICE_LABELS.get(choice, choice.replace("_", " ")))


def agreement_label(kind: str) -> str:
    """An agreement's name for people ("safe third country", "Remain in Mexico")."""
    return t(AGREEMENT_LABELS.get(kind, kind.replace("_", " ")))


def policy_label(name: str) -> str:
    """A lever choice's or an agreement's name (what a court ruling blocks)."""
    return choice_label(name) if name in CHOICE_LABELS else agreement_label(name)


def heading(text: str) -> str:
    """``text`` with its first letter capitalised only ("Remain in Mexico" keeps its M)."""
    return text[:1].upper() + text[1:]


def money(amount: float) -> str:
    """US$ millions as the desk shows them: ``$120M``, ``$1.2B`` (:func:`game.i18n.money`)."""
    return i18n_money(amount)


# ---------------------------------------------------------------------------------------------
# What decisions act on


@dataclass
class Proposal:
    """An offer of an agreement, waiting for its partners' answers."""

    id: int
    kind: str
    #: The agreement's parties, the original proposer first (the model reads it so).
    parties: tuple[str, ...]
    terms: dict[str, TermValue]
    #: Who made this version (the proposer, or a partner who countered).
    by: str
    turn: int
    #: Countries whose answer is still needed.
    awaiting: tuple[str, ...]
    status: Literal["pending", "accepted", "rejected", "countered", "withdrawn"] = "pending"
    answers: dict[str, str] = field(default_factory=dict)
    #: The partner's reason, shown in the news.
    reason: str = ""
    counter_of: int | None = None

    def agreement(self) -> Agreement:
        """The agreement this proposal would put in force."""
        return Agreement(self.kind, self.parties, dict(self.terms))


@dataclass
class Pact:
    """An agreement in force (or ended): when it started and how it ended."""

    proposal_id: int
    agreement: Agreement
    since_turn: int
    status: Literal["active", "withdrawn", "broken"] = "active"
    ended_turn: int | None = None
    #: The country that broke or left it.
    ended_by: str = ""


@dataclass
class Threat:
    """A US tariff threat on Mexico: a target to meet by a deadline month."""

    by: str
    target: str
    rate: float
    target_reduction: float
    turn: int
    month: int
    deadline_month: int
    #: Encounters per month when the threat was made; the target is measured against it.
    reference: float = 0.0
    #: pending → met (target reached), lifted (withdrawn or let pass) or carried_out (a tariff
    #: in force until the US withdraws it).
    status: Literal["pending", "met", "carried_out", "lifted"] = "pending"
    #: The turn the model judged it in (0 while pending), and the encounters a month it judged.
    resolved_turn: int = 0
    judged: float = 0.0


@dataclass
class Table:
    """The desk of one turn: everything decisions read and change before the sim runs."""

    turn: int
    month: int
    months_per_turn: int
    policy: Policy
    #: Countries whose governments act in this level.
    countries: tuple[str, ...]
    #: Budget per turn in US$ million, per country.
    budgets: dict[str, float]
    proposals: list[Proposal] = field(default_factory=list)
    pacts: list[Pact] = field(default_factory=list)
    threats: list[Threat] = field(default_factory=list)
    #: Events the teacher injected for the coming months.
    injected: list[ScheduledEvent] = field(default_factory=list)
    #: Decisions applied this turn, as dicts, in order.
    log: list[dict[str, Any]] = field(default_factory=list)
    #: Latest metric values (encounters per month for threats, approval for AI leaders).
    last_metrics: dict[str, float] = field(default_factory=dict)
    next_id: int = 1
    #: True while a script (a strategy file, a replay of one) decides: the desk's limits for
    #: people — the budget, shares adding up — are not enforced; the model still charges any
    #: overspending to the government's approval.
    scripted: bool = False

    def spending(self, country: str, policy: Policy | None = None) -> float:
        """What ``country``'s levers and agreement contributions cost over one turn (US$M)."""
        return policy_cost(policy or self.policy, country, self.months_per_turn)

    def budget_left(self, country: str) -> float:
        """Budget per turn minus spending, US$M (negative when over)."""
        return self.budgets.get(country, 0.0) - self.spending(country)

    def proposal(self, proposal_id: int) -> Proposal:
        """The proposal with this id."""
        for p in self.proposals:
            if p.id == proposal_id:
                return p
        raise DecisionRejected(t("There is no proposal number {n}.", n=proposal_id))

    def active_pacts(self, country: str | None = None) -> list[Pact]:
        """Agreements in force (that ``country`` is party to, if given)."""
        return [
            p for p in self.pacts
            if p.status == "active" and (country is None or country in p.agreement.parties)
        ]

    def pending_threats(self, target: str | None = None) -> list[Threat]:
        """Tariff threats whose deadline has not come (on ``target``, if given)."""
        return [
            th for th in self.threats
            if th.status == "pending" and (target is None or th.target == target)
        ]

    def take_id(self) -> int:
        """A fresh proposal id."""
        n = self.next_id
        self.next_id += 1
        return n


def policy_cost(policy: Policy, country: str, months: int) -> float:
    """US$ million spent by ``country`` over ``months`` on its levers and agreement dues."""
    per_year = 0.0
    for spec in LEVERS.values():
        if country not in spec.countries or spec.kind == "choice":
            continue
        value = policy.value(country, spec.name)
        amount = sum(value.values()) if isinstance(value, Mapping) else float(value)  # type: ignore[arg-type]
        per_year += amount * spec.cost_per_unit.get(country, 1.0)
    for agreement in policy.agreements:
        key = f"contribution_{country.lower()}"
        if agreement.kind in FUNDED_AGREEMENTS and country in agreement.parties:
            per_year += float(agreement.terms.get(key, 0.0))
    return per_year * months / 12


def _check_terms(kind: str, terms: Mapping[str, Any]) -> dict[str, TermValue]:
    """Terms validated against the registry, defaults filled in; friendly errors."""
    spec = AGREEMENTS[kind]
    known = {s.name: s for s in spec.terms}
    out: dict[str, TermValue] = {s.name: s.default for s in spec.terms if s.default is not None}
    for name, value in terms.items():
        term = known.get(name)
        if term is None:
            raise DecisionRejected(
                t("A {kind} agreement has no term “{name}”.", kind=agreement_label(kind),
                  name=name)
            )
        out[name] = _check_term(term, value)
    return out


def _check_term(term: TermSpec, value: Any) -> TermValue:
    """One term or event parameter, checked against its range or its registry of names."""
    if term.names:
        allowed = {"country": COUNTRIES, "origin": ("MX", "GT", "HN", "SV", "XR"),
                   "lever": tuple(LEVERS), "metric": ()}[term.names]
        if allowed and value not in allowed:
            raise DecisionRejected(
                t("{name} must be one of {allowed}.", name=term.name, allowed=", ".join(allowed))
            )
        return str(value)
    if isinstance(term.default, str) or term.unit in ("policy", "lever's unit"):
        # Checked where it is used: a lever's own unit, a policy a court may block.
        return value if isinstance(value, str) else float(value)
    if isinstance(value, str | bool) or not isinstance(value, int | float):
        raise DecisionRejected(t("{name} needs a number ({unit}).", name=term.name, unit=term.unit))
    if not term.low <= float(value) <= term.high:
        raise DecisionRejected(
            t("{name} must be between {low:g} and {high:g} ({unit}).", name=term.name,
              low=term.low, high=term.high, unit=term.unit)
        )
    return float(value)


def _check_offer(table: Table, kind: str, terms: Mapping[str, Any]) -> dict[str, TermValue]:
    """An offer's terms as every proposal and counter-offer is checked (one rule for both)."""
    out = _check_terms(kind, terms)
    if kind == "burden_sharing":
        total = sum(float(v) for k, v in out.items() if k.startswith("share_"))
        if abs(total - 1.0) > 0.011 and not table.scripted:
            raise DecisionRejected(
                t("The shares of a burden-sharing agreement must add up to 100% "
                  "(now {p:.0f}%).", p=total * 100)
            )
    return out


def _check_actor(table: Table, country: str) -> None:
    if country not in table.countries:
        raise DecisionRejected(
            ts("{country} does not act in this level.", plural_subject(country),
               country=country_subject(country))
        )


def _check_budget(table: Table, country: str, new: Policy, what: str) -> None:
    """Reject a change that raises spending above the budget (cuts are always allowed)."""
    if table.scripted:
        return
    after = table.spending(country, new)
    before = table.spending(country)
    budget = table.budgets.get(country)
    if budget is None or after <= budget + 1e-9 or after <= before + 1e-9:
        return
    raise DecisionRejected(t("{what} exceeds this turn's budget by {over}.", what=what,
                             over=money(after - budget)))


# ---------------------------------------------------------------------------------------------
# The decisions


@dataclass(frozen=True)
class Decision(ABC):
    """Base class: one choice by one country (or the teacher)."""

    type: ClassVar[str] = ""
    country: str

    @abstractmethod
    def apply(self, table: Table) -> None:
        """Check the choice and change the table; raise DecisionRejected if illegal."""

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for saves and replays (has ``type`` and ``country``)."""
        out: dict[str, Any] = {"type": self.type}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Decision:
        """Rebuild a decision of this class from :meth:`to_dict` output."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in d:
                value = d[f.name]
                if isinstance(value, list):
                    value = tuple(value)
                kwargs[f.name] = value
        return cls(**kwargs)

    def describe(self) -> str:
        """One line for the decision timeline and the news."""
        return self.type


@dataclass(frozen=True)
class SetLever(Decision):
    """Set one lever of one country (``value`` a number, a choice, or an aid split)."""

    type: ClassVar[str] = "set_lever"
    lever: str = ""
    value: LeverValue = 0.0

    def apply(self, table: Table) -> None:
        """Change the lever if the country has it, the value is in range and it is affordable."""
        _check_actor(table, self.country)
        spec = LEVERS.get(self.lever)
        if spec is None:
            raise DecisionRejected(t("There is no lever called “{lever}”.", lever=self.lever))
        if self.country not in spec.countries:
            raise DecisionRejected(
                ts("{country} has no {lever} lever.", plural_subject(self.country),
                   country=country_subject(self.country), lever=lever_label(self.lever))
            )
        try:
            value = check_lever(self.country, self.lever, self.value)
        except PolicyError as exc:
            raise DecisionRejected(self._range_message(exc)) from None
        new = table.policy.with_lever(self.country, self.lever, value)
        if self.lever.startswith("aid_"):
            what = t("The aid budget")
        else:
            what = t("{lever} at {value}", lever=heading(lever_label(self.lever)),
                     value=_shown_value(self.lever, value))
        _check_budget(table, self.country, new, what)
        table.policy = new

    def _range_message(self, exc: PolicyError) -> str:
        spec = LEVERS[self.lever]
        if spec.kind == "choice":
            return t("{lever} must be one of: {choices}.",
                     lever=heading(lever_label(self.lever)), choices=", ".join(spec.choices))
        if isinstance(self.value, Mapping) and "only to" in str(exc):
            return t("Aid can go only to Guatemala, Honduras and El Salvador.")
        return t("{lever} must be between {low} and {high} {unit}.",
                 lever=heading(lever_label(self.lever)), low=format_number(spec.low),
                 high=format_number(spec.high), unit=t(spec.unit))

    def describe(self) -> str:
        """"US sets border agents to 20,000"."""
        return ts("{country} sets {lever} to {value}", plural_subject(self.country),
                  country=country_subject(self.country), lever=lever_label(self.lever),
                  value=_shown_value(self.lever, self.value))


def _shown_value(lever: str, value: LeverValue) -> str:
    """A lever value for people: ``20,000``, ``$80M a year``, ``GT $100M, HN $50M``."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {money(float(v))}" for k, v in value.items())
    if isinstance(value, str):
        return choice_label(value)
    if lever in LEVERS and LEVERS[lever].kind == "money":
        return money(float(value)) + t(" a year")
    return format_number(float(value))


@dataclass(frozen=True)
class ProposeAgreement(Decision):
    """Offer an agreement to partners; it takes force when every partner accepts."""

    type: ClassVar[str] = "propose_agreement"
    kind: str = ""
    partners: tuple[str, ...] = ()
    terms: Mapping[str, TermValue] = field(default_factory=dict)

    def apply(self, table: Table) -> None:
        """Record the proposal (or, for a unilateral measure, put it in force)."""
        _check_actor(table, self.country)
        spec = AGREEMENTS.get(self.kind)
        if spec is None:
            raise DecisionRejected(t("There is no agreement called “{kind}”.", kind=self.kind))
        if self.kind == "tariff_threat":
            raise DecisionRejected(t("Use a tariff threat, not a proposal, to threaten tariffs."))
        if self.country not in spec.proposers:
            raise DecisionRejected(
                ts("{country} cannot propose a {kind} agreement.", plural_subject(self.country),
                   country=country_subject(self.country), kind=agreement_label(self.kind))
            )
        partners = tuple(dict.fromkeys(self.partners))
        if spec.needs_acceptance and not partners:
            raise DecisionRejected(t("Choose at least one partner for this agreement."))
        for partner in partners:
            if partner == self.country:
                raise DecisionRejected(t("A country cannot make an agreement with itself."))
            if partner not in spec.acceptors:
                raise DecisionRejected(
                    ts("{country} cannot be a partner in a {kind} agreement.",
                       plural_subject(partner), country=country_subject(partner),
                       kind=agreement_label(self.kind))
                )
        terms = _check_offer(table, self.kind, self.terms)
        parties = (self.country, *partners)
        for p in table.proposals:
            if p.status == "pending" and p.kind == self.kind and set(p.parties) == set(parties):
                raise DecisionRejected(t("This proposal is already on the table."))
        for pact in table.active_pacts(self.country):
            if pact.agreement.kind == self.kind and set(pact.agreement.parties) == set(parties):
                raise DecisionRejected(t("This agreement is already in force."))
        # A government nobody leads in this level (Guatemala in a three-country level) signs
        # what it is offered; the model then decides how well it complies and executes.
        awaiting = tuple(p for p in partners if p in table.countries)
        proposal = Proposal(table.take_id(), self.kind, parties, terms, self.country, table.turn,
                            awaiting=awaiting)
        table.proposals.append(proposal)
        if not spec.needs_acceptance or not awaiting:
            _enact(table, proposal)

    def describe(self) -> str:
        """"US proposes remain in mexico to Mexico"."""
        return ts("{country} proposes {kind} {to_partners}", plural_subject(self.country),
                  country=country_subject(self.country), kind=agreement_label(self.kind),
                  to_partners=country_list(self.partners, "to"))


def _enact(table: Table, proposal: Proposal) -> None:
    """Put an accepted proposal in force, checking every party can pay its dues."""
    new = table.policy.with_agreement(proposal.agreement())
    for country in proposal.parties:
        if country in table.budgets:
            _check_budget(table, country, new,
                          t("The contribution asked {of_country}",
                            of_country=country_phrase(country, "of")))
    # An agreement of the same kind between the same parties replaces the old one.
    for pact in table.active_pacts():
        same = pact.agreement.kind == proposal.kind
        if same and set(pact.agreement.parties) == set(proposal.parties):
            pact.status, pact.ended_turn = "withdrawn", table.turn
    table.policy = new
    proposal.status = "accepted"
    table.pacts.append(Pact(proposal.id, proposal.agreement(), table.turn))


@dataclass(frozen=True)
class AnswerProposal(Decision):
    """Accept, reject or counter a proposal addressed to ``country``."""

    type: ClassVar[str] = "answer_proposal"
    proposal: int = 0
    answer: Answer = "accept"
    #: For a counter-offer: the terms asked for instead.
    terms: Mapping[str, TermValue] = field(default_factory=dict)
    reason: str = ""

    def apply(self, table: Table) -> None:
        """Record the answer; the agreement takes force when the last partner accepts."""
        _check_actor(table, self.country)
        proposal = table.proposal(self.proposal)
        if proposal.status != "pending":
            raise DecisionRejected(t("This proposal has already been settled."))
        if self.country not in proposal.awaiting:
            raise DecisionRejected(
                t("This proposal does not wait for an answer {from_country}.",
                  from_country=country_phrase(self.country, "from"))
            )
        if self.answer not in ("accept", "reject", "counter"):
            raise DecisionRejected(t("Answer with accept, reject or counter."))
        if self.answer == "counter":
            terms = _check_offer(table, proposal.kind, {**proposal.terms, **dict(self.terms)})
            if terms == proposal.terms:
                raise DecisionRejected(t("A counter-offer must change at least one term."))
            proposal.status, proposal.reason = "countered", self.reason
            proposal.answers[self.country] = "counter"
            # The counter goes back to everyone else, the original proposer included.
            others = tuple(p for p in proposal.parties if p != self.country)
            table.proposals.append(Proposal(
                table.take_id(), proposal.kind, proposal.parties, terms, self.country, table.turn,
                awaiting=others, counter_of=proposal.id,
            ))
            return
        proposal.answers[self.country] = self.answer
        proposal.reason = self.reason or proposal.reason
        if self.answer == "reject":
            proposal.status = "rejected"
            return
        remaining = tuple(c for c in proposal.awaiting if c != self.country)
        if remaining:
            proposal.awaiting = remaining
            return
        _enact(table, proposal)
        proposal.awaiting = ()

    def describe(self) -> str:
        """"Mexico rejects proposal 3"."""
        plural = plural_subject(self.country)
        verb = {"accept": ts("accepts", plural), "reject": ts("rejects", plural),
                "counter": ts("counters", plural)}
        return ts("{country} {verb} proposal {n}", plural,
                  country=country_subject(self.country), verb=verb.get(self.answer, self.answer),
                  n=self.proposal)


@dataclass(frozen=True)
class WithdrawAgreement(Decision):
    """Leave an agreement in force (a broken promise), or withdraw a pending proposal or threat."""

    type: ClassVar[str] = "withdraw_agreement"
    kind: str = ""
    #: The other parties; empty means every agreement of this kind the country is in.
    partners: tuple[str, ...] = ()

    def apply(self, table: Table) -> None:
        """End the agreement; leaving one that partners accepted is recorded as broken."""
        _check_actor(table, self.country)
        if self.kind == "tariff_threat":
            threats = [th for th in table.threats
                       if th.by == self.country and th.status in ("pending", "carried_out")]
            if not threats:
                raise DecisionRejected(ts("{country} has no tariff threat to withdraw.",
                                          plural_subject(self.country),
                                          country=country_subject(self.country)))
            for th in threats:
                th.status = "lifted"
            table.policy = table.policy.without_agreement("tariff_threat")
            return
        done = False
        for p in table.proposals:
            if p.status == "pending" and p.kind == self.kind and p.by == self.country and (
                not self.partners or set(self.partners) <= set(p.parties)
            ):
                p.status, done = "withdrawn", True
        for pact in table.active_pacts(self.country):
            agreement = pact.agreement
            if agreement.kind != self.kind:
                continue
            if self.partners and not set(self.partners) <= set(agreement.parties):
                continue
            unilateral = not AGREEMENTS[self.kind].needs_acceptance
            pact.status = "withdrawn" if unilateral else "broken"
            pact.ended_turn, pact.ended_by = table.turn, self.country
            table.policy = table.policy.without_agreement(agreement.kind, agreement.parties)
            done = True
        if not done:
            raise DecisionRejected(
                ts("{country} is not in a {kind} agreement.", plural_subject(self.country),
                   country=country_subject(self.country), kind=agreement_label(self.kind))
            )

    def describe(self) -> str:
        """"Mexico leaves burden sharing"."""
        return ts("{country} leaves {kind}", plural_subject(self.country),
                  country=country_subject(self.country), kind=agreement_label(self.kind))


@dataclass(frozen=True)
class ThreatenTariff(Decision):
    """The US threatens tariffs on Mexico unless encounters fall by a share by a deadline."""

    type: ClassVar[str] = "threaten_tariff"
    target: str = "MX"
    rate: float = 0.05
    target_reduction: float = 0.3
    deadline_months: int = 2

    def apply(self, table: Table) -> None:
        """Put the threat in force; the session checks the target at the deadline."""
        _check_actor(table, self.country)
        spec = AGREEMENTS["tariff_threat"]
        if self.country not in spec.proposers:
            raise DecisionRejected(t("Only the United States can threaten tariffs here."))
        if self.target not in spec.acceptors:
            raise DecisionRejected(t("Tariffs can be threatened only on Mexico."))
        _check_actor(table, self.target)
        terms = _check_terms("tariff_threat", {
            "rate": self.rate, "target_reduction": self.target_reduction,
            "deadline_months": self.deadline_months,
        })
        if table.pending_threats(self.target):
            raise DecisionRejected(t("A tariff threat is already running."))
        deadline = int(round(float(terms["deadline_months"])))
        table.policy = table.policy.with_agreement(
            Agreement("tariff_threat", (self.country, self.target), terms)
        )
        table.threats.append(Threat(
            self.country, self.target, float(terms["rate"]), float(terms["target_reduction"]),
            table.turn, table.month, table.month + deadline,
            reference=table.last_metrics.get("us_border_encounters_monthly", 0.0),
        ))

    def describe(self) -> str:
        """"United States threatens a 5% tariff on Mexico"."""
        return ts("{country} threatens a {rate:.0f}% tariff on {target} unless encounters fall "
                  "{cut:.0f}% within {months} months", plural_subject(self.country),
                  country=country_subject(self.country),
                  rate=self.rate * 100, target=country_name(self.target, article=True),
                 cut=self.target_reduction * 100, months=self.deadline_months)


@dataclass(frozen=True)
class InjectEvent(Decision):
    """The teacher injects an event (a caravan, a photo, a ruling) into the coming months."""

    type: ClassVar[str] = "inject_event"
    country: str = TEACHER
    kind: str = ""
    params: Mapping[str, TermValue] = field(default_factory=dict)
    #: Months after the start of the coming turn.
    offset: int = 0

    def apply(self, table: Table) -> None:
        """Schedule the event for the coming turn."""
        spec = EVENTS.get(self.kind)
        if spec is None:
            raise DecisionRejected(t("There is no event called “{kind}”.", kind=self.kind))
        if not 0 <= self.offset < table.months_per_turn:
            raise DecisionRejected(t("The event must fall within the coming turn."))
        known = {p.name: p for p in spec.params}
        params: dict[str, TermValue] = {}
        for name, value in self.params.items():
            if name not in known:
                raise DecisionRejected(t("A {kind} event has no setting “{name}”.",
                                         kind=t(self.kind.replace("_", " ")), name=name))
            params[name] = _check_term(known[name], value)
        if self.kind == "policy_change":
            full = {p.name: p.default for p in spec.params if p.default is not None}
            full.update(params)
            try:
                checked = check_lever(str(full["country"]), str(full["lever"]), full["value"])
                # A policy change sets one number or choice; a split aid total is its sum.
                params["value"] = (sum(checked.values()) if isinstance(checked, Mapping)
                                   else checked)
            except PolicyError as exc:
                raise DecisionRejected(t("This policy change is not possible: {why}.",
                                         why=exc)) from None
        table.injected.append(ScheduledEvent(self.kind, table.month + self.offset, params))

    def describe(self) -> str:
        """"The teacher adds a caravan in 2019-07"."""
        return t("The teacher adds an event: {kind}", kind=t(self.kind.replace("_", " ")))


#: Every decision type by its ``type`` name.
DECISION_TYPES: dict[str, type[Decision]] = {
    cls.type: cls
    for cls in (SetLever, ProposeAgreement, AnswerProposal, WithdrawAgreement, ThreatenTariff,
                InjectEvent)
}


def decision_from_dict(d: Mapping[str, Any]) -> Decision:
    """Rebuild a decision from its dict (``type`` picks the class)."""
    try:
        cls = DECISION_TYPES[str(d["type"])]
    except KeyError:
        raise DecisionRejected(t("Unknown decision: {d}", d=dict(d))) from None
    return cls.from_dict(d)
