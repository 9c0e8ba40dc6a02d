"""What concerns a team without waiting for its answer: threats aimed at it, pledges made to it.

A proposal waits for an answer and sits in the team's inbox; a tariff threat does not (it runs
until its deadline) and a pledge, once answered, binds its maker for some turns. Both still
concern the team they were made to, which must see them during its turn — on its desk, on the
negotiations screen and on its devices — with their state: a threat's deadline or its outcome,
a pledge's last binding turn, kept, or broken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from game.i18n import percent, t, tc
from game.play.decisions import country_name
from game.sim.policy import month_label

if TYPE_CHECKING:
    from game.play.classroom.room import Classroom


@dataclass(frozen=True)
class Notice:
    """A threat aimed at a team, or a pledge made to it: one sentence and its state."""

    kind: Literal["threat", "pledge"]
    #: The country that made it.
    by: str
    text: str
    #: Where it stands, for people ("deadline 2019-08", "binding until turn 3", "broken").
    state: str
    #: Whether it still runs (a pending threat, a tariff in force, a binding pledge).
    running: bool
    #: The threat's or the pledge's own status ("pending", "carried_out", "accepted", …).
    status: str


def _who(room: Classroom, country: str) -> str:
    for team in room.teams:
        if team.country == country:
            return t("Team {name}", name=team.name)
    return country_name(country)


def notices_for(room: Classroom, country: str) -> list[Notice]:
    """Threats aimed at ``country``'s team and pledges made to it, running ones first."""
    turn = room.session.turn
    out: list[Notice] = []
    for th in room.session.table.threats:
        if th.target != country:
            continue
        recent = th.resolved_turn >= turn - 1
        if th.status not in ("pending", "carried_out") and not recent:
            continue
        text = t("{who} threatens a {rate} tariff on your exports unless encounters at the US "
                 "border fall {cut} by {month}.", who=_who(room, th.by),
                 rate=percent(th.rate * 100), cut=percent(th.target_reduction * 100),
                 month=month_label(th.deadline_month))
        state = {"pending": t("deadline {month}", month=month_label(th.deadline_month)),
                 "carried_out": t("carried out: the tariff is in force"),
                 "met": t("target met: no tariff"),
                 "lifted": t("lifted")}.get(th.status, th.status)
        out.append(Notice("threat", th.by, text, state, th.status in ("pending", "carried_out"),
                          th.status))
    for pledge in room.pledges:
        if pledge.to != country or pledge.status == "withdrawn":
            continue
        running = pledge.active(turn)
        if pledge.status == "pending":
            state = t("waiting for your answer")
        elif running and pledge.since is not None:
            state = t("binding until turn {n}", n=pledge.since + pledge.turns - 1)
        elif pledge.status in ("accepted", "kept"):
            state = tc("pledge", "kept")
        elif pledge.status == "broken":
            state = t("broken: {why}", why=pledge.reason) if pledge.reason else \
                tc("pledge", "broken")
        else:
            state = t("you turned it down")
        out.append(Notice("pledge", pledge.by, pledge.text(), state,
                          running or pledge.status == "pending", pledge.status))
    return sorted(out, key=lambda n: not n.running)
