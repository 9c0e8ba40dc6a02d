"""Asylum queues: decisions from adjudicators, and what follows each decision (model.md §9).

Pure functions of arrays ``(n, 5)`` per origin (coefficients floats or ``(n, 1)``), tested in
tests/sim/test_queues.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_TINY = 1e-9


def us_decisions(proc: np.ndarray, detained: np.ndarray, waiting_in_mexico: np.ndarray,
                 backlog: np.ndarray, throughput: np.ndarray, grant: np.ndarray,
                 detention: np.ndarray, P: Any) -> dict[str, Any]:
    """One month of the US procedure: decisions shared over the cases, then their outcomes.

    Decisions are shared in proportion to the cases waiting (``backlog``, ``(n, 1)``), the
    detained docket faster; grants gain status, denials are removed (mostly when detained) or
    stay without status; people in detention are released on bond, people released abscond at
    the detention regime's rate (``detention`` holds the regime's weights, ``(n, 4)``).
    Returns the new stocks (``proc``, ``detained``, ``waiting_in_mexico``) and the flows
    ``granted``, ``to_unauthorized`` and ``returned``, the last two as their parts (denied and
    not removed from the procedure, from detention, absconding; removed from the procedure,
    from detention, denied while waiting in Mexico), which the step adds in this order.
    """
    share = np.minimum(1.0, throughput / (backlog + _TINY))
    d_proc = proc * share
    d_det = detained * np.minimum(1.0, share * P.detained_docket_priority)
    d_mpp = waiting_in_mexico * share
    granted = (d_proc + d_det + d_mpp) * grant
    deny = 1 - grant
    denied_proc, denied_det, denied_mpp = d_proc * deny, d_det * deny, d_mpp * deny
    removed_proc = denied_proc * P.denied_removal_rate_released
    removed_det = denied_det * P.denied_removal_rate_detained
    proc = proc - d_proc
    detained = detained - d_det
    waiting_in_mexico = waiting_in_mexico - d_mpp
    released_bond = detained * P.detention_release_rate
    detained = detained - released_bond
    proc = proc + released_bond
    abscond = proc * (detention[:, 0:1] * P.abscond_release + detention[:, 1:2] * P.abscond_atd
                      + (detention[:, 2:3] + detention[:, 3:4]) * P.abscond_release)
    proc = proc - abscond
    return {"proc": proc, "detained": detained, "waiting_in_mexico": waiting_in_mexico,
            "granted": granted,
            "to_unauthorized": (denied_proc - removed_proc, denied_det - removed_det, abscond),
            "returned": (removed_proc, removed_det, denied_mpp)}
