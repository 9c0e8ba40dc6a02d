"""Mexico's routes, its catches and the border towns (mechanisms/transit.py)."""

from __future__ import annotations

import numpy as np
from _mech import THROUGH, coefficients, origins

from game.sim.mechanisms.transit import (
    adult_transit,
    border_towns,
    catch_probabilities,
    heat,
    mexico_catches,
)


def _catch(mx_south: float = 3000.0, us: float = 17000.0):
    P, pp = coefficients()
    one = np.ones((1, 1))
    return catch_probabilities(one * mx_south, one * 2000, one * us, one * 1000, one * 10,
                               one * 10, pp, P)


def test_more_staff_catch_more_with_diminishing_returns() -> None:
    low, mid, high = _catch(1000), _catch(5000), _catch(9000)
    assert 0 <= low.south[0, 0] < mid.south[0, 0] < high.south[0, 0] < 1
    assert mid.south - low.south > high.south - mid.south
    assert _catch(us=30000).urban > _catch().urban


def test_nobody_is_lost_on_the_routes_and_more_southern_checks_push_people_off_the_roads() -> None:
    P, pp = coefficients()
    entering = origins(0.0, 1000.0, 1000.0, 1000.0, 500.0)
    risk = heat(np.ones((1, 1)), 6, P)
    out = {}
    for agents in (1000.0, 8000.0):
        catch = _catch(agents)
        tr = adult_transit(entering, np.zeros((1, 5)), origins(200.0) * THROUGH,
                           origins(100.0) * THROUGH, catch, risk, np.full((1, 1), agents + 2000),
                           np.full((1, 1), 6.0), THROUGH, pp, P)
        accounted = (tr.bus + tr.remote + tr.caught_south + tr.caught_bus + tr.caught_remote
                     + tr.bus_dead + tr.remote_dead + tr.claims + tr.out_bus + tr.out_remote)
        np.testing.assert_allclose(accounted, entering + (origins(300.0) * THROUGH))
        out[agents] = tr
    assert np.all(out[8000.0].remote_share[0, 1:] > out[1000.0].remote_share[0, 1:])
    empty = adult_transit(np.zeros((1, 5)), np.zeros((1, 5)), np.zeros((1, 5)),
                          np.zeros((1, 5)), _catch(), risk, np.ones((1, 1)),
                          np.zeros((1, 1)), THROUGH, pp, P)
    assert all(np.all(a == 0) for a in empty[:-1])


def test_deaths_peak_in_summer() -> None:
    P, _ = coefficients()
    assert heat(np.ones((1, 1)), 6, P)[0, 0] > heat(np.ones((1, 1)), 0, P)[0, 0] >= 1


def test_mexico_detains_and_deports_under_detention_releases_under_release() -> None:
    P, pp = coefficients()
    caught = origins(0.0, 100.0, 100.0, 100.0, 50.0)
    remove = np.array([[0.0, 1.0, 0.0]])
    detain = mexico_catches(caught, np.array([[0.0, 0, 1, 0]]), remove, np.zeros((1, 5)),
                            THROUGH, pp, P)
    release = mexico_catches(caught, np.array([[1.0, 0, 0, 0]]), remove, np.zeros((1, 5)),
                             THROUGH, pp, P)
    assert np.all(release.released[0, 1:] > detain.released[0, 1:])
    assert np.all(detain.deported[0, 1:] > 0) and np.all(release.deported == 0)
    np.testing.assert_allclose(detain.claims + detain.released + detain.detained
                               + detain.deported, caught)
    assert np.all(detain.reentry == 0)  # formal removal: no quick re-entry


def test_people_leave_the_border_towns_without_being_lost() -> None:
    P, _ = coefficients()
    stranded, mpp = origins(1000.0), origins(500.0)
    towns = border_towns(stranded, mpp, origins(0.1), P)
    np.testing.assert_allclose(towns.stranded + towns.stranded_cross + towns.stranded_home,
                               stranded)
    np.testing.assert_allclose(towns.mpp + towns.mpp_home + towns.mpp_cross, mpp)
    assert np.all(border_towns(stranded, mpp, origins(0.0), P).stranded_cross == 0)
