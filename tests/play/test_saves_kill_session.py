"""A real game killed mid-turn under autoplay resumes with Continue at the last completed turn.

The child process plays the first shipped level with an AI leader for every country, autosaving
through the session's turn-end hook, and prints each turn once ``end_turn`` has returned. Once its
first turn is saved it is killed at a random moment — inside the simulation, the report, or the
save — and restarted with ``resume_latest()``, as ``borderlines play --continue --autoplay`` does.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.paths import LEVELS

SHIPPED = sorted(p for p in [*LEVELS.glob("campaign/*.yaml"), *LEVELS.glob("classroom/*.yaml")]
                 if re.search(r"^format:\s*borderlines-level/", p.read_text(encoding="utf-8"),
                              re.MULTILINE))
KILLS = 8

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

CHILD = r"""
import sys
from pathlib import Path
from game.content import load_level
from game.play.levelview import LevelView
from game.play.saves import autosave_session, resume_latest
from game.play.session import Session

session, message = resume_latest()
if session is None:
    path = Path(sys.argv[1])
    level = load_level(path)
    view = LevelView(level)
    players = {c: f"ai:{view.personality(c)}" for c in view.countries}
    session = Session(level, players=players, source=path.read_text(encoding="utf-8"))
    session.on_turn_end = autosave_session
print("ready", session.record.turn, flush=True)
while not session.finished:
    session.play_turn()
    print("saved", session.record.turn, flush=True)
print("finished", flush=True)
"""


def test_a_game_killed_under_autoplay_resumes_at_its_last_completed_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "user"
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(data_dir))
    env = {**os.environ, "BORDERLINES_DATA_DIR": str(data_dir)}
    chooser = random.Random(2019)
    completed = 0
    kills = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(SHIPPED[0])], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready[:1] == ["ready"], child.communicate()[1]
        # Continue stood exactly at the last turn whose end_turn had returned (or later).
        assert int(ready[1]) >= completed
        if completed == 0:
            # Killed before its first autosave, a game leaves nothing to continue: on a loaded
            # machine a turn can outlast the whole random delay, so wait for the first save.
            first = child.stdout.readline().split()
            assert first[:1] == ["saved"], child.communicate()[1]
            completed = int(first[1])
        time.sleep(chooser.uniform(0.0, 0.08))  # a turn takes ~20–100 ms
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        # Read through the same buffered pipe as readline() above: communicate() reads the raw
        # descriptor and would lose lines readline() had already buffered ("finished" among
        # them when the child ran to the end before the kill).
        out, err = child.stdout.read(), child.stderr.read() if child.stderr else ""
        lines = out.splitlines()
        completed = max([completed, *(int(x.split()[1]) for x in lines if x.startswith("saved"))])
        if "finished" in lines:
            break
        assert child.returncode == -signal.SIGKILL, err
        kills += 1
    from game.play.saves import resume_latest

    resumed, message = resume_latest()
    assert resumed is not None and message == ""
    assert resumed.record.turn >= completed
    assert resumed.replay_mismatches == []
    assert kills >= 1, "the level ended before the test could kill it mid-game"
    print(f"{kills} kills, resumed at turn {resumed.record.turn} of {resumed.turns}")
