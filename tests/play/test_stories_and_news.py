from __future__ import annotations

from game.play.decisions import ProposeAgreement
from game.play.news import agreement_news, event_news, threat_news, threshold_news
from game.play.stories import STORIES, choose_story, dominant_outcome
from game.sim.policy import month_index


def test_every_story_is_short_and_has_a_source() -> None:
    ids = [s.id for s in STORIES]
    assert len(ids) == len(set(ids))
    for story in STORIES:
        assert story.source.strip()
        assert len(story.text.split()) <= 70, story.id


def test_a_turn_with_many_more_deaths_than_the_status_quo_tells_a_death_story() -> None:
    metrics = {"deaths_in_transit": 90.0, "us_border_encounters": 100_000.0}
    baseline = {"deaths_in_transit": 60.0, "us_border_encounters": 100_000.0}
    assert dominant_outcome(metrics, {}, baseline) == "deaths_rise"
    assert choose_story("deaths_rise").outcome == "deaths_rise"


def test_family_separations_outweigh_everything_else() -> None:
    metrics = {"family_separations": 500.0, "deaths_in_transit": 200.0}
    assert dominant_outcome(metrics, {}, {"deaths_in_transit": 50.0}) == "separations"


def test_a_quiet_turn_is_calm_and_stories_are_not_repeated() -> None:
    same = {"deaths_in_transit": 50.0, "us_border_encounters": 80_000.0}
    assert dominant_outcome(same, same, same) == "calm"
    first = choose_story("deaths_rise")
    second = choose_story("deaths_rise", told=[first.id])
    assert second.id != first.id


def test_a_report_never_tells_a_story_from_after_its_month() -> None:
    june_2019 = month_index(2019, 7)  # the report at the end of a turn that played June 2019
    told: list[str] = []
    for outcome in ["returned_to_danger", "stranded", "protection_up", "calm"] * 3:
        story = choose_story(outcome, told, june_2019)
        assert story.known_by(june_2019), (outcome, story.id, story.known_from)
        told.append(story.id)
    # The 2019 US–Guatemala agreement's outcome was published in 2021: stories of it wait.
    assert choose_story("returned_to_danger", (), june_2019).id != "aca_guatemala"
    assert choose_story("returned_to_danger", (), month_index(2021, 6)).id == "aca_guatemala"


def test_every_story_has_a_month_from_which_it_can_be_told() -> None:
    for story in STORIES:
        year, month = (int(x) for x in story.known_from.split("-"))
        assert 1900 < year <= 2026 and 1 <= month <= 12, story.id


def test_crossing_a_threshold_makes_the_news_in_both_directions() -> None:
    up = threshold_news({"us_border_encounters": 330_000.0}, {"us_border_encounters": 270_000.0},
                        3, 3)
    assert [n.text for n in up] == ["US border encounters pass 100,000 a month"]
    down = threshold_news({"approval_us": 38.0}, {"approval_us": 41.0}, 3, 3)
    assert [n.text for n in down] == ["US government approval falls below 40%"]


def test_an_event_headline_from_the_level_wins_over_the_generic_one() -> None:
    event = {"kind": "caravan", "params": {"origin": "HN", "size": 7000}, "headline": "They walk"}
    assert event_news(event).text == "They walk"
    generic = event_news({"kind": "caravan", "params": {"origin": "HN", "size": 7000}})
    assert generic.text == "A caravan of about 7,000 people sets out from Honduras"


def test_agreement_and_threat_news_name_who_did_what() -> None:
    broken = agreement_news("returns_acceptance", ("US", "MX"), "broken", "MX")
    assert broken.text == "Mexico breaks the returns acceptance agreement"
    rejected = agreement_news("remain_in_mexico", ("US", "MX"), "rejected", "MX",
                              reason="people would wait in danger in border towns")
    assert rejected.text.startswith("Mexico rejects Remain in Mexico: “people would wait")
    made = threat_news("made", 0.05, 0.3, 2)
    assert made.text == ("The United States threatens a 5% tariff on Mexico unless border "
                         "encounters fall 30% within 2 months")
    passed = threat_news("passed", 0.05, 0.3)
    assert passed.text == ("Mexico misses the target, but the United States lets the deadline "
                           "pass without a tariff")
    three = agreement_news("burden_sharing", ("US", "MX", "CA"), "proposed", "CA")
    assert three.text == "Canada proposes burden-sharing to the United States and Mexico"
    assert agreement_news("burden_sharing", ("US", "MX", "CA"), "accepted").text == (
        "The United States, Mexico and Canada agree on burden-sharing")
    proposal = ProposeAgreement("MX", "burden_sharing", ("US", "CA"))
    assert proposal.describe() == "Mexico proposes burden-sharing to the United States and Canada"
