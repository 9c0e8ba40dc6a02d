"""Can my students win this? Play a level headless under many leaderships and judge each goal.

``borderlines simulate LEVEL`` plays one run; ``simulate LEVEL --sweep`` and ``borderlines
check`` ask this module to play a *set* of runs and say, for each objective (hidden ones too),
whether it is **always** met, **reachable** (met by at least one run, named) or **never** met
under everything tried, with the best margin seen. The set tried is:

- the *status quo*: the playable countries keep the levers the level gives them;
- the shipped AI personalities (``ai.PERSONALITIES``) leading the playable countries: every
  combination when there are at most :data:`EXHAUSTIVE_UP_TO` of them (three countries),
  otherwise an *all-pairs* set — every two playable countries meet in every pair of
  personalities at least once (12 to 15 runs for six countries instead of 729), which finds a
  goal that needs two leaders to agree as surely as the full product does;
- the level's own strategies (``borderlines-strategy/1`` files naming the level, from the
  ``strategies/`` folders beside it and under the shipped levels).

The countries no team plays are led by the AI personality the level gives them in every run,
as in the game. Each run is one world with the level's seed: the same level gives the same
answer. The run itself (who decides, how a strategy is applied) is shared with ``simulate``.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from game.play.ai import PERSONALITIES

if TYPE_CHECKING:
    from game.content.models.level import Level
    from game.content.models.strategy import Strategy
    from game.play.session import Session, TurnReport

#: Who leads the countries a strategy does not script: ``ai`` their AI leaders (as ``play
#: --autoplay``), ``status-quo`` nobody for the playable ones (they keep the level's levers)
#: and AI leaders for the others, ``none`` nobody at all.
Leadership = Literal["ai", "status-quo", "none"]
#: Largest number of runs tried as every combination of personalities (3 playable countries).
EXHAUSTIVE_UP_TO = 27
Verdict = Literal["always", "reachable", "never"]


def headless_roles(level: Level, scripted: Iterable[str] = (), lead: Leadership = "ai",
                   personalities: Mapping[str, str] | None = None
                   ) -> tuple[dict[str, str], set[str]]:
    """(players, led) for a headless run: ``human`` where only a script speaks, else ``ai:P``.

    ``led`` are the countries whose government decides (the script's, the AI-led ones); the
    model answers pressure itself for the others (e.g. Mexico's troops under a tariff threat).
    ``personalities`` replace the level's AI personality of some countries.
    """
    scripted = set(scripted)
    chosen = dict(personalities or {})
    players: dict[str, str] = {}
    for country, setup in level.country_setups().items():
        quiet = lead == "none" or (lead == "status-quo" and setup.playable)
        if country in scripted or quiet:
            players[country] = "human"  # for the rules: no AI leader overrides the script
        else:
            players[country] = f"ai:{chosen.get(country, setup.ai)}"
    led = {c for c, role in players.items() if c in scripted or role.startswith("ai:")}
    return players, led


def new_session(level: Level, strategy: Strategy | None = None, *, lead: Leadership = "ai",
                personalities: Mapping[str, str] | None = None, seed: int | None = None,
                worlds: int = 1, source: str | None = None) -> Session:
    """A headless session: strategies may overspend (research runs need to), no explanations."""
    from game.play.session import Session

    scripted = strategy.countries() if strategy is not None else ()
    players, led = headless_roles(level, scripted, lead, personalities)
    return Session(level, seed=seed, players=players, ai=lead != "none", n_worlds=worlds,
                   source=source, independent_worlds=worlds > 1, explain=False,
                   scripts_keep_budget=False, led=led)


def play_turns(session: Session, strategy: Strategy | None = None,
               warn: Callable[[str], None] | None = None) -> Iterator[TurnReport]:
    """Play ``session`` to its end, yielding each turn's report; ``warn`` hears of overspending."""
    from game.play.scripted import play_strategy_turn

    while not session.finished:
        if strategy is not None:
            play_strategy_turn(session, strategy)
            for country in session.roles:
                spent = session.spending(country)
                over = spent - session.table.budgets.get(country, 0.0)
                if over > 0.5 and warn is not None:
                    warn(f"turn {session.turn}: {country} spends US${spent:,.0f}M, "
                         f"US${over:,.0f}M over its budget (the model counts it against "
                         "approval)")
        report = session.end_turn()
        session.next_turn()
        yield report


# --- what is tried -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Trial:
    """One run of a sweep: a leadership of the playable countries, or a strategy."""

    name: str
    kind: Literal["status-quo", "ai", "strategy"]
    #: The AI personality of each playable country (``ai`` runs).
    personalities: Mapping[str, str] = field(default_factory=dict)
    strategy: Strategy | None = None
    #: The strategy's file, as found.
    file: str | None = None


def pairwise(n: int, options: Sequence[str] = PERSONALITIES) -> list[tuple[str, ...]]:
    """Rows of ``n`` options in which every two positions meet in every pair of options.

    Greedy and deterministic: the uniform rows first (everyone the same personality), then
    each time the row of the full product that covers the most pairs not yet covered.
    """
    k = len(options)
    if n <= 1:
        return [(o,) * n for o in options] if n else [()]
    uncovered = {(i, a, j, b) for i, j in itertools.combinations(range(n), 2)
                 for a in range(k) for b in range(k)}

    def covers(row: tuple[int, ...]) -> set[tuple[int, int, int, int]]:
        return {(i, row[i], j, row[j]) for i, j in itertools.combinations(range(n), 2)}

    rows = [(a,) * n for a in range(k)]
    for row in rows:
        uncovered -= covers(row)
    candidates = list(itertools.product(range(k), repeat=n))
    while uncovered:
        best = max(candidates, key=lambda row: len(covers(row) & uncovered))
        rows.append(best)
        uncovered -= covers(best)
    return [tuple(options[a] for a in row) for row in rows]


def trials(level: Level, strategies: Sequence[tuple[str, Strategy]] = (),
           max_months: int | None = None) -> tuple[list[Trial], str]:
    """The runs a sweep tries, and one sentence saying how the AI leaderships were chosen.

    With ``max_months``, a level so long that the runs would simulate more months than that
    tries only the uniform leaderships (every playable country the same personality).
    """
    playable = level.playable_countries()
    out = [Trial("status quo", "status-quo")]
    every = len(PERSONALITIES) ** len(playable)
    if every <= EXHAUSTIVE_UP_TO:
        rows = list(itertools.product(PERSONALITIES, repeat=len(playable)))
        how = f"every combination of AI personalities for {_join(playable)} ({len(rows)})"
    else:
        rows = pairwise(len(playable))
        how = (f"{len(rows)} of the {every:,} combinations of AI personalities for "
               f"{_join(playable)}: every two countries meet in every pair of personalities")
    runs = 1 + len(rows) + len(strategies)
    if max_months is not None and runs * level.months > max_months and len(rows) > 3:
        rows = [(p,) * len(playable) for p in PERSONALITIES]
        how = (f"the same AI personality for {_join(playable)}, each of the three in turn "
               f"(a long level: {level.months} months a run)")
    for row in rows:
        chosen = dict(zip(playable, row, strict=True))
        name = "AI " + " + ".join(f"{c} {p}" for c, p in chosen.items())
        out.append(Trial(name, "ai", chosen))
    for file, strategy in strategies:
        out.append(Trial(f"strategy {strategy.name}", "strategy", strategy=strategy, file=file))
    return out, how


def _join(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def level_strategies(level: Level, path: Path | None = None,
                     extra: Iterable[tuple[str, Strategy]] = ()) -> list[tuple[str, Strategy]]:
    """The strategies that name ``level``: ``extra``, then those beside it and shipped ones.

    Files that do not load are skipped here (``borderlines check`` reports them).
    """
    from game.content.loader import load_strategy
    from game.content.problems import ContentError
    from game.paths import LEVELS

    found: dict[str, tuple[str, Strategy]] = {}
    for name, strategy in extra:
        if strategy.level == level.id:
            found.setdefault(strategy.name, (name, strategy))
    folders = [path.parent / "strategies"] if path is not None else []
    folders += sorted(p for p in Path(LEVELS).rglob("strategies") if p.is_dir())
    for folder in dict.fromkeys(f.resolve() for f in folders if f.is_dir()):
        for file in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                head = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if level.id not in head:
                continue  # cheap: most strategies name another level
            try:
                strategy = load_strategy(file)
            except (ContentError, OSError):
                continue
            if strategy.level == level.id:
                found.setdefault(strategy.name, (str(file), strategy))
    return sorted(found.values(), key=lambda item: item[1].name)


# --- judging -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """How one objective turned out in one run."""

    met: bool
    #: The value judged (the metric's, or its change against the start or the status quo).
    judged: float | None
    #: How far past the target it ended (positive: met with room; negative: short by).
    margin: float | None


@dataclass
class ObjectiveSweep:
    """One objective over every run of a sweep."""

    key: str
    id: str
    owner: str | None
    text: str
    stars: int
    metric: str
    side: Literal["above", "below"]
    target: float
    compare: str
    change: str
    #: ``metric``, ``share`` (a part of a whole, target 0.03 = 3%) or ``agreement`` (judged 1
    #: when in force, 0 when not; the target 0.5 sits between).
    kind: Literal["metric", "share", "agreement"] = "metric"
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    @property
    def met_by(self) -> list[str]:
        """The runs that met it, in the order tried."""
        return [name for name, o in self.outcomes.items() if o.met]

    @property
    def verdict(self) -> Verdict:
        """``always`` met, ``reachable`` by some run, or ``never`` met."""
        met = self.met_by
        if met and len(met) == len(self.outcomes):
            return "always"
        return "reachable" if met else "never"

    @property
    def best(self) -> tuple[str, Outcome] | None:
        """The run with the largest margin (the closest miss when none met it)."""
        scored = [(n, o) for n, o in self.outcomes.items() if o.margin is not None]
        return max(scored, key=lambda item: item[1].margin or 0.0) if scored else None

    @property
    def relative(self) -> bool:
        """Whether the target is a share (-0.1 = 10% lower) rather than a value or points."""
        return self.compare != "absolute" and self.change == "share"

    def amount(self, value: float) -> str:
        """A judged value or the target as the level writes it: -12.5% for shares, else 1,234."""
        if self.kind == "agreement":
            return "in force" if value > 0.5 else "not in force"
        if self.kind == "share" and self.compare == "absolute":
            return f"{value * 100:.1f}%"
        if not math.isfinite(value):
            return "an endless change (the reference is 0)"
        if self.relative:
            return f"{value * 100:+.1f}%"
        sign = "+" if self.compare != "absolute" else ""
        digits = 0 if abs(value) >= 100 or value == 0 else 1 if abs(value) >= 1 else 2
        return f"{value:{sign},.{digits}f}"

    def target_text(self) -> str:
        """``us_border_encounters below -25.0% against the status quo``."""
        if self.kind == "agreement":
            return f"{self.metric} {'in force' if self.side == 'above' else 'not in force'}"
        against = {"start": " against the first turn",
                   "baseline": " against the status quo"}.get(self.compare, "")
        return f"{self.metric} {self.side} {self.amount(self.target)}{against}"

    def best_text(self) -> str:
        """``best: -30.2%, 5.2 points to spare (AI US hardliner)``, or the closest miss."""
        best = self.best
        if best is None:
            return "no run judged it"
        name, outcome = best
        judged = self.amount(outcome.judged) if outcome.judged is not None else "-"
        gap = ""
        if self.kind != "agreement" and outcome.margin is not None and \
                math.isfinite(outcome.margin):
            size = abs(outcome.margin)
            text = f"{size * 100:.1f} points" if self.relative or self.kind == "share" else \
                f"{size:,.{0 if size >= 100 else 1 if size >= 1 else 2}f}"
            gap = f", {text} {'to spare' if outcome.margin >= 0 else 'short'}"
        return f"{'best' if outcome.met else 'closest'}: {judged}{gap} ({name})"


@dataclass
class Sweep:
    """Every objective of a level judged under every run tried."""

    level: str
    seed: int
    turns: int
    tried: list[Trial]
    how: str
    objectives: list[ObjectiveSweep]
    seconds: float = 0.0
    #: Runs the rules refused (a strategy's illegal decision), with the reason.
    refused: list[tuple[str, str]] = field(default_factory=list)

    def never_met(self) -> list[ObjectiveSweep]:
        """Objectives no run met."""
        return [o for o in self.objectives if o.verdict == "never"]

    def to_json(self) -> dict[str, Any]:
        """The ``simulate --sweep --json`` object."""
        return {
            "level": self.level, "seed": self.seed, "turns": self.turns,
            "seconds": round(self.seconds, 3), "how": self.how,
            "tried": [{"name": t.name, "kind": t.kind, "leaders": dict(t.personalities),
                       "strategy": t.strategy.name if t.strategy is not None else None,
                       "file": t.file} for t in self.tried],
            "objectives": {o.key: _objective_json(o) for o in self.objectives},
            "refused": [{"name": name, "reason": reason} for name, reason in self.refused],
        }


def _finite(value: float | None) -> float | None:
    return round(value, 6) if value is not None and math.isfinite(value) else None


def _objective_json(o: ObjectiveSweep) -> dict[str, Any]:
    best = o.best
    return {
        "id": o.id, "for": o.owner or "all", "hidden": o.owner is not None, "text": o.text,
        "stars": o.stars, "metric": o.metric, "side": o.side, "target": o.target,
        "compare": o.compare, "change": o.change, "verdict": o.verdict, "met_by": o.met_by,
        "best": None if best is None else {"by": best[0], "met": best[1].met,
                                           "judged": _finite(best[1].judged),
                                           "margin": _finite(best[1].margin)},
        "runs": {name: {"met": out.met, "judged": _finite(out.judged),
                        "margin": _finite(out.margin)} for name, out in o.outcomes.items()},
    }


def _margin(side: str, judged: float | None, target: float) -> float | None:
    if judged is None or math.isnan(judged):
        return None
    return judged - target if side == "above" else target - judged


def run_trial(level: Level, trial: Trial, seed: int | None = None) -> Session:
    """Play one run of a sweep to the end."""
    lead: Leadership = "status-quo" if trial.kind == "status-quo" else "ai"
    session = new_session(level, trial.strategy, lead=lead, personalities=trial.personalities,
                          seed=seed)
    for _ in play_turns(session, trial.strategy):
        pass
    return session


def sweep(level: Level, strategies: Sequence[tuple[str, Strategy]] = (),
          seed: int | None = None, max_months: int | None = None) -> Sweep:
    """Play every run of :func:`trials` and judge each objective under each."""
    from game.play.decisions import DecisionRejected
    from game.play.levelview import text_of

    started = time.perf_counter()
    tried, how = trials(level, strategies, max_months)
    objectives: dict[tuple[str | None, str], ObjectiveSweep] = {}
    for owner, objective in level.all_objectives():
        key = objective.id if owner is None else f"{objective.id} (hidden, {owner})"
        if objective.agreement is not None:
            # Judged 1 in force, 0 not: "above 0.5" when it must be in force.
            wanted = objective.in_force is not False
            objectives[(owner, objective.id)] = ObjectiveSweep(
                key, objective.id, owner, text_of(objective.text), objective.stars,
                objective.agreement, "above" if wanted else "below", 0.5, "absolute", "share",
                "agreement")
            continue
        objectives[(owner, objective.id)] = ObjectiveSweep(
            key, objective.id, owner, text_of(objective.text), objective.stars,
            str(objective.metric), "above" if objective.above is not None else "below",
            objective.threshold, objective.compare, objective.change,
            "share" if objective.share_of is not None else "metric")
    used_seed = seed
    done: list[Trial] = []
    refused: list[tuple[str, str]] = []
    for trial in tried:
        try:
            session = run_trial(level, trial, seed)
        except DecisionRejected as error:
            refused.append((trial.name, str(error)))
            continue
        used_seed = session.seed
        done.append(trial)
        for state in session.objectives():
            entry = objectives[(state.team, state.id)]
            judged = None if state.judged is None else float(state.judged)
            entry.outcomes[trial.name] = Outcome(bool(state.met), judged,
                                                 _margin(entry.side, judged, entry.target))
    return Sweep(level.id, int(used_seed if used_seed is not None else level.seed), level.turns,
                 done, how, list(objectives.values()), time.perf_counter() - started, refused)
