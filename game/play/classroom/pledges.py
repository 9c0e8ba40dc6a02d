"""Pledges between teams: keep a lever at an amount or more for some turns (a promise)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.i18n import format_number, t, ts
from game.play.decisions import (
    country_phrase,
    country_subject,
    lever_label,
    money,
    plural_subject,
)
from game.sim.registry import LEVERS

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
            format_number(self.amount)
        return ts("{by} pledges {lever} of at least {amount} {to_country} for {n} turns",
                  plural_subject(self.by), by=country_subject(self.by),
                  lever=lever_label(self.lever), amount=amount,
                  to_country=country_phrase(self.to, "to"), n=self.turns)

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


def pledged_total(value: Any) -> float:
    """A pledged lever's amount (an aid split counts as its total)."""
    return float(sum(value.values())) if isinstance(value, Mapping) else float(value)


def at_least(value: Any, amount: float) -> Any:
    """``value`` raised to a total of ``amount`` (an aid split keeps its proportions)."""
    if isinstance(value, Mapping):
        total = pledged_total(value)
        if total <= 0:
            return float(amount)
        return {k: float(v) * amount / total for k, v in value.items()}
    return float(amount)


def pledge_amount_text(pledge: Pledge) -> str:
    """The pledged amount for people: ``$80M a year`` or ``1,300``."""
    if LEVERS[pledge.lever].kind == "money":
        return money(pledge.amount) + t(" a year")
    return format_number(pledge.amount)
