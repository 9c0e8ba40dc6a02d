"""Negotiations for one team: answer offers, make proposals with their terms, keep or break pacts.

Left: offers waiting for the team, each with Accept, Reject and Counter (a counter-offer opens
the form with the offer's terms). Middle: the team's agreements in force, each with Leave
(leaving an agreement partners accepted is a broken promise: it costs relations), its own
pending offers, each with Withdraw, then the tariff threat aimed at it and the pledges made to
it, with their state. Both lists turn pages (Previous, Next) when they do not fit: no offer is
ever hidden for lack of space. Right: the form for a new proposal — the kind, the partner,
every term with its unit — or a tariff threat. Every refusal from the rules is shown as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import format_number, percent, t
from game.play.classroom import Notice, Pledge, agreement_kinds_for, notices_for, pledge_levers
from game.play.decisions import (
    DecisionRejected,
    agreement_label,
    country_name,
    heading,
    lever_label,
)
from game.play.names import AGREEMENTS, nearest_first
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.class_view import clock_text, teacher_key
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.play.classroom import Classroom
    from game.ui.app import App

#: Agreements whose partners may be several at once (every other eligible country joins).
MULTI_PARTY = ("burden_sharing", "joint_corps", "trinational_task_force")
#: The form's kind for a pledge (aid or own spending), which is the classroom's, not the model's.
PLEDGE = "pledge"


class ClassDealsScene(Scene):
    """A team's negotiations: inbox, pacts in force, and a proposal form."""

    name = "class_deals"

    def __init__(self, app: App, room: Classroom, country: str, back_to: Scene) -> None:
        super().__init__(app)
        self.room = room
        self.country = country
        self.back_to = back_to
        countries = tuple(room.session.roles)
        self.kinds = agreement_kinds_for(country, countries)
        self.levers = pledge_levers(country)
        if self.levers:
            self.kinds.append(PLEDGE)
        self.lever_index = 0
        self.kind_index = 0
        self.partner_index = 0
        #: The proposal being countered (None: a new proposal).
        self.countering: int | None = None
        self.terms: dict[str, str] = {}
        self.message = ""
        self.message_bad = False
        #: The page shown of the inbox and of the "in force and on the table" list.
        self.inbox_page = 0
        self.table_page = 0
        self._reset_terms()

    # -- the form's state -----------------------------------------------------------------------

    @property
    def kind(self) -> str | None:
        """The agreement kind in the form."""
        return self.kinds[self.kind_index % len(self.kinds)] if self.kinds else None

    def partners(self, kind: str) -> list[tuple[str, ...]]:
        """Partner choices for ``kind``: each eligible country, or all of them together."""
        if kind == PLEDGE:
            return [(c,) for c in self.room.session.roles if c != self.country]
        spec = AGREEMENTS[kind]
        eligible = list(nearest_first(self.country, [
            c for c in spec.acceptors if c != self.country and c in self.room.session.roles]))
        if kind in MULTI_PARTY:
            return [tuple(eligible)] if eligible else []
        return [(c,) for c in eligible]

    @property
    def partner(self) -> tuple[str, ...]:
        """The partner or partners chosen in the form."""
        choices = self.partners(self.kind) if self.kind else []
        return choices[self.partner_index % len(choices)] if choices else ()

    def _reset_terms(self, values: dict[str, Any] | None = None) -> None:
        kind = self.kind
        self.terms = {}
        if kind is None:
            return
        if kind == PLEDGE:
            lever = self.levers[self.lever_index % len(self.levers)]
            current = self.room.desk.table(self.country).policy.value(self.country, lever)
            total = sum(current.values()) if isinstance(current, dict) else current
            self.terms = {"amount": _plain(float(total)), "turns": "2"}  # type: ignore[arg-type]
            return
        spec = AGREEMENTS[kind]
        for term in spec.terms:
            value = (values or {}).get(term.name, term.default)
            self.terms[term.name] = "" if value is None else _plain(value)
        if kind == "tariff_threat":
            self.terms.setdefault("deadline_months", "2")

    def who(self, country: str) -> str:
        """"Team Jaguars" for a team's country, the country's name for the computer's."""
        for team in self.room.teams:
            if team.country == country:
                return t("Team {name}", name=team.name)
        return t("{country} (computer)", country=country_name(country))

    def _term_specs(self) -> dict[str, Any]:
        """The form's terms with their registry specs (a pledge's amount: the lever's)."""
        if self.kind == PLEDGE:
            from game.play.names import LEVERS

            return {"amount": LEVERS[self.levers[self.lever_index % len(self.levers)]]}
        if self.kind is None:
            return {}
        return {term.name: term for term in AGREEMENTS[self.kind].terms}

    def _description(self) -> str:
        if self.kind == PLEDGE:
            return t("Promise a partner to keep one of your levers at an amount or more for some "
                     "turns. Once accepted it binds: your desk will not go lower, and leaving it "
                     "is a broken promise.")
        return t(AGREEMENTS[self.kind].description) if self.kind else ""

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """Three panels: inbox, in force, new proposal; Back at the bottom."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(40)
        col = (w - 4 * gap) // 3
        body_h = bottom - top - bh - gap
        self.inbox_rect = pygame.Rect(gap, top, col, body_h)
        self.pacts_rect = pygame.Rect(2 * gap + col, top, col, body_h)
        self.form_rect = pygame.Rect(3 * gap + 2 * col, top, w - 4 * gap - 2 * col, body_h)
        self.back_button = UIButton(pygame.Rect(w - gap - theme.px(240), bottom - bh,
                                                theme.px(240), bh), t("Back to the desk"),
                                    manager=m, object_id="#primary")
        self.message_rect = pygame.Rect(gap, bottom - bh, w - 3 * gap - theme.px(240), bh)
        self.answer_buttons: list[tuple[UIButton, int, str]] = []
        self.leave_buttons: list[tuple[UIButton, str, tuple[str, ...]]] = []
        self.inbox_rows: list[tuple[pygame.Rect, Any]] = []
        self.pact_rows: list[tuple[pygame.Rect, str]] = []
        self.notice_rows: list[tuple[pygame.Rect, Notice]] = []
        self.pledge_buttons: list[tuple[UIButton, int, bool]] = []
        self.pledge_rows: list[tuple[pygame.Rect, Any]] = []
        #: Page buttons: (button, which list, step); and each list's "4–6 of 7" line.
        self.pager_buttons: list[tuple[UIButton, str, int]] = []
        self.pager_lines: list[tuple[pygame.Rect, str]] = []
        view = self.room.team_view(self.country)
        self._build_inbox(view)
        self._build_table(view)
        self._build_form()
        self.focus.add(self.back_button)
        first = self.answer_buttons[0][0] if self.answer_buttons else self.kind_button
        self.focus.focus(first or self.back_button)

    def _pager(self, inner: pygame.Rect, which: str, pages: list[list[int]], page: int,
               count: int) -> None:
        """Previous and Next under a list that has more than one page, and where it stands."""
        if len(pages) < 2:
            return
        m = self.app.manager
        h = theme.px(28)
        bw = min(theme.px(100), inner.width // 3)
        y = inner.bottom - h
        for x, step, label in ((inner.left, -1, t("Previous")),
                               (inner.right - bw, 1, t("Next"))):
            b = UIButton(pygame.Rect(x, y, bw, h), label, manager=m, object_id="#small")
            if not 0 <= page + step < len(pages):
                b.disable()
            self.pager_buttons.append((b, which, step))
            self.focus.add(b)
        shown = pages[page]
        self.pager_lines.append((pygame.Rect(inner.left + bw, y, inner.width - 2 * bw, h),
                                 t("{first}–{last} of {n}", first=shown[0] + 1,
                                   last=shown[-1] + 1, n=count)))

    def _build_inbox(self, view: Any) -> None:
        """Offers and pledges waiting for this team, each with its answers; paged to fit."""
        m = self.app.manager
        small = theme.px(28)
        line = theme.font(14, bold=True).get_linesize()
        row_h = line + 3 * theme.font(13).get_linesize() + small + theme.px(12)
        inner = self.inbox_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(4)
        items: list[Any] = [*view.inbox, *self.room.pledges_for(self.country)]
        pages = pages_of([row_h + theme.px(6)] * len(items), inner.bottom - y,
                         theme.px(28) + theme.px(6))
        self.inbox_page = min(self.inbox_page, len(pages) - 1)
        for index in pages[self.inbox_page]:
            item = items[index]
            rect = pygame.Rect(inner.left, y, inner.width, row_h - small - theme.px(6))
            by = y + row_h - small - theme.px(6)
            if isinstance(item, Pledge):
                self.pledge_rows.append((rect, item))
                answers: list[tuple[Any, str]] = [(True, t("Accept")), (False, t("Reject"))]
            else:
                self.inbox_rows.append((rect, item))
                answers = [("accept", t("Accept")), ("reject", t("Reject")),
                           ("counter", t("Counter"))]
            bw = (inner.width - (len(answers) - 1) * theme.px(6)) // len(answers)
            for i, (answer, label) in enumerate(answers):
                b = UIButton(pygame.Rect(inner.left + i * (bw + theme.px(6)), by, bw, small),
                             label, manager=m, object_id="#small")
                if isinstance(item, Pledge):
                    self.pledge_buttons.append((b, item.id, bool(answer)))
                else:
                    self.answer_buttons.append((b, item.id, str(answer)))
                self.focus.add(b)
            y += row_h + theme.px(6)
        self._pager(inner, "inbox", pages, self.inbox_page, len(items))

    def _table_items(self, view: Any) -> list[tuple[str, str, tuple[str, ...], str]]:
        """The team's pacts, offers, threats and pledges, each with its Leave or Withdraw."""
        items: list[tuple[str, str, tuple[str, ...], str]] = []
        for pact in view.pacts:
            others = tuple(c for c in pact.agreement.parties if c != self.country)
            items.append((t("{kind} with {partners}",
                            kind=heading(agreement_label(pact.agreement.kind)),
                            partners=", ".join(self.who(c) for c in others)),
                          pact.agreement.kind, others, t("Leave")))
        for proposal in view.outbox:
            others = tuple(c for c in proposal.parties if c != self.country)
            items.append((t("Your offer: {kind} to {partners}",
                            kind=agreement_label(proposal.kind),
                            partners=", ".join(self.who(c) for c in others)),
                          proposal.kind, others, t("Withdraw")))
        for th in self.room.session.table.pending_threats():
            if th.by == self.country:
                items.append((t("Your tariff threat on {target}", target=self.who(th.target)),
                              "tariff_threat", (th.target,), t("Withdraw")))
        turn = self.room.session.turn
        for pledge in self.room.pledges:
            if pledge.by == self.country and (pledge.status == "pending" or
                                              pledge.active(turn)):
                label = t("Withdraw") if pledge.status == "pending" else t("Leave")
                items.append((t("Your pledge: {lever} to {to}", lever=lever_label(pledge.lever),
                                to=self.who(pledge.to)), PLEDGE, (str(pledge.id),), label))
        return items

    def _build_table(self, view: Any) -> None:
        """What is in force and on the table, then what is aimed at the team; paged to fit."""
        m = self.app.manager
        small = theme.px(28)
        inner = self.pacts_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(4)
        items = self._table_items(view)
        # What the team did not answer (and cannot leave) but must see: threats aimed at it,
        # pledges made to it once answered (pending ones wait in the inbox, with buttons).
        notices = [n for n in notices_for(self.room, self.country)
                   if not (n.kind == "pledge" and n.status == "pending")]
        lh = max(theme.px(34), 2 * theme.font(13).get_linesize() + theme.px(6))
        # A heading and up to four lines: a French threat with its deadline needs all four.
        nh = theme.font(14, bold=True).get_linesize() + 4 * theme.font(13).get_linesize()
        heights = [lh + theme.px(6)] * len(items) + [nh + theme.px(6)] * len(notices)
        pages = pages_of(heights, inner.bottom - y, theme.px(28) + theme.px(6))
        self.table_page = min(self.table_page, len(pages) - 1)
        bw = theme.px(100)
        for index in pages[self.table_page]:
            if index >= len(items):
                self.notice_rows.append((pygame.Rect(inner.left, y, inner.width, nh),
                                         notices[index - len(items)]))
                y += nh + theme.px(6)
                continue
            text, kind, others, label = items[index]
            b = UIButton(pygame.Rect(inner.right - bw, y + (lh - small) // 2, bw, small), label,
                         manager=m, object_id="#small")
            self.leave_buttons.append((b, kind, others))
            self.pact_rows.append((pygame.Rect(inner.left, y, inner.width - bw - theme.px(8),
                                               lh), text))
            self.focus.add(b)
            y += lh + theme.px(6)
        self._pager(inner, "table", pages, self.table_page, len(heights))

    def _build_form(self) -> None:
        m = self.app.manager
        inner = self.form_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
        y = inner.top + theme.font(15, bold=True).get_linesize() + theme.px(6)
        h = theme.px(32)
        self.kind_button: UIButton | None = None
        self.partner_button: UIButton | None = None
        self.send_button: UIButton | None = None
        self.entries: dict[str, UITextEntryLine] = {}
        self.term_labels: list[tuple[pygame.Rect, str]] = []
        self.term_notes: list[tuple[pygame.Rect, str]] = []
        if self.kind is None:
            return
        label = heading(agreement_label(self.kind))
        if self.kind == "tariff_threat":
            label = t("Tariff threat")
        elif self.kind == PLEDGE:
            label = t("A pledge (aid or spending)")
        self.kind_button = UIButton(pygame.Rect(inner.left, y, inner.width, h),
                                    t("Agreement: {kind}", kind=label), manager=m)
        self.kind_button.set_tooltip(self._description())
        y += h + theme.px(6)
        partners = ", ".join(self.who(c) for c in self.partner) or t("nobody")
        self.partner_button = UIButton(pygame.Rect(inner.left, y, inner.width, h),
                                       t("With: {partners}", partners=partners), manager=m)
        if len(self.partners(self.kind)) < 2 or self.countering is not None:
            self.partner_button.disable()
        if self.countering is not None:
            self.kind_button.disable()
        y += h + theme.px(10)
        self.lever_button: UIButton | None = None
        if self.kind == PLEDGE:
            lever = self.levers[self.lever_index % len(self.levers)]
            self.lever_button = UIButton(pygame.Rect(inner.left, y, inner.width, h),
                                         t("Keep at least: {lever}", lever=lever_label(lever)),
                                         manager=m)
            self.focus.add(self.lever_button)
            y += h + theme.px(10)
        ew = theme.px(110)
        units = self._term_specs()
        names = list(self.terms)
        for name in names:
            if y + h > inner.bottom - h - theme.px(10):
                break
            term = units.get(name)
            unit = t(term.unit) if term else (t("turns") if name == "turns" else t("months"))
            text = t("{name} ({unit})", name=name.replace("_", " "), unit=unit)
            self.term_labels.append((pygame.Rect(inner.left, y, inner.width - ew - theme.px(8),
                                                 h), text))
            entry = UITextEntryLine(pygame.Rect(inner.right - ew, y, ew, h), manager=m)
            entry.set_text(self.terms[name])
            self.entries[name] = entry
            y += h + theme.px(2)
            if term is not None and term.description:
                entry.set_tooltip(t(term.description))
                note_h = theme.font(12).get_linesize() * 2
                self.term_notes.append((pygame.Rect(inner.left, y, inner.width, note_h),
                                        t(term.description)))
                y += note_h
            y += theme.px(6)
        send = t("Send the counter-offer") if self.countering is not None else (
            t("Make the threat") if self.kind == "tariff_threat" else
            t("Offer the pledge") if self.kind == PLEDGE else t("Send the proposal"))
        self.send_button = UIButton(pygame.Rect(inner.left, inner.bottom - h - theme.px(4),
                                                inner.width, h + theme.px(4)), send, manager=m,
                                    object_id="#primary")
        self.focus.add(self.kind_button, self.partner_button, *self.entries.values(),
                       self.send_button)

    def panels(self) -> list[pygame.Rect]:
        """The three panels."""
        return [self.inbox_rect, self.pacts_rect, self.form_rect]

    def _rebuild(self) -> None:
        self.app.manager.clear_and_reset()
        self.focus = type(self.focus)()
        self.enter()

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Answers, leaving, the form; Ctrl+T for the teacher; Escape back to the desk."""
        if teacher_key(event):
            return open_scene("class_teacher", self.app, self.room, back_to=self)
        if self.room.paused and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            return None
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            for name, entry in self.entries.items():
                if event.ui_element is entry:
                    self.terms[name] = entry.get_text()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._button(event.ui_element)
        return super().handle(event)

    def _button(self, element: object) -> Scene | None:
        if element is self.back_button:
            return self.back()
        for b, which, step in self.pager_buttons:
            if element is b:
                self.turn_page(which, step)
                return None
        if element is self.kind_button and self.kinds:
            self.kind_index = (self.kind_index + 1) % len(self.kinds)
            self.partner_index = 0
            self._reset_terms()
            self._rebuild()
            if self.kind_button is not None:
                self.focus.focus(self.kind_button)
            return None
        if element is not None and element is getattr(self, "lever_button", None):
            self.lever_index = (self.lever_index + 1) % len(self.levers)
            self._reset_terms()
            self._rebuild()
            if self.lever_button is not None:
                self.focus.focus(self.lever_button)
            return None
        for b, pledge_id, accept in getattr(self, "pledge_buttons", []):
            if element is b:
                try:
                    self.room.answer_pledge(self.country, pledge_id, accept)
                except DecisionRejected as refusal:
                    self._say(str(refusal), True)
                    return None
                self._say(t("Accepted: the pledge binds from this turn.") if accept
                          else t("Rejected."))
                self._rebuild()
                return None
        if element is self.partner_button:
            self.partner_index += 1
            self._rebuild()
            if self.partner_button is not None:
                self.focus.focus(self.partner_button)
            return None
        if element is self.send_button:
            self.send()
            return None
        for b, proposal_id, answer in self.answer_buttons:
            if element is b:
                self.answer(proposal_id, answer)
                return None
        for b, kind, others in self.leave_buttons:
            if element is b:
                self.leave_pact(kind, others)
                return None
        return None

    def turn_page(self, which: str, step: int) -> None:
        """Show the next (or previous) page of the inbox or of the table."""
        if which == "inbox":
            self.inbox_page = max(0, self.inbox_page + step)
        else:
            self.table_page = max(0, self.table_page + step)
        self._rebuild()
        # The focus stays on the pager, so Enter keeps turning pages.
        button = next((b for b, w, st in self.pager_buttons if w == which and st == step), None)
        if button is not None:
            self.focus.focus(button if button.is_enabled else self.back_button)

    def _say(self, text: str, bad: bool = False) -> None:
        self.message, self.message_bad = text, bad

    def _term_values(self) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        names = {n: s for n, s in self._term_specs().items() if hasattr(s, "names")}
        for name, text in self.terms.items():
            term = names.get(name)
            if term is not None and term.names:
                values[name] = text.strip().upper()
                continue
            raw = text.replace(",", "").replace("%", "").strip()
            try:
                number = float(raw)
            except ValueError:
                self._say(t("Type a number for {name}.", name=name.replace("_", " ")), True)
                return None
            if "%" in text:
                number /= 100
            values[name] = number
        return values

    def send(self) -> None:
        """Send the form: a proposal, a counter-offer, or a threat."""
        kind = self.kind
        values = self._term_values()
        if kind is None or values is None:
            return
        try:
            if kind == PLEDGE:
                lever = self.levers[self.lever_index % len(self.levers)]
                self.room.pledge(self.country, self.partner[0], lever,
                                 float(values.get("amount", 0)), int(values.get("turns", 2)))
                answers = []
            elif self.countering is not None:
                answers = self.room.answer(self.country, self.countering, "counter", values)
                self.countering = None
            else:
                answers = self.room.propose(self.country, kind, list(self.partner), values)
        except DecisionRejected as refusal:
            self._say(str(refusal), True)
            return
        replies = [a.reason for a in answers if getattr(a, "reason", "")]
        done = t("Sent. The partner answers on its own turn.")
        if kind == "tariff_threat":
            done = t("The threat is made: it will be in the news after this turn.")
        self._say(" ".join([done, *replies]))
        self._reset_terms()
        self._rebuild()

    def answer(self, proposal_id: int, answer: str) -> None:
        """Accept or reject at once; Counter fills the form with the offer's terms."""
        if answer == "counter":
            proposal = self.room.session.table.proposal(proposal_id)
            if proposal.kind in self.kinds:
                self.kind_index = self.kinds.index(proposal.kind)
            else:
                self.kinds.append(proposal.kind)
                self.kind_index = len(self.kinds) - 1
            self.countering = proposal_id
            self._reset_terms(dict(proposal.terms))
            self._say(t("Change the terms on the right, then send the counter-offer."))
            self._rebuild()
            return
        try:
            self.room.answer(self.country, proposal_id, answer)
        except DecisionRejected as refusal:
            self._say(str(refusal), True)
            return
        self._say(t("Accepted: the agreement is in force from this turn.") if answer == "accept"
                  else t("Rejected."))
        self._rebuild()

    def leave_pact(self, kind: str, others: tuple[str, ...]) -> None:
        """Leave an agreement (a broken promise), or withdraw an offer or a threat."""
        try:
            if kind == PLEDGE:
                self.room.withdraw_pledge(self.country, int(others[0]))
            else:
                self.room.withdraw(self.country, kind, others)
        except DecisionRejected as refusal:
            self._say(str(refusal), True)
            return
        self._say(t("Done. Breaking an agreement others accepted costs their trust."))
        self._rebuild()

    def back(self) -> Scene | None:
        """Back to the team's desk."""
        return self.back_to

    def update(self, dt: float) -> Scene | None:
        """The team's clock runs here too; when it runs out, the desk commits the draft."""
        if self.room.tick(dt):
            commit = getattr(self.back_to, "end_turn", None)
            return commit() if callable(commit) else self.back_to
        return None

    @property
    def animating(self) -> bool:  # type: ignore[override]
        """A running timer needs frames to count down."""
        return self.room.time_left is not None and not self.room.paused

    def autoplay(self) -> Scene | None:
        """Autoplay goes back to the desk."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Desk")),
                (t("Ctrl+T"), t("Teacher"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Header, the three panels and the message line."""
        surface.fill(theme.BACKGROUND)
        team = self.room.team(self.country)
        clock = clock_text(self.room.time_left)
        header(surface, t("Negotiations: {team}", team=team.label),
               t("Time left {clock}", clock=clock) if clock else "")
        small, bold = theme.font(13), theme.font(14, bold=True)
        inner = panel(surface, self.inbox_rect, t("Waiting for your answer"))
        if not self.inbox_rows and not getattr(self, "pledge_rows", []):
            draw_wrapped(surface, small, t("No offers are waiting for you. Offers made to you "
                                           "this turn or last appear here."), inner,
                         theme.TEXT_DIM)
        for rect, proposal in self.inbox_rows:
            surface.blit(fit(bold, t("{who} offers {kind}", who=self.who(proposal.by),
                                     kind=agreement_label(proposal.kind)), rect.width),
                         rect.topleft)
            terms = ", ".join(f"{k.replace('_', ' ')} {_shown(v)}"
                              for k, v in proposal.terms.items())
            others = [self.who(c) for c in proposal.parties
                      if c not in (proposal.by, self.country)]
            text = t("Terms: {terms}.", terms=terms) if terms else t("No terms to set.")
            if others:
                text += " " + t("Also asked: {others}.", others=", ".join(others))
            if proposal.counter_of is not None:
                text = t("A counter-offer.") + " " + text
            draw_wrapped(surface, small, text, pygame.Rect(rect.left, rect.top
                                                           + bold.get_linesize(), rect.width,
                                                           rect.height - bold.get_linesize()),
                         theme.TEXT_DIM, 3)
        for rect, pledge in getattr(self, "pledge_rows", []):
            surface.blit(fit(bold, t("{who} offers a pledge", who=self.who(pledge.by)),
                             rect.width), rect.topleft)
            draw_wrapped(surface, small, pledge.text(), pygame.Rect(
                rect.left, rect.top + bold.get_linesize(), rect.width,
                rect.height - bold.get_linesize()), theme.TEXT_DIM, 3)
        inner = panel(surface, self.pacts_rect, t("In force and on the table"))
        if not self.pact_rows and not self.notice_rows:
            draw_wrapped(surface, small, t("No agreements in force and no offers of yours "
                                           "pending."), inner, theme.TEXT_DIM)
        for rect, text in self.pact_rows:
            draw_wrapped(surface, small, text, rect, theme.TEXT, 2)
        for rect, notice in self.notice_rows:
            title = t("Threat to you") if notice.kind == "threat" else t("Pledge to you")
            head = fit(bold, f"{title} · {notice.state}", rect.width,
                       theme.BAD if notice.kind == "threat" and notice.running else theme.ACCENT)
            surface.blit(head, rect.topleft)
            draw_wrapped(surface, small, notice.text, pygame.Rect(
                rect.left, rect.top + bold.get_linesize(), rect.width,
                rect.height - bold.get_linesize()), theme.TEXT_DIM, 4)
        for rect, text in self.pager_lines:
            line = fit(small, text, rect.width, theme.TEXT_DIM)
            surface.blit(line, line.get_rect(center=rect.center))
        title = t("Counter-offer") if self.countering is not None else t("Make a proposal")
        inner = panel(surface, self.form_rect, title)
        if self.kind is None:
            draw_wrapped(surface, small, t("Your country cannot propose agreements in this "
                                           "level."), inner, theme.TEXT_DIM)
        for rect, text in self.term_labels:
            surface.blit(fit(small, text, rect.width), (rect.left, rect.centery
                                                       - small.get_linesize() // 2))
        for rect, text in self.term_notes:
            draw_wrapped(surface, theme.font(12), text, rect, theme.TEXT_DIM, 2)
        if self.kind is not None and not self.term_labels and self.countering is None:
            r = self.form_rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
            y = (self.partner_button.rect.bottom if self.partner_button else r.top) + theme.px(10)
            draw_wrapped(surface, small, self._description(),
                         pygame.Rect(r.left, y, r.width, theme.px(80)), theme.TEXT_DIM)
        if self.message:
            draw_wrapped(surface, small, self.message, self.message_rect,
                         theme.BAD if self.message_bad else theme.GOOD, 3)


def pages_of(heights: Sequence[int], space: int, pager: int) -> list[list[int]]:
    """Item indices page by page: as many whole items as fit ``space`` on each page.

    When the items need more than one page, each page also leaves ``pager`` pixels for the
    Previous and Next buttons. A page always holds at least one item, so none is ever lost.
    """
    def fill(room: int) -> list[list[int]]:
        pages: list[list[int]] = []
        page: list[int] = []
        used = 0
        for i, h in enumerate(heights):
            if page and used + h > room:
                pages.append(page)
                page, used = [], 0
            page.append(i)
            used += h
        return [*pages, page] if page else pages

    pages = fill(space)
    if len(pages) > 1:
        pages = fill(space - pager)
    return pages or [[]]


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return value
    number = float(value)
    return f"{number:.0f}" if number.is_integer() else f"{number:g}"


def _shown(value: Any) -> str:
    if isinstance(value, float) and 0 < value <= 1:
        return percent(value * 100)
    if isinstance(value, float):
        return format_number(value)
    return str(value)
