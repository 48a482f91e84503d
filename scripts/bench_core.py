"""Benchmark of the KPI core on the embedded sample: load, validate and roll up.

Prints wall times (best of N runs) and ratios against a baseline measured in the same process: a plain
`pandas.read_csv` of the same file, the least any loader has to do. Not a test: nothing here asserts a time.
Run: .venv/bin/python scripts/bench_core.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpi import settings
from kpi.core import periods
from kpi.core.catalogue import load_catalogue
from kpi.core.wilayah import LEVELS, load_register
from kpi.inputs.observations import load_observations
from kpi.inputs.readers import read_table
from kpi.inputs.schema import validate
from kpi.metrics.analysis import indicator_table
from kpi.metrics.rollup import rollup

TODAY = dt.date(2026, 11, 27)


def best(fn, repeat: int) -> tuple[float, object]:
    """Best wall time of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="KPI core benchmark")
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args(argv).repeat
    catalogue, register = load_catalogue(), load_register()
    base, _ = best(lambda: pd.read_csv(settings.SAMPLE_OBSERVATIONS_FILE, dtype=str), repeat)
    t_read, (raw, _) = best(lambda: read_table(settings.SAMPLE_OBSERVATIONS_FILE), repeat)
    t_val, (obs, issues) = best(lambda: validate(raw, catalogue, register, TODAY), repeat)
    assert not issues, issues[:3]
    t_load, result = best(lambda: load_observations(settings.SAMPLE_OBSERVATIONS_FILE, today=TODAY), repeat)
    rows = len(result.frame)
    print(f"sample: {rows} observations, {obs['indikator'].nunique()} indicators")
    print(f"baseline pandas.read_csv        {base * 1000:8.1f} ms   1.00x")
    print(f"read_table (strings, sniffing)  {t_read * 1000:8.1f} ms  {t_read / base:5.2f}x")
    print(f"validate (all rules)            {t_val * 1000:8.1f} ms  {t_val / base:5.2f}x")
    print(f"load_observations (read+valid.) {t_load * 1000:8.1f} ms  {t_load / base:5.2f}x")
    total_roll = total_table = 0.0
    for level in LEVELS:
        for grain in periods.GRAINS:
            t_roll, _ = best(lambda: rollup(result.frame, catalogue, register, level, grain), repeat)
            t_tab, table = best(lambda: indicator_table(result.frame, catalogue, register, level, grain), repeat)
            total_roll, total_table = total_roll + t_roll, total_table + t_tab
            print(
                f"rollup {level:9s} {grain:8s}       {t_roll * 1000:8.1f} ms  {t_roll / base:5.2f}x   "
                f"full table {t_tab * 1000:6.1f} ms ({len(table)} rows)"
            )
    tracemalloc.start()
    load_observations(settings.SAMPLE_OBSERVATIONS_FILE, today=TODAY)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"all 12 roll-ups                 {total_roll * 1000:8.1f} ms  {total_roll / base:5.2f}x")
    print(f"all 12 full tables              {total_table * 1000:8.1f} ms  {total_table / base:5.2f}x")
    print(
        f"load + validate + one roll-up (kecamatan, month): "
        f"{(t_load + best(lambda: rollup(result.frame, catalogue, register, 'kecamatan', 'month'), repeat)[0]) * 1000:.1f} ms"
    )
    print(f"peak Python memory while loading: {peak:.1f} MiB")
    print(
        f"core_seconds_load_validate={t_load:.3f} core_seconds_all_rollups={total_roll:.3f} ratio_to_read_csv={t_load / base:.2f}"
    )


if __name__ == "__main__":
    main()
