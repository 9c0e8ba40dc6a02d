"""A level's own clock: agreements that come into force or end mid-level, and what objectives read.

A level may declare an agreement with ``starts:`` and/or ``ends:`` (a turn, or a condition
checked at a turn's end, :class:`~game.content.models.conditions.AgreementTiming`). The
:class:`AgreementClock` keeps which of them are waiting, in force or over, changes the table's
policy at the start of the turn they are due, and tells the players in that turn's news. The
status quo follows the level's own changes (they are the situation, not the players' doing), so
objectives judged against it credit the players only for what they did.

The clock also notes which agreements were in force in each turn, for objectives on agreements;
:func:`objective_series` gathers what any objective is judged on from the turn reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.content.models.conditions import Condition, Moment
from game.i18n import t
from game.play.countries import country_list
from game.play.decisions import Pact, Table, agreement_label, heading
from game.play.levelview import text_of
from game.play.news import NewsItem
from game.sim.policy import Agreement, Policy

if TYPE_CHECKING:
    from game.content import Level
    from game.content.models.objectives import Objective
    from game.play.report import TurnReport
    from game.sim import Simulation


@dataclass
class TimedAgreement:
    """One agreement of the level with a start or an end of its own."""

    agreement: Agreement
    start_turn: int | None
    start_when: Condition | None
    end_turn: int | None
    end_when: Condition | None
    start_news: str
    end_news: str
    #: waiting → in_force → ended (an agreement without ``starts`` begins in force).
    state: str = "waiting"
    #: The turn at whose start the next change is due (set when its condition held).
    due: int | None = None


def moment(turn: int, first_month: int, months: int, metrics: Mapping[str, float],
           start: Mapping[str, float] | None, baseline: Mapping[str, float]) -> Moment:
    """The end of turn ``turn`` as conditions see it (``start``: the first turn's metrics)."""
    return Moment(turn, first_month, first_month + months - 1, metrics,
                  metrics if start is None else start, baseline)


class AgreementClock:
    """The level's agreements that start or end mid-level, and what was in force each turn."""

    def __init__(self, level: Level, baseline_policy: Policy) -> None:
        self.timed: list[TimedAgreement] = []
        for country, setup in level.country_setups().items():
            for entry in setup.agreements:
                if entry.starts is None and entry.ends is None:
                    continue
                starts, ends = entry.starts, entry.ends
                self.timed.append(TimedAgreement(
                    Agreement(entry.kind, entry.parties(country), entry.term_values()),
                    starts.turn if starts else None, starts.when if starts else None,
                    ends.turn if ends else None, ends.when if ends else None,
                    text_of(starts.news) if starts else "", text_of(ends.news) if ends else "",
                    state="waiting" if starts else "in_force"))
        self.baseline_policy = baseline_policy
        #: The agreements in force in each turn played, as (kind, parties).
        self.history: list[frozenset[tuple[str, frozenset[str]]]] = []
        self._news: dict[int, list[NewsItem]] = {}

    def note(self, policy: Policy) -> None:
        """Remember the agreements in force in the turn about to run under ``policy``."""
        self.history.append(frozenset((a.kind, frozenset(a.parties))
                                      for a in policy.agreements))

    def in_force(self, kind: str, between: Sequence[str] | None) -> list[bool]:
        """Whether an agreement of ``kind`` (between these parties, if given) ran each turn."""
        wanted = set(between or ())
        return [any(k == kind and wanted <= parties for k, parties in turn)
                for turn in self.history]

    def check(self, now: Moment) -> None:
        """At a turn's end: changes whose condition holds are due at the next turn's start."""
        for item in self.timed:
            if item.due is not None:
                continue
            when = item.start_when if item.state == "waiting" else (
                item.end_when if item.state == "in_force" else None)
            if when is not None and when.check(now):
                item.due = now.turn + 1

    def apply(self, table: Table, sim: Simulation) -> None:
        """At a turn's start: bring into force or end what is due, and write the news."""
        turn, changed = table.turn, False
        for item in self.timed:
            if item.state == "waiting" and turn in (item.start_turn, item.due):
                item.state, item.due, changed = "in_force", None, True
                self._start(table, item.agreement)
                self._tell(turn, item, "start")
            if item.state == "in_force" and turn in (item.end_turn, item.due):
                item.state, item.due, changed = "ended", None, True
                # Players may have ended it already: then there is nothing to tell.
                if any(_same(a, item.agreement) for a in table.policy.agreements):
                    self._tell(turn, item, "end")
                self._end(table, item.agreement)
        if changed:  # untouched otherwise: a level without timed agreements runs as before
            sim.set_baseline_policy(self.baseline_policy)

    def news(self, turn: int) -> list[NewsItem]:
        """The headlines of the agreements that started or ended at the start of ``turn``."""
        return list(self._news.get(turn, ()))

    def _start(self, table: Table, agreement: Agreement) -> None:
        table.policy = table.policy.with_agreement(agreement)
        self.baseline_policy = self.baseline_policy.with_agreement(agreement)
        same = [p for p in table.active_pacts() if _same(p.agreement, agreement)]
        if not same:
            table.pacts.append(Pact(0, agreement, table.turn))

    def _end(self, table: Table, agreement: Agreement) -> None:
        table.policy = table.policy.without_agreement(agreement.kind, agreement.parties)
        self.baseline_policy = self.baseline_policy.without_agreement(agreement.kind,
                                                                      agreement.parties)
        for pact in table.active_pacts():
            if _same(pact.agreement, agreement):
                pact.status, pact.ended_turn = "withdrawn", table.turn

    def _tell(self, turn: int, item: TimedAgreement, what: str) -> None:
        text = item.start_news if what == "start" else item.end_news
        if not text:
            kind = item.agreement.kind
            names = country_list(item.agreement.parties)
            label = heading(agreement_label(kind))
            text = (t("Now in force: {label} ({names})", label=label, names=names)
                    if what == "start" else
                    t("No longer in force: {label} ({names})", label=label, names=names))
        self._news.setdefault(turn, []).append(NewsItem("agreement", text))


def _same(a: Agreement, b: Agreement) -> bool:
    return a.kind == b.kind and set(a.parties) == set(b.parties)


def objective_series(objective: Objective, reports: Sequence[TurnReport],
                     clock: AgreementClock) -> dict[str, Any]:
    """What ``objective`` is judged on, turn by turn: its metric (and whole), or an agreement."""
    if objective.agreement is not None:
        return {"values": [], "baseline": [],
                "in_force": clock.in_force(objective.agreement, objective.between)}
    metric = objective.metric or ""
    out: dict[str, Any] = {
        "values": [r.metrics.get(metric, 0.0) for r in reports],
        "baseline": [r.baseline.get(metric, 0.0) for r in reports]}
    whole = objective.whole()
    if whole:
        out["whole"] = [sum(r.metrics.get(m, 0.0) for m in whole) for r in reports]
        out["baseline_whole"] = [sum(r.baseline.get(m, 0.0) for m in whole) for r in reports]
    return out
