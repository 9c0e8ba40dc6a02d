"""Content: YAML level, campaign and strategy files → validated objects (DESIGN.md §4).

Public API (everything else is internal)::

    from game.content import (
        load_level, load_strategy, load_campaign, ContentError,
        check_paths, check_file, format_problem, Problem, summary,
        shipped_levels, scan_levels, LevelEntry, json_schemas,
        Level, Strategy, Campaign, text_in,
    )

- ``load_level(path) -> Level`` — read, migrate an older format, validate and cross-check a
  ``borderlines-level`` file. Raises :class:`ContentError`, whose ``problems`` lists *every*
  problem (errors and warnings), each a :class:`Problem`. ``load_strategy(path) -> Strategy``
  and ``load_campaign(path) -> Campaign`` do the same for the other formats.
- ``Level.to_scenario() -> game.sim.policy.Scenario`` — start month, seed, starting
  :class:`~game.sim.policy.Policy` (levers and agreements), world overrides and the dated and
  turn events as :class:`~game.sim.policy.ScheduledEvent` at absolute months. Conditional events
  (``Level.conditional_events()``, each with ``when.holds(value)``) are for the play layer to
  check at the end of every turn. Other helpers: ``turn_start(turn)``, ``playable_countries()``,
  ``ai_personality(code)``, ``budget_for(code)``, ``all_objectives()``;
  ``Objective.evaluate(values, baseline=None, start=None) -> ObjectiveResult``.
- ``Strategy.decisions_for(turn, country=None)`` and ``Strategy.apply(policy, turn,
  country=None) -> Policy`` — scripted decisions for ``simulate``.
- ``Campaign.is_unlocked(index, stars_by_level_id)`` and ``Campaign.unlock_rule(index)``.
- ``check_paths(paths) -> list[Problem]`` — files or folders (recursing into ``*.yaml`` and
  ``*.yml``), every problem sorted by file and line; ``check_file(path, expect=None)`` returns
  ``(object or None, problems)`` for one file.
- ``format_problem(problem) -> str`` — ``path:line:column: error|warning: message`` and an
  indented ``hint:`` line; ``summary(problems, files)`` — the one-line total.
- ``shipped_levels() -> list[LevelEntry]`` — the levels under ``levels/`` (``scan_levels(folder)``
  for any folder, e.g. the user's own); an entry carries ``level`` (None if it failed) and its
  ``problems`` so the picker can show why a file does not load.
- ``json_schemas() -> dict[str, dict]`` — one JSON Schema per format name.
- ``text_in(text, language)`` — a translatable text in one language (English as fallback).

Problem codes are listed in :data:`game.content.problems.PROBLEM_KINDS`.
"""

from __future__ import annotations

from game.content.catalog import LevelEntry, scan_levels, shipped_levels
from game.content.check import check_file, check_paths
from game.content.loader import load_campaign, load_level, load_strategy, load_with_warnings
from game.content.models.campaign import Campaign
from game.content.models.common import text_in
from game.content.models.level import Level
from game.content.models.objectives import Objective, ObjectiveResult
from game.content.models.strategy import Strategy
from game.content.problems import (
    PROBLEM_KINDS,
    ContentError,
    Problem,
    format_problem,
    summary,
)
from game.content.schema import json_schemas

__all__ = [
    "PROBLEM_KINDS",
    "Campaign",
    "ContentError",
    "Level",
    "LevelEntry",
    "Objective",
    "ObjectiveResult",
    "Problem",
    "Strategy",
    "check_file",
    "check_paths",
    "format_problem",
    "json_schemas",
    "load_campaign",
    "load_level",
    "load_strategy",
    "load_with_warnings",
    "scan_levels",
    "shipped_levels",
    "summary",
    "text_in",
]
