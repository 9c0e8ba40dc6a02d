"""The window and the frame loop: events to the current scene, then update and draw."""

from __future__ import annotations

import pygame
import pygame_gui

from game import __version__
from game.i18n import t
from game.ui import theme
from game.ui.scenes.base import QUIT, Scene

FPS = 60
#: How long an idle frame may sleep waiting for input (ms); keeps the CPU near zero.
IDLE_WAIT_MS = 250


class App:
    """Owns the window, the UI manager and the current scene."""

    def __init__(self, size: tuple[int, int] = theme.BASE_SIZE) -> None:
        pygame.init()
        pygame.display.set_caption(t("Borderlines") + f" {__version__}")
        self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.manager = pygame_gui.UIManager(size)
        self.clock = pygame.time.Clock()
        self.scene: Scene | None = None
        self.running = True

    def switch(self, scene: Scene) -> None:
        """Make ``scene`` current: leave the old one, clear widgets, enter the new one."""
        if self.scene is not None:
            self.scene.leave()
        self.manager.clear_and_reset()
        self.scene = scene
        if scene is QUIT:
            self.running = False
            return
        scene.enter()

    def process(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, the rest to widgets and the scene."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.manager.set_window_resolution(event.size)
            if self.scene is not None:
                self.switch(self.scene)
            return
        self.manager.process_events(event)
        if self.scene is not None:
            nxt = self.scene.handle(event)
            if nxt is not None:
                self.switch(nxt)

    def frame(self, dt: float) -> None:
        """Update and draw one frame."""
        assert self.scene is not None
        nxt = self.scene.update(dt)
        if nxt is not None:
            self.switch(nxt)
            if not self.running:
                return
        self.manager.update(dt)
        self.scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        pygame.display.flip()

    def run(self, first: Scene) -> int:
        """Run scenes from ``first`` until the player quits; returns the exit code."""
        self.switch(first)
        dt = 0.0
        while self.running:
            animating = bool(self.scene and self.scene.animating)
            if not animating:
                # Idle: block until input arrives (or a short timeout) instead of spinning.
                event = pygame.event.wait(IDLE_WAIT_MS)
                if event.type != pygame.NOEVENT:
                    self.process(event)
            for event in pygame.event.get():
                self.process(event)
            if not self.running:
                break
            self.frame(dt)
            dt = self.clock.tick(FPS if animating else 0) / 1000.0
        pygame.quit()
        return 0


def run_app() -> int:
    """Open the window on the title screen."""
    from game.ui.scenes.title import TitleScene

    app = App()
    return app.run(TitleScene(app))
