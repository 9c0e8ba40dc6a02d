"""Starting and resuming games: from a level file, a shipped id, or the latest autosave.

:class:`GameView` is the screens' handle on a :class:`~game.play.session.Session`: which country
the person at the keyboard leads, the texts and dates the screens show, and the calls the desk
makes. It holds no rules: every decision goes to the session, every number comes from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.play.decisions import Decision
from game.sim.policy import month_label

if TYPE_CHECKING:
    from game.play.report import Debrief, TurnReport
    from game.play.session import Session
    from game.ui.app import App
    from game.ui.scenes.base import Scene


#: The metrics the map draws its flows from (per turn, as the model reports them).
MAP_METRICS = ("asylum_claims_ca", "asylum_claims_mx", "asylum_claims_us",
               "ca_irregular_interceptions", "deaths_in_transit", "emigrants_from_mx",
               "emigrants_from_gt", "emigrants_from_hn", "emigrants_from_sv", "emigrants_from_xr",
               "irregular_entries_us", "legal_admissions_us", "legal_admissions_ca",
               "legal_admissions_mx", "mx_apprehensions", "stranded_in_mx_border_towns",
               "us_border_encounters")


class GameView:
    """One game as the screens see it: the session, the player's country, autoplay or not."""

    def __init__(self, session: Session, player: str, autoplay: bool = False) -> None:
        self.session = session
        self.player = player
        self.autoplay = autoplay
        self.message = ""
        #: The player's lever changes not yet sent to the session (cleared when a turn ends).
        self.draft: dict[str, Any] = {}

    # -- what the screens read ------------------------------------------------------------------

    @property
    def table(self) -> Any:
        """The turn's table (levers, budgets, proposals, pacts, threats)."""
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
        """The objectives as sentences."""
        out = []
        for o in self.session.view.objectives:
            text = getattr(o, "text", None) or getattr(o, "description", None) or getattr(
                o, "id", "")
            out.append(self.session.view.text(text))
        return out

    def map_state(self, policy: Any = None) -> Any:
        """What the map shows: the last turn's flows under the current (or planned) levers."""
        from game.ui.map import MapState

        reports = self.session.reports
        metrics = reports[-1].metrics if reports else dict(self.session.table.last_metrics)
        if not metrics and self.forecast_available():
            # Before the first turn nothing has happened yet: show the advisors' median
            # expectation for it, so the map is not empty on the first screen.
            try:
                metrics = {m: mid for m, (_, mid, _) in self.forecast(
                    self.session.table.policy, MAP_METRICS).items()}
            except Exception:  # noqa: BLE001 - an empty map is better than no game
                metrics = {}
        levers = (policy or self.session.table.policy).levers
        return MapState.from_metrics(metrics, levers,
                                     months=self.session.months_per_turn,
                                     player_countries=[self.player])

    def offers(self) -> list[Any]:
        """Partners' proposals waiting for the player's answer."""
        return list(self.session.proposals_for(self.player))

    def roles(self) -> dict[str, str]:
        """Who leads each country: ``human`` or ``ai:<personality>``."""
        return {c: r.label for c, r in self.session.roles.items()}

    # -- what the screens send ------------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        """Send a decision to the session (DecisionRejected carries the player's message)."""
        self.session.submit(decision, scripted=self.autoplay)

    def end_turn(self) -> TurnReport:
        """Resolve the turn and move the session on to its report."""
        report = self.session.end_turn()
        self.session.next_turn()
        self.draft.clear()
        error = getattr(self.session, "autosave_error", "")
        self.message = t("The game could not be saved: {e}", e=error) if error else ""
        return report

    def debrief(self) -> Debrief:
        """The end-of-level data."""
        return self.session.debrief()

    def forecast(self, policy: Any, metrics: tuple[str, ...]) -> dict[str, tuple[float, float,
                                                                              float]]:
        """The advisors' 10/50/90% range of next turn's ``metrics`` under ``policy``."""
        from game.sim.forecast import forecast

        bands = forecast(self.session.sim, policy, self.session.months_per_turn,
                         metrics=metrics)
        return {m: (b.p10, b.p50, b.p90) for m, b in bands.items()}

    @staticmethod
    def forecast_available() -> bool:
        """Whether the model offers the advisors' forecast (``game.sim.forecast``)."""
        import importlib.util

        return importlib.util.find_spec("game.sim.forecast") is not None


def make_session(level: Any, player: str | None, source: str | None, autoplay: bool) -> Session:
    """A session with ``player`` human and every other country led by its AI leader."""
    from game.play.levelview import LevelView
    from game.play.saves import autosave_session
    from game.play.session import Session

    view = LevelView(level)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    if player is not None and not autoplay:
        players[player] = "human"
    session = Session(level, players=players, source=source)
    session.on_turn_end = autosave_session
    return session


def new_game_scene(app: App, level: Any, player: str, path: Path | None = None) -> Scene:
    """The briefing of a new game of ``level`` led by ``player``."""
    from game.ui.scenes.briefing import BriefingScene

    source = None
    if path is not None:
        try:
            source = path.read_text(encoding="utf-8")
        except OSError:
            source = None
    game = GameView(make_session(level, player, source, app.autoplay), player, app.autoplay)
    return BriefingScene(app, game)


def resume_scene(app: App) -> Scene:
    """The desk of the latest autosaved game, or the title with the reason it cannot resume."""
    from game.play.saves import autosave_session, resume_latest
    from game.ui.scenes.desk import DeskScene
    from game.ui.scenes.title import TitleScene

    session, message = resume_latest()
    if session is None:
        title = TitleScene(app)
        title.notice = message
        return title
    if session.record.classroom:
        # A classroom session resumes as a class: its teams, drafts and hand-over.
        from game.ui.scenes.class_handover import resume_class_scene

        return resume_class_scene(app, session.record, message)
    session.on_turn_end = autosave_session
    humans = session.humans or tuple(session.roles)
    game = GameView(session, humans[0], app.autoplay)
    game.message = message
    if session.finished:
        from game.ui.scenes.debrief import DebriefScene

        return DebriefScene(app, game)
    return DeskScene(app, game)


def find_level(spec: str) -> tuple[Any, Path] | str:
    """A level from a path or a shipped id; or the message saying why it cannot be opened."""
    from game.content.catalog import scan_levels, shipped_levels
    from game.content.problems import format_problem

    path = Path(spec).expanduser()
    if path.is_file():
        entries = [e for e in scan_levels(path.parent, "custom") if e.path.resolve()
                   == path.resolve()]
        if not entries:
            return t("{path} is not a level file.", path=path)
    else:
        entries = [e for e in shipped_levels() if spec in (e.id, e.path.stem)]
        if not entries:
            return t("No level file or shipped level called “{spec}”.", spec=spec)
    entry = entries[0]
    if not entry.ok:
        return "\n".join(format_problem(p) for p in entry.problems)
    return entry.level, entry.path


def start_scene(app: App, level: str | None = None, resume: bool = False) -> Scene:
    """The first scene for ``borderlines play [LEVEL] [--continue]``."""
    from game.ui.scenes.level_picker import playable
    from game.ui.scenes.title import TitleScene

    if resume:
        return resume_scene(app)
    assert level is not None
    found = find_level(level)
    if isinstance(found, str):
        title = TitleScene(app)
        title.notice = found
        return title
    loaded, path = found
    return new_game_scene(app, loaded, playable(loaded)[0], path)
