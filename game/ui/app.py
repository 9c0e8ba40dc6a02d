"""The window and the frame loop: events to the current scene, then update and draw.

The app also applies the player's settings (UI scale, palette, reduced motion, full screen,
volume), writes a PNG of every screen shown when asked (``--screenshots``) and, for
``--autoplay``, lets each screen choose the next one by itself.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import pygame
import pygame_gui

from game import __version__
from game.i18n import language_from_environment, set_language, t
from game.ui import theme
from game.ui.scenes.base import QUIT, Scene
from game.ui.scenes.kit import footer, wrap
from game.ui.scenes.registry import open_scene

FPS = 60
#: How long an idle frame may sleep waiting for input (ms); keeps the CPU near zero.
IDLE_WAIT_MS = 250
#: While idle, how often to look for input (s): once a frame, so a key is answered as fast as
#: when animating.
IDLE_POLL_S = 1 / FPS
#: Autoplay gives up after this many screens: a walk that never ends is a bug, not a demo.
AUTOPLAY_MAX_SCENES = 400


class App:
    """Owns the window, the UI manager, the settings and the current scene."""

    def __init__(self, size: tuple[int, int] = theme.BASE_SIZE, settings: Any = None,
                 screenshots: Path | None = None, autoplay: bool = False,
                 language: str | None = None) -> None:
        # Display and fonts only: the game has no sounds, so it never opens the audio device
        # (on a machine without sound that printed nine lines of ALSA errors at every start).
        pygame.display.init()
        pygame.font.init()
        _prefer_native_framebuffer()
        theme.reset_fonts()
        pygame.display.set_caption(t("Borderlines") + f" {__version__}")
        self.settings_message = ""
        first_start = False
        if settings is None:
            first_start = not settings_file_exists()
            settings, self.settings_message = load_settings()
        if language is not None:
            # For this run only (--language, BORDERLINES_LANGUAGE): saved only if the player
            # presses Apply in Settings.
            settings = _with_language(settings, language)
        self.settings = settings
        #: The title offers English, Español and Français once: on a first start (no settings
        #: file yet) when no language was asked for on the command line.
        self.offer_languages = first_start and language is None
        self.windowed_size = size
        self.screen = self._set_mode(size)
        self.apply_settings(rebuild=False)
        self.manager = self._new_manager()
        self.clock = pygame.time.Clock()
        self.scene: Scene | None = None
        self.running = True
        self.screenshots = screenshots
        self.shots: list[Path] = []
        self.autoplay = autoplay
        self.visited: list[str] = []
        self._fresh = False
        self.exit_code = 0

    # -- settings -------------------------------------------------------------------------------

    def _set_mode(self, size: tuple[int, int]) -> pygame.Surface:
        if _setting(self.settings, "fullscreen", False) and os.environ.get(
            "SDL_VIDEODRIVER"
        ) != "dummy":
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    def _new_manager(self) -> pygame_gui.UIManager:
        return pygame_gui.UIManager(self.screen.get_size(), theme.ui_theme())

    def apply_settings(self, rebuild: bool = True) -> None:
        """Apply the settings to the window, the theme and the language."""
        s = self.settings
        if rebuild:
            fullscreen = bool(self.screen.get_flags() & pygame.FULLSCREEN)
            if fullscreen != bool(_setting(s, "fullscreen", False)):
                self.screen = self._set_mode(self.windowed_size)
        theme.set_scale(effective_scale(float(_setting(s, "ui_scale", 1.0)),
                                        self.screen.get_size()))
        theme.set_palette(bool(_setting(s, "colourblind", False)))
        theme.set_reduced_motion(bool(_setting(s, "reduced_motion", False)))
        set_language(str(_setting(s, "language", "en")))
        if rebuild:
            self.manager = self._new_manager()

    # -- scenes ---------------------------------------------------------------------------------

    def switch(self, scene: Scene) -> None:
        """Make ``scene`` current: leave the old one, clear widgets, enter the new one."""
        if self.scene is not None and self.scene is not QUIT:
            self.scene.leave()
        self.manager.clear_and_reset()
        self.scene = scene
        if scene is QUIT:
            self.running = False
            return
        scene.enter()
        self.visited.append(scene.name)
        self._fresh = True

    def process(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, keys to the focus ring, the rest to the scene."""
        if not self.running or self.scene is QUIT:
            # Quitting: the rest of this frame's events (a second Escape) have no scene to go to.
            return
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            if not self.screen.get_flags() & pygame.FULLSCREEN:
                self.windowed_size = event.size
            scale = effective_scale(float(_setting(self.settings, "ui_scale", 1.0)), event.size)
            if scale != theme.scale():
                theme.set_scale(scale)
                self.manager = self._new_manager()
            else:
                self.manager.set_window_resolution(event.size)
            if self.scene is not None:
                self.switch(self.scene)
            return
        self.manager.process_events(event)
        if self.scene is None:
            return
        events = self.scene.focus.translate(event)
        for e in [event] if events is None else events:
            nxt = self.scene.handle(e)
            if nxt is not None:
                self.switch(nxt)
                return

    def frame(self, dt: float) -> None:
        """Update and draw one frame (and, on a screen's first frame, its screenshot)."""
        assert self.scene is not None
        nxt = self.scene.update(dt)
        if nxt is not None:
            self.switch(nxt)
            if not self.running:
                return
        self.manager.update(dt)
        self.draw(self.screen)
        pygame.display.flip()
        if self._fresh:
            self._fresh = False
            if self.screenshots is not None:
                self.save_screenshot()
            if self.autoplay:
                self._autoplay_step()

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene, its widgets, the focus ring, the key hints and "saves are off"."""
        assert self.scene is not None
        self.scene.draw(surface)
        self.manager.draw_ui(surface)
        self.scene.draw_over(surface)
        self.scene.focus.draw(surface)
        bottom = footer(surface, self.scene.hints()).top
        draw_saves_off(surface, bottom)

    def save_screenshot(self) -> Path:
        """Write the screen as ``NN_<scene>.png`` in the screenshots folder."""
        assert self.screenshots is not None and self.scene is not None
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{len(self.shots) + 1:02d}_{self.scene.shot_name}.png"
        pygame.image.save(self.screen, str(path))
        self.shots.append(path)
        return path

    def _autoplay_step(self) -> None:
        assert self.scene is not None
        if len(self.visited) > AUTOPLAY_MAX_SCENES:
            self.exit_code = 1
            self.running = False
            return
        nxt = self.scene.autoplay()
        if nxt is None:
            # A screen autoplay cannot leave is a failure to report, not a demo to hang in.
            reason = getattr(self.scene, "message", "") or "no way on"
            print(f"autoplay stopped on the {self.scene.name} screen: {reason}", file=sys.stderr)
            self.exit_code = 1
            self.running = False
            return
        self.switch(nxt)

    def run(self, first: Scene) -> int:
        """Run scenes from ``first`` until the player quits; returns the exit code."""
        self.switch(first)
        dt = 0.0
        while self.running:
            animating = self.autoplay or bool(self.scene and self.scene.animating)
            if not animating:
                # Idle: sleep until input arrives (or a short timeout) instead of spinning.
                for event in wait_for_input(IDLE_WAIT_MS):
                    self.process(event)
            for event in pygame.event.get():
                self.process(event)
            if not self.running:
                break
            self.frame(dt)
            dt = self.clock.tick(FPS if animating and not self.autoplay else 0) / 1000.0
        pygame.quit()
        return self.exit_code


def saves_off_text() -> str:
    """The notice every screen shows while autosaves fail ("" while they work)."""
    from game.play.saves import autosave_status

    status = autosave_status()
    if not status.off:
        return ""
    return t("Saves are off: {why} The game goes on; it tries again after every turn.",
             why=status.error)


def draw_saves_off(surface: pygame.Surface, bottom: int) -> pygame.Rect | None:
    """Draw the "saves are off" strip just above ``bottom`` (the footer); its rect, or None."""
    text = saves_off_text()
    if not text:
        return None
    face = theme.font(13)
    lines = wrap(face, text, surface.get_width() - theme.px(24))[:2]
    height = face.get_linesize() * len(lines) + theme.px(8)
    rect = pygame.Rect(0, bottom - height, surface.get_width(), height)
    pygame.draw.rect(surface, (40, 14, 10), rect)
    pygame.draw.line(surface, theme.BAD, rect.topleft, rect.topright)
    y = rect.top + theme.px(4)
    for line in lines:
        surface.blit(face.render(line, True, theme.TEXT), (theme.px(12), y))
        y += face.get_linesize()
    return rect


def wait_for_input(timeout_ms: int) -> list[pygame.event.Event]:
    """The events as soon as any arrive (looked for once a frame), or none after ``timeout_ms``.

    ``pygame.event.wait`` looks every millisecond whatever the display (pygame-ce issue #1541):
    2 % of a core while nothing happens. Sleeping a frame between looks costs about a fifth of
    that (measured) and still answers within a frame.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        events = pygame.event.get()
        left = deadline - time.monotonic()
        if events or left <= 0:
            return events
        time.sleep(min(IDLE_POLL_S, left))


#: The smallest window, in 100%-scale pixels, every screen is laid out for.
MIN_LOGICAL = (960, 540)
#: The window 100% is drawn for: larger windows scale every size up with them.
BASE_WINDOW = (1280, 720)


def effective_scale(chosen: float, size: tuple[int, int]) -> float:
    """The UI scale used: the player's choice times the window's size, within a 960×540 layout.

    Type grows with the window: 100% is sized for a 1280×720 window, and a larger window
    multiplies it (1920×1080 gives 150%, so body text is about 20 px, not 13). 200% at most
    fills a 1920×1080 screen; on a smaller window a choice that would push panels off the edges
    shrinks (never below 100%).
    """
    window = max(1.0, min(size[0] / BASE_WINDOW[0], size[1] / BASE_WINDOW[1]))
    fit = min(size[0] / MIN_LOGICAL[0], size[1] / MIN_LOGICAL[1])
    return max(1.0, min(chosen * window, fit))


def _prefer_native_framebuffer() -> None:
    """On X11, show frames through the X server's shared memory, not through OpenGL.

    SDL's default on X11 uploads the whole window as an OpenGL texture each frame. Where
    OpenGL is software (Mesa's llvmpipe: virtual machines, laptops without their graphics
    driver), that flip cost 8 ms of a 1920×1080 frame and kept five extra threads busy, against
    under 1 ms through the shared-memory image every SDL 1 game used (docs/performance.md). Other
    drivers are left alone: Wayland has no such path, and Windows already uses its own.
    """
    if pygame.display.get_driver() == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def _setting(settings: Any, name: str, default: Any) -> Any:
    value = getattr(settings, name, default) if settings is not None else default
    return default if value is None else value


def settings_file_exists() -> bool:
    """Whether the player has a settings file (False on a first start; never raises)."""
    from game.play.settings import settings_path

    try:
        return settings_path().exists()
    except OSError:
        return True  # no usable config folder: not a first start worth a language question


def _with_language(settings: Any, code: str) -> Any:
    from game.play.settings import Settings, SettingsError, update_settings

    try:
        return update_settings(settings if isinstance(settings, Settings) else Settings(),
                               language=code)
    except SettingsError:
        return settings


def load_settings() -> tuple[Any, str]:
    """The player's saved settings and a message when the file needed repair (never raises)."""
    from game.play.settings import load_settings as load

    loaded = load()
    return loaded.settings, loaded.message


def run_app(level: str | None = None, autoplay: bool = False,
            screenshots: Path | None = None, resume: bool = False,
            language: str | None = None) -> int:
    """Open the window on the title screen (or straight into a level, or a resumed game).

    ``language`` (or else :data:`game.i18n.LANGUAGE_ENV`) overrides the saved language for this
    run.
    """
    from game.play.saves import probe_saves

    probe_saves()
    app = App(screenshots=screenshots, autoplay=autoplay,
              language=language or language_from_environment())
    scene: Scene = open_scene("title", app)
    if level is not None or resume:
        scene = open_scene("start", app, level=level, resume=resume)
    return app.run(scene)
