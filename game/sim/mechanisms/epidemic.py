"""An epidemic's closed borders: fewer leave while they are shut, more when they reopen.

Model section 1 (docs/model.md). The ``epidemic`` event (``game.sim.event_effects``) sets how
severe the closure is and for how many months; its falls in incomes and US work are the shocks
of :mod:`game.sim.mechanisms.origins`. A world where no epidemic ever happened holds zeros here,
and every function below then leaves the month's values exactly as they were.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def border_closure(severity: np.ndarray, left: np.ndarray, disaster_push: np.ndarray,
                   P: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """This month's cut in the logit of leaving ``(n, 1)``, the push, and next month's closure.

    ``severity`` and ``left`` are the closure's severity (0-1) and months left ``(n,)``. While
    borders are shut the wish to leave is held back by ``epidemic_closure``; in the last month
    of the closure the pent-up wish to leave (``epidemic_pent_up``) joins the disaster push of
    every origin and fades with it. Returns (cut, push, severity, months left).
    """
    shut = left > 0
    cut = np.where(shut, severity * P.flat.epidemic_closure, 0.0)[:, None]
    release = np.where(left == 1, severity * P.flat.epidemic_pent_up, 0.0)[:, None]
    return (cut, disaster_push + release, np.where(left > 1, severity, 0.0),
            np.maximum(left - 1, 0.0))
