"""``borderlines kit``: the files it writes and its messages when it cannot (issue 18)."""

from __future__ import annotations

import re

import pytest

from game.cli import main


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF holds (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b", data))


def test_kit_writes_the_html_and_the_pdf_and_prints_their_paths(tmp_path, capsys) -> None:
    out = tmp_path / "kits"
    assert main(["kit", "june-2019-crisis", "--out", str(out)]) == 0
    html, pdf = out / "june-2019-crisis-kit.html", out / "june-2019-crisis-kit.pdf"
    assert capsys.readouterr().out.split() == [str(html), str(pdf)]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and pdf_pages(data) > 1
    text = html.read_text(encoding="utf-8")
    for country in ("United States", "Mexico", "Canada"):
        assert f"Role card: {country}" in text


def test_kit_takes_a_level_file_a_language_and_a4(tmp_path, capsys) -> None:
    from game.paths import LEVELS

    path = LEVELS / "classroom" / "regional-compact.yaml"
    assert main(["kit", str(path), "--out", str(tmp_path), "--language", "fr",
                 "--paper", "a4", "--teams", "4"]) == 0
    text = (tmp_path / "regional-compact-kit.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in text and "Fiche de rôle" in text and "4 équipes" in text
    from game.i18n import set_language

    set_language("en")


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-level"], "no level file or shipped level called 'no-such-level'"),
    (["june-2019-crisis", "--teams", "9"], "--teams must be between 1 and 6"),
])
def test_kit_says_what_is_wrong_without_a_traceback(args, message, capsys, tmp_path) -> None:
    code = main(["kit", *args, "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code in (1, 2) and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_kit_refuses_a_file_given_as_the_folder(tmp_path, capsys) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["kit", "june-2019-crisis", "--out", str(target)]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"


def test_kit_says_when_the_folder_cannot_be_written(tmp_path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["kit", "june-2019-crisis", "--out", str(blocker / "inside")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("borderlines kit: cannot write into ") and "Traceback" not in err


def test_kit_lists_a_broken_levels_errors(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: borderlines-level/1\nid: bad\ntitle: Bad\n", encoding="utf-8")
    assert main(["kit", str(bad), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "cannot be made into a kit" in err
