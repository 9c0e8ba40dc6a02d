"""The title screen: the game's name, its version, and the ways in."""

from __future__ import annotations

import math

import pygame
import pygame_gui

from game import __version__
from game.i18n import LANGUAGES, language, t
from game.ui import theme
from game.ui.scenes.base import QUIT, Scene
from game.ui.scenes.kit import footer_height, wrap
from game.ui.scenes.registry import open_scene


class TitleScene(Scene):
    """The title and its menu: Continue, Load, Campaign, Custom level, Classroom, Settings."""

    name = "title"

    def __init__(self, app, notice: str = "") -> None:  # noqa: ANN001 - App, typed in Scene
        super().__init__(app)
        self._background: pygame.Surface | None = None
        #: A message to show under the menu (a level that would not open, a repaired file).
        self.notice: str = notice or getattr(app, "settings_message", "") or ""

    def enter(self) -> None:
        """Build the menu buttons, centred below the title."""
        w, h = self.app.screen.get_size()
        bw, bh, gap = theme.px(280), theme.px(46), theme.px(10)
        x = (w - bw) // 2
        top = int(h * 0.25) + theme.px(110)
        room = h - footer_height() - top - theme.px(12)
        labels = [t("Continue"), t("Load a saved game"), t("Campaign"), t("Custom level"),
                  t("Classroom"), t("Settings"), t("Quit")]
        n = len(labels)
        # Every button must fit under the title at any scale: shrink the gaps, then the buttons.
        if n * bh + (n - 1) * gap > room:
            gap = max(2, theme.px(4))
            bh = max(theme.font(17).get_linesize() + 4, (room - (n - 1) * gap) // n)
        m = self.app.manager
        buttons = []
        for i, label in enumerate(labels):
            rect = pygame.Rect(x, top + i * (bh + gap), bw, bh)
            obj = "#primary" if i == 2 else None
            buttons.append(pygame_gui.elements.UIButton(rect, label, manager=m, object_id=obj))
        (self.continue_button, self.load_button, self.campaign_button, self.custom_button,
         self.classroom_button, self.settings_button, self.quit_button) = buttons
        self.classroom_button.set_tooltip(t("Teams on one computer: set up or resume a class."))
        self.buttons = buttons
        self.autosave = _latest_autosave()
        if self.autosave is None:
            self.continue_button.disable()
            self.continue_button.set_tooltip(t("No unfinished game: start a level, or load a "
                                               "saved game."))
        self.language_buttons: list[tuple[pygame_gui.elements.UIButton, str]] = []
        if getattr(self.app, "offer_languages", False):
            self._offer_languages(w)
        self.focus.add(*buttons)
        self.focus.focus(self.campaign_button if self.autosave is None else self.continue_button)
        self._background = None

    def _offer_languages(self, width: int) -> None:
        """On a first start, one button per language above the title, each in its own words."""
        lw, lh, gap = theme.px(150), theme.px(36), theme.px(10)
        left = (width - len(LANGUAGES) * lw - (len(LANGUAGES) - 1) * gap) // 2
        top = theme.px(44)
        for i, (code, name) in enumerate(LANGUAGES.items()):
            rect = pygame.Rect(left + i * (lw + gap), top, lw, lh)
            oid = "#tab_selected" if code == language() else "#tab"
            button = pygame_gui.elements.UIButton(rect, name, manager=self.app.manager,
                                                  object_id=oid)
            self.language_buttons.append((button, code))
            self.focus.add(button)

    def _choose_language(self, code: str) -> Scene:
        """Keep the chosen language in the settings file, so the question is asked only once."""
        from game.play.settings import Settings, SettingsError, save_settings, update_settings

        app = self.app
        current = app.settings if isinstance(app.settings, Settings) else Settings()
        try:
            app.settings = update_settings(current, language=code)
            save_settings(app.settings)
        except (OSError, SettingsError) as error:
            self.notice = t("Could not save the settings: {error}", error=error)
        app.offer_languages = False
        app.apply_settings()
        return TitleScene(app, notice=self.notice)

    def back(self) -> Scene | None:
        """Escape on the title ends the game."""
        return QUIT

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Escape or Quit ends the game; the other buttons open their screens."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for button, code in self.language_buttons:
                if event.ui_element is button:
                    return self._choose_language(code)
            # Whatever the player does next, the languages were offered once.
            self.app.offer_languages = False
            if event.ui_element is self.quit_button:
                return QUIT
            if event.ui_element is self.campaign_button:
                return self._picker("campaign")
            if event.ui_element is self.load_button:
                return open_scene("load", self.app)
            if event.ui_element is self.custom_button:
                return self._picker("custom")
            if event.ui_element is self.classroom_button:
                return open_scene("class_setup", self.app)
            if event.ui_element is self.settings_button:

                return open_scene("settings", self.app, back_to=TitleScene(self.app))
            if event.ui_element is self.continue_button and self.autosave is not None:
                return open_scene("resume", self.app)
        return super().handle(event)

    def _picker(self, section: str) -> Scene:
        return open_scene("level_picker", self.app, section=section)

    def hints(self) -> list[tuple[str, str]]:
        """Menu keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Press")), (t("Esc"), t("Quit"))]

    def autoplay(self) -> Scene | None:
        """Show the settings once (for the screenshots), then the campaign; Load at the end."""
        if "debrief" in self.app.visited:
            return QUIT if "load" in self.app.visited else open_scene("load", self.app)
        if "settings" not in self.app.visited:
            return open_scene("settings", self.app, back_to=self)
        return self._picker("campaign")

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the background, the title and the version."""
        if self._background is None or self._background.get_size() != surface.get_size():
            self._background = title_background(surface.get_size())
        surface.blit(self._background, (0, 0))
        w, h = surface.get_size()
        if self.language_buttons:
            # Written in the three languages: the player may read none of the others yet.
            ask = theme.font(15).render("Language · Idioma · Langue", True, theme.TEXT_DIM)
            surface.blit(ask, ask.get_rect(midbottom=(w // 2, self.language_buttons[0][0]
                                                      .rect.top - theme.px(4))))
        cy = int(h * 0.25)
        title = theme.font(72, bold=True).render(t("Borderlines"), True, theme.TEXT)
        surface.blit(title, title.get_rect(center=(w // 2, cy)))
        sub = theme.font(22).render(
            t("Migration policy in North and Central America"), True, theme.TEXT_DIM
        )
        surface.blit(sub, sub.get_rect(center=(w // 2, cy + theme.px(58))))
        if self.notice:
            bottom = h - footer_height() - theme.px(40)
            top = self.buttons[-1].rect.bottom + theme.px(12)
            box = pygame.Rect(theme.px(40), top, w - theme.px(80), max(0, bottom - top))
            lines = wrap(theme.font(14), self.notice, box.width)
            y = box.top
            for line in lines[: max(1, box.height // theme.font(14).get_linesize())]:
                s = theme.font(14).render(line, True, theme.ACCENT)
                surface.blit(s, s.get_rect(midtop=(w // 2, y)))
                y += theme.font(14).get_linesize()
        version = theme.font(14).render(t("Version {v}", v=__version__), True, theme.TEXT_DIM)
        surface.blit(version, version.get_rect(
            bottomright=(w - theme.px(14), h - footer_height() - theme.px(8))))


def title_background(size: tuple[int, int]) -> pygame.Surface:
    """The map of the region, dimmed, behind the title; a quiet gradient if there is no map."""
    w, h = size
    surface = pygame.Surface(size)
    surface.fill(theme.BACKGROUND)
    # A soft vertical gradient toward the ocean colour gives depth without noise.
    for y in range(0, h, 4):
        k = y / max(1, h)
        colour = [round(a + (b - a) * k * 0.6) for a, b in zip(theme.BACKGROUND, theme.OCEAN,
                                                                 strict=True)]
        pygame.draw.rect(surface, colour, (0, y, w, 4))
    silhouette = _map_silhouette(size)
    if silhouette is not None:
        surface.blit(silhouette, (0, 0))
    else:
        # Faint lines of latitude, as on an old chart.
        for i in range(1, 9):
            y = int(h * i / 9)
            amp = h * 0.01
            pts = [(x, y + amp * math.sin(x / w * math.pi * 2 + i)) for x in range(0, w + 20, 20)]
            pygame.draw.aalines(surface, theme.PANEL_EDGE, False, pts)
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((*theme.BACKGROUND, 165))
    surface.blit(veil, (0, 0))
    # Darker, softly edged layers behind the title and the menu keep the map's labels quiet.
    band_w = min(w, max(w // 2, round(h * 1.0)))
    layer = pygame.Surface(size, pygame.SRCALPHA)
    for i in range(12):
        k = i / 12
        layer.fill((0, 0, 0, 0))
        rect = pygame.Rect(0, 0, int(band_w * (1.0 - 0.45 * k)), int(h * 0.95 * (1 - 0.4 * k)))
        rect.center = (w // 2, int(h * 0.47))
        pygame.draw.ellipse(layer, (*theme.BACKGROUND, 22), rect)
        surface.blit(layer, (0, 0))
    return surface


def _map_silhouette(size: tuple[int, int]) -> pygame.Surface | None:
    """The region's land drawn by the map engineer's MapView, if it is available."""
    from game.ui.map import MapView

    try:
        view = MapView(reduced_motion=True, show_legend=False)
        view.resize(pygame.Rect((0, 0), size))
        surface = pygame.Surface(size, pygame.SRCALPHA)
        view.draw(surface)
        return surface
    except Exception:  # noqa: BLE001 - a decorative background must never stop the game
        return None


def _latest_autosave() -> object | None:
    """The autosave of the unfinished game Continue would open, or None (Continue disabled)."""
    from game.play.saved_games import latest_unfinished

    return latest_unfinished()
