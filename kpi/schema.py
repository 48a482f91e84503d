"""Validation of observation tables: every problem at once, with row, column, code and an Indonesian fix."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from kpi import periods
from kpi.catalogue import Catalogue
from kpi.issues import Issue
from kpi.readers import detect_decimal, parse_numbers
from kpi.wilayah import Register

COLUMNS = ("periode", "kode_wilayah", "indikator", "pembilang", "penyebut", "nilai")
ALIASES = {
    "period": "periode", "bulan": "periode", "kode": "kode_wilayah", "wilayah": "kode_wilayah",
    "kode_kelurahan": "kode_wilayah", "kode_kecamatan": "kode_wilayah", "indicator": "indikator",
    "indikator_id": "indikator", "numerator": "pembilang", "denominator": "penyebut", "value": "nilai",
}
NUMBERS = ("pembilang", "penyebut", "nilai")
_GRAIN_ID = {"month": "bulanan", "quarter": "triwulanan", "semester": "semesteran", "year": "tahunan"}
_EXAMPLE = {"month": "2026-10", "quarter": "2026-Q3", "semester": "2026-S1", "year": "2025"}


class _Collector:
    """Collects Issues for rows flagged by a boolean mask."""

    def __init__(self, frame: pd.DataFrame):
        self.rows = frame["_baris"] if "_baris" in frame else pd.Series(frame.index + 2, index=frame.index)
        self.frame = frame
        self.issues: list[Issue] = []

    def flag(self, mask: pd.Series, code: str, column: str, text, source: pd.DataFrame | None = None) -> None:
        """Add one Issue per flagged row; `text(row)` builds the message from the row of `source`."""
        src = self.frame if source is None else source
        for idx in mask[mask.fillna(False).astype(bool)].index:
            baris = int(self.rows.loc[idx])
            raw = self.frame.loc[idx].get(column)
            self.issues.append(Issue(code, f"Kolom '{column}' baris {baris}: {text(src.loc[idx])}", baris, column,
                                     None if raw is None or pd.isna(raw) else str(raw)))


def _meta(out: pd.DataFrame, catalogue: Catalogue, attr) -> pd.Series:
    """One attribute of each row's indicator (NaN where the indicator is unknown)."""
    return out["indikator"].map({i.id: attr(i) for i in catalogue.indicators})


def normalise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename known English or alternative column names to the canonical Indonesian ones."""
    return frame.rename(columns={c: ALIASES[c] for c in frame.columns if c in ALIASES and ALIASES[c] not in frame})


def _missing_columns(frame: pd.DataFrame) -> list[Issue]:
    found = ", ".join(c for c in frame.columns if not c.startswith("_")) or "(tidak ada)"
    need = [c for c in ("periode", "kode_wilayah", "indikator") if c not in frame]
    if not any(c in frame for c in NUMBERS):
        need.append("pembilang/penyebut atau nilai")
    return [Issue("kolom_hilang", f"Kolom '{c}' tidak ditemukan. Kolom yang ada: {found}. Tambahkan kolom itu di baris judul "
                  f"(kolom wajib: periode, kode_wilayah, indikator, lalu pembilang dan penyebut, atau nilai).", 1, c)
            for c in need]


def _parse(frame: pd.DataFrame, catalogue: Catalogue, register: Register, check: _Collector,
           decimal: str | None) -> pd.DataFrame:
    """Parse periods, indicators, wilayah and numbers; flag what cannot be read."""
    out = pd.DataFrame(index=frame.index)
    parsed = periods.parse_periods(frame["periode"])
    out["periode"], out["grain"] = parsed["periode"], parsed["grain"]
    check.flag(out["periode"].isna(), "periode_tidak_terbaca", "periode", lambda r: (
        f"'{r['periode']}' bukan periode yang dikenal. Tulis 2026-10 (bulan), 2026-Q3 (triwulan), 2026-S1 (semester) atau 2026 (tahun)."))
    ids = frame["indikator"].astype("string").str.strip().str.lower()
    known = ids.isin(catalogue.ids)
    out["indikator"] = ids.where(known)
    check.flag(~known, "indikator_tidak_dikenal", "indikator", lambda r: (
        f"'{r['indikator']}' bukan id indikator di katalog. Id yang ada: {', '.join(catalogue.ids)}."))
    levels = out["indikator"].map({i.id: i.level for i in catalogue.indicators})
    out["kode_wilayah"], out["tingkat"] = _resolve_wilayah(frame, levels, register, check)
    for col in NUMBERS:
        if col in frame:
            values = frame[col].astype("string")
            out[col], bad = parse_numbers(values, decimal or detect_decimal(values))
            check.flag(bad, "angka_tidak_terbaca", col, lambda r, c=col: (
                f"'{r[c]}' bukan angka. Tulis angka saja, mis. 1234 atau 12,5, tanpa satuan atau teks."))
        else:
            out[col] = np.nan
    return out


def _resolve_wilayah(frame, levels, register: Register, check: _Collector):
    """Resolve wilayah codes or names, using the indicator's level to settle names like 'Setu'."""
    keys = pd.DataFrame({"v": frame["kode_wilayah"], "t": levels}, index=frame.index)
    found = []
    for v, t in keys.drop_duplicates().itertuples(index=False):
        res = register.resolve(v, None)
        if res.issue is not None and res.issue.code == "wilayah_ambigu" and isinstance(t, str):
            res = register.resolve(v, t)
        found.append((v, t, res.kode, res.issue.code if res.issue else None, res.issue.message if res.issue else None))
    table = pd.DataFrame(found, columns=["v", "t", "kode", "code", "message"], dtype=object)
    merged = keys.merge(table, on=["v", "t"], how="left", validate="many_to_one").set_index(frame.index)
    for code in merged["code"].dropna().unique():
        check.flag(merged["code"] == code, code, "kode_wilayah", lambda r: merged.loc[r.name, "message"])
    tingkat = merged["kode"].map({u.kode: u.tingkat for u in register.units})
    return merged["kode"], tingkat


def _rules(out: pd.DataFrame, catalogue: Catalogue, register: Register, today: dt.date, check: _Collector) -> None:
    """Rules that need parsed values: level, frequency, signs, ratio, range, duplicates, future."""
    meta = {i.id: i for i in catalogue.indicators}
    lvl = _meta(out, catalogue, lambda i: i.level)
    wrong_level = lvl.notna() & out["tingkat"].notna() & (out["tingkat"] != lvl)
    check.flag(wrong_level, "tingkat_salah", "kode_wilayah", lambda r: (
        f"indikator '{r['indikator']}' dikumpulkan per {meta[r['indikator']].level}, tetapi baris ini memakai "
        f"{register.display_name(r['kode_wilayah'])} ({r['kode_wilayah']}). Laporkan per {meta[r['indikator']].level}."), out)
    freq = _meta(out, catalogue, lambda i: i.frequency)
    wrong_freq = freq.notna() & out["grain"].notna() & (out["grain"] != freq)
    check.flag(wrong_freq, "frekuensi_salah", "periode", lambda r: (
        f"indikator '{r['indikator']}' dilaporkan {_GRAIN_ID[freq.loc[r.name]]}, tetapi '{r['periode']}' bukan "
        f"periode {_GRAIN_ID[freq.loc[r.name]]}. Tulis periode seperti {_EXAMPLE[freq.loc[r.name]]}."), out)
    _value_rules(out, catalogue, check)
    _duplicates(out, check, register)
    starts = {p: periods.start_date(p) > today for p in out["periode"].dropna().unique()}
    future = out["periode"].map(starts).fillna(False).astype(bool)
    check.flag(future, "periode_masa_depan", "periode", lambda r: (
        f"periode {r['periode']} belum dimulai (hari ini {today:%Y-%m-%d}). Periksa tahun dan bulannya."), out)


def _value_rules(out: pd.DataFrame, catalogue: Catalogue, check: _Collector) -> None:
    """Required values, negative numbers, numerator above denominator, and the valid range."""
    ratio = _meta(out, catalogue, lambda i: i.has_denominator).fillna(False).astype(bool)
    plain = _meta(out, catalogue, lambda i: not i.has_denominator).fillna(False).astype(bool)
    for col, need in (("pembilang", ratio), ("penyebut", ratio), ("nilai", plain)):
        check.flag(need & out[col].isna(), "nilai_kosong", col, lambda r, c=col: (
            f"kosong, padahal indikator '{r['indikator']}' memerlukan {c}. Isi angkanya, atau hapus baris ini bila belum ada laporan."), out)
    for col in NUMBERS:
        check.flag(out[col] < 0, "nilai_negatif", col, lambda r, c=col: (
            f"{r[c]:g} negatif; jumlah dan nilai tidak boleh negatif. Periksa tanda minus."), out)
    percent = ratio & (_meta(out, catalogue, lambda i: i.type) == "percent")
    over = percent & (out["pembilang"] > out["penyebut"])
    check.flag(over, "pembilang_melebihi_penyebut", "pembilang", lambda r: (
        f"pembilang {r['pembilang']:g} lebih besar dari penyebut {r['penyebut']:g}; untuk indikator persen pembilang "
        f"harus ≤ penyebut. Periksa apakah kedua kolom tertukar."), out)
    zero = ratio & (out["penyebut"] == 0) & (out["pembilang"] > 0)
    check.flag(zero, "penyebut_nol", "penyebut", lambda r: (
        f"penyebut 0 padahal pembilang {r['pembilang']:g}; pembagian tidak mungkin. Isi penyebut yang benar."), out)
    factor = _meta(out, catalogue, lambda i: i.factor)
    value = out["nilai"].where(~ratio, out["pembilang"] / out["penyebut"].where(out["penyebut"] > 0) * factor)
    lo, hi = _meta(out, catalogue, lambda i: i.range[0]), _meta(out, catalogue, lambda i: i.range[1])
    outside = ~over & ((value < lo) | (value > hi))
    for col, part in (("pembilang", ratio), ("nilai", plain)):
        check.flag(outside & part, "di_luar_rentang", col, lambda r: (
            f"nilai {value.loc[r.name]:g} di luar rentang sah indikator '{r['indikator']}' "
            f"({lo.loc[r.name]:g}–{hi.loc[r.name]:g}). Periksa satuan dan angka yang dimasukkan."), out)
    out["nilai"] = value


def _duplicates(out: pd.DataFrame, check: _Collector, register: Register) -> None:
    """Flag every repeat of (periode, kode_wilayah, indikator), naming the first row."""
    key = ["periode", "kode_wilayah", "indikator"]
    valid = out[key].notna().all(axis=1)
    dup = valid & out.duplicated(key, keep="first")
    if not dup.any():
        return
    first = out[valid & ~dup].reset_index().set_index(key)["index"]
    def text(r):
        idx = first.loc[tuple(r[k] for k in key)]
        return (f"periode {r['periode']}, {register.name(r['kode_wilayah'])}, indikator '{r['indikator']}' sudah ada di "
                f"baris {int(check.rows.loc[idx])}. Hapus salah satu baris.")
    check.flag(dup, "duplikat", "periode", text, out)


def validate(frame: pd.DataFrame, catalogue: Catalogue, register: Register,
             today: dt.date | None = None) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Check a table of observations; return (clean frame, []) or (None, every Issue found)."""
    decimal = frame.attrs.get("decimal")   # "." for Excel/Parquet cells; None for CSV text (detect per column)
    frame = normalise_columns(frame).astype(object)
    missing = _missing_columns(frame)
    if missing:
        return None, missing
    check = _Collector(frame)
    out = _parse(frame, catalogue, register, check, decimal)
    _rules(out, catalogue, register, today or dt.date.today(), check)
    if check.issues:
        return None, sorted(check.issues, key=lambda i: (i.row or 0, i.column or ""))
    clean = out[["periode", "grain", "kode_wilayah", "tingkat", "indikator", "pembilang", "penyebut", "nilai"]]
    return clean.astype({"pembilang": "float64", "penyebut": "float64", "nilai": "float64"}).reset_index(drop=True), []
