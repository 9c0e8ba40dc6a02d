"""The class debrief: one timeline, scores against the status quo, agreements, causes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.play.classroom.projector import standing_metric
from game.play.classroom.room import Classroom
from game.play.classroom.setup import Team
from game.play.decisions import (
    TEACHER,
    agreement_label,
    country_name,
    lever_label,
)
from game.play.report import CAUSE_METRICS, Cause, metric_label
from game.sim.policy import month_label

if TYPE_CHECKING:
    from game.play.report import ObjectiveState
    from game.play.stories import Epilogue


@dataclass(frozen=True)
class ClassTimelineEntry:
    """One decision on the class timeline."""

    turn: int
    month: str
    country: str
    #: The team's name, "computer" for an AI-led country, "teacher" for injected events.
    who: str
    text: str
    decision: dict[str, Any]


@dataclass(frozen=True)
class ScoreLine:
    """A score over the session against the status-quo baseline."""

    metric: str
    label: str
    country: str | None
    values: tuple[float, ...]
    baseline: tuple[float, ...]

    @property
    def final(self) -> float:
        """The score in the last turn played."""
        return self.values[-1] if self.values else math.nan

    @property
    def final_baseline(self) -> float:
        """The status quo's score in the last turn played."""
        return self.baseline[-1] if self.baseline else math.nan

    @property
    def difference(self) -> float:
        """Final score minus the status quo's."""
        return self.final - self.final_baseline


@dataclass(frozen=True)
class AgreementLine:
    """A proposal or threat and what became of it."""

    id: int
    kind: str
    label: str
    parties: tuple[str, ...]
    by: str
    turn: int
    terms: dict[str, Any]
    #: pending, accepted, rejected, countered, withdrawn; for threats met, lifted, carried_out.
    status: str
    #: For accepted agreements: active, withdrawn or broken (and by whom, when).
    outcome: str = ""
    ended_by: str = ""
    ended_turn: int | None = None
    counter_of: int | None = None


@dataclass(frozen=True)
class CauseLine:
    """One of the biggest changes of the session and the parts it is made of."""

    turn: int
    month: str
    metric: str
    label: str
    change: float
    #: (label, amount), largest first; team decisions are labelled with the team's name.
    parts: tuple[tuple[str, float], ...]
    #: The kind of each part, in the report's vocabulary (:class:`~game.play.report.Cause`):
    #: player (a team), partner (the computer), together, event, season, chance or lagged.
    kinds: tuple[str, ...] = ()

    @property
    def against_status_quo(self) -> bool:
        """True for the first turn: the change is measured against the status quo."""
        return self.turn == 1


@dataclass(frozen=True)
class ClassDebrief:
    """The class's end of session: timeline, scores, agreements, relations, causes."""

    level_id: str
    title: str
    seed: int
    teams: tuple[Team, ...]
    months: tuple[str, ...]
    turns_played: int
    turns: int
    ended_early: bool
    timeline: tuple[ClassTimelineEntry, ...]
    scores: tuple[ScoreLine, ...]
    standings: tuple[ScoreLine, ...]
    agreements: tuple[AgreementLine, ...]
    relations: dict[str, tuple[float, ...]]
    causes: tuple[CauseLine, ...]
    objectives: dict[str, tuple[ObjectiveState, ...]]
    stars: dict[str, tuple[int, int]]
    questions: tuple[str, ...]
    sources: tuple[str, ...]
    history: dict[str, list[float]]
    baseline: dict[str, list[float]]
    teacher_log: tuple[dict[str, Any], ...] = ()
    #: The class and period the teacher typed at set-up ("" for none).
    label: str = ""
    #: The level's own number of turns (more than ``turns`` when the lesson was shortened).
    level_turns: int = 0

    #: What really happened, when the level tells it.
    epilogue: Epilogue | None = None

    @property
    def played_text(self) -> str:
        """"3 of 3 turns played", and why when the lesson was shorter than the level."""
        text = t("{n} of {m} turns played", n=self.turns_played, m=self.turns)
        if self.level_turns > self.turns:
            text += " · " + t("a {n}-turn lesson of the level's {m}: objectives for a later "
                              "turn were judged at its end", n=self.turns, m=self.level_turns)
        return text

    def team_name(self, country: str) -> str:
        """The team leading ``country``, or the country's name (computer-led)."""
        for tm in self.teams:
            if tm.country == country:
                return tm.name
        return country_name(country)


def _who(room: Classroom, entry: Mapping[str, Any]) -> str:
    country = str(entry.get("country", ""))
    if country == TEACHER or entry.get("type") == "inject_event":
        return t("teacher")
    if entry.get("by") == "ai" or country not in {tm.country for tm in room.teams}:
        return t("computer")
    return room.team(country).name


def class_timeline(room: Classroom) -> tuple[ClassTimelineEntry, ...]:
    """Every decision of the session, team by team, on one timeline."""
    out = []
    session = room.session
    for entry in session.debrief().timeline:
        out.append(ClassTimelineEntry(entry.turn, entry.month, entry.country,
                                      _who(room, entry.decision), entry.text,
                                      dict(entry.decision)))
    for turn, country, text in room.pledge_log:
        if turn > len(session.reports):
            continue  # a pledge of the turn still being decided
        month = month_label(session.scenario.start + (turn - 1) * session.months_per_turn)
        who = _who(room, {"country": country})
        out.append(ClassTimelineEntry(turn, month, country, who, text,
                                      {"type": "pledge", "country": country, "text": text}))
    return tuple(sorted(out, key=lambda e: e.turn))


def class_agreements(room: Classroom) -> tuple[AgreementLine, ...]:
    """Every proposal and threat of the session, with its fate (broken promises included)."""
    table = room.session.table
    pacts = {p.proposal_id: p for p in table.pacts}
    out = []
    for p in table.proposals:
        pact = pacts.get(p.id)
        out.append(AgreementLine(
            id=p.id, kind=p.kind, label=agreement_label(p.kind), parties=tuple(p.parties),
            by=p.by, turn=p.turn, terms=dict(p.terms), status=p.status,
            outcome=pact.status if pact else "", ended_by=pact.ended_by if pact else "",
            ended_turn=pact.ended_turn if pact else None, counter_of=p.counter_of,
        ))
    for i, th in enumerate(table.threats):
        out.append(AgreementLine(
            id=-(i + 1), kind="tariff_threat", label=agreement_label("tariff_threat"),
            parties=(th.by, th.target), by=th.by, turn=th.turn,
            terms={"rate": th.rate, "target_reduction": th.target_reduction,
                   "deadline_months": th.deadline_month - th.month}, status=th.status,
        ))
    for pledge in room.pledges:
        status = pledge.status if pledge.status in ("pending", "rejected", "withdrawn") \
            else "accepted"
        outcome = {"broken": "broken", "kept": "kept", "accepted": "active"}.get(
            pledge.status, "")
        out.append(AgreementLine(
            id=1000 + pledge.id, kind="pledge", label=t("pledge of {lever}",
                                                        lever=lever_label(pledge.lever)),
            parties=(pledge.by, pledge.to), by=pledge.by, turn=pledge.turn,
            terms={"lever": pledge.lever, "amount": pledge.amount, "turns": pledge.turns},
            status=status, outcome=outcome,
            ended_by=pledge.by if pledge.status == "broken" else "",
            ended_turn=pledge.ended_turn if pledge.status == "broken" else None))
    return tuple(sorted(out, key=lambda a: (a.turn, abs(a.id))))


def class_causes(room: Classroom, limit: int = 6) -> tuple[CauseLine, ...]:
    """The session's biggest turn-on-turn changes, each split into causes by team.

    The causes are those the session stored when each turn resolved (the model's
    counterfactual worlds, run with shared noise before the turn): a country's decisions are
    added up into one part named after its team (or "Mexico (computer)"), beside events,
    season, chance, decisions acting together, and earlier decisions and trends. Nothing is
    replayed, so the debrief opens at once however long the session was.
    """
    teams = {tm.country: tm.name for tm in room.teams}
    out: list[CauseLine] = []
    for report in room.session.reports:
        for metric in CAUSE_METRICS:
            rows = report.causes.get(metric, ())
            if not report.previous:
                # The first turn has no "last turn": its decisions are measured against the
                # status quo instead (the same start, the same events, the starting policy).
                rows = tuple(c for c in rows if c.kind in DECIDED)
                change = float(sum(c.amount for c in rows))
            else:
                change = report.metrics.get(metric, 0.0) - report.previous.get(metric, 0.0)
            parts = _parts_by_country(rows, teams)
            if parts:
                out.append(CauseLine(report.turn, report.start, metric, metric_label(metric),
                                     change, tuple((label, amount) for label, amount, _ in parts),
                                     tuple(kind for _, _, kind in parts)))

    def size(line: CauseLine) -> float:
        # Changes the teams made count twice: the debrief is about their choices.
        values = room.session.history(line.metric)
        scale = max((abs(v) for v in values if math.isfinite(v)), default=0.0) or 1.0
        decided = sum(abs(a) for (_, a), kind in zip(line.parts, line.kinds, strict=True)
                      if kind in DECIDED)
        return (abs(line.change) + decided) / scale

    def decided(line: CauseLine) -> float:
        values = room.session.history(line.metric)
        scale = max((abs(v) for v in values if math.isfinite(v)), default=0.0) or 1.0
        return sum(abs(a) for (_, a), kind in zip(line.parts, line.kinds, strict=True)
                   if kind in DECIDED) / scale

    usable = [c for c in out if c.change and math.isfinite(c.change)]
    # Half the list goes to the changes the teams' decisions drove most, the rest to the
    # biggest changes whatever their cause; shown in the order they happened.
    chosen = sorted((c for c in usable if decided(c) > 0), key=decided,
                    reverse=True)[:limit // 2]
    for line in sorted(usable, key=size, reverse=True):
        if len(chosen) >= limit:
            break
        if line not in chosen:
            chosen.append(line)
    return tuple(sorted(chosen, key=lambda c: (c.turn, -size(c))))


#: Cause kinds that are decisions: a team's, a computer-led country's, or several together.
DECIDED = ("player", "partner", "together")


def _parts_by_country(rows: Sequence[Cause], teams: Mapping[str, str]
                      ) -> list[tuple[str, float, str]]:
    """(label, amount, kind) with each country's decisions added up, largest first."""
    totals: dict[str, tuple[str, float, str]] = {}
    for cause in rows:
        if cause.kind in ("player", "partner") and cause.country:
            name = teams.get(cause.country)
            label = t("Team {name}", name=name) if name else t(
                "{country} (computer)", country=country_name(cause.country))
            key = f"country:{cause.country}"
        else:
            label, key = cause.label, f"{cause.kind}:{cause.label}"
        _, amount, _ = totals.get(key, (label, 0.0, cause.kind))
        totals[key] = (label, amount + cause.amount, cause.kind)
    return sorted((p for p in totals.values() if abs(p[1]) > 1e-9), key=lambda p: -abs(p[1]))


def class_debrief(room: Classroom, causes: bool = True) -> ClassDebrief:
    """Everything the class debrief shows and the report folder holds."""
    session = room.session
    debrief = session.debrief()
    scores = [ScoreLine("humanitarian_score", metric_label("humanitarian_score"), None,
                        tuple(debrief.history.get("humanitarian_score", [])),
                        tuple(debrief.baseline.get("humanitarian_score", [])))]
    standings = []
    for team in room.teams:
        metric = f"political_score_{team.country.lower()}"
        if metric in debrief.history:
            scores.append(ScoreLine(metric, metric_label(metric), team.country,
                                    tuple(debrief.history[metric]),
                                    tuple(debrief.baseline.get(metric, []))))
        standing = standing_metric(team.country)
        if standing in debrief.history:
            standings.append(ScoreLine(standing, metric_label(standing), team.country,
                                       tuple(debrief.history[standing]),
                                       tuple(debrief.baseline.get(standing, []))))
    relations: dict[str, tuple[float, ...]] = {m: tuple(debrief.history[m]) for m in
                 ("relations_us_mx", "relations_us_ca", "relations_mx_ca")
                 if m in debrief.history}
    reveal = room.level.classroom is None or room.level.classroom.reveal_hidden_objectives
    objectives = {tm.country: session.objectives(
        tm.country, hidden=room.settings.hidden_objectives and reveal) for tm in room.teams}
    stars = {}
    for tm in room.teams:
        shown = objectives[tm.country]
        stars[tm.country] = (sum(o.stars for o in shown if o.met), sum(o.stars for o in shown))
    return ClassDebrief(
        level_id=session.view.id, title=session.view.title, seed=session.seed,
        teams=room.teams, months=debrief.months, turns_played=len(session.reports),
        turns=session.turns, ended_early=room.ended_early and not session.finished,
        timeline=class_timeline(room), scores=tuple(scores), standings=tuple(standings),
        agreements=class_agreements(room), relations=relations,
        causes=class_causes(room) if causes else (), objectives=objectives, stars=stars,
        questions=debrief.questions, sources=debrief.sources, epilogue=debrief.epilogue,
        history={k: list(v) for k, v in debrief.history.items()},
        baseline={k: list(v) for k, v in debrief.baseline.items()},
        teacher_log=tuple(room.teacher_log), label=room.settings.label,
        level_turns=room.level.turns,
    )
