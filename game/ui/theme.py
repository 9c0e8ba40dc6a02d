"""Colours, fonts and sizes: one place for the look of every screen.

The data colours are the Okabe–Ito palette, which stays distinct for the common forms of colour
blindness (DESIGN.md §1, Respect).
"""

from __future__ import annotations

from functools import cache

import pygame

from game.paths import ASSETS

FONTS = ASSETS / "fonts"

# Surfaces: a dark, calm navy so that the map and the data colours carry the screen.
BACKGROUND = (14, 22, 36)
PANEL = (24, 36, 56)
PANEL_EDGE = (52, 72, 102)
OCEAN = (18, 40, 66)
LAND = (58, 74, 82)
LAND_PLAYER = (86, 104, 104)
TEXT = (236, 240, 244)
TEXT_DIM = (160, 174, 190)
ACCENT = (240, 228, 66)  # Okabe-Ito yellow

# Okabe–Ito: the palette for data (flows, charts, gauges).
OKABE_ITO = {
    "orange": (230, 159, 0),
    "sky_blue": (86, 180, 233),
    "bluish_green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish_purple": (204, 121, 167),
    "grey": (153, 153, 153),
}
GOOD = OKABE_ITO["bluish_green"]
BAD = OKABE_ITO["vermillion"]
NEUTRAL = OKABE_ITO["sky_blue"]

BASE_SIZE = (1280, 720)


@cache
def font(size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
    """The bundled Noto Sans at ``size`` pixels."""
    style = "Bold" if bold else "Italic" if italic else "Regular"
    name = f"NotoSans-{style}.ttf"
    return pygame.font.Font(FONTS / name, size)
