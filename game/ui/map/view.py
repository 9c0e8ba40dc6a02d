"""The living map: cached land, overlays drawn once per state, people moving every frame.

Three layers, each rebuilt only when its input changes:

1. *land* — ocean, coasts, countries, graticule: once per size (``land_builds`` counts it);
2. *static* — land plus corridors, sectors coloured by staffing, stranded people, deaths,
   labels and legend: once per size and state;
3. *particles* — moved with numpy and blitted with ``fblits`` every frame.

A frame is therefore one opaque blit and a few sprite batches; an idle map (reduced motion, or
no flows) does not animate at all and the app may sleep.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
import pygame

from game.i18n import percent, t, tn
from game.ui import theme
from game.ui.widgets.format import grouped, human_number

from .corridors import (
    CORRIDOR_BY_NAME,
    CORRIDORS,
    DEATH_REGION_BY_NAME,
    DEATH_REGIONS,
    ISO3,
    SECTOR_BY_NAME,
    SECTORS,
    TOWNS,
    Channel,
)
from .geometry import corridor_path, load_outlines, sector_line
from .land import lift, render_land
from .particles import FADE_LEVELS, FLOW_UNIT, Particles, dot_sprite
from .projection import Projection
from .state import MapState
from .tooltip import Tooltip, draw_tooltip

#: Colour per channel (Okabe–Ito): legal blue, irregular orange, asylum reddish purple.
CHANNEL_COLOURS: dict[Channel, tuple[int, int, int]] = {
    "legal": theme.OKABE_ITO["sky_blue"],
    "irregular": theme.OKABE_ITO["orange"],
    "asylum": theme.OKABE_ITO["reddish_purple"],
}
CHANNEL_INDEX: dict[Channel, int] = {"legal": 0, "irregular": 1, "asylum": 2}

#: Everything the map can draw; ``MapView.set_layers`` picks a subset.
LAYERS = ("corridors", "people", "staffing", "stranded", "deaths", "labels", "legend")

#: Deaths per cross the map may choose from.
DEATH_UNITS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000)

#: Staffing scale: agents per km of border, log-scaled between these limits, on viridis from
#: blue to yellow (perceptually uniform and colour-blind safe; dark end trimmed for contrast).
STAFFING_RANGE = (0.1, 30.0)
VIRIDIS = ((59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37))

#: Small italic place names: name → ((lon, lat), side of the point: -1 left, 1 right).
PLACE_LABELS: dict[str, tuple[tuple[float, float], int]] = {
    "Tecún Umán": ((-92.15, 14.68), -1),
    "Roxham Road": ((-73.45, 45.01), 1),
}

#: Country labels: ISO-2 code → (lon, lat, size factor).
LABELS = {
    "CA": (-97.0, 51.2, 1.25),
    "US": (-99.0, 39.3, 1.4),
    "MX": (-103.0, 24.0, 1.15),
    "GT": (-90.3, 16.5, 0.62),
    "HN": (-86.5, 14.75, 0.62),
    "SV": (-89.2, 13.05, 0.62),
}


def staffing_colour(agents_per_km: float) -> tuple[int, int, int]:
    """The staffing scale's colour for a density of agents per km of border."""
    lo, hi = STAFFING_RANGE
    x = (math.log(max(agents_per_km, lo)) - math.log(lo)) / (math.log(hi) - math.log(lo))
    x = min(1.0, max(0.0, x)) * (len(VIRIDIS) - 1)
    i = min(int(x), len(VIRIDIS) - 2)
    f = x - i
    a, b = VIRIDIS[i], VIRIDIS[i + 1]
    return (
        round(a[0] + (b[0] - a[0]) * f),
        round(a[1] + (b[1] - a[1]) * f),
        round(a[2] + (b[2] - a[2]) * f),
    )


def _tracked(text: str, font: pygame.font.Font, colour: tuple[int, int, int],
             tracking: int) -> pygame.Surface:
    """Text with extra space between letters: the look of a printed map's country names."""
    glyphs = [font.render(ch, True, colour) for ch in text]
    width = sum(g.get_width() for g in glyphs) + tracking * max(0, len(glyphs) - 1)
    out = pygame.Surface((max(1, width), font.get_height()), pygame.SRCALPHA)
    x = 0
    for g in glyphs:
        out.blit(g, (x, 0))
        x += g.get_width() + tracking
    return out


def _halo_text(text: str, font: pygame.font.Font, colour: tuple[int, int, int],
               halo: tuple[int, int, int] = (8, 14, 24)) -> pygame.Surface:
    """Text with a dark one-pixel halo so it stays legible over lines and dots."""
    fg = font.render(text, True, colour)
    bg = font.render(text, True, halo)
    out = pygame.Surface((fg.get_width() + 2, fg.get_height() + 2), pygame.SRCALPHA)
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2)):
        out.blit(bg, (dx, dy))
    out.blit(fg, (1, 1))
    return out


class MapView:
    """The map component the scenes place on the desk, the report and the debrief."""

    def __init__(self, *, reduced_motion: bool | None = None, seed: int = 0,
                 show_legend: bool = True, death_unit: int | None = None) -> None:
        #: Static density dots instead of movement (defaults to the player's setting).
        self.reduced_motion = theme.reduced_motion() if reduced_motion is None else reduced_motion
        #: What is drawn (see ``LAYERS``); ``set_layers`` changes it.
        self.layers: set[str] = set(LAYERS)
        self.show_legend = show_legend
        self.seed = seed
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.state = MapState()
        self.projection = Projection.fit((0, 0, 1, 1))
        self.particles = Particles(seed)
        #: How many times the land layer was rendered (it must be once per size).
        self.land_builds = 0
        self._land: pygame.Surface | None = None
        self._land_key: tuple[tuple[int, int], frozenset[str]] | None = None
        self._static: pygame.Surface | None = None
        self._paths: dict[str, np.ndarray] = {}
        self._sector_paths: dict[str, np.ndarray] = {}
        self._deaths_px: dict[str, np.ndarray] = {}
        self._sprites: list[list[pygame.Surface]] = []
        self._labels: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self._hover: Tooltip | None = None
        self._hover_pos: tuple[int, int] = (0, 0)
        #: Deaths per cross on the map; chosen from the first numbers shown unless given.
        self.death_unit = death_unit or 0
        self._death_unit_auto = death_unit is None
        self._dirty = False
        self._scale = 1.0
        self._ui_scale = theme.scale()

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        """True while people move on the map (False in reduced motion or with no flows)."""
        self.prepare()
        return not self.reduced_motion and len(self.particles) > 0

    def resize(self, rect: pygame.Rect | Sequence[int]) -> None:
        """Place the map in ``rect``; rebuilds the caches only when the size changes."""
        new = pygame.Rect(rect)
        size_changed = new.size != self.rect.size
        self.rect = new
        if size_changed:
            self._rebuild_geometry()
            self._dirty = True

    def set_state(self, state: MapState) -> None:
        """Show new numbers: redraws the overlays and re-places the particles."""
        self.state = state
        self._dirty = True

    def set_reduced_motion(self, reduced: bool) -> None:
        """Switch between moving people and static density dots."""
        if reduced != self.reduced_motion:
            self.reduced_motion = reduced
            self._place_particles()

    def update(self, dt: float) -> None:
        """Move the people ``dt`` seconds along their corridors."""
        if self.animating:
            self.particles.update(min(dt, 0.1))

    def prepare(self) -> None:
        """Build whatever layer is out of date now (``draw`` and ``hit_test`` call it)."""
        if self._dirty or self._ui_scale != theme.scale():
            self._dirty = False
            self._ui_scale = theme.scale()
            self._rebuild_static()

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the map into its rect on ``surface``."""
        self.prepare()
        if self._static is None:
            return
        surface.blit(self._static, self.rect.topleft)
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip) if clip else self.rect)
        self.particles.draw(surface, self._sprites, self.rect.topleft, premultiplied=True)
        # Country names sit above the moving people so they stay readable.
        ox, oy = self.rect.topleft
        surface.fblits([(label, (x + ox, y + oy)) for label, (x, y) in self._labels])
        if self._hover is not None:
            self._draw_highlight(surface, self._hover)
            draw_tooltip(surface, self._hover, self._hover_pos, self.rect)
        surface.set_clip(clip)

    def set_hover(self, pos: tuple[int, int] | None) -> Tooltip | None:
        """Remember the pointer so ``draw`` shows its tooltip; returns that tooltip."""
        self._hover = self.hit_test(pos) if pos is not None else None
        self._hover_pos = pos or (0, 0)
        return self._hover

    def show_tooltip(self, tip: Tooltip | None) -> None:
        """Show ``tip`` (e.g. one of ``focus_points()``, chosen with the keyboard) until cleared."""
        self._hover = tip
        self._hover_pos = tip.anchor if tip is not None else (0, 0)

    def set_layers(self, layers: Iterable[str]) -> None:
        """Choose what is drawn, from ``LAYERS`` (e.g. a projector view without the legend)."""
        chosen = set(layers)
        unknown = chosen - set(LAYERS)
        if unknown:
            raise ValueError(f"unknown map layers: {', '.join(sorted(unknown))}")
        if chosen != self.layers:
            self.layers = chosen
            self._dirty = True

    def focus_points(self) -> list[Tooltip]:
        """Every place with a tooltip, west to east, for keyboard players to step through."""
        self.prepare()
        ox, oy = self.rect.topleft
        found: list[tuple[float, Tooltip]] = []
        if "stranded" in self.layers:
            for town in TOWNS:
                x, y = self.projection.point(*town.lonlat)
                found.append((x, self._tooltip("town", town.name, (round(x + ox), round(y + oy)))))
        if "staffing" in self.layers:
            for name, pts in self._sector_paths.items():
                if len(pts) >= 2:
                    x, y = pts[len(pts) // 2]
                    found.append((x, self._tooltip("sector", name,
                                                   (round(x + ox), round(y + oy)))))
        if "corridors" in self.layers or "people" in self.layers:
            for corridor in CORRIDORS:
                if self.state.flows.get(corridor.name, 0.0) > 0:
                    pts = self._paths[corridor.name]
                    x, y = pts[int(len(pts) * 0.4)]
                    found.append((x, self._tooltip("corridor", corridor.name,
                                                   (round(x + ox), round(y + oy)))))
        found.sort(key=lambda item: item[0])
        return [tip for _, tip in found]

    # --- caches ----------------------------------------------------------------------------

    def _player_iso3(self) -> frozenset[str]:
        return frozenset(ISO3[c] for c in self.state.player_countries if c in ISO3)

    def _rebuild_geometry(self) -> None:
        w, h = self.rect.size
        self.projection = Projection.fit((0, 0, w, h))
        spacing = max(2.0, h / 360)
        self._paths = {c.name: corridor_path(c, self.projection, spacing) for c in CORRIDORS}
        _, borders = load_outlines()
        self._sector_paths = {
            s.name: self.projection.points(sector_line(s, borders)) for s in SECTORS
        }
        self._scale = max(0.6, h / 720)
        radius = 2.0 * self._scale
        self._sprites = [
            [dot_sprite(CHANNEL_COLOURS[ch], radius, a).premul_alpha() for a in FADE_LEVELS]
            for ch in ("legal", "irregular", "asylum")
        ]

    def _land_layer(self) -> pygame.Surface:
        key = (self.rect.size, self._player_iso3())
        if self._land is None or self._land_key != key:
            self._land = render_land(self.rect.size, key[1])
            self._land_key = key
            self.land_builds += 1
        return self._land

    def _rebuild_static(self) -> None:
        if self.rect.width < 8 or self.rect.height < 8:
            self._static = None
            return
        static = self._land_layer().copy()
        if "corridors" in self.layers:
            self._draw_corridors(static)
        if "staffing" in self.layers:
            self._draw_sectors(static)
        self._deaths_px = {}
        if "deaths" in self.layers:
            self._draw_deaths(static)
        self._draw_towns(static)
        self._labels = []
        if "labels" in self.layers:
            self._draw_labels(static)
        if self.show_legend and "legend" in self.layers:
            self._draw_legend(static)
        if pygame.display.get_surface() is not None:
            static = static.convert()  # the display's pixel format blits fastest
        self._static = static
        self._place_particles()

    def _place_particles(self) -> None:
        flows = self.state.flows if "people" in self.layers else {}
        channels = {c.name: CHANNEL_INDEX[c.channel] for c in CORRIDORS}
        base = 0.028 * self.rect.height  # modest: a long route takes about half a minute
        speeds = {c.name: base * (2.2 if c.shape == "air" else 1.0) for c in CORRIDORS}
        self.particles.build(self._paths, flows, channels, speeds,
                             static=self.reduced_motion, spread=1.3 * self._scale)

    # --- overlay drawing -------------------------------------------------------------------

    def _font(self, size: float, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        """Map text grows with the map; the UI scale enlarges it by half its own factor."""
        ui = theme.scale()
        # Never under 11 real pixels: the legend must stay readable on a small map.
        pixels = max(11 / ui, size * self._scale * (0.5 + 0.5 * ui) / ui)
        return theme.font(round(pixels), bold, italic)

    def _line_width(self, flow: float) -> float:
        return self._scale * (1.0 + 1.1 * math.log1p(max(0.0, flow) / FLOW_UNIT) / 2.0)

    def _draw_corridors(self, static: pygame.Surface) -> None:
        w, h = static.get_size()
        # The glow is drawn and blurred at half size (blur cost grows with area).
        glow = pygame.Surface((max(1, w // 2), max(1, h // 2)), pygame.SRCALPHA)
        core = pygame.Surface((w, h), pygame.SRCALPHA)
        for corridor in CORRIDORS:
            flow = self.state.flows.get(corridor.name, 0.0)
            path = self._paths[corridor.name].tolist()
            colour = CHANNEL_COLOURS[corridor.channel]
            if flow <= 0:
                # An unused route stays faintly visible so the player sees it is closed.
                pygame.draw.aalines(core, (*colour, 40), False, path)
                continue
            width = self._line_width(flow)
            half_path = (self._paths[corridor.name] / 2).tolist()
            pygame.draw.lines(glow, (*colour, 60), False, half_path, max(1, int(width * 1.5)))
            if corridor.shape == "air":
                _dashed(core, (*colour, 95), path, int(6 * self._scale))
            else:
                pygame.draw.lines(core, (*colour, 120), False, path, max(1, int(width)))
                pygame.draw.aalines(core, (*colour, 170), False, path)
        glow = pygame.transform.gaussian_blur(glow, max(1, int(1.5 * self._scale)))
        static.blit(pygame.transform.smoothscale(glow, (w, h)), (0, 0))
        static.blit(core, (0, 0))
        # Where people set out: a small ring at the start of every route from an origin.
        ring = max(2.0, 2.6 * self._scale)
        for corridor in CORRIDORS:
            if corridor.name.startswith("origin_") and self.state.flows.get(corridor.name, 0) > 0:
                x, y = self._paths[corridor.name][0]
                pygame.draw.circle(static, (12, 18, 28), (x, y), ring + 1.5)
                pygame.draw.circle(static, CHANNEL_COLOURS[corridor.channel], (x, y), ring, 2)

    def _draw_sectors(self, static: pygame.Surface) -> None:
        for sector in SECTORS:
            # The US–Canada line is long and quiet: thinner, so it does not frame the map.
            width = max(2, int((2.5 if sector.name == "us_ca" else 4.5) * self._scale))
            pts = self._sector_paths[sector.name].tolist()
            if len(pts) < 2:
                continue
            agents = self.state.staffing.get(sector.name, 0.0)
            colour = staffing_colour(agents / sector.length_km)
            pygame.draw.lines(static, (10, 16, 26), False, pts, width + 3)
            for p in (pts[0], pts[-1]):
                pygame.draw.circle(static, (10, 16, 26), p, (width + 3) / 2)
            pygame.draw.lines(static, colour, False, pts, width)
            for p in pts[1:-1]:
                pygame.draw.circle(static, colour, p, width / 2 - 0.5)
        # Ticks between US sectors so the nine stretches read as separate.
        width = max(3, int(4.5 * self._scale))
        for sector in SECTORS[:-3]:
            end = self._sector_paths[sector.name][-1]
            pygame.draw.circle(static, (10, 16, 26), end.tolist(), width / 2 + 1)

    def _draw_deaths(self, static: pygame.Surface) -> None:
        total = sum(max(0.0, v) for v in self.state.deaths.values())
        # One mark per `unit` deaths, a round number keeping marks under about 80. The unit is
        # sticky: it only grows when marks would pass 160, so turns stay comparable by eye.
        unit = self.death_unit
        if unit < 1 or (self._death_unit_auto and total / unit > 160):
            for candidate in DEATH_UNITS:
                unit = candidate
                if total / candidate <= 80:
                    break
        self.death_unit = unit
        self._deaths_px = {}
        size = max(2, int(2.6 * self._scale))
        for region in DEATH_REGIONS:
            n = int(self.state.deaths.get(region.name, 0.0) / unit + 0.5)
            if n <= 0:
                continue
            rng = np.random.default_rng([self.seed, zlib.crc32(region.name.encode())])
            if region.along:
                # Marks sit on the routes where people died, a little to the side of them.
                chunks = []
                for i, name in enumerate(region.along):
                    path = self._paths[name]
                    k = len(range(i, n, len(region.along)))
                    idx = (rng.uniform(*region.span, k) * (len(path) - 1)).astype(int)
                    chunks.append(path[idx] + rng.normal(0, 4 * self._scale, (k, 2)))
                pts = np.vstack(chunks)
            else:
                lonlat = np.column_stack([
                    region.centre[0] + rng.normal(0, region.spread[0] / 2, n),
                    region.centre[1] + rng.normal(0, region.spread[1] / 2, n),
                ])
                pts = self.projection.points(lonlat)
            self._deaths_px[region.name] = pts
            for x, y in pts.tolist():
                pygame.draw.line(static, (12, 18, 28), (x - size, y + 1), (x + size, y + 1), 3)
                pygame.draw.line(static, (12, 18, 28), (x + 1, y - size - 1),
                                 (x + 1, y + size + 2), 3)
                pygame.draw.line(static, (236, 240, 244), (x - size, y), (x + size, y), 1)
                pygame.draw.line(static, (236, 240, 244), (x, y - size - 1), (x, y + size + 1),
                                 1)

    def _town_radius(self, people: float) -> float:
        # Area proportional to people: 10,000 stranded → a circle of 9 px at 720p.
        return 9.0 * self._scale * math.sqrt(max(0.0, people) / 10_000)

    def _draw_towns(self, static: pygame.Surface) -> None:
        w, h = static.get_size()
        layer = pygame.Surface((w, h), pygame.SRCALPHA)
        font = self._font(10)
        for town in TOWNS:
            x, y = self.projection.point(*town.lonlat)
            people = self.state.stranded.get(town.name, 0.0)
            r = self._town_radius(people) if "stranded" in self.layers else 0.0
            if r >= 1:
                pygame.draw.circle(layer, (*theme.OKABE_ITO["yellow"], 70), (x, y), r)
                pygame.draw.circle(layer, (*theme.OKABE_ITO["yellow"], 220), (x, y), r, 1)
            pygame.draw.circle(layer, (236, 240, 244, 255), (x, y), max(1.5, 1.8 * self._scale))
        static.blit(layer, (0, 0))
        for town in TOWNS:
            if "labels" not in self.layers:
                break
            if town.name in ("mexicali", "nuevo_laredo", "matamoros"):
                continue  # crowded: named in tooltips only
            x, y = self.projection.point(*town.lonlat)
            label = _halo_text(t(town.label), font, theme.TEXT_DIM)
            static.blit(label, (x - label.get_width() - 4 * self._scale, y + 2 * self._scale))

    def _draw_labels(self, static: pygame.Surface) -> None:
        self._labels = []
        for code, (lon, lat, factor) in LABELS.items():
            x, y = self.projection.point(lon, lat)
            player = code in self.state.player_countries
            font = self._font(15 * factor, bold=True)
            tracking = max(1, int(font.get_height() * 0.2))
            colour = (206, 212, 220) if player else (150, 164, 180)
            text = t(_COUNTRY_LABELS[code]).upper()
            surf = _tracked(text, font, colour, tracking)
            surf.set_alpha(235 if player else 170)
            # A soft dark halo keeps the name readable over routes and moving people.
            halo = _tracked(text, font, (8, 14, 24), tracking)
            halo.set_alpha(150)
            back = pygame.Surface((surf.get_width() + 2, surf.get_height() + 2), pygame.SRCALPHA)
            for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2)):
                back.blit(halo, (dx, dy))
            back.blit(surf, (1, 1))
            surf = back
            pos = (round(x - surf.get_width() / 2), round(y - surf.get_height() / 2))
            self._labels.append((surf, pos))
        small = self._font(9.5, italic=True)
        for text, (lonlat, dx) in PLACE_LABELS.items():
            x, y = self.projection.point(*lonlat)
            label = _halo_text(t(text), small, theme.TEXT_DIM)
            lx = x + 6 * self._scale if dx > 0 else x - label.get_width() - 6 * self._scale
            static.blit(label, (lx, y - label.get_height() / 2))

    def _draw_legend(self, static: pygame.Surface) -> None:
        s = self._scale
        font = self._font(10.5)
        head = self._font(10.5, bold=True)
        rows: list[tuple[str, str, tuple[int, int, int]]] = [
            ("dot", t("Legal channels"), CHANNEL_COLOURS["legal"]),
            ("dot", t("Irregular routes"), CHANNEL_COLOURS["irregular"]),
            ("dot", t("Asylum seekers"), CHANNEL_COLOURS["asylum"]),
            ("circle", t("Stranded in border towns"), theme.OKABE_ITO["yellow"]),
            ("cross", tn("{n} death in transit", "{n} deaths in transit", self.death_unit),
             (236, 240, 244)),
        ]
        pad = int(8 * s)
        line_h = font.get_linesize()
        bar_h = int(7 * s)
        width = 2 * pad + max(
            [head.size(t("People moving north, per month"))[0], int(170 * s)]
            + [font.size(str(text))[0] + int(16 * s) for _, text, _ in rows]
        )
        height = pad * 2 + head.get_linesize() + line_h * len(rows) + line_h + bar_h + line_h
        box = pygame.Rect(int(12 * s), static.get_height() - height - int(12 * s), width, height)
        panel = pygame.Surface(box.size, pygame.SRCALPHA)
        panel.fill((10, 18, 30, 200))
        pygame.draw.rect(panel, (*theme.PANEL_EDGE, 200), panel.get_rect(), 1,
                         border_radius=int(4 * s))
        static.blit(panel, box.topleft)
        x, y = box.left + pad, box.top + pad
        static.blit(head.render(t("People moving north, per month"), True, theme.TEXT), (x, y))
        y += head.get_linesize()
        for kind, text, colour in rows:
            cx, cy = x + int(6 * s), y + line_h // 2
            rgb = colour
            if kind == "dot":
                pygame.draw.circle(static, rgb, (cx, cy), max(2, int(3 * s)))
            elif kind == "circle":
                pygame.draw.circle(static, rgb, (cx, cy), max(3, int(5 * s)), 1)
            else:
                k = max(2, int(3 * s))
                pygame.draw.line(static, rgb, (cx - k, cy), (cx + k, cy))
                pygame.draw.line(static, rgb, (cx, cy - k - 1), (cx, cy + k + 1))
            static.blit(font.render(text, True, theme.TEXT_DIM), (x + int(16 * s), y))
            y += line_h
        static.blit(font.render(t("Border agents per km"), True, theme.TEXT_DIM), (x, y))
        y += line_h
        bar = pygame.Rect(x, y, width - 2 * pad, bar_h)
        for i in range(bar.width):
            lo, hi = STAFFING_RANGE
            v = math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * i / max(1, bar.width - 1))
            pygame.draw.line(static, staffing_colour(v), (bar.left + i, bar.top),
                             (bar.left + i, bar.bottom - 1))
        y = bar.bottom + 1
        small = self._font(9)
        for value, align in ((STAFFING_RANGE[0], 0.0), (1.0, 0.5), (STAFFING_RANGE[1], 1.0)):
            lo, hi = STAFFING_RANGE
            fx = (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))
            label = small.render(human_number(value), True, theme.TEXT_DIM)
            lx = bar.left + fx * bar.width - label.get_width() * align
            static.blit(label, (lx, y))

    # --- hover -----------------------------------------------------------------------------

    def hit_test(self, pos: tuple[int, int]) -> Tooltip | None:
        """What lies under ``pos`` (screen coordinates): a town, sector, deaths or a corridor."""
        self.prepare()
        if not self.rect.collidepoint(pos) or self._static is None:
            return None
        p = np.array([pos[0] - self.rect.left, pos[1] - self.rect.top], dtype=float)
        s = self._scale
        anchor = (int(pos[0]), int(pos[1]))
        best: tuple[float, str, str] | None = None  # (distance, kind, key)
        for town in TOWNS if "stranded" in self.layers else ():
            x, y = self.projection.point(*town.lonlat)
            r = max(7 * s, self._town_radius(self.state.stranded.get(town.name, 0.0)))
            d = math.hypot(p[0] - x, p[1] - y)
            if d <= r and (best is None or d < best[0]):
                best = (d, "town", town.name)
        if best is None and "staffing" in self.layers:
            for name, pts in self._sector_paths.items():
                d = _distance_to_polyline(p, pts)
                if d <= 7 * s and (best is None or d < best[0]):
                    best = (d, "sector", name)
        if best is None:
            for name, pts in self._deaths_px.items():
                d = float(np.min(np.hypot(*(pts - p).T))) if len(pts) else math.inf
                if d <= 5 * s and (best is None or d < best[0]):
                    best = (d, "deaths", name)
        if best is None and ("corridors" in self.layers or "people" in self.layers):
            for corridor in CORRIDORS:
                if self.state.flows.get(corridor.name, 0.0) <= 0:
                    continue
                pts = self._paths[corridor.name]
                d = float(np.min(np.hypot(*(pts - p).T)))
                if d <= 7 * s and (best is None or d < best[0]):
                    best = (d, "corridor", corridor.name)
        if best is None:
            return None
        return self._tooltip(best[1], best[2], anchor)

    def _tooltip(self, kind: str, key: str, anchor: tuple[int, int]) -> Tooltip:
        per_month = t("per month")
        if kind == "town":
            town = next(tw for tw in TOWNS if tw.name == key)
            town_lines = ((t("Waiting or stranded"),
                           grouped(self.state.stranded.get(key, 0.0))),)
            return Tooltip(kind, key, t(town.label), town_lines, anchor)
        if kind == "sector":
            sector = SECTOR_BY_NAME[key]
            agents = self.state.staffing.get(key, 0.0)
            base = self.state.staffing_baseline.get(key, 0.0)
            rows = [
                (t("Agents"), grouped(agents)),
                (t("Agents per km"), human_number(agents / sector.length_km)),
            ]
            if base > 0:
                change = (agents - base) / base * 100
                rows.append((t("Against the status quo"), percent(change, signed=True)))
            crossing = _crossing_corridor(key)
            if crossing and crossing in self.state.flows:
                rows.append((t("Crossings {unit}", unit=per_month),
                             grouped(self.state.flows[crossing])))
            if key == "mx_south" and self.state.notes.get("mx_apprehensions"):
                rows.append((t("Apprehended in Mexico {unit}", unit=per_month),
                             grouped(self.state.notes["mx_apprehensions"])))
            claims = {"mx_south": "asylum_claims_mx", "us_ca": "asylum_claims_ca"}.get(key)
            if claims and self.state.notes.get(claims):
                rows.append((t("Asylum claims {unit}", unit=per_month),
                             grouped(self.state.notes[claims])))
            if key in self.state.deaths:
                rows.append((t("Deaths in transit"), grouped(self.state.deaths[key])))
            title = t(sector.label)
            if key in {s.name for s in SECTORS[:-2]}:
                title = t("{name} sector", name=title)
            return Tooltip(kind, key, title, tuple(rows), anchor)
        if kind == "deaths":
            region = DEATH_REGION_BY_NAME[key]
            lines = ((t("Deaths in transit"), grouped(self.state.deaths.get(key, 0.0))),
                     (t("Each cross"), tn("{n} death", "{n} deaths", self.death_unit)))
            return Tooltip(kind, key, t(region.label), lines, anchor)
        corridor = CORRIDOR_BY_NAME[key]
        channel = {"legal": t("Legal channel"), "irregular": t("Irregular route"),
                   "asylum": t("Asylum seekers")}[corridor.channel]
        rows = [(t("People {unit}", unit=per_month), grouped(self.state.flows.get(key, 0.0))),
                (t("Channel"), channel)]
        if corridor.terrain:
            rows.append((t("Terrain"), t(corridor.terrain)))
        if corridor.sector:
            in_sector = self.state.staffing.get(corridor.sector)
            if in_sector is not None:
                rows.append((t("Agents in the sector"), grouped(in_sector)))
        return Tooltip("corridor", key, t(corridor.label), tuple(rows), anchor)

    def _draw_highlight(self, surface: pygame.Surface, tip: Tooltip) -> None:
        ox, oy = self.rect.topleft
        if tip.kind == "corridor":
            pts = (self._paths[tip.key] + (ox, oy)).tolist()
            colour = CHANNEL_COLOURS[CORRIDOR_BY_NAME[tip.key].channel]
            pygame.draw.lines(surface, lift(colour, 40), False, pts, max(2, int(2 * self._scale)))
        elif tip.kind == "sector":
            pts = (self._sector_paths[tip.key] + (ox, oy)).tolist()
            pygame.draw.lines(surface, theme.TEXT, False, pts, 1)


_COUNTRY_LABELS = {"US": "United States", "MX": "Mexico", "CA": "Canada", "GT": "Guatemala",
                   "HN": "Honduras", "SV": "El Salvador"}


def translatable_strings() -> list[str]:
    """Every place name and label the map passes to ``t()`` from its data tables."""
    strings = [c.label for c in CORRIDORS] + [c.terrain for c in CORRIDORS if c.terrain]
    strings += [s.label for s in SECTORS] + [town.label for town in TOWNS]
    strings += [d.label for d in DEATH_REGIONS] + list(_COUNTRY_LABELS.values())
    strings += list(PLACE_LABELS)
    return sorted(set(strings))


def _crossing_corridor(sector: str) -> str:
    if sector == "rio_grande_valley":
        return "cross_rgv"
    if sector in ("mx_south", "us_ca"):
        return "ca_roxham" if sector == "us_ca" else ""
    return f"cross_{sector}"


def _distance_to_polyline(p: np.ndarray, pts: np.ndarray) -> float:
    """Shortest distance from point ``p`` to the polyline ``pts`` (pixels)."""
    if len(pts) < 2:
        return math.inf
    a, b = pts[:-1], pts[1:]
    ab = b - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-9)
    u = np.clip(((p - a) * ab).sum(axis=1) / denom, 0.0, 1.0)
    closest = a + ab * u[:, None]
    return float(np.min(np.hypot(*(closest - p).T)))


def _dashed(surface: pygame.Surface, colour: tuple[int, int, int, int],
            path: list[list[float]], dash: int) -> None:
    """A dashed polyline (flight arcs): every other run of ``dash`` pixels."""
    pts = np.asarray(path)
    seg = np.hypot(*np.diff(pts, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    on = (cum // max(1, dash)).astype(int) % 2 == 0
    run: list[list[float]] = []
    for point, draw in zip(pts.tolist(), on, strict=True):
        if draw:
            run.append(point)
        elif run:
            if len(run) >= 2:
                pygame.draw.aalines(surface, colour, False, run)
            run = []
    if len(run) >= 2:
        pygame.draw.aalines(surface, colour, False, run)
