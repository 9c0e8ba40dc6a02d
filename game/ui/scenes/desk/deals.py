"""The Diplomacy tab's facts: who a proposal goes to, and what became of each kind of deal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import t
from game.play.decisions import country_list
from game.play.names import AGREEMENTS, nearest_first

if TYPE_CHECKING:
    from game.ui.scenes.desk.scene import DeskScene


def partners(desk: DeskScene, kind: str) -> tuple[str, ...]:
    """Who a proposal of ``kind`` goes to: every acceptor, or the nearest one."""
    spec = AGREEMENTS[kind]
    countries = desk.table.countries
    found = tuple(c for c in spec.acceptors if c != desk.player and c in countries)
    if kind in ("burden_sharing", "joint_corps", "trinational_task_force"):
        return found
    # One partner for two-party agreements: the player's neighbour on the route north when
    # it can be (Canada's safe-third-country deal is with the US, Mexico's with Guatemala),
    # else the registry's first (Mexico for the US).
    return nearest_first(desk.player, found)[:1]


def deal_status(desk: DeskScene, kind: str) -> tuple[str, str]:
    """What has become of this kind of deal: (text, status) for the diplomacy row."""
    table = desk.table
    if kind == "tariff_threat":
        for th in table.threats:
            if th.by == desk.player:
                if th.status == "pending":
                    return t("Threat running: deadline in {n} months",
                             n=max(0, th.deadline_month - table.month)), "pending"
                return t("Last threat: {status}", status=t(th.status.replace("_", " "))), \
                    th.status
        return "", ""
    for pact in table.active_pacts(desk.player):
        if pact.agreement.kind == kind:
            text = t("In force since turn {n}", n=pact.since_turn)
            others = [c for c in pact.agreement.parties if c != desk.player]
            if set(others) != set(partners(desk, kind)):
                # The row names its usual partner; a level's deal may be with another one.
                text = t("{text}, with {names}", text=text, names=country_list(others))
            return text, "active"
    for p in reversed(table.proposals):
        if p.kind == kind and desk.player in p.parties:
            reason = f" — {p.reason}" if p.reason else ""
            if p.status == "pending" and desk.player in p.awaiting:
                return t("Offered to you: answer it above."), "pending"
            if p.status == "pending":
                return t("Waiting for {who}", who=country_list(p.awaiting)) + reason, \
                    "pending"
            return t("{status}", status=t(p.status).capitalize()) + reason, p.status
    return "", ""
