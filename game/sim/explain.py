"""Why did it change? A turn's headline changes split into causes by counterfactual worlds.

All counterfactuals run in one batch from the same starting state with shared noise (common
random numbers), so two worlds differ only because of what was changed between them
(DESIGN.md §2, §5):

* the real world: this turn's policy, events and season as they are;
* the status quo: last turn's policy kept (no decision this turn);
* one world per decision, with that decision undone;
* the real policy with this turn's events switched off, and with a flat (season-less) year;
* and, in a second small run, the real world with this turn's chance shocks set to zero.

For a metric ``m`` the change since last turn is split as

* each decision ``i``: ``m(real) − m(decision i undone)``;
* decisions acting together: ``m(real) − m(status quo)`` minus the sum of the single effects
  (non-zero when decisions reinforce or cancel each other);
* events: ``m(real) − m(no events)``, and each event of the turn on its own,
  ``m(real) − m(without that event)`` (one small run each; what is left is "events together");
* season: ``s(this turn) − s(last turn)`` where ``s = m(real) − m(flat year)``;
* chance: ``m(real) − m(no chance)`` (this turn's random shocks; earlier ones are in the state);
* each earlier decision still taking effect (hires in training, aid starting up): its effect
  this turn, ``m(real) − m(as if never decided)`` — the lever and its delay pipeline back at
  the value before it — minus its effect last turn, which the caller keeps
  (:attr:`Explanation.earlier_effects`);
* an epidemic's borders, while shut and while the pent-up wish to leave they release on
  reopening lasts: their effect this turn, ``m(real) − m(borders open and no wish pent up
  from now on)``, minus that effect last turn (the whole effect in the first turn after the
  epidemic's own, where the event is named on its own);
* earlier decisions and trends: what is left — slow drivers, momentum, what the decisions did
  to the state in earlier turns.

The parts add up to the change exactly, by construction of the last term.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.levers import OFFICER_COLUMNS, Levers
from game.sim.policy import Policy, ScheduledEvent
from game.sim.registry import HEADLINE_METRICS
from game.sim.simulation import Simulation
from game.sim.turn import run_turn, score_turn
from game.sim.world import World

#: A single effect smaller than this share of the metric's scale is not listed on its own.
NEGLIGIBLE = 1e-9
#: An epidemic's pent-up wish to leave is named as a cause while above this (logit): about a
#: twentieth more departures.
PENT_UP_SHOWN = 0.05
#: The key an epidemic's borders are followed by from turn to turn (``earlier_effects``).
BORDERS = "epidemic-borders"
#: The approvals whose drivers the model reports (``approval_hn_security``, …), and how each
#: driver reads in a sentence (the play layer translates them).
NT_APPROVALS: tuple[str, ...] = ("approval_gt", "approval_hn", "approval_sv")
APPROVAL_DRIVERS: dict[str, str] = {
    "security": "Homicides",
    "economy": "Economy and remittances",
    "abroad": "Citizens abroad",
    "deal": "Safe-third-country deal",
    "budget": "Overspending",
}


@dataclass(frozen=True)
class Change:
    """One decision made this turn: who made it, how to say it, and the policy without it."""

    label: str
    country: str
    #: This turn's full policy with only this decision undone.
    undone: Policy
    #: The caller's name for the decision, to follow its effect from turn to turn ("" if none).
    key: str = ""


@dataclass(frozen=True)
class Contribution:
    """One part of a change: ``kind`` is decision, together, events, season, chance or trend."""

    kind: str
    label: str
    amount: float
    #: The deciding country, for decisions; None for the other kinds.
    country: str | None = None


@dataclass(frozen=True)
class MetricExplanation:
    """A metric's value this turn, its change since the last, and the parts of that change."""

    metric: str
    value: float
    previous: float | None
    contributions: tuple[Contribution, ...]
    #: For the approval of Guatemala, Honduras and El Salvador: how much each driver of it
    #: (``APPROVAL_DRIVERS``: homicides, economy, …) moved since last turn, in points of the
    #: approval it heads for — what voters reacted to. Kind "driver"; they need not add up
    #: to the change (approval follows its target with a lag).
    drivers: tuple[Contribution, ...] = ()

    @property
    def change(self) -> float | None:
        """This turn's value minus last turn's (None on the first turn)."""
        return None if self.previous is None else self.value - self.previous


@dataclass(frozen=True)
class Explanation:
    """The causes of a turn's headline changes, and what the next turn needs to continue."""

    metrics: dict[str, MetricExplanation]
    #: The season's share of each metric's level this turn (the next turn's "last turn"), and
    #: the level of each approval driver (``approval_hn_security``, …) for next turn's change.
    season_levels: dict[str, float]
    #: Each earlier decision's effect on each metric this turn (by the caller's key), and each
    #: decision of this turn's: next turn's "effect last turn".
    earlier_effects: dict[str, dict[str, float]] | None = None

    def __getitem__(self, metric: str) -> MetricExplanation:
        return self.metrics[metric]


def _turn_metrics(world: World, policies: Sequence[Policy], sim: Simulation, months: int,
                  events: Sequence[ScheduledEvent], noise_chance: bool = True
                  ) -> dict[str, np.ndarray]:
    """Run one turn for a batch that ends with the status-quo baseline world; scores included."""
    noise = sim.noise if noise_chance else sim.noise.without_chance()
    levers = Levers.from_policies([*policies, sim.scenario.policy])
    _, outcome = run_turn(world, levers, sim.params, noise, months, events)
    metrics = {k: v[:-1] for k, v in outcome.metrics.items()}
    baseline = {k: v[-1:] for k, v in outcome.metrics.items()}
    metrics.update(score_turn(metrics, baseline, sim.budgets))
    return metrics


def explain(sim: Simulation, previous_policy: Policy, policy: Policy, changes: Sequence[Change],
            months: int, events: Sequence[ScheduledEvent] = (),
            previous_values: Mapping[str, float] | None = None,
            previous_season: Mapping[str, float] | None = None,
            metrics: Sequence[str] = HEADLINE_METRICS, world: int = 0,
            event_labels: Sequence[str] | None = None,
            earlier: Sequence[tuple[str, Change]] = (),
            effects_last: Mapping[str, Mapping[str, float]] | None = None) -> Explanation:
    """Split this turn's change of each metric into its causes (see the module docstring).

    ``sim`` is the game's simulation *before* the turn is run (it is not advanced);
    ``previous_values`` are last turn's metric values (None or missing on the first turn) and
    ``previous_season`` the ``season_levels`` of last turn's explanation. ``event_labels``
    names ``events`` one by one (by default their kind). ``earlier`` holds the decisions of
    earlier turns still taking effect, each with a key, and ``effects_last`` their effects (and
    last turn's decisions' effects) by key, as the last explanation returned them.
    """
    start = sim.world.take([world])
    base = sim.baseline_world.take([world])
    k = len(changes)
    # Worlds: real, status quo, each decision undone, no events, flat year, each earlier
    # decision as if never decided; then the baseline.
    policies = [policy, previous_policy, *(c.undone for c in changes), policy, policy,
                *(c.undone for _, c in earlier)]
    # Borders an epidemic keeps shut: one more world where they open now (none otherwise).
    open_row = len(policies) if (np.any(start.closure_left > 0)
                                 or np.any(start.pent_up > PENT_UP_SHOWN)) else None
    policies += [policy] if open_row is not None else []
    n = len(policies)
    flags = np.ones(n)
    season, evs = flags.copy(), flags.copy()
    season[3 + k] = 0.0
    evs[2 + k] = 0.0
    batch = _as_never_decided(start.take([0] * n).with_weights(season=season, events=evs),
                              policy, [c.undone for _, c in earlier], 4 + k)
    batch = _borders_open(batch, open_row)
    world_batch = World.concat([batch, base])
    m = _turn_metrics(world_batch, policies, sim, months, events)
    calm = _turn_metrics(World.concat([start, base]), [policy], sim, months, events,
                         noise_chance=False)
    # Each event that falls in this turn, on its own: the turn run without it.
    first = int(start.month)
    due = [i for i, e in enumerate(events) if first <= e.month < first + months]
    without = {i: _turn_metrics(World.concat([start, base]), [policy], sim, months,
                                [e for j, e in enumerate(events) if j != i])
               for i in due} if len(due) > 0 else {}
    labels = list(event_labels) if event_labels is not None else [e.kind for e in events]

    real, status_quo, no_events, flat = 0, 1, 2 + k, 3 + k
    out: dict[str, MetricExplanation] = {}
    season_levels: dict[str, float] = {}
    effects: dict[str, dict[str, float]] = {key: {} for key, _ in earlier}
    for name in metrics:
        values = m[name]
        value = float(values[real])
        season_levels[name] = value - float(values[flat])
        for j, (key, _) in enumerate(earlier):
            effects[key][name] = value - float(values[4 + k + j])
        prev = None if previous_values is None else previous_values.get(name)
        parts: list[Contribution] = []
        singles = 0.0
        for i, change in enumerate(changes):
            amount = value - float(values[2 + i])
            singles += amount
            parts.append(Contribution("decision", change.label, amount, change.country))
        together = (value - float(values[status_quo])) - singles
        if k > 1:
            parts.append(Contribution("together", "Decisions acting together", together))
        all_events = value - float(values[no_events])
        each = [value - float(without[i][name][0]) for i in due]
        for i, amount in zip(due, each, strict=True):
            parts.append(Contribution("event", labels[i], amount))
        if open_row is not None:
            effects.setdefault(BORDERS, {})[name] = now = value - float(values[open_row])
            then = (effects_last or {}).get(BORDERS, {}).get(name, 0.0)
            parts.append(_closure_row(start, months, now - then))
        # With one event (or none) the single effect is the whole; with several, what they do
        # together beyond their single effects is its own row.
        if len(due) != 1:
            parts.append(Contribution("events", "Events", all_events - sum(each)))
        if prev is not None:
            last_season = (previous_season or {}).get(name, 0.0)
            parts.append(Contribution("season", "Season", season_levels[name] - last_season))
            parts.append(Contribution("chance", "Chance", value - float(calm[name][0])))
            for key, change in earlier:
                before = (effects_last or {}).get(key, {}).get(name)
                if before is not None:
                    parts.append(Contribution("earlier", change.label,
                                              effects[key][name] - before, change.country))
            explained = sum(p.amount for p in parts)
            parts.append(Contribution("trend", "Earlier decisions and trends",
                                      (value - float(prev)) - explained))
        out[name] = MetricExplanation(name, value, None if prev is None else float(prev),
                                      tuple(parts), _drivers(name, m, previous_season,
                                                             season_levels))
    # This turn's decisions' effects are next turn's "effect last turn" of earlier decisions.
    for i, change in enumerate(changes):
        if change.key:
            effects[change.key] = {name: float(m[name][real] - m[name][2 + i])
                                   for name in metrics}
    return Explanation(out, season_levels, effects)


def _closure_row(start: World, months: int, amount: float) -> Contribution:
    """The change an epidemic's borders make: kept shut, reopening, or those who waited."""
    left = float(start.closure_left[0])
    if left > months:
        return Contribution("closure", "Borders kept shut by the epidemic", amount)
    if left > 0:
        return Contribution("reopening", "Borders reopen after the epidemic", amount)
    return Contribution("pent_up", "Many who waited set out after the epidemic", amount)


def _borders_open(batch: World, row: int | None) -> World:
    """Row ``row`` of ``batch`` with an epidemic's closed borders open from now on."""
    if row is None:
        return batch
    closure, left, pent = batch.closure.copy(), batch.closure_left.copy(), batch.pent_up.copy()
    closure[row] = left[row] = pent[row] = 0.0
    return batch.replace(closure=closure, closure_left=left, pent_up=pent)


def _drivers(name: str, m: Mapping[str, np.ndarray], previous: Mapping[str, float] | None,
             levels: dict[str, float]) -> tuple[Contribution, ...]:
    """How each driver of a Northern-Triangle approval moved since last turn (real world).

    Stores this turn's levels in ``levels`` (the explanation's ``season_levels``) for the next.
    """
    if name not in NT_APPROVALS:
        return ()
    out = []
    for driver, label in APPROVAL_DRIVERS.items():
        key = f"{name}_{driver}"
        if key not in m:
            continue
        levels[key] = now = float(m[key][0])
        before = (previous or {}).get(key)
        if before is not None:
            out.append(Contribution("driver", label, now - before))
    return tuple(out)


def _as_never_decided(batch: World, policy: Policy, undone: Sequence[Policy],
                      first: int) -> World:
    """Rows ``first``.. of ``batch`` as if each earlier decision had never been taken.

    The lever columns a decision moved go back, in the delay pipeline and the adjudicators'
    training queue too, to the value before it, as if that value had always been in force.
    """
    if not undone:
        return batch
    real = Levers.from_policy(policy).values[0]
    stage1, stage2 = batch.lever_stage1.copy(), batch.lever_stage2.copy()
    training = batch.officers_in_training.copy()
    for j, other in enumerate(undone):
        row = first + j
        values = Levers.from_policy(other).values[0]
        moved = np.nonzero(values != real)[0]
        stage1[row, moved] = values[moved]
        stage2[row, moved] = values[moved]
        for i, column in enumerate(OFFICER_COLUMNS):
            if column in moved:
                training[row, :, i] = values[column]
    return batch.replace(lever_stage1=stage1, lever_stage2=stage2,
                         officers_in_training=training)

