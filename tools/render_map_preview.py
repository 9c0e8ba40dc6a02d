"""Render the map (and its tooltip) to PNG files, to look at without opening the game.

Usage: ``python tools/render_map_preview.py [OUT_DIR] [--size 1920x1080] [--reduced-motion]``
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.ui.map import MapState, MapView  # noqa: E402

#: A busy turn, roughly the spring of 2019 (per month): numbers for a preview, not the model's.
BUSY_METRICS = {
    "us_border_encounters": 130_000, "irregular_entries_us": 25_000,
    "emigrants_from_gt": 45_000, "emigrants_from_hn": 35_000, "emigrants_from_sv": 9_000,
    "emigrants_from_mx": 30_000, "emigrants_from_xr": 12_000, "mx_apprehensions": 25_000,
    "legal_admissions_us": 28_000, "legal_admissions_ca": 3_000, "legal_admissions_mx": 1_500,
    "asylum_claims_us": 40_000, "asylum_claims_mx": 5_000, "asylum_claims_ca": 2_000,
    "ca_irregular_interceptions": 1_400, "stranded_in_mx_border_towns": 45_000,
    "deaths_in_transit": 70,
}


def busy_state(player: tuple[str, ...] = ("US",)) -> MapState:
    """The busy preview state, with Mexico's transit agents doubled to show route shifts."""
    return MapState.from_metrics(BUSY_METRICS, {"MX": {"transit_agents": 6000}},
                                 player_countries=player)


def main(argv: list[str]) -> int:
    """Write map_WxH.png (and map_WxH_tooltip.png) into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--reduced-motion", action="store_true")
    parser.add_argument("--hover", default="", help="lon,lat of a pointer to show a tooltip")
    args = parser.parse_args(argv)
    w, h = (int(v) for v in args.size.split("x"))
    pygame.init()
    pygame.display.set_mode((1, 1))
    screen = pygame.Surface((w, h))
    view = MapView(reduced_motion=args.reduced_motion)
    view.resize((0, 0, w, h))
    view.set_state(busy_state())
    for _ in range(90):
        view.update(1 / 60)
    if args.hover:
        lon, lat = (float(v) for v in args.hover.split(","))
        x, y = view.projection.point(lon, lat)
        view.set_hover((round(x), round(y)))
    view.draw(screen)
    out = Path(args.out) / f"map_{w}x{h}.png"
    pygame.image.save(screen, str(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
