"""Canada: people heading north from the US, across the northern border or to its ports.

Model section 5 (docs/model.md, the US–Canada border) and the safe-third-country deal CA→US.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim.mechanisms._common import sigmoid


class North(NamedTuple):
    """People heading north from the US this month, per origin ``(n, 5)``."""

    from_unauth: np.ndarray  # leaving the settled unauthorized population
    from_recent: np.ndarray  # leaving the recent arrivals
    proc_us: np.ndarray  # the US procedure after those leaving it and those sent back to it
    deaths: np.ndarray  # on the way between ports
    intercepted: np.ndarray  # by Canada between ports (counted; they claim asylum)
    sent_to_us: np.ndarray  # returned to the US under the safe-third-country deal
    claims: np.ndarray  # new claims in Canada (those flying in are added by the step)


def heading_north(unauth: np.ndarray, recent: np.ndarray, proc_us: np.ndarray,
                  restrict_us: np.ndarray, coverage_ca: np.ndarray, comp_us: np.ndarray,
                  catch_ca: np.ndarray, pp: Any, P: Any) -> North:
    """People heading north: more under harsher US policy (Roxham Road, 2017), some between ports.

    A partial deal moves them between ports, where some die and Canada catches some.

    ``restrict_us`` is the US restrictiveness ``(n, 1)``; ``coverage_ca`` the coverage of
    Canada's safe-third-country deal with the US after court blocks, ``comp_us`` the US's
    compliance with it and ``catch_ca`` Canada's catch probability between ports, ``(n, 1)``.
    """
    rate = P.north_rate * np.exp(P.north_harshness * np.maximum(restrict_us, 0.0))
    from_unauth = unauth * rate
    from_recent = recent * rate
    from_proc = proc_us * rate
    northbound = from_unauth + from_recent + from_proc
    p_return = P.stc_execution_rate * comp_us * np.minimum(coverage_ca * pp.at_covered, 1.0)
    between = sigmoid(-P.remote_claim_risk_aversion + np.log(np.maximum(1 - coverage_ca, 1e-6))
                      + P.transfer_aversion * p_return)
    north_between = northbound * between
    at_ports = northbound - north_between
    deaths = north_between * P.north_mortality
    north_between = north_between - deaths
    sent_to_us = at_ports * p_return
    return North(from_unauth, from_recent, proc_us - from_proc + sent_to_us, deaths,
                 north_between * catch_ca, sent_to_us, north_between + at_ports - sent_to_us)
