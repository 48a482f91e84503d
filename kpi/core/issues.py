"""Problems found in input: one record per problem, never an exception to the caller."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from kpi.core.texts import tr

ISSUE_COLUMNS = ("baris", "kolom", "kode", "pesan", "nilai")
SHEET_COLUMN = "lembar"  # the column of the issues table naming the worksheet, when any problem has one


@dataclass(frozen=True)
class Issue:
    """One problem in the input, with where it is, a machine code and an Indonesian message."""

    code: str
    message: str
    row: int | None = None  # spreadsheet row number (header = row 1, first data row = 2)
    column: str | None = None
    value: str | None = None
    sheet: str | None = None  # the worksheet of a workbook with several sheets; None for CSV, Parquet, one sheet


def row_label(row: int, sheet: str | None = None) -> str:
    """How a message names a row: 'baris 14', or "lembar 'Setu' baris 14" in a workbook with several sheets."""
    return f"baris {row}" if sheet is None else tr("inputs.sheet_row", sheet=sheet, row=row)


def issues_frame(issues: Iterable[Issue]) -> pd.DataFrame:
    """Issues as a table with columns baris, kolom, kode, pesan, nilai (empty table when none); a first column
    lembar when any issue names its worksheet."""
    issues = list(issues)
    records = [(i.row, i.column, i.code, i.message, i.value) for i in issues]
    frame = pd.DataFrame.from_records(records, columns=list(ISSUE_COLUMNS))
    frame = frame.astype({"baris": "Int64", "kolom": "string", "kode": "string", "pesan": "string", "nilai": "string"})
    if any(i.sheet is not None for i in issues):
        frame.insert(0, SHEET_COLUMN, pd.Series([i.sheet for i in issues], dtype="string"))
    return frame
