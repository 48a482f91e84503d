"""Time series of one indicator as frames: the wilayah drawn as lines, the series with the city and the target,
the year-on-year table; a period still in progress is marked (sebagian). Missing periods stay as NaN rows, so lines break
instead of dropping to zero."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.core.wilayah import Register
from kpi.metrics import analysis
from kpi.metrics.analysis import incomplete_until

# sebagian: the period is not yet complete (its data stop at periode_akhir, before the period ends)
COLUMNS = [
    "kode_wilayah",
    "nama_wilayah",
    "tingkat",
    "periode",
    "tanggal",
    "nilai",
    "target",
    "periode_akhir",
    "sebagian",
]


YOY_COLUMNS = [
    "kode_wilayah",
    "nama_wilayah",
    "tingkat",
    "periode",
    "periode_lalu",
    "nilai",
    "nilai_tahun_lalu",
    "perubahan_tahunan",
    "arah_tahunan",
]


def lines_for(
    register: Register, level: str, kecamatan: Sequence[str] = (), kelurahan: Sequence[str] = ()
) -> tuple[list[str], str | None]:
    """The wilayah drawn as lines besides the city, and the kecamatan they were limited to when nothing was chosen.

    Kelurahan are drawn for the chosen kelurahan, else the kelurahan of the chosen kecamatan, else those of the
    first kecamatan only (54 lines are unreadable), which is returned so the page can say so."""
    if level == "kota":
        return [], None
    if level == "kecamatan":
        return list(kecamatan) or [u.kode for u in register.level("kecamatan")], None
    if kelurahan:
        return list(kelurahan), None
    limited = None if kecamatan else register.level("kecamatan")[0].kode
    parents: list[str | None] = list(kecamatan) or [limited]
    return [u.kode for u in register.level("kelurahan") if u.kode_induk in parents], limited


def series(table_level: pd.DataFrame, table_kota: pd.DataFrame, ind: Indicator, codes: Sequence[str]) -> pd.DataFrame:
    """Long frame of the chosen wilayah and the city: one row per wilayah and period from the first to the last
    period with data (missing ones as NaN rows), with the period's end date and target, sorted by wilayah, date."""
    keep = ["kode_wilayah", "nama_wilayah", "tingkat", "periode", "periode_akhir", "nilai"]
    city = table_kota[table_kota["indikator"] == ind.id]
    own = table_level[
        (table_level["indikator"] == ind.id)
        & table_level["kode_wilayah"].isin(list(codes))
        & (table_level["tingkat"] != "kota")
    ]
    rows = pd.concat([own[keep], city[keep]], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    present = set(rows["kode_wilayah"])
    order = [c for c in dict.fromkeys(codes) if c in present] + list(dict.fromkeys(city["kode_wilayah"]))
    labels = sorted(rows["periode"].unique(), key=periods.end_date)
    labels = periods.period_range(labels[0], labels[-1])
    grid = pd.MultiIndex.from_product([order, labels], names=["kode_wilayah", "periode"]).to_frame(index=False)
    out = grid.merge(rows, on=["kode_wilayah", "periode"], how="left", validate="one_to_one")
    first = rows.drop_duplicates("kode_wilayah").set_index("kode_wilayah")
    out["nama_wilayah"] = out["kode_wilayah"].map(first["nama_wilayah"])
    out["tingkat"] = out["kode_wilayah"].map(first["tingkat"])
    out["tanggal"] = pd.to_datetime(out["periode"].map(periods.end_date))
    out["target"] = out["periode"].map(_targets(city, ind, labels)).astype(float)
    out["sebagian"] = [
        incomplete_until(p, last) is not None and not math.isnan(v)
        for p, last, v in zip(out["periode"], out["periode_akhir"], out["nilai"].astype(float), strict=True)
    ]
    return out[COLUMNS]


def _targets(city: pd.DataFrame, ind: Indicator, labels: list[str]) -> dict[str, float]:
    """The target per period; a cumulative target is read at the city's last reported month, as the table does."""
    last = city.dropna(subset=["periode_akhir"]).set_index("periode")["periode_akhir"].to_dict()
    targets = {p: ind.target_for(str(last.get(p, p))) for p in labels}
    return {p: math.nan if v is None else float(v) for p, v in targets.items()}


def yoy_table(
    table_level: pd.DataFrame, table_kota: pd.DataFrame, indicator_id: str, codes: Sequence[str], period: str
) -> pd.DataFrame:
    """Per wilayah (in `codes` order, then the city) the value in `period`, a year earlier, and the change."""

    def pick(t: pd.DataFrame) -> pd.DataFrame:
        return t[(t["indikator"] == indicator_id) & (t["periode"] == period)]

    own = pick(table_level)
    own = own[own["kode_wilayah"].isin(list(codes)) & (own["tingkat"] != "kota")]
    rows = pd.concat([own, pick(table_kota)], ignore_index=True)
    order = {c: i for i, c in enumerate(dict.fromkeys([*codes, *rows["kode_wilayah"]]))}
    rows = rows.sort_values("kode_wilayah", key=lambda s: s.map(order), kind="stable")
    out = rows.assign(periode_lalu=periods.same_period_last_year(period))
    return out[YOY_COLUMNS].reset_index(drop=True)


def partial_until(table_kota: pd.DataFrame, indicator_id: str, period: str) -> str | None:
    """The city's last month reported when `period` is not yet complete (e.g. '2026-10' for 2026-Q4), else None."""
    rows = table_kota[(table_kota["indikator"] == indicator_id) & (table_kota["periode"] == period)]
    return analysis.partial_until(rows, period)
