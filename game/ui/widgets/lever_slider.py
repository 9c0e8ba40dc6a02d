"""A slider for a lever whose plausible range spans two orders of magnitude.

Humanitarian visas run from 0 to 500,000 while the United States starts at 5,000: on a linear
slider the whole status quo sits in the first pixel and a 30-pixel drag asks for 150,000. The
slider's track is therefore a square-root scale (fine near small values, coarse near the top),
and the keyboard steps in round units of the country's own size (500 visas, 1,000 agents, $20M).
"""

from __future__ import annotations

import math

import pygame
from pygame_gui.core.interfaces import IUIManagerInterface
from pygame_gui.elements import UIHorizontalSlider

#: Positions on the track; the value is ``low + (high - low) * (position / TRACK) ** 2``.
TRACK = 1000
#: Key presses that make one Page Up / Page Down (and one Shift+arrow).
BIG_STEP = 10


def nice_floor(x: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not above ``x`` (x > 0)."""
    power = 10 ** math.floor(math.log10(x))
    for k in (5, 2, 1):
        if k * power <= x * (1 + 1e-9):
            return float(k * power)
    return float(power)


def key_step(low: float, high: float, typical: float) -> float:
    """One arrow press: a tenth of the country's typical value, in round units.

    ``typical`` is the country's starting value; a tenth of it is a change a player can feel,
    and never finer than a thousandth of the range (so the ends are reachable).
    """
    base = max(abs(typical), (high - low) / 100) / 10
    return max(nice_floor(base), nice_floor((high - low) / 1000))


def round_to_figures(value: float, low: float, high: float) -> float:
    """A dragged value to two significant figures and whole units (17,384 → 17,000)."""
    if value <= low:
        return low
    if value >= high:
        return high
    magnitude = max(1.0, 10.0 ** (math.floor(math.log10(value)) - 1))
    return min(high, max(low, round(value / magnitude) * magnitude))


class LeverSlider(UIHorizontalSlider):
    """A horizontal slider over ``[low, high]`` on a square-root track, with a keyboard step."""

    def __init__(self, rect: pygame.Rect, value: float, low: float, high: float, step: float,
                 manager: IUIManagerInterface) -> None:
        self.low, self.high, self.step = float(low), float(high), float(step)
        super().__init__(rect, self.position_of(value), (0, TRACK), manager=manager,
                         click_increment=TRACK / 100)
        #: The exact value last shown, while the handle has not been dragged since.
        self._shown = (float(value), float(self.get_current_value()))

    def position_of(self, value: float) -> float:
        """Where ``value`` sits on the track."""
        span = self.high - self.low
        if span <= 0:
            return 0.0
        k = min(1.0, max(0.0, (value - self.low) / span))
        return TRACK * math.sqrt(k)

    def value_of(self, position: float) -> float:
        """The lever value at a track position."""
        k = min(1.0, max(0.0, position / TRACK))
        return self.low + (self.high - self.low) * k * k

    @property
    def value(self) -> float:
        """The value under the handle: the one last shown, or a dragged one rounded."""
        exact, position = self._shown
        if float(self.get_current_value()) == position:
            return exact
        return round_to_figures(self.value_of(float(self.get_current_value())), self.low,
                                self.high)

    def show_value(self, value: float) -> None:
        """Move the handle to ``value`` (no event is sent)."""
        self.set_current_value(self.position_of(value), warn=False)
        self._shown = (float(value), float(self.get_current_value()))

    def stepped(self, value: float, presses: int) -> float:
        """``value`` moved by ``presses`` keyboard steps, on the step grid, kept in range."""
        # Off-grid values (typed, or from a level) first snap to the next grid point that way.
        if presses > 0:
            moved = (math.floor(value / self.step + 1e-9) + presses) * self.step
        else:
            moved = (math.ceil(value / self.step - 1e-9) + presses) * self.step
        return min(self.high, max(self.low, moved))
