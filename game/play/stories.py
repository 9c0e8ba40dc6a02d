"""One short human story per turn, chosen by the turn's dominant outcome (DESIGN.md §1, §5).

Stories are short, factual and never graphic. Each is based on public reporting, named in
``source``; none invents a person. :func:`dominant_outcome` reads the turn's metrics against the
previous turn and the status-quo baseline and names what mattered most; :func:`choose_story`
picks a story for it that the player has not read yet.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from game.i18n import t
from game.sim.policy import month_index


@dataclass(frozen=True)
class Story:
    """A short factual story, where it comes from, and from when it can be told."""

    id: str
    outcome: str
    title: str
    text: str
    source: str
    #: ``YYYY-MM``: the first month when everything the story says had happened and was public.
    #: A game set earlier does not tell it (a June 2019 report cannot cite a 2021 inquiry).
    known_from: str
    #: A level's own card: the picture's file (empty when none can be shown) and its turn.
    image: str = ""
    turn: int | None = None

    def translated(self) -> Story:
        """The same story with its title and text in the current language."""
        return replace(self, title=t(self.title), text=t(self.text))

    def known_by(self, month: int) -> bool:
        """Whether the story can be told in a report written at month index ``month``."""
        year, number = self.known_from.split("-")
        return month_index(int(year), int(number)) <= month


STORIES: tuple[Story, ...] = (
    Story(
        "rio_grande_2019", "deaths_rise",
        "A father and daughter at the river",
        "In June 2019 a young father from El Salvador and his daughter, almost two, drowned "
        "crossing the Rio Grande near Matamoros. The family had waited to ask for asylum at the "
        "bridge, where entry was limited to a few people a day.",
        "Associated Press and La Jornada, 25–26 June 2019",
        "2019-06",
    ),
    Story(
        "pima_county", "deaths_rise",
        "The desert counts",
        "The medical examiner of Pima County, Arizona, received the remains of 9 border "
        "crossers in 1990 and 201 in 2005, as patrols in the cities pushed crossings into the "
        "desert.",
        "Pima County Office of the Medical Examiner figures, as reported by KLTV/AP, 2006",
        "2006-01",
    ),
    Story(
        "borstar", "deaths_fall",
        "Rescue teams in the desert",
        "Border Patrol search, trauma and rescue teams (BORSTAR) and rescue beacons placed in "
        "the desert were followed by fewer deaths in the sectors where they worked.",
        "Guerette, Criminology & Public Policy 6(2), 2007",
        "2007-01",
    ),
    Story(
        "separations_2018", "separations",
        "Children apart from their parents",
        "Under the 2018 'zero tolerance' policy, parents prosecuted for crossing were sent to "
        "jail and their children to shelters. Government inspectors later found that thousands "
        "more children had been separated than first reported, and reuniting them took years.",
        "HHS Office of Inspector General, OEI-BL-18-00511, January 2019",
        "2019-01",
    ),
    Story(
        "matamoros_camp", "stranded",
        "A camp by the bridge",
        "By late 2019 about 2,500 people returned under 'Remain in Mexico' lived in tents by "
        "the bridge in Matamoros, waiting months for hearings across the river. Rights groups "
        "documented more than 1,500 public reports of kidnapping, rape and assault of people "
        "sent back to wait.",
        "Human Rights First, 'Delivered to Danger', February 2021",
        "2021-02",
    ),
    Story(
        "tapachula", "backlog_mx",
        "The queue in Tapachula",
        "Asylum claims in Mexico rose from 1,295 in 2013 to 70,278 in 2019, most of them filed "
        "in Tapachula near the Guatemalan border, where people must stay until a decision the "
        "law says should take 45 working days.",
        "COMAR figures via Mexico News Daily; 'Asylum in Mexico by the numbers'",
        "2020-01",
    ),
    Story(
        "court_backlog", "backlog",
        "Waiting years for a hearing",
        "With more than 4,000 cases per immigration judge, people who ask for asylum in the US "
        "may wait four years or more for a decision, working and raising children while their "
        "future stays undecided.",
        "TRAC Immigration, Syracuse University, 2023",
        "2023-01",
    ),
    Story(
        "aca_guatemala", "returned_to_danger",
        "Sent to claim asylum elsewhere",
        "Under the 2019 US–Guatemala agreement, 945 people from Honduras and El Salvador were "
        "flown to Guatemala to seek protection there. 34 applied; none was granted asylum.",
        "US Senate Foreign Relations Committee report, January 2021",
        "2021-01",
    ),
    Story(
        "chnv_parole", "protection_up",
        "A sponsor and a flight",
        "In 2023 the US let up to 30,000 people a month from Cuba, Haiti, Nicaragua and "
        "Venezuela fly in on parole if a sponsor in the US vouched for them, while Mexico took "
        "back those who crossed irregularly. Irregular crossings by those nationalities fell "
        "sharply.",
        "US Department of Homeland Security fact sheet, 25 July 2023",
        "2023-07",
    ),
    Story(
        "canada_15000", "protection_up",
        "Fifteen thousand places",
        "When Canada and the US extended their asylum agreement to the whole border in 2023, "
        "Canada opened 15,000 places for people from the Western Hemisphere to come legally "
        "on humanitarian grounds.",
        "Montreal Gazette, 24 March 2023",
        "2023-03",
    ),
    Story(
        "sawp", "legal_pathways",
        "The seasonal workers",
        "Since 1966 Canada's Seasonal Agricultural Worker Program has brought workers from "
        "Mexico and the Caribbean to its farms each season, and most go home when it ends.",
        "Employment and Social Development Canada, SAWP programme description",
        "1966-01",
    ),
    Story(
        "bracero", "legal_pathways",
        "Contracts instead of crossings",
        "In the 1950s the Bracero programme's work contracts grew while apprehensions at the "
        "border fell steeply; after the programme ended in 1964, irregular crossings climbed "
        "again.",
        "Cato Institute analysis of INS data; Clemens, Lewis & Postel, AER 2018",
        "1970-01",
    ),
    Story(
        "national_guard_2019", "crossings_fall",
        "Troops at the southern border",
        "After the US threatened tariffs in June 2019, Mexico sent about 6,000 National Guard "
        "members to its border with Guatemala. Apprehensions at the US border fell from about "
        "144,000 in May to 104,000 in June; part of the fall was seasonal.",
        "CBP monthly statistics; Reuters and AP reporting, June 2019",
        "2019-07",
    ),
    Story(
        "caravan_2018", "crossings_rise",
        "Walking together",
        "In October 2018 several thousand people set out together from San Pedro Sula, "
        "Honduras, walking north through Guatemala and Mexico: travelling in a large group "
        "felt safer than paying a smuggler.",
        "Associated Press, October 2018",
        "2018-10",
    ),
    Story(
        "carsi", "violence_falls",
        "Neighbourhoods that changed",
        "An evaluation of US-funded community crime prevention in 127 neighbourhoods of "
        "Central America found reported murders 51% lower than expected. The effect was local "
        "and took years to build.",
        "Vanderbilt LAPOP for USAID, summarised by InSight Crime, 2014",
        "2014-01",
    ),
    Story(
        "roxham", "canada",
        "A country road in Quebec",
        "Tens of thousands of people walked across the US–Canada border at Roxham Road "
        "between 2017 and 2023, because the agreement between the two countries applied only "
        "at official ports of entry.",
        "Montreal Gazette, March 2023",
        "2023-03",
    ),
    Story(
        "tariff_2019", "tariff",
        "Trade as leverage",
        "On 30 May 2019 the US announced a 5% tariff on all Mexican goods from 10 June, rising "
        "to 25%, unless Mexico stopped irregular migration. A deal was signed on 7 June and "
        "the tariffs never took effect.",
        "Joint US–Mexico declaration, 7 June 2019; White House statement, 30 May 2019",
        "2019-06",
    ),
    Story(
        "remittances", "calm",
        "Money sent home",
        "Remittances from relatives abroad equal about a quarter of the economy of Honduras "
        "and El Salvador, and a fifth of Guatemala's: they pay for school, houses and, "
        "sometimes, the next journey north.",
        "Revista E&N, Central American remittance figures",
        "2021-01",
    ),
)

#: Metrics that decide each outcome, with the direction that makes it stand out.
_OUTCOMES: tuple[tuple[str, str, int], ...] = (
    ("deaths_rise", "deaths_in_transit", 1),
    ("deaths_fall", "deaths_in_transit", -1),
    ("stranded", "stranded_in_mx_border_towns", 1),
    ("backlog", "asylum_wait_months_us", 1),
    ("backlog_mx", "asylum_backlog_mx", 1),
    ("returned_to_danger", "returned_to_danger", 1),
    ("protection_up", "protection_granted", 1),
    ("legal_pathways", "legal_admissions_us", 1),
    ("crossings_fall", "us_border_encounters", -1),
    ("crossings_rise", "us_border_encounters", 1),
    ("violence_falls", "homicide_rate_hn", -1),
    ("canada", "ca_irregular_interceptions", 1),
)


def _relative(now: float, then: float) -> float:
    return (now - then) / then if then > 0 else (1.0 if now > 0 else 0.0)


def dominant_outcome(metrics: Mapping[str, float], previous: Mapping[str, float],
                     baseline: Mapping[str, float], *, tariff: bool = False) -> str:
    """The outcome that stands out most this turn, against the turn before and the baseline."""
    if metrics.get("family_separations", 0.0) >= 100:
        return "separations"
    if tariff:
        return "tariff"
    best, best_size = "calm", 0.1
    for outcome, metric, sign in _OUTCOMES:
        if metric not in metrics:
            continue
        size = 0.0
        if metric in baseline:
            size = max(size, sign * _relative(metrics[metric], baseline[metric]))
        if metric in previous:
            size = max(size, 0.7 * sign * _relative(metrics[metric], previous[metric]))
        if size > best_size:
            best, best_size = outcome, size
    return best


#: Outcomes whose stories stand in, in this order, when none for the turn's outcome can be told.
_STAND_INS = ("calm", "legal_pathways", "violence_falls")


def choose_story(outcome: str, told: Collection[str] = (), month: int | None = None) -> Story:
    """A story for ``outcome`` not told yet and known by ``month`` (a month index).

    When every story for the outcome has been told, or happened after ``month``, a story of a
    stand-in outcome is told instead; a story is repeated only when no other can be told.
    """
    known = [s for s in STORIES if month is None or s.known_by(month)]
    for wanted in (outcome, *_STAND_INS):
        fresh = [s for s in known if s.outcome == wanted and s.id not in told]
        if fresh:
            return fresh[0].translated()
    for wanted in (outcome, *_STAND_INS):
        again = [s for s in known if s.outcome == wanted]
        if again:
            return again[0].translated()
    return (known or list(STORIES))[0].translated()


@dataclass(frozen=True)
class Epilogue:
    """What really happened, from a level, for the end of the debrief (texts already chosen)."""

    title: str
    text: str
    source: str
    #: The picture's file, or empty when there is none to show.
    image: str = ""


def level_story(cards: Sequence[Story], turn: int, outcome: str,
                told: Collection[str] = ()) -> Story | None:
    """A level's own card for ``turn``, or None when none is left to tell.

    The card of that turn comes first, then one for the turn's outcome, then the next card that
    belongs to no turn and no outcome; a card is told once.
    """
    fresh = [c for c in cards if c.id not in told]
    for fits in (lambda c: c.turn == turn,
                 lambda c: c.turn is None and c.outcome == outcome,
                 lambda c: c.turn is None and not c.outcome):
        card = next((c for c in fresh if fits(c)), None)
        if card is not None:
            return card
    return None
