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


@dataclass(frozen=True)
class Issue:
    """One problem in the input, with where it is, a machine code and an Indonesian message."""

    code: str
    message: str
    row: int | None = None  # spreadsheet row number (header = row 1, first data row = 2)
    column: str | None = None
    value: str | None = None
    cause: str | None = None  # the message without its place ("Kolom 'x' baris n: "), shared by rows with this problem


@dataclass(frozen=True)
class Cause:
    """The rows with one problem (the same rule, column and text, so the same value): one message for them all."""

    code: str
    message: str  # the row's own message for one row; for more, the rows counted and the first ones named
    rows: tuple[int, ...]
    column: str | None
    value: str | None
    text: str  # the message without its place (the whole message for a problem of the file)


def issues_frame(issues: Iterable[Issue]) -> pd.DataFrame:
    """Issues as a table with columns baris, kolom, kode, pesan, nilai (empty table when none)."""
    records = [(i.row, i.column, i.code, i.message, i.value) for i in issues]
    frame = pd.DataFrame.from_records(records, columns=list(ISSUE_COLUMNS))
    return frame.astype({"baris": "Int64", "kolom": "string", "kode": "string", "pesan": "string", "nilai": "string"})


def causes(issues: Iterable[Issue]) -> list[Cause]:
    """One Cause per rule, column and text, ordered by their first rows; a problem without a shared text (one of
    the whole file, or a cell's own) stays a Cause of its own."""
    groups: dict[tuple[object, ...], list[Issue]] = {}
    for position, issue in enumerate(issues):
        shared = issue.cause is not None and issue.row is not None and issue.column is not None
        groups.setdefault((issue.code, issue.column, issue.cause) if shared else (position,), []).append(issue)
    found = [_cause(group) for group in groups.values()]
    return sorted(found, key=lambda c: (c.rows[0] if c.rows else 0, c.column or ""))


def _cause(group: list[Issue]) -> Cause:
    """The Cause of issues that share a rule, column and text (or of one issue)."""
    first = group[0]
    rows = tuple(i.row for i in group if i.row is not None)
    text = first.cause or first.message
    if len(group) == 1:
        return Cause(first.code, first.message, rows, first.column, first.value, text)
    message = tr("issues.grouped", column=first.column, place=rows_place(rows), text=text)
    return Cause(first.code, message, rows, first.column, first.value, text)


def rows_place(rows: tuple[int, ...]) -> str:
    """Rows for a message: 'baris 7' for one, '20 baris (3, 7, 12, 15, 18, …)' for more."""
    if len(rows) == 1:
        return tr("issues.one_row", row=rows[0])
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS]) + (", …" if len(rows) > SHOWN_ROWS else "")
    return tr("issues.rows", n=len(rows), rows=shown)


def causes_frame(found: Iterable[Cause]) -> pd.DataFrame:
    """Causes as a table with columns baris (the first row), jumlah (rows), kolom, kode, pesan, nilai."""
    records = [(c.rows[0] if c.rows else None, len(c.rows), c.column, c.code, c.message, c.value) for c in found]
    frame = pd.DataFrame.from_records(records, columns=list(CAUSE_COLUMNS))
    return frame.astype(
        {"baris": "Int64", "jumlah": "Int64", "kolom": "string", "kode": "string", "pesan": "string", "nilai": "string"}
    )
