"""A proposal's terms, read in full and set before it is sent: the solo desk's negotiation form.

The desk's Propose (or Threaten) opens this screen for one kind of agreement and its partners.
The left panel says what the agreement is and what each term means; the right panel holds one
field per term, filled with the registry's default, with its unit and allowed range. Sending it
goes through the same decision as any other proposal; the partner's AI answers at once, and the
answer (or the rules' refusal, shown beside the form) comes back to the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import percent, t
from game.play.decisions import (
    DecisionRejected,
    ProposeAgreement,
    ThreatenTariff,
    agreement_label,
    country_list,
    country_name,
    heading,
)
from game.play.names import AGREEMENTS
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import (
    draw_wrapped,
    fit,
    footer_height,
    header,
    header_height,
    panel,
    panel_inner,
    wrap,
)

if TYPE_CHECKING:
    from game.play.game import Game
    from game.ui.app import App


def term_text(value: float | str | None, unit: str) -> str:
    """A term's value as its field shows it: shares and rates as percentages."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if unit in ("share", "tariff rate"):
        return percent(value * 100, 0 if float(value * 100).is_integer() else 1)
    return f"{value:g}"


def read_term(text: str, unit: str) -> float:
    """A field's text as the term's value (``25%`` or ``0.25`` for a share); ValueError if not."""
    raw = text.replace(",", "").strip()
    percent = raw.endswith("%")
    number = float(raw.rstrip("%").strip())
    if percent or (unit in ("share", "tariff rate") and number > 1):
        number /= 100
    return number


class DealTermsScene(Scene):
    """Set the terms of one proposal (or threat), then send it or go back to the desk."""

    name = "deal_terms"

    def __init__(self, app: App, game: Game, kind: str, partners: tuple[str, ...],
                 back_to: Scene, on_sent: Callable[[str], None] | None = None) -> None:
        super().__init__(app)
        #: Told the kind once a proposal is sent (the desk shows the partner's answer).
        self.on_sent = on_sent
        self.game = game
        self.kind = kind
        self.partners = partners
        self.back_to = back_to
        self.specs = AGREEMENTS[kind].terms
        self.texts = {s.name: term_text(s.default, s.unit) for s in self.specs}
        self.message, self.message_bad = "", False

    @property
    def title(self) -> str:
        """``Safe third country with the United States``."""
        name = heading(agreement_label(self.kind))
        who = country_list(self.partners)
        return (t("{kind} on {partners}", kind=name, partners=who)
                if self.kind == "tariff_threat" else
                t("{kind} with {partners}", kind=name, partners=who))

    def enter(self) -> None:
        """What the deal is on the left; a field per term, Send and Back on the right."""
        w, h = self.app.screen.get_size()
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        lw = int((w - 3 * gap) * 0.45)
        self.left = pygame.Rect(gap, top, lw, bottom - top)
        self.right = pygame.Rect(self.left.right + gap, top, w - self.left.right - 2 * gap,
                                 bottom - top)
        m = self.app.manager
        inner = panel_inner(self.right, t("Your terms"))
        field_h = theme.px(32)
        ew = min(theme.px(140), inner.width // 3)
        small = theme.font(13)
        self.entries: dict[str, UITextEntryLine] = {}
        #: Per term: its rect, how many of its lines are the label, and the lines.
        self.rows: list[tuple[pygame.Rect, int, list[str]]] = []
        y = inner.top
        bold = theme.font(14, bold=True)
        for spec in self.specs:
            # The term's meaning is its label; its unit and range the note under it.
            label = wrap(bold, t(spec.description), inner.width - ew - gap)
            note = t(spec.unit) if spec.names else t(
                "{unit}, from {low} to {high}", unit=t(spec.unit),
                low=term_text(spec.low, spec.unit), high=term_text(spec.high, spec.unit))
            lines = [*label, *wrap(small, note, inner.width - ew - gap)]
            row_h = max(field_h, len(label) * bold.get_linesize()
                        + (len(lines) - len(label)) * small.get_linesize())
            entry = UITextEntryLine(pygame.Rect(inner.right - ew, y, ew, field_h), manager=m)
            entry.set_text(self.texts[spec.name])
            self.entries[spec.name] = entry
            self.rows.append((pygame.Rect(inner.left, y, inner.width - ew - gap, row_h),
                              len(label), lines))
            y += row_h + theme.px(10)
        bh = theme.px(44)
        bw = min(theme.px(240), (inner.width - gap) // 2)
        send = t("Make the threat") if self.kind == "tariff_threat" else t("Send the proposal")
        self.send_button = UIButton(pygame.Rect(inner.right - bw, inner.bottom - bh, bw, bh),
                                    send, manager=m, object_id="#primary")
        self.back_button = UIButton(pygame.Rect(inner.right - 2 * bw - gap, inner.bottom - bh,
                                                bw, bh), t("Back to the desk"), manager=m)
        self.message_rect = pygame.Rect(inner.left, y, inner.width,
                                        inner.bottom - bh - theme.px(8) - y)
        self.focus.add(*self.entries.values(), self.back_button, self.send_button)
        self.focus.focus(self.send_button)

    def panels(self) -> list[pygame.Rect]:
        """What the deal is, and the form."""
        return [self.left, self.right]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Send or go back; fields keep what is typed in them."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            for name, entry in self.entries.items():
                if event.ui_element is entry:
                    self.texts[name] = entry.get_text()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.send_button:
                return self.send()
            if event.ui_element is self.back_button:
                return self.back()
        return super().handle(event)

    def values(self) -> dict[str, Any] | None:
        """The fields as terms; None (with the reason said) when one cannot be read."""
        values: dict[str, Any] = {}
        for spec in self.specs:
            text = self.entries[spec.name].get_text() if spec.name in self.entries \
                else self.texts[spec.name]
            if spec.names:
                values[spec.name] = text.strip().upper()
                continue
            try:
                values[spec.name] = read_term(text, spec.unit)
            except ValueError:
                self.message, self.message_bad = t(
                    "Type a number for “{name}”, for example {example}.",
                    name=t(spec.name.replace("_", " ")),
                    example=term_text(spec.default, spec.unit)), True
                return None
        return values

    def send(self) -> Scene | None:
        """Send it: back to the desk with the answer, or stay and say why it was refused."""
        values = self.values()
        if values is None:
            return None
        player = self.game.player
        decision: Any
        if self.kind == "tariff_threat":
            decision = ThreatenTariff(player, target=self.partners[0],
                                      rate=float(values.get("rate", 0.05)),
                                      target_reduction=float(values.get("target_reduction", 0.3)),
                                      deadline_months=int(round(values.get("deadline_months", 2))))
        else:
            decision = ProposeAgreement(player, kind=self.kind, partners=self.partners,
                                        terms=values)
        try:
            self.game.decide(decision)
        except DecisionRejected as refusal:
            self.message, self.message_bad = str(refusal), True
            return None
        if self.on_sent is not None:
            self.on_sent(self.kind)
        return self.back_to

    def back(self) -> Scene | None:
        """Back to the desk; nothing is sent."""
        return self.back_to

    def autoplay(self) -> Scene | None:
        """Go back: under autoplay the AI decides at the desk."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Form keys."""
        return [(t("Tab"), t("Next control")), (t("Enter"), t("Press")),
                (t("Esc"), t("Back to the desk"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The deal explained on the left; labels, notes and the message on the right."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Propose an agreement") if self.kind != "tariff_threat"
               else t("Threaten a tariff"), self.game.title)
        inner = panel(surface, self.left, self.title)
        body = theme.font(14)
        y = inner.top + draw_wrapped(surface, body, t(AGREEMENTS[self.kind].description),
                                     inner, theme.TEXT)
        y += theme.px(12)
        roles = self.game.roles()
        for country in self.partners:
            role = roles.get(country, "")
            if not role.startswith("ai:"):
                continue
            who = t("{country}: {who}", country=country_name(country),
                    who=t("AI leader, {p}", p=t(role.partition(":")[2])))
            surface.blit(fit(theme.font(14, bold=True), who, inner.width), (inner.left, y))
            y += theme.font(14, bold=True).get_linesize()
        y += theme.px(12)
        note = (t("The partner's government answers at once. A deal in force counts from the "
                  "next turn; leaving it later breaks a promise and costs relations.")
                if self.kind != "tariff_threat" else
                t("A threat needs no answer: the model judges the target at the deadline, and "
                  "the news reports the verdict."))
        draw_wrapped(surface, theme.font(13), note,
                     pygame.Rect(inner.left, y, inner.width, inner.bottom - y), theme.TEXT_DIM)
        panel(surface, self.right, t("Your terms"))
        bold, small = theme.font(14, bold=True), theme.font(13)
        for rect, label_lines, lines in self.rows:
            y = rect.top
            for i, line in enumerate(lines):
                font, colour = (bold, theme.TEXT) if i < label_lines else (small, theme.TEXT_DIM)
                surface.blit(fit(font, line, rect.width, colour), (rect.left, y))
                y += font.get_linesize()
        if self.message:
            draw_wrapped(surface, theme.font(14), self.message, self.message_rect,
                         theme.BAD if self.message_bad else theme.GOOD)
