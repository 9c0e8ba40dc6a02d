"""The epilogue panel both debriefs show: what really happened, with the level's picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import t
from game.ui import theme
from game.ui.scenes.kit import draw_wrapped, panel, wrap
from game.ui.widgets.picture import draw_picture

if TYPE_CHECKING:
    from game.play.stories import Epilogue

#: The tab of a level's epilogue, first in a debrief when the level has one.
EPILOGUE_TAB = ("epilogue", "Epilogue")


def draw_epilogue(surface: pygame.Surface, rect: pygame.Rect, epilogue: Epilogue) -> None:
    """The level's picture at the left (if it can be shown), then its text and source."""
    inner = panel(surface, rect, epilogue.title)
    f, small = theme.font(16), theme.font(13)
    text_rect = inner.copy()
    if epilogue.image:
        shown = draw_picture(surface, epilogue.image, pygame.Rect(
            inner.left, inner.top, inner.width * 2 // 5, inner.height))
        if shown is not None:
            text_rect = pygame.Rect(shown.right + theme.px(16), inner.top,
                                    inner.right - shown.right - theme.px(16), inner.height)
    # The source is kept whole (up to three lines): what the epilogue says must be checkable.
    source = wrap(small, t("Source: {s}", s=epilogue.source), text_rect.width)[:3]
    src_h = small.get_linesize() * len(source)
    used = draw_wrapped(surface, f, epilogue.text, pygame.Rect(
        text_rect.left, text_rect.top, text_rect.width, text_rect.height - src_h - theme.px(8)))
    draw_wrapped(surface, small, " ".join(source), pygame.Rect(
        text_rect.left, text_rect.top + used + theme.px(8), text_rect.width, src_h),
        theme.TEXT_DIM)
