"""Smuggling prices rise with enforcement on both sides and with credible prosecution.

Model section 6 (docs/model.md): tripling US enforcement raises the price by about +24%
(Gathmann: +17–30%).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def smuggling_price(agents_us: np.ndarray, agents_mx_south: np.ndarray,
                    agents_mx_transit: np.ndarray, rem_us: np.ndarray, rem_mx: np.ndarray,
                    P: Any) -> np.ndarray:
    """The smuggling price in US$, ``(n, 1)``, from agents ``(n, 1)`` and removal regimes.

    ``floor + (reference − floor) · (US agents / ref)^ε_US · ((MX agents + ref) / 2 ref)^ε_MX ·
    (1 + price_consequence · prosecution weights of the US and Mexico)``.
    """
    return P.price_floor_usd + (P.price_reference_usd - P.price_floor_usd) * (
        np.maximum(agents_us, 0.0) / P.agents_reference_us) ** P.price_enforcement_elasticity * (
        (agents_mx_south + agents_mx_transit + P.agents_reference_mx) / (2 * P.agents_reference_mx)
    ) ** P.price_mexico_elasticity * (1 + P.price_consequence * (rem_us[:, 2:3] + rem_mx[:, 2:3]))
