"""Drawing the policy desk: top bar, forecast strip, lever rows and the Diplomacy tab.

Functions of the desk scene's state (``desk``), kept apart from its layout and input.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import percent, t, tn, ts
from game.play.decisions import (
    DecisionRejected,
    agreement_label,
    choice_label,
    country_list,
    country_name,
    country_subject,
    heading,
    lever_label,
    money,
    plural_subject,
)
from game.play.goals import progress, status
from game.play.names import AGREEMENTS, LEVERS, METRIC_SHORT_LABELS, METRICS
from game.play.report import metric_label
from game.ui import theme
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    number,
    panel,
    wrap,
)
from game.ui.widgets import human_number

if TYPE_CHECKING:
    from game.play.game import Game
    from game.play.names import LeverSpec, Policy
    from game.play.report import ObjectiveState
    from game.ui.map import MapState
    from game.ui.scenes.desk.scene import DeskScene

#: Tabs in order: registry tab name → label. Diplomacy is added after the lever tabs.
TABS = (("visas", "Visas"), ("borders", "Borders"), ("asylum", "Asylum"), ("aid", "Aid"),
        ("home", "Home"))
DIPLOMACY = "diplomacy"
#: Half-width of the gauges' neutral band around their middle, as a share of the range.
NEUTRAL_BAND = 0.05
#: The objectives tracker, the first tab: what the player is judged on, and where it stands.
GOALS = "goals"
#: Seconds a slider must rest before the advisors' forecast and the map are refreshed.
FORECAST_DELAY_S = 0.1
def lever_total(value: object) -> float:
    """A number lever's value (an aid split counts as its total)."""
    if isinstance(value, Mapping):
        return float(sum(value.values()))
    return float(value)  # type: ignore[arg-type]


def forecast_metrics(player: str) -> tuple[str, ...]:
    """The metrics the advisors forecast for a player: people first, then the player's standing."""
    approval = f"approval_{player.lower()}"
    # Scores are judged against the status quo after the turn, so they cannot be forecast.
    metrics = ["us_border_encounters", "deaths_in_transit", "protection_granted",
               "asylum_wait_months_us"]
    if approval in METRICS:
        metrics.append(approval)
    return tuple(metrics)


#: The metrics the map draws its flows from (per turn, as the model reports them).
MAP_METRICS = ("asylum_claims_ca", "asylum_claims_mx", "asylum_claims_us",
               "ca_irregular_interceptions", "deaths_in_transit", "emigrants_from_mx",
               "emigrants_from_gt", "emigrants_from_hn", "emigrants_from_sv", "emigrants_from_xr",
               "irregular_entries_us", "legal_admissions_us", "legal_admissions_ca",
               "legal_admissions_mx", "mx_apprehensions", "stranded_in_mx_border_towns",
               "us_border_encounters")


def map_state(game: Game, policy: Policy | None = None) -> MapState:
    """What the map shows: the last turn's flows under the current (or planned) levers."""
    from game.ui.map import MapState

    session = game.session
    metrics = session.reports[-1].metrics if session.reports else dict(
        session.table.last_metrics)
    if not metrics:
        # Before the first turn nothing has happened yet: show the advisors' median
        # expectation for it, so the map is not empty on the first screen.
        try:
            metrics = {m: mid for m, (_, mid, _) in game.forecast(MAP_METRICS).items()}
        except DecisionRejected:
            metrics = {}
    levers = (policy or session.table.policy).levers
    return MapState.from_metrics(metrics, levers, months=session.months_per_turn,
                                 player_countries=[game.player])


def draw_top(desk: DeskScene, surface: pygame.Surface) -> None:
    """The top bar: title, country, turn and date, and the headline gauges."""
    r = desk.top_rect
    pygame.draw.rect(surface, (10, 16, 27), r)
    pygame.draw.line(surface, theme.PANEL_EDGE, r.bottomleft, r.bottomright)
    s = desk.game
    f, small = theme.font(20, bold=True), theme.font(13)
    gauges_w = min(theme.px(560), r.width // 2)
    title_w = r.width - gauges_w - theme.px(32)
    glossary = getattr(getattr(desk, "coach", None), "glossary_button", None)
    if glossary is not None:
        title_w = min(title_w, glossary.rect.left - theme.px(16) - theme.px(8))
    surface.blit(fit(f, s.title, title_w), (theme.px(16), theme.px(6)))
    sub = t("{country} · Turn {turn} of {turns} · {date}",
            country=country_name(desk.player), turn=s.turn, turns=s.turns, date=s.date_label)
    surface.blit(fit(small, sub, title_w, theme.TEXT_DIM),
                 (theme.px(16), theme.px(8) + f.get_linesize()))
    gauges = desk.gauges()
    gw = gauge_width(desk, len(gauges))
    x = gauges_left(desk)
    for label, value, low, high in gauges:
        box = pygame.Rect(x, theme.px(6), gw - theme.px(12), r.height - theme.px(12))
        draw_gauge(surface, box, label, value, low, high)
        x += gw


def gauge_width(desk: DeskScene, count: int) -> int:
    """Each gauge's width: readable, and all of them at the right of the top bar."""
    gauges_w = min(theme.px(560), desk.top_rect.width // 2)
    return min(gauges_w // max(1, count), theme.px(170))


def gauges_left(desk: DeskScene) -> int:
    """Where the top bar's gauges begin (the title and the glossary button end before it)."""
    count = len(desk.gauges())
    return desk.top_rect.right - gauge_width(desk, count) * count - theme.px(12)


def gauges(desk: DeskScene) -> list[tuple[str, float | None, float, float]]:
    """Headline gauges: the player's approval, the humanitarian score, relations."""
    # Before the first turn the gauges show where the level starts, not a blank.
    last = desk.table.last_metrics or desk.game.start_metrics()
    out: list[tuple[str, float | None, float, float]] = []
    approval = f"approval_{desk.player.lower()}"
    if approval in METRICS:
        out.append((t("Approval"), last.get(approval), 0, 100))
    out.append((t("Humanitarian"), last.get("humanitarian_score"), 0, 100))
    rel = [m for m in ("relations_us_mx", "relations_us_ca", "relations_mx_ca")
           if desk.player.lower() in m.split("_")[1:]]
    for m in rel[:2]:
        other = [c for c in m.split("_")[1:] if c != desk.player.lower()][0].upper()
        out.append((t("Relations with {c}", c=other), last.get(m), -100, 100))
    return out


def _forecast_columns(labels: list[str], inner: pygame.Rect,
                      fonts: tuple[pygame.font.Font, ...], row_h: int
                      ) -> tuple[pygame.font.Font, int]:
    """The label font and number of columns with which every forecast label fits whole.

    As many columns as stay readable; long names (French "Interceptions frontalières") first
    step down a size, all together, then take a column fewer (the rest wrap onto another row)
    while the rows still fit the strip's height.
    """
    most = max(1, min(len(labels), inner.width // theme.px(150)))
    for cols in range(most, 0, -1):
        if -(-len(labels) // cols) * row_h > inner.height and cols < most:
            break
        box_w = inner.width // cols - theme.px(10)
        for label_font in fonts:
            if all(label_font.size(x)[0] <= box_w for x in labels):
                return label_font, cols
    return fonts[-1], most


def draw_forecast(desk: DeskScene, surface: pygame.Surface) -> None:
    """The advisors' forecast strip: each metric's middle value and 10–90% range."""
    inner = panel(surface, desk.forecast_rect,
                  t("Advisors' forecast for this turn's months (10–90% range)"))
    if not desk.forecast:
        f = theme.font(14)
        note = desk.forecast_note or t("The advisors are working…")
        draw_wrapped(surface, f, note, inner, theme.TEXT_DIM)
        return
    items = [(m, desk.forecast[m]) for m in forecast_metrics(desk.player)
             if m in desk.forecast]
    f, small, big = theme.font(13, bold=True), theme.font(12), theme.font(18, bold=True)
    full = f.get_linesize() + big.get_linesize() + small.get_linesize() + theme.px(14)
    labels = [t(METRIC_SHORT_LABELS[m]) if m in METRIC_SHORT_LABELS else metric_label(m)
              for m, _ in items]
    label_font, cols = _forecast_columns(labels, inner, (f, small),
                                         f.get_linesize() + big.get_linesize())
    rows = -(-len(items) // cols)
    cw, ch = inner.width // cols, inner.height // rows
    box_w = cw - theme.px(10)
    for i, (label, (_, (lo, mid, hi))) in enumerate(zip(labels, items, strict=True)):
        box = pygame.Rect(inner.left + (i % cols) * cw, inner.top + (i // cols) * ch, box_w, ch)
        surface.blit(fit(label_font, label, box.width),
                     (box.left, box.top + f.get_ascent() - label_font.get_ascent()))
        y = box.top + f.get_linesize()
        mid_s = fit(big, number(mid), box.width)
        surface.blit(mid_s, (box.left, y))
        span = t("{lo} – {hi}", lo=human_number(lo, 3), hi=human_number(hi, 3))
        if ch < full:
            # Compact: the range beside the middle value, no bar.
            room = box.width - mid_s.get_width() - theme.px(8)
            rng = fit(small, span, room, theme.TEXT_DIM)
            surface.blit(rng, (box.left + mid_s.get_width() + theme.px(8),
                               y + big.get_ascent() - small.get_ascent()))
            continue
        y += big.get_linesize()
        rng = fit(small, span, box.width, theme.TEXT_DIM)
        surface.blit(rng, (box.left, y))
        # A range bar: where the middle sits between the 10th and 90th percentiles.
        bar = pygame.Rect(box.left, min(box.bottom - theme.px(8), y + rng.get_height()
                                        + theme.px(4)), box.width, theme.px(6))
        pygame.draw.rect(surface, theme.PANEL_EDGE, bar, border_radius=theme.px(3))
        if hi > lo:
            k = (mid - lo) / (hi - lo)
            pygame.draw.circle(surface, theme.ACCENT, (bar.left + int(k * bar.width),
                                                       bar.centery), theme.px(5))


def draw_panel(desk: DeskScene, surface: pygame.Surface) -> None:
    """The lever panel's texts: the budget bar, the tab's rows, the message."""
    panel(surface, desk.panel_rect)
    left, total = desk.budget()
    r = desk.budget_rect
    f = theme.font(14)
    # The bar is what is left to spend: it empties as money is committed.
    frac = 0.0 if total <= 0 else min(1.0, max(0.0, left / total))
    pygame.draw.rect(surface, theme.BACKGROUND, r, border_radius=theme.px(5))
    fill = r.copy()
    fill.width = int(r.width * frac)
    pygame.draw.rect(surface, theme.OKABE_ITO["blue"], fill, border_radius=theme.px(5))
    if left < 0:
        pygame.draw.rect(surface, theme.BAD, r, width=max(2, theme.px(2)),
                         border_radius=theme.px(5))
    text = t("Budget left this turn: {left} of {total}", left=money(left), total=money(total))
    label = fit(f, text, r.width - theme.px(12), theme.TEXT)
    shadow = fit(f, text, r.width - theme.px(12), theme.BACKGROUND)
    pos = label.get_rect(midleft=(r.left + theme.px(6), r.centery))
    surface.blit(shadow, pos.move(1, 1))
    surface.blit(label, pos)
    if desk.tab == DIPLOMACY:
        desk._draw_deals(surface)
    elif desk.tab == GOALS:
        draw_goals(desk, surface)
    else:
        draw_lever_texts(desk, surface)
    if desk.message:
        colour = theme.BAD if desk.message_bad else theme.TEXT_DIM
        draw_wrapped(surface, theme.font(13), desk.message, desk.message_rect, colour)


def goal_metrics(desk: DeskScene) -> tuple[str, ...]:
    """The metrics of the player's objectives the advisors can forecast (scores they cannot)."""
    return tuple(dict.fromkeys(
        g.metric for g in desk.game.goals()
        if g.kind == "metric" and g.metric in METRICS and METRICS[g.metric].kind != "score"))


def draw_goals(desk: DeskScene, surface: pygame.Surface) -> None:
    """Each objective: its status, its text, where it stands now and the coming turn's range."""
    area = desk.rows_rect
    goals = desk.game.goals()
    small, bold = theme.font(13), theme.font(14, bold=True)
    if not goals:
        draw_wrapped(surface, small, t("This level sets no objectives: judge for yourself "
                                       "what a good result is."), area, theme.TEXT_DIM)
        return
    chip_w = theme.px(84)
    text_w = area.width - chip_w - theme.px(8)
    headings = tuple(_goal_heading(goal) for goal in goals)
    details = tuple(_goal_detail(desk, goal) for goal in goals)
    # Every objective whole at the usual size; else all of them a size smaller, together,
    # before any heading or detail gives up lines.
    sizes = ((bold, small), (theme.font(13, bold=True), theme.font(12)))
    for bold, small in sizes:
        heading_lines, detail_lines = _goal_lines(bold, small, headings, details, text_w,
                                                  area.height)
        if (heading_lines, detail_lines) == _goal_lines(bold, small, headings, details,
                                                         text_w, 1 << 30):
            break
    y = area.top
    for goal, heading_text, detail in zip(goals, headings, details, strict=True):
        if y + bold.get_linesize() > area.bottom:
            break
        word = status(goal)
        colour = theme.GOOD if goal.met else theme.BAD if goal.final else theme.ACCENT
        chip = pygame.Rect(area.left, y, chip_w, bold.get_linesize())
        pygame.draw.rect(surface, colour, chip, border_radius=theme.px(4))
        label = fit(small, word, chip.width - theme.px(8), theme.BACKGROUND)
        surface.blit(label, label.get_rect(center=chip.center))
        text_rect = pygame.Rect(chip.right + theme.px(8), y, area.width - chip_w - theme.px(8),
                                area.bottom - y)
        used = draw_wrapped(surface, bold, heading_text, text_rect, theme.TEXT, heading_lines)
        y += max(used, chip.height) + theme.px(2)
        if detail_lines:
            y += draw_wrapped(surface, small, detail, pygame.Rect(
                text_rect.left, y, text_rect.width, area.bottom - y), theme.TEXT_DIM,
                detail_lines)
        y += theme.px(10)


@lru_cache(maxsize=8)
def _goal_lines(bold: pygame.font.Font, small: pygame.font.Font, headings: tuple[str, ...],
                details: tuple[str, ...], width: int, height: int) -> tuple[int, int]:
    """The most lines of heading (3 or 2) and detail (3 down to 0) with which all goals fit.

    Every objective stays on the tab: on a small window the headings keep two lines and the
    details give up lines first; with room to spare a long heading takes a third line.
    Cached: the desk redraws its panel after events, and wrapping every text up to three times
    per redraw tripled the tab's drawing time (0.8 to 2.7 ms at 1024×600).
    """
    heading_n = [len(wrap(bold, h, width)) for h in headings]
    detail_n = [len(wrap(small, d, width)) for d in details]
    whole = max(heading_n + [3]), max(detail_n + [3])
    for most_heading, most_detail in (whole, (3, 3), (2, 3), (2, 2), (2, 1), (2, 0)):
        heading_h = sum(min(most_heading, n) * bold.get_linesize() + theme.px(12)
                        for n in heading_n)
        if heading_h + sum(min(most_detail, n) for n in detail_n) * small.get_linesize() \
                <= height:
            return most_heading, most_detail
    return 2, 0


def _goal_heading(goal: ObjectiveState) -> str:
    """An objective's text and what it is worth."""
    stars = tn("{n} star", "{n} stars", goal.stars)
    return f"{goal.text} ({stars})"


def _goal_detail(desk: DeskScene, goal: ObjectiveState) -> str:
    """Where an objective stands, and the range the advisors expect this turn."""
    detail = progress(goal)
    # A share or an agreement is not a number the advisors forecast.
    band = desk.forecast.get(goal.metric) if desk.forecast and goal.kind == "metric" else None
    if band is not None:
        lo, _, hi = band
        detail += " " + t("This turn the advisors expect {lo} – {hi}.",
                          lo=human_number(lo, 3), hi=human_number(hi, 3))
    return detail


def draw_lever_texts(desk: DeskScene, surface: pygame.Surface) -> None:
    """Each lever row's name, value, cost this turn and delay (or why not)."""
    bold, small = theme.font(15, bold=True), theme.font(13)
    months = desk.table.months_per_turn
    for lever, rect in desk.row_rects:
        spec = LEVERS[lever]
        value = desk.value(lever)
        if spec.kind == "choice":
            shown = heading(choice_label(str(value)))
        elif spec.kind == "money":
            shown = t("{m} a year", m=money(lever_total(value)))
        else:
            shown = number(lever_total(value), t(spec.unit))
        vs = small.render(shown, True, theme.ACCENT if lever in desk.draft else theme.TEXT)
        surface.blit(vs, vs.get_rect(topright=(rect.right, rect.top + theme.px(2))))
        name = fit(bold, heading(lever_label(lever)),
                   rect.width - vs.get_width() - theme.px(8))
        surface.blit(name, rect.topleft)
        cost = spec.cost_per_unit.get(desk.player, 0.0)
        delay = spec.delay_months.get(desk.player, 0)
        if spec.kind == "choice":
            detail = t("Takes effect in {d} months", d=delay) if delay != 1 else \
                t("Takes effect next month")
        else:
            turn_cost = lever_total(value) * cost * months / 12
            detail = (t("{cost} this turn · full effect after {d} months",
                        cost=money(turn_cost), d=delay) if delay != 1 else
                      t("{cost} this turn · full effect next month", cost=money(turn_cost)))
        y = desk.controls[lever]["bottom"] + theme.px(4)
        if lever in desk.field_notes:
            # Why the value asked for was not applied, where the player is looking.
            detail = desk.field_notes[lever]
            colour = theme.BAD
        else:
            colour = theme.ACCENT if lever in desk.draft else theme.TEXT_DIM
        surface.blit(fit(small, detail, rect.width, colour), (rect.left, y))
        if getattr(desk, "describe", False):
            y += small.get_linesize()
            draw_wrapped(surface, small, t(spec.description),
                         pygame.Rect(rect.left, y, rect.width, rect.bottom - y),
                         theme.TEXT_DIM)


Colour = tuple[int, int, int]


def deal_text(desk: DeskScene, what: str, item: Any) -> tuple[str, Colour, str, Colour]:
    """A Diplomacy row's title and detail, with their colours: an offer, a pact or a kind."""
    if what == "offer":
        detail = terms_text(item.terms) or t(AGREEMENTS[item.kind].description)
        if item.reason:
            detail = f"“{item.reason}” · {detail}"
        return (ts("{who} offers: {kind}", plural_subject(item.by), who=country_subject(item.by),
                  kind=agreement_name(item.kind)), theme.ACCENT, detail, theme.TEXT)
    if what == "pact":
        agreement = item.agreement
        others = country_list(tuple(c for c in agreement.parties if c != desk.player))
        detail = " · ".join(x for x in (t(AGREEMENTS[agreement.kind].description),
                                        terms_text(agreement.terms)) if x)
        return (t("In force: {kind} with {partners}", kind=agreement_name(agreement.kind),
                  partners=others), theme.GOOD, detail, theme.TEXT)
    partners = country_list(desk._partners(item))
    name = agreement_name(item)
    title = (t("{kind} on {partners}", kind=name, partners=partners) if item == "tariff_threat"
             else t("{kind} with {partners}", kind=name, partners=partners))
    status, state = desk._deal_status(item)
    if not status:
        return title, theme.TEXT, t(AGREEMENTS[item].description), theme.TEXT_DIM
    colour = theme.GOOD if state in ("accepted", "active", "met") else \
        theme.BAD if state in ("rejected", "carried_out", "broken") else theme.ACCENT
    return title, theme.TEXT, status, colour


def deal_height(desk: DeskScene, what: str, item: Any, width: int) -> int:
    """Pixels a Diplomacy row needs to show its title (two lines at most) and detail in full."""
    bold, small = theme.font(14, bold=True), theme.font(13)
    title, _, detail, _ = deal_text(desk, what, item)
    return (min(2, len(wrap(bold, title, width))) * bold.get_linesize()
            + len(wrap(small, detail, width)) * small.get_linesize())


def draw_deals(desk: DeskScene, surface: pygame.Surface) -> None:
    """The Diplomacy tab: offers waiting for an answer, pacts binding the player, proposals."""
    bold, small = theme.font(14, bold=True), theme.font(13)
    if not desk.deal_rows:
        draw_wrapped(surface, small, t("No agreements can be proposed in this level."),
                     desk.rows_rect, theme.TEXT_DIM)
        return
    for row in desk.deal_rows:
        r = row["text_rect"]
        what = "offer" if "offer" in row else "pact" if "pact" in row else "kind"
        if what == "offer":
            pygame.draw.rect(surface, theme.PANEL_HIGHLIGHT, row["rect"].inflate(
                theme.px(6), theme.px(4)), border_radius=theme.px(6))
        title, title_colour, detail, detail_colour = deal_text(desk, what, row[what])
        # A long title ("Burden-sharing with the United States and Canada") takes a second
        # line from the detail rather than losing the partners' names.
        y = r.top + draw_wrapped(surface, bold, title, r, title_colour, 2)
        draw_wrapped(surface, small, detail, pygame.Rect(r.left, y, r.width, r.bottom - y),
                     detail_colour)


def agreement_name(kind: str) -> str:
    """An agreement's name as people write it (a sentence's start)."""
    return heading(agreement_label(kind))


def terms_text(terms: Mapping[str, object]) -> str:
    """An offer's terms in a line: shares as percentages, money as $M, counts as numbers."""
    parts = []
    for name, value in terms.items():
        label = t(name.replace("_", " "))
        who = name.rpartition("_")[2].upper()
        if isinstance(value, int | float) and name.startswith("share_"):
            parts.append(ts("{country} takes {p}", plural_subject(who),
                            country=country_subject(who), p=percent(value * 100)))
        elif isinstance(value, int | float) and name.startswith("contribution_"):
            parts.append(ts("{country} pays {m} a year", plural_subject(who),
                            country=country_subject(who), m=money(float(value))))
        elif isinstance(value, int | float):
            parts.append(f"{label} {number(float(value))}")
        else:
            parts.append(f"{label} {value}")
    return " · ".join(parts)


def draw_gauge(surface: pygame.Surface, box: pygame.Rect, label: str, value: float | None,
           low: float, high: float) -> None:
    """A compact gauge: label, value and a bar with the midpoint marked."""
    small, bold = theme.font(12), theme.font(15, bold=True)
    surface.blit(fit(small, label, box.width, theme.TEXT_DIM), box.topleft)
    shown = "–" if value is None else f"{value:.0f}"
    vs = bold.render(shown, True, theme.TEXT)
    bar_y = box.top + small.get_linesize() + theme.px(4)
    bar = pygame.Rect(box.left, bar_y + vs.get_height() // 2 - theme.px(3),
                      box.width - vs.get_width() - theme.px(8), theme.px(6))
    surface.blit(vs, (bar.right + theme.px(8), bar_y))
    pygame.draw.rect(surface, theme.PANEL_EDGE, bar, border_radius=theme.px(3))
    if value is not None and high > low:
        k = min(1.0, max(0.0, (value - low) / (high - low)))
        fill = bar.copy()
        fill.width = max(1, int(bar.width * k))
        # Near the middle (a score at the status quo, relations of 7) is neither good nor bad.
        colour = theme.TEXT_DIM if abs(k - 0.5) < NEUTRAL_BAND else (
            theme.GOOD if k > 0.5 else theme.BAD)
        pygame.draw.rect(surface, colour, fill, border_radius=theme.px(3))


def lever_note(spec: LeverSpec, value: float) -> str:
    """A lever value in a short note: ``$1.2B a year`` or ``1,340``."""
    return t("{m} a year", m=money(value)) if spec.kind == "money" else number(value)


def plain_number(value: float) -> str:
    """A number as a text field shows it: whole, or with one decimal below 100."""
    return f"{value:.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:.1f}"
