"""Draw docs/img/fit.png: the backtest, model vs CBP data, FY2012-FY2019 (no matplotlib needed).

Usage (from the project root)::

    .venv/bin/python tools/plot_fit.py [--out docs/img/fit.png]

Renders off-screen with pygame (SDL dummy video driver). Four panels: monthly southwest-border
apprehensions; apprehensions per fiscal year by nationality (Mexico, Guatemala, Honduras, El
Salvador); family-unit members and children travelling alone per fiscal year; deaths recorded per
fiscal year. Years whose outcomes are withheld (FY2017-FY2019) are shaded: there the
model runs on its inputs alone. Colours are Okabe-Ito (colour-blind safe).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.sim import backtest  # noqa: E402

WIDTH, HEIGHT = 1400, 1300
BG = (255, 255, 255)
INK = (30, 30, 30)
GRID = (225, 225, 225)
SHADE = (240, 240, 240)
DATA = (0, 0, 0)
MODEL = (0, 114, 178)  # Okabe-Ito blue
MODEL_NT = (213, 94, 0)  # vermillion
DATA_NT = (230, 159, 0)  # orange
#: One Okabe-Ito colour per nationality: Mexico, Guatemala, Honduras, El Salvador.
NATIONS = (("mexico", "Mexico", (0, 114, 178)), ("guatemala", "Guatemala", (0, 158, 115)),
           ("honduras", "Honduras", (213, 94, 0)), ("el_salvador", "El Salvador", (204, 121, 167)))


class Panel:
    """A plotting area with x over months since the start and y in data units."""

    def __init__(self, surface: pygame.Surface, rect: pygame.Rect, x_max: float, y_max: float,
                 font: pygame.font.Font) -> None:
        self.surface, self.rect, self.x_max, self.y_max, self.font = (
            surface, rect, x_max, y_max, font)

    def point(self, x: float, y: float) -> tuple[int, int]:
        """Screen position of a data point."""
        px = self.rect.left + x / self.x_max * self.rect.width
        py = self.rect.bottom - y / self.y_max * self.rect.height
        return int(px), int(py)

    def frame(self, title: str, y_step: float, y_label: str, withheld_from: float) -> None:
        """Axes, grid, the withheld-years shading, and labels."""
        left, _ = self.point(withheld_from, 0)
        pygame.draw.rect(self.surface, SHADE,
                         pygame.Rect(left, self.rect.top, self.rect.right - left,
                                     self.rect.height))
        y = 0.0
        while y <= self.y_max + 1e-9:
            _, py = self.point(0, y)
            pygame.draw.line(self.surface, GRID, (self.rect.left, py), (self.rect.right, py))
            text = self.font.render(y_label.format(y), True, INK)
            self.surface.blit(text, (self.rect.left - text.get_width() - 8,
                                     py - text.get_height() // 2))
            y += y_step
        pygame.draw.rect(self.surface, INK, self.rect, 1)
        for i, fy in enumerate(backtest.YEARS):
            px, _ = self.point(i * 12 + 6, 0)
            text = self.font.render(f"FY{fy}", True, INK)
            self.surface.blit(text, (px - text.get_width() // 2, self.rect.bottom + 6))
            bx, _ = self.point(i * 12, 0)
            pygame.draw.line(self.surface, GRID, (bx, self.rect.top), (bx, self.rect.bottom))
        head = self.font.render(title, True, INK)
        self.surface.blit(head, (self.rect.left, self.rect.top - head.get_height() - 6))
        note = self.font.render("shaded: outcomes withheld, model on inputs alone", True,
                                (110, 110, 110))
        self.surface.blit(note, (self.rect.right - note.get_width(),
                                 self.rect.top - note.get_height() - 6))

    def line(self, xs: Sequence[float], ys: Sequence[float], colour: tuple[int, int, int],
             width: int = 3, dashed: bool = False) -> None:
        """A polyline (dashed: every other segment)."""
        points = [self.point(x, y) for x, y in zip(xs, ys, strict=True)]
        if len(points) < 2:
            return
        if not dashed:
            pygame.draw.lines(self.surface, colour, False, points, width)
            return
        for i in range(0, len(points) - 1, 2):
            pygame.draw.line(self.surface, colour, points[i], points[i + 1], width)

    def dots(self, xs: Sequence[float], ys: Sequence[float], colour: tuple[int, int, int],
             radius: int = 6) -> None:
        """Markers."""
        for x, y in zip(xs, ys, strict=True):
            pygame.draw.circle(self.surface, colour, self.point(x, y), radius)


def legend(surface: pygame.Surface, font: pygame.font.Font, x: int, y: int,
           items: Sequence[tuple[str, tuple[int, int, int], bool]]) -> None:
    """Line samples with labels; the flag marks markers instead of lines."""
    for label, colour, marker in items:
        if marker:
            pygame.draw.circle(surface, colour, (x + 15, y + 9), 6)
        else:
            pygame.draw.line(surface, colour, (x, y + 9), (x + 30, y + 9), 3)
        text = font.render(label, True, INK)
        surface.blit(text, (x + 38, y))
        x += 38 + text.get_width() + 28


def render(run: backtest.ModelRun, out: Path) -> None:
    """Draw the three panels of the backtest to ``out`` (PNG)."""
    pygame.init()
    font = pygame.font.Font(None, 24)
    big = pygame.font.Font(None, 34)
    surface = pygame.Surface((WIDTH, HEIGHT))
    surface.fill(BG)
    title = big.render("Borderlines backtest: model vs CBP records, FY2012-FY2019", True, INK)
    surface.blit(title, (80, 18))
    months = len(backtest.YEARS) * 12
    withheld_from = (backtest.WITHHELD_YEARS[0] - backtest.YEARS[0]) * 12

    # Panel 1: monthly apprehensions.
    model_monthly = np.concatenate([run.monthly_total(fy)[0] for fy in backtest.YEARS])
    data_monthly = [backtest.observed_monthly(fy) for fy in backtest.YEARS]
    y_max = max(80_000.0, float(model_monthly.max()) * 1.1)
    p1 = Panel(surface, pygame.Rect(110, 90, 1250, 230), months, y_max, font)
    p1.frame("Southwest-border apprehensions per month", 20_000, "{:,.0f}", withheld_from)
    xs = [i + 0.5 for i in range(months)]
    p1.line(xs, model_monthly.tolist(), MODEL)
    data_x: list[float] = []
    data_y: list[float] = []
    for i, values in enumerate(data_monthly):
        if values is not None:
            data_x += [i * 12 + j + 0.5 for j in range(12)]
            data_y += values.tolist()
    p1.line(data_x, data_y, DATA, 2)
    legend(surface, font, 110, 352, [("model", MODEL, False), ("CBP data", DATA, False)])

    # Panel 2: annual apprehensions by nationality (lines: model; dots: data).
    centres = [i * 12 + 6 for i in range(len(backtest.YEARS))]
    model_years = [run.year(fy) for fy in backtest.YEARS]
    data_years = [backtest.observed_year(fy) for fy in backtest.YEARS]
    top = max(max(getattr(m, n) for m in model_years for n, _, _ in NATIONS), 280_000.0) * 1.1
    p2 = Panel(surface, pygame.Rect(110, 420, 1250, 220), months, top, font)
    p2.frame("Apprehensions per fiscal year by nationality", 50_000, "{:,.0f}", withheld_from)
    known = [(c, d) for c, d in zip(centres, data_years, strict=True) if d is not None]
    for name, _, colour in NATIONS:
        p2.line(centres, [getattr(m, name) for m in model_years], colour)
        p2.dots([c for c, _ in known], [getattr(d, name) for _, d in known], colour)
    legend(surface, font, 110, 672, [(label, colour, False) for _, label, colour in NATIONS]
           + [("dots: CBP data", DATA, True)])

    # Panel 3: families and children travelling alone per fiscal year.
    assert run.families is not None and run.children is not None
    fam = [float(run.families[0, run._slice(fy)].sum()) for fy in backtest.YEARS]
    kid = [float(run.children[0, run._slice(fy)].sum()) for fy in backtest.YEARS]
    fam_d = [(c, (backtest.observed_kind(fy, "family_unit_members") or {}).get("total"))
             for c, fy in zip(centres, backtest.YEARS, strict=True)]
    kid_d = [(c, (backtest.observed_kind(fy, "uac") or {}).get("total"))
             for c, fy in zip(centres, backtest.YEARS, strict=True)]
    top = max(max(fam), max(kid), 80_000.0) * 1.15
    p4 = Panel(surface, pygame.Rect(110, 740, 1250, 190), months, top, font)
    p4.frame("Family-unit members and children travelling alone per fiscal year", 20_000,
             "{:,.0f}", withheld_from)
    p4.line(centres, fam, MODEL)
    p4.line(centres, kid, MODEL_NT)
    p4.dots([c for c, v in fam_d if v], [v for _, v in fam_d if v], DATA)
    p4.dots([c for c, v in kid_d if v], [v for _, v in kid_d if v], DATA_NT)
    legend(surface, font, 110, 962, [("model: families", MODEL, False),
                                      ("model: children alone", MODEL_NT, False),
                                      ("data: families", DATA, True),
                                      ("data: children alone", DATA_NT, True)])

    # Panel 3: deaths recorded per fiscal year.
    deaths = [m.deaths for m in model_years]
    top = max(max(deaths), 500.0) * 1.15
    p3 = Panel(surface, pygame.Rect(110, 1040, 1250, 190), months, top, font)
    p3.frame("Deaths recorded by Border Patrol per fiscal year", 100, "{:,.0f}", withheld_from)
    p3.line(centres, deaths, MODEL)
    p3.dots([c for c, _ in known], [d.deaths for _, d in known], DATA)
    legend(surface, font, 110, 1262, [("model", MODEL, False), ("CBP data", DATA, True)])

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.png")
    pygame.image.save(surface, str(tmp))
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, out)
    pygame.quit()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the backtest and draw the chart."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "fit.png")
    args = parser.parse_args(argv)
    render(backtest.run_backtest(), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
