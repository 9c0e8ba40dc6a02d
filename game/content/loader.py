"""Load one content file as a validated object, or raise :class:`ContentError` with every reason.

The loaders are thin: they read, migrate and check (``game.content.check``) and give back the
model object. Warnings (a migrated format, a missing translation) do not stop loading; they are
kept on the returned object's ``warnings`` via :func:`load_with_warnings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.check import check_file
from game.content.models.campaign import Campaign
from game.content.models.level import Level
from game.content.models.strategy import Strategy
from game.content.problems import ContentError, Problem


def load_with_warnings(path: str | Path, expect: str) -> tuple[Any, list[Problem]]:
    """(object, warnings) for a file of kind ``expect``; raises ContentError on any error."""
    obj, problems = check_file(path, expect=expect)
    if obj is None:
        raise ContentError(problems)
    return obj, problems


def load_level(path: str | Path) -> Level:
    """A validated level from a ``borderlines-level`` file (older formats migrated)."""
    level: Level = load_with_warnings(path, "level")[0]
    return level


def load_strategy(path: str | Path) -> Strategy:
    """A validated strategy from a ``borderlines-strategy`` file."""
    strategy: Strategy = load_with_warnings(path, "strategy")[0]
    return strategy


def load_campaign(path: str | Path) -> Campaign:
    """A validated campaign from a ``borderlines-campaign`` file."""
    campaign: Campaign = load_with_warnings(path, "campaign")[0]
    return campaign
