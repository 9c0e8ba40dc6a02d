"""A level's own stories, news events and epilogue, as a session tells them turn by turn."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load_level
from game.paths import LEVELS
from game.play.levelview import LevelView
from game.play.news import event_news
from game.play.session import Session
from game.play.stories import Story, level_story

EXAMPLE = LEVELS / "examples" / "story-beats.yaml"


def card(id_: str, outcome: str = "", turn: int | None = None) -> Story:
    return Story(id_, outcome, id_.title(), "Text.", "A paper", "2000-01", "", turn)


def played(path: Path = EXAMPLE) -> Session:
    session = Session(load_level(path))
    while True:
        session.end_turn()
        if session.reports[-1].finished:
            return session
        session.next_turn()


def test_a_card_for_the_turn_comes_first_then_the_outcome_then_free_cards_in_order() -> None:
    cards = [card("free-1"), card("for-calm", "calm"), card("turn-2", turn=2), card("free-2")]
    assert level_story(cards, 2, "calm").id == "turn-2"
    assert level_story(cards, 1, "calm").id == "for-calm"
    assert level_story(cards, 1, "deaths_rise").id == "free-1"
    assert level_story(cards, 1, "deaths_rise", told=["free-1"]).id == "free-2"
    assert level_story(cards, 3, "tariff", told=["free-1", "free-2"]) is None
    # A card for a turn is told in that turn only, once.
    assert level_story(cards, 2, "tariff", told=["turn-2", "free-1", "free-2"]) is None


def test_the_example_tells_its_cards_its_news_and_its_epilogue() -> None:
    session = played()
    stories = [r.story for r in session.reports]
    assert all(s is not None for s in stories)
    assert stories[0].id == "level:borders-close"
    assert stories[0].image == str(EXAMPLE.parent.resolve() / "images" / "borders-closed.png")
    told = [s.id for s in stories if s is not None]
    assert {"level:title-42", "level:remittances"} <= set(told)
    assert len(told) == len(set(told))
    # The news event's headline and article are in the turn's news and in the record.
    news = [n for r in session.reports for n in r.news if n.body]
    assert [n.text for n in news] == ["Guatemala suspends deportation flights from the United "
                                      "States", "Money sent home to Central America grows again"]
    assert news[0].to_dict()["body"].startswith("Some people deported")
    recorded = [e for t in session.record.turns for e in t.events if e["kind"] == "news"]
    assert recorded[0]["params"]["body"].startswith("Some people deported")
    assert recorded[0]["params"]["headline"] == news[0].text  # `simulate` tells it too
    assert event_news(recorded[0]).text == news[0].text
    epilogue = session.debrief().epilogue
    assert epilogue is not None and epilogue.title == "What really happened"
    assert epilogue.image.endswith("eta-track.jpg") and "Eta and Iota" in epilogue.text


def test_the_epidemic_is_named_in_the_explanation_of_its_turn() -> None:
    session = Session(load_level(EXAMPLE))
    report = session.end_turn()
    causes = report.headline("us_border_encounters").causes
    named = [c for c in causes if c.label == "An epidemic closes borders across the region"]
    assert named and named[0].amount < 0


def test_every_later_turn_names_the_epidemics_borders_and_their_reopening() -> None:
    session = played()
    rows = [[(c.label, c.amount) for c in r.headline("us_border_encounters").causes
             if "epidemic" in c.label] for r in session.reports]
    assert rows[0][0][0] == "An epidemic closes borders across the region"
    assert rows[1][0][0] == "Borders kept shut by the epidemic" and rows[1][0][1] < 0
    assert rows[3][0][0] == "Borders reopen after the epidemic" and rows[3][0][1] > 0


def test_a_level_telling_only_its_own_stories_tells_none_when_they_run_out() -> None:
    level = load_level(EXAMPLE)
    only = replace_level(level, built_in_stories=False)
    session = Session(only)
    stories = []
    for _ in range(only.turns):
        stories.append(session.end_turn().story)
        session.next_turn()
    ids = [s.id if s is not None else None for s in stories]
    assert ids[0] == "level:borders-close"
    assert all(i is None or i.startswith("level:") for i in ids)
    assert None in ids  # three cards, four turns: one turn tells none


def test_a_level_read_back_from_a_saved_game_tells_its_cards_without_pictures() -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    view = LevelView(LevelView.parse(source))
    assert view.stories[0].title == "Borders close" and view.stories[0].image == ""
    assert view.epilogue() is not None and view.epilogue().image == ""


def test_a_news_event_without_an_article_is_a_plain_headline() -> None:
    item = event_news({"kind": "news", "params": {}, "headline": "Shelters are full"})
    assert item.text == "Shelters are full" and item.body == ""
    assert "body" not in item.to_dict()


def replace_level(level, **changes):
    """A copy of a validated level with some fields changed, keeping its folder."""
    copy = level.model_copy(update=changes)
    if level.folder is not None:
        copy.set_folder(level.folder)
    return copy


def test_the_epilogue_follows_the_language() -> None:
    from game.i18n import set_language

    set_language("es")
    try:
        view = LevelView(load_level(EXAMPLE))
        assert view.epilogue().title == "Lo que pasó en realidad"
        assert view.epilogue().text.startswith("Las fronteras de Centroamérica")
        assert view.stories[0].title == "Se cierran las fronteras"
    finally:
        set_language("en")
