"""Generated sentences for briefings: which kecamatan improved most and which slipped, in the reader's language.

Example: "IKM Kecamatan Setu naik 3,20 poin menjadi 84,10 (mutu B)."
"""

from __future__ import annotations

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.rounding import round_half_up
from kpi.core.texts import TEXTS, tr
from kpi.metrics.analysis import partial_until
from kpi.report.labels import change_unit
from kpi.report.numfmt import number, with_unit


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
    """The size of a change with its unit, without sign ('3,20 poin'): the verb says the direction."""
    return f"{number(abs(delta), ind.decimals, lang)} {change_unit(ind, lang)}"


def _grade(row, ind: Indicator, catalogue: Catalogue, lang: str) -> str:
    band_set = catalogue.band_set(ind)
    if band_set is None or not isinstance(row.get("pita"), str):
        return ""
    key = f"narrative.grade.{band_set.name}"
    word = tr(key, lang) if key in TEXTS else ""
    return f" ({word} {row['pita']})" if word else f" ({row['pita']})"


def sentence(row, ind: Indicator, catalogue: Catalogue, lang: str = "id", against: str = "") -> str:
    """One sentence on one wilayah's change, e.g. 'IKM Kecamatan Setu naik 3,20 poin menjadi 84,10 (mutu B).';
    `against` names what the change is measured against when it is not the previous period."""
    where = (
        f"{tr('narrative.kec', lang)} {row['nama_wilayah']}"
        if row.get("tingkat") == "kecamatan"
        else row["nama_wilayah"]
    )
    subject = f"{ind.text('short', lang)} {where}"
    grade = _grade(row, ind, catalogue, lang)
    value = with_unit(row["nilai"], ind, lang)
    against = f" {against}" if against else ""
    if round_half_up(row["perubahan"], ind.decimals) == 0:
        return f"{subject} {tr('narrative.same', lang)} {value}{grade}{against}."
    verb = tr("narrative.up", lang) if row["perubahan"] > 0 else tr("narrative.down", lang)
    change = _change(row["perubahan"], ind, lang)
    return f"{subject} {verb} {change}{against} {tr('narrative.to', lang)} {value}{grade}."


def briefing(
    rows: pd.DataFrame, ind: Indicator, catalogue: Catalogue, lang: str = "id", n: int = 3
) -> tuple[list[str], list[str]]:
    """Sentences on the n wilayah that improved most and the n that slipped most. In a period still in progress
    (2026 with data to October) they compare like with like: the change against the same months a year earlier
    (like_for_like's perubahan_tahunan), and each sentence says so."""
    rows, against = _like_for_like(rows, lang)
    best, worst = movers(rows, ind, n)
    return (
        [sentence(r, ind, catalogue, lang, against) for r in best.to_dict("records")],
        [sentence(r, ind, catalogue, lang, against) for r in worst.to_dict("records")],
    )


def _like_for_like(rows: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, str]:
    """The rows with the change a partial period is read by, and the words for what it is measured against."""
    if rows.empty or "perubahan_tahunan" not in rows:
        return rows, ""
    period = str(rows["periode"].iloc[0])
    until = partial_until(rows, period)
    if until is None:
        return rows, ""
    then = periods.display(periods.same_period_last_year(until), lang)
    return rows.assign(perubahan=rows["perubahan_tahunan"]), tr("narrative.against_last_year", lang, until=then)
