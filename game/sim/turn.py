"""A turn of several months, its metrics, and scores against the status-quo baseline (§3.7-3.8).

Metrics combine over a turn as ``registry.METRICS[...].per_turn`` says: flows and spending add
up, stocks, prices and politics take the last month. Scores are 0-100 and **50 means "the same as
the status-quo baseline"** (the same level, same draws, starting policy never changed): a score
is ``100·σ(k·x)`` where ``x`` sums log-ratios of outcomes against the baseline, so halving every
harm gives about 75 and doubling every harm about 25.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.levers import Levers
from game.sim.noise import Noise
from game.sim.params import Params
from game.sim.policy import ScheduledEvent
from game.sim.registry import METRICS, ORIGINS
from game.sim.step import MonthOutcome, step
from game.sim.world import World

#: How the model's extra (non-canonical) metrics combine over a turn.
EXTRA_PER_TURN: dict[str, str] = {
    "deaths_recorded": "sum",
    "deaths_us_border": "sum",
    "deaths_remote_routes": "sum",
    "crossing_attempts_us": "sum",
    "crossings_urban_us": "sum",
    "crossings_remote_us": "sum",
    "apprehensions_us": "sum",
    "first_departures_irregular": "sum",
    "people_at_border": "sum",
    "retries": "sum",
    "encounters_true": "sum",
    "waiting_for_legal": "sum",
    "stc_transfers": "sum",
    "burden_quota_fill": "mean",
    "unauthorized_returns": "sum",
    "births": "sum",
    "population_change": "sum",
    "salience_us": "last",
    "restrictiveness_us": "last",
    "compliance_mx": "mean",
    "mx_claims_from_transit": "sum",
    "remote_transit_share": "mean",
    "tariff_imposed": "last",
    "emigrants_total": "sum",
    "deaths_in_mexico": "sum",
    "people_in_transit_mx": "last",
    "asylum_claims_remote": "sum",
    **{f"us_encounters_{o.lower()}": "sum" for o in ORIGINS},
}

SCORES: tuple[str, ...] = ("humanitarian_score", "political_score_us", "political_score_mx",
                           "political_score_ca")

#: Humanitarian harms: metric → (weight, scale). The scale keeps small numbers from dominating
#: (a log-ratio of 0 vs 2 deaths means little); weights sum with PROTECTION_WEIGHT to 1.
HUMANITARIAN_HARMS: dict[str, tuple[float, float]] = {
    "deaths_in_transit": (0.30, 10.0),
    "returned_to_danger": (0.15, 500.0),
    "asylum_wait_months_us": (0.08, 3.0),
    "asylum_wait_months_mx": (0.03, 3.0),
    "asylum_wait_months_ca": (0.02, 3.0),
    "detained_population_us": (0.07, 2000.0),
    "family_separations": (0.10, 50.0),
    "stranded_in_mx_border_towns": (0.10, 2000.0),
}
#: People protected count as the humanitarian benefit: weight and scale.
PROTECTION_WEIGHT = (0.15, 1000.0)
#: Steepness of the logistic that turns the summed log-ratio into 0-100.
SCORE_STEEPNESS = 2.0
#: Political score: approval points per unit, relation points per unit, budget weight.
APPROVAL_POINTS = 15.0
RELATION_POINTS = 20.0
BUDGET_WEIGHT = 1.0
#: Which relations matter to whom.
RELATIONS_OF: dict[str, tuple[str, ...]] = {
    "us": ("relations_us_mx", "relations_us_ca"),
    "mx": ("relations_us_mx", "relations_mx_ca"),
    "ca": ("relations_us_ca", "relations_mx_ca"),
}


@dataclass(frozen=True)
class TurnOutcome:
    """A turn's metrics per world (``(n,)`` each) and the months it was made of."""

    start: int
    months: int
    metrics: dict[str, np.ndarray]
    #: Month by month: metric → ``(months, n)``.
    monthly: dict[str, np.ndarray]


def per_turn(name: str) -> str:
    """How a metric combines over the months of a turn: ``sum``, ``last`` or ``mean``."""
    spec = METRICS.get(name)
    if spec is not None:
        return spec.per_turn
    return EXTRA_PER_TURN.get(name, "last")


def aggregate(outcomes: Sequence[MonthOutcome]) -> tuple[dict[str, np.ndarray],
                                                          dict[str, np.ndarray]]:
    """Turn metrics and monthly series from a sequence of month outcomes."""
    names = tuple(outcomes[0].metrics)
    # Every metric of every month in one ``(metric, month, n)`` array, joined in C: the sums and
    # means over months are then one reduction each, not one per metric (same values).
    table = np.array([[o.metrics[k] for o in outcomes] for k in names], dtype=float)
    monthly = dict(zip(names, table, strict=True))
    sums, means = table.sum(axis=1), table.mean(axis=1)
    metrics = {}
    for i, k in enumerate(names):
        how = per_turn(k)
        metrics[k] = sums[i] if how == "sum" else (
            means[i] if how == "mean" else table[i, -1].copy())
    return metrics, monthly


def run_turn(world: World, levers: Levers, params: Params, noise: Noise, months: int,
             events: Sequence[ScheduledEvent] = ()) -> tuple[World, TurnOutcome]:
    """Run ``months`` months; returns the new world and the turn's metrics (scores excluded)."""
    if months < 1:
        raise ValueError("a turn lasts at least one month")
    start = world.month
    outcomes = []
    for _ in range(months):
        world, outcome = step(world, levers, params, noise, events)
        outcomes.append(outcome)
    metrics, monthly = aggregate(outcomes)
    return world, TurnOutcome(start, months, metrics, monthly)


def _log_ratio(better_when_low: bool, value: np.ndarray, base: np.ndarray,
               scale: float) -> np.ndarray:
    v = np.maximum(np.asarray(value, float), 0.0) + scale
    b = np.maximum(np.asarray(base, float), 0.0) + scale
    return np.log(b / v) if better_when_low else np.log(v / b)


def _logistic_score(x: np.ndarray) -> np.ndarray:
    return 100.0 / (1.0 + np.exp(-SCORE_STEEPNESS * np.clip(x, -20, 20)))


def score_turn(metrics: Mapping[str, np.ndarray], baseline_metrics: Mapping[str, np.ndarray],
               budgets: Mapping[str, float] | None = None) -> dict[str, np.ndarray]:
    """Humanitarian and political scores (0-100, 50 = as good as the status quo).

    ``budgets`` (optional) gives each country's budget for the turn in US$ million
    (``{"US": 1500}``); spending above it lowers that country's political score.
    """
    x = np.zeros_like(np.asarray(metrics["deaths_in_transit"], float))
    for name, (weight, scale) in HUMANITARIAN_HARMS.items():
        x = x + weight * _log_ratio(True, metrics[name], baseline_metrics[name], scale)
    w, scale = PROTECTION_WEIGHT
    x = x + w * _log_ratio(False, metrics["protection_granted"],
                           baseline_metrics["protection_granted"], scale)
    out = {"humanitarian_score": _logistic_score(x)}
    for c in ("us", "mx", "ca"):
        approval = (np.asarray(metrics[f"approval_{c}"]) - baseline_metrics[f"approval_{c}"]) / (
            APPROVAL_POINTS)
        rel = sum((np.asarray(metrics[r]) - baseline_metrics[r]) for r in RELATIONS_OF[c]) / (
            RELATION_POINTS * len(RELATIONS_OF[c]))
        spend = np.asarray(metrics[f"spending_{c}"], float)
        base_spend = np.asarray(baseline_metrics[f"spending_{c}"], float)
        budget_term = -0.25 * np.log((spend + 10.0) / (base_spend + 10.0))
        if budgets and c.upper() in budgets and budgets[c.upper()] > 0:
            budget_term = budget_term - np.maximum(spend / budgets[c.upper()] - 1.0, 0.0)
        out[f"political_score_{c}"] = _logistic_score(
            approval + 0.5 * rel + BUDGET_WEIGHT * budget_term)
    return {k: np.asarray(v, float) for k, v in out.items()}
