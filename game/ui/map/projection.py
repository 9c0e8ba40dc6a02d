"""A Lambert conformal conic projection of the region, fitted to any screen rectangle.

Conformal conics keep shapes true in the mid-latitudes and curve the parallels gently, which
reads as "a map" rather than a plate of longitude and latitude. Standard parallels at 20°N and
45°N suit a region that runs from Panama (8°N) to southern Canada (50°N).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: Central meridian and latitude of origin (degrees): the middle of the region.
CENTRE_LON = -98.0
CENTRE_LAT = 28.0
PARALLELS = (20.0, 45.0)
#: The part of the world every fitted view must show: (west, south, east, north) in degrees.
FOCUS = (-123.0, 7.5, -69.0, 49.0)
#: Empty space kept around the focus box, as a share of the rectangle.
MARGIN = 0.03

FloatArray = npt.NDArray[np.float64]


def _lcc_constants() -> tuple[float, float, float]:
    p1, p2 = (math.radians(p) for p in PARALLELS)
    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
        math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
    )
    f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
    rho0 = f / math.tan(math.pi / 4 + math.radians(CENTRE_LAT) / 2) ** n
    return n, f, rho0


_N, _F, _RHO0 = _lcc_constants()


def lcc(lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Project degrees to unit-sphere map coordinates (x east, y north)."""
    lam = np.radians(np.asarray(lon, dtype=float) - CENTRE_LON)
    phi = np.radians(np.asarray(lat, dtype=float))
    rho = _F / np.tan(np.pi / 4 + phi / 2) ** _N
    theta = _N * lam
    return rho * np.sin(theta), _RHO0 - rho * np.cos(theta)


def _focus_bounds() -> tuple[float, float, float, float]:
    west, south, east, north = FOCUS
    lons = np.linspace(west, east, 40)
    lats = np.linspace(south, north, 40)
    grid_lon, grid_lat = np.meshgrid(lons, lats)
    x, y = lcc(grid_lon, grid_lat)
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


_FOCUS_BOUNDS = _focus_bounds()


@dataclass(frozen=True)
class Projection:
    """Maps lon/lat to pixels inside one rectangle, keeping the focus region wholly visible."""

    left: int
    top: int
    width: int
    height: int
    scale: float
    offset_x: float
    offset_y: float

    @classmethod
    def fit(cls, rect: tuple[int, int, int, int]) -> Projection:
        """The projection that shows the whole focus region centred in ``rect`` (x, y, w, h)."""
        left, top, width, height = (int(v) for v in rect)
        x0, y0, x1, y1 = _FOCUS_BOUNDS
        usable_w = max(1.0, width * (1 - 2 * MARGIN))
        usable_h = max(1.0, height * (1 - 2 * MARGIN))
        scale = min(usable_w / (x1 - x0), usable_h / (y1 - y0))
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        offset_x = left + width / 2 - cx * scale
        offset_y = top + height / 2 + cy * scale
        return cls(left, top, width, height, scale, offset_x, offset_y)

    def project(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
        """Pixel coordinates (x right, y down) of degrees; arrays in, arrays out."""
        x, y = lcc(lon, lat)
        return self.offset_x + x * self.scale, self.offset_y - y * self.scale

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel coordinates of one place."""
        x, y = self.project(lon, lat)
        return float(x), float(y)

    def points(self, lonlat: npt.ArrayLike) -> FloatArray:
        """An (n, 2) array of pixels from an (n, 2) array of lon/lat."""
        arr = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        x, y = self.project(arr[:, 0], arr[:, 1])
        return np.column_stack([x, y])
