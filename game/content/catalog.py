"""The levels the game ships (and any folder of levels), for the level picker and the CLI."""

from __future__ import annotations

import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from game.content.check import check_file, content_files, is_folder
from game.content.models.common import text_in
from game.content.models.level import Level
from game.content.problems import Problem
from game.paths import LEVELS


@dataclass(frozen=True)
class LevelEntry:
    """One level file as the picker lists it: its level, or the problems that stop it loading."""

    path: Path
    #: The folder under ``levels/`` it came from: campaign, classroom, examples, …
    group: str
    level: Level | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the level loaded (warnings allowed)."""
        return self.level is not None

    @property
    def id(self) -> str:
        """The level's id, or the file name when it did not load."""
        return self.level.id if self.level else self.path.stem

    def title(self, language: str = "en") -> str:
        """The title in ``language`` (the file name when it did not load)."""
        return text_in(self.level.title, language) if self.level else self.path.name

    def summary(self, language: str = "en") -> str:
        """The summary in ``language`` (empty when it did not load)."""
        return text_in(self.level.summary, language) if self.level else ""

    @property
    def is_classroom(self) -> bool:
        """Whether the level offers hot-seat classroom play."""
        return self.level is not None and self.level.classroom is not None


#: Level files checked in this process, by path and name shown: (size, modification time in ns,
#: level, problems). The level picker and the class set-up list every level each time they open;
#: a file whose size and time are unchanged is not read and checked again.
_checked: dict[tuple[str, str], tuple[int, int, Level | None, list[Problem]]] = {}
#: More files than any folder of levels holds: past it the cache starts again (files deleted or
#: renamed leave entries behind).
MAX_CACHED = 5_000
#: A file modified this recently is checked again next time: its time may not move when it is
#: saved again within the file system's clock tick (two seconds on a FAT-formatted USB stick).
SETTLE_NS = 3_000_000_000


def check_level_file(path: Path, display: str) -> tuple[Level | None, list[Problem]]:
    """``check_file(path, expect="level")``, remembered while the file's size and time stay."""
    try:
        info = path.stat()
    except (OSError, ValueError):  # missing, unreadable, a name too long: the checker says so
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        return check_file(path, expect="level", display=display)
    key = (str(path.absolute()), display)
    known = _checked.get(key)
    if known is not None and known[:2] == (info.st_size, info.st_mtime_ns):
        return known[2], list(known[3])
    level, problems = check_file(path, expect="level", display=display)
    if time.time_ns() - info.st_mtime_ns > SETTLE_NS:
        if len(_checked) >= MAX_CACHED:
            _checked.clear()
        _checked[key] = (info.st_size, info.st_mtime_ns, level, list(problems))
    return level, problems


def clear_level_cache() -> None:
    """Forget every checked level file (the next scan reads and checks them all again)."""
    _checked.clear()


def level_entry(path: str | Path, group: str = "custom") -> LevelEntry:
    """One level file as an entry (loaded, or with the problems that stop it loading)."""
    path = Path(path)
    level, problems = check_level_file(path, _display(path))
    return LevelEntry(path, group, level, problems)


def scan_levels(folder: str | Path, group: str | None = None) -> list[LevelEntry]:
    """Every level file under ``folder`` (recursively); other formats are skipped."""
    folder = Path(folder)
    if not is_folder(folder):  # also a folder whose name is too long: nothing to list
        return []
    entries = []
    for path in content_files([folder]):
        level, problems = check_level_file(path, _display(path))
        if level is None and any(p.code == "format-wrong-kind" for p in problems):
            continue  # a campaign or strategy file living next to the levels
        part = path.relative_to(folder).parts
        entries.append(LevelEntry(path, group or (part[0] if len(part) > 1 else folder.name),
                                  level, problems))
    return entries


def shipped_levels(root: str | Path = LEVELS) -> list[LevelEntry]:
    """The game's own levels under ``levels/`` (campaign, classroom, examples), sorted by path."""
    return scan_levels(root)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
