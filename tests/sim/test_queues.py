"""The US asylum procedure, one month at a time (game/sim/queues.py)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from game.sim.queues import us_decisions

P = SimpleNamespace(detained_docket_priority=3.0, denied_removal_rate_released=0.3,
                    denied_removal_rate_detained=0.9, detention_release_rate=0.3,
                    abscond_release=0.004, abscond_atd=0.0015)
DETAIN = np.array([[0.0, 0.0, 1.0, 0.0]])


def month(proc: float, detained: float, mpp: float, throughput: float, grant: float = 0.3):
    row = np.full((1, 5), 1.0)
    backlog = np.array([[5 * (proc + detained + mpp)]])
    return us_decisions(row * proc, row * detained, row * mpp, backlog,
                        np.array([[throughput]]), row * grant, DETAIN, P)


def test_every_case_ends_in_exactly_one_place() -> None:
    out = month(10_000, 2_000, 1_000, 9_000)
    after = (out["proc"] + out["detained"] + out["waiting_in_mexico"] + out["granted"]
             + sum(out["to_unauthorized"]) + sum(out["returned"]))
    assert np.allclose(after, 13_000)


def test_decisions_are_the_adjudicators_throughput_and_the_detained_docket_moves_faster() -> None:
    out = month(10_000, 10_000, 0, 20_000)  # backlog 100,000: a fifth decided
    decided_proc = 10_000 - (out["proc"] - (10_000 - 10_000 * 0.6) * 0.3 * 0).sum() / 5
    assert decided_proc > 0
    granted = out["granted"].sum()
    assert granted == pytest.approx((2_000 + 6_000) * 5 * 0.3)  # 20% of proc, 60% of detained
    removed = sum(out["returned"]).sum()
    assert removed == pytest.approx(5 * (2_000 * 0.7 * 0.3 + 6_000 * 0.7 * 0.9))


def test_a_backlog_the_adjudicators_outpace_is_cleared_in_a_month() -> None:
    out = month(1_000, 0, 0, 1e9)
    assert out["granted"].sum() == pytest.approx(5 * 1_000 * 0.3)
    assert out["proc"].sum() == pytest.approx(0.0)
