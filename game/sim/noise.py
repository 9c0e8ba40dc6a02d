"""Where the model's random draws come from (DESIGN.md §2, §3.5; STYLE.md 2).

Every month the step asks for one block of standard normals and one block of uniforms; the rest
of the model transforms them (common random numbers). The block for a month depends only on the
seed, the month and — for independent noise — the world's position in the batch, so the step
stays a pure function and a run can be replayed, copied or resumed from any month.

``Noise.shared(seed)`` gives every world the same draws, drawn with shape ``(1, k)`` and
broadcast: a world run alone or inside a batch of any size sees identical numbers, so two worlds
differ only because their levers differ. ``Noise.independent(seed)`` gives each world its own
stream (forecasts, Monte Carlo): world ``i`` sees the same draws whatever the batch size, because
a generator fills a ``(n, k)`` block row by row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

#: Standard normals per world per month: one origin shock per origin, a US labour-demand shock,
#: and measurement noise for the three observed statistics.
N_NORMALS = 9
#: Uniforms per world per month: media events (3 countries), partner compliance (4 partners),
#: random disasters (5 origins), tariff decision, court luck, a spare.
N_UNIFORMS = 15

# Positions inside the blocks (the step reads them by name, never by a bare number).
NORMAL_ORIGIN = slice(0, 5)
NORMAL_LABOUR = 5
NORMAL_MEASURE = slice(6, 9)
UNIFORM_MEDIA = slice(0, 3)
UNIFORM_COMPLIANCE = slice(3, 7)
UNIFORM_DISASTER = slice(7, 12)
UNIFORM_TARIFF = 12
UNIFORM_COURT = 13
#: Blocks of at most this many rows are kept in the draw cache.
_CACHED_ROWS = 8


@dataclass(frozen=True)
class Noise:
    """A seeded source of monthly random draws, shared by all worlds or independent per world."""

    seed: int
    shared_draws: bool = True
    #: Scales every normal shock; 0 turns chance off (used by tests and explanations).
    scale: float = 1.0

    @classmethod
    def shared(cls, seed: int) -> Noise:
        """Every world sees the same draws (common random numbers for explanations)."""
        return cls(int(seed), True)

    @classmethod
    def independent(cls, seed: int) -> Noise:
        """Each world has its own stream (forecasts and Monte Carlo ensembles)."""
        return cls(int(seed), False)

    def without_chance(self) -> Noise:
        """The same noise with every normal shock set to zero (uniforms kept)."""
        return Noise(self.seed, self.shared_draws, 0.0)

    def draws(self, month: int, n_worlds: int) -> tuple[np.ndarray, np.ndarray]:
        """Normals ``(n, N_NORMALS)`` and uniforms ``(n, N_UNIFORMS)`` for one month."""
        rows = 1 if self.shared_draws else n_worlds
        # Small blocks are cached (explanations replay the same months); big ones are not,
        # so a forecast of thousands of worlds does not pin megabytes of draws.
        block = _block if rows <= _CACHED_ROWS else _block.__wrapped__
        normals, uniforms = block(self.seed, month, rows, self.scale)
        if self.shared_draws and n_worlds != 1:
            normals = np.broadcast_to(normals, (n_worlds, N_NORMALS))
            uniforms = np.broadcast_to(uniforms, (n_worlds, N_UNIFORMS))
        return normals, uniforms


@lru_cache(maxsize=512)
def _block(seed: int, month: int, rows: int, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """One month's draws (cached: explanations and forecasts replay the same months)."""
    # Two streams, so world i's uniforms do not depend on how many normals came before.
    normals = _rng(seed, month, 0).standard_normal((rows, N_NORMALS)) * scale
    uniforms = _rng(seed, month, 1).random((rows, N_UNIFORMS))
    normals.flags.writeable = False
    uniforms.flags.writeable = False
    return normals, uniforms


def _rng(seed: int, month: int, stream: int) -> np.random.Generator:
    entropy = [seed % 2**63, month % 2**63, stream]
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy)))
