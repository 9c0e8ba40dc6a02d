"""People moving along corridors: numpy arrays in, sprite blits out.

Each corridor's curve is sampled into an array once per size; a particle is an index of its
corridor plus a position ``t`` in [0, 1) along it. Moving every particle is one numpy expression
and drawing them is one ``fblits`` call per colour and fade level, so thousands of people cost
about a millisecond a frame.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from itertools import repeat

import numpy as np
import numpy.typing as npt
import pygame

#: Particles per 100 px of corridor for each unit of ``log1p(flow / FLOW_UNIT)``: a log scale
#: so that 500 and 50,000 people a month are both visible and still clearly different.
DENSITY = 3.0
FLOW_UNIT = 150.0
#: Upper bound on particles, whatever the flows (keeps the frame cheap on old laptops).
MAX_PARTICLES = 6000
#: Alpha levels a particle fades through near its corridor's ends.
FADE_LEVELS = (70, 140, 210, 255)

FloatArray = npt.NDArray[np.float64]


def particle_count(flow: float, length_px: float) -> int:
    """How many particles show ``flow`` people per month on a corridor this long."""
    if not flow > 0 or length_px <= 0:
        return 0
    return max(1, round(length_px / 100.0 * DENSITY * math.log1p(flow / FLOW_UNIT)))


def dot_sprite(colour: tuple[int, int, int], radius: float, alpha: int) -> pygame.Surface:
    """A soft round dot: a bright core and a faint halo, pre-rendered once."""
    size = int(math.ceil(radius * 2 + 4))
    scale = 4  # draw big, then smooth-scale down: anti-aliased for free
    big = pygame.Surface((size * scale, size * scale), pygame.SRCALPHA)
    centre = (size * scale // 2, size * scale // 2)
    pygame.draw.circle(big, (*colour, alpha // 4), centre, int((radius + 1.6) * scale))
    pygame.draw.circle(big, (*colour, alpha), centre, int(radius * scale))
    core = tuple(min(255, c + 70) for c in colour)
    pygame.draw.circle(big, (*core, alpha), centre, int(radius * 0.45 * scale))
    return pygame.transform.smoothscale(big, (size, size))


class Particles:
    """Every moving person on the map, as flat numpy arrays."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.samples = np.zeros((0, 2))
        self.offset = np.zeros(0, dtype=np.int64)  # first sample index of each particle's path
        self.last = np.zeros(0, dtype=np.int64)  # samples in that path minus one
        self.t = np.zeros(0)
        self.rate = np.zeros(0)  # share of the path travelled per second
        self.jitter = np.zeros((0, 2))
        self.channel = np.zeros(0, dtype=np.int64)
        self.corridor = np.zeros(0, dtype=np.int64)
        self.names: list[str] = []
        self.counts: dict[str, int] = {}

    def __len__(self) -> int:
        return int(self.t.size)

    def build(
        self,
        paths: Mapping[str, FloatArray],
        flows: Mapping[str, float],
        channels: Mapping[str, int],
        speeds: Mapping[str, float],
        *,
        static: bool = False,
        spread: float = 1.5,
    ) -> None:
        """Place particles on every corridor with a flow (deterministic for the same input).

        Args:
            paths: corridor name → evenly sampled (n, 2) screen points.
            flows: corridor name → people per month.
            channels: corridor name → colour index.
            speeds: corridor name → pixels per second.
            static: reduced motion; particles are spread evenly and never move.
            spread: how far (px) particles stray sideways from the centre line.
        """
        names = [n for n in paths if flows.get(n, 0.0) > 0]
        counts = {}
        for name in names:
            length = float(len(paths[name]) - 1) * _spacing(paths[name])
            counts[name] = particle_count(flows[name], length)
        total = sum(counts.values())
        if total > MAX_PARTICLES:
            factor = MAX_PARTICLES / total
            counts = {n: max(1, int(c * factor)) for n, c in counts.items()}
        samples, offsets, lasts, ts, rates, jitters, chans, corrs = [], [], [], [], [], [], [], []
        start = 0
        for index, name in enumerate(names):
            path = paths[name]
            n = counts[name]
            rng = np.random.default_rng([self.seed, zlib.crc32(name.encode())])
            length = max(1.0, float(len(path) - 1) * _spacing(path))
            if static:
                t = (np.arange(n) + rng.uniform(0.2, 0.8, n)) / n
            else:
                t = rng.uniform(0.0, 1.0, n)
            samples.append(path)
            offsets.append(np.full(n, start, dtype=np.int64))
            lasts.append(np.full(n, len(path) - 1, dtype=np.int64))
            ts.append(t)
            rates.append(speeds.get(name, 20.0) / length * rng.uniform(0.75, 1.25, n))
            jitters.append(rng.normal(0.0, spread, (n, 2)))
            chans.append(np.full(n, channels.get(name, 0), dtype=np.int64))
            corrs.append(np.full(n, index, dtype=np.int64))
            start += len(path)
        self.names = names
        self.counts = counts
        if not names:
            self.__init__(self.seed)  # type: ignore[misc]
            return
        self.samples = np.vstack(samples)
        self.offset = np.concatenate(offsets)
        self.last = np.concatenate(lasts)
        self.t = np.concatenate(ts)
        self.rate = np.concatenate(rates)
        self.jitter = np.vstack(jitters)
        self.channel = np.concatenate(chans)
        self.corridor = np.concatenate(corrs)

    def update(self, dt: float) -> None:
        """Move everyone ``dt`` seconds along; people reaching the end start again."""
        if self.t.size:
            self.t += self.rate * dt
            np.mod(self.t, 1.0, out=self.t)

    def positions(self) -> FloatArray:
        """Screen positions (n, 2) of every particle, relative to the map's corner."""
        f = self.t * self.last
        i = np.minimum(f.astype(np.int64), self.last - 1)
        frac = (f - i)[:, None]
        a = self.samples[self.offset + i]
        b = self.samples[self.offset + i + 1]
        return a + (b - a) * frac + self.jitter

    def fade(self) -> npt.NDArray[np.int64]:
        """Fade level (index into ``FADE_LEVELS``) of each particle: dim near the ends."""
        edge = np.minimum(self.t, 1.0 - self.t)
        return np.minimum((edge * 40).astype(np.int64), len(FADE_LEVELS) - 1)

    def draw(
        self,
        surface: pygame.Surface,
        sprites: Sequence[Sequence[pygame.Surface]],
        origin: tuple[int, int],
        premultiplied: bool = False,
    ) -> None:
        """Blit every particle with ``sprites[channel][fade]`` centred on its position.

        With ``premultiplied`` the sprites must come from ``Surface.premul_alpha()``; that blit
        is about a third faster.
        """
        flags = pygame.BLEND_PREMULTIPLIED if premultiplied else 0
        if not self.t.size:
            return
        half = sprites[0][0].get_width() / 2
        xy = self.positions()
        xy[:, 0] += origin[0] - half
        xy[:, 1] += origin[1] - half
        pos = xy.astype(np.int32)
        group = self.channel * len(FADE_LEVELS) + self.fade()
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(group.max() + 2))
        for key in range(group.max() + 1):
            lo, hi = int(bounds[key]), int(bounds[key + 1])
            if lo == hi:
                continue
            sprite = sprites[key // len(FADE_LEVELS)][key % len(FADE_LEVELS)]
            chosen = pos[order[lo:hi]]
            # Flat int lists zipped into short-lived tuples: no batch of thousands of live
            # containers, so the frame never wakes Python's cyclic garbage collector.
            xs, ys = chosen[:, 0].tolist(), chosen[:, 1].tolist()
            surface.fblits(zip(repeat(sprite), zip(xs, ys, strict=True)), flags)

    def on_corridor(self, name: str) -> FloatArray:
        """Positions of the particles of one corridor (for tests and hover highlights)."""
        if name not in self.names:
            return np.zeros((0, 2))
        mask = self.corridor == self.names.index(name)
        return self.positions()[mask]


def _spacing(path: FloatArray) -> float:
    if len(path) < 2:
        return 0.0
    return float(np.hypot(*(path[1] - path[0])))
