"""Building blocks shared by the file formats: texts with translations, months, ids, names.

Each type validates one value and, when it is wrong, raises a :class:`PydanticCustomError`
whose type is a checker problem code and whose context carries the message and a hint in the
author's words. The checker turns these into located problems (``game.content.errors``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, NoReturn

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from game.content.names import (
    GAME_LANGUAGES,
    choices_hint,
    did_you_mean,
    world_override_names,
)
from game.sim.registry import AGREEMENTS, COUNTRIES, EVENTS, LEVERS, METRICS, ORIGINS

#: Years the calibrated model covers; levels start and events happen inside them.
FIRST_YEAR = 2000
LAST_YEAR = 2040


def fail(code: str, message: str, hint: str = "", at: str = "") -> NoReturn:
    """Raise a validation error the checker reports as ``code`` with ``message`` and ``hint``.

    ``at`` names a key of the mapping being validated when the problem is that key's value
    (the checker then points at it rather than at the start of the mapping).
    """
    raise PydanticCustomError(code, "{message}", {"message": message, "hint": hint, "at": at})


def shown(value: object) -> str:
    """A value as the author wrote it, for messages: `2019-13`, `true`, `a list`."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"`{value}`"


class ContentModel(BaseModel):
    """Base of every file-format model: unknown keys are errors, names are as written."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True,
                              frozen=True, use_attribute_docstrings=False)

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str, str]:
        """(code, message, hint) for a key this model does not have."""
        names = [f.alias or name for name, f in cls.model_fields.items()]
        hint = did_you_mean(key, names) or "allowed here: " + ", ".join(f"`{n}`" for n in names)
        return "unknown-field", f"unknown field `{key}`", hint


# --- Texts -------------------------------------------------------------------------------------

_LANG = re.compile(r"^[a-z]{2}$")
#: The longest text a level may show anywhere (a briefing); the longest shipped one is about
#: 950 characters, and a screen shows about 3,000.
MAX_TEXT_CHARS = 4000


def _not_too_long(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        fail("text-too-long", f"this text is {len(text):,} characters long; a text may have at "
             f"most {MAX_TEXT_CHARS:,}", "shorten it; a briefing is read in a minute or two")


def _text(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            fail("wrong-type", "this text is empty", "write the text, or remove the line")
        _not_too_long(value)
        return value
    if isinstance(value, dict):
        if not value:
            fail("wrong-type", "no text is given", "write `en: Your text`, or a plain text")
        for lang, text in value.items():
            if not isinstance(lang, str) or not _LANG.match(lang):
                fail("unknown-language", f"`{lang}` is not a language code",
                     "use two-letter codes: " + ", ".join(GAME_LANGUAGES)
                     + (f" ({did_you_mean(lang, GAME_LANGUAGES)})"
                        if did_you_mean(lang, GAME_LANGUAGES) else ""))
            if not isinstance(text, str):
                fail("wrong-type", f"the `{lang}` text is {shown(text)}, not text",
                     "put the text in quotes if it looks like a number or yes/no")
            _not_too_long(text)
        return value
    hint = "put it in quotes: YAML reads yes/no/on/off as true/false and 2019 as a number"
    fail("wrong-type", f"expected text, got {shown(value)}", hint)


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
         "additionalProperties": {"type": "string"}, "minProperties": 1},
    ],
    "description": "A text, or its translations keyed by language: {en: ..., es: ...}.",
}

#: A text shown to players: plain, or translations keyed by language (``{en: ..., es: ...}``).
Text = Annotated[str | dict[str, str], BeforeValidator(_text), WithJsonSchema(_TEXT_SCHEMA)]


def text_in(text: str | dict[str, str] | None, language: str = "en") -> str:
    """A text in one language: the translation if there is one, else English, else any."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(language) or text.get("en") or next(iter(text.values()), "")


# --- Months ------------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_FULL_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _year_month(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        fail("bad-date", f"{value} is a year; a month is written `YYYY-MM`",
             f"write `{value}-01` for January {value}")
    if not isinstance(value, str):
        fail("bad-date", f"expected a month as `YYYY-MM`, got {shown(value)}",
             "for example `2019-06` for June 2019")
    full = _FULL_DATE.match(value)
    if full:
        fail("bad-date", f"`{value}` is a day; levels count in months",
             f"write `{full.group(1)}-{int(full.group(2)):02d}`")
    match = _MONTH.match(value.strip())
    if not match:
        fail("bad-date", f"`{value}` is not a month written `YYYY-MM`", _month_hint(value))
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        fail("bad-date", f"`{value}`: there is no month {month}",
             "months go from 01 (January) to 12 (December)")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        fail("bad-date", f"`{value}` is outside the years the model covers",
             f"choose a month between {FIRST_YEAR}-01 and {LAST_YEAR}-12")
    return f"{year:04d}-{month:02d}"


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")


def _month_hint(value: str) -> str:
    """``write `2019-06``` for "June 2019" or "2019 june"; else an example."""
    words = re.findall(r"[A-Za-z]+|\d{4}", value)
    year = next((w for w in words if w.isdigit()), None)
    month = next((i + 1 for w in words for i, m in enumerate(_MONTH_NAMES)
                  if w.lower().startswith(m)), None)
    if year and month:
        return f"write `{year}-{month:02d}`"
    return "for example `2019-06` for June 2019"


#: A calendar month, ``YYYY-MM``.
YearMonth = Annotated[str, BeforeValidator(_year_month), WithJsonSchema(
    {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$",
     "description": "A month, YYYY-MM (e.g. 2019-06)."})]


def month_parts(value: str) -> tuple[int, int]:
    """(year, month) of a validated ``YYYY-MM``."""
    year, month = value.split("-")
    return int(year), int(month)


# --- Ids ---------------------------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _slug(value: Any) -> Any:
    if not isinstance(value, str):
        fail("bad-id", f"an id is a short name, not {shown(value)}",
             "use lower-case letters, digits, - and _, e.g. `june-2019`")
    if not _SLUG.match(value):
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")[:64] or "my-level"
        fail("bad-id", f"`{value}` is not a valid id",
             f"use lower-case letters, digits, - and _ (at most 64), e.g. `{suggestion}`")
    return value


#: An identifier: lower-case letters, digits, ``-`` and ``_``.
Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema(
    {"type": "string", "pattern": _SLUG.pattern,
     "description": "An id: lower-case letters, digits, - and _."})]


# --- Registry names ----------------------------------------------------------------------------

def _name_type(options: tuple[str, ...], code: str, what: str, plural: str) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str) and value in options:
            return value
        if not isinstance(value, str):
            fail(code, f"expected {what}, got {shown(value)}",
                 choices_hint(value, options, f"the {plural} are"))
        fail(code, f"unknown {what} `{value}`", choices_hint(value, options,
                                                                f"the {plural} are"))

    return Annotated[str, BeforeValidator(check), WithJsonSchema(
        {"type": "string", "enum": list(options)})]


CountryCode = _name_type(COUNTRIES, "unknown-country", "country", "countries")
OriginCode = _name_type(ORIGINS, "unknown-origin", "origin", "origins")
PlaceCode = _name_type(tuple(dict.fromkeys((*COUNTRIES, *ORIGINS))), "unknown-country",
                       "country or origin", "places")
LeverName = _name_type(tuple(LEVERS), "unknown-lever", "lever", "levers")
MetricName = _name_type(tuple(METRICS), "unknown-metric", "metric", "metrics")
AgreementKind = _name_type(tuple(AGREEMENTS), "unknown-agreement", "agreement",
                           "agreements")
EventKind = _name_type(tuple(EVENTS), "unknown-event", "event kind", "event kinds")
OverrideName = _name_type(world_override_names(), "unknown-metric",
                          "starting value", "values a level may set")


def number_field(default: Any, low: float | None, high: float | None, unit: str,
                 description: str, example: Any = None, **kw: Any) -> Any:
    """A numeric field with range, unit and example, all visible in schemas and messages."""
    extra: dict[str, Any] = {"unit": unit}
    if example is not None:
        extra["examples"] = [example]
    text = description if not unit else f"{description} Unit: {unit}."
    return Field(default, ge=low, le=high, description=text, json_schema_extra=extra, **kw)
