"""The bridge from a session to the simulation's explanation API (``game.sim.explain``).

The report splits each headline change into causes — each decision, partners' decisions,
events, the season, chance, earlier decisions and trends — by counterfactual worlds run with
shared noise. That computation belongs to the model (DESIGN.md §2, §5); this module only says
which decisions the turn made (one :class:`~game.sim.explain.Change` per lever changed and per
agreement made or ended, each with the turn's policy minus that one change) and converts the
answer into :class:`~game.play.report.Cause` rows with the kinds the report screen colours:
``player`` (a human's decision), ``partner`` (an AI leader's), ``together``, ``event``,
``season``, ``chance`` and ``lagged`` (earlier decisions and trends).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from game.i18n import t, ts
from game.play.decisions import (
    SetLever,
    agreement_label,
    country_name,
    country_subject,
    plural_subject,
)
from game.play.report import Cause, drivers_key
from game.sim.explain import Change, Explanation, explain
from game.sim.policy import Agreement, Policy, ScheduledEvent
from game.sim.registry import HEADLINE_METRICS, LEVERS

_KINDS = {"events": "event", "event": "event", "season": "season", "chance": "chance",
          "trend": "lagged", "together": "together", "closure": "event", "reopening": "event",
          "pent_up": "event"}
_LABELS = {"events": "Events acting together", "season": "Season", "chance": "Chance",
           "trend": "Earlier decisions and trends", "together": "Decisions acting together",
           "closure": "Borders kept shut by the epidemic",
           "reopening": "Borders reopen after the epidemic",
           "pent_up": "Many who waited set out after the epidemic"}


def _key(agreement: Agreement) -> tuple[str, frozenset[str]]:
    return agreement.kind, frozenset(agreement.parties)


def turn_changes(start: Policy, policy: Policy,
                 ended_by: Mapping[tuple[str, frozenset[str]], str] | None = None
                 ) -> list[Change]:
    """One change per lever moved and per agreement made or ended between two policies."""
    changes: list[Change] = []
    for spec in LEVERS.values():
        for country in spec.countries:
            before = start.value(country, spec.name)
            after = policy.value(country, spec.name)
            if _same(before, after):
                continue
            label = SetLever(country, spec.name, after).describe()
            changes.append(Change(label, country, policy.with_lever(country, spec.name, before),
                                  lever_key(country, spec.name)))
    old = {_key(a): a for a in start.agreements}
    new = {_key(a): a for a in policy.agreements}
    for key, agreement in new.items():
        if key in old and dict(old[key].terms) == dict(agreement.terms):
            continue
        undone = policy.without_agreement(agreement.kind, agreement.parties)
        if key in old:
            undone = undone.with_agreement(old[key])
        names = t(" and ").join(country_name(p) for p in agreement.parties)
        label = t("{names}: {kind}", names=names, kind=agreement_label(agreement.kind))
        changes.append(Change(label, agreement.proposer, undone))
    for key, agreement in old.items():
        if key in new:
            continue
        who = (ended_by or {}).get(key, agreement.proposer)
        label = ts("{country} leaves {kind}", plural_subject(who), country=country_subject(who),
                   kind=agreement_label(agreement.kind))
        changes.append(Change(label, who, policy.with_agreement(agreement)))
    return changes


def lever_key(country: str, lever: str) -> str:
    """How a lever decision is followed from turn to turn: its country and lever."""
    return f"{country}:{lever}"


#: Months a lever change keeps arriving after its delay starts: two delays (about 90% of it in
#: effect) plus the adjudicators' training.
_ARRIVING_DELAYS = 2
_TRAINING_MONTHS = 3


def earlier_changes(decided: Sequence[tuple[int, int, Mapping[str, Any]]], month: int,
                    start: Policy, policy: Policy, first: Policy) -> list[tuple[str, Change]]:
    """Lever decisions of earlier turns still taking effect this turn, each as never decided.

    ``decided`` holds (turn, month decided, decision dict) in order; ``first`` is the level's
    starting policy. The latest decision on each lever counts, unless this turn moved it again.
    """
    latest: dict[str, tuple[int, int, Mapping[str, Any]]] = {}
    before: dict[str, Any] = {}
    for turn, when, d in decided:
        if d.get("type") != SetLever.type:
            continue
        key = lever_key(str(d["country"]), str(d["lever"]))
        before[key] = latest[key][2]["value"] if key in latest else first.value(
            str(d["country"]), str(d["lever"]))
        latest[key] = (turn, when, d)
    out = []
    for key, (turn, when, d) in latest.items():
        country, lever = str(d["country"]), str(d["lever"])
        if not _same(start.value(country, lever), policy.value(country, lever)):
            continue  # moved again this turn: the turn's own decision speaks for it
        spec = LEVERS[lever]
        lasts = _ARRIVING_DELAYS * spec.delay_months.get(country, 0) + (
            _TRAINING_MONTHS if lever == "asylum_officers" else 0)
        if month - when >= lasts or _same(before[key], policy.value(country, lever)):
            continue
        label = t("{decision} (turn {n}, still taking effect)",
                  decision=SetLever(country, lever, d["value"]).describe(), n=turn)
        out.append((key, Change(label, country,
                                policy.with_lever(country, lever, before[key]), key)))
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        return dict(a) == dict(b) if isinstance(a, Mapping) and isinstance(b, Mapping) else False
    return bool(a == b)


def explain_turn(sim: Any, start: Policy, policy: Policy, months: int,
                 events: Sequence[ScheduledEvent], previous: Mapping[str, float] | None,
                 previous_season: Mapping[str, float] | None,
                 ended_by: Mapping[tuple[str, frozenset[str]], str] | None = None,
                 metrics: Sequence[str] = HEADLINE_METRICS,
                 event_labels: Sequence[str] | None = None,
                 earlier: Sequence[tuple[str, Change]] = (),
                 effects_last: Mapping[str, Mapping[str, float]] | None = None) -> Explanation:
    """Ask the model why ``metrics`` will change this turn (before it is run)."""
    return explain(sim, start, policy, turn_changes(start, policy, ended_by), months, events,
                   previous_values=previous or None, previous_season=previous_season,
                   metrics=metrics, event_labels=event_labels, earlier=earlier,
                   effects_last=effects_last)


def causes_of(explanation: Explanation, humans: Sequence[str]) -> dict[str, list[Cause]]:
    """The explanation as report causes, with the kinds the report screen colours."""
    out: dict[str, list[Cause]] = {}
    for name, part in explanation.metrics.items():
        rows = []
        for c in part.contributions:
            if c.kind in ("decision", "earlier"):
                kind = "player" if c.country in humans else "partner"
                rows.append(Cause(kind, c.label, c.amount, c.country))
            elif c.kind == "event":  # named by the caller, already in the player's words
                rows.append(Cause("event", c.label, c.amount))
            else:
                rows.append(Cause(_KINDS.get(c.kind, c.kind), t(_LABELS.get(c.kind, c.label)),
                                  c.amount))
        out[name] = rows
        if part.drivers:  # what voters reacted to (approval in GT, HN, SV)
            out[drivers_key(name)] = [Cause("driver", t(c.label), c.amount)
                                      for c in part.drivers]
    return out

