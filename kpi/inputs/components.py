"""Rules for the component rows of pooled indicators (`ikm.u1` … `ikm.u9`, kpi.core.pooling) in an observation file.

A unit's report of a pooled indicator may come with its components: one row per unsur with pembilang = the sum of
the scores given and penyebut = the number of answers. Then the set must be complete, sit beside the unit's own row
(same period and wilayah), count no more answers than respondents, and give the same IKM as that row. Level,
frequency, signs, the 1–4 range of a mean score and duplicates are checked with every other row (kpi.inputs.schema).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kpi.core.catalogue import Catalogue
from kpi.core.pooling import family, part_of

if TYPE_CHECKING:  # the collector lives in kpi.inputs.schema, which imports this module
    from kpi.inputs.schema import Collector

KEY = ["periode", "kode_wilayah", "induk"]


def _num(x: float) -> str:
    """A number the Indonesian way, at most four decimals: 85,9259."""
    return f"{x + 0.0:,.4f}".rstrip("0").rstrip(".").translate(str.maketrans(",.", ".,"))


def _first_of_group(rows: pd.DataFrame, bad: pd.Series) -> pd.Series:
    """True on the first row of every group (KEY) whose `bad` is True: one problem per set, not per row."""
    first = ~rows.duplicated(KEY, keep="first")
    return (first & bad).reindex(rows.index, fill_value=False)


def _numbers(rows: pd.DataFrame, check: Collector) -> None:
    """Whole numbers, and at least one answer."""
    for col, what in (("pembilang", "jumlah skor"), ("penyebut", "jumlah jawaban")):
        fraction = rows[col].notna() & (rows[col] != np.floor(rows[col]))
        check.flag(
            fraction,
            "komponen_bukan_bilangan_bulat",
            col,
            lambda r, c=col, w=what: (
                f"{_num(r[c])} bukan bilangan bulat; komponen '{r['indikator']}' berisi {w} unsur itu (pembilang: "
                "jumlah skor 1–4 yang diberikan, penyebut: jumlah jawaban), keduanya bilangan bulat. Periksa angkanya."
            ),
            rows,
        )
    check.flag(
        (rows["penyebut"] == 0) & ~(rows["pembilang"] > 0),
        "komponen_tanpa_jawaban",
        "penyebut",
        lambda r: (
            f"0 jawaban untuk komponen '{r['indikator']}'; unit yang tidak mendapat satu pun jawaban untuk suatu unsur "
            f"tidak punya IKM (PermenPANRB 14/2017). Hapus baris '{r['induk']}' dan komponennya untuk periode dan "
            "wilayah ini."
        ),
        rows,
    )


def _sets(rows: pd.DataFrame, catalogue: Catalogue, check: Collector) -> pd.Series:
    """Complete sets beside their unit's row; returns which rows belong to a complete set with a unit row."""
    expected = rows["induk"].map({i.id: len(i.components) for i in catalogue.indicators if i.components})
    present = rows.groupby(KEY, sort=False)["indikator"].transform("nunique")
    incomplete = present < expected
    check.flag(
        _first_of_group(rows, incomplete),
        "komponen_tidak_lengkap",
        "indikator",
        lambda r: _incomplete_text(r, rows, catalogue),
        rows,
    )
    alone = ~rows["ada_induk"]
    check.flag(
        _first_of_group(rows, alone),
        "komponen_tanpa_induk",
        "indikator",
        lambda r: (
            f"komponen '{r['indikator']}' untuk periode {r['periode']}, wilayah {r['kode_wilayah']} tidak punya baris "
            f"'{r['induk']}' dengan periode dan wilayah yang sama. Tambahkan baris '{r['induk']}' unit itu (pembilang = "
            "IKM × jumlah responden, penyebut = jumlah responden), atau hapus baris komponennya."
        ),
        rows,
    )
    over = rows["penyebut"] > rows["penyebut_induk"]
    check.flag(
        over,
        "jawaban_melebihi_responden",
        "penyebut",
        lambda r: (
            f"{_num(r['penyebut'])} jawaban untuk '{r['indikator']}' lebih banyak dari {_num(r['penyebut_induk'])} "
            f"responden pada baris '{r['induk']}' periode {r['periode']}; setiap responden menjawab satu unsur paling "
            "banyak sekali. Periksa jumlah jawaban atau jumlah respondennya."
        ),
        rows,
    )
    return ~incomplete & rows["ada_induk"]


def _incomplete_text(r: pd.Series, rows: pd.DataFrame, catalogue: Catalogue) -> str:
    """Which components of the set are missing, and the two ways out."""
    ind = catalogue.get(r["induk"])
    same = (
        (rows["periode"] == r["periode"]) & (rows["kode_wilayah"] == r["kode_wilayah"]) & (rows["induk"] == r["induk"])
    )
    missing = [c for c in ind.components if c not in set(rows.loc[same, "indikator"])]
    return (
        f"komponen '{ind.id}' untuk periode {r['periode']}, wilayah {r['kode_wilayah']} tidak lengkap: tidak ada "
        f"{', '.join(missing)}. Indikator '{ind.id}' digabung per unsur dan memerlukan {len(ind.components)} komponen "
        f"({ind.components[0]} … {ind.components[-1]}). Lengkapi komponennya, atau hapus semua komponen unit ini "
        "(nilainya lalu digabung tertimbang jumlah responden)."
    )


def _same_value(
    rows: pd.DataFrame, parents: pd.DataFrame, complete: pd.Series, catalogue: Catalogue, check: Collector
) -> None:
    """The unit row's IKM equals the one combined from its components, to within half a shown digit."""
    sets = rows[complete & rows["pembilang"].notna() & rows["penyebut"].notna()]
    if sets.empty:
        return
    combined = []
    for induk, own in sets.groupby("induk", sort=False):
        ind = catalogue.get(str(induk))
        assert ind.pooling is not None
        wide = own.set_index([*KEY, "bagian"])[["pembilang", "penyebut"]].unstack("bagian")
        parts = list(ind.pooling.parts)
        with np.errstate(invalid="ignore", divide="ignore"):
            value = ind.pooling.combine(
                wide["pembilang"][parts].to_numpy(dtype="float64"), wide["penyebut"][parts].to_numpy(dtype="float64")
            )
        combined.append(wide.index.to_frame(index=False).assign(gabungan=value, batas=0.5 * 10.0**-ind.decimals))
    table = parents.merge(pd.concat(combined), on=KEY, how="left", validate="one_to_one").set_index(parents.index)
    off = (table["pembilang"] / table["penyebut"] - table["gabungan"]).abs() > table["batas"]
    check.flag(
        off,
        "ikm_tidak_cocok",
        "pembilang",
        lambda r: (
            f"IKM unit {_num(r['pembilang'] / r['penyebut'])} (pembilang ÷ penyebut) tidak sama dengan "
            f"{_num(r['gabungan'])}, IKM yang dihitung dari komponen {r['indikator']}.* pada periode dan wilayah yang "
            "sama. Periksa pembilang (IKM × jumlah responden), penyebut (jumlah responden) dan komponennya."
        ),
        table,
    )


def check_components(out: pd.DataFrame, catalogue: Catalogue, check: Collector) -> None:
    """Flag every broken rule of the component rows in the parsed frame `out` (kpi.inputs.schema)."""
    ids = list(catalogue.components)
    is_component = out["indikator"].isin(ids)
    if not ids or not is_component.any():
        return
    rows = out[is_component].assign(induk=family(out.loc[is_component, "indikator"]))
    rows = rows.assign(bagian=part_of(rows["indikator"]))
    _numbers(rows, check)
    rows = rows[rows["periode"].notna() & rows["kode_wilayah"].notna()]
    owners = out[out["indikator"].isin(set(rows["induk"]))]
    parents = owners.assign(induk=owners["indikator"]).drop_duplicates(KEY)[
        [*KEY, "indikator", "pembilang", "penyebut"]
    ]
    found = rows.merge(
        parents[[*KEY, "penyebut"]].rename(columns={"penyebut": "penyebut_induk"}).assign(ada_induk=True),
        on=KEY,
        how="left",
        validate="many_to_one",
    ).set_index(rows.index)
    found["ada_induk"] = found["ada_induk"].eq(True)
    complete = _sets(found, catalogue, check)
    _same_value(found, parents, complete, catalogue, check)
