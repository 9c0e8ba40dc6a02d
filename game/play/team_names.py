"""Team names as typed by students: normalised, checked, and compared as a reader sees them.

A name is stored in Unicode NFC with runs of spaces (line breaks and tabs included) made one
space, so the same letters typed two ways are one name. A name must show something (not only
spaces or invisible characters such as a zero-width space) and may not hold control characters
(NUL, an escape). Two names that look
the same on the projector — differing only by case, invisible characters, compatibility forms
(full-width letters) or common Cyrillic and Greek look-alikes of Latin letters — are duplicates.
"""

from __future__ import annotations

import unicodedata

#: Cyrillic and Greek letters drawn like Latin ones in the game's font (lower case, after
#: casefolding): the pairs that make two team names indistinguishable on a projector.
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x",
})


def _invisible(char: str) -> bool:
    # Format characters (zero-width space and joiners, bidi marks) and spaces of every kind.
    return unicodedata.category(char) in {"Cf", "Zs", "Zl", "Zp"} or char.isspace()


def normal_name(name: str) -> str:
    """``name`` in NFC, trimmed, with every run of spaces, tabs or line breaks made one space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a team (a short reason), or None when it can.

    Returns ``"empty"`` for a name with nothing visible and ``"control"`` for one holding a
    control character (a line break, a tab, NUL).
    """
    if any(unicodedata.category(c) == "Cc" for c in name):
        return "control"
    if all(_invisible(c) or unicodedata.category(c) in {"Mn", "Me"} for c in name):
        return "empty"
    return None


def lookalike_key(name: str) -> str:
    """What ``name`` looks like: equal keys mean names a class cannot tell apart."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    visible = "".join(" " if c.isspace() else c for c in folded
                      if unicodedata.category(c) != "Cf")
    return " ".join(visible.translate(_LOOKALIKES).split())
