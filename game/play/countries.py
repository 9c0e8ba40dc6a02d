"""Country names as sentences use them, in the player's language (DESIGN.md §5).

A label says "Mexique"; a French sentence says "le Mexique", "au Mexique", "du Mexique", and
"les États-Unis paient" with a plural verb. Each form is a whole phrase in the catalogue, never
glued together by code: a name inside a sentence comes from the context
:data:`IN_A_SENTENCE`, a name after a preposition from :data:`COUNTRY_PHRASES`, and a sentence
whose subject is a country is translated with :func:`game.i18n.ts` (context ``plural subject``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from game.i18n import language, t, tc
from game.sim.registry import COUNTRY_NAMES

#: The context of a country's name inside a sentence, with its article where the language
#: wants one: "le Mexique" (French), "México" (Spanish), "Mexico" (English).
IN_A_SENTENCE = "country in a sentence"
#: A country after a preposition that some languages contract with the article (French "au
#: Mexique", "aux États-Unis", "du Canada"): whole phrases, so no code glues words together.
Preposition = Literal["in", "to", "of", "from"]
COUNTRY_PHRASES: dict[Preposition, dict[str, str]] = {
    "in": {"US": "in the United States", "MX": "in Mexico", "CA": "in Canada",
           "GT": "in Guatemala", "HN": "in Honduras", "SV": "in El Salvador"},
    "to": {"US": "to the United States", "MX": "to Mexico", "CA": "to Canada",
           "GT": "to Guatemala", "HN": "to Honduras", "SV": "to El Salvador"},
    "of": {"US": "of the United States", "MX": "of Mexico", "CA": "of Canada",
           "GT": "of Guatemala", "HN": "of Honduras", "SV": "of El Salvador"},
    "from": {"US": "from the United States", "MX": "from Mexico", "CA": "from Canada",
             "GT": "from Guatemala", "HN": "from Honduras", "SV": "from El Salvador"},
}
#: Countries whose name takes a plural verb, by language: "les États-Unis paient". Spanish
#: (Mexico) says "Estados Unidos paga", without the article, in the singular.
PLURAL_NAMES: dict[str, frozenset[str]] = {"fr": frozenset({"US"})}
#: Languages that repeat the preposition before each country of a list ("au Mexique et au
#: Canada", "a México y a Canadá"); English says it once ("to Mexico and Canada").
REPEATS_PREPOSITION: frozenset[str] = frozenset({"es", "fr"})


def country_name(code: str, article: bool = False) -> str:
    """The translated name of a country, as a label ("Mexico", "Mexique").

    With ``article``, as it reads inside a sentence: "the United States", "le Mexique",
    "Estados Unidos".
    """
    if not article:
        return t(COUNTRY_NAMES.get(code, code))
    if code == "US":
        return t("the United States")
    return tc(IN_A_SENTENCE, COUNTRY_NAMES.get(code, code))


def country_phrase(code: str, preposition: Preposition) -> str:
    """A country after ``preposition``, as the language contracts it: "au Mexique", "en México"."""
    phrase = COUNTRY_PHRASES[preposition].get(code)
    return t(phrase) if phrase else country_name(code, article=True)


def plural_subject(code: str) -> bool:
    """Whether ``code``'s name takes a plural verb in the current language."""
    return code in PLURAL_NAMES.get(language(), frozenset())


def country_subject(code: str) -> str:
    """A country opening a sentence: "The United States", "Le Mexique"."""
    name = country_name(code, article=True)
    return name[:1].upper() + name[1:]


def country_list(codes: Iterable[str], preposition: Preposition | None = None) -> str:
    """Countries named inside a sentence: "the United States and Mexico", "A, B and C".

    After ``preposition``: "to Mexico and Canada"; "au Mexique et au Canada" where the language
    repeats it (:data:`REPEATS_PREPOSITION`).
    """
    codes = list(codes)
    names = [country_name(code, article=True) for code in codes]
    if preposition is not None:
        repeat = language() in REPEATS_PREPOSITION
        names = [country_phrase(code, preposition) if i == 0 or repeat else names[i]
                 for i, code in enumerate(codes)]
    if len(names) <= 2:
        return t(" and ").join(names)
    return ", ".join(names[:-1]) + t(" and ") + names[-1]


def subject(code: str, key: str = "country") -> dict[str, Any]:
    """The arguments of :func:`game.i18n.ts` for a sentence that opens with ``code``."""
    return {"plural": plural_subject(code), key: country_subject(code)}
