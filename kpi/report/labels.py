"""Labels people read, each said once: a target status or an official band, the unit and the text of a change,
a level, the city's name, and a period whose data stop early."""

from __future__ import annotations

import math

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.metrics.analysis import partial_until
from kpi.metrics.targets import STATUSES
from kpi.report.numfmt import signed


def status_label(code: object, ind: Indicator, catalogue: Catalogue, lang: str = "id") -> str | None:
    """'Tercapai' for a target status, the official band's label ('B (Baik)') for a band code, None when missing."""
    if not isinstance(code, str):
        return None
    if code in STATUSES:
        return tr(f"status.{code}", lang)
    band_set = catalogue.band_set(ind)
    return next((b.label[lang] for b in band_set.bands if b.code == code), code) if band_set else code


def change_unit(ind: Indicator, lang: str = "id") -> str:
    """The unit of a change: points for percentages ('poin' / 'points'), else the indicator's unit."""
    unit = ind.text("unit", lang)
    return tr("unit.points", lang) if unit == "%" else unit


def change_text(delta: float | None, ind: Indicator, lang: str = "id") -> str | None:
    """A signed change with its unit ('+2,1 poin', '-0,4 hari kerja', '±0,0 poin'), None when missing."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return None
    return f"{signed(delta, ind.decimals, lang)} {change_unit(ind, lang)}"


def level_label(level: str, lang: str = "id", short: bool = False) -> str:
    """'Kecamatan (district)', or 'Kecamatan' when short."""
    label = tr(f"level.{level}", lang)
    return label.split(" (")[0] if short else label


def city_name(register: Register, lang: str = "id") -> str:
    """'Kota Tangerang Selatan' / 'Tangerang Selatan (city)'."""
    name = register.kota.nama
    return name if name.lower().startswith("kota ") else tr("trend.city", lang, name=name)


def period_text(period: str, until: str | None, lang: str = "id") -> str:
    """'2026', or '2026 (s.d. Okt 2026)' for a period whose data stop at `until` (see partial_until)."""
    shown = periods.display(period, lang)
    return shown if until is None else f"{shown} ({tr('comparison.until', lang)} {periods.display(until, lang)})"


def period_label(rows: pd.DataFrame, period: str, lang: str = "id") -> str:
    """'2026', or '2026 (s.d. Okt 2026)' when the rows' data stop before the period ends."""
    return period_text(period, partial_until(rows, period), lang)
