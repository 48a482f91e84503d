"""The commands and imports the README documents keep working after the package layout (issue 11): users keep
scripts and cron jobs. Each runs as a user runs it, in a fresh process, on an empty temporary store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TANGSEL_KPI_STORE": str(tmp_path / "store")}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("kpi.importer", "--list"), 0, "Belum ada batch yang diimpor."),
        (("kpi.geo", "status"), 0, "Batas perkiraan"),
        (("kpi.briefing", "--period", "2026-13", "--out", "x.pptx"), 2, "Periode '2026-13' tidak dikenal"),
        (("briefing", "--period", "2026-13", "--out", "x.pptx"), 2, "Periode '2026-13' tidak dikenal"),
        (("kpi.bench", "--help"), 0, "engine"),
        (("kpi.engine.bench", "--help"), 0, "engine"),
        (("kpi.sample", "--help"), 0, "--out"),
        (("kpi.records", "--help"), 0, "templates"),
    ],
)
def test_documented_command_runs(tmp_path, args, code, says):
    done = run(tmp_path, *args)
    assert done.returncode == code, done.stderr[-2000:]
    assert says in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_records_templates_command_writes_the_six_templates(tmp_path):
    done = run(tmp_path, "kpi.records", "templates", "--out", str(tmp_path / "t"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        f"{kind}.{ext}" for kind in ("aduan", "permohonan", "survei") for ext in ("csv", "xlsx")
    ]


def test_documented_imports_resolve():
    from kpi.geo import install, load_boundaries
    from kpi.inputs.observations import load_observations as canonical
    from kpi.observations import LoadResult, load_observations

    assert load_observations is canonical and LoadResult.__name__ == "LoadResult"
    assert callable(install) and callable(load_boundaries)
