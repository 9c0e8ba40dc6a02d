"""A game as the desk starts it: one human country, AI leaders for the rest, no autosave.

Shared by the turn, forecast, frame and memory benchmarks so they all measure the same game.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.catalog import shipped_levels  # noqa: E402
from game.play.decisions import DecisionRejected, SetLever  # noqa: E402
from game.play.levelview import LevelView  # noqa: E402
from game.play.session import Session  # noqa: E402

#: What the benchmark's human player does each turn: the tutorial's advice (rescue, officers),
#: then more agents and aid, so the explanation always has several decisions to take apart.
DECISIONS: tuple[tuple[str, float], ...] = (
    ("rescue", 60.0), ("asylum_officers", 1600.0), ("border_agents", 19000.0),
    ("aid_violence_prevention", 180.0), ("humanitarian_visas", 12000.0),
    ("work_visas", 210000.0),
)


def level(level_id: str) -> Any:
    """A shipped level by id."""
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return entry.level


def new_session(level_id: str = "tutorial", player: str = "US") -> Session:
    """A session with ``player`` human and every other country led by its AI leader.

    The same roles as the game's ``make_session``, without the autosave hook: the benchmark
    measures the turn, not the disk.
    """
    lv = level(level_id)
    view = LevelView(lv)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    players[player] = "human"
    return Session(lv, players=players)


def human_moves(session: Session, player: str = "US") -> int:
    """Submit this turn's human decisions (two levers per turn); returns how many were legal."""
    done = 0
    turn = session.turn
    for lever, value in DECISIONS[(2 * (turn - 1)) % len(DECISIONS):][:2]:
        try:
            session.submit(SetLever(player, lever, value * (1 + 0.1 * turn)))
            done += 1
        except DecisionRejected:
            continue
    return done
