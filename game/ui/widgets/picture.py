"""Pictures from a level's folder (story cards, the epilogue), loaded once and scaled to fit.

The checker has already made sure an image is a PNG or JPEG of a sensible size; if one still
cannot be drawn (a file changed after the check, a codec missing), the card is shown without
it rather than stopping the game.
"""

from __future__ import annotations

import pygame

#: Loaded pictures by file, and their scaled copies by (file, width, height).
_LOADED: dict[str, pygame.Surface | None] = {}
_SCALED: dict[tuple[str, int, int], pygame.Surface | None] = {}


def picture(path: str, width: int, height: int) -> pygame.Surface | None:
    """The image at ``path`` scaled to fit ``width`` × ``height`` (kept in proportion), or None."""
    if not path or width <= 0 or height <= 0:
        return None
    key = (path, width, height)
    if key not in _SCALED:
        if path not in _LOADED:
            _LOADED[path] = _load(path)
        image = _LOADED[path]
        if image is None:
            _SCALED[key] = None
        else:
            w, h = image.get_size()
            scale = min(width / w, height / h)
            size = (max(1, round(w * scale)), max(1, round(h * scale)))
            _SCALED[key] = pygame.transform.smoothscale(image, size)
    return _SCALED[key]


def draw_picture(surface: pygame.Surface, path: str, rect: pygame.Rect) -> pygame.Rect | None:
    """Draw the picture at the top of ``rect``, centred across; where it is, or None if it can't."""
    image = picture(path, rect.width, rect.height)
    if image is None:
        return None
    where = image.get_rect(midtop=rect.midtop)
    surface.blit(image, where)
    return where


def _load(path: str) -> pygame.Surface | None:
    """The picture in 24 or 32 bits (smooth scaling needs them), or None if it cannot be read."""
    try:
        image = pygame.image.load(path)
    except (pygame.error, OSError, ValueError):
        return None
    if image.get_bitsize() not in (24, 32):
        full = pygame.Surface(image.get_size(), 0, 32)
        full.blit(image, (0, 0))
        image = full
    return image
