"""Sentences built from country names read as each language writes them: articles, contractions
("au Mexique", "des États-Unis") and the verb agreeing with a plural name ("les États-Unis
paient")."""

from __future__ import annotations

import pytest

from game.i18n import set_language
from game.play.decisions import (
    ProposeAgreement,
    SetLever,
    country_list,
    country_name,
    country_subject,
)
from game.play.news import agreement_news, event_news, threat_news


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


def test_french_names_carry_their_article_inside_a_sentence_but_not_on_a_label() -> None:
    set_language("fr")
    assert country_name("MX") == "Mexique"
    assert country_name("MX", article=True) == "le Mexique"
    assert country_subject("US") == "Les États-Unis"
    assert country_list(["MX", "CA"]) == "le Mexique et le Canada"
    assert country_list(["MX", "US"], "to") == "au Mexique et aux États-Unis"


def test_a_french_verb_agrees_with_the_united_states() -> None:
    set_language("fr")
    assert SetLever("US", "border_agents", 20000).describe() == (
        "Les États-Unis fixent agents frontaliers à 20\u202f000")
    assert SetLever("MX", "border_agents", 6000).describe() == (
        "Le Mexique fixe agents frontaliers à 6\u202f000")
    assert threat_news("carried_out", 0.05, 0.3).text == (
        "Le Mexique rate la cible\u00a0: les États-Unis imposent des droits de douane de 5\u00a0%")


def test_french_prepositions_contract_with_the_article() -> None:
    set_language("fr")
    assert ProposeAgreement("MX", "burden_sharing", ("US", "CA")).describe().endswith(
        " aux États-Unis et au Canada")
    assert agreement_news("safe_third_country", ("US", "GT"), "proposed", by="US").text == (
        "Les États-Unis proposent tiers pays sûr au Guatemala")
    photo = event_news({"kind": "media_photo", "params": {"country": "US", "intensity": 0.8}})
    assert photo.text.endswith("l’opinion publique aux États-Unis")
    caravan = event_news({"kind": "caravan", "params": {"size": 7000, "origin": "HN"}})
    assert caravan.text == "Une caravane d’environ 7\u202f000 personnes part du Honduras"


def test_spanish_sentences_name_countries_without_an_article() -> None:
    set_language("es")
    assert SetLever("US", "border_agents", 20000).describe() == (
        "Estados Unidos fija agentes fronterizos en 20,000")
    assert ProposeAgreement("MX", "burden_sharing", ("US", "CA")).describe().endswith(
        " a Estados Unidos y a Canadá")
    court = event_news({"kind": "court_ruling",
                        "params": {"country": "MX", "blocks": "remain_in_mexico"}})
    assert court.text == "Un tribunal en México bloquea Quédate en México"


def test_english_reads_as_before() -> None:
    assert SetLever("US", "border_agents", 20000).describe() == (
        "The United States sets border agents to 20,000")
    assert agreement_news("burden_sharing", ("US", "MX", "CA"), "accepted", by="US").text == (
        "The United States, Mexico and Canada agree on burden-sharing")
