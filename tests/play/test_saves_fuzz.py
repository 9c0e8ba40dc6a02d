"""No damaged save file can crash the loader: every cut and every flipped byte is a SaveError
(or, where the change is only whitespace, the very same game)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.play import saves
from game.play.record import GameRecord, TurnRecord, level_hash_of
from game.play.saves import SaveError

LEVEL = "format: borderlines-level/1\nid: tutorial\ntitle: Tutorial — ¿migración?\n"


def a_record() -> GameRecord:
    record = GameRecord(level_id="tutorial", level_hash=level_hash_of(LEVEL), level_source=LEVEL,
                        seed=9, players={"US": "human", "MX": "ai:hardliner"},
                        game_id="fuzz00000001", created="2026-11-29T10:00:00Z")
    for n in (1, 2):
        record.turns.append(TurnRecord(
            turn=n, decisions=[{"type": "set_lever", "country": "MX", "lever": "border_agents",
                                "value": 6000.0 * n}],
            events=[{"kind": "caravan", "month": "2019-06"}], state_hash=f"{n:064x}",
            metrics={"deaths_in_transit": 41.5 * n}, baseline_metrics={"deaths_in_transit": 40.0}))
    return record


RECORD = a_record()
DATA = saves.encode_save(RECORD, kind="manual", slot="fuzz")


def test_every_truncation_of_a_save_is_a_save_error() -> None:
    reasons = set()
    for length in range(len(DATA.rstrip())):  # the final newline is optional
        with pytest.raises(SaveError) as caught:
            saves.decode_save(DATA[:length])
        reasons.add(caught.value.reason)
    # A cut file is reported as what it is, not as some foreign file.
    assert reasons <= {"empty", "truncated", "damaged"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(min_value=0, max_value=len(DATA) - 1),
       value=st.integers(min_value=0, max_value=255))
def test_a_changed_byte_is_caught_or_harmless(position: int, value: int) -> None:
    damaged = bytearray(DATA)
    damaged[position] = value
    try:
        loaded = saves.decode_save(bytes(damaged))
    except SaveError as error:
        assert str(error)
        return
    assert loaded.record == RECORD


@settings(max_examples=100, deadline=None)
@given(junk=st.binary(max_size=2048))
def test_arbitrary_bytes_are_a_save_error(junk: bytes) -> None:
    with pytest.raises(SaveError):
        saves.decode_save(junk)


def test_the_fuzzed_save_itself_loads(tmp_path: Path) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(DATA)
    assert saves.read_save(path).record == RECORD
