"""Helpers for the play tests: shipped levels and strategies, loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.paths import LEVELS

CAMPAIGN = LEVELS / "campaign"
CLASSROOM = LEVELS / "classroom"
STRATEGIES = CAMPAIGN / "strategies"
SHIPPED_LEVELS = ("tutorial", "the-45-days", "regional-approach", "june-2019-crisis",
                  "regional-compact")


def level_path(level_id: str) -> Path:
    for folder in (CAMPAIGN, CLASSROOM):
        path = folder / f"{level_id}.yaml"
        if path.exists():
            return path
    raise FileNotFoundError(level_id)


@cache
def level(level_id: str):
    from game.content.loader import load_level

    return load_level(level_path(level_id))


@cache
def strategy(name: str):
    from game.content.loader import load_strategy

    return load_strategy(STRATEGIES / f"{name}.yaml")
