"""Who moves and what they expect: the mechanisms of the model's second edition (model.md).

Pure functions of arrays, one per mechanism, each with its equation in docs/model.md and its own
tests (tests/sim/test_movers.py). Shapes: ``(n, 5)`` per origin, ``(n, 3, 5)`` per kind (adults,
families, children alone) and origin, ``(n, 2, 5)`` for families and children; coefficients are
floats or ``(n, 1)`` per world.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.mechanisms._common import stacked

#: Keeps ratios finite where a flow is zero.
_TINY = 1e-9


def per_kind(x: float | np.ndarray) -> float | np.ndarray:
    """A coefficient (float, or ``(n, 1)`` per world) shaped to scale ``(n, kind, origin)``."""
    return x[:, :, None] if np.ndim(x) == 2 else x  # type: ignore[index]


def expected_after_border(release_seen: np.ndarray, stay_seen: np.ndarray,
                          reference: float | np.ndarray) -> np.ndarray:
    """What movers of each kind expect: release chance × ln(1 + months a claim lasts) − ref."""
    return release_seen * np.log1p(stay_seen)[:, None, None] - per_kind(reference)


def departures(home: np.ndarray, logit: np.ndarray, season_on: np.ndarray,
               expected: np.ndarray, violence_extra: np.ndarray, pp: Any,
               P: Any) -> tuple[np.ndarray, np.ndarray]:
    """Adults who leave, and families and children alone who leave, ``(n, 5)`` and ``(n, 2, 5)``.

    Each kind has its own hazard (adults: the common logit; families and children: their level,
    a stronger response to violence and a stronger pull of what they expect); the three share
    one hazard so no more leave than live at home.
    """
    rate = np.exp(logit + P.pull_adult * expected[:, 0]) * season_on
    rate_family = np.exp(logit + pp.family_logit + violence_extra
                         + P.pull_family * expected[:, 1]) * season_on
    rate_child = np.exp(logit + pp.child_logit + violence_extra
                        + P.pull_child * expected[:, 2]) * season_on
    all_rates = rate + rate_family + rate_child + _TINY
    leave_all = home * (1 - np.exp(-all_rates))
    adults = leave_all * (rate / all_rates)
    families_children = stacked(leave_all * (rate_family / all_rates),
                                leave_all * (rate_child / all_rates))
    return adults, families_children


def family_transit(new: np.ndarray, on_road: np.ndarray, through: np.ndarray,
                   pi_south: np.ndarray, pi_bus: np.ndarray, mortality: np.ndarray,
                   P: Any) -> dict[str, np.ndarray]:
    """Families and children alone crossing Mexico by bus with smugglers for one month.

    ``new`` leave home this month, ``on_road`` were already travelling, ``(n, 2, 5)``. Returns
    the people still on the road, those reaching the US border (``out``: from the road, plus
    ``direct`` for those who need not cross Mexico), the dead, and those Mexico caught.
    """
    enter = new * through[:, None, :]
    direct = new - enter  # Mexicans reach the US border the month they leave
    caught_south = enter * pi_south[:, :, None]
    road = on_road + enter - caught_south
    dead = road * per_kind(mortality)
    road = road - dead
    caught = road * per_kind(pi_bus * P.family_catch_factor)
    road = road - caught
    out = road * per_kind(P.family_transit_exit)
    return {"road": road - out, "out": out, "direct": direct, "dead": dead,
            "caught": caught_south + caught}


def saturating_funnel(effort: np.ndarray, reference: float | np.ndarray,
                      elasticity: float | np.ndarray,
                      max_log: float | np.ndarray) -> np.ndarray:
    """How much deadlier enforcement makes the routes it pushes people onto, with a ceiling.

    ``(effort / reference) ** elasticity`` near the reference, never more than ``exp(max_log)``
    (nor less than its inverse): ``exp(max_log · tanh(elasticity · ln(effort/ref) / max_log))``.
    """
    pressure = elasticity * np.log(np.maximum(effort, 1.0) / reference)
    return np.exp(max_log * np.tanh(pressure / max_log))


def update_beliefs(release_seen: np.ndarray, stay_seen: np.ndarray, realised: np.ndarray,
                   heard: np.ndarray, wait: np.ndarray,
                   k: float | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Beliefs follow what recent arrivals found, by a first-order lag (share ``k`` a month).

    ``realised`` is the share of this month's arrivals of each kind now in the US, ``heard``
    whether any arrived (otherwise the belief stays); ``wait`` is the US asylum wait, ``(n, 1)``.
    """
    release = release_seen + (realised - release_seen) * per_kind(k) * heard
    stay = (stay_seen[:, None] + (wait - stay_seen[:, None]) * k)[:, 0]
    return release, stay
