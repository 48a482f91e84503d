"""Excel workbooks (.xlsx): the cells of every worksheet, why a workbook cannot be opened, and the formulas whose
result was never calculated, each said in Indonesian (texts in kpi.core.texts).

A workbook is a ZIP archive. Bytes that are an OLE2 compound file instead (D0 CF 11 E0 …) are either a workbook
protected by a password (Excel encrypts it into an 'EncryptedPackage' stream) or an Excel 97–2003 .xls file; bytes
that are no ZIP archive are damaged (a cut-off download) or no workbook at all. A formula cell keeps the formula and,
once Excel or LibreOffice has calculated it, its result; a file written by a program that never calculated it holds
no result, which openpyxl reads (data_only=True) as an empty cell.
"""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd

from kpi.inputs.cells import cell_grid, sheet_cells

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")  # <f>, <f t="shared" …/>, <x:f>
CHUNK = 1 << 20

Formulas = dict[tuple[int, int], str]  # (spreadsheet row, column position) → the formula


def open_problem(data: bytes) -> str | None:
    """The text key of why these bytes are no workbook openpyxl can open, or None when they look like one."""
    if data.startswith(OLE2):
        return "inputs.excel_encrypted" if ENCRYPTED_STREAM in data else "inputs.excel_legacy"
    archive = io.BytesIO(data)
    if not zipfile.is_zipfile(archive):
        return "inputs.excel_damaged" if data.startswith(b"PK") else "inputs.excel_not_workbook"
    try:
        with zipfile.ZipFile(archive) as zipped:
            names = set(zipped.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "inputs.excel_damaged"
    workbook = "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)  # not .docx, .zip …
    return None if workbook else "inputs.excel_not_workbook"


def read_sheets(data: bytes) -> list[tuple[str, pd.DataFrame, Formulas]]:
    """Every worksheet in workbook order: its name, its cells as texts (see kpi.inputs.cells.sheet_cells) and its
    formulas that hold no calculated result; raises whatever calamine, openpyxl, zipfile or zlib raise for a damaged
    workbook. The texts come from calamine (Rust, several times faster), which gives the same cells as openpyxl
    (tests/test_workbook_readers.py compares them); openpyxl reads the formulas, only when the XML holds any."""
    grids = _fast_cells(data)
    if not _has_formulas(data):
        return [(name, grid, {}) for name, grid in grids]
    formulas = dict(_cells(data, data_only=False, texts=False))
    found = []
    for name, grid in grids:
        written = formulas.get(name)
        if written is not None:  # a formula without a result lies outside the cells with values: widen the grid
            grid = grid.reindex(index=grid.index.union(written.index), columns=grid.columns.union(written.columns))
            grid = grid.astype(object).where(grid.notna(), None)
        found.append((name, grid, _uncalculated(grid, written)))
    return found


def _uncalculated(grid: pd.DataFrame, formulas: pd.DataFrame | None) -> Formulas:
    """The formula cells of one sheet whose calculated result (the cell's text in `grid`) is missing."""
    if formulas is None:
        return {}
    return {
        (int(row), int(position)): _formula_text(value)
        for (row, position), value in formulas.stack().items()
        if _is_formula(value) and position in grid.columns and row in grid.index and grid.at[row, position] is None
    }


def _cells(data: bytes, data_only: bool, texts: bool = True) -> list[tuple[str, pd.DataFrame]]:
    """Every worksheet read by openpyxl: its name and its cell texts (or raw values) by spreadsheet row and column
    position."""
    import openpyxl  # local: only needed for Excel uploads

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        return [(sheet.title, sheet_cells(sheet, texts)) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _fast_cells(data: bytes) -> list[tuple[str, pd.DataFrame]]:
    """Every worksheet read by calamine: its name and its cell texts by spreadsheet row and column position, as
    `_cells(data, data_only=True)` gives them (an empty cell is None, not calamine's '')."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum  # local: only needed for Excel uploads

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        found = []
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no cells, as openpyxl's worksheets leave them out
            rows = workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            found.append((meta.name, cell_grid([[None if v == "" else v for v in row] for row in rows])))
        return found
    finally:
        workbook.close()


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet of the archive holds a formula element (a quick scan of the XML, no parsing)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        for name in zipped.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and _scan(zipped, name):
                return True
    return False


def _scan(zipped: zipfile.ZipFile, name: str) -> bool:
    """Whether one member's XML holds a formula tag, read in chunks (a tag may straddle two)."""
    tail = b""
    with zipped.open(name) as member:
        while chunk := member.read(CHUNK):
            if FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-32:]
    return False


def _is_formula(value: object) -> bool:
    """A formula as openpyxl gives it with data_only=False: '=…' text, or an array or data-table formula object."""
    return (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in (
        "ArrayFormula",
        "DataTableFormula",
    )


def _formula_text(value: object) -> str:
    """The formula as written in the cell."""
    return str(getattr(value, "text", None) or value)
