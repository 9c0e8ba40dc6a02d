"""Scenes by name, so that no scene imports another (STYLE.md 6; Tuxemon's state manager).

A scene leads to the next one by asking for it by name::

    return open_scene("report", self.app, self.game, report)

Every :class:`~game.ui.scenes.base.Scene` subclass registers itself under its ``name`` when its
module is imported, and a function that chooses a scene (resume the latest save, start a level)
registers with :func:`scene_factory`. The first :func:`open_scene` imports every module of
``game.ui.scenes`` once, so a scene's module never has to import the modules of the scenes it
leads to: the screens form no import cycle.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scenes.base import Scene

Factory = Callable[..., "Scene"]
F = TypeVar("F", bound=Factory)

_FACTORIES: dict[str, Factory] = {}
_loaded = False


def register(name: str, factory: Factory) -> None:
    """Make ``factory`` the way to open the scene called ``name`` (one factory per name)."""
    known = _FACTORIES.get(name)
    if known is not None and known is not factory and (
            getattr(known, "__qualname__", None) != getattr(factory, "__qualname__", None)):
        raise ValueError(f"two scenes are called {name!r}: {known!r} and {factory!r}")
    _FACTORIES[name] = factory


def scene_factory(name: str) -> Callable[[F], F]:
    """Register a function that builds a scene (``(app, ...) -> Scene``) under ``name``."""
    def decorate(function: F) -> F:
        register(name, function)
        return function
    return decorate


def _load_all() -> None:
    """Import every scene module once, so each has registered its scenes."""
    global _loaded
    if _loaded:
        return
    package = importlib.import_module("game.ui.scenes")
    for module in pkgutil.iter_modules(package.__path__, "game.ui.scenes."):
        importlib.import_module(module.name)
    _loaded = True


def open_scene(name: str, app: App, *args: Any, **kwargs: Any) -> Scene:
    """The scene registered as ``name``, built for ``app`` with the scene's own arguments."""
    _load_all()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise KeyError(f"no scene is called {name!r}; known: {sorted(_FACTORIES)}") from None
    return factory(app, *args, **kwargs)


def scene_names() -> list[str]:
    """Every registered scene name (for tests and the screenshot tour)."""
    _load_all()
    return sorted(_FACTORIES)
