"""The policy desk: the map, the levers in tabs, proposals, the advisors' forecast, End turn.

The player's changes are the turn desk's draft for the player's country (``game.draft()``),
checked at once against the turn's table with the same :class:`~game.play.decisions.SetLever`
commands the session will run, so the budget left and any refusal ("The aid budget exceeds this
turn's budget by $120M.") show while the slider moves. End turn commits the draft
(``game.end_turn()``) and opens the turn report.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any, Literal
from weakref import WeakKeyDictionary

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import t
from game.play.decisions import (
    AnswerProposal,
    DecisionRejected,
    Table,
    choice_label,
    heading,
    lever_label,
)
from game.play.names import AGREEMENTS, LEVERS, LeverSpec, LeverValue
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.desk.coach import Coach
from game.ui.scenes.desk.deadline import draw_deadline
from game.ui.scenes.desk.deals import deal_status, partners
from game.ui.scenes.desk.drawing import (
    DIPLOMACY,
    FORECAST_DELAY_S,
    GOALS,
    TABS,
    agreement_name,
    deal_height,
    draw_deals,
    draw_forecast,
    draw_panel,
    draw_top,
    forecast_metrics,
    gauges,
    lever_note,
    lever_total,
    map_state,
    plain_number,
)
from game.ui.scenes.desk.goals import build_goals, goal_metrics, pages_changed, turn_page
from game.ui.scenes.kit import (
    FIELD_LEFT,
    footer_height,
    number,
    wrap,
)
from game.ui.scenes.registry import open_scene
from game.ui.widgets.lever_slider import LeverSlider, key_step

if TYPE_CHECKING:
    from game.play.game import Game
    from game.ui.app import App

#: The death marks' unit of each game's map, kept for the game's later turns.
DEATH_UNITS: WeakKeyDictionary[object, int] = WeakKeyDictionary()


class DeskScene(Scene):
    """Decide one turn: levers, proposals, forecast; End turn runs the simulation."""

    name = "desk"

    def __init__(self, app: App, game: Game) -> None:
        super().__init__(app)
        self.game = game
        self.player: str = game.player
        self.message = ""
        self.message_bad = False
        self.forecast: dict[str, tuple[float, float, float]] | None = None
        self.forecast_note = ""
        self._forecast_dirty = True
        self._forecast_due = 0.0
        tabs = self.tabs()
        # Autoplay shows a different tab each turn, so the screenshots show the whole desk.
        self.tab = tabs[(game.turn - 1) % len(tabs)][0] if game.autoplay else tabs[0][0]
        self.map_view: Any = None
        self.hover: Any = None
        self._chrome: pygame.Surface | None = None
        if game.message:
            # A resumed game that fell back to an older autosave, or a save that failed.
            self.say(game.message, bad=True)
        self.lever_page = 0
        self.pager: UIButton | None = None
        self.goal_page_count = 1
        #: A short note beside a lever's field: why a typed or dragged value was not applied.
        self.field_notes: dict[str, str] = {}
        #: The tutorial's coach (inactive in levels without one): desk/coach.py.
        self.coach = Coach(self)

    # -- data -----------------------------------------------------------------------------------

    @property
    def table(self) -> Table:
        """The turn's table as the session holds it (before the draft)."""
        return self.game.table

    @property
    def draft(self) -> dict[str, LeverValue]:
        """The player's pending lever changes (kept by the turn desk, so leaving keeps them)."""
        return self.game.draft()

    def tabs(self) -> list[tuple[str, str]]:
        """The tabs this player has: Goals, those with levers, then Diplomacy."""
        have = {spec.tab for spec in LEVERS.values() if self.player in spec.countries}
        return [(GOALS, t("Goals")), *((k, t(label)) for k, label in TABS if k in have),
                (DIPLOMACY, t("Diplomacy"))]

    def levers(self, tab: str) -> list[LeverSpec]:
        """The player's levers on one tab."""
        return [s for s in LEVERS.values() if s.tab == tab and self.player in s.countries]

    def value(self, lever: str) -> LeverValue:
        """A lever's value with the draft applied."""
        draft = self.draft
        if lever in draft:
            return draft[lever]
        return self.table.policy.value(self.player, lever)

    def draft_table(self, extra: dict[str, LeverValue] | None = None) -> Table:
        """The table with the draft applied (raises DecisionRejected if it is illegal)."""
        return self.game.draft_table(extra)

    def try_set(self, lever: str, value: LeverValue) -> bool:
        """Put a lever in the draft if the rules allow it; otherwise say why and keep the old."""
        try:
            self.game.set_lever(lever, value)
        except DecisionRejected as refusal:
            self.say(str(refusal), bad=True)
            return False
        # Wait until the slider rests a moment: the forecast runs many worlds.
        self._forecast_dirty = True
        self._forecast_due = time.monotonic() + FORECAST_DELAY_S
        self.say("")
        return True

    def step(self, spec: LeverSpec) -> float:
        """One arrow press on this lever's slider, in round units of this country's size."""
        typical = spec.default.get(self.player, 0.0)
        start = self.table.policy.value(self.player, spec.name)
        size = max(float(typical) if isinstance(typical, int | float) else 0.0,
                   lever_total(start))
        return key_step(spec.low, spec.high, size)

    def most_allowed(self, lever: str, wanted: float) -> float:
        """The value nearest ``wanted`` the rules allow, from the lever's value towards it.

        Costs grow with the value, so the affordable values form one interval: a search between
        the current value and the wanted one finds where the budget stops, on the step grid.
        """
        spec = LEVERS[lever]
        ok = lever_total(self.value(lever))
        unit = self.step(spec)
        bad = wanted
        for _ in range(40):
            if abs(bad - ok) <= unit / 1000:
                break
            middle = (ok + bad) / 2
            try:
                self.draft_table({lever: middle})
                ok = middle
            except DecisionRejected:
                bad = middle
        # On the step grid when that stays between the old value and the last allowed one.
        start = lever_total(self.value(lever))
        grid = (math.floor if wanted > start else math.ceil)(ok / unit) * unit
        return grid if min(start, ok) <= grid <= max(start, ok) else ok

    def say(self, text: str, bad: bool = False) -> None:
        """Show a message above the End turn button."""
        self.message, self.message_bad = text, bad
        self.invalidate()

    def budget(self) -> tuple[float, float]:
        """(left, total) of the player's budget this turn with the draft applied, US$M."""
        try:
            table = self.draft_table()
        except DecisionRejected:
            table = self.table
        total = table.budgets.get(self.player, 0.0)
        return table.budget_left(self.player), total

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """Lay out the top bar, the map, the forecast strip and the lever panel."""
        w, h = self.app.screen.get_size()
        gap = theme.px(10)
        self.top_rect = pygame.Rect(0, 0, w, theme.font(20, bold=True).get_linesize()
                                    + theme.font(13).get_linesize() + theme.px(14))
        body = pygame.Rect(gap, self.top_rect.bottom + gap, w - 2 * gap,
                           h - footer_height() - self.top_rect.bottom - 2 * gap)
        pw = min(max(theme.px(430), int(body.width * 0.36)), int(body.width * 0.5))
        self.panel_rect = pygame.Rect(body.right - pw, body.top, pw, body.height)
        left = pygame.Rect(body.left, body.top, body.width - pw - gap, body.height)
        fh = min(theme.px(150), left.height // 3)
        self.forecast_rect = pygame.Rect(left.left, left.bottom - fh, left.width, fh)
        self.map_rect = pygame.Rect(left.left, left.top, left.width, left.height - fh - gap)
        self._build_map()
        self._build_panel()
        self.invalidate()

    @property
    def animating(self) -> bool:  # type: ignore[override]
        """Frames are needed only while people move on the map and the window has focus."""
        return bool(self.map_view is not None and self.map_view.animating
                    and pygame.key.get_focused())

    @property
    def shot_name(self) -> str:
        """``desk_borders``: the desk and its open tab."""
        return f"{self.name}_{self.tab}"

    def panels(self) -> list[pygame.Rect]:
        """The map, the forecast strip and the lever panel."""
        return [self.map_rect, self.forecast_rect, self.panel_rect]

    def _build_map(self) -> None:
        from game.ui.map import MapView

        if self.map_view is None:
            self.map_view = MapView(reduced_motion=theme.reduced_motion(), seed=self.game.turn)
            # A death mark means as many deaths as in the game's earlier turns (comparable by
            # eye); the unit still grows if marks crowd.
            self.map_view.death_unit = DEATH_UNITS.get(self.game.session, 0)
            self.map_view.set_state(map_state(self.game))
        self.map_view.set_reduced_motion(theme.reduced_motion())
        self.map_view.resize(self.map_rect)

    def _build_panel(self) -> None:
        m = self.app.manager
        inner = self.panel_rect.inflate(-2 * theme.px(10), -2 * theme.px(10))
        self.tab_buttons: list[tuple[UIButton, str]] = []
        tabs = self.tabs()
        th = theme.font(15).get_linesize() + theme.px(10)
        # Each tab as wide as its label plus an equal share of the room left, so long names
        # (Diplomacy) fit beside short ones (Aid).
        font = theme.font(15)
        needs = [font.size(label)[0] for _, label in tabs]
        spare = max(0, inner.width - sum(needs)) / len(tabs)
        x = float(inner.left)
        for i, (key, label) in enumerate(tabs):
            width = needs[i] + spare
            right = inner.right if i == len(tabs) - 1 else int(round(x + width))
            rect = pygame.Rect(int(round(x)), inner.top, right - int(round(x)), th)
            x += width
            b = UIButton(rect, label, manager=m,
                         object_id="#tab_selected" if key == self.tab else "#tab")
            self.tab_buttons.append((b, key))
            self.focus.add(b)
        # Budget bar under the tabs, then the rows, then the message and End turn at the bottom.
        self.budget_rect = pygame.Rect(inner.left, inner.top + th + theme.px(8), inner.width,
                                       theme.font(14).get_linesize() + theme.px(12))
        bh = theme.px(44)
        self.end_button = UIButton(
            pygame.Rect(inner.right - min(theme.px(200), inner.width // 2), inner.bottom - bh,
                        min(theme.px(200), inner.width // 2), bh),
            t("End turn"), manager=m, object_id="#primary")
        months = self.table.months_per_turn
        self.end_button.set_tooltip(
            t("Run the next month with these decisions.") if months == 1
            else t("Run the next {n} months with these decisions.", n=months))
        self.message_rect = pygame.Rect(inner.left, inner.bottom - bh,
                                        inner.width - self.end_button.rect.width - theme.px(8), bh)
        self.rows_rect = pygame.Rect(inner.left, self.budget_rect.bottom + theme.px(8),
                                     inner.width,
                                     self.message_rect.top - self.budget_rect.bottom
                                     - theme.px(16))
        self.controls: dict[str, dict[str, Any]] = {}
        self.pager = None
        self.row_rects: list[tuple[str, pygame.Rect]] = []
        self.deal_rows: list[dict[str, Any]] = []
        if self.tab == DIPLOMACY:
            self._build_diplomacy()
        elif self.tab == GOALS:  # drawn text, and a pager when it takes more than a page
            build_goals(self)
        else:
            self._build_levers()
        self.focus.add(self.end_button)
        self.coach.build()
        if self.focus.index is None:
            self.focus.focus(self.coach.first_focus() or self.end_button)

    def _choice_columns(self, spec: LeverSpec, width: int) -> int:
        """Choices in one row when their labels fit, else in rows of two."""
        f = theme.font(15)
        n = len(spec.choices)
        need = max(f.size(heading(choice_label(c)))[0] for c in spec.choices) + theme.px(14)
        return n if n * need + (n - 1) * theme.px(4) <= width else 2

    def _build_levers(self) -> None:
        m = self.app.manager
        specs = self.levers(self.tab)
        area = self.rows_rect
        line = theme.font(15, bold=True).get_linesize()
        small = theme.font(13).get_linesize()
        control_h = theme.px(30)
        gap = theme.px(4)
        control_rows = {s.name: 1 if s.kind != "choice" else
                        -(-len(s.choices) // self._choice_columns(s, area.width)) for s in specs}
        heights = {name: line + gap + rows * control_h + (rows - 1) * gap + gap + small
                   + theme.px(10) for name, rows in control_rows.items()}
        # With room to spare, each row also says what the lever is, in full: a description cut
        # short says less than the tooltip, which always has it.
        described = {s.name: len(wrap(theme.font(13), t(s.description), area.width))
                     for s in specs}
        self.describe = sum(heights.values()) + sum(
            n * small + theme.px(8) for n in described.values()) <= area.height
        # When the rows do not fit (large UI scale, many levers), they go on pages.
        pages: list[list[LeverSpec]] = [[]]
        pager_h = theme.px(30) + theme.px(6)
        used = 0
        fits_all = sum(heights.values()) + theme.px(8) * len(specs) <= area.height
        room = area.height if fits_all else area.height - pager_h
        for spec in specs:
            need = heights[spec.name] + theme.px(8)
            if pages[-1] and used + need > room:
                pages.append([])
                used = 0
            pages[-1].append(spec)
            used += need
        self.lever_page %= len(pages)
        self.pager = None
        if len(pages) > 1:
            self.pager = UIButton(
                pygame.Rect(area.left, area.bottom - theme.px(30), area.width, theme.px(30)),
                t("More levers ({page} of {pages})", page=self.lever_page + 1, pages=len(pages)),
                manager=m, object_id="#small")
        y = area.top
        for spec in pages[self.lever_page]:
            row_h = heights[spec.name] + (described[spec.name] * small if self.describe else 0)
            rect = pygame.Rect(area.left, y, area.width, row_h)
            self.row_rects.append((spec.name, rect))
            cy = y + line + gap
            controls: dict[str, Any] = {"rect": rect}
            if spec.kind == "choice":
                cols = self._choice_columns(spec, area.width)
                bw = (area.width - (cols - 1) * gap) // cols
                current = self.value(spec.name)
                buttons = []
                for i, choice in enumerate(spec.choices):
                    r = pygame.Rect(area.left + (i % cols) * (bw + gap),
                                    cy + (i // cols) * (control_h + gap), bw, control_h)
                    label = heading(choice_label(choice))
                    b = UIButton(r, label, manager=m,
                                 object_id="#tab_selected" if choice == current else "#tab")
                    b.set_tooltip(t("{lever}: {choice}", lever=heading(lever_label(spec.name)),
                                    choice=label) + "<br>" + t(spec.description))
                    buttons.append((b, choice))
                    self.focus.add(b)
                controls["choices"] = buttons
            else:
                ew = theme.px(96)
                value = lever_total(self.value(spec.name))
                slider = LeverSlider(
                    pygame.Rect(area.left, cy, area.width - ew - theme.px(8), control_h),
                    value, spec.low, spec.high, self.step(spec), manager=m)
                entry = UITextEntryLine(
                    pygame.Rect(area.right - ew, cy, ew, control_h), manager=m)
                entry.set_text(plain_number(value))
                entry.set_allowed_characters([*"0123456789.,"])
                slider.set_tooltip(t(spec.description))
                controls.update(slider=slider, entry=entry)
                self.focus.add(slider, entry)
            rows = control_rows[spec.name]
            controls["bottom"] = cy + rows * control_h + (rows - 1) * gap
            self.controls[spec.name] = controls
            y += row_h + theme.px(8)
        if self.pager is not None:
            self.focus.add(self.pager)

    def _build_diplomacy(self) -> None:
        m = self.app.manager
        area = self.rows_rect
        # Offers waiting for the player's answer come first; then what the player can propose.
        items: list[tuple[str, Any]] = [("offer", p) for p in self.game.offers()]
        # Agreements binding the player that it could not have proposed (Remain in Mexico for
        # Mexico), with their terms in full.
        items += [("pact", p) for p in self.table.active_pacts(self.player)
                  if self.player not in AGREEMENTS[p.agreement.kind].proposers]
        items += [("kind", k) for k, spec in AGREEMENTS.items()
                  if self.player in spec.proposers and self._partners(k)]
        line = theme.font(14, bold=True).get_linesize()
        small = theme.font(13).get_linesize()
        bw = min(theme.px(110), area.width // 3)
        gap = theme.px(6)
        compact = max(line + 2 * small + theme.px(10), theme.px(34))
        needs = [max(compact, deal_height(self, what, item, area.width - (
            0 if what == "pact" else bw + theme.px(8))) + theme.px(4)) for what, item in items]
        # Each row as tall as its text in full; when they do not all fit, they go on pages
        # (a deal's terms cut short would be signed unread).
        heights = needs
        if sum(needs) + gap * len(items) > area.height:
            room = area.height - theme.px(36)
            pages: list[list[int]] = [[]]
            used = 0
            for i, need in enumerate(needs):
                if pages[-1] and used + need + gap > room:
                    pages.append([])
                    used = 0
                pages[-1].append(i)
                used += need + gap
            self.lever_page %= len(pages)
            self.pager = UIButton(
                pygame.Rect(area.left, area.bottom - theme.px(30), area.width, theme.px(30)),
                t("More agreements ({page} of {pages})", page=self.lever_page + 1,
                  pages=len(pages)), manager=m, object_id="#small")
            shown = pages[self.lever_page]
            items = [items[i] for i in shown]
            # A row taller than a page (a huge window scale) keeps to the page.
            heights = [min(needs[i], room) for i in shown]
        y = area.top
        bh = theme.px(30)
        for (what, item), row_h in zip(items, heights, strict=True):
            rect = pygame.Rect(area.left, y, area.width, row_h)
            text_rect = pygame.Rect(rect.left, y, rect.width - bw - theme.px(8), row_h)
            if what == "pact":
                self.deal_rows.append({"pact": item, "rect": rect, "text_rect": rect})
            elif what == "offer":
                # Accept above Reject, both beside the offer's text.
                half = (row_h - theme.px(4)) // 2
                accept = UIButton(pygame.Rect(rect.right - bw, y, bw, half), t("Accept"),
                                  manager=m, object_id="#small")
                reject = UIButton(pygame.Rect(rect.right - bw, y + half + theme.px(4), bw,
                                              half), t("Reject"), manager=m, object_id="#small")
                self.focus.add(accept, reject)
                self.deal_rows.append({"offer": item, "rect": rect, "accept": accept,
                                       "reject": reject, "text_rect": text_rect})
            else:
                label = t("Threaten") if item == "tariff_threat" else t("Propose")
                button = UIButton(pygame.Rect(rect.right - bw, y + (row_h - bh) // 2, bw, bh),
                                  label, manager=m, object_id="#small")
                button.set_tooltip(t(AGREEMENTS[item].description))
                self.focus.add(button)
                self.deal_rows.append({"kind": item, "rect": rect, "button": button,
                                       "text_rect": text_rect})
                if self._deal_status(item)[1] in ("pending", "active"):
                    button.disable()
            y += row_h + gap
        if self.pager is not None:
            self.focus.add(self.pager)

    def _partners(self, kind: str) -> tuple[str, ...]:
        return partners(self, kind)

    def _deal_status(self, kind: str) -> tuple[str, str]:
        """What has become of this kind of deal: (text, status) for the diplomacy row."""
        return deal_status(self, kind)

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Tabs, sliders, entries, choices, proposals and End turn."""
        if event.type != pygame.MOUSEMOTION:
            self.invalidate()
        coached = self.coach.handle(event)
        if coached is not False:
            return None if coached is True else coached
        if turn_page(self, event):
            return None
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            for lever, c in self.controls.items():
                if event.ui_element is c.get("slider"):
                    self.set_number(lever, c["slider"].value)
                    return None
        if event.type in (pygame_gui.UI_TEXT_ENTRY_FINISHED, FIELD_LEFT):
            for lever, c in self.controls.items():
                if event.ui_element is c.get("entry"):
                    self._entry_finished(lever, c)
                    return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._button(event.ui_element)
        if event.type == pygame.MOUSEMOTION and self.map_view is not None:
            self._hover(event.pos)
        return super().handle(event)

    def set_number(self, lever: str, wanted: float) -> None:
        """Set a number lever from its slider or field; past the budget, stop at the most allowed.

        The slider and the field then show the value that was applied, and the row says why
        when it is not the one asked for.
        """
        c = self.controls[lever]
        self.field_notes.pop(lever, None)
        value, refusal = wanted, ""
        try:
            self.draft_table({lever: wanted})
        except DecisionRejected as why:
            value, refusal = self.most_allowed(lever, wanted), str(why)
        if value != lever_total(self.value(lever)):
            self.try_set(lever, value)
        if refusal:
            self.say(refusal, bad=True)
            self.field_notes[lever] = t("The most this turn's budget allows: {value}.",
                                        value=lever_note(LEVERS[lever], value))
        c["slider"].show_value(lever_total(self.value(lever)))
        c["entry"].set_text(plain_number(lever_total(self.value(lever))))

    def _entry_finished(self, lever: str, c: dict[str, Any]) -> None:
        """A typed value: applied, stopped at the budget, or refused with the reason beside it."""
        spec = LEVERS[lever]
        text = c["entry"].get_text().replace(",", "").strip()
        shown = plain_number(lever_total(self.value(lever)))
        try:
            value = float(text)
        except ValueError:
            self.field_notes[lever] = t("Type a number of {unit}.", unit=t(spec.unit))
            self.say(self.field_notes[lever], bad=True)
            c["entry"].set_text(shown)
            return
        if not spec.low <= value <= spec.high:
            self.field_notes[lever] = t("Between {low} and {high}.", low=number(spec.low),
                                        high=number(spec.high))
            self.say(t("{lever} must be between {low} and {high} {unit}.",
                       lever=heading(lever_label(lever)), low=number(spec.low),
                       high=number(spec.high), unit=t(spec.unit)), bad=True)
            c["entry"].set_text(shown)
            return
        self.set_number(lever, value)

    def _button(self, element: object) -> Scene | None:
        if element is self.end_button:
            return self.end_turn()
        if element is not None and element is getattr(self, "pager", None):
            self.lever_page += 1
            self._rebuild()
            if self.pager is not None:
                self.focus.focus(self.pager)
            return None
        for b, key in self.tab_buttons:
            if element is b:
                self.tab = key
                self.lever_page = 0
                self._rebuild(focus_tab=key)
                return None
        for lever, c in self.controls.items():
            for b, choice in c.get("choices", []):
                if element is b and self.try_set(lever, choice):
                    for other, ch in c["choices"]:
                        other.change_object_id("#tab_selected" if ch == choice else "#tab")
                    return None
        for row in self.deal_rows:
            if "kind" in row and element is row["button"]:
                # The terms are read and set on their own screen before anything is sent.
                return open_scene("deal_terms", self.app, self.game, row["kind"],
                                  self._partners(row["kind"]), self, self.after_proposal)
            if "offer" in row and element in (row["accept"], row["reject"]):
                self.answer(row["offer"], "accept" if element is row["accept"] else "reject")
                self._rebuild(focus_tab=DIPLOMACY)
                return None
        return None

    def answer(self, proposal: Any, answer: Literal["accept", "reject"]) -> None:
        """Accept or reject a partner's offer through the session; say what happened."""
        try:
            self.game.decide(AnswerProposal(self.player, proposal=proposal.id, answer=answer))
        except DecisionRejected as refusal:
            self.say(str(refusal), bad=True)
            return
        name = agreement_name(proposal.kind)
        self.say(t("You accepted {kind}.", kind=name) if answer == "accept"
                 else t("You rejected {kind}.", kind=name))

    def _rebuild(self, focus_tab: str | None = None) -> None:
        self.invalidate()
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self._build_panel()
        if focus_tab is not None:
            for b, key in self.tab_buttons:
                if key == focus_tab:
                    self.focus.focus(b)

    def after_proposal(self, kind: str) -> None:
        """Back from the terms screen with a proposal sent: its answer above End turn."""
        self.say(self._deal_status(kind)[0] or t("Proposal sent."))

    def end_turn(self) -> Scene | None:
        """Commit the draft, run the turn, and open its report."""
        try:
            report = self.game.end_turn()
        except DecisionRejected as refusal:
            self.say(str(refusal), bad=True)
            return None
        if report is None:
            return None

        return open_scene("report", self.app, self.game, report)

    def back(self) -> Scene | None:
        """Escape leaves the desk for the briefing (the game is autosaved after every turn)."""
        return open_scene("briefing", self.app, self.game)

    def autoplay(self) -> Scene | None:
        """End the turn: under autoplay every country, the player's too, is led by its AI."""
        return self.end_turn()

    def hints(self) -> list[tuple[str, str]]:
        """Desk keys."""
        return [(t("Tab"), t("Next control")), (t("Left/Right"), t("Move slider")),
                (t("Enter"), t("Press")), (t("Esc"), t("Briefing")), (t("F1"), t("Glossary"))]

    # -- forecast -------------------------------------------------------------------------------

    def update(self, dt: float) -> Scene | None:
        """Animate the map; a moment after the draft changed, refresh the forecast and map."""
        if self._forecast_dirty and time.monotonic() >= self._forecast_due:
            self._forecast_dirty = False
            self._refresh_forecast()
            self.invalidate()
            if self.tab == GOALS and pages_changed(self):
                self._rebuild()
            if self.map_view is not None and self.draft:
                try:
                    policy = self.draft_table().policy
                except DecisionRejected:
                    policy = self.table.policy
                self.map_view.set_state(map_state(self.game, policy))
        if self.map_view is not None and self.animating:
            self.map_view.update(dt)
        self.coach.update(dt)
        return None

    def _refresh_forecast(self) -> None:
        try:
            wanted = forecast_metrics(self.player)
            extra = tuple(m for m in goal_metrics(self) if m not in wanted)
            self.forecast = self.game.forecast(wanted + extra)
            self.forecast_note = ""
        except DecisionRejected:
            return
        except Exception as error:  # noqa: BLE001 - advisors failing must not stop the turn
            self.forecast = None
            self.forecast_note = t("Forecast unavailable: the advisors could not compute it "
                                   "({e}).", e=error)

    def _hover(self, pos: tuple[int, int]) -> None:
        self.hover = self.map_view.set_hover(pos if self.map_rect.collidepoint(pos) else None)

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the top bar, the forecast strip and the panel (cached), then the live map."""
        # Only the map moves from frame to frame: the rest is rendered again only after an
        # event or a new forecast, which keeps an animating desk well inside a 60 fps frame.
        if self._chrome is None or self._chrome.get_size() != surface.get_size():
            chrome = pygame.Surface(surface.get_size())
            chrome.fill(theme.BACKGROUND)
            draw_top(self, chrome)
            draw_forecast(self, chrome)
            draw_panel(self, chrome)
            self._chrome = chrome
        surface.blit(self._chrome, (0, 0))
        self._draw_map(surface)
        self.coach.draw(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Over the widgets: the tutorial's outline round the control to use."""
        self.coach.draw_over(surface)

    def invalidate(self) -> None:
        """Render the desk's texts and panels again on the next frame."""
        self._chrome = None

    def gauges(self) -> list[tuple[str, float | None, float, float]]:
        """Headline gauges: the player's approval, the humanitarian score, relations."""
        return gauges(self)

    def _draw_map(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, theme.OCEAN, self.map_rect, border_radius=theme.px(10))
        if self.map_view is not None:
            clip = surface.get_clip()
            surface.set_clip(self.map_rect)
            self.map_view.draw(surface)
            surface.set_clip(clip)
            if self.map_view.death_unit >= 1:
                DEATH_UNITS[self.game.session] = self.map_view.death_unit
        pygame.draw.rect(surface, theme.PANEL_EDGE, self.map_rect, width=1,
                         border_radius=theme.px(10))
        draw_deadline(self, surface)

    def _draw_deals(self, surface: pygame.Surface) -> None:
        """The Diplomacy tab's rows (a team's desk shows its negotiations instead)."""
        draw_deals(self, surface)

