"""Asylum queues of Mexico, Canada and partners; throughput and waits (mechanisms/asylum.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.asylum import (
    canada_queue,
    mexico_queue,
    partner_queue,
    throughput,
    waits,
)

ONE = np.ones((1, 1))


def test_more_officers_decide_more_cases_and_the_joint_corps_screens_in_mexico() -> None:
    P, _ = coefficients()
    officers = np.array([[500.0, 100.0, 200.0]])
    base = throughput(officers, 0 * ONE, P)
    assert np.all(throughput(2 * officers, 0 * ONE, P) > base)
    corps = throughput(officers, 1000 * ONE, P)
    assert corps[0, 1] > base[0, 1] and corps[0, 0] == base[0, 0] and corps[0, 2] == base[0, 2]
    assert np.all(throughput(0 * officers, 0 * ONE, P) == 0)


def test_mexico_decides_as_many_cases_as_its_throughput_and_loses_nobody() -> None:
    P, pp = coefficients()
    proc, bus, returned = origins(2000.0), origins(100.0), origins(50.0)
    backlog = np.add.reduce(proc, axis=1)
    small = mexico_queue(proc, backlog, 500 * ONE, pp.grant, bus, returned, P)
    large = mexico_queue(proc, backlog, 5000 * ONE, pp.grant, bus, returned, P)
    for q in (small, large):
        np.testing.assert_allclose(q.proc + q.granted + q.bus + q.returned,
                                   proc + bus + returned)
    assert np.all(large.granted > small.granted) and np.all(large.proc < small.proc)
    np.testing.assert_allclose(small.granted.sum(), 500 * (pp.grant * proc).sum() / 10000)
    assert np.all(large.proc <= proc * (1 - P.mx_abandon_rate))


def test_canada_protects_or_returns_those_it_decides() -> None:
    _, pp = coefficients()
    proc, returned = origins(1000.0), origins(0.0)
    left, granted, back = canada_queue(proc, np.add.reduce(proc, axis=1), 1000 * ONE, pp.grant,
                                       returned)
    np.testing.assert_allclose(left + granted + back, proc)
    assert np.all(left < proc) and np.all(granted > 0) and np.all(back > 0)
    empty = canada_queue(0 * proc, np.zeros(1), 1000 * ONE, pp.grant, returned)
    assert all(np.all(part == 0) for part in empty)


def test_a_partner_without_capacity_protects_no_one_and_people_go_home_into_danger() -> None:
    P, pp = coefficients()
    proc, bus, returned = origins(0.0, 1000.0, 1000.0, 1000.0, 500.0), origins(0.0), origins(0.0)
    q = partner_queue(proc, np.add.reduce(proc, axis=1), np.zeros((1, 3)), bus, returned,
                      pp.strong, P)
    np.testing.assert_allclose(q.proc + q.granted + q.bus + q.returned, proc)
    assert q.granted.sum() <= P.flat.partner_capacity * P.flat.partner_grant_rate + 1e-9
    assert np.all(q.danger <= q.returned) and q.danger.sum() > 0
    aided = partner_queue(proc, np.add.reduce(proc, axis=1), np.full((1, 3), 100.0), bus,
                          returned, pp.strong, P)
    assert aided.throughput[0, 0] > q.throughput[0, 0]
    assert aided.granted.sum() >= q.granted.sum()


def test_waits_are_backlog_over_throughput_and_capped() -> None:
    P, _ = coefficients()
    thr = np.array([[1000.0, 100.0, 10.0]])
    wait = waits(np.array([6000.0]), np.array([300.0]), np.array([1e9]), thr, P)
    np.testing.assert_allclose(wait[0, :2], [6.0, 3.0])
    assert wait[0, 2] == P.flat.max_wait_months
    assert np.all(waits(np.zeros(1), np.zeros(1), np.zeros(1), thr, P) == 0)
