"""The advisors' forecast: the likely range of key metrics next turn under planned decisions.

The current world is copied into a batch of worlds with independent noise (each its own future),
run for the turn under the planned policy, and summarised by percentiles (DESIGN.md §5). The
forecast's noise stream is derived from the game's seed and the month, so asking twice gives the
same answer and the forecast never consumes the game's own draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.levers import Levers
from game.sim.noise import Noise
from game.sim.policy import Policy, ScheduledEvent
from game.sim.simulation import Simulation
from game.sim.turn import run_turn

#: The metrics the advisors forecast by default: what the desk shows beside the sliders.
FORECAST_METRICS: tuple[str, ...] = (
    "us_border_encounters",
    "irregular_entries_us",
    "deaths_in_transit",
    "protection_granted",
    "asylum_wait_months_us",
    "stranded_in_mx_border_towns",
    "smuggling_price_usd",
    "approval_us",
    "approval_mx",
    "approval_ca",
)
#: About 200 worlds give stable 10th and 90th percentiles (DESIGN.md §5).
DEFAULT_WORLDS = 200
#: Salt mixed into the seed so forecast draws never coincide with the game's own stream.
FORECAST_SALT = 0x5F0CA57


@dataclass(frozen=True)
class Band:
    """The 10th, 50th and 90th percentiles of one metric."""

    p10: float
    p50: float
    p90: float

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the 10–90% range."""
        return self.p10 <= value <= self.p90


def forecast(sim: Simulation, policy: Policy, months: int,
             events: Sequence[ScheduledEvent] = (), n_worlds: int = DEFAULT_WORLDS,
             metrics: Sequence[str] = FORECAST_METRICS, world: int = 0) -> dict[str, Band]:
    """Percentile bands of ``metrics`` after ``months`` months under ``policy``.

    ``sim`` is the game's simulation at the start of the turn; it is not advanced.
    """
    batch = sim.world.take([world] * n_worlds)
    levers = Levers.from_policy(policy, 1).take([0] * n_worlds)
    noise = Noise.independent((sim.scenario.seed * 1_000_003 + FORECAST_SALT) % 2**63)
    _, outcome = run_turn(batch, levers, sim.params, noise, months, events)
    out = {}
    for name in metrics:
        p10, p50, p90 = np.percentile(outcome.metrics[name], [10, 50, 90])
        out[name] = Band(float(p10), float(p50), float(p90))
    return out
