"""Save files: the ``borderlines-save/1`` format, autosaves, named slots, Continue and recovery.

One package, one module per concern; import from the package, which re-exports the public API:

- :mod:`~game.play.saves.format` — the file format: encoding, decoding (:func:`decode_save`, the
  one way into a file's contents), migrations of older versions, checksum, limits, SaveError.
- :mod:`~game.play.saves.storage` — files on disk: where they live, reading them safely, writing
  them atomically, autosaves and named slots, the autosave status and :func:`saves_version`.
- :mod:`~game.play.saves.listing` — the load screen and Continue: listing (cached), the newest
  autosave that loads, fallbacks and setting damaged files aside.
- :mod:`~game.play.saves.resume` — playing on from a save (:func:`open_session`,
  :func:`resume_latest`).
- :mod:`~game.play.saves.branches` — "what if" games and a game's family for the debrief chart.
- :mod:`~game.play.saves.replay` — replaying a save to check it (``borderlines replay``).

Names starting with ``_`` are shared between these modules only. docs/saves.md describes the
files for players and teachers.
"""

from __future__ import annotations

from game.play.saves.branches import all_records, branch_session, game_branches
from game.play.saves.format import (
    FORMAT,
    FORMAT_PREFIX,
    MAX_NUMBER_CHARS,
    MAX_SAVE_BYTES,
    MAX_WHOLE_NUMBER,
    MIGRATIONS,
    VERSION,
    SaveError,
    SaveFile,
    canonical_json,
    checksum_of,
    decode_save,
    encode_save,
)
from game.play.saves.listing import (
    INFO_CACHE_SIZE,
    QUARANTINE_SUFFIX,
    Continue,
    Opened,
    SaveInfo,
    autosave_files,
    find_autosave,
    info_of,
    latest_autosave,
    list_saves,
    open_save,
    slot_files,
)
from game.play.saves.replay import ReplayFailed, TurnCheck, replay_record, verify_replay
from game.play.saves.resume import open_session, resume_latest
from game.play.saves.storage import (
    AUTOSAVE_KEEP,
    AUTOSAVE_STATUS,
    AutosaveStatus,
    autosave,
    autosave_dir,
    autosave_session,
    autosave_status,
    delete_save,
    export_save,
    game_folder,
    load_save,
    probe_saves,
    read_save,
    read_save_bytes,
    save_slot,
    saves_dir,
    saves_version,
    slot_path,
    slots_dir,
    slug,
)

__all__ = [
    "AUTOSAVE_KEEP",
    "AUTOSAVE_STATUS",
    "FORMAT",
    "FORMAT_PREFIX",
    "INFO_CACHE_SIZE",
    "MAX_NUMBER_CHARS",
    "MAX_SAVE_BYTES",
    "MAX_WHOLE_NUMBER",
    "MIGRATIONS",
    "QUARANTINE_SUFFIX",
    "VERSION",
    "AutosaveStatus",
    "Continue",
    "Opened",
    "ReplayFailed",
    "SaveError",
    "SaveFile",
    "SaveInfo",
    "TurnCheck",
    "all_records",
    "autosave",
    "autosave_dir",
    "autosave_files",
    "autosave_session",
    "autosave_status",
    "branch_session",
    "canonical_json",
    "checksum_of",
    "decode_save",
    "delete_save",
    "encode_save",
    "export_save",
    "find_autosave",
    "game_branches",
    "game_folder",
    "info_of",
    "latest_autosave",
    "list_saves",
    "load_save",
    "open_save",
    "open_session",
    "probe_saves",
    "read_save",
    "read_save_bytes",
    "replay_record",
    "resume_latest",
    "save_slot",
    "saves_dir",
    "saves_version",
    "slot_files",
    "slot_path",
    "slots_dir",
    "slug",
    "verify_replay",
]
