"""The baseline inputs: the shipped data at data years, monotone in between, finite everywhere."""

from __future__ import annotations

import math

import numpy as np
import pytest

from game.sim.baseline import FIELDS, SECTORS, BaselineInputs, baseline_inputs
from game.sim.data import read_table
from game.sim.policy import month_index
from game.sim.registry import ORIGINS


def test_homicide_rates_match_the_data_in_the_middle_of_each_year() -> None:
    # 2015: El Salvador 103.5, Honduras 58.5, Guatemala 32, Mexico 17 (homicide.csv).
    # The annual figure sits between June and July; the mean of the two is the figure, give or
    # take the half-month slopes on either side of a peak.
    june, july = baseline_inputs(month_index(2015, 6)), baseline_inputs(month_index(2015, 7))
    mid = {o: (june.homicide_rate[o] + july.homicide_rate[o]) / 2 for o in ORIGINS}
    assert mid["SV"] == pytest.approx(103.5, rel=0.02)
    assert mid["HN"] == pytest.approx(58.5, rel=0.02)
    assert mid["GT"] == pytest.approx(32.0, rel=0.02)
    assert mid["MX"] == pytest.approx(17.0, rel=0.02)


def test_border_agents_match_cbp_staffing_at_the_end_of_each_fiscal_year() -> None:
    for row in read_table("bp_agents.csv"):
        fy = int(row["fiscal_year"][2:])
        inputs = baseline_inputs(month_index(fy, 9))
        assert inputs.us_border_agents == float(row["southwest_total"])
        assert inputs.us_border_agents_by_sector["rio_grande_valley"] == float(
            row["rio_grande_valley"]
        )


def test_sector_agents_add_up_to_the_southwest_total_within_cbp_rounding() -> None:
    # CBP's southwest total also counts a few agents outside the nine sectors (FY2014: 129).
    inputs = baseline_inputs(month_index(2014, 9))
    assert sum(inputs.us_border_agents_by_sector[s] for s in SECTORS) == pytest.approx(
        inputs.us_border_agents, rel=0.01
    )


def test_income_rises_monotonically_between_data_years() -> None:
    months = range(month_index(2010, 7), month_index(2015, 7) + 1)
    gdp = [baseline_inputs(m).gdp_per_head_usd["GT"] for m in months]
    assert gdp[0] == pytest.approx(2805, abs=15)
    assert gdp[-1] == pytest.approx(3894, abs=15)
    assert all(b >= a for a, b in zip(gdp, gdp[1:], strict=False))


def test_agents_fall_monotonically_from_fy2013_to_fy2016() -> None:
    months = range(month_index(2013, 9), month_index(2016, 9) + 1)
    agents = [baseline_inputs(m).us_border_agents for m in months]
    assert agents[0] == 18610 and agents[-1] == 17026
    assert all(b <= a for a, b in zip(agents, agents[1:], strict=False))


def test_work_visas_follow_the_h2a_boom_of_the_2010s() -> None:
    fy2012 = baseline_inputs(month_index(2012, 3))
    fy2019 = baseline_inputs(month_index(2019, 3))
    assert fy2012.h2a_visas == pytest.approx(65345, rel=0.02)
    assert fy2019.us_work_visas > 2 * fy2012.us_work_visas * 0.9


def test_labour_demand_is_one_in_2016_and_lower_in_the_great_recession() -> None:
    assert baseline_inputs(month_index(2016, 7)).us_labor_demand == pytest.approx(1.0, abs=0.01)
    assert baseline_inputs(month_index(2010, 7)).us_labor_demand < 0.8


@pytest.mark.parametrize("year", [1950, 1994, 2011, 2019, 2030, 2100])
def test_every_field_is_finite_and_positive_in_any_month(year: int) -> None:
    inputs = baseline_inputs(month_index(year, 1))
    for name in FIELDS:
        value = getattr(inputs, name)
        values = list(value.values()) if hasattr(value, "values") else [value]
        assert all(math.isfinite(v) and v >= 0 for v in values), name


def test_values_are_held_flat_outside_the_data_years() -> None:
    assert baseline_inputs(month_index(2040, 1)) == BaselineInputs(
        **{**baseline_inputs(month_index(2050, 6)).__dict__, "month": month_index(2040, 1)}
    )


def test_every_field_is_documented_with_unit_and_source() -> None:
    documented = set(FIELDS)
    declared = set(BaselineInputs.__dataclass_fields__) - {"month"}
    assert documented == declared
    assert all(info.unit and info.source and info.status for info in FIELDS.values())


def test_per_origin_fields_come_as_arrays_in_registry_order() -> None:
    inputs = baseline_inputs(month_index(2014, 6))
    array = inputs.by_origin("homicide_rate")
    assert array.shape == (len(ORIGINS),)
    assert array[ORIGINS.index("HN")] == inputs.homicide_rate["HN"]
    assert np.all(inputs.by_origin("diaspora_us") > inputs.by_origin("unauthorized_us"))
