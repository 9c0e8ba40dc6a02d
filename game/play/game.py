"""One seat at a game, as the screens see it: single-player or a classroom team (§5).

:class:`Game` is what every desk, briefing, report and debrief screen takes. Both seats work
through the session's turn desk (:mod:`game.play.turndesk`): the lever changes the player is
making are the desk's draft for the player's country, the forecast is the desk's, and
:meth:`Game.end_turn` commits. A single player's commit resolves the turn at once; a team's
commit passes the computer on, and the class resolves the turn together once every team has
committed — so ``end_turn`` returns the report, or ``None`` while the turn is still open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

import numpy as np

from game.i18n import t
from game.play.decisions import Decision, Proposal, Table
from game.play.turndesk import Band
from game.sim.policy import LeverValue, month_label
from game.sim.registry import AID_RECIPIENTS, METRICS
from game.sim.world import NATIONS, PAIRS

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.play.report import Debrief, ObjectiveState, TurnReport
    from game.play.session import Session


class Game(Protocol):
    """What the screens need of a game: read the turn, change the player's levers, commit."""

    session: Session
    player: str
    autoplay: bool
    message: str

    @property
    def table(self) -> Table:
        """The turn's table as the session holds it (before the player's draft)."""
        ...

    @property
    def title(self) -> str:
        """The level's title."""
        ...

    @property
    def turn(self) -> int:
        """The turn being decided (1-based)."""
        ...

    @property
    def turns(self) -> int:
        """How many turns the level has."""
        ...

    @property
    def date_label(self) -> str:
        """The turn's months."""
        ...

    @property
    def period_label(self) -> str:
        """The level's whole period and its turns (for the briefing)."""
        ...

    @property
    def finished(self) -> bool:
        """Whether the game is over."""
        ...

    @property
    def reports(self) -> list[TurnReport]:
        """The reports of the turns played so far."""
        ...

    def briefing(self) -> str:
        """The level's briefing for the player's country."""
        ...

    def objectives(self) -> list[str]:
        """The objectives the player may see, as sentences."""
        ...

    def goals(self) -> tuple[ObjectiveState, ...]:
        """The objectives the player may see, as they stand now (the desk's tracker)."""
        ...

    def start_metrics(self) -> dict[str, float]:
        """The headline gauges' values before the first turn (approval, relations, scores)."""
        ...

    def offers(self) -> list[Proposal]:
        """Proposals waiting for the player's answer."""
        ...

    def roles(self) -> dict[str, str]:
        """Who leads each country: ``human`` or ``ai:<personality>``."""
        ...

    def draft(self) -> dict[str, LeverValue]:
        """The player's lever changes not yet committed."""
        ...

    def draft_table(self, extra: Mapping[str, LeverValue] | None = None) -> Table:
        """The table with the player's draft (and ``extra``) applied; DecisionRejected if not."""
        ...

    def set_lever(self, lever: str, value: LeverValue) -> None:
        """Put a lever change in the player's draft (DecisionRejected if it is illegal)."""
        ...

    def decide(self, decision: Decision) -> None:
        """Send a decision: a lever to the draft, diplomacy to the session at once."""
        ...

    def forecast(self, metrics: tuple[str, ...],
                 extra: Mapping[str, LeverValue] | None = None) -> dict[str, Band]:
        """The advisors' 10/50/90% range of the coming turn under the player's plan."""
        ...

    def end_turn(self) -> TurnReport | None:
        """Commit the player's draft; the turn's report if that resolved it, else None."""
        ...

    def debrief(self) -> Debrief:
        """The end-of-level data."""
        ...


class SoloGame:
    """A single player's seat: the one-team case of the turn desk."""

    def __init__(self, session: Session, player: str, autoplay: bool = False) -> None:
        """The seat of ``player`` at ``session`` (autoplay: its AI leader decides)."""
        self.session = session
        self.player = player
        self.autoplay = autoplay
        self.message = ""

    @property
    def table(self) -> Table:
        """The turn's table as the session holds it (before the player's draft)."""
        return self.session.table

    @property
    def title(self) -> str:
        """The level's title in the current language."""
        return self.session.view.title

    @property
    def turn(self) -> int:
        """The turn being decided (1-based)."""
        return min(self.session.turn, self.session.turns)

    @property
    def turns(self) -> int:
        """How many turns the level has."""
        return self.session.turns

    @property
    def countries(self) -> tuple[str, ...]:
        """The countries that act in this level."""
        return tuple(self.session.roles)

    @property
    def date_label(self) -> str:
        """The turn's months: ``2019-06`` or ``2019-06 to 2019-08``."""
        first = self.session.month
        months = self.session.months_per_turn
        if months == 1:
            return month_label(first)
        return t("{a} to {b}", a=month_label(first), b=month_label(first + months - 1))

    @property
    def period_label(self) -> str:
        """``2018-10 to 2019-09 · 4 turns of 3 months``: the level, not the turn."""
        s = self.session
        first = s.scenario.start
        last = first + s.turns * s.months_per_turn - 1
        turns = (t("{n} turns of one month", n=s.turns) if s.months_per_turn == 1 else
                 t("{n} turns of {m} months", n=s.turns, m=s.months_per_turn))
        return t("{a} to {b}", a=month_label(first), b=month_label(last)) + " · " + turns

    @property
    def finished(self) -> bool:
        """Whether every turn has been played."""
        return self.session.finished

    @property
    def reports(self) -> list[TurnReport]:
        """The reports of the turns played so far."""
        return self.session.reports

    def briefing(self) -> str:
        """The level's briefing for the player's country."""
        return self.session.view.briefing(self.player)

    def objectives(self) -> list[str]:
        """The open objectives as sentences."""
        return [o.text for o in self.session.objectives(hidden=False)]

    def goals(self) -> tuple[ObjectiveState, ...]:
        """The open objectives and the player's own hidden ones, as they stand now."""
        return self.session.objectives(self.player)

    def start_metrics(self) -> dict[str, float]:
        """The headline gauges' values before the first turn."""
        return start_metrics(self.session)

    def offers(self) -> list[Proposal]:
        """Partners' proposals waiting for the player's answer."""
        return list(self.session.proposals_for(self.player))

    def roles(self) -> dict[str, str]:
        """Who leads each country: ``human`` or ``ai:<personality>``."""
        return {c: r.label for c, r in self.session.roles.items()}

    def draft(self) -> dict[str, LeverValue]:
        """The player's lever changes not yet committed."""
        return self.session.desk.draft(self.player)

    def draft_table(self, extra: Mapping[str, LeverValue] | None = None) -> Table:
        """The table with the player's draft (and ``extra``) applied; DecisionRejected if not."""
        return self.session.desk.table(self.player, extra)

    def set_lever(self, lever: str, value: LeverValue) -> None:
        """Put a lever change in the player's draft (DecisionRejected if it is illegal)."""
        self.session.desk.set_lever(self.player, lever, value)

    def decide(self, decision: Decision) -> None:
        """Send a decision to the session (DecisionRejected carries the player's message)."""
        self.session.submit(decision, scripted=self.autoplay)

    def forecast(self, metrics: tuple[str, ...],
                 extra: Mapping[str, LeverValue] | None = None) -> dict[str, Band]:
        """The advisors' 10/50/90% range of the coming turn under the player's plan."""
        return self.session.desk.forecast(self.player, metrics, extra)

    def end_turn(self) -> TurnReport | None:
        """Commit the player's draft and resolve the turn (the one team has decided)."""
        session = self.session
        if session.roles[self.player].human:
            session.desk.commit(self.player)
        report = session.end_turn()
        session.next_turn()
        self.message = save_message(session)
        if session.finished and session.roles[self.player].human:
            # Only a level the player led counts for the campaign, not one the AI played.
            from game.play.campaign import record_game

            self.message = " ".join(m for m in (self.message, record_game(session, self.player))
                                    if m)
        return report

    def debrief(self) -> Debrief:
        """The end-of-level data."""
        return self.session.debrief()


class TeamGame(SoloGame):
    """A classroom team's seat: its own draft, never another team's; its commit hands over."""

    def __init__(self, room: Classroom, country: str, autoplay: bool = False) -> None:
        """The seat of the team leading ``country`` in ``room``."""
        super().__init__(room.session, country, autoplay)
        self.room = room
        self.message = save_message(room.session)

    @property
    def turn(self) -> int:
        """The turn being decided."""
        return self.room.turn

    @property
    def finished(self) -> bool:
        """Whether the session is over (every turn played, or ended by the teacher)."""
        return self.room.finished

    def objectives(self) -> list[str]:
        """The open objectives and this team's own hidden ones, as sentences."""
        return [o.text for o in self.room.objectives_for(self.player)]

    def goals(self) -> tuple[ObjectiveState, ...]:
        """The open objectives and this team's own hidden ones, as they stand now."""
        return self.room.objectives_for(self.player)

    def start_metrics(self) -> dict[str, float]:
        """The headline gauges' values before the first turn."""
        return start_metrics(self.room.session)

    def set_lever(self, lever: str, value: LeverValue) -> None:
        """Put a lever change in the team's draft (pledges and the desk's turn are checked)."""
        self.room.set_lever(self.player, lever, value)

    def decide(self, decision: Decision) -> None:
        """Levers go to the team's draft; proposals, answers and threats to the session."""
        self.room.decide(self.player, decision)

    def end_turn(self) -> TurnReport | None:
        """Commit the team's draft; the class resolves the turn together (None until then)."""
        self.room.commit(self.player)
        self.message = save_message(self.session)
        return None


def save_message(session: Session) -> str:
    """What to tell the player about the last autosave: "" when it worked."""
    error = session.save_error
    return t("The game could not be saved: {e}", e=error) if error else ""


def start_metrics(session: Session) -> dict[str, float]:
    """The headline gauges before the first turn: the start's approval and relations, scores 50.

    Every score is 50 at the status quo, which is where a level starts.
    """
    world = session.start_world
    approval = np.asarray(world.approval).reshape(-1, 3)[0]
    relations = np.asarray(world.relations).reshape(-1, 3)[0]
    out = {f"approval_{c.lower()}": float(v) for c, v in zip(NATIONS, approval, strict=True)}
    # The Northern Triangle's governments have approval too (their own world field).
    approval_nt = np.asarray(world.approval_nt).reshape(-1, 3)[0]
    out.update({f"approval_{c.lower()}": float(v)
                for c, v in zip(AID_RECIPIENTS, approval_nt, strict=True)})
    out.update({f"relations_{p}": float(v) for p, v in zip(PAIRS, relations, strict=True)})
    out.update({m: 50.0 for m in METRICS if METRICS[m].kind == "score"})
    return out
