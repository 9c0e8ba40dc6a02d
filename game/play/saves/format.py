"""The ``borderlines-save/1`` file format: encoding, decoding, migrations, checksum and limits.

A save file is readable JSON::

    {
     "format": "borderlines-save/1",
     "checksum": "sha256:<hex of the canonical JSON of body>",
     "body": {"kind": "autosave", "saved": "2026-…Z", "slot": "", "record": {…GameRecord…}}
    }

The canonical JSON of the body is ``json.dumps(body, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`` encoded as UTF-8, so re-indenting a file keeps it valid but changing any
value does not. Decoding goes through separate steps: parse → recognise the format → migrate
older versions one step at a time (:data:`MIGRATIONS`) → verify the checksum → validate the
record. Each failure is a :class:`SaveError` whose text says what happened in words a teacher
understands; nothing here lets a traceback reach the player. This module touches no file:
reading and writing them is :mod:`game.play.saves.storage`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from game.i18n import t
from game.play.record import GameRecord, RecordError, level_hash_of

FORMAT_PREFIX = "borderlines-save/"
#: The version this build writes; files of older versions are migrated on load.
VERSION = 1
FORMAT = f"{FORMAT_PREFIX}{VERSION}"

#: The largest save file the game opens. A whole campaign level saves under 100 KB; a file
#: bigger than this is not one of ours, and reading it would freeze the title screen.
MAX_SAVE_BYTES = 8 * 1024 * 1024
#: The longest number a save may hold, in characters: seeds and metrics need at most 25, and a
#: 5,000-digit number takes Python long enough to parse that it is refused before that.
MAX_NUMBER_CHARS = 40
#: Whole numbers in a save are below this (seeds are 64-bit; counts are far smaller).
MAX_WHOLE_NUMBER = 2 ** 64

_FORMAT_RE = re.compile(r"^borderlines-save/(\d+)$")


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

