"""People settled in the US and Canada: circular returns, interior arrests, temporary workers.

Model section 8 (docs/model.md): recent unauthorized arrivals go home at a rate that falls as
enforcement rises (harder borders trap people in) and settle after ``recent_years``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np


class Settled(NamedTuple):
    """One month of the settled stocks, per origin ``(n, 5)``."""

    unauth_change: np.ndarray  # added to the settled unauthorized population (may be < 0)
    recent_out: np.ndarray  # leaving the recent arrivals (home, arrested, settled)
    going_home: np.ndarray  # unauthorized people going home
    interior: np.ndarray  # arrested in the interior: into removal proceedings
    temp_us_back: np.ndarray  # temporary workers going home, from the US
    temp_ca_back: np.ndarray  # and from Canada
    legal_back: np.ndarray  # people with status going home


def settled_population(unauth: np.ndarray, recent: np.ndarray, temp_us: np.ndarray,
                       temp_ca: np.ndarray, legal_us: np.ndarray, agents_us: np.ndarray,
                       P: Any) -> Settled:
    """Circular returns: ``return_rate_open · exp(−decay · agents / reference)`` a year.

    A hazard of recent arrivals; settled people rarely return (``return_rate_settled``).
    ``agents_us`` are the US border agents ``(n, 1)``.
    """
    q_year = P.return_rate_open * np.exp(-P.return_enforcement_decay * agents_us
                                          / P.agents_reference_us)
    circular = recent * (1 - np.exp(-q_year / 12))
    settled_return = unauth * (P.return_rate_settled / 12)
    interior_recent = recent * P.interior_removal_rate / 12
    interior_settled = unauth * P.interior_removal_rate / 12
    settling_in = recent / (12 * P.recent_years)
    return Settled(settling_in - settled_return - interior_settled,
                   circular + interior_recent + settling_in,
                   circular + settled_return,
                   interior_recent + interior_settled,
                   temp_us / P.temp_stay_months,
                   temp_ca / P.temp_stay_months,
                   legal_us * P.legal_return_rate / 12)
