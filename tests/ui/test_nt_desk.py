"""A Honduran team's desk: its approval gauge, its six home levers, what voters reacted to."""

from __future__ import annotations

from game.play.classroom import Classroom, ClassSettings, Team
from game.play.report import Cause, Headline
from game.ui.scenes.class_desk import ClassDeskScene
from game.ui.scenes.desk.drawing import forecast_metrics
from game.ui.scenes.report import drivers_line
from tests.play.play_helpers import level
from tests.ui.ui_helpers import layout_problems


def honduras_room() -> Classroom:
    teams = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Catrachos", "HN"))
    return Classroom(level("june-2019-crisis"), ClassSettings(teams))


def test_the_honduran_desk_shows_its_approval_from_the_start_and_six_home_levers(
        make_app) -> None:
    app = make_app()
    room = honduras_room()
    desk = ClassDeskScene(app, room, "HN")
    app.switch(desk)
    app.frame(0.0)
    label, value, low, high = desk.gauges()[0]
    assert label == "Approval" and value is not None and 30 < value < 80 and (low, high) == (0, 100)
    assert [s.name for s in desk.levers("home")] == [
        "violence_prevention", "exit_controls", "reintegration", "police_reform",
        "youth_employment", "consular_protection"]
    desk.tab = "home"
    desk._rebuild()
    app.frame(0.0)
    assert layout_problems(app, desk) == []
    assert forecast_metrics("HN")[-1] == "approval_hn"  # the advisors forecast it too


def test_what_voters_reacted_to_reads_largest_first_and_skips_what_did_not_move() -> None:
    h = Headline("approval_hn", "Approval (Honduras)", "0–100", 55.0, 53.0, 2.0, None, 1,
                 drivers=(Cause("driver", "Homicides", 0.8), Cause("driver", "Overspending", 0.0),
                          Cause("driver", "Citizens abroad", -1.6)))
    assert drivers_line(h) == "Voters reacted to: Citizens abroad −1.6 · Homicides +0.8"
    calm = Headline("approval_hn", "Approval (Honduras)", "0–100", 55.0, 55.0, 0.0, None, 1,
                    drivers=(Cause("driver", "Homicides", 0.01),))
    assert drivers_line(calm) == "What voters weigh barely moved this turn."
