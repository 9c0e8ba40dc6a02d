"""A pending tariff threat as a countdown: the limit it sets, the turns left, and the outlook."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from game.play.decisions import Table, Threat
from game.sim.forecast import Band
from game.sim.policy import month_label

__all__ = ["Deadline", "Outlook", "Verdict", "month_label", "monthly", "pending_deadline",
           "verdicts"]

Outlook = Literal["on_track", "at_risk", "off_track"]


@dataclass(frozen=True)
class Deadline:
    """A pending threat made by or against a country: its limit and the turns left."""

    threat: Threat
    #: The most encounters a month that meets the target.
    limit: float
    #: Turns until the turn holding the judged month, this one included (1: judged at its end).
    turns_left: int

    @property
    def judged_month(self) -> str:
        """The month the threat is judged on, ``2019-08``."""
        return month_label(self.threat.deadline_month)

    def outlook(self, band: Band) -> Outlook:
        """On track if even the 90th percentile meets the limit, off track if the 10th misses."""
        if band.p90 <= self.limit:
            return "on_track"
        if band.p10 > self.limit:
            return "off_track"
        return "at_risk"


def pending_deadline(table: Table, country: str) -> Deadline | None:
    """The pending tariff threat made by or against ``country`` whose reference month is known."""
    for threat in table.threats:
        if threat.status != "pending" or country not in (threat.by, threat.target):
            continue
        if threat.reference <= 0:
            continue
        left = max(0, threat.deadline_month - table.month) // table.months_per_turn + 1
        return Deadline(threat, threat.reference * (1.0 - threat.target_reduction), left)
    return None


@dataclass(frozen=True)
class Verdict:
    """A threat the model judged: the limit, the encounters it judged, and what followed."""

    threat: Threat
    limit: float

    @property
    def met(self) -> bool:
        """Whether the encounters of the judged month were within the limit."""
        return self.threat.status == "met"

    @property
    def imposed(self) -> bool:
        """Whether the tariff was imposed."""
        return self.threat.status == "carried_out"


def verdicts(table: Table, turn: int, country: str) -> list[Verdict]:
    """The threats made by or against ``country`` that the model judged in ``turn``."""
    return [Verdict(th, th.reference * (1.0 - th.target_reduction)) for th in table.threats
            if th.resolved_turn == turn and th.status != "pending"
            and country in (th.by, th.target) and th.reference > 0]


def monthly(band: Sequence[float], months_per_turn: int) -> Band:
    """A turn's forecast of a flow (its 10/50/90% values) as a monthly figure."""
    share = 1.0 / max(1, months_per_turn)
    low, middle, high = band
    return Band(low * share, middle * share, high * share)
