"""The campaign a player follows: its levels in order, the stars won, which ones are open.

The order and the unlock rules come from ``levels/campaign/campaign.yaml`` (format
``borderlines-campaign/1``), or from a teacher's campaign file in the custom levels' folder,
whose levels are found beside it; what the player has won is kept, by level id, in
``progress.json`` in the user's data folder, written atomically. A progress file that cannot
be read never stops the game: the campaign starts afresh, says so once, and the unreadable
file is kept beside the new one.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.catalog import scan_levels, shipped_levels
from game.content.models.campaign import Campaign, Unlock, _ref_id
from game.content.models.common import text_in
from game.content.models.level import Level
from game.i18n import language, t
from game.paths import LEVELS, user_data_path
from game.play.atomic import write_text_atomic

if TYPE_CHECKING:
    from game.play.session import Session

#: The shipped campaign file.
CAMPAIGN_FILE = LEVELS / "campaign" / "campaign.yaml"
PROGRESS_FORMAT = "borderlines-progress/1"
PROGRESS_NAME = "progress.json"
#: Suffix of a progress file that could not be read, kept beside the new one.
BAD_SUFFIX = ".bad"


@dataclass(frozen=True)
class LevelResult:
    """The best a player did in one level: stars won (best so far), on offer, and whether won."""

    stars: int
    max_stars: int
    won: bool


@dataclass
class Progress:
    """What the player has finished, by level id; ``message`` says why it starts afresh."""

    results: dict[str, LevelResult] = field(default_factory=dict)
    message: str = ""


@dataclass(frozen=True)
class CampaignStep:
    """One level of the campaign as the Campaign list shows it."""

    index: int
    level_id: str
    title: str
    path: Path | None
    level: Level | None
    max_stars: int
    result: LevelResult | None
    unlocked: bool
    #: What opens it ("Finish Tutorial to unlock"), empty once it is open.
    unlock_text: str

    @property
    def stars(self) -> int:
        """Stars won so far (0 before the level is finished)."""
        return self.result.stars if self.result else 0

    @property
    def playable(self) -> bool:
        """Open, and its file loads."""
        return self.unlocked and self.level is not None


def progress_path() -> Path:
    """Where the campaign progress is kept."""
    return user_data_path() / PROGRESS_NAME


def _result(value: Any) -> LevelResult:
    if not isinstance(value, dict):
        raise ValueError("a level's result is not a mapping")
    stars, most, won = value.get("stars"), value.get("max_stars"), value.get("won")
    if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 99
               for n in (stars, most)) or not isinstance(won, bool):
        raise ValueError("a level's stars are not small whole numbers")
    return LevelResult(int(stars), int(most), won)  # type: ignore[arg-type]


def record_game(session: Session, player: str) -> str:
    """Remember a finished single-player game's stars; returns "" or why it was not saved."""
    if not session.finished:
        return ""
    return record_result(session.view.id, session.stars(player), session.max_stars(player),
                         session.won(player))


def load_progress() -> Progress:
    """The player's progress; empty, with a message, when the file is damaged (never raises)."""
    path = progress_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Progress()
    except (OSError, UnicodeDecodeError) as error:
        return Progress(message=_afresh(str(error)))
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != PROGRESS_FORMAT:
            raise ValueError("it is not a Borderlines progress file")
        levels = data.get("levels")
        if not isinstance(levels, dict):
            raise ValueError("it lists no levels")
        return Progress({str(k): _result(v) for k, v in levels.items()})
    except (ValueError, RecursionError) as error:
        return Progress(message=_afresh(str(error)))


def _afresh(why: str) -> str:
    return t("Your campaign progress could not be read ({why}), so the campaign starts afresh.",
             why=why)


def record_result(level_id: str, stars: int, max_stars: int, won: bool) -> str:
    """Remember a finished level (keeping the best stars); returns "" or why it was not saved."""
    progress = load_progress()
    path = progress_path()
    if progress.message:
        # Keep the unreadable file for whoever wants to look at it, rather than overwrite it.
        with contextlib.suppress(OSError):
            path.replace(path.with_name(path.name + BAD_SUFFIX))
    old = progress.results.get(level_id)
    best = LevelResult(max(stars, old.stars if old else 0), max(max_stars, old.max_stars if old
                                                                 else 0),
                       won or (old.won if old else False))
    progress.results[level_id] = best
    data = {"format": PROGRESS_FORMAT,
            "levels": {k: {"stars": r.stars, "max_stars": r.max_stars, "won": r.won}
                       for k, r in sorted(progress.results.items())}}
    try:
        write_text_atomic(path, json.dumps(data, indent=2) + "\n")
    except OSError as error:
        return t("Your campaign progress could not be saved: {error}",
                 error=error.strerror or error)
    return ""


def load_campaign_file(path: Path = CAMPAIGN_FILE) -> Campaign:
    """The campaign file, validated (raises ``ContentError`` when it does not load)."""
    from game.content.loader import load_campaign

    return load_campaign(path)


def campaign_title(path: Path = CAMPAIGN_FILE) -> str:
    """A campaign's title in the player's language (raises ``ContentError`` like the steps)."""
    return text_in(load_campaign_file(path).title, language())


def _levels_by_id(campaign_path: Path) -> dict[str, tuple[Path, Level | None]]:
    """The levels a campaign may name by id: those beside it first, then the shipped ones."""
    by_id: dict[str, tuple[Path, Level | None]] = {}
    for entry in [*scan_levels(campaign_path.parent, "custom"), *shipped_levels()]:
        if entry.level is not None:
            by_id.setdefault(entry.id, (entry.path, entry.level))
    return by_id


def _resolve(reference: str, campaign_path: Path,
             by_id: dict[str, tuple[Path, Level | None]]) -> tuple[Path | None, Level | None]:
    candidate = campaign_path.parent / reference
    if reference.endswith((".yaml", ".yml")) and candidate.is_file():
        found = [v for v in by_id.values() if v[0].resolve() == candidate.resolve()]
        if found:
            return found[0]
        from game.content.catalog import level_entry

        entry = level_entry(candidate, "campaign")
        return entry.path, entry.level
    return by_id.get(reference, (None, None))


def campaign_steps(progress: Progress | None = None,
                   path: Path = CAMPAIGN_FILE) -> list[CampaignStep]:
    """The campaign's levels in order, each with its stars and whether it is open."""
    progress = progress if progress is not None else load_progress()
    campaign = load_campaign_file(path)
    by_id = _levels_by_id(path)
    resolved = [_resolve(item.level, path, by_id) for item in campaign.levels]
    # Unlock rules name a level by its id (as the guide says) or, in older files, by the file
    # name the campaign lists it under: the stars of finished levels are keyed both ways.
    finished: dict[str, int] = {}
    titles: dict[str, str] = {}
    for item, (_, level) in zip(campaign.levels, resolved, strict=True):
        ref = _ref_id(item.level)
        level_id = level.id if level is not None else ref
        for name in dict.fromkeys((level_id, ref)):
            titles[name] = text_in(level.title, language()) if level is not None else ref
            result = progress.results.get(level_id)
            if result is not None:
                finished[name] = result.stars
    steps = []
    for i, (item, (level_path, level)) in enumerate(zip(campaign.levels, resolved, strict=True)):
        level_id = level.id if level is not None else _ref_id(item.level)
        unlocked = campaign.is_unlocked(i, finished)
        steps.append(CampaignStep(
            index=i, level_id=level_id, path=level_path, level=level,
            title=titles[level_id],
            max_stars=sum(o.stars for o in level.objectives) if level is not None else 0,
            result=progress.results.get(level_id), unlocked=unlocked,
            unlock_text="" if unlocked else unlock_text(campaign.unlock_rule(i), titles)))
    return steps


def unlock_text(rule: Unlock, titles: dict[str, str]) -> str:
    """What opens a locked level, in words: "Finish Tutorial to unlock"."""
    names = ", ".join(titles.get(name, name) for name in rule.after)
    if rule.stars == 1:
        return t("Win 1 star in {levels} to unlock", levels=names)
    if rule.stars > 1:
        return t("Win {n} stars in {levels} to unlock", n=rule.stars, levels=names)
    return t("Finish {levels} to unlock", levels=names)


def campaign_files() -> list[Path]:
    """The shipped campaign, then the teacher's campaigns in the custom levels' folder."""
    from game.play.catalog import custom_campaigns
    from game.play.settings import load_settings

    return [CAMPAIGN_FILE, *custom_campaigns(load_settings().settings)]


def next_level(level_id: str, progress: Progress | None = None,
               paths: list[Path] | None = None) -> CampaignStep | None:
    """The first open, playable level after ``level_id`` in the campaign that lists it.

    ``paths`` are the campaign files to look in (the shipped one and the custom folder's);
    None if the level is the last of its campaign, or in none.
    """
    progress = progress if progress is not None else load_progress()
    for path in paths if paths is not None else campaign_files():
        try:
            steps = campaign_steps(progress, path)
        except Exception:  # noqa: BLE001 - a broken campaign file only hides "Next level"
            continue
        ids = [s.level_id for s in steps]
        if level_id in ids:
            return next((s for s in steps[ids.index(level_id) + 1:] if s.playable), None)
    return None
