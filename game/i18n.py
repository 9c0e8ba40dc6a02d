"""One translation function for every user-facing string (DESIGN.md §5, Settings).

Strings are written in English in the code. ``assets/i18n/en.json`` lists every one of them (the
msgids); each other language is a standard gettext catalogue,
``assets/i18n/<lang>/LC_MESSAGES/borderlines.po``, compiled to the ``.mo`` beside it
(``python tools/i18n.py compile``) and read with the standard :mod:`gettext` module. English is the
identity. A string missing from a catalogue, or a translation whose placeholders do not fit, is
shown in English, so a partial translation never hides text and never crashes a screen.
"""

from __future__ import annotations

import gettext
import json
import os
from functools import cache
from pathlib import Path

from game.paths import ASSETS

CATALOGUES = ASSETS / "i18n"
#: The gettext domain: ``<lang>/LC_MESSAGES/borderlines.mo`` under :data:`CATALOGUES`.
DOMAIN = "borderlines"
#: The languages the game ships, each named in its own language (for the choosers).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
#: Environment variable that picks the language for one run (``BORDERLINES_LANGUAGE=fr``).
LANGUAGE_ENV = "BORDERLINES_LANGUAGE"

#: Thousands separator and decimal mark as each language writes them: es-MX like English, fr-CA
#: with a narrow no-break space (so 12 400 never breaks across lines) and a decimal comma.
_SEPARATORS: dict[str, tuple[str, str]] = {
    "en": (",", "."),
    "es": (",", "."),
    "fr": ("\u202f", ","),
}

_language = "en"


def set_language(code: str) -> None:
    """Choose the language of every string shown from now on."""
    global _language
    _language = code


def language() -> str:
    """The current language code."""
    return _language


def language_from_environment() -> str | None:
    """The language asked for by :data:`LANGUAGE_ENV`, if it names a shipped language."""
    code = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    return code if code in LANGUAGES else None


@cache
def catalogue(code: str) -> dict[str, str]:
    """The messages of one language's JSON catalogue (English: ``en.json``), or an empty one."""
    path: Path = CATALOGUES / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()}


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The compiled gettext catalogue of ``code``; the identity for English or a missing one."""
    if code == "en":
        return gettext.NullTranslations()
    try:
        with (CATALOGUES / code / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
            return gettext.GNUTranslations(file)
    except (OSError, ValueError, UnicodeDecodeError):
        return gettext.NullTranslations()


def _filled(text: str, english: str, values: dict[str, object]) -> str:
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that names a placeholder the code does not give: English, not a crash.
        return english.format(**values)


def t(message: str, **values: object) -> str:
    """Translate ``message`` and fill its ``{named}`` placeholders."""
    return _filled(translations(_language).gettext(message), message, values)


def tn(singular: str, plural: str, n: int, **values: object) -> str:
    """Translate a message whose form depends on the count ``n`` (given to it as ``{n}``)."""
    english = singular if n == 1 else plural
    return _filled(translations(_language).ngettext(singular, plural, n), english,
                   {"n": n, **values})


def format_number(value: float, decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals and thousands grouped as the current language does."""
    thousands, point = _SEPARATORS.get(_language, _SEPARATORS["en"])
    text = f"{value:,.{decimals}f}"
    return text.translate({ord(","): thousands, ord("."): point})
