"""Problems found in content files: located, ranked by severity, with a hint (STYLE.md 7).

A :class:`Problem` is what the checker reports and what the level picker shows. It prints as
``path:line:column: error|warning: message`` followed by an indented hint, the shape editors and
compilers use, so that a teacher can jump straight to the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: Every kind of problem the checker reports, with a one-line explanation (for the guide and
#: for counting). Codes are stable: tests and the level picker may match on them.
PROBLEM_KINDS: dict[str, str] = {
    # Reading the file
    "file-missing": "The path does not exist.",
    "file-is-directory": "A folder was given where a file was expected.",
    "file-unreadable": "The file cannot be read (permissions, device error).",
    "file-too-large": "The file is larger than any level could need.",
    "file-binary": "The file is not text (it contains NUL bytes).",
    "file-encoding": "The file is not UTF-8 text.",
    "file-empty": "The file is empty or holds only comments.",
    # YAML syntax
    "yaml-syntax": "The YAML cannot be parsed.",
    "yaml-tab": "A tab character is used for indentation.",
    "yaml-unclosed-quote": "A quoted text is never closed.",
    "yaml-tag": "A YAML tag such as !!python/object is used; only plain data is allowed.",
    "yaml-too-big": "Aliases expand to too many values, or nesting is too deep (a YAML bomb).",
    "yaml-recursive-alias": "An alias refers to the value that contains it.",
    "yaml-duplicate-key": "The same key appears twice in one mapping.",
    "yaml-bad-key": "A key is not a plain name (a list, a mapping or null used as a key).",
    # Format and version
    "not-a-mapping": "The file's top level is not a set of `key: value` lines.",
    "format-missing": "The file has no `format:` line.",
    "format-unknown": "The `format:` names no known format or version.",
    "format-migrated": "The file uses an older format and was migrated on load.",
    "format-wrong-kind": "A level was expected but the file is a campaign or strategy (or the "
    "reverse).",
    # Structure and values
    "missing-field": "A required field is missing.",
    "unknown-field": "A field the format does not have (often a typo).",
    "wrong-type": "A value of the wrong kind (text where a number is expected, and so on).",
    "number-not-finite": "A number that is not finite (`.nan`, `.inf`, 1e999).",
    "number-octal": "A number with a leading 0, which YAML reads as octal (`010` is 8).",
    "text-too-long": "A text longer than any screen can show (a title, summary or briefing).",
    "out-of-range": "A number outside the plausible range of its field.",
    "bad-choice": "A value that is not one of the allowed choices.",
    "bad-date": "A date that is not a real `YYYY-MM` month.",
    "bad-id": "An id with spaces, capitals or punctuation.",
    "unknown-country": "A country code that does not exist.",
    "unknown-origin": "An origin code that does not exist.",
    "unknown-lever": "A lever name that does not exist.",
    "unknown-metric": "A metric name that does not exist.",
    "unknown-event": "An event kind that does not exist.",
    "unknown-agreement": "An agreement kind that does not exist.",
    "unknown-term": "A term or parameter the agreement or event does not have.",
    "unknown-language": "A translation key that is not a two-letter language code.",
    # Meaning (checks across fields)
    "lever-not-for-country": "A lever set for a country that does not have it.",
    "aid-split": "Aid split to a country that cannot receive it, or over the lever's range.",
    "event-timing": "An event without exactly one of `at`, `turn` or `when`.",
    "date-outside-level": "A date before the level starts or after it ends.",
    "date-outside-data": "A level set before or after the years the model was fitted and "
    "tested on (FY2012–FY2019), or running decades past its last real inputs (2023).",
    "turn-outside-level": "A turn number beyond the level's turns.",
    "duplicate-id": "Two objectives, events or levels share an id.",
    "missing-translation": "A text lacks a language that other texts of the file have.",
    "agreement-parties": "An agreement between countries that cannot make it.",
    "condition": "A `when:` condition without exactly one test, or with a window out of "
    "order.",
    "agreement-timing": "An agreement's `starts`/`ends` without exactly one of `turn` or "
    "`when`, or outside the level.",
    "objective-kind": "An objective that mixes an agreement with a metric, or shares a metric "
    "with itself.",
    "no-player": "No country can be played by a person.",
    "over-budget": "Starting levers cost more than the country's budget.",
    "objective-threshold": "An objective's threshold cannot be met or makes no sense.",
    "objective-never-met": "An objective that no run tried by `borderlines check` meets: the "
    "status quo, every AI personality of the playable countries, the level's strategies "
    "(`--quick` skips this).",
    "unknown-level": "A campaign names a level that cannot be found.",
    "unlock-order": "A campaign level unlocks after a level that comes later or not at all.",
    "classroom-teams": "Classroom team counts that do not fit the playable countries.",
    "country-not-in-level": "A role, briefing or objective names a country the level leaves out.",
    "tutorial-step": "A tutorial step that lacks what it needs or points at what no player has.",
    "bad-image": "A story's or epilogue's image that is missing, outside the level's folder, not "
    "a PNG or JPEG, too large or damaged.",
    # Last resort: a bug in the checker is reported, never shown as a traceback.
    "internal-error": "The checker itself failed on this file (a bug to report).",
}


@dataclass(frozen=True)
class Problem:
    """One located problem in a content file."""

    file: str
    line: int
    column: int
    yaml_path: str
    severity: Severity
    message: str
    hint: str = ""
    code: str = "yaml-syntax"

    @property
    def is_error(self) -> bool:
        """True for errors (the file cannot be used), False for warnings."""
        return self.severity == "error"


class ContentError(Exception):
    """A content file could not be loaded; ``problems`` says every reason, located."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        errors = [p for p in self.problems if p.is_error] or self.problems
        first = format_problem(errors[0], hint=False) if errors else "no details"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


#: Characters a terminal would act on rather than show: C0/C1 controls (ANSI escapes start with
#: ESC) and the bidirectional overrides that reorder what is displayed ("Trojan source").
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character written as an escape code, never obeyed."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def format_problem(problem: Problem, hint: bool = True) -> str:
    """``path:line:column: severity: message`` plus the hint on an indented second line.

    Messages quote what files hold, so control characters are escaped (:func:`terminal_safe`).
    """
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    path = f"{problem.yaml_path}: " if problem.yaml_path else ""
    text = terminal_safe(f"{where}: {problem.severity}: {path}{problem.message}")
    if hint and problem.hint:
        text += f"\n    hint: {terminal_safe(problem.hint)}"
    return text


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line and column; errors before warnings."""
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda p: (p.file, p.line, p.column, p.severity != "error",
                                         p.message))


def summary(problems: Sequence[Problem], files: int) -> str:
    """One line such as ``3 errors and 1 warning in 2 files (5 files checked)``."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.file for p in problems})
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not problems:
        return f"No problems found ({checked})."
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    where = f"in {bad_files} file{'s' if bad_files != 1 else ''}"
    return f"{' and '.join(parts)} {where} ({checked})."
