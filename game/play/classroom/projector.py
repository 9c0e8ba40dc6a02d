"""What the projector shows the class between turns: standings, news, scores when revealed."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.play.classroom.room import Classroom
from game.play.classroom.setup import Team
from game.play.report import metric_label
from game.sim.registry import METRICS


@dataclass(frozen=True)
class TeamStanding:
    """One team on the projector: its standing indicator, and its score when revealed."""

    team: Team
    #: The metric shown for the team: approval (US, MX, CA) or homicide rate (GT, HN, SV).
    metric: str
    label: str
    value: float | None
    previous: float | None
    baseline: float | None
    #: The team's political score (None when the level has none for it or it is hidden).
    score: float | None = None
    stars: int | None = None
    max_stars: int | None = None


def standing_metric(country: str) -> str:
    """The metric a team is followed by: its approval, or (origins) its homicide rate."""
    approval = f"approval_{country.lower()}"
    return approval if approval in METRICS else f"homicide_rate_{country.lower()}"


@dataclass(frozen=True)
class ProjectorView:
    """What the class sees between turns: news, every team's standing, the shared score."""

    title: str
    turn: int
    turns: int
    period: str
    news: tuple[str, ...]
    standings: tuple[TeamStanding, ...]
    humanitarian: float | None
    humanitarian_previous: float | None
    humanitarian_baseline: float | None
    scores_revealed: bool
    notes: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)


def projector_view(room: Classroom, news_limit: int = 6) -> ProjectorView:
    """The projector summary after the latest resolved turn (before the first: the start)."""
    session = room.session
    reports = session.reports
    last = reports[-1] if reports else None
    metrics = dict(last.metrics) if last else dict(session.table.last_metrics)
    previous = dict(last.previous) if last else {}
    baseline = dict(last.baseline) if last else {}
    standings = []
    for team in room.teams:
        metric = standing_metric(team.country)
        score_metric = f"political_score_{team.country.lower()}"
        show = room.scores_revealed
        standings.append(TeamStanding(
            team, metric, metric_label(metric), metrics.get(metric), previous.get(metric),
            baseline.get(metric),
            score=metrics.get(score_metric) if show else None,
            stars=session.stars(team.country) if show and reports else None,
            max_stars=session.max_stars(team.country) if show and reports else None,
        ))
    played = len(reports)
    pledges = tuple(text for turn, _, text in room.pledge_log if turn == played)
    news = (tuple(item.text for item in (last.news if last else ())) + pledges)[:news_limit]
    period = (last.start if last.start == last.end else f"{last.start} – {last.end}") \
        if last else ""
    return ProjectorView(
        title=session.view.title, turn=len(reports), turns=session.turns, period=period,
        news=news, standings=tuple(standings), humanitarian=metrics.get("humanitarian_score"),
        humanitarian_previous=previous.get("humanitarian_score"),
        humanitarian_baseline=baseline.get("humanitarian_score"),
        scores_revealed=room.scores_revealed, notes=tuple(room.notes), metrics=metrics,
    )
