"""Number formatting in the reader's language: 1.234,5 in Bahasa Indonesia, 1,234.5 in English."""
from __future__ import annotations

import math

from babel.numbers import format_decimal

from kpi.catalogue import Indicator
from kpi.targets import STATUS_LABELS


def number(value: float | None, decimals: int, lang: str = "id") -> str:
    """A number with thousands separators and a fixed number of decimals, or an em dash when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=lang)


def value(value: float | None, ind: Indicator, lang: str = "id") -> str:
    """A value with the indicator's decimals and unit, e.g. '84,10 poin' or '62,5%'."""
    text = number(value, ind.decimals, lang)
    unit = ind.text("unit", lang)
    if text == "—":
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def short_value(value: float | None, ind: Indicator, lang: str = "id") -> str:
    """A value for a narrow card: the number, with '%' but without longer units ('84,10', '62,5%')."""
    text = number(value, ind.decimals, lang)
    return f"{text}%" if text != "—" and ind.text("unit", lang) == "%" else text


def unit_label(ind: Indicator, lang: str = "id") -> str:
    """The unit to show beside a label, or '' for percentages (the value carries '%')."""
    unit = ind.text("unit", lang)
    return "" if unit == "%" else unit


def change(delta: float | None, ind: Indicator, lang: str = "id") -> str | None:
    """A signed change, in points for percentages ('+2,1 poin'); ASCII '-' so Streamlit draws a down arrow."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return None
    sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
    unit = ("poin" if lang == "id" else "pts") if ind.text("unit", lang) == "%" else ind.text("unit", lang)
    return f"{sign}{number(abs(delta), ind.decimals, lang)} {unit}"


_STATUS_COLOURS = {"tercapai": "green", "mendekati": "orange", "belum_tercapai": "red"}


def status_badge(status: str | None, ind: Indicator, catalogue, lang: str = "id") -> str:
    """A coloured Markdown badge for a target status or an official band (e.g. 'B (Baik)')."""
    if not isinstance(status, str):
        return ""
    if status in STATUS_LABELS[lang]:
        return f":{_STATUS_COLOURS[status]}-badge[{STATUS_LABELS[lang][status]}]"
    band_set = catalogue.band_set(ind)
    codes = [b.code for b in band_set.bands]
    pos = codes.index(status) / max(len(codes) - 1, 1)
    colour = "green" if pos == 0 else "blue" if pos < 0.4 else "orange" if pos < 0.8 else "red"
    return f":{colour}-badge[{band_set.bands[codes.index(status)].label[lang]}]"
