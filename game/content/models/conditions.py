"""Conditions: what a level watches at the end of each turn, and when its agreements change.

A condition is a threshold on one metric — absolute, or a change against the level's first turn
(``compare: start``) or the status quo (``compare: baseline``), in the words objectives use —
or ``all:`` / ``any:`` of other conditions, nested as deep as needed. Any condition may hold
only in a window of turns (``from_turn``/``until_turn``) or months (``from``/``until``)::

    when:
      any:
        - {metric: deaths_in_transit, above: 250}
        - all:
            - {metric: us_border_encounters, compare: start, above: 20%}   # 20% over turn 1
            - {metric: approval_us, below: 45}
      from_turn: 3          # not before the end of turn 3
      until_turn: 6         # nor after the end of turn 6

A level's agreement may come into force or end mid-level (``starts:`` / ``ends:``), at the start
of a turn or at the start of the turn after a condition held (:class:`AgreementTiming`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, model_validator

from game.content.models.common import (
    ContentModel,
    MetricName,
    Text,
    YearMonth,
    fail,
    month_parts,
)
from game.content.models.objectives import Threshold, relative_change
from game.sim.policy import month_index

_EXAMPLE = "`when: {metric: us_border_encounters, above: 100000}`"


@dataclass(frozen=True)
class Moment:
    """What a condition is checked against: one turn's end, its months and its metrics.

    ``start`` holds the first turn's metrics (``compare: start``) and ``baseline`` the status
    quo's in this turn (``compare: baseline``).
    """

    turn: int
    first_month: int
    last_month: int
    metrics: Mapping[str, float]
    start: Mapping[str, float] = field(default_factory=dict)
    baseline: Mapping[str, float] = field(default_factory=dict)


class Condition(ContentModel):
    """A threshold on a metric, or all/any of several conditions, checked at each turn's end."""

    metric: MetricName | None = Field(None, description="The canonical metric to watch.")
    above: Threshold | None = Field(None, description="Holds when the turn's value (or its "
                                    "change, with `compare`) is above this.")
    below: Threshold | None = Field(None, description="Holds when the turn's value (or its "
                                    "change, with `compare`) is below this.")
    compare: Literal["absolute", "start", "baseline"] = Field(
        "absolute", description="absolute: the value itself; start: its change from the "
        "level's first turn; baseline: its change from the status quo in the same turn.")
    change: Literal["share", "difference"] = Field(
        "share", description="For start/baseline: a share (`above: 20%` = 20% higher) or a "
        "difference in the metric's unit (`above: 5` with `change: difference`).")
    all_: list[Condition] | None = Field(
        None, alias="all", description="Holds when every condition in the list holds.")
    any_: list[Condition] | None = Field(
        None, alias="any", description="Holds when at least one condition in the list holds.")
    from_turn: int | None = Field(None, ge=1, description="Never holds before the end of this "
                                  "turn.")
    until_turn: int | None = Field(None, ge=1, description="Never holds after the end of this "
                                   "turn.")
    from_: YearMonth | None = Field(None, alias="from", description="Never holds in a turn "
                                    "that ends before this month (YYYY-MM).")
    until: YearMonth | None = Field(None, description="Never holds in a turn that starts "
                                    "after this month (YYYY-MM).")

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        given = [n for n, v in (("metric", self.metric), ("all", self.all_), ("any", self.any_))
                 if v is not None]
        if len(given) != 1:
            what = "no `metric`, `all` or `any`" if not given else (
                "both " + " and ".join(f"`{g}`" for g in given))
            fail("condition", f"this condition has {what}",
                 f"give one: a threshold such as {_EXAMPLE}, or `all: [...]` / `any: [...]` "
                 "of such conditions")
        if self.metric is not None:
            if (self.above is None) == (self.below is None):
                fail("condition", "a condition needs exactly one of `above` or `below`",
                     f"e.g. {_EXAMPLE}")
            return self
        group = "all" if self.all_ is not None else "any"
        if not (self.all_ or self.any_):
            fail("condition", f"`{group}` lists no conditions",
                 f"list at least one, e.g. `{group}: [{{metric: approval_us, below: 40}}]`")
        stray = [n for n in ("above", "below") if getattr(self, n) is not None]
        stray += [n for n, default in (("compare", "absolute"), ("change", "share"))
                  if getattr(self, n) != default]
        if stray:
            fail("condition", f"`{stray[0]}` belongs to a threshold on a metric, not to "
                 f"`{group}`", f"move it into each condition listed under `{group}`",
                 at=stray[0])
        return self

    @model_validator(mode="after")
    def _window_in_order(self) -> Condition:
        if self.from_turn and self.until_turn and self.from_turn > self.until_turn:
            fail("condition", f"`from_turn: {self.from_turn}` comes after "
                 f"`until_turn: {self.until_turn}`", "swap them")
        if self.from_ and self.until and self.from_ > self.until:
            fail("condition", f"`from: {self.from_}` comes after `until: {self.until}`",
                 "swap them")
        return self

    def holds(self, value: float) -> bool:
        """True when ``value`` crosses an absolute threshold (a single-metric condition)."""
        if self.above is not None:
            return value > self.above
        return self.below is not None and value < self.below

    def in_window(self, moment: Moment) -> bool:
        """Whether the turn of ``moment`` falls in this condition's turns and months."""
        if self.from_turn is not None and moment.turn < self.from_turn:
            return False
        if self.until_turn is not None and moment.turn > self.until_turn:
            return False
        if self.from_ is not None and moment.last_month < month_index(*month_parts(self.from_)):
            return False
        return self.until is None or moment.first_month <= month_index(
            *month_parts(self.until))

    def check(self, moment: Moment) -> bool:
        """Whether the condition holds at the end of the turn ``moment`` describes."""
        if not self.in_window(moment):
            return False
        if self.all_ is not None:
            return all(c.check(moment) for c in self.all_)
        if self.any_ is not None:
            return any(c.check(moment) for c in self.any_)
        assert self.metric is not None  # a threshold by validation
        if self.metric not in moment.metrics:
            return False
        value = float(moment.metrics[self.metric])
        if self.compare != "absolute":
            source = moment.start if self.compare == "start" else moment.baseline
            reference = source.get(self.metric)
            if reference is None or math.isnan(reference):
                return False
            value = relative_change(value, float(reference), self.change)
        return self.holds(value)

    def metrics(self) -> set[str]:
        """Every metric this condition watches."""
        if self.metric is not None:
            return {self.metric}
        return set().union(*(c.metrics() for c in (self.all_ or self.any_ or [])))


Condition.model_rebuild()


class AgreementTiming(ContentModel):
    """When an agreement of the level comes into force or ends: at a turn, or on a condition.

    YAML usage (under a country's ``agreements``)::

        - kind: returns_acceptance
          with: MX
          starts: {turn: 3}                        # in force from the start of turn 3
          ends:
            when: {metric: approval_mx, below: 35}  # ends at the start of the next turn
            news: Mexico walks away from the returns deal.
    """

    turn: int | None = Field(None, ge=2, description="The turn at whose start it happens "
                             "(2 or later: an agreement in force from turn 1 needs no "
                             "`starts`).")
    when: Condition | None = Field(None, description="A condition checked at each turn's "
                                   "end; it happens at the start of the next turn.")
    news: Text | None = Field(None, description="The headline players read when it happens; "
                              "left out, the game writes one.")

    @model_validator(mode="after")
    def _one_timing(self) -> AgreementTiming:
        if (self.turn is None) == (self.when is None):
            fail("agreement-timing", "give exactly one of `turn` or `when`",
                 "e.g. `starts: {turn: 3}` or "
                 "`ends: {when: {metric: approval_mx, below: 35}}`")
        return self


#: The level guide's words on conditions (docs/levels.md, under `events`).
GUIDE_CONDITIONS = """\
A condition can say more than one threshold. `all:` holds when every condition listed holds,
`any:` when at least one does; they nest. A threshold may compare with the level's first turn
(`compare: start`) or with the status quo — the same level with the starting policies never
changed (`compare: baseline`) — just as objectives do: `above: 20%` is then 20% more, and with
`change: difference` a difference in the metric's own unit (`below: -5` approval points). Any
condition, a group too, may hold only in a window: `from_turn`/`until_turn` (checked at the
end of those turns) or `from`/`until` (months, YYYY-MM). Levels written with a single
`{metric: ..., above: ...}` work as before.

```yaml
events:
  - id: backlash
    kind: media_photo
    country: US
    when:
      any:
        - {metric: deaths_in_transit, above: 250}
        - all:
            - {metric: us_border_encounters, compare: start, above: 20%}  # 20% over turn 1
            - {metric: approval_us, compare: baseline, below: -3, change: difference}
      from_turn: 2        # not before the end of turn 2
      until_turn: 5       # nor after the end of turn 5
```"""

#: The level guide's words on agreements that start or end mid-level (under Agreements).
GUIDE_TIMED_AGREEMENTS = """\
An agreement of the level may come into force or end mid-level: `starts:` and `ends:` take a
`turn` (it happens at the start of that turn) or a `when` condition (checked at the end of each
turn; it happens at the start of the next), and an optional `news` headline. Left out, the
game writes the headline; players read it in that turn's news. An agreement with `starts` is
not in force at the start; without `ends` it lasts unless a player ends it. The status quo
follows the level's own agreements, so objectives against it judge only what players did.

```yaml
countries:
  US:
    agreements:
      - kind: returns_acceptance
        with: MX
        starts: {turn: 3}
        ends:
          when: {metric: approval_mx, below: 35}
          news: {en: Mexico walks away from the returns deal., es: ..., fr: ...}
```

`starts` and `ends`:"""
