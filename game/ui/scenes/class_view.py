"""The classroom screens' handle on a :class:`~game.play.classroom.Classroom`.

:class:`ClassGameView` is what the single-player desk calls a "game" (``GameView``), seen by the
team at the keyboard: its table is the turn's table with *only this team's* draft applied, its
decisions go to the classroom (levers into the private draft, diplomacy to the session). The
screens share the helpers here: the teacher's key (Ctrl+T), the timer text, the autosave hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import t
from game.play.decisions import Decision, Table
from game.ui.scenes.start import GameView

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.play.record import GameRecord
    from game.play.report import TurnReport


class ClassGameView(GameView):
    """One team's view of the class's game: its own draft, never another team's."""

    def __init__(self, room: Classroom, country: str, autoplay: bool = False) -> None:
        super().__init__(room.session, country, autoplay)
        self.room = room

    @property
    def table(self) -> Table:
        """The turn's table with this team's draft applied (others' drafts stay private)."""
        return self.room.team_table(self.player)

    @property
    def turn(self) -> int:
        """The turn being decided."""
        return self.room.turn

    def decide(self, decision: Decision) -> None:
        """Levers go to the team's draft; proposals, answers and threats to the session."""
        self.room.decide(self.player, decision)

    def end_turn(self) -> TurnReport:
        """Teams commit, they do not end the turn (the class resolves it together)."""
        raise RuntimeError("a team commits; the class resolves the turn")

    def objectives(self) -> list[str]:
        """The open objectives and this team's own hidden ones, as sentences."""
        return [o.text for o in self.room.objectives_for(self.player)]


def teacher_key(event: pygame.event.Event) -> bool:
    """Whether ``event`` is the teacher panel's key: Ctrl+T (or F2)."""
    if event.type != pygame.KEYDOWN:
        return False
    if event.key == pygame.K_F2:
        return True
    return event.key == pygame.K_t and bool(event.mod & pygame.KMOD_CTRL)


def clock_text(seconds: float | None) -> str:
    """``7:05`` for a timer, "" when untimed."""
    if seconds is None:
        return ""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def autosave_hook() -> Any:
    """The classroom's save hook: autosave, never raising into a lesson.

    A failure is not hidden: ``autosave`` records it in the program's autosave status, which
    the app shows on every screen ("saves are off") until a save works again.
    """
    from game.play.saves import SaveError, autosave

    def save(record: GameRecord) -> None:
        try:
            autosave(record)
        except SaveError:
            # A full disk must not stop the class; the status shows it, the next commit retries.
            pass

    return save


def pass_text(room: Classroom) -> str:
    """The hand-over line for the team due at the desk."""
    team = room.current
    return t("Pass to Team {name}", name=team.name) if team else t("Every team has decided")
