"""The negotiations screen: every offer reachable page by page, threats and pledges in view."""

from __future__ import annotations

import pytest

from game.play.classroom import (
    Classroom,
    ClassSettings,
    Team,
    agreement_kinds_for,
    pledge_levers,
)
from game.ui.scenes.class_deals import ClassDealsScene, pages_of
from game.ui.scenes.class_handover import HandOverScene
from tests.play.play_helpers import level
from tests.ui.ui_helpers import (
    click,
    layout_problems,
    record_drawn_text,
    replace_text,
    unreachable_buttons,
)

SIX = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"),
       Team("Quetzales", "GT"), Team("Catrachos", "HN"), Team("Torogoces", "SV"))


def busy_room() -> Classroom:
    """Turn 2 of a six-team compact: the US team has six offers and five pledges waiting.

    In turn 1 the US team threatened Mexico with tariffs and committed; every other team then
    offered the US every agreement it could and pledged it one lever.
    """
    room = Classroom(level("regional-compact"), ClassSettings(SIX, rotate=False))
    room.propose("US", "tariff_threat", ["MX"], {"rate": 0.05, "target_reduction": 0.3,
                                                 "deadline_months": 2})
    room.commit("US")
    for country in ("MX", "CA", "GT", "HN", "SV"):
        for kind in agreement_kinds_for(country, ["US"]):
            if kind != "tariff_threat":
                room.propose(country, kind, ["US"])
        room.pledge(country, "US", pledge_levers(country)[0], 1.0, 2)
        room.commit(country)
    room.resolve()
    return room


def open_deals(app, room: Classroom, country: str) -> ClassDealsScene:
    hand_over = HandOverScene(app, room)
    app.switch(hand_over)
    app.switch(ClassDealsScene(app, room, country, hand_over))
    return app.scene


def test_pages_hold_whole_items_and_lose_none() -> None:
    assert pages_of([50] * 5, 200, 30) == [[0, 1, 2], [3, 4]]
    assert pages_of([50] * 4, 200, 30) == [[0, 1, 2, 3]], "no pager when all fit"
    assert pages_of([500, 20], 100, 30) == [[0], [1]], "an item taller than a page still shows"
    assert pages_of([], 100, 30) == [[]]


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_every_offer_is_reached_with_the_next_button(make_app, size) -> None:
    app = make_app(size)
    room = busy_room()
    waiting = {("proposal", p.id) for p in room.team_view("US").inbox} | {
        ("pledge", p.id) for p in room.pledges_for("US")}
    assert len(waiting) == 11
    deals = open_deals(app, room, "US")
    seen: set[tuple[str, int]] = set()
    pages = 0
    while True:
        app.frame(0.0)
        assert layout_problems(app, deals) == [], pages
        assert unreachable_buttons(deals, app) == []
        seen |= {("proposal", p.id) for _, p in deals.inbox_rows}
        seen |= {("pledge", p.id) for _, p in deals.pledge_rows}
        pages += 1
        forward = next(b for b, which, step in deals.pager_buttons
                       if which == "inbox" and step == 1)
        if not forward.is_enabled:
            break
        click(app, forward)
        assert pages < 12
    assert seen == waiting and pages >= 3
    assert deals.pager_lines[0][1].endswith("of 11")
    back = next(b for b, which, step in deals.pager_buttons if which == "inbox" and step == -1)
    click(app, back)
    assert deals.inbox_page == pages - 2
    # An answer on a later page works like one on the first.
    accept = next(b for b, _, answer in deals.answer_buttons if answer == "accept") \
        if deals.answer_buttons else next(b for b, _, ok in deals.pledge_buttons if ok)
    click(app, accept)
    assert not deals.message_bad, deals.message


def test_the_threatened_team_sees_the_threat_and_its_state(make_app) -> None:
    app = make_app((1024, 600))
    room = busy_room()
    deals = open_deals(app, room, "MX")
    app.frame(0.0)
    assert layout_problems(app, deals) == []
    [(_, notice)] = [(r, n) for r, n in deals.notice_rows if n.kind == "threat"]
    assert notice.text.startswith("Team Eagles threatens a 5% tariff on your exports")
    assert notice.state in ("deadline 2019-12", "lifted", "target met: no tariff",
                            "carried out: the tariff is in force")


def test_the_desk_says_a_threat_is_aimed_at_the_team(make_app, monkeypatch) -> None:
    app = make_app()
    room = Classroom(level("june-2019-crisis"), ClassSettings(SIX[:3]))
    room.propose("US", "tariff_threat", ["MX"], {"rate": 0.05, "target_reduction": 0.3,
                                                 "deadline_months": 2})
    room.commit("US")
    app.switch(HandOverScene(app, room))
    click(app, app.scene.go_button)
    click(app, app.scene.open_button)  # Mexico's briefing, then its desk
    desk = app.scene
    assert desk.country == "MX" and "tariff threat is aimed" in desk.message
    click(app, desk.tab_buttons[-1][0])  # Diplomacy
    drawn = record_drawn_text(monkeypatch)
    app.frame(0.0)
    assert "Threats and pledges made to you" in drawn
    # The state comes first, so a long sentence is cut at its end, never its deadline.
    assert any(line.startswith("Deadline 2019-08 · Team Eagles threatens a 5% tariff")
               for line in drawn), drawn


def test_a_counter_offer_that_does_not_add_up_is_refused_on_screen(make_app) -> None:
    app = make_app()
    room = Classroom(level("june-2019-crisis"), ClassSettings(SIX[:3]))
    room.propose("US", "burden_sharing", ["MX", "CA"],
                 {"share_us": 0.5, "share_mx": 0.3, "share_ca": 0.2})
    room.commit("US")
    deals = open_deals(app, room, "MX")
    click(app, next(b for b, _, answer in deals.answer_buttons if answer == "counter"))
    click(app, deals.entries["share_mx"])
    replace_text(app, "25%")
    click(app, deals.send_button)
    assert deals.message_bad and "add up to 100% (now 95%)" in deals.message
    assert [p.status for p in room.session.table.proposals] == ["pending"]
    assert "burden_sharing" not in [p.agreement.kind for p in room.session.table.active_pacts()]
