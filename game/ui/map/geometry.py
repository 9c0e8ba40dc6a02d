"""Outlines from ``assets/map`` and the screen-space curves of corridors and borders."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from game.paths import ASSETS

from .corridors import Corridor, Sector
from .projection import Projection

MAP_FILE = ASSETS / "map" / "north_america.json"

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Country:
    """One country's outline: a tuple of polygons, each an (n, 2) array of lon/lat."""

    iso: str
    name: str
    polygons: tuple[FloatArray, ...]


@cache
def load_outlines() -> tuple[tuple[Country, ...], dict[str, FloatArray]]:
    """Countries and named border lines (lon/lat arrays), read once from the asset."""
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    countries = tuple(
        Country(
            iso=c["iso"],
            name=c["name"],
            # Outer rings only: the 1:110m outlines of the region have no holes.
            polygons=tuple(np.asarray(poly[0], dtype=float) for poly in c["polygons"]),
        )
        for c in data["countries"]
    )
    borders = {name: np.asarray(line, dtype=float) for name, line in data["borders"].items()}
    return countries, borders


@cache
def load_lakes() -> tuple[FloatArray, ...]:
    """Rough outlines of the Great Lakes (lon/lat arrays, open rings)."""
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return tuple(np.asarray(ring, dtype=float) for ring in data.get("lakes", {}).values())


def catmull_rom(points: FloatArray, per_segment: int = 12) -> FloatArray:
    """A smooth curve through ``points`` (n, 2), passing through every one of them."""
    if len(points) < 3:
        return points.copy()
    padded = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    t = np.linspace(0.0, 1.0, per_segment, endpoint=False)[:, None]
    t2, t3 = t * t, t * t * t
    pieces = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        pieces.append(
            0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                   + (-p0 + 3 * p1 - 3 * p2 + p3) * t3)
        )
    pieces.append(points[-1:])
    return np.vstack(pieces)


def arc(start: FloatArray, end: FloatArray, bend: float = 0.14, n: int = 48) -> FloatArray:
    """A flight arc: a quadratic Bézier bowed to the left of travel by ``bend`` × length."""
    direction = end - start
    normal = np.array([direction[1], -direction[0]])
    control = (start + end) / 2 + normal * bend
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t**2 * end


def resample(path: FloatArray, spacing: float) -> FloatArray:
    """Points every ``spacing`` pixels along ``path`` (at least two)."""
    seg = np.hypot(*np.diff(path, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = float(cum[-1])
    count = max(2, int(total / spacing) + 1)
    s = np.linspace(0.0, total, count)
    return np.column_stack([np.interp(s, cum, path[:, 0]), np.interp(s, cum, path[:, 1])])


def corridor_path(corridor: Corridor, projection: Projection, spacing: float = 3.0) -> FloatArray:
    """The corridor's curve on screen, evenly sampled every ``spacing`` pixels."""
    anchors = projection.points(corridor.anchors)
    if corridor.shape == "air":
        curve = arc(anchors[0], anchors[-1])
    else:
        curve = catmull_rom(anchors)
    return resample(curve, spacing)


def sector_line(sector: Sector, borders: dict[str, FloatArray]) -> FloatArray:
    """The stretch of a stored border line between the sector's longitude limits (lon/lat)."""
    line = borders[sector.border]
    if sector.border == "mx_gt" and "mx_bz" in borders:
        line = np.vstack([line, borders["mx_bz"][1:]])
    # Densify first so that cutting by longitude lands close to the limits.
    dense = resample(line, 0.05)
    keep = (dense[:, 0] >= sector.west) & (dense[:, 0] <= sector.east)
    return dense[keep] if keep.sum() >= 2 else dense[:2]
