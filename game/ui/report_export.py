"""The class report folder with its PNG charts (the CSV and HTML come from ``game.play``).

:func:`export_class_report` writes what :func:`game.play.class_export.write_report` writes —
CSV of everything, the printable one-page HTML summary, the session as a save — and one PNG
per class chart, drawn with the shared chart widget off-screen (no window needed).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import t
from game.paths import user_data_path
from game.play.class_export import write_report
from game.play.report import metric_label
from game.ui import theme
from game.ui.widgets import Chart, Series, draw_chart, render_png

if TYPE_CHECKING:
    from game.play.classroom import ClassDebrief
    from game.play.record import GameRecord

#: Size of each exported chart, pixels.
CHART_SIZE = (960, 540)


def class_charts(debrief: ClassDebrief) -> list[Chart]:
    """The class's charts: the shared score, every team's score, deaths, relations."""
    out: list[Chart] = []
    hum = next((s for s in debrief.scores if s.country is None), None)
    if hum is not None:
        out.append(Chart(t("Humanitarian score (shared by the region)"),
                         (Series(t("The class"), list(hum.values)),),
                         Series(t("Status quo"), list(hum.baseline)), include_zero=False))
    political = [s for s in debrief.scores if s.country is not None]
    if political:
        out.append(Chart(t("Political score of each team"), tuple(
            Series(debrief.team_name(s.country or ""), list(s.values)) for s in political),
            include_zero=False))
    if "deaths_in_transit" in debrief.history:
        out.append(Chart(metric_label("deaths_in_transit"),
                         (Series(t("The class"), list(debrief.history["deaths_in_transit"])),),
                         Series(t("Status quo"), list(debrief.baseline.get("deaths_in_transit",
                                                                            [])))))
    if debrief.relations:
        out.append(Chart(t("Relations between governments (−100 to 100)"), tuple(
            Series(metric_label(m), list(v)) for m, v in debrief.relations.items()),
            include_zero=False))
    standings = [s for s in debrief.standings]
    if standings:
        out.append(Chart(t("Each team's standing: approval or homicide rate"), tuple(
            Series(f"{debrief.team_name(s.country or '')}: {s.label}", list(s.values))
            for s in standings), include_zero=False))
    return out


def default_report_dir(debrief: ClassDebrief) -> Path:
    """``<user data>/exports/class-<level>-<date time>``."""
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M")
    return user_data_path() / "exports" / f"class-{debrief.level_id}-{stamp}"


def export_class_report(folder: str | Path, debrief: ClassDebrief,
                        record: GameRecord) -> list[Path]:
    """Write the whole report folder; returns every file written.

    Raises:
        OSError: the folder cannot be written.
    """
    files = list(write_report(folder, debrief, record).files)
    target = Path(folder).expanduser()
    size = (theme.px(CHART_SIZE[0]) // max(1, round(theme.scale())), CHART_SIZE[1])
    for i, chart in enumerate(class_charts(debrief), start=1):
        path = target / f"chart_{i:02d}_{_slug(chart.title)}.png"

        def paint(surface: pygame.Surface, rect: pygame.Rect, c: Chart = chart) -> None:
            draw_chart(surface, rect.inflate(-24, -24), c, debrief.months)

        files.append(render_png(path, size, paint))
    return files


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower()).strip("_")[:40]
