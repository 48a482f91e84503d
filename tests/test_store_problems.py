"""A store that cannot be used says why in Indonesian, with the way out, on every path (kpi/store/problems.py): the
store's methods, the dashboard's source and `python -m kpi.importer`. Before, these were DuckDB's or Python's English:
"IOException … not a valid DuckDB database file", "FileExistsError", "ConversionException" for
`--rollback 99999999999999999999`, and "TransactionException … Current transaction is aborted" on a full disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from kpi.store import problems, source, sql
from kpi.store.batches import Store
from kpi.store.cli import main
from tests.conftest import TODAY
from tests.test_store import FOUR_REQUESTS, digest, imported, write

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("Exception", "Error", "not a valid", "No space left", "errno", "Errno")


def english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A store file holding one batch of four requests."""
    folder = tmp_path_factory.mktemp("good")
    store = Store(folder / "kpi.duckdb")
    imported(store, write(folder, "empat.csv", FOUR_REQUESTS), "permohonan")
    return store.path


DAMAGES = {  # name → the bytes of a damaged store file, made from the good one
    "teks": lambda data: b"ini bukan basis data\n",
    "kosong": lambda data: b"",
    "nol": lambda data: bytes(len(data)),
    "terpotong": lambda data: data[: len(data) // 2],
    "blok_rusak": lambda data: data[:20000] + bytes(b ^ 0xFF for b in data[20000:40000]) + data[40000:],
}


@pytest.fixture(params=sorted(DAMAGES))
def damaged(request, good_store, tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    path = tmp_path / "kpi.duckdb"
    path.write_bytes(DAMAGES[request.param](good_store.read_bytes()))
    return Store()


def says_damaged(message: str, path: Path) -> None:
    assert f"Berkas penyimpanan data impor {path} rusak atau bukan basis data DuckDB" in message, message
    assert "tidak ada yang diubah" in message and "kpi.duckdb.rusak" in message
    assert "salin cadangan terakhir" in message and "python -m kpi.importer BERKAS --kind JENIS --commit" in message
    assert english(message) == [], message


def test_a_damaged_store_says_so_on_every_path(damaged, tmp_path, capsys):
    with pytest.raises(problems.StoreDamaged) as raised:
        damaged.batches()
    says_damaged(str(raised.value), damaged.path)
    shown = source.current(TODAY)
    assert [i.code for i in shown.issues] == ["penyimpanan_rusak"]
    plan = damaged.plan(write(tmp_path, "empat.csv", FOUR_REQUESTS.replace("P-", "Q-")), "permohonan", today=TODAY)
    assert [i.code for i in plan.issues] == ["penyimpanan_rusak"]
    says_damaged(plan.issues[0].message, damaged.path)
    outcome = damaged.rollback(1)
    assert not outcome.ok and outcome.message.startswith("Pembatalan batch 1 gagal; penyimpanan tidak berubah (Berkas")
    says_damaged(outcome.message, damaged.path)
    assert main(["--list"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("Perintah gagal: Berkas penyimpanan data impor")
    says_damaged(err, damaged.path)


def test_a_good_store_is_no_damaged_one(good_store):
    assert Store(good_store).batches()["batch_id"].tolist() == [1]


@pytest.mark.parametrize("depth", ["folder", "parent_folder"])
def test_a_store_folder_that_is_a_file_is_named_and_nothing_changes(tmp_path, monkeypatch, depth):
    blocker = tmp_path / "bukan_folder"
    blocker.write_text("berkas biasa")
    folder = blocker if depth == "folder" else blocker / "lebih_dalam"  # FileExistsError, then NotADirectoryError
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(folder))
    store = Store()
    outcome = store.commit(store.plan(write(tmp_path, "empat.csv", FOUR_REQUESTS), "permohonan", today=TODAY))
    assert not outcome.ok
    assert f"{blocker} adalah sebuah berkas, bukan folder" in outcome.message
    assert "arahkan TANGSEL_KPI_STORE (atau --store) ke sebuah folder" in outcome.message
    assert english(outcome.message) == [] and "Catatan audit" not in outcome.message
    assert blocker.read_text() == "berkas biasa"


def test_a_store_file_that_is_a_folder_is_named(tmp_path, capsys):
    (tmp_path / "data.duckdb").mkdir()
    assert main(["--list", "--store", str(tmp_path / "data.duckdb")]) == 1
    err = capsys.readouterr().err
    assert f"Penyimpanan data impor {tmp_path / 'data.duckdb'} adalah sebuah folder" in err and english(err) == []


@pytest.mark.parametrize("batch", ["99999999999999999999", str(2**63), "0", "-3"])
def test_a_rollback_of_a_batch_number_beyond_any_batch_is_no_such_batch(tmp_path, monkeypatch, capsys, batch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    imported(Store(), write(tmp_path, "empat.csv", FOUR_REQUESTS), "permohonan")
    assert main(["--rollback", batch]) == 1
    out = capsys.readouterr().out
    assert (
        out
        == f"Batch {batch} tidak ada; tidak ada yang berubah. Lihat daftar batch dengan python -m kpi.importer --list.\n"
    )
    audit = Store().audit()
    assert audit["aksi"].tolist() == ["impor", "batal"] and audit["hasil"].tolist() == ["berhasil", "gagal"]
    assert Store().batches()["status"].tolist() == ["aktif"]


# ---------------------------------------------------------------- a full disk


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    store = Store()
    imported(store, write(tmp_path, "empat.csv", FOUR_REQUESTS), "permohonan")
    return store


def says_disk_full(message: str, store: Store) -> None:
    assert f"(Disk penuh: tidak ada ruang tersisa di {store.path.parent}" in message, message
    assert "semua perubahan dibatalkan" in message and "Kosongkan ruang di disk itu" in message
    assert english(message) == [], message


def test_a_full_disk_during_a_commit_says_so_and_changes_nothing(store, tmp_path, monkeypatch):
    plan = store.plan(write(tmp_path, "lain.csv", FOUR_REQUESTS.replace("P-", "Q-")), "permohonan", today=TODAY)
    before = digest(store, with_audit=True)
    monkeypatch.setenv(sql.FAULT_ENV, "commit:after_insert:disk_full")
    outcome = store.commit(plan)
    assert not outcome.ok and outcome.message.startswith(
        "Impor berkas 'lain.csv' gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah (Disk penuh"
    )
    says_disk_full(outcome.message, store)
    assert digest(store, with_audit=True) == before  # not even the audit row: the disk has no room for it


def test_a_full_disk_during_a_rollback_says_so_and_keeps_the_batch(store, monkeypatch):
    before = digest(store, with_audit=True)
    monkeypatch.setenv(sql.FAULT_ENV, "rollback:after_delete:disk_full")
    outcome = store.rollback(1)
    assert not outcome.ok and outcome.message.startswith("Pembatalan batch 1 gagal; penyimpanan tidak berubah (Disk")
    says_disk_full(outcome.message, store)
    assert digest(store, with_audit=True) == before


def test_a_full_disk_is_found_behind_the_aborted_transaction_that_hides_it(tmp_path):
    """What DuckDB raised on a full tmpfs: the INSERT's IOException, then 'Current transaction is aborted' from the
    next statement, which is the error that reaches the caller with the first one as its context."""
    aborted = duckdb.TransactionException("TransactionContext Error: Current transaction is aborted (please ROLLBACK)")
    assert problems.translated(aborted, tmp_path / "kpi.duckdb") is None  # alone it names no cause
    aborted.__context__ = duckdb.IOException('IO Error: Could not write file "kpi.duckdb": No space left on device')
    assert isinstance(problems.translated(aborted, tmp_path / "kpi.duckdb"), problems.DiskFull)
    assert isinstance(problems.translated(OSError(28, "No space left on device"), tmp_path), problems.DiskFull)
    assert problems.translated(RuntimeError("kueri rusak"), tmp_path) is None


def _unshare_works() -> bool:
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False).returncode == 0


FULL_DISK = """
import sys, datetime as dt
from pathlib import Path
from kpi.store.batches import Store
rows = "".join(f"P-{i},36.74.01.1001,KTP,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,3\\n" for i in range(200000))
data = ("id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\\n" + rows).encode()
store = Store(Path(sys.argv[1]) / "kpi.duckdb")
print(store.commit(store.plan(data, "permohonan", "besar.csv", today=dt.date(2026, 11, 27))).message)
print(len(store.batches()))
"""


@pytest.mark.skipif(not _unshare_works(), reason="needs `unshare -rm` to mount a small tmpfs")
def test_a_real_full_disk_says_so(tmp_path):
    """A 1 MB tmpfs in a private mount namespace: the import cannot fit, and DuckDB's own errors are translated."""
    mount = tmp_path / "kecil"
    mount.mkdir()
    script = f"mount -t tmpfs -o size=1m tmpfs {mount} && exec {sys.executable} -c '{FULL_DISK}' {mount}"
    env = {k: v for k, v in os.environ.items() if k != sql.FAULT_ENV}
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env
    )
    message, batches = result.stdout.strip().splitlines()
    assert message.startswith("Impor berkas 'besar.csv' gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah")
    assert f"Disk penuh: tidak ada ruang tersisa di {mount}" in message and english(message) == []
    assert batches == "0" and "Traceback" not in result.stdout
