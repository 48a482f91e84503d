"""The KPIs of the import store: which population divides complaints, the engine run overlaid by imported
observations, and the before/after preview of a dry run."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kpi import settings
from kpi.core import observations, pooling
from kpi.core.catalogue import Catalogue
from kpi.core.wilayah import load_register
from kpi.engine import compute_in

SOURCED_POPULATION = settings.POPULATION_FILE
OBS_COLUMNS = observations.COLUMNS
OBS_KEY = list(observations.KEY)
OBS_DTYPES = observations.DTYPES
PREVIEW_DTYPES = {
    "indikator": "str",
    "kode_wilayah": "str",
    "periode": "str",
    "sebelum": "float64",
    "sesudah": "float64",
    "selisih": "float64",
}


def population(synthetic: bool) -> pd.DataFrame:
    """The population that divides complaints in `aduan_per_10rb` (columns kode_wilayah, tahun, penduduk).

    Real records are divided only by sourced figures: the kelurahan rows of data/penduduk.csv (BPS figures for
    the kelurahan of Serpong and Pondok Aren; see data/README.md). Kelurahan without a sourced figure get no
    `aduan_per_10rb` row rather than an invented denominator. Synthetic records (the sample, ids "CONTOH-…")
    are divided by the synthetic sample population (settings.sample_population_file():
    data/sample/penduduk_sampel.csv unless $TANGSEL_KPI_SAMPLE names another folder), the one the sample generator
    used, so an imported sample reproduces the shipped observations and no invented figure is ever applied to real
    complaints.
    """
    if synthetic:
        table = pd.read_csv(settings.sample_population_file(), dtype={"kode_wilayah": str})
    else:
        table = pd.read_csv(SOURCED_POPULATION, dtype={"kode": str}).rename(columns={"kode": "kode_wilayah"})
        kelurahan = {u.kode for u in load_register().level("kelurahan")}
        table = table[table["kode_wilayah"].isin(kelurahan)]
    columns = ["kode_wilayah", "tahun", "penduduk"]
    return table[columns].astype({"kode_wilayah": "str", "tahun": "int64", "penduduk": "int64"}).reset_index(drop=True)


def _report_keys(frame: pd.DataFrame) -> pd.MultiIndex:
    """(periode, kode_wilayah, indicator) of each row, a pooled indicator's component rows under their indicator."""
    return pd.MultiIndex.from_arrays([frame["periode"], frame["kode_wilayah"], pooling.family(frame["indikator"])])


def kpis(con, sources: Mapping[str, str], observasi: pd.DataFrame, synthetic: bool) -> pd.DataFrame:
    """Engine observations of the raw records in DuckDB (`sources`: kind → table or parenthesised query), where
    an imported observation of the same key replaces the computed one, and a unit's imported report replaces its
    computed components too (kpi.core.pooling); columns OBS_COLUMNS sorted by indikator, kode_wilayah, periode."""
    imported = observasi[list(OBS_COLUMNS)]
    parts = [imported]
    if sources:
        computed = compute_in(con, sources, population=population(synthetic))[list(OBS_COLUMNS)]
        overlaid = _report_keys(computed).isin(_report_keys(imported))
        parts.insert(0, computed[~overlaid])
    frame = pd.concat([p.astype(OBS_DTYPES) for p in parts], ignore_index=True)
    return frame.sort_values(["indikator", "kode_wilayah", "periode"], kind="stable").reset_index(drop=True)


def apply(active: pd.DataFrame, incoming: pd.DataFrame, keys: tuple[str, ...], on_overlap: str) -> pd.DataFrame:
    """The active records of one kind after an import: "replace" puts incoming rows in place of those with the
    same key, "skip" adds only incoming rows whose key is new."""
    incoming_keys = pd.MultiIndex.from_frame(incoming[list(keys)].astype(str))
    active_keys = pd.MultiIndex.from_frame(active[list(keys)].astype(str))
    if on_overlap == "replace":
        return pd.concat([active[~active_keys.isin(incoming_keys)], incoming], ignore_index=True)
    return pd.concat([active, incoming[~incoming_keys.isin(active_keys)]], ignore_index=True)


def values(frame: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The key columns and each observation's value: pembilang / penyebut × factor, or nilai without penyebut.
    Component rows of pooled indicators (ikm.u1 …) are parts of a report, not KPIs: they are left out.

    An indicator missing from the catalogue counts as a plain ratio (factor 1)."""
    frame = frame[~frame["indikator"].isin(list(catalogue.components))]
    factor = frame["indikator"].map({i.id: float(i.factor) for i in catalogue.indicators}).astype("float64")
    ratio = observations.ratio_value(frame["pembilang"], frame["penyebut"], factor.fillna(1.0))
    value = np.where(frame["penyebut"].notna(), ratio, frame["nilai"])
    return frame[OBS_KEY].assign(nilai=value.astype("float64"))


def preview(before: pd.DataFrame, after: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The KPI values an import changes (new keys have sebelum NaN, vanished keys sesudah NaN), largest |selisih|
    first; columns indikator, kode_wilayah, periode, sebelum, sesudah, selisih."""
    old = values(before, catalogue).rename(columns={"nilai": "sebelum"})
    new = values(after, catalogue).rename(columns={"nilai": "sesudah"})
    both = old.merge(new, on=OBS_KEY, how="outer", validate="one_to_one")
    same = (both["sebelum"] == both["sesudah"]) | (both["sebelum"].isna() & both["sesudah"].isna())
    changed = both[~same].assign(selisih=lambda f: f["sesudah"] - f["sebelum"])
    changed = changed.assign(_besar=changed["selisih"].abs())
    order = ["_besar", "indikator", "kode_wilayah", "periode"]
    changed = changed.sort_values(order, ascending=[False, True, True, True], na_position="last", kind="stable")
    return changed[list(PREVIEW_DTYPES)].astype(PREVIEW_DTYPES).reset_index(drop=True)
