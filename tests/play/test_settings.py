"""Settings: defaults when missing, repaired when damaged, saved atomically, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.play import settings as settings_module
from game.play.settings import (
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    settings_path,
    update_settings,
)


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def test_a_missing_settings_file_means_defaults_and_no_message() -> None:
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.message == ""


def test_settings_live_in_the_users_config_folder(user_dir: Path) -> None:
    assert user_dir in settings_path().parents
    assert settings_path().name == "settings.json"


def test_saved_settings_load_back_identical() -> None:
    chosen = Settings(language="es", ui_scale=1.5, colourblind=True, reduced_motion=True,
                      fullscreen=True, volume=0.25, custom_levels_dir="/home/teacher/levels")
    path = save_settings(chosen)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "borderlines-settings/1"
    assert load_settings().settings == chosen


def test_a_corrupt_settings_file_gives_defaults_and_is_kept_as_bad() -> None:
    path = settings_path()
    path.write_text('{"language": "fr", "ui_sca', encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "damaged" in loaded.message and "settings.json.bad" in loaded.message
    assert path.with_name("settings.json.bad").read_text(encoding="utf-8").startswith('{"lang')
    assert not path.exists()


def test_binary_garbage_in_the_settings_file_gives_defaults() -> None:
    settings_path().write_bytes(b"\xff\xfe\x00garbage\x9c")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.message


def test_a_json_list_is_not_settings() -> None:
    settings_path().write_text("[1, 2, 3]", encoding="utf-8")
    assert load_settings().settings == Settings()


def test_bad_values_are_reset_one_by_one_and_named() -> None:
    settings_path().write_text(json.dumps({"language": "fr", "ui_scale": 5, "volume": "loud",
                                           "colourblind": True, "unknown": 1}),
                               encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.language == "fr"
    assert loaded.settings.colourblind is True
    assert loaded.settings.ui_scale == Settings().ui_scale
    assert loaded.settings.volume == Settings().volume
    assert "ui_scale" in loaded.message and "volume" in loaded.message


@pytest.mark.parametrize(
    "change",
    [{"ui_scale": 0.5}, {"ui_scale": 2.5}, {"ui_scale": float("nan")}, {"volume": -0.1},
     {"volume": 1.5}, {"language": "English please"}, {"fullscreen": "yes"},
     {"custom_levels_dir": 3}],
)
def test_out_of_range_settings_are_refused(change: dict) -> None:
    with pytest.raises(SettingsError):
        update_settings(Settings(), **change)


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(SettingsError, match="unknown setting"):
        update_settings(Settings(), volumes=1.0)


def test_integer_scales_are_accepted_as_numbers() -> None:
    settings_path().write_text(json.dumps({"ui_scale": 2, "volume": 1}), encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.ui_scale == 2.0 and loaded.settings.volume == 1.0
    assert loaded.message == ""


def test_settings_are_written_through_the_atomic_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = settings_module.write_atomic
    monkeypatch.setattr(settings_module, "write_atomic",
                        lambda path, data: calls.append(path) or real(path, data))
    save_settings(Settings(volume=0.5))
    assert calls == [settings_path()]


def test_a_config_folder_that_cannot_be_created_means_defaults(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(blocker / "user"))
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "not available" in loaded.message
    with pytest.raises(OSError):  # the settings screen shows "Could not save the settings: …"
        save_settings(Settings())


# --- hostile values (tests/README.md, "Hostile input") -------------------------------------


@pytest.mark.parametrize("written", [
    '{"volume": ' + "9" * 5000 + "}",  # Python refuses to read a number this long
    '{"volume": NaN, "language": "fr"}',
    '{"ui_scale": Infinity}',
    '{"custom_levels_dir": "/home/a\\u0000b"}',  # a NUL makes every file call fail
    '{"custom_levels_dir": "' + "x" * 5000 + '"}',
    '{"custom_levels_dir": "levels\\nmore"}',
])
def test_a_hostile_value_is_reset_named_briefly_and_the_file_set_aside(written: str) -> None:
    path = settings_path()
    path.write_text(written, encoding="utf-8")
    loaded = load_settings()
    assert loaded.message and len(loaded.message) < 400
    assert path.with_name("settings.json.bad").read_text(encoding="utf-8") == written
    assert not path.exists()
    assert loaded.settings.volume == Settings().volume
    assert loaded.settings.custom_levels_dir == ""


def test_a_settings_file_far_too_big_is_set_aside_unread() -> None:
    path = settings_path()
    with path.open("wb") as handle:  # sparse
        handle.truncate(settings_module.MAX_BYTES * 100)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "settings.json.bad" in loaded.message
