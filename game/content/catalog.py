"""The levels the game ships (and any folder of levels), for the level picker and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.content.check import check_file, content_files
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


def scan_levels(folder: str | Path, group: str | None = None) -> list[LevelEntry]:
    """Every level file under ``folder`` (recursively); other formats are skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    entries = []
    for path in content_files([folder]):
        level, problems = check_file(path, expect="level", display=_display(path))
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
