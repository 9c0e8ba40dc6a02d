"""Saves survive SIGKILL at any moment: every file left loads and no completed turn is lost.

A child process plays an endless game, autosaving every turn (and now and then a named save and
the settings), and prints the number of each turn once its autosave call has returned. The test
kills it at a random moment, many times, each time resuming the same game the way Continue does.
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

from game.play import saves
from game.play.atomic import is_temp_file
from game.play.settings import load_settings

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

KILLS = 30

CHILD = r"""
import sys
from game.play import saves
from game.play.record import GameRecord, TurnRecord, level_hash_of
from game.play.settings import Settings, save_settings

# A big level text makes each write take long enough for kills to land inside it.
level = "format: borderlines-level/1\nid: kill\n" + "# padding line for a long level\n" * 6000
found = saves.find_autosave()
if found.message and found.save is not None:
    print("WARNING " + found.message, flush=True)
record = found.save.record if found.save else GameRecord(
    level_id="kill", level_hash=level_hash_of(level), level_source=level, seed=3,
    players={"US": "human"}, game_id="killtest0001", level_title="Kill test")
print("ready", record.turn, flush=True)
while True:
    n = record.turn + 1
    record.turns.append(TurnRecord(turn=n, decisions=[{"kind": "set_lever", "value": n}],
                                   events=[], state_hash=f"{n:064x}",
                                   metrics={"m": float(n)}))
    saves.autosave(record)
    if n % 3 == 0:
        saves.save_slot(record, "class")
        save_settings(Settings(volume=(n % 10) / 10))
    print("saved", n, flush=True)
"""


def run_and_kill(env: dict[str, str], delay_s: float) -> tuple[int, int, list[str]]:
    """Start the child, kill it ``delay_s`` after it is ready; (resumed turn, last saved, warns)."""
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    first = child.stdout.readline().split()
    if first and first[0] == "WARNING":
        first = child.stdout.readline().split()
    assert first[:1] == ["ready"], (first, child.stderr.read() if child.stderr else "")
    resumed = int(first[1])
    time.sleep(delay_s)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # A kill can land in the middle of the child's last line ("saved" without its number): only
    # whole lines count as saved turns; what is on disk is checked by Continue, not by this.
    saved = [int(m.group(1)) for m in re.finditer(r"^saved (\d+)$", out, flags=re.M)]
    warnings = [line for line in out.splitlines() if line.startswith("WARNING")]
    return resumed, max(saved, default=resumed), warnings


def test_saves_survive_thirty_kills_at_random_moments(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "user"
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(data_dir))
    env = {**os.environ, "BORDERLINES_DATA_DIR": str(data_dir)}
    chooser = random.Random(20190607)  # the date of the US–Mexico joint declaration
    last_completed = 0
    files_checked = 0
    torn_writes = 0  # kills that landed inside a write (its temporary file was left behind)
    for kill in range(KILLS):
        delay = chooser.uniform(0.0, 0.12)
        resumed, last_saved, warnings = run_and_kill(env, delay)
        where = f"kill {kill + 1} after {delay:.3f} s"
        # Continue found every turn whose autosave had finished before the kill, with no warning.
        assert resumed >= last_completed, f"{where}: resumed at {resumed}, {last_completed} saved"
        assert warnings == [], where
        last_completed = max(last_completed, last_saved)
        found = saves.find_autosave()
        assert found.message == "", where
        assert found.save is not None and found.save.record.turn >= last_completed, (
            f"{where}: {found.save.record.turn if found.save else None} < {last_completed}")
        for path in data_dir.rglob("*"):
            if is_temp_file(path):
                torn_writes += 1
                path.unlink()  # what remove_stale_temp_files does once the file is old
                continue
            if path.is_dir():
                continue
            if path.name == "settings.json":
                assert load_settings(path).message == ""
            else:
                saves.read_save(path)  # raises SaveError on a torn file
            files_checked += 1
    assert last_completed > KILLS  # the child really did save between kills
    assert files_checked >= KILLS
    print(f"{KILLS} kills, {torn_writes} inside a write, {files_checked} files checked, "
          f"{last_completed} turns saved")
