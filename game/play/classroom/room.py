"""The class in session: whose turn at the desk, decisions, commits, the teacher, saves.

A :class:`Classroom` is a mode of one :class:`~game.play.session.Session` and its turn desk
(:mod:`game.play.turndesk`): the drafts are the desk's, private to each team; the class adds
the order, the hand-over, the pledges, the timer and the teacher's panel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import format_number, t, ts
from game.play.ai import AIChoice
from game.play.classroom.pledges import (
    PLEDGE_MAX_TURNS,
    Pledge,
    at_least,
    pledge_amount_text,
    pledge_levers,
    pledged_total,
)
from game.play.classroom.rounds import RoundClock, SharedRounds
from game.play.classroom.setup import (
    CLASSROOM_FORMAT,
    ClassroomError,
    ClassSettings,
    TeacherEvent,
    Team,
    check_settings,
    pin_hash,
)
from game.play.classroom.teacher import check_not_twice
from game.play.decisions import (
    TEACHER,
    AnswerProposal,
    Decision,
    DecisionRejected,
    InjectEvent,
    Pact,
    Proposal,
    ProposeAgreement,
    SetLever,
    ThreatenTariff,
    WithdrawAgreement,
    country_name,
    country_phrase,
    country_subject,
    decision_from_dict,
    lever_label,
    plural_subject,
)
from game.play.levelview import LevelView
from game.play.record import GameRecord
from game.play.saves import SaveError
from game.play.session import Phase, Session
from game.play.turndesk import TurnDesk
from game.sim.policy import LeverValue
from game.sim.registry import LEVERS

if TYPE_CHECKING:
    from game.content import Level
    from game.play.report import ObjectiveState, TurnReport


@dataclass(frozen=True)
class TeamView:
    """What the team at the desk sees: its own draft and the diplomacy addressed to it."""

    team: Team
    #: Lever values as they stood at the start of the turn, with this team's draft applied.
    levers: dict[str, LeverValue]
    #: The team's own draft changes this turn.
    draft: dict[str, LeverValue]
    #: Proposals waiting for this team's answer.
    inbox: tuple[Proposal, ...]
    #: Proposals this team made that wait for others.
    outbox: tuple[Proposal, ...]
    #: Agreements in force that this team is party to.
    pacts: tuple[Pact, ...]
    #: Objectives this team sees (the open ones and, if enabled, its hidden ones).
    objectives: tuple[ObjectiveState, ...]


SaveHook = Callable[[GameRecord], object]


class Classroom(SharedRounds):
    """A hot-seat classroom session over one :class:`Session`."""

    def __init__(self, level: Level, settings: ClassSettings, *, seed: int | None = None,
                 source: str | None = None, session: Session | None = None,
                 on_save: SaveHook | None = None) -> None:
        """Set the class up (raises :class:`ClassroomError` for a set-up that cannot run).

        Args:
            level: a level with a ``classroom`` section (any level with playable countries
                works; the section sets the team limits).
            settings: the teams and options the teacher chose.
            seed: replaces the level's seed (classes compared must use the same one).
            source: the level file's text, embedded in the record.
            session: an existing session to wrap (used by :func:`resume_classroom`).
            on_save: called with the record after every commit and resolved turn.
        """
        check_settings(level, settings)
        self.level = level
        self.settings = settings
        self.teams: tuple[Team, ...] = settings.teams
        humans = {tm.country for tm in self.teams}
        if session is None:
            view = LevelView(level)
            players = {c: "human" if c in humans else f"ai:{view.personality(c)}"
                       for c in view.countries}
            session = Session(level, seed=seed, players=players, source=source)
        self.session = session
        if settings.turns is not None and settings.turns < session.turns:
            # The lesson ends after the teacher's last turn: the session finishes there, and
            # objectives set for a later turn are judged at that end (Session.objectives).
            session.turns = settings.turns
        self.on_save = on_save
        self.session.on_turn_end = self._turn_ended
        self._pin_hash = pin_hash(settings.pin)
        #: Team countries in the order they decide this turn.
        self.order: list[str] = self._order_for(self.session.turn)
        self.paused = False
        self.scores_revealed = False
        self.ended_early = False
        #: Seconds left for the team at the desk (None: untimed).
        self.time_left: float | None = self._full_time()
        #: What the teacher did (pause, extend, reveal, end), for the debrief and the record.
        self.teacher_log: list[dict[str, Any]] = []
        #: Notes for the class after a turn (a change that could no longer be afforded).
        self.notes: list[str] = []
        #: Pledges between teams (aid and own spending), with their fate.
        self.pledges: list[Pledge] = []
        #: Pledge events for the timeline: (turn, country, text).
        self.pledge_log: list[tuple[int, str, str]] = []
        #: The class briefing and the negotiation rounds (the projector's countdown).
        self.rounds = RoundClock(settings.timing, log=self._teacher)
        self._sync_record()

    # --- who is at the desk ---------------------------------------------------------------------

    def _order_for(self, turn: int) -> list[str]:
        countries = [tm.country for tm in self.teams]
        if self.settings.rotate and countries:
            k = (turn - 1) % len(countries)
            countries = countries[k:] + countries[:k]
        return countries

    def team(self, country: str) -> Team:
        """The team leading ``country``."""
        for tm in self.teams:
            if tm.country == country:
                return tm
        raise DecisionRejected(t("No team leads {country}.",
                                 country=country_name(country, article=True)))

    @property
    def desk(self) -> TurnDesk:
        """The session's turn desk, which keeps each team's draft private until the turn ends."""
        return self.session.desk

    @property
    def committed(self) -> list[str]:
        """The teams' countries that have committed this turn, in order."""
        return self.session.desk.committed

    @property
    def current(self) -> Team | None:
        """The team at the desk (None once every team has committed)."""
        for country in self.order:
            if country not in self.committed:
                return self.team(country)
        return None

    @property
    def previous(self) -> Team | None:
        """The team that committed last this turn (None at the start of a turn)."""
        return self.team(self.committed[-1]) if self.committed else None

    @property
    def ready(self) -> bool:
        """Whether every team has committed and the turn can be resolved."""
        return self.current is None

    @property
    def turn(self) -> int:
        """The turn being decided (1-based)."""
        return min(self.session.turn, self.session.turns)

    @property
    def finished(self) -> bool:
        """Whether the session is over: every turn played, or ended by the teacher."""
        return self.session.finished or self.ended_early

    def hand_over_text(self) -> str:
        """"Pass to Team Jaguars (Mexico)" for the hand-over screen."""
        team = self.current
        if team is None:
            return t("Every team has decided: show the class what happens.")
        return t("Pass to {team}", team=team.label)

    # --- decisions ------------------------------------------------------------------------------

    def _check_turn(self, country: str) -> None:
        if self.finished:
            raise DecisionRejected(t("The session is over."))
        if self.paused:
            raise DecisionRejected(t("The teacher has paused the session."))
        if self.settings.simultaneous:
            self.team(country)
            if country in self.committed:
                raise DecisionRejected(t("{country} has already committed this turn.",
                                         country=country_subject(country)))
            return
        team = self.current
        if team is None or team.country != country:
            raise DecisionRejected(ts("{country} is not at the desk now: wait for its turn.",
                                      plural_subject(country), country=country_subject(country)))

    def set_lever(self, country: str, lever: str, value: Any) -> None:
        """Put a lever change in the team's private draft (DecisionRejected if illegal)."""
        self._check_turn(country)
        for pledge in self.pledges:
            if (pledge.by == country and pledge.lever == lever
                    and pledge.active(self.session.turn)
                    and not isinstance(value, str) and pledged_total(value) < pledge.amount - 1e-9):
                raise DecisionRejected(t(
                    "Your team pledged at least {amount} to {to}: leave the pledge first (a "
                    "broken promise) to go lower.", amount=pledge_amount_text(pledge),
                    to=self._who(pledge.to)))
        self.desk.set_lever(country, lever, value)

    def clear_lever(self, country: str, lever: str) -> None:
        """Take a lever change back out of the team's draft."""
        self._check_turn(country)
        self.desk.clear_lever(country, lever)

    def decide(self, country: str, decision: Decision) -> list[AIChoice]:
        """A team's decision: levers go to its draft, diplomacy to the session at once."""
        if decision.country != country:
            raise DecisionRejected(t("A team decides only for its own country."))
        if isinstance(decision, SetLever):
            self.set_lever(country, decision.lever, decision.value)
            return []
        if isinstance(decision, InjectEvent):
            raise DecisionRejected(t("Only the teacher can inject events."))
        self._check_turn(country)
        return self.session.submit(decision)

    def propose(self, country: str, kind: str, partners: Sequence[str],
                terms: Mapping[str, Any] | None = None) -> list[AIChoice]:
        """Offer an agreement (or, for ``tariff_threat``, make the threat)."""
        if kind == "tariff_threat":
            values = dict(terms or {})
            return self.decide(country, ThreatenTariff(
                country, target=partners[0] if partners else "MX",
                rate=float(values.get("rate", 0.05)),
                target_reduction=float(values.get("target_reduction", 0.3)),
                deadline_months=int(values.get("deadline_months", 2))))
        return self.decide(country, ProposeAgreement(country, kind, tuple(partners),
                                                     dict(terms or {})))

    def answer(self, country: str, proposal: int, answer: str,
               terms: Mapping[str, Any] | None = None, reason: str = "") -> list[AIChoice]:
        """Accept, reject or counter a proposal waiting for this team."""
        return self.decide(country, AnswerProposal(country, proposal, answer,  # type: ignore[arg-type]
                                                   dict(terms or {}), reason))

    def withdraw(self, country: str, kind: str, partners: Sequence[str] = ()) -> list[AIChoice]:
        """Leave an agreement (a broken promise when partners accepted it) or a threat."""
        return self.decide(country, WithdrawAgreement(country, kind, tuple(partners)))

    def _who(self, country: str) -> str:
        for team in self.teams:
            if team.country == country:
                return t("Team {name}", name=team.name)
        return country_name(country)

    def pledge(self, country: str, to: str, lever: str, amount: float,
               turns: int = 2) -> Pledge:
        """Offer a pledge to ``to``: keep ``lever`` at ``amount`` or more for ``turns`` turns."""
        self._check_turn(country)
        if to == country or to not in self.session.roles:
            raise DecisionRejected(t("Choose another country in this level to pledge to."))
        if lever not in pledge_levers(country):
            raise DecisionRejected(ts("{country} cannot pledge {lever}.", plural_subject(country),
                                      country=country_subject(country), lever=lever_label(lever)))
        spec = LEVERS[lever]
        if isinstance(amount, bool) or not isinstance(amount, int | float) or not (
                spec.low <= float(amount) <= spec.high):
            raise DecisionRejected(t("A pledge of {lever} must be between {low} and {high} "
                                     "({unit}).", lever=lever_label(lever),
                                     low=format_number(spec.low), high=format_number(spec.high),
                                     unit=t(spec.unit)))
        if not isinstance(turns, int) or not 1 <= turns <= PLEDGE_MAX_TURNS:
            raise DecisionRejected(t("A pledge lasts 1 to {n} turns.", n=PLEDGE_MAX_TURNS))
        for other in self.pledges:
            if (other.by, other.to, other.lever) == (country, to, lever) and (
                    other.status == "pending" or other.active(self.session.turn)):
                raise DecisionRejected(t("This pledge is already on the table."))
        # The pledge must be affordable now, with the team's draft.
        current = self.desk.table(country).policy.value(country, lever)
        if pledged_total(current) < amount:
            self.desk.table(country, {lever: at_least(current, float(amount))})
        pledge = Pledge(len(self.pledges) + 1, country, to, lever, float(amount), int(turns),
                        self.session.turn)
        self.pledges.append(pledge)
        self.pledge_log.append((self.session.turn, country, pledge.text()))
        if to not in {tm.country for tm in self.teams}:
            # A computer-led government accepts what costs it nothing.
            self._accept_pledge(pledge, to)
        return pledge

    def pledges_for(self, country: str) -> list[Pledge]:
        """Pledges waiting for ``country``'s answer."""
        return [p for p in self.pledges if p.to == country and p.status == "pending"]

    def answer_pledge(self, country: str, pledge_id: int, accept: bool) -> None:
        """Accept or reject a pledge made to this team."""
        self._check_turn(country)
        pledge = self._pledge(pledge_id)
        if pledge.to != country or pledge.status != "pending":
            raise DecisionRejected(t("This pledge does not wait for your answer."))
        if accept:
            self._accept_pledge(pledge, country)
        else:
            pledge.status, pledge.ended_turn = "rejected", self.session.turn
            self.pledge_log.append((self.session.turn, country, ts(
                "{country} turns down the pledge {of_by}", plural_subject(country),
                country=country_subject(country), of_by=country_phrase(pledge.by, "of"))))

    def _accept_pledge(self, pledge: Pledge, country: str) -> None:
        pledge.status, pledge.since = "accepted", self.session.turn
        self.pledge_log.append((self.session.turn, country, ts(
            "{country} accepts the pledge {of_by}", plural_subject(country),
            country=country_subject(country), of_by=country_phrase(pledge.by, "of"))))

    def withdraw_pledge(self, country: str, pledge_id: int) -> None:
        """Withdraw an offered pledge, or leave an accepted one (a broken promise)."""
        self._check_turn(country)
        pledge = self._pledge(pledge_id)
        if pledge.by != country:
            raise DecisionRejected(t("Only the team that pledged can withdraw it."))
        if pledge.status == "pending":
            pledge.status, pledge.ended_turn = "withdrawn", self.session.turn
        elif pledge.active(self.session.turn):
            pledge.status, pledge.ended_turn = "broken", self.session.turn
            pledge.reason = t("left by its maker")
            self.pledge_log.append((self.session.turn, country, ts(
                "{country} breaks its pledge {to_country}", plural_subject(country),
                country=country_subject(country), to_country=country_phrase(pledge.to, "to"))))
        else:
            raise DecisionRejected(t("This pledge is no longer running."))

    def _pledge(self, pledge_id: int) -> Pledge:
        for pledge in self.pledges:
            if pledge.id == pledge_id:
                return pledge
        raise DecisionRejected(t("There is no pledge number {n}.", n=pledge_id))

    def _enforce_pledges(self) -> None:
        """Raise each pledged lever to its pledge (recorded decisions, so replays agree)."""
        turn = self.session.turn
        for pledge in self.pledges:
            if not pledge.active(turn):
                if pledge.status == "accepted" and pledge.since is not None:
                    pledge.status = "kept"
                continue
            value = self.session.table.policy.value(pledge.by, pledge.lever)
            if pledged_total(value) >= pledge.amount - 1e-9:
                continue
            try:
                self.session.submit(SetLever(pledge.by, pledge.lever,
                                             at_least(value, pledge.amount)))
            except DecisionRejected as refusal:
                pledge.status, pledge.ended_turn = "broken", turn
                pledge.reason = str(refusal)
                self.notes.append(t("{team} could not keep its pledge: {why}",
                                    team=self._who(pledge.by), why=str(refusal)))
                self.pledge_log.append((turn, pledge.by, ts(
                    "{country} cannot pay its pledge {to_country}", plural_subject(pledge.by),
                    country=country_subject(pledge.by),
                    to_country=country_phrase(pledge.to, "to"))))

    def commit(self, country: str) -> Team | None:
        """The team is done for this turn; returns the next team (None: all have committed)."""
        self._check_turn(country)
        self.desk.commit(country)
        if not self.settings.simultaneous:
            # Hot-seat: the clock is the team's at the desk; simultaneous: the whole class's.
            self.time_left = self._full_time()
        self._save()
        return self.current

    def reopen(self, country: str) -> None:
        """The teacher lets a team that committed change its decisions again (simultaneous)."""
        self.team(country)
        if country not in self.committed:
            raise DecisionRejected(t("{country} has not committed this turn.",
                                     country=country_subject(country)))
        self.desk.committed.remove(country)
        if not self.settings.simultaneous:
            # Hot-seat: the team at the computer keeps it; the reopened team decides after.
            self.order.remove(country)
            self.order.append(country)
        self._teacher("reopen", country=country)
        self._save()

    def commit_everyone(self, skip: Sequence[str] = ()) -> None:
        """The teacher ends the turn: every team's draft so far is committed (``skip``: none)."""
        for country in [c for c in self.order if c not in self.committed]:
            if country in skip:
                for lever in self.desk.draft(country):
                    self.desk.clear_lever(country, lever)
            try:
                self.desk.commit(country)
            except DecisionRejected:
                # A draft an accepted agreement made unaffordable: the team passes unchanged.
                for lever in self.desk.draft(country):
                    self.desk.clear_lever(country, lever)
                self.desk.commit(country)
        self._teacher("end_turn", skipped=sorted(skip))
        self._save()

    def team_view(self, country: str) -> TeamView:
        """What ``country``'s team may see at its desk (never another team's draft)."""
        team = self.team(country)
        table = self.session.table
        try:
            levers = dict(self.desk.table(country).policy.levers.get(country, {}))
        except DecisionRejected:
            levers = dict(table.policy.levers.get(country, {}))
        inbox = tuple(self.session.proposals_for(country))
        outbox = tuple(p for p in table.proposals if p.status == "pending" and p.by == country)
        return TeamView(team, levers, self.desk.draft(country), inbox, outbox,
                        tuple(table.active_pacts(country)), self.objectives_for(country))

    def objectives_for(self, country: str) -> tuple[ObjectiveState, ...]:
        """The open objectives and (if the teacher enabled them) the team's hidden ones."""
        return self.session.objectives(country, hidden=self.settings.hidden_objectives)

    # --- resolving ------------------------------------------------------------------------------

    def resolve(self) -> TurnReport:
        """Every team has committed: apply the drafts, run the turn, open the next one."""
        if not self.ready:
            raise DecisionRejected(t("{team} has not decided yet.", team=self.current.label
                                     if self.current else ""))
        if self.finished:
            raise DecisionRejected(t("The session is over."))
        # An agreement accepted after a team committed can make a change unaffordable: the
        # desk refuses it and the class is told, instead of the turn failing.
        self.notes = [t("{team}: {why}", team=self.team(r.country).label, why=r.reason)
                      for r in self.desk.apply_commits()]
        self._enforce_pledges()
        report = self.session.end_turn()
        self.session.next_turn()
        self.order = self._order_for(self.session.turn)
        self.time_left = self._full_time()
        self._save()
        return report

    def _turn_ended(self, session: Session) -> None:
        """The session's turn-end hook: saving happens once the next turn is open."""
        del session

    # --- the teacher ----------------------------------------------------------------------------

    @property
    def has_pin(self) -> bool:
        """Whether the teacher panel asks for a PIN."""
        return bool(self._pin_hash)

    def check_pin(self, pin: str) -> bool:
        """Whether ``pin`` opens the teacher panel."""
        return not self._pin_hash or pin_hash(pin) == self._pin_hash

    def _teacher(self, action: str, **details: Any) -> None:
        self.teacher_log.append({"turn": self.session.turn, "action": action, **details})

    def pause(self) -> None:
        """Stop the clock and the desk until the teacher resumes."""
        self.paused = True
        self._teacher("pause")

    def resume(self) -> None:
        """Start the clock and the desk again."""
        self.paused = False
        self._teacher("resume")

    def extend_timer(self, minutes: float) -> None:
        """Give the team at the desk more time (an untimed session stays untimed)."""
        if self.time_left is None:
            return
        self.time_left += minutes * 60
        self._teacher("extend", minutes=minutes)

    def tick(self, seconds: float) -> bool:
        """Let ``seconds`` pass at the desk; True when the team's time has just run out."""
        if self.time_left is None or self.paused or self.finished or self.rounds.running:
            return False  # (the desk clocks wait while a shared round counts down)
        before = self.time_left
        self.time_left = max(0.0, self.time_left - seconds)
        return before > 0.0 and self.time_left == 0.0

    def reveal_scores(self, shown: bool = True) -> None:
        """Show (or hide) the political scores and stars on the projector."""
        self.scores_revealed = shown
        self._teacher("reveal" if shown else "hide")

    def inject(self, event: TeacherEvent, offset: int = 0) -> None:
        """Add an event to the coming turn (recorded, so replays see it too)."""
        if self.finished:
            raise DecisionRejected(t("The session is over."))
        if self.session.phase not in (Phase.BRIEFING, Phase.DECIDE):
            raise DecisionRejected(t("Events can be added while teams decide."))
        check_not_twice(self, event, offset)  # game.play.classroom.teacher: refused, not merged
        self.session.submit(InjectEvent(TEACHER, event.kind, dict(event.params), offset))
        self._teacher("inject", kind=event.kind, key=event.key)
        self._save()

    def injected(self) -> list[str]:
        """The kinds of event the teacher has added to the coming turn."""
        return [e.kind for e in self.session.table.injected]

    def end_session(self) -> None:
        """End the session now: the class goes to the debrief with the turns played."""
        self.ended_early = True
        self._teacher("end")
        self._save()

    def _full_time(self) -> float | None:
        minutes = self.settings.timer_minutes
        return None if minutes is None else float(minutes) * 60.0

    # --- saving ---------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The classroom data kept in the game record (settings and the turn in progress)."""
        return {
            "format": CLASSROOM_FORMAT,
            **self.settings.to_dict(),
            # A resumed class has no PIN in its settings, only the hash it was saved with.
            "pin_hash": self._pin_hash,
            "scores_revealed": self.scores_revealed,
            "ended_early": self.ended_early,
            "teacher_log": [dict(e) for e in self.teacher_log],
            "pledges": [p.to_dict() for p in self.pledges],
            "pledge_log": [list(e) for e in self.pledge_log],
            "rounds": self.rounds.to_dict(),
            "turn_state": {
                "turn": self.session.turn,
                "order": list(self.order),
                "committed": list(self.committed),
                "drafts": {c: _plain(d) for c, d in self.desk.drafts().items()},
                "log": [dict(e) for e in self.session.table.log],
                "time_left": self.time_left,
            },
        }

    def _sync_record(self) -> None:
        self.session.record.classroom = self.state()

    def _save(self) -> None:
        self._sync_record()
        if self.on_save is None:
            return
        # A full disk must not stop the lesson: the class is told (``session.save_error``, as
        # in single-player) and the next commit tries again.
        try:
            self.on_save(self.session.record)
        except SaveError as error:
            self.session.save_error = str(error)
        else:
            self.session.save_error = ""

    @property
    def record(self) -> GameRecord:
        """The game record with the classroom data up to date."""
        self._sync_record()
        return self.session.record


def _plain(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: dict(v) if isinstance(v, Mapping) else v for k, v in values.items()}


def is_classroom_record(record: GameRecord) -> bool:
    """Whether a record is a classroom session."""
    return isinstance(record.classroom, dict) and bool(record.classroom.get("teams"))


def settings_of(record: GameRecord) -> ClassSettings:
    """The settings a classroom record was set up with (the PIN hash is restored separately)."""
    data = record.classroom or {}
    try:
        teams = tuple(Team(str(tm["name"]), str(tm["country"])) for tm in data["teams"])
    except (KeyError, TypeError) as exc:
        raise ClassroomError(t("This save does not describe the class's teams ({e}).",
                               e=exc)) from None
    timer = data.get("timer_minutes")
    # Saves from before lesson timing have no turns, rounds or label: every turn, none, "".
    turns = data.get("turns")
    return ClassSettings(teams, None if timer is None else float(timer),
                         bool(data.get("hidden_objectives", True)), "",
                         bool(data.get("rotate", True)), bool(data.get("simultaneous", False)),
                         turns=None if turns is None else int(turns),
                         negotiation_minutes=float(data.get("negotiation_minutes") or 0.0),
                         briefing_minutes=float(data.get("briefing_minutes") or 0.0),
                         label=str(data.get("label") or ""))


def resume_classroom(record: GameRecord, level: Level | None = None,
                     on_save: SaveHook | None = None) -> Classroom:
    """Rebuild a classroom session from its record, the turn in progress included."""
    if not is_classroom_record(record):
        raise ClassroomError(t("This save is not a classroom session."))
    data = dict(record.classroom or {})
    settings = settings_of(record)
    session = Session.from_record(record, level=level)
    room = Classroom(session.level, settings, session=session, on_save=on_save)
    room._pin_hash = str(data.get("pin_hash", ""))
    room.scores_revealed = bool(data.get("scores_revealed", False))
    room.ended_early = bool(data.get("ended_early", False))
    room.teacher_log = [dict(e) for e in data.get("teacher_log", []) if isinstance(e, dict)]
    room.rounds.restore(data.get("rounds"))
    try:
        room.pledges = [Pledge.from_dict(p) for p in data.get("pledges", [])]
        room.pledge_log = [(int(a), str(b), str(c)) for a, b, c in data.get("pledge_log", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise ClassroomError(t("This save's pledges cannot be read ({e}).", e=exc)) from None
    state = data.get("turn_state") or {}
    if isinstance(state, dict) and state.get("turn") == session.turn and not session.finished:
        # The turn was in progress: its diplomacy was applied at once, the drafts were private.
        for entry in state.get("log", []):
            decision_from_dict(entry).apply(session.table)
            session.table.log.append(dict(entry))
        if session.table.log:
            session.phase = Phase.DECIDE
        countries = {tm.country for tm in room.teams}
        order = [c for c in state.get("order", []) if c in countries]
        if sorted(order) == sorted(countries):
            room.order = order
        drafts = {c: dict(d) for c, d in (state.get("drafts") or {}).items()
                  if c in countries and isinstance(d, dict)}
        room.desk.restore(drafts, [c for c in state.get("committed", []) if c in countries])
        left = state.get("time_left")
        room.time_left = float(left) if isinstance(left, int | float) else room.time_left
    room._sync_record()
    return room


@dataclass(frozen=True)
class ClassSave:
    """A saved classroom session: where, what, when."""

    path: Any
    record: GameRecord
    saved: str

    @property
    def label(self) -> str:
        """"The June 2019 crisis · Eagles, Jaguars, Moose · turn 2 of 4"."""
        settings = settings_of(self.record)
        teams = ", ".join(tm.name for tm in settings.teams)
        text = t("{title} · {teams} · {turns} turns played", title=self.record.level_title
                 or self.record.level_id, teams=teams, turns=self.record.turn)
        return f"{settings.label} · {text}" if settings.label else text


def class_saves() -> list[ClassSave]:
    """The newest autosave of every classroom session on this computer, newest first."""
    from game.play.saves import autosave_files, info_of

    newest: dict[str, ClassSave] = {}
    for path in autosave_files():
        info, save = info_of(path, "autosave")
        if save is None or not is_classroom_record(save.record):
            continue
        known = newest.get(save.record.game_id)
        if known is None or (save.record.turn, info.saved) > (known.record.turn, known.saved):
            newest[save.record.game_id] = ClassSave(path, save.record, info.saved)
    return sorted(newest.values(), key=lambda s: s.saved, reverse=True)
