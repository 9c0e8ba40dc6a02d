"""What the monthly step derives from the parameters and levers alone, computed once.

The step runs every month with the same :class:`~game.sim.params.Params` and, within a turn, the
same :class:`~game.sim.levers.Levers`; quantities that depend only on them (first-order lag
shares, per-origin coefficient rows, legal-place shares, agreement terms, the spending on lever
values) would otherwise be rebuilt a dozen small numpy operations at a time, every month.
``prepared(P)`` computes the parameter-only ones once per parameter batch, ``lever_terms(levers,
P)`` the lever-dependent ones once per turn. Each value is computed exactly as the step computed
it inline (the same operations in the same order), so results are bit-for-bit the same.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

from game.sim.levers import AID_NEED_SPLIT, COLUMN, Levers
from game.sim.mechanisms.opinion_nt import budget_term_nt, nt_spending, task_force_governance
from game.sim.registry import LEVERS

try:  # the clip ufunc itself: np.clip adds two layers of Python dispatch around it
    from numpy._core.umath import clip as clip  # type: ignore[attr-defined]  # numpy ≥ 2
except ImportError:  # pragma: no cover - numpy 1.26
    from numpy.core.umath import clip as clip  # type: ignore[no-redef]

#: 1 for origins that cross Mexico from the south (everyone but Mexicans).
THROUGH_MEXICO = np.array([0.0, 1.0, 1.0, 1.0, 1.0])
#: Population shares of GT, HN, SV: how a trinational task force's pool is shared.
_NEED = np.array([AID_NEED_SPLIT[c] for c in ("GT", "HN", "SV")])
#: Destinations of the legal channels, in the order of the places table.
LEGAL_DESTINATIONS = ("US", "CA", "MX")


def lag_share(tau: float | np.ndarray) -> float | np.ndarray:
    """The share of a gap closed in one month by a first-order lag with time constant ``tau``."""
    return 1.0 - np.exp(-1.0 / np.maximum(tau, 1e-6))


class Prepared:
    """Parameter-only quantities of the step (see the module docstring), as attributes."""

    def __init__(self, P: Any) -> None:
        # First-order lags: share of the gap closed per month.
        self.k_corps = lag_share(P.corps_deploy_months)
        self.k_violence = lag_share(P.violence_perception_months)
        self.k_network = lag_share(P.network_echo_months)
        self.k_disorder = lag_share(P.disorder_memory_months)
        self.k_thermostat = lag_share(P.thermostat_months)
        self.k_approval = lag_share(P.approval_months)
        self.k_approval_nt = lag_share(P.nt_approval_months)
        self.k_relations = lag_share(P.relations_recovery_months)
        self.k_expect = lag_share(P.expectation_months)
        n = P._n
        # Per-origin constants and coefficients, one row per world ``(n, 5)``: numpy combines
        # same-shaped arrays in one pass, a broadcast row in one short loop per world.
        self.through_mexico = np.tile(THROUGH_MEXICO, (n, 1))
        self.direct = np.tile(1 - THROUGH_MEXICO, (n, 1))  # Mexicans: no Mexican transit
        self.returnability = P.origin("returnability")
        self.canada_air_share = P.origin("canada_air_share")
        self.air_share_to_mexico = P.origin("air_share_to_mexico")
        self.strong = P.origin("strong_claim_share")
        self.claim_logit = P.origin("claim_logit")
        self.coffee_elasticity = P.origin("coffee_elasticity")
        self.family_logit = P.origin("family_logit")
        self.child_logit = P.origin("child_logit")
        self.natural_growth = P.origin("natural_growth")
        # Returnability per world and origin, the row the step starts from each month.
        self.returnable = self.returnability.copy() * np.ones((n, len(THROUGH_MEXICO)))
        # Share of each destination's work and humanitarian places going to each origin, in the
        # order work US, humanitarian US, work CA, humanitarian CA, work MX, humanitarian MX:
        # ``(n, 6, 5)``.
        rows = []
        for dest in LEGAL_DESTINATIONS:
            rows.append(P.origin(f"work_visa_share_{dest.lower()}"))
            rows.append(P.origin(f"humanitarian_share_{dest.lower()}"))
        self.place_shares = np.stack(np.broadcast_arrays(*rows), axis=-2)
        # Grant rates by origin: strong claims are granted far more often than weak ones.
        self.grant = self.strong * P.grant_if_strong + (1 - self.strong) * P.grant_if_weak
        # Retries from far away are rarer: a factor for origins that cross Mexico.
        self.retry_far = np.where(self.through_mexico > 0, P.retry_far_factor, 1.0)
        # Saturation rates of money and people (κ of 1 − exp(−κx)).
        self.kappa_vp = 1.0 / P.vp_dollars_per_head
        self.kappa_gov = 1.0 / P.governance_dollars_per_head
        self.kappa_rescue = 1.0 / P.rescue_half_musd
        # Catch probabilities and rescue cuts, max × (1 − exp(−κx)), in the step's order: Mexico's
        # southern border, bus and remote transit routes; US urban and remote sectors; Canada;
        # rescue in Mexico and in the US.
        self.saturation_max = _row(
            n, P.mx_south_pi_max, P.mx_bus_pi_max, P.mx_remote_pi_max, P.us_urban_pi_max,
            P.us_remote_pi_max, P.ca_pi_max, P.rescue_max_reduction, P.rescue_max_reduction)
        self.saturation_neg_kappa = -_row(
            n, P.mx_south_kappa, P.mx_bus_kappa, P.mx_remote_kappa, P.us_urban_kappa,
            P.us_remote_kappa, P.ca_kappa, self.kappa_rescue, self.kappa_rescue)
        # Ports of entry are a small share of the border (see the safe-third-country section).
        self.at_covered = 1.0 / P.stc_port_coverage
        # References of the restrictiveness index: border staff US, MX, CA and visas US, CA,
        # as (a + 0.1 ref) / (1.1 ref).
        agents_reference = _row(n, P.agents_reference_us, P.agents_reference_mx,
                                P.agents_reference_ca)
        self.agents_low = 0.1 * agents_reference
        self.agents_high = 1.1 * agents_reference
        # Index weights per detention and removal choice, shaped to multiply the step's
        # ``(n, nation, choice)`` regimes: ``(choices,)``, or ``(n, 1, choices)`` per world.
        self.restrict_detention = _per_choice(P.restrict_detention)
        self.restrict_removal = _per_choice(P.restrict_removal)
        visas_reference = _row(n, P.visas_reference_us, P.visas_reference_ca)
        self.visas_low = 0.1 * visas_reference
        self.visas_high = 1.1 * visas_reference


def _row(n: int, *values: float | np.ndarray) -> np.ndarray:
    """Coefficients side by side, one row per world: ``(n, k)``."""
    row = np.concatenate([np.atleast_1d(v) for v in np.broadcast_arrays(*values)], axis=-1)
    return np.tile(row, (n, 1)) if row.ndim == 1 else row


def _per_choice(weights: np.ndarray) -> np.ndarray:
    """Choice weights ``(choices,)`` as they are, or ``(n, choices)`` as ``(n, 1, choices)``."""
    return weights[:, None, :] if np.ndim(weights) == 2 else weights


_PREPARED: weakref.WeakKeyDictionary[Any, Prepared] = weakref.WeakKeyDictionary()


def prepared(P: Any) -> Prepared:
    """The :class:`Prepared` quantities of a parameter batch (computed on first use)."""
    found = _PREPARED.get(P)
    if found is None:
        found = Prepared(P)
        _PREPARED[P] = found
    return found


#: Countries whose spending the model counts, in the order of the step's ``spend`` columns.
PAYERS = ("US", "MX", "CA")


def _cost_matrix(payers: tuple[str, ...] = PAYERS) -> np.ndarray:
    """US$ million per month per unit of each lever column, by paying country ``(k, 3)``."""
    cost = np.zeros((len(COLUMN), len(payers)))
    for name, i in COLUMN.items():
        lever, country = name.split(":")[:2]
        if country in payers and LEVERS[lever].kind != "choice":
            cost[i, payers.index(country)] = LEVERS[lever].cost_per_unit.get(country, 0.0) / 12.0
    return cost


COST = _cost_matrix()
#: The same for the Northern Triangle's governments, GT, HN, SV ``(k, 3)`` (their approval).
NT_PAYERS = ("GT", "HN", "SV")
NT_COST = _cost_matrix(NT_PAYERS)


class LeverTerms:
    """Lever- and agreement-derived quantities of the step for one turn's levers, as attributes.

    Shapes follow the step: ``(n, 1)`` for one number per world, ``(n, 5)`` per origin.
    """

    def __init__(self, levers: Levers, P: Any) -> None:
        self.corps_target = levers.corps_contributions.sum(axis=1, keepdims=True) / (
            P.corps_cost_per_member_musd)
        self.tariff_on = levers.tariff_active[:, None]
        self.tariff_rate = levers.tariff_rate[:, None]
        self.leverage_mx = self.tariff_on * np.sqrt(self.tariff_rate / P.tariff_reference_rate)
        # Mexico's own answer to a tariff threat applies only where no leader plays Mexico.
        self.mexico_unled = 1.0 - levers.led[:, 1:2]
        self.returns_open = levers.returns_cap[:, None] > 0
        self.returns_cap = levers.returns_cap[:, None]
        self.rim_on = levers.remain_in_mexico[:, None]
        self.rim_cap = levers.rim_cap[:, None]
        # Visa requirements close the air routes: the share of each route left open.
        self.visa_ca = levers.visa_requirement[:, 0, :]
        self.canada_open = 1 - P.visa_requirement_effect * self.visa_ca
        self.mexico_air_open = 1 - P.visa_requirement_effect * levers.visa_requirement[:, 1, :]
        self.visa_ca_restrict = levers.visa_requirement[:, 0, :].sum(axis=1, keepdims=True) * (
            P.restrict_visa_requirement)
        # Burden sharing: the shares owed to Mexico and Canada while the deal is in force.
        active = levers.burden_active[:, None]
        self.owed_share_mx = active * levers.burden_shares[:, 1:2]
        self.owed_share_ca = active * levers.burden_shares[:, 2:3]
        # Tariff threat terms.
        self.tariff_started = levers.tariff_active > 0
        self.tariff_lifted = levers.tariff_active <= 0
        self.threat_hit_scale = np.sqrt(levers.tariff_rate / P.flat.tariff_reference_rate)
        self.target_left = 1 - levers.tariff_target
        self.cooperating_mx = levers.burden_active + (levers.corps_contributions.sum(axis=1) > 0)
        # Spending on the lever values and the joint corps, per month (detention is added by
        # the step, since it depends on who is detained). Summed lever by lever in the
        # registry's order, so a world spends the same to the last bit alone, in any batch and
        # on any processor; a BLAS product (``@``) orders its sums by batch size and CPU.
        self.spend_levers = np.add.reduce(levers.values[:, :, None] * COST, axis=1)
        self.spend_corps = levers.corps_contributions / 12
        # The Northern Triangle's governments: their spending and the task force's pool.
        self.spend_nt = nt_spending(np.add.reduce(levers.values[:, :, None] * NT_COST, axis=1),
                                    levers.task_force)
        self.budget_term_nt = budget_term_nt(self.spend_nt, P)
        self.task_force_gov = task_force_governance(levers.task_force, _NEED, P)


#: The last few turns' lever terms: id(levers) → (weak reference to the levers, the parameter
#: batch, terms). Levers are immutable, so identity is a safe key while the object lives.
_LEVER_TERMS: dict[int, tuple[weakref.ref[Levers], Any, LeverTerms]] = {}
#: Entries kept (a game, its baseline, an explanation and a forecast use a few at a time).
_LEVER_TERMS_KEPT = 16


def lever_terms(levers: Levers, P: Any) -> LeverTerms:
    """The :class:`LeverTerms` of ``levers`` under parameter batch ``P`` (computed on first use)."""
    key = id(levers)
    found = _LEVER_TERMS.get(key)
    if found is not None and found[0]() is levers and found[1] is P:
        return found[2]
    terms = LeverTerms(levers, P)
    if len(_LEVER_TERMS) >= _LEVER_TERMS_KEPT:
        _LEVER_TERMS.pop(next(iter(_LEVER_TERMS)))  # the oldest
    _LEVER_TERMS[key] = (weakref.ref(levers), P, terms)
    return terms
