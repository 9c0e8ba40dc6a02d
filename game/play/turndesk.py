"""The turn being decided: each country's private pending levers, its forecast, its commit (§5).

A :class:`TurnDesk` belongs to a :class:`~game.play.session.Session` (``session.desk``)::

    desk = session.desk
    desk.set_lever("US", "asylum_officers", 900)   # private: no other country's desk sees it
    desk.forecast("US", ("deaths_in_transit",))    # with the turn's events and agreements
    desk.commit("US")                              # the country is done for this turn
    session.end_turn()                             # applies every commit, in commit order

Single-player is the one-country case; a classroom is the same desk with a team per country
(:mod:`game.play.classroom` adds the order, the hand-over and the pledges). Diplomacy —
proposals, answers, threats — is addressed to other countries and goes to the session at once;
only lever changes wait here.

**Order.** At the end of the turn the committed drafts are applied in the order the countries
committed, each as a :class:`~game.play.decisions.SetLever` decision (so the record and replays
see ordinary decisions). A change that a later agreement made unaffordable is refused and
reported in :attr:`TurnDesk.refused` rather than failing the turn. A draft that was never
committed does not reach the turn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import ts
from game.play.decisions import (
    DecisionRejected,
    SetLever,
    Table,
    country_subject,
    plural_subject,
)
from game.sim.forecast import forecast as model_forecast
from game.sim.policy import LeverValue

if TYPE_CHECKING:
    from game.play.session import Session

#: A metric's forecast: the 10th, 50th and 90th percentile of the coming turn.
Band = tuple[float, float, float]


@dataclass(frozen=True)
class Refusal:
    """A committed lever change the turn could no longer accept, and why."""

    country: str
    lever: str
    reason: str


class TurnDesk:
    """Every deciding country's pending lever changes for the turn, kept apart until the end."""

    def __init__(self, session: Session) -> None:
        """A desk for ``session``'s turn being decided (empty drafts)."""
        self._session = session
        self._drafts: dict[str, dict[str, LeverValue]] = {}
        #: Countries that committed this turn, in the order they did.
        self.committed: list[str] = []
        #: Changes refused when the commits were last applied (at the last turn's end).
        self.refused: list[Refusal] = []

    # --- one country's view -------------------------------------------------------------------

    def draft(self, country: str) -> dict[str, LeverValue]:
        """``country``'s pending lever changes (a copy: change them through the desk)."""
        return dict(self._drafts.get(country, {}))

    def table(self, country: str, extra: Mapping[str, LeverValue] | None = None) -> Table:
        """The turn's table as ``country`` sees it: its own draft applied, nobody else's.

        Raises:
            DecisionRejected: the draft (with ``extra``) is not legal on this table.
        """
        shared = self._session.table
        table = Table(turn=shared.turn, month=shared.month,
                      months_per_turn=shared.months_per_turn, policy=shared.policy,
                      countries=shared.countries, budgets=shared.budgets)
        # Proposals, pacts and threats are shared and read here; levers are the country's own.
        table.proposals = shared.proposals
        table.pacts = shared.pacts
        table.threats = shared.threats
        table.injected = shared.injected
        table.last_metrics = shared.last_metrics
        for lever, value in {**self._drafts.get(country, {}), **dict(extra or {})}.items():
            SetLever(country, lever, value).apply(table)
        return table

    def set_lever(self, country: str, lever: str, value: LeverValue) -> None:
        """Put a lever change in ``country``'s draft (DecisionRejected if it is illegal)."""
        self._check_open(country)
        self.table(country, {lever: value})
        self._drafts.setdefault(country, {})[lever] = value

    def clear_lever(self, country: str, lever: str) -> None:
        """Take a lever change back out of ``country``'s draft."""
        self._check_open(country)
        self._drafts.get(country, {}).pop(lever, None)

    def forecast(self, country: str, metrics: Sequence[str],
                 extra: Mapping[str, LeverValue] | None = None) -> dict[str, Band]:
        """The advisors' 10/50/90% range of the coming turn under ``country``'s plan.

        The plan is the table as ``country`` sees it (its draft and ``extra``; the agreements in
        force), and the turn's events are those the session will run: the level's scheduled
        ones, those its conditions have queued, and those the teacher added.
        """
        session = self._session
        policy = self.table(country, extra).policy
        events = [event for event, _, _ in session.upcoming_events()]
        bands = model_forecast(session.sim, policy, session.months_per_turn, events,
                               metrics=metrics)
        return {m: (b.p10, b.p50, b.p90) for m, b in bands.items()}

    # --- committing ---------------------------------------------------------------------------

    def commit(self, country: str) -> None:
        """``country`` is done for this turn (DecisionRejected if its draft is no longer legal)."""
        self._check_open(country)
        # An agreement accepted since the change was drafted may have raised the dues.
        self.table(country)
        self.committed.append(country)

    def restore(self, drafts: Mapping[str, Mapping[str, LeverValue]],
                committed: Sequence[str]) -> None:
        """Put back the drafts and commits of a saved turn in progress (no checks: they were)."""
        self._drafts = {c: dict(d) for c, d in drafts.items()}
        # A hand-edited save may repeat a country: it commits once, in its first place.
        self.committed = list(dict.fromkeys(committed))

    def drafts(self) -> dict[str, dict[str, LeverValue]]:
        """Every country's draft, for the save of a turn in progress (never for a desk)."""
        return {c: dict(d) for c, d in self._drafts.items()}

    def apply_commits(self) -> list[Refusal]:
        """Send the committed drafts to the session in commit order; clear the desk.

        Called by :meth:`Session.end_turn` (and by a classroom just before, so its pledges are
        enforced on the levers as committed). Returns the changes refused.
        """
        refused: list[Refusal] = []
        for country in self.committed:
            for lever, value in self._drafts.get(country, {}).items():
                try:
                    self._session.submit(SetLever(country, lever, value))
                except DecisionRejected as refusal:
                    refused.append(Refusal(country, lever, str(refusal)))
        if self.committed:
            self.refused = refused
        self._drafts = {}
        self.committed = []
        return refused

    def _check_open(self, country: str) -> None:
        session = self._session
        if country not in session.roles or not session.roles[country].human:
            raise DecisionRejected(ts("{country} is not decided at this desk.",
                                      plural_subject(country), country=country_subject(country)))
        if country in self.committed:
            raise DecisionRejected(ts("{country} has already committed this turn.",
                                      plural_subject(country), country=country_subject(country)))
