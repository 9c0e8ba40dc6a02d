"""A crafted classroom save (valid checksum, wrong kinds of values) is a message, not a crash."""

from __future__ import annotations

import copy

import pytest

from game.play.classroom import Classroom, ClassSettings, Team
from game.play.record import GameRecord
from game.ui.scenes.class_handover import resume_class_scene
from game.ui.scenes.title import TitleScene
from tests.play.play_helpers import level


@pytest.mark.parametrize(("key", "value"), [("teacher_log", 5), ("teacher_log", None),
                                            ("timer_minutes", []), ("teams", "x")])
def test_resuming_a_class_whose_saved_state_has_wrong_kinds_says_why(make_app, key: str,
                                                                    value: object) -> None:
    room = Classroom(level("june-2019-crisis"),
                     ClassSettings((Team("Eagles", "US"), Team("Jaguars", "MX"))))
    room.commit("US")
    room.commit("MX")
    room.resolve()
    data = copy.deepcopy(room.record.to_dict())
    data["classroom"][key] = value
    app = make_app()
    scene = resume_class_scene(app, GameRecord.from_dict(data))
    assert isinstance(scene, TitleScene)
    assert scene.notice.startswith("That classroom session could not be resumed")
