"""Load a saved game: every game's latest autosave, its what-if branches and the named saves.

The list is newest first; each line names the level, the turn and the month the game reached.
The chosen save's details show when it was saved, whether the game is over, and the earlier
turns kept for it, each of which can be opened too. Opening goes through the save API, so a
damaged file gets its plain-words message and, when there is one, the offer of an earlier
autosave instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.i18n import t
from game.play.saved_games import SavedGame, earlier_turns, resume_save, saved_games
from game.ui import theme
from game.ui.scenes.base import Scene
from game.ui.scenes.kit import draw_wrapped, fit, footer_height, header, header_height, panel
from game.ui.scenes.registry import open_scene

if TYPE_CHECKING:
    from game.ui.app import App

#: Earlier turns offered for one game, at most (the autosaves keep ten).
MOST_EARLIER = 6


def _fit_label(button: UIButton, name: str, rest: str) -> None:
    """``name · rest`` on the button, the name shortened with an ellipsis until it fits."""
    font = button.font
    room = button.rect.width - theme.px(14)
    text = f"{name} · {rest}"
    if font is None or font.size(text)[0] <= room:
        button.set_text(text)
        return
    while len(name) > 1 and font.size(f"{name}… · {rest}")[0] > room:
        name = name[:-1]
    button.set_text(f"{name.rstrip()}… · {rest}")


class LoadScene(Scene):
    """Choose a saved game or one of its earlier turns, and play on from it."""

    name = "load"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.games: list[SavedGame] = saved_games()
        self.selected: SavedGame | None = self.games[0] if self.games else None
        self.page = 0
        self.message = ""
        #: An autosave offered after the chosen file failed to open.
        self.fallback: Path | None = None

    # -- layout ---------------------------------------------------------------------------------

    def enter(self) -> None:
        """The saves on the left, the chosen one's details and earlier turns on the right."""
        w, h = self.app.screen.get_size()
        m = self.app.manager
        gap = theme.px(12)
        top = header_height() + gap
        bottom = h - footer_height() - gap
        # Half the window: a line holds a save's name, turn, month and when it was saved.
        lw = min(max(theme.px(320), w // 2 - gap), int(w * 0.6))
        self.list_rect = pygame.Rect(gap, top, lw, bottom - top)
        self.detail_rect = pygame.Rect(self.list_rect.right + gap, top,
                                       w - self.list_rect.right - 2 * gap, bottom - top)
        inner = self.list_rect.inflate(-2 * theme.px(10), -2 * theme.px(10))
        row = theme.px(40)
        step = row + theme.px(6)
        per_page = max(1, inner.height // step)
        if len(self.games) > per_page:
            per_page = max(1, (inner.height - step) // step)
        self.pages = max(1, -(-len(self.games) // per_page))
        self.page = min(self.page, self.pages - 1)
        self.game_buttons: list[tuple[UIButton, SavedGame]] = []
        y = inner.top
        for game in self.games[self.page * per_page:(self.page + 1) * per_page]:
            b = UIButton(pygame.Rect(inner.left, y, inner.width, row), game.title, manager=m,
                         object_id="#tab_selected" if game is self.selected else "#tab")
            _fit_label(b, game.name, f"{game.progress} · {game.when()}")
            b.set_tooltip(t("{kind}, saved {when}", kind=game.kind, when=game.saved))
            self.game_buttons.append((b, game))
            self.focus.add(b)
            y += step
        self.more_button: UIButton | None = None
        if self.pages > 1:
            self.more_button = UIButton(pygame.Rect(inner.left, y, inner.width, row),
                                        t("More saves ({p} of {n})", p=self.page + 1,
                                          n=self.pages), manager=m, object_id="#small")
            self.focus.add(self.more_button)
        self._build_detail()

    def _build_detail(self) -> None:
        m = self.app.manager
        inner = self.detail_rect.inflate(-2 * theme.px(16), -2 * theme.px(14))
        self.detail_inner = inner
        bh = theme.px(46)
        bw = min(theme.px(220), (inner.width - theme.px(10)) // 2)
        self.open_button = UIButton(pygame.Rect(inner.right - bw, inner.bottom - bh, bw, bh),
                                    t("Play on"), manager=m, object_id="#primary")
        self.back_button = UIButton(pygame.Rect(inner.right - 2 * bw - theme.px(10),
                                                inner.bottom - bh, bw, bh), t("Back"), manager=m)
        game = self.selected
        if game is None or not game.info.ok:
            self.open_button.disable()
        self.fallback_button: UIButton | None = None
        if self.fallback is not None:
            fw = min(inner.width, theme.px(360))
            self.fallback_button = UIButton(
                pygame.Rect(inner.left, inner.bottom - 2 * bh - theme.px(10), fw, bh),
                t("Open the previous autosave"), manager=m)
            self.focus.add(self.fallback_button)
        self.turn_buttons: list[tuple[UIButton, SavedGame]] = []
        turns = earlier_turns(game)[:MOST_EARLIER] if game is not None else []
        f = theme.font(15)
        y = inner.top + theme.font(24, bold=True).get_linesize() + 4 * f.get_linesize() \
            + theme.px(40)
        # Under the turns: room for a three-line message, the fallback offer and the buttons.
        room_bottom = (inner.bottom - bh - theme.px(20) - 3 * theme.font(13).get_linesize()
                       - (bh + theme.px(10) if self.fallback_button else 0))
        tw = min(theme.px(260), (inner.width - theme.px(8)) // 2)
        th = theme.px(34)
        self.turns_top = y - f.get_linesize() - theme.px(4)
        for i, earlier in enumerate(turns):
            r = pygame.Rect(inner.left + (i % 2) * (tw + theme.px(8)),
                            y + (i // 2) * (th + theme.px(6)), tw, th)
            if r.bottom > room_bottom:
                break
            b = UIButton(r, t("Turn {turn} · {date}", turn=earlier.info.turn,
                              date=earlier.date), manager=m, object_id="#small")
            b.set_tooltip(t("Saved {when}", when=earlier.saved))
            self.turn_buttons.append((b, earlier))
            self.focus.add(b)
        self.focus.add(self.back_button, self.open_button)
        first = next((b for b, g in self.game_buttons if g is self.selected), None)
        self.focus.focus(first or self.back_button)

    def panels(self) -> list[pygame.Rect]:
        """The list and the details."""
        return [self.list_rect, self.detail_rect]

    # -- events ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Scene | None:
        """Choose a save, an earlier turn, the previous autosave; Play on; Back."""
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return super().handle(event)
        el = event.ui_element
        if el is self.back_button:
            return self.back()
        if el is self.open_button and self.selected is not None:
            return self.open(self.selected.path)
        if el is not None and el is self.fallback_button and self.fallback is not None:
            return self.open(self.fallback)
        if el is not None and el is self.more_button:
            self.page = (self.page + 1) % self.pages
            return self
        for b, game in self.game_buttons:
            if el is b:
                self.selected, self.message, self.fallback = game, "", None
                return self
        for b, earlier in self.turn_buttons:
            if el is b:
                return self.open(earlier.path)
        return None

    def open(self, path: Path) -> Scene | None:
        """Play on from the save at ``path``, or say why it cannot be opened."""
        resumed = resume_save(path)
        if resumed.session is None:
            self.message, self.fallback = resumed.message, resumed.fallback
            return self
        return open_scene("play_on", self.app, resumed.session, resumed.message)

    def back(self) -> Scene | None:
        """Back to the title."""
        return open_scene("title", self.app)

    def autoplay(self) -> Scene | None:
        """Look at the list (for the screenshots), then go back to the title."""
        return self.back()

    def hints(self) -> list[tuple[str, str]]:
        """Load keys."""
        return [(t("Tab"), t("Next")), (t("Enter"), t("Choose")), (t("Esc"), t("Title"))]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the header, the list and the chosen save's details."""
        surface.fill(theme.BACKGROUND)
        header(surface, t("Load a saved game"),
               t("Every game saves itself after each turn; the newest are first"))
        panel(surface, self.list_rect)
        panel(surface, self.detail_rect)
        if not self.games:
            inner = self.list_rect.inflate(-2 * theme.px(10), -2 * theme.px(10))
            draw_wrapped(surface, theme.font(15), t("No saved games yet: the game saves by "
                                                    "itself after every turn, so start a "
                                                    "level and it will be here."), inner,
                         theme.TEXT_DIM)
        self._draw_detail(surface)

    def _draw_detail(self, surface: pygame.Surface) -> None:
        inner = self.detail_inner
        game = self.selected
        title_f, f = theme.font(24, bold=True), theme.font(15)
        if game is None:
            return
        surface.blit(fit(title_f, game.title, inner.width), inner.topleft)
        y = inner.top + title_f.get_linesize() + theme.px(6)
        status = (t("This game is over: open it to see its debrief.") if game.finished else
                  t("In progress: play on from here."))
        lines = [(game.kind, theme.ACCENT), (game.progress, theme.TEXT),
                 (t("Saved {when}", when=game.saved), theme.TEXT_DIM),
                 (status if game.info.ok else (game.info.error or ""), theme.TEXT_DIM
                  if game.info.ok else theme.BAD)]
        for text, colour in lines:
            surface.blit(fit(f, text, inner.width, colour), (inner.left, y))
            y += f.get_linesize()
        if self.turn_buttons:
            label = fit(theme.font(14, bold=True), t("Earlier turns of this game"), inner.width)
            surface.blit(label, (inner.left, self.turns_top))
        if self.message:
            bottom = (self.fallback_button.rect.top if self.fallback_button is not None
                      else self.open_button.rect.top) - theme.px(8)
            small = theme.font(13)
            height = 3 * small.get_linesize()
            draw_wrapped(surface, small, self.message,
                         pygame.Rect(inner.left, bottom - height, inner.width, height),
                         theme.BAD, 3)
