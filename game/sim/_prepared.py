"""What the monthly step derives from the parameters alone, computed once per parameter batch.

The step runs every month with the same :class:`~game.sim.params.Params`; quantities that depend
only on them (first-order lag shares, per-origin coefficient rows, legal-place shares) would
otherwise be rebuilt a dozen small numpy operations at a time, every month. ``prepared(P)``
computes them once per parameter batch and keeps them with it. Each value is computed exactly as
the step computed it inline, so results are bit-for-bit the same.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

try:  # the clip ufunc itself: np.clip adds two layers of Python dispatch around it
    from numpy._core.umath import clip as clip  # numpy ≥ 2
except ImportError:  # pragma: no cover - numpy 1.26
    from numpy.core.umath import clip as clip  # type: ignore[no-redef]

#: 1 for origins that cross Mexico from the south (everyone but Mexicans).
THROUGH_MEXICO = np.array([0.0, 1.0, 1.0, 1.0, 1.0])
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
        self.k_relations = lag_share(P.relations_recovery_months)
        # Per-origin coefficient rows, ``(5,)`` or ``(n, 5)``.
        self.returnability = P.origin("returnability")
        self.canada_air_share = P.origin("canada_air_share")
        self.air_share_to_mexico = P.origin("air_share_to_mexico")
        self.strong = P.origin("strong_claim_share")
        self.claim_logit = P.origin("claim_logit")
        self.family_share = P.origin("family_share")
        self.natural_growth = P.origin("natural_growth")
        # Share of each destination's work and humanitarian places going to each origin, in the
        # order work US, humanitarian US, work CA, humanitarian CA, work MX, humanitarian MX:
        # ``(6, 5)``, or ``(n, 6, 5)`` when a share differs by world.
        rows = []
        for dest in LEGAL_DESTINATIONS:
            rows.append(P.origin(f"work_visa_share_{dest.lower()}"))
            rows.append(P.origin(f"humanitarian_share_{dest.lower()}"))
        self.place_shares = np.stack(np.broadcast_arrays(*rows), axis=-2)
        # Grant rates by origin: strong claims are granted far more often than weak ones.
        self.grant = self.strong * P.grant_if_strong + (1 - self.strong) * P.grant_if_weak
        # Retries from far away are rarer: a factor for origins that cross Mexico.
        self.retry_far = np.where(THROUGH_MEXICO > 0, P.retry_far_factor, 1.0)
        # Saturation rates of money and people (κ of 1 − exp(−κx)).
        self.kappa_vp = 1.0 / P.vp_dollars_per_head
        self.kappa_gov = 1.0 / P.governance_dollars_per_head
        self.kappa_rescue = 1.0 / P.rescue_half_musd
        # Ports of entry are a small share of the border (see the safe-third-country section).
        self.at_covered = 1.0 / P.stc_port_coverage
        # References of the restrictiveness index: border staff US, MX, CA and visas US, CA,
        # as (a + 0.1 ref) / (1.1 ref).
        agents_reference = _row(P.agents_reference_us, P.agents_reference_mx,
                                P.agents_reference_ca)
        self.agents_low = 0.1 * agents_reference
        self.agents_high = 1.1 * agents_reference
        visas_reference = _row(P.visas_reference_us, P.visas_reference_ca)
        self.visas_low = 0.1 * visas_reference
        self.visas_high = 1.1 * visas_reference


def _row(*values: float | np.ndarray) -> np.ndarray:
    """Coefficients side by side: ``(k,)`` from floats, ``(n, k)`` when one is per world."""
    return np.concatenate([np.atleast_1d(v) for v in np.broadcast_arrays(*values)], axis=-1)


_PREPARED: weakref.WeakKeyDictionary[Any, Prepared] = weakref.WeakKeyDictionary()


def prepared(P: Any) -> Prepared:
    """The :class:`Prepared` quantities of a parameter batch (computed on first use)."""
    found = _PREPARED.get(P)
    if found is None:
        found = Prepared(P)
        _PREPARED[P] = found
    return found
