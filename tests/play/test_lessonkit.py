"""The lesson kit: its content from a level, its timings, and the files it writes (issue 18)."""

from __future__ import annotations

import re

import pytest

from game.content.catalog import shipped_levels
from game.i18n import set_language, t
from game.play.lessonkit import build_kit, kit_paths, lesson_plan, write_kit
from game.play.lessonkit.document import kit_sections
from game.play.lessonkit.html import render_html
from game.play.levelview import text_of
from game.sim.registry import LEVERS, levers_for
from tests.play.play_helpers import level

CLASSROOM_LEVELS = [e.level for e in shipped_levels() if e.ok and e.is_classroom]


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF holds (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b", data))


@pytest.mark.parametrize("lvl", CLASSROOM_LEVELS, ids=lambda lv: lv.id)
def test_every_playable_country_gets_a_card_with_its_secret_objectives(lvl) -> None:
    kit = build_kit(lvl)
    assert [c.country for c in kit.cards] == lvl.playable_countries()
    for owner, objective in lvl.all_objectives():
        if owner is not None:
            assert text_of(objective.text) in [g.text for g in kit.card(owner).secret]
    for card in kit.cards:
        assert card.brief and card.budget and card.levers


def test_the_june_cards_hold_each_teams_own_secret_and_no_one_elses() -> None:
    kit = build_kit(level("june-2019-crisis"))
    us, mx = kit.card("US"), kit.card("MX")
    assert [g.text for g in us.secret] == [
        "Encounters at least 25% below the status quo in the last month"]
    assert "Mexican approval" in mx.secret[0].text and mx.secret[0].stars == 2
    assert not any("Mexican" in g.text for g in us.secret)
    assert "judged at the end of turn 4" in us.secret[0].how


def test_a_cards_levers_carry_the_registrys_cost_unit_and_delay() -> None:
    card = build_kit(level("june-2019-crisis")).card("US")
    assert [lv.lever for lv in card.levers] == [s.name for s in levers_for("US")]
    agents = next(lv for lv in card.levers if lv.lever == "border_agents")
    assert agents.cost == "US$160,000"  # 0.16 US$M per agent a year
    assert agents.delay_months == LEVERS["border_agents"].delay_months["US"] == 9
    assert agents.now.endswith("agents")
    detention = next(lv for lv in card.levers if lv.lever == "detention")
    assert detention.cost == "no direct cost" and "separate families" in detention.choices
    rescue = next(lv for lv in card.levers if lv.lever == "rescue")
    assert rescue.cost == "its amount" and "a year" in rescue.now


def test_origin_countries_cards_list_their_home_levers() -> None:
    kit = build_kit(level("regional-compact"))
    assert {lv.lever for lv in kit.card("HN").levers} == {
        "violence_prevention", "exit_controls", "reintegration", "police_reform",
        "youth_employment", "consular_protection"}


def test_the_glossary_has_the_kits_terms() -> None:
    terms = [term for term, _ in build_kit(level("june-2019-crisis")).glossary]
    for needed in ("Asylum", "Safe third country", "Remain in Mexico", "Encounters",
                   "Apprehensions"):
        assert needed in terms


def test_the_questions_are_the_levels_then_the_general_ones() -> None:
    lvl = level("june-2019-crisis")
    kit = build_kit(lvl)
    assert kit.questions[:len(lvl.questions)] == tuple(text_of(q) for q in lvl.questions)
    assert len(kit.exit_ticket) >= 3 and len(kit.objectives) >= 4


@pytest.mark.parametrize("lvl", CLASSROOM_LEVELS, ids=lambda lv: lv.id)
@pytest.mark.parametrize("length", [45, 90])
def test_every_plan_fits_its_lesson_for_every_number_of_teams(lvl, length) -> None:
    for teams in range(2, len(lvl.playable_countries()) + 1):
        plan = lesson_plan(length, lvl.turns, teams)
        assert plan.total == length, (teams, plan.phases)
        assert 1 <= plan.turns <= lvl.turns
        assert [p.start for p in plan.phases] == sorted(p.start for p in plan.phases)
        assert (plan.turns < lvl.turns) == bool(plan.note)


def test_the_june_45_minute_plan_says_how_many_turns_to_play() -> None:
    kit = build_kit(level("june-2019-crisis"))
    short, long = kit.plans
    assert (short.length, short.turns, short.desk_minutes, short.negotiation_minutes) == (
        45, 3, 2.0, 2.0), "the set-up's 45-minute preset"
    assert "fits 3 of the level's 4 turns with 3 teams" in short.note
    assert "the session ends after turn 3" in short.note
    assert (long.length, long.turns, long.note) == (90, 4, "")
    four = build_kit(level("june-2019-crisis"), teams=4).plans[0]
    assert four.turns == 2 and "With 3 teams, 3 turns fit." in four.note


def test_the_kit_plans_are_the_set_ups_presets() -> None:
    from game.play.lesson_timing import PRESETS, apply_preset

    lvl = level("june-2019-crisis")
    for chosen, plan in zip(PRESETS, build_kit(lvl, teams=3).plans, strict=True):
        timing = apply_preset(chosen, 3, lvl.turns)
        assert plan.turns == timing.played_turns(lvl.turns)
        assert plan.desk_minutes == timing.desk_minutes


def test_a_teachers_shorter_timer_is_kept_and_a_longer_one_capped() -> None:
    assert lesson_plan(45, 4, 3, timer_minutes=1).desk_minutes == 1
    assert lesson_plan(45, 4, 3, timer_minutes=10).desk_minutes == 2


def test_a_timed_run_of_the_45_minute_plan_fits_in_45_minutes() -> None:
    """Play the June level as the plan says, each team using its whole timer on the clock."""
    from benchmarks.bench_lesson45 import timed_run

    run = timed_run(teams=3)
    assert run.turns_played == build_kit(level("june-2019-crisis")).plans[0].turns == 3
    assert run.finished_by_itself, "the session ends after the lesson's last turn"
    assert run.total_minutes <= 45 and run.debrief_minutes >= 8


def test_the_sections_put_each_card_and_the_grid_on_their_own_pages() -> None:
    kit = build_kit(level("june-2019-crisis"))
    keys = [s.key for s in kit_sections(kit)]
    assert keys == ["plan", "card-US", "card-MX", "card-CA", "card-GT", "card-HN", "card-SV",
                    "glossary", "exit"]


def test_the_html_is_one_self_contained_page_with_every_card() -> None:
    kit = build_kit(level("june-2019-crisis"))
    html = render_html(kit)
    for card in kit.cards:
        assert f'id="card-{card.country}"' in html and f"Role card: {card.name}" in html
        assert card.secret[0].text in html
    assert "Encounters at least 25% below" in html
    assert not re.search(r"<(link|script|img)\b|@import|url\(|src=", html)
    assert "break-before: page" in html and "@media print" in html


def test_the_kit_is_written_as_html_and_a_pdf_of_several_pages(tmp_path) -> None:
    lvl = level("june-2019-crisis")
    html_path, pdf_path = write_kit(lvl, tmp_path / "new" / "folder")
    assert (html_path, pdf_path) == kit_paths("june-2019-crisis", tmp_path / "new" / "folder")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pdf_pages(data) > 1
    assert "Role card: Mexico" in html_path.read_text(encoding="utf-8")
    assert [p.name for p in html_path.parent.iterdir() if p.name.startswith(".")] == []


def test_a4_and_letter_pages_differ_in_size(tmp_path) -> None:
    lvl = level("june-2019-crisis")
    letter = write_kit(lvl, tmp_path / "l")[1].read_bytes()
    a4 = write_kit(lvl, tmp_path / "a", paper="a4")[1].read_bytes()
    assert b"612" in letter and b"595.28" in a4


@pytest.mark.parametrize("code", ["es", "fr"])
def test_the_kit_speaks_the_players_language(code) -> None:
    english = build_kit(level("june-2019-crisis"))
    set_language(code)
    try:
        kit = build_kit(level("june-2019-crisis"))
        html = render_html(kit)
        assert t("Exit ticket") != "Exit ticket" and t("Exit ticket") in html
        assert f'lang="{code}"' in html
        assert all(a != b for a, b in zip(kit.objectives, english.objectives, strict=True))
        assert kit.card("US").name != english.card("US").name or code == "fr"
    finally:
        set_language("en")


def test_the_levels_own_translations_fill_its_texts() -> None:
    [lvl] = [lv for lv in CLASSROOM_LEVELS if lv.id == "every-feature"]
    set_language("es")
    try:
        kit = build_kit(lvl)
    finally:
        set_language("en")
    assert kit.title == lvl.title["es"]
    assert any(g.text.startswith("Secreto:") for c in kit.cards for g in c.secret)


def test_a_levels_epilogue_is_in_the_plan_for_after_the_debrief(tmp_path) -> None:
    from game.content.loader import load_level
    from game.paths import LEVELS

    story = load_level(LEVELS / "examples" / "story-beats.yaml")
    kit = build_kit(story)
    assert kit.epilogue is not None and "Eta and Iota" in kit.epilogue[1]
    html = render_html(kit)
    assert "(read after the debrief)" in html and "Eta and Iota" in html
    # A level without one prints no such heading.
    assert build_kit(level("tutorial")).epilogue is None
    html_path, pdf_path = write_kit(story, tmp_path)
    assert "(read after the debrief)" in html_path.read_text(encoding="utf-8")
    assert pdf_path.read_bytes().startswith(b"%PDF-")
