"""Borderlines: a teaching game about migration policy in North and Central America."""

from __future__ import annotations

import os

# The game does no matrix algebra, yet OpenBLAS starts a worker thread per core when numpy is
# imported and lets it spin: a quarter of start-up's CPU (docs/performance.md). One thread,
# unless the user chose otherwise; this must run before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
