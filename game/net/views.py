"""What a team's devices are sent: its private desk, the class's public status, its report.

Plain JSON-ready dicts built from :mod:`game.play` objects. A team's view holds only what
the hot-seat desk shows that team (:meth:`Classroom.team_view`): its own levers and draft, its
budget, its forecast, the open objectives and its own hidden ones, the diplomacy addressed to
it or made by it. Other teams appear only by name, country, head count and whether they have
committed. Every number the page shows is computed here; the browser never computes outcomes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.play.decisions import (
    DecisionRejected,
    Proposal,
    agreement_label,
    choice_label,
    country_name,
    lever_label,
)
from game.play.names import AGREEMENTS, METRICS, levers_for

if TYPE_CHECKING:
    from game.play.classroom import Classroom, Notice
    from game.play.report import ObjectiveState, TurnReport

#: The metrics the advisors forecast on a student's desk (the hot-seat desk's, per country).
FORECAST_METRICS = ("us_border_encounters", "deaths_in_transit", "protection_granted",
                    "asylum_wait_months_us")


def forecast_metrics(country: str) -> tuple[str, ...]:
    """The advisors' metrics for ``country``: people first, then its approval if it has one."""
    approval = f"approval_{country.lower()}"
    return FORECAST_METRICS + ((approval,) if approval in METRICS else ())


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): float(v) for k, v in value.items()}
    if isinstance(value, str):
        return value
    return float(value)


def levers_view(room: Classroom, country: str) -> list[dict[str, Any]]:
    """The team's levers: label, unit, range, cost, delay, value now and in the draft."""
    try:
        policy = room.desk.table(country).policy
    except DecisionRejected:
        policy = room.session.table.policy
    start = room.session.table.policy
    draft = room.desk.draft(country)
    out = []
    for spec in levers_for(country):
        entry: dict[str, Any] = {
            "name": spec.name, "label": lever_label(spec.name), "kind": spec.kind,
            "unit": t(spec.unit), "tab": spec.tab, "low": spec.low, "high": spec.high,
            "cost_per_unit": float(spec.cost_per_unit.get(country, 0.0)),
            "delay_months": int(spec.delay_months.get(country, 0)),
            "start": _plain(start.value(country, spec.name)),
            "value": _plain(policy.value(country, spec.name)),
            "drafted": spec.name in draft,
        }
        if spec.choices:
            entry["choices"] = [{"value": c, "label": choice_label(c)} for c in spec.choices]
        out.append(entry)
    return out


def objective_view(state: ObjectiveState) -> dict[str, Any]:
    """One objective: its text, whether it is met, whether it is the team's secret."""
    return {"id": state.id, "text": state.text, "met": bool(state.met),
            "secret": state.team is not None, "final": bool(state.final)}


def _who(room: Classroom, country: str) -> str:
    for team in room.teams:
        if team.country == country:
            return t("Team {name}", name=team.name)
    return country_name(country)


def proposal_view(room: Classroom, proposal: Proposal) -> dict[str, Any]:
    """A proposal as the parties see it."""
    return {"id": proposal.id, "kind": proposal.kind, "label": agreement_label(proposal.kind),
            "by": proposal.by, "by_label": _who(room, proposal.by),
            "parties": list(proposal.parties),
            "parties_label": ", ".join(_who(room, c) for c in proposal.parties),
            "terms": {k: v for k, v in proposal.terms.items()},
            "awaiting": list(proposal.awaiting), "status": proposal.status}


def notice_view(notice: Notice) -> dict[str, Any]:
    """A threat aimed at the team or a pledge made to it, with its state, as the desk says it."""
    return {"kind": notice.kind, "by": notice.by, "text": notice.text, "state": notice.state,
            "running": notice.running}


def offers_view(country: str, partners: list[str]) -> list[dict[str, Any]]:
    """The agreements ``country`` may offer, each with its partners and terms (and ranges)."""
    out = []
    for kind, spec in AGREEMENTS.items():
        whom = [p for p in partners if p in spec.acceptors and p != country]
        if country not in spec.proposers or not whom:
            continue
        out.append({"kind": kind, "label": agreement_label(kind), "partners": whom,
                    "terms": [{"name": term.name, "unit": t(term.unit), "low": term.low,
                               "high": term.high, "default": term.default}
                              for term in spec.terms if not term.names]})
    return out


def report_view(room: Classroom, report: TurnReport, country: str) -> dict[str, Any]:
    """The turn's report for one team: headlines with their causes, news, its objectives."""
    return {
        "turn": report.turn, "start": report.start, "end": report.end,
        "headlines": [{"metric": h.metric, "label": h.label, "unit": h.unit, "value": h.value,
                       "change": h.change, "baseline": h.baseline, "good": h.good,
                       "causes": [{"kind": c.kind, "label": c.label, "amount": c.amount}
                                  for c in h.causes]}
                      for h in report.headlines],
        # A level's news event may carry a short article: it follows its headline.
        "news": [f"{item.text} — {item.body}" if item.body else item.text
                 for item in report.news],
        # Never ``report.objectives``: it holds every team's hidden objectives.
        "objectives": [objective_view(o) for o in room.objectives_for(country)],
        "notes": list(room.notes),
    }


def forecast_view(bands: Mapping[str, tuple[float, float, float]]) -> list[dict[str, Any]]:
    """The advisors' 10/50/90% range per metric, labelled."""
    out = []
    for m, (lo, mid, hi) in bands.items():
        spec = METRICS.get(m)
        out.append({"metric": m, "label": t(spec.label or spec.description) if spec else m,
                    "unit": t(spec.unit) if spec else "", "p10": lo, "p50": mid, "p90": hi})
    return out
