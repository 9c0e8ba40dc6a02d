"""Names the content files may use, read from the simulation's registry, and "did you mean".

There is no second list of countries, levers, metrics or events: everything here is derived from
:mod:`game.sim.registry`, so a lever added there is known to the checker, the schemas and the
guide at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from game.sim.initial import override_keys
from game.sim.registry import LEVERS

#: Languages the game ships text for; other two-letter codes are accepted but not shown.
GAME_LANGUAGES: tuple[str, ...] = ("en", "es", "fr")
#: AI leaders' personalities (DESIGN.md §5).
PERSONALITIES: tuple[str, ...] = ("hardliner", "pragmatist", "humanitarian")


def world_override_names() -> tuple[str, ...]:
    """Names a level's ``world:`` section may set: the model's own list of override keys."""
    return tuple(override_keys())


def did_you_mean(word: object, options: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` for the closest option, or an empty string."""
    if not isinstance(word, str):
        return ""
    options = list(options)
    lowered = {o.lower(): o for o in options}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return f"did you mean `{lowered[word.lower()]}`?"
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not close:
        # Prefixes and pieces: `agents` → `border_agents`, `encounters` → `us_border_encounters`.
        hits = [o for o in options if len(word) >= 4 and word.lower() in o.lower()]
        if len(hits) == 1:
            return f"did you mean `{hits[0]}`?"
        return ""
    return f"did you mean `{lowered[close[0]]}`?"


def country_by_name(word: object) -> str:
    """The code of a country or origin written by name (``Mexico`` → ``MX``), or ""."""
    from game.sim.registry import COUNTRY_NAMES

    if not isinstance(word, str):
        return ""
    lowered = word.strip().lower()
    for code, name in COUNTRY_NAMES.items():
        if lowered and (name.lower() == lowered or name.lower().startswith(lowered + " ")
                        or (lowered in ("usa", "united states of america") and code == "US")):
            return code
    return ""


def choices_hint(word: object, options: Iterable[str], what: str, limit: int = 12) -> str:
    """A did-you-mean if one is close, else the list of allowed names."""
    options = list(options)
    code = country_by_name(word)
    if code and code in options:
        return f"use the code: `{code}`"
    near = did_you_mean(word, options)
    if near:
        return near
    shown = ", ".join(f"`{o}`" for o in options[:limit])
    more = f" and {len(options) - limit} more" if len(options) > limit else ""
    return f"{what}: {shown}{more}"


def join_and(items: Iterable[str]) -> str:
    """``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def lever_example(lever: str, country: str | None = None) -> str:
    """A value a teacher could write for a lever, from the registry's default or example."""
    spec = LEVERS[lever]
    if country and country in spec.default:
        value = spec.default[country]
    else:
        value = spec.example
    return format_number(value)


def format_number(value: object) -> str:
    """``20000`` for 20000.0, ``0.3`` for 0.3, text unchanged."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
