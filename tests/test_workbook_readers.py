"""Workbooks are read by calamine for speed (issue 13, item 9); it must give exactly the cells openpyxl gives, so the
same file yields the same table, the same problems and the same KPIs whichever reader is used."""

from __future__ import annotations

import datetime as dt
import io
import random

import pytest
from openpyxl import Workbook

from kpi import settings
from kpi.inputs import workbooks


def _random_value(rng: random.Random):
    kind = rng.randrange(12)
    if kind == 0:
        return None
    if kind == 1:
        return rng.randint(-(10**12), 10**12)
    if kind == 2:
        return rng.uniform(-1e6, 1e6)
    if kind == 3:
        return round(rng.uniform(0, 1), rng.randrange(1, 6))  # a percent cell, 0,8425
    if kind == 4:
        return dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(36000))
    if kind == 5:  # minutes and seconds, as a form's time stamps carry them
        return dt.datetime(2026, 1, 1) + dt.timedelta(seconds=rng.randrange(86400 * 365))
    if kind == 6:
        return dt.time(rng.randrange(24), rng.randrange(60))
    if kind == 7:
        return rng.random() < 0.5
    if kind == 8:
        return rng.choice(["Café", "Pd. Jaya", "  spasi  ", "36.74.01.1001", "Okt-26", "SP4N-LAPOR!", "0012"])
    if kind == 9:
        return rng.choice([0, 0.0, -0.0, 1e-7, 123456.789, 2.675])
    if kind == 10:
        return "a_x0000_b"  # how a workbook stores a NUL
    return f"teks {rng.randrange(1000)}"


def _workbook(seed: int, sheets: int = 2, rows: int = 40, width: int = 9) -> bytes:
    rng = random.Random(seed)
    book = Workbook()
    book.remove(book.active)
    for s in range(sheets):
        sheet = book.create_sheet(f"Lembar {s + 1}")
        for _ in range(rows):
            sheet.append([_random_value(rng) for _ in range(rng.randrange(1, width + 1))])
        for r in range(rng.randrange(3)):  # formatted blanks at the end, as office files carry them
            sheet.cell(rows + r + 1, 1).number_format = "0.00"
        for row in sheet.iter_rows(min_row=2, max_row=5):
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(cell.value, float):
                    cell.number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _grids(data: bytes, fast: bool) -> list[tuple[str, list]]:
    found = workbooks._fast_cells(data) if fast else workbooks._cells(data, data_only=True)
    return [(name, grid.values.tolist()) for name, grid in found]


@pytest.mark.parametrize("seed", range(12))
def test_calamine_reads_the_same_cells_as_openpyxl(seed):
    data = _workbook(seed)
    assert _grids(data, fast=True) == _grids(data, fast=False)


@pytest.mark.parametrize("kind", ["permohonan", "aduan", "survei"])
def test_the_shipped_templates_read_the_same(kind):
    data = (settings.TEMPLATE_DIR / f"{kind}.xlsx").read_bytes()
    assert _grids(data, fast=True) == _grids(data, fast=False)


def test_the_comparison_can_fail():
    # An empty cell is None for openpyxl and '' for calamine: read unconverted, the grids would differ.
    from python_calamine import CalamineWorkbook

    data = _workbook(3)
    raw = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    assert any(v == "" for row in raw for v in row)
    assert [[None if v == "" else v for v in row] for row in raw] != raw
