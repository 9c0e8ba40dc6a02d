"""The names that form the contract between the model, the level files and the screens.

Countries, origins, levers, agreements, events and metrics are declared once, here. The content
checker, the JSON Schemas, the level guide and the policy desk all read these tables, so a new
lever added here is known everywhere without editing a second place (DESIGN.md §3.3, §3.8).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

#: Countries whose governments act. GT, HN and SV act only in classroom levels.
COUNTRIES: tuple[str, ...] = ("US", "MX", "CA", "GT", "HN", "SV")
#: The three destination governments of the main game.
DESTINATIONS: tuple[str, ...] = ("US", "MX", "CA")
#: Places people leave from; XR is extra-regional (Haiti, Cuba, Venezuela, others).
ORIGINS: tuple[str, ...] = ("MX", "GT", "HN", "SV", "XR")
#: The Northern Triangle: recipients of development aid.
AID_RECIPIENTS: tuple[str, ...] = ("GT", "HN", "SV")

COUNTRY_NAMES: dict[str, str] = {
    "US": "United States",
    "MX": "Mexico",
    "CA": "Canada",
    "GT": "Guatemala",
    "HN": "Honduras",
    "SV": "El Salvador",
    "XR": "Extra-regional (Haiti, Cuba, Venezuela and others)",
}

LeverKind = Literal["number", "choice", "money"]


@dataclass(frozen=True)
class LeverSpec:
    """One policy lever: who may set it, its unit, range, cost and delay."""

    name: str
    countries: tuple[str, ...]
    kind: LeverKind
    unit: str
    description: str
    #: Plausible range (numbers and money); the checker and the sliders use it.
    low: float = 0.0
    high: float = 0.0
    #: The allowed values of a choice lever, mildest first.
    choices: tuple[str, ...] = ()
    #: Starting value per country when a level says nothing (mid-2010s status quo).
    default: dict[str, float | str] = field(default_factory=dict)
    #: Cost in US$ million per unit per year, per country (0 for choices; money levers cost 1).
    cost_per_unit: dict[str, float] = field(default_factory=dict)
    #: Months before a change is fully in effect (hiring, training, programme start-up).
    delay_months: dict[str, int] = field(default_factory=dict)
    #: Aid levers may be split by recipient ({GT: 200, HN: 150, SV: 100}).
    splittable: bool = False
    #: A typical value for the level guide and error hints.
    example: float | str = 0.0
    #: Which policy-desk tab shows it.
    tab: Literal["visas", "borders", "asylum", "aid", "home"] = "borders"


def _lever(name: str, **kw: object) -> LeverSpec:
    return LeverSpec(name=name, **kw)  # type: ignore[arg-type]


# Defaults are rounded FY2016 figures (data/calibration and DESIGN.md); costs are all-in per unit.
LEVERS: dict[str, LeverSpec] = {
    spec.name: spec
    for spec in (
        _lever(
            "work_visas",
            countries=("US", "CA", "MX"),
            kind="number",
            unit="visas per year",
            description="Temporary work visas offered to nationals of the region (US H-2A/H-2B, "
            "Canada SAWP/TFWP, Mexico's regional worker cards).",
            low=0,
            high=1_000_000,
            default={"US": 190_000, "CA": 30_000, "MX": 15_000},
            cost_per_unit={"US": 0.0005, "CA": 0.0005, "MX": 0.0002},
            delay_months={"US": 3, "CA": 3, "MX": 2},
            example=200_000,
            tab="visas",
        ),
        _lever(
            "humanitarian_visas",
            countries=("US", "CA", "MX"),
            kind="number",
            unit="places per year",
            description="Parole, humanitarian visas and refugee resettlement places for people "
            "of the region.",
            low=0,
            high=500_000,
            default={"US": 5_000, "CA": 2_000, "MX": 2_000},
            cost_per_unit={"US": 0.015, "CA": 0.015, "MX": 0.004},
            delay_months={"US": 4, "CA": 4, "MX": 3},
            example=30_000,
            tab="visas",
        ),
        _lever(
            "border_agents",
            countries=("US", "MX", "CA"),
            kind="number",
            unit="agents",
            description="US: Border Patrol agents at the southwest border; Mexico: National "
            "Guard and INM agents at the Guatemala border; Canada: officers on the US border.",
            low=0,
            high=60_000,
            default={"US": 17_000, "MX": 1_500, "CA": 1_200},
            cost_per_unit={"US": 0.16, "MX": 0.025, "CA": 0.13},
            delay_months={"US": 9, "MX": 1, "CA": 6},
            example=20_000,
            tab="borders",
        ),
        _lever(
            "transit_agents",
            countries=("MX",),
            kind="number",
            unit="agents",
            description="Checkpoints and patrols along the transit routes inside Mexico.",
            low=0,
            high=40_000,
            default={"MX": 3_000},
            cost_per_unit={"MX": 0.025},
            delay_months={"MX": 1},
            example=5_000,
            tab="borders",
        ),
        _lever(
            "asylum_officers",
            countries=("US", "MX", "CA"),
            kind="number",
            unit="adjudicators",
            description="Asylum officers and immigration judges deciding claims (with their "
            "staff).",
            low=0,
            high=10_000,
            default={"US": 1_000, "MX": 60, "CA": 250},
            cost_per_unit={"US": 0.35, "MX": 0.04, "CA": 0.3},
            delay_months={"US": 9, "MX": 6, "CA": 6},
            example=1_500,
            tab="asylum",
        ),
        _lever(
            "detention",
            countries=("US", "MX"),
            kind="choice",
            unit="policy",
            description="What happens to people while their claim is decided: release, "
            "alternatives to detention (case management, check-ins), detention, or detention "
            "with parents separated from their children.",
            choices=("release", "alternatives", "detain", "detain_separate"),
            default={"US": "detain", "MX": "detain"},
            delay_months={"US": 1, "MX": 1},
            example="alternatives",
            tab="asylum",
        ),
        _lever(
            "removal",
            countries=("US", "MX"),
            kind="choice",
            unit="policy",
            description="The consequence of an irregular crossing: quick expulsion without "
            "penalty, formal removal with a re-entry bar, or criminal prosecution.",
            choices=("expel", "remove", "prosecute"),
            default={"US": "remove", "MX": "remove"},
            delay_months={"US": 1, "MX": 1},
            example="remove",
            tab="borders",
        ),
        _lever(
            "rescue",
            countries=("US", "MX"),
            kind="money",
            unit="US$ million per year",
            description="Search and rescue teams, water stations and rescue beacons on the "
            "deadliest routes.",
            low=0,
            high=500,
            default={"US": 20, "MX": 5},
            delay_months={"US": 2, "MX": 2},
            example=40,
            tab="borders",
        ),
        _lever(
            "aid_violence_prevention",
            countries=("US", "CA", "MX"),
            kind="money",
            unit="US$ million per year",
            description="Community violence prevention in Guatemala, Honduras and El Salvador "
            "(outreach, youth centres, policing of hot spots).",
            low=0,
            high=5_000,
            default={"US": 100, "CA": 5, "MX": 0},
            delay_months={"US": 12, "CA": 12, "MX": 12},
            splittable=True,
            example=300,
            tab="aid",
        ),
        _lever(
            "aid_economic",
            countries=("US", "CA", "MX"),
            kind="money",
            unit="US$ million per year",
            description="Jobs, agriculture and cash transfers in Guatemala, Honduras and El "
            "Salvador.",
            low=0,
            high=5_000,
            default={"US": 300, "CA": 20, "MX": 0},
            delay_months={"US": 6, "CA": 6, "MX": 6},
            splittable=True,
            example=500,
            tab="aid",
        ),
        _lever(
            "aid_governance",
            countries=("US", "CA", "MX"),
            kind="money",
            unit="US$ million per year",
            description="Courts, police reform and anti-corruption in Guatemala, Honduras and El "
            "Salvador.",
            low=0,
            high=5_000,
            default={"US": 150, "CA": 10, "MX": 0},
            delay_months={"US": 12, "CA": 12, "MX": 12},
            splittable=True,
            example=200,
            tab="aid",
        ),
        _lever(
            "violence_prevention",
            countries=("GT", "HN", "SV"),
            kind="money",
            unit="US$ million per year",
            description="The government's own spending on community violence prevention.",
            low=0,
            high=1_000,
            default={"GT": 20, "HN": 20, "SV": 20},
            delay_months={"GT": 12, "HN": 12, "SV": 12},
            example=50,
            tab="home",
        ),
        _lever(
            "exit_controls",
            countries=("GT", "HN", "SV"),
            kind="number",
            unit="officers",
            description="Officers checking exits at the country's own borders.",
            low=0,
            high=10_000,
            default={"GT": 300, "HN": 300, "SV": 200},
            cost_per_unit={"GT": 0.012, "HN": 0.01, "SV": 0.012},
            delay_months={"GT": 2, "HN": 2, "SV": 2},
            example=1_000,
            tab="home",
        ),
        _lever(
            "reintegration",
            countries=("GT", "HN", "SV"),
            kind="money",
            unit="US$ million per year",
            description="Support for people returned home: reception, jobs, protection.",
            low=0,
            high=500,
            default={"GT": 5, "HN": 5, "SV": 5},
            delay_months={"GT": 3, "HN": 3, "SV": 3},
            example=20,
            tab="home",
        ),
        # Three levers of the Northern Triangle's own governments (issue #18); they start at
        # 0: the status quo's spending is in the data's trends, these are new programmes.
        _lever(
            "police_reform",
            countries=("GT", "HN", "SV"),
            kind="money",
            unit="US$ million per year",
            description="Police reform and anti-extortion units: vetting and purging officers, "
            "specialised units against gang extortion (Honduras' purge commission from 2016, its "
            "anti-extortion force FNAMP).",
            low=0,
            high=500,
            default={"GT": 0, "HN": 0, "SV": 0},
            delay_months={"GT": 12, "HN": 12, "SV": 12},
            example=40,
            tab="home",
        ),
        _lever(
            "youth_employment",
            countries=("GT", "HN", "SV"),
            kind="money",
            unit="US$ million per year",
            description="Apprenticeships, wages and training for young people (Mexico's "
            "Jóvenes Construyendo el Futuro, extended to Honduras and El Salvador in 2019).",
            low=0,
            high=1_000,
            default={"GT": 0, "HN": 0, "SV": 0},
            delay_months={"GT": 6, "HN": 6, "SV": 6},
            example=50,
            tab="home",
        ),
        _lever(
            "consular_protection",
            countries=("GT", "HN", "SV"),
            kind="money",
            unit="US$ million per year",
            description="Consulates and shelters for citizens on the way north and in detention "
            "abroad: legal help, consular visits, bringing home the dead.",
            low=0,
            high=200,
            default={"GT": 0, "HN": 0, "SV": 0},
            delay_months={"GT": 3, "HN": 3, "SV": 3},
            example=15,
            tab="home",
        ),
    )
}

#: Money levers cost one US$ million per unit per year.
for _spec in LEVERS.values():
    if _spec.kind == "money":
        _spec.cost_per_unit.update({c: 1.0 for c in _spec.countries})


def levers_for(country: str) -> tuple[LeverSpec, ...]:
    """The levers a country may set, in the registry's order."""
    return tuple(spec for spec in LEVERS.values() if country in spec.countries)


@dataclass(frozen=True)
class TermSpec:
    """One term of an agreement or one parameter of an event, with unit and range."""

    name: str
    unit: str
    description: str
    low: float = 0.0
    high: float = 1.0
    default: float | str | None = None
    #: For terms naming a country, origin, lever or metric: which registry the value comes from.
    names: Literal["", "country", "origin", "metric", "lever"] = ""


@dataclass(frozen=True)
class AgreementSpec:
    """An agreement or pressure between countries (DESIGN.md §3.3)."""

    kind: str
    description: str
    #: Who may propose it and who must accept it. A threat needs no acceptance.
    proposers: tuple[str, ...]
    acceptors: tuple[str, ...]
    terms: tuple[TermSpec, ...] = ()
    needs_acceptance: bool = True


AGREEMENTS: dict[str, AgreementSpec] = {
    spec.kind: spec
    for spec in (
        AgreementSpec(
            "safe_third_country",
            "Asylum seekers who crossed the accepting country on their way may be returned "
            "there to claim asylum.",
            proposers=("US", "CA", "MX"),
            acceptors=("MX", "US", "GT", "HN", "SV"),
            terms=(
                TermSpec(
                    "coverage",
                    "share of the border",
                    "1 covers the whole border; 0.2 only ports of entry (a loophole).",
                    0.0,
                    1.0,
                    1.0,
                ),
            ),
        ),
        AgreementSpec(
            "remain_in_mexico",
            "People seeking asylum in the US wait in Mexico while their cases are decided.",
            proposers=("US",),
            acceptors=("MX",),
            terms=(
                TermSpec(
                    "monthly_cap",
                    "people per month",
                    "Most people sent to wait in Mexico each month (hearings in tent courts "
                    "and Mexico's consent limit it: about 60,000 were enrolled in 2019).",
                    0,
                    100_000,
                    8_000,
                ),
            ),
        ),
        AgreementSpec(
            "burden_sharing",
            "Agreed shares of the region's asylum seekers processed by each country.",
            proposers=("US", "MX", "CA"),
            acceptors=("US", "MX", "CA"),
            terms=(
                TermSpec("share_us", "share", "Share processed by the US.", 0, 1, 0.6),
                TermSpec("share_mx", "share", "Share processed by Mexico.", 0, 1, 0.25),
                TermSpec("share_ca", "share", "Share processed by Canada.", 0, 1, 0.15),
            ),
        ),
        AgreementSpec(
            "joint_corps",
            "A blended US–Mexico–Canada customs and protection corps at Mexico's southern "
            "border, funded by contributions.",
            proposers=("US", "MX", "CA"),
            acceptors=("US", "MX", "CA"),
            terms=(
                TermSpec("contribution_us", "US$ million per year", "US funding.", 0, 2000, 200),
                TermSpec("contribution_mx", "US$ million per year", "Mexico's funding.", 0, 2000,
                         50),
                TermSpec("contribution_ca", "US$ million per year", "Canada's funding.", 0, 2000,
                         50),
            ),
        ),
        AgreementSpec(
            "returns_acceptance",
            "Mexico accepts people of other nationalities returned by the US.",
            proposers=("US",),
            acceptors=("MX",),
            terms=(
                TermSpec("monthly_cap", "people per month", "Most Mexico will take.", 0, 100_000,
                         30_000),
            ),
        ),
        AgreementSpec(
            "visa_requirement",
            "Canada or Mexico requires visas of another country's nationals, closing the "
            "route of flying in.",
            proposers=("CA", "MX"),
            acceptors=("CA", "MX"),
            terms=(
                TermSpec("origin", "origin", "Whose nationals need a visa.", names="origin",
                         default="XR"),
            ),
            needs_acceptance=False,
        ),
        AgreementSpec(
            "tariff_threat",
            "The US threatens tariffs on Mexican imports unless a target is met by a deadline; "
            "the threat may be carried out.",
            proposers=("US",),
            acceptors=("MX",),
            terms=(
                TermSpec("rate", "tariff rate", "5% rising toward 25% (0.05–0.25).", 0.0, 0.25,
                         0.05),
                TermSpec(
                    "target_reduction",
                    "share",
                    "Required fall in US border encounters by the deadline (0.3 = −30%).",
                    0.0,
                    0.9,
                    0.3,
                ),
                TermSpec("deadline_months", "months", "Months until the deadline.", 1, 12, 2),
            ),
            needs_acceptance=False,
        ),
        AgreementSpec(
            "trinational_task_force",
            "A joint force of Guatemala, Honduras and El Salvador against the gangs that work "
            "across their borders (the Fuerza Trinacional of November 2016), funded by "
            "contributions.",
            proposers=("GT", "HN", "SV"),
            acceptors=("GT", "HN", "SV"),
            terms=(
                TermSpec("contribution_gt", "US$ million per year", "Guatemala's funding.", 0,
                         500, 10),
                TermSpec("contribution_hn", "US$ million per year", "Honduras' funding.", 0,
                         500, 10),
                TermSpec("contribution_sv", "US$ million per year", "El Salvador's funding.", 0,
                         500, 10),
            ),
        ),
    )
}


class TariffState(IntEnum):
    """Where a US tariff threat on Mexico stands (``World.tariff_state`` holds the number)."""

    NONE = 0
    #: Threatened; the deadline has not come.
    PENDING = 1
    #: The deadline came and went without a tariff.
    SETTLED = 2
    #: The deadline came and the tariff was imposed; it lasts while the threat stays in force.
    IMPOSED = 3


def tariff_target_met(encounters: float, base: float, reduction: float) -> bool:
    """Whether monthly encounters fell by the threat's ``reduction`` from the ``base`` month."""
    return encounters <= base * (1.0 - reduction)


#: What a court ruling can block: two lever choices and two agreements, in the order of the
#: model's ``World.blocked`` axis (``game.sim.world.BLOCKABLE`` must equal it: a test says so).
#: The checker accepts only these, so no level schedules a ruling the model would ignore.
COURT_BLOCKABLE: tuple[str, ...] = ("detain_separate", "expel", "remain_in_mexico",
                                    "safe_third_country")


#: Agreements whose parties pay yearly dues (``contribution_us``, …) out of their budgets.
FUNDED_AGREEMENTS: tuple[str, ...] = ("joint_corps", "trinational_task_force")


@dataclass(frozen=True)
class EventSpec:
    """A kind of world event that levels can schedule or trigger (DESIGN.md §3.5)."""

    kind: str
    description: str
    params: tuple[TermSpec, ...] = ()


EVENTS: dict[str, EventSpec] = {
    spec.kind: spec
    for spec in (
        EventSpec(
            "hurricane",
            "A hurricane strikes an origin: homes and harvests lost, incomes fall, more people "
            "leave in the following months (Eta and Iota, November 2020).",
            (
                TermSpec("origin", "origin", "Where it strikes.", names="origin", default="HN"),
                TermSpec("severity", "0–1", "1 is an Eta-and-Iota-scale disaster.", 0, 1, 0.5),
            ),
        ),
        EventSpec(
            "drought",
            "A drought ruins the harvest in an origin (the Dry Corridor in 2014, 2015–16 and "
            "2018): subsistence farmers lose their income, more people leave in the following "
            "months.",
            (
                TermSpec("origin", "origin", "Where the harvest fails.", names="origin",
                         default="GT"),
                TermSpec("severity", "0–1", "1 affects as many people as Eta and Iota (7.5 "
                         "million); the 2018 drought was about 0.1 per country.", 0, 1, 0.1),
            ),
        ),
        EventSpec(
            "flood",
            "Floods and landslides after torrential rain in an origin (Tropical Storms Stan, "
            "2005, and Agatha, 2010, in Guatemala): homes, roads and the harvest lost, incomes "
            "fall, more people leave in the following months.",
            (
                TermSpec("origin", "origin", "Where the rivers burst.", names="origin",
                         default="GT"),
                TermSpec("severity", "0–1", "1 affects as many people as Eta and Iota (7.5 "
                         "million); 0.1 is about 750,000 people.", 0, 1, 0.2),
            ),
        ),
        EventSpec(
            "epidemic",
            "An epidemic closes borders across the region (COVID-19, March 2020): fewer people "
            "can leave while borders are shut, incomes and work in the US fall, and many who "
            "waited set out when borders reopen.",
            (
                TermSpec("severity", "0–1", "1 is COVID-19 in 2020.", 0, 1, 1.0),
                TermSpec("months", "months", "How long borders stay shut and incomes and US "
                         "work stay down (Central America's borders reopened after about six "
                         "months in 2020).", 1, 24, 6),
            ),
        ),
        EventSpec(
            "news",
            "A headline only, with an optional short article: a story beat that changes "
            "nothing in the model.",
            (TermSpec("body", "text", "A short article under the headline (the level's text, "
                      "carried to the news)."),),
        ),
        EventSpec(
            "announcement",
            "A government declares a crackdown (or an opening) at the US border: word of it "
            "reaches would-be movers at once, and fades when what arrivals find does not follow.",
            (
                TermSpec("people", "kind", "Whose expectations it moves: adults, families, "
                         "children or everyone.", default="families"),
                TermSpec("release_change", "share", "How much the chance of release people "
                         "believe in moves at once: −0.3 = thirty points less.", -1, 1, -0.3),
            ),
        ),
        EventSpec(
            "violence_shock",
            "Homicides rise sharply in an origin (gang war, state collapse).",
            (
                TermSpec("origin", "origin", "Where.", names="origin", default="HN"),
                TermSpec("increase", "share", "0.3 = homicide rate up 30%.", -0.9, 3.0, 0.3),
                TermSpec("months", "months", "How long it lasts.", 1, 60, 12),
            ),
        ),
        EventSpec(
            "caravan",
            "A large group travels together openly through Mexico toward the US border.",
            (
                TermSpec("origin", "origin", "Where most come from.", names="origin",
                         default="HN"),
                TermSpec("size", "people", "How many set out.", 100, 20_000, 5_000),
            ),
        ),
        EventSpec(
            "media_photo",
            "A photograph of a death or a child in detention spreads worldwide; empathy "
            "spikes, then fades within weeks.",
            (
                TermSpec("country", "country", "Whose public reacts most.", names="country",
                         default="US"),
                TermSpec("intensity", "0–1", "1 is a photo the whole world sees.", 0, 1, 0.7),
            ),
        ),
        EventSpec(
            "court_ruling",
            "A court blocks a policy: family separation, an agreement or a removal practice.",
            (
                TermSpec("country", "country", "Whose court.", names="country", default="US"),
                TermSpec(
                    "blocks",
                    "policy",
                    ", ".join(COURT_BLOCKABLE[:-1]) + " or " + COURT_BLOCKABLE[-1] + ".",
                    default="detain_separate",
                ),
            ),
        ),
        EventSpec(
            "tariff_deadline",
            "A tariff threat's deadline: the US decides whether to impose the tariff.",
            (TermSpec("rate", "tariff rate", "Tariff imposed if the target is missed.", 0, 0.25,
                      0.05),),
        ),
        EventSpec(
            "economic_shock",
            "A recession or boom in a country: in the US it moves labour demand, in origins "
            "it moves incomes.",
            (
                TermSpec("country", "country or origin", "Where.", names="country",
                         default="US"),
                TermSpec("change", "share of GDP", "−0.04 = a 4% fall in output.", -0.3, 0.3,
                         -0.04),
                TermSpec("months", "months", "How long it lasts.", 1, 60, 18),
            ),
        ),
        EventSpec(
            "extra_regional_surge",
            "A crisis far away (Venezuela, Haiti, Cuba) sends many more people north through "
            "Central America.",
            (
                TermSpec("size", "people per month", "Extra people setting out.", 0, 100_000,
                         10_000),
                TermSpec("months", "months", "How long it lasts.", 1, 36, 6),
            ),
        ),
        EventSpec(
            "policy_change",
            "A government changes a lever by itself (a scripted historical decision).",
            (
                TermSpec("country", "country", "Who.", names="country", default="US"),
                TermSpec("lever", "lever", "Which lever.", names="lever",
                         default="border_agents"),
                TermSpec("value", "lever's unit", "The new value.", default=20_000),
            ),
        ),
    )
}


MetricKind = Literal["observed", "flow", "stock", "condition", "politics", "score"]


#: The news headline of each event kind (``{param}`` placeholders from its parameters; a level's
#: own ``news`` text wins). A country parameter is also given after a preposition that French
#: contracts with the article: ``{in_country}``, ``{of_country}``, ``{from_origin}``, ``{to_…}``.
#: The content class of each kind is ``game.content.events``; a test checks that the registry,
#: the content classes, these headlines and the model agree.
EVENT_NEWS: dict[str, str] = {
    "hurricane": "A hurricane strikes {origin}: homes and harvests are lost",
    "drought": "Drought ruins the harvest {in_origin}",
    "flood": "Floods destroy homes, roads and harvests {in_origin}",
    "epidemic": "An epidemic closes borders across the region",
    "news": "News from the region",
    "announcement": "A government announcement changes what people hear about release at the "
    "US border",
    "violence_shock": "Violence surges {in_origin}",
    "caravan": "A caravan of about {size} people sets out {from_origin}",
    "media_photo": "A photograph from the border moves the public {in_country}",
    "court_ruling": "A court {in_country} blocks {blocks}",
    "tariff_deadline": "The United States imposes a {rate_pct:.0f}% tariff on Mexican goods",
    "economic_shock": "The economy {of_country} is hit by a shock of {change_pct:+.0f}%",
    "extra_regional_surge": "More people from Haiti, Cuba and Venezuela head north "
    "(about {size} a month)",
    "policy_change": "{country} changes {lever} to {value}",
}


@dataclass(frozen=True)
class MetricSpec:
    """A canonical metric (DESIGN.md §3.8): per turn, per world."""

    name: str
    kind: MetricKind
    unit: str
    description: str
    #: +1 when more is better for people or players, −1 when less is better, 0 when neither.
    better: int = 0
    #: How a turn's months combine: flows add up; stocks, prices and politics take the last month.
    per_turn: Literal["sum", "last", "mean"] = "last"
    #: A short name for headings, legends and table rows (``description`` is a sentence).
    label: str = ""


def _m(name: str, kind: MetricKind, unit: str, description: str, better: int = 0) -> MetricSpec:
    per_turn: Literal["sum", "last", "mean"] = "sum" if kind in ("observed", "flow") else "last"
    if name.startswith("spending_"):
        per_turn = "sum"
    return MetricSpec(name, kind, unit, description, better, per_turn, METRIC_LABELS[name])


#: Levers, lever choices and agreements as they read inside an English sentence (the screens,
#: the news and the checker translate them with ``t()``; a heading capitalises the first letter).
LEVER_LABELS: dict[str, str] = {
    **{name: name.replace("_", " ") for name in LEVERS},
    "aid_economic": "economic aid",
    "aid_governance": "governance aid",
    "aid_violence_prevention": "violence-prevention aid",
    "police_reform": "police reform",
    "youth_employment": "youth employment",
    "consular_protection": "consular protection",
}
CHOICE_LABELS: dict[str, str] = {
    "release": "release",
    "alternatives": "alternatives",
    "detain": "detain",
    "detain_separate": "separate families",
    "expel": "expel",
    "remove": "remove",
    "prosecute": "prosecute",
}
AGREEMENT_LABELS: dict[str, str] = {
    **{kind: kind.replace("_", " ") for kind in AGREEMENTS},
    "remain_in_mexico": "Remain in Mexico",
    "burden_sharing": "burden-sharing",
    "trinational_task_force": "trinational task force",
}
#: The shortest metric names, for the desk's narrow forecast columns.
METRIC_SHORT_LABELS: dict[str, str] = {
    "us_border_encounters": "Border encounters",
    "deaths_in_transit": "Deaths in transit",
    "protection_granted": "Protected",
    "asylum_wait_months_us": "Asylum wait (mo.)",
    "approval_us": "Approval",
    "approval_mx": "Approval",
    "approval_ca": "Approval",
    "approval_gt": "Approval",
    "approval_hn": "Approval",
    "approval_sv": "Approval",
}

#: Short names of the canonical metrics, as every screen and export shows them.
METRIC_LABELS: dict[str, str] = {
    "us_border_encounters": "US border encounters (events)",
    "mx_apprehensions": "Mexico's apprehensions (events)",
    "ca_irregular_interceptions": "Interceptions into Canada",
    "emigrants_from_mx": "Leaving Mexico",
    "emigrants_from_gt": "Leaving Guatemala",
    "emigrants_from_hn": "Leaving Honduras",
    "emigrants_from_sv": "Leaving El Salvador",
    "emigrants_from_xr": "Arriving from outside the region",
    "irregular_entries_us": "People who crossed uncaught (true)",
    "legal_admissions_us": "Legal admissions to the US",
    "legal_admissions_ca": "Legal admissions to Canada",
    "legal_admissions_mx": "Legal admissions to Mexico",
    "deaths_in_transit": "Deaths in transit",
    "asylum_claims_us": "Asylum claims in the US",
    "asylum_claims_mx": "Asylum claims in Mexico",
    "asylum_claims_ca": "Asylum claims in Canada",
    "protection_granted": "Protection granted",
    "returned_to_danger": "Returned to danger",
    "family_unit_members_us": "Families at the US border",
    "unaccompanied_children_us": "Children alone at the US border",
    "perceived_release_families": "Families expecting release",
    "family_separations": "Children separated",
    "asylum_backlog_us": "US asylum backlog",
    "asylum_backlog_mx": "Mexico's asylum backlog",
    "asylum_backlog_ca": "Canada's asylum backlog",
    "asylum_wait_months_us": "US asylum wait (months)",
    "asylum_wait_months_mx": "Mexico's asylum wait (months)",
    "asylum_wait_months_ca": "Canada's asylum wait (months)",
    "detained_population_us": "Detained in the US",
    "stranded_in_mx_border_towns": "Stranded in border towns",
    "unauthorized_population_us": "Unauthorized population (US)",
    "smuggling_price_usd": "Smuggling price (US$)",
    "labor_shortage_us": "US labour shortage",
    "homicide_rate_gt": "Homicide rate (Guatemala)",
    "homicide_rate_hn": "Homicide rate (Honduras)",
    "homicide_rate_sv": "Homicide rate (El Salvador)",
    "approval_us": "Approval (US)",
    "approval_mx": "Approval (Mexico)",
    "approval_ca": "Approval (Canada)",
    "approval_gt": "Approval (Guatemala)",
    "approval_hn": "Approval (Honduras)",
    "approval_sv": "Approval (El Salvador)",
    "relations_us_mx": "US–Mexico relations",
    "relations_us_ca": "US–Canada relations",
    "relations_mx_ca": "Mexico–Canada relations",
    "spending_us": "US spending",
    "spending_mx": "Mexico's spending",
    "spending_ca": "Canada's spending",
    "humanitarian_score": "Humanitarian score",
    "political_score_us": "US political score",
    "political_score_mx": "Mexico's political score",
    "political_score_ca": "Canada's political score",
}


METRICS: dict[str, MetricSpec] = {
    m.name: m
    for m in (
        _m("us_border_encounters", "observed", "events",
           "US Border Patrol encounters at the southwest border (one person caught three times "
           "counts three).", -1),
        _m("mx_apprehensions", "observed", "events",
           "Mexico's apprehensions of migrants (events, as Mexico reports them).", 0),
        _m("ca_irregular_interceptions", "observed", "events",
           "People intercepted crossing into Canada between ports of entry.", 0),
        _m("emigrants_from_mx", "flow", "people", "People leaving Mexico northward."),
        _m("emigrants_from_gt", "flow", "people", "People leaving Guatemala."),
        _m("emigrants_from_hn", "flow", "people", "People leaving Honduras."),
        _m("emigrants_from_sv", "flow", "people", "People leaving El Salvador."),
        _m("emigrants_from_xr", "flow", "people",
           "People from outside the region entering the route north."),
        _m("irregular_entries_us", "flow", "people",
           "People who entered the US without being caught (true, not observed).", -1),
        _m("legal_admissions_us", "flow", "people",
           "People admitted to the US through work, family and humanitarian channels.", 1),
        _m("legal_admissions_ca", "flow", "people", "People admitted to Canada legally.", 1),
        _m("legal_admissions_mx", "flow", "people", "People admitted to Mexico legally.", 1),
        _m("deaths_in_transit", "flow", "people",
           "People who died on the way (true count; official counts are lower).", -1),
        _m("asylum_claims_us", "flow", "claims", "Asylum claims lodged in the US.", 0),
        _m("asylum_claims_mx", "flow", "claims", "Asylum claims lodged in Mexico.", 0),
        _m("asylum_claims_ca", "flow", "claims", "Asylum claims lodged in Canada.", 0),
        _m("protection_granted", "flow", "people",
           "People granted asylum, refuge or humanitarian protection in the region.", 1),
        _m("returned_to_danger", "flow", "people",
           "People with strong protection claims returned or expelled without a hearing.", -1),
        _m("family_separations", "flow", "children", "Children separated from their parents.",
           -1),
        _m("asylum_backlog_us", "stock", "cases", "Asylum cases waiting for a decision in the US.",
           -1),
        _m("asylum_backlog_mx", "stock", "cases", "Asylum cases waiting in Mexico.", -1),
        _m("asylum_backlog_ca", "stock", "cases", "Asylum cases waiting in Canada.", -1),
        _m("asylum_wait_months_us", "stock", "months", "Expected wait for a US asylum decision.",
           -1),
        _m("asylum_wait_months_mx", "stock", "months", "Expected wait for a Mexican decision.",
           -1),
        _m("asylum_wait_months_ca", "stock", "months", "Expected wait for a Canadian decision.",
           -1),
        _m("detained_population_us", "stock", "people", "People in US immigration detention.", -1),
        _m("stranded_in_mx_border_towns", "stock", "people",
           "People waiting or stranded in Mexico's northern border towns.", -1),
        _m("unauthorized_population_us", "stock", "people",
           "People from the region living in the US without status.", 0),
        _m("family_unit_members_us", "observed", "people",
           "Members of families who surrendered to the Border Patrol (most ask for asylum).", 0),
        _m("unaccompanied_children_us", "observed", "children",
           "Children travelling alone who reached the US border.", 0),
        _m("perceived_release_families", "condition", "0–1",
           "What families in Guatemala, Honduras and El Salvador hear: the chance that a family "
           "who surrenders is released into the US.", 0),
        _m("smuggling_price_usd", "condition", "US$",
           "Typical smuggler's fee for the crossing into the US.", -1),
        _m("labor_shortage_us", "condition", "0–1",
           "Unfilled demand for seasonal and low-wage labour in the US.", -1),
        _m("homicide_rate_gt", "condition", "per 100,000", "Homicides per 100,000 in Guatemala.",
           -1),
        _m("homicide_rate_hn", "condition", "per 100,000", "Homicides per 100,000 in Honduras.",
           -1),
        _m("homicide_rate_sv", "condition", "per 100,000",
           "Homicides per 100,000 in El Salvador.", -1),
        _m("approval_us", "politics", "0–100", "Approval of the US government.", 1),
        _m("approval_mx", "politics", "0–100", "Approval of the Mexican government.", 1),
        _m("approval_ca", "politics", "0–100", "Approval of the Canadian government.", 1),
        _m("approval_gt", "politics", "0–100", "Approval of the Guatemalan government.", 1),
        _m("approval_hn", "politics", "0–100", "Approval of the Honduran government.", 1),
        _m("approval_sv", "politics", "0–100", "Approval of the Salvadoran government.", 1),
        _m("relations_us_mx", "politics", "−100–100", "Relations between the US and Mexico.", 1),
        _m("relations_us_ca", "politics", "−100–100", "Relations between the US and Canada.", 1),
        _m("relations_mx_ca", "politics", "−100–100", "Relations between Mexico and Canada.", 1),
        _m("spending_us", "politics", "US$ million", "US spending on its levers in the turn."),
        _m("spending_mx", "politics", "US$ million", "Mexico's spending in the turn."),
        _m("spending_ca", "politics", "US$ million", "Canada's spending in the turn."),
        _m("humanitarian_score", "score", "0–100",
           "The region's humanitarian record against the status quo.", 1),
        _m("political_score_us", "score", "0–100", "The US government's political standing.", 1),
        _m("political_score_mx", "score", "0–100", "Mexico's government's political standing.",
           1),
        _m("political_score_ca", "score", "0–100", "Canada's government's political standing.",
           1),
    )
}

#: The metrics shown as headlines on the desk and explained in every turn report.
HEADLINE_METRICS: tuple[str, ...] = (
    "us_border_encounters",
    "deaths_in_transit",
    "protection_granted",
    "asylum_wait_months_us",
    "stranded_in_mx_border_towns",
    "approval_us",
    "approval_mx",
    "approval_ca",
    "humanitarian_score",
)
