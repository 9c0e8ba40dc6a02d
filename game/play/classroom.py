"""Classroom sessions: 2–6 teams on one screen, deciding in private, one turn at a time (§5).

A :class:`Classroom` wraps one :class:`~game.play.session.Session` and adds what a class needs::

    settings = ClassSettings((Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA")))
    room = Classroom(level, settings)        # every other country is led by its AI leader
    room.current.country                     # "US": the team at the desk
    room.set_lever("US", "asylum_officers", 900)        # private until the turn resolves
    room.decide("US", ProposeAgreement("US", "safe_third_country", ("MX",)))  # to Mexico
    room.commit("US")                        # → the next team (show "Pass to Team Jaguars")
    ...                                      # Mexico answers on its turn, Canada decides
    report = room.resolve()                  # all committed: the sim runs, the next turn opens
    room.inject(teacher_events(level)[0])    # the teacher panel: a caravan next turn
    debrief = class_debrief(room)            # timeline, scores vs status quo, causes

**Privacy.** Lever changes stay in the team's own draft (:meth:`Classroom.set_lever`) and reach
the session only when every team has committed, so the next team's desk shows the levers as
they stood at the start of the turn. Proposals, answers, threats and withdrawals are diplomatic
acts addressed to other teams: they go to the session at once (the partner answers on its own
turn) and are shown only to the parties.

**Fairness.** The session draws every random shock from the level's seed through shared noise
and keeps the status-quo baseline beside the real world, so two classes playing the same level
and seed meet the same random events and are judged against the same baseline
(:func:`compare_sessions` checks it).

**Saves.** The teams, the settings and the turn in progress travel inside the game record
(``GameRecord.classroom``); :attr:`Classroom.on_save` is called after every commit and every
resolved turn (the UI passes :func:`game.play.saves.autosave`), and :func:`resume_classroom`
rebuilds the class from a record — mid-turn included, with each team's draft.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.play.ai import AIChoice
from game.play.decisions import (
    TEACHER,
    AnswerProposal,
    Decision,
    DecisionRejected,
    InjectEvent,
    ProposeAgreement,
    SetLever,
    ThreatenTariff,
    WithdrawAgreement,
    agreement_label,
    country_name,
    country_subject,
    decision_from_dict,
    lever_label,
    money,
)
from game.play.levelview import LevelView, text_of
from game.play.record import GameRecord
from game.play.report import CAUSE_METRICS, Cause, metric_label
from game.play.saves import SaveError
from game.play.session import Phase, Session
from game.play.turndesk import TurnDesk
from game.sim.policy import month_label
from game.sim.registry import AGREEMENTS, EVENTS, LEVERS, METRICS

if TYPE_CHECKING:
    from game.content import Level
    from game.play.report import ObjectiveState, TurnReport

#: Fewest and most teams a classroom session takes.
MIN_TEAMS, MAX_TEAMS = 2, 6
#: Longest team name shown on the hand-over screen and in the report.
NAME_LIMIT = 32
#: Format tag of the classroom data kept in the game record.
CLASSROOM_FORMAT = "borderlines-classroom/1"


class ClassroomError(ValueError):
    """A class cannot be set up or resumed as asked; the text is for the teacher."""


@dataclass(frozen=True)
class Team:
    """A team of students and the country it leads."""

    name: str
    country: str

    @property
    def label(self) -> str:
        """"Team Jaguars (Mexico)"."""
        return t("Team {name} ({country})", name=self.name, country=country_name(self.country))

    def to_dict(self) -> dict[str, str]:
        """Plain data for the record."""
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True)
class ClassSettings:
    """How the teacher set the session up."""

    teams: tuple[Team, ...]
    #: Minutes each team has at the desk; None for untimed (the default: DESIGN.md §1).
    timer_minutes: float | None = None
    #: Give each team the hidden objectives the level has for its country.
    hidden_objectives: bool = True
    #: A PIN for the teacher panel ("" for none); only its hash is kept.
    pin: str = ""
    #: Change which team decides first every turn, so no team always answers last.
    rotate: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the record (the PIN as a hash)."""
        return {"teams": [tm.to_dict() for tm in self.teams], "timer_minutes": self.timer_minutes,
                "hidden_objectives": self.hidden_objectives, "pin_hash": pin_hash(self.pin),
                "rotate": self.rotate}


def pin_hash(pin: str) -> str:
    """The sha256 of a PIN ("" for no PIN)."""
    return hashlib.sha256(pin.strip().encode()).hexdigest() if pin.strip() else ""


def default_team_name(country: str) -> str:
    """The name a team gets when the teacher types none: the country's name."""
    return country_name(country)


def classroom_countries(level: Level) -> tuple[str, ...]:
    """Countries a team may lead in ``level`` (its playable countries)."""
    return tuple(level.playable_countries())


def team_limits(level: Level) -> tuple[int, int]:
    """(fewest, most) teams the level works with."""
    room = level.classroom
    most = len(classroom_countries(level))
    if room is None:
        return min(MIN_TEAMS, most), min(MAX_TEAMS, most)
    return min(room.min_teams, most), min(room.max_teams, most)


def check_settings(level: Level, settings: ClassSettings) -> None:
    """Raise :class:`ClassroomError` with a message for the teacher if the set-up cannot run."""
    low, high = team_limits(level)
    n = len(settings.teams)
    if not low <= n <= high:
        raise ClassroomError(t("This level takes {low} to {high} teams; there are {n}.",
                               low=low, high=high, n=n))
    allowed = classroom_countries(level)
    seen_countries: set[str] = set()
    seen_names: set[str] = set()
    for team in settings.teams:
        if team.country not in allowed:
            raise ClassroomError(t("{country} cannot be led by a team in this level.",
                                   country=country_subject(team.country)))
        if team.country in seen_countries:
            raise ClassroomError(t("Two teams lead {country}: give each team its own country.",
                                   country=country_name(team.country, article=True)))
        name = team.name.strip()
        if not name:
            raise ClassroomError(t("Every team needs a name."))
        if len(name) > NAME_LIMIT:
            raise ClassroomError(t("Team names can be at most {n} characters.", n=NAME_LIMIT))
        if name.casefold() in seen_names:
            raise ClassroomError(t("Two teams are called “{name}”.", name=name))
        seen_countries.add(team.country)
        seen_names.add(name.casefold())
    timer = settings.timer_minutes
    if timer is not None and not (isinstance(timer, int | float) and 1 <= timer <= 60):
        raise ClassroomError(t("The turn timer must be between 1 and 60 minutes."))


# --- the teacher's events -----------------------------------------------------------------------


@dataclass(frozen=True)
class TeacherEvent:
    """An event the teacher panel offers: from the level's list, or a standard one."""

    key: str
    kind: str
    params: Mapping[str, Any]
    label: str
    #: True for the level's own events (listed first).
    from_level: bool = False


#: Standard events every classroom session offers, with moderate, documented sizes.
STANDARD_EVENTS: tuple[tuple[str, str, dict[str, Any], str], ...] = (
    ("caravan", "caravan", {"origin": "HN", "size": 5000},
     "A caravan of 5,000 people leaves Honduras"),
    ("hurricane", "hurricane", {"origin": "HN", "severity": 0.7},
     "A hurricane strikes Honduras"),
    ("court-ruling", "court_ruling", {"country": "US", "blocks": "remain_in_mexico"},
     "A US court blocks Remain in Mexico"),
    ("viral-photo", "media_photo", {"country": "US", "intensity": 0.9},
     "A photograph of a drowned father and daughter goes viral"),
    ("violence", "violence_shock", {"origin": "GT", "increase": 0.3, "months": 12},
     "Gang violence surges in Guatemala"),
    ("far-crisis", "extra_regional_surge", {"size": 10000, "months": 6},
     "A crisis far away sends more people north"),
)


def teacher_events(level: Level) -> list[TeacherEvent]:
    """The events the teacher may inject: the level's own first, then the standard ones."""
    out: list[TeacherEvent] = []
    view = LevelView(level)
    for event in view.events:
        if event.kind not in EVENTS or event.kind in ("policy_change", "tariff_deadline"):
            continue
        label = event.headline or t(EVENTS[event.kind].description)
        out.append(TeacherEvent(f"level:{event.key}", event.kind, dict(event.params), label,
                                from_level=True))
    for key, kind, params, label in STANDARD_EVENTS:
        out.append(TeacherEvent(key, kind, params, t(label)))
    return out


# --- what a team may see ------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamView:
    """What the team at the desk sees: its own draft and the diplomacy addressed to it."""

    team: Team
    #: Lever values as they stood at the start of the turn, with this team's draft applied.
    levers: dict[str, Any]
    #: The team's own draft changes this turn.
    draft: dict[str, Any]
    #: Proposals waiting for this team's answer.
    inbox: tuple[Any, ...]
    #: Proposals this team made that wait for others.
    outbox: tuple[Any, ...]
    #: Agreements in force that this team is party to.
    pacts: tuple[Any, ...]
    #: Objectives this team sees (the open ones and, if enabled, its hidden ones).
    objectives: tuple[ObjectiveState, ...]


# --- pledges -------------------------------------------------------------------------------------

#: Pledge statuses: offered, then accepted or rejected (or withdrawn before an answer); an
#: accepted pledge ends kept (its turns are over) or broken (its maker left it, or could not pay).
PLEDGE_STATUSES = ("pending", "accepted", "rejected", "withdrawn", "kept", "broken")
#: Most turns a pledge may run.
PLEDGE_MAX_TURNS = 12


@dataclass
class Pledge:
    """A promise between teams: ``by`` keeps ``lever`` at ``amount`` or more for ``turns`` turns.

    Typically an aid pledge ("the US keeps $300M a year of violence-prevention aid") or an
    origin government's own spending ("Honduras funds reintegration with $20M a year"). Once
    the partner accepts, it binds: the pledging team's desk refuses to go below it, and when
    the turn is played the lever is raised to the pledge if it is below (a recorded decision,
    so replays see it). Leaving it early is a broken promise, recorded for the debrief.
    """

    id: int
    by: str
    to: str
    lever: str
    amount: float
    turns: int
    turn: int
    status: str = "pending"
    since: int | None = None
    ended_turn: int | None = None
    reason: str = ""

    def active(self, turn: int) -> bool:
        """Whether the pledge binds in ``turn``."""
        return self.status == "accepted" and self.since is not None and (
            turn < self.since + self.turns)

    def text(self) -> str:
        """The pledge as a sentence ("Mexico pledges … to the United States for 2 turns")."""
        spec = LEVERS[self.lever]
        amount = money(self.amount) + t(" a year") if spec.kind == "money" else \
            f"{self.amount:,.0f}"
        return t("{by} pledges {lever} of at least {amount} to {to} for {n} turns",
                 by=country_subject(self.by), lever=lever_label(self.lever), amount=amount,
                 to=country_name(self.to, article=True), n=self.turns)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the record."""
        return {"id": self.id, "by": self.by, "to": self.to, "lever": self.lever,
                "amount": self.amount, "turns": self.turns, "turn": self.turn,
                "status": self.status, "since": self.since, "ended_turn": self.ended_turn,
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pledge:
        """Rebuild from :meth:`to_dict` output."""
        return cls(int(data["id"]), str(data["by"]), str(data["to"]), str(data["lever"]),
                   float(data["amount"]), int(data["turns"]), int(data["turn"]),
                   str(data.get("status", "pending")), data.get("since"),
                   data.get("ended_turn"), str(data.get("reason", "")))


def pledge_levers(country: str) -> list[str]:
    """Levers ``country`` may pledge: its spending and headcount levers (not choices)."""
    return [name for name, spec in LEVERS.items()
            if country in spec.countries and spec.kind != "choice"]


def _lever_total(value: Any) -> float:
    return float(sum(value.values())) if isinstance(value, Mapping) else float(value)


def _at_least(value: Any, amount: float) -> Any:
    """``value`` raised to a total of ``amount`` (an aid split keeps its proportions)."""
    if isinstance(value, Mapping):
        total = _lever_total(value)
        if total <= 0:
            return float(amount)
        return {k: float(v) * amount / total for k, v in value.items()}
    return float(amount)


# --- the class ----------------------------------------------------------------------------------


SaveHook = Callable[[GameRecord], object]


class Classroom:
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
        team = self.current
        if team is None or team.country != country:
            raise DecisionRejected(t("{country} is not at the desk now: wait for its turn.",
                                     country=country_subject(country)))

    def set_lever(self, country: str, lever: str, value: Any) -> None:
        """Put a lever change in the team's private draft (DecisionRejected if illegal)."""
        self._check_turn(country)
        for pledge in self.pledges:
            if (pledge.by == country and pledge.lever == lever
                    and pledge.active(self.session.turn)
                    and not isinstance(value, str) and _lever_total(value) < pledge.amount - 1e-9):
                raise DecisionRejected(t(
                    "Your team pledged at least {amount} to {to}: leave the pledge first (a "
                    "broken promise) to go lower.", amount=_pledge_amount(pledge),
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
            raise DecisionRejected(t("{country} cannot pledge {lever}.",
                                     country=country_subject(country), lever=lever_label(lever)))
        spec = LEVERS[lever]
        if isinstance(amount, bool) or not isinstance(amount, int | float) or not (
                spec.low <= float(amount) <= spec.high):
            raise DecisionRejected(t("A pledge of {lever} must be between {low:,.0f} and "
                                     "{high:,.0f} ({unit}).", lever=lever_label(lever),
                                     low=spec.low, high=spec.high, unit=t(spec.unit)))
        if not isinstance(turns, int) or not 1 <= turns <= PLEDGE_MAX_TURNS:
            raise DecisionRejected(t("A pledge lasts 1 to {n} turns.", n=PLEDGE_MAX_TURNS))
        for other in self.pledges:
            if (other.by, other.to, other.lever) == (country, to, lever) and (
                    other.status == "pending" or other.active(self.session.turn)):
                raise DecisionRejected(t("This pledge is already on the table."))
        # The pledge must be affordable now, with the team's draft.
        current = self.desk.table(country).policy.value(country, lever)
        if _lever_total(current) < amount:
            self.desk.table(country, {lever: _at_least(current, float(amount))})
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
            self.pledge_log.append((self.session.turn, country, t(
                "{country} turns down the pledge of {by}", country=country_subject(country),
                by=country_name(pledge.by, article=True))))

    def _accept_pledge(self, pledge: Pledge, country: str) -> None:
        pledge.status, pledge.since = "accepted", self.session.turn
        self.pledge_log.append((self.session.turn, country, t(
            "{country} accepts the pledge of {by}", country=country_subject(country),
            by=country_name(pledge.by, article=True))))

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
            self.pledge_log.append((self.session.turn, country, t(
                "{country} breaks its pledge to {to}", country=country_name(country),
                to=country_name(pledge.to))))
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
            if _lever_total(value) >= pledge.amount - 1e-9:
                continue
            try:
                self.session.submit(SetLever(pledge.by, pledge.lever,
                                             _at_least(value, pledge.amount)))
            except DecisionRejected as refusal:
                pledge.status, pledge.ended_turn = "broken", turn
                pledge.reason = str(refusal)
                self.notes.append(t("{team} could not keep its pledge: {why}",
                                    team=self._who(pledge.by), why=str(refusal)))
                self.pledge_log.append((turn, pledge.by, t(
                    "{country} cannot pay its pledge to {to}", country=country_name(pledge.by),
                    to=country_name(pledge.to))))

    def commit(self, country: str) -> Team | None:
        """The team is done for this turn; returns the next team (None: all have committed)."""
        self._check_turn(country)
        self.desk.commit(country)
        self.time_left = self._full_time()
        self._save()
        return self.current

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
        if self.time_left is None or self.paused or self.finished:
            return False
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
            "scores_revealed": self.scores_revealed,
            "ended_early": self.ended_early,
            "teacher_log": [dict(e) for e in self.teacher_log],
            "pledges": [p.to_dict() for p in self.pledges],
            "pledge_log": [list(e) for e in self.pledge_log],
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


def _pledge_amount(pledge: Pledge) -> str:
    if LEVERS[pledge.lever].kind == "money":
        return money(pledge.amount) + t(" a year")
    return f"{pledge.amount:,.0f}"


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
    return ClassSettings(teams, None if timer is None else float(timer),
                         bool(data.get("hidden_objectives", True)), "",
                         bool(data.get("rotate", True)))


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


# --- the projector ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamStanding:
    """One team on the projector: its standing indicator, and its score when revealed."""

    team: Team
    #: The metric shown for the team: approval (US, MX, CA) or homicide rate (GT, HN, SV).
    metric: str
    label: str
    value: float | None
    previous: float | None
    baseline: float | None
    #: The team's political score (None when the level has none for it or it is hidden).
    score: float | None = None
    stars: int | None = None
    max_stars: int | None = None


def standing_metric(country: str) -> str:
    """The metric a team is followed by: its approval, or (origins) its homicide rate."""
    approval = f"approval_{country.lower()}"
    return approval if approval in METRICS else f"homicide_rate_{country.lower()}"


@dataclass(frozen=True)
class ProjectorView:
    """What the class sees between turns: news, every team's standing, the shared score."""

    title: str
    turn: int
    turns: int
    period: str
    news: tuple[str, ...]
    standings: tuple[TeamStanding, ...]
    humanitarian: float | None
    humanitarian_previous: float | None
    humanitarian_baseline: float | None
    scores_revealed: bool
    notes: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)


def projector_view(room: Classroom, news_limit: int = 6) -> ProjectorView:
    """The projector summary after the latest resolved turn (before the first: the start)."""
    session = room.session
    reports = session.reports
    last = reports[-1] if reports else None
    metrics = dict(last.metrics) if last else dict(session.table.last_metrics)
    previous = dict(last.previous) if last else {}
    baseline = dict(last.baseline) if last else {}
    standings = []
    for team in room.teams:
        metric = standing_metric(team.country)
        score_metric = f"political_score_{team.country.lower()}"
        show = room.scores_revealed
        standings.append(TeamStanding(
            team, metric, metric_label(metric), metrics.get(metric), previous.get(metric),
            baseline.get(metric),
            score=metrics.get(score_metric) if show else None,
            stars=session.stars(team.country) if show and reports else None,
            max_stars=session.max_stars(team.country) if show and reports else None,
        ))
    played = len(reports)
    pledges = tuple(text for turn, _, text in room.pledge_log if turn == played)
    news = (tuple(item.text for item in (last.news if last else ())) + pledges)[:news_limit]
    period = (last.start if last.start == last.end else f"{last.start} – {last.end}") \
        if last else ""
    return ProjectorView(
        title=session.view.title, turn=len(reports), turns=session.turns, period=period,
        news=news, standings=tuple(standings), humanitarian=metrics.get("humanitarian_score"),
        humanitarian_previous=previous.get("humanitarian_score"),
        humanitarian_baseline=baseline.get("humanitarian_score"),
        scores_revealed=room.scores_revealed, notes=tuple(room.notes), metrics=metrics,
    )




# --- the class debrief --------------------------------------------------------------------------


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
        questions=debrief.questions, sources=debrief.sources,
        history={k: list(v) for k, v in debrief.history.items()},
        baseline={k: list(v) for k, v in debrief.baseline.items()},
        teacher_log=tuple(room.teacher_log),
    )


# --- several classes, one level -----------------------------------------------------------------


@dataclass(frozen=True)
class ComparedSession:
    """One class in a comparison: who played, and its scores turn by turn."""

    name: str
    teams: tuple[Team, ...]
    turns: int
    metrics: dict[str, tuple[float, ...]]
    baseline: dict[str, tuple[float, ...]]
    agreements: int
    #: The events of each turn as ``kind (source)``: scripted, conditional or the teacher's.
    events: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Several classes' sessions of the same level and seed, side by side."""

    level_id: str
    title: str
    seed: int
    sessions: tuple[ComparedSession, ...]
    #: True when every session's status-quo baseline is identical until their events differ.
    fair: bool
    #: Why sessions were left out (a different level or seed), one line each.
    skipped: tuple[str, ...] = ()
    #: Turns whose events differ from the first session's (a teacher's injection, a condition
    #: met in one class only): from there on the status quo differs too, one line each.
    differences: tuple[str, ...] = ()

    def final(self, metric: str) -> list[float]:
        """Each session's last value of ``metric``."""
        return [s.metrics.get(metric, (math.nan,))[-1] if s.metrics.get(metric) else math.nan
                for s in self.sessions]


def compare_sessions(records: Sequence[GameRecord]) -> Comparison:
    """Put several classes' records side by side (the first record sets level and seed).

    Records of another level version or seed are skipped with a reason: their random events
    differ, so comparing them would not be fair.
    """
    if not records:
        raise ClassroomError(t("Choose at least one session to compare."))
    first = records[0]
    kept: list[GameRecord] = []
    skipped: list[str] = []
    for record in records:
        name = _record_name(record)
        if record.level_hash != first.level_hash:
            skipped.append(t("{name}: another level (or another version of it).", name=name))
        elif record.seed != first.seed:
            skipped.append(t("{name}: another seed ({seed}), so other random events.",
                             name=name, seed=record.seed))
        else:
            kept.append(record)
    sessions = []
    for record in kept:
        names = sorted({k for turn in record.turns for k in turn.metrics})
        metrics = {n: tuple(turn.metrics.get(n, math.nan) for turn in record.turns)
                   for n in names}
        baseline = {n: tuple(turn.baseline_metrics.get(n, math.nan) for turn in record.turns)
                    for n in names}
        teams = settings_of(record).teams if is_classroom_record(record) else tuple(
            Team(country_name(c), c) for c, who in record.players.items() if who == "human")
        accepted = sum(1 for turn in record.turns for d in turn.decisions
                       if d.get("type") == "answer_proposal" and d.get("answer") == "accept")
        events = tuple(tuple(f"{e.get('kind')} ({e.get('source')})" for e in turn.events)
                       for turn in record.turns)
        sessions.append(ComparedSession(_record_name(record), teams, len(record.turns), metrics,
                                        baseline, accepted, events))
    differences: list[str] = []
    fair = True
    for other in sessions[1:]:
        until = _same_events_until(sessions[0], other)
        if until < min(sessions[0].turns, other.turns):
            differences.append(t("{name}: other events from turn {n} on ({events}).",
                                 name=other.name, n=until + 1,
                                 events=", ".join(other.events[until]) or t("none")))
        fair = fair and _same_baselines(sessions[0], other, until)
    return Comparison(first.level_id, first.level_title or first.level_id, first.seed,
                      tuple(sessions), fair, tuple(skipped), tuple(differences))


def _same_events_until(a: ComparedSession, b: ComparedSession) -> int:
    """How many first turns ``a`` and ``b`` share the same events."""
    n = 0
    for ea, eb in zip(a.events, b.events, strict=False):
        if ea != eb:
            break
        n += 1
    return n


def _same_baselines(a: ComparedSession, b: ComparedSession, turns: int) -> bool:
    """Whether two sessions' status quo agree exactly over their first ``turns`` turns."""
    for name, values in b.baseline.items():
        mine = a.baseline.get(name, ())
        n = min(len(mine), len(values), turns)
        for x, y in zip(mine[:n], values[:n], strict=True):
            if not (x == y or (math.isnan(x) and math.isnan(y))):
                return False
    return True


def _record_name(record: GameRecord) -> str:
    return record.name or f"{record.level_title or record.level_id} ({record.created[:10]})"


def level_title(level: Level) -> str:
    """A level's title in the current language."""
    return text_of(level.title)


def agreement_kinds_for(country: str, partners: Sequence[str]) -> list[str]:
    """Agreements ``country`` may offer to at least one of ``partners`` (threats included)."""
    return [k for k, spec in AGREEMENTS.items() if country in spec.proposers
            and any(p in spec.acceptors and p != country for p in partners)]


# --- finding saved sessions ---------------------------------------------------------------------


@dataclass(frozen=True)
class ClassSave:
    """A saved classroom session: where, what, when."""

    path: Any
    record: GameRecord
    saved: str

    @property
    def label(self) -> str:
        """"The June 2019 crisis · Eagles, Jaguars, Moose · turn 2 of 4"."""
        teams = ", ".join(tm.name for tm in settings_of(self.record).teams)
        return t("{title} · {teams} · {turns} turns played", title=self.record.level_title
                 or self.record.level_id, teams=teams, turns=self.record.turn)


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
