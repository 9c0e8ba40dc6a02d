"""Whatever a player tries at the desk, the game answers with a message or a sound turn."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from play_helpers import level

from game.play.decisions import (
    DecisionRejected,
    ProposeAgreement,
    SetLever,
    ThreatenTariff,
    WithdrawAgreement,
)
from game.play.session import Session
from game.sim.registry import AGREEMENTS, LEVERS


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))


US_LEVERS = [spec for spec in LEVERS.values() if "US" in spec.countries]


@st.composite
def lever_choice(draw):
    spec = draw(st.sampled_from(US_LEVERS))
    if spec.kind == "choice":
        value = draw(st.sampled_from(spec.choices + ("nonsense",)))
    else:
        value = draw(st.floats(spec.low - 10, spec.high * 1.2, allow_nan=False))
    return SetLever("US", spec.name, value)


@st.composite
def diplomacy(draw):
    kind = draw(st.sampled_from(sorted(AGREEMENTS)))
    partners = tuple(draw(st.lists(st.sampled_from(["MX", "CA", "GT"]), max_size=2)))
    return draw(st.sampled_from([
        ProposeAgreement("US", kind, partners),
        WithdrawAgreement("US", kind),
        ThreatenTariff("US", "MX", draw(st.floats(0, 0.3)), draw(st.floats(0, 1)),
                       draw(st.integers(0, 14))),
    ]))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(lever_choice(), diplomacy()), max_size=6))
def test_any_decisions_give_a_message_or_a_sound_turn(decisions) -> None:
    session = Session(level("regional-approach"))
    for decision in decisions:
        try:
            session.submit(decision)
        except DecisionRejected as rejected:
            assert str(rejected).strip() and "Traceback" not in str(rejected)
        # The level starts within its budget, and no accepted choice may break it.
        assert session.spending("US") <= session.table.budgets["US"] + 1e-6
    report = session.end_turn()
    assert all(math.isfinite(v) for v in report.metrics.values())
    assert all(0 <= report.metrics[s] <= 100 for s in ("humanitarian_score", "political_score_us"))
