"""Hostile text: team names, spreadsheet cells and terminal output a student or author typed.

A name of only a zero-width space, two names a projector shows alike, a name with a line break;
``=HYPERLINK(…)`` as a team name in a CSV; an ANSI escape in a level key printed by ``check``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from game.play.class_export import csv_text, spreadsheet_safe, write_report
from game.play.classroom import Classroom, ClassroomError, ClassSettings, Team, class_debrief
from game.play.team_names import lookalike_key, normal_name
from tests.play.play_helpers import level

ZWSP = "\u200b"


def refused(*names: str) -> str:
    teams = tuple(Team(name, country) for name, country in zip(names, ("US", "MX", "CA"),
                                                               strict=False))
    with pytest.raises(ClassroomError) as caught:
        Classroom(level("june-2019-crisis"), ClassSettings(teams))
    return str(caught.value)


@pytest.mark.parametrize("invisible", [ZWSP, ZWSP * 3, " \u2060 ", "\u200d\u200c", "\u0301"])
def test_a_name_with_nothing_visible_is_refused(invisible: str) -> None:
    assert "needs a name" in refused("Eagles", invisible)


@pytest.mark.parametrize("bad", ["Eagles\x00", "\x1b[31mRed", "Ea\x7fgles", "\x9b31mEagles"])
def test_a_name_with_a_control_character_is_refused(bad: str) -> None:
    assert "control characters" in refused(bad, "Jaguars")


def test_line_breaks_and_tabs_in_a_name_become_single_spaces() -> None:
    assert Team("Ea\ngles\t\r\nUnited", "US").name == "Ea gles United"


@pytest.mark.parametrize(("first", "second"), [
    ("Eagles", f"Eag{ZWSP}les"),  # differs only by an invisible character
    ("Eagles", "EAGLES"),
    ("Eagles", "Ｅａｇｌｅｓ"),  # full-width letters
    ("Moose", "Mооse"),  # Cyrillic o
    ("Café", "Cafe\u0301"),  # the same letters typed two ways (NFC)
    ("Blue  Team", "Blue\nTeam"),
])
def test_two_names_that_look_alike_are_refused(first: str, second: str) -> None:
    assert "Two teams are called" in refused(first, second)
    assert lookalike_key(first) == lookalike_key(second)


def test_names_are_stored_in_nfc_with_single_spaces() -> None:
    team = Team("  Cafe\u0301   Olé ", "US")
    assert team.name == "Café Olé" == normal_name("Café Olé")
    room = Classroom(level("june-2019-crisis"), ClassSettings((team, Team("Жаба", "MX"))))
    assert [t.name for t in room.settings.teams] == ["Café Olé", "Жаба"]


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3",
                                  "@SUM(A1)", "\t=1", "\r=1", "＝1"])
def test_a_formula_like_cell_is_written_as_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    [row] = list(csv.reader(io.StringIO(csv_text([[cell]]), newline="")))
    assert row == ["'" + cell.replace("\r", "\n")]  # a lone CR would split the row


@pytest.mark.parametrize("cell", ["-12.5", "+3", "Eagles", "", 42, -1.5, None])
def test_numbers_and_plain_text_are_left_alone(cell: object) -> None:
    assert spreadsheet_safe(cell) == cell


def test_a_class_report_quotes_a_team_named_like_a_formula(tmp_path: Path) -> None:
    teams = (Team('=HYPERLINK("http://x.invalid")', "US"), Team("Jaguars", "MX"))
    room = Classroom(level("june-2019-crisis"), ClassSettings(teams))
    for _ in range(room.session.turns):
        for country in list(room.order):
            room.commit(country)
        room.resolve()
    write_report(tmp_path / "report", class_debrief(room), room.record)
    for path in (tmp_path / "report").glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            assert not any(cell.startswith("=") for cell in row), (path.name, row)
    teams_csv = (tmp_path / "report" / "teams.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in teams_csv


def test_the_checker_never_prints_a_control_character(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    path = tmp_path / "escape.yaml"
    path.write_text("format: borderlines-level/1\nid: x\ntitle: T\nsummary: S\nstart: 2019-06\n"
                    "turns: 4\n\"\\e[2J\\e[31mboom\\u202e\": 1\ncountries: {US: {}}\n",
                    encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[2J\\x1b[31mboom\\u202e" in out
