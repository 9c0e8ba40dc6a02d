"""Save files: the ``borderlines-save/1`` format, autosaves, named slots, Continue and recovery.

A save file is readable JSON::

    {
     "format": "borderlines-save/1",
     "checksum": "sha256:<hex of the canonical JSON of body>",
     "body": {"kind": "autosave", "saved": "2026-…Z", "slot": "", "record": {…GameRecord…}}
    }

The canonical JSON of the body is ``json.dumps(body, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8, so re-indenting a file keeps it valid but changing any
value does not. Loading goes through separate steps: read bytes → parse → recognise the format →
migrate older versions one step at a time (:data:`MIGRATIONS`) → verify the checksum → validate
the record. Each failure is a :class:`SaveError` whose text says what happened in words a
teacher understands; nothing here lets a traceback reach the player.

Files live under ``user_data_dir()/saves``: ``autosave/<started>-<level>-<game id>/turn-0007.json``
(the last :data:`AUTOSAVE_KEEP` turns of each game) and ``slots/<name>.json`` (named saves).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.paths import user_data_dir
from game.play.atomic import is_temp_file, remove_stale_temp_files, write_atomic
from game.play.record import (
    BranchChart,
    GameRecord,
    RecordError,
    branch_chart,
    branch_from,
    level_hash_of,
    same_numbers,
)

if TYPE_CHECKING:
    from game.play.session import Session

FORMAT_PREFIX = "borderlines-save/"
#: The version this build writes; files of older versions are migrated on load.
VERSION = 1
FORMAT = f"{FORMAT_PREFIX}{VERSION}"
#: How many autosaves (the most recent turns) are kept per game.
AUTOSAVE_KEEP = 10
#: Suffix given to an autosave that turned out damaged, so it stops shadowing good ones.
QUARANTINE_SUFFIX = ".bad"

#: The largest save file the game opens. A whole campaign level saves under 100 KB; a file
#: bigger than this is not one of ours, and reading it would freeze the title screen.
MAX_SAVE_BYTES = 8 * 1024 * 1024
#: The longest number a save may hold, in characters: seeds and metrics need at most 25, and a
#: 5,000-digit number takes Python long enough to parse that it is refused before that.
MAX_NUMBER_CHARS = 40
#: Whole numbers in a save are below this (seeds are 64-bit; counts are far smaller).
MAX_WHOLE_NUMBER = 2 ** 64

_FORMAT_RE = re.compile(r"^borderlines-save/(\d+)$")
_TURN_FILE_RE = re.compile(r"^turn-(\d+)\.json$")


class SaveError(Exception):
    """A save could not be written or opened; ``str(error)`` is the message for the player.

    ``reason`` is a stable code for the program: ``missing``, ``unreadable``, ``empty``,
    ``truncated``, ``not_a_save``, ``foreign``, ``newer``, ``damaged``, ``invalid``,
    ``too_big``, ``not_a_file``, ``bad_name``.
    """

    def __init__(self, message: str, reason: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path

    @property
    def message(self) -> str:
        """The text to show the player."""
        return str(self)


@dataclass(frozen=True)
class SaveFile:
    """A save that loaded: its record and how it was saved."""

    record: GameRecord
    kind: str
    saved: str
    slot: str = ""
    path: Path | None = None
    migrated_from: int | None = None


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


# --- encoding --------------------------------------------------------------------------------


def canonical_json(value: Any) -> bytes:
    """The one byte string a JSON value hashes to (sorted keys, no spaces, UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def checksum_of(body: Any) -> str:
    """``sha256:<hex>`` of the canonical JSON of ``body``."""
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()


def _now_precise() -> str:
    # Microseconds, so that saves made within one second still sort in the order made.
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def encode_save(record: GameRecord, kind: str = "manual", slot: str = "") -> bytes:
    """The bytes of a ``borderlines-save/1`` file holding ``record``."""
    try:
        body = {"kind": kind, "saved": _now_precise(), "slot": slot, "record": record.to_dict()}
        document = {"format": FORMAT, "checksum": checksum_of(body), "body": body}
        text = json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False)
    except (RecordError, ValueError, TypeError) as exc:
        # A bug upstream (a NaN metric, an object that is not JSON): say so, never half-save.
        raise SaveError(t("The game could not be saved: {detail}.", detail=exc),
                        reason="invalid") from None
    return (text + "\n").encode("utf-8")


# --- decoding --------------------------------------------------------------------------------


def _migrate_0_to_1(document: dict[str, Any]) -> dict[str, Any]:
    """``borderlines-save/0`` (the prototype format) → ``borderlines-save/1``.

    Version 0 kept ``{"format", "sha256": <hex of canonical JSON of game>, "game": {"level":
    {"id", "source"}, "seed", "players", "saved", "turns": [{"turn", "decisions", "hash",
    "metrics"}]}}``: no events, baseline or branch, no game id and no app version.
    """
    game = document.get("game")
    expected = document.get("sha256")
    if not isinstance(game, dict) or not isinstance(expected, str):
        raise SaveError(t("This save is not valid: an old-format save without its game data. "
                          "It cannot be opened."), reason="invalid")
    if hashlib.sha256(canonical_json(game)).hexdigest() != expected:
        raise _damaged()
    raw_level = game.get("level")
    level: dict[str, Any] = raw_level if isinstance(raw_level, dict) else {}
    source = level.get("source", "")
    raw_turns = game.get("turns")
    turns = [
        {
            "turn": turn.get("turn"),
            "decisions": turn.get("decisions", []),
            "events": [],
            "state_hash": turn.get("hash"),
            "metrics": turn.get("metrics", {}),
            "baseline_metrics": {},
        }
        for turn in (raw_turns if isinstance(raw_turns, list) else [])
        if isinstance(turn, dict)
    ]
    saved = _text(game.get("saved"))
    record = {
        # Derived from the old checksum so that loading the same file twice gives the same id.
        "game_id": expected[:12],
        "name": "",
        "created": saved,
        "app_version": "0",
        "level_id": level.get("id"),
        "level_title": "",
        "level_hash": level_hash_of(source) if isinstance(source, str) else "",
        "seed": game.get("seed"),
        "players": game.get("players", {}),
        "branch": None,
        "turns": turns,
        "level_source": source,
    }
    body = {"kind": "manual", "saved": saved, "slot": "", "record": record}
    return {"format": f"{FORMAT_PREFIX}1", "checksum": checksum_of(body), "body": body}


#: ``version → function`` turning a document of that version into one of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}


_TRUNCATED = ("This save is incomplete: the file ends part-way through, probably because the "
              "computer stopped while it was being written. It cannot be opened.")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _damaged() -> SaveError:
    return SaveError(
        t("This save was changed or damaged after it was written (its checksum does not match "
          "its contents). It cannot be opened, so that no game is replayed differently from "
          "how it was played."),
        reason="damaged",
    )


def _looks_truncated(text: str, exc: json.JSONDecodeError) -> bool:
    # A save cut short starts like a JSON object but does not end like one (or fails only where
    # the text runs out); a complete save always ends with its closing brace.
    stripped = text.strip()
    return stripped.startswith("{") and (not stripped.endswith("}")
                                         or exc.pos >= len(stripped) - 1)


def _newer_version_label(document: dict[str, Any], version: int) -> str:
    body = document.get("body")
    record = body.get("record") if isinstance(body, dict) else None
    app = record.get("app_version") if isinstance(record, dict) else None
    return str(app) if isinstance(app, str) and app else f"save format {version}"


class _BadNumber(ValueError):
    """A number in a save that no save of ours holds (NaN, infinite, or far too long)."""


def _refuse_constant(name: str) -> Any:
    raise _BadNumber(name)


def _finite_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(text[:20] + "…")
    number = float(text)
    if not math.isfinite(number):
        raise _BadNumber(text)
    return number


def _bounded_int(text: str) -> int:
    # Checked on the text, before int(): Python refuses (or takes seconds over) huge numbers.
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(text[:20] + "…")
    number = int(text)
    if abs(number) >= MAX_WHOLE_NUMBER:
        raise _BadNumber(text)
    return number


def _parse_json(text: str) -> Any:
    """``json.loads`` that refuses NaN, infinities and oversized numbers (:class:`_BadNumber`)."""
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                      parse_int=_bounded_int)


def _too_big(path: Path | None) -> SaveError:
    return SaveError(t("This file is too big to be a Borderlines save (over {size} MB). It "
                       "cannot be opened.", size=MAX_SAVE_BYTES // (1024 * 1024)),
                     reason="too_big", path=path)


def decode_save(data: bytes, path: Path | None = None) -> SaveFile:
    """Parse, migrate and verify the bytes of a save file; raises :class:`SaveError` only.

    This is the one way into a save's contents: every reader (Continue, the load screen, replay,
    class resume and compare, branches) comes through here, so no content of a file, however
    odd, can raise anything but a :class:`SaveError` with a message for the player.
    """
    if len(data) > MAX_SAVE_BYTES:
        raise _too_big(path)
    try:
        return _decode(data, path)
    except SaveError:
        raise
    except _BadNumber as exc:
        raise SaveError(t("This save holds a number no saved game can hold ({number}), so it was "
                          "changed or damaged after it was written. It cannot be opened.",
                          number=_printable(str(exc))), reason="invalid", path=path) from None
    except Exception as exc:  # noqa: BLE001 - whatever a file holds, the player gets a sentence
        raise SaveError(t("This save's contents are not valid ({detail}). It cannot be opened.",
                          detail=_printable(f"{type(exc).__name__}: {exc}")),
                        reason="invalid", path=path) from None


def _printable(text: str, limit: int = 80) -> str:
    # A message may quote a file's contents: no control characters, and not a whole page.
    cleaned = "".join(c if c.isprintable() else "?" for c in text)
    return cleaned if len(cleaned) <= limit else cleaned[:limit - 1] + "…"


def _decode(data: bytes, path: Path | None) -> SaveFile:
    if not data.strip():
        raise SaveError(t("This save is empty, probably because the computer stopped while it "
                          "was being written. It cannot be opened."), reason="empty", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and data.lstrip().startswith(b"{"):
            # Cut in the middle of an accented letter: a save that ends early, not a foreign file.
            raise SaveError(t(_TRUNCATED), reason="truncated", path=path) from None
        raise SaveError(t("This file is not a Borderlines save: it does not contain text. "
                          "It cannot be opened."), reason="not_a_save", path=path) from None
    try:
        document = _parse_json(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError) and _looks_truncated(text, exc):
            raise SaveError(t(_TRUNCATED), reason="truncated", path=path) from None
        raise SaveError(t("This file is not a Borderlines save: it is not save data. It cannot "
                          "be opened."), reason="not_a_save", path=path) from None
    if not isinstance(document, dict) or not isinstance(document.get("format"), str):
        raise SaveError(t("This file is not a Borderlines save: it has no save format line. It "
                          "cannot be opened."), reason="foreign", path=path)
    fmt = document["format"]
    match = _FORMAT_RE.match(fmt)
    if match is None:
        what = fmt.split("/")[0].removeprefix("borderlines-")
        message = (t("This file is a Borderlines {what} file, not a saved game. It cannot be "
                     "opened as a save.", what=what) if fmt.startswith("borderlines-")
                   else t("This file is not a Borderlines save (its format is \"{fmt}\"). It "
                          "cannot be opened.", fmt=fmt[:40]))
        raise SaveError(message, reason="foreign", path=path)
    version = int(match.group(1))
    if version > VERSION:
        raise SaveError(t("This save was made by a newer version of Borderlines ({version}). "
                          "Update the game to open it.",
                          version=_newer_version_label(document, version)),
                        reason="newer", path=path)
    migrated_from = version if version < VERSION else None
    try:
        while version < VERSION:
            document = MIGRATIONS[version](document)
            version += 1
    except SaveError as exc:
        exc.path = path
        raise
    body = document.get("body")
    if not isinstance(body, dict) or document.get("checksum") != checksum_of(body):
        error = _damaged()
        error.path = path
        raise error
    try:
        record = GameRecord.from_dict(body.get("record"))
        if level_hash_of(record.level_source) != record.level_hash:
            raise RecordError("the embedded level does not match its hash")
    except RecordError as exc:
        raise SaveError(t("This save's contents are not valid ({detail}). It cannot be opened.",
                          detail=exc), reason="invalid", path=path) from None
    return SaveFile(
        record=record,
        kind=_text(body.get("kind")) or "manual",
        saved=_text(body.get("saved")),
        slot=_text(body.get("slot")),
        path=path,
        migrated_from=migrated_from,
    )


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


# --- where files live ------------------------------------------------------------------------


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


# --- listing and Continue --------------------------------------------------------------------


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
_version = 0


def saves_version() -> int:
    """A number that changes whenever this program writes, removes or sets aside a save.

    Screens that show saves (the debrief's "What if…" lines) compute them once and again only
    when this changes, never every frame.
    """
    return _version


def _changed() -> None:
    global _version
    _version += 1


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


def _has_later_turns(record: GameRecord) -> bool:
    # Autosaves of this game past ``record``'s turn: playing on in the same game would write
    # over them (a file from a newer version, one that does not replay, another future).
    folder = _maybe(lambda: game_folder(record))
    return folder is not None and any(turn > record.turn for turn, _ in _turn_files(folder))


def open_session(record: GameRecord) -> Session:
    """A session to play on from a loaded save (a named save, an older autosave, an export).

    If the game has already been played past this save's turn, playing on from here starts a
    "what if" branch (a new game id, its own autosaves) instead of mixing two futures in one
    game's autosaves; the later turns stay as they were. The session autosaves every turn.
    """
    from game.play.session import Session  # here, because the session module imports this one

    later = _has_later_turns(record)
    if later:
        record = branch_from(record, record.turn,
                             label=t("played on from turn {turn}", turn=record.turn))
    session = Session.from_record(record)
    session.on_turn_end = autosave_session
    if later:
        autosave_session(session)
    return session


def _same_game_saves(save: SaveFile) -> Iterator[SaveFile]:
    """``save``, then the older autosaves of its game that load, newest first."""
    yield save
    if save.path is None:
        return
    for path in _newest_first(save.path.parent):
        if path == save.path:
            continue
        _, older = info_of(path, "autosave")
        if older is not None and older.record.game_id == save.record.game_id:
            yield older


def resume_latest(passed_over: Callable[[SaveFile], bool] | None = None
                  ) -> tuple[Session | None, str]:
    """Rebuild the session of the newest good autosave, for Continue and ``play --continue``.

    Returns the session (``None`` when there is nothing to resume) and the message to show
    (empty when the newest autosave simply loaded). An autosave that loads but cannot be
    replayed gives way to its game's previous turn that can. If the game has later autosaves
    than the one resumed (from a newer version, or not replayable), they are left as they are
    and play goes on in a new branch. The session autosaves after every turn. Autosaves for
    which ``passed_over`` is true are skipped (see :func:`find_autosave`).
    """
    from game.play.session import Session  # here, because the session module imports this one

    found = find_autosave(quarantine=True, passed_over=passed_over)
    if found.save is None:
        return None, found.message
    messages = [found.message] if found.message else []
    failed: tuple[int, str] | None = None
    session: Session | None = None
    for save in _same_game_saves(found.save):
        try:
            session = Session.from_record(save.record)
        except Exception as exc:  # noqa: BLE001 - a save that cannot be replayed must not crash
            failed = failed or (save.record.turn, _printable(str(exc), 200))
            continue
        break
    if session is None:
        turn, detail = failed or (found.save.record.turn, "")
        return None, t("The autosave from turn {turn} could not be replayed ({detail}). Start "
                       "the level again from the title screen.", turn=turn, detail=detail)
    if failed is not None:
        messages.append(t("The autosave from turn {bad_turn} could not be replayed ({detail}). "
                          "Your autosave from turn {turn} is open instead.", bad_turn=failed[0],
                          detail=failed[1], turn=session.record.turn))
    if _has_later_turns(session.record):
        turn = session.record.turn
        session = Session.from_record(branch_from(
            session.record, turn, label=t("played on from turn {turn}", turn=turn)))
        autosave_session(session)
        messages.append(t("This game's later autosaves were left as they are; you are playing "
                          "on from turn {turn} as a new branch.", turn=turn))
    session.on_turn_end = autosave_session
    mismatches = getattr(session, "replay_mismatches", [])
    if mismatches:
        messages.append(t("This game was saved by an earlier version of the model: from turn "
                          "{turn} on, the numbers may differ from what you saw.",
                          turn=mismatches[0]))
    return session, " ".join(messages)


# --- branches --------------------------------------------------------------------------------


def all_records() -> Iterator[GameRecord]:
    """The newest loadable record of every game found in autosaves and named saves."""
    newest: dict[str, GameRecord] = {}
    paths = [(p, "autosave") for p in autosave_files()] + [(p, "manual") for p in slot_files()]
    for path, kind in paths:
        _, save = info_of(path, kind)
        if save is None:
            continue
        known = newest.get(save.record.game_id)
        if known is None or save.record.turn > known.turn:
            newest[save.record.game_id] = save.record
    yield from newest.values()


def branch_session(record: GameRecord, turn: int, label: str = "") -> Session:
    """Rewind ``record`` to the end of ``turn`` as a new "what if" game, ready to play on.

    The branch is autosaved at once (so the debrief finds it beside its parent) and after every
    turn; the parent's saves are never touched. Raises :class:`RecordError` for an unplayed turn.
    """
    from game.play.session import Session  # here, because the session module imports this one

    branch = branch_from(record, turn, label)
    session = Session.from_record(branch)
    session.on_turn_end = autosave_session
    autosave_session(session)
    return session


def game_branches(record: GameRecord, extra: Iterable[GameRecord] = ()) -> BranchChart:
    """``record``'s family from every save on disk (plus ``extra``), ready for the debrief chart.

    ``record`` is the live game; its root and every branch that was saved are found by id.
    """
    return branch_chart(record, [*all_records(), *extra])


# --- replay ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TurnCheck:
    """One turn of a replay: the state hash the save recorded and the one the replay reached."""

    turn: int
    expected: str
    actual: str
    metrics_match: bool = True
    #: The metrics agree to a millionth (``record.same_numbers``) even if not to the last bit.
    numbers_match: bool = True

    @property
    def ok(self) -> bool:
        """Whether the replay reached the recorded state (and, if known, the same metrics)."""
        return self.expected == self.actual and self.metrics_match

    @property
    def same_game(self) -> bool:
        """Whether the replay shows the player the same numbers, if not the same last bits.

        A save replayed on another processor differs in the last bits only (see
        ``record.SAME_NUMBERS_TOLERANCE``); a changed model differs in the numbers.
        """
        return self.ok or self.numbers_match


class ReplayFailed(Exception):
    """A saved game could not be replayed; ``turn`` is the turn that failed (0 if unknown)."""

    def __init__(self, message: str, turn: int) -> None:
        super().__init__(message)
        self.turn = turn


def replay_record(record: GameRecord) -> GameRecord:
    """The record a fresh replay of ``record``'s decisions produces (its own hashes, metrics).

    Raises :class:`ReplayFailed` naming the turn when the level or a decision no longer loads.
    """
    from game.play.session import Session  # here, because the session module imports this one

    try:
        return Session.from_record(record).record
    except Exception as exc:  # noqa: BLE001 - whatever broke, the player gets a sentence
        turn = 0
        # Only on this error path: replay turn by turn to name the turn that fails.
        for n in range(0, record.turn + 1):
            try:
                Session.from_record(record, upto_turn=n)
            except Exception:  # noqa: BLE001
                turn = n
                break
        where = t(" at turn {turn}", turn=turn) if turn else ""
        raise ReplayFailed(t("the game could not be replayed{where}: {error}", where=where,
                             error=exc), turn) from exc


def verify_replay(record: GameRecord,
                  replay: Callable[[GameRecord], GameRecord] | None = None
                  ) -> Iterator[TurnCheck]:
    """Replay ``record`` and compare each turn's state hash and metrics with the saved ones.

    Yields one :class:`TurnCheck` per turn, in order, and stops after the first turn that is not
    the same game (later turns cannot match once the numbers differ). ``replay`` defaults to
    :func:`replay_record`.
    """
    replayed = (replay or replay_record)(record)
    for saved in record.turns:
        if saved.turn > len(replayed.turns):
            yield TurnCheck(saved.turn, saved.state_hash, "(turn not reached)", False, False)
            return
        mine = replayed.turns[saved.turn - 1]
        check = TurnCheck(saved.turn, saved.state_hash, mine.state_hash,
                          same_numbers(saved.metrics, mine.metrics, tolerance=0.0),
                          same_numbers(saved.metrics, mine.metrics))
        yield check
        if not check.same_game:
            return
