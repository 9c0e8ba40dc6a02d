"""A level's agreements start and end mid-level, told in the news; objectives on them and shares."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.content import load_level
from game.i18n import set_language
from game.paths import LEVELS
from game.play.decisions import WithdrawAgreement
from game.play.goals import progress
from game.play.record import GameRecord
from game.play.session import Session

EXAMPLE = LEVELS / "examples" / "deals-that-come-and-go.yaml"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    set_language("en")


def kinds(session: Session) -> set[str]:
    return {a.kind for a in session.table.policy.agreements}


def news(report: object) -> list[str]:
    return [n.text for n in report.news]  # type: ignore[attr-defined]


def small_level(tmp_path: Path, agreements: str, objectives: str, turns: int = 4) -> Path:
    head = ("format: borderlines-level/1\nid: timed\ntitle: T\nsummary: S\nstart: 2019-06\n"
            f"turns: {turns}\nseed: 3\ncountries:\n  US:\n    agreements:\n")
    text = (head + textwrap.indent(textwrap.dedent(agreements), " " * 6)
            + "  MX: {playable: false}\nobjectives:\n"
            + textwrap.indent(textwrap.dedent(objectives), "  "))
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_agreement_comes_into_force_at_its_turn_and_ends_at_its_turn(tmp_path: Path) -> None:
    path = small_level(tmp_path, """\
        - kind: returns_acceptance
          with: MX
          starts: {turn: 2}
          ends: {turn: 4}
        """, """\
        - {id: keep, text: Keep it, agreement: returns_acceptance, turn: 3}
        - {id: gone, text: Gone at the end, agreement: returns_acceptance, in_force: false}
        """)
    session = Session(load_level(path), ai=False)
    assert "returns_acceptance" not in kinds(session)
    first = session.play_turn()
    assert not any("Returns acceptance" in n for n in news(first))
    assert "returns_acceptance" in kinds(session)  # in force for turn 2's decisions
    second = session.play_turn()
    assert "Now in force: Returns acceptance (the United States and Mexico)" in news(second)
    session.play_turn()
    assert "returns_acceptance" not in kinds(session)
    fourth = session.play_turn()
    assert "No longer in force: Returns acceptance (the United States and Mexico)" in \
        news(fourth)
    goals = {o.id: o for o in session.objectives()}
    assert goals["keep"].met and goals["keep"].final
    assert goals["gone"].met and goals["gone"].kind == "agreement"
    assert session.clock.history[0] == frozenset()
    assert "is not in force" in progress(goals["gone"])


def test_a_condition_brings_an_agreement_into_force_the_turn_after(tmp_path: Path) -> None:
    path = small_level(tmp_path, """\
        - kind: returns_acceptance
          with: MX
          starts:
            when: {all: [{metric: approval_us, above: 0}, {metric: deaths_in_transit, above: 0}],
                   from_turn: 2}
            news: The returns deal starts.
        """, """\
        - {id: keep, text: Keep it, agreement: returns_acceptance, between: [US, MX]}
        """)
    session = Session(load_level(path), ai=False)
    session.play_turn()
    assert "returns_acceptance" not in kinds(session)  # the window opens at turn 2
    session.play_turn()
    third = session.play_turn()
    assert "The returns deal starts." in news(third)
    assert session.clock.in_force("returns_acceptance", ["US", "MX"]) == [False, False, True]


def test_players_can_end_a_level_agreement_and_the_objective_says_so(tmp_path: Path) -> None:
    path = small_level(tmp_path, """\
        - kind: returns_acceptance
          with: MX
          starts: {turn: 2}
          ends: {turn: 3}
        """, """\
        - {id: keep, text: Keep it, agreement: returns_acceptance}
        """, turns=3)
    session = Session(load_level(path), ai=False)
    session.play_turn()
    session.play_turn([WithdrawAgreement("US", "returns_acceptance")])
    third = session.play_turn()
    # The players ended it first: the level's own end has nothing left to announce.
    assert not any(n.startswith("No longer in force") for n in news(third))
    goal = session.objectives()[0]
    assert not goal.met and goal.value == 0.0
    assert progress(goal).startswith("Returns acceptance is not in force; needs it in force")


def test_the_example_level_plays_to_the_end_and_replays_to_the_same_state() -> None:
    session = Session(load_level(EXAMPLE), ai=True)
    texts: list[str] = []
    while not session.finished:
        texts += news(session.play_turn())
    assert "The returns deal with Mexico comes into force." in texts
    assert any(t.startswith("Now in force: Safe third country") for t in texts)
    assert "Mexico's government, under pressure at home, ends Remain in Mexico." in texts
    assert "A photograph from a crowded border town is on every front page." in texts
    goals = {o.id: o for o in session.debrief().objectives}
    share = goals["fewer-families"]
    assert share.kind == "share" and 0 < (share.value or 0) < 0.2
    assert "as a share of US border encounters" in progress(share)
    relations = goals["relations"]
    # A relative objective shows its change and what it is against, not the bare value.
    assert "against the start" in progress(relations)
    record = GameRecord.from_dict(session.record.to_dict())
    replayed = Session.from_record(record)
    assert replayed.replay_mismatches == []
    assert replayed.state_hash() == session.state_hash()
    assert {o.id: o.met for o in replayed.objectives()} == {k: g.met for k, g in goals.items()}
