"""What the player reads after each turn and at the end (DESIGN.md §5).

:class:`TurnReport` holds the turn's news, the headline metrics with their change and the
split of each change into causes (from the simulation's explanation API, when it is there),
effects of earlier decisions arriving now, one human story, and the objectives' state.
:class:`Debrief` holds the whole game: per-turn history of every metric for the player's world
and the status-quo baseline, the decision timeline, objectives and stars, questions, sources.

Both are plain data (``to_dict``) so the UI, the saves and the tests read the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from game.i18n import t
from game.play.decisions import country_name, decision_from_dict, lever_label
from game.play.news import NewsItem
from game.play.stories import Epilogue, Story
from game.sim.policy import month_label
from game.sim.registry import HEADLINE_METRICS, LEVERS, METRICS

#: Metrics a class debrief looks for the session's biggest changes in (with their causes).
CAUSE_METRICS: tuple[str, ...] = tuple(m for m in (
    "us_border_encounters", "deaths_in_transit", "protection_granted",
    "stranded_in_mx_border_towns", "approval_us", "approval_mx", "approval_ca",
    "approval_gt", "approval_hn", "approval_sv", "humanitarian_score") if m in METRICS)
#: Each country's own headlines, put before the shared ones when one country is played.
OWN_HEADLINES: dict[str, tuple[str, ...]] = {
    **{c: (f"approval_{c.lower()}", f"homicide_rate_{c.lower()}", f"emigrants_from_{c.lower()}")
       for c in ("GT", "HN", "SV")},
    "US": ("us_border_encounters", "asylum_wait_months_us", "approval_us", "political_score_us"),
    "MX": ("mx_apprehensions", "stranded_in_mx_border_towns", "asylum_wait_months_mx",
           "approval_mx", "political_score_mx", "returned_to_danger"),
    "CA": ("ca_irregular_interceptions", "asylum_wait_months_ca", "approval_ca",
           "political_score_ca"),
}
#: How many headlines a report shows.
HEADLINE_ROWS = len(HEADLINE_METRICS)
#: Metrics each turn's explanation splits into causes: every possible headline and the class's
#: metrics (the counterfactual worlds are run once; more metrics only read more of their
#: outputs).
EXPLAINED_METRICS: tuple[str, ...] = tuple(dict.fromkeys(
    (*HEADLINE_METRICS, *CAUSE_METRICS,
     *(m for own in OWN_HEADLINES.values() for m in own if m in METRICS))))


def headline_metrics(player: str | None = None,
                     objectives: Sequence[str] = ()) -> tuple[str, ...]:
    """A report's headlines: the objectives' metrics, the player's own, then the shared ones.

    With no single player (a class of several teams), the shared list.
    """
    if player is None:
        return HEADLINE_METRICS
    wanted = [m for m in (*objectives, *OWN_HEADLINES.get(player, ()), *HEADLINE_METRICS)
              if m in METRICS and m in EXPLAINED_METRICS]
    return tuple(dict.fromkeys(wanted))[:HEADLINE_ROWS]


@dataclass(frozen=True)
class Cause:
    """One part of a headline's change: a decision, a partner's decision, an event, the season.

    ``kind`` is ``player`` (a human's decision), ``partner`` (an AI leader's), ``together``
    (decisions reinforcing or cancelling each other), ``event``, ``season``, ``chance`` or
    ``lagged`` (earlier decisions and trends); the amounts add up to the headline's change.
    """

    kind: str
    label: str
    amount: float
    #: The deciding country, for decisions.
    country: str | None = None


@dataclass(frozen=True)
class Headline:
    """A headline metric this turn: value, change since last turn, the baseline, the causes."""

    metric: str
    label: str
    unit: str
    value: float
    previous: float | None
    change: float | None
    baseline: float | None
    #: +1 when more is better, −1 when less is better, 0 when neither (registry).
    better: int
    #: The change split into causes; empty when the explanation API is not available.
    causes: tuple[Cause, ...] = ()
    #: What voters reacted to (approval in GT, HN, SV): how each driver of the approval the
    #: government heads for moved, kind ``driver``; they need not add up to the change.
    drivers: tuple[Cause, ...] = ()

    @property
    def good(self) -> bool | None:
        """Whether the change went the better way (None when neutral or unchanged)."""
        if self.change is None or self.change == 0 or self.better == 0:
            return None
        return (self.change > 0) == (self.better > 0)


@dataclass(frozen=True)
class LaggedEffect:
    """An earlier decision that reaches its full effect during this turn."""

    country: str
    lever: str
    decided: str
    text: str


@dataclass(frozen=True)
class ObjectiveState:
    """An objective and whether it is met now (or was, at the end)."""

    id: str
    text: str
    met: bool
    value: float | None
    target: float
    stars: int
    #: True once the objective can no longer change (its turn has passed).
    final: bool = False
    #: The team whose hidden objective it is (None: everyone sees it).
    team: str | None = None
    #: The metric judged, which side of the target meets it (``above`` or ``below``), how it
    #: is compared (``absolute``, ``start`` or ``baseline``; a ``share`` or a ``difference``),
    #: what is compared now (the value, or its change against ``reference``), the turn it is
    #: judged at, and how it is measured (``value``, ``total``, ``average``).
    metric: str = ""
    side: str = "below"
    compare: str = "absolute"
    change: str = "share"
    judged: float | None = None
    reference: float | None = None
    judged_turn: int = 0
    measure: str = "value"
    #: ``metric``, ``share`` (of the metrics in ``whole``) or ``agreement`` (in force or not).
    kind: str = "metric"
    whole: tuple[str, ...] = ()
    agreement: str = ""
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class TurnReport:
    """Everything the turn-report screen shows for one resolved turn."""

    turn: int
    #: First and last month of the turn, ``YYYY-MM``.
    start: str
    end: str
    months: int
    #: Every canonical metric of the turn for the player's world (world 0), scores included.
    metrics: dict[str, float]
    previous: dict[str, float]
    baseline: dict[str, float]
    headlines: tuple[Headline, ...]
    news: tuple[NewsItem, ...]
    #: The turn's decisions as dicts, in order, each with ``text`` (for the timeline).
    decisions: tuple[dict[str, Any], ...]
    lagged: tuple[LaggedEffect, ...]
    #: The turn's story; None when the level tells only its own cards and none was left.
    story: Story | None
    objectives: tuple[ObjectiveState, ...]
    #: The events that fired in the turn, as plain data.
    events: tuple[dict[str, Any], ...]
    #: Whether ``Headline.causes`` come from the simulation's explanation.
    explained: bool = False
    #: The causes of every explained metric's change (:data:`EXPLAINED_METRICS`), stored when
    #: the turn resolved: one row per decision (with its country), then events, season, chance
    #: and earlier decisions. On the first turn, decisions are measured against the status quo.
    causes: dict[str, tuple[Cause, ...]] = field(default_factory=dict)
    #: Every world's metrics when the session runs a batch (``--worlds``), else empty.
    worlds: dict[str, list[float]] = field(default_factory=dict)
    #: The baseline's metrics per world, likewise.
    baseline_worlds: dict[str, list[float]] = field(default_factory=dict)
    finished: bool = False

    def headline(self, metric: str) -> Headline:
        """The headline of one metric."""
        for h in self.headlines:
            if h.metric == metric:
                return h
        raise KeyError(metric)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (used by determinism tests and the debrief export)."""
        out = asdict(self)
        out["news"] = [n.to_dict() for n in self.news]
        return out


def metric_label(name: str) -> str:
    """A metric's short name for people (the model's extra metrics: their name, spelt out)."""
    spec = METRICS.get(name)
    return t(spec.label) if spec else t(name.replace("_", " ").capitalize())


def drivers_key(metric: str) -> str:
    """Where a report's causes keep the drivers of an approval (``approval_hn:drivers``)."""
    return f"{metric}:drivers"


def build_headlines(metrics: Mapping[str, float], previous: Mapping[str, float],
                    baseline: Mapping[str, float],
                    causes: Mapping[str, Sequence[Cause]] | None = None,
                    names: Sequence[str] = HEADLINE_METRICS) -> tuple[Headline, ...]:
    """The headline metrics (``names``) with their change since the previous turn."""
    out = []
    for name in names:
        if name not in metrics:
            continue
        spec = METRICS[name]
        prev = previous.get(name)
        value = float(metrics[name])
        out.append(Headline(
            metric=name,
            label=metric_label(name),
            unit=t(spec.unit),
            value=value,
            previous=None if prev is None else float(prev),
            change=None if prev is None else value - float(prev),
            baseline=None if name not in baseline else float(baseline[name]),
            better=spec.better,
            causes=tuple((causes or {}).get(name, ())),
            drivers=tuple((causes or {}).get(drivers_key(name), ())),
        ))
    return tuple(out)


def lagged_effects(timeline: Sequence[tuple[int, Mapping[str, Any]]], first: int,
                   last: int, months_per_turn: int = 1) -> tuple[LaggedEffect, ...]:
    """Lever changes decided earlier whose delay ends within months ``first``..``last``.

    ``timeline`` holds (month decided, decision dict). A change takes full effect after the
    lever's delay for that country (registry ``delay_months``), e.g. agents being trained.
    """
    out = []
    for month, entry in timeline:
        if entry.get("type") != "set_lever":
            continue
        spec = LEVERS.get(str(entry.get("lever")))
        country = str(entry.get("country"))
        if spec is None:
            continue
        delay = spec.delay_months.get(country, 0)
        # A change that is complete within the turn it was made in is not news as "arriving".
        if delay < max(2, months_per_turn) or not first <= month + delay <= last:
            continue
        decision = decision_from_dict(entry)
        text = t("{decision} in {month}: now in full effect", decision=decision.describe(),
                 month=month_label(month))
        if spec.name in ("asylum_officers",):
            text = t("The adjudicators hired by {country} in {month} are now deciding cases",
                     country=country_name(country, article=True), month=month_label(month))
        elif spec.name in ("border_agents", "transit_agents"):
            text = t("The {lever} added by {country} in {month} are now trained and deployed",
                     lever=lever_label(spec.name), country=country_name(country, article=True),
                     month=month_label(month))
        elif spec.name.startswith("aid_") or spec.name == "violence_prevention":
            text = t("The {lever} programmes funded by {country} in {month} are now running",
                     lever=lever_label(spec.name), country=country_name(country, article=True),
                     month=month_label(month))
        out.append(LaggedEffect(country, spec.name, month_label(month), text))
    return tuple(out)


@dataclass(frozen=True)
class TimelineEntry:
    """One decision in the debrief's timeline."""

    turn: int
    month: str
    country: str
    text: str
    decision: dict[str, Any]


@dataclass(frozen=True)
class Debrief:
    """The end of a game: history of every metric, baseline, timeline, stars, questions."""

    level_id: str
    title: str
    turns: int
    #: Turn start months, ``YYYY-MM``, one per turn.
    months: tuple[str, ...]
    #: metric → one value per turn, for the player's world and for the status-quo baseline.
    history: dict[str, list[float]]
    baseline: dict[str, list[float]]
    timeline: tuple[TimelineEntry, ...]
    objectives: tuple[ObjectiveState, ...]
    stars: int
    max_stars: int
    #: Observed vs true: encounters (events) next to the people who actually crossed.
    observed_vs_true: dict[str, list[float]]
    questions: tuple[str, ...]
    sources: tuple[str, ...]
    won: bool
    #: Per human team (classroom): {"stars", "max_stars", "won"} with its hidden objectives.
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The last month played, ``YYYY-MM`` (the end of the last turn, not its start).
    last_month: str = ""
    #: What really happened, when the level tells it.
    epilogue: Epilogue | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)

    def csv_rows(self) -> list[list[str]]:
        """Every metric per turn for the world and the baseline, as CSV rows with a header."""
        names = sorted(self.history)
        rows = [["turn", "month", *names, *(f"baseline_{n}" for n in names)]]
        for i, month in enumerate(self.months):
            row = [str(i + 1), month]
            row += [_fmt(self.history[n][i]) for n in names]
            row += [_fmt(self.baseline.get(n, [])[i]) if i < len(self.baseline.get(n, []))
                    else "" for n in names]
            rows.append(row)
        return rows


def _fmt(value: float) -> str:
    return f"{value:.6g}"


def split_metrics(result: Any, n_worlds: int) -> tuple[
        dict[str, float], dict[str, float], dict[str, list[float]], dict[str, list[float]]]:
    """A turn's metrics and the status quo's in world 0, and per world when there are several."""
    raw: Mapping[str, Any] = result.metrics
    base_raw: Mapping[str, Any] = getattr(result, "baseline", None) or {}
    metrics = {k: float(np.asarray(v).reshape(-1)[0]) for k, v in raw.items() if k in METRICS}
    baseline = {k: float(np.asarray(v).reshape(-1)[0]) for k, v in base_raw.items()
                if k in METRICS}
    worlds: dict[str, list[float]] = {}
    baseline_worlds: dict[str, list[float]] = {}
    if n_worlds > 1:
        worlds = {k: [float(x) for x in np.asarray(v).reshape(-1)] for k, v in raw.items()
                  if k in METRICS}
        baseline_worlds = {k: [float(x) for x in np.asarray(v).reshape(-1)]
                           for k, v in base_raw.items() if k in METRICS}
    return metrics, baseline, worlds, baseline_worlds
