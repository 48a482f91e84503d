"""Benchmark of an upload's dry run on a workbook (issue 13, item 9): 30,000 service requests as XLSX against the same
rows as CSV, through the store's dry run (read, map, check, KPI preview) into an empty store; and the workbook read
alone by calamine (what the import uses) against openpyxl (what it used).

The baseline, run first in the same process, is the CSV dry run; the workbook figures are printed as multiples of it.
Not a test: nothing here asserts a time. Run: .venv/bin/python scripts/bench_import.py [--rows 30000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook

from kpi.inputs import workbooks
from kpi.store.batches import Store

HEADER = ["id_permohonan", "kode_wilayah", "jenis_layanan", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"]
KELURAHAN = ["36.74.01.1001", "36.74.02.1004", "36.74.03.1008", "36.74.06.1002", "36.74.07.1002"]
TODAY = dt.date(2026, 11, 15)


def rows(n: int) -> list[list]:
    """n invented requests of October 2026, spread over five kelurahan."""
    out = []
    for i in range(n):
        start = dt.datetime(2026, 10, 1 + i % 28, 8 + i % 8, (7 * i) % 60)
        done = start + dt.timedelta(days=1 + i % 5, hours=3)
        kanal = ("daring", "luring", "mpp")[i % 3]
        out.append([f"P-{i:06d}", KELURAHAN[i % 5], "Surat Keterangan Domisili", kanal, start, done, "selesai", 3])
    return out


def as_csv(table: list[list]) -> bytes:
    lines = [",".join(HEADER)]
    for r in table:
        lines.append(",".join([*r[:4], f"{r[4]:%Y-%m-%d %H:%M}", f"{r[5]:%Y-%m-%d %H:%M}", r[6], str(r[7])]))
    return ("\n".join(lines) + "\n").encode()


def as_xlsx(table: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("permohonan")
    sheet.append(HEADER)
    for r in table:
        sheet.append(r)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def best(fn, repeat: int = 3) -> float:
    """The best wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    n = parser.parse_args().rows
    table = rows(n)
    csv, xlsx = as_csv(table), as_xlsx(table)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TANGSEL_KPI_STORE"] = folder
        store = Store(Path(folder) / "kpi.duckdb")

        def plan(data: bytes, name: str) -> None:
            result = store.plan(data, "permohonan", name, today=TODAY)
            assert result.ok and result.rows == n, [i.message for i in result.issues][:3]

        base = best(lambda: plan(csv, "permohonan.csv"))
        print(f"rows: {n:,}; CSV {len(csv) / 1e6:.1f} MB, XLSX {len(xlsx) / 1e6:.1f} MB")
        print(f"baseline: dry run of the CSV                    {base:6.2f} s   1.00x")
        dry = best(lambda: plan(xlsx, "permohonan.xlsx"))
        print(f"dry run of the XLSX (calamine)                  {dry:6.2f} s   {dry / base:4.2f}x")
        fast = best(lambda: workbooks._fast_cells(xlsx))
        slow = best(lambda: workbooks._cells(xlsx, data_only=True), repeat=1)
        print(f"reading the workbook: calamine                  {fast:6.2f} s   {fast / base:4.2f}x")
        print(f"reading the workbook: openpyxl (before)         {slow:6.2f} s   {slow / base:4.2f}x")
        print(f"import_rows={n} xlsx_dry_run_ratio_to_csv={dry / base:.2f} openpyxl_over_calamine={slow / fast:.1f}")


if __name__ == "__main__":
    main()
