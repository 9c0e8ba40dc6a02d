"""Partners and agreements: compliance, Mexico's deployment under a threat, burden sharing, load.

Model section 10 (docs/model.md): partners comply as far as complying is cheaper than defecting
(relations, leverage, approval, aid, against the load the deals put on them).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import GUARD_SHARE, TINY, side_by_side, sigmoid


def partner_compliance(relations: np.ndarray, approval: np.ndarray, leverage_mx: np.ndarray,
                       aid: np.ndarray, load: np.ndarray, uniform: np.ndarray,
                       before: np.ndarray, P: Any) -> np.ndarray:
    """Compliance of MX, US, CA and the Northern Triangle, ``(n, 4)``: drawn, then smoothed.

    ``uniform`` holds the month's compliance draws ``(n, 4)``; ``aid`` the effective aid levers
    ``(n, lever, donor, recipient)`` (the US's buys the Northern Triangle's goodwill).
    """
    us_aid_nt = np.add.reduce(aid[:, 0, 0] + aid[:, 1, 0] + aid[:, 2, 0], axis=1, keepdims=True)
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


def safe_third_country(coverage: np.ndarray, comp_mx: np.ndarray, comp_nt: np.ndarray,
                       through: np.ndarray, partner_applies: np.ndarray, pp: Any,
                       P: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Safe third country: transfer chances to Mexico and to GT/HN/SV, and the loophole.

    Returns, per origin ``(n, 5)``, the chance a claimant at a port is transferred to Mexico, to
    a Northern Triangle partner, and the share who claim at uncovered remote places instead.
    ``coverage`` holds each agreement's coverage (US→MX, US→GT/HN/SV, …) after court blocks;
    ports of entry are a small share of the border, so covering them applies the deal to
    everyone who claims there (STCA 2004); wider coverage closes the detours.
    ``partner_applies`` ``(3, 5)`` says whom a GT, HN or SV deal covers: everyone through Mexico
    but the partner's own nationals; the widest of the three applies.
    """
    exec_rate = P.stc_execution_rate
    at_covered = pp.at_covered
    p_mx = np.minimum(coverage[:, 0:1] * at_covered, 1.0) * exec_rate * comp_mx * through
    nt_cov = np.maximum.reduce(coverage[:, 1:4, None] * partner_applies, axis=1)
    p_nt = np.minimum(nt_cov * at_covered, 1.0) * exec_rate * comp_nt
    covered = np.maximum(coverage[:, 0:1] * through, nt_cov)
    p_transfer = np.minimum(p_mx + p_nt, 1.0)
    loophole = sigmoid(-P.remote_claim_risk_aversion + np.log(np.maximum(1 - covered, 1e-6))
                       + P.transfer_aversion * p_transfer)
    return p_mx, p_nt, loophole


class BurdenSharing(NamedTuple):
    """Claims moved from the US procedure to partners under burden sharing."""

    proc_us: np.ndarray  # the procedures after the transfers, ``(n, 5)``
    proc_mx: np.ndarray
    proc_ca: np.ndarray
    owed_mx: np.ndarray  # what each partner is asked to take this month, ``(n, 1)``
    owed_ca: np.ndarray
    moved_mx: np.ndarray  # what it takes, ``(n, 1)``
    moved_ca: np.ndarray
    quota_fill: np.ndarray  # moved over owed (1 when nothing is owed), ``(n,)``


def burden_sharing(claims: np.ndarray, share_mx: np.ndarray, share_ca: np.ndarray,
                   comp_mx: np.ndarray, comp_ca: np.ndarray, proc_us: np.ndarray,
                   proc_mx: np.ndarray, proc_ca: np.ndarray, P: Any) -> BurdenSharing:
    """The agreed shares of the region's claims move to partners — as far as they comply.

    ``claims`` are the month's new claims in the region ``(n, 1)``, ``share_mx`` and
    ``share_ca`` the agreed shares (0 without a deal). Transfers are carried out at
    ``burden_execution_rate`` (EU relocation: 22%), never more than half the US procedure in
    a month, and take the US procedure's mix of origins.
    """
    owed_mx = share_mx * claims
    owed_ca = share_ca * claims
    moved_mx = owed_mx * comp_mx * P.burden_execution_rate
    moved_ca = owed_ca * comp_ca * P.burden_execution_rate
    pool = np.add.reduce(proc_us, axis=1, keepdims=True) + TINY
    move_total = np.minimum(moved_mx + moved_ca, GUARD_SHARE * pool)
    scale = move_total / (moved_mx + moved_ca + TINY)
    moved_mx, moved_ca = moved_mx * scale, moved_ca * scale
    mix = proc_us / pool
    owed = (owed_mx + owed_ca)[:, 0]
    return BurdenSharing(
        proc_us - mix * (moved_mx + moved_ca), proc_mx + mix * moved_mx, proc_ca + mix * moved_ca,
        owed_mx, owed_ca, moved_mx, moved_ca,
        np.where(owed > 0, (moved_mx + moved_ca)[:, 0] / np.maximum(owed, TINY), 1.0))


def partner_load(asked_mx: np.ndarray, sent_to_us: np.ndarray, owed_ca: np.ndarray,
                 transferred_nt: np.ndarray, throughput: np.ndarray, throughput_nt: np.ndarray,
                 P: Any) -> np.ndarray:
    """What each partner (MX, US, CA, NT) is asked to take over what it can absorb, ``(n, 4)``.

    ``asked_mx`` is what Mexico is asked to take this month (its burden share, transfers,
    people made to wait and returns), ``(n,)`` like the others; what a partner can absorb is a
    reference plus its asylum decisions per month (``throughput`` US, MX, CA ``(n, 3)``;
    ``throughput_nt`` ``(n, 1)``). Next month's compliance falls as the load grows.
    """
    return side_by_side(
        asked_mx / (P.flat.partner_load_reference_mx + throughput[:, 1]),
        sent_to_us / P.flat.partner_load_reference_mx,
        owed_ca / (P.flat.partner_load_reference_ca + throughput[:, 2]),
        transferred_nt / (P.flat.partner_load_reference_nt + throughput_nt[:, 0]),
    )
