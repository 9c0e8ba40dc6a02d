"""An epidemic's closed borders: fewer leave while they are shut, more when they reopen.

Model section 1 (docs/model.md). The ``epidemic`` event (``game.sim.event_effects``) sets how
severe the closure is and for how many months; its falls in incomes and US work are the shocks
of :mod:`game.sim.mechanisms.origins`. A world where no epidemic ever happened holds zeros here,
and the shift below is then exactly zero: the month's values stay as they were.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def border_closure(severity: np.ndarray, left: np.ndarray, pent_up: np.ndarray,
                   P: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """This month's shift in the logit of leaving ``(n, 1)``, and the closure's next state.

    ``severity`` and ``left`` are the closure's severity (0-1) and months left, ``pent_up``
    last month's pent-up wish to leave (logit), ``(n,)`` each. While borders are shut the wish
    to leave is held back by ``epidemic_closure``; in the last month of the closure the pent-up
    wish (``epidemic_pent_up``) is released and then fades as a disaster's push does. Returns
    (shift, severity, months left, pent-up wish this month).
    """
    cut = np.where(left > 0, severity * P.flat.epidemic_closure, 0.0)
    pent = pent_up * P.flat.disaster_push_decay + np.where(
        left == 1, severity * P.flat.epidemic_pent_up, 0.0)
    return ((pent - cut)[:, None], np.where(left > 1, severity, 0.0),
            np.maximum(left - 1, 0.0), pent)
