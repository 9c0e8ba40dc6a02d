"""Scenes: one file each; the lifecycle is documented in ``base.py``."""

from __future__ import annotations
