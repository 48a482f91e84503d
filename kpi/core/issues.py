"""Problems found in input: one record per problem, never an exception to the caller."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

ISSUE_COLUMNS = ("baris", "kolom", "kode", "pesan", "nilai")


@dataclass(frozen=True)
class Issue:
    """One problem in the input, with where it is, a machine code and an Indonesian message."""

    code: str
    message: str
    row: int | None = None  # spreadsheet row number (header = row 1, first data row = 2)
    column: str | None = None
    value: str | None = None


def issues_frame(issues: Iterable[Issue]) -> pd.DataFrame:
    """Issues as a table with columns baris, kolom, kode, pesan, nilai (empty table when none)."""
    records = [(i.row, i.column, i.code, i.message, i.value) for i in issues]
    frame = pd.DataFrame.from_records(records, columns=list(ISSUE_COLUMNS))
    return frame.astype({"baris": "Int64", "kolom": "string", "kode": "string", "pesan": "string", "nilai": "string"})
