"""Read an uploaded or on-disk table into a frame of strings, reporting problems as Issues.

`read_sheets` reads every worksheet of a workbook (a CSV or Parquet file is one unnamed sheet); which sheets hold a
table of the chosen kind is decided by kpi.inputs.sheets. `read_table` is the first sheet only.

Splitting CSV text lives in kpi.inputs.delimited, typed Excel and Parquet cells as text in kpi.inputs.cells, and the
refusal of damaged text (two encodings in one CSV, control characters, '\ufffd') in kpi.inputs.characters.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import pandas as pd

from kpi.core.issues import Issue, row_label
from kpi.core.texts import tr
from kpi.inputs import workbooks
from kpi.inputs.cells import parquet_cells, shortened
from kpi.inputs.characters import character_issues, mixed_encoding_issue
from kpi.inputs.delimited import decode, detect_delimiter, looks_binary, split

Source = str | os.PathLike | bytes | bytearray | memoryview | IO[bytes]
Result = tuple[pd.DataFrame | None, list[Issue]]

ROW_COLUMN = "_baris"
SHEET_COLUMN = "_lembar"  # the worksheet of each row, in a table read from a workbook with several sheets
RESERVED = (ROW_COLUMN, SHEET_COLUMN)
FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "excel", ".xlsm": "excel", ".parquet": "parquet"}
FORMAT_LABELS = {"csv": "CSV", "excel": "Excel", "parquet": "Parquet"}
SUPPORTED = "CSV (.csv, .txt, .tsv), Excel (.xlsx, .xlsm) atau Parquet (.parquet)"
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d"))
LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")
FIELD_COUNT_ERROR = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
OPEN_QUOTE_ERROR = re.compile(r"EOF inside string starting at row (\d+)")

CODES = {"inputs.excel_encrypted": "berkas_bersandi"}  # other workbooks that cannot be opened: berkas_tidak_terbaca
logger = logging.getLogger(__name__)


# ---------------------------------------------------------------- entry point


@dataclass(frozen=True)
class Sheet:
    """One worksheet as read: its table (None when it cannot be used, see `issues`), the normalised names of its
    first non-empty row, and the number of non-empty rows under that row. CSV and Parquet are one sheet named None."""

    name: str | None
    table: pd.DataFrame | None
    issues: list[Issue]
    header: tuple[str, ...] = ()
    rows: int = 0


def read_sheets(source: Source, filename: str | None = None) -> tuple[list[Sheet], list[Issue]]:
    """Every sheet of a file, or no sheet and the problems of a file that cannot be read at all; never raises."""
    name = filename if isinstance(filename, str) else None
    try:
        name = source_name(source, filename)
        return _read_sheets(source, name)
    except Exception as exc:  # the border: the traceback goes to the log, an Issue to the user
        logger.exception("reading the table %r failed", name)
        reason = f"kesalahan tak terduga ({type(exc).__name__}: {exc})"
        return [], [_unreadable(name or "tanpa nama", "tabel", reason)]


def read_table(source: Source, filename: str | None = None) -> Result:
    """Read a CSV, Excel or Parquet table into a frame of strings plus a `_baris` column; never raises. Of a workbook
    only the first sheet: the importers read every sheet (read_sheets, kpi.inputs.sheets)."""
    sheets, issues = read_sheets(source, filename)
    if not sheets:
        return None, issues
    return sheets[0].table, sheets[0].issues


def _read_sheets(source: Source, name: str | None) -> tuple[list[Sheet], list[Issue]]:
    """Dispatch on the file extension, after the checks that need no parsing."""
    kind = FORMATS.get(Path(name).suffix.lower()) if name else None
    if kind is None:
        return [], [_unsupported(name)]
    try:
        data = _source_bytes(source)
    except OSError as exc:
        return [], [_unreadable(name, FORMAT_LABELS[kind], f"berkas tidak dapat dibuka ({exc})")]
    if not data.strip():
        return [], [empty_issue(name)]
    if kind == "excel":
        return _excel_sheets(data, name)
    grid, issues = (_csv_grid if kind == "csv" else _parquet_grid)(data, name)
    if grid is None:
        return [], issues
    sheet = _sheet(grid, name, None, "." if kind == "parquet" else None)
    return [replace(sheet, issues=issues + sheet.issues)], []


def source_name(source: Source, filename: str | None) -> str | None:
    """The file name used for the format and in messages: explicit, else the path or `.name`."""
    if filename:
        return Path(filename).name
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    attribute = getattr(source, "name", None)
    return Path(attribute).name if isinstance(attribute, str) and attribute else None


def _source_bytes(source: Source) -> bytes:
    """All bytes of a path, a bytes object or a binary file-like object (position left as found)."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).read_bytes()
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if hasattr(source, "getvalue"):
        data = source.getvalue()
    else:
        start = source.tell() if getattr(source, "seekable", lambda: False)() else None
        data = source.read()
        if start is not None:
            source.seek(start)
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


# ---------------------------------------------------------------- messages


def _unsupported(name: str | None) -> Issue:
    """Issue for a file whose extension names no supported format."""
    if not name:
        text = (
            "Format berkas tidak dapat ditentukan karena nama berkas tidak diketahui. "
            f"Format yang didukung: {SUPPORTED}. Sertakan nama berkas dengan akhiran yang sesuai."
        )
        return Issue("format_tidak_didukung", text)
    suffix = Path(name).suffix.lower()
    shown = f"berakhiran '{suffix}'" if suffix else "tidak memiliki akhiran format"
    text = (
        f"Berkas '{name}' {shown}, formatnya tidak didukung. Format yang didukung: {SUPPORTED}. "
        "Simpan ulang berkas dalam salah satu format tersebut lalu unggah kembali."
    )
    return Issue("format_tidak_didukung", text, value=suffix or None)


def _unreadable(name: str, label: str, reason: str, row: int | None = None) -> Issue:
    """Issue for a file that cannot be decoded or parsed, with the reason."""
    text = (
        f"Berkas '{name}' tidak dapat dibaca sebagai {label}: {reason.rstrip('. ')}. "
        "Pastikan berkas tidak rusak dan isinya sesuai akhiran namanya; "
        "buka berkas itu lalu simpan ulang dan unggah kembali."
    )
    return Issue("berkas_tidak_terbaca", text, row=row)


def empty_issue(name: str, header_row: int | None = None, sheet: str | None = None) -> Issue:
    """Issue for a file (or a sheet) with no header, or (given the header's row) with no data rows."""
    where = _place(name, sheet)
    where = where[0].upper() + where[1:]
    if header_row is not None:
        text = (
            f"{where} hanya berisi baris judul tanpa baris data. Tabel harus memiliki "
            "minimal satu baris data; isi data di bawah baris judul lalu unggah kembali."
        )
    else:
        text = (
            f"{where} kosong. Tabel harus memiliki baris judul (nama kolom) dan minimal "
            "satu baris data; isi berkas itu lalu unggah kembali."
        )
    return Issue("berkas_kosong", text, row=header_row, sheet=sheet)


def _place(name: str, sheet: str | None) -> str:
    """Where a problem is, for a message: "berkas 'a.xlsx'", or "lembar 'Setu' berkas 'a.xlsx'"."""
    return f"berkas '{name}'" if sheet is None else tr("inputs.sheet_of_file", sheet=sheet, name=name)


# ---------------------------------------------------------------- CSV


def _csv_grid(data: bytes, name: str) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Decode and split a CSV into a grid of strings indexed by spreadsheet row number."""
    decoded = decode(data)
    if decoded is None or looks_binary(decoded[0]):
        reason = (
            "isinya bukan teks (berisi data biner atau pengodean yang tidak dikenali); "
            "CSV harus berupa teks UTF-8 atau Windows-1252, dan berkas Excel harus berakhiran .xlsx"
        )
        return None, [_unreadable(name, "CSV", reason)]
    text, encoding = decoded
    if encoding == "cp1252":
        mixed = mixed_encoding_issue(data, name)
        if mixed is not None:
            return None, [mixed]
    skipped = LEADING_BLANK_LINES.match(text).group(0)
    body, offset = text[len(skipped) :], len(re.findall(r"\r\n|\r|\n", skipped))
    if not body or body.isspace():
        return None, [empty_issue(name)]
    try:
        grid = split(body, detect_delimiter(body))
    except pd.errors.ParserError as exc:
        return None, [_csv_parse_issue(name, str(exc), offset)]
    grid.index = grid.index + 1 + offset
    return grid, []


def _csv_parse_issue(name: str, error: str, offset: int) -> Issue:
    """Turn a pandas CSV parser error into an Indonesian issue pointing at the row."""
    fields = FIELD_COUNT_ERROR.search(error)
    quote = OPEN_QUOTE_ERROR.search(error)
    if fields:
        expected, line, seen = (int(g) for g in fields.groups())
        row = line + offset
        reason = (
            f"baris {row} berisi {seen} kolom, padahal baris judul berisi {expected} kolom; "
            "setiap baris harus memiliki jumlah kolom yang sama (periksa pemisah dan tanda kutip)"
        )
        return _unreadable(name, "CSV", reason, row=row)
    if quote:
        row = int(quote.group(1)) + 1 + offset
        reason = f'tanda kutip (") yang dibuka pada baris {row} tidak pernah ditutup'
        return _unreadable(name, "CSV", reason, row=row)
    return _unreadable(name, "CSV", error.strip())


# ---------------------------------------------------------------- Excel and Parquet


def _excel_sheets(data: bytes, name: str) -> tuple[list[Sheet], list[Issue]]:
    """Every worksheet as a Sheet; a workbook that cannot be opened is refused with the reason in Indonesian. A sheet
    holding formulas never calculated has no table, and its problems name them. Messages name the sheet when the
    workbook has more than one."""
    problem = workbooks.open_problem(data)
    if problem is not None:
        return [], [Issue(CODES.get(problem, "berkas_tidak_terbaca"), tr(problem, name=name))]
    try:
        found = workbooks.read_sheets(data)
    except Exception:  # a damaged workbook: zip, zlib, XML and openpyxl errors, also KeyError, TypeError …
        logger.exception("opening the Excel workbook %r failed", name)
        return [], [Issue("berkas_tidak_terbaca", tr("inputs.excel_damaged", name=name))]
    if not found:
        return [], [empty_issue(name)]
    sheets = []
    for title, grid, formulas in found:
        named = title if len(found) > 1 else None  # the sheet messages name
        sheet = _sheet(grid, name, named, ".")
        if formulas:
            sheet = replace(sheet, table=None, issues=_formula_issues(grid, formulas, named))
        sheets.append(replace(sheet, name=title))
    return sheets, []


def _formula_issues(grid: pd.DataFrame, formulas: workbooks.Formulas, sheet: str | None = None) -> list[Issue]:
    """One problem per formula cell without a calculated result, named by the header's column names."""
    cells = _clean_cells(grid)
    header = cells.iloc[0] if not cells.empty else pd.Series(dtype="string")
    names = {position: normalise_column_name(header.iloc[position]) for position in range(len(header))}
    issues = []
    for (row, position), formula in sorted(formulas.items()):
        column = names.get(position) or tr("inputs.column_number", n=position + 1)
        text = f"Kolom '{column}' {row_label(row, sheet)}: " + tr(
            "inputs.excel_formula", formula=shortened(formula, 40)
        )
        issues.append(Issue("rumus_belum_dihitung", text, row=row, column=column, value=formula, sheet=sheet))
    return issues


def _parquet_grid(data: bytes, name: str) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Parquet columns as strings with the column names as row 1."""
    import pyarrow as pa  # local: only needed for Parquet uploads
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:  # a corrupt file: ArrowInvalid, or OSError (Arrow's IOError)
        logger.info("reading the Parquet file %r failed: %s: %s", name, type(exc).__name__, exc)
        return None, [Issue("berkas_tidak_terbaca", tr("inputs.parquet_damaged", name=name))]
    return parquet_cells(table), []


# ---------------------------------------------------------------- grid to table


def _sheet(grid: pd.DataFrame, name: str, sheet: str | None, decimal: str | None) -> Sheet:
    """A grid as a Sheet: the first non-empty row becomes the header, the other non-empty rows data with `_baris`
    (and `_lembar` when `sheet` is named)."""
    cells = _clean_cells(grid)
    if cells.empty:
        return Sheet(sheet, None, [empty_issue(name, sheet=sheet)])
    header_row = int(cells.index[0])
    header, body = cells.iloc[0], cells.iloc[1:]
    if body.empty:
        named = tuple(n for n in map(normalise_column_name, header.tolist()) if n)
        return Sheet(sheet, None, [empty_issue(name, header_row, sheet)], named, 0)
    names, keep, issues = _column_names(header.tolist(), body, header_row, name, sheet)
    duplicates = _duplicate_issues(names, keep, header_row, name, sheet)
    if duplicates:
        return Sheet(sheet, None, issues + duplicates, tuple(names), len(body))
    issues += character_issues(cells, dict(zip(keep, names, strict=True)), sheet)
    table = body.iloc[:, keep].set_axis(names, axis=1)
    table = table.assign(**{ROW_COLUMN: body.index.to_numpy(dtype="int64")})
    if sheet is not None:
        table[SHEET_COLUMN] = pd.array([sheet] * len(table), dtype="string")
    table = table.reset_index(drop=True)
    table.attrs["decimal"] = decimal
    return Sheet(sheet, table, issues, tuple(names), len(body))


def _clean_cells(grid: pd.DataFrame) -> pd.DataFrame:
    """Cells as pandas strings with whitespace stripped, '' as <NA>, all-empty rows dropped."""
    cells = grid.astype("string").apply(lambda column: column.str.strip())
    cells = cells.mask(cells == "")
    return cells.dropna(how="all")


def _column_names(
    header: list, body: pd.DataFrame, header_row: int, file_name: str, sheet: str | None = None
) -> tuple[list[str], list[int], list[Issue]]:
    """Normalised names and the positions kept; empty unnamed columns are dropped silently."""
    names, keep, issues = [], [], []
    for position, raw in enumerate(header):
        name = normalise_column_name(raw)
        if not name and body.iloc[:, position].isna().all():
            continue
        if not name:
            name = f"kolom_{position + 1}"
            text = (
                f"Kolom ke-{position + 1} di {_place(file_name, sheet)} berisi data tetapi tidak bernama "
                f"pada baris judul (baris {header_row}); sementara dinamai '{name}'. Setiap kolom "
                "harus bernama; isi nama kolom itu pada baris judul."
            )
            issues.append(Issue("kolom_tanpa_nama", text, row=header_row, column=name, sheet=sheet))
        names.append(name)
        keep.append(position)
    return names, keep, issues


def normalise_column_name(raw: object) -> str:
    """Column name as lowercase words joined by '_', without BOM or surrounding spaces."""
    if raw is None or raw is pd.NA:
        return ""
    text = str(raw).translate(INVISIBLE).strip().lower()
    return re.sub(r"\s+", "_", text)


def _duplicate_issues(
    names: list[str], positions: list[int], header_row: int, file_name: str, sheet: str | None = None
) -> list[Issue]:
    """One kolom_ganda issue per name used twice, or used for a reserved column (`_baris`, `_lembar`)."""
    issues = []
    for name, count in Counter(names).items():
        places = ", ke-".join(str(p + 1) for p, other in zip(positions, names, strict=True) if other == name)
        if count > 1:
            text = (
                f"Nama kolom '{name}' muncul {count} kali pada baris judul {_place(file_name, sheet)} "
                f"(kolom ke-{places}). Nama kolom harus unik; ganti atau hapus salah satunya."
            )
        elif name in RESERVED:
            text = (
                f"Nama kolom '{name}' di {_place(file_name, sheet)} (kolom ke-{places}) dipakai aplikasi "
                f"untuk {'nomor baris asli' if name == ROW_COLUMN else 'nama lembar asal'}. Ganti nama kolom itu, "
                f"misalnya menjadi '{name.lstrip('_')}'."
            )
        else:
            continue
        issues.append(Issue("kolom_ganda", text, row=header_row, column=name, value=name, sheet=sheet))
    return issues
