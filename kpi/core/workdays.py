"""Working days of the Indonesian civil service: weekends, national holidays, cuti bersama and local overrides.

Days off come from the `holidays` library (`holidays.country_holidays("ID", categories=("public",
"government"))`, Indonesian names; the government category holds the cuti bersama, e.g. 8, 9, 12 and
15 April 2024 around Idul Fitri) plus the configurable list `data/hari_libur.csv`:

    tanggal,jenis,keterangan,sumber
    2024-04-16,libur,Libur daerah (contoh),Keputusan Wali Kota No. …
    2024-04-13,masuk,Hari kerja pengganti (contoh),Surat Edaran Sekda No. …

`tanggal` is an ISO date (YYYY-MM-DD); `jenis` is `libur` (adds a day off) or `masuk` (makes the date a
working day, even on a weekend or a listed holiday); `keterangan` and `sumber` are free text (what and on
whose authority). The definition used everywhere: working days from a to b = the number of working days d
with date(a) < d ≤ date(b) (same day = 0; submitted Friday, finished Monday = 1). Everything is vectorised
on numpy datetime64[D] through a cumulative working-day index, cached per span of whole years.
"""

from __future__ import annotations

import functools
from pathlib import Path

import holidays
import holidays.version
import numpy as np
import numpy.typing as npt
import pandas as pd

from kpi import settings

HARI_LIBUR_COLUMNS: tuple[str, ...] = ("tanggal", "jenis", "keterangan", "sumber")
JENIS: tuple[str, ...] = ("libur", "masuk")
CATEGORIES: tuple[str, ...] = ("public", "government")
_EPOCH_WEEKDAY = 3  # 1970-01-01 was a Thursday (Monday = 0)
_NAT = np.iinfo("int64").min


class HariLiburError(ValueError):
    """The configurable holiday list breaks a format rule."""


def _day_numbers(dates: object) -> npt.NDArray[np.int64]:
    """Days since 1970-01-01 as int64 (NaT stays the int64 minimum) for any array-like of datetimes."""
    values = np.asarray(dates)
    if values.dtype.kind != "M":
        values = np.asarray(pd.to_datetime(values.ravel())).reshape(values.shape)
    return values.astype("datetime64[D]").view("int64")


def _problems(table: pd.DataFrame) -> list[str]:
    """Every rule a hari_libur table breaks, as Indonesian messages naming row, column and fix."""
    missing = [c for c in HARI_LIBUR_COLUMNS if c not in table.columns]
    if missing:
        return [
            f"Kolom {', '.join(missing)} tidak ada. Aturan: kolom wajib {', '.join(HARI_LIBUR_COLUMNS)}. "
            "Perbaikan: tambahkan kolom tersebut di baris judul."
        ]
    problems = []
    dates = pd.to_datetime(table["tanggal"], format="%Y-%m-%d", errors="coerce")
    for index in table.index[dates.isna()]:
        problems.append(
            f"Kolom 'tanggal' baris {index + 2}: {table.at[index, 'tanggal']!r} bukan tanggal. "
            "Aturan: format YYYY-MM-DD. Perbaikan: tulis misalnya 2024-04-16."
        )
    for index in table.index[~table["jenis"].isin(JENIS)]:
        problems.append(
            f"Kolom 'jenis' baris {index + 2}: {table.at[index, 'jenis']!r} tidak dikenal. "
            "Aturan: isi 'libur' atau 'masuk'. Perbaikan: pilih salah satu."
        )
    clash = table.assign(t=dates).dropna(subset="t").groupby("t")["jenis"].nunique()
    for day in clash.index[clash > 1]:
        problems.append(
            f"Tanggal {day:%Y-%m-%d} tercatat sebagai 'libur' dan 'masuk' sekaligus. "
            "Aturan: satu jenis per tanggal. Perbaikan: hapus salah satu baris."
        )
    return problems


def read_hari_libur(path: Path | None = None) -> pd.DataFrame:
    """Read and check the configurable list (data/hari_libur.csv by default); tanggal becomes datetime64. Raises
    HariLiburError listing all problems."""
    path = path or settings.HARI_LIBUR_FILE
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = _problems(table)
    if problems:
        raise HariLiburError(f"Berkas '{path}': " + " ".join(problems))
    return table.assign(tanggal=pd.to_datetime(table["tanggal"], format="%Y-%m-%d"))[list(HARI_LIBUR_COLUMNS)]


class Calendar:
    """Working-day calendar: weekends + library holidays and cuti bersama + `extra` (libur/masuk overrides)."""

    def __init__(self, extra: pd.DataFrame | None = None) -> None:
        extra = pd.DataFrame(columns=list(HARI_LIBUR_COLUMNS)) if extra is None else extra
        self.extra = extra.assign(tanggal=pd.to_datetime(extra["tanggal"]))
        days = _day_numbers(self.extra["tanggal"])
        self._libur = days[(self.extra["jenis"] == "libur").to_numpy()]
        self._masuk = days[(self.extra["jenis"] == "masuk").to_numpy()]
        self._spans: dict[tuple[int, int], np.ndarray] = {}

    @classmethod
    def default(cls, extra_path: Path | None = None) -> Calendar:
        """The calendar with the configured list, data/hari_libur.csv by default (cached until the file changes)."""
        path = Path(extra_path or settings.HARI_LIBUR_FILE)
        return _cached_default(path, path.stat().st_mtime_ns)

    def _index(self, lo: int, hi: int) -> tuple[int, np.ndarray]:
        """(base, cum): cum[d - base] = working days from `base` through day number d, for lo <= d <= hi."""
        first_year, last_year = (
            int(np.datetime64(d, "D").astype("datetime64[Y]").astype("int64")) + 1970 for d in (lo, hi)
        )
        base = int(np.datetime64(f"{first_year}-01-01", "D").astype("int64"))
        key = (first_year, last_year)
        if key not in self._spans:
            days = np.arange(base, int(np.datetime64(f"{last_year + 1}-01-01", "D").astype("int64")))
            work = (days + _EPOCH_WEEKDAY) % 7 < 5
            library = holidays.country_holidays("ID", categories=CATEGORIES, years=range(first_year, last_year + 1))
            work &= ~np.isin(days, np.concatenate([_day_numbers(list(library)), self._libur]))
            work |= np.isin(days, self._masuk)
            self._spans[key] = np.cumsum(work, dtype="int32")
        return base, self._spans[key]

    def cumulative(self, first: object, last: object) -> tuple[np.datetime64, np.ndarray]:
        """(first date, int32 array: working days from the first date through each date up to `last`)."""
        lo, hi = (int(_day_numbers([d])[0]) for d in (first, last))
        base, cum = self._index(lo - 1, hi)
        return np.datetime64(lo, "D"), cum[lo - base : hi - base + 1] - cum[lo - base - 1]

    def _positions(self, arrays: tuple[np.ndarray, ...], valid: np.ndarray, margin: int = 0) -> tuple[int, np.ndarray]:
        """Turn day numbers, in place, into indexes of a cumulative array covering the valid ones (+ margin days
        after); invalid entries point at the first valid day. Returns (base day number, cumulative array)."""
        big = np.iinfo("int64").max
        lo = min(int(x.min(where=valid, initial=big)) for x in arrays)
        hi = max(int(x.max(where=valid, initial=-big)) for x in arrays) + margin
        lo, hi = (lo, hi) if lo <= hi else (0, margin)
        base, cum = self._index(lo - 1, hi)
        everywhere = bool(valid.all())
        for days in arrays:  # the arrays are fresh copies made by _day_numbers
            if not everywhere:
                np.copyto(days, lo, where=~valid)
            days -= base
        return base, cum

    def is_workday(self, dates: object) -> np.ndarray:
        """True where the date is a working day (NaT → False)."""
        position = _day_numbers(dates)
        valid: npt.NDArray[np.bool_] = position != _NAT
        _, cum = self._positions((position,), valid)
        return (cum[position] > cum[position - 1]) & valid

    def between(self, start: object, end: object) -> np.ndarray:
        """Working days d with date(start) < d <= date(end), as int32; -1 where either side is NaT."""
        first, last = _day_numbers(start), _day_numbers(end)
        valid = (first != _NAT) & (last != _NAT)
        _, cum = self._positions((first, last), valid)
        result = cum[last]
        result -= cum[first]
        result[~valid] = -1
        return result

    def add(self, dates: object, n: object) -> np.ndarray:
        """The date `n` (>= 0) working days after each date (n = 0: the date itself) as datetime64[D]; NaT stays."""
        position = _day_numbers(dates)
        steps = np.broadcast_to(np.asarray(n, dtype="int64"), position.shape)
        valid = position != _NAT
        margin = 2 * int(steps.max(initial=0)) + 31  # enough days to hold n working days after any date
        base, cum = self._positions((position,), valid, margin)
        nth = np.searchsorted(cum, np.arange(cum[-1] + 1), side="left")  # index of the k-th working day
        result = np.where(steps > 0, nth[cum[position] + steps], position) + base
        result[~valid] = _NAT
        return result.view("datetime64[D]")

    def holidays(self, year: int) -> pd.DataFrame:
        """Days off and overrides of one year: tanggal, jenis, keterangan, sumber (library + configured list)."""
        rows = []
        for category in CATEGORIES:
            named = holidays.country_holidays("ID", categories=(category,), years=year, language="id")
            source = f"holidays {holidays.version.__version__} (ID, kategori {category})"
            rows += [(pd.Timestamp(day), "libur", name, source) for day, name in named.items()]
        library = pd.DataFrame(rows, columns=list(HARI_LIBUR_COLUMNS))
        own = self.extra[self.extra["tanggal"].dt.year == year]
        frame = pd.concat([library, own], ignore_index=True) if len(own) else library
        frame = frame.astype({"tanggal": "datetime64[us]", "jenis": "str", "keterangan": "str", "sumber": "str"})
        return frame.sort_values(["tanggal", "jenis"], kind="stable").reset_index(drop=True)


@functools.lru_cache(maxsize=4)
def _cached_default(path: Path, mtime_ns: int) -> Calendar:
    """Calendar built from one version of the configured list."""
    return Calendar(read_hari_libur(path))
