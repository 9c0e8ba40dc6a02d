"""Asylum queues: throughput from adjudicators, decisions shared over the cases, Little's law.

Model section 9 (docs/model.md). The US procedure's month (three dockets, bonds, absconding) is
``game.sim.queues.us_decisions``; Mexico's, Canada's and a Northern-Triangle partner's are here.
Decisions are shared over each queue's cases in proportion: a queue decides
``min(1, throughput / backlog)`` of every origin's cases.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import TINY, side_by_side


def throughput(officers: np.ndarray, corps: np.ndarray, P: Any) -> np.ndarray:
    """Decisions per month of the US, Mexico and Canada, ``(n, 3)``.

    Adjudicators × ``decisions_per_officer``; the joint corps screens claims in Mexico.
    """
    out = officers * P.decisions_per_officer
    out[:, 1:2] += corps * P.corps_screening_rate
    return out


class Queue(NamedTuple):
    """One month of a queue, per origin ``(n, 5)``: what is left and where the decided go."""

    proc: np.ndarray  # still waiting for a decision
    granted: np.ndarray  # protected
    bus: np.ndarray  # Mexico's bus routes, with those who carry on north
    returned: np.ndarray  # returned home, with those who go home


def mexico_queue(proc: np.ndarray, backlog: np.ndarray, throughput_mx: np.ndarray,
                 grant: np.ndarray, bus: np.ndarray, returned: np.ndarray, P: Any) -> Queue:
    """Mexico's procedure: decisions, then the denied carry on north or go home; some give up.

    ``backlog`` is the queue's total over origins ``(n,)``, ``throughput_mx`` ``(n, 1)``.
    """
    decided = proc * np.minimum(1.0, throughput_mx / (backlog[:, None] + TINY))
    granted = decided * grant
    denied = decided - granted
    onward = denied * P.mx_denied_onward_share
    proc = proc - decided
    quit_ = proc * P.mx_abandon_rate
    return Queue(proc - quit_, granted, bus + onward + quit_, returned + denied - onward)


def canada_queue(proc: np.ndarray, backlog: np.ndarray, throughput_ca: np.ndarray,
                 grant: np.ndarray, returned: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Canada's procedure: what is left, who is protected, and ``returned`` with the denied.

    The denied are returned home; ``backlog`` is the queue's total ``(n,)``.
    """
    decided = proc * np.minimum(1.0, throughput_ca / (backlog[:, None] + TINY))
    granted = decided * grant
    return proc - decided, granted, returned + decided - granted


class PartnerQueue(NamedTuple):
    """A Northern-Triangle partner's procedure under a safe-third-country deal, ``(n, 5)``."""

    proc: np.ndarray
    granted: np.ndarray  # the few protected (they settle in the region)
    bus: np.ndarray  # Mexico's bus routes, with those who head north again
    returned: np.ndarray  # returned home, with those who give up and go home
    danger: np.ndarray  # strong claimants among those gone home: returned to danger
    throughput: np.ndarray  # the partner's decisions per month, ``(n, 1)``


def partner_queue(proc: np.ndarray, backlog: np.ndarray, aid_governance: np.ndarray,
                  bus: np.ndarray, returned: np.ndarray, strong: np.ndarray,
                  P: Any) -> PartnerQueue:
    """A partner with (almost) no asylum capacity protects almost no one (ACA: 0 of 945).

    Its capacity is ``partner_capacity`` plus what governance aid ``(n, 3)`` US$M a year buys;
    people abandon, and go home or north again.
    """
    capacity = P.partner_capacity + np.add.reduce(aid_governance, axis=1, keepdims=True) * (
        P.governance_capacity_per_musd)
    decided = proc * np.minimum(1.0, capacity / (backlog[:, None] + TINY))
    granted = decided * P.partner_grant_rate
    proc = proc - decided
    quit_ = proc * P.partner_abandon_rate
    back = quit_ + decided - granted
    onward = back * P.partner_onward_share
    return PartnerQueue(proc - quit_, granted, bus + onward, returned + back - onward,
                        (back - onward) * strong, capacity)


def waits(backlog_us: np.ndarray, backlog_mx: np.ndarray, backlog_ca: np.ndarray,
          throughput_: np.ndarray, P: Any) -> np.ndarray:
    """Little's law: each wait is its backlog over the decisions per month, capped, ``(n, 3)``.

    Backlogs are totals over origins ``(n,)``; ``throughput_`` is US, MX, CA ``(n, 3)``.
    """
    return np.minimum(side_by_side(backlog_us, backlog_mx, backlog_ca)
                      / np.maximum(throughput_, TINY), P.max_wait_months)
