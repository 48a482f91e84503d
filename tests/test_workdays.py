"""Tests for kpi.core.workdays: weekends, holidays, cuti bersama, the configurable list, all vectorised."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kpi import settings
from kpi.core.workdays import HARI_LIBUR_COLUMNS, Calendar, HariLiburError, read_hari_libur

# Lebaran 2024 (Idul Fitri 10-11 April), holidays 0.109: cuti bersama 8, 9, 12 and 15 April.
#   Fri 5 work | Sat 6, Sun 7 | Mon 8, Tue 9 cuti | Wed 10, Thu 11 Idul Fitri | Fri 12 cuti | Sat 13, Sun 14
#   Mon 15 cuti | Tue 16, Wed 17, Thu 18, Fri 19 work


def D(*days: str) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def T(*stamps: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(stamps))).astype("datetime64[us]")


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar()


def _calendar_with(tmp_path, rows: list[str]) -> Calendar:
    path = tmp_path / "hari_libur.csv"
    path.write_text("tanggal,jenis,keterangan,sumber\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return Calendar.default(extra_path=path)


@pytest.mark.parametrize(
    "start, end, expected, why",
    [
        ("2024-04-05 16:00", "2024-04-16 09:00", 1, "Lebaran week: 6-15 all off, only Tue 16 counts"),
        ("2024-04-05 08:00", "2024-04-19 08:00", 4, "16, 17, 18, 19"),
        ("2024-04-03 08:00", "2024-04-03 15:30", 0, "same day = 0 whatever the hours"),
        ("2024-10-04 15:00", "2024-10-07 08:00", 1, "Friday to Monday = 1"),
        ("2024-10-07 09:00", "2024-10-14 09:00", 5, "Mon to next Mon: 8, 9, 10, 11, 14"),
        ("2024-10-05 10:00", "2024-10-06 10:00", 0, "Saturday to Sunday: nothing"),
        ("2025-08-15 09:00", "2025-08-19 09:00", 1, "17 Aug is a Sunday, 18 Aug 2025 cuti bersama: only 19"),
        ("2024-03-28 09:00", "2024-04-02 09:00", 2, "Good Friday 29 Mar, weekend: 1 and 2 April"),
        ("2024-12-31 09:00", "2025-01-02 09:00", 1, "across a year: 1 Jan off, 2 Jan counts"),
    ],
)
def test_between_hand_worked(calendar, start, end, expected, why):
    assert calendar.between(T(start), T(end)).tolist() == [expected], why


def test_between_missing_and_dtype(calendar):
    result = calendar.between(T("2024-04-05", "NaT", "2024-04-05"), T("2024-04-16", "2024-04-16", "NaT"))
    assert result.dtype == np.int32
    assert result.tolist() == [1, -1, -1]
    assert calendar.between(T(), T()).tolist() == []


def test_is_workday(calendar):
    days = D("2024-04-05", "2024-04-06", "2024-04-08", "2024-04-10", "2024-04-15", "2024-04-16", "NaT")
    assert calendar.is_workday(days).tolist() == [True, False, False, False, False, True, False]


def test_add(calendar):
    starts = D("2024-04-05", "2024-04-05", "2024-04-13", "2024-04-16", "2024-04-05", "NaT")
    result = calendar.add(starts, [1, 0, 0, 3, 4, 2])
    # 1 after Fri 5 = Tue 16; 0 = itself (even a Saturday); 3 after Tue 16 = Fri 19; 4 after 5 = 19
    assert result.astype(str).tolist() == ["2024-04-16", "2024-04-05", "2024-04-13", "2024-04-19", "2024-04-19", "NaT"]
    assert calendar.between(starts[:5], result[:5]).tolist() == [1, 0, 0, 3, 4]


def test_cumulative(calendar):
    first, cum = calendar.cumulative("2024-04-05", "2024-04-17")
    assert first == np.datetime64("2024-04-05")
    assert cum.dtype == np.int32
    # Fri 5 is a working day (1); nothing is added until Tue 16 (2) and Wed 17 (3)
    assert cum.tolist() == [1] * 11 + [2, 3]


def test_between_matches_counting_day_by_day(calendar):
    rng = np.random.default_rng(7)
    start = np.datetime64("2023-12-01") + rng.integers(0, 500, 300)
    end = start + rng.integers(0, 40, 300)
    work = calendar.is_workday(np.arange(np.datetime64("2023-12-01"), np.datetime64("2025-06-01")))
    offset = (start - np.datetime64("2023-12-01")).astype(int)
    slow = [int(work[o + 1 : o + 1 + n].sum()) for o, n in zip(offset, (end - start).astype(int), strict=True)]
    assert calendar.between(start, end).tolist() == slow


def test_overrides_from_csv(tmp_path):
    calendar = _calendar_with(
        tmp_path,
        [
            "2024-04-13,masuk,Sabtu masuk (uji),SE uji",  # a Saturday becomes a working day
            "2024-04-16,libur,Libur daerah (uji),Kepwal uji",  # a working Tuesday becomes a day off
            "2024-04-15,masuk,Cuti bersama dibatalkan (uji),SE uji",  # a cuti bersama day becomes a working day
        ],
    )
    # 5 → 16: Sat 13 (masuk) and Mon 15 (masuk) count; Tue 16 is now off → 2
    assert calendar.between(D("2024-04-05"), D("2024-04-16")).tolist() == [2]
    # 5 → 17: 13, 15, 17 → 3
    assert calendar.between(D("2024-04-05"), D("2024-04-17")).tolist() == [3]
    assert calendar.is_workday(D("2024-04-13", "2024-04-16")).tolist() == [True, False]
    listed = calendar.holidays(2024)
    assert list(listed.columns) == list(HARI_LIBUR_COLUMNS)
    assert {"Libur daerah (uji)", "Sabtu masuk (uji)"} <= set(listed["keterangan"])


def test_holidays_names_and_sources(calendar):
    listed = calendar.holidays(2024)
    cuti = listed[listed["tanggal"] == pd.Timestamp("2024-04-08")]
    assert cuti["keterangan"].tolist() == ["Cuti Bersama Hari Raya Idul Fitri"]
    assert "government" in cuti["sumber"].iloc[0]
    assert listed["tanggal"].is_monotonic_increasing
    assert pd.Timestamp("2024-04-10") in set(listed["tanggal"])


def test_bad_csv_lists_every_problem(tmp_path):
    path = tmp_path / "hari_libur.csv"
    path.write_text(
        "tanggal,jenis,keterangan,sumber\n16/04/2024,libur,a,b\n2024-04-17,cuti,a,b\n"
        "2024-04-18,libur,a,b\n2024-04-18,masuk,a,b\n",
        encoding="utf-8",
    )
    with pytest.raises(HariLiburError) as info:
        read_hari_libur(path)
    message = str(info.value)
    assert "baris 2" in message and "YYYY-MM-DD" in message
    assert "baris 3" in message and "'cuti'" in message
    assert "2024-04-18" in message and "sekaligus" in message


def test_missing_column(tmp_path):
    path = tmp_path / "hari_libur.csv"
    path.write_text("tanggal,jenis\n2024-04-16,libur\n", encoding="utf-8")
    with pytest.raises(HariLiburError, match="keterangan, sumber"):
        read_hari_libur(path)


def test_shipped_list_is_valid():
    table = read_hari_libur(settings.HARI_LIBUR_FILE)
    assert list(table.columns) == list(HARI_LIBUR_COLUMNS)
    assert Calendar.default().between(D("2024-04-05"), D("2024-04-16")).tolist() == [1]
