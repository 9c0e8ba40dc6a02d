"""The map's land: ocean, graticule, coasts, countries and lakes, rendered once per size.

Drawn by :class:`~game.ui.map.view.MapView` under the moving layers; the tones are muted so the
people and corridors drawn over them stand out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from .geometry import Country, catmull_rom, load_lakes, load_outlines
from .projection import Projection

# Land tones: muted slate, warmer to the south; the player's countries a touch lighter.
COUNTRY_TONES = {
    "CAN": (66, 82, 98),
    "USA": (70, 86, 102),
    "MEX": (96, 94, 82),
    "GTM": (92, 98, 82),
    "HND": (88, 96, 84),
    "SLV": (98, 100, 84),
    "BLZ": (80, 88, 80),
    "NIC": (78, 86, 82),
    "CRI": (78, 86, 82),
    "PAN": (78, 86, 82),
    "CUB": (72, 84, 90),
}
OTHER_TONE = (54, 66, 78)
PLAYER_LIFT = 22
BORDER_LINE = (34, 44, 56)
PLAYER_EDGE = (226, 214, 160)
OCEAN_DEEP = (9, 20, 36)
OCEAN_SHALLOW = (22, 50, 76)
GRATICULE = (40, 66, 94)
LAKE = (30, 58, 86)
COAST_GLOW = (22, 54, 70)
RIM_LIGHT = (46, 46, 40)


def lift(colour: tuple[int, int, int], amount: int) -> tuple[int, int, int]:
    """``colour`` lighter by ``amount`` in each channel (capped at white)."""
    return (min(255, colour[0] + amount), min(255, colour[1] + amount),
            min(255, colour[2] + amount))


def render_land(size: tuple[int, int], player_iso3: frozenset[str] = frozenset()
                ) -> pygame.Surface:
    """Ocean, coast glow, shadow, countries and graticule for a map of ``size`` pixels."""
    w, h = max(8, size[0]), max(8, size[1])
    countries, _ = load_outlines()
    surface = ocean(w, h)

    # Graticule every 10°: a quiet hint of the globe's curve.
    proj = Projection.fit((0, 0, w, h))
    grat = pygame.Surface((w, h), pygame.SRCALPHA)
    for lon in range(-170, -29, 10):
        pts = proj.points([(lon, lat) for lat in np.linspace(-10, 80, 60)])
        pygame.draw.aalines(grat, (*GRATICULE, 90), False, pts.tolist())
    for lat in range(0, 81, 10):
        pts = proj.points([(lon, lat) for lon in np.linspace(-180, -20, 120)])
        pygame.draw.aalines(grat, (*GRATICULE, 90), False, pts.tolist())
    surface.blit(grat, (0, 0))

    # Shadow and shallow-water glow from blurred low-resolution land masks (blurring is the
    # costly step, so it runs on a half- and a quarter-size copy and is scaled up).
    half = land_mask(countries, (max(4, w // 2), max(4, h // 2)))
    quarter = pygame.transform.smoothscale(half, (max(2, w // 4), max(2, h // 4)))
    radius = max(1, int(min(w, h) / 360))
    glow = pygame.transform.gaussian_blur(quarter, radius * 2, repeat_edge_pixels=False)
    glow = pygame.transform.smoothscale(glow, (w, h))
    glow.fill(COAST_GLOW, special_flags=pygame.BLEND_MULT)
    surface.blit(glow, (0, 0), special_flags=pygame.BLEND_ADD)
    shadow = pygame.transform.gaussian_blur(half, radius * 2, repeat_edge_pixels=False)
    shadow = pygame.transform.smoothscale(shadow, (w, h))
    shadow.fill((70, 70, 70), special_flags=pygame.BLEND_MULT)
    offset = max(2, h // 240)
    surface.blit(shadow, (offset, offset * 2), special_flags=pygame.BLEND_SUB)

    # Countries at twice the size, then smooth-scaled: anti-aliased coasts and borders.
    ss = 2
    big = pygame.Surface((w * ss, h * ss), pygame.SRCALPHA)
    proj_big = Projection.fit((0, 0, w * ss, h * ss))
    line = max(2, round(h / 540) * ss // 2 + 1)
    outlines: list[tuple[list[list[float]], bool]] = []
    for country in countries:
        tone = COUNTRY_TONES.get(country.iso, OTHER_TONE)
        player = country.iso in player_iso3
        if player:
            tone = lift(tone, PLAYER_LIFT)
        for poly in country.polygons:
            outline = proj_big.points(poly).tolist()
            pygame.draw.polygon(big, (*tone, 255), outline)
            outlines.append((outline, player))
    for outline, _player in outlines:
        pygame.draw.lines(big, (*BORDER_LINE, 255), True, outline, line)
    for lake in load_lakes():
        # Smoothed closed ring: the hand-traced points are few.
        ring = catmull_rom(np.vstack([lake, lake[:1]]) if len(lake) else lake, 6)
        pts = proj_big.points(ring).tolist()
        if len(pts) >= 3:
            pygame.draw.polygon(big, (*LAKE, 255), pts)
            pygame.draw.lines(big, (*BORDER_LINE, 255), True, pts, max(1, line - 1))
    for outline, player in outlines:
        if player:
            pygame.draw.lines(big, (*PLAYER_EDGE, 150), True, outline, max(1, line - 1))
    land = pygame.transform.smoothscale(big, (w, h))
    surface.blit(land, (0, 0))

    # A soft rim of light just inside the coasts gives the land a little relief.
    rim = pygame.transform.smoothscale(half, (w, h))
    inner = pygame.transform.gaussian_blur(quarter, radius, repeat_edge_pixels=True)
    rim.blit(pygame.transform.smoothscale(inner, (w, h)), (0, 0),
             special_flags=pygame.BLEND_RGB_SUB)
    rim.fill(RIM_LIGHT, special_flags=pygame.BLEND_RGB_MULT)
    surface.blit(rim, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return surface


def land_mask(countries: Sequence[Country], size: tuple[int, int]) -> pygame.Surface:
    """White land on black at ``size``."""
    proj = Projection.fit((0, 0, *size))
    mask = pygame.Surface(size)
    for country in countries:
        for poly in country.polygons:
            pygame.draw.polygon(mask, (255, 255, 255), proj.points(poly).tolist())
    return mask


def ocean(w: int, h: int) -> pygame.Surface:
    """A deep-sea gradient, lighter toward the centre, with a faint seeded grain."""
    # The gradient is smooth, so it is computed small and scaled up.
    sw, sh = max(2, w // 8), max(2, h // 8)
    ys = np.linspace(-1.0, 1.0, sh)[None, :]
    xs = np.linspace(-1.0, 1.0, sw)[:, None]
    d = np.clip(np.sqrt((xs * 0.8) ** 2 + (ys * 1.0 + 0.15) ** 2), 0.0, 1.4) / 1.4
    k = (1.0 - d) ** 1.3
    rgb = np.empty((sw, sh, 3))
    for c in range(3):
        rgb[:, :, c] = OCEAN_DEEP[c] + (OCEAN_SHALLOW[c] - OCEAN_DEEP[c]) * k
    small = pygame.Surface((sw, sh))
    pygame.surfarray.blit_array(small, np.clip(rgb, 0, 255).astype(np.uint8))
    surface = pygame.transform.smoothscale(small, (w, h))
    # Grain: a small tile of seeded noise added everywhere, like paper under ink.
    tile = pygame.Surface((128, 128))
    noise = np.random.default_rng(7).integers(0, 4, (128, 128, 1)).repeat(3, axis=2)
    pygame.surfarray.blit_array(tile, noise.astype(np.uint8))
    for x in range(0, w, 128):
        for y in range(0, h, 128):
            surface.blit(tile, (x, y), special_flags=pygame.BLEND_RGB_ADD)
    return surface
