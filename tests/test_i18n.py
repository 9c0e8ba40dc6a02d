"""Translations: gettext catalogues, English fallback, plurals and numbers per language."""

from __future__ import annotations

import gettext
import io

import pytest

from game import i18n
from game.i18n import CATALOGUES, DOMAIN, LANGUAGES, format_number, set_language, t, tn
from game.i18n_po import Entry, compile_mo, parse_po, po_path, write_po


def test_english_is_the_identity() -> None:
    assert t("End turn") == "End turn"
    assert t("Turn {n} report", n=3) == "Turn 3 report"


@pytest.mark.parametrize(("code", "expected"), [("es", "Terminar turno"),
                                                ("fr", "Finir le tour")])
def test_spanish_and_french_come_from_the_compiled_catalogues(code: str, expected: str) -> None:
    set_language(code)
    assert t("End turn") == expected


def test_a_message_no_catalogue_knows_is_shown_in_english() -> None:
    set_language("fr")
    assert t("A sentence nobody translated ({n})", n=2) == "A sentence nobody translated (2)"


def test_a_language_without_a_catalogue_is_shown_in_english() -> None:
    set_language("de")
    assert t("End turn") == "End turn"


def test_a_translation_naming_a_wrong_placeholder_falls_back_to_english(
        monkeypatch: pytest.MonkeyPatch) -> None:
    broken = compile_mo([Entry("", ["Content-Type: text/plain; charset=UTF-8\n"]),
                         Entry("Turn {n}", ["Tour {numero}"])])
    monkeypatch.setattr(i18n, "translations",
                        lambda code: gettext.GNUTranslations(io.BytesIO(broken)))
    set_language("fr")
    assert t("Turn {n}", n=4) == "Turn 4"


def test_plurals_follow_each_languages_rule() -> None:
    assert [tn("{n} star", "{n} stars", n) for n in (0, 1, 2)] == ["0 stars", "1 star", "2 stars"]
    set_language("es")
    assert [tn("{n} star", "{n} stars", n) for n in (0, 1, 2)] == [
        "0 estrellas", "1 estrella", "2 estrellas"]
    set_language("fr")
    # French counts zero as singular.
    assert [tn("{n} star", "{n} stars", n) for n in (0, 1, 2)] == [
        "0 étoile", "1 étoile", "2 étoiles"]


def test_numbers_are_grouped_as_each_language_writes_them() -> None:
    assert format_number(1234567.25, 1) == "1,234,567.2"
    set_language("es")
    assert format_number(1234567.25, 1) == "1,234,567.2"
    set_language("fr")
    assert format_number(1234567.25, 1) == "1\u202f234\u202f567,2"


def test_a_po_file_reads_back_as_written_and_compiles_for_gettext() -> None:
    entries = [Entry("", ["Content-Type: text/plain; charset=UTF-8\n"
                          "Plural-Forms: nplurals=2; plural=(n > 1);\n"]),
               Entry('Say "hi"\n', ['Dis « salut »\n'], comments=["Greeting."]),
               Entry("{n} file", ["{n} fichier", "{n} fichiers"], msgid_plural="{n} files"),
               Entry("Untranslated", [""])]
    back = parse_po(write_po(entries))
    assert back == entries
    compiled = gettext.GNUTranslations(io.BytesIO(compile_mo(back)))
    assert compiled.gettext('Say "hi"\n') == "Dis « salut »\n"
    assert compiled.ngettext("{n} file", "{n} files", 0) == "{n} fichier"
    assert compiled.gettext("Untranslated") == "Untranslated"


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_the_committed_mo_is_compiled_from_the_committed_po(code: str) -> None:
    po = po_path(CATALOGUES, code, DOMAIN)
    expected = compile_mo(parse_po(po.read_text(encoding="utf-8")))
    assert po.with_suffix(".mo").read_bytes() == expected, (
        f"{po.with_suffix('.mo')} is stale: run `python tools/i18n.py compile`")


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_each_catalogue_states_its_plural_rule(code: str) -> None:
    header = parse_po(po_path(CATALOGUES, code, DOMAIN).read_text(encoding="utf-8"))[0]
    assert header.msgid == "" and "Plural-Forms: nplurals=2;" in header.msgstr[0]


def test_money_and_lever_values_read_as_each_language_writes_them() -> None:
    from game.play.decisions import _shown_value, money

    assert [money(x) for x in (0.4, 120, 1234.5)] == ["$0.4M", "$120M", "$1.2B"]
    set_language("fr")
    assert [money(x) for x in (0.4, 120, 1234.5)] == ["0,4\u00a0M$", "120\u00a0M$", "1,2\u00a0G$"]
    assert _shown_value("border_agents", 21500) == "21\u202f500"


def test_counts_inside_news_are_grouped_by_the_code() -> None:
    from game.play.news import event_news

    set_language("fr")
    caravan = event_news({"kind": "caravan", "params": {"size": 5000, "origin": "HN"}})
    assert "d’environ 5\u202f000 personnes" in caravan.text


def test_a_po_entry_with_a_context_reads_back_and_compiles_for_pgettext() -> None:
    entries = [Entry("", ["Content-Type: text/plain; charset=UTF-8\n"]),
               Entry("Mexico", ["Mexique"]),
               Entry("Mexico", ["le Mexique"], msgctxt="country in a sentence")]
    back = parse_po(write_po(entries))
    assert back == entries
    compiled = gettext.GNUTranslations(io.BytesIO(compile_mo(back)))
    assert compiled.gettext("Mexico") == "Mexique"
    assert compiled.pgettext("country in a sentence", "Mexico") == "le Mexique"


@pytest.mark.parametrize(("code", "expected"), [
    ("en", ["73k", "1.2M", "3.5B", "950"]),
    # Latin American Spanish says the thousands and counts a billion as a thousand millions.
    ("es", ["73\u00a0mil", "1.2\u00a0M", "3.5\u00a0mil\u00a0M", "950"]),
    ("fr", ["73\u202fk", "1,2\u202fM", "3,5\u202fG", "950"]),
])
def test_short_scales_are_written_as_each_language_abbreviates_them(code: str,
                                                                    expected: list[str]) -> None:
    from game.ui.widgets.format import human_number

    set_language(code)
    assert [human_number(v) for v in (73_412, 1_234_567, 3_456_000_000, 950)] == expected


@pytest.mark.parametrize(("code", "expected"), [
    ("en", ["73.4k", "12.5%", "\u22123%"]),
    ("es", ["73.4\u00a0mil", "12.5\u00a0%", "\u22123\u00a0%"]),
    ("fr", ["73,4\u202fk", "12,5\u00a0%", "\u22123\u00a0%"]),
])
def test_one_formatter_writes_counts_and_percentages_per_language(code: str,
                                                                 expected: list[str]) -> None:
    from game.i18n import percent, short_number

    set_language(code)
    assert [short_number(73_412), percent(12.5, 1), percent(-3, signed=True)] == expected


def test_spanish_money_says_which_dollar_it_is() -> None:
    from game.play.decisions import money

    set_language("es")
    # A bare $ reads as pesos in Mexico: the desk's money is US dollars.
    assert [money(x) for x in (0.4, 367, 1234.5)] == [
        "US$0.4\u00a0M", "US$367\u00a0M", "US$1.2\u00a0mil\u00a0M"]


def test_csv_exports_keep_machine_readable_numbers_in_every_language() -> None:
    from game.play.class_export import csv_text, number_text

    set_language("fr")
    assert number_text(73412.5) == "73412.5"
    assert csv_text([["metric", number_text(1234567.0)]]) == "metric,1234567.0\n"
