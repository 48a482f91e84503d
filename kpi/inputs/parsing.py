r"""Cell texts of raw records to typed values: dates and times as Indonesians write them, choices and numbers.

Every parser works on the distinct texts of a column once and returns (typed values, mask of unreadable cells);
blank cells are never unreadable (whether they may be blank is a rule of the column, checked elsewhere).
Dates, fastest first, all with the same result: plain ISO texts that read back exactly as written (Arrow's strptime);
then DATE_PATTERNS through Arrow's RE2 engine wherever it agrees with Python's `re` (printable ASCII, where `\d`,
`\s`, `$` and case folding mean the same in both); then the same patterns through Python's `re` for the rest.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.core.periods import MONTH_NAMES, YEAR_MAX, YEAR_MIN  # MONTH_NAMES: JANUARI/JAN/JANUARY … → 1 …
from kpi.inputs.kinds import key
from kpi.inputs.numbers import ARROW_STRING, parse_numbers

_TIME = (
    r"(?:(?:T|\s*,?\s+)(?:(?:pukul|jam|pk\.?)\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})"
    r"(?:[:.](?P<S>\d{2})(?:[.,]\d+)?)?)?"
)
_ZONE = r"\s*(?:WIB|(?P<z>Z)|(?P<oh>[+-]\d{2}):?(?P<om>\d{2}))?"
DATE_PATTERNS = tuple(
    re.compile(rf"^{date}{_TIME}{_ZONE}$", re.IGNORECASE)
    for date in (
        r"(?P<y>20\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})",  # 2026-10-03
        r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>20\d{2}|\d{2})",  # 03/10/2026, 3-10-26: day first
        r"(?P<d>\d{1,2})[\s\-/.]*(?P<mon>[a-z]+)\.?[\s\-/.,]*(?P<y>20\d{2}|\d{2})",  # 3 Oktober 2026, 03-Okt-26
    )
)
ANY_YEAR_PATTERNS = tuple(  # DATE_PATTERNS with any four-digit year: what was meant as a date, in another century
    re.compile(pattern.pattern.replace(r"20\d{2}", r"\d{4}"), re.IGNORECASE) for pattern in DATE_PATTERNS
)
WIB_MINUTES = 7 * 60
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
EXCEL_SERIALS = (36526, 73051)  # 2000-01-01 up to (not including) 2100-01-01: YEAR_MIN to YEAR_MAX
TEXT = pa.large_string()
PLAIN_TEXT = "^[ -~]*$"  # printable ASCII: RE2 and Python's re read DATE_PATTERNS alike
ISO_FORMAT, ISO_LENGTH = "%Y-%m-%d %H:%M:%S", 19  # as Arrow prints a time stamp in seconds
ISO_PADDING = {10: " 00:00:00", 16: ":00"}  # 2026-10-03 and 2026-10-03 08:15 completed to ISO_FORMAT


def _arrow(values: pd.Series) -> pa.Array:
    """The texts of a column as one Arrow large_string array."""
    array = pa.array(values.astype(ARROW_STRING).array, TEXT)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def distinct(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The distinct non-missing texts of a column (Arrow strings) and each row's position among them (-1: missing)."""
    encoded = pc.dictionary_encode(_arrow(values))
    positions = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype("int64")
    return pd.Series(pd.arrays.ArrowStringArray(encoded.dictionary)), positions


def spread(parsed: pd.Series, positions: np.ndarray, index: pd.Index) -> pd.Series:
    """Parsed values of the distinct texts placed back on every row (position -1 → missing)."""
    return pd.Series(parsed.array.take(positions, allow_fill=True), index=index)


def _iso(texts: pd.Series) -> pd.Series:
    """Time stamps of texts in the plain ISO form Arrow prints (2026-10-03 08:15:30, or without seconds or time).

    A text counts only if it reads back exactly as written, in a year 20xx: then DATE_PATTERNS read it the same,
    and every other text (NaT here) takes the full lenient path.
    """
    array = _arrow(texts)
    length = pc.utf8_length(array)
    full = array
    for size, padding in ISO_PADDING.items():
        padded = pc.binary_join_element_wise(array, pa.scalar(padding, TEXT), pa.scalar("", TEXT))
        full = pc.if_else(pc.equal(length, size), padded, full)
    stamps = pc.strptime(full, ISO_FORMAT, "s", error_is_null=True)  # lax: 2026-02-31 reads as 2026-03-03 …
    exact = pc.and_(
        pc.equal(pc.cast(stamps, TEXT), full),  # … which this rules out
        pc.and_(pc.equal(pc.utf8_length(full), ISO_LENGTH), pc.starts_with(full, "20")),
    )
    stamps = pc.if_else(exact, stamps, None).cast(pa.timestamp("us"))
    return pd.Series(stamps.to_numpy(zero_copy_only=False), index=texts.index, dtype="datetime64[us]")


def _extract(texts: pd.Series, pattern: re.Pattern) -> pd.DataFrame:
    """The named groups of `pattern` in each text, as str.extract gives them (<NA> where a group took no part)."""
    array = _arrow(texts)
    plain = pc.match_substring_regex(array, PLAIN_TEXT).to_numpy(zero_copy_only=False)
    found = pc.extract_regex(array.filter(plain), f"(?i){pattern.pattern}")  # null where the text does not match
    groups = {
        name: pd.Series(
            pc.if_else(pc.equal(found.field(name), ""), None, found.field(name)),
            index=texts.index[plain],
            dtype=ARROW_STRING,
        )
        for name in pattern.groupindex
    }
    fast = pd.DataFrame(groups, index=texts.index[plain])
    slow = texts[~plain].str.extract(pattern) if not plain.all() else None
    return pd.concat([fast, slow]).reindex(texts.index) if slow is not None else fast


def _number(parts: pd.DataFrame, name: str, default: float = np.nan) -> pd.Series:
    """One captured group as numbers (absent or empty groups → default)."""
    if name not in parts:
        return pd.Series(default, index=parts.index)
    try:  # Arrow for ASCII digits; pandas for the rest (e.g. Arabic-Indic digits matched by Python's \d)
        numbers = pd.Series(pc.cast(_arrow(parts[name]), pa.float64()), index=parts.index, dtype="float64")
    except pa.ArrowInvalid:
        numbers = pd.to_numeric(parts[name], errors="coerce").astype("float64")
    return numbers.fillna(default)


def _assemble(parts: pd.DataFrame) -> pd.Series:
    """Timestamps (naive WIB) from the groups captured by one of DATE_PATTERNS; NaT where impossible."""
    year = _number(parts, "y")
    month = parts["mon"].str.upper().map(MONTH_NAMES) if "mon" in parts else _number(parts, "m")
    fields = pd.DataFrame(
        {
            "year": year.where(year >= 100, year + 2000),
            "month": pd.to_numeric(month).astype("float64"),
            "day": _number(parts, "d"),
            "hour": _number(parts, "H", 0),
            "minute": _number(parts, "M", 0),
            "second": _number(parts, "S", 0),
        }
    )
    clock = (fields["hour"] > 23) | (fields["minute"] > 59) | (fields["second"] > 59)
    stamps = pd.to_datetime(fields, errors="coerce").mask(clock)
    sign = np.where(parts["oh"].str.startswith("-").fillna(False), -1, 1)
    offset = (_number(parts, "oh", 0).abs() * 60 + _number(parts, "om", 0)) * sign
    offset = offset.where(parts["oh"].notna(), np.where(parts["z"].notna(), 0, WIB_MINUTES))
    return stamps + pd.to_timedelta(WIB_MINUTES - offset, unit="min")


def _excel_serials(uniques: pd.Series) -> pd.Series:
    """Excel date serial numbers (days since 1899-12-30, time as the fraction) as timestamps; NaT for others."""
    days = pd.to_numeric(uniques, errors="coerce").astype("float64")  # NaN: to_timedelta reads under a Float64 mask
    days = days.where((days >= EXCEL_SERIALS[0]) & (days < EXCEL_SERIALS[1]))
    return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.round("s")


def parse_datetimes(values: pd.Series, excel: bool = False) -> tuple[pd.Series, pd.Series]:
    """Texts to datetime64[us] (naive WIB); day first when ambiguous; `excel` also reads date serial numbers."""
    uniques, positions = distinct(values)
    parsed = _iso(uniques)
    for pattern in DATE_PATTERNS:
        todo = uniques[parsed.isna()]
        if todo.empty:
            break
        parsed = parsed.fillna(_assemble(_extract(todo, pattern)))
    if excel:
        parsed = parsed.fillna(_excel_serials(uniques[parsed.isna()]))
    stamps = spread(parsed, positions, values.index).astype("datetime64[us]")
    return stamps, values.notna() & stamps.isna()


def years_outside(values: pd.Series) -> pd.Series:
    """For each text written as a date but with a year outside YEAR_MIN–YEAR_MAX (1999-10-03, 03/10/1999), that
    year; <NA> for every other text. DATE_PATTERNS read only the years 20xx."""

    def year(text: object) -> int | None:
        for pattern in ANY_YEAR_PATTERNS:
            found = pattern.match(str(text))
            if found and len(found["y"]) == 4 and not YEAR_MIN <= int(found["y"]) <= YEAR_MAX:
                return int(found["y"])
        return None

    uniques, positions = distinct(values)
    return spread(pd.Series([year(t) for t in uniques], index=uniques.index, dtype="Int64"), positions, values.index)


def parse_choices(values: pd.Series, spellings: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Texts to canonical choices via their matching keys (see kinds.key); unknown texts are bad."""
    uniques, positions = distinct(values)
    parsed = pd.Series([spellings.get(key(text)) for text in uniques], index=uniques.index, dtype="str")
    chosen = spread(parsed, positions, values.index).astype("str")
    return chosen, values.notna() & chosen.isna()


def parse_number_texts(values: pd.Series, decimal: str | None, drop: str | None = None) -> tuple[pd.Series, pd.Series]:
    """kpi.inputs.numbers.parse_numbers on the distinct texts only (less the regex `drop`), placed back on every row."""
    uniques, positions = distinct(values)
    texts = uniques.str.replace(drop, "", regex=True) if drop else uniques
    numbers, bad = parse_numbers(texts, decimal)
    return spread(numbers, positions, values.index), spread(bad, positions, values.index).fillna(False).astype(bool)
