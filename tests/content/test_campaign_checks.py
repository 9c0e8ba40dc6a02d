"""The checker on a teacher's campaign: unlock rules name levels by id; file names still work."""

from __future__ import annotations

from pathlib import Path

from game.content.check import check_file, check_paths
from game.paths import LEVELS

CAMPAIGN = """format: borderlines-campaign/1
id: rivera
title: Ms Rivera's campaign
levels:
  - level: one.yaml
  - level: teacher-two
    unlock: {{after: [{after}]}}
"""


def campaign_folder(tmp_path: Path, after: str) -> Path:
    one = (LEVELS / "examples" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "one.yaml").write_text(one.replace("id: minimal", "id: teacher-one"),
                                       encoding="utf-8")
    two = (LEVELS / "examples" / "one-country-crisis.yaml").read_text(encoding="utf-8")
    (tmp_path / "two.yaml").write_text(two.replace("id: example-one-country-crisis",
                                                   "id: teacher-two"), encoding="utf-8")
    path = tmp_path / "campaign.yaml"
    path.write_text(CAMPAIGN.format(after=after), encoding="utf-8")
    return path


def test_an_unlock_by_the_level_id_inside_a_listed_file_is_clean(tmp_path: Path) -> None:
    path = campaign_folder(tmp_path, "teacher-one")
    assert check_paths([tmp_path]) == []
    assert check_paths([path]) == [], "the levels beside the campaign are found by id"
    assert check_file(path)[1] == []


def test_an_unlock_by_file_name_still_works_and_the_checker_suggests_the_id(
        tmp_path: Path) -> None:
    path = campaign_folder(tmp_path, "one")
    [problem] = check_paths([path])
    assert problem.severity == "warning" and problem.code == "unlock-order"
    assert (problem.line, problem.column) == (7, 13)
    assert "file name" in problem.message and "`teacher-one`" in problem.hint


def test_an_unlock_naming_no_level_of_the_campaign_is_an_error_with_a_suggestion(
        tmp_path: Path) -> None:
    path = campaign_folder(tmp_path, "teacher-on")
    [problem] = check_paths([path])
    assert problem.is_error and problem.code == "unlock-order"
    assert "not in this campaign" in problem.message and "teacher-one" in problem.hint


def test_an_unlock_by_id_of_a_level_listed_later_can_never_open(tmp_path: Path) -> None:
    path = campaign_folder(tmp_path, "teacher-one")
    path.write_text("""format: borderlines-campaign/1
id: rivera
title: Ms Rivera's campaign
levels:
  - level: teacher-two
    unlock: {after: [teacher-one]}
  - level: one.yaml
""", encoding="utf-8")
    [problem] = check_paths([path])
    assert problem.is_error and "comes later" in problem.message
