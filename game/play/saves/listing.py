"""Listing saves for the load screen and Continue: what each file holds, cached, and fallbacks.

A listing reads each file once and again only when it changes (:func:`info_of`). Continue takes
the newest autosave that loads and says which newer ones it passed over (:func:`find_autosave`);
a file that cannot be opened offers the previous good autosave (:func:`open_save`).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from game.i18n import t
from game.play.atomic import is_temp_file
from game.play.saves.format import SaveError, SaveFile
from game.play.saves.storage import (
    _TURN_FILE_RE,
    _changed,
    _maybe,
    _newest_first,
    _turn_files,
    autosave_dir,
    read_save,
    slots_dir,
)

#: Suffix given to an autosave that turned out damaged, so it stops shadowing good ones.
QUARANTINE_SUFFIX = ".bad"


@dataclass(frozen=True)
class SaveInfo:
    """One line of a load screen: what a save file holds, or why it cannot be opened."""

    path: Path
    kind: str
    name: str
    level_id: str
    level_title: str
    turn: int
    saved: str
    game_id: str
    branch_turn: int | None
    parent_id: str | None
    error: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file loads."""
        return self.error is None


@dataclass(frozen=True)
class Continue:
    """The answer to "Continue": the newest autosave that loads, and what to tell the player.

    ``message`` is empty when the newest autosave loaded; otherwise it says which file could not
    be opened and what the game did instead, or why there is nothing to continue.
    """

    save: SaveFile | None
    message: str
    skipped: tuple[SaveInfo, ...] = ()

    def __bool__(self) -> bool:
        """True when there is a game to continue (so ``if latest_autosave():`` reads well)."""
        return self.save is not None



def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _iso_from_mtime(path: Path) -> str:
    return datetime.fromtimestamp(_mtime(path), UTC).isoformat(timespec="seconds").replace(
        "+00:00", "Z")


#: How many files' listings are remembered (a school computer with years of games).
INFO_CACHE_SIZE = 4096
_info_cache: dict[tuple[Path, str], tuple[tuple[int, int, int], SaveInfo, SaveFile | None]] = {}
#: A file changed this recently (ns) may change again within the file system's clock tick
#: without its stamp changing, so it is read again rather than trusted (as git does).
_RACY_NS = 2_000_000_000


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except (OSError, ValueError):
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


def info_of(path: Path, kind: str) -> tuple[SaveInfo, SaveFile | None]:
    """Read one file for a listing: its :class:`SaveInfo` and, if it loads, the save.

    A file already read and unchanged since (same time, size and inode) is not read again, so
    listing a hundred games costs a hundred ``stat`` calls, not a hundred decodings. The save
    returned is shared with the cache: copy its record before changing it.
    """
    stamp = _stamp(path)
    cached = _info_cache.get((path, kind))
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1], cached[2]
    info, save = _read_info(path, kind)
    if stamp is not None and stamp[0] < time.time_ns() - _RACY_NS:
        if len(_info_cache) >= INFO_CACHE_SIZE:
            _info_cache.clear()
        _info_cache[(path, kind)] = (stamp, info, save)
    return info, save


def _read_info(path: Path, kind: str) -> tuple[SaveInfo, SaveFile | None]:
    try:
        save = read_save(path)
    except SaveError as exc:
        turn_match = _TURN_FILE_RE.match(path.name)
        info = SaveInfo(path=path, kind=kind, name=path.stem, level_id="", level_title="",
                        turn=int(turn_match.group(1)) if turn_match else 0,
                        saved=_iso_from_mtime(path), game_id="", branch_turn=None,
                        parent_id=None, error=str(exc), reason=exc.reason)
        return info, None
    record = save.record
    info = SaveInfo(
        path=path, kind=kind, name=save.slot or record.name or record.level_title or
        record.level_id, level_id=record.level_id, level_title=record.level_title,
        turn=record.turn, saved=save.saved or _iso_from_mtime(path), game_id=record.game_id,
        branch_turn=record.branch.branch_turn if record.branch else None,
        parent_id=record.branch.parent_id if record.branch else None,
    )
    return info, save


def autosave_files() -> list[Path]:
    """Every autosave file of every game, newest first."""
    base = _maybe(autosave_dir)
    if base is None:
        return []
    files = [path for folder in _subfolders(base)
             for _, path in _turn_files(folder)]
    return sorted(files, key=lambda p: (_mtime(p), p.name), reverse=True)


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir()]
    except OSError:
        return []


def slot_files() -> list[Path]:
    """Every named save file."""
    try:
        return sorted(p for p in slots_dir().iterdir()
                      if p.suffix == ".json" and not is_temp_file(p))
    except OSError:
        return []


def list_saves(every_autosave: bool = False) -> list[SaveInfo]:
    """Saves for a load screen, newest first; files that cannot be opened carry ``error``.

    By default only the newest autosave of each game is listed (plus every named save); with
    ``every_autosave`` all kept autosaves are.
    """
    infos: list[SaveInfo] = []
    base = _maybe(autosave_dir)
    for folder in _subfolders(base) if base is not None else []:
        for path in _newest_first(folder):
            info, _ = info_of(path, "autosave")
            infos.append(info)
            if info.ok and not every_autosave:
                break
    infos.extend(info_of(path, "manual")[0] for path in slot_files())
    return sorted(infos, key=lambda i: (i.saved, i.turn), reverse=True)


def _quarantine(info: SaveInfo) -> None:
    # A damaged file would otherwise be tried (and reported) first at every Continue. Files from
    # a newer version or unreadable for now (permissions) are left alone: they may open later.
    if info.reason in {"empty", "truncated", "not_a_save", "foreign", "damaged", "invalid",
                       "too_big", "not_a_file"}:
        with contextlib.suppress(OSError):
            info.path.replace(info.path.with_name(info.path.name + QUARANTINE_SUFFIX))
            _changed()


def find_autosave(quarantine: bool = False,
                  passed_over: Callable[[SaveFile], bool] | None = None) -> Continue:
    """The newest autosave that loads; if newer ones are damaged, fall back and say so.

    Always answers, with a message when there is nothing to continue. Looking has no side
    effects (the title screen may ask just to enable Continue). With ``quarantine`` — when the
    player really continues — damaged autosaves that were skipped are renamed ``*.json.bad``
    (kept, not deleted), so the warning is given once. Saves for which ``passed_over`` is true
    (a finished game, for Continue) are left out as if they were not there.
    """
    skipped: list[SaveInfo] = []
    for path in autosave_files():
        info, save = info_of(path, "autosave")
        if save is None:
            skipped.append(info)
            continue
        if passed_over is not None and passed_over(save):
            continue
        if quarantine:
            for bad in skipped:
                _quarantine(bad)
        if not skipped:
            return Continue(save, "")
        first = skipped[0]
        message = t("The latest autosave (turn {bad_turn}) could not be opened: {error} "
                    "Your previous autosave, from turn {turn}, is open instead.",
                    bad_turn=first.turn, error=first.error, turn=save.record.turn)
        return Continue(save, message, tuple(skipped))
    if skipped:
        return Continue(None, t("No autosave could be opened: {error} Start the level again "
                                "from the title screen.", error=skipped[0].error),
                        tuple(skipped))
    return Continue(None, t("There is no game to continue yet: the game saves by itself after "
                            "every turn, so start a level and it will be here."))


def latest_autosave(quarantine: bool = False,
                    passed_over: Callable[[SaveFile], bool] | None = None) -> Continue | None:
    """:func:`find_autosave`, or ``None`` when no autosave loads (Continue is then disabled)."""
    found = find_autosave(quarantine, passed_over)
    return found if found.save is not None else None



@dataclass(frozen=True)
class Opened:
    """What the load screen gets for a file: the save, or why not and what else is available.

    When ``save`` is ``None``, ``message`` says what went wrong and, if there is one, which
    autosave the player can open instead (``fallback``: the previous turns of the same game
    first, else the newest autosave of any game).
    """

    save: SaveFile | None
    message: str
    fallback: SaveFile | None = None


def _fallback_for(path: Path) -> SaveFile | None:
    same_game: list[Path] = []
    if path.parent.parent == _maybe(autosave_dir):  # an autosave: its own game's other turns first
        same_game = _newest_first(path.parent)
    for candidate in [*same_game, *autosave_files()]:
        if candidate == path:
            continue
        _, save = info_of(candidate, "autosave")
        if save is not None:
            return save
    return None


def open_save(path: str | os.PathLike[str]) -> Opened:
    """Open a save for the player: never raises; offers a previous autosave when it fails."""
    target = Path(path)
    try:
        return Opened(read_save(target), "")
    except SaveError as error:
        fallback = _fallback_for(target)
        message = str(error)
        if fallback is not None:
            message = t("{error} Your previous autosave, from turn {turn}, is available.",
                        error=message, turn=fallback.record.turn)
        return Opened(None, message, fallback)
