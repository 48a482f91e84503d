"""Typed cells of Excel and Parquet files as text: integers without '.0', shortest exact floats, ISO dates.

`cell_text` defines the text of one cell. A Parquet column of a common type (text, integers, floats, booleans,
dates, time stamps without zone) is turned into the same texts at once by Arrow and numpy; any other type, and
dates outside what Python's datetime can hold, go through `cell_text` one by one.
"""

from __future__ import annotations

import datetime as dt
import decimal as dec
import math
import numbers
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.core.texts import tr

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet as Worksheet

TEXT = pa.large_string()
STRING_DTYPE = pd.StringDtype("pyarrow")
PANDAS_INDEX_COLUMN = re.compile(r"__index_level_\d+__")
EXACT_INTEGERS = 2.0**53  # every whole float below this prints as its integer
EXCEL_CONTROL = re.compile(
    r"_x(00[01][0-9A-Fa-f]|007[Ff])_"
)  # how a workbook stores a control character: NUL = _x0000_
FIRST_DAY, LAST_DAY = np.datetime64("0001-01-01", "D"), np.datetime64("9999-12-31", "D")  # Python's date range


def cell_text(value: object) -> str | None:
    """A typed cell as text: integers without '.0', shortest exact floats, ISO dates."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, dec.Decimal):
        number = float(value) + 0.0  # -0.0 is 0: a workbook stores it as "-0", which openpyxl reads as 0
        if math.isnan(number):
            return None
        return np.format_float_positional(number, trim="-") if math.isfinite(number) else str(number)
    if isinstance(value, dt.datetime):
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.date().isoformat() if midnight else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dec.Decimal):
        return format(value, "f")
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def shortened(text: object, width: int = 30) -> str:
    """A cell's text for a message, cut to `width` characters (a 300-digit number is named, not printed)."""
    text = str(text)
    return text if len(text) <= width else tr("inputs.cut_text", start=text[: width - 1], n=len(text))


def sheet_cells(sheet: Worksheet, texts: bool = True) -> pd.DataFrame:
    """The cells of one worksheet as texts, or as openpyxl's values when not `texts` (object grid indexed by
    spreadsheet row number)."""
    sheet.reset_dimensions()  # some writers store a wrong used range; read what is really there
    return cell_grid(list(sheet.iter_rows(values_only=True)), texts)


def cell_grid(rows: list, texts: bool = True) -> pd.DataFrame:
    """Rows of workbook values as the grid of a sheet: texts (or the values), padded to one width, indexed by
    spreadsheet row number; trailing empty rows left out, as openpyxl reads them."""
    rows = [[_excel_text(value) if texts else value for value in row] for row in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max(map(len, rows), default=0)
    rows = [row + [None] * (width - len(row)) for row in rows]
    return pd.DataFrame(rows, index=range(1, len(rows) + 1), columns=range(width), dtype=object)


def _excel_text(value: object) -> str | None:
    """`cell_text` of a workbook cell, with the control characters it stores escaped (_x0000_) as the characters."""
    if isinstance(value, str) and "_x" in value:
        return EXCEL_CONTROL.sub(lambda m: chr(int(m.group(1), 16)), value)
    return cell_text(value)


def parquet_cells(table: pa.Table) -> pd.DataFrame:
    """The columns of a Parquet table as texts, with the column names as row 1 (pandas' stored index left out)."""
    columns = {}
    for position, name in enumerate(table.column_names):
        if PANDAS_INDEX_COLUMN.fullmatch(str(name)):
            continue  # unnamed index that pandas.to_parquet stores; not user data
        texts = pa.chunked_array([pa.array([str(name)], TEXT), *column_texts(table.column(position)).chunks], TEXT)
        columns[position] = texts.to_pandas(types_mapper={TEXT: STRING_DTYPE}.get).array
    return pd.DataFrame(columns, index=range(1, table.num_rows + 2))


def column_texts(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """`cell_text` of every value of an Arrow column (null for no text), per column where the type allows."""
    kind = column.type
    if pa.types.is_dictionary(kind):
        return column_texts(column.cast(kind.value_type))
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind):
        return column.cast(TEXT)
    if pa.types.is_boolean(kind):
        return pc.if_else(column, "True", "False").cast(TEXT)
    if pa.types.is_floating(kind):
        return _float_texts(column.cast(pa.float64()).to_numpy())
    stamps = _stamps(column)
    if stamps is not None:
        return _stamp_texts(stamps)
    return pa.chunked_array([pa.array([cell_text(value) for value in column.to_pylist()], TEXT)], TEXT)


def _stamps(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Dates and zone-less time stamps as timestamp[us], if Python's datetime holds them all in whole µs; else None."""
    kind = column.type
    if not (pa.types.is_date32(kind) or (pa.types.is_timestamp(kind) and kind.tz is None)):
        return None
    values = column.to_numpy()
    filled = values[~np.isnat(values)]
    if pa.types.is_timestamp(kind) and kind.unit == "ns":  # always in range; nanoseconds would print
        return None if (filled.astype("int64") % 1000).any() else column.cast(pa.timestamp("us"))
    days = filled.astype("datetime64[D]")
    if len(days) and (days.min() < FIRST_DAY or days.max() > LAST_DAY):
        return None
    return column.cast(pa.timestamp("us"))


def _stamp_texts(stamps: pa.ChunkedArray) -> pa.ChunkedArray:
    """ISO texts of timestamp[us] values: the date alone at midnight, else date and time with any microseconds."""
    texts = stamps.cast(TEXT)  # 2026-10-03 08:15:30.000000
    whole = pc.equal(stamps, pc.floor_temporal(stamps, unit="second"))
    midnight = pc.equal(stamps, pc.floor_temporal(stamps, unit="day"))
    return pc.if_else(
        midnight, pc.utf8_slice_codeunits(texts, 0, 10), pc.if_else(whole, pc.utf8_slice_codeunits(texts, 0, 19), texts)
    )


def _float_texts(numbers: np.ndarray) -> pa.ChunkedArray:
    """`cell_text` of float64 values: whole numbers through integer texts, every other distinct value once."""
    whole = np.isfinite(numbers) & (np.trunc(numbers) == numbers) & (np.abs(numbers) < EXACT_INTEGERS)  # -0.0: "0"
    texts = np.empty(len(numbers), dtype=object)
    texts[whole] = pa.array(numbers[whole].astype("int64")).cast(TEXT).to_numpy(zero_copy_only=False)
    positions, others = pd.factorize(numbers[~whole], use_na_sentinel=False)  # NaN is one of them
    texts[~whole] = np.array([cell_text(float(value)) for value in others], dtype=object)[positions]
    return pa.chunked_array([pa.array(texts, TEXT)], TEXT)
