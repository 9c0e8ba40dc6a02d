"""Borderlines: a teaching game about migration policy in North and Central America."""

from __future__ import annotations

__version__ = "0.1.0"
