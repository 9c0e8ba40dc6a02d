"""Starting and resuming games: from a level file, a shipped id, or the latest autosave.

The screens hold a game as a :class:`~game.play.game.Game`: a single player's seat
(:class:`~game.play.game.SoloGame`) over a :class:`~game.play.session.Session`, whose turn desk
keeps the player's pending levers. This module only finds the level or save and opens the first
screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.play.catalog import find_level
from game.play.game import SoloGame, save_message
from game.ui.scenes.registry import open_scene, scene_factory

if TYPE_CHECKING:
    from game.play.session import Session
    from game.ui.app import App
    from game.ui.scenes.base import Scene


def make_session(level: Any, player: str | None, source: str | None, autoplay: bool) -> Session:
    """A session with ``player`` human and every other country led by its AI leader."""
    from game.play.levelview import LevelView
    from game.play.saves import autosave_session
    from game.play.session import Session

    view = LevelView(level)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    if player is not None and not autoplay:
        players[player] = "human"
    session = Session(level, players=players, source=source)
    session.on_turn_end = autosave_session
    return session


@scene_factory("new_game")
def new_game_scene(app: App, level: Any, player: str, path: Path | None = None) -> Scene:
    """The briefing of a new game of ``level`` led by ``player``."""
    source = None
    if path is not None:
        try:
            source = path.read_text(encoding="utf-8")
        except OSError:
            source = None
    game = SoloGame(make_session(level, player, source, app.autoplay), player, app.autoplay)
    return open_scene("briefing", app, game)


@scene_factory("resume")
def resume_scene(app: App) -> Scene:
    """The desk of the latest unfinished game, or the title with the reason it cannot resume."""
    from game.play.saved_games import resume_unfinished

    session, message = resume_unfinished()
    if session is None:
        return open_scene("title", app, notice=message)
    return play_on_scene(app, session, message)


@scene_factory("play_on")
def play_on_scene(app: App, session: Session, message: str = "") -> Scene:
    """The screen a resumed game continues on: its desk, its debrief, or a class's hand-over."""
    from game.play.saves import autosave_session

    if session.record.classroom:
        # A classroom session resumes as a class: its teams, drafts and hand-over.
        return open_scene("resume_class", app, session.record, message)
    session.on_turn_end = autosave_session
    humans = session.humans or tuple(session.roles)
    game = SoloGame(session, humans[0], app.autoplay)
    game.message = message or save_message(session)
    if session.finished:
        return open_scene("debrief", app, game)
    return open_scene("desk", app, game)


@scene_factory("start")
def start_scene(app: App, level: str | None = None, resume: bool = False) -> Scene:
    """The first scene for ``borderlines play [LEVEL] [--continue]``."""
    if resume:
        return resume_scene(app)
    assert level is not None
    found = find_level(level)
    if isinstance(found, str):
        return open_scene("title", app, notice=found)
    loaded, path = found
    return new_game_scene(app, loaded, loaded.playable_countries()[0], path)
