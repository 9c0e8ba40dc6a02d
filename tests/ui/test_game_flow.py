"""A whole game through the screens: title → picker → briefing → desk → report → debrief → title.

Also: Escape backs out of every screen, the desk's levers answer the keyboard and the rules, and
the debrief exports its CSV and charts.
"""

from __future__ import annotations

import csv

import pygame
import pytest
from ui_helpers import key, layout_problems, press, record_drawn_text, unreachable_buttons

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.desk import DIPLOMACY, DeskScene
from game.ui.scenes.level_picker import LevelPickerScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.start import make_session
from game.ui.scenes.title import TitleScene


def level(level_id: str):
    [entry] = [e for e in shipped_levels() if e.id == level_id]
    return entry.level


def new_game(level_id: str = "tutorial", player: str = "US") -> SoloGame:
    return SoloGame(make_session(level(level_id), player, None, autoplay=False), player)


def test_a_new_player_walks_from_the_title_to_the_debrief_and_back(make_app) -> None:
    app = make_app()
    app.switch(TitleScene(app))
    press(app, app.scene.campaign_button)
    assert isinstance(app.scene, LevelPickerScene)
    [tutorial] = [b for b, e in app.scene.level_buttons if e.level.id == "tutorial"]
    press(app, tutorial)
    press(app, app.scene.play_button)
    assert isinstance(app.scene, BriefingScene)
    press(app, app.scene.desk_button)
    turns = app.scene.game.turns
    for turn in range(1, turns + 1):
        assert isinstance(app.scene, DeskScene)
        assert app.scene.game.turn == turn
        app.frame(0.016)
        press(app, app.scene.end_button)
        assert isinstance(app.scene, ReportScene)
        assert app.scene.report.turn == turn
        app.frame(0.016)
        press(app, app.scene.next_button)
    assert isinstance(app.scene, DebriefScene)
    app.frame(0.016)
    press(app, app.scene.title_button)
    assert isinstance(app.scene, TitleScene)
    # The game saved itself after every turn; it is over, so Continue stays off and Load has it.
    assert not app.scene.continue_button.is_enabled
    press(app, app.scene.load_button)
    assert [g.finished for _, g in app.scene.game_buttons] == [True]


def test_escape_backs_out_of_every_screen(make_app) -> None:
    app = make_app()
    game = new_game()
    steps = [
        (LevelPickerScene(app), TitleScene),
        (BriefingScene(app, game), LevelPickerScene),
        (DeskScene(app, game), BriefingScene),
    ]
    for scene, expected in steps:
        app.switch(scene)
        app.process(key(pygame.K_ESCAPE))
        assert isinstance(app.scene, expected), scene.name
    report = game.end_turn()
    app.switch(ReportScene(app, game, report))
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, DeskScene)  # a resolved turn goes on; nothing is a dead end
    while not game.finished:
        game.end_turn()
    app.switch(DebriefScene(app, game))
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, TitleScene)


def test_keyboard_moves_a_slider_and_the_budget_follows(make_app) -> None:
    app = make_app()
    game = new_game()
    desk = DeskScene(app, game)
    desk.tab = "borders"
    app.switch(desk)
    before, total = desk.budget()
    slider = desk.controls["border_agents"]["slider"]
    desk.focus.focus(slider)
    for _ in range(3):
        app.process(key(pygame.K_RIGHT))
    assert desk.draft["border_agents"] > 17_000
    after, _ = desk.budget()
    assert after < before  # more agents cost more this turn
    typed = desk.controls["border_agents"]["entry"].get_text()
    assert typed == f"{desk.draft['border_agents']:.0f}"


def test_a_value_over_budget_is_refused_with_the_rules_message(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game())
    desk.tab = "aid"
    app.switch(desk)
    assert desk.try_set("aid_economic", 5000.0) is False
    assert "budget" in desk.message.lower()
    assert "aid_economic" not in desk.draft
    assert desk.message_bad


def test_typed_values_outside_the_range_are_explained(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game())
    desk.tab = "borders"
    app.switch(desk)
    entry = desk.controls["border_agents"]["entry"]
    entry.set_text("999999")
    desk._entry_finished("border_agents", desk.controls["border_agents"])
    assert "between" in desk.message and "60,000" in desk.message
    assert entry.get_text() == "17000"


def test_choice_levers_are_buttons_and_end_turn_sends_the_draft(make_app) -> None:
    app = make_app()
    game = new_game()
    desk = DeskScene(app, game)
    desk.tab = "asylum"
    app.switch(desk)
    [alternatives] = [b for b, c in desk.controls["detention"]["choices"] if c == "alternatives"]
    press(app, alternatives)
    assert desk.draft["detention"] == "alternatives"
    press(app, desk.end_button)
    assert game.session.table.policy.value("US", "detention") == "alternatives"
    assert isinstance(app.scene, ReportScene)
    assert any(d.get("lever") == "detention" for d in app.scene.report.decisions)


def test_a_proposal_gets_the_partners_answer_on_the_diplomacy_tab(make_app) -> None:
    app = make_app()
    game = new_game()
    desk = DeskScene(app, game)
    desk.tab = DIPLOMACY
    app.switch(desk)
    assert desk.deal_rows
    row = next(r for r in desk.deal_rows if r["kind"] != "tariff_threat")
    press(app, row["button"])
    # The terms come first, on their own screen; sending them brings the answer to the desk.
    press(app, app.scene.send_button)
    assert app.scene is desk
    status, state = desk._deal_status(row["kind"])
    assert state in ("pending", "active", "accepted", "rejected", "countered")
    assert desk.message


SIZES = [((1024, 600), 1.0), ((1280, 720), 1.0), ((1920, 1080), 2.0)]


ROLES = [("tutorial", "US"), ("the-45-days", "MX"), ("regional-compact", "GT"),
         ("example-three-country-cooperation", "CA")]


@pytest.mark.parametrize(("size", "scale"), SIZES)
@pytest.mark.parametrize(("level_id", "player"), ROLES)
def test_every_desk_tab_fits_and_is_reachable_by_keyboard(make_app, size, scale, level_id,
                                                          player) -> None:
    app = make_app(size, scale)
    game = new_game(level_id, player)
    for tab, _ in DeskScene(app, game).tabs():
        desk = DeskScene(app, game)
        desk.tab = tab
        app.switch(desk)
        # Every page of levers, when a tab needs more than one.
        for _ in range(3):
            app.frame(0.016)
            assert layout_problems(app, desk) == [], (tab, desk.lever_page)
            assert unreachable_buttons(desk, app) == [], tab
            if desk.pager is None:
                break
            press(app, desk.pager)


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_every_objective_is_whole_on_the_goals_tab_of_a_small_window(make_app, monkeypatch,
                                                                    code: str) -> None:
    drawn = record_drawn_text(monkeypatch)
    app = make_app((1024, 600), 1.0, language=code)
    game = new_game("the-45-days", "MX")
    desk = DeskScene(app, game)
    desk.tab = "goals"
    app.switch(desk)
    desk._refresh_forecast()
    desk.invalidate()
    # The 45 Days has four objectives: each heading's first line is drawn on one of the pages
    # (the pager turns over back to the first), and no line is cut.
    seen: list[str] = []
    for _ in range(len(game.goals())):
        drawn.clear()
        app.frame(0.016)
        seen += drawn
        if desk.pager is None or (press(app, desk.pager), desk.lever_page)[1] == 0:
            break
    assert len(game.goals()) == 4
    assert [line for line in seen if line.endswith("…")] == [], code
    for goal in game.goals():
        opening = " ".join(goal.text.split()[:3])
        assert any(line.startswith(opening) for line in seen), (code, goal.text)


@pytest.mark.parametrize(("code", "size"), [("en", (1024, 600)), ("fr", (1280, 720))])
def test_the_briefing_shows_every_objective_whole(make_app, monkeypatch, code: str,
                                                  size: tuple[int, int]) -> None:
    drawn = record_drawn_text(monkeypatch)
    app = make_app(size, 1.0, language=code)
    game = new_game("example-three-country-cooperation", "MX")
    app.switch(BriefingScene(app, game))
    drawn.clear()
    app.frame(0.016)
    assert len(game.objectives()) == 4
    assert [line for line in drawn if line.endswith("…")] == []
    for objective in game.objectives():
        assert any(line.startswith("• " + objective.split()[0]) for line in drawn), objective


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_briefing_at_150_percent_text_still_shows_every_objective_whole(
        make_app, monkeypatch, size: tuple[int, int]) -> None:
    drawn = record_drawn_text(monkeypatch)
    app = make_app(size, 1.5, language="fr")
    game = new_game("example-three-country-cooperation", "MX")
    app.switch(BriefingScene(app, game))
    drawn.clear()
    app.frame(0.016)
    # An objective's wrapped lines are drawn one after another: joined, they give it whole.
    text = " ".join(drawn)
    for objective in game.objectives():
        assert "• " + objective in text, objective


def test_desk_of_a_home_country_has_its_own_tab(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game("regional-compact", "GT"))
    assert [k for k, _ in desk.tabs()] == ["goals", "home", DIPLOMACY]


@pytest.mark.parametrize(("size", "scale"), SIZES)
def test_briefing_report_and_debrief_fit_at_every_scale(make_app, size, scale) -> None:
    app = make_app(size, scale)
    game = new_game()
    scenes = [BriefingScene(app, game)]
    report = game.end_turn()
    scenes.append(ReportScene(app, game, report))
    while not game.finished:
        game.end_turn()
    for tab in ("charts", "timeline", "objectives", "discuss", "whatif", "export"):
        d = DebriefScene(app, game)
        d.tab = tab
        scenes.append(d)
    for scene in scenes:
        app.switch(scene)
        app.frame(0.016)
        assert layout_problems(app, scene) == [], scene.name
        assert unreachable_buttons(scene, app) == [], scene.name


def test_the_debrief_exports_a_csv_of_every_turn_and_png_charts(make_app, tmp_path) -> None:
    app = make_app()
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = DebriefScene(app, game)
    debrief.tab = "export"
    app.switch(debrief)
    debrief.entry.set_text(str(tmp_path / "class"))
    press(app, debrief.export_button)
    files = sorted(p.name for p in (tmp_path / "class").iterdir())
    assert "metrics.csv" in files
    assert sum(name.endswith(".png") for name in files) >= 3
    rows = list(csv.reader((tmp_path / "class" / "metrics.csv").open(encoding="utf-8")))
    assert len(rows) == 1 + game.turns
    assert "deaths_in_transit" in rows[0] and "baseline_deaths_in_transit" in rows[0]
    assert "Wrote" in debrief.message and not debrief.message_bad


def test_export_to_an_unwritable_place_says_why(make_app, tmp_path) -> None:
    app = make_app()
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = DebriefScene(app, game)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    debrief.folder_text = str(blocker / "inside")
    assert debrief.do_export() == []
    assert debrief.message_bad and "Could not write" in debrief.message


def test_the_advisors_forecast_follows_a_slider_once_it_rests(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game())
    desk.tab = "borders"
    app.switch(desk)
    desk.update(0.016)
    assert desk.forecast is not None, desk.forecast_note
    before = desk.forecast["us_border_encounters"]
    assert before[0] <= before[1] <= before[2]
    assert desk.try_set("border_agents", 18_000.0)
    desk._forecast_due = 0.0  # as if the slider had rested
    desk.update(0.016)
    assert desk.forecast is not None
    assert set(desk.forecast) >= {"us_border_encounters", "deaths_in_transit", "approval_us"}


def test_resizing_the_window_relays_out_the_desk_and_keeps_the_draft(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game())
    desk.tab = "borders"
    app.switch(desk)
    assert desk.try_set("border_agents", 17_500.0)
    app.process(pygame.event.Event(pygame.VIDEORESIZE, size=(1600, 900), w=1600, h=900))
    assert app.scene is desk
    assert desk.draft["border_agents"] == 17_500.0
    app.frame(0.016)
    assert desk.panel_rect.right <= app.screen.get_width()
    assert layout_problems(app, desk) == []


def test_the_desk_renders_its_panels_once_until_something_changes(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game())
    app.switch(desk)
    app.frame(0.016)
    chrome = desk._chrome
    app.frame(0.016)
    assert desk._chrome is chrome  # an animating map does not re-render the panels
    app.process(pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1), buttons=(0, 0, 0)))
    assert desk._chrome is chrome  # nor does the pointer moving
    desk.try_set("work_visas", 200_000.0)
    app.frame(0.016)
    assert desk._chrome is not chrome


def test_a_partners_offer_can_be_accepted_from_the_diplomacy_tab(make_app) -> None:
    from game.play.decisions import ProposeAgreement

    app = make_app()
    game = new_game()
    # Mexico's AI leader offers the US a burden-sharing deal (as it could in its own turn).
    game.session.submit(ProposeAgreement("MX", kind="burden_sharing", partners=("US",),
                                         terms={"share_us": 0.6, "share_mx": 0.4,
                                                "share_ca": 0.0}), scripted=True)
    [offer] = game.offers()
    desk = DeskScene(app, game)
    desk.tab = DIPLOMACY
    app.switch(desk)
    [row] = [r for r in desk.deal_rows if "offer" in r]
    app.frame(0.016)
    assert layout_problems(app, desk) == []
    press(app, row["accept"])
    assert game.offers() == []
    assert offer.status == "accepted"
    assert "accepted" in desk.message


def test_tiny_causes_are_summed_into_one_row_that_keeps_the_total() -> None:
    from game.play.report import Cause
    from game.ui.scenes.report import significant_causes

    causes = [Cause("lagged", "Earlier decisions", -15_000.0),
              Cause("season", "Season", -2_500.0),
              Cause("together", "Decisions acting together", 0.0000042),
              Cause("partner", "Mexico sets asylum officers to 75", 0.0),
              Cause("partner", "Canada sets work visas", -5.9)]
    rows = significant_causes(causes)
    assert [r.label for r in rows] == ["Earlier decisions", "Season", "Smaller effects together"]
    assert sum(r.value for r in rows) == pytest.approx(sum(c.amount for c in causes))
    assert significant_causes([]) == []
    assert significant_causes([Cause("season", "Season", 0.0)]) == []  # nothing to draw


def test_what_if_replays_a_turn_as_a_new_game_drawn_beside_the_first(make_app) -> None:
    app = make_app()
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = DebriefScene(app, game)
    debrief.tab = "whatif"
    app.switch(debrief)
    [(button, turn)] = [(b, n) for b, n in debrief.rewind_buttons if n == 3]
    press(app, button)
    desk = app.scene
    assert isinstance(desk, DeskScene)
    assert desk.game.turn == 3 and desk.game.session is not game.session
    assert desk.game.session.record.branch.parent_id == game.session.record.game_id
    # Play the replay to its end: the first game's debrief now draws both paths.
    while not desk.game.finished:
        desk.game.end_turn()
    again = DebriefScene(app, game)
    lines, baseline = again.family_lines("humanitarian_score")
    assert len(lines) == 2 and baseline is not None
    assert len(lines[1].values) == game.turns


def test_a_look_at_the_briefing_keeps_the_desks_unsent_changes(make_app) -> None:
    app = make_app()
    game = new_game()
    desk = DeskScene(app, game)
    app.switch(desk)
    assert desk.try_set("work_visas", 250_000.0)
    app.process(key(pygame.K_ESCAPE))
    assert isinstance(app.scene, BriefingScene)
    press(app, app.scene.desk_button)
    assert app.scene.draft == {"work_visas": 250_000.0}
    press(app, app.scene.end_button)
    assert game.draft() == {}
    assert game.session.table.policy.value("US", "work_visas") == 250_000.0


def test_the_what_if_tab_reads_the_saves_once_not_every_frame(make_app, monkeypatch) -> None:
    from game.play import saves

    app = make_app()
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = DebriefScene(app, game)
    debrief.tab = "whatif"
    app.switch(debrief)
    scans: list[int] = []
    real = saves.game_branches
    monkeypatch.setattr(saves, "game_branches", lambda *a, **k: scans.append(1) or real(*a, **k))
    for _ in range(30):
        app.frame(0.016)
    assert len(scans) == 1
    saves.autosave(game.session.record)  # a save changed: the next frame reads them again
    for _ in range(30):
        app.frame(0.016)
    assert len(scans) == 2


def test_the_goals_tab_says_where_each_objective_stands_and_what_the_advisors_expect(
        make_app) -> None:
    app = make_app()
    game = new_game()
    desk = DeskScene(app, game)
    app.switch(desk)
    assert desk.tab == "goals", "the desk opens on what the player is judged on"
    desk._refresh_forecast()
    app.frame(0.016)
    goals = game.goals()
    assert len(goals) == 3 and all(g.value is None for g in goals)
    # Every objective's metric that can be forecast is in the advisors' forecast.
    assert {g.metric for g in goals} <= set(desk.forecast or {})
    game.end_turn()
    after = game.goals()
    deaths = next(g for g in after if g.metric == "deaths_in_transit")
    assert deaths.judged is not None and deaths.reference is not None
    assert deaths.compare == "baseline" and deaths.side == "below"
    from game.play.goals import progress, status

    assert status(deaths) in ("On track", "Not yet")
    assert "against the status quo" in progress(deaths) and "turn 4" in progress(deaths)


def test_the_gauges_show_the_start_on_turn_one_and_a_neutral_middle_is_not_green(
        make_app) -> None:
    from game.ui.scenes.desk.drawing import gauges

    app = make_app()
    desk = DeskScene(app, new_game())
    app.switch(desk)
    shown = gauges(desk)
    assert all(value is not None for _, value, _, _ in shown), "no blank gauge on turn 1"
    humanitarian = next(v for label, v, _, _ in shown if label == "Humanitarian")
    assert humanitarian == 50.0
    app.frame(0.016)
    # The humanitarian gauge at the status quo is drawn in the neutral colour, not green.
    from game.ui import theme

    box = desk.top_rect
    pixels = {tuple(app.screen.get_at((x, y)))[:3] for x in range(box.left, box.right, 2)
              for y in range(box.top, box.bottom, 2)}
    assert tuple(theme.TEXT_DIM) in pixels


def test_canadas_safe_third_country_deal_is_offered_with_the_united_states(make_app) -> None:
    app = make_app()
    desk = DeskScene(app, new_game("example-three-country-cooperation", "CA"))
    assert desk._partners("safe_third_country") == ("US",)
    us_desk = DeskScene(app, new_game("tutorial", "US"))
    assert us_desk._partners("safe_third_country") == ("MX",)


def test_a_death_mark_stands_for_the_same_number_every_turn_of_a_game(make_app) -> None:
    app = make_app()
    game = new_game("the-45-days", "MX")
    desk = DeskScene(app, game)
    app.switch(desk)
    app.frame(0.016)
    first = desk.map_view.death_unit
    assert first >= 1
    game.end_turn()
    later = DeskScene(app, game)
    app.switch(later)
    app.frame(0.016)
    assert later.map_view.death_unit == first


def test_the_briefing_gives_the_levels_whole_period_not_the_first_turns(make_app) -> None:
    app = make_app()
    briefing = BriefingScene(app, new_game())
    app.switch(briefing)
    assert "2018-10 to 2019-09 · 4 turns of 3 months" in briefing._briefing_html()


def test_the_debrief_header_ends_with_the_last_month_played() -> None:
    game = new_game()
    while not game.finished:
        game.end_turn()
    debrief = game.debrief()
    assert debrief.months[-1] == "2019-07" and debrief.last_month == "2019-09"
