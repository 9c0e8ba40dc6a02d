"""Shared scene pieces: text that fits its box, numbers people read, the focus ring."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider
from ui_helpers import key

from game.ui import theme
from game.ui.scenes.kit import FocusRing, fit, number, signed, wrap


def test_fit_shortens_a_line_to_its_width_with_an_ellipsis(make_app) -> None:
    make_app()
    f = theme.font(15)
    text = "Asylum officers and immigration judges deciding claims"
    surface = fit(f, text, 120)
    assert surface.get_width() <= 120
    assert fit(f, "short", 400).get_width() == f.size("short")[0]


def test_wrap_keeps_every_line_inside_the_box_and_every_word(make_app) -> None:
    make_app()
    f = theme.font(14)
    text = "People who died on the way (true count; official counts are lower). " * 4
    lines = wrap(f, text, 200)
    assert all(f.size(line)[0] <= 200 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_wrap_cuts_a_web_address_longer_than_the_box(make_app) -> None:
    make_app()
    f = theme.font(14)
    url = "https://www.cmtradelaw.com/2019/06/mexico-in-discussions-with-us-over-proposed-tariffs/"
    lines = wrap(f, "Source: " + url, 160)
    assert all(f.size(line)[0] <= 160 for line in lines)
    assert "".join(lines).replace(" ", "") == ("Source: " + url).replace(" ", "")


def test_numbers_read_like_a_newspaper() -> None:
    assert number(12_400) == "12,400"
    assert number(1_250_000) == "1.2M"
    assert number(3.46) == "3.5"
    assert signed(-340) == "−340"
    assert signed(1200) == "+1,200"
    assert signed(0.01) == "±0"


def test_tab_cycles_through_widgets_and_enter_presses_the_focused_button(make_app) -> None:
    app = make_app()
    m = app.manager
    a = UIButton(pygame.Rect(0, 0, 100, 30), "A", manager=m)
    b = UIButton(pygame.Rect(0, 40, 100, 30), "B", manager=m)
    b.disable()
    c = UIButton(pygame.Rect(0, 80, 100, 30), "C", manager=m)
    ring = FocusRing([a, b, c])
    assert ring.translate(key(pygame.K_TAB)) == []
    assert ring.current is a
    ring.translate(key(pygame.K_TAB))
    assert ring.current is c  # the disabled button is skipped
    ring.translate(key(pygame.K_TAB, pygame.KMOD_SHIFT))
    assert ring.current is a
    [event] = ring.translate(key(pygame.K_RETURN))
    assert event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is a


def test_arrow_keys_move_a_focused_slider_within_its_range(make_app) -> None:
    app = make_app()
    slider = UIHorizontalSlider(pygame.Rect(0, 0, 200, 30), 50, (0, 100), manager=app.manager)
    ring = FocusRing([slider])
    ring.focus(slider)
    [event] = ring.translate(key(pygame.K_RIGHT))
    assert event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED
    assert slider.get_current_value() == 52
    ring.translate(key(pygame.K_END))
    assert slider.get_current_value() == 100
    ring.translate(key(pygame.K_RIGHT))
    assert slider.get_current_value() == 100


# --- hostile input: texts longer than any screen (tests/README.md) ---------------------------


def test_a_900000_letter_word_is_cut_into_pieces_that_fit_and_lose_nothing(make_app) -> None:
    make_app()
    font = theme.font(14)
    word = "".join(chr(ord("a") + i % 26) for i in range(900_000))
    lines = wrap(font, word, 400)
    assert "".join(lines) == word
    assert all(font.size(line)[0] <= 400 for line in lines[:200])
    # Each piece is as long as fits: adding the next letter would overflow.
    assert all(font.size(line + word[0])[0] > 400 for line in lines[:50])


def test_a_giant_text_draws_exactly_as_its_visible_beginning(make_app) -> None:
    from game.ui.scenes.kit import draw_wrapped

    make_app()
    font = theme.font(14)
    giant = "A sentence that goes on. " * 36_000  # 900,000 characters
    box = pygame.Rect(10, 10, 400, 200)
    whole, start = pygame.Surface((420, 220)), pygame.Surface((420, 220))
    height = draw_wrapped(whole, font, giant, box)
    assert height == draw_wrapped(start, font, giant[:5_000], box)
    assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(start, "RGB")


def test_numbers_on_screen_are_written_as_the_language_writes_them() -> None:
    from game.i18n import set_language
    from game.ui.widgets.format import grouped, human_number

    assert (number(12_400), number(1_234_567), number(3.25)) == ("12,400", "1.2M", "3.2")
    set_language("es")
    # Latin American Spanish says the thousands: 1.2 mil.
    assert (number(12_400), grouped(-1_240), human_number(1_250)) == (
        "12,400", "−1,240", "1.2\u00a0mil")
    set_language("fr")
    assert (number(12_400), number(1_234_567), number(3.25)) == (
        "12\u202f400", "1,2\u202fM", "3,2")
    assert (grouped(-1_240), human_number(1_250), signed(2_500)) == (
        "−1\u202f240", "1,2\u202fk", "+2\u202f500")
