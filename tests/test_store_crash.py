"""Atomicity of the import store: a commit or rollback killed (SIGKILL) or failing mid-transaction leaves the store
exactly as it was. The kills happen in a child process (sys.executable -c …) that commits a large batch."""

import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from kpi.store import sql
from kpi.store.batches import KINDS, Store
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000
TIME_COLUMNS = ["diimpor_pada", "dibatalkan_pada", "waktu"]
CHILD = """
import pickle, sys, time
from pathlib import Path
from kpi.store.batches import Store
store = Store(Path(sys.argv[1]))
work = pickle.loads(Path(sys.argv[2]).read_bytes())
print("mulai", flush=True)
start = time.perf_counter()
outcome = store.rollback(work) if isinstance(work, int) else store.commit(work)
print("selesai", outcome.ok, time.perf_counter() - start, flush=True)
"""


def _requests(n: int, seed: int) -> pd.DataFrame:
    """A large, valid CSV of synthetic service requests (ids CONTOH-P-…), all completed."""
    rng = np.random.default_rng(seed)
    kelurahan = pd.read_csv(ROOT / "data" / "wilayah.csv", dtype=str).query("tingkat == 'kelurahan'")["kode"]
    start = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 600 * 24 * 60, n), unit="min")
    done = start + pd.to_timedelta(rng.integers(60, 20 * 24 * 60, n), unit="min")
    return pd.DataFrame(
        {
            "id_permohonan": [f"CONTOH-P-{i:07d}" for i in range(n)],
            "kelurahan": rng.choice(kelurahan.to_numpy(), n),
            "jenis_layanan": "KTP",
            "kanal": rng.choice(["daring", "luring", "mpp"], n),
            "diajukan": start.strftime("%Y-%m-%d %H:%M"),
            "selesai": done.strftime("%Y-%m-%d %H:%M"),
            "status": "selesai",
            "sop_hari_kerja": 3,
        }
    )


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A store with a large permohonan batch and an observasi batch, and a pickled plan that replaces every
    request (so a commit both supersedes and inserts ROWS rows)."""
    base = tmp_path_factory.mktemp("crash")
    first = base / "permohonan_1.csv"
    _requests(ROWS, 1).to_csv(first, index=False)
    (base / "obs.csv").write_text(
        "periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n2025,36.74.01,kepatuhan_ombudsman,,,84.25\n",
        encoding="utf-8",
    )
    store = Store(base / "before" / "kpi.duckdb")
    plan = store.plan(first, "permohonan", today=TODAY)
    assert plan.ok and store.commit(plan).ok
    assert store.commit(store.plan(base / "obs.csv", "observasi", today=TODAY)).ok
    frame = plan.frame.assign(kanal=np.where(plan.frame["kanal"] == "daring", "luring", "daring"))
    big = replace(plan, file_name="permohonan_2.csv", sha256="f" * 64, frame=frame)  # a second file, same ids
    (base / "plan.pickle").write_bytes(pickle.dumps(big))
    (base / "rollback.pickle").write_bytes(pickle.dumps(1))
    assert not store.path.with_name("kpi.duckdb.wal").exists()  # checkpointed: the folder copies cleanly
    return base, snapshot(store.path)


def fresh(base: Path, name: str) -> Path:
    """A private copy of the 'before' store."""
    target = base / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(base / "before", target)
    return target / "kpi.duckdb"


def snapshot(path: Path) -> dict:
    """Everything a reader can see, with wall-clock columns left out."""
    store = Store(path)
    state = {
        "batches": store.batches(),
        "audit": store.audit(),
        "observations": store.observations(),
        **{kind: store.records(kind) for kind in KINDS},
    }
    return {k: v.drop(columns=[c for c in TIME_COLUMNS if c in v]) for k, v in state.items()}


def assert_same(a: dict, b: dict) -> None:
    for name in a:
        assert_frame_equal(a[name], b[name], obj=name)


def child(path: Path, work: Path, fault: str | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != sql.FAULT_ENV}
    if fault:
        env[sql.FAULT_ENV] = fault
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(work)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    "fault, work", [("commit:after_insert", "plan.pickle"), ("rollback:after_delete", "rollback.pickle")]
)
def test_a_kill_inside_the_transaction_leaves_the_store_as_before(setup, fault, work):
    base, before = setup
    path = fresh(base, f"kill-{work}")
    proc = child(path, base / work, fault)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err
    assert out.split() == ["mulai"]
    assert_same(snapshot(path), before)


def test_a_kill_at_a_random_moment_leaves_the_store_before_or_after(setup):
    base, before = setup
    path = fresh(base, "calibration")
    proc = child(path, base / "plan.pickle")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    seconds = float(out.split()[-1])
    after = snapshot(path)
    assert after["batches"]["batch_id"].tolist() == [1, 2, 3]
    rng = random.Random(20261127)
    outcomes = []
    for i, share in enumerate((0.1, 0.3, 0.5, 0.7, 0.9)):
        path = fresh(base, f"random-{i}")
        proc = child(path, base / "plan.pickle")
        assert proc.stdout.readline().strip() == "mulai"
        time.sleep(seconds * rng.uniform(share - 0.1, share + 0.1))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=120)
        state = snapshot(path)
        finished = "selesai" in rest
        if finished:
            assert_same(state, after)
        else:
            assert proc.returncode == -signal.SIGKILL
            try:
                assert_same(state, before)
                outcomes.append("before")
            except AssertionError:  # killed after DuckDB's commit returned, before the print
                assert_same(state, after)
                outcomes.append("after")
    assert "before" in outcomes, outcomes  # at least one kill landed inside the transaction


@pytest.mark.parametrize("operation", ["commit", "rollback"])
def test_a_failing_operation_leaves_no_partial_rows_and_is_audited(setup, monkeypatch, operation):
    base, before = setup
    path = fresh(base, f"raise-{operation}")
    store = Store(path)
    point = "commit:after_insert" if operation == "commit" else "rollback:after_delete"
    monkeypatch.setenv(sql.FAULT_ENV, f"{point}:raise")
    outcome = (
        store.commit(pickle.loads((base / "plan.pickle").read_bytes())) if operation == "commit" else store.rollback(1)
    )
    assert not outcome.ok and "InjectedFault" in outcome.message and "tidak berubah" in outcome.message
    state = snapshot(path)
    audit = state.pop("audit")
    assert_same(state, {k: v for k, v in before.items() if k != "audit"})
    assert_frame_equal(audit.iloc[:-1], before["audit"])
    last = audit.iloc[-1]
    assert (last.aksi, last.hasil) == (("tolak", "gagal") if operation == "commit" else ("batal", "gagal"))
