"""Build ``assets/map/north_america.json`` from the Natural Earth outlines (run once, by hand).

Usage: ``python tools/build_map_asset.py SOURCE.geojson [OUT.json]``

The game never reads the reference data at run time, so this tool copies what the map needs into
``assets/``: country outlines of the region (Arctic islands dropped, coordinates rounded to
0.001°, unused properties removed) and the land borders the map colours by staffing (US–Mexico,
Mexico–Guatemala/Belize, US–Canada), found as runs of vertices the two countries share, and
rough hand-traced outlines of the Great Lakes (which Admin-0 counts as land).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "map" / "north_america.json"
#: Polygons lying wholly north of this latitude (°N) never enter the game's view.
NORTH_CUTOFF = 64.0
#: Borders extracted as lines: (name, country A, country B, western longitude limit).
BORDERS = (
    ("us_mx", "USA", "MEX", -180.0),
    ("mx_gt", "MEX", "GTM", -180.0),
    ("mx_bz", "MEX", "BLZ", -180.0),
    ("us_ca", "USA", "CAN", -125.0),  # the lower-48 border only, not Alaska's
)

Point = tuple[float, float]

#: The Great Lakes, traced by hand from memory as rough outlines (Natural Earth's Admin-0 layer
#: counts them as land). Approximate: for a stylised map, not for navigation.
LAKES: dict[str, list[Point]] = {
    "superior": [(-92.1, 46.7), (-90.8, 46.95), (-89.6, 46.8), (-88.4, 47.4), (-87.8, 47.4),
                 (-87.0, 46.5), (-85.9, 46.7), (-84.7, 46.5), (-84.6, 47.0), (-85.0, 47.9),
                 (-86.4, 48.7), (-87.8, 48.8), (-88.9, 48.4), (-89.6, 48.0), (-90.8, 47.6)],
    "michigan": [(-87.5, 41.65), (-86.6, 41.8), (-86.2, 42.7), (-86.5, 43.6), (-86.3, 44.6),
                 (-85.6, 45.2), (-85.0, 45.8), (-85.5, 46.0), (-86.7, 45.9), (-87.6, 45.2),
                 (-87.7, 44.5), (-87.9, 43.5), (-87.8, 42.5)],
    "huron": [(-84.7, 45.9), (-83.5, 46.1), (-81.7, 46.0), (-80.5, 45.9), (-80.0, 45.1),
              (-80.9, 44.6), (-81.7, 43.9), (-82.4, 43.0), (-82.6, 43.6), (-83.5, 44.0),
              (-83.3, 44.5), (-83.9, 45.4)],
    "erie": [(-83.4, 41.7), (-82.5, 41.5), (-81.5, 41.5), (-80.5, 42.0), (-79.1, 42.8),
             (-79.5, 42.9), (-80.5, 42.6), (-81.6, 42.6), (-82.5, 42.1), (-83.2, 42.0)],
    "ontario": [(-79.8, 43.3), (-79.0, 43.25), (-77.8, 43.3), (-76.4, 43.5), (-76.2, 44.2),
                (-77.0, 44.0), (-78.5, 43.9), (-79.4, 43.7)],
}


def _polygons(feature: dict) -> list[list[list[Point]]]:
    geometry = feature["geometry"]
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    return [[[(round(x, 3), round(y, 3)) for x, y in ring] for ring in poly] for poly in polys]


def _shared_runs(ring: list[Point], other: set[Point]) -> list[list[Point]]:
    """Runs of consecutive vertices of ``ring`` that also belong to the other country."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for point in ring + ring[:1]:
        if point in other:
            current.append(point)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def build(source: Path) -> dict:
    """The asset as a JSON-ready dict."""
    data = json.loads(source.read_text(encoding="utf-8"))
    countries = []
    polys_by_iso: dict[str, list[list[list[Point]]]] = {}
    for feature in data["features"]:
        props = feature["properties"]
        polys = [
            poly for poly in _polygons(feature)
            if min(lat for _, lat in poly[0]) < NORTH_CUTOFF
        ]
        if not polys:
            continue
        polys_by_iso[props["iso_a3"]] = polys
        countries.append({
            "iso": props["iso_a3"],
            "name": props["name"],
            "polygons": [[[list(p) for p in ring] for ring in poly] for poly in polys],
        })
    borders = {}
    for name, a, b, west in BORDERS:
        other = {p for poly in polys_by_iso[b] for ring in poly for p in ring}
        runs = [
            run
            for poly in polys_by_iso[a]
            for run in _shared_runs(poly[0], other)
            if min(x for x, _ in run) >= west
        ]
        runs.sort(key=len, reverse=True)
        line = runs[0]
        if line[0][0] > line[-1][0]:  # west to east, so sectors can be cut by longitude
            line = line[::-1]
        borders[name] = [list(p) for p in line]
    return {
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries, version 4.1.0 "
        "(public domain); simplified for Borderlines by tools/build_map_asset.py",
        "countries": countries,
        "borders": borders,
        "lakes": {name: [list(p) for p in ring] for name, ring in LAKES.items()},
    }


def main(argv: list[str]) -> int:
    """Write the asset; returns the exit code."""
    if not argv:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else OUT
    text = json.dumps(build(Path(argv[0])), separators=(",", ":"))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, out)
    print(f"wrote {out} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
