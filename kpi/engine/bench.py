"""Benchmark of the KPI engines on synthetic service requests: DuckDB (kpi.engine) against pandas (kpi.engine.reference).

Run: .venv/bin/python -m kpi.engine.bench engine --rows 10000000 [--seed 0] [--repeat 3]

N requests are generated in memory (vectorised numpy, in chunks of a million rows) over the 54 register
kelurahan, 2021-01 to 2026-10. Each engine is then timed where its data lives, on the same records, in this
process, with the same warmed calendar:
- pandas reference: `engine_ref.compute({"permohonan": frame})` on the frame, its low-cardinality columns
  (kode_wilayah, jenis_layanan, kanal, status) as Categorical, the fastest form pandas has for them;
- DuckDB engine (the headline): `engine.compute_in(con, ...)` on the records inserted into a table with the
  import store's own schema (kpi/store/sql.py: ENUM codes, channels and statuses), which is how the dashboard
  computes the store's KPIs; the insert is timed and printed separately;
- DuckDB engine on the pandas frame (`engine.compute`), printed for comparison.
Best of `--repeat` runs each; the results must be equal (pd.testing.assert_frame_equal, exact). Peak memory is
the process's ru_maxrss. Not a test: nothing asserts a time. The last line is machine-readable:
engine_speedup=<x> rows=<N> seconds=<duckdb s> peak_rss_mb=<MB>.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections.abc import Callable, Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi import engine
from kpi.core.wilayah import load_register
from kpi.core.workdays import Calendar
from kpi.engine import reference as engine_ref
from kpi.engine import tables

LAYANAN: tuple[str, ...] = (
    "KTP-el",
    "Kartu Keluarga",
    "Akta Kelahiran",
    "Surat Keterangan Domisili",
    "Surat Keterangan Tidak Mampu",
    "Surat Pengantar Nikah",
    "Surat Keterangan Usaha",
)
KANAL: tuple[str, ...] = ("daring", "luring", "mpp")
STATUS: tuple[str, ...] = ("selesai", "proses", "ditolak")
FIRST, LAST = np.datetime64("2021-01-01", "D"), np.datetime64("2026-10-31", "D")
CHUNK = 1_000_000
CATEGORICAL: tuple[str, ...] = ("kode_wilayah", "jenis_layanan", "kanal", "status")  # low-cardinality columns
_US = 1_000_000


def _text(choices: Sequence[str], picks: np.ndarray) -> pa.Array:
    """choices[picks] as an Arrow dictionary array (a pandas Categorical once converted)."""
    return pa.DictionaryArray.from_arrays(pa.array(picks.astype("int32")), pa.array(list(choices), pa.large_string()))


def _chunk(
    rng: np.random.Generator, start: int, rows: int, codes: list[str], calendar: Calendar
) -> tuple[dict[str, pa.Array], dict[str, np.ndarray]]:
    """One chunk of requests: Arrow string columns and numpy columns."""
    day = FIRST + rng.integers(0, int((LAST - FIRST).astype("int64")) + 1, rows)
    second = rng.integers(7 * 3600, 16 * 3600, rows)
    sop = rng.integers(1, 6, rows)
    done = calendar.add(day, np.maximum(sop + rng.integers(-2, 3, rows), 0))  # a few working days, sometimes late
    diajukan = day.astype("datetime64[us]") + (second * _US).astype("timedelta64[us]")
    later = (second + rng.integers(600, 4 * 3600, rows)) * _US
    selesai = done.astype("datetime64[us]") + later.astype("timedelta64[us]")
    draw = rng.random(rows)
    still_open = (done > LAST) | (draw > 0.995)
    selesai[still_open] = np.datetime64("NaT")
    ids = pc.binary_join_element_wise("P-", pc.cast(pa.array(np.arange(start + 1, start + rows + 1)), pa.string()), "")
    text = {
        "id_permohonan": ids.cast(pa.large_string()),
        "kode_wilayah": _text(codes, rng.integers(0, len(codes), rows)),
        "jenis_layanan": _text(LAYANAN, rng.integers(0, len(LAYANAN), rows)),
        "kanal": _text(KANAL, rng.choice(len(KANAL), rows, p=[0.45, 0.35, 0.2])),
        "status": _text(STATUS, np.where(still_open, 1, np.where(draw < 0.04, 2, 0))),
    }
    return text, {"diajukan": diajukan, "selesai": selesai, "sop_hari_kerja": sop}


def synthetic_permohonan(
    rows: int, seed: int = 0, calendar: Calendar | None = None, categorical: bool = False
) -> pd.DataFrame:
    """N synthetic service requests typed like kpi.inputs.records' permohonan frame (str columns Arrow-backed), or with
    the low-cardinality columns as Categorical."""
    calendar = calendar or Calendar.default()
    rng = np.random.default_rng(seed)
    codes = [u.kode for u in load_register().level("kelurahan")]
    numbers = {
        "diajukan": np.empty(rows, "datetime64[us]"),
        "selesai": np.empty(rows, "datetime64[us]"),
        "sop_hari_kerja": np.empty(rows, "int64"),
    }
    pieces: dict[str, list[pa.Array]] = {}
    for start in range(0, rows, CHUNK):
        size = min(CHUNK, rows - start)
        text, values = _chunk(rng, start, size, codes, calendar)
        for name, array in text.items():
            pieces.setdefault(name, []).append(array)
        for name, array in values.items():
            numbers[name][start : start + size] = array

    def column(name: str, parts: list[pa.Array]):
        if categorical and name in CATEGORICAL:
            codes = np.concatenate([p.indices.to_numpy() for p in parts])
            return pd.Categorical.from_codes(codes, categories=parts[0].dictionary.to_pylist())
        return pd.array(
            pa.chunked_array(
                [p.dictionary_decode() if isinstance(p, pa.DictionaryArray) else p for p in parts], pa.large_string()
            ),
            dtype="str",
        )

    columns = {name: column(name, parts) for name, parts in pieces.items()}
    frame = pd.DataFrame({**columns, **numbers, "_baris": np.arange(2, rows + 2)}, copy=False)
    order = [
        "id_permohonan",
        "kode_wilayah",
        "jenis_layanan",
        "kanal",
        "diajukan",
        "selesai",
        "status",
        "sop_hari_kerja",
        "_baris",
    ]
    return frame[order]


def _best(run: Callable[[], pd.DataFrame], repeat: int) -> tuple[float, pd.DataFrame]:
    """Shortest wall time of `repeat` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def _peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store_table(frame: pd.DataFrame) -> tuple[duckdb.DuckDBPyConnection, str]:
    """An in-memory DuckDB holding the requests in the table the import store keeps them in (ENUM types)."""
    con = duckdb.connect(config={"threads": os.cpu_count() or 1})
    columns = tables.record_columns()["permohonan"]
    con.execute(f"CREATE TABLE rec_permohonan ({', '.join(f'{c} {t}' for c, t in columns)})")
    con.register("_bench_frame", frame[[c for c, _ in columns]])
    con.execute(
        f"INSERT INTO rec_permohonan SELECT {', '.join(f'CAST({c} AS {t})' for c, t in columns)} FROM _bench_frame"
    )
    con.unregister("_bench_frame")
    return con, "rec_permohonan"


def bench_engine(rows: int, seed: int, repeat: int) -> str:
    """Generate, time both engines, check equality, print the report; return the machine-readable line."""
    calendar = Calendar.default()
    start = time.perf_counter()
    frame = synthetic_permohonan(rows, seed, calendar, categorical=True)
    print(
        f"generated {rows:,} permohonan (seed {seed}; {', '.join(CATEGORICAL)} as Categorical) in "
        f"{time.perf_counter() - start:.1f} s; frame {frame.memory_usage(deep=True).sum() / 1e6:,.0f} MB; "
        f"peak RSS {_peak_rss_mb():,.0f} MB; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    records = {"permohonan": frame}
    t_ref, expected = _best(lambda: engine_ref.compute(records, calendar=calendar), repeat)
    print(f"pandas  engine_ref.compute(frame)        best of {repeat}: {t_ref:7.3f} s  {rows / t_ref:13,.0f} rows/s")
    start = time.perf_counter()
    con, source = _store_table(frame)
    print(f"        insert into the store's DuckDB table (once): {time.perf_counter() - start:7.3f} s")
    t_duck, result = _best(lambda: engine.compute_in(con, {"permohonan": source}, calendar=calendar), repeat)
    print(
        f"duckdb  engine.compute_in(store table)   best of {repeat}: {t_duck:7.3f} s  {rows / t_duck:13,.0f} rows/s"
        f"  ({t_ref / t_duck:.2f}x)"
    )
    pd.testing.assert_frame_equal(result, expected, check_exact=True)
    con.close()
    t_frame, on_frame = _best(lambda: engine.compute(records, calendar=calendar), repeat)
    print(
        f"duckdb  engine.compute(frame)            best of {repeat}: {t_frame:7.3f} s  {rows / t_frame:13,.0f} "
        f"rows/s  ({t_ref / t_frame:.2f}x)"
    )
    pd.testing.assert_frame_equal(on_frame, expected, check_exact=True)
    print(f"results equal (assert_frame_equal, exact): {len(result):,} observations")
    line = f"engine_speedup={t_ref / t_duck:.2f} rows={rows} seconds={t_duck:.3f} peak_rss_mb={_peak_rss_mb():.0f}"
    print(line)
    return line


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: `engine --rows N [--seed S] [--repeat R]`."""
    parser = argparse.ArgumentParser(prog="python -m kpi.engine.bench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    eng = sub.add_parser("engine", help="DuckDB engine against the pandas reference on synthetic permohonan")
    eng.add_argument("--rows", type=int, default=1_000_000)
    eng.add_argument("--seed", type=int, default=0)
    eng.add_argument("--repeat", type=int, default=3, help="runs per engine; the best counts (default 3)")
    args = parser.parse_args(argv)
    bench_engine(args.rows, args.seed, args.repeat)


if __name__ == "__main__":
    main()
