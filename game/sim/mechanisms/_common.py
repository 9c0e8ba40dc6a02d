"""Array helpers and numerical guards shared by the mechanisms (no coefficients here)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

MX, GT, HN, SV, XR = range(5)
#: Keeps ratios finite where a flow is zero.
TINY = 1e-9
#: Numerical guard (not a coefficient): no event moves more than half a stock in a month.
GUARD_SHARE = 0.5
#: Numerical guard: no monthly rate moves more than this share of a stock.
MAX_RATE = 0.9


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, in its tanh form (which never overflows, so needs no clipping)."""
    return 0.5 + 0.5 * np.tanh(0.5 * x)


def saturation(x: np.ndarray, kappa: float | np.ndarray) -> np.ndarray:
    """Diminishing returns: 1 − exp(−κx), 0 at x = 0 and 1 as x grows."""
    return 1.0 - np.exp(-kappa * np.maximum(x, 0.0))


# Reductions are written ``np.add.reduce(x, axis=…)`` rather than ``x.sum(axis=…)``: the
# method goes through numpy's Python-level ``_methods._sum`` to the same reduction (the same
# bits), about 0.2 µs dearer a call, and a month makes some forty of them.


def add_up(parts: Iterable[np.ndarray]) -> np.ndarray:
    """The sum of equal-shaped arrays, exactly as numpy sums them along an axis (0 + a + b + …).

    Passed the axis to sum as the first of a transposed view, it gives ``x.sum(axis)`` bit for
    bit, but one whole-array addition per element of that axis: numpy reduces a short axis
    (five origins) in one tiny loop per world, slow for large batches.
    """
    it = iter(parts)
    total = 0.0 + next(it)
    for part in it:
        total += part
    return total


def side_by_side(*columns: np.ndarray) -> np.ndarray:
    """Per-world ``(n,)`` arrays as the columns of one ``(n, k)`` array.

    The same values as ``np.stack(columns, axis=1)``, without its Python-level checks (the step
    builds several small tables a month).
    """
    out = np.empty((len(columns[0]), len(columns)))
    for i, column in enumerate(columns):
        out[:, i] = column
    return out


def stacked(*parts: np.ndarray) -> np.ndarray:
    """Equal-shaped ``(n, …)`` arrays along a new axis 1, ``(n, k, …)``.

    The same values as ``np.stack(parts, axis=1)``, without its Python-level checks (about
    1.8 µs a call at one world's shapes).
    """
    first = parts[0]
    out = np.empty((first.shape[0], len(parts), *first.shape[1:]))
    for i, part in enumerate(parts):
        out[:, i] = part
    return out


#: Below this many worlds one reduction along the origins is cheapest; above, ``add_up``
#: (measured: the two cost the same at about six worlds).
FEW_WORLDS = 6


def origin_totals(table: np.ndarray) -> np.ndarray:
    """Sums over origins of a table of per-origin arrays ``(k, n, 5)``, as ``(k, n)``.

    Bit for bit ``x.sum(axis=1)`` of each ``(n, 5)`` part (0 + x₀ + x₁ + …, either way): for a
    few worlds one reduction along the short last axis is one call; for many, numpy walks that
    axis in one tiny loop per row, and five whole-array additions are much faster.
    """
    if table.shape[1] < FEW_WORLDS:
        return np.add.reduce(table, axis=-1)
    return add_up(table.transpose(2, 0, 1))


def follow(seen: np.ndarray, value: np.ndarray, k: float | np.ndarray) -> np.ndarray:
    """A first-order lag: ``seen`` moves the share ``k`` of the way to ``value`` in a month."""
    return seen + (value - seen) * k
