"""Generated sentences for briefings: which kecamatan improved most and which slipped, in the reader's language.

Example: "IKM Kecamatan Setu naik 3,20 poin menjadi 84,10 (mutu B)."
"""

from __future__ import annotations

import pandas as pd

from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.methods.bands import round_half_up
from kpi.report.numfmt import number, with_unit

WORDS = {
    "id": {
        "up": "naik",
        "down": "turun",
        "to": "menjadi",
        "pts": "poin",
        "same": "tetap di",
        "grade": {"ikm_mutu": "mutu", "ombudsman_zona": "zona"},
        "kec": "Kecamatan",
    },
    "en": {
        "up": "rose",
        "down": "fell",
        "to": "to",
        "pts": "points",
        "same": "held at",
        "grade": {"ikm_mutu": "grade", "ombudsman_zona": "zone"},
        "kec": "Kecamatan",
    },
}


def movers(rows: pd.DataFrame, ind: Indicator, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n wilayah that improved most and the n that slipped most against the previous period.

    'Improved' follows the indicator's direction: a fall in completion time is an improvement. Rows without a
    change (no previous value) are left out; ties keep code order.
    """
    rows = rows[rows["perubahan"].notna()]
    gain = rows["perubahan"] if ind.higher_is_better else -rows["perubahan"]
    ordered = rows.assign(_gain=gain).sort_values(["_gain", "kode_wilayah"], ascending=[False, True], kind="stable")
    best = ordered[ordered["_gain"] > 0].head(n)
    worst = ordered[ordered["_gain"] < 0].sort_values(["_gain", "kode_wilayah"], kind="stable").head(n)
    return best.drop(columns="_gain"), worst.drop(columns="_gain")


def _change(delta: float, ind: Indicator, lang: str) -> str:
    unit = ind.text("unit", lang)
    unit = WORDS[lang]["pts"] if unit == "%" else unit
    return f"{number(abs(delta), ind.decimals, lang)} {unit}"


def _grade(row, ind: Indicator, catalogue: Catalogue, lang: str) -> str:
    band_set = catalogue.band_set(ind)
    if band_set is None or not isinstance(row.get("pita"), str):
        return ""
    word = WORDS[lang]["grade"].get(band_set.name, "")
    return f" ({word} {row['pita']})" if word else f" ({row['pita']})"


def sentence(row, ind: Indicator, catalogue: Catalogue, lang: str = "id") -> str:
    """One sentence on one wilayah's change, e.g. 'IKM Kecamatan Setu naik 3,20 poin menjadi 84,10 (mutu B).'"""
    w = WORDS[lang]
    where = f"{w['kec']} {row['nama_wilayah']}" if row.get("tingkat") == "kecamatan" else row["nama_wilayah"]
    subject = f"{ind.text('short', lang)} {where}"
    grade = _grade(row, ind, catalogue, lang)
    value = with_unit(row["nilai"], ind, lang)
    if round_half_up(row["perubahan"], ind.decimals) == 0:
        return f"{subject} {w['same']} {value}{grade}."
    verb = w["up"] if row["perubahan"] > 0 else w["down"]
    return f"{subject} {verb} {_change(row['perubahan'], ind, lang)} {w['to']} {value}{grade}."


def briefing(
    rows: pd.DataFrame, ind: Indicator, catalogue: Catalogue, lang: str = "id", n: int = 3
) -> tuple[list[str], list[str]]:
    """Sentences on the n wilayah that improved most and the n that slipped most."""
    best, worst = movers(rows, ind, n)
    return (
        [sentence(r, ind, catalogue, lang) for r in best.to_dict("records")],
        [sentence(r, ind, catalogue, lang) for r in worst.to_dict("records")],
    )
