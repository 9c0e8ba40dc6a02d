"""One translation function for every user-facing string (DESIGN.md §5, Settings).

Strings are written in English in the code and looked up in ``assets/i18n/<lang>.json``; a string
missing from the catalogue is shown in English, so a partial translation never hides text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from game.paths import ASSETS

CATALOGUES = ASSETS / "i18n"
_language = "en"


def set_language(code: str) -> None:
    """Choose the language of every string shown from now on."""
    global _language
    _language = code


def language() -> str:
    """The current language code."""
    return _language


@cache
def catalogue(code: str) -> dict[str, str]:
    """The messages of one language, or an empty catalogue if there is none."""
    path: Path = CATALOGUES / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def t(message: str, **values: object) -> str:
    """Translate ``message`` and fill its ``{named}`` placeholders."""
    text = catalogue(_language).get(message) or message
    return text.format(**values) if values else text
