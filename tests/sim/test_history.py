"""The historical scenario: real inputs month by month, the timeline's policies at their dates."""

from __future__ import annotations

from game.sim.history import (
    HISTORY_END,
    HISTORY_START,
    historical_events,
    historical_policies,
    historical_policy,
    historical_scenario,
)
from game.sim.policy import month_index
from game.sim.registry import LEVERS


def test_the_scenario_starts_in_october_2011_and_the_window_ends_in_september_2019() -> None:
    scenario = historical_scenario()
    assert scenario.start == month_index(2011, 10) == HISTORY_START
    assert HISTORY_END == month_index(2019, 9)
    assert len(historical_policies()) == 96


def test_us_border_agents_follow_cbp_staffing() -> None:
    # 18,516 southwest agents at the end of FY2012, 17,026 at the end of FY2016 (CBP).
    assert historical_policy(month_index(2012, 9)).value("US", "border_agents") == 18_516
    assert historical_policy(month_index(2016, 9)).value("US", "border_agents") == 17_026


def test_work_visas_grow_with_the_h2a_programme() -> None:
    fy2012 = historical_policy(month_index(2012, 3)).value("US", "work_visas")
    fy2019 = historical_policy(month_index(2019, 3)).value("US", "work_visas")
    assert isinstance(fy2012, float) and isinstance(fy2019, float)
    assert 90_000 < fy2012 < 130_000
    assert fy2019 > 2 * fy2012


def test_programa_frontera_sur_raises_mexicos_transit_enforcement_from_july_2014() -> None:
    before = historical_policy(month_index(2014, 6)).value("MX", "transit_agents")
    after = historical_policy(month_index(2015, 6)).value("MX", "transit_agents")
    assert isinstance(before, float) and isinstance(after, float)
    assert after >= 2 * before


def test_families_are_detained_only_between_june_2014_and_the_flores_ruling() -> None:
    def detention(year: int, month: int) -> object:
        return historical_policy(month_index(year, month)).value("US", "detention")

    assert detention(2013, 6) == "alternatives"
    assert detention(2014, 12) == "detain"
    assert detention(2015, 12) == "alternatives"


def test_family_separation_lasts_from_april_to_june_2018() -> None:
    assert historical_policy(month_index(2018, 3)).value("US", "detention") == "alternatives"
    assert historical_policy(month_index(2018, 5)).value("US", "detention") == "detain_separate"
    assert historical_policy(month_index(2018, 5)).value("US", "removal") == "prosecute"
    assert historical_policy(month_index(2018, 7)).value("US", "detention") == "alternatives"
    rulings = [e for e in historical_events() if e.kind == "court_ruling"]
    assert [(e.month, e.params["blocks"]) for e in rulings] == [
        (month_index(2018, 6), "detain_separate")
    ]


def test_the_june_2019_deal_keeps_6000_guards_at_mexicos_southern_border() -> None:
    # June: the tariff threat is in force and the model's own response deploys the Guard;
    # from July the deployment is Mexico's lever.
    june = historical_policy(month_index(2019, 6))
    assert "tariff_threat" in {a.kind for a in june.agreements}
    may = historical_policy(month_index(2019, 5)).value("MX", "border_agents")
    july = historical_policy(month_index(2019, 7))
    assert "tariff_threat" not in {a.kind for a in july.agreements}
    agents = july.value("MX", "border_agents")
    assert isinstance(may, float) and isinstance(agents, float)
    assert agents - may == 6_000


def test_remain_in_mexico_is_in_force_from_february_2019_only() -> None:
    def kinds(year: int, month: int) -> set[str]:
        return {a.kind for a in historical_policy(month_index(year, month)).agreements}

    assert "remain_in_mexico" not in kinds(2018, 12)
    assert "remain_in_mexico" in kinds(2019, 2)
    assert "visa_requirement" in kinds(2016, 6) and "visa_requirement" not in kinds(2017, 1)


def test_every_policy_in_the_window_is_valid_for_the_registry() -> None:
    for policy in historical_policies():
        for country, values in policy.levers.items():
            for lever, value in values.items():
                spec = LEVERS[lever]
                if spec.kind == "choice":
                    assert value in spec.choices
                else:
                    assert isinstance(value, int | float)
                    assert spec.low <= value <= spec.high, (country, lever, value)


def test_events_fall_inside_the_window_in_date_order() -> None:
    months = [e.month for e in historical_events()]
    assert months == sorted(months)
    assert all(HISTORY_START <= m <= HISTORY_END for m in months)
