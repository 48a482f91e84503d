"""The KPIs of the import store: which population divides complaints, the engine run joined with imported
observations under one rule of precedence, and the before/after preview of a dry run.

One source per (indicator, wilayah, period), decided here and nowhere else: **raw records win.** The indicators the
engine computes come in families, one per record kind (`RECORD_KINDS`): layanan_daring, selesai_tepat_waktu and
waktu_penyelesaian from permohonan; aduan_tindak_lanjut and aduan_per_10rb from aduan; ikm and ikm_kecamatan (with
their per-unsur components) from survei. Where the engine yields any row of a family for a wilayah and period (its
records place something there, or its zero-filled complaint rate says there were no complaints), every indicator of
that family there comes from the records, and imported observations of that family for the same wilayah and period
are left out (`Assembly.superseded`). Elsewhere imported observations stand: indicators that no records compute,
and places the records do not reach. So one kelurahan-month never shows on-time completion over one set of requests
and average days over another, and the result does not depend on the order of the imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi import settings
from kpi.core import observations, pooling
from kpi.core.catalogue import Catalogue
from kpi.core.wilayah import load_register
from kpi.engine import compute_in
from kpi.engine.common import KINDS as RECORD_KINDS

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
SUPERSEDED_DTYPES = {**OBS_DTYPES, "jenis": "str"}  # an observation left out, and the record kind giving its place
AGREE = {"rtol": 1e-9, "atol": 1e-6}  # an observation agrees with the engine's row when both numbers are this close


@dataclass(frozen=True)
class Assembly:
    """The store's KPIs (`frame`: OBS_COLUMNS sorted by indikator, kode_wilayah, periode), the engine's rows they
    hold (`computed`), and the imported observations left out because records give their place (`superseded`:
    SUPERSEDED_DTYPES)."""

    frame: pd.DataFrame
    computed: pd.DataFrame
    superseded: pd.DataFrame


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


def record_kind(ids: pd.Series) -> pd.Series:
    """The raw-record kind each observation's indicator is computed from (a component: its indicator's), '' for an
    indicator that only observation files report."""
    return pooling.family(ids).map(RECORD_KINDS).fillna("").astype("str")


def _places(frame: pd.DataFrame) -> pd.MultiIndex:
    """(record kind, periode, kode_wilayah) of each row: the place of its family."""
    return pd.MultiIndex.from_arrays([record_kind(frame["indikator"]), frame["periode"], frame["kode_wilayah"]])


def computed(con, sources: Mapping[str, str], synthetic: bool) -> pd.DataFrame:
    """The engine's observations of the raw records in DuckDB (`sources`: kind → table or parenthesised query)."""
    if not sources:
        return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in OBS_DTYPES.items()})[list(OBS_COLUMNS)]
    return compute_in(con, sources, population=population(synthetic))[list(OBS_COLUMNS)].astype(OBS_DTYPES)


def assemble(engine: pd.DataFrame, observasi: pd.DataFrame) -> Assembly:
    """The store's KPIs: the engine's rows, and the imported observations whose family the records do not give
    for that wilayah and period (the rule of the module docstring)."""
    imported = observasi[list(OBS_COLUMNS)].astype(OBS_DTYPES)
    hidden = _places(imported).isin(_places(engine))
    frame = pd.concat([engine.astype(OBS_DTYPES), imported[~hidden]], ignore_index=True)
    frame = frame.sort_values(["indikator", "kode_wilayah", "periode"], kind="stable").reset_index(drop=True)
    superseded = imported[hidden].assign(jenis=record_kind(imported["indikator"][hidden]))
    return Assembly(frame, engine, superseded.astype(SUPERSEDED_DTYPES).reset_index(drop=True))


def assembly(con, sources: Mapping[str, str], observasi: pd.DataFrame, synthetic: bool) -> Assembly:
    """The engine run on the raw records, joined with the imported observations (`assemble`)."""
    return assemble(computed(con, sources, synthetic), observasi)


def disagreeing(incoming: pd.DataFrame, engine: pd.DataFrame) -> pd.Series:
    """Which incoming observations sit where the records give their family and say something else than the
    engine's row of the same key (no such row, or another pembilang or penyebut). An observation that agrees
    changes nothing and is no second source."""
    at_records = pd.Series(_places(incoming).isin(_places(engine)), index=incoming.index)
    theirs = engine.set_index(OBS_KEY)[["pembilang", "penyebut"]].add_suffix("_catatan")
    ours = incoming[OBS_KEY + ["pembilang", "penyebut"]].join(theirs, on=OBS_KEY)
    same = pd.Series(True, index=incoming.index)
    for col in ("pembilang", "penyebut"):
        a, b = ours[col].to_numpy(dtype="float64"), ours[f"{col}_catatan"].to_numpy(dtype="float64")
        same &= np.isclose(a, b, equal_nan=False, **AGREE)
    return at_records & ~same


def newly_superseded(before: Assembly, after: Assembly) -> pd.DataFrame:
    """The observations an import leaves out that were not left out before (SUPERSEDED_DTYPES)."""
    old = pd.MultiIndex.from_frame(before.superseded[OBS_KEY])
    new = after.superseded
    return new[~pd.MultiIndex.from_frame(new[OBS_KEY]).isin(old)].reset_index(drop=True)


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
