"""Checks across a level's ``tutorial:`` block and the rest of the level (STYLE.md 7).

The models check each step alone (a ``change_lever`` step names a lever); these checks need the
level around it: the lever belongs to a country a person plays, a hint's turn is inside the
level, one hint per turn. They read the raw data defensively, like the checker's other
cross-field checks, so they run even when some fields are malformed.
"""

from __future__ import annotations

from typing import Any

from game.content.names import join_and
from game.content.problems import Problem
from game.content.yamlsrc import Document, YamlPath
from game.sim.registry import LEVERS


def tutorial_checks(doc: Document, playable: list[str], turns: int | None) -> list[Problem]:
    """Problems of the level's tutorial that only the whole level shows."""
    tutorial = doc.data.get("tutorial")
    if not isinstance(tutorial, dict):
        return []
    out: list[Problem] = []
    for section in ("steps", "hints"):
        items = tutorial.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            lever = item.get("lever")
            if isinstance(lever, str) and lever in LEVERS and playable and not any(
                    c in LEVERS[lever].countries for c in playable):
                out.append(doc.problem(
                    ("tutorial", section, i, "lever"),
                    f"no player of this level has the lever `{lever}`",
                    "point at a lever of " + join_and(playable), "tutorial-step"))
    seen: dict[int, int] = {}
    hints = tutorial.get("hints")
    for i, hint in enumerate(hints if isinstance(hints, list) else []):
        turn = hint.get("turn") if isinstance(hint, dict) else None
        if not isinstance(turn, int) or isinstance(turn, bool):
            continue
        if turns is not None and turn > turns:
            out.append(doc.problem(("tutorial", "hints", i, "turn"),
                                   f"turn {turn} is after the level's last turn ({turns})",
                                   f"use a turn from 2 to {turns}", "turn-outside-level"))
        if turn in seen:
            out.append(doc.problem(("tutorial", "hints", i, "turn"),
                                   f"a second hint for turn {turn}",
                                   "the desk shows one hint per turn: merge the two",
                                   "tutorial-step"))
        seen.setdefault(turn, i)
    return out


def tutorial_text_paths(data: dict[str, Any]) -> list[YamlPath]:
    """The tutorial's texts, for the checker's translation warnings."""
    tutorial = data.get("tutorial")
    if not isinstance(tutorial, dict):
        return []
    out: list[YamlPath] = []
    for section in ("steps", "hints"):
        items = tutorial.get(section)
        out += [("tutorial", section, i, "text")
                for i, item in enumerate(items if isinstance(items, list) else [])
                if isinstance(item, dict) and "text" in item]
    return out
