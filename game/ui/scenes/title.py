"""The title screen: the game's name, its version, and the ways in."""

from __future__ import annotations

import pygame
import pygame_gui

from game import __version__
from game.i18n import t
from game.ui import theme
from game.ui.scenes.base import QUIT, Scene


class TitleScene(Scene):
    """Title, version and the main menu."""

    name = "title"

    def enter(self) -> None:
        """Build the menu buttons, centred below the title."""
        w, h = self.app.screen.get_size()
        bw, bh = 260, 48
        x = (w - bw) // 2
        y = int(h * 0.55)
        self.quit_button = pygame_gui.elements.UIButton(
            pygame.Rect(x, y, bw, bh), t("Quit"), manager=self.app.manager
        )
        self.buttons = [self.quit_button]

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Escape or the Quit button ends the game."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return QUIT
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.quit_button:
            return QUIT
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the title and the version."""
        surface.fill(theme.BACKGROUND)
        w, h = surface.get_size()
        title = theme.font(72, bold=True).render(t("Borderlines"), True, theme.TEXT)
        surface.blit(title, title.get_rect(center=(w // 2, int(h * 0.28))))
        sub = theme.font(24).render(
            t("Migration policy in North and Central America"), True, theme.TEXT_DIM
        )
        surface.blit(sub, sub.get_rect(center=(w // 2, int(h * 0.28) + 64)))
        version = theme.font(16).render(t("Version {v}", v=__version__), True, theme.TEXT_DIM)
        surface.blit(version, version.get_rect(bottomright=(w - 16, h - 12)))
