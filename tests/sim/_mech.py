"""Shared set-up of the mechanism tests: the calibrated coefficients for a batch of worlds."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from game.sim import default_params
from game.sim._prepared import prepared


@cache
def coefficients(n: int = 1) -> tuple[Any, Any]:
    """``P`` (the batch's parameters) and ``pp`` (the step's prepared quantities) for n worlds."""
    P = default_params().batch(n)
    return P, prepared(P)


def origins(*values: float) -> np.ndarray:
    """One world's row of five per-origin values (MX, GT, HN, SV, XR)."""
    return np.array([values if len(values) == 5 else values * 5], dtype=float)


THROUGH = np.array([[0.0, 1.0, 1.0, 1.0, 1.0]])
