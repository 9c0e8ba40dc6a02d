"""Test set-up: no test needs a display or a sound card (STYLE.md 10)."""

from __future__ import annotations

import os

# Set before anything imports pygame.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "disk")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
