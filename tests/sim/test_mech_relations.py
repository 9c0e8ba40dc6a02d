"""The US tariff threat on Mexico and relations between nations (mechanisms/relations.py)."""

from __future__ import annotations

import numpy as np
import pytest
from _mech import coefficients

from game.sim.mechanisms.relations import enforcement_effort, relations, tariff_threat

T, F = np.array([True]), np.array([False])
YES, NO = T, F
ONE, ZERO = np.ones(1), np.zeros(1)


def _threat(state: float, encounters: float, draw: float = 0.0, month: int = 10,
            deadline_now: float = 0.0, started=T, lifted=F):
    P, _ = coefficients()
    return tariff_threat(np.array([state]), np.array([5.0]), np.array([100.0]), ZERO,
                         np.array([120.0]), np.array([encounters]), month, started, lifted,
                         ONE, np.array([0.7]), np.array([2.0]), np.full((1, 1), deadline_now),
                         np.zeros((1, 1)), np.array([0.05]), np.array([draw]), P)


def test_a_new_threat_starts_from_last_month_s_encounters_and_hurts_relations() -> None:
    new = _threat(0.0, 110.0, month=3)
    assert new.state[0] == 1 and new.start[0] == 3 and new.base[0] == 120.0
    assert new.hit[0] < 0 and new.imposed[0] == 0


def test_at_the_deadline_the_tariff_is_imposed_unless_the_target_is_met() -> None:
    missed = _threat(1.0, 90.0)  # 90 > 0.7 × 100
    met = _threat(1.0, 60.0)
    assert missed.state[0] == 3 and missed.imposed[0] == 0.05
    assert met.state[0] == 2 and met.imposed[0] == 0
    assert missed.hit[0] < met.hit[0] <= 0
    spared = _threat(1.0, 90.0, draw=0.999999)  # the draw spares Mexico
    assert spared.state[0] == 2
    early = _threat(1.0, 90.0, month=6)  # before the deadline
    assert early.state[0] == 1
    event = _threat(1.0, 90.0, month=6, deadline_now=1.0)  # a tariff_deadline event
    assert event.state[0] == 3


def test_lifting_the_threat_ends_the_tariff_and_nothing_happens_without_one() -> None:
    lifted = _threat(3.0, 90.0, started=F, lifted=T)
    assert lifted.state[0] == 0 and lifted.imposed[0] == 0 and lifted.hit[0] == 0
    quiet = _threat(0.0, 90.0, started=F, lifted=T)
    assert quiet.state[0] == 0 and quiet.hit[0] == 0


def test_relations_recover_toward_their_base_and_cooperation_raises_them() -> None:
    P, pp = coefficients()
    col, visa = np.ones((1, 1)), np.zeros((1, 5))
    bad = np.full((1, 3), -80.0)
    after = relations(bad, ZERO, visa, 0 * col, 0 * col, ZERO, ZERO, ZERO, NO, pp, P)
    assert np.all(after > bad) and np.all(after <= 100)
    cooperating = relations(bad, ZERO, visa, col, col, ONE, ONE, ZERO, NO, pp, P)
    assert np.all(cooperating > after)
    visa[0, 0] = 1.0  # Canada requires visas of Mexicans
    strained = relations(bad, ZERO, visa, 0 * col, 0 * col, ZERO, ZERO, ZERO, NO, pp, P)
    assert strained[0, 0] == after[0, 0] and np.all(strained[0, 1:] < after[0, 1:])
    floor = relations(np.full((1, 3), -100.0), np.array([-50.0]), visa, 0 * col, 0 * col, ZERO,
                      ZERO, ZERO, NO, pp, P)
    assert np.all(floor >= -100)


def test_without_any_threat_the_shortcut_gives_the_full_computation_s_bits() -> None:
    P, _ = coefficients()

    def run(started: np.ndarray, n: int):
        return tariff_threat(np.array([3.0, 0.0])[:n], np.array([5.0, 2.0])[:n],
                             np.array([100.0, 80.0])[:n], np.array([0.05, 0.0])[:n],
                             np.full(n, 120.0), np.full(n, 90.0), 10, started, ~started,
                             np.ones(n), np.full(n, 0.7), np.full(n, 2.0), np.zeros((n, 1)),
                             np.zeros((n, 1)), np.full(n, 0.05), np.zeros(n), P)

    alone = run(F, 1)  # no threat anywhere: the shortcut
    beside = run(np.array([False, True]), 2)  # a threat in the other world: the full path
    for a, b in zip(alone, beside, strict=True):
        assert a.tobytes() == b[:1].tobytes()


def test_mexico_s_enforcement_counts_as_cooperation_and_is_credited_under_a_threat() -> None:
    P, pp = coefficients()
    col, visa = np.zeros((1, 1)), np.zeros((1, 5))
    start = np.full((1, 3), 10.0)
    reference = P.flat.enforcement_relations_reference
    effort = enforcement_effort(np.array([reference, reference + 6000, reference + 60_000]), P)
    assert effort[0] == 0 and 0.5 < effort[1] < 0.7 and effort[2] <= 1  # saturates
    idle = relations(start, ZERO, visa, col, col, ZERO, ZERO, ZERO, NO, pp, P)
    deployed = relations(start, ZERO, visa, col, col, ZERO, ZERO, effort[1:2], NO, pp, P)
    threatened = relations(start, ZERO, visa, col, col, ZERO, ZERO, effort[1:2], YES, pp, P)
    # Only US-Mexico relations answer, a little at once, more while a threat is pending.
    assert idle[0, 0] < deployed[0, 0] < threatened[0, 0]
    assert np.array_equal(idle[0, 1:], deployed[0, 1:])
    assert threatened[0, 0] - deployed[0, 0] == pytest.approx(
        effort[1] * P.flat.compliance_relations_credit)
