"""Rules of a game session: turns, players (human or AI leader), decisions, objectives, saves.

No pygame and no yaml here (DESIGN.md §2): the UI reads a :class:`~game.play.session.Session`
and sends it :mod:`~game.play.decisions`; levels arrive already loaded by ``game.content``.
"""

from __future__ import annotations
