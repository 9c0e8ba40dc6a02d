"""Draw the pictures of the example level ``levels/examples/story-beats.yaml``.

Usage: ``python tools/render_story_images.py [OUT_DIR]`` (default ``levels/examples/images``).

Every picture is drawn from data the project holds, so it can be checked and redrawn:
country outlines from Natural Earth (``assets/map/north_america.json``, public domain) and the
World Bank's remittance shares (``game/sim/data`` / RESEARCH data, ``remittances_pct_gdp``).
The storm track on the epilogue's map is approximate, drawn by hand through the places Eta
made landfall and crossed (north-east Nicaragua, Honduras, Guatemala).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
#: The view: longitude and latitude of the picture's corners (Central America and south Mexico).
WEST, EAST, SOUTH, NORTH = -94.5, -82.0, 12.5, 19.5
SEA, LAND, EDGE = (214, 228, 240), (236, 232, 222), (120, 120, 120)
HIGHLIGHT, CLOSED, TRACK = (233, 196, 106), (200, 60, 50), (40, 70, 140)
#: Remittances as a share of GDP in 2020 (World Bank; remittances_pct_gdp.csv, status F).
REMITTANCES_2020 = (("SV", 24.09), ("HN", 23.62), ("GT", 14.70))
#: Eta's approximate path, November 2020 (longitude, latitude), drawn by hand.
ETA_TRACK = ((-82.6, 14.0), (-83.5, 13.9), (-85.2, 14.6), (-87.0, 15.2), (-88.6, 15.9),
             (-89.6, 16.8))


def _project(size: tuple[int, int], lon: float, lat: float) -> tuple[float, float]:
    w, h = size
    return ((lon - WEST) / (EAST - WEST) * w, (NORTH - lat) / (NORTH - SOUTH) * h)


def _map(size: tuple[int, int], fill: dict[str, tuple[int, int, int]],
         outline: dict[str, tuple[int, int, int]]) -> pygame.Surface:
    """The region's countries, some filled or outlined in colour."""
    data = json.loads((ROOT / "assets" / "map" / "north_america.json").read_text("utf-8"))
    surface = pygame.Surface(size)
    surface.fill(SEA)
    for country in data["countries"]:
        for polygon in country["polygons"]:
            ring = [_project(size, lon, lat) for lon, lat in polygon[0]]
            if len(ring) < 3:
                continue
            pygame.draw.polygon(surface, fill.get(country["iso"], LAND), ring)
            colour = outline.get(country["iso"])
            pygame.draw.polygon(surface, colour or EDGE, ring, 5 if colour else 1)
    return surface


def borders_closed(size: tuple[int, int] = (900, 540)) -> pygame.Surface:
    """Guatemala, Honduras and El Salvador with their borders drawn as closed (March 2020)."""
    shut = {"GTM": CLOSED, "HND": CLOSED, "SLV": CLOSED}
    return _map(size, {k: HIGHLIGHT for k in shut}, shut)


def storm_track(size: tuple[int, int] = (900, 540)) -> pygame.Surface:
    """Honduras and Guatemala, and the approximate path of Hurricane Eta (November 2020)."""
    surface = _map(size, {"HND": HIGHLIGHT, "GTM": HIGHLIGHT, "NIC": HIGHLIGHT}, {})
    points = [_project(size, lon, lat) for lon, lat in ETA_TRACK]
    pygame.draw.lines(surface, TRACK, False, points, 8)
    for x, y in points[::2]:
        pygame.draw.circle(surface, TRACK, (round(x), round(y)), 12)
    return surface


def remittance_bars(size: tuple[int, int] = (720, 480)) -> pygame.Surface:
    """Remittances as a share of each economy in 2020: one bar per country, with its figure."""
    pygame.font.init()
    font = pygame.font.Font(str(ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"), 34)
    surface = pygame.Surface(size)
    surface.fill((250, 248, 242))
    w, h = size
    base, top = h - 70, 40
    bar_w = w // (2 * len(REMITTANCES_2020) + 1)
    pygame.draw.line(surface, EDGE, (bar_w // 2, base), (w - bar_w // 2, base), 3)
    for i, (code, share) in enumerate(REMITTANCES_2020):
        x = bar_w * (2 * i + 1)
        height = (base - top - 50) * share / 25.0
        pygame.draw.rect(surface, (0, 114, 178), pygame.Rect(x, base - height, bar_w, height))
        label = font.render(f"{share:.0f}%", True, (30, 30, 30))
        surface.blit(label, label.get_rect(midbottom=(x + bar_w // 2, base - height - 6)))
        name = font.render(code, True, (30, 30, 30))
        surface.blit(name, name.get_rect(midtop=(x + bar_w // 2, base + 8)))
    return surface


def main(argv: list[str]) -> int:
    """Write the three pictures into the output folder."""
    out = Path(argv[0]) if argv else ROOT / "levels" / "examples" / "images"
    out.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    pygame.image.save(borders_closed(), str(out / "borders-closed.png"))
    pygame.image.save(remittance_bars(), str(out / "remittances-2020.png"))
    pygame.image.save(storm_track(), str(out / "eta-track.jpg"))
    for name in ("borders-closed.png", "remittances-2020.png", "eta-track.jpg"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
