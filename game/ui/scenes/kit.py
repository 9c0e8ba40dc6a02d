"""Shared pieces of every scene: keyboard focus, panels, wrapped text, footer hints, numbers.

Keyboard-only play (DESIGN.md §1, Respect) is handled here once: each scene lists its focusable
widgets in a :class:`FocusRing`; Tab and Shift-Tab move the focus, Enter or Space press the
focused button, the arrow keys move a focused slider. The ring turns keys into the same pygame_gui
events a mouse would cause, so a scene has one code path for both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UIHorizontalSlider, UITextBox, UITextEntryLine

from game.i18n import format_number, short_scales, t
from game.ui import theme
from game.ui.widgets.lever_slider import BIG_STEP, LeverSlider

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
#: Keys that scroll a focused text box, and by how many tenths of a page.
SCROLL_KEYS = {pygame.K_UP: -2, pygame.K_DOWN: 2, pygame.K_PAGEUP: -9, pygame.K_PAGEDOWN: 9,
               pygame.K_HOME: -1000, pygame.K_END: 1000}


#: Keys that move a focused slider.
SLIDER_KEYS = (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP,
               pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)
#: With Ctrl, these keys are the text field's own (select all, copy, paste, cut, undo).
FIELD_SHORTCUTS = (pygame.K_a, pygame.K_c, pygame.K_v, pygame.K_x, pygame.K_z)


#: The player left a text field after typing in it, by Tab or by a click elsewhere. A field
#: that holds a value (a lever) applies it on this as on Enter's ``UI_TEXT_ENTRY_FINISHED``; a
#: field that starts an action (an export folder) acts on Enter only.
FIELD_LEFT = pygame.event.custom_type()


def left_field(entry: UITextEntryLine) -> pygame.event.Event:
    """The event for leaving ``entry`` with typed text in it."""
    return pygame.event.Event(FIELD_LEFT, text=entry.get_text(), ui_element=entry)


def _passes_through(event: pygame.event.Event) -> bool:
    """Keys that still reach the scene while a field is edited: F-keys and Ctrl shortcuts."""
    if pygame.K_F1 <= event.key <= pygame.K_F12:
        return True
    return bool(event.mod & pygame.KMOD_CTRL) and event.key not in FIELD_SHORTCUTS and \
        event.key not in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_BACKSPACE, pygame.K_DELETE,
                          pygame.K_HOME, pygame.K_END)


def _slide(item: UIHorizontalSlider, event: pygame.event.Event) -> None:
    """Move a slider for an arrow, Page or Home/End key (a lever slider in its own units)."""
    big = event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) or bool(
        event.mod & pygame.KMOD_SHIFT)
    sign = -1 if event.key in (pygame.K_LEFT, pygame.K_DOWN, pygame.K_PAGEDOWN) else 1
    low, high = sorted(item.value_range)
    if isinstance(item, LeverSlider):
        if event.key in (pygame.K_HOME, pygame.K_END):
            item.show_value(item.low if event.key == pygame.K_HOME else item.high)
        else:
            item.show_value(item.stepped(item.value, sign * (BIG_STEP if big else 1)))
        return
    if event.key in (pygame.K_HOME, pygame.K_END):
        value = low if event.key == pygame.K_HOME else high
    else:
        value = float(item.get_current_value()) + sign * (high - low) / 50 * (5 if big else 1)
    item.set_current_value(min(high, max(low, value)))


def scroll(box: UITextBox, tenths: int) -> None:
    """Scroll a text box by ``tenths`` of its visible height (no-op when it all fits)."""
    bar = box.scroll_bar
    if bar is None:
        return
    step = bar.visible_percentage * tenths / 10
    bar.set_scroll_from_start_percentage(
        min(1.0 - bar.visible_percentage, max(0.0, bar.start_percentage + step)))


class FocusRing:
    """The widgets Tab cycles through, the one that has the focus, and the field being typed in.

    One focus for mouse and keyboard: a click on a widget moves the focus there, Tab moves it
    on. While a text field is being edited every key but Tab and Escape belongs to it, so Space
    and Enter never reach a button behind the player's back. A typed value is committed by
    Enter (pygame_gui's own ``UI_TEXT_ENTRY_FINISHED``), and by Tab or a click elsewhere
    (:data:`FIELD_LEFT`, sent here). Escape puts back the text the field had and stops
    editing; when nothing was typed it is the screen's Escape as usual.
    """

    def __init__(self, items: Iterable[UIElement] = ()) -> None:
        self.items: list[UIElement] = list(items)
        self.index: int | None = None
        #: The text field being typed in, if any, and its text when the typing began.
        self.editing: UITextEntryLine | None = None
        self._typed_from = ""

    @property
    def current(self) -> UIElement | None:
        """The focused widget, if any."""
        if self.index is None or not self.items:
            return None
        return self.items[self.index % len(self.items)]

    def add(self, *items: UIElement) -> None:
        """Append widgets to the cycle."""
        self.items.extend(items)

    def focus(self, item: UIElement) -> None:
        """Give ``item`` the focus (it must be in the ring)."""
        self.index = self.items.index(item)
        self._sync()

    def _usable(self, item: UIElement) -> bool:
        return bool(item.alive() and item.visible and getattr(item, "is_enabled", True))

    def move(self, step: int) -> None:
        """Move the focus ``step`` widgets on, skipping hidden and disabled ones."""
        if not self.items:
            return
        n = len(self.items)
        start = (-1 if step > 0 else 0) if self.index is None else self.index
        for k in range(1, n + 1):
            i = (start + step * k) % n
            if self._usable(self.items[i]):
                self.index = i
                self._sync()
                return

    def _sync(self) -> None:
        """Tell pygame_gui which widget has the focus; a text field starts being edited."""
        item = self.current
        if item is None:
            return
        # pygame_gui keeps its own focus set: it must be the ring's, or a field left by Tab
        # would go on taking typed letters after a click elsewhere.
        manager = getattr(item, "ui_manager", None)
        if manager is not None:
            manager.set_focus_set(item)
        if isinstance(item, UITextEntryLine):
            self._begin(item)

    def _begin(self, entry: UITextEntryLine) -> None:
        if self.editing is not entry:
            self.editing, self._typed_from = entry, entry.get_text()

    def _finish(self, commit: bool) -> list[pygame.event.Event]:
        """Stop editing: the commit event when the text changed, or the old text put back."""
        entry, self.editing = self.editing, None
        if entry is None or not entry.alive():
            return []
        if not commit:
            entry.set_text(self._typed_from)
            if entry.is_focused:
                entry.ui_manager.set_focus_set(None)
            return []
        if entry.get_text() == self._typed_from:
            return []
        return [left_field(entry)]

    def _follow_click(self, pos: tuple[int, int]) -> list[pygame.event.Event]:
        """After pygame_gui has seen a click at ``pos``: the focus is on what was clicked."""
        out: list[pygame.event.Event] = []
        if self.editing is not None and not self.editing.is_focused:
            out = self._finish(commit=True)
        self.index = next((i for i, item in enumerate(self.items)
                           if self._usable(item) and item.rect.collidepoint(pos)), None)
        item = self.current
        if isinstance(item, UITextEntryLine) and item.is_focused:
            self._begin(item)
        return out

    def translate(self, event: pygame.event.Event) -> list[pygame.event.Event] | None:
        """Events for the scene after pygame_gui has seen ``event``; None: just ``event``."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == pygame.BUTTON_LEFT:
            return self._follow_click(event.pos) + [event]
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.editing is not None and \
                event.ui_element is self.editing:
            # Enter: pygame_gui's own commit. Typing goes on from the committed text.
            self._typed_from = self.editing.get_text()
            return None
        if event.type != pygame.KEYDOWN:
            return None
        if event.key == pygame.K_TAB:
            out = self._finish(commit=True)
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return out
        if self.editing is not None:
            if not self.editing.alive():
                self.editing = None
            elif event.key == pygame.K_ESCAPE:
                # Escape undoes the typing; with nothing typed it is the screen's Back.
                changed = self.editing.get_text() != self._typed_from
                out = self._finish(commit=False)
                return out if changed else None
            elif not _passes_through(event):
                return []
        item = self.current
        if item is None or not self._usable(item):
            return None
        if isinstance(item, UITextEntryLine) and event.key in (pygame.K_RETURN,
                                                               pygame.K_KP_ENTER):
            # A field that has the focus but is not being edited: Enter starts the typing.
            self._sync()
            return []
        if isinstance(item, UIButton) and event.key in ACTIVATE_KEYS:
            return [pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=item,
                                       ui_object_id=item.most_specific_combined_id)]
        if isinstance(item, UIHorizontalSlider) and event.key in SLIDER_KEYS:
            _slide(item, event)
            return [pygame.event.Event(pygame_gui.UI_HORIZONTAL_SLIDER_MOVED, ui_element=item,
                                       value=item.get_current_value())]
        if isinstance(item, UITextBox) and event.key in SCROLL_KEYS:
            scroll(item, SCROLL_KEYS[event.key])
            return []
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Outline the focused widget so keyboard players can see where they are."""
        item = self.current
        if item is None or not self._usable(item):
            return
        rect = item.rect.inflate(theme.px(6), theme.px(6))
        pygame.draw.rect(surface, theme.FOCUS, rect, width=max(2, theme.px(2)),
                         border_radius=theme.px(8))


def panel_inner(rect: pygame.Rect, title: str | None) -> pygame.Rect:
    """The content rect :func:`panel` will return for ``rect`` (to lay out before drawing)."""
    inner = rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
    if title:
        step = theme.font(15, bold=True).get_linesize() + theme.px(4)
        inner.top += step
        inner.height -= step
    return inner


def panel(surface: pygame.Surface, rect: pygame.Rect, title: str | None = None,
          fill: tuple[int, int, int] = theme.PANEL) -> pygame.Rect:
    """Draw a rounded panel (with an optional heading); returns the content rect inside it."""
    radius = theme.px(10)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, theme.PANEL_EDGE, rect, width=1, border_radius=radius)
    inner = rect.inflate(-2 * theme.px(12), -2 * theme.px(10))
    if title:
        f = theme.font(15, bold=True)
        # A heading too long for a narrow window steps down a size before it is cut.
        shown = f if f.size(title)[0] <= inner.width else theme.font(13, bold=True)
        surface.blit(fit(shown, title, inner.width, theme.ACCENT),
                     (inner.left, inner.top + f.get_ascent() - shown.get_ascent()))
        inner.top += f.get_linesize() + theme.px(4)
        inner.height -= f.get_linesize() + theme.px(4)
    return inner


def fit(font: pygame.font.Font, text: str, width: int,
        colour: tuple[int, int, int] = theme.TEXT) -> pygame.Surface:
    """Render one line, shortened with an ellipsis if it would be wider than ``width``."""
    if width <= 0:
        return font.render("", True, colour)
    if font.size(text)[0] <= width:
        return font.render(text, True, colour)
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return font.render(text.rstrip() + "…", True, colour)


def _most_chars(font: pygame.font.Font, width: int) -> int:
    """The most characters a line ``width`` pixels wide can hold in ``font`` (narrowest glyphs)."""
    narrowest = max(1, min(font.size(c)[0] for c in "il.,'|!:; "))
    return max(1, width // narrowest + 1)


def _longest_fit(font: pygame.font.Font, word: str, start: int, most: int, width: int) -> int:
    """The most letters of ``word`` from ``start`` (1 to ``most``) that fit ``width`` pixels."""
    low, high = 1, most
    while low < high:  # widths grow with length: halve the range instead of stepping down
        middle = (low + high + 1) // 2
        if font.size(word[start:start + middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` (paragraphs kept on blank lines)."""
    lines: list[str] = []
    # No piece longer than this fits the box: long words are cut from here, not from their end
    # (a 900,000-letter word once took minutes measuring ever shorter prefixes).
    most = _most_chars(font, width)
    for paragraph in text.split("\n"):
        words = []
        for word in paragraph.split():
            # A word wider than the box (a web address) is cut into pieces that fit.
            start = 0
            while len(word) - start > 1 and (len(word) - start > most
                                             or font.size(word[start:])[0] > width):
                cut = _longest_fit(font, word, start, min(len(word) - start - 1, most), width)
                words.append(word[start:start + cut])
                start += cut
            words.append(word[start:])
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            candidate = f"{line} {word}"
            if font.size(candidate)[0] <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def label_lines(labels: Sequence[str], width: int, height: int | None = None,
                sizes: Sequence[int] = (14, 13, 12)) -> tuple[pygame.font.Font, list[list[str]]]:
    """One font for a column of labels, and each label's lines (one, or two if need be).

    The whole column steps down a size together when one label does not fit on a line, so the
    labels of a table stay alike; a label still too long then wraps onto a second line, when
    two lines fit in ``height`` (None: the caller makes room). Past that the second line is cut.
    """
    for size in sizes:
        f = theme.font(size)
        if all(f.size(x)[0] <= width for x in labels):
            return f, [[x] for x in labels]
    for size in sizes:
        f = theme.font(size)
        wrapped = [wrap(f, x, width) for x in labels]
        if all(len(w) <= 2 for w in wrapped) and (
                height is None or 2 * f.get_linesize() <= height):
            return f, wrapped
    f = theme.font(sizes[-1])
    out = []
    for x in labels:
        first, *rest = wrap(f, x, width)
        out.append([first, " ".join(rest)] if rest else [first])
    return f, out


def draw_wrapped(surface: pygame.Surface, font: pygame.font.Font, text: str, rect: pygame.Rect,
                 colour: tuple[int, int, int] = theme.TEXT, max_lines: int | None = None) -> int:
    """Draw wrapped text inside ``rect`` (cut with an ellipsis when it runs out); returns height."""
    room = max(0, rect.height // font.get_linesize())
    limit = room if max_lines is None else min(room, max_lines)
    # Only what the box can show is wrapped: a text far longer than any screen (a level's
    # 900,000-character summary) costs what a full box costs, not minutes.
    shown = (limit + 1) * (_most_chars(font, rect.width) + 1)
    lines = wrap(font, text[:shown] if len(text) > shown else text, rect.width)
    if len(lines) > limit:
        lines = lines[:limit]
        if lines:
            lines[-1] = lines[-1] + " …" if font.size(lines[-1] + " …")[0] <= rect.width \
                else lines[-1][:-3] + "…"
    y = rect.top
    for line in lines:
        surface.blit(font.render(line, True, colour), (rect.left, y))
        y += font.get_linesize()
    return y - rect.top


def footer(surface: pygame.Surface, hints: Sequence[tuple[str, str]]) -> pygame.Rect:
    """The key hints along the bottom edge (key, what it does); returns the footer's rect."""
    w, h = surface.get_size()
    height = footer_height()
    rect = pygame.Rect(0, h - height, w, height)
    pygame.draw.rect(surface, (10, 16, 27), rect)
    pygame.draw.line(surface, theme.PANEL_EDGE, rect.topleft, rect.topright)
    key_font, text_font = theme.font(13, bold=True), theme.font(13)
    x = theme.px(14)
    cy = rect.centery
    for key, meaning in hints:
        k = key_font.render(key, True, theme.BACKGROUND)
        m = text_font.render(meaning, True, theme.TEXT_DIM)
        need = k.get_width() + theme.px(10) + theme.px(6) + m.get_width() + theme.px(18)
        if x + need > w - theme.px(8):
            break
        box = pygame.Rect(x, 0, k.get_width() + theme.px(10), k.get_height() + theme.px(2))
        box.centery = cy
        pygame.draw.rect(surface, theme.TEXT_DIM, box, border_radius=theme.px(4))
        surface.blit(k, k.get_rect(center=box.center))
        x = box.right + theme.px(6)
        surface.blit(m, m.get_rect(midleft=(x, cy)))
        x += m.get_width() + theme.px(18)
    return rect


def footer_height() -> int:
    """Height of the key-hint footer at the current scale."""
    return theme.font(13).get_linesize() + theme.px(10)


def header(surface: pygame.Surface, title: str, subtitle: str = "") -> pygame.Rect:
    """A screen's title bar; returns its rect."""
    w, _ = surface.get_size()
    f = theme.font(24, bold=True)
    height = f.get_linesize() + theme.px(16)
    rect = pygame.Rect(0, 0, w, height)
    pygame.draw.rect(surface, (10, 16, 27), rect)
    pygame.draw.line(surface, theme.PANEL_EDGE, rect.bottomleft, rect.bottomright)
    title_surf = fit(f, title, w - theme.px(32), theme.TEXT)
    surface.blit(title_surf, title_surf.get_rect(midleft=(theme.px(16), rect.centery)))
    if subtitle:
        s = theme.font(15)
        room = w - title_surf.get_width() - theme.px(64)
        sub = fit(s, subtitle, room, theme.TEXT_DIM)
        surface.blit(sub, sub.get_rect(midright=(w - theme.px(16), rect.centery)))
    return rect


def header_height() -> int:
    """Height of a screen's title bar at the current scale."""
    return theme.font(24, bold=True).get_linesize() + theme.px(16)


def number(value: float, unit: str = "") -> str:
    """A number as a person reads it: 12,400 · 1.2M · 3.5 (grouped as the language does)."""
    a = abs(value)
    if a >= 10_000_000:
        text = format_number(value / 1_000_000) + short_scales()[1]
    elif a >= 1_000_000:
        text = format_number(value / 1_000_000, 1) + short_scales()[1]
    elif a >= 100:
        text = format_number(value)
    elif a >= 10 or value == int(value):
        text = format_number(value, 0 if value == int(value) else 1)
    else:
        text = format_number(value, 1)
    return f"{text} {unit}".strip()


def signed(value: float) -> str:
    """A change with its sign: +1,200 or −340."""
    text = number(abs(value))
    if round(value, 1) == 0:
        return "±0"
    return ("+" if value > 0 else "−") + text


def back_hint() -> tuple[str, str]:
    """The footer hint every scene shows for Escape."""
    return (t("Esc"), t("Back"))


def standard_hints() -> list[tuple[str, str]]:
    """Tab, Enter and Escape: the keys every screen answers."""
    return [(t("Tab"), t("Next")), (t("Shift+Tab"), t("Previous")), (t("Enter"), t("Press")),
            back_hint()]
