"""Settings: UI scale, colour-blind palette, reduced motion, full screen, language.

The game has no sounds, so there is no volume here (the saved ``volume`` is kept for later).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import LANGUAGES, t
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import fit, footer_height, header, header_height, panel

if TYPE_CHECKING:
    from game.ui.app import App

class SettingsScene(Scene):
    """Choose how the game looks and reads; Apply saves the choices and redraws at once."""

    name = "settings"

    def __init__(self, app: App, back_to: Scene) -> None:
        super().__init__(app)
        self.back_to = back_to
        s = app.settings
        self.draft: dict[str, Any] = {
            "ui_scale": float(getattr(s, "ui_scale", 1.0) or 1.0),
            "colourblind": bool(getattr(s, "colourblind", False)),
            "reduced_motion": bool(getattr(s, "reduced_motion", False)),
            "fullscreen": bool(getattr(s, "fullscreen", False)),
            "language": str(getattr(s, "language", "en") or "en"),
        }
        self.message = ""

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """Lay out one row per setting inside a centred panel."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        top = header_height() + theme.px(16)
        bottom = h - footer_height() - theme.px(16)
        pw = min(w - 2 * theme.px(16), theme.px(760))
        self.panel_rect = pygame.Rect((w - pw) // 2, top, pw, bottom - top)
        inner = self.panel_rect.inflate(-2 * theme.px(20), -2 * theme.px(16))
        # The labels' column is as wide as the longest label (French "Taille du texte et de
        # l'interface"), up to half the panel; the choices get the rest.
        labels = (t("Text and interface size"), t("Colours"), t("Motion"), t("Display"),
                  t("Language"))
        longest = max(theme.font(16, bold=True).size(x)[0] for x in labels)
        label_w = min(max(theme.px(260), longest + theme.px(12)), inner.width // 2)
        cx = inner.left + label_w
        cw = inner.right - cx
        row_h = theme.px(36)
        gap = max(theme.px(8), (inner.height - 7 * row_h) // 7)
        self.rows: list[tuple[str, pygame.Rect]] = []
        y = inner.top

        def row(label: str) -> pygame.Rect:
            nonlocal y
            self.rows.append((label, pygame.Rect(inner.left, y, label_w - theme.px(8), row_h)))
            rect = pygame.Rect(cx, y, cw, row_h)
            y += row_h + gap
            return rect

        def choices(rect: pygame.Rect, options: list[tuple[Any, str]], current: Any
                    ) -> list[tuple[UIButton, Any]]:
            out = []
            bw = (rect.width - (len(options) - 1) * theme.px(6)) // len(options)
            for i, (value, label) in enumerate(options):
                r = pygame.Rect(rect.left + i * (bw + theme.px(6)), rect.top, bw, rect.height)
                oid = "#tab_selected" if value == current else "#tab"
                b = UIButton(r, label, manager=m, object_id=oid)
                out.append((b, value))
                self.focus.add(b)
            return out

        d = self.draft
        self.scale_buttons = choices(row(t("Text and interface size")),
                                     [(s, f"{round(s * 100)}%") for s in theme.SCALES],
                                     _nearest(d["ui_scale"]))
        self.palette_buttons = choices(row(t("Colours")),
                                       [(False, t("Standard")), (True, t("Colour-blind safe"))],
                                       d["colourblind"])
        self.motion_buttons = choices(row(t("Motion")),
                                      [(False, t("Full")), (True, t("Reduced"))],
                                      d["reduced_motion"])
        self.display_buttons = choices(row(t("Display")),
                                       [(False, t("Window")), (True, t("Full screen"))],
                                       d["fullscreen"])
        self.language_buttons = choices(row(t("Language")),
                                        list(LANGUAGES.items()),
                                        d["language"])
        y += theme.px(4)
        bw = min(theme.px(200), (inner.width - theme.px(12)) // 2)
        self.apply_button = UIButton(pygame.Rect(inner.right - bw, y, bw, theme.px(44)),
                                     t("Apply"), manager=m, object_id="#primary")
        self.back_button = UIButton(
            pygame.Rect(inner.right - 2 * bw - theme.px(12), y, bw, theme.px(44)), t("Back"),
            manager=m)
        self.message_rect = pygame.Rect(inner.left, y, inner.width - 2 * bw - theme.px(24),
                                        theme.px(44))
        self.focus.add(self.back_button, self.apply_button)
        self.focus.focus(self.scale_buttons[0][0])

    def panels(self) -> list[pygame.Rect]:
        """The settings panel."""
        return [self.panel_rect]

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Pick options; Apply saves and redraws at the new scale; Back or Escape leaves."""
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return super().handle(event)
        el = event.ui_element
        if el is self.back_button:
            return self.back()
        if el is self.apply_button:
            return self.apply()
        for key, group in (("ui_scale", self.scale_buttons), ("colourblind", self.palette_buttons),
                           ("reduced_motion", self.motion_buttons),
                           ("fullscreen", self.display_buttons),
                           ("language", self.language_buttons)):
            for button, value in group:
                if el is button:
                    self.draft[key] = value
                    for b, v in group:
                        b.change_object_id("#tab_selected" if v == value else "#tab")
                    return None
        return None

    def apply(self) -> Scene:
        """Store the draft in the settings, save them, and rebuild the screen with them."""
        from game.play.settings import Settings, SettingsError, save_settings, update_settings

        current = self.app.settings if self.app.settings is not None else Settings()
        try:
            self.app.settings = update_settings(current, **self.draft)
        except SettingsError as error:
            self.message = str(error)
            return self
        try:
            save_settings(self.app.settings)
            self.message = t("Saved.")
        except OSError as error:
            self.message = t("Could not save the settings: {error}", error=error)
        self.app.apply_settings()
        return self

    def back(self) -> Scene | None:
        """Leave without applying what was not applied."""
        return self.back_to

    def autoplay(self) -> Scene | None:
        """Autoplay only looks at this screen."""
        return self.back_to

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the header, the panel and the row labels."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Settings"), t("Saved on this computer only"))
        panel(surface, self.panel_rect)
        f = theme.font(16, bold=True)
        for label, rect in self.rows:
            text = fit(f, label, rect.width, theme.TEXT)
            surface.blit(text, text.get_rect(midleft=rect.midleft))
        if self.message:
            msg = fit(theme.font(14), self.message, self.message_rect.width, theme.TEXT_DIM)
            surface.blit(msg, msg.get_rect(midleft=self.message_rect.midleft))

    def hints(self) -> list[tuple[str, str]]:
        """Keys of the settings screen."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Choose")), (t("Left/Right"), t("Volume")),
                (t("Esc"), t("Back"))]


def _nearest(scale: float) -> float:
    return min(theme.SCALES, key=lambda s: abs(s - scale))
