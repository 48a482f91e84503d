"""Calendar and record helpers of the raw-record simulators of the synthetic sample (kpi/sample/raw.py, kpi/sample/raw_aduan.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.core.workdays import Calendar
from kpi.sample.parts import Context

SECOND = np.timedelta64(1, "s")


@dataclass(frozen=True)
class Days:
    """The days of the sample months, all of them and the working days only, each in month order."""

    every: np.ndarray
    every_start: np.ndarray
    every_count: np.ndarray
    work: np.ndarray
    work_start: np.ndarray
    work_count: np.ndarray
    as_of: np.datetime64

    def pick(self, rng: np.random.Generator, month: np.ndarray, working: bool) -> np.ndarray:
        """One uniformly drawn day (a working day if `working`) in each given month index, as datetime64[D]."""
        pool, start, count = (
            (self.work, self.work_start, self.work_count)
            if working
            else (self.every, self.every_start, self.every_count)
        )
        return pool[start[month] + (rng.random(month.size) * count[month]).astype("int64")]

    def last_workdays(self, month: int, n: int) -> np.ndarray:
        """The last n working days of a month index."""
        end = self.work_start[month] + self.work_count[month]
        return self.work[end - n : end]


def month_days(ctx: Context, calendar: Calendar) -> Days:
    """Days of ctx.months grouped by month; as_of is the start of the month after the last (the extraction moment)."""
    bounds = (np.datetime64(ctx.months[0], "M") + np.arange(len(ctx.months) + 1)).astype("datetime64[D]")
    every = np.arange(bounds[0], bounds[-1])
    working = calendar.is_workday(every)
    month = np.searchsorted(bounds, every, side="right") - 1
    work_count = np.bincount(month[working], minlength=len(ctx.months))
    return Days(
        every,
        (bounds[:-1] - bounds[0]).astype("int64"),
        np.diff(bounds).astype("int64"),
        every[working],
        np.concatenate([[0], np.cumsum(work_count)[:-1]]),
        work_count,
        bounds[-1].astype("datetime64[us]"),
    )


def cells(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column index of every record of a units × months count array (records grouped by cell)."""
    flat = np.repeat(np.arange(counts.size), counts.ravel())
    return np.divmod(flat, counts.shape[1])


def clock(rng: np.random.Generator, n: int, start_hour: float, end_hour: float) -> np.ndarray:
    """n uniformly drawn times of day in [start_hour, end_hour), whole seconds, as timedelta64[s]."""
    return (round(start_hour * 3600) + rng.integers(0, round((end_hour - start_hour) * 3600), n)) * SECOND


def at(day: np.ndarray, time: np.ndarray) -> np.ndarray:
    """Date plus time of day as datetime64[us]."""
    return (day.astype("datetime64[D]") + time).astype("datetime64[us]")


def later(calendar: Calendar, rng: np.random.Generator, start: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """The moment `steps` working days after `start`: office hours on that day, or 15–180 minutes later for 0."""
    n = start.size
    day = calendar.add(start.astype("datetime64[D]"), steps)
    next_days = at(day, clock(rng, n, 8, 16))
    end_of_day = at(start, np.timedelta64(1, "D")) - SECOND
    same_day = np.minimum(start + rng.integers(15, 181, n) * 60 * SECOND, end_of_day)
    return np.where(steps == 0, same_day, next_days)


def in_office_hours(calendar: Calendar, moment: np.ndarray, last_hour: int = 14) -> np.ndarray:
    """True for a working day between 08:00 and last_hour:00 (a same-day answer is still possible)."""
    hour = (moment - moment.astype("datetime64[D]")) // np.timedelta64(1, "h")
    return calendar.is_workday(moment) & (hour >= 8) & (hour < last_hour)


def ids(kind: str, n: int) -> pd.Series:
    """Record ids CONTOH-<kind>-0000001 … in order."""
    return text(np.char.add(f"CONTOH-{kind}-", np.char.zfill(np.arange(1, n + 1).astype(str), 7)))


def text(values: np.ndarray) -> pd.Series:
    """Strings as the default pandas string dtype."""
    return pd.Series(values, dtype="str")
