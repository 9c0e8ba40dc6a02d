"""Deals read in full and negotiated: the Diplomacy tab's rows and the terms screen."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click, layout_problems, record_drawn_text, replace_text, tap

from game.content.catalog import shipped_levels
from game.play.game import SoloGame
from game.ui.scenes.deal_terms import DealTermsScene, read_term, term_text
from game.ui.scenes.desk import DIPLOMACY, DeskScene
from game.ui.scenes.start import make_session


def diplomacy(make_app, size=(1280, 720)) -> DeskScene:  # type: ignore[no-untyped-def]
    [entry] = [e for e in shipped_levels() if e.id == "the-45-days"]
    app = make_app(size)
    desk = DeskScene(app, SoloGame(make_session(entry.level, "MX", None, autoplay=False), "MX"))
    desk.tab = DIPLOMACY
    app.switch(desk)
    app.frame(0.016)
    return desk


def row_for(desk: DeskScene, kind: str) -> dict:  # type: ignore[type-arg]
    [row] = [r for r in desk.deal_rows if r.get("kind") == kind]
    return row


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_diplomacy_tab_shows_every_deal_and_the_pact_in_force_in_full(
        make_app, monkeypatch, size) -> None:
    desk = diplomacy(make_app, size)
    drawn = record_drawn_text(monkeypatch)
    desk.invalidate()
    desk.app.frame(0.016)
    text = " ".join(drawn)
    assert "In force: Remain in Mexico with the United States" in text
    assert "8,000" in text  # its term, readable before anything is decided
    assert not [line for line in drawn if line.endswith("…")]
    assert not layout_problems(desk.app, desk)


def test_propose_opens_the_terms_with_their_defaults_and_sends_only_on_request(make_app) -> None:
    desk = diplomacy(make_app)
    app = desk.app
    click(app, row_for(desk, "burden_sharing")["button"])
    form = app.scene
    assert isinstance(form, DealTermsScene)
    assert {n: e.get_text() for n, e in form.entries.items()} == {
        "share_us": "60%", "share_mx": "25%", "share_ca": "15%"}
    assert not desk.table.proposals, "opening the form sends nothing"
    assert not layout_problems(app, form)
    click(app, form.back_button)
    assert app.scene is desk and not desk.table.proposals


def test_terms_that_break_the_rules_are_refused_on_the_form_then_sent_when_fixed(
        make_app) -> None:
    desk = diplomacy(make_app)
    app = desk.app
    click(app, row_for(desk, "burden_sharing")["button"])
    form = app.scene
    click(app, form.entries["share_mx"])
    replace_text(app, "95%")
    tap(app, pygame.K_TAB)
    click(app, form.send_button)
    assert app.scene is form and form.message_bad
    assert "100%" in form.message
    assert not desk.table.proposals
    click(app, form.entries["share_mx"])
    replace_text(app, "25")
    tap(app, pygame.K_TAB)
    click(app, form.send_button)
    assert app.scene is desk
    # (The partners may answer with a counter-offer of their own.)
    [proposal] = [p for p in desk.table.proposals if p.by == "MX"]
    assert proposal.terms["share_mx"] == pytest.approx(0.25)
    # The partner's answer (or its wait) is said on the desk.
    assert desk.message


def test_a_field_reads_percentages_plain_shares_and_thousands() -> None:
    assert read_term("25%", "share") == pytest.approx(0.25)
    assert read_term("0.25", "share") == pytest.approx(0.25)
    assert read_term("25", "share") == pytest.approx(0.25)
    assert read_term("12,000", "people per month") == 12_000
    assert term_text(0.05, "tariff rate") == "5%"
    with pytest.raises(ValueError):
        read_term("lots", "share")
