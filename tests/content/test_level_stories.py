"""A level's story cards, epilogue and pictures: checked where they are written, like the rest."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

from game.content.check import check_file
from game.content.check_stories import MAX_IMAGE_SIDE, image_problem
from game.content.loader import load_level
from game.content.models.stories import STORY_OUTCOMES
from game.paths import LEVELS

EXAMPLE = LEVELS / "examples" / "story-beats.yaml"
IMAGES = LEVELS / "examples" / "images"

BASE = """format: borderlines-level/1
id: stories-test
title: Stories
summary: A level that tells its own stories.
start: 2020-02
turns: 3
countries:
  US: {}
objectives:
  - id: fewer-deaths
    text: Fewer deaths
    metric: deaths_in_transit
    compare: baseline
    below: 0%
"""


def png(width: int, height: int) -> bytes:
    """A valid grey PNG of the given size (written by hand: no pygame in the content tests)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_level(folder: Path, extra: str) -> Path:
    path = folder / "level.yaml"
    path.write_text(BASE + extra, encoding="utf-8")
    return path


#: The note that a level set after 2019 is a what-if for the model: true of these 2020 levels,
#: and not what these tests are about.
DATED = "date-outside-data"


def problems(folder: Path, extra: str) -> list[tuple[int, str, str, str]]:
    _, found = check_file(write_level(folder, extra))
    return [(p.line, p.severity, p.code, p.message) for p in found if p.code != DATED]


def test_the_example_level_checks_clean_and_knows_its_folder() -> None:
    level, found = check_file(EXAMPLE)
    assert [p.code for p in found] == [DATED]
    assert level.folder == EXAMPLE.parent.resolve()
    assert [c.id for c in level.stories] == ["borders-close", "title-42", "remittances"]
    assert level.epilogue is not None and level.epilogue.image == "images/eta-track.jpg"
    assert {e.kind for e in level.events} >= {"epidemic", "flood", "news"}


def test_cards_and_an_epilogue_with_pictures_in_a_subfolder_pass(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "camp.png").write_bytes(png(40, 30))
    shutil.copy(IMAGES / "eta-track.jpg", tmp_path / "pics" / "track.jpeg")
    found = problems(tmp_path, """stories:
  - title: A camp
    text: People wait.
    source: A newspaper, 2020
    image: pics/camp.png
    turn: 2
epilogue:
  text: What happened.
  source: A report, 2021
  image: pics/track.jpeg
""")
    assert found == []
    level = load_level(tmp_path / "level.yaml")
    assert level.stories[0].turn == 2 and level.stories[0].image == "pics/camp.png"


@pytest.mark.parametrize(("image", "says"), [
    ("missing.png", "no such file in the level's folder"),
    ("../outside.png", "outside the level's folder"),
    ("/etc/passwd.png", "outside the level's folder"),
    ("C:/pictures/camp.png", "outside the level's folder"),
    ("pics\\\\camp.png", "uses `\\` between folders"),
    ("camp.gif", "is not a PNG or JPEG file"),
])
def test_a_bad_image_name_is_reported_on_its_line(tmp_path: Path, image: str, says: str) -> None:
    (tmp_path.parent / "outside.png").write_bytes(png(20, 20))
    found = problems(tmp_path, f"""stories:
  - title: A camp
    text: People wait.
    source: A newspaper, 2020
    image: "{image}"
""")
    assert [(line, sev, code) for line, sev, code, _ in found] == [(19, "error", "bad-image")]
    assert says in found[0][3]


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "level"
    inside.mkdir()
    (tmp_path / "secret.png").write_bytes(png(20, 20))
    (inside / "link.png").symlink_to(tmp_path / "secret.png")
    found = problems(inside, "epilogue:\n  text: Then.\n  source: A report\n  image: link.png\n")
    assert [code for _, _, code, _ in found] == ["bad-image"]
    assert "leads outside the level's folder" in found[0][3]


@pytest.mark.parametrize(("content", "says"), [
    (b"plain text, not a picture", "not a PNG or JPEG image"),
    (png(40, 30)[:60], "cut short"),
    (png(40, 30)[:-13] + b"\x00\x00\x00\x00IEND\x00\x00\x00\x00", "checksum does not match"),
    (png(20, 20)[:45] + b"\x00" + png(20, 20)[46:], "checksum does not match"),
    (png(8, 8), "only 8×8 pixels"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "cut short"),
])
def test_a_file_that_is_not_a_drawable_picture_is_explained(tmp_path: Path, content: bytes,
                                                            says: str) -> None:
    (tmp_path / "camp.png").write_bytes(content)
    problem = image_problem(tmp_path / "camp.png")
    assert problem is not None and says in problem[0]


def test_a_huge_picture_and_an_empty_one_are_refused(tmp_path: Path) -> None:
    (tmp_path / "wide.png").write_bytes(png(MAX_IMAGE_SIDE + 1, 16))
    problem = image_problem(tmp_path / "wide.png")
    assert problem is not None and f"{MAX_IMAGE_SIDE + 1}×16 pixels" in problem[0]
    assert image_problem(IMAGES / "remittances-2020.png") is None
    assert image_problem(IMAGES / "eta-track.jpg") is None


def test_a_story_after_the_last_turn_or_with_two_timings_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, """stories:
  - title: Late
    text: Too late.
    source: A paper
    turn: 4
  - title: Both
    text: Two timings.
    source: A paper
    turn: 1
    outcome: calm
  - id: same
    title: One
    text: One.
    source: A paper
  - id: same
    title: Two
    text: Two.
    source: A paper
""")
    assert [(line, code) for line, _, code, _ in found] == [
        (19, "turn-outside-level"), (24, "event-timing"), (29, "duplicate-id")]


def test_an_unknown_outcome_and_a_missing_source_are_errors_with_hints(tmp_path: Path) -> None:
    found = problems(tmp_path, """stories:
  - title: A card
    text: Its text.
    outcome: deaths_risen
""")
    assert [(line, code) for line, _, code, _ in found] == [(16, "missing-field"),
                                                            (18, "bad-choice")]
    _, found_problems = check_file(tmp_path / "level.yaml")
    choice = next(p for p in found_problems if p.code == "bad-choice")
    assert choice.hint == "did you mean `deaths_rise`?"


def test_only_the_levels_stories_without_any_is_a_warning(tmp_path: Path) -> None:
    found = problems(tmp_path, "built_in_stories: false\n")
    assert [(sev, code) for _, sev, code, _ in found] == [("warning", "missing-field")]


def test_untranslated_card_texts_are_warned_but_sources_keep_their_language(
        tmp_path: Path) -> None:
    found = problems(tmp_path, """stories:
  - title: {en: A camp, es: Un campamento}
    text: People wait.
    source: The Guardian, 2020
""")
    warned = {line for line, _, code, _ in found if code == "missing-translation"}
    assert 17 in warned and 18 not in warned  # the text, not the source
    assert all(sev == "warning" for _, sev, _, _ in found)


def test_the_story_outcomes_are_those_the_game_chooses_from() -> None:
    from game.play import stories

    chosen = {o for o, _, _ in stories._OUTCOMES} | {"separations", "tariff", "calm"}
    assert set(STORY_OUTCOMES) == chosen
    assert {s.outcome for s in stories.STORIES} <= set(STORY_OUTCOMES)
