"""Partners and agreements: compliance, Mexico's deployment under a threat, burden sharing, load.

Model section 10 (docs/model.md): partners comply as far as complying is cheaper than defecting
(relations, leverage, approval, aid, against the load the deals put on them).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.mechanisms._common import sigmoid


def partner_compliance(relations: np.ndarray, approval: np.ndarray, leverage_mx: np.ndarray,
                       aid: np.ndarray, load: np.ndarray, uniform: np.ndarray,
                       before: np.ndarray, P: Any) -> np.ndarray:
    """Compliance of MX, US, CA and the Northern Triangle, ``(n, 4)``: drawn, then smoothed.

    ``uniform`` holds the month's compliance draws ``(n, 4)``; ``aid`` the effective aid levers
    ``(n, lever, donor, recipient)`` (the US's buys the Northern Triangle's goodwill).
    """
    us_aid_nt = (aid[:, 0, 0] + aid[:, 1, 0] + aid[:, 2, 0]).sum(axis=1, keepdims=True)
    logit_comp = np.concatenate([
        P.comply_logit_mx + P.comply_relations * relations[:, 0:1] / 100
        + P.comply_leverage * leverage_mx + P.comply_approval * (approval[:, 1:2] - 50) / 50,
        P.comply_logit_us + P.comply_relations * relations[:, 1:2] / 100,
        P.comply_logit_ca + P.comply_relations * relations[:, 1:2] / 100
        + P.comply_approval * (approval[:, 2:3] - 50) / 50,
        P.comply_logit_nt + P.comply_aid * us_aid_nt / 1000,
    ], axis=1) - P.comply_load_cost * load
    p_comply = sigmoid(logit_comp)
    drew = (uniform < p_comply).astype(float)
    return before + (drew - before) * P.comply_adjust


def mexico_deployment(border_agents: np.ndarray, transit_agents: np.ndarray,
                      corps: np.ndarray, threat: np.ndarray, comp_mx: np.ndarray,
                      mexico_unled: np.ndarray, P: Any) -> tuple[np.ndarray, np.ndarray]:
    """Mexico's agents at its southern border and on the transit routes, ``(n, 1)`` each.

    The levers plus the joint corps (at the border) and, while a US tariff threat stands and
    Mexico complies, troops (2019: about 6,000 south) — unless Mexico is led in the game, whose
    leader decides the deployment with its levers.
    """
    guard = threat * comp_mx * P.tariff_response_agents * mexico_unled
    south = border_agents + corps + guard * P.tariff_response_south
    transit = transit_agents + guard * (1 - P.tariff_response_south)
    return south, transit
