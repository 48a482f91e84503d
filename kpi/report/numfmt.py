"""Numbers as readers expect them: 1.234,5 in Bahasa Indonesia, 1,234.5 in English. The one place for this."""

from __future__ import annotations

import math

from kpi.core.catalogue import Indicator
from kpi.core.rounding import round_half_up


def number(value, decimals: int, lang: str = "id") -> str:
    """1.234,5 in Bahasa Indonesia, 1,234.5 in English, rounded half up; an em dash when missing."""
    try:
        missing = value is None or not math.isfinite(float(value))
    except (TypeError, ValueError):
        missing = True
    if missing:
        return "—"
    text = f"{round_half_up(float(value), decimals):,.{decimals}f}"  # as the official bands round: 88,305 → 88,31
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def with_unit(value, ind: Indicator, lang: str = "id") -> str:
    """A value with the indicator's decimals and unit: '88,31 poin', '62,5%'."""
    text = number(value, ind.decimals, lang)
    unit = ind.text("unit", lang)
    if text == "—" or not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def short_value(value: object, ind: Indicator, lang: str = "id") -> str:
    """A value for a narrow card or a bar label: the number with '%' but without longer units ('84,10', '62,5%')."""
    text = number(value, ind.decimals, lang)
    return f"{text}%" if text != "—" and ind.text("unit", lang) == "%" else text


def signed(delta, decimals: int, lang: str = "id") -> str:
    """A change with its sign, using ASCII '-' ('+2,1', '-0,4', '±0,0')."""
    text = number(abs(delta) if delta is not None else None, decimals, lang)
    if text == "—":
        return text
    rounded = round_half_up(float(delta), decimals)
    return ("+" if rounded > 0 else "-" if rounded < 0 else "±") + text
