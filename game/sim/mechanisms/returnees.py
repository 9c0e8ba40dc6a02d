"""People returned home: they settle back, or try again (model section 8, docs/model.md)."""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.mechanisms._common import MAX_RATE, sigmoid


def retry_rate(rem_us: np.ndarray, wait_share: np.ndarray, P: Any) -> np.ndarray:
    """Monthly retry rate of people returned right to the border, ``(n, 5)``.

    Set by the US removal regime, and cut by the same "wait for a legal place" share as first
    movers: with a legal place in reach and a credible consequence many wait instead.
    """
    rate = (rem_us[:, 0:1] * P.retry_expel + rem_us[:, 1:2] * P.retry_remove
            + rem_us[:, 2:3] * P.retry_prosecute)
    return rate * (1 - wait_share)


def returnees(returned: np.ndarray, reintegration: np.ndarray, rate: np.ndarray, pp: Any,
              P: Any) -> tuple[np.ndarray, np.ndarray]:
    """Of the people returned home, those who try again and those who settle back, ``(n, 5)``.

    ``rate`` is the retry rate at the border (``retry_rate``); from home it is lower for those
    who must cross Mexico again (``pp.retry_far``) and for those who settle (reintegration
    spending, ``(n, 3)`` US$M a year for GT, HN, SV, helps them).
    """
    reint_per_head = np.zeros(returned.shape)
    reint_per_head[:, 1:4] = reintegration * 1e6 / np.maximum(returned[:, 1:4] * 12, 1.0)
    settle = sigmoid(P.settle_logit + P.reintegration_effect * np.log1p(
        reint_per_head / P.reintegration_dollars_per_person))
    rate = rate * pp.retry_far
    rate = rate * (1 - settle)
    retriers = returned * np.minimum(rate, MAX_RATE)
    settling = returned * settle * (1 - np.minimum(rate, MAX_RATE))
    return retriers, settling
