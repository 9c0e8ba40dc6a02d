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
#: Short scales for thousands, millions and billions, as each language abbreviates them on a
#: chart or a label (CLDR's short forms). English 12k, 1.2M, 3B; Latin American Spanish says the
#: thousands ("12 mil") and writes a billion as a thousand millions ("3 mil M": *billón* is 10¹²);
#: Canadian French 12 k, 1,2 M, 3 G (*giga*, the Quebec abbreviation of *milliard*). The space
#: before a Spanish or French abbreviation never breaks (no-break, or narrow no-break in French).
_SHORT_SCALES: dict[str, tuple[str, str, str]] = {
    "en": ("k", "M", "B"),
    "es": ("\u00a0mil", "\u00a0M", "\u00a0mil\u00a0M"),
    "fr": ("\u202fk", "\u202fM", "\u202fG"),
}
#: How each language writes a percentage: Spanish (as the Academies' Ortografía asks, and as the
#: catalogue does) and French with a no-break space before the sign (12 %), English without.
_PERCENT: dict[str, str] = {"en": "%", "es": "\u00a0%", "fr": "\u00a0%"}
#: The separator between a context and a message in a compiled catalogue (GNU gettext's).
CONTEXT_SEPARATOR = "\x04"

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


def tc(context: str, message: str, **values: object) -> str:
    """Translate ``message`` in ``context`` (gettext's ``msgctxt``).

    For the same English words that another language writes differently in another use:
    "Mexico" on a label, "le Mexique" inside a French sentence.
    """
    return _filled(translations(_language).pgettext(context, message), message, values)


def ts(message: str, plural: bool = False, **values: object) -> str:
    """Translate a sentence whose subject is a name that some languages make plural.

    English says "the United States pays"; French says "les États-Unis paient". The caller says
    whether the subject's name takes a plural verb in the current language; the sentence is
    then looked up in the context ``plural subject`` (each catalogue translates both).
    """
    if plural:
        found = translations(_language).pgettext("plural subject", message)
        if found != message:
            return _filled(found, message, values)
    return t(message, **values)


def tn(singular: str, plural: str, n: int, **values: object) -> str:
    """Translate a message whose form depends on the count ``n`` (given to it as ``{n}``)."""
    english = singular if n == 1 else plural
    return _filled(translations(_language).ngettext(singular, plural, n), english,
                   {"n": n, **values})


def format_number(value: float, decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals and thousands grouped as the current language does.

    The one place numbers meet a language: :func:`short_number` and :func:`money` build on it,
    and so do the screens' ``human_number``. Data files (CSV exports, saves) never use it.
    """
    thousands, point = _SEPARATORS.get(_language, _SEPARATORS["en"])
    text = f"{value:,.{decimals}f}"
    return text.translate({ord(","): thousands, ord("."): point})


def percent(value: float, decimals: int = 0, signed: bool = False) -> str:
    """A percentage (``value`` already × 100) as the language writes it: 12%, +3.5%, 12,5 %."""
    sign = ("+" if value > 0 else "\u2212" if value < 0 else "") if signed else (
        "-" if value < 0 else "")
    text = format_number(abs(value), decimals)
    if signed and text.strip("0,.\u202f") == "":
        sign = ""  # +0% reads as a change; 0% does not
    return sign + text + _PERCENT.get(_language, "%")


def _trimmed(value: float, decimals: int) -> str:
    """``value`` with at most ``decimals`` decimals and no trailing zeros (1.50 → 1.5)."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return format_number(float(text), len(text.partition(".")[2]))


#: Powers of a thousand with the index of their short scale (k, M, B).
_SCALES = ((1e9, 2), (1e6, 1), (1e3, 0))


def short_number(value: float, decimals: int = 1) -> str:
    """A non-negative count with a short scale: 12k, 1.2M (English), 12 mil (es), 1,2 M (fr).

    ``value`` below a thousand is written whole. The sign is the caller's (charts write a real
    minus sign).
    """
    suffixes = short_scales()
    for limit, index in _SCALES:
        if value >= limit * 0.9995:
            return _trimmed(value / limit, decimals) + suffixes[index]
    return _trimmed(value, 0)


def short_scales() -> tuple[str, str, str]:
    """The current language's abbreviations of a thousand, a million and a billion."""
    return _SHORT_SCALES.get(_language, _SHORT_SCALES["en"])


def money(amount: float) -> str:
    """US$ millions as the language writes them.

    $120M, $1.2B in English; US$120 M, US$1.2 mil M in Latin American Spanish (where a bare $
    reads as pesos); 120 M$, 1,2 G$ in Canadian French.
    """
    if abs(amount) >= 1000:
        return t("${n}B", n=format_number(amount / 1000, 1))
    return t("${n}M", n=format_number(amount, 1 if abs(amount) < 10 else 0))
