"""The world model: pure numpy and the standard library, no I/O, no UI (DESIGN.md §2-3).

The public API: ``Params``/``default_params`` (coefficients with units, ranges, sources),
``World`` (batched state), ``Levers.from_policies``, ``Noise.shared``/``Noise.independent``,
``initial_world``, ``step``, ``run_turn``/``TurnOutcome``, ``score_turn`` and ``Simulation``.
See docs/model.md.
"""

from __future__ import annotations

from game.sim.initial import initial_world
from game.sim.levers import Levers
from game.sim.noise import Noise
from game.sim.params import Param, Params, default_params, prior_params
from game.sim.simulation import Simulation, TurnResult
from game.sim.step import MonthOutcome, step
from game.sim.turn import TurnOutcome, run_turn, score_turn
from game.sim.world import STOCKS, World

__all__ = [
    "STOCKS",
    "Levers",
    "MonthOutcome",
    "Noise",
    "Param",
    "Params",
    "Simulation",
    "TurnOutcome",
    "TurnResult",
    "World",
    "default_params",
    "initial_world",
    "prior_params",
    "run_turn",
    "score_turn",
    "step",
]
