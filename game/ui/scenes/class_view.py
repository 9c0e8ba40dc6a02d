"""Helpers the classroom screens share: the teacher's key (Ctrl+T), the timer, the hand-over line.

A team's desk holds a :class:`~game.play.game.TeamGame`, the classroom seat of the same turn desk
a single player uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    pass


def teacher_key(event: pygame.event.Event) -> bool:
    """Whether ``event`` is the teacher panel's key: Ctrl+T (or F2)."""
    if event.type != pygame.KEYDOWN:
        return False
    if event.key == pygame.K_F2:
        return True
    return event.key == pygame.K_t and bool(event.mod & pygame.KMOD_CTRL)


def clock_text(seconds: float | None) -> str:
    """``7:05`` for a timer, "" when untimed."""
    if seconds is None:
        return ""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"
