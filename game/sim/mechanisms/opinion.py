"""Opinion and approval: restrictiveness, visible disorder, media, salience, the thermostat.

Model section 12 (docs/model.md): voters react to what they see (crowds at the border, photos)
more than to the true numbers; the public's preferred restrictiveness falls as restrictive policy
lasts (Wlezien's thermostat), so a crackdown pleases first and costs later.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim._prepared import clip
from game.sim.levers import COLUMN
from game.sim.mechanisms._common import side_by_side, sigmoid

_WORK_VISAS_US_CA = np.array([COLUMN["work_visas:US"], COLUMN["work_visas:CA"]], dtype=np.intp)
_HUM_VISAS_US_CA = np.array([COLUMN["humanitarian_visas:US"], COLUMN["humanitarian_visas:CA"]],
                            dtype=np.intp)


def restrictiveness(agents: np.ndarray, det: np.ndarray, rem: np.ndarray,
                    visa_ca_restrict: np.ndarray, eff: np.ndarray, pp: Any,
                    P: Any) -> np.ndarray:
    """How restrictive each nation's policy is (0 ≈ the mid-2010s status quo), ``(n, 3)``.

    ``agents`` are the border staff of US, MX, CA ``(n, 3)``; ``det`` and ``rem`` the detention
    and removal regimes of US and MX ``(n, 2, choices)``; ``visa_ca_restrict`` Canada's visa
    requirements ``(n, 1)``; ``eff`` the effective lever columns (open legal channels make a
    policy less restrictive, US and CA, in log visas).
    """
    # Staffing against its reference: log((a + 0.1 ref) / (1.1 ref)).
    out = np.log((agents + pp.agents_low) / pp.agents_high)
    out[:, :2] += np.add.reduce(det * pp.restrict_detention, axis=2)
    out[:, :2] += np.add.reduce(rem * pp.restrict_removal, axis=2)
    out[:, 2:3] += visa_ca_restrict
    visas = eff.take(_WORK_VISAS_US_CA, axis=1) + eff.take(_HUM_VISAS_US_CA, axis=1)
    out[:, ::2] -= P.restrictiveness_visa_weight * np.log((visas + pp.visas_low) / pp.visas_high)
    return out


def caravan_visibility(before: np.ndarray, caravan: np.ndarray, P: Any) -> np.ndarray:
    """How visible caravans are, ``(n,)``: this month's caravan movers, fading month by month."""
    return before * P.flat.caravan_visibility_decay + caravan


def disorder(encounters: np.ndarray, caravan_visible: np.ndarray, released: np.ndarray,
             stranded: np.ndarray, in_transit_mx: np.ndarray, interceptions_ca: np.ndarray,
             claims_ca: np.ndarray, P: Any) -> np.ndarray:
    """Visible disorder of US, MX, CA, ``(n, 3)``, each over its reference; inputs ``(n,)``.

    US: encounters, caravans and people released at the border; Mexico: people stranded in its
    border towns, caravans and people on its transit routes; Canada: interceptions and claims.
    """
    return side_by_side(
        encounters + caravan_visible + P.flat.release_visibility * released,
        stranded + caravan_visible + in_transit_mx * P.flat.transit_visibility,
        interceptions_ca + claims_ca * P.flat.release_visibility,
    ) / P.disorder_reference


def media_events(media: np.ndarray, deaths_border: np.ndarray, deaths_mexico: np.ndarray,
                 separated: np.ndarray, event_weight: np.ndarray, uniform: np.ndarray,
                 P: Any) -> np.ndarray:
    """Media attention ``(n, 3)`` with this month's random stories (photos of deaths, separations).

    Their chance rises with deaths ``(n,)`` and separated children ``(n, 1)``; ``uniform`` holds
    the month's media draws ``(n, 3)``; events off (``event_weight`` 0) means no random story.
    """
    deaths_seen = deaths_border + deaths_mexico * P.flat.media_transit_death_weight
    p_media = (P.media_base_rate + P.media_per_death * deaths_seen[:, None]
               + P.media_per_separation * separated) * event_weight
    return media + (uniform < p_media) * P.media_random_intensity


def salience(disorder_seen: np.ndarray, media: np.ndarray, P: Any) -> np.ndarray:
    """How much migration matters to voters (0-1), ``(n, 3)``: disorder seen and media."""
    return clip(P.salience_base + P.salience_disorder * disorder_seen + P.salience_media * media,
                0.0, 1.0)


def thermostat(restrict: np.ndarray, memory: np.ndarray, disorder_seen: np.ndarray, pp: Any,
               P: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The public's memory of policy, the gap to what it prefers and a new policy's novelty.

    All ``(n, 3)``. The preferred restrictiveness rises with disorder and *falls* as restrictive
    policy lasts; security-minded voters reward a new toughness (``restrict − memory``), briefly.
    """
    memory = memory + (restrict - memory) * pp.k_thermostat
    preferred = (P.preferred_restrictiveness + P.preference_disorder * (disorder_seen - 1)
                 - P.thermostat_strength * (memory - P.preferred_restrictiveness))
    return memory, np.abs(restrict - preferred), restrict - memory


def humanitarian_harm(deaths: np.ndarray, separated: np.ndarray, returned_to_danger: np.ndarray,
                      stranded: np.ndarray, deaths_mexico: np.ndarray, deaths_north: np.ndarray,
                      backlog_ca: np.ndarray, wait_ca: np.ndarray, media: np.ndarray,
                      P: Any) -> np.ndarray:
    """The humanitarian harm each nation's voters hold against it, ``(n, 3)``, amplified by media.

    US: deaths, separations, people returned to danger; Mexico: people stranded and deaths in
    Mexico; Canada: deaths on the northern border and people waiting in its queue. Inputs ``(n,)``
    but ``separated`` ``(n, 1)`` and ``media`` ``(n, 3)``.
    """
    return side_by_side(
        deaths / P.flat.harm_reference_deaths
        + separated[:, 0] / P.flat.harm_reference_separations
        + returned_to_danger / P.flat.harm_reference_returned,
        stranded / P.flat.harm_reference_stranded + deaths_mexico / P.flat.harm_reference_deaths,
        deaths_north / P.flat.harm_reference_deaths
        + backlog_ca * wait_ca / 12 / P.flat.harm_reference_stranded,
    ) * (1 + P.media_empathy * media)


def spending(spend_levers: np.ndarray, spend_corps: np.ndarray, detained_us: np.ndarray,
             detained_mx: np.ndarray, P: Any) -> np.ndarray:
    """US$ million spent this month by US, MX, CA, ``(n, 3)``, from the detained totals ``(n,)``.

    ``spend_levers`` is the levers' monthly cost and ``spend_corps`` the joint corps
    contributions, ``(n, 3)`` (``LeverTerms``).
    """
    spend = spend_levers.copy()
    spend[:, 0] += detained_us * P.flat.detention_cost_musd_per_year / 12
    spend[:, 1] += detained_mx * P.flat.detention_cost_mx_musd_per_year / 12
    spend += spend_corps
    return spend


def sovereignty(threat: np.ndarray, tariff_state: np.ndarray, rim: np.ndarray,
                stc_mx: np.ndarray, comp_mx: np.ndarray, returns_on: np.ndarray,
                P: Any) -> np.ndarray:
    """Mexico's concessions under pressure as its voters see them, ``(n,)``.

    A tariff threat (more once imposed: ``tariff_state`` 3), Remain in Mexico, a
    safe-third-country deal with Mexico it complies with, returns accepted; inputs ``(n, 1)``
    but ``tariff_state`` ``(n,)``.
    """
    return (threat[:, 0] * (1 + P.flat.sovereignty_tariff_imposed * (tariff_state == 3))
            + rim[:, 0] + (stc_mx[:, 0] > 0) * comp_mx[:, 0]
            + returns_on[:, 0] * P.flat.sovereignty_returns_weight)


def approval_target(salience_: np.ndarray, disorder_seen: np.ndarray, gap: np.ndarray,
                    novelty: np.ndarray, harm: np.ndarray, spend: np.ndarray,
                    economy_shock: np.ndarray, tariff_imposed: np.ndarray,
                    shortage: np.ndarray, sovereignty_: np.ndarray, housing: np.ndarray,
                    P: Any) -> np.ndarray:
    """The approval each government is heading for (0-100), ``(n, 3)``.

    ``100·σ(approval_logit − salience·(disorder + gap − novelty) − humanitarian harm − log budget
    overrun + economy − labour shortage (US) − sovereignty (MX) − housing (CA))``, less a US
    tariff's cost at home. ``tariff_imposed`` ``(n,)`` also cuts Mexico's output;
    ``shortage`` is ``(n, 1)``, ``sovereignty_`` and ``housing`` ``(n,)``.
    """
    fiscal = np.maximum(np.log(np.maximum(spend * 12, 1.0) / P.spending_reference), 0.0)
    econ = economy_shock.copy()
    econ[:, 1] -= tariff_imposed * P.flat.tariff_gdp_elasticity  # a US tariff hurts Mexico's
    logit = (P.approval_logit
             - salience_ * (P.approval_disorder * disorder_seen
                            + P.approval_policy_gap * gap
                            - P.approval_toughness * novelty)
             - P.approval_humanitarian * harm * (P.humanitarian_attention + salience_)
             - P.approval_fiscal * fiscal
             + P.approval_economy * econ)
    # Terms of one nation each, all three subtracted at once (US labour shortage, Mexican
    # sovereignty, Canadian housing), then the US tariff's.
    logit -= side_by_side(P.flat.approval_labour * shortage[:, 0],
                          P.flat.approval_sovereignty * sovereignty_,
                          P.flat.approval_housing * housing)
    logit[:, 0] -= P.flat.approval_tariff_us * tariff_imposed
    return 100 * sigmoid(logit)
