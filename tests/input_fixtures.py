"""Shared helpers for the bad-input tests: write a tiny observation file, load it, check the Issues."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

from kpi.core.issues import Issue
from kpi.inputs.observations import LoadResult, load_observations

TODAY = dt.date(2026, 11, 27)
HEADER = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai"
HEADER_SEMICOLON = HEADER.replace(",", ";")


def write_csv(
    tmp_path: Path, header: str, rows: list[str], name: str = "observasi.csv", encoding: str = "utf-8"
) -> Path:
    """Write a header and data rows as a CSV file; the first data row is spreadsheet row 2."""
    path = tmp_path / name
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode(encoding))
    return path


def load_rows(tmp_path: Path, header: str, rows: list[str]) -> LoadResult:
    """Write the rows to a CSV and load it with the real catalogue and register, as of TODAY."""
    return load_observations(write_csv(tmp_path, header, rows), today=TODAY)


def with_rows(rows: list[str], inserts: dict[int, str]) -> list[str]:
    """The rows with extra rows placed so that each lands on the given spreadsheet row number."""
    out = list(rows)
    for row in sorted(inserts):
        out.insert(row - 2, inserts[row])
    return out


def assert_rejected(result: LoadResult, expected: list[tuple[str, int, str]]) -> list[Issue]:
    """Nothing loaded, and the Issues are exactly these (code, row, column), in row order."""
    assert result.frame is None
    assert not result.ok
    assert [(i.code, i.row, i.column) for i in result.issues] == expected, [i.message for i in result.issues]
    return result.issues


def assert_message(issue: Issue, *fragments: str) -> None:
    """The message names its row and column and contains every fragment (value, rule, fix)."""
    assert issue.message.startswith(f"Kolom '{issue.column}' baris {issue.row}: "), issue.message
    missing = [f for f in fragments if f not in issue.message]
    assert not missing, f"{missing} not in: {issue.message}"


def assert_loaded(result: LoadResult, rows: int) -> None:
    """The whole file loaded: no issues and one frame row per data row."""
    assert result.issues == [], [i.message for i in result.issues]
    assert result.ok
    assert len(result.frame) == rows


def ole2_file(*streams: str) -> bytes:
    """A minimal OLE2 compound file (what Excel writes for an encrypted workbook or an .xls) holding empty streams
    of these names: the header, one FAT sector and one directory sector (version 3, 512-byte sectors)."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack(
            "<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, free, right, child, bytes(16), 0, 0, 0, end, 0
        )

    entries = [entry("Root Entry", 5, child=1 if streams else free)]
    entries += [entry(n, 2, right=i + 2 if i + 1 < len(streams) else free) for i, n in enumerate(streams)]
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory
