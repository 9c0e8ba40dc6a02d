"""Helpers for the model's tests: run policies side by side with shared noise."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from game.sim import Levers, Noise, TurnOutcome, World, default_params, initial_world, run_turn
from game.sim.policy import Policy, Scenario, ScheduledEvent, month_index

START = month_index(2016, 1)
SEED = 7


@cache
def params():
    return default_params()


@cache
def _start_world(start: int, seed: int) -> World:
    return initial_world(Scenario(start=start, seed=seed), 1, params())


def run(policies: Sequence[Policy], months: int, events: Sequence[ScheduledEvent] = (),
        start: int = START, seed: int = SEED, p=None) -> TurnOutcome:
    """Run each policy in its own world of one batch, every world seeing the same draws."""
    world = _start_world(start, seed).take(np.zeros(len(policies), dtype=int))
    _, out = run_turn(world, Levers.from_policies(list(policies)), p or params(),
                      Noise.shared(seed), months, events)
    return out


def change(out: TurnOutcome, metric: str, world: int = 1, against: int = 0,
           months: slice = slice(None)) -> float:
    """Relative change of a metric summed over ``months`` in ``world`` against ``against``."""
    series = out.monthly[metric][months]
    return float(series[:, world].sum() / series[:, against].sum() - 1)
