"""Colours, fonts and sizes: one place for the look of every screen.

The data colours are the Okabe–Ito palette, which stays distinct for the common forms of colour
blindness (DESIGN.md §1, Respect). The colour-blind setting goes further: good and bad become
blue and orange, which every form of dichromacy tells apart, and charts add patterns.

Sizes are written at 100% UI scale; :func:`px` and :func:`font` multiply them by the scale chosen
in the settings, so one layout serves every scale.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pygame

from game.paths import ASSETS

FONTS = ASSETS / "fonts"
UI_THEME = ASSETS / "theme.json"

# Surfaces: a dark, calm navy so that the map and the data colours carry the screen.
BACKGROUND = (14, 22, 36)
PANEL = (24, 36, 56)
PANEL_EDGE = (52, 72, 102)
PANEL_HIGHLIGHT = (34, 50, 76)
OCEAN = (18, 40, 66)
LAND = (58, 74, 82)
LAND_PLAYER = (86, 104, 104)
TEXT = (236, 240, 244)
TEXT_DIM = (160, 174, 190)
ACCENT = (240, 228, 66)  # Okabe-Ito yellow
FOCUS = (240, 228, 66)  # the keyboard focus ring: the accent, visible on every surface

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
#: Series colours for charts, in order (a true flow, its observed count, the baseline, ...).
SERIES = (
    OKABE_ITO["sky_blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["yellow"],
    OKABE_ITO["vermillion"],
)

BASE_SIZE = (1280, 720)
#: The UI scales the settings offer (1.0 = 100%).
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)

_scale = 1.0
_colour_blind = False
_reduced_motion = False


def set_scale(scale: float) -> None:
    """Choose the UI scale (1.0–2.0) for every size and font from now on."""
    global _scale
    _scale = min(2.0, max(1.0, float(scale)))


def scale() -> float:
    """The current UI scale."""
    return _scale


def px(size: float) -> int:
    """A length written at 100% scale, in pixels at the current scale."""
    return max(1, round(size * _scale)) if size > 0 else round(size * _scale)


def set_palette(colour_blind: bool) -> None:
    """Switch good/bad colours to the blue/orange pair every colour-blind viewer can tell apart."""
    global GOOD, BAD, _colour_blind
    _colour_blind = colour_blind
    if colour_blind:
        GOOD, BAD = OKABE_ITO["blue"], OKABE_ITO["orange"]
    else:
        GOOD, BAD = OKABE_ITO["bluish_green"], OKABE_ITO["vermillion"]


def colour_blind() -> bool:
    """Whether the colour-blind palette is on."""
    return _colour_blind


def set_reduced_motion(reduced: bool) -> None:
    """Ask every animation to stay still (people on the map become steady density)."""
    global _reduced_motion
    _reduced_motion = reduced


def reduced_motion() -> bool:
    """Whether animations should be reduced."""
    return _reduced_motion


def font(size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
    """The bundled Noto Sans at ``size`` pixels (at 100% scale; scaled by the UI scale)."""
    return _font(max(6, round(size * _scale)), bold, italic)


def reset_fonts() -> None:
    """Forget loaded fonts (they die with ``pygame.quit()``; a new window loads them again)."""
    _font.cache_clear()


@cache
def _font(pixels: int, bold: bool, italic: bool) -> pygame.font.Font:
    style = "Bold" if bold else "Italic" if italic else "Regular"
    return pygame.font.Font(FONTS / f"NotoSans-{style}.ttf", pixels)


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def ui_theme() -> dict[str, Any]:
    """The pygame_gui theme: ``assets/theme.json`` with font paths filled in and sizes scaled."""
    data: dict[str, Any] = json.loads(UI_THEME.read_text(encoding="utf-8"))
    colours = {"TEXT": TEXT, "TEXT_DIM": TEXT_DIM, "PANEL": PANEL, "PANEL_EDGE": PANEL_EDGE,
               "BACKGROUND": BACKGROUND, "ACCENT": ACCENT, "HIGHLIGHT": PANEL_HIGHLIGHT,
               "GOOD": GOOD, "BAD": BAD}
    for block in data.values():
        for name, value in list(block.get("colours", {}).items()):
            # "$NAME" in theme.json refers to a colour of this module, so there is one source.
            if isinstance(value, str) and value.startswith("$"):
                block["colours"][name] = _hex(colours[value[1:]])
        if "font" in block:
            spec = block["font"]
            spec["size"] = str(max(6, round(int(spec["size"]) * _scale)))
            spec["regular_path"] = str(FONTS / "NotoSans-Regular.ttf")
            spec["bold_path"] = str(FONTS / "NotoSans-Bold.ttf")
            spec["italic_path"] = str(FONTS / "NotoSans-Italic.ttf")
            spec["bold_italic_path"] = str(FONTS / "NotoSans-Bold.ttf")
        misc = block.get("misc", {})
        # A tooltip's width scales with its text, or large text wraps a word to a line.
        for key in ("border_width", "shape_corner_radius", "text_horiz_alignment_padding",
                    "sliding_button_width", "rect_width", "line_spacing"):
            if key in misc and key != "line_spacing":
                misc[key] = str(px(int(misc[key])))
    return data
