"""Save files on disk: where they live, reading them safely, writing them atomically, autosaves.

Files live under ``user_data_dir()/saves``: ``autosave/<started>-<level>-<game id>/turn-0007.json``
(the last :data:`AUTOSAVE_KEEP` turns of each game) and ``slots/<name>.json`` (named saves).
Every write goes through :func:`~game.play.atomic.write_atomic` and counts as a change for
:func:`saves_version`; every autosave updates the one :class:`AutosaveStatus` the screens show.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import t
from game.paths import user_data_dir
from game.play.atomic import remove_stale_temp_files, write_atomic
from game.play.record import GameRecord
from game.play.saves.format import (
    MAX_SAVE_BYTES,
    SaveError,
    SaveFile,
    _too_big,
    decode_save,
    encode_save,
)

if TYPE_CHECKING:
    from game.play.session import Session

#: How many autosaves (the most recent turns) are kept per game.
AUTOSAVE_KEEP = 10

_TURN_FILE_RE = re.compile(r"^turn-(\d+)\.json$")
#: Counts this program's writes, removals and set-asides of saves (see :func:`saves_version`).
_version = 0


def _open_flags() -> int:
    # Non-blocking, so that opening a FIFO (a "file" that waits for a writer) returns at once
    # and is then refused by its type instead of freezing the game.
    return os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_save_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a save file, refusing before reading what cannot be one; raises SaveError.

    Folders, FIFOs, devices (``/dev/zero``) and files over :data:`MAX_SAVE_BYTES` are refused
    with a message; at most :data:`MAX_SAVE_BYTES` + 1 bytes are ever read.
    """
    target = Path(path)
    try:
        fd = os.open(target, _open_flags())
    except FileNotFoundError:
        raise SaveError(t("There is no save file at {path}.", path=target),
                        reason="missing", path=target) from None
    except IsADirectoryError:
        raise SaveError(t("{path} is a folder, not a save file.", path=target),
                        reason="not_a_file", path=target) from None
    except (OSError, ValueError) as exc:
        raise SaveError(t("This save could not be read ({detail}).",
                          detail=getattr(exc, "strerror", None) or exc),
                        reason="unreadable", path=target) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(t("{path} is a folder, not a save file.", path=target),
                            reason="not_a_file", path=target)
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(t("{path} is not an ordinary file (it may be a device or a pipe), "
                              "so it cannot be a save. It was not read.", path=target),
                            reason="not_a_file", path=target)
        if info.st_size > MAX_SAVE_BYTES:
            raise _too_big(target)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_SAVE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_SAVE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_SAVE_BYTES:  # a file that grew, or one whose size the system hides
            raise _too_big(target)
        return b"".join(chunks)
    except OSError as exc:
        raise SaveError(t("This save could not be read ({detail}).", detail=exc.strerror or exc),
                        reason="unreadable", path=target) from None
    finally:
        os.close(fd)


def read_save(path: str | os.PathLike[str]) -> SaveFile:
    """Open a save file; raises :class:`SaveError` (only) with a message for the player."""
    target = Path(path)
    return decode_save(read_save_bytes(target), target)


def load_save(path: str | os.PathLike[str]) -> GameRecord:
    """The record in a save file; raises :class:`SaveError`."""
    return read_save(path).record



def saves_dir() -> Path:
    """``user_data_dir()/saves``."""
    return user_data_dir() / "saves"


def autosave_dir() -> Path:
    """The folder holding one sub-folder of autosaves per game."""
    return saves_dir() / "autosave"


def slots_dir() -> Path:
    """The folder of named saves."""
    return saves_dir() / "slots"


def _maybe(folder: Callable[[], Path]) -> Path | None:
    # The data folder may be impossible to create (a read-only profile, a full disk): reading
    # then finds nothing, and writing says why, instead of the game stopping.
    try:
        return folder()
    except OSError:
        return None


def _cannot_save(exc: OSError) -> SaveError:
    return SaveError(t("The game could not be saved: the save folder is not available "
                       "({detail}).", detail=exc.strerror or exc), reason="unreadable")


def slug(text: str, fallback: str = "save") -> str:
    """A file-name-safe version of ``text`` (letters, digits and dashes)."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned[:60] or fallback


def game_folder(record: GameRecord) -> Path:
    """The autosave folder of one game: named by start time, level and id, so it sorts by age."""
    started = re.sub(r"[^0-9]", "", record.created)[:14]
    prefix = f"{started[:8]}-{started[8:14]}-" if len(started) == 14 else ""
    return autosave_dir() / f"{prefix}{slug(record.level_id, 'level')}-{slug(record.game_id)}"


def _write(path: Path, data: bytes) -> Path:
    try:
        written = write_atomic(path, data)
    except OSError as exc:
        raise SaveError(t("The game could not be saved to {path} ({detail}). Your previous "
                          "saves are unchanged.", path=path, detail=exc.strerror or exc),
                        reason="unreadable", path=path) from None
    _changed()
    return written


@dataclass
class AutosaveStatus:
    """How the last autosave went: one status for the whole program, shown by every screen.

    Single-player and classroom games both save through :func:`autosave`, which keeps this up
    to date, so a read-only or full disk is reported the same way in both modes.
    """

    #: The last failure's message for the player; empty when the last autosave worked.
    error: str = ""

    @property
    def off(self) -> bool:
        """Whether saves are off (the last attempt failed)."""
        return bool(self.error)


#: The program's one autosave status (see :class:`AutosaveStatus`).
AUTOSAVE_STATUS = AutosaveStatus()


def autosave_status() -> AutosaveStatus:
    """The program's autosave status."""
    return AUTOSAVE_STATUS


def probe_saves() -> AutosaveStatus:
    """Check once, at start, that saves can be written, so "saves are off" shows before play.

    Writes and removes a tiny file in the save folder; a read-only or missing data folder sets
    the status (never raises). A later autosave that works clears it.
    """
    try:
        probe = autosave_dir() / ".write-test"
        write_atomic(probe, b"borderlines\n")
        probe.unlink()
    except OSError as exc:
        AUTOSAVE_STATUS.error = str(_cannot_save(exc))
    else:
        AUTOSAVE_STATUS.error = ""
    return AUTOSAVE_STATUS


def autosave(record: GameRecord, keep: int = AUTOSAVE_KEEP) -> Path:
    """Save ``record`` as its game's autosave for its latest turn; keep the last ``keep`` turns.

    Call after every resolved turn. The file is named ``turn-NNNN.json`` in the game's folder.
    The outcome is kept in :func:`autosave_status` for the screens to show.
    """
    try:
        try:
            folder = game_folder(record)
        except OSError as exc:
            raise _cannot_save(exc) from None
        path = _write(folder / f"turn-{record.turn:04d}.json",
                      encode_save(record, kind="autosave"))
    except SaveError as error:
        AUTOSAVE_STATUS.error = str(error)
        raise
    AUTOSAVE_STATUS.error = ""
    _prune(folder, keep)
    remove_stale_temp_files(folder)
    return path


def _turn_files(folder: Path) -> list[tuple[int, Path]]:
    found = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _TURN_FILE_RE.match(path.name)
            if match:
                found.append((int(match.group(1)), path))
    return sorted(found)


def _newest_first(folder: Path) -> list[Path]:
    # By time written, not by turn number: after a player goes back to an earlier save the
    # newest file may hold a lower turn, and it is the one that must never be pruned.
    def written(item: tuple[int, Path]) -> tuple[int, int]:
        try:
            return item[1].stat().st_mtime_ns, item[0]
        except OSError:
            return 0, item[0]

    return [path for _, path in sorted(_turn_files(folder), key=written, reverse=True)]


def _prune(folder: Path, keep: int) -> None:
    for path in _newest_first(folder)[max(1, keep):]:
        with contextlib.suppress(OSError):
            path.unlink()
            _changed()


def slot_path(name: str) -> Path:
    """Where the named save ``name`` lives."""
    return slots_dir() / f"{slug(name)}.json"


def save_slot(record: GameRecord, name: str) -> Path:
    """Save ``record`` under a name of the player's choosing (same name → same slot)."""
    label = name.strip()
    if not label:
        raise SaveError(t("Give the save a name."), reason="bad_name")
    try:
        path = slot_path(label)
    except OSError as exc:
        raise _cannot_save(exc) from None
    return _write(path, encode_save(record, kind="manual", slot=label))


def export_save(record: GameRecord, path: str | os.PathLike[str]) -> Path:
    """Write ``record`` as a save file anywhere (to hand in, or to move to another computer)."""
    return _write(Path(path), encode_save(record, kind="export"))


def delete_save(path: str | os.PathLike[str]) -> None:
    """Remove one save file (missing files are not an error)."""
    with contextlib.suppress(FileNotFoundError):
        Path(path).unlink()
    _changed()



def saves_version() -> int:
    """A number that changes whenever this program writes, removes or sets aside a save.

    Screens that show saves (the debrief's "What if…" lines) compute them once and again only
    when this changes, never every frame.
    """
    return _version


def _changed() -> None:
    global _version
    _version += 1


def autosave_session(session: Session) -> None:
    """The autosave hook: ``session.on_turn_end = autosave_session`` saves after every turn.

    A failed autosave must not end the game: the error is kept on the session
    (``session.save_error``) for the UI to show, and the next turn tries again.
    """
    try:
        autosave(session.record)
    except SaveError as error:
        session.save_error = str(error)
    else:
        session.save_error = ""

