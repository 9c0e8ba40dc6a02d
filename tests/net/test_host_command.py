"""`borderlines host`: the address, code and PIN on the console, then the class over the wire."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from game.cli import main


def test_a_public_address_is_refused(capsys) -> None:
    assert main(["host", "june-2019-crisis", "--bind", "8.8.8.8"]) == 2
    assert "local-network" in capsys.readouterr().err


def test_nothing_to_resume_says_so(capsys) -> None:
    assert main(["host", "--continue"]) == 1
    assert "no hosted class" in capsys.readouterr().err


def test_an_unknown_level_says_so(capsys) -> None:
    assert main(["host", "no-such-level", "--bind", "127.0.0.1"]) == 1
    assert "no-such-level" in capsys.readouterr().err


def test_the_command_serves_a_class_that_plays_to_its_end() -> None:
    from websockets.sync.client import connect

    command = [sys.executable, "-m", "game", "host", "june-2019-crisis", "--bind", "127.0.0.1",
               "--port", "0", "--teams", "US,MX", "--linger", "0", "--headless"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ))
    try:
        assert process.stdout is not None
        lines = {}
        while len(lines) < 3:
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "no output"
            key, _, value = line.partition("  ")
            lines[key.strip()] = value.strip()
        url = lines["Students open"].replace("http://", "ws://") + "ws"
        code, pin = lines["Join code"], lines["Teacher PIN"]
        assert len(code) == 6 and len(pin) == 4
        with connect(url) as ws:
            ws.send(json.dumps({"type": "join", "code": code, "team": "US", "name": "Ana"}))
            assert json.loads(ws.recv(timeout=10))["type"] == "welcome"
            for _ in range(4):  # every turn of the level, ended by the teacher
                ws.send(json.dumps({"type": "teacher", "pin": pin, "action": "end_turn"}))
                answer: dict = {}
                while answer.get("type") not in ("teacher", "error"):
                    answer = json.loads(ws.recv(timeout=30))
                assert answer["type"] == "teacher", answer
        assert process.wait(timeout=60) == 0
        assert "The session is over" in process.stdout.read()
    finally:
        process.kill()
