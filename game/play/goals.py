"""What the desk says about each objective while the level is played: where it stands and why.

The objectives tracker (the desk's Goals tab) shows, for each objective the player may see, its
status and one sentence with the number judged, the target, the status quo or start it is
measured against, and when it is judged — the same arithmetic the debrief uses (``Objective
.evaluate``), so nothing on the desk can disagree with the stars at the end. A share is
written as a percentage of its whole, an agreement objective as in force or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.i18n import format_number, percent, t
from game.play.countries import country_list
from game.play.decisions import agreement_label, heading
from game.play.report import ObjectiveState, metric_label

if TYPE_CHECKING:
    from game.content.models.objectives import Objective

#: Status words, by (met now, judged for good).
_STATUS = {(True, True): "Met", (False, True): "Missed", (True, False): "On track",
           (False, False): "Not yet"}


def goal_state(objective: Objective, text: str, owner: str | None,
               values: Sequence[float] = (), baseline: Sequence[float] = (), played: int = 0,
               judged: int = 0, *, whole: Sequence[float] | None = None,
               baseline_whole: Sequence[float] | None = None,
               in_force: Sequence[bool] | None = None) -> ObjectiveState:
    """An objective as it stands after ``played`` turns (``values`` and ``baseline`` per turn).

    A share objective also gets its ``whole`` each turn (and the status quo's); an agreement
    objective gets whether the agreement was ``in_force`` each turn instead of values.
    """
    how = {"metric": objective.metric or "", "side": "above" if objective.above is not None
           else "below", "compare": objective.compare, "change": objective.change,
           "judged_turn": judged, "measure": objective.measure,
           "whole": tuple(objective.whole()), "agreement": objective.agreement or "",
           "parties": tuple(objective.between or ()),
           "kind": "agreement" if objective.agreement else "share" if objective.share_of
           else "metric"}
    if objective.agreement is not None:
        how["side"] = "below" if objective.in_force is False else "above"
        if in_force:
            result = objective.judge_agreement(in_force)
            return ObjectiveState(objective.id, text, result.met, result.value, result.target,
                                  objective.stars, final=played >= judged, team=owner,
                                  judged=result.judged, **how)  # type: ignore[arg-type]
        return ObjectiveState(objective.id, text, False, None,
                              0.0 if objective.in_force is False else 1.0,
                              objective.stars, team=owner, **how)  # type: ignore[arg-type]
    if not values:
        return ObjectiveState(objective.id, text, False, None, objective.threshold,
                              objective.stars, team=owner, **how)  # type: ignore[arg-type]
    result = objective.evaluate(values, baseline, of=whole, baseline_of=baseline_whole)
    return ObjectiveState(objective.id, text, result.met, result.value, result.target,
                          objective.stars, final=played >= judged, team=owner,
                          judged=result.judged, reference=result.reference,
                          **how)  # type: ignore[arg-type]


def status(goal: ObjectiveState) -> str:
    """Met, Missed, On track or Not yet (before the first turn: Not yet)."""
    if goal.value is None:
        return t("Not yet")
    return t(_STATUS[(goal.met, goal.final)])


def _amount(value: float, share: bool = False) -> str:
    """A metric's value as the desk writes numbers: 12,400 · 3.5 · 0.42 (a share: 42%)."""
    if share:  # a small share keeps a decimal: 3.3% is not 3%
        return percent(value * 100, 1 if abs(value) < 0.1 else 0)
    if abs(value) >= 100:
        return format_number(value)
    return format_number(value, 1 if abs(value) >= 1 else 2)


def _relative(value: float, change: str, share: bool = False) -> str:
    """A change as a percentage (+12%), in the metric's own unit (+3.5) or in points of a share."""
    if change == "share":
        return percent(value * 100, signed=True)
    if share:
        return t("{n} points", n=("+" if value >= 0 else "\u2212")
                 + format_number(abs(value) * 100, 1))
    text = format_number(abs(value), 1)
    return ("+" if value >= 0 else "\u2212") + text


def goal_name(goal: ObjectiveState) -> str:
    """What an objective judges: a metric, or a metric as a share of a whole."""
    name = metric_label(goal.metric) if goal.metric else ""
    if goal.kind == "share":
        whole = " + ".join(metric_label(m) for m in goal.whole)
        return t("{part} as a share of {whole}", part=name, whole=whole)
    return name


def _when(goal: ObjectiveState) -> str:
    return (t("judged at the end of the level") if goal.judged_turn == 0 else
            t("judged at the end of turn {n}", n=goal.judged_turn))


def _agreement_progress(goal: ObjectiveState) -> str:
    """An agreement objective: whether the agreement is in force now, what is needed, when."""
    label = heading(agreement_label(goal.agreement))
    if goal.parties:
        label = t("{label} ({names})", label=label, names=country_list(goal.parties))
    want = goal.target >= 0.5
    needs = t("needs it in force") if want else t("needs it not in force")
    if goal.value is None:
        return t("{name}: {target}; {when}.", name=label, target=needs, when=_when(goal))
    now = t("{label} is in force", label=label) if goal.value >= 0.5 else \
        t("{label} is not in force", label=label)
    return t("{now}; {target}; {when}.", now=now, target=needs, when=_when(goal))


def progress(goal: ObjectiveState) -> str:
    """One sentence: the number judged now, against what, the target, and when it is judged."""
    if goal.kind == "agreement":
        return _agreement_progress(goal)
    share = goal.kind == "share"
    name = goal_name(goal)
    side = t("above") if goal.side == "above" else t("below")
    against = t("the status quo") if goal.compare == "baseline" else t("the start")
    if goal.compare == "absolute":
        target = t("needs {side} {target}", side=side, target=_amount(goal.target, share))
    else:
        target = t("needs a change {side} {target} against {against}", side=side,
                   target=_relative(goal.target, goal.change, share), against=against)
    when = _when(goal)
    if goal.value is None or goal.judged is None:
        return t("{name}: {target}; {when}.", name=name, target=target, when=when)
    if goal.compare == "absolute":
        now = t("{name} now {value}", name=name, value=_amount(goal.judged, share))
    else:
        now = t("{name} {change} against {against} ({value} vs {reference})", name=name,
                change=_relative(goal.judged, goal.change, share), against=against,
                value=_amount(goal.value, share),
                reference=_amount(goal.reference or 0.0, share))
    if goal.compare != "absolute":  # "against ..." was just said
        target = t("needs {side} {target}", side=side,
                   target=_relative(goal.target, goal.change, share))
    return t("{now}; {target}; {when}.", now=now, target=target, when=when)
