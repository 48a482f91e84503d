"""Exports of the indicator table: a display table in the reader's number format, CSV and XLSX downloads that
carry their filters, and the indicator dictionary. Pure Python, no streamlit.

CSV layout: one header line, then one line per row. No leading '# Filter' lines (pandas.read_csv, Excel's
import and most tools read them as data); the filters, data date, generation time and data source
("Data contoh (sintetis)") travel instead in trailing constant columns named 'Keterangan: …' ('Info: …'), so
every row keeps its context after sorting, filtering or pasting, and the file name repeats the main ones.
Bahasa Indonesia files use ';' and a decimal comma (what Excel with Indonesian regional settings expects),
English files ',' and a point; both UTF-8 with a BOM, raw numbers rounded to the indicator's decimals.
Exports are for reading, not for re-import: load_observations wants the long observation format.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.rounding import round_half_up
from kpi.core.texts import LANGS, tr
from kpi.core.wilayah import Register
from kpi.metrics.analysis import in_scope, incomplete_until
from kpi.metrics.targets import CAPAIAN_DECIMALS
from kpi.report.labels import level_label, period_text, status_label
from kpi.report.numfmt import number, signed

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
SAMPLE = "Data contoh (sintetis)"  # the sample label, the same in both languages
_NUMERIC = ("nilai", "target", "capaian", "perubahan", "peringkat", "pembilang", "penyebut", "laporan")


def _w(key: str, lang: str) -> str:
    """A label of the exports (the text export.<key>)."""
    return tr(f"export.{key}", lang)


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def _round(value, decimals: int) -> float:
    """Half away from zero, as the official bands round: 88.305 is shown as 88.31 and falls in band A."""
    return float("nan") if _missing(value) else round_half_up(float(value), decimals)


def _count_decimals(value) -> int:
    return 0 if _missing(value) or float(value).is_integer() else 2


def _status(code, ind: Indicator, catalogue: Catalogue, lang: str) -> str:
    """A target status or an official band code as its label in the language."""
    return status_label(code, ind, catalogue, lang) or "—"


def select_rows(
    table: pd.DataFrame, indicator_id: str, period: str | None, register: Register, kecamatan=(), kelurahan=()
) -> pd.DataFrame:
    """One indicator's rows of the chosen wilayah, in one period (None: all), latest period first, best rank first;
    kelurahan rows get the name of their kecamatan."""
    rows = table[table["indikator"] == indicator_id]
    rows = in_scope(rows if period is None else rows[rows["periode"] == period], register, kecamatan, kelurahan)
    rows = rows.sort_values(["periode", "peringkat", "kode_wilayah"], ascending=[False, True, True], na_position="last")
    if (rows["tingkat"] == "kelurahan").any():
        names = {u.kode: register.name(u.kode_induk) for u in register.level("kelurahan")}
        rows = rows.assign(nama_kecamatan=rows["kode_wilayah"].map(names))
    return rows


def _context(rows: pd.DataFrame, catalogue: Catalogue) -> list[Indicator]:
    found = {i: catalogue.get(i) for i in rows["indikator"].unique()}
    return [found[i] for i in rows["indikator"]]


def _headed(columns: dict, lang: str) -> pd.DataFrame:
    """A frame with the columns under their headers in the language; Series keep their dtype (Int64 ranks)."""
    return pd.DataFrame(
        {
            _w(k, lang): v.reset_index(drop=True) if isinstance(v, pd.Series) else pd.Series(list(v))
            for k, v in columns.items()
        }
    )


def _place(rows: pd.DataFrame) -> dict:
    """Wilayah name, its kecamatan (for kelurahan rows) and code."""
    place = {"wilayah": rows["nama_wilayah"]}
    if "nama_kecamatan" in rows:
        place["kecamatan"] = rows["nama_kecamatan"].fillna("—")
    return {**place, "kode": rows["kode_wilayah"]}


def _ends(rows: pd.DataFrame) -> list:
    """Each row's last native period with data (None where the table has no periode_akhir)."""
    return rows["periode_akhir"].tolist() if "periode_akhir" in rows else [None] * len(rows)


def display_table(rows: pd.DataFrame, catalogue: Catalogue, lang: str = "id") -> pd.DataFrame:
    """The rows as text in the reader's format ('1.234,5', 'Okt 2026'), with human column headers."""
    inds = _context(rows, catalogue)
    dec = [i.decimals for i in inds]
    of = _w("of", lang)
    return _headed(
        {
            **_place(rows),
            "periode": [
                period_text(p, incomplete_until(p, e), lang) for p, e in zip(rows["periode"], _ends(rows), strict=True)
            ],
            "indikator": [i.text("short", lang) for i in inds],
            "nilai": [number(v, d, lang) for v, d in zip(rows["nilai"], dec, strict=True)],
            "satuan": [i.text("unit", lang) for i in inds],
            "target": [number(v, d, lang) for v, d in zip(rows["target"], dec, strict=True)],
            "capaian": [number(v, CAPAIAN_DECIMALS, lang) for v in rows["capaian"]],
            "status": [_status(s, i, catalogue, lang) for s, i in zip(rows["status"], inds, strict=True)],
            "perubahan": [signed(v, d, lang) for v, d in zip(rows["perubahan"], dec, strict=True)],
            "peringkat": [
                "—" if _missing(r) else f"{r} {of} {n}"
                for r, n in zip(rows["peringkat"], rows["peringkat_dari"], strict=True)
            ],
            "pembilang": [number(v, _count_decimals(v), lang) for v in rows["pembilang"]],
            "penyebut": [number(v, _count_decimals(v), lang) for v in rows["penyebut"]],
            "laporan": [f"{a}/{b}" for a, b in zip(rows["laporan"], rows["laporan_diharapkan"], strict=True)],
        },
        lang,
    )


def numeric_columns(lang: str = "id") -> list[str]:
    """Headers of the display table's number columns (to align them right)."""
    return [_w(k, lang) for k in _NUMERIC]


def _counts(values: pd.Series) -> pd.Series:
    rounded = pd.Series([_round(v, 2) for v in values], dtype="float64")
    whole = rounded.dropna().map(float.is_integer).all()
    return rounded.astype("Int64") if whole else rounded


def raw_table(rows: pd.DataFrame, catalogue: Catalogue, lang: str = "id") -> pd.DataFrame:
    """The rows for downloads: real numbers rounded to the indicator's decimals, one column per quantity."""
    return _headed(_raw_columns(rows, catalogue, lang), lang)


def _raw_columns(rows: pd.DataFrame, catalogue: Catalogue, lang: str) -> dict:
    inds = _context(rows, catalogue)
    dec = [i.decimals for i in inds]
    return {
        **_place(rows),
        "periode": [periods.display(p, lang) for p in rows["periode"]],
        "kode_periode": rows["periode"],
        "indikator": [i.text("short", lang) for i in inds],
        "id": rows["indikator"],
        "nilai": pd.Series([_round(v, d) for v, d in zip(rows["nilai"], dec, strict=True)], dtype="float64"),
        "satuan": [i.text("unit", lang) for i in inds],
        "target": pd.Series([_round(v, d) for v, d in zip(rows["target"], dec, strict=True)], dtype="float64"),
        "capaian": pd.Series([_round(v, CAPAIAN_DECIMALS) for v in rows["capaian"]], dtype="float64"),
        "status": [_status(s, i, catalogue, lang) for s, i in zip(rows["status"], inds, strict=True)],
        "perubahan": pd.Series([_round(v, d) for v, d in zip(rows["perubahan"], dec, strict=True)], dtype="float64"),
        "peringkat": rows["peringkat"].astype("Int64"),
        "peringkat_dari": rows["peringkat_dari"].astype("Int64"),
        "pembilang": _counts(rows["pembilang"]),
        "penyebut": _counts(rows["penyebut"]),
        "laporan_diterima": rows["laporan"].astype("Int64"),
        "laporan_diharapkan": rows["laporan_diharapkan"].astype("Int64"),
    }


def _date(day: dt.date, lang: str) -> str:
    return f"{day.day} {periods.display(f'{day.year}-{day.month:02d}', lang)}"


def _names(codes, register: Register, lang: str, applies: bool) -> str:
    if not applies:
        return "—"
    return ", ".join(register.name(k) for k in sorted(codes)) or _w("semua", lang)


def filters_meta(
    filters,
    catalogue: Catalogue,
    register: Register,
    lang: str,
    is_sample: bool,
    data_date: dt.date,
    all_periods: bool = False,
    generated: dt.datetime | None = None,
) -> list[tuple[str, str]]:
    """Every filter and the file's provenance as (label, value) pairs in the language."""
    ind, level = filters.indicator, filters.level
    cats = catalogue.categories
    made = (generated or dt.datetime.now(WIB)).astimezone(WIB)
    return [
        (_w(k, lang), v)
        for k, v in (
            ("indikator", f"{ind.text('label', lang)} ({ind.id})"),
            ("kategori", cats[filters.category][lang] if filters.category in cats else _w("semua", lang)),
            ("jenis_periode", tr(f"grain_{filters.grain}", lang)),
            (
                "periode",
                _w("semua_periode", lang)
                if all_periods or not filters.period
                else periods.display(filters.period, lang),
            ),
            ("tingkat", level_label(level, lang)),
            ("kecamatan", _names(filters.kecamatan, register, lang, level != "kota")),
            ("kelurahan", _names(filters.kelurahan, register, lang, level == "kelurahan")),
            ("bahasa", LANGS[lang]),
            ("data_sampai", _date(data_date, lang)),
            ("dibuat", f"{_date(made, lang)} {made:%H:%M} WIB"),
            ("sumber_data", tr("sample_badge", lang) if is_sample else _w("dimuat", lang)),
        )
    ]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_name(filters, register: Register, rows: pd.DataFrame, ext: str) -> str:
    """'kpi_tangsel_layanan_daring_kecamatan_setu_2026-10.csv': indicator, level, chosen wilayah, period(s)."""
    chosen = sorted(filters.kelurahan or filters.kecamatan)
    noun = "kelurahan" if filters.kelurahan else "kecamatan"
    places = [_slug(register.name(k)) for k in chosen] if len(chosen) <= 3 else [f"{len(chosen)}-{noun}"]
    labels = sorted(rows["periode"].unique()) if len(rows) else [filters.period or "semua"]
    span = labels[0] if len(labels) == 1 else f"{labels[0]}_{labels[-1]}"
    return "_".join(["kpi_tangsel", filters.indicator.id, filters.level, *places, span]) + f".{ext}"


def to_csv_bytes(rows: pd.DataFrame, meta: list[tuple[str, str]], catalogue: Catalogue, lang: str = "id") -> bytes:
    """UTF-8 with BOM; ';' and decimal comma (id) or ',' and point (en); the filters as trailing constant columns."""
    table = raw_table(rows, catalogue, lang)
    table = table.assign(**{_w("meta", lang).format(label): value for label, value in meta})
    sep, point = (";", ",") if lang == "id" else (",", ".")
    return ("\ufeff" + table.to_csv(index=False, sep=sep, decimal=point, lineterminator="\r\n")).encode("utf-8")


def _number_format(key: str, value, decimals: int) -> str | None:
    """Excel number format of a cell: the indicator's decimals for values, whole numbers for counts and ranks."""
    if key in ("nilai", "target", "perubahan"):
        return "#,##0" + ("." + "0" * decimals if decimals else "")
    if key == "capaian":
        return "#,##0.0"
    if key in ("pembilang", "penyebut"):
        return "#,##0" if _count_decimals(value) == 0 else "#,##0.00"
    return "0" if key in ("peringkat", "peringkat_dari", "laporan_diterima", "laporan_diharapkan") else None


_BOLD, _GREY, _ORANGE = Font(bold=True), PatternFill("solid", fgColor="E8ECF2"), PatternFill("solid", fgColor="FCE5CD")


def _header(sheet, names) -> None:
    sheet.append(list(names))
    for cell in sheet[1]:
        cell.font, cell.fill = _BOLD, _GREY
    sheet.freeze_panes = "A2"


def _widths(sheet, table: pd.DataFrame) -> None:
    for col, name in enumerate(table.columns, 1):
        longest = max([len(str(name)), *(len(str(v)) for v in table.iloc[:, col - 1].head(500))])
        sheet.column_dimensions[sheet.cell(1, col).column_letter].width = min(max(longest + 2, 8), 60)


def _data_sheet(sheet, rows: pd.DataFrame, catalogue: Catalogue, lang: str) -> None:
    """The table with real numbers, number formats with the indicator's decimals, a frozen header and a filter."""
    columns = _raw_columns(rows, catalogue, lang)
    table, keys = _headed(columns, lang), list(columns)
    dec = [i.decimals for i in _context(rows, catalogue)]
    _header(sheet, table.columns)
    for r, values in enumerate(table.itertuples(index=False), 2):
        for c, (key, value) in enumerate(zip(keys, values, strict=True), 1):
            cell = sheet.cell(r, c, None if _missing(value) else value)
            fmt = _number_format(key, value, dec[r - 2])
            if fmt and cell.value is not None:
                cell.number_format = fmt
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, table)


def _pairs_sheet(sheet, pairs: list[tuple[str, str]], lang: str, first: str) -> None:
    """Two columns, label and text; the sample label is highlighted."""
    _header(sheet, [first, _w("isi", lang)])
    for label, value in pairs:
        sheet.append([label, value])
        if SAMPLE in str(value):
            for cell in sheet[sheet.max_row]:
                cell.font, cell.fill = _BOLD, _ORANGE
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    for cell in sheet["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def to_xlsx_bytes(rows: pd.DataFrame, meta: list[tuple[str, str]], catalogue: Catalogue, lang: str = "id") -> bytes:
    """Sheets Data (real numbers), Filter (every filter, data date, generation time, source) and Definisi."""
    book = Workbook()
    book.active.title = _w("sheet_data", lang)
    _data_sheet(book.active, rows, catalogue, lang)
    _pairs_sheet(book.create_sheet(_w("sheet_filter", lang)), meta, lang, _w("sheet_filter", lang))
    pairs = [
        p for i in dict.fromkeys(rows["indikator"]) for p in [*definition(catalogue.get(i), catalogue, lang), ("", "")]
    ]
    _pairs_sheet(book.create_sheet(_w("sheet_def", lang)), pairs[:-1], lang, _w("isian", lang))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value: float, lang: str) -> str:
    """A catalogue number without padding: 80 → '80', 1.3 → '1,3', 10000 → '10.000'."""
    return number(value, 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1]), lang)


def _formula(ind: Indicator, lang: str) -> str:
    if not ind.has_denominator:
        return tr(f"export.formula.{ind.rollup}", lang)
    num, den = _w("pembilang", lang).lower(), _w("penyebut", lang).lower()
    factor = "" if ind.factor == 1 else f" × {_plain(ind.factor, lang)}"
    return f"{num} ÷ {den}{factor} — {num}: {ind.text('numerator', lang)}; {den}: {ind.text('denominator', lang)}"


def _over_time(ind: Indicator, lang: str) -> str:
    if ind.rollup != "ratio":
        return tr(f"export.time.{ind.rollup}", lang)
    num, den = _w("pembilang", lang).lower(), _w("penyebut", lang).lower()
    return f"{num}: {_w(ind.numerator_over_time, lang)}; {den}: {_w(ind.denominator_over_time, lang)}"


def _targets(ind: Indicator, lang: str) -> str:
    text = " · ".join(f"{year}: {_plain(value, lang)}" for year, value in sorted(ind.targets.items()))
    return text + (f" ({_w('profile', lang)})" if ind.target_profile else "")


def _bands(ind: Indicator, band_sets: dict, lang: str) -> str:
    band_set = band_sets.get(ind.bands) if ind.bands else None
    if band_set is None:
        return "—"
    edges = " · ".join(
        f"{b.label[lang]} {'≥' if b.op == '>=' else '>'} {number(b.threshold, band_set.decimals, lang)}"
        for b in band_set.bands
    )
    return f"{band_set.label[lang]}: {edges}"


def definition(
    ind: Indicator, catalogue: Catalogue, lang: str = "id", band_sets: dict | None = None
) -> list[tuple[str, str]]:
    """One indicator's dictionary entry as (field, text) pairs."""
    sets = catalogue.band_sets if band_sets is None else band_sets
    return [
        (_w(k, lang), v)
        for k, v in (
            ("id", ind.id),
            ("label", ind.text("label", lang)),
            ("definisi", ind.text("definition", lang)),
            ("rumus", _formula(ind, lang)),
            ("waktu", _over_time(ind, lang)),
            ("ruang", tr(f"export.space.{ind.rollup}", lang)),
            ("arah", _w(ind.direction, lang)),
            ("satuan", ind.text("unit", lang)),
            ("rentang", "–".join(_plain(v, lang) for v in ind.range)),
            ("targets", _targets(ind, lang)),
            ("pita", _bands(ind, sets, lang)),
            ("kategori", catalogue.categories.get(ind.category, {}).get(lang, ind.category)),
            ("berakhlak", catalogue.berakhlak[ind.berakhlak][lang] if ind.berakhlak else "—"),
            ("level", level_label(ind.level, lang)),
            ("frekuensi", tr(f"frequency.{ind.frequency}", lang)),
            ("sumber", ind.text("source", lang)),
        )
    ]


def dictionary(catalogue: Catalogue, band_sets: dict | None = None, lang: str = "id") -> pd.DataFrame:
    """The indicator dictionary: one row per indicator, every field as text in the language."""
    return pd.DataFrame([dict(definition(i, catalogue, lang, band_sets)) for i in catalogue.indicators])
