"""The level guide's budgets, costs and delays, generated from the registry (issue #18).

A level author sets a country's ``budget`` per turn, while the registry prices levers per year:
this section says so once, shows the arithmetic on a real lever, and gives each country's
levers with their unit, range, status-quo value, cost and delay. Every number is read from
``game/sim/registry.py`` and the model's parameters, so the guide cannot drift from the code.
"""

from __future__ import annotations

from game.sim.params import default_params
from game.sim.registry import COUNTRIES, COUNTRY_NAMES, LEVERS, LeverSpec, levers_for
from game.sim.world import OFFICER_TRAINING_MONTHS


def _num(value: float) -> str:
    """12,345 or 12,345.7: whole numbers without decimals, others with one."""
    value = round(float(value), 1)
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _dollars(musd: float) -> str:
    """US$ million as a reader says it: US$160,000 · US$4.5 million."""
    if musd >= 1:
        return f"US${_num(musd)} million"
    return f"US${round(musd * 1e6):,}"


def _cost(spec: LeverSpec, country: str) -> str:
    """What one unit of a lever costs a year: an amount, "its amount", or nothing."""
    if spec.kind == "choice":
        return "none on the desk"
    if spec.kind == "money":
        return "its amount"
    return _dollars(spec.cost_per_unit.get(country, 0.0))


def status_quo_cost(country: str) -> float:
    """US$ million a year the country's levers cost at the registry's status quo."""
    total = 0.0
    for spec in levers_for(country):
        value = spec.default.get(country)
        if spec.kind != "choice" and isinstance(value, int | float):
            total += float(value) * spec.cost_per_unit.get(country, 0.0)
    return total


def country_table(country: str) -> str:
    """One country's levers: unit, range or choices, status quo, cost a year, delay."""
    rows = ["| lever | unit | range or choices | status quo | cost per unit per year | "
            "months to take effect |", "|---|---|---|---|---|---|"]
    for spec in levers_for(country):
        span = ", ".join(f"`{c}`" for c in spec.choices) if spec.kind == "choice" else \
            f"{_num(spec.low)}–{_num(spec.high)}"
        default = spec.default.get(country, "")
        shown = f"`{default}`" if isinstance(default, str) else _num(default)
        rows.append(f"| `{spec.name}` | {spec.unit} | {span} | {shown} | "
                    f"{_cost(spec, country)} | {spec.delay_months.get(country, 0)} |")
    return "\n".join(rows)


def budgets_section() -> str:
    """Budgets per turn against costs per year, delays, and a table per country."""
    params = default_params()
    agents = LEVERS["border_agents"]
    per_agent = agents.cost_per_unit["US"]
    example = 20_000 * per_agent
    reference = {c: float(getattr(params, f"spending_reference_{c.lower()}"))
                 for c in ("US", "MX", "CA")}
    detention = {c: float(getattr(params, name)) for c, name in (
        ("US", "detention_cost_musd_per_year"), ("MX", "detention_cost_mx_musd_per_year"))}
    parts = [
        "### Budgets, costs and delays",
        "**Budgets are per turn; costs are per year.** A country's `budget` is in US$ million "
        "*per turn*. Each lever costs its value times its cost per unit *every year*; the desk "
        "counts a turn's share of that (× `months_per_turn` ÷ 12), and of any joint-corps "
        "contribution (also per year), against the budget. For example, 20,000 US border "
        f"agents cost 20,000 × {_dollars(per_agent)} = {_dollars(example)} a year: "
        f"{_dollars(example * 3 / 12)} in a turn of three months, {_dollars(example / 12)} "
        "in a turn of one month. Left out, the budget is what the country's starting levers "
        "cost over one turn, plus 10%.\n\n"
        "A player cannot raise spending above the budget (cutting is always allowed), and AI "
        "leaders keep to it too; a strategy run by `borderlines simulate` may go over it, "
        "with a warning. Spending above the budget lowers that government's political score; "
        "and, whatever the budget, voters turn against spending of more than about "
        f"{_dollars(reference['US'])} a year in the United States, "
        f"{_dollars(reference['MX'])} in Mexico and {_dollars(reference['CA'])} in Canada. "
        "Detention and removal are choices and cost nothing on the desk; the model adds "
        "the cost of the people held (" + _dollars(detention["US"])
        + " a bed-year in the United States, " + _dollars(detention["MX"])
        + " in Mexico) to the spending it reports.\n\n"
        "**Delays.** A change is paid for from the month it is made, but its effect builds up: "
        "after the lever's delay about 60% of it is felt, after twice the delay about 90% "
        "(two first-order stages; docs/model.md, section 0). Cuts fade the same way. New "
        f"asylum officers also decide no case in their first {OFFICER_TRAINING_MONTHS} months "
        "(training).",
    ]
    for country in COUNTRIES:
        total = status_quo_cost(country)
        parts.append(f"#### {COUNTRY_NAMES[country][:1].upper()}{COUNTRY_NAMES[country][1:]} "
                     f"(`{country}`)\n\n{country_table(country)}\n\nAt the status quo these "
                     f"levers cost about {_dollars(total)} a year: a default budget of "
                     f"{_dollars(total * 3 / 12 * 1.1)} a turn of three months.")
    return "\n\n".join(parts)
