"""The levels a player or a teacher may open: shipped, in a folder, or named on the command line.

The screens list levels through here (the UI imports only ``game.play``); reading and checking
the files is :mod:`game.content`'s work, whose entries and problems are handed on unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.catalog import LevelEntry, scan_levels, shipped_levels
from game.content.check import content_files, detect, is_folder
from game.content.models.common import text_in
from game.content.models.level import Level
from game.content.problems import format_problem
from game.content.yamlsrc import read_document
from game.i18n import t
from game.paths import user_data_path
from game.play.settings import Settings

__all__ = ["LevelEntry", "OtherFile", "custom_campaigns", "custom_levels_dir", "find_level",
           "format_problem", "level_text", "other_files", "scan_levels", "shipped_levels"]


@dataclass(frozen=True)
class OtherFile:
    """A file among the levels that is not a level: a campaign or a strategy."""

    path: Path
    #: ``campaign`` or ``strategy``.
    kind: str


def level_text(text: str | dict[str, str] | None, language: str) -> str:
    """A level's text (title, summary) in ``language``, else English, else any."""
    return text_in(text, language)


def find_level(spec: str) -> tuple[Level, Path] | str:
    """A level from a path or a shipped id; or the message saying why it cannot be opened."""
    path = Path(spec).expanduser()
    if path.is_file():
        entries = [e for e in scan_levels(path.parent, "custom") if e.path.resolve()
                   == path.resolve()]
        if not entries:
            return t("{path} is not a level file.", path=path)
    else:
        entries = [e for e in shipped_levels() if spec in (e.id, e.path.stem)]
        if not entries:
            return t("No level file or shipped level called “{spec}”.", spec=spec)
    entry = entries[0]
    if entry.level is None:
        return "\n".join(format_problem(p) for p in entry.problems)
    return entry.level, entry.path


def custom_levels_dir(settings: Settings | None = None) -> Path:
    """The folder of the player's own levels (created on first use)."""
    chosen = settings.custom_levels_dir if settings is not None else ""
    folder = Path(chosen).expanduser() if chosen else user_data_path() / "levels"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # Shown as an empty list; the picker says where it looked.
    return folder


def other_files(folder: Path, levels: list[LevelEntry] | None = None) -> list[OtherFile]:
    """The campaign and strategy files in ``folder`` (recursively), which the level lists skip.

    ``levels`` are the folder's level entries when the caller has them (each file is then
    read once more only when it is not a level).
    """
    if not is_folder(folder):
        return []
    levels = scan_levels(folder, "custom") if levels is None else levels
    known = {e.path for e in levels}
    out = []
    for path in content_files([folder]):
        if path in known:
            continue
        doc, _ = read_document(path)
        kind = detect(doc)[0] if doc is not None else None
        if kind in ("campaign", "strategy"):
            out.append(OtherFile(path, kind))
    return out


def custom_campaigns(settings: Settings | None = None) -> list[Path]:
    """The campaign files in the custom levels' folder, by path."""
    folder = custom_levels_dir(settings)
    return [f.path for f in other_files(folder) if f.kind == "campaign"]
