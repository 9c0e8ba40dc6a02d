"""US labour: the shortage of migrant workers, closed slowly by mechanisation.

Model section 11 (docs/model.md; Clemens, Lewis & Postel: growers mechanised after the bracero
exclusion), so shortages are real but close over years.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim._prepared import clip
from game.sim.world import STOCK

#: The two stocks of people in the US without status: settled and recent arrivals.
_UNAUTHORIZED = np.array([STOCK["unauth_us"], STOCK["unauth_recent_us"]])


def shortage(temp_workers: np.ndarray, unauthorized: np.ndarray, labour_demand: np.ndarray,
             mechanisation: np.ndarray, P: Any) -> np.ndarray:
    """Unfilled share of migrant-labour demand (0-1), ``(n, 1)``.

    ``temp_workers`` and ``unauthorized`` are the US totals of temporary workers and unauthorized
    residents, ``(n, 1)``; jobs are ``migrant_labour_jobs × labour demand × (1 − mechanisation)``.
    """
    supply = temp_workers + P.unauthorized_participation * unauthorized
    jobs = P.migrant_labour_jobs * labour_demand * (1 - mechanisation)
    return clip((jobs - supply) / np.maximum(jobs, 1.0), 0.0, 1.0)


def last_shortage(stocks: np.ndarray, mechanisation: np.ndarray, labour_demand: np.ndarray,
                  P: Any) -> np.ndarray:
    """Last month's shortage ``(n, 1)``: stocks ``(n, stocks, 5)``, mechanisation ``(n,)``."""
    # Over origins, then the two stocks: a reduction over both axes at once sums a lone
    # world's ten numbers in another order than a batch's (the last bit depended on the batch
    # size); five origins and two stocks are summed in order whatever the batch.
    unauthorized = np.add.reduce(np.add.reduce(stocks[:, _UNAUTHORIZED, :], axis=2), axis=1)
    return shortage(np.add.reduce(stocks[:, STOCK["temp_us"], :], axis=1, keepdims=True),
                    unauthorized[:, None], labour_demand, mechanisation[:, None], P)


def mechanisation(before: np.ndarray, shortage_: np.ndarray, P: Any) -> np.ndarray:
    """Mechanisation grows while there is a shortage and decays slowly, ``(n,)`` (0 to max)."""
    grown = before + (P.flat.mechanisation_rate * shortage_) - (
        P.flat.mechanisation_decay * before)
    return clip(grown, 0.0, P.flat.mechanisation_max)
