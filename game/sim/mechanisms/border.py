"""At the US border: ask for asylum or cross unseen; families and children; who is sent back.

Model section 5 (docs/model.md), US border; the queues that follow are ``asylum.py``'s.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import GUARD_SHARE, TINY, sigmoid, stacked
from game.sim.mechanisms.transit import Catch
from game.sim.movers import saturating_funnel


def detained_share(det_us: np.ndarray, P: Any) -> np.ndarray:
    """Share of adult claimants the US detention regime detains, ``(n, 1)``."""
    return (det_us[:, 0:1] * P.detained_share_release
            + det_us[:, 1:2] * P.detained_share_alternatives
            + det_us[:, 2:3] * P.detained_share_detain
            + det_us[:, 3:4] * P.detained_share_detain)


def claim_choice(arrivals: np.ndarray, caravan: np.ndarray, detained: np.ndarray,
                 det_us: np.ndarray, rim: np.ndarray, through: np.ndarray, pp: Any,
                 P: Any) -> tuple[np.ndarray, np.ndarray]:
    """Adults at the border who ask for asylum, and those who try to cross unseen, ``(n, 5)``.

    They weigh detention (``detained`` share), separation and Remain in Mexico (``rim``); the
    length of the queue acts on the decision to leave instead, never by pushing claimants into
    the desert. Caravans claim at their own rate.
    """
    claim_logit = (pp.claim_logit
                   - P.claim_detention_sensitivity * detained
                   - P.claim_separation_sensitivity * det_us[:, 3:4]
                   - P.claim_rim_sensitivity * rim * through)
    claim_share = sigmoid(claim_logit)
    claimants = arrivals * claim_share + caravan * P.caravan_claim_share
    evaders = arrivals * (1 - claim_share) + caravan * (1 - P.caravan_claim_share)
    return claimants, evaders


class BetweenPorts(NamedTuple):
    """Crossing between ports, per origin ``(n, 5)`` (after deaths on the way)."""

    remote_share: np.ndarray  # of evaders, on remote routes
    ev_urban: np.ndarray
    ev_remote: np.ndarray
    claim_remote: np.ndarray  # claimants who cross at remote places to claim (the loophole)
    die_remote: np.ndarray  # mortality of the remote routes ``(n, 1)``
    deaths: np.ndarray
    caught: np.ndarray
    entered: np.ndarray  # in the US unseen


def between_ports(evaders: np.ndarray, claim_remote: np.ndarray, catch: Catch,
                  hot: np.ndarray, agents_us: np.ndarray, P: Any) -> BetweenPorts:
    """US enforcement between ports: routes substitute (logit), deaths, the funnel, catches.

    The funnel effect: patrols push remote crossings into ever more remote terrain; it
    saturates, adding at most a factor exp(funnel_max_log) past the reference staffing.
    """
    remote_us = sigmoid(P.us_remote_logit + P.us_route_sensitivity * (catch.urban
                                                                       - catch.remote_us))
    ev_urban = evaders * (1 - remote_us)
    ev_remote = evaders * remote_us
    die_urban = P.us_urban_mortality * hot * (1 - catch.rescue_cut_us)
    funnel = saturating_funnel(agents_us, P.agents_reference_us, P.funnel_elasticity,
                               P.funnel_max_log)
    die_remote = np.minimum(P.us_remote_mortality * funnel * hot * (1 - catch.rescue_cut_us),
                            GUARD_SHARE)
    deaths = ev_urban * die_urban + (ev_remote + claim_remote) * die_remote
    ev_urban = ev_urban * (1 - die_urban)
    ev_remote = ev_remote * (1 - die_remote)
    claim_remote = claim_remote * (1 - die_remote)
    caught_urban = ev_urban * catch.urban
    caught_remote_us = ev_remote * catch.remote_us
    caught = caught_urban + caught_remote_us
    entered = ev_urban + ev_remote - caught
    return BetweenPorts(remote_us, ev_urban, ev_remote, claim_remote, die_remote, deaths,
                        caught, entered)


class FamiliesChildren(NamedTuple):
    """Families and children alone at the US border, per origin ``(n, 5)``."""

    expelled: np.ndarray  # family members expelled
    claim: np.ndarray  # family members who claim in the US
    to_mx: np.ndarray  # transferred to Mexico
    to_nt: np.ndarray  # transferred to a Northern Triangle partner
    kid_returned: np.ndarray
    kid_released: np.ndarray  # to sponsors (TVPRA)


def families_children(fam: np.ndarray, kid: np.ndarray, expel: np.ndarray, p_mx: np.ndarray,
                      p_nt: np.ndarray, mexico_only: np.ndarray, P: Any) -> FamiliesChildren:
    """Families surrender between ports: expelled, transferred or claiming; children alone too.

    Families may be expelled or transferred like adults; children from non-contiguous countries
    are released to sponsors (TVPRA), Mexican children (``mexico_only``) mostly returned.
    """
    expelled = fam * expel
    claim = fam - expelled
    to_mx = claim * p_mx
    to_nt = claim * p_nt
    claim = claim - to_mx - to_nt
    kid_returned = kid * mexico_only * P.uac_mexico_return_share
    return FamiliesChildren(expelled, claim, to_mx, to_nt, kid_returned, kid - kid_returned)


def remain_in_mexico(adults: np.ndarray, families: np.ndarray, rim: np.ndarray,
                     through: np.ndarray, cap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Claimants sent back to wait in Mexico, adults and family members, ``(n, 5)`` each.

    Hearings in tent courts and Mexico's consent cap how many can be sent (``cap`` a month).
    """
    to_mpp = adults * rim * through
    fam_mpp = families * rim * through
    rim_fill = np.minimum(1.0, cap / (np.add.reduce(to_mpp, axis=1, keepdims=True)
                                      + np.add.reduce(fam_mpp, axis=1, keepdims=True) + TINY))
    return to_mpp * rim_fill, fam_mpp * rim_fill


def family_beds(total: np.ndarray, P: Any) -> np.ndarray:
    """Share of families who claim that the family beds can take this month, ``(n, 1)``.

    Beds are few and, under the Flores settlement, turn over in about 20 days.
    """
    family_intake = P.family_beds_us * P.family_bed_turnover
    return np.minimum(1.0, family_intake / (total + TINY))


class SentBack(NamedTuple):
    """People caught between ports (and families expelled), per origin ``(n, 5)``."""

    fear: np.ndarray  # claim fear and enter the procedure
    sent_back: np.ndarray
    to_border_towns: np.ndarray  # non-Mexicans returned to Mexico
    flown_home: np.ndarray
    unreturnable: np.ndarray  # released into the procedure
    danger: np.ndarray  # strong claimants returned without a hearing, ``(n,)``


def sent_back(caught: np.ndarray, expelled: np.ndarray, expel: np.ndarray,
              returns_cap: np.ndarray, through: np.ndarray, pp: Any, P: Any) -> SentBack:
    """Of those caught between ports some claim fear; the rest are sent back.

    Mexicans go to Mexico; others to Mexico's border towns if it accepts returns (up to
    ``returns_cap``), else home if returnable, else into the procedure.
    """
    strong = pp.strong
    fear = caught * strong * P.fear_claim_share * (1 - expel)
    back = caught - fear + expelled
    danger = np.add.reduce((caught + expelled) * strong - fear, axis=1)
    nonmx_back = back * through
    want_mx = np.add.reduce(nonmx_back, axis=1, keepdims=True)
    to_mx_share = np.minimum(1.0, returns_cap / (want_mx + TINY)) * (want_mx > 0)
    to_border_towns = nonmx_back * to_mx_share
    rest = nonmx_back - to_border_towns
    flown_home = rest * pp.returnability
    return SentBack(fear, back, to_border_towns, flown_home, rest - flown_home, danger)


def detention_intake(claims: np.ndarray, detained: np.ndarray, in_detention: np.ndarray,
                     P: Any) -> np.ndarray:
    """Adult claimants who enter US detention, as far as beds are free, ``(n, 5)``."""
    enter_det = claims * detained
    beds_free = np.maximum(
        P.detention_beds_us - np.add.reduce(in_detention, axis=1, keepdims=True), 0.0)
    return enter_det * np.minimum(
        1.0, beds_free / (np.add.reduce(enter_det, axis=1, keepdims=True) + TINY))


#: Fewer arrivals of a kind than this in a month leave what movers believe unchanged.
FEW = 1e-3


def what_arrivals_found(adults: np.ndarray, adults_in: np.ndarray, families: np.ndarray,
                        families_in: np.ndarray, children: np.ndarray,
                        children_in: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What word of this month's arrivals says: the share of each kind now in the US.

    Returns the shares ``(n, 3, 5)`` (adults, families, children) and whether any arrived to be
    heard of. Detained families mostly leave detention within weeks into the US; separated
    families hear of children released to sponsors and parents held, many of them removed.
    """
    realised = stacked(adults_in / (adults + TINY), families_in / (families + TINY),
                       children_in / (children + TINY))
    heard = stacked(adults, families, children) > FEW
    return realised, heard
