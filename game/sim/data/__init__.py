"""Calibration data shipped with the model: CSV copies of the reference data, sources in headers.

Every file starts with ``#`` comment lines naming its source and the status of its figures
(F read in a primary source, F* a secondary source quoting one, M from memory and only a rough
prior); ``SOURCES.md`` lists them all. The model reads these files from the installed package,
never from anywhere else.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

#: The folder holding the CSV files, next to this module.
DATA_DIR = Path(__file__).parent


class DataError(ValueError):
    """A shipped data file is missing or malformed (a packaging bug, not a user error)."""


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``DATA_DIR/name`` as dicts of strings, comment lines (``#``) skipped."""
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if not line.lstrip().startswith("#")]
    except OSError as exc:
        raise DataError(f"cannot read model data file {path}: {exc}") from exc
    rows = tuple(dict(row) for row in csv.DictReader(lines))
    if not rows:
        raise DataError(f"model data file {path} has no rows")
    return rows


def number(text: str | None) -> float | None:
    """A CSV cell as a float, or None when empty."""
    if text is None or not text.strip():
        return None
    return float(text)


def fiscal_year(label: str) -> int:
    """``"FY2016"`` or ``"2016"`` → 2016."""
    return int(label.strip().removeprefix("FY"))
