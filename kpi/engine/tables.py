"""The DuckDB tables the engine scans: column names and SQL types of each raw-record kind.

Codes, channels and statuses are ENUMs (stored as small integers), which the engine groups on fast; the import
store keeps its records in exactly these columns (kpi.store.sql)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from kpi.core.wilayah import load_register
from kpi.inputs.kinds import KANAL, STATUS


def enum(values: Iterable[object]) -> str:
    """An inline DuckDB ENUM type of these values."""
    return "ENUM(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + ")"


@functools.cache
def record_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """(column, SQL type) per raw-record kind; the codes are ENUMs of the register (read on first use)."""
    register = load_register()
    kelurahan = enum(u.kode for u in register.level("kelurahan"))
    unit = enum(u.kode for u in (*register.level("kecamatan"), *register.level("kelurahan")))
    return {
        "permohonan": (
            ("id_permohonan", "VARCHAR"),
            ("kode_wilayah", kelurahan),
            ("jenis_layanan", "VARCHAR"),
            ("kanal", enum(KANAL)),
            ("diajukan", "TIMESTAMP"),
            ("selesai", "TIMESTAMP"),
            ("status", enum(STATUS)),
            ("sop_hari_kerja", "BIGINT"),
        ),
        "aduan": (
            ("id_aduan", "VARCHAR"),
            ("kode_wilayah", kelurahan),
            ("kanal", "VARCHAR"),
            ("kategori", "VARCHAR"),
            ("diterima", "TIMESTAMP"),
            ("tindak_lanjut", "TIMESTAMP"),
            ("selesai", "TIMESTAMP"),
        ),
        "survei": (
            ("id_responden", "VARCHAR"),
            ("kode_unit", unit),
            ("tanggal", "TIMESTAMP"),
            *((f"U{i}", "BIGINT") for i in range(1, 10)),
        ),
    }
