"""Conditions in the origins: chance, shocks, violence, income, US labour demand, population.

Model section 1 (docs/model.md), and the US labour demand of section 11 that movers respond to.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.mechanisms._common import MX, saturation

#: The Atlantic hurricane season, June to November (0 = January).
HURRICANE_MONTHS = range(5, 11)


def ar1(previous: np.ndarray, persistence: float | np.ndarray, sd: float | np.ndarray,
        normal: np.ndarray) -> np.ndarray:
    """One month of an AR(1) with stationary standard deviation ``sd``, from a standard normal."""
    return persistence * previous + sd * np.sqrt(1 - persistence**2) * normal


def random_disasters(uniform: np.ndarray, month_of_year: int, event_weight: np.ndarray,
                     income_shock: np.ndarray, disaster_push: np.ndarray,
                     P: Any) -> tuple[np.ndarray, np.ndarray]:
    """Hurricanes drawn in season (June-November): income lost and a wish to leave, ``(n, 5)``.

    ``uniform`` holds the month's disaster draws per origin; returns the new income shock and
    disaster push.
    """
    season_on = float(month_of_year in HURRICANE_MONTHS)
    hit = (uniform < P.disaster_probability * season_on) * event_weight
    income_shock = income_shock - hit * P.random_disaster_severity * P.hurricane_income_loss
    disaster_push = disaster_push + hit * P.random_disaster_severity * P.hurricane_push
    return income_shock, disaster_push


def fade_shock(shock: np.ndarray, left: np.ndarray,
               recovery: float | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A shock is held while months are left, then recovers by ``recovery`` a month."""
    faded = np.where(left > 0, shock, shock * recovery)
    return faded, np.maximum(left - 1, 0)


def homicide_rates(trend: np.ndarray, population: np.ndarray, noise: np.ndarray,
                   violence_shock: np.ndarray, aid_vp: np.ndarray, aid_gov: np.ndarray,
                   pp: Any, P: Any) -> np.ndarray:
    """Homicides per 100,000, ``(n, 5)``: the trend × chance × shocks, cut by prevention aid.

    Violence prevention works neighbourhood by neighbourhood: the national effect is the local
    effect × the coverage dollars buy (``aid_vp``, ``aid_gov`` US$M a year for GT, HN, SV).
    """
    pop_nt = population[:, 1:4]
    cov_vp = saturation(aid_vp * 1e6 / pop_nt, pp.kappa_vp)
    cov_gov = saturation(aid_gov * 1e6 / pop_nt, pp.kappa_gov)
    cut = np.zeros((aid_vp.shape[0], 5))
    cut[:, 1:4] = (P.vp_neighbourhood_effect * P.vp_national_damping * cov_vp
                   + P.governance_homicide_effect * cov_gov)
    return trend[None, :] * np.exp(noise + violence_shock) * (1 - cut)


def origin_income(trend: np.ndarray, population: np.ndarray, income_shock: np.ndarray,
                  tariff_imposed: np.ndarray, aid_econ: np.ndarray, P: Any) -> np.ndarray:
    """Income per head, ``(n, 5)``: trend × shocks (a US tariff hurts Mexico's) × economic aid."""
    income_dev = income_shock.copy()
    income_dev[:, MX] -= tariff_imposed * P.flat.tariff_gdp_elasticity
    gdp = trend[None, :] * population
    aid_share = np.zeros((income_shock.shape[0], 5))
    aid_share[:, 1:4] = aid_econ * 1e6 / gdp[:, 1:4]
    return trend[None, :] * np.exp(income_dev) * (1 + P.aid_income_multiplier * aid_share)


def labour_demand(trend: float, economy_shock: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """US demand for migrant labour (index), ``(n, 1)``: the trend × the US economy × chance."""
    return trend * np.exp(economy_shock[:, 0:1] + noise[:, None])


def natural_growth(home: np.ndarray, pp: Any) -> np.ndarray:
    """Births minus natural deaths at home this month, ``(n, 5)``."""
    return home * pp.natural_growth / 12
