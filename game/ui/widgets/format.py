"""Readable numbers for axes, labels and tooltips: 950, 12k, 1.2M, −3.4k.

Digits are grouped, the decimal mark written and thousands, millions and billions abbreviated
as the current language does (:func:`game.i18n.format_number`, :func:`game.i18n.short_scales`):
12,400 and 1.2M in English, 12 mil and 1.2 M in Spanish, 12 400 and 1,2 M in French.
"""

from __future__ import annotations

import math

from game.i18n import format_number, short_scales

MINUS = "\u2212"  # a real minus sign: the same width as the plus in tabular layouts


def human_number(value: float, digits: int = 2) -> str:
    """``value`` with a k/M/B suffix and about ``digits`` significant digits (12k, 1.2M)."""
    if value != value:  # NaN
        return "–"
    v = abs(value)
    # No more than two decimals: a cause of +0.000091 reads as 0, not as a number to study.
    sign = MINUS if value < 0 and v >= 0.005 else ""
    thousand, million, billion = short_scales()
    for limit, suffix in ((1e9, billion), (1e6, million), (1e3, thousand)):
        if v >= limit * 0.9995:
            scaled = v / limit
            return sign + _significant(scaled, digits) + suffix
    if v >= 100 or v == 0:
        return sign + format_number(v)
    return sign + _significant(v, digits)


#: The most decimals a number is shown with.
MAX_DECIMALS = 2


def _significant(v: float, digits: int) -> str:
    if v >= 100:
        return format_number(v)
    decimals = min(MAX_DECIMALS, max(0, digits - 1 - int(math.floor(math.log10(v))))) \
        if v > 0 else 0
    text = f"{v:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    # Trailing zeros dropped in the plain form, then the language's own decimal mark.
    return format_number(float(text), len(text.partition(".")[2]))


def signed_number(value: float, digits: int = 2) -> str:
    """Like ``human_number`` with an explicit + for gains (+1.2k, −340)."""
    text = human_number(value, digits)
    return text if value < 0 or text == "0" else "+" + text


def grouped(value: float) -> str:
    """An exact count with thousands separators (1,240) for tooltips."""
    sign = MINUS if value < 0 else ""
    return sign + format_number(abs(value))


def nice_step(span: float, target: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) giving about ``target`` intervals."""
    if span <= 0 or span != span:
        return 1.0
    raw = span / max(1, target)
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if mult * power >= raw:
            return mult * power
    return 10 * power


def nice_ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values covering [low, high]; the first ≤ low and the last ≥ high."""
    if high < low:
        low, high = high, low
    if high == low:
        high = low + (abs(low) if low else 1.0)
    step = nice_step(high - low, target)
    start = math.floor(low / step + 1e-9) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
        if len(ticks) > 50:
            break
    if ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks
