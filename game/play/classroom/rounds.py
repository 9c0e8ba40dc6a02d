"""The class's shared clocks: the briefing before the first turn and the negotiation rounds.

Unlike a team's desk timer these are the whole room's: the projector shows them large, every
team talks at once, and when one reaches zero the teacher is told (nothing moves by itself —
the teacher decides when the class goes on). The teacher can add a minute or skip the rest.
A briefing is held once, before the first turn; a negotiation round before every later turn,
after the class has seen the previous turn's results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.play.lesson_timing import LessonTiming

#: The kinds of shared round, in the order a lesson meets them.
ROUND_KINDS = ("briefing", "negotiation")


@dataclass
class SharedRound:
    """One shared round: what it is, before which turn, and its clock."""

    kind: str
    turn: int
    minutes: float
    #: Seconds left (counts down only while running).
    left: float
    running: bool = False

    @property
    def over(self) -> bool:
        """Whether the clock has reached zero."""
        return self.left <= 0.0

    @property
    def title(self) -> str:
        """"Negotiation round" or "Class briefing"."""
        return t("Class briefing") if self.kind == "briefing" else t("Negotiation round")

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the record."""
        return {"kind": self.kind, "turn": self.turn, "minutes": self.minutes,
                "left": self.left, "running": self.running}


class RoundClock:
    """Which shared round the class is due, and the one under way."""

    def __init__(self, timing: LessonTiming,
                 log: Callable[..., None] | None = None) -> None:
        self.timing = timing
        self._log = log or (lambda action, **details: None)
        #: Rounds held (run to zero or skipped): (kind, turn).
        self.done: set[tuple[str, int]] = set()
        #: The round under way (None between rounds).
        self.current: SharedRound | None = None

    @property
    def running(self) -> bool:
        """Whether a round's clock is counting down now."""
        return self.current is not None and self.current.running and not self.current.over

    def minutes(self, kind: str) -> float:
        """The minutes the teacher set for rounds of ``kind`` (0: none are held)."""
        return self.timing.briefing_minutes if kind == "briefing" else \
            self.timing.negotiation_minutes

    def due(self, turn: int, started: bool) -> str | None:
        """The round due before ``turn``'s desks ("briefing", "negotiation" or None).

        ``started`` is whether a team has already committed this turn (then none is due).
        """
        if started:
            return None
        kind = "briefing" if turn == 1 else "negotiation"
        if not self.minutes(kind) or (kind, turn) in self.done:
            return None
        return kind

    def start(self, kind: str, turn: int) -> SharedRound:
        """Start (or go on with) the round ``kind`` before ``turn``."""
        current = self.current
        if current is None or (current.kind, current.turn) != (kind, turn):
            minutes = self.minutes(kind)
            current = self.current = SharedRound(kind, turn, minutes, minutes * 60.0)
            self._log("round_start", kind=kind, minutes=minutes)
        current.running = True
        return current

    def tick(self, seconds: float) -> bool:
        """Let ``seconds`` pass; True when the round's clock has just reached zero."""
        current = self.current
        if current is None or not current.running or current.over:
            return False
        current.left = max(0.0, current.left - seconds)
        if current.over:
            current.running = False
            self._log("round_over", kind=current.kind)
            return True
        return False

    def extend(self, minutes: float) -> None:
        """Give the round under way more time (it runs again if it had reached zero)."""
        current = self.current
        if current is None:
            return
        current.left += minutes * 60.0
        current.running = True
        self._log("round_extend", kind=current.kind, minutes=minutes)

    def finish(self, skipped: bool = False) -> None:
        """The round is over (run to zero, or skipped by the teacher): the class goes on."""
        current = self.current
        if current is None:
            return
        self.done.add((current.kind, current.turn))
        if skipped and not current.over:
            self._log("round_skip", kind=current.kind, left=round(current.left))
        self.current = None

    def skip(self, kind: str, turn: int) -> None:
        """Hold no round ``kind`` before ``turn`` (the teacher skips it before it starts)."""
        if self.current is not None and (self.current.kind, self.current.turn) == (kind, turn):
            self.finish(skipped=True)
            return
        self.done.add((kind, turn))
        self._log("round_skip", kind=kind, left=round(self.minutes(kind) * 60))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the record."""
        return {"done": sorted([k, n] for k, n in self.done),
                "current": self.current.to_dict() if self.current else None}

    def restore(self, data: Any) -> None:
        """Read :meth:`to_dict`'s data back, ignoring anything malformed."""
        if not isinstance(data, dict):
            return
        for item in data.get("done") or []:
            if (isinstance(item, list | tuple) and len(item) == 2 and item[0] in ROUND_KINDS
                    and isinstance(item[1], int)):
                self.done.add((str(item[0]), int(item[1])))
        cur = data.get("current")
        if isinstance(cur, dict) and cur.get("kind") in ROUND_KINDS and isinstance(
                cur.get("turn"), int) and all(isinstance(cur.get(k), int | float)
                                              and not isinstance(cur.get(k), bool)
                                              for k in ("minutes", "left")):
            left = min(max(0.0, float(cur["left"])), 3600.0)
            # A resumed round waits for the teacher: the room may not be ready yet.
            self.current = SharedRound(str(cur["kind"]), int(cur["turn"]),
                                       float(cur["minutes"]), left, running=False)


class SharedRounds:
    """The classroom's shared-round methods (mixed into :class:`Classroom`).

    They need the room's ``rounds`` clock, ``session``, ``committed``, ``finished``, ``paused``
    and ``_save``.
    """

    rounds: RoundClock
    session: Any
    paused: bool

    if TYPE_CHECKING:  # the room's own members, declared for the type checker only
        @property
        def committed(self) -> list[str]:
            """The teams that committed this turn."""

        @property
        def finished(self) -> bool:
            """Whether the session is over."""

        def _save(self) -> None: ...

    def due_round(self) -> str | None:
        """The shared round due before this turn's desks ("briefing", "negotiation" or None)."""
        if self.finished:
            return None
        return self.rounds.due(self.session.turn, bool(self.committed))

    def start_round(self) -> SharedRound | None:
        """Start the round that is due (or go on with the one under way); None if none is due."""
        kind = self.due_round()
        return None if kind is None else self.rounds.start(kind, self.session.turn)

    def tick_round(self, seconds: float) -> bool:
        """Let ``seconds`` pass in the shared round; True when it has just reached zero."""
        return False if self.paused else self.rounds.tick(seconds)

    def extend_round(self, minutes: float) -> None:
        """Give the shared round under way more minutes."""
        self.rounds.extend(minutes)

    def end_round(self, skipped: bool = False) -> None:
        """The shared round is over (or skipped, started or not): the desks come next."""
        kind = self.due_round()
        if kind is None:
            return
        if self.rounds.current is None:
            self.rounds.skip(kind, self.session.turn)
        else:
            self.rounds.finish(skipped)
        self._save()
