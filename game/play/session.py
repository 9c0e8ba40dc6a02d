"""One game of one level: roles, turn phases, decisions, agreements, events, reports (§5).

A :class:`Session` runs a :class:`~game.content.Level` turn by turn::

    session = Session(level)                 # players as the level says; AI leads the rest
    session.submit(SetLever("MX", "border_agents", 6000))   # DecisionRejected if illegal
    report = session.end_turn()              # AI decides, the sim runs months_per_turn months
    session.next_turn()                      # report → decide (or → debrief at the end)
    debrief = session.debrief()

Phases: ``briefing → decide → resolve → report → decide … → debrief``. Every decision (human,
AI or teacher) is logged as a dict; at every turn end the session appends a
:class:`~game.play.record.TurnRecord` to :attr:`Session.record` and calls :attr:`on_turn_end`
(the autosave hook). :meth:`Session.from_record` rebuilds a game by replaying the recorded
decisions with the AI switched off, so saves, replays and branches reach the same state hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np

from game.i18n import t, ts
from game.play.ai import AIChoice, Leader, Situation, leader_rng
from game.play.countries import subject
from game.play.decisions import (
    TEACHER,
    AnswerProposal,
    Decision,
    DecisionRejected,
    InjectEvent,
    Pact,
    Proposal,
    Table,
    Threat,
    decision_from_dict,
    policy_cost,
)
from game.play.explain import causes_of, earlier_changes, explain_turn
from game.play.goals import goal_state
from game.play.levelview import LevelEvent, LevelView
from game.play.news import (
    NewsItem,
    agreement_news,
    decision_news,
    event_news,
    threat_news,
    threshold_news,
)
from game.play.record import GameRecord, TurnRecord, same_numbers
from game.play.report import (
    EXPLAINED_METRICS,
    Cause,
    Debrief,
    ObjectiveState,
    TimelineEntry,
    TurnReport,
    build_headlines,
    headline_metrics,
    lagged_effects,
    split_metrics,
)
from game.play.stories import dominant_outcome
from game.play.timed import AgreementClock, moment, objective_series
from game.play.turndesk import TurnDesk
from game.sim import Noise, Simulation
from game.sim.policy import Agreement, ScheduledEvent, month_label
from game.sim.registry import COUNTRIES, METRICS, TariffState, tariff_target_met

if TYPE_CHECKING:
    from game.content import Level


class Phase(StrEnum):
    """Where a session is in its turn."""

    BRIEFING = "briefing"
    DECIDE = "decide"
    RESOLVE = "resolve"
    REPORT = "report"
    DEBRIEF = "debrief"


@dataclass(frozen=True)
class Role:
    """Who leads a country: a human team, or an AI leader with a personality."""

    country: str
    human: bool
    personality: str = "pragmatist"

    @property
    def label(self) -> str:
        """``human`` or ``ai:<personality>`` (as stored in the game record)."""
        return "human" if self.human else f"ai:{self.personality}"

    @classmethod
    def parse(cls, country: str, label: str) -> Role:
        """The role a record's ``players`` entry describes."""
        if label == "human":
            return cls(country, True)
        _, _, personality = label.partition(":")
        return cls(country, False, personality or "pragmatist")


AutosaveHook = Callable[["Session"], None]

class Session:
    """A game of one level in progress."""

    def __init__(self, level: Level, *, seed: int | None = None,
                 players: Mapping[str, str] | None = None, ai: bool = True, n_worlds: int = 1,
                 source: str | None = None, independent_worlds: bool = False,
                 explain: bool = True, scripts_keep_budget: bool = True,
                 led: Collection[str] | None = None) -> None:
        """Start a level.

        Args:
            level: the validated level.
            seed: replaces the level's seed (same seed and decisions → same game).
            players: country → ``"human"`` or ``"ai:<personality>"``; default from the level.
            ai: False keeps AI countries' levers where the level sets them (``--no-ai``).
            n_worlds: worlds simulated together (``simulate --worlds``); world 0 is shown.
            source: the level file's text, embedded in the game record.
            independent_worlds: give each world its own random draws (Monte Carlo).
            explain: split each headline change into causes (the model's counterfactual
                worlds); ``simulate`` turns it off, it needs only the metrics.
            scripts_keep_budget: False lets scripted decisions (``simulate`` strategies) spend
                beyond the budget, as research runs must; the model charges the overrun to
                approval. People and AI leaders always keep to their budgets.
            led: the countries whose government decides in this game (default: every human
                role, and the AI-led ones when ``ai``). The model answers pressure itself for
                the others, e.g. Mexico's troops under a tariff threat when nobody leads it.
        """
        self.level = level
        self.view = LevelView(level)
        self.seed = int(self.view.seed if seed is None else seed)
        self.ai_enabled = ai
        self.explain_enabled = explain
        self.scripts_keep_budget = scripts_keep_budget
        self._season: dict[str, float] = {}
        self.n_worlds = n_worlds
        self.roles: dict[str, Role] = {}
        for country in self.view.countries:
            label = (players or {}).get(country) or self.view.default_player(country)
            self.roles[country] = Role.parse(country, label)
        self.leaders = {c: Leader(c, r.personality) for c, r in self.roles.items() if not r.human}
        scenario = replace(self.view.scenario(), seed=self.seed, events=())
        # Countries with a leader (a team, or an AI leader when AI is on) act through their
        # levers only; the model answers pressure itself only for countries nobody leads.
        if led is None:
            led = frozenset(c for c, r in self.roles.items() if r.human or ai)
        scenario = replace(scenario, policy=replace(scenario.policy, leaders=frozenset(led)))
        self.scenario = scenario
        budgets = {c: self.view.budget(c, scenario.policy) for c in self.roles}
        # One world sees the level's draws; a batch gets independent draws per world unless
        # asked otherwise (the sim's default), so --worlds gives a spread of outcomes.
        noise = Noise.independent(self.seed) if independent_worlds else None
        self.sim = Simulation(scenario, n_worlds=n_worlds, noise=noise, budgets=budgets)
        self.start_world = self.sim.world  #: before the first turn (frozen: free to keep)
        self.months_per_turn = self.view.months_per_turn
        self.turns = self.view.turns
        self.table = Table(
            turn=1, month=scenario.start, months_per_turn=self.months_per_turn,
            policy=scenario.policy, countries=tuple(self.roles), budgets=budgets,
        )
        for agreement in scenario.policy.agreements:
            self._adopt_starting_agreement(agreement)
        self.clock = AgreementClock(level, scenario.policy)  # the level's timed agreements
        self._turn_start_policy = self.table.policy
        self.phase = Phase.BRIEFING
        self.reports: list[TurnReport] = []
        self.on_turn_end: AutosaveHook | None = None
        #: Why the last autosave failed ("" when it worked); both modes show it.
        self.save_error = ""
        #: The turn being decided: each deciding country's private levers and its commit.
        self.desk = TurnDesk(self)
        #: Turns whose replayed state hash differed from the record (empty when all match).
        self.replay_mismatches: list[int] = []
        self._replaying = False
        self._queued: list[tuple[LevelEvent, str]] = []
        self._fired: set[str] = set()
        self._timeline: list[tuple[int, int, dict[str, Any]]] = []
        #: Each lever decision's effect last turn, to tell what it adds as it keeps arriving.
        self._effects: dict[str, dict[str, float]] = {}
        self._told: list[str] = []
        self._world_history: list[dict[str, list[float]]] = []
        text = source if source is not None else self.view.source()
        self.record = GameRecord(
            level_id=self.view.id, level_hash=hashlib.sha256(text.encode()).hexdigest(),
            level_source=text, seed=self.seed,
            players={c: r.label for c, r in self.roles.items()}, level_title=self.view.title,
        )

    # --- who plays ----------------------------------------------------------------------------

    @property
    def humans(self) -> tuple[str, ...]:
        """Countries led by human teams, in the registry's order."""
        return tuple(c for c in COUNTRIES if c in self.roles and self.roles[c].human)

    @property
    def turn(self) -> int:
        """The turn being decided (1-based; ``turns + 1`` once the level is over)."""
        return self.table.turn

    @property
    def month(self) -> int:
        """The first month of the turn being decided (month index)."""
        return self.table.month

    @property
    def finished(self) -> bool:
        """Whether every turn has been played."""
        return len(self.reports) >= self.turns

    def budget_left(self, country: str) -> float:
        """US$ million left in ``country``'s budget this turn."""
        return self.table.budget_left(country)

    def spending(self, country: str) -> float:
        """US$ million ``country``'s levers cost this turn."""
        return self.table.spending(country)

    def proposals_for(self, country: str) -> list[Proposal]:
        """Proposals waiting for ``country``'s answer."""
        return [p for p in self.table.proposals
                if p.status == "pending" and country in p.awaiting]

    def pending(self, country: str) -> list[Decision]:
        """The decisions ``country`` made this turn, in order."""
        return [decision_from_dict(d) for d in self.table.log if d.get("country") == country]

    # --- phases -------------------------------------------------------------------------------

    def begin_turn(self) -> None:
        """Leave the briefing (or a report) and open the desk for decisions."""
        if self.phase == Phase.DEBRIEF:
            raise DecisionRejected(t("The level is over."))
        if self.phase == Phase.REPORT:
            self.next_turn()
            return
        self.phase = Phase.DECIDE

    def submit(self, decision: Decision, *, scripted: bool = False) -> list[AIChoice]:
        """Apply one decision; returns the AI partners' immediate answers to a proposal.

        Raises:
            DecisionRejected: the choice is illegal (its text is for the player).
        """
        if self.phase not in (Phase.BRIEFING, Phase.DECIDE):
            raise DecisionRejected(t("Decisions are closed until the next turn."))
        self.phase = Phase.DECIDE
        if isinstance(decision, InjectEvent) or decision.country == TEACHER:
            if not isinstance(decision, InjectEvent):
                raise DecisionRejected(t("The teacher can only inject events."))
        elif decision.country not in self.roles:
            raise DecisionRejected(
                ts("{country} does not act in this level.", **subject(decision.country))
            )
        elif not scripted and not self.roles[decision.country].human:
            raise DecisionRejected(
                ts("{country} is led by the computer.", **subject(decision.country))
            )
        self.table.scripted = scripted and not self.scripts_keep_budget
        try:
            decision.apply(self.table)
        finally:
            self.table.scripted = False
        self._log(decision.to_dict())
        return [] if scripted else self._ai_answers()

    def end_turn(self) -> TurnReport:
        """Resolve the turn: the desk's commits apply, AI leaders decide, the sim runs."""
        if self.phase not in (Phase.BRIEFING, Phase.DECIDE):
            raise DecisionRejected(t("This turn has already been resolved."))
        self.desk.apply_commits()
        self.phase = Phase.RESOLVE
        table, months, first = self.table, self.months_per_turn, self.table.month
        if self._ai_on:
            for country, leader in self.leaders.items():
                rng = leader_rng(self.seed, table.turn, country, 1)
                for choice in leader.decide(table, self._situation(), rng):
                    self._log({**choice.decision.to_dict(), "reason": choice.reason, "by": "ai"})
            self._ai_answers()
        news: list[NewsItem] = []
        events = self._events_this_turn(news)
        news.extend(self.clock.news(table.turn))
        # A promise broken at the desk hurts relations from the first month of the turn.
        self._apply_broken_promises(news)
        causes, explained = self._explain(events)
        tariff_before = self._tariff_state()
        self.clock.note(table.policy)
        result = self.sim.advance(table.policy, months, [e for e, _ in events])
        metrics, baseline, worlds, baseline_worlds = split_metrics(result, self.n_worlds)
        self._resolve_threats(tariff_before, metrics, news)
        self._queue_conditional_events(metrics, baseline)
        previous = self.reports[-1].metrics if self.reports else {}
        prev_months = self.reports[-1].months if self.reports else months
        news.extend(decision_news(table.log, self.humans))
        news.extend(self._agreement_news())
        news.extend(threshold_news(metrics, previous, months, prev_months))
        tariff = any(n.kind == "threat" for n in news)
        outcome = dominant_outcome(metrics, previous, baseline, tariff=tariff)
        story = self.view.story(table.turn, outcome, self._told, self.sim.month)
        self._told += [story.id] if story is not None else []
        for entry in table.log:
            self._timeline.append((table.turn, first, entry))
        lagged = lagged_effects([(m, d) for _, m, d in self._timeline],
                                first, first + months - 1, months)
        event_dicts = tuple(self._event_dict(e, how) for e, how in events)
        decisions = tuple({**d, "text": decision_from_dict(d).describe()} for d in table.log)
        self.record.turns.append(TurnRecord(
            turn=table.turn, decisions=[dict(d) for d in table.log],
            events=[dict(e) for e in event_dicts], state_hash=self.state_hash(),
            metrics=dict(metrics), baseline_metrics=dict(baseline),
        ))
        report = TurnReport(
            turn=table.turn, start=month_label(first), end=month_label(first + months - 1),
            months=months, metrics=metrics, previous=dict(previous), baseline=baseline,
            headlines=build_headlines(metrics, previous, baseline, causes, headline_metrics(
                self._player(), [o.metric for o in self.objectives(self._player())])),
            news=tuple(news), decisions=decisions, lagged=lagged, story=story,
            objectives=(), events=event_dicts, explained=explained,
            causes={m: tuple(rows) for m, rows in causes.items()}, worlds=worlds,
            baseline_worlds=baseline_worlds,
            finished=table.turn >= self.turns,
        )
        self.reports.append(report)
        report = replace(report, objectives=self.objectives())
        self.reports[-1] = report
        self.phase = Phase.REPORT
        self._prepare_next_turn(metrics)
        if self.on_turn_end is not None and not self._replaying:
            self.on_turn_end(self)
        return report

    def next_turn(self) -> Phase:
        """After the report: open the next turn's desk, or the debrief when the level is over."""
        if self.phase != Phase.REPORT:
            raise DecisionRejected(t("Finish this turn first."))
        self.phase = Phase.DEBRIEF if self.finished else Phase.DECIDE
        return self.phase

    def play_turn(self, decisions: Sequence[Decision] = ()) -> TurnReport:
        """Submit scripted decisions, end the turn and move on (for strategies and autoplay)."""
        for decision in decisions:
            self.submit(decision, scripted=True)
        report = self.end_turn()
        self.next_turn()
        return report

    # --- AI -----------------------------------------------------------------------------------

    @property
    def _ai_on(self) -> bool:
        return self.ai_enabled and not self._replaying

    def _situation(self) -> Situation:
        reports = self.reports
        return Situation(
            turn=self.table.turn,
            metrics=reports[-1].metrics if reports else {},
            previous=reports[-2].metrics if len(reports) > 1 else {},
            reference=reports[0].metrics if reports else {},
        )

    def _ai_answers(self) -> list[AIChoice]:
        """AI partners answer every proposal waiting for them (counters may bounce back)."""
        answers: list[AIChoice] = []
        if not self._ai_on:
            return answers
        # Counter-offers can bounce between partners; each proposal settles in a few answers.
        for round_ in range(64):
            waiting = [(p, c) for p in self.table.proposals if p.status == "pending"
                       for c in p.awaiting if c in self.leaders]
            if not waiting:
                break
            proposal, country = waiting[0]
            rng = leader_rng(self.seed, self.table.turn, country, 10 + proposal.id * 8 + round_)
            choice = self.leaders[country].answer(proposal, self.table, self._situation(), rng)
            try:
                choice.decision.apply(self.table)
            except DecisionRejected:
                # An acceptance the budget cannot carry becomes a refusal, with that reason.
                reason = ts("{country} cannot afford its part", **subject(country))
                fallback = AnswerProposal(country, proposal.id, "reject", reason=reason)
                fallback.apply(self.table)
                choice = AIChoice(fallback, reason)
            self._log({**choice.decision.to_dict(), "by": "ai"})
            answers.append(choice)
        return answers

    # --- events, threats, agreements ----------------------------------------------------------

    def _adopt_starting_agreement(self, agreement: Agreement) -> None:
        if agreement.kind == "tariff_threat":
            deadline = int(round(float(agreement.terms.get("deadline_months", 2))))
            self.table.threats.append(Threat(
                agreement.parties[0], agreement.parties[1] if len(agreement.parties) > 1 else "MX",
                float(agreement.terms.get("rate", 0.05)),
                float(agreement.terms.get("target_reduction", 0.3)), 0, self.table.month,
                self.table.month + deadline, reference=self.view.reference_encounters(),
            ))
        else:
            self.table.pacts.append(Pact(0, agreement, 0))

    def upcoming_events(self) -> list[tuple[ScheduledEvent, str, str]]:
        """The events the turn being decided will run: (event, source, headline).

        The level's scheduled events that fall in the turn, those a condition queued at the last
        turn's end, and those the teacher added; the desk's forecast runs the same list.
        """
        table = self.table
        first, last = table.month, table.month + self.months_per_turn - 1
        out: list[tuple[ScheduledEvent, str, str]] = []
        for event in self.view.events:
            if event.condition is not None:
                continue
            if event.month is not None and first <= event.month <= last:
                out.append((event.scheduled(event.month), "level", event.headline))
        for event, _ in self._queued:
            out.append((event.scheduled(first), "condition", event.headline))
        out.extend((scheduled, "teacher", "") for scheduled in table.injected)
        return out

    def _events_this_turn(self, news: list[NewsItem]) -> list[tuple[ScheduledEvent, str]]:
        out: list[tuple[ScheduledEvent, str]] = []
        for event, source, headline in self.upcoming_events():
            out.append((event, source))
            news.append(event_news(self._event_dict(event, source, headline)))
        self._queued = []
        self._threat_news(news)
        return out

    def _threat_news(self, news: list[NewsItem]) -> None:
        """Threats made this turn; threats resolved in it (the model decides at the deadline)."""
        table = self.table
        for th in table.threats:
            if th.turn == table.turn and th.status == "pending":
                news.append(threat_news("made", th.rate, th.target_reduction,
                                        th.deadline_month - th.month, th.by, th.target))

    def _tariff_state(self) -> TariffState:
        """The model's tariff-threat state in world 0."""
        return TariffState(int(np.asarray(self.sim.world.tariff_state).reshape(-1)[0]))

    def _resolve_threats(self, before: TariffState, metrics: Mapping[str, float],
                         news: list[NewsItem]) -> None:
        """When the model has settled a pending threat, report it and take it off the table."""
        after = self._tariff_state()
        if after not in (TariffState.SETTLED, TariffState.IMPOSED) or before == after:
            return
        table = self.table
        monthly = metrics.get("us_border_encounters", 0.0) / self.months_per_turn
        for th in table.pending_threats():
            th.resolved_turn, th.judged = table.turn, monthly
            base = float(np.asarray(self.sim.world.tariff_base).reshape(-1)[0])
            met = tariff_target_met(monthly, base, th.target_reduction)
            imposed = after == TariffState.IMPOSED
            th.status = "carried_out" if imposed else "met" if met else "lifted"
            what = "passed" if th.status == "lifted" else th.status
            news.append(threat_news(what, th.rate, th.target_reduction, 0, th.by, th.target))
        # In the model the agreement *is* the tariff regime: an imposed tariff lasts while it
        # stays in force (until the US withdraws it); a settled threat is taken off the table.
        if after == TariffState.SETTLED:
            table.policy = table.policy.without_agreement("tariff_threat")

    def _queue_conditional_events(self, metrics: Mapping[str, float],
                                  baseline: Mapping[str, float]) -> None:
        """Events and timed agreements whose condition holds at this turn's end."""
        now = moment(self.table.turn, self.table.month, self.months_per_turn, metrics,
                     self.reports[0].metrics if self.reports else None, baseline)
        self.clock.check(now)
        for event in self.view.events:
            cond = event.condition
            if cond is None or (event.once and event.key in self._fired):
                continue
            if cond.check(now):
                self._fired.add(event.key)
                self._queued.append((event, "condition"))

    def _event_dict(self, event: ScheduledEvent, source: str,
                    headline: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {"kind": event.kind, "month": month_label(event.month),
                               "params": dict(event.params), "source": source}
        if headline:
            out["headline"] = headline
        return out

    def _agreement_news(self) -> list[NewsItem]:
        items = []
        for p in self.table.proposals:
            if p.turn != self.table.turn and p.status == "pending":
                continue
            answered = [c for c, a in p.answers.items() if a in ("reject", "counter")]
            by = answered[0] if answered else p.by
            if p.status == "accepted" and self._settled_now(p):
                items.append(agreement_news(p.kind, p.parties, "accepted", p.by, p.reason,
                                            p.terms))
            elif p.status == "rejected" and self._settled_now(p):
                items.append(agreement_news(p.kind, p.parties, "rejected", by, p.reason))
            elif p.status == "countered" and self._settled_now(p):
                items.append(agreement_news(p.kind, p.parties, "countered", by, p.reason))
            elif p.status == "pending" and p.turn == self.table.turn:
                items.append(agreement_news(p.kind, p.parties, "proposed", p.by))
        return items

    def _settled_now(self, proposal: Proposal) -> bool:
        return any(d.get("type") == "answer_proposal" and d.get("proposal") == proposal.id
                   for d in self.table.log) or (proposal.turn == self.table.turn
                                                and proposal.status == "accepted")

    def _apply_broken_promises(self, news: list[NewsItem]) -> None:
        """Record agreements broken this turn; the partners' relations suffer in the model."""
        for pact in self.table.pacts:
            if pact.status != "broken" or pact.ended_turn != self.table.turn:
                continue
            partners = [p for p in pact.agreement.parties if p != pact.ended_by]
            news.append(agreement_news(pact.agreement.kind, pact.agreement.parties, "broken",
                                       pact.ended_by))
            for partner in partners:
                self.sim.broken_promise(pact.ended_by, partner)

    def _explain(self, events: list[tuple[ScheduledEvent, str]]
                 ) -> tuple[dict[str, list[Cause]], bool]:
        """Causes of this turn's headline changes, from the model, before the turn runs."""
        if not self.explain_enabled:
            return {}, False
        ended = {(p.agreement.kind, frozenset(p.agreement.parties)): p.ended_by
                 for p in self.table.pacts if p.ended_turn == self.table.turn and p.ended_by}
        previous = self.reports[-1].metrics if self.reports else None
        labels = [event_news(self._event_dict(e, how)).text for e, how in events]
        earlier = earlier_changes(self._timeline, self.table.month, self._turn_start_policy,
                                  self.table.policy, self.scenario.policy)
        explanation = explain_turn(self.sim, self._turn_start_policy, self.table.policy,
                                   self.months_per_turn, [e for e, _ in events], previous,
                                   self._season, ended, EXPLAINED_METRICS, labels, earlier,
                                   self._effects)
        self._season = explanation.season_levels
        self._effects = explanation.earlier_effects or {}
        return causes_of(explanation, self.humans), True

    # --- metrics ------------------------------------------------------------------------------

    def _prepare_next_turn(self, metrics: Mapping[str, float]) -> None:
        table = self.table
        table.last_metrics = dict(metrics)
        table.last_metrics["us_border_encounters_monthly"] = (
            metrics.get("us_border_encounters", 0.0) / self.months_per_turn)
        table.turn += 1
        table.month += self.months_per_turn
        self.clock.apply(table, self.sim)
        self._turn_start_policy = table.policy
        table.log = []
        table.injected = []
        # Proposals nobody answered lapse after two turns.
        for p in table.proposals:
            if p.status == "pending" and p.turn < table.turn - 2:
                p.status = "withdrawn"

    def _log(self, entry: dict[str, Any]) -> None:
        self.table.log.append(entry)

    def state_hash(self) -> str:
        """The simulation's state hash (saves and replays compare it)."""
        return str(self.sim.state_hash())

    # --- objectives and the debrief -----------------------------------------------------------

    def history(self, metric: str) -> list[float]:
        """The metric's value in each resolved turn (world 0)."""
        return [r.metrics.get(metric, 0.0) for r in self.reports]

    def baseline_history(self, metric: str) -> list[float]:
        """The metric in the status-quo baseline, each resolved turn."""
        return [r.baseline.get(metric, 0.0) for r in self.reports]

    def objectives(self, team: str | None = None,
                   hidden: bool = True) -> tuple[ObjectiveState, ...]:
        """Objectives as they stand now (final once their turn has passed).

        Args:
            team: only the open objectives and ``team``'s hidden ones (None: every team's).
            hidden: include hidden objectives at all (False: only the open ones).
        """
        out = []
        for owner, objective in self.view.all_objectives:
            if owner is not None and (not hidden or (team is not None and owner != team)):
                continue
            out.append(goal_state(objective, self.view.text(objective.text), owner,
                                  played=len(self.reports),
                                  # A lesson cut short judges later objectives at its end.
                                  judged=min(objective.judged_turn(self.turns), self.turns),
                                  **objective_series(objective, self.reports, self.clock)))
        return tuple(out)

    def _player(self) -> str | None:
        """The team the stars are counted for: the only human country, if there is one."""
        humans = self.humans
        return humans[0] if len(humans) == 1 else None

    def stars(self, team: str | None = None) -> int:
        """Stars earned by ``team`` (open objectives plus its hidden ones; None: open only)."""
        return sum(o.stars for o in self.objectives(team, hidden=team is not None) if o.met)

    def max_stars(self, team: str | None = None) -> int:
        """Stars on offer to ``team`` (open objectives plus its hidden ones)."""
        return sum(o.stars for o in self.objectives(team, hidden=team is not None))

    def won(self, team: str | None = None) -> bool:
        """Whether ``team`` won: half the stars on offer, rounded up (a pass mark)."""
        return self.stars(team) >= self.view.stars_to_win(self.max_stars(team))

    def debrief(self) -> Debrief:
        """The end-of-level data: history, baseline, timeline, objectives, stars, sources."""
        names = list(METRICS)
        history = {n: self.history(n) for n in names}
        baseline = {n: self.baseline_history(n) for n in names}
        timeline = tuple(
            TimelineEntry(turn, month_label(month), str(d.get("country", "")),
                          decision_from_dict(d).describe(), dict(d))
            for turn, month, d in self._timeline
        )
        observed = {m: history.get(m, []) for m in ("us_border_encounters", "irregular_entries_us",
                                                   "mx_apprehensions", "deaths_in_transit")}
        months = tuple(month_label(self.scenario.start + i * self.months_per_turn)
                       for i in range(len(self.reports)))
        player = self._player()
        return Debrief(
            level_id=self.view.id, title=self.view.title, turns=len(self.reports),
            months=months, history=history, baseline=baseline, timeline=timeline,
            objectives=self.objectives(), stars=self.stars(player),
            max_stars=self.max_stars(player), observed_vs_true=observed,
            questions=self.view.questions(), sources=self.view.sources(), won=self.won(player),
            teams={c: {"stars": self.stars(c), "max_stars": self.max_stars(c), "won": self.won(c)}
                   for c in self.humans},
            last_month=month_label(self.scenario.start
                                   + len(self.reports) * self.months_per_turn - 1),
            epilogue=self.view.epilogue(),
        )

    # --- saves --------------------------------------------------------------------------------

    @classmethod
    def from_record(cls, record: GameRecord, upto_turn: int | None = None,
                    level: Level | None = None) -> Session:
        """Rebuild a game by replaying its recorded decisions (the AI is not asked again).

        Turns whose numbers differ from the record are listed in ``replay_mismatches`` (not
        those that differ only in the last bits, as on another processor: ``same_numbers``).
        """
        if level is None:
            level = LevelView.parse(record.level_source)
        session = cls(level, seed=record.seed, players=record.players,
                      source=record.level_source)
        session.record = replace(record, turns=[])
        session._replaying = True
        last = record.turn if upto_turn is None else min(upto_turn, record.turn)
        try:
            for turn in record.turns[:last]:
                session.phase = Phase.DECIDE
                for entry in turn.decisions:
                    # Recorded decisions were legal when made (scripted ones may have gone
                    # over the budget): replay them as they were.
                    session.table.scripted = True
                    try:
                        decision_from_dict(entry).apply(session.table)
                    finally:
                        session.table.scripted = False
                    session._log(dict(entry))
                session.end_turn()
                if (turn.state_hash and session.state_hash() != turn.state_hash
                        and not same_numbers(turn.metrics, session.record.turns[-1].metrics)):
                    session.replay_mismatches.append(turn.turn)
                session.next_turn()
        finally:
            session._replaying = False
        if session.phase == Phase.BRIEFING and last:
            session.phase = Phase.DECIDE
        return session

    def costs(self, country: str) -> float:
        """Per-turn cost of ``country``'s levers under the current plan (US$M)."""
        return policy_cost(self.table.policy, country, self.months_per_turn)
