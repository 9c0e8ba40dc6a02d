"""People returned home settle back or try again (mechanisms/returnees.py)."""

from __future__ import annotations

import numpy as np
from _mech import coefficients, origins

from game.sim.mechanisms.returnees import retry_rate, returnees

EXPEL, PROSECUTE = np.array([[1.0, 0, 0]]), np.array([[0, 0, 1.0]])


def test_expulsion_without_consequence_brings_more_retries_than_prosecution() -> None:
    P, _ = coefficients()
    assert np.all(retry_rate(EXPEL, origins(0.0), P) > retry_rate(PROSECUTE, origins(0.0), P))
    assert np.all(retry_rate(EXPEL, origins(0.5), P) < retry_rate(EXPEL, origins(0.0), P))


def test_nobody_is_lost_and_reintegration_money_helps_people_settle() -> None:
    P, pp = coefficients()
    returned = origins(1000.0)
    rate = retry_rate(EXPEL, origins(0.0), P)
    retriers, settling = returnees(returned, np.zeros((1, 3)), rate, pp, P)
    assert np.all(retriers + settling <= returned)
    assert np.all(retriers >= 0) and np.all(settling >= 0)
    _, settling_aided = returnees(returned, np.full((1, 3), 50.0), rate, pp, P)
    assert np.all(settling_aided[0, 1:4] > settling[0, 1:4])
    none = returnees(np.zeros((1, 5)), np.full((1, 3), 50.0), rate, pp, P)
    assert np.all(none[0] == 0) and np.all(none[1] == 0)
