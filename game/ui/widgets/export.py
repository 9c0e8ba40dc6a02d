"""Save charts as PNG files for the debrief's export, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui import theme


def save_png(surface: pygame.Surface, path: str | os.PathLike[str]) -> Path:
    """Write ``surface`` to ``path`` as PNG via a temporary file and a rename (never half a file).

    Raises:
        OSError: the folder cannot be written; the message names the path.
    """
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_suffix(".png")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".png")
    os.close(fd)
    try:
        pygame.image.save(surface, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except (OSError, pygame.error) as error:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(f"Could not save the chart to {target}: {error}") from error
    return target


def render_png(path: str | os.PathLike[str], size: tuple[int, int],
               draw: Callable[[pygame.Surface, pygame.Rect], object],
               background: tuple[int, int, int] = theme.BACKGROUND) -> Path:
    """Draw onto a fresh off-screen Surface of ``size`` with ``draw(surface, rect)`` and save it."""
    surface = pygame.Surface(size)
    surface.fill(background)
    draw(surface, surface.get_rect())
    return save_png(surface, path)
