"""What the desk says about each objective while the level is played: where it stands and why.

The objectives tracker (the desk's Goals tab) shows, for each objective the player may see, its
status and one sentence with the number judged, the target, the status quo or start it is
measured against, and when it is judged — the same arithmetic the debrief uses (``Objective
.evaluate``), so nothing on the desk can disagree with the stars at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.i18n import format_number, percent, t
from game.play.report import ObjectiveState, metric_label

if TYPE_CHECKING:
    from game.content.models.objectives import Objective

#: Status words, by (met now, judged for good).
_STATUS = {(True, True): "Met", (False, True): "Missed", (True, False): "On track",
           (False, False): "Not yet"}


def goal_state(objective: Objective, text: str, owner: str | None, values: Sequence[float],
               baseline: Sequence[float], played: int, judged: int) -> ObjectiveState:
    """An objective as it stands after ``played`` turns (``values`` and ``baseline`` per turn)."""
    how = {"metric": objective.metric, "side": "above" if objective.above is not None
           else "below", "compare": objective.compare, "change": objective.change,
           "judged_turn": judged, "measure": objective.measure}
    if not values:
        return ObjectiveState(objective.id, text, False, None, objective.threshold,
                              objective.stars, team=owner, **how)  # type: ignore[arg-type]
    result = objective.evaluate(values, baseline)
    return ObjectiveState(objective.id, text, result.met, result.value, result.target,
                          objective.stars, final=played >= judged, team=owner,
                          judged=result.judged, reference=result.reference,
                          **how)  # type: ignore[arg-type]


def status(goal: ObjectiveState) -> str:
    """Met, Missed, On track or Not yet (before the first turn: Not yet)."""
    if goal.value is None:
        return t("Not yet")
    return t(_STATUS[(goal.met, goal.final)])


def _amount(value: float) -> str:
    """A metric's value as the desk writes numbers: 12,400 · 3.5 · 0.42."""
    if abs(value) >= 100:
        return format_number(value)
    return format_number(value, 1 if abs(value) >= 1 else 2)


def _relative(value: float, change: str) -> str:
    """A change as a percentage (+12%) or in the metric's own unit (+3.5)."""
    if change == "share":
        return percent(value * 100, signed=True)
    text = format_number(abs(value), 1)
    return ("+" if value >= 0 else "\u2212") + text


def progress(goal: ObjectiveState) -> str:
    """One sentence: the number judged now, against what, the target, and when it is judged."""
    name = metric_label(goal.metric) if goal.metric else ""
    side = t("above") if goal.side == "above" else t("below")
    against = t("the status quo") if goal.compare == "baseline" else t("the start")
    if goal.compare == "absolute":
        target = t("needs {side} {target}", side=side, target=_amount(goal.target))
    else:
        target = t("needs a change {side} {target} against {against}", side=side,
                   target=_relative(goal.target, goal.change), against=against)
    when = (t("judged at the end of the level") if goal.judged_turn == 0 else
            t("judged at the end of turn {n}", n=goal.judged_turn))
    if goal.value is None or goal.judged is None:
        return t("{name}: {target}; {when}.", name=name, target=target, when=when)
    if goal.compare == "absolute":
        now = t("{name} now {value}", name=name, value=_amount(goal.judged))
    else:
        now = t("{name} {change} against {against} ({value} vs {reference})", name=name,
                change=_relative(goal.judged, goal.change), against=against,
                value=_amount(goal.value), reference=_amount(goal.reference or 0.0))
    if goal.compare != "absolute":  # "against ..." was just said
        target = t("needs {side} {target}", side=side,
                   target=_relative(goal.target, goal.change))
    return t("{now}; {target}; {when}.", now=now, target=target, when=when)
