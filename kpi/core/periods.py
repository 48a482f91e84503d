"""Canonical period labels (month, quarter, semester, year): parsing, arithmetic, display."""

from __future__ import annotations

import calendar
import datetime
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import SupportsInt, cast

import numpy as np
import pandas as pd

GRAINS: tuple[str, ...] = ("month", "quarter", "semester", "year")

_PER_YEAR = {"month": 12, "quarter": 4, "semester": 2, "year": 1}
YEAR_MIN, YEAR_MAX = 2000, 2099  # the years of every period and date read from a file
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PREFIXES = {
    **dict.fromkeys(["Q", "TW", "TRIWULAN", "KUARTAL", "QUARTER"], "quarter"),
    **dict.fromkeys(["S", "SEM", "SMT", "SEMESTER", "H"], "semester"),
}
_MONTH_ALIASES = (
    "JAN JANUARI JANUARY",
    "FEB FEBRUARI FEBRUARY PEB PEBRUARI",
    "MAR MARET MARCH",
    "APR APRIL",
    "MEI MAY",
    "JUN JUNI JUNE",
    "JUL JULI JULY",
    "AGU AGT AGS AGUSTUS AUG AUGUST",
    "SEP SEPT SEPTEMBER",
    "OKT OKTOBER OCT OCTOBER",
    "NOV NOVEMBER NOP NOPEMBER",
    "DES DESEMBER DEC DECEMBER",
)
MONTH_NAMES = {name: i for i, names in enumerate(_MONTH_ALIASES, 1) for name in names.split()}
_MONTH_ABBR = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_ROMAN_OUT = ("I", "II", "III", "IV")

_PFX = "|".join(sorted(_PREFIXES, key=len, reverse=True))
_NUM = r"(?P<n>\d{1,2}|[IV]{1,4})"
_YEAR_WORD = r"(?:TAHUN\s*)?"
_TEXT_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"(?P<y>\d{4})",
        r"(?P<y>\d{4})[-/](?P<m>\d{1,2})",
        r"(?P<y>\d{4})(?P<m>\d{2})",
        r"(?P<m>\d{1,2})[-/](?P<y>\d{4})",
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        r"(?P<name>[A-Z]+)\.?[\s,\-/]*" + _YEAR_WORD + r"(?P<y>\d{4})",
        r"(?P<name>[A-Z]+)\.?[\s\-/']*(?P<y>\d{2})",  # a month cell as Excel shows it: Okt-26, Oct-26, Okt '26
        r"(?P<y>\d{4})[\s,\-/]*(?P<name>[A-Z]+)\.?",
        r"(?P<p>" + _PFX + r")\s*[-.]?\s*" + _NUM + r"\s*[-/,]?\s*" + _YEAR_WORD + r"(?P<y>\d{4})",
        r"(?P<y>\d{4})\s*[-/]?\s*(?P<p>" + _PFX + r")\s*[-.]?\s*" + _NUM,
    )
)
_CANONICAL = re.compile(r"(?P<y>20\d{2})(?:-(?P<m>0[1-9]|1[0-2])|-Q(?P<q>[1-4])|-S(?P<s>[12]))?")


@dataclass(frozen=True)
class _Period:
    """One period: year, grain and 1-based position of the period within the year."""

    year: int
    grain: str
    index: int

    @property
    def first_month(self) -> int:
        """Calendar month number of the first month."""
        return (self.index - 1) * 12 // _PER_YEAR[self.grain] + 1

    @property
    def last_month(self) -> int:
        """Calendar month number of the last month."""
        return self.index * 12 // _PER_YEAR[self.grain]

    @property
    def ordinal(self) -> int:
        """Consecutive integer position among periods of the same grain."""
        return self.year * _PER_YEAR[self.grain] + self.index - 1

    @property
    def label(self) -> str:
        """Canonical string label."""
        suffix = {
            "month": f"-{self.index:02d}",
            "quarter": f"-Q{self.index}",
            "semester": f"-S{self.index}",
            "year": "",
        }[self.grain]
        return f"{self.year}{suffix}"


def _is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA scalars."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]  # pandas-stubs: isna takes any object at runtime
    except (TypeError, ValueError):
        return False


def _build(year: int, grain: str, index: int | None) -> tuple[str, str] | None:
    """Return (label, grain) when year and index are in range, else None."""
    if index is None or not YEAR_MIN <= year <= YEAR_MAX:
        return None
    if not 1 <= index <= _PER_YEAR[grain]:
        return None
    return _Period(year, grain, index).label, grain


def _resolve(match: re.Match[str]) -> tuple[str, str] | None:
    """Turn a text-pattern match into (label, grain) or None."""
    parts = match.groupdict()
    year = int(parts["y"]) + (2000 if len(parts["y"]) == 2 else 0)  # two digits only after a month name
    if parts.get("p"):
        number = parts["n"]
        index = int(number) if number.isdigit() else _ROMAN.get(number)
        return _build(year, _PREFIXES[parts["p"]], index)
    if parts.get("name"):
        return _build(year, "month", MONTH_NAMES.get(parts["name"]))
    if not parts.get("m"):
        return _build(year, "year", 1)
    month = int(parts["m"])
    if parts.get("d"):
        try:
            datetime.date(year, month, int(parts["d"]))
        except ValueError:
            return None
    return _build(year, "month", month)


def _parse_text(text: str) -> tuple[str, str] | None:
    """Parse a free-form period string."""
    cleaned = " ".join(text.split()).upper()
    for pattern in _TEXT_PATTERNS:
        match = pattern.fullmatch(cleaned)
        result = _resolve(match) if match else None
        if result is not None:
            return result
    return None


def parse_period(value: object) -> tuple[str, str] | None:
    """Parse any supported period representation into (label, grain), or None."""
    if _is_missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, datetime.date):
        return _build(value.year, "month", value.month)
    if isinstance(value, numbers.Integral) or (isinstance(value, numbers.Real) and float(value).is_integer()):
        return _parse_text(str(int(cast(SupportsInt, value))))  # numbers.Real has no __int__ in typeshed
    if isinstance(value, str):
        return _parse_text(value)
    return None


def parse_periods(values: pd.Series) -> pd.DataFrame:
    """Parse a Series of period values into columns `periode` and `grain`."""
    parsed = {v: parse_period(v) for v in values.unique()}
    labels = {k: p[0] for k, p in parsed.items() if p is not None}
    grains = {k: p[1] for k, p in parsed.items() if p is not None}
    return pd.DataFrame(
        {"periode": values.map(labels).astype("string"), "grain": values.map(grains).astype("string")},
        index=values.index,
    )


def _split(label: str) -> _Period:
    """Parse a canonical label strictly; raise ValueError otherwise."""
    match = _CANONICAL.fullmatch(label) if isinstance(label, str) else None
    if match is None:
        raise ValueError(f"Label periode tidak valid: {label!r} (contoh: 2026-10, 2026-Q3, 2026-S1, 2026)")
    year = int(match["y"])
    for group, grain in (("m", "month"), ("q", "quarter"), ("s", "semester")):
        if match[group]:
            return _Period(year, grain, int(match[group]))
    return _Period(year, "year", 1)


def _check_grain(grain: str) -> None:
    """Raise ValueError for an unknown grain."""
    if grain not in _PER_YEAR:
        raise ValueError(f"Grain tidak dikenal: {grain!r} (pilihan: {', '.join(GRAINS)})")


def _from_ordinal(grain: str, ordinal: int) -> _Period:
    """Build a period from its ordinal, enforcing the 2000–2099 year range."""
    year, rest = divmod(ordinal, _PER_YEAR[grain])
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"Periode di luar rentang tahun {YEAR_MIN}–{YEAR_MAX}: tahun {year}")
    return _Period(year, grain, rest + 1)


def grain_of(label: str) -> str:
    """Grain of a canonical label."""
    return _split(label).grain


def start_date(label: str) -> datetime.date:
    """First day of the period."""
    period = _split(label)
    return datetime.date(period.year, period.first_month, 1)


def end_date(label: str) -> datetime.date:
    """Last day of the period."""
    period = _split(label)
    last_day = calendar.monthrange(period.year, period.last_month)[1]
    return datetime.date(period.year, period.last_month, last_day)


def coarsen(label: str, grain: str) -> str:
    """Label of the coarser period (at `grain`) that contains `label`."""
    _check_grain(grain)
    period = _split(label)
    if GRAINS.index(grain) < GRAINS.index(period.grain):
        raise ValueError(f"Tidak dapat mengubah periode {label!r} ({period.grain}) ke grain yang lebih halus ({grain})")
    index = (period.first_month - 1) * _PER_YEAR[grain] // 12 + 1
    return _Period(period.year, grain, index).label


def coarsen_series(labels: pd.Series, grain: str) -> pd.Series:
    """Vectorised coarsen over a Series of labels; missing values stay <NA>."""
    _check_grain(grain)
    mapping = {v: coarsen(v, grain) for v in labels.unique() if not _is_missing(v)}
    return labels.map(mapping).astype("string")


def _steps(n: object) -> int:
    """The shift as an int; TypeError unless it is an integer (numpy integers too, bool not)."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"Jumlah pergeseran harus bilangan bulat, bukan {n!r}")
    return int(n)


def shift(label: str, n: int) -> str:
    """Label `n` periods later (negative = earlier) at the label's own grain."""
    steps = _steps(n)
    period = _split(label)
    return _from_ordinal(period.grain, period.ordinal + steps).label


def previous(label: str) -> str:
    """The period immediately before `label`."""
    return shift(label, -1)


def same_period_last_year(label: str) -> str:
    """The same period one year earlier."""
    return shift(label, -_PER_YEAR[grain_of(label)])


def period_range(first: str, last: str) -> list[str]:
    """Inclusive list of labels from `first` to `last` (same grain, first <= last)."""
    start, stop = _split(first), _split(last)
    if start.grain != stop.grain:
        raise ValueError(
            f"Periode {first!r} ({start.grain}) dan {last!r} ({stop.grain}) harus memiliki grain yang sama"
        )
    if start.ordinal > stop.ordinal:
        raise ValueError(f"Periode awal {first!r} berada setelah periode akhir {last!r}")
    return [_from_ordinal(start.grain, o).label for o in range(start.ordinal, stop.ordinal + 1)]


def months_in(label: str) -> list[str]:
    """Month labels covered by the period, in order."""
    period = _split(label)
    return [f"{period.year}-{m:02d}" for m in range(period.first_month, period.last_month + 1)]


def month_index(label: str) -> int:
    """Calendar month number of the period's last month (e.g. 2026-Q3 → 9)."""
    return _split(label).last_month


def display(label: str, lang: str = "id") -> str:
    """Human-readable label in Indonesian ("id") or English ("en")."""
    if lang not in _MONTH_ABBR:
        raise ValueError(f"Bahasa tidak didukung: {lang!r} (pilihan: 'id', 'en')")
    period = _split(label)
    if period.grain == "year":
        return str(period.year)
    if period.grain == "month":
        return f"{_MONTH_ABBR[lang][period.index - 1]} {period.year}"
    word, short = ("Triwulan", "Q") if period.grain == "quarter" else ("Semester", "H")
    prefix = f"{word} {_ROMAN_OUT[period.index - 1]}" if lang == "id" else f"{short}{period.index}"
    return f"{prefix} {period.year}"


def _latest_key(label: str) -> tuple[datetime.date, int]:
    """Sort key: end date, then finer grain wins ties."""
    return end_date(label), -GRAINS.index(grain_of(label))


def latest(labels: Iterable[str]) -> str:
    """Latest label by end date; ties go to the finer grain. Missing values are skipped."""
    series = labels if isinstance(labels, pd.Series) else pd.Series(list(labels), dtype=object)
    present = series.dropna().unique()
    if len(present) == 0:
        raise ValueError("Tidak ada label periode untuk dipilih yang terbaru")
    label: str = max(present, key=_latest_key)
    return label


def year_outside(text: object) -> int | None:
    """The four-digit year a text names when it lies outside YEAR_MIN–YEAR_MAX (1999 in '1999-10'), else None."""
    found = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", str(text))]
    return next((y for y in found if not YEAR_MIN <= y <= YEAR_MAX), None)
