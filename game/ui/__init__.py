"""The screens: the only package that imports pygame and pygame_gui (DESIGN.md §2)."""

from __future__ import annotations
