"""Writing the kit: ``<level-id>-kit.html`` and ``<level-id>-kit.pdf``, each atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.play.atomic import write_atomic, write_text_atomic
from game.play.lessonkit.content import build_kit
from game.play.lessonkit.document import kit_sections
from game.play.lessonkit.html import render_html
from game.play.lessonkit.pdf import PAPERS, render_pdf

if TYPE_CHECKING:
    from game.content import Level
    from game.play.lesson_timing import LessonTiming

__all__ = ["PAPERS", "kit_paths", "write_kit"]


def kit_paths(level_id: str, folder: str | Path) -> tuple[Path, Path]:
    """Where the kit of ``level_id`` goes in ``folder``: (HTML, PDF)."""
    base = Path(folder)
    return base / f"{level_id}-kit.html", base / f"{level_id}-kit.pdf"


def write_kit(level: Level, folder: str | Path, paper: str = "letter",
              teams: int | None = None, timer_minutes: float | None = None,
              label: str = "", timing: LessonTiming | None = None) -> tuple[Path, Path]:
    """Write the kit of ``level`` into ``folder`` (created if missing); returns both paths.

    Raises OSError when the folder cannot be created or written; both files are rendered
    before either is written, so a failure never leaves one new file beside an old one.
    """
    kit = build_kit(level, teams, timer_minutes, label, timing)
    sections = kit_sections(kit)
    html = render_html(kit, sections)
    pdf = render_pdf(kit, paper, sections)
    html_path, pdf_path = kit_paths(level.id, folder)
    write_text_atomic(html_path, html)
    write_atomic(pdf_path, pdf)
    return html_path, pdf_path
