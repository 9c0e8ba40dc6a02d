"""A lesson that fits the room (issue 18): turns, minutes per phase, presets, rounds, the label."""

from __future__ import annotations

import csv

import pytest

from game.play.class_export import write_report
from game.play.classroom import (
    Classroom,
    ClassroomError,
    ClassSave,
    ClassSettings,
    Team,
    class_debrief,
    resume_classroom,
)
from game.play.lesson_timing import (
    LABEL_LIMIT,
    MIN_DEBRIEF_MINUTES,
    PRESETS,
    LessonTiming,
    apply_preset,
    clean_label,
    lesson_plan,
    plan_summary,
    preset,
    remembered,
    timing_from_dict,
    to_remember,
)
from game.play.lessonkit import build_kit
from game.play.lessonkit.document import kit_sections
from game.play.lessonkit.html import render_html
from game.play.lessonkit.pdf import render_pdf
from game.play.record import GameRecord
from game.play.settings import Settings, load_settings, save_settings
from tests.play.play_helpers import level

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))
SIX = (*TEAMS, Team("Quetzals", "GT"), Team("Toucans", "HN"), Team("Torogoz", "SV"))


def room_with(**options) -> Classroom:
    return Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, **options))


def play_turn(room: Classroom) -> None:
    while room.current is not None:
        room.commit(room.current.country)
    room.resolve()


# --- the plan ----------------------------------------------------------------------------------

def test_the_45_minute_preset_fits_three_teams_with_the_debrief() -> None:
    timing = apply_preset(preset("45"), 3, 4)
    assert timing == LessonTiming(3, 2.0, 2.0, 3.0)
    plan = lesson_plan(timing, 3, 4, length=45)
    assert plan.fits and plan.total == 45
    assert plan.planned <= 45
    debrief = next(s for s in plan.steps if s.key == "debrief")
    assert debrief.minutes >= MIN_DEBRIEF_MINUTES
    keys = [s.key for s in plan.steps]
    assert keys.count("negotiation") == 2, "a round before turns 2 and 3, none before the first"
    assert keys[:2] == ["intro", "briefing"] and keys[-2:] == ["debrief", "exit"]
    assert [s.start for s in plan.steps] == sorted(s.start for s in plan.steps)
    assert "45 of 45 minutes" in plan_summary(plan)


@pytest.mark.parametrize("key", ["45", "90"])
@pytest.mark.parametrize("teams", range(2, 7))
def test_every_preset_fits_its_length_for_every_number_of_teams(key, teams) -> None:
    chosen = preset(key)
    timing = apply_preset(chosen, teams, 4)
    plan = lesson_plan(timing, teams, 4, length=chosen.length)
    assert plan.fits and plan.planned <= chosen.length
    assert 1 <= timing.played_turns(4) <= 4


def test_more_teams_play_fewer_turns_in_45_minutes() -> None:
    turns = [apply_preset(preset("45"), n, 4).played_turns(4) for n in range(2, 7)]
    assert turns == sorted(turns, reverse=True) and turns[1] == 3 and turns[-1] < 3


def test_a_lesson_that_overflows_says_by_how_much() -> None:
    timing = LessonTiming(4, 5.0, 5.0, 5.0)
    plan = lesson_plan(timing, 3, 4, length=45)
    assert not plan.fits
    assert "more than the 45-minute lesson" in plan_summary(plan)


def test_simultaneous_desks_count_once_per_turn() -> None:
    timing = LessonTiming(3, 5.0, 0.0, 0.0)
    hot_seat = lesson_plan(timing, 4, 4)
    devices = lesson_plan(timing, 4, 4, simultaneous=True)
    assert hot_seat.total - devices.total == pytest.approx(3 * (4 * 5.25 - 5))


@pytest.mark.parametrize("data", [None, [], {"timing": {"turns": "3"}}, {"timing": {
    "turns": 0}}, {"timing": {"desk_minutes": float("nan")}}, {"timing": {
        "negotiation_minutes": 99}}, {"timing": {}, "length": True}])
def test_a_damaged_remembered_lesson_is_ignored(data) -> None:
    assert remembered(data) is None


def test_a_remembered_lesson_reads_back() -> None:
    timing = LessonTiming(2, 3.0, 1.0, 4.0)
    again = remembered(to_remember(timing, 45, " Period 3 —\n10B "))
    assert again is not None and again.timing == timing and again.length == 45
    assert again.label == "My last lesson"
    assert timing_from_dict(timing.to_dict()) == timing


def test_a_label_is_one_trimmed_line() -> None:
    assert clean_label("  Period 3\n\t— 10B ") == "Period 3 — 10B"
    assert len(clean_label("x" * 500)) == LABEL_LIMIT and clean_label(7) == ""


# --- the session -------------------------------------------------------------------------------

def test_the_session_ends_and_debriefs_after_the_chosen_turns() -> None:
    room = room_with(turns=2)
    assert room.session.turns == 2
    play_turn(room)
    assert not room.finished
    play_turn(room)
    assert room.finished and not room.ended_early and len(room.session.reports) == 2
    debrief = class_debrief(room)
    assert debrief.turns == 2 and debrief.level_turns == 4
    assert "2 of 2 turns played" in debrief.played_text
    assert "judged at its end" in debrief.played_text
    # The level's objectives judged at the end of the lesson's last turn, not left pending.
    for states in debrief.objectives.values():
        assert states and all(o.final and o.judged_turn == 2 for o in states)


def test_an_objective_for_a_turn_after_the_lesson_is_judged_at_its_end(tmp_path) -> None:
    from game.content.loader import load_level
    from tests.play.play_helpers import level_path

    text = level_path("june-2019-crisis").read_text(encoding="utf-8").replace(
        "    metric: deaths_in_transit\n", "    metric: deaths_in_transit\n    turn: 3\n")
    path = tmp_path / "by-turn-3.yaml"
    path.write_text(text, encoding="utf-8")
    room = Classroom(load_level(path), ClassSettings(TEAMS, turns=2))
    play_turn(room)
    play_turn(room)
    assert room.finished
    deaths = next(o for o in room.session.objectives() if o.metric == "deaths_in_transit")
    assert deaths.final and deaths.judged_turn == 2 and deaths.value is not None


def test_turns_beyond_the_level_play_the_level() -> None:
    room = room_with(turns=9)
    assert room.session.turns == 4


@pytest.mark.parametrize(("options", "message"), [
    ({"turns": 0}, "at least one turn"),
    ({"negotiation_minutes": 45.0}, "0 to 30 minutes"),
    ({"briefing_minutes": -1.0}, "0 to 30 minutes"),
    ({"timer_minutes": 0.5}, "between 1 and 60"),
])
def test_a_timing_that_cannot_run_is_refused(options, message) -> None:
    with pytest.raises(ClassroomError, match=message):
        room_with(**options)


def test_the_briefing_and_negotiation_rounds_count_down_and_the_teacher_is_told() -> None:
    room = room_with(timer_minutes=2, briefing_minutes=3.0, negotiation_minutes=2.0)
    assert room.due_round() == "briefing"
    assert room.start_round() is not None
    room.tick(60)  # the desk clock waits during the briefing
    assert room.time_left == 120
    assert not room.tick_round(179.0)
    room.pause()
    assert not room.tick_round(10.0), "a paused class's round waits too"
    room.resume()
    assert room.tick_round(1.0), "zero: the teacher is told"
    assert not room.tick_round(1.0), "told once"
    room.extend_round(1.0)
    assert room.rounds.current is not None and room.rounds.current.left == 60
    assert room.tick_round(60.0)
    room.end_round()
    assert room.due_round() is None
    play_turn(room)
    assert room.due_round() == "negotiation"
    room.end_round(skipped=True)  # the teacher skips it before it starts
    assert room.due_round() is None
    actions = [e["action"] for e in room.teacher_log]
    assert actions[:3] == ["round_start", "pause", "resume"]
    assert "round_over" in actions and "round_extend" in actions and "round_skip" in actions


def test_no_round_is_due_once_a_team_has_committed() -> None:
    room = room_with(briefing_minutes=3.0)
    room.commit(room.current.country)
    assert room.due_round() is None


def test_the_timing_the_rounds_and_the_label_survive_a_save() -> None:
    room = room_with(turns=3, timer_minutes=2, negotiation_minutes=2.0, briefing_minutes=3.0,
                     label="Period 3 — 10B")
    room.start_round()
    room.tick_round(180.0)
    room.end_round()
    play_turn(room)
    room.start_round()
    room.tick_round(30.0)
    record = GameRecord.from_dict(room.record.to_dict())
    again = resume_classroom(record)
    assert again.settings.timing == LessonTiming(3, 2.0, 2.0, 3.0)
    assert again.settings.label == "Period 3 — 10B"
    assert again.session.turns == 3
    assert again.due_round() == "negotiation"
    assert again.rounds.current is not None and again.rounds.current.left == 90
    assert not again.rounds.current.running, "a resumed round waits for the teacher"
    again.tick(30.0)
    assert again.time_left == 90, "a round left waiting does not stop the desk clocks"
    assert ("briefing", 1) in again.rounds.done


def test_a_save_from_before_lesson_timing_resumes_with_every_turn() -> None:
    room = room_with()
    data = room.record.to_dict()
    for key in ("turns", "negotiation_minutes", "briefing_minutes", "label", "rounds"):
        data["classroom"].pop(key)
    again = resume_classroom(GameRecord.from_dict(data))
    assert again.session.turns == 4 and again.settings.label == ""
    assert again.due_round() is None


# --- the label on every export -----------------------------------------------------------------

def test_the_label_is_on_the_report_the_save_list_and_the_kit(tmp_path) -> None:
    room = room_with(turns=1, label="Period 3 — 10B")
    play_turn(room)
    debrief = class_debrief(room)
    files = write_report(tmp_path, debrief, room.record)
    summary = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert "<b>Period 3 — 10B</b>" in summary and files.folder == tmp_path
    with (tmp_path / "teams.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-1] == "class" and all(r[-1] == "Period 3 — 10B" for r in rows[1:])
    save = ClassSave(tmp_path / "x.json", room.record, "2026-01-01")
    assert save.label.startswith("Period 3 — 10B · The June 2019 crisis")
    kit = build_kit(room.level, 3, label="Period 3 — 10B", timing=room.settings.timing)
    assert all(s.subtitle.endswith("· Period 3 — 10B") for s in kit_sections(kit))
    html = render_html(kit)
    assert "Period 3 — 10B" in html and "This lesson, as set up" in html
    assert render_pdf(kit)[:4] == b"%PDF"


# --- the June level with more teams ------------------------------------------------------------

def test_the_june_level_takes_six_teams_with_the_northern_triangle() -> None:
    room = Classroom(level("june-2019-crisis"), ClassSettings(SIX, turns=1))
    assert [tm.country for tm in room.teams] == ["US", "MX", "CA", "GT", "HN", "SV"]
    for country in ("GT", "HN", "SV"):
        own = [o for o in room.objectives_for(country) if o.team == country]
        assert own, f"{country} has a secret objective of its own"
        assert room.session.view.briefing(country)
    play_turn(room)
    assert room.finished


def test_remembered_choices_round_trip_through_the_settings_file(tmp_path) -> None:
    path = tmp_path / "settings.json"
    timing = apply_preset(preset("45"), 3, 4)
    save_settings(Settings(last_lesson=to_remember(timing, 45, "Period 3 — 10B")), path)
    loaded = load_settings(path)
    assert loaded.message == ""
    again = remembered(loaded.settings.last_lesson)
    assert again is not None and again.timing == timing
    # A hand-edited, broken entry is reset with a message, the rest kept.
    path.write_text('{"language": "fr", "last_lesson": {"timing": {"turns": -3}}}',
                    encoding="utf-8")
    broken = load_settings(path)
    assert broken.settings.language == "fr" and broken.settings.last_lesson == {}
    assert "last_lesson" in broken.message


def test_presets_are_the_two_lengths() -> None:
    assert [p.length for p in PRESETS] == [45, 90]
    assert [p.label for p in PRESETS] == ["45 minutes", "90 minutes"]
