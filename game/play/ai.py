"""AI leaders: countries no human plays, each with a personality (DESIGN.md §5).

A :class:`Leader` reads its country's situation (approval and its trend, budget left, border
encounters, deaths, asylum backlog and waits, stranded people, partners' threats and proposals)
and returns :class:`AIChoice` s: ordinary decisions (``game.play.decisions``) with the reason a
newspaper would give. Personalities weigh the same signals differently:

- ``hardliner`` answers disorder with enforcement and consequences, and uses leverage;
- ``pragmatist`` fixes what is visibly broken (waits, labour shortages), bargains, counters;
- ``humanitarian`` protects first: rescue, asylum capacity, legal pathways, alternatives to
  detention; refuses deals that send people back to danger.

Everything is deterministic given the level seed: each leader draws only from a
``numpy.random.Generator`` seeded with (seed, turn, country, purpose), never from ``random``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from game.i18n import t
from game.play.decisions import (
    FUNDED_AGREEMENTS,
    AnswerProposal,
    Decision,
    DecisionRejected,
    Proposal,
    ProposeAgreement,
    SetLever,
    Table,
    ThreatenTariff,
    WithdrawAgreement,
    country_name,
    country_phrase,
)
from game.sim.registry import COUNTRIES, LEVERS

Personality = Literal["hardliner", "pragmatist", "humanitarian"]
PERSONALITIES: tuple[str, ...] = ("hardliner", "pragmatist", "humanitarian")

#: How much each personality likes each agreement as the country asked to accept it (−1…1).
_LIKING: dict[str, dict[str, float]] = {
    "remain_in_mexico": {"hardliner": -0.35, "pragmatist": -0.25, "humanitarian": -0.7},
    "returns_acceptance": {"hardliner": -0.1, "pragmatist": -0.05, "humanitarian": -0.45},
    "safe_third_country": {"hardliner": -0.3, "pragmatist": -0.3, "humanitarian": -0.8},
    "burden_sharing": {"hardliner": -0.3, "pragmatist": 0.25, "humanitarian": 0.5},
    "joint_corps": {"hardliner": 0.2, "pragmatist": 0.35, "humanitarian": 0.25},
    "visa_requirement": {"hardliner": 0.2, "pragmatist": 0.0, "humanitarian": -0.2},
    "trinational_task_force": {"hardliner": 0.45, "pragmatist": 0.35, "humanitarian": 0.15},
}
#: How far a pending tariff threat from the proposer moves the answer.
_LEVERAGE = {"hardliner": 0.5, "pragmatist": 0.75, "humanitarian": 0.45}
#: Agreements that cost sovereignty or send people back: unpopular when approval is low.
_SOVEREIGNTY_COST = {"remain_in_mexico", "returns_acceptance", "safe_third_country"}
ACCEPT_ABOVE = 0.2
COUNTER_ABOVE = -0.35


@dataclass(frozen=True)
class AIChoice:
    """A decision an AI leader took and the reason given for it."""

    decision: Decision
    reason: str


@dataclass
class Situation:
    """What a leader knows at the end of a turn: the latest metrics and where they started."""

    turn: int
    #: The latest turn's metrics (world 0); empty before the first turn resolves.
    metrics: Mapping[str, float] = field(default_factory=dict)
    #: The turn before's metrics (empty if none).
    previous: Mapping[str, float] = field(default_factory=dict)
    #: The first turn's metrics: the reference for "high" and "low".
    reference: Mapping[str, float] = field(default_factory=dict)

    def value(self, name: str, default: float = 0.0) -> float:
        """The latest value of a metric."""
        return float(self.metrics.get(name, default))

    def ratio_to_reference(self, name: str) -> float:
        """Latest value over the first turn's (1 when unknown)."""
        ref = float(self.reference.get(name, 0.0))
        return self.value(name) / ref if ref > 0 and name in self.metrics else 1.0

    def trend(self, name: str) -> float:
        """Relative change since the turn before (0 when unknown)."""
        prev = float(self.previous.get(name, 0.0))
        if name not in self.metrics or prev <= 0:
            return 0.0
        return self.value(name) / prev - 1.0


def leader_rng(seed: int, turn: int, country: str, purpose: int = 0) -> np.random.Generator:
    """The generator an AI leader draws from this turn (deterministic)."""
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, turn, COUNTRIES.index(country),
                                  purpose])


class Leader:
    """The AI government of one country."""

    def __init__(self, country: str, personality: str) -> None:
        if personality not in PERSONALITIES:
            raise ValueError(f"unknown personality {personality!r}")
        self.country = country
        self.personality = personality

    # --- answering proposals ------------------------------------------------------------------

    def weigh(self, proposal: Proposal, table: Table, situation: Situation) -> float:
        """How acceptable a proposal is (accept above 0.2, counter above −0.35), before noise."""
        me, kind = self.country, proposal.kind
        score = _LIKING.get(kind, {}).get(self.personality, 0.0)
        proposer = proposal.by
        if any(th.by == proposer for th in table.pending_threats(me)):
            score += _LEVERAGE[self.personality]
        score += _relations(situation, me, proposer) / 250
        approval = situation.value(f"approval_{me.lower()}", 50.0)
        if kind in _SOVEREIGNTY_COST and approval < 40:
            score -= 0.2
        if kind == "burden_sharing":
            share = float(proposal.terms.get(f"share_{me.lower()}", 0.0))
            fair = {"US": 0.6, "MX": 0.25, "CA": 0.15}.get(me, 0.2)
            score -= max(0.0, share - fair) * 2.5
        if kind in FUNDED_AGREEMENTS:
            due = float(proposal.terms.get(f"contribution_{me.lower()}", 0.0))
            due_turn = due * table.months_per_turn / 12
            left = table.budget_left(me)
            score -= 0.6 if due_turn > max(left, 0.0) else 0.3 * due_turn / max(left, 1.0)
        if kind == "returns_acceptance" and me == "MX":
            cap = float(proposal.terms.get("monthly_cap", 30_000))
            score -= max(0.0, cap - 20_000) / 200_000
        if kind == "safe_third_country":
            coverage = float(proposal.terms.get("coverage", 1.0))
            score += 0.25 * (1 - coverage)
            if me in ("GT", "HN", "SV"):
                score += _aid_to(table, me) / 2_000
        if kind == "remain_in_mexico" and situation.value("stranded_in_mx_border_towns") > 40_000:
            score -= 0.15
        return score

    def answer(self, proposal: Proposal, table: Table, situation: Situation,
               rng: np.random.Generator) -> AIChoice:
        """Accept, reject or counter a proposal, with the reason."""
        score = self.weigh(proposal, table, situation) + float(rng.normal(0.0, 0.08))
        threatened = any(th.by == proposal.by for th in table.pending_threats(self.country))
        if score > ACCEPT_ABOVE:
            reason = (t("under the pressure of the tariff threat") if threatened
                      else t(_ACCEPT_REASON.get(proposal.kind, "the terms are acceptable")))
            return AIChoice(AnswerProposal(self.country, proposal.id, "accept", reason=reason),
                            reason)
        counter = self._counter_terms(proposal)
        already_countered = proposal.counter_of is not None and proposal.by != self.country
        if score > COUNTER_ABOVE and counter and not already_countered:
            reason = t("the terms ask too much {of_country}",
                       of_country=country_phrase(self.country, "of"))
            return AIChoice(
                AnswerProposal(self.country, proposal.id, "counter", terms=counter, reason=reason),
                reason,
            )
        text = _REJECT_REASON.get(proposal.kind, {}).get(self.personality)
        reason = t(text) if text else t("the terms do not serve {country}",
                                        country=country_name(self.country, article=True))
        return AIChoice(AnswerProposal(self.country, proposal.id, "reject", reason=reason), reason)

    def _counter_terms(self, proposal: Proposal) -> dict[str, float]:
        """Terms this leader would accept instead (empty if the kind has nothing to bargain)."""
        me = self.country.lower()
        terms = {k: float(v) for k, v in proposal.terms.items() if not isinstance(v, str)}
        kind = proposal.kind
        if kind == "returns_acceptance":
            return {"monthly_cap": round(min(terms.get("monthly_cap", 30_000), 30_000) / 2, -2)}
        if kind == "burden_sharing":
            mine = terms.get(f"share_{me}", 0.0)
            cut = round(min(0.1, mine), 2)
            if cut <= 0:
                return {}
            other = f"share_{proposal.by.lower()}"
            if other == f"share_{me}" or other not in terms:
                return {}
            return {f"share_{me}": round(mine - cut, 2), other: round(terms[other] + cut, 2)}
        if kind in FUNDED_AGREEMENTS:
            mine = terms.get(f"contribution_{me}", 0.0)
            if mine <= 0:
                return {}
            other = f"contribution_{proposal.by.lower()}"
            if other == f"contribution_{me}" or other not in terms:
                return {}
            return {f"contribution_{me}": round(mine / 2), other: round(terms[other] + mine / 2)}
        if kind == "safe_third_country" and terms.get("coverage", 1.0) > 0.2:
            return {"coverage": 0.2}
        return {}

    # --- the leader's own moves ---------------------------------------------------------------

    def decide(self, table: Table, situation: Situation,
               rng: np.random.Generator) -> list[AIChoice]:
        """This turn's own moves (levers, proposals, threats, leaving agreements)."""
        if not situation.metrics and not table.pending_threats(self.country):
            return []  # nothing to react to yet, except a threat made on the first turn
        wishes = _WISHES[self.country](self, table, situation)
        choices: list[AIChoice] = []
        # Governments change a few things a turn; the order of wishes is the priority.
        limit = 3 if self.personality == "pragmatist" else 2
        for decision, reason in wishes:
            if len([c for c in choices if isinstance(c.decision, SetLever)]) >= limit and \
                    isinstance(decision, SetLever):
                continue
            applied = _try(decision, table)
            if applied is None and isinstance(decision, SetLever):
                applied = _try(_halfway(decision, table), table)
            if applied is not None:
                choices.append(AIChoice(applied, reason))
        del rng  # the moves are rules; the draws are kept for answers
        return choices


def _try(decision: Decision | None, table: Table) -> Decision | None:
    if decision is None:
        return None
    if isinstance(decision, SetLever) and _unchanged(decision, table):
        return None  # a wish already met is not news
    try:
        decision.apply(table)
    except DecisionRejected:
        return None
    return decision


def _unchanged(decision: SetLever, table: Table) -> bool:
    current = table.policy.value(decision.country, decision.lever)
    if isinstance(current, Mapping) or isinstance(decision.value, Mapping):
        return False
    if isinstance(current, str) or isinstance(decision.value, str):
        return current == decision.value
    return abs(float(current) - float(decision.value)) < 1e-9


def _halfway(decision: SetLever, table: Table) -> SetLever | None:
    """Half the change, when the whole one is not affordable."""
    current = table.policy.value(decision.country, decision.lever)
    if not isinstance(current, int | float) or not isinstance(decision.value, int | float):
        return None
    value = round((float(current) + float(decision.value)) / 2)
    if value == round(float(current)):
        return None
    return SetLever(decision.country, decision.lever, float(value))


def _relations(situation: Situation, a: str, b: str) -> float:
    pair = "_".join(sorted((a.lower(), b.lower()), key=lambda c: ["us", "mx", "ca"].index(c)
                           if c in ("us", "mx", "ca") else 9))
    return situation.value(f"relations_{pair}", 0.0)


def _aid_to(table: Table, recipient: str) -> float:
    total = 0.0
    for lever in ("aid_violence_prevention", "aid_economic", "aid_governance"):
        value = table.policy.value("US", lever)
        if isinstance(value, Mapping):
            total += float(value.get(recipient, 0.0))
        else:
            total += float(value) / 3  # type: ignore[arg-type]
    return total


def _number(table: Table, country: str, lever: str) -> float:
    value = table.policy.value(country, lever)
    if isinstance(value, Mapping):
        return float(sum(value.values()))
    return float(value)  # type: ignore[arg-type]


def _scaled(table: Table, country: str, lever: str, factor: float, floor: float = 0.0) -> SetLever:
    spec = LEVERS[lever]
    current = _number(table, country, lever)
    value = min(spec.high, max(spec.low, current * factor, floor))
    # Round to a sensible step so the news reads "20,000 agents", not "19,992.4".
    step = 100.0 if value >= 1000 else 10.0 if value >= 100 else 5.0 if value >= 20 else 1.0
    rounded = round(value / step) * step
    if rounded == current and value != current:
        # Too small a change to show after rounding: move one step so the wish is kept.
        rounded = current + (step if value > current else -step)
    return SetLever(country, lever, float(min(spec.high, max(spec.low, rounded))))


def _has_pact(table: Table, kind: str, *countries: str) -> bool:
    return any(p.agreement.kind == kind and set(countries) <= set(p.agreement.parties)
               for p in table.active_pacts())


def _asked(table: Table, kind: str, by: str) -> bool:
    """Whether ``by`` proposed this in the last two turns (no nagging every turn)."""
    return any(p.kind == kind and p.by == by and p.turn >= table.turn - 1 for p in table.proposals)


Wish = tuple[Decision | None, str]


def _us(leader: Leader, table: Table, s: Situation) -> list[Wish]:
    p = leader.personality
    wishes: list[Wish] = []
    enc = s.ratio_to_reference("us_border_encounters")
    approval = s.value("approval_us", 50)
    falling = s.trend("approval_us") < -0.02
    deaths_up = s.trend("deaths_in_transit") > 0.1
    wait = s.value("asylum_wait_months_us")
    shortage = s.value("labor_shortage_us")
    threat = table.pending_threats("MX")
    if p == "hardliner":
        if enc > 1.0 or falling:
            wishes.append((_scaled(table, "US", "border_agents", 1.12),
                           t("border encounters are high")))
        if enc > 1.15 and table.policy.value("US", "removal") != "prosecute":
            wishes.append((SetLever("US", "removal", "prosecute"),
                           t("to make crossing carry a consequence")))
        if "MX" in table.countries and enc > 1.15:
            if not _has_pact(table, "remain_in_mexico", "US", "MX") and \
                    not _asked(table, "remain_in_mexico", "US"):
                wishes.append((ProposeAgreement("US", "remain_in_mexico", ("MX",)),
                               t("asylum seekers should wait in Mexico")))
            elif not threat and enc > 1.3 and s.value("relations_us_mx") > -60 and \
                    not any(th.by == "US" and th.turn >= table.turn - 3 for th in table.threats):
                wishes.append((ThreatenTariff("US", "MX", 0.05, 0.3, 2),
                               t("Mexico must stop the flow north")))
        if table.budget_left("US") < 0.05 * table.budgets.get("US", 1):
            wishes.append((_scaled(table, "US", "aid_economic", 0.8),
                           t("aid has not stopped people leaving")))
    elif p == "pragmatist":
        if wait > 18:
            wishes.append((_scaled(table, "US", "asylum_officers", 1.12),
                           t("asylum cases wait {m:.0f} months", m=wait)))
        if shortage > 0.05:
            wishes.append((_scaled(table, "US", "work_visas", 1.15),
                           t("employers cannot find workers")))
        if enc > 1.15:
            wishes.append((_scaled(table, "US", "border_agents", 1.06),
                           t("border encounters are high")))
            if "MX" in table.countries and not _has_pact(table, "returns_acceptance", "US", "MX") \
                    and not _asked(table, "returns_acceptance", "US"):
                wishes.append((ProposeAgreement("US", "returns_acceptance", ("MX",),
                                                {"monthly_cap": 20_000}),
                               t("returns need a partner")))
        if deaths_up:
            wishes.append((_scaled(table, "US", "rescue", 1.25, floor=10),
                           t("more people are dying in the desert")))
        if threat and "MX" in table.countries:
            mx_agents = _number(table, "MX", "border_agents")
            if mx_agents >= 1.5 * float(LEVERS["border_agents"].default["MX"]):
                wishes.append((WithdrawAgreement("US", "tariff_threat", ("MX",)),
                               t("Mexico has deployed forces to its southern border")))
        elif enc > 1.5 and approval < 40 and "MX" in table.countries and \
                not any(th.by == "US" for th in table.threats):
            wishes.append((ThreatenTariff("US", "MX", 0.05, 0.25, 3),
                           t("the border has become the top issue")))
        others = tuple(c for c in ("MX", "CA") if c in table.countries)
        if wait > 24 and others and not _has_pact(table, "burden_sharing", "US") and \
                not _asked(table, "burden_sharing", "US"):
            terms = _shares("US", others)
            wishes.append((ProposeAgreement("US", "burden_sharing", others, terms),
                           t("the region should share asylum claims")))
    else:
        if deaths_up or s.ratio_to_reference("deaths_in_transit") > 1.1:
            wishes.append((_scaled(table, "US", "rescue", 1.3, floor=10),
                           t("no one should die crossing")))
        if table.policy.value("US", "detention") in ("detain", "detain_separate"):
            wishes.append((SetLever("US", "detention", "alternatives"),
                           t("families should not be held in detention")))
        if table.policy.value("US", "removal") in ("expel", "prosecute"):
            wishes.append((SetLever("US", "removal", "remove"),
                           t("every claim deserves a hearing")))
        if wait > 12:
            wishes.append((_scaled(table, "US", "asylum_officers", 1.1),
                           t("asylum cases wait {m:.0f} months", m=wait)))
        if enc > 1.1:
            wishes.append((_scaled(table, "US", "humanitarian_visas", 1.25, floor=1000),
                           t("a safe legal route beats a dangerous one")))
        wishes.append((_scaled(table, "US", "aid_violence_prevention", 1.1),
                       t("violence drives people from home")))
        if approval < 35:
            wishes.append((_scaled(table, "US", "border_agents", 1.03),
                           t("voters want order at the border")))
        if "MX" in table.countries and not _has_pact(table, "joint_corps", "US") and \
                not _asked(table, "joint_corps", "US"):
            parties = tuple(c for c in ("MX", "CA") if c in table.countries)
            wishes.append((ProposeAgreement("US", "joint_corps", parties),
                           t("protection should start at Mexico's southern border")))
    return wishes


def _shares(proposer: str, others: tuple[str, ...]) -> dict[str, float]:
    base = {"US": 0.6, "MX": 0.25, "CA": 0.15}
    parties = (proposer, *others)
    total = sum(base[c] for c in parties)
    shares = {f"share_{c.lower()}": round(base[c] / total, 2) for c in parties}
    for c in ("US", "MX", "CA"):
        shares.setdefault(f"share_{c.lower()}", 0.0)
    drift = round(1.0 - sum(shares.values()), 2)
    shares[f"share_{proposer.lower()}"] = round(shares[f"share_{proposer.lower()}"] + drift, 2)
    return shares


def _mx(leader: Leader, table: Table, s: Situation) -> list[Wish]:
    p = leader.personality
    wishes: list[Wish] = []
    threat = table.pending_threats("MX")
    backlog_up = s.trend("asylum_backlog_mx") > 0.05
    stranded = s.value("stranded_in_mx_border_towns")
    approval = s.value("approval_mx", 50)
    if threat:
        # June 2019: Mexico answered the tariff threat with ~6,000 National Guard troops.
        target = {"hardliner": 8_000.0, "pragmatist": 6_000.0, "humanitarian": 3_000.0}[p]
        agents = _number(table, "MX", "border_agents")
        if agents < target:
            wishes.append((SetLever("MX", "border_agents", target),
                           t("to meet the US deadline and avoid tariffs")))
        if p == "hardliner":
            wishes.append((_scaled(table, "MX", "transit_agents", 1.25),
                           t("to meet the US deadline and avoid tariffs")))
    if p == "hardliner":
        if stranded > 30_000:
            wishes.append((_scaled(table, "MX", "transit_agents", 1.15),
                           t("border towns are overwhelmed")))
        if approval < 35:
            for pact in table.active_pacts("MX"):
                if pact.agreement.kind in ("remain_in_mexico", "returns_acceptance") and not threat:
                    wishes.append((WithdrawAgreement("MX", pact.agreement.kind,
                                                     tuple(c for c in pact.agreement.parties
                                                           if c != "MX")),
                                   t("Mexico will not be the waiting room of the United States")))
    elif p == "pragmatist":
        if backlog_up or s.value("asylum_wait_months_mx") > 6:
            wishes.append((_scaled(table, "MX", "asylum_officers", 1.25, floor=60),
                           t("Mexico's asylum office is overwhelmed")))
        if stranded > 40_000:
            wishes.append((_scaled(table, "MX", "humanitarian_visas", 1.2, floor=2000),
                           t("people stranded in border towns need status")))
        if approval < 30 and not threat:
            for pact in table.active_pacts("MX"):
                if pact.agreement.kind == "burden_sharing":
                    wishes.append((WithdrawAgreement("MX", "burden_sharing"),
                                   t("the quota has become too costly at home")))
    else:
        wishes.append((_scaled(table, "MX", "asylum_officers", 1.2, floor=60),
                       t("asylum seekers deserve a decision")))
        if s.trend("deaths_in_transit") > 0.05:
            wishes.append((_scaled(table, "MX", "rescue", 1.3, floor=5),
                           t("no one should die crossing")))
        if table.policy.value("MX", "detention") in ("detain", "detain_separate"):
            wishes.append((SetLever("MX", "detention", "alternatives"),
                           t("migration stations are no place for families")))
        if stranded > 30_000:
            wishes.append((_scaled(table, "MX", "humanitarian_visas", 1.3, floor=2000),
                           t("people stranded in border towns need status")))
    return wishes


def _ca(leader: Leader, table: Table, s: Situation) -> list[Wish]:
    p = leader.personality
    wishes: list[Wish] = []
    interceptions_up = s.trend("ca_irregular_interceptions") > 0.1
    if p == "hardliner":
        if interceptions_up:
            wishes.append((_scaled(table, "CA", "border_agents", 1.15),
                           t("irregular crossings into Canada are rising")))
            if not _has_pact(table, "visa_requirement", "CA"):
                wishes.append((ProposeAgreement("CA", "visa_requirement", (), {"origin": "XR"}),
                               t("to close the route of flying in")))
    elif p == "pragmatist":
        if s.value("labor_shortage_us") > 0.05 or s.trend("approval_ca") >= 0:
            wishes.append((_scaled(table, "CA", "work_visas", 1.1),
                           t("farms need seasonal workers")))
        if s.ratio_to_reference("us_border_encounters") > 1.2:
            wishes.append((_scaled(table, "CA", "humanitarian_visas", 1.15, floor=1000),
                           t("Canada can take a share through resettlement")))
        if interceptions_up:
            wishes.append((_scaled(table, "CA", "asylum_officers", 1.1),
                           t("asylum claims in Canada are rising")))
    else:
        wishes.append((_scaled(table, "CA", "humanitarian_visas", 1.2, floor=1000),
                       t("Canada can take a share through resettlement")))
        wishes.append((_scaled(table, "CA", "aid_violence_prevention", 1.2, floor=5),
                       t("violence drives people from home")))
    return wishes


def _origin(leader: Leader, table: Table, s: Situation) -> list[Wish]:
    c, p = leader.country, leader.personality
    wishes: list[Wish] = []
    homicide = s.value(f"homicide_rate_{c.lower()}")
    if homicide > 20 and p != "hardliner":
        wishes.append((_scaled(table, c, "violence_prevention", 1.2, floor=10),
                       t("violence drives people from home")))
    if homicide > 20 and p != "humanitarian":
        wishes.append((_scaled(table, c, "police_reform", 1.3, floor=10),
                       t("gangs extort whole neighbourhoods")))
    wishes += _origin_people(leader, table, s)
    if p == "hardliner" or table.pending_threats():
        wishes.append((_scaled(table, c, "exit_controls", 1.2),
                       t("under pressure from the north")))
    if s.value("returned_to_danger") > 0 or p == "humanitarian":
        wishes.append((_scaled(table, c, "reintegration", 1.2, floor=5),
                       t("people sent back need a way to start again")))
    # Gangs work across the three borders: one joint force, proposed once to the others.
    others = tuple(o for o in ("GT", "HN", "SV") if o != c and o in table.countries)
    if others and homicide > 20 and p != "humanitarian" and \
            not _has_pact(table, "trinational_task_force", c) and \
            not any(_asked(table, "trinational_task_force", o) for o in (c, *others)):
        wishes.append((ProposeAgreement(c, "trinational_task_force", others),
                       t("the gangs cross our borders")))
    return wishes


def _origin_people(leader: Leader, table: Table, s: Situation) -> list[Wish]:
    """A Northern-Triangle government's citizens: on the way north, and the young at home."""
    c, p = leader.country, leader.personality
    wishes: list[Wish] = []
    if s.value(f"approval_{c.lower()}", 50.0) < 45 or p == "humanitarian":
        wishes.append((_scaled(table, c, "consular_protection", 1.3, floor=5),
                       t("our citizens on the way north need their consulates")))
    if p == "pragmatist" and s.trend(f"emigrants_from_{c.lower()}") > 0:
        wishes.append((_scaled(table, c, "youth_employment", 1.3, floor=10),
                       t("young people need work at home")))
    return wishes


_WISHES = {"US": _us, "MX": _mx, "CA": _ca, "GT": _origin, "HN": _origin, "SV": _origin}

_ACCEPT_REASON: dict[str, str] = {
    "remain_in_mexico": "to keep good relations with Washington",
    "returns_acceptance": "in exchange for cooperation",
    "safe_third_country": "in exchange for aid and good relations",
    "burden_sharing": "sharing the load is fairer to everyone",
    "joint_corps": "a joint corps spreads the cost and the blame",
    "trinational_task_force": "the gangs do not stop at our borders",
}
_REJECT_REASON: dict[str, dict[str, str]] = {
    "remain_in_mexico": {
        "hardliner": "Mexico will not be the waiting room of the United States",
        "pragmatist": "border towns cannot shelter tens of thousands more",
        "humanitarian": "people would wait in danger in border towns",
    },
    "returns_acceptance": {
        "hardliner": "Mexico will not take other countries' nationals",
        "pragmatist": "there is nothing in it for Mexico",
        "humanitarian": "returned people would be stranded without protection",
    },
    "safe_third_country": {
        "hardliner": "we are not a safe third country",
        "pragmatist": "we have no capacity to decide these claims",
        "humanitarian": "no one sent here could find protection",
    },
    "burden_sharing": {
        "hardliner": "the quota is a cost without a benefit",
        "pragmatist": "the share asked is too large",
        "humanitarian": "the share asked is more than we can process well",
    },
    "joint_corps": {
        "hardliner": "our forces stay under our command",
        "pragmatist": "the contribution is too high",
        "humanitarian": "the corps would stop people, not protect them",
    },
    "trinational_task_force": {
        "hardliner": "our police stay under our command",
        "pragmatist": "the contribution is too high",
        "humanitarian": "heavy-handed policing would make young people its victims",
    },
}

