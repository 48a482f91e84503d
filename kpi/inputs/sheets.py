"""Which worksheets of a workbook hold a table of the chosen kind: all of them are read, as one table.

A sheet is read when its first non-empty row names every required column of the kind; an empty sheet, a sheet
holding a header without data rows, and a sheet whose first row names none of the kind's columns (a 'Petunjuk'
notes sheet) are skipped, each with its reason. A sheet that names some of the kind's columns but not all, or whose
columns differ from the other sheets read, refuses the whole file with a message naming the sheet: nothing is
dropped in silence, and never is the first sheet alone taken for the workbook. A CSV or Parquet file is one table,
passed on as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from kpi.core.issues import Issue
from kpi.core.texts import tr
from kpi.inputs.readers import RESERVED, Sheet, empty_issue

# What the import does with a sheet; the texts imports.sheet.<status> say it to people
READ, EMPTY, HEADER_ONLY, NOT_A_TABLE, REFUSED = "dibaca", "kosong", "hanya_judul", "bukan_tabel", "ditolak"

# The columns of a header: (canonical column → the sheet's column, one problem per required column missing)
Matcher = Callable[[list[str]], tuple[dict[str, str], list[Issue]]]


@dataclass(frozen=True)
class SheetUse:
    """One worksheet of a workbook and what the import does with it: read, skipped (and why) or refused."""

    name: str
    rows: int  # the non-empty rows under its first non-empty row
    status: str  # READ, EMPTY, HEADER_ONLY, NOT_A_TABLE or REFUSED

    @property
    def read(self) -> bool:
        return self.status == READ


def combine(
    sheets: list[Sheet], match: Matcher, file_name: str
) -> tuple[pd.DataFrame | None, list[Issue], tuple[SheetUse, ...]]:
    """The one table of every sheet read (None when no sheet holds the kind's table), the problems of the sheets
    (the file is refused when there are any; the table is still checked, so that every problem is told at once), and
    what became of each sheet of a workbook."""
    if len(sheets) == 1 and sheets[0].name is None:  # CSV or Parquet
        return sheets[0].table, sheets[0].issues, ()
    uses, issues, read = [], [], []
    for sheet in sheets:
        status, problems, names = _classify(sheet, match, several=len(sheets) > 1)
        uses.append(SheetUse(str(sheet.name), sheet.rows, status))
        issues += problems
        if status == READ:
            read.append((sheet, names))
    different = _different_headers(read) if len(read) > 1 else []
    if different:
        refused = {i.sheet for i in different}
        uses = [replace(u, status=REFUSED) if u.name in refused else u for u in uses]
        read = [(sheet, names) for sheet, names in read if sheet.name not in refused]
        issues += different
    if not any(u.status in (READ, REFUSED) for u in uses):
        return None, _no_table(sheets, uses, match, file_name), tuple(uses)
    return (_stacked(read) if read else None), issues, tuple(uses)


def _classify(sheet: Sheet, match: Matcher, several: bool) -> tuple[str, list[Issue], dict[str, str]]:
    """What to do with one sheet, its problems, and its columns (canonical → the sheet's own name)."""
    if not sheet.header:
        return EMPTY, [], {}
    names, missing = match(list(sheet.header))
    if not names:
        return NOT_A_TABLE, [], {}
    if missing:
        return REFUSED, [_named(i, sheet.name) for i in missing] if several else missing, names
    if sheet.rows == 0:
        return HEADER_ONLY, [], names
    if sheet.table is None or sheet.issues:
        return REFUSED if sheet.table is None else READ, sheet.issues, names
    return READ, [], names


def _no_table(sheets: list[Sheet], uses: list[SheetUse], match: Matcher, file_name: str) -> list[Issue]:
    """Why no sheet holds the kind's table: the header of the first sheet without data rows, else the columns the
    first sheet of other data lacks (the messages a one-sheet file gets), else an empty workbook."""
    several = len(sheets) > 1
    for status in (HEADER_ONLY, NOT_A_TABLE):
        for sheet, use in zip(sheets, uses, strict=True):
            if use.status != status:
                continue
            if status == HEADER_ONLY:
                return sheet.issues
            problems = match(list(sheet.header))[1]
            return [_named(i, sheet.name, "inputs.sheet_prefix") for i in problems] if several else problems
    return [empty_issue(file_name)]


def _named(issue: Issue, sheet: str | None, key: str = "inputs.sheet_header") -> Issue:
    """A problem of a sheet's header saying which sheet (by default: and that a sheet of other data can go)."""
    return replace(issue, sheet=sheet, message=tr(key, sheet=sheet, message=issue.message))


def _different_headers(read: list[tuple[Sheet, dict[str, str]]]) -> list[Issue]:
    """One problem per sheet whose columns (after matching names and aliases) differ from the first sheet's."""
    (first, columns), issues = read[0], []
    for sheet, names in read[1:]:
        if set(names) == set(columns):
            continue
        text = tr(
            "inputs.sheet_other_columns",
            sheet=sheet.name,
            first=first.name,
            extra=", ".join(sorted(set(names) - set(columns))) or "—",
            lacking=", ".join(sorted(set(columns) - set(names))) or "—",
        )
        issues.append(Issue("lembar_beda_kolom", text, row=1, sheet=sheet.name))
    return issues


def _stacked(read: list[tuple[Sheet, dict[str, str]]]) -> pd.DataFrame:
    """The tables of the sheets read, one under another, their columns named as in the first sheet."""
    first = read[0][1]
    tables = []
    for sheet, names in read:
        assert sheet.table is not None  # READ sheets have a table
        own = {names[c]: first[c] for c in names}
        kept = [c for c in sheet.table.columns if c in own or c in RESERVED]
        tables.append(sheet.table[kept].rename(columns=own))
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    table.attrs["decimal"] = read[0][0].table.attrs.get("decimal")
    return table
