"""Validation of observation tables: every problem at once, with row, column, code and an Indonesian fix."""

from __future__ import annotations

import datetime as dt
import difflib

import numpy as np
import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue
from kpi.core.issues import Issue, row_label
from kpi.core.observations import COLUMNS, KEY, NUMBERS, ratio_value
from kpi.core.texts import tr
from kpi.core.wilayah import LEVELS, Register
from kpi.inputs.cells import shortened
from kpi.inputs.components import check_components
from kpi.inputs.numbers import UPPER_BOUNDS, above_bound, detect_decimal, parse_numbers
from kpi.inputs.shares import likely_fractions, percent_only, percent_only_rows

ALIASES = {
    "period": "periode",
    "bulan": "periode",
    "kode": "kode_wilayah",
    "wilayah": "kode_wilayah",
    "kode_kelurahan": "kode_wilayah",
    "kode_kecamatan": "kode_wilayah",
    "indicator": "indikator",
    "indikator_id": "indikator",
    "numerator": "pembilang",
    "denominator": "penyebut",
    "value": "nilai",
}
_GRAIN_ID = {"month": "bulanan", "quarter": "triwulanan", "semester": "semesteran", "year": "tahunan"}
_EXAMPLE = {"month": "2026-10", "quarter": "2026-Q3", "semester": "2026-S1", "year": "2025"}
_PERIOD_HINT = "Tulis 2026-10 (bulan), 2026-Q3 (triwulan), 2026-S1 (semester) atau 2026 (tahun)."


def _blank(value) -> bool:
    """True for a missing or whitespace-only cell."""
    return value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()


def _num(x: float) -> str:
    """A number written the Indonesian way: 1.500.000,5 (at most four decimals)."""
    text = f"{x + 0.0:,.4f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


class Collector:
    """Collects Issues for rows flagged by a boolean mask; rows are named by their sheet too when the table comes
    from several sheets of a workbook (column `_lembar`)."""

    def __init__(self, frame: pd.DataFrame):
        self.rows = frame["_baris"] if "_baris" in frame else pd.Series(frame.index + 2, index=frame.index)
        self.sheets = frame.get("_lembar")
        self.frame = frame
        self.issues: list[Issue] = []

    def sheet(self, idx) -> str | None:
        """The worksheet of a row, or None for a table of one sheet."""
        return None if self.sheets is None else str(self.sheets.loc[idx])

    def label(self, idx) -> str:
        """How messages name a row: 'baris 14', or "lembar 'Setu' baris 14"."""
        return row_label(int(self.rows.loc[idx]), self.sheet(idx))

    def flag(
        self, mask: pd.Series, code: str, column: str, text, source: pd.DataFrame | None = None, suggest=None
    ) -> None:
        """Add one Issue per flagged row; `text(row)` builds the message from the row of `source` (without its place:
        the Issue's cause, which rows with the same problem share); `suggest(cell)` the value it most likely meant."""
        src = self.frame if source is None else source
        for idx in mask[mask.fillna(False).astype(bool)].index:
            baris = int(self.rows.loc[idx])
            raw = self.frame.loc[idx].get(column)
            body = text(src.loc[idx])
            value = None if raw is None or pd.isna(raw) else str(raw)
            message = f"Kolom '{column}' {self.label(idx)}: {body}"
            suggestion = suggest(raw) if suggest is not None and value is not None else None
            issue = Issue(code, message, baris, column, value, cause=body, sheet=self.sheet(idx), suggestion=suggestion)
            self.issues.append(issue)

    def sorted(self) -> list[Issue]:
        """Every issue in the order of the sheets, then of the rows, then of the columns."""
        order = {} if self.sheets is None else {s: n for n, s in enumerate(dict.fromkeys(self.sheets.astype(str)))}
        return sorted(self.issues, key=lambda i: (order.get(i.sheet, -1), i.row or 0, i.column or ""))


def _meta(out: pd.DataFrame, catalogue: Catalogue, attr) -> pd.Series:
    """One attribute of each row's indicator, or of the pooled indicator's component (NaN where unknown)."""
    return out["indikator"].astype(object).map({k: attr(v) for k, v in catalogue.observed.items()})


def normalise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename known English or alternative column names to the canonical Indonesian ones."""
    return frame.rename(columns={c: ALIASES[c] for c in frame.columns if c in ALIASES and ALIASES[c] not in frame})


def header_columns(columns: list[str]) -> tuple[dict[str, str], list[Issue]]:
    """The observation columns a header names (canonical → the header's own name), and one problem per required
    column it lacks."""
    renamed = normalise_columns(pd.DataFrame(columns=columns))
    names = {new: old for old, new in zip(columns, renamed.columns, strict=True) if new in COLUMNS}
    return names, _missing_columns(renamed)


def _missing_columns(frame: pd.DataFrame) -> list[Issue]:
    """One kolom_hilang Issue per required column that is absent, listing the columns found."""
    found = ", ".join(str(c) for c in frame.columns if not str(c).startswith("_")) or "(tidak ada)"
    need = [c for c in KEY if c not in frame]
    if not any(c in frame for c in NUMBERS):
        need.append("pembilang/penyebut atau nilai")
    merged = [str(c) for c in frame.columns if sum(n in str(c) for n in COLUMNS) >= 2]  # wrong delimiter
    hint = (
        f" Nama kolom '{merged[0]}' tampaknya gabungan beberapa kolom: pisahkan kolom dengan koma (,), titik koma (;) "
        "atau tab, lalu simpan ulang."
        if merged
        else ""
    )
    return [
        Issue(
            "kolom_hilang",
            f"Kolom '{c}' tidak ditemukan. Kolom yang ada: {found}. Tambahkan kolom itu di baris judul "
            f"(kolom wajib: periode, kode_wilayah, indikator, lalu pembilang dan penyebut, atau nilai).{hint}",
            1,
            c,
        )
        for c in need
    ]


def _parse(
    frame: pd.DataFrame, catalogue: Catalogue, register: Register, check: Collector, decimal: str | None
) -> pd.DataFrame:
    """Parse periods, indicators, wilayah and numbers; flag what cannot be read."""
    out = pd.DataFrame(index=frame.index)
    parsed = periods.parse_periods(frame["periode"])
    out["periode"], out["grain"] = parsed["periode"], parsed["grain"]
    years = frame["periode"].map(lambda v: None if _blank(v) else periods.year_outside(v)).astype("Int64")
    check.flag(
        out["periode"].isna() & years.isna(),
        "periode_tidak_terbaca",
        "periode",
        lambda r: (
            f"kosong; setiap baris wajib berperiode. {_PERIOD_HINT}"
            if _blank(r["periode"])
            else f"'{r['periode']}' bukan periode yang dikenal. {_PERIOD_HINT}"
        ),
    )
    check.flag(
        out["periode"].isna() & years.notna(),
        "periode_di_luar_rentang",
        "periode",
        lambda r: tr(
            "inputs.period_year_outside",
            value=r["periode"],
            year=years.loc[r.name],
            first=periods.YEAR_MIN,
            last=periods.YEAR_MAX,
            hint=_PERIOD_HINT,
        ),
    )
    ids = frame["indikator"].astype("string").str.strip().str.lower()
    known = ids.isin(list(catalogue.observed))  # the indicators, and the components of pooled ones ('ikm.u1')
    out["indikator"] = ids.where(known)
    check.flag(
        ~known, "indikator_tidak_dikenal", "indikator", lambda r: _unknown_indicator(r["indikator"], catalogue.ids)
    )
    levels = _meta(out, catalogue, lambda i: i.level)
    out["kode_wilayah"], out["tingkat"] = _resolve_wilayah(frame, levels, register, check)
    only = percent_only_rows(frame, out["indikator"], catalogue)  # their nilai is not used: one message asks for counts
    for col in NUMBERS:
        if col in frame:
            values = frame[col].astype("string")
            nums, bad = parse_numbers(values, decimal or detect_decimal(values))
            huge = above_bound(nums, "observation")
            out[col] = nums.mask(huge) + 0.0  # '-0' is 0; a number above the bound takes no part in later rules
            check.flag(
                bad & ~only if col == "nilai" else bad,
                "angka_tidak_terbaca",
                col,
                lambda r, c=col: (
                    f"'{r[c]}' bukan angka. Tulis angka saja, mis. 1234 atau 12,5, tanpa satuan atau teks."
                ),
            )
            check.flag(
                huge,
                "di_luar_rentang",
                col,
                lambda r, c=col: tr(
                    "inputs.number_above_bound", value=shortened(r[c]), maximum=_num(UPPER_BOUNDS["observation"])
                ),
            )
        else:
            out[col] = np.nan
    return out


def _resolve_wilayah(frame, levels, register: Register, check: Collector):
    """Resolve wilayah codes or names, using the indicator's level to settle names like 'Setu'."""
    keys = pd.DataFrame({"v": frame["kode_wilayah"], "t": levels}, index=frame.index)
    found = []
    for v, t in keys.drop_duplicates().itertuples(index=False):
        text = None if _blank(v) else v  # the register reads pd.NA as the text '<NA>'
        res = register.resolve(text, None)
        if res.issue is not None and res.issue.code == "wilayah_ambigu" and isinstance(t, str):
            res = register.resolve(text, t)
        found.append((v, t, res.kode, res.issue.code if res.issue else None, res.issue.message if res.issue else None))
    table = pd.DataFrame(found, columns=["v", "t", "kode", "code", "message"], dtype=object)
    merged = keys.merge(table, on=["v", "t"], how="left", validate="many_to_one").set_index(frame.index)
    for code in merged["code"].dropna().unique():
        check.flag(merged["code"] == code, code, "kode_wilayah", lambda r: merged.loc[r.name, "message"])
    tingkat = merged["kode"].map({u.kode: u.tingkat for u in register.units})
    return merged["kode"], tingkat


def _unknown_indicator(value, ids: tuple[str, ...]) -> str:
    """Message body for a blank or unknown indicator id, with the closest ids and the full list."""
    if _blank(value):
        return f"kosong; setiap baris wajib memakai id indikator. Id yang ada: {', '.join(ids)}."
    close = difflib.get_close_matches(str(value).strip().lower().replace(" ", "_"), ids, n=2, cutoff=0.6)
    hint = f" Mungkin maksudnya: {' atau '.join(close)}." if close else ""
    return f"'{value}' bukan id indikator di katalog.{hint} Id yang ada: {', '.join(ids)}."


def _level_text(r: pd.Series, want: str, register: Register) -> str:
    """Message body for an indicator reported at the wrong level, naming the unit to use instead."""
    kode, have = r["kode_wilayah"], r["tingkat"]
    if LEVELS.index(want) < LEVELS.index(have):
        up = register.ancestor(kode, want)
        fix = f"Ganti dengan {register.display_name(up)} ({up}), {want} tempat {have} ini berada."
    else:
        below = [u.kode for u in register.level(want) if register.ancestor(u.kode, have) == kode]
        fix = (
            (
                f"Isi satu baris untuk setiap {want} di {register.display_name(kode)}, mis. "
                f"{register.display_name(below[0])} ({below[0]})."
            )
            if below
            else ""
        )
    return (
        f"indikator '{r['indikator']}' dilaporkan per {want}, tetapi baris ini memakai "
        f"{register.display_name(kode)} ({kode}). {fix}"
    ).rstrip()


def _rules(out: pd.DataFrame, catalogue: Catalogue, register: Register, today: dt.date, check: Collector) -> None:
    """Rules that need parsed values: level, frequency, signs, ratio, range, duplicates, future."""
    lvl = _meta(out, catalogue, lambda i: i.level)
    wrong_level = lvl.notna() & out["tingkat"].notna() & (out["tingkat"] != lvl)
    check.flag(wrong_level, "tingkat_salah", "kode_wilayah", lambda r: _level_text(r, lvl.loc[r.name], register), out)
    freq = _meta(out, catalogue, lambda i: i.frequency)
    wrong_freq = freq.notna() & out["grain"].notna() & (out["grain"] != freq)
    check.flag(
        wrong_freq,
        "frekuensi_salah",
        "periode",
        lambda r: (
            f"indikator '{r['indikator']}' dilaporkan {_GRAIN_ID[freq.loc[r.name]]}, tetapi '{r['periode']}' bukan "
            f"periode {_GRAIN_ID[freq.loc[r.name]]}. Tulis periode seperti {_EXAMPLE[freq.loc[r.name]]}."
        ),
        out,
    )
    _value_rules(out, catalogue, check)
    check_components(out, catalogue, check)
    _duplicates(out, check, register)
    starts = {p: periods.start_date(p) > today for p in out["periode"].dropna().unique()}
    future = out["periode"].astype(object).map(starts).eq(True)
    check.flag(
        future,
        "periode_masa_depan",
        "periode",
        lambda r: (
            f"periode {r['periode']} belum dimulai (hari ini {today:%Y-%m-%d}); data hanya boleh untuk periode yang "
            "sudah berjalan. Periksa tahun dan bulannya."
        ),
        out,
    )


def _value_rules(out: pd.DataFrame, catalogue: Catalogue, check: Collector) -> None:
    """Required values, negative numbers, numerator above denominator, and the valid range."""
    ratio = _meta(out, catalogue, lambda i: i.has_denominator).eq(True)
    plain = _meta(out, catalogue, lambda i: not i.has_denominator).eq(True)
    only = percent_only_rows(check.frame, out["indikator"], catalogue)
    percent_only(out, only, catalogue, check)
    for col, need in (("pembilang", ratio), ("penyebut", ratio), ("nilai", plain)):
        present = col in check.frame
        blank = (
            check.frame[col].astype("string").str.strip().fillna("").eq("").astype(bool) if present else ratio | plain
        )
        fix = (
            "Isi angkanya, atau hapus baris ini bila belum ada laporan."
            if present
            else f"Berkas tidak punya kolom '{col}'; tambahkan kolom itu di baris judul lalu isi angkanya."
        )
        check.flag(
            need & blank & ~only,
            "nilai_kosong",
            col,
            lambda r, c=col, f=fix: f"kosong, padahal indikator '{r['indikator']}' memerlukan {c}. {f}",
            out,
        )
    negative = (out[list(NUMBERS)] < 0).any(axis=1)
    for col in NUMBERS:
        check.flag(
            out[col] < 0,
            "nilai_negatif",
            col,
            lambda r, c=col: (
                f"{_num(r[c])} negatif; {c} tidak boleh kurang dari 0. Hapus tanda minus atau periksa kembali angkanya."
            ),
            out,
        )
    percent = ratio & (_meta(out, catalogue, lambda i: i.type) == "percent")
    over = percent & ~negative & (out["penyebut"] > 0) & (out["pembilang"] > out["penyebut"])
    check.flag(
        over,
        "pembilang_melebihi_penyebut",
        "pembilang",
        lambda r: (
            f"pembilang {_num(r['pembilang'])} lebih besar dari penyebut {_num(r['penyebut'])}; indikator persen "
            f"'{r['indikator']}' mensyaratkan pembilang ≤ penyebut (paling tinggi 100%). Periksa angkanya, atau apakah "
            "kolom pembilang dan penyebut tertukar."
        ),
        out,
    )
    zero = ratio & (out["penyebut"] == 0) & (out["pembilang"] > 0)
    check.flag(
        zero,
        "penyebut_nol",
        "penyebut",
        lambda r: (
            f"penyebut 0 padahal pembilang {_num(r['pembilang'])}; pembagian dengan 0 tidak mungkin. Isi penyebut yang benar."
        ),
        out,
    )
    fraction = likely_fractions(out, catalogue, check)
    _range_rule(out, catalogue, check, ratio, ~over & ~negative & ~fraction)


def _range_rule(
    out: pd.DataFrame, catalogue: Catalogue, check: Collector, ratio: pd.Series, eligible: pd.Series
) -> None:
    """Compute each row's value (pembilang ÷ penyebut × factor, or nilai) and flag values outside the range."""
    factor = _meta(out, catalogue, lambda i: i.factor).astype("float64")
    value = out["nilai"].where(~ratio, ratio_value(out["pembilang"], out["penyebut"], factor))
    lo = _meta(out, catalogue, lambda i: i.range[0]).astype("float64")
    hi = _meta(out, catalogue, lambda i: i.range[1]).astype("float64")
    outside = eligible & ((value < lo) | (value > hi))

    def text(r: pd.Series) -> str:
        """How the value was computed, the range, and the fix."""
        i, times = r.name, "" if factor.loc[r.name] == 1 else f" × {_num(factor.loc[r.name])}"
        how = (
            f"pembilang {_num(r['pembilang'])} ÷ penyebut {_num(r['penyebut'])}{times} = {_num(value.loc[i])}"
            if ratio.loc[i]
            else f"nilai {_num(value.loc[i])}"
        )
        rule = f"di luar rentang sah indikator '{r['indikator']}' ({_num(lo.loc[i])}–{_num(hi.loc[i])})"
        return f"{how}{',' if ratio.loc[i] else ''} {rule}. Periksa satuan dan angka yang dimasukkan."

    for col, part in (("pembilang", ratio), ("nilai", ~ratio)):
        check.flag(outside & part, "di_luar_rentang", col, text, out)
    out["nilai"] = value


def _duplicates(out: pd.DataFrame, check: Collector, register: Register) -> None:
    """Flag every repeat of (periode, kode_wilayah, indikator), naming the first row."""
    key = list(KEY)
    valid = out[key].notna().all(axis=1)
    dup = valid & out.duplicated(key, keep="first")
    if not dup.any():
        return
    first = out[valid & ~dup].reset_index().set_index(key)["index"]

    def text(r: pd.Series) -> str:
        """The repeated key and the row it first appeared on."""
        idx = first.loc[tuple(r[k] for k in key)]
        return (
            f"periode {r['periode']}, {register.display_name(r['kode_wilayah'])} ({r['kode_wilayah']}), indikator "
            f"'{r['indikator']}' sudah ada di {check.label(idx)}; setiap periode, wilayah dan "
            "indikator hanya boleh satu baris. Hapus salah satu baris."
        )

    check.flag(dup, "duplikat", "periode", text, out)


def validate(
    frame: pd.DataFrame, catalogue: Catalogue, register: Register, today: dt.date | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Check a table of observations; return (clean frame, []) or (None, every Issue found)."""
    decimal = frame.attrs.get("decimal")  # "." for Excel/Parquet cells; None for CSV text (detect per column)
    frame = normalise_columns(frame).astype(object)
    missing = _missing_columns(frame)
    if missing:
        return None, missing
    if frame.empty:
        return None, [
            Issue(
                "berkas_kosong",
                "Tabel hanya berisi baris judul tanpa baris data. Isi minimal satu baris "
                "data di bawah baris judul lalu unggah kembali.",
                1,
            )
        ]
    check = Collector(frame)
    out = _parse(frame, catalogue, register, check, decimal)
    _rules(out, catalogue, register, today or dt.date.today(), check)
    if check.issues:
        return None, check.sorted()
    clean = out[["periode", "grain", "kode_wilayah", "tingkat", "indikator", "pembilang", "penyebut", "nilai"]]
    return clean.astype({"pembilang": "float64", "penyebut": "float64", "nilai": "float64"}).reset_index(drop=True), []
