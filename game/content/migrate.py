"""Format versions: which ``format:`` lines exist, and how older files become current ones.

Loading, migrating and checking are separate steps (STYLE.md): the reader gives a
:class:`~game.content.yamlsrc.Document`, :func:`migrate` rewrites an older document in place —
moving each value's recorded position with it, so later problems still point at the line the
author wrote — and reports a warning saying so; the checker then validates the current format.

``borderlines-level/0`` is the format of the 2025 prototype: ``name`` for the id,
``description`` for the summary, ``start_date`` as a full date, ``length`` and ``turn_months``,
``random_seed``, a ``players`` list and an ``ai`` mapping instead of ``countries``, levers under
``policy:``, event dates under ``date:`` and ``goals`` for objectives.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from game.content.problems import Problem
from game.content.yamlsrc import Document

#: The current version of each kind of file.
CURRENT: dict[str, int] = {"level": 1, "campaign": 1, "strategy": 1}

_FORMAT = re.compile(r"^borderlines-(level|campaign|strategy)/(\d+)$")


def parse_format(value: object) -> tuple[str, int] | None:
    """``("level", 1)`` for ``borderlines-level/1``; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _FORMAT.match(value.strip())
    return (match.group(1), int(match.group(2))) if match else None


def format_name(kind: str, version: int | None = None) -> str:
    """``borderlines-level/1``."""
    return f"borderlines-{kind}/{CURRENT[kind] if version is None else version}"


def _level_0_to_1(doc: Document) -> None:
    data = doc.data
    for old, new in (("name", "id"), ("description", "summary"), ("start_date", "start"),
                     ("length", "turns"), ("turn_months", "months_per_turn"),
                     ("random_seed", "seed"), ("goals", "objectives")):
        if old in data and new not in data:
            doc.move((old,), (new,))
    if isinstance(data.get("start"), str):
        data["start"] = data["start"][:7]  # 2019-06-01 → 2019-06
    countries: dict[str, dict[str, object]] = {}
    data_countries = data.get("countries") if isinstance(data.get("countries"), dict) else None
    if data_countries is None:
        players = data.pop("players", None)
        for code in players if isinstance(players, list) else []:
            if isinstance(code, str):
                countries.setdefault(code, {})
        ai = data.pop("ai", None)
        for code, personality in (ai.items() if isinstance(ai, dict) else ()):
            countries.setdefault(code, {}).update(playable=False, ai=personality)
        data["countries"] = countries
        for code in countries:
            doc.values.setdefault(("countries", code), doc.where(("players",)))
    policy = data.get("policy")
    if isinstance(policy, dict):
        for code in list(policy):
            if isinstance(data["countries"], dict):
                data["countries"].setdefault(code, {})
            doc.move(("policy", code), ("countries", code, "levers"))
        data.pop("policy", None)
    for i, event in enumerate(data.get("events") or []):
        if isinstance(event, dict) and "date" in event and "at" not in event:
            doc.move(("events", i, "date"), ("events", i, "at"))
            if isinstance(event.get("at"), str):
                event["at"] = event["at"][:7]
    data["format"] = format_name("level")


#: (kind, from version) → the function that upgrades a document by one version.
MIGRATIONS: dict[tuple[str, int], Callable[[Document], None]] = {
    ("level", 0): _level_0_to_1,
}


def migrate(doc: Document, kind: str, version: int) -> list[Problem]:
    """Upgrade ``doc`` in place from ``version`` to the current one; a warning if it did."""
    start = version
    while version < CURRENT[kind]:
        step = MIGRATIONS.get((kind, version))
        if step is None:
            return [doc.problem(("format",), f"`{format_name(kind, start)}` can no longer be "
                                "read", f"rewrite the file as `{format_name(kind)}`",
                                "format-unknown")]
        step(doc)
        version += 1
    if start == CURRENT[kind]:
        return []
    return [doc.problem(("format",), f"migrated from `{format_name(kind, start)}` to "
                        f"`{format_name(kind)}`",
                        "run `borderlines check --upgrade FILE` to rewrite the file in the "
                        "current format", "format-migrated", severity="warning")]
