"""Every literal passed to ``t(...)`` anywhere in the game is in the English catalogue."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from game.i18n import CATALOGUES, t
from game.paths import ROOT
from game.sim.registry import METRIC_LABELS


def literals_passed_to_t() -> dict[str, str]:
    """message → where it is used (``file:line``), for every ``t("...")`` in ``game/``."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "game").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value,
                                 f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_translated_literal_is_in_the_english_catalogue() -> None:
    catalogue = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    missing = {m: where for m, where in literals_passed_to_t().items() if m not in catalogue}
    assert missing == {}, "add these to assets/i18n/en.json: " + ", ".join(
        f"{where}: {m!r}" for m, where in sorted(missing.items(), key=lambda kv: kv[1]))


def test_labels_kept_in_the_screens_tables_are_in_the_catalogue() -> None:
    from game.sim.registry import (
        AGREEMENT_LABELS,
        CHOICE_LABELS,
        LEVER_LABELS,
        METRIC_SHORT_LABELS,
    )
    from game.ui.scenes import debrief, desk

    catalogue = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    labels = [*METRIC_LABELS.values(), *METRIC_SHORT_LABELS.values(),
              *CHOICE_LABELS.values(), *AGREEMENT_LABELS.values(), *LEVER_LABELS.values(),
              *(label for _, label in desk.TABS),
              *(label for _, label in debrief.TABS)]
    assert [label for label in labels if label not in catalogue] == []


def test_the_scan_finds_the_screens_strings() -> None:
    found = literals_passed_to_t()
    assert "End turn" in found and "Budget left this turn: {left} of {total}" in found
    assert Path(found["End turn"].split(":")[0]).parts[-2:] == ("desk", "scene.py")


def test_english_placeholders_are_filled() -> None:
    assert t("Version {v}", v="1.0") == "Version 1.0"
