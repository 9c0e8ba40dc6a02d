"""Setting a class up: teams, their limits, the settings and the teacher's events."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import t, ts
from game.play.decisions import (
    country_name,
    country_subject,
    plural_subject,
)
from game.play.lesson_timing import LessonTiming, clean_label, timing_problem
from game.play.levelview import LevelView, text_of
from game.play.team_names import lookalike_key, name_problem, normal_name
from game.sim.registry import AGREEMENTS, EVENTS

if TYPE_CHECKING:
    from game.content import Level


#: Fewest and most teams a classroom session takes.
MIN_TEAMS, MAX_TEAMS = 2, 6
#: Longest team name shown on the hand-over screen and in the report.
NAME_LIMIT = 32
#: Format tag of the classroom data kept in the game record.
CLASSROOM_FORMAT = "borderlines-classroom/1"


class ClassroomError(ValueError):
    """A class cannot be set up or resumed as asked; the text is for the teacher."""


@dataclass(frozen=True)
class Team:
    """A team of students and the country it leads."""

    name: str
    country: str

    def __post_init__(self) -> None:
        # One spelling per name: the same letters typed two ways (NFC) are the same team.
        object.__setattr__(self, "name", normal_name(self.name))

    @property
    def label(self) -> str:
        """"Team Jaguars (Mexico)"."""
        return t("Team {name} ({country})", name=self.name, country=country_name(self.country))

    def to_dict(self) -> dict[str, str]:
        """Plain data for the record."""
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True)
class ClassSettings:
    """How the teacher set the session up."""

    teams: tuple[Team, ...]
    #: Minutes each team has at the desk; None for untimed (the default: DESIGN.md §1).
    timer_minutes: float | None = None
    #: Give each team the hidden objectives the level has for its country.
    hidden_objectives: bool = True
    #: A PIN for the teacher panel ("" for none); only its hash is kept.
    pin: str = ""
    #: Change which team decides first every turn, so no team always answers last.
    rotate: bool = True
    #: Every team decides at the same time on its own device (``borderlines host``), instead
    #: of one after the other at one computer; the timer is then the whole class's.
    simultaneous: bool = False
    #: Turns to play (None: every turn of the level); the session ends and debriefs after them.
    turns: int | None = None
    #: Minutes of the shared negotiation round before each turn after the first (0: none).
    negotiation_minutes: float = 0.0
    #: Minutes of the class briefing before the first turn (0: none).
    briefing_minutes: float = 0.0
    #: The class and period ("Period 3 — 10B"), shown on every export and in the save list.
    label: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", clean_label(self.label))

    @property
    def timing(self) -> LessonTiming:
        """The lesson's timing choices."""
        return LessonTiming(self.turns, self.timer_minutes, self.negotiation_minutes,
                            self.briefing_minutes)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the record (the PIN as a hash)."""
        return {"teams": [tm.to_dict() for tm in self.teams], "timer_minutes": self.timer_minutes,
                "hidden_objectives": self.hidden_objectives, "pin_hash": pin_hash(self.pin),
                "rotate": self.rotate, "simultaneous": self.simultaneous, "turns": self.turns,
                "negotiation_minutes": self.negotiation_minutes,
                "briefing_minutes": self.briefing_minutes, "label": self.label}


def pin_hash(pin: str) -> str:
    """The sha256 of a PIN ("" for no PIN)."""
    return hashlib.sha256(pin.strip().encode()).hexdigest() if pin.strip() else ""


def default_team_name(country: str) -> str:
    """The name a team gets when the teacher types none: the country's name."""
    return country_name(country)


def classroom_countries(level: Level) -> tuple[str, ...]:
    """Countries a team may lead in ``level`` (its playable countries)."""
    return tuple(level.playable_countries())


def team_limits(level: Level) -> tuple[int, int]:
    """(fewest, most) teams the level works with."""
    room = level.classroom
    most = len(classroom_countries(level))
    if room is None:
        return min(MIN_TEAMS, most), min(MAX_TEAMS, most)
    return min(room.min_teams, most), min(room.max_teams, most)


def check_settings(level: Level, settings: ClassSettings) -> None:
    """Raise :class:`ClassroomError` with a message for the teacher if the set-up cannot run."""
    low, high = team_limits(level)
    n = len(settings.teams)
    if not low <= n <= high:
        raise ClassroomError(t("This level takes {low} to {high} teams; there are {n}.",
                               low=low, high=high, n=n))
    allowed = classroom_countries(level)
    seen_countries: set[str] = set()
    seen_names: set[str] = set()
    for team in settings.teams:
        if team.country not in allowed:
            raise ClassroomError(ts("{country} cannot be led by a team in this level.",
                                    plural_subject(team.country),
                                    country=country_subject(team.country)))
        if team.country in seen_countries:
            raise ClassroomError(t("Two teams lead {country}: give each team its own country.",
                                   country=country_name(team.country, article=True)))
        name = normal_name(team.name)
        problem = name_problem(name)
        if problem == "control":
            raise ClassroomError(t("A team name cannot contain line breaks or control "
                                   "characters."))
        if not name or problem == "empty":
            raise ClassroomError(t("Every team needs a name."))
        if len(name) > NAME_LIMIT:
            raise ClassroomError(t("Team names can be at most {n} characters.", n=NAME_LIMIT))
        if lookalike_key(name) in seen_names:
            raise ClassroomError(t("Two teams are called “{name}” (or names that look the same "
                                   "on screen).", name=name))
        seen_countries.add(team.country)
        seen_names.add(lookalike_key(name))
    problem = timing_problem(settings.timing)
    if problem:
        raise ClassroomError(problem)


@dataclass(frozen=True)
class TeacherEvent:
    """An event the teacher panel offers: from the level's list, or a standard one."""

    key: str
    kind: str
    params: Mapping[str, Any]
    label: str
    #: True for the level's own events (listed first).
    from_level: bool = False


#: Standard events every classroom session offers, with moderate, documented sizes.
STANDARD_EVENTS: tuple[tuple[str, str, dict[str, Any], str], ...] = (
    ("caravan", "caravan", {"origin": "HN", "size": 5000},
     "A caravan of 5,000 people leaves Honduras"),
    ("hurricane", "hurricane", {"origin": "HN", "severity": 0.7},
     "A hurricane strikes Honduras"),
    ("court-ruling", "court_ruling", {"country": "US", "blocks": "remain_in_mexico"},
     "A US court blocks Remain in Mexico"),
    ("viral-photo", "media_photo", {"country": "US", "intensity": 0.9},
     "A photograph of a drowned father and daughter goes viral"),
    ("violence", "violence_shock", {"origin": "GT", "increase": 0.3, "months": 12},
     "Gang violence surges in Guatemala"),
    ("far-crisis", "extra_regional_surge", {"size": 10000, "months": 6},
     "A crisis far away sends more people north"),
)


def teacher_events(level: Level) -> list[TeacherEvent]:
    """The events the teacher may inject: the level's own first, then the standard ones."""
    out: list[TeacherEvent] = []
    view = LevelView(level)
    for event in view.events:
        if event.kind not in EVENTS or event.kind in ("policy_change", "tariff_deadline", "news"):
            continue
        label = event.headline or t(EVENTS[event.kind].description)
        out.append(TeacherEvent(f"level:{event.key}", event.kind, dict(event.params), label,
                                from_level=True))
    for key, kind, params, label in STANDARD_EVENTS:
        out.append(TeacherEvent(key, kind, params, t(label)))
    return out


def level_title(level: Level) -> str:
    """A level's title in the current language."""
    return text_of(level.title)


def agreement_kinds_for(country: str, partners: Sequence[str]) -> list[str]:
    """Agreements ``country`` may offer to at least one of ``partners`` (threats included)."""
    return [k for k, spec in AGREEMENTS.items() if country in spec.proposers
            and any(p in spec.acceptors and p != country for p in partners)]
