"""A class whose teams decide at the same time (students' devices) — the hot-seat rules aside."""

from __future__ import annotations

import pytest

from game.play.classroom import Classroom, ClassSettings, Team, resume_classroom
from game.play.decisions import DecisionRejected
from tests.play.play_helpers import level

TEAMS = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))


def room(simultaneous: bool) -> Classroom:
    return Classroom(level("june-2019-crisis"), ClassSettings(TEAMS, simultaneous=simultaneous))


def test_hot_seat_still_takes_teams_in_order() -> None:
    hot = room(False)
    with pytest.raises(DecisionRejected):
        hot.set_lever(hot.order[-1], "asylum_officers", 100)


def test_every_team_may_decide_and_commit_in_any_order() -> None:
    together = room(True)
    for country in reversed(together.order):
        together.set_lever(country, "asylum_officers", 100)
        together.commit(country)
    assert together.ready
    with pytest.raises(DecisionRejected, match="already committed"):
        together.set_lever("US", "asylum_officers", 200)
    together.resolve()
    assert together.turn == 2


def test_the_teacher_reopens_a_commit_and_ends_the_turn_with_the_drafts_so_far() -> None:
    together = room(True)
    together.set_lever("MX", "asylum_officers", 100)
    together.commit("MX")
    together.reopen("MX")
    assert together.committed == []
    together.set_lever("CA", "asylum_officers", 200)
    together.commit_everyone(skip=["CA"])
    assert together.ready and together.desk.draft("CA") == {}
    together.resolve()
    assert together.session.table.policy.value("MX", "asylum_officers") == 100
    assert together.session.table.policy.value("CA", "asylum_officers") != 200


def test_the_mode_travels_in_the_save() -> None:
    together = room(True)
    together.set_lever("US", "asylum_officers", 900)
    again = resume_classroom(together.record)
    assert again.settings.simultaneous and again.desk.draft("US") == {"asylum_officers": 900}
