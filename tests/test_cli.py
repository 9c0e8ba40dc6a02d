"""The command line answers --help and --version without opening a window."""

from __future__ import annotations

import subprocess
import sys

from game import __version__
from game.cli import COMMANDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True)


def test_help_lists_every_command() -> None:
    out = run("--help")
    assert out.returncode == 0
    for name in COMMANDS:
        assert name in out.stdout


def test_version_prints_the_package_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_an_unknown_command_is_a_usage_error() -> None:
    out = run("no-such-command")
    assert out.returncode == 2
    assert "invalid choice" in out.stderr
