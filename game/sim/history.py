"""The historical scenario, October 2011 to September 2019, built from real inputs only.

Levers follow the record month by month: US Border Patrol agents at the southwest border and
H-2A/H-2B work visas come from :mod:`game.sim.baseline` (CBP and State Department series); the
dated policy timeline (``data/policy_timeline.csv``) becomes lever changes, agreements and
scheduled events — Programa Frontera Sur (2014), Canada's visa requirement for Mexicans (to
December 2016), family detention (June 2014 to the Flores ruling of July 2015), zero tolerance
and family separation (April–June 2018) and the court ruling that ended it, the caravans
(October 2018), Remain in Mexico (January 2019), the aid suspension (March 2019), the tariff
threat and the June 2019 deal (6,000 National Guard at Mexico's southern border). Homicide,
income and labour demand reach the model through ``baseline_inputs``.

Nothing here is an outcome: from FY2017 on the scenario uses inputs alone, so the model's
FY2017–FY2019 border figures are a genuine out-of-sample test (DESIGN.md §3.10).

Magnitudes the timeline does not give are stated below with the word "assumed" and a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.sim.baseline import baseline_inputs
from game.sim.policy import Agreement, LeverValue, Policy, Scenario, ScheduledEvent, month_index

#: First and last months of the backtest window (FY2012 to FY2019).
HISTORY_START = month_index(2011, 10)
HISTORY_END = month_index(2019, 9)
#: The seed of the historical scenario (any fixed value; the backtest documents which).
HISTORY_SEED = 2011


@dataclass(frozen=True)
class LeverStep:
    """From ``month`` on, ``country`` sets ``lever`` to ``value`` (until a later step)."""

    month: int
    country: str
    lever: str
    value: LeverValue
    why: str


@dataclass(frozen=True)
class AgreementSpan:
    """An agreement in force from ``start`` to ``end`` (inclusive; None = open-ended)."""

    start: int
    end: int | None
    agreement: Agreement
    why: str

    def active(self, month: int) -> bool:
        """Whether the agreement is in force in ``month``."""
        return self.start <= month and (self.end is None or month <= self.end)


def _m(year: int, month: int) -> int:
    return month_index(year, month)


#: Lever changes from the timeline, in date order. Levers not listed keep the registry default
#: (a mid-2010s status quo), except the two series taken from data every month (see
#: :func:`historical_policy`).
LEVER_STEPS: tuple[LeverStep, ...] = (
    # Mexico before Programa Frontera Sur: assumed half of the mid-2010s transit enforcement,
    # scaled to Mexico's apprehension events (about 70,000 in 2010, M; 127,000 in 2014; 198,000
    # in 2015, mexico_enforcement.csv).
    LeverStep(HISTORY_START, "MX", "transit_agents", 1_500,
              "pre-2014 transit enforcement (assumed, scaled to Mexico's apprehensions)"),
    LeverStep(HISTORY_START, "MX", "border_agents", 1_000,
              "southern-border presence before Programa Frontera Sur (assumed)"),
    # US detention of the people who ask for asylum at the border — by the 2010s mostly families
    # and children from the Northern Triangle. Until mid-2014 ICE held almost no families (one
    # small family facility, M) and released them with a notice to appear, some on alternatives
    # to detention: the model's "alternatives".
    LeverStep(HISTORY_START, "US", "detention", "alternatives",
              "families released with a notice to appear (M)"),
    # June 2014: family detention expanded (Artesia, Karnes, Dilley; timeline, F).
    LeverStep(_m(2014, 7), "US", "detention", "detain", "family detention expanded"),
    # July 2015: the Flores settlement applied to families, children held no more than about
    # 20 days (timeline, M): families released again.
    LeverStep(_m(2015, 8), "US", "detention", "alternatives", "Flores ruling applied to families"),
    # US aid to the Northern Triangle before the Alliance for Prosperity: CARSI and USAID
    # programmes of roughly US$300M a year (M), split like the registry's defaults.
    LeverStep(HISTORY_START, "US", "aid_violence_prevention", 60, "CARSI era (M)"),
    LeverStep(HISTORY_START, "US", "aid_economic", 150, "CARSI era (M)"),
    LeverStep(HISTORY_START, "US", "aid_governance", 90, "CARSI era (M)"),
    # US adjudicators (immigration judges and asylum officers with staff), scaled to the
    # immigration-judge headcount: about 260 (2011), 250 (2014), 290 (2016), 330 (2017),
    # 395 (2018), 440 (2019) (EOIR, M) against the registry's 1,000 for 2016.
    LeverStep(HISTORY_START, "US", "asylum_officers", 900, "IJ headcount about 260 (M)"),
    LeverStep(_m(2014, 1), "US", "asylum_officers", 860, "IJ headcount about 250 (M)"),
    LeverStep(_m(2016, 1), "US", "asylum_officers", 1_000, "IJ headcount about 290 (M)"),
    LeverStep(_m(2017, 1), "US", "asylum_officers", 1_140, "IJ headcount about 330 (M)"),
    LeverStep(_m(2018, 1), "US", "asylum_officers", 1_360, "IJ headcount about 395 (M)"),
    LeverStep(_m(2019, 1), "US", "asylum_officers", 1_520, "IJ headcount about 440 (M)"),
    # Programa Frontera Sur, July 2014 (F*): raids on La Bestia and checkpoints. Mexico's
    # apprehensions rose by about half in 2015 (mexico_enforcement.csv); the model's transit
    # enforcement more than doubles over a year (assumed ramp).
    LeverStep(_m(2014, 7), "MX", "transit_agents", 2_500, "Programa Frontera Sur begins"),
    LeverStep(_m(2014, 7), "MX", "border_agents", 1_500, "Programa Frontera Sur begins"),
    LeverStep(_m(2015, 1), "MX", "transit_agents", 3_500, "Programa Frontera Sur at full scale"),
    # 2016: Mexico reduced its checkpoints (RESEARCH.md §2.4); apprehensions fell 6%.
    LeverStep(_m(2016, 7), "MX", "transit_agents", 3_000, "fewer checkpoints in 2016"),
    # The Alliance for Prosperity: about US$750M appropriated for FY2016, 655M FY2017 (M);
    # registry defaults are this era's split.
    LeverStep(_m(2016, 1), "US", "aid_violence_prevention", 100, "Alliance for Prosperity (M)"),
    LeverStep(_m(2016, 1), "US", "aid_economic", 300, "Alliance for Prosperity (M)"),
    LeverStep(_m(2016, 1), "US", "aid_governance", 150, "Alliance for Prosperity (M)"),
    # Zero tolerance, 6 April 2018: prosecution of every adult crossing, parents separated from
    # their children (M: 2,700-5,500 children); ended by executive order on 20 June 2018 (F).
    LeverStep(_m(2018, 4), "US", "removal", "prosecute", "zero tolerance"),
    LeverStep(_m(2018, 4), "US", "detention", "detain_separate", "family separation"),
    LeverStep(_m(2018, 7), "US", "removal", "remove", "executive order of 20 June 2018"),
    # After the executive order and the court ruling, families were again released under
    # Flores (F).
    LeverStep(_m(2018, 7), "US", "detention", "alternatives", "executive order, court ruling"),
    # Aid suspended 30 March 2019 (about US$450-700M affected, F); 432M restored for existing
    # projects on 17 June 2019 (F): about a third of the flow kept, then about two thirds.
    LeverStep(_m(2019, 4), "US", "aid_violence_prevention", 35, "aid suspension"),
    LeverStep(_m(2019, 4), "US", "aid_economic", 100, "aid suspension"),
    LeverStep(_m(2019, 4), "US", "aid_governance", 50, "aid suspension"),
    LeverStep(_m(2019, 7), "US", "aid_violence_prevention", 70, "432M restored"),
    LeverStep(_m(2019, 7), "US", "aid_economic", 200, "432M restored"),
    LeverStep(_m(2019, 7), "US", "aid_governance", 100, "432M restored"),
    # 7 June 2019 joint declaration: 6,000 National Guard to the southern border (F); SEDENA
    # reported 6,500 south on 24 June (F*). In June the model's own response to the tariff
    # threat (in force that month, below) deploys the Guard; from July the deployment stays as
    # Mexico's lever after the threat is lifted. The Guard also staffed transit checkpoints.
    LeverStep(_m(2019, 7), "MX", "border_agents", 7_500, "June 2019 deal: +6,000 Guard"),
    LeverStep(_m(2019, 7), "MX", "transit_agents", 5_000, "Guard checkpoints in transit (assumed)"),
)

#: Agreements in force, with their dates from the timeline.
AGREEMENT_SPANS: tuple[AgreementSpan, ...] = (
    AgreementSpan(
        HISTORY_START, None,
        Agreement("safe_third_country", ("CA", "US"), {"coverage": 0.2}),
        "US-Canada STCA since December 2004, at land ports of entry only (F)",
    ),
    AgreementSpan(
        HISTORY_START, _m(2016, 11),
        Agreement("visa_requirement", ("CA", "MX"), {"origin": "MX"}),
        "Canada required visas of Mexicans from July 2009 to 1 December 2016 (M)",
    ),
    AgreementSpan(
        _m(2019, 2), None,
        Agreement("remain_in_mexico", ("US", "MX")),
        "Migrant Protection Protocols from 29 January 2019 (F); expanded after June 2019",
    ),
    AgreementSpan(
        _m(2019, 6), _m(2019, 6),
        Agreement("tariff_threat", ("US", "MX"),
                  {"rate": 0.05, "target_reduction": 0.3, "deadline_months": 1}),
        "5% tariff threatened on 30 May 2019 from 10 June; lifted by the 7 June deal (F)",
    ),
)

#: Dated events from the timeline (inputs: things that happened, not their border outcomes),
#: in date order.
EVENTS: tuple[ScheduledEvent, ...] = tuple(sorted((
    ScheduledEvent("media_photo", _m(2018, 6), {"country": "US", "intensity": 0.8}),
    ScheduledEvent("court_ruling", _m(2018, 6), {"country": "US", "blocks": "detain_separate"}),
    # October 2018: caravans of several thousand people from Honduras (F); about 7,000 (M).
    ScheduledEvent("caravan", _m(2018, 10), {"origin": "HN", "size": 7_000}),
    ScheduledEvent("tariff_deadline", _m(2019, 6), {"rate": 0.05}),
    # January 2019: a new caravan from San Pedro Sula, met at Mexico's southern border with
    # humanitarian visitor cards; about 4,000 adults applied for one (F*, push_shocks.csv).
    ScheduledEvent("caravan", _m(2019, 1), {"origin": "HN", "size": 4_000}),
    # Dry Corridor droughts ruined the primera harvest (FAO/WFP, push_shocks.csv): about 2
    # million affected in 2014, 3.5 million in need in 2015-16 (two failed seasons), 2.2 million
    # with crop losses in 2018. Severity is people affected per country (split evenly over GT,
    # HN and SV) against Eta and Iota's 7.5 million, the scale of severity 1.
    *(ScheduledEvent("drought", _m(year, 8), {"origin": origin, "severity": severity})
      for year, severity in ((2014, 0.09), (2015, 0.08), (2016, 0.08), (2018, 0.1))
      for origin in ("GT", "HN", "SV")),
), key=lambda e: e.month))


def _data_levers(month: int) -> dict[str, dict[str, LeverValue]]:
    """The two US levers read from data every month: agents and work visas."""
    inputs = baseline_inputs(month)
    return {
        "US": {
            # Round to whole people: the lever is a headcount / a number of visas.
            "border_agents": float(round(inputs.us_border_agents)),
            "work_visas": float(round(inputs.us_work_visas)),
        }
    }


def historical_policy(month: int) -> Policy:
    """Every country's levers and agreements in force in ``month`` of the historical record."""
    policy = Policy()
    for country, values in _data_levers(month).items():
        policy = policy.with_levers(country, values)
    latest: dict[tuple[str, str], LeverValue] = {}
    for step in LEVER_STEPS:
        if step.month <= month:
            latest[(step.country, step.lever)] = step.value
    for (country, lever), value in latest.items():
        policy = policy.with_lever(country, lever, value)
    for span in AGREEMENT_SPANS:
        if span.active(month):
            policy = policy.with_agreement(span.agreement)
    return policy


def historical_policies(start: int = HISTORY_START, end: int = HISTORY_END) -> list[Policy]:
    """One policy per month from ``start`` to ``end`` inclusive."""
    return [historical_policy(m) for m in range(start, end + 1)]


def historical_events(start: int = HISTORY_START, end: int = HISTORY_END
                      ) -> tuple[ScheduledEvent, ...]:
    """The timeline's scheduled events between ``start`` and ``end`` inclusive."""
    return tuple(e for e in EVENTS if start <= e.month <= end)


def historical_scenario(seed: int = HISTORY_SEED,
                        overrides: Mapping[str, float] | None = None) -> Scenario:
    """The historical scenario starting in October 2011, as a level would describe it."""
    return Scenario(
        start=HISTORY_START,
        seed=seed,
        policy=historical_policy(HISTORY_START),
        overrides=dict(overrides or {}),
        events=historical_events(),
    )
