"""Legal channels (finite), the choice to wait for one, and the first leg of irregular routes.

Model section 4 (docs/model.md).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import TINY, XR, add_up, sigmoid


def legal_places(visas: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Legal places per channel and origin this month, ``(n, 6, 5)``, from visas a year ``(n, 6)``.

    Channels in the order of ``Prepared.place_shares`` (work US, humanitarian US, work CA, …);
    each element is computed as (visas / 12) × share, as one by one.
    """
    return (visas / 12)[:, :, None] * shares


def credibility(rem_us: np.ndarray, returnable: np.ndarray, returns_on: np.ndarray,
                P: Any) -> np.ndarray:
    """How credible the consequence of an irregular crossing is, per origin, ``(n, 5)``.

    The US removal regime's severity × the share of that origin the US can return (XR more
    when Mexico accepts returns, ``returns_on`` ``(n, 1)``).
    """
    severity = (rem_us[:, 0:1] * P.consequence_expel + rem_us[:, 1:2] * P.consequence_remove
                + rem_us[:, 2:3] * P.consequence_prosecute)
    returnable = returnable.copy()
    returnable[:, XR:XR + 1] += (1 - returnable[:, XR:XR + 1]) * returns_on
    return severity * returnable


class Channels(NamedTuple):
    """Where this month's adult movers go, per origin ``(n, 5)``."""

    issued: np.ndarray  # legal places taken
    fill: np.ndarray  # share of the places taken
    wait_share: np.ndarray  # share of the would-be irregular movers who wait for a place
    intending: np.ndarray  # would-be irregular movers
    irregular: np.ndarray  # leaving irregularly, on their own
    caravan: np.ndarray  # leaving irregularly, in a caravan
    leaving: np.ndarray  # irregular + caravan


def legal_channels(places: np.ndarray, movers: np.ndarray, caravan: np.ndarray,
                   home: np.ndarray, credible: np.ndarray, P: Any) -> Channels:
    """Legal places go to applicants; the rest wait for one or leave irregularly.

    Applicants are ``legal_demand_ratio`` times the movers; waiting is a logit on access to a
    place, the credibility of consequences and their product (the complement).
    """
    quota = add_up(places.swapaxes(0, 1))  # over the six channels
    demand = P.legal_demand_ratio * movers + TINY
    issued = np.minimum(quota, demand)
    issued = np.minimum(issued, home * P.max_monthly_share)
    fill = issued / (quota + TINY)
    access = np.minimum(1.0, quota / demand)
    wait_share = sigmoid(P.wait_logit + P.wait_access * access + P.wait_consequence * credible
                         + P.wait_complement * access * credible)
    intending = np.maximum(movers - issued / P.legal_demand_ratio, 0.0)
    irregular = intending * (1 - wait_share)
    leaving = np.minimum(irregular + caravan, np.maximum(home - issued, 0.0))
    caravan = np.minimum(caravan, leaving)
    irregular = leaving - caravan
    return Channels(issued, fill, wait_share, intending, irregular, caravan, leaving)


class Admissions(NamedTuple):
    """People admitted through the legal channels: to each stock ``(n, 5)``, totals ``(n,)``."""

    temp_us: np.ndarray
    legal_us: np.ndarray
    temp_ca: np.ndarray
    legal_ca: np.ndarray
    legal_mx: np.ndarray
    total_us: np.ndarray
    total_ca: np.ndarray
    total_mx: np.ndarray
    humanitarian: np.ndarray


def admissions(places: np.ndarray, fill: np.ndarray) -> Admissions:
    """The places taken, by channel: work visas to temporary stocks, the rest to legal ones."""
    work_us, hum_us, work_ca, hum_ca, work_mx, hum_mx = (
        places[:, i, :] for i in range(places.shape[1]))
    add = np.add.reduce
    return Admissions(
        fill * work_us, fill * hum_us, fill * work_ca, fill * hum_ca, fill * (work_mx + hum_mx),
        add(fill * (work_us + hum_us), axis=1), add(fill * (work_ca + hum_ca), axis=1),
        add(fill * (work_mx + hum_mx), axis=1), add(fill * (hum_us + hum_ca + hum_mx), axis=1))


class Routes(NamedTuple):
    """The first leg of irregular journeys, per origin ``(n, 5)``."""

    to_canada: np.ndarray  # fly to Canada and claim there
    irregular: np.ndarray  # the rest, heading for the US
    direct: np.ndarray  # reach the US border directly (Mexicans, and air arrivals in Mexico)
    overland: np.ndarray  # enter Mexico from the south (after the Darién)
    darien_deaths: np.ndarray


def first_leg(irregular: np.ndarray, canada_open: np.ndarray, mexico_air_open: np.ndarray,
              through: np.ndarray, pp: Any, P: Any) -> Routes:
    """Some fly to Canada (unless it requires visas), some to Mexico; the rest go by land."""
    to_canada = irregular * pp.canada_air_share * canada_open
    irregular = irregular - to_canada
    # Extra-regional migrants fly to Mexico unless Mexico requires visas; else the land route.
    by_air = irregular * pp.air_share_to_mexico * mexico_air_open
    overland = (irregular - by_air) * through
    direct = irregular - overland
    darien_deaths = np.zeros(irregular.shape)
    darien_deaths[:, XR:XR + 1] = overland[:, XR:XR + 1] * P.darien_mortality
    return Routes(to_canada, irregular, direct, overland - darien_deaths, darien_deaths)
