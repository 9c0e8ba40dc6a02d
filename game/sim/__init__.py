"""The world model: pure numpy and the standard library, no I/O, no UI (DESIGN.md §2-3)."""

from __future__ import annotations
