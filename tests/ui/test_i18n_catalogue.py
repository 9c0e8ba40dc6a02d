"""Every literal passed to ``t(...)``/``tn(...)`` is in the English catalogue and translated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from game.i18n import CATALOGUES, DOMAIN, LANGUAGES, t
from game.i18n_po import Entry, messages_in_code, parse_po, placeholders, po_path
from game.paths import ROOT
from game.sim.registry import METRIC_LABELS

TRANSLATED = [code for code in LANGUAGES if code != "en"]


def literals_passed_to_t() -> dict[str, str]:
    """message → where it is used (``file:line``), for every ``t``/``tn`` literal in ``game/``."""
    found: dict[str, str] = {}
    for message, f in messages_in_code(ROOT / "game").items():
        found[message] = f.where
        if f.plural is not None:
            found.setdefault(f.plural, f.where)
    return found


def po_entries(code: str) -> dict[str, Entry]:
    """A language's entries by key (``context\x04msgid`` with a context; plurals by both ids)."""
    entries = parse_po(po_path(CATALOGUES, code, DOMAIN).read_text(encoding="utf-8"))[1:]
    by_id = {e.key: e for e in entries}
    by_id.update({e.msgid_plural: e for e in entries if e.msgid_plural is not None})
    return by_id


def test_every_translated_literal_is_in_the_english_catalogue() -> None:
    catalogue = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    missing = {m: where for m, where in literals_passed_to_t().items() if m not in catalogue}
    assert missing == {}, "add these to assets/i18n/en.json: " + ", ".join(
        f"{where}: {m!r}" for m, where in sorted(missing.items(), key=lambda kv: kv[1]))


def test_labels_kept_in_the_screens_tables_are_in_the_catalogue() -> None:
    from game.play.ai import PERSONALITIES
    from game.play.decisions import COUNTRY_PHRASES, IN_A_SENTENCE, Pact, Proposal, Threat
    from game.sim.registry import (
        AGREEMENT_LABELS,
        AGREEMENTS,
        CHOICE_LABELS,
        COUNTRY_NAMES,
        EVENTS,
        LEVER_LABELS,
        LEVERS,
        METRIC_SHORT_LABELS,
        METRICS,
    )
    from game.ui.scenes import debrief, desk

    catalogue = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    labels = [*METRIC_LABELS.values(), *METRIC_SHORT_LABELS.values(),
              *CHOICE_LABELS.values(), *AGREEMENT_LABELS.values(), *LEVER_LABELS.values(),
              *(label for _, label in desk.TABS),
              *(label for _, label in debrief.TABS),
              debrief.EPILOGUE_TAB[1],
              # The sentences shown as lever, agreement, term, metric and event help.
              *(spec.description for spec in LEVERS.values()),
              *(spec.description for spec in AGREEMENTS.values()),
              *(term.description for spec in AGREEMENTS.values() for term in spec.terms),
              *(spec.description for spec in METRICS.values()),
              *(spec.description for spec in EVENTS.values()),
              # Words the screens build from names: units, term names, statuses, personalities.
              *(spec.unit for spec in (*LEVERS.values(), *METRICS.values())),
              *(term.unit for spec in AGREEMENTS.values() for term in spec.terms),
              *(term.name.replace("_", " ") for spec in AGREEMENTS.values() for term in spec.terms),
              *(kind.replace("_", " ") for kind in EVENTS),
              *(status.replace("_", " ") for cls in (Proposal, Pact, Threat)
                for status in get_args(get_type_hints(cls)["status"])),
              *PERSONALITIES,
              # A country inside a sentence, and after a preposition ("au Mexique").
              *(f"{IN_A_SENTENCE}\x04{name}" for code, name in COUNTRY_NAMES.items()
                if code != "US"),
              *(phrase for forms in COUNTRY_PHRASES.values() for phrase in forms.values())]
    assert [label for label in labels if label not in catalogue] == []


def test_the_scan_finds_the_screens_strings() -> None:
    found = literals_passed_to_t()
    assert "End turn" in found and "Budget left this turn: {left} of {total}" in found
    assert Path(found["End turn"].split(":")[0]).parts[-2:] == ("desk", "scene.py")


def test_english_placeholders_are_filled() -> None:
    assert t("Version {v}", v="1.0") == "Version 1.0"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_in_the_code_is_translated(code: str) -> None:
    entries = po_entries(code)
    untranslated = {m: where for m, where in literals_passed_to_t().items()
                    if m not in entries or not entries[m].translated}
    po = po_path(CATALOGUES, code, DOMAIN).relative_to(ROOT)
    listed = sorted(untranslated.items(), key=lambda kv: kv[1])
    assert untranslated == {}, (
        f"{len(untranslated)} strings have no {LANGUAGES[code]} translation; run `python "
        f"tools/i18n.py update`, translate them in {po}, then `python tools/i18n.py compile`:\n"
        + "\n".join(f"  {where}: {m!r}" for m, where in listed))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_english_string_is_translated(code: str) -> None:
    english = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    entries = po_entries(code)
    untranslated = [m for m in english if m not in entries or not entries[m].translated]
    assert untranslated == [], (f"no {LANGUAGES[code]} translation for these strings of en.json "
                                "(python tools/i18n.py update, then translate): "
                                + "; ".join(map(repr, untranslated)))


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code: str) -> None:
    wrong = []
    for entry in po_entries(code).values():
        for form in entry.msgstr:
            for english in (entry.msgid, entry.msgid_plural or entry.msgid):
                if form and placeholders(form) != placeholders(english):
                    wrong.append(f"{english!r} → {form!r}")
    assert wrong == []
