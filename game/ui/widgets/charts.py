"""Charts drawn onto any Surface and Rect: lines with a forecast band, and "why did it change".

Every function draws inside the rect it is given (clipped), with text from ``theme.font`` and
data colours from the Okabe–Ito palette, and returns a ``ChartLayout`` saying where the plot
went, for hover and tests. Nothing here keeps state between frames: scenes redraw a chart only
when its data changes, into a cached Surface, and blit it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pygame

from game.i18n import t
from game.ui import theme

from .format import human_number, nice_ticks, signed_number

Colour = tuple[int, int, int]
Formatter = Callable[[float], str]

#: Colours for the series of one chart, in order (Okabe–Ito, most distinct first).
SERIES_COLOURS: tuple[Colour, ...] = (
    theme.OKABE_ITO["sky_blue"],
    theme.OKABE_ITO["orange"],
    theme.OKABE_ITO["bluish_green"],
    theme.OKABE_ITO["reddish_purple"],
    theme.OKABE_ITO["yellow"],
    theme.OKABE_ITO["vermillion"],
    theme.OKABE_ITO["blue"],
)
#: Colours of causes in "why did it change" charts, by kind of cause.
CAUSE_COLOURS: dict[str, Colour] = {
    "you": theme.OKABE_ITO["sky_blue"],
    "partner": theme.OKABE_ITO["orange"],
    "event": theme.OKABE_ITO["reddish_purple"],
    "season": theme.OKABE_ITO["yellow"],
    "chance": theme.OKABE_ITO["grey"],
    "lagged": theme.OKABE_ITO["blue"],
}


def widget_kind(kind: str) -> str:
    """The chart widget's name for a kind of cause (the player's own decisions are "you")."""
    if kind in ("player", "decision", "you", "own"):
        return "you"
    # Decisions acting together are still decisions: the colour of the player's own.
    return "you" if kind == "together" else kind


GRID = (44, 58, 80)
AXIS = (92, 110, 136)
BASELINE_COLOUR = (176, 184, 196)


@dataclass(frozen=True)
class Series:
    """One line: a value per x position (NaN leaves a gap)."""

    label: str
    values: Sequence[float]
    colour: Colour | None = None
    dashed: bool = False
    width: int = 2


@dataclass(frozen=True)
class Band:
    """A shaded range, e.g. the advisors' 10th–90th percentile forecast."""

    label: str
    low: Sequence[float]
    high: Sequence[float]
    colour: Colour = theme.OKABE_ITO["sky_blue"]
    alpha: int = 64


@dataclass(frozen=True)
class Contribution:
    """One cause of a change: a label, its signed size and what kind of cause it is."""

    label: str
    value: float
    kind: str = "you"


@dataclass
class ChartLayout:
    """Where a chart put its plot area and the value range it shows."""

    plot: pygame.Rect
    low: float = 0.0
    high: float = 1.0
    rows: list[pygame.Rect] = field(default_factory=list)

    def y_of(self, value: float) -> float:
        """Pixel row of ``value`` on a line chart."""
        span = self.high - self.low or 1.0
        return self.plot.bottom - (value - self.low) / span * self.plot.height

    def x_of_value(self, value: float) -> float:
        """Pixel column of ``value`` on a contributions chart."""
        span = self.high - self.low or 1.0
        return self.plot.left + (value - self.low) / span * self.plot.width


def tick_labels(ticks: Sequence[float], value_format: Formatter = human_number) -> list[str]:
    """Tick texts that are all different: more digits when a narrow range needs them."""
    texts = [value_format(v) for v in ticks]
    digits = 3
    while len(set(texts)) < len(texts) and digits <= 8:
        texts = [human_number(v, digits) for v in ticks]
        digits += 1
    return texts


def _finite(values: Sequence[float]) -> list[float]:
    return [float(v) for v in values if v is not None and math.isfinite(float(v))]


def _dashed_polyline(surface: pygame.Surface, colour: Colour, points: Sequence[tuple[float, float]],
                     dash: float, width: int) -> None:
    """A dashed line along ``points``, dash and gap each ``dash`` pixels long."""
    carried = 0.0
    drawing = True
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(dash - carried, length - pos)
            if drawing:
                a = pos / length
                b = (pos + step) / length
                start = (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a)
                end = (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)
                if width <= 1:
                    pygame.draw.aaline(surface, colour, start, end)
                else:
                    pygame.draw.line(surface, colour, start, end, width)
            pos += step
            carried += step
            if carried >= dash - 1e-9:
                carried = 0.0
                drawing = not drawing


def _legend(surface: pygame.Surface, x: int, y: int, max_right: int,
            items: Sequence[tuple[str, str, Colour]], font: pygame.font.Font) -> int:
    """Draw legend swatches in rows from (x, y); returns the y below the legend."""
    swatch = max(14, font.get_height())
    line_h = font.get_linesize()
    cx = x
    for kind, label, colour in items:
        text = font.render(label, True, theme.TEXT_DIM)
        need = swatch + 6 + text.get_width() + 16
        if cx + need > max_right and cx > x:
            cx = x
            y += line_h
        mid = y + line_h // 2
        if kind == "band":
            box = pygame.Surface((swatch, max(6, line_h // 2)), pygame.SRCALPHA)
            box.fill((*colour, 110))
            surface.blit(box, (cx, mid - box.get_height() // 2))
        elif kind == "dashed":
            _dashed_polyline(surface, colour, [(cx, mid), (cx + swatch, mid)], 4, 2)
        else:
            pygame.draw.line(surface, colour, (cx, mid), (cx + swatch, mid), 3)
        surface.blit(text, (cx + swatch + 6, y + (line_h - text.get_height()) // 2))
        cx += need
    return y + line_h


def draw_line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    series: Sequence[Series],
    *,
    bands: Sequence[Band] = (),
    baseline: Series | None = None,
    x_labels: Sequence[str] = (),
    title: str = "",
    y_label: str = "",
    y_range: tuple[float, float] | None = None,
    include_zero: bool = True,
    value_format: Formatter = human_number,
    text_size: int = 13,
    legend: bool = True,
    background: Colour | None = theme.PANEL,
    marker: int | None = None,
) -> ChartLayout:
    """A line chart with several series, shaded bands and a dashed status-quo baseline.

    Args:
        surface: where to draw.
        rect: the chart's whole area (title, legend and axes included).
        series: lines to draw; colours default to the Okabe–Ito order.
        bands: shaded ranges drawn under the lines (e.g. a 10–90% forecast).
        baseline: drawn dashed in grey (e.g. "status quo").
        x_labels: one label per x position (turns, months); thinned to fit.
        title: drawn at the top left.
        y_label: unit shown above the y axis.
        y_range: fixed (low, high); else fitted to the data with round ticks.
        include_zero: start the axis at zero when the data are all positive.
        value_format: tick text for y values.
        text_size: base font size in pixels at 100% UI scale (``theme.font`` applies the
            player's UI scale, so do not scale it again).
        legend: draw the legend under the title.
        background: panel colour, or None for a transparent chart.
        marker: index of an x position to mark with a vertical line (e.g. "now").
    """
    rect = pygame.Rect(rect)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    if background is not None:
        pygame.draw.rect(surface, background, rect, border_radius=6)
    small = theme.font(max(8, text_size - 2))
    bold = theme.font(text_size + 1, bold=True)
    pad = max(6, text_size // 2 + 2)
    y = rect.top + pad
    if title:
        surface.blit(bold.render(title, True, theme.TEXT), (rect.left + pad, y))
        y += bold.get_linesize()

    coloured = [
        Series(s.label, s.values, s.colour or SERIES_COLOURS[i % len(SERIES_COLOURS)], s.dashed,
               s.width)
        for i, s in enumerate(series)
    ]
    if legend:
        items: list[tuple[str, str, Colour]] = [
            ("dashed" if s.dashed else "line", s.label, s.colour or theme.TEXT) for s in coloured
        ]
        items += [("band", b.label, b.colour) for b in bands]
        if baseline is not None:
            items.append(("dashed", baseline.label, baseline.colour or BASELINE_COLOUR))
        y = _legend(surface, rect.left + pad, y, rect.right - pad, items, small)

    values: list[float] = []
    for s in coloured:
        values += _finite(s.values)
    for b in bands:
        values += _finite(b.low) + _finite(b.high)
    if baseline is not None:
        values += _finite(baseline.values)
    low, high, ticks = _y_scale(values, y_range, include_zero)

    tick_texts = tick_labels(ticks, value_format)
    label_w = max(small.size(text)[0] for text in tick_texts)
    if y_label:
        surface.blit(small.render(y_label, True, theme.TEXT_DIM), (rect.left + pad, y))
        y += small.get_linesize()
    x_axis_h = small.get_linesize() + 4 if x_labels else 4
    plot = pygame.Rect(rect.left + pad + label_w + 6, y + small.get_height() // 2,
                       0, 0)
    plot.width = max(1, rect.right - pad - plot.left)
    plot.height = max(1, rect.bottom - pad - x_axis_h - plot.top)
    layout = ChartLayout(plot, low, high)

    for value, text in zip(ticks, tick_texts, strict=True):
        ty = round(layout.y_of(value))
        pygame.draw.line(surface, AXIS if value == 0 else GRID, (plot.left, ty), (plot.right, ty))
        label = small.render(text, True, theme.TEXT_DIM)
        surface.blit(label, (plot.left - 6 - label.get_width(), ty - label.get_height() // 2))

    n = max([len(s.values) for s in coloured] + [len(b.low) for b in bands]
            + ([len(baseline.values)] if baseline is not None else []) + [len(x_labels), 1])

    def x_of(i: int) -> float:
        return plot.left + (plot.width * i / (n - 1) if n > 1 else plot.width / 2)

    if x_labels:
        _draw_x_labels(surface, x_labels, small, plot, x_of, n,
                       (plot.left - label_w, rect.right - pad))
    pygame.draw.line(surface, AXIS, plot.bottomleft, plot.bottomright)

    for b in bands:
        _draw_band(surface, b, layout, x_of)

    if marker is not None and 0 <= marker < n:
        mx = round(x_of(marker))
        _dashed_polyline(surface, AXIS, [(mx, plot.top), (mx, plot.bottom)], 3, 1)

    drawn = list(coloured)
    if baseline is not None:
        drawn.insert(0, Series(baseline.label, baseline.values,
                               baseline.colour or BASELINE_COLOUR, True, baseline.width))
    for s in drawn:
        _draw_series(surface, s, layout, x_of)
    surface.set_clip(clip)
    return layout


def _draw_x_labels(surface: pygame.Surface, x_labels: Sequence[str], font: pygame.font.Font,
                   plot: pygame.Rect, x_of: Callable[[int], float], n: int,
                   span: tuple[int, int]) -> None:
    """The x labels under the plot, thinned so they never overlap, kept within ``span``."""
    widest = max(font.size(str(lbl))[0] for lbl in x_labels) + 10
    step = max(1, math.ceil(widest / max(1.0, plot.width / max(1, n - 1 or 1))))
    for i in range(0, len(x_labels), step):
        label = font.render(str(x_labels[i]), True, theme.TEXT_DIM)
        lx = x_of(i) - label.get_width() / 2
        lx = min(max(lx, span[0]), span[1] - label.get_width())
        surface.blit(label, (lx, plot.bottom + 3))
        pygame.draw.line(surface, AXIS, (x_of(i), plot.bottom), (x_of(i), plot.bottom + 2))


def _y_scale(values: Sequence[float], y_range: tuple[float, float] | None,
             include_zero: bool) -> tuple[float, float, list[float]]:
    """(low, high, ticks) of the y axis: the range given, or the data's with round ticks."""
    if y_range is not None:
        low, high = y_range
        ticks = nice_ticks(low, high)
        return low, high, [v for v in ticks if low - 1e-9 <= v <= high + 1e-9] or [low, high]
    low = min(values, default=0.0)
    high = max(values, default=1.0)
    if include_zero and low >= 0:
        low = 0.0
    ticks = nice_ticks(low, high, 4)
    return ticks[0], ticks[-1], ticks


def _draw_band(surface: pygame.Surface, band: Band, layout: ChartLayout,
               x_of: Callable[[int], float]) -> None:
    """A shaded range, in runs between missing values, on a layer the size of the plot."""
    plot = layout.plot
    layer = pygame.Surface(plot.size, pygame.SRCALPHA)
    run_top: list[tuple[float, float]] = []
    run_bottom: list[tuple[float, float]] = []
    for i, (lo_v, hi_v) in enumerate(zip(band.low, band.high, strict=False)):
        if math.isfinite(lo_v) and math.isfinite(hi_v):
            run_top.append((x_of(i) - plot.left, layout.y_of(hi_v) - plot.top))
            run_bottom.append((x_of(i) - plot.left, layout.y_of(lo_v) - plot.top))
            continue
        _fill_band(layer, run_top, run_bottom, band)
        run_top, run_bottom = [], []
    _fill_band(layer, run_top, run_bottom, band)
    surface.blit(layer, plot.topleft)


def _draw_series(surface: pygame.Surface, s: Series, layout: ChartLayout,
                 x_of: Callable[[int], float]) -> None:
    """One line, broken where values are missing, with a dot at its last value."""
    colour = s.colour or theme.TEXT
    run: list[tuple[float, float]] = []
    runs: list[list[tuple[float, float]]] = []
    for i, v in enumerate(s.values):
        if v is not None and math.isfinite(float(v)):
            run.append((x_of(i), layout.y_of(float(v))))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    for pts in runs:
        if len(pts) == 1:
            pygame.draw.circle(surface, colour, pts[0], max(2, s.width + 1))
        elif s.dashed:
            _dashed_polyline(surface, colour, pts, 6, s.width)
        else:
            if s.width > 1:
                pygame.draw.lines(surface, colour, False, pts, s.width)
            pygame.draw.aalines(surface, colour, False, pts)
    if runs and not s.dashed:
        pygame.draw.circle(surface, colour, runs[-1][-1], max(2, s.width + 1))


def _fill_band(layer: pygame.Surface, top: list[tuple[float, float]],
               bottom: list[tuple[float, float]], band: Band) -> None:
    if len(top) >= 2:
        pygame.draw.polygon(layer, (*band.colour, band.alpha), top + bottom[::-1])
    elif len(top) == 1:
        (x, y0), (_, y1) = top[0], bottom[0]
        pygame.draw.line(layer, (*band.colour, band.alpha * 2), (x, y0), (x, y1), 5)


def cause_colour(contribution: Contribution, better: int) -> Colour:
    """Colour of a cause's bar: by kind of cause (the legend), whatever its sign."""
    return CAUSE_COLOURS.get(contribution.kind, theme.OKABE_ITO["grey"])


def draw_contributions(
    surface: pygame.Surface,
    rect: pygame.Rect,
    contributions: Sequence[Contribution],
    *,
    total: float | None = None,
    title: str = "",
    better: int = 0,
    value_format: Formatter = signed_number,
    text_size: int = 13,
    background: Colour | None = theme.PANEL,
    total_label: str | None = None,
) -> ChartLayout:
    """"Why did it change?": a waterfall of causes that sum to the total change.

    Each cause is a row whose bar starts where the previous cause ended, to the right when it
    raised the number and to the left when it lowered it; the last row is the total change from
    zero. If the causes do not add up to ``total`` the gap is shown as its own row, never hidden.

    Args:
        surface: where to draw.
        rect: the chart's whole area.
        contributions: causes in the order to show (largest first reads best).
        total: the change to explain; the sum of the causes when omitted.
        title: drawn at the top left.
        better: +1 if a rise is good, −1 if a fall is good, 0 if neither; colours the total
            and adds a word ("better"/"worse") so colour is never the only cue.
        value_format: text for each value (signed by default: +1.2k, −340).
        text_size: base font size at 100% UI scale (``theme.font`` applies the UI scale).
        background: panel colour, or None.
        total_label: the last row's label (default "Total change").
    """
    rect = pygame.Rect(rect)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    if background is not None:
        pygame.draw.rect(surface, background, rect, border_radius=6)
    bold = theme.font(text_size + 1, bold=True)  # the title's; the labels' are chosen below
    pad = max(6, text_size // 2 + 2)
    y = rect.top + pad
    if title:
        surface.blit(bold.render(title, True, theme.TEXT), (rect.left + pad, y))
        y += bold.get_linesize() + 2

    rows = list(contributions)
    explained = sum(c.value for c in rows)
    target = explained if total is None else float(total)
    gap = target - explained
    scale = max([abs(c.value) for c in rows] + [abs(target), 1e-9])
    if abs(gap) > 0.005 * scale:
        rows.append(Contribution(t("Interactions and rounding"), gap, "chance"))
    labels = [c.label for c in rows] + [total_label or t("Total change")]
    font, bold, label_w, stacked = _cause_label_column(labels, rect, text_size,
                                                       (rect.bottom - pad - y) / (len(rows) + 1))
    line = font.get_linesize()
    value_w = max(font.size(value_format(v))[0] for v in [c.value for c in rows])
    value_w = max(value_w, bold.size(f"{value_format(target)} ({t('better')})")[0])

    running = [0.0]
    for c in rows:
        running.append(running[-1] + c.value)
    low = min(running + [target, 0.0])
    high = max(running + [target, 0.0])
    if high - low < 1e-12:
        low, high = -1.0, 1.0
    plot = pygame.Rect(rect.left + pad + label_w, y, 0, 0)
    plot.width = max(1, rect.right - pad - plot.left - value_w - 8)
    plot.height = max(1, rect.bottom - pad - y)
    # Room for the value text on both sides of the bars.
    if stacked:  # the values go at the end of the label line, not beside the bars
        plot.width = max(1, rect.width - 2 * pad)
    margin = 0.0 if stacked else (high - low) * (value_w + 8) / max(1.0, plot.width)
    layout = ChartLayout(plot, low - margin * 0.5, high + margin * 0.5)
    row_h = min(plot.height / max(1, len(rows) + 1),
                line + text_size * 1.2 if stacked else text_size * 2.6)
    bar_h = max(4, int(row_h - line - 2) if stacked else int(row_h * 0.62))

    zero_x = round(layout.x_of_value(0.0))
    axis_bottom = plot.top + row_h * (len(rows) + 1)
    pygame.draw.line(surface, AXIS, (zero_x, plot.top), (zero_x, axis_bottom))
    for i, c in enumerate(rows + [Contribution(total_label or t("Total change"), target, "")]):
        is_total = i == len(rows)
        start = 0.0 if is_total else running[i]
        end = target if is_total else running[i + 1]
        top = plot.top + i * row_h
        if is_total:
            pygame.draw.line(surface, GRID, (rect.left + pad, round(top)),
                             (rect.right - pad, round(top)))
        x0, x1 = sorted((layout.x_of_value(start), layout.x_of_value(end)))
        bar = pygame.Rect(round(x0), round(top + line if stacked else top + (row_h - bar_h) / 2),
                          max(2, round(x1 - x0)), bar_h)
        layout.rows.append(bar)
        if is_total:
            goodness = better * (1 if target > 0 else -1 if target < 0 else 0)
            colour = (theme.GOOD if goodness > 0 else theme.BAD if goodness < 0
                      else theme.TEXT_DIM)
        else:
            colour = cause_colour(c, better)
        pygame.draw.rect(surface, colour, bar, border_radius=2)
        if not is_total and i + 1 < len(rows) + 1:
            # A thin connector shows where the next cause starts.
            cx = round(layout.x_of_value(end))
            next_top = round(bar.top + row_h)
            pygame.draw.line(surface, AXIS, (cx, bar.bottom), (cx, next_top))
        text_font = bold if is_total else font
        text = value_format(c.value)
        if is_total and better:
            word = t("better") if goodness > 0 else t("worse") if goodness < 0 else ""
            text = f"{text} ({word})" if word else text
        value = text_font.render(text, True, theme.TEXT)
        _draw_cause_label(surface, text_font, c.label, pygame.Rect(
            rect.left + pad, round(top), rect.width - 2 * pad - value.get_width() - 8
            if stacked else label_w - 6, line if stacked else round(row_h)),
            theme.TEXT if is_total else theme.TEXT_DIM)
        vx = bar.right + 5 if end >= start else bar.left - 5 - value.get_width()
        # Above its bar a label has its value at the end of its line; beside it, at the bar's.
        surface.blit(value, (rect.right - pad - value.get_width(), top) if stacked
                     else (vx, top + (row_h - value.get_height()) / 2))
    surface.set_clip(clip)
    return layout


@dataclass(frozen=True)
class Chart:
    """One debrief chart: lines, an optional status-quo baseline, and how to scale it."""

    title: str
    series: tuple[Series, ...]
    baseline: Series | None = None
    include_zero: bool = True


def draw_chart(surface: pygame.Surface, rect: pygame.Rect, chart: Chart,
               months: tuple[str, ...]) -> None:
    """Draw one debrief chart with the shared chart widget."""
    draw_line_chart(surface, rect, chart.series, baseline=chart.baseline, x_labels=months,
                    title=chart.title, include_zero=chart.include_zero,
                    text_size=round(13 * theme.scale()))


def star_points(centre: tuple[int, int], radius: int) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star (the font has no star glyph)."""
    cx, cy = centre
    pts = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        a = math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy - r * math.sin(a)))
    return pts


def _draw_cause_label(surface: pygame.Surface, font: pygame.font.Font, text: str,
                      row: pygame.Rect, colour: tuple[int, int, int]) -> None:
    """A cause's label in its row: on two lines when one is too short and the row has room.

    A label that still does not fit ends in an ellipsis, never a silent clip, so a test can
    tell (a long event name such as a caravan's says where it set out from).
    """
    from game.ui.scenes.kit import fit, wrap

    lines = [text]
    if font.size(text)[0] > row.width:
        wrapped = wrap(font, text, row.width)
        room = max(1, row.height // font.get_linesize())
        lines = wrapped if len(wrapped) <= room else wrapped[:room - 1] + [
            " ".join(wrapped[room - 1:])]
    y = row.top + (row.height - len(lines) * font.get_linesize()) / 2
    for line in lines:
        surface.blit(fit(font, line, row.width, colour), (row.left, y))
        y += font.get_linesize()


def _label_width(font: pygame.font.Font, bold: pygame.font.Font, labels: Sequence[str]) -> int:
    """The widest of the cause labels (the last one, the total, in bold)."""
    return max([font.size(x)[0] for x in labels[:-1]] + [bold.size(labels[-1])[0]])


def _cause_label_column(labels: Sequence[str], rect: pygame.Rect, text_size: int,
                        row_room: float) -> tuple[pygame.font.Font, pygame.font.Font, int, bool]:
    """The cause labels' fonts, column width, and whether they go above their bars.

    The total's label (the last) is drawn in bold: measured in bold, so "Cambio total" is not
    clipped. Labels may take up to three fifths of the width; when one is still too long, all of
    them step down a size together. Labels still too long to sit beside their bars go above
    them, across the chart, when a row (``row_room`` pixels) has room for a line of text and a
    bar: an event's name says what happened.
    """
    font, bold = theme.font(text_size), theme.font(text_size + 1, bold=True)
    cap = rect.width * 3 // 5
    if _label_width(font, bold, labels) + 10 > cap:
        font, bold = theme.font(text_size - 1), theme.font(text_size, bold=True)
    widest = _label_width(font, bold, labels) + 10
    stacked = widest > cap and row_room >= font.get_linesize() + 6
    return font, bold, 0 if stacked else min(widest, cap), stacked
