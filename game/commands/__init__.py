"""Subcommands of the ``borderlines`` command line, one module each."""

from __future__ import annotations
