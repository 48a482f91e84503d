"""Read an uploaded or on-disk table into a frame of strings, reporting problems as Issues.

Splitting CSV text lives in kpi.inputs.delimited, typed Excel and Parquet cells as text in kpi.inputs.cells, and the
refusal of damaged text (two encodings in one CSV, control characters, '\ufffd') in kpi.inputs.characters.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections import Counter
from pathlib import Path
from typing import IO

import pandas as pd

from kpi.core.issues import Issue
from kpi.core.texts import tr
from kpi.inputs import workbooks
from kpi.inputs.cells import parquet_cells, shortened
from kpi.inputs.characters import character_issues, mixed_encoding_issue
from kpi.inputs.delimited import decode, detect_delimiter, looks_binary, split

Source = str | os.PathLike | bytes | bytearray | memoryview | IO[bytes]
Result = tuple[pd.DataFrame | None, list[Issue]]

ROW_COLUMN = "_baris"
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


def read_table(source: Source, filename: str | None = None) -> Result:
    """Read a CSV, Excel or Parquet table into a frame of strings plus a `_baris` column; never raises."""
    name = filename if isinstance(filename, str) else None
    try:
        name = source_name(source, filename)
        return _read_table(source, name)
    except Exception as exc:  # the border: the traceback goes to the log, an Issue to the user
        logger.exception("reading the table %r failed", name)
        reason = f"kesalahan tak terduga ({type(exc).__name__}: {exc})"
        return None, [_unreadable(name or "tanpa nama", "tabel", reason)]


def _read_table(source: Source, name: str | None) -> Result:
    """Dispatch on the file extension, after the checks that need no parsing."""
    kind = FORMATS.get(Path(name).suffix.lower()) if name else None
    if kind is None:
        return None, [_unsupported(name)]
    try:
        data = _source_bytes(source)
    except OSError as exc:
        return None, [_unreadable(name, FORMAT_LABELS[kind], f"berkas tidak dapat dibuka ({exc})")]
    if not data.strip():
        return None, [_empty(name)]
    reader = {"csv": _csv_grid, "excel": _excel_grid, "parquet": _parquet_grid}[kind]
    grid, issues = reader(data, name)
    if grid is None:
        return None, issues
    frame, table_issues = _grid_to_table(grid, name)
    if frame is not None:
        frame.attrs["decimal"] = None if kind == "csv" else "."
    return frame, issues + table_issues


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


def _empty(name: str, header_row: int | None = None) -> Issue:
    """Issue for a file with no header, or (given the header's row) with no data rows."""
    if header_row is not None:
        text = (
            f"Berkas '{name}' hanya berisi baris judul tanpa baris data. Tabel harus memiliki "
            "minimal satu baris data; isi data di bawah baris judul lalu unggah kembali."
        )
    else:
        text = (
            f"Berkas '{name}' kosong. Tabel harus memiliki baris judul (nama kolom) dan minimal "
            "satu baris data; isi berkas itu lalu unggah kembali."
        )
    return Issue("berkas_kosong", text, row=header_row)


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
        return None, [_empty(name)]
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


def _excel_grid(data: bytes, name: str) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Cells of the first worksheet as strings, indexed by spreadsheet row number; a workbook that cannot be opened,
    or that holds formulas never calculated, is refused with the reason in Indonesian."""
    problem = workbooks.open_problem(data)
    if problem is not None:
        return None, [Issue(CODES.get(problem, "berkas_tidak_terbaca"), tr(problem, name=name))]
    try:
        grid, formulas = workbooks.read_cells(data)
    except Exception:  # a damaged workbook: zip, zlib, XML and openpyxl errors, also KeyError, TypeError …
        logger.exception("opening the Excel workbook %r failed", name)
        return None, [Issue("berkas_tidak_terbaca", tr("inputs.excel_damaged", name=name))]
    if formulas:
        return None, _formula_issues(grid, formulas)
    return grid, []


def _formula_issues(grid: pd.DataFrame, formulas: workbooks.Formulas) -> list[Issue]:
    """One problem per formula cell without a calculated result, named by the header's column names."""
    cells = _clean_cells(grid)
    header = cells.iloc[0] if not cells.empty else pd.Series(dtype="string")
    names = {position: normalise_column_name(header.iloc[position]) for position in range(len(header))}
    issues = []
    for (row, position), formula in sorted(formulas.items()):
        column = names.get(position) or tr("inputs.column_number", n=position + 1)
        text = f"Kolom '{column}' baris {row}: " + tr("inputs.excel_formula", formula=shortened(formula, 40))
        issues.append(Issue("rumus_belum_dihitung", text, row=row, column=column, value=formula))
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


def _grid_to_table(grid: pd.DataFrame, name: str) -> Result:
    """First non-empty row becomes the header; other non-empty rows become data with `_baris`."""
    cells = _clean_cells(grid)
    if cells.empty:
        return None, [_empty(name)]
    header_row = int(cells.index[0])
    header, body = cells.iloc[0], cells.iloc[1:]
    if body.empty:
        return None, [_empty(name, header_row)]
    names, keep, issues = _column_names(header.tolist(), body, header_row, name)
    duplicates = _duplicate_issues(names, keep, header_row, name)
    if duplicates:
        return None, issues + duplicates
    issues += character_issues(cells, dict(zip(keep, names, strict=True)))
    table = body.iloc[:, keep].set_axis(names, axis=1)
    table = table.assign(**{ROW_COLUMN: body.index.to_numpy(dtype="int64")})
    return table.reset_index(drop=True), issues


def _clean_cells(grid: pd.DataFrame) -> pd.DataFrame:
    """Cells as pandas strings with whitespace stripped, '' as <NA>, all-empty rows dropped."""
    cells = grid.astype("string").apply(lambda column: column.str.strip())
    cells = cells.mask(cells == "")
    return cells.dropna(how="all")


def _column_names(
    header: list, body: pd.DataFrame, header_row: int, file_name: str
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
                f"Kolom ke-{position + 1} di berkas '{file_name}' berisi data tetapi tidak bernama "
                f"pada baris judul (baris {header_row}); sementara dinamai '{name}'. Setiap kolom "
                "harus bernama; isi nama kolom itu pada baris judul."
            )
            issues.append(Issue("kolom_tanpa_nama", text, row=header_row, column=name))
        names.append(name)
        keep.append(position)
    return names, keep, issues


def normalise_column_name(raw: object) -> str:
    """Column name as lowercase words joined by '_', without BOM or surrounding spaces."""
    if raw is None or raw is pd.NA:
        return ""
    text = str(raw).translate(INVISIBLE).strip().lower()
    return re.sub(r"\s+", "_", text)


def _duplicate_issues(names: list[str], positions: list[int], header_row: int, file_name: str) -> list[Issue]:
    """One kolom_ganda issue per name used twice, or used for the reserved `_baris` column."""
    issues = []
    for name, count in Counter(names).items():
        places = ", ke-".join(str(p + 1) for p, other in zip(positions, names, strict=True) if other == name)
        if count > 1:
            text = (
                f"Nama kolom '{name}' muncul {count} kali pada baris judul berkas '{file_name}' "
                f"(kolom ke-{places}). Nama kolom harus unik; ganti atau hapus salah satunya."
            )
        elif name == ROW_COLUMN:
            text = (
                f"Nama kolom '{name}' di berkas '{file_name}' (kolom ke-{places}) dipakai aplikasi "
                "untuk nomor baris asli. Ganti nama kolom itu, misalnya menjadi 'baris'."
            )
        else:
            continue
        issues.append(Issue("kolom_ganda", text, row=header_row, column=name, value=name))
    return issues
