"""Text that is damaged, the same rule for every format: a CSV in two encodings at once, and cells holding a control
character (NUL and the like) or the replacement character '\ufffd' that a wrong encoding leaves behind.

Such a file is refused with the rows (and cells) named, never stored as mojibake ("CafÃ©") or with invisible bytes.
"""

from __future__ import annotations

import re

import pandas as pd

from kpi.core.issues import Issue, first_rows, row_label
from kpi.core.texts import tr
from kpi.inputs.cells import shortened
from kpi.inputs.delimited import mixed_lines

CONTROL = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"  # tab, line feed and carriage return are text
REPLACEMENT = "\ufffd"
DAMAGED = f"{CONTROL}|{REPLACEMENT}"  # RE2 (Arrow strings) and Python's re read it alike
NON_ASCII_WORD = re.compile(r"[^\s,;|\"\ufffd]{0,12}[^\x00-\x7f\ufffd][^\s,;|\"\ufffd]{0,12}")  # up to 25 letters


def mixed_encoding_issue(data: bytes, name: str) -> Issue | None:
    """The problem of CSV bytes that hold UTF-8 lines and Windows-1252 lines at once, or None."""
    utf8, other = mixed_lines(data)
    if not (utf8 and other):
        return None
    sample = _sample_word(data, utf8[0])
    text = tr(
        "inputs.mixed_encoding",
        name=name,
        utf8=first_rows(utf8),
        other=first_rows(other),
        word=sample,
        garbled=sample.encode("utf-8").decode("cp1252", errors="replace"),
    )
    return Issue("pengodean_campuran", text, row=other[0])


def _sample_word(data: bytes, line: int) -> str:
    """The first word beyond ASCII on a UTF-8 line (line numbers from 1)."""
    text = data.split(b"\n", line)[line - 1].decode("utf-8", errors="replace")  # the line may hold both
    found = NON_ASCII_WORD.search(text)
    return found.group() if found else text[:25]


def character_issues(cells: pd.DataFrame, names: dict[int, str], sheet: str | None = None) -> list[Issue]:
    """One problem per cell (header included) holding a control or replacement character; `cells` are texts by
    spreadsheet row and column position, `names` the column name of each position, `sheet` the worksheet messages
    name (None for a file of one table)."""
    issues = []
    for position in range(cells.shape[1]):
        column = cells.iloc[:, position]
        damaged = column.str.contains(DAMAGED, regex=True).fillna(False).astype(bool)
        name = names.get(position, tr("inputs.column_number", n=position + 1))
        issues += [_issue(int(row), name, str(text), sheet) for row, text in column[damaged].items()]
    return sorted(issues, key=lambda i: (i.row or 0, i.column or ""))


def _issue(row: int, column: str, text: str, sheet: str | None = None) -> Issue:
    """The problem of one damaged cell, with the text made visible (NUL shown as \\x00)."""
    visible = re.sub(CONTROL, lambda m: f"\\x{ord(m.group()):02x}", text)
    key = "inputs.control_character" if re.search(CONTROL, text) else "inputs.replacement_character"
    cause = tr(key, value=shortened(visible, 40))
    message = f"Kolom '{column}' {row_label(row, sheet)}: {cause}"
    return Issue("karakter_rusak", message, row=row, column=column, value=visible, cause=cause, sheet=sheet)
