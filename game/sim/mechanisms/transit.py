"""Mexico: the southern border, the transit routes and what Mexico does with those it catches.

Model section 5 (docs/model.md), for single adults; families and children alone travel by
``game.sim.movers.family_transit``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import sigmoid
from game.sim.movers import saturating_funnel


class Catch(NamedTuple):
    """Catch probabilities of every route and rescue's cut in deaths, ``(n, 1)`` each."""

    south: np.ndarray  # Mexico's southern border
    bus: np.ndarray  # Mexico's bus and train routes
    remote: np.ndarray  # Mexico's remote routes
    urban: np.ndarray  # the US border in cities
    remote_us: np.ndarray  # the US border in the desert
    ca: np.ndarray  # the US-Canada border between ports
    rescue_cut_mx: np.ndarray
    rescue_cut_us: np.ndarray


def catch_probabilities(agents_mx_south: np.ndarray, agents_mx_transit: np.ndarray,
                        agents_us: np.ndarray, agents_ca: np.ndarray, rescue_mx: np.ndarray,
                        rescue_us: np.ndarray, pp: Any, P: Any) -> Catch:
    """Diminishing returns, max × (1 − exp(−κx)) of staff in thousands (money for rescue).

    The eight in one table in the order of ``Prepared.saturation_max`` (each element computed
    as one at a time).
    """
    transit_thousands = agents_mx_transit / 1000
    effort = np.concatenate([
        agents_mx_south / 1000, transit_thousands, transit_thousands,
        agents_us * P.urban_agent_share / 1000, agents_us * (1 - P.urban_agent_share) / 1000,
        agents_ca / 1000, rescue_mx, rescue_us], axis=1)
    saturated = (1.0 - np.exp(pp.saturation_neg_kappa * np.maximum(effort, 0.0))) * (
        pp.saturation_max)
    return Catch(*(saturated[:, i:i + 1] for i in range(saturated.shape[1])))


def heat(season_weight: np.ndarray, month_of_year: int, P: Any) -> np.ndarray:
    """The summer heat multiplier of deaths on the way, ``(n, 1)``."""
    return 1 + season_weight * P.heat_amplitude * np.maximum(
        0.0, np.cos(2 * np.pi * (month_of_year - P.heat_peak_month) / 12))


class Transit(NamedTuple):
    """Single adults crossing Mexico this month, per origin ``(n, 5)``."""

    bus: np.ndarray  # still on the bus routes
    remote: np.ndarray  # still on the remote routes
    caught_south: np.ndarray
    caught_bus: np.ndarray
    caught_remote: np.ndarray
    bus_dead: np.ndarray
    remote_dead: np.ndarray
    claims: np.ndarray  # claim asylum in Mexico on the way
    out_bus: np.ndarray  # reach the US border
    out_remote: np.ndarray
    remote_share: np.ndarray  # of those passing the southern border, ``(n, 5)``


def adult_transit(entering: np.ndarray, caravan_entering: np.ndarray, bus: np.ndarray,
                  remote: np.ndarray, catch: Catch, risk: np.ndarray, agents_mx: np.ndarray,
                  wait_mx: np.ndarray, through: np.ndarray, pp: Any, P: Any) -> Transit:
    """A month on Mexico's routes: caught at the south, choosing a route, dying, caught, claiming.

    ``entering`` enter from the south (``caravan_entering`` of them in a caravan, less
    catchable); ``bus`` and ``remote`` were already on the routes. ``risk`` is the heat × what
    rescue leaves, ``agents_mx`` all of Mexico's agents (their checkpoints push the remote
    routes further from help, WOLA 2015), ``wait_mx`` Mexico's asylum wait ``(n, 1)``.
    """
    caught_south = (entering - caravan_entering * (1 - P.caravan_catchability)) * catch.south
    passed = entering - caught_south
    # Checks at the southern border push those who pass off the roads (Frontera Sur, 2014).
    remote_share = sigmoid(P.transit_remote_logit + P.transit_route_sensitivity * (
        catch.bus - catch.remote) + P.south_displacement * catch.south)
    bus = bus + passed * (1 - remote_share)
    remote = remote + passed * remote_share
    bus_dead = bus * P.transit_bus_mortality * risk
    mx_funnel = saturating_funnel(agents_mx, P.agents_reference_mx, P.mx_funnel_elasticity,
                                  P.mx_funnel_max_log)
    remote_dead = remote * P.transit_remote_mortality * risk * mx_funnel
    bus -= bus_dead
    remote -= remote_dead
    caught_bus = bus * catch.bus
    caught_remote = remote * catch.remote
    bus -= caught_bus
    remote -= caught_remote
    mx_asylum_pull = P.mx_claim_rate * pp.strong / (1 + wait_mx / 12)
    claims = (bus + remote) * mx_asylum_pull * through
    bus_claims = bus * mx_asylum_pull * through
    bus -= bus_claims
    remote -= claims - bus_claims
    out_bus = bus * P.transit_exit_bus
    out_remote = remote * P.transit_exit_remote
    bus -= out_bus
    remote -= out_remote
    return Transit(bus, remote, caught_south, caught_bus, caught_remote, bus_dead, remote_dead,
                   claims, out_bus, out_remote, remote_share)


class MexicoCatches(NamedTuple):
    """What becomes of the people Mexico catches, per origin ``(n, 5)``."""

    claims: np.ndarray  # claim asylum in Mexico
    released: np.ndarray  # released with an exit order: they carry on north
    detained: np.ndarray  # Mexico's detention stock after deportations
    deported: np.ndarray
    reentry: np.ndarray  # of the deported, expelled to the Guatemalan border and back


def mexico_catches(caught: np.ndarray, det_mx: np.ndarray, rem_mx: np.ndarray,
                   detained: np.ndarray, through: np.ndarray, pp: Any,
                   P: Any) -> MexicoCatches:
    """Mexico's response to those it catches: claim asylum, detain and deport, or release.

    ``det_mx`` and ``rem_mx`` are Mexico's detention and removal regimes; prosecution holds
    people longer, a quick expulsion without consequence is followed by re-entries.
    """
    claims = caught * P.mx_claim_on_apprehension * pp.strong
    handled = caught - claims
    mx_detains = det_mx[:, 2:3] + det_mx[:, 3:4] + det_mx[:, 1:2] * P.alternatives_detained_share
    to_det = handled * mx_detains
    released = handled - to_det
    detained = detained + to_det
    deported = detained * P.mx_deportation_rate * (1 - P.mx_prosecute_hold * rem_mx[:, 2:3])
    detained -= deported
    reentry = deported * through * rem_mx[:, 0:1] * P.mx_expel_reentry
    return MexicoCatches(claims, released, detained, deported, reentry)


class BorderTowns(NamedTuple):
    """People leaving Mexico's northern border towns and Remain in Mexico, ``(n, 5)``."""

    stranded: np.ndarray  # still in the border towns
    mpp: np.ndarray  # still waiting under Remain in Mexico
    stranded_cross: np.ndarray  # try the US border again
    stranded_home: np.ndarray  # give up and go home
    mpp_home: np.ndarray
    mpp_cross: np.ndarray


def border_towns(stranded: np.ndarray, mpp: np.ndarray, retry_at_border: np.ndarray,
                 P: Any) -> BorderTowns:
    """People returned to the border towns retry as the removal regime allows, or give up."""
    stranded_cross = stranded * retry_at_border
    stranded_quit = stranded * P.stranded_giveup_rate
    mpp_quit = mpp * P.mpp_abandon_rate
    return BorderTowns(stranded - stranded_cross - stranded_quit, mpp - mpp_quit,
                       stranded_cross, stranded_quit,
                       mpp_quit * (1 - P.mpp_abandon_cross_share),
                       mpp_quit * P.mpp_abandon_cross_share)
