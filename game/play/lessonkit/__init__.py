"""The lesson kit (issue 18): a level's lesson plan, role cards, glossary and exit ticket.

``build_kit(level)`` gathers the content (:mod:`.content`, plain data); :mod:`.document` lays
it out as sections of blocks; :mod:`.html` and :mod:`.pdf` render those blocks; ``write_kit``
writes both files atomically.
"""

from __future__ import annotations

from game.play.lessonkit.content import LessonKit, LeverLine, RoleCard, build_kit
from game.play.lessonkit.files import PAPERS, kit_paths, write_kit
from game.play.lessonkit.plan import LessonPlan, lesson_plan, turns_that_fit

__all__ = ["PAPERS", "LessonKit", "LessonPlan", "LeverLine", "RoleCard", "build_kit",
           "kit_paths", "lesson_plan", "turns_that_fit", "write_kit"]
