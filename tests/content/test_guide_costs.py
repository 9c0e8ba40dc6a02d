"""The guide's budgets, costs and delays say what the code does, country by country."""

from __future__ import annotations

import re

from game.content.guide import GUIDE_PATH
from game.content.guide_costs import budgets_section, status_quo_cost
from game.content.yamlsrc import parse_text
from game.play.decisions import policy_cost
from game.sim.registry import COUNTRIES, LEVERS, levers_for

GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
SECTION = budgets_section()


def table_of(country: str) -> list[list[str]]:
    """The rows of one country's lever table, as cells."""
    block = SECTION.split(f"(`{country}`)\n\n", 1)[1].split("\n\n", 1)[0]
    return [[c.strip() for c in line.strip("|").split("|")] for line in block.splitlines()[2:]]


def test_the_guide_says_budgets_are_per_turn_and_costs_per_year() -> None:
    assert SECTION in GUIDE
    assert "**Budgets are per turn; costs are per year.**" in SECTION
    # The worked example is the registry's price of a US agent, over a year and a turn.
    per_agent = LEVERS["border_agents"].cost_per_unit["US"]
    assert f"20,000 × US${per_agent * 1e6:,.0f} = US${20_000 * per_agent:,.0f} million a year" \
        in SECTION
    assert f"US${20_000 * per_agent / 4:,.0f} million in a turn of three months" in SECTION


def test_every_country_has_a_table_of_its_levers_with_cost_and_delay() -> None:
    for country in COUNTRIES:
        rows = table_of(country)
        assert [r[0] for r in rows] == [f"`{s.name}`" for s in levers_for(country)]
        for row, spec in zip(rows, levers_for(country), strict=True):
            assert row[1] == spec.unit and row[5] == str(spec.delay_months[country])
            if spec.kind == "number":
                assert row[4] == f"US${spec.cost_per_unit[country] * 1e6:,.0f}"
    agents = dict((r[0], r) for r in table_of("US"))["`border_agents`"]
    assert agents[2:] == ["0–60,000", "17,000", "US$160,000", "9"]


def test_the_default_budget_in_the_guide_is_the_one_a_level_gets() -> None:
    from game.content.check import check_document

    text = ("format: borderlines-level/1\nid: b\ntitle: B\nsummary: B.\nstart: 2019-06\n"
            "turns: 2\nmonths_per_turn: 3\ncountries:\n  US: {}\n  MX: {}\n")
    doc, _ = parse_text(text, "b.yaml")
    assert doc is not None
    level, _ = check_document(doc)
    for country in ("US", "MX"):
        said = re.search(rf"\(`{country}`\).*?a default budget of US\$([\d,.]+) million",
                         SECTION, flags=re.S)
        assert said is not None
        assert float(said.group(1).replace(",", "")) == level.budget_for(country)
        # The desk's cost of a turn at the status quo is the guide's yearly cost ÷ 4.
        turn = policy_cost(level.starting_policy(), country, 3)
        assert abs(turn - status_quo_cost(country) / 4) < 1e-6
