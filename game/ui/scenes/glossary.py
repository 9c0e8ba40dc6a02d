"""The glossary: the words the game uses, each explained; Escape or Back returns where it began.

Opened from the desk's top bar, from the tutorial's coach and with F1 on the desk.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.i18n import t
from game.play.glossary import glossary
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import footer_height, header, header_height

if TYPE_CHECKING:
    from game.ui.app import App


def glossary_html() -> str:
    """Every term in bold, its definition beside it, a blank line between terms."""
    return "<br><br>".join(f"<b>{html.escape(term)}</b> — {html.escape(text)}"
                           for term, text in glossary())


class GlossaryScene(Scene):
    """The glossary, in a scrolling box; Back (or Escape) returns to the screen it came from."""

    name = "glossary"

    def __init__(self, app: App, back_to: Scene) -> None:
        super().__init__(app)
        self.back_to = back_to

    def enter(self) -> None:
        """The terms in a box as wide as reads well; Back under it."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        bh = theme.px(44)
        width = min(w - 2 * gap, theme.px(900))
        self.box_rect = pygame.Rect((w - width) // 2, top, width, bottom - top - bh - gap)
        self.text_box = UITextBox(glossary_html(), self.box_rect, manager=m)
        bw = min(theme.px(220), width // 2)
        self.back_button = UIButton(pygame.Rect(self.box_rect.right - bw, bottom - bh, bw, bh),
                                    t("Back"), manager=m, object_id="#primary")
        self.focus.add(self.text_box, self.back_button)
        self.focus.focus(self.text_box)

    def panels(self) -> list[pygame.Rect]:
        """The glossary's box."""
        return [self.box_rect]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Back returns."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back_button:
            return self.back()
        return super().handle(event)

    def back(self) -> Scene | None:
        """To the screen the glossary was opened from."""
        return self.back_to

    def autoplay(self) -> Scene | None:
        """Read, then go back."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Glossary keys."""
        return [(t("Up/Down"), t("Scroll")), (t("Tab"), t("Next")), (t("Esc"), t("Back"))]

    def draw(self, surface: pygame.Surface) -> None:
        """The header (the text box and button are widgets)."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Glossary"), t("The words the game uses"))
