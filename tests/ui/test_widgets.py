"""Charts, gauges and sparklines draw inside their rects, say the right numbers, export PNGs."""

from __future__ import annotations

import math
from pathlib import Path

import pygame
import pytest

from game.ui import theme
from game.ui.widgets import (
    CAUSE_COLOURS,
    Band,
    Contribution,
    Series,
    draw_contributions,
    draw_gauge,
    draw_line_chart,
    draw_sparkline,
    human_number,
    nice_ticks,
    render_png,
    save_png,
    signed_number,
)

MAGENTA = (255, 0, 255)


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    theme.reset_fonts()
    yield
    pygame.quit()
    theme.reset_fonts()


def close(colour, expected, tol: int = 8) -> bool:
    return all(abs(colour[i] - expected[i]) <= tol for i in range(3))


def canvas(size=(900, 500)) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(MAGENTA)
    return surface


def untouched_outside(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    w, h = surface.get_size()
    for x in range(0, w, 3):
        for y in range(0, h, 3):
            if not rect.collidepoint(x, y) and surface.get_at((x, y))[:3] != MAGENTA:
                return False
    return True


# --- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (0, "0"), (950, "950"), (12_345, "12k"), (1_234_567, "1.2M"), (-3_400, "\u22123.4k"),
    (2.5e9, "2.5B"), (0.25, "0.25"),
])
def test_numbers_are_short_and_readable(value, text) -> None:
    assert human_number(value) == text


def test_gains_carry_a_plus_sign() -> None:
    assert signed_number(1_200) == "+1.2k"
    assert signed_number(-340) == "\u2212340"


def test_ticks_are_round_and_cover_the_range() -> None:
    ticks = nice_ticks(0, 13_700)
    assert ticks[0] <= 0 and ticks[-1] >= 13_700
    assert all(t % 5000 == 0 for t in ticks)
    assert 3 <= len(ticks) <= 8


# --- line chart ------------------------------------------------------------------------------

def test_line_chart_draws_inside_its_rect_with_a_band_and_a_baseline() -> None:
    surface = canvas()
    rect = pygame.Rect(50, 40, 600, 320)
    values = [10_000, 12_000, 9_000, math.nan, 15_000, 16_000]
    layout = draw_line_chart(
        surface, rect, [Series("Observed", values), Series("True", [v * 0.8 for v in values])],
        bands=[Band("Forecast 10–90%", [math.nan] * 4 + [12_000, 11_000],
                    [math.nan] * 4 + [18_000, 22_000])],
        baseline=Series("Status quo", [11_000] * 6),
        x_labels=["T1", "T2", "T3", "T4", "T5", "T6"], title="Encounters",
    )
    assert untouched_outside(surface, rect)
    assert rect.contains(layout.plot)
    assert layout.low == 0 and layout.high >= 22_000
    # Inside the band, away from lines, the panel is tinted by the band colour.
    x = layout.plot.right - 3
    y = round((layout.y_of(20_500) + layout.y_of(16_000)) / 2)
    assert surface.get_at((x, y))[:3] != theme.PANEL


def test_the_first_series_line_passes_through_its_point() -> None:
    surface = canvas()
    rect = pygame.Rect(0, 0, 600, 300)
    colour = theme.OKABE_ITO["orange"]
    layout = draw_line_chart(surface, rect, [Series("A", [5.0, 5.0, 5.0], colour)], legend=False)
    y = round(layout.y_of(5.0))
    mid = layout.plot.centerx
    found = {tuple(surface.get_at((mid, yy))[:3]) for yy in range(y - 2, y + 3)}
    assert colour in found


def test_an_empty_chart_still_draws_axes_without_error() -> None:
    surface = canvas()
    rect = pygame.Rect(10, 10, 300, 200)
    draw_line_chart(surface, rect, [], title="Nothing yet")
    assert untouched_outside(surface, rect)


# --- contributions ---------------------------------------------------------------------------

def test_causes_add_up_to_the_total_with_rises_right_and_falls_left() -> None:
    surface = canvas()
    rect = pygame.Rect(20, 20, 700, 300)
    causes = [Contribution("Mexico's Guard", -20_000, "partner"),
              Contribution("Season", -5_000, "season"),
              Contribution("Caravan", 4_000, "event")]
    layout = draw_contributions(surface, rect, causes, total=-21_000, better=-1)
    assert untouched_outside(surface, rect)
    assert len(layout.rows) == 4  # three causes and the total: nothing unexplained
    zero = layout.x_of_value(0)
    first, _, third, total = layout.rows
    assert first.right == pytest.approx(zero, abs=2)  # a fall: ends at zero, extends left
    assert third.left == pytest.approx(layout.x_of_value(-25_000), abs=2)  # a rise from -25k
    assert total.left == pytest.approx(layout.x_of_value(-21_000), abs=2)
    assert total.width == pytest.approx(first.width * 21 / 20, abs=3)
    # Colour by kind of cause; the total is "good" because a fall is better here.
    assert surface.get_at(first.center)[:3] == CAUSE_COLOURS["partner"]
    assert surface.get_at(total.center)[:3] == theme.GOOD


def test_an_unexplained_remainder_gets_its_own_row() -> None:
    surface = canvas()
    layout = draw_contributions(surface, pygame.Rect(0, 0, 600, 300),
                                [Contribution("You", 100, "you")], total=160)
    assert len(layout.rows) == 3


# --- gauges and sparklines -------------------------------------------------------------------

def test_gauge_fills_in_the_good_colour_when_high_and_stays_in_its_rect() -> None:
    surface = canvas((300, 200))
    rect = pygame.Rect(40, 30, 180, 130)
    ring = draw_gauge(surface, rect, 90, label="Approval", baseline=50)
    assert untouched_outside(surface, rect)
    # The left end of the ring (the scale's start) is filled.
    r = ring.width / 2
    point = (round(ring.centerx - r * 0.88), ring.bottom - 3)
    assert close(surface.get_at(point), theme.GOOD)


def test_relations_below_zero_fill_leftwards_in_the_bad_colour() -> None:
    surface = canvas((300, 200))
    ring = draw_gauge(surface, pygame.Rect(40, 30, 180, 130), -60, low=-100, high=100)
    r = ring.width / 2 * 0.88
    left_up = (round(ring.centerx - r * math.cos(math.radians(60))),
               round(ring.bottom - r * math.sin(math.radians(60))))
    right_up = (round(ring.centerx + r * math.cos(math.radians(60))),
                round(ring.bottom - r * math.sin(math.radians(60))))
    assert close(surface.get_at(left_up), theme.BAD)
    assert not close(surface.get_at(right_up), theme.BAD)


def test_sparkline_stays_in_its_rect() -> None:
    surface = canvas((300, 100))
    rect = pygame.Rect(10, 10, 200, 40)
    draw_sparkline(surface, rect, [1, 3, 2, math.nan, 5], band=([0, 1, 1, 2, 3], [2, 4, 4, 5, 6]),
                   baseline=[2] * 5, value_format=human_number)
    assert untouched_outside(surface, rect)


# --- export ----------------------------------------------------------------------------------

def test_charts_export_as_png_without_leaving_temporary_files(tmp_path: Path) -> None:
    path = render_png(tmp_path / "charts" / "encounters.png", (400, 240),
                      lambda s, r: draw_line_chart(s, r, [Series("A", [1, 2, 3])]))
    assert path.exists()
    assert pygame.image.load(str(path)).get_size() == (400, 240)
    assert [p.name for p in path.parent.iterdir()] == ["encounters.png"]


def test_save_png_adds_the_extension(tmp_path: Path) -> None:
    path = save_png(pygame.Surface((10, 10)), tmp_path / "chart")
    assert path.suffix == ".png" and path.exists()


def test_tick_labels_stay_distinct_on_a_narrow_range() -> None:
    from game.ui.widgets.charts import tick_labels

    labels = tick_labels(nice_ticks(49.6, 50.3, 4))
    assert len(set(labels)) == len(labels)
    assert tick_labels([0, 20_000, 40_000]) == ["0", "20k", "40k"]


def test_tiny_numbers_read_as_zero_and_never_with_more_than_two_decimals() -> None:
    from game.ui.widgets.format import human_number, signed_number

    assert signed_number(0.000091) == "0" and signed_number(-0.0042) == "0"
    assert human_number(0.0031) == "0"
    assert signed_number(0.46) == "+0.46" and signed_number(-0.046) == "−0.05"
    assert human_number(0.123456, 4) == "0.12"
