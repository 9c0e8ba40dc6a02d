"""Every lever of the registry moves an outcome, in the direction docs/model.md states.

The table "Every lever's first effect" in docs/model.md lists, for each lever and country, a
change (from → to), the outcome it moves and the direction. This test reads that table and runs
every row as a pair of worlds in one batch with shared noise, so a lever that silently does
nothing — or teaches the wrong sign — fails here, and the documentation cannot drift.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from _worlds import run

from game.sim.policy import Policy
from game.sim.registry import LEVERS

MODEL_MD = Path(__file__).resolve().parents[2] / "docs" / "model.md"
#: The smallest relative change that counts as "moves" over the measured months.
MOVES = 0.002


def documented_effects() -> list[tuple[str, str, str, str, str, int]]:
    """Rows of the table: (lever, country, from, to, metric, sign)."""
    text = MODEL_MD.read_text(encoding="utf-8")
    section = text.split("### Every lever's first effect", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("lever", "---") or set(cells[0]) <= {"-"}:
            continue
        lever, country, change, metric, direction = cells
        start, end = (part.strip().strip("`") for part in re.split("→", change))
        rows.append((lever, country, start, end, metric, 1 if direction == "up" else -1))
    return rows


def _value(lever: str, text: str) -> str | float:
    return text if LEVERS[lever].kind == "choice" else float(text.replace(",", ""))


def test_the_table_covers_every_lever_of_every_country() -> None:
    covered = {(lever, country) for lever, country, *_ in documented_effects()}
    wanted = {(name, c) for name, spec in LEVERS.items() for c in spec.countries}
    assert wanted - covered == set()


def test_every_lever_moves_its_outcome_in_the_documented_direction() -> None:
    rows = documented_effects()
    base = Policy()
    policies = []
    for lever, country, start, end, _, _ in rows:
        policies += [base.with_lever(country, lever, _value(lever, start)),
                     base.with_lever(country, lever, _value(lever, end))]
    out = run(policies, 36)
    wrong = []
    for i, (lever, country, start, end, metric, sign) in enumerate(rows):
        series = out.monthly[metric][12:36]
        before, after = series[:, 2 * i].sum(), series[:, 2 * i + 1].sum()
        change = after / before - 1 if before > 0 else (np.inf if after > 0 else 0.0)
        if not change * sign >= MOVES:
            wrong.append(f"{lever} {country} {start}→{end}: {metric} {change:+.2%}")
    assert wrong == []
