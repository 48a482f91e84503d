"""Number formatting in the reader's language: 1.234,5 in Bahasa Indonesia, 1,234.5 in English."""

from __future__ import annotations

import pandas as pd

from kpi.core.catalogue import Indicator
from kpi.core.texts import tr
from kpi.metrics.targets import STATUSES
from kpi.report import labels, numfmt


def number(value: float | None, decimals: int, lang: str = "id") -> str:
    """A number with thousands separators and a fixed number of decimals, or an em dash when missing."""
    return numfmt.number(value, decimals, lang)


def value(value: float | None, ind: Indicator, lang: str = "id") -> str:
    """A value with the indicator's decimals and unit, e.g. '84,10 poin' or '62,5%'."""
    return numfmt.with_unit(value, ind, lang)


def short_value(value: float | None, ind: Indicator, lang: str = "id") -> str:
    """A value for a narrow card: the number, with '%' but without longer units ('84,10', '62,5%')."""
    return numfmt.short_value(value, ind, lang)


def unit_label(ind: Indicator, lang: str = "id") -> str:
    """The unit to show beside a label, or '' for percentages (the value carries '%')."""
    unit = ind.text("unit", lang)
    return "" if unit == "%" else unit


def change(delta: float | None, ind: Indicator, lang: str = "id") -> str | None:
    """A signed change as displayed, in points for percentages ('+2,1 poin', '-0,4 poin', '±0,0 poin'); ASCII '-'
    so Streamlit draws a down arrow, and '±' when it rounds to zero so no arrow is drawn for it."""
    return labels.change_text(delta, ind, lang)


_STATUS_COLOURS = {"tercapai": "green", "mendekati": "orange", "belum_tercapai": "red"}


def status_badge(status: str | None, ind: Indicator, catalogue, lang: str = "id") -> str:
    """A coloured Markdown badge for a target status or an official band (e.g. 'B (Baik)')."""
    if not isinstance(status, str):
        return ""
    if status in STATUSES:
        return f":{_STATUS_COLOURS[status]}-badge[{tr(f'status.{status}', lang)}]"
    band_set = catalogue.band_set(ind)
    codes = [b.code for b in band_set.bands]
    pos = codes.index(status) / max(len(codes) - 1, 1)
    colour = "green" if pos == 0 else "blue" if pos < 0.4 else "orange" if pos < 0.8 else "red"
    return f":{colour}-badge[{band_set.bands[codes.index(status)].label[lang]}]"


def ranking_table(rows, ind: Indicator, catalogue, lang: str = "id"):
    """A display table of one snapshot: rank, wilayah, value, target, status — formatted as text. A wilayah without
    a value has no rank ('—', listed last by the snapshot) and says 'Tidak ada data' as its status."""

    def head(key: str) -> str:
        return tr(key, lang)

    status = [labels.status_label(s, ind, catalogue, lang) or tr("no_data", lang) for s in rows["status"]]
    return {
        head("col_rank"): ["—" if pd.isna(r) else str(int(r)) for r in rows["peringkat"]],
        head("col_wilayah"): list(rows["nama_wilayah"]),
        head("col_value"): [value(v, ind, lang) for v in rows["nilai"]],
        head("target"): [value(v, ind, lang) for v in rows["target"]],
        head("col_status"): status,
    }
