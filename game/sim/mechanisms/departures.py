"""Who wants to leave and who leaves: aspiration × capability, by kind of mover.

Model sections 2-3 (docs/model.md). The hazards by kind and what movers expect after the border
are ``game.sim.movers``'s; here the drivers are combined into the adults' log hazard and the
month's departures are drawn from the population at home.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim._prepared import clip
from game.sim.mechanisms._common import GUARD_SHARE, XR, follow
from game.sim.movers import departures, expected_after_border
from game.sim.world import STOCK

#: The demographic trend is extrapolated at most this many years from its reference year
#: (2012 ± 12 covers the inputs in data/, 2000-2023; beyond them the trend is held flat).
DEMOGRAPHY_YEARS = 12.0
#: The stocks of people from an origin who live in the US: its diaspora (summed in this order).
_DIASPORA = tuple(STOCK[name] for name in (
    "legal_us", "temp_us", "unauth_us", "unauth_recent_us", "proc_us", "det_us"))


def network_seen(stocks: np.ndarray, before: np.ndarray, k: float | np.ndarray) -> np.ndarray:
    """The diaspora in the US as people at home perceive it (a lagged echo), ``(n, 5)``."""
    first, *rest = _DIASPORA
    diaspora_now = stocks[:, first, :]
    for index in rest:
        diaspora_now = diaspora_now + stocks[:, index, :]
    return follow(before, diaspora_now, k)


def season_factor(season_weight: np.ndarray, month_of_year: int, P: Any) -> np.ndarray:
    """The month's seasonal multiplier of departures (spring peak), never negative, ``(n, 1)``."""
    season = 1 + season_weight * P.season_amplitude * np.cos(
        2 * np.pi * (month_of_year - P.season_peak_month) / 12)
    return np.maximum(season, 0.0)


def emigration_logit(month: int, homicide_seen: np.ndarray, income: np.ndarray,
                     remittances: np.ndarray, network: np.ndarray, population: np.ndarray,
                     labour_demand: np.ndarray, shortage: np.ndarray,
                     disaster_push: np.ndarray, coffee_price: float, price: np.ndarray,
                     exit_officers: np.ndarray, pp: Any, P: Any) -> np.ndarray:
    """Log monthly hazard of leaving for single adults, ``(n, 5)``: push, pull, the hump.

    ``shortage`` and ``price`` are last month's US labour shortage and smuggling price, ``(n, 1)``;
    ``exit_officers`` GT, HN and SV's exit controls ``(n, 3)``.
    """
    capability = np.minimum(
        0.0, np.log(income * (1 + P.remittance_capability * remittances[None, :])
                    / P.hump_peak_income_usd))
    exit_drag = np.zeros(income.shape)
    exit_drag[:, 1:4] = P.exit_control_effect * exit_officers * 1000 / population[:, 1:4]
    return (P.emigration_logit
            + P.violence_elasticity * P.violence_weight * np.log(np.maximum(homicide_seen, 0.1))
            + P.demographic_trend * clip(month / 12 - P.demographic_reference_year,
                                         -DEMOGRAPHY_YEARS, DEMOGRAPHY_YEARS)
            - P.wage_elasticity * np.log(income)
            + P.capability_elasticity * capability
            + P.network_elasticity * np.log(np.maximum(network, 1.0) / population)
            + P.labour_pull_elasticity * np.log(labour_demand)
            + P.shortage_pull * shortage
            + disaster_push
            + pp.coffee_elasticity * np.log(P.coffee_reference_cents / coffee_price)
            - P.price_elasticity * np.log(price / P.price_reference_usd)
            - exit_drag)


def who_leaves(home: np.ndarray, logit: np.ndarray, season: np.ndarray,
               release_seen: np.ndarray, stay_seen: np.ndarray, homicide_seen: np.ndarray,
               surge: np.ndarray, surge_left: np.ndarray, caravan: np.ndarray, pp: Any,
               P: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Adults, families and children alone who leave, and the caravan that can set out.

    Every kind weighs what it expects after the border — the chance of release into the US
    times the (log) months a claim keeps them there, as word of recent arrivals has it —
    families most. An extra-regional surge adds adults from XR; neither it nor a caravan takes
    more than half of those at home. Returns adults ``(n, 5)``, families and children
    ``(n, 2, 5)`` and the caravan ``(n, 5)``.
    """
    expected = expected_after_border(release_seen, stay_seen, P.expected_stay_reference)
    violence_extra = P.family_violence_extra * np.log(np.maximum(homicide_seen, 0.1))
    movers, families_children = departures(home, logit, season, expected, violence_extra, pp, P)
    xr_extra = np.minimum(surge[:, None] * (surge_left[:, None] > 0),
                          home[:, XR:XR + 1] * GUARD_SHARE)
    movers[:, XR:XR + 1] += xr_extra
    caravan = np.minimum(caravan, np.maximum(home - movers, 0.0) * GUARD_SHARE)
    return movers, families_children, caravan
