"""The player's settings: validated, stored atomically in ``user_config_dir()/settings.json``.

A missing file means defaults. A file that is not a JSON object is kept next to it as
``settings.json.bad`` (so nothing the player wrote is destroyed) and defaults are used. A file
with some bad values keeps the good ones and resets only the bad, saying which, and is also
kept as ``settings.json.bad``. Numbers are read with limits (no NaN, nothing longer than
:data:`MAX_NUMBER_CHARS`), the custom-levels folder must be a usable path, and the file itself
is at most :data:`MAX_BYTES`. Every outcome comes with a message for the player; nothing here
raises on a bad file.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game.i18n import t
from game.paths import user_config_dir
from game.play.atomic import write_atomic

SETTINGS_FILE = "settings.json"
FORMAT = "borderlines-settings/1"
UI_SCALE_RANGE = (1.0, 2.0)
VOLUME_RANGE = (0.0, 1.0)
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
#: A settings file is a few hundred bytes; anything far bigger is not one.
MAX_BYTES = 64 * 1024
#: Longest number in the file, in characters (Python refuses to read 4,300-digit numbers).
MAX_NUMBER_CHARS = 40
#: Longest custom-levels folder path (Windows allows 260 without long-path support).
MAX_PATH_CHARS = 1024


class SettingsError(ValueError):
    """A setting has a value outside what the game accepts."""


@dataclass(frozen=True)
class Settings:
    """What the player chose in the settings screen.

    ``language`` is a code such as ``en``, ``es``, ``fr``; ``ui_scale`` multiplies every size
    (1.0–2.0); ``colourblind`` switches to the Okabe–Ito palette; ``reduced_motion`` stops map
    animations; ``volume`` is 0–1; ``custom_levels_dir`` is a folder of the player's levels
    (empty: ``user_data_dir()/levels``).
    """

    language: str = "en"
    ui_scale: float = 1.0
    colourblind: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    volume: float = 0.8
    custom_levels_dir: str = ""
    #: The last classroom lesson set up (its timing, length and class label), offered next
    #: time as "My last lesson" (game.play.lesson_timing.remembered reads it).
    last_lesson: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = validate(self)
        if problems:
            raise SettingsError("; ".join(problems.values()))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10 ** 30 else "a huge number"
    return text if len(text) <= 60 else text[:59] + "…"


def _check(name: str, value: Any) -> str | None:
    """Why ``value`` is not acceptable for setting ``name`` (``None`` if it is)."""
    if name == "language":
        if not isinstance(value, str) or not _LANGUAGE_RE.match(value):
            return f"language must be a language code such as \"en\", not {_shown(value)}"
    elif name in {"ui_scale", "volume"}:
        low, high = UI_SCALE_RANGE if name == "ui_scale" else VOLUME_RANGE
        if (not isinstance(value, int | float) or isinstance(value, bool)
                or not math.isfinite(value) or not low <= value <= high):
            return f"{name} must be a number from {low:g} to {high:g}, not {_shown(value)}"
    elif name in {"colourblind", "reduced_motion", "fullscreen"}:
        if not isinstance(value, bool):
            return f"{name} must be true or false, not {_shown(value)}"
    elif name == "last_lesson":
        from game.play.lesson_timing import remembered

        if not isinstance(value, dict) or (value and remembered(value) is None):
            return f"last_lesson must be a lesson's timing as the class set-up saves it, not " \
                   f"{_shown(value)}"
    elif name == "custom_levels_dir":
        if not isinstance(value, str):
            return f"custom_levels_dir must be a folder path, not {_shown(value)}"
        if len(value) > MAX_PATH_CHARS or any(not c.isprintable() for c in value):
            # A NUL or a newline makes every file call fail; no real folder has them.
            return (f"custom_levels_dir must be a folder path of at most {MAX_PATH_CHARS} "
                    f"ordinary characters, not {_shown(value)}")
    return None


def validate(settings: Settings) -> dict[str, str]:
    """Every bad value of ``settings``: setting name → what is wrong."""
    problems = {}
    for spec in fields(Settings):
        problem = _check(spec.name, getattr(settings, spec.name))
        if problem:
            problems[spec.name] = problem
    return problems


def settings_path() -> Path:
    """Where the settings file lives."""
    return user_config_dir() / SETTINGS_FILE


@dataclass(frozen=True)
class LoadedSettings:
    """Settings as loaded, and a message for the player when the file needed repair."""

    settings: Settings
    message: str = ""


def _keep_bad_file(path: Path) -> Path:
    bad = path.with_name(path.name + ".bad")
    try:
        os.replace(path, bad)
    except OSError:
        pass  # Could not move it: defaults are still used; the next save replaces it.
    return bad


def from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a mapping: good values kept, bad or missing ones at their default."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for spec in fields(Settings):
        if spec.name not in data:
            continue
        value = data[spec.name]
        if spec.name in {"ui_scale", "volume"} and isinstance(value, int) and not isinstance(
                value, bool):
            value = float(value)
        problem = _check(spec.name, value)
        if problem:
            problems.append(problem)
        else:
            values[spec.name] = value
    return Settings(**values), problems


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read the settings file; never raises — defaults (and a message) on any problem."""
    try:
        target = path or settings_path()
    except OSError as exc:  # the config folder cannot be created: play on with the defaults
        return LoadedSettings(Settings(), t(
            "The settings folder is not available ({detail}), so the default settings are used.",
            detail=exc.strerror or exc))
    try:
        if target.stat().st_size > MAX_BYTES or not target.is_file():
            raise OSError("not a settings file")
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError):
        bad = _keep_bad_file(target)
        return LoadedSettings(Settings(), t(
            "Your settings file could not be read, so the default settings are used. The old "
            "file was kept as {bad}.", bad=bad.name))
    try:
        data = json.loads(text, parse_int=_bounded(int), parse_float=_bounded(float))
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        data = None
    if not isinstance(data, dict):
        bad = _keep_bad_file(target)
        return LoadedSettings(Settings(), t(
            "Your settings file was damaged, so the default settings are used. The old file was "
            "kept as {bad}.", bad=bad.name))
    settings, problems = from_dict(data)
    if problems:
        # Set aside, as a damaged file is: the next save writes only the good values.
        bad = _keep_bad_file(target)
        return LoadedSettings(settings, t(
            "Some settings were not valid and were reset to their defaults: {problems}. The old "
            "file was kept as {bad}.", problems="; ".join(problems), bad=bad.name))
    return LoadedSettings(settings)


def _bounded(kind: type[int] | type[float]) -> Any:
    def parse(text: str) -> int | float:
        if len(text) > MAX_NUMBER_CHARS:
            raise ValueError("number too long")
        return kind(text)

    return parse


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings file atomically; returns its path."""
    document = {"format": FORMAT, **settings.to_dict()}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return write_atomic(path or settings_path(), text.encode("utf-8"))


def update_settings(settings: Settings, **changes: Any) -> Settings:
    """A copy of ``settings`` with ``changes``; raises :class:`SettingsError` on a bad value."""
    unknown = set(changes) - {spec.name for spec in fields(Settings)}
    if unknown:
        raise SettingsError(f"unknown setting {sorted(unknown)[0]!r}")
    return replace(settings, **changes)
