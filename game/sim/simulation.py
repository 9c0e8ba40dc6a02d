"""One game's simulation: the real worlds and their status-quo baseline, advanced turn by turn.

The baseline worlds start identical to the real ones, see the same draws and the same scheduled
events, and keep the scenario's starting policy for ever; scores compare the two (DESIGN.md §3.7).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.initial import initial_world
from game.sim.levers import Levers
from game.sim.noise import Noise
from game.sim.params import Params, default_params
from game.sim.policy import Policy, Scenario, ScheduledEvent
from game.sim.turn import TurnOutcome, run_turn, score_turn
from game.sim.world import PAIRS, World

#: Column of ``World.relations`` for each pair of nations.
RELATION_PAIR: dict[frozenset[str], int] = {
    frozenset(pair.upper().split("_")): i for i, pair in enumerate(PAIRS)}


@dataclass(frozen=True)
class TurnResult:
    """What a turn did, per world: metrics including scores, the baseline's, month by month."""

    start: int
    months: int
    #: Canonical metrics (and the model's extras) with the four scores, ``(n,)`` each.
    metrics: dict[str, np.ndarray]
    #: The status-quo baseline's metrics for the same months.
    baseline: dict[str, np.ndarray]
    #: Month by month: metric → ``(months, n)``, real worlds.
    monthly: dict[str, np.ndarray]
    #: Month by month for the baseline worlds.
    baseline_monthly: dict[str, np.ndarray]

    def value(self, metric: str, world: int = 0) -> float:
        """One metric of one world as a float."""
        return float(self.metrics[metric][world])


def _part(out: TurnOutcome, worlds: slice) -> TurnOutcome:
    return TurnOutcome(out.start, out.months, {k: v[worlds] for k, v in out.metrics.items()},
                       {k: v[:, worlds] for k, v in out.monthly.items()})


class Simulation:
    """Runs one game: real worlds plus status-quo baseline worlds with the same draws."""

    def __init__(self, scenario: Scenario, params: Params | None = None, n_worlds: int = 1,
                 noise: Noise | None = None, budgets: Mapping[str, float] | None = None) -> None:
        self.scenario = scenario
        self.params = params if params is not None else default_params()
        self.n_worlds = n_worlds
        self.noise = noise if noise is not None else (
            Noise.shared(scenario.seed) if n_worlds == 1 else Noise.independent(scenario.seed))
        self.budgets = dict(budgets) if budgets else None
        self.world = initial_world(scenario, n_worlds, self.params)
        self.baseline_world = self.world
        self._baseline_levers = Levers.from_policy(scenario.policy, n_worlds)

    def set_baseline_policy(self, policy: Policy) -> None:
        """The status quo's policy from now on (a level's own agreements start or end)."""
        self._baseline_levers = Levers.from_policy(policy, self.n_worlds)

    @property
    def month(self) -> int:
        """The month index the next turn starts in."""
        return self.world.month

    def advance(self, policy: Policy | Sequence[Policy], months: int,
                events: Sequence[ScheduledEvent] = ()) -> TurnResult:
        """Run a turn with ``policy`` (one, or one per world); returns metrics with scores."""
        policies = [policy] * self.n_worlds if isinstance(policy, Policy) else list(policy)
        if len(policies) != self.n_worlds:
            raise ValueError(f"{len(policies)} policies for {self.n_worlds} worlds")
        levers = Levers.from_policies(policies)
        start = self.month
        n = self.n_worlds
        if self.noise.shared_draws and self.params.n_worlds is None:
            # Same draws for every world: run real and baseline worlds as one batch (faster).
            both = World.concat([self.world, self.baseline_world])
            both_levers = Levers.concat([levers, self._baseline_levers])
            after, out = run_turn(both, both_levers, self.params, self.noise, months, events)
            self.world = after.take(np.arange(n))
            self.baseline_world = after.take(np.arange(n, 2 * n))
            real = _part(out, slice(0, n))
            base = _part(out, slice(n, 2 * n))
        else:
            self.world, real = run_turn(self.world, levers, self.params, self.noise, months,
                                        events)
            self.baseline_world, base = run_turn(self.baseline_world, self._baseline_levers,
                                                 self.params, self.noise, months, events)
        return self._result(start, months, real, base)

    def _result(self, start: int, months: int, real: TurnOutcome,
                base: TurnOutcome) -> TurnResult:
        metrics = dict(real.metrics)
        metrics.update(score_turn(real.metrics, base.metrics, self.budgets))
        baseline = dict(base.metrics)
        baseline.update(score_turn(base.metrics, base.metrics, self.budgets))
        return TurnResult(start, months, metrics, baseline, real.monthly, base.monthly)

    def copy(self) -> Simulation:
        """An independent copy (worlds are immutable, so sharing arrays is safe)."""
        other = Simulation.__new__(Simulation)
        other.__dict__.update(self.__dict__)
        return other

    def state_hash(self) -> str:
        """SHA-256 of the real and baseline worlds' state (saves and replays compare it)."""
        digest = hashlib.sha256()
        digest.update(self.world.state_hash().encode())
        digest.update(self.baseline_world.state_hash().encode())
        return digest.hexdigest()

    def broken_promise(self, breaker: str, partner: str) -> None:
        """Relations between two nations suffer because ``breaker`` left an agreement.

        Only the real worlds change: in the status quo nobody made, or broke, the promise.
        """
        pair = RELATION_PAIR.get(frozenset((breaker, partner)))
        if pair is None:
            return
        hit = np.asarray(self.params.batch(self.world.n_worlds).flat.broken_promise_relations_hit)
        relations = self.world.relations.copy()
        relations[:, pair] = np.clip(relations[:, pair] - hit, -100.0, 100.0)
        self.world = self.world.replace(relations=relations)

    def restore(self, world: World, baseline_world: World) -> None:
        """Put saved worlds back (for loading a save)."""
        self.world = world
        self.baseline_world = baseline_world
