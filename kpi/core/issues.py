"""Problems found in input: one record per problem, never an exception to the caller; and the same problems grouped
by cause for people (one message per rule, column and text, with the count and the first rows)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from kpi.core.texts import tr

ISSUE_COLUMNS = ("baris", "kolom", "kode", "pesan", "nilai")
CAUSE_COLUMNS = ("baris", "jumlah", "kolom", "kode", "pesan", "nilai")
SHOWN_ROWS = 5  # rows named in a grouped message before '…'
SHEET_COLUMN = "lembar"  # the column of the issues table naming the worksheet, when any problem has one


@dataclass(frozen=True)
class Issue:
    """One problem in the input, with where it is, a machine code and an Indonesian message."""

    code: str
    message: str
    row: int | None = None  # spreadsheet row number (header = row 1, first data row = 2)
    column: str | None = None
    value: str | None = None
    cause: str | None = None  # the message without its place ("Kolom 'x' baris n: "), shared by rows with this problem
    sheet: str | None = None  # the worksheet of a workbook with several sheets; None for CSV, Parquet, one sheet
    suggestion: str | None = None  # the value the cell most likely meant (a plausible typo), to accept in one step


def row_label(row: int, sheet: str | None = None) -> str:
    """How a message names a row: 'baris 14', or "lembar 'Setu' baris 14" in a workbook with several sheets."""
    return f"baris {row}" if sheet is None else tr("inputs.sheet_row", sheet=sheet, row=row)


@dataclass(frozen=True)
class Cause:
    """The rows with one problem (the same rule, column, text and sheet, so the same value): one message for them."""

    code: str
    message: str  # the row's own message for one row; for more, the rows counted and the first ones named
    rows: tuple[int, ...]
    column: str | None
    value: str | None
    text: str  # the message without its place (the whole message for a problem of the file)
    sheet: str | None = None
    suggestion: str | None = None  # the value the rows most likely meant (see Issue.suggestion)


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


def causes(issues: Iterable[Issue]) -> list[Cause]:
    """One Cause per rule, column, text and sheet, ordered by their first rows; a problem without a shared text (one
    of the whole file, or a cell's own) stays a Cause of its own."""
    groups: dict[tuple[object, ...], list[Issue]] = {}
    for position, issue in enumerate(issues):
        shared = issue.cause is not None and issue.row is not None and issue.column is not None
        key = (issue.code, issue.column, issue.cause, issue.sheet) if shared else (position,)
        groups.setdefault(key, []).append(issue)
    found = [_cause(group) for group in groups.values()]
    return sorted(found, key=lambda c: (c.sheet or "", c.rows[0] if c.rows else 0, c.column or ""))


def _cause(group: list[Issue]) -> Cause:
    """The Cause of issues that share a rule, column, text and sheet (or of one issue)."""
    first = group[0]
    rows = tuple(i.row for i in group if i.row is not None)
    text = first.cause or first.message
    if len(group) == 1:
        return Cause(first.code, first.message, rows, first.column, first.value, text, first.sheet, first.suggestion)
    message = tr("issues.grouped", column=first.column, place=rows_place(rows, first.sheet), text=text)
    return Cause(first.code, message, rows, first.column, first.value, text, first.sheet, first.suggestion)


def rows_place(rows: tuple[int, ...], sheet: str | None = None) -> str:
    """Rows for a message: 'baris 7' for one, '20 baris (3, 7, 12, 15, 18, …)' for more; "lembar 'Setu', …" first
    in a workbook with several sheets."""
    if len(rows) == 1:
        place = tr("issues.one_row", row=rows[0])
    else:
        shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS]) + (", …" if len(rows) > SHOWN_ROWS else "")
        place = tr("issues.rows", n=len(rows), rows=shown)
    return place if sheet is None else tr("issues.sheet_place", sheet=sheet, place=place)


def first_rows(numbers: list[int]) -> str:
    """Row numbers for a message about many rows: the first SHOWN_ROWS, then how many more ('3, 7 dan 4 baris
    lain')."""
    shown = ", ".join(str(n) for n in numbers[:SHOWN_ROWS])
    rest = len(numbers) - SHOWN_ROWS
    return shown if rest <= 0 else tr("inputs.more_rows", rows=shown, n=rest)


def causes_frame(found: Iterable[Cause]) -> pd.DataFrame:
    """Causes as a table with columns baris (the first row), jumlah (rows), kolom, kode, pesan, nilai; a first column
    lembar when any cause names its worksheet."""
    found = list(found)
    records = [(c.rows[0] if c.rows else None, len(c.rows), c.column, c.code, c.message, c.value) for c in found]
    frame = pd.DataFrame.from_records(records, columns=list(CAUSE_COLUMNS))
    frame = frame.astype(
        {"baris": "Int64", "jumlah": "Int64", "kolom": "string", "kode": "string", "pesan": "string", "nilai": "string"}
    )
    if any(c.sheet is not None for c in found):
        frame.insert(0, SHEET_COLUMN, pd.Series([c.sheet for c in found], dtype="string"))
    return frame
