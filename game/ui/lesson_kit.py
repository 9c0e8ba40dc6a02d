"""The "Print the lesson kit" buttons' one action: write the kit and say where (issue 18).

The debrief and the classroom set-up both offer it; the kit goes to the export folder under
the user's data folder, beside the debrief's exports, as ``<level-id>-kit.html`` and ``.pdf``
(a second print of the same level replaces the first, atomically).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.i18n import t
from game.paths import user_data_path
from game.play.lessonkit import write_kit


def kit_folder() -> Path:
    """``<user data>/exports/lesson-kits``: where the buttons write the kit."""
    return user_data_path() / "exports" / "lesson-kits"


def print_kit(level: Any, teams: int | None = None, timer_minutes: float | None = None,
              folder: Path | None = None, label: str = "",
              timing: Any = None) -> tuple[str, bool, tuple[Path, ...]]:
    """Write the kit of ``level``; returns (message for the screen, whether bad, files)."""
    target = folder if folder is not None else kit_folder()
    try:
        files = write_kit(level, target, teams=teams, timer_minutes=timer_minutes, label=label,
                          timing=timing)
    except OSError as error:
        return t("Could not write the lesson kit to {folder}: {error}", folder=target,
                 error=error.strerror or error), True, ()
    except Exception as error:  # noqa: BLE001 - a kit that cannot be drawn must not end the game
        return t("The lesson kit could not be made: {error}", error=error), True, ()
    return t("Lesson kit written to {folder}: {html} and {pdf}", folder=target,
             html=files[0].name, pdf=files[1].name), False, files
