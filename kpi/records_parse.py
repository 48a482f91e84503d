"""Cell texts of raw records to typed values: dates and times as Indonesians write them, and choices.

Every parser works on the distinct texts of a column once and returns (typed values, mask of unreadable cells);
blank cells are never unreadable (whether they may be blank is a rule of the column, checked elsewhere).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kpi.numbers import ARROW_STRING
from kpi.periods import _MONTH_NAMES as MONTH_NAMES  # JANUARI/JAN/JANUARY … → 1 …
from kpi.records_spec import key

_TIME = (r"(?:(?:T|\s*,?\s+)(?:(?:pukul|jam|pk\.?)\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})"
         r"(?:[:.](?P<S>\d{2})(?:[.,]\d+)?)?)?")
_ZONE = r"\s*(?:WIB|(?P<z>Z)|(?P<oh>[+-]\d{2}):?(?P<om>\d{2}))?"
DATE_PATTERNS = tuple(re.compile(rf"^{date}{_TIME}{_ZONE}$", re.IGNORECASE) for date in (
    r"(?P<y>20\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})",                   # 2026-10-03
    r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>20\d{2}|\d{2})",             # 03/10/2026, 3-10-26: day first
    r"(?P<d>\d{1,2})[\s\-/.]*(?P<mon>[a-z]+)\.?[\s\-/.,]*(?P<y>20\d{2})",      # 3 Oktober 2026, 03-Okt-2026
))
WIB_MINUTES = 7 * 60
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
EXCEL_SERIALS = (36526, 73051)  # 2000-01-01 up to (not including) 2100-01-01


def _distinct(values: pd.Series) -> pd.Series:
    """The distinct non-missing texts of a column, as Arrow strings."""
    return pd.Series(values.dropna().astype(str).unique(), dtype=ARROW_STRING)


def _spread(values: pd.Series, uniques: pd.Series, parsed: pd.Series) -> pd.Series:
    """Parsed values of the distinct texts, placed back on every row of `values`."""
    positions = pd.Index(uniques, dtype=ARROW_STRING).get_indexer(values.astype(ARROW_STRING))
    return pd.Series(parsed.array.take(positions, allow_fill=True), index=values.index)  # -1 (missing) → NA


def _number(parts: pd.DataFrame, name: str, default: float = np.nan) -> pd.Series:
    """One captured group as numbers (absent or empty groups → default)."""
    if name not in parts:
        return pd.Series(default, index=parts.index)
    return pd.to_numeric(parts[name], errors="coerce").astype("float64").fillna(default)


def _assemble(parts: pd.DataFrame) -> pd.Series:
    """Timestamps (naive WIB) from the groups captured by one of DATE_PATTERNS; NaT where impossible."""
    year = _number(parts, "y")
    month = parts["mon"].str.upper().map(MONTH_NAMES) if "mon" in parts else _number(parts, "m")
    fields = pd.DataFrame({"year": year.where(year >= 100, year + 2000), "month": pd.to_numeric(month).astype("float64"),
                           "day": _number(parts, "d"), "hour": _number(parts, "H", 0),
                           "minute": _number(parts, "M", 0), "second": _number(parts, "S", 0)})
    clock = (fields["hour"] > 23) | (fields["minute"] > 59) | (fields["second"] > 59)
    stamps = pd.to_datetime(fields, errors="coerce").mask(clock)
    sign = np.where(parts["oh"].str.startswith("-").fillna(False), -1, 1)
    offset = (_number(parts, "oh", 0).abs() * 60 + _number(parts, "om", 0)) * sign
    offset = offset.where(parts["oh"].notna(), np.where(parts["z"].notna(), 0, WIB_MINUTES))
    return stamps + pd.to_timedelta(WIB_MINUTES - offset, unit="min")


def _excel_serials(uniques: pd.Series) -> pd.Series:
    """Excel date serial numbers (days since 1899-12-30, time as the fraction) as timestamps; NaT for others."""
    days = pd.to_numeric(uniques, errors="coerce")
    days = days.where((days >= EXCEL_SERIALS[0]) & (days < EXCEL_SERIALS[1]))
    return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.round("s")


def parse_datetimes(values: pd.Series, excel: bool = False) -> tuple[pd.Series, pd.Series]:
    """Texts to datetime64[us] (naive WIB); day first when ambiguous; `excel` also reads date serial numbers."""
    uniques = _distinct(values)
    parsed = pd.Series(pd.NaT, index=uniques.index, dtype="datetime64[us]")
    for pattern in DATE_PATTERNS:
        todo = uniques[parsed.isna()]
        if todo.empty:
            break
        parsed = parsed.fillna(_assemble(todo.str.extract(pattern)))
    if excel:
        parsed = parsed.fillna(_excel_serials(uniques[parsed.isna()]))
    stamps = _spread(values, uniques, parsed).astype("datetime64[us]")
    return stamps, values.notna() & stamps.isna()


def parse_choices(values: pd.Series, spellings: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Texts to canonical choices via their matching keys (see records_spec.key); unknown texts are bad."""
    uniques = _distinct(values)
    parsed = pd.Series([spellings.get(key(text)) for text in uniques], index=uniques.index, dtype="str")
    chosen = _spread(values, uniques, parsed).astype("str")
    return chosen, values.notna() & chosen.isna()

