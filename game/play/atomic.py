"""Atomic file writes: after a crash or power cut a file is either the old one or the new one.

The new content goes to a temporary file in the same folder (so the rename never crosses file
systems), is flushed and fsynced, then renamed over the target with ``os.replace`` (atomic on
POSIX and Windows); finally the folder itself is fsynced so the rename survives a power cut.
Used for saves, the settings file and exports.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

#: Temporary files are named ``.<target>.<random>.tmp`` so listings can skip them.
TEMP_SUFFIX = ".tmp"


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace the file at ``path`` with ``data`` atomically; returns the path written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX,
                                     dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp_name, target)
    except BaseException:
        # The target is untouched; don't leave the half-written temporary file behind.
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_dir(target.parent)
    return target


def _replace(source: str, target: Path, attempts: int = 5) -> None:
    # On Windows a virus scanner or an indexer may hold the old file open for a moment, and the
    # rename then fails with "access denied": wait briefly and try again before giving up.
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`write_atomic` for UTF-8 text."""
    return write_atomic(path, text.encode("utf-8"))


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries to disk, where the platform allows it (not on Windows)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename itself.
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # Some file systems (network, FUSE) refuse fsync on folders; the rename still holds.
    finally:
        os.close(fd)


def is_temp_file(path: Path) -> bool:
    """Whether ``path`` is a temporary file left by :func:`write_atomic`."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def remove_stale_temp_files(folder: str | os.PathLike[str], older_than_s: float = 60.0) -> int:
    """Delete temporary files a killed process left in ``folder``; returns how many.

    Only files older than ``older_than_s`` go, so a write in progress in another process is
    never disturbed.
    """
    removed = 0
    cutoff = time.time() - older_than_s
    base = Path(folder)
    if not base.is_dir():
        return 0
    for path in base.iterdir():
        if not is_temp_file(path):
            continue
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed
