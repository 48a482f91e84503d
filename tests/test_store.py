"""The import store: dry run, idempotent import, overlap, rollback, audit, refusals; hand-worked numbers."""

import hashlib
import io
import subprocess
import sys
import textwrap

import duckdb
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from kpi import settings
from kpi.core.catalogue import load_catalogue
from kpi.core.pooling import family
from kpi.store import kpis as store_kpi
from kpi.store import precedence, source, sql
from kpi.store.batches import Store, store_path
from tests.conftest import TODAY

OBS_HEADER = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n"
PERMOHONAN_HEADER = "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
# Kelurahan Ciater (36.74.01.1001), Rawa Mekar Jaya (36.74.01.1002) in Serpong
FOUR_REQUESTS = PERMOHONAN_HEADER + textwrap.dedent("""\
    P-1,36.74.01.1001,KTP,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,3
    P-2,36.74.01.1001,KK,daring,2026-09-03 09:00,2026-09-10 10:00,selesai,3
    P-3,36.74.01.1001,KTP,luring,2026-09-07 09:00,,proses,3
    P-4,36.74.01.1001,Akta,daring,2026-09-08 09:00,2026-09-09 10:00,ditolak,3
""")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def obs_file(tmp_path, name: str, rows: list[str]):
    return write(tmp_path, name, OBS_HEADER + "".join(r + "\n" for r in rows))


def digest(store: Store, with_audit: bool = False) -> str:
    """A hash of every table's content (audit left out unless asked); '' when there is no store file."""
    if not store.path.exists():
        return ""
    con = duckdb.connect(str(store.path), read_only=True)
    try:
        tables = sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall())
        text = "".join(
            f"{t}:{con.execute(f'SELECT * FROM {t} ORDER BY ALL').fetchall()}"
            for t in tables
            if with_audit or t != "audit"
        )
    finally:
        con.close()
    return hashlib.sha256(text.encode()).hexdigest()


def value(store: Store, indikator: str, kode: str, periode: str) -> float:
    frame = store_kpi.values(store.observations(), load_catalogue())
    row = frame[(frame.indikator == indikator) & (frame.kode_wilayah == kode) & (frame.periode == periode)]
    assert len(row) == 1, row
    return float(row["nilai"].iloc[0])


def imported(store: Store, path, kind: str = "observasi", on_overlap: str = "replace"):
    plan = store.plan(path, kind, today=TODAY, on_overlap=on_overlap)
    assert plan.ok, plan.issues
    outcome = store.commit(plan, on_overlap)
    assert outcome.ok, outcome.message
    return outcome


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    return Store()


# ---------------------------------------------------------------- paths and the empty store


def test_store_path_follows_the_environment_at_call_time(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "a"))
    assert store_path() == tmp_path / "a" / "kpi.duckdb"
    monkeypatch.delenv("TANGSEL_KPI_STORE")
    assert store_path().parts[-2:] == (".store", "kpi.duckdb")


def test_an_empty_store_reads_as_empty_without_creating_a_file(store):
    assert not store.has_data() and not store.synthetic()
    assert store.observations() is None
    assert list(store.batches().columns[:11]) == [
        "batch_id",
        "jenis",
        "berkas",
        "sha256",
        "baris",
        "dimasukkan",
        "diganti",
        "dilewati",
        "diimpor_pada",
        "status",
        "sintetis",
    ]
    assert list(store.audit().columns) == ["waktu", "aksi", "batch_id", "berkas", "sha256", "baris", "hasil", "pesan"]
    assert store.records("permohonan").columns[0] == "id_permohonan" and store.records("permohonan").empty
    assert not store.path.exists()


# ---------------------------------------------------------------- observasi files


def test_observation_import_dry_run_then_commit(store, tmp_path):
    path = obs_file(
        tmp_path,
        "oktober.csv",
        ["2026-09,36.74.01.1001,layanan_daring,3,4,", "2025,36.74.01,kepatuhan_ombudsman,,,84.25"],
    )
    plan = store.plan(path, "observasi", today=TODAY)
    assert plan.ok and plan.rows == 2 and not plan.synthetic and plan.already is None and plan.overlap.empty
    assert plan.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert plan.preview[["indikator", "sesudah"]].values.tolist() == [
        ["kepatuhan_ombudsman", 84.25],
        ["layanan_daring", 75.0],
    ]
    assert plan.preview["sebelum"].isna().all() and not store.path.exists()  # the dry run writes nothing
    outcome = store.commit(plan)
    assert outcome.ok and outcome.batch_id == 1 and "batch 1" in outcome.message
    assert outcome.counts == {"baris": 2, "dimasukkan": 2, "diganti": 0, "dilewati": 0}
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == 75.0
    batch = store.batches().iloc[0]
    assert (batch.jenis, batch.berkas, batch.status, bool(batch.sintetis)) == (
        "observasi",
        "oktober.csv",
        "aktif",
        False,
    )
    assert store.audit()[["aksi", "hasil"]].values.tolist() == [["impor", "berhasil"]]


def test_a_file_already_imported_changes_nothing(store, tmp_path):
    path = obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"])
    imported(store, path)
    before = digest(store)
    plan = store.plan(path, "observasi", today=TODAY)
    assert plan.already["batch_id"] == 1 and plan.preview.empty
    again = store.commit(plan)
    assert again.ok and "sudah diimpor sebagai batch 1" in again.message
    assert digest(store) == before and len(store.batches()) == 1
    assert store.audit()["aksi"].tolist() == ["impor", "lewati"]


def test_the_same_bytes_imported_as_another_kind_are_another_import(store, tmp_path):
    """Idempotence is keyed on (sha256, kind): a file whose columns serve both requests and complaints, imported as
    permohonan, is imported again as aduan (it used to be 'already imported as batch 1', and nothing was stored)."""
    path = write(
        tmp_path,
        "dua_jenis.csv",
        "id,kode_wilayah,kanal,diajukan,selesai,status,sop_hari_kerja,diterima,tindak_lanjut\n"
        "X-1,36.74.01.1001,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,3,2026-09-01 09:00,2026-09-02 10:00\n",
    )
    imported(store, path, "permohonan")
    plan = store.plan(path, "aduan", today=TODAY)
    assert plan.ok and plan.already is None and not plan.preview.empty
    outcome = store.commit(plan)
    assert outcome.ok and "diimpor sebagai batch 2 (aduan)" in outcome.message, outcome.message
    assert store.batches()[["batch_id", "jenis"]].values.tolist() == [[1, "permohonan"], [2, "aduan"]]
    assert store.records("aduan")["id_aduan"].tolist() == ["X-1"]
    again = store.commit(store.plan(path, "aduan", today=TODAY))  # the same bytes and kind: a no-op
    assert again.ok and "sudah diimpor sebagai batch 2 (aduan" in again.message
    assert store.audit()["aksi"].tolist() == ["impor", "impor", "lewati"]


def test_overlap_replace_supersedes_and_preview_shows_the_change(store, tmp_path):
    imported(
        store,
        obs_file(
            tmp_path,
            "a.csv",
            ["2026-09,36.74.01.1001,layanan_daring,3,4,", "2026-09,36.74.01.1002,layanan_daring,1,4,"],
        ),
    )
    plan = store.plan(
        obs_file(
            tmp_path,
            "b.csv",
            ["2026-09,36.74.01.1001,layanan_daring,1,2,", "2026-09,36.74.01.1003,layanan_daring,1,1,"],
        ),
        "observasi",
        today=TODAY,
    )
    assert plan.overlap.values.tolist() == [["2026-09 36.74.01.1001 layanan_daring", "36.74.01.1001", 1, "a.csv"]]
    changes = plan.preview.set_index("kode_wilayah")
    assert changes.loc["36.74.01.1001", ["sebelum", "sesudah", "selisih"]].tolist() == [75.0, 50.0, -25.0]
    assert np.isnan(changes.loc["36.74.01.1003", "sebelum"]) and changes.loc["36.74.01.1003", "sesudah"] == 100.0
    assert "36.74.01.1002" not in changes.index  # unchanged values are left out
    outcome = store.commit(plan)
    assert outcome.counts == {"baris": 2, "dimasukkan": 2, "diganti": 1, "dilewati": 0}
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == 50.0
    assert len(store.records("observasi")) == 3


def test_overlap_skip_keeps_the_old_rows(store, tmp_path):
    imported(store, obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"]))
    path = obs_file(
        tmp_path, "b.csv", ["2026-09,36.74.01.1001,layanan_daring,1,2,", "2026-09,36.74.01.1003,layanan_daring,1,1,"]
    )
    plan = store.plan(path, "observasi", today=TODAY, on_overlap="skip")
    assert plan.preview["kode_wilayah"].tolist() == ["36.74.01.1003"]
    outcome = store.commit(plan, "skip")
    assert outcome.counts == {"baris": 2, "dimasukkan": 1, "diganti": 0, "dilewati": 1}
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == 75.0


# ---------------------------------------------------------------- rollback


def test_rollback_restores_the_previous_kpis_exactly(store, tmp_path):
    imported(
        store,
        obs_file(
            tmp_path,
            "a.csv",
            ["2026-09,36.74.01.1001,layanan_daring,3,4,", "2026-09,36.74.01.1002,layanan_daring,1,3,"],
        ),
    )
    before, records_before = store.observations(), store.records("observasi")
    outcome = imported(
        store,
        obs_file(
            tmp_path,
            "b.csv",
            ["2026-09,36.74.01.1001,layanan_daring,1,2,", "2026-10,36.74.01.1001,layanan_daring,2,2,"],
        ),
    )
    assert not store.observations().equals(before)
    undo = store.rollback(outcome.batch_id)
    assert undo.ok and undo.counts == {"dihapus": 2, "dipulihkan": 1}
    assert_frame_equal(store.observations(), before)
    assert_frame_equal(store.records("observasi"), records_before)
    assert store.batches()["status"].tolist() == ["aktif", "dibatalkan"]
    assert store.audit()["aksi"].tolist() == ["impor", "impor", "batal"]


def test_rolling_back_the_only_batch_empties_the_store_and_allows_reimport(store, tmp_path):
    path = obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"])
    outcome = imported(store, path)
    assert store.rollback(outcome.batch_id).ok
    assert store.observations() is None and not store.has_data()
    again = imported(store, path)  # the sha256 is no longer active
    assert again.batch_id == 2 and store.has_data()


@pytest.mark.parametrize(
    "order, active",
    [
        # A, B, C each replace the same key; rolling back B leaves C, then rolling back C brings A back
        ((2, 3), "A"),
        # rolling back C first brings B back; then rolling back B brings A back
        ((3, 2), "A"),
        ((2,), "C"),
        ((3,), "B"),
    ],
)
def test_chained_supersede(store, tmp_path, order, active):
    values = {"A": "1,4", "B": "2,4", "C": "3,4"}
    for name, fraction in values.items():
        imported(store, obs_file(tmp_path, f"{name}.csv", [f"2026-09,36.74.01.1001,layanan_daring,{fraction},"]))
    for batch_id in order:
        assert store.rollback(batch_id).ok
    expected = {"A": 25.0, "B": 50.0, "C": 75.0}[active]
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == expected
    assert len(store.records("observasi")) == 1


def test_rollback_in_the_middle_of_a_long_chain_keeps_one_active_row(store, tmp_path):
    for i, name in enumerate("ABCDE", start=1):
        imported(store, obs_file(tmp_path, f"{name}.csv", [f"2026-09,36.74.01.1001,layanan_daring,{i},5,"]))
    assert store.rollback(3).ok  # C: B is now superseded by D
    assert store.rollback(5).ok  # E: D comes back, not B as well
    assert len(store.records("observasi")) == 1
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == 80.0
    assert store.rollback(4).ok  # D: B comes back
    assert value(store, "layanan_daring", "36.74.01.1001", "2026-09") == 40.0


def test_rollback_refuses_unknown_or_cancelled_batches(store, tmp_path):
    assert not store.rollback(1).ok and not store.path.exists()
    outcome = imported(store, obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"]))
    assert store.rollback(outcome.batch_id).ok
    before = digest(store)
    again = store.rollback(outcome.batch_id)
    assert not again.ok and "sudah dibatalkan" in again.message
    missing = store.rollback(9)
    assert not missing.ok and "Batch 9 tidak ada" in missing.message
    assert digest(store) == before
    assert store.audit()[["aksi", "hasil"]].values.tolist()[-2:] == [["batal", "gagal"], ["batal", "gagal"]]


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "name, text, code",
    [
        ("kosong.csv", "", "berkas_kosong"),
        ("judul.csv", OBS_HEADER, "berkas_kosong"),
        ("salah.csv", OBS_HEADER + "2026-09,36.74.9.9999,layanan_daring,3,4,\n", "wilayah_tidak_dikenal"),
    ],
)
def test_bad_files_change_nothing_and_refusals_are_audited(store, tmp_path, name, text, code):
    imported(store, obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"]))
    before, before_obs = digest(store), store.observations()
    plan = store.plan(write(tmp_path, name, text), "observasi", today=TODAY)
    assert not plan.ok and plan.frame is None and plan.issues
    assert any(i.code == code for i in plan.issues), [i.code for i in plan.issues]
    outcome = store.commit(plan)
    assert not outcome.ok and "ditolak" in outcome.message
    assert digest(store) == before
    assert_frame_equal(store.observations(), before_obs)
    last = store.audit().iloc[-1]
    assert (last.aksi, last.hasil, last.berkas) == ("tolak", "gagal", name)


def test_plan_reports_usage_problems_as_issues(store, tmp_path):
    assert [i.code for i in store.plan(tmp_path / "tidak_ada.csv", "observasi").issues] == ["berkas_tidak_terbaca"]
    path = obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"])
    assert [i.code for i in store.plan(path, "lain").issues] == ["jenis_tidak_dikenal"]
    assert [i.code for i in store.plan(path, "observasi", on_overlap="gabung").issues] == ["pilihan_tidak_dikenal"]
    assert not store.commit(store.plan(path, "observasi", today=TODAY), "gabung").ok
    assert not store.path.exists()


def test_plan_accepts_bytes_and_uploads(store, tmp_path):
    data = (OBS_HEADER + "2026-09,36.74.01.1001,layanan_daring,3,4,\n").encode()
    upload = io.BytesIO(data)
    upload.name = "unggahan.csv"
    from_upload = store.plan(upload, "observasi", today=TODAY)
    from_bytes = store.plan(data, "observasi", filename="b.csv", today=TODAY)
    assert from_upload.ok and from_upload.file_name == "unggahan.csv"
    assert from_bytes.ok and from_bytes.sha256 == from_upload.sha256 == hashlib.sha256(data).hexdigest()


def test_a_store_from_a_newer_schema_is_refused(store, tmp_path):
    path = obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"])
    imported(store, path)
    con = duckdb.connect(str(store.path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    outcome = store.commit(
        store.plan(obs_file(tmp_path, "b.csv", ["2026-10,36.74.01.1001,layanan_daring,1,4,"]), "observasi", today=TODAY)
    )
    assert not outcome.ok and "versi skema 99" in outcome.message
    assert len(store.batches()) == 1


def test_a_store_held_by_another_process_gives_a_clear_message(store, tmp_path, monkeypatch):
    imported(store, obs_file(tmp_path, "a.csv", ["2026-09,36.74.01.1001,layanan_daring,3,4,"]))
    monkeypatch.setattr(sql, "LOCK_WAIT_SECONDS", 0.3)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('siap', flush=True); sys.stdin.read()",
            str(store.path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "siap"
        outcome = store.rollback(1)
        plan = store.plan(
            obs_file(tmp_path, "b.csv", ["2026-10,36.74.01.1001,layanan_daring,1,4,"]), "observasi", today=TODAY
        )
    finally:
        holder.communicate("")
    assert not outcome.ok and "sedang dipakai proses lain" in outcome.message
    assert [i.code for i in plan.issues] == ["penyimpanan_terkunci"]
    assert store.has_data() and store.batches()["status"].tolist() == ["aktif"]


# ---------------------------------------------------------------- population


def test_population_real_uses_sourced_kelurahan_figures_only():
    real = store_kpi.population(synthetic=False)
    assert list(real.columns) == ["kode_wilayah", "tahun", "penduduk"]
    assert len(real) == 20 and real["kode_wilayah"].str.count(r"\.").eq(3).all()
    assert real.set_index("kode_wilayah").loc["36.74.01.1001"].tolist() == [2022, 26608]


def test_population_synthetic_is_the_sample_population():
    sample = store_kpi.population(synthetic=True)
    assert sample["kode_wilayah"].nunique() == 54
    assert sample.iloc[0].tolist() == ["36.74.01.1001", 2021, 26757]


# ---------------------------------------------------------------- raw records → KPIs

ADUAN_HEADER = "id_aduan,kelurahan,kanal,kategori,diterima,tindak_lanjut,selesai\n"
SURVEI_HEADER = "id_responden,kode_unit,tanggal," + ",".join(f"U{i}" for i in range(1, 10)) + "\n"


def test_four_requests_give_hand_worked_kpis(store, tmp_path):
    plan = store.plan(write(tmp_path, "permohonan.csv", FOUR_REQUESTS), "permohonan", today=TODAY)
    assert plan.ok and plan.rows == 4 and not plan.synthetic
    # 3 of 4 daring; completed (status selesai): P-1 Tue 1 Sep → Wed 2 Sep = 1 working day (≤ 3, on time),
    # P-2 Thu 3 Sep → Thu 10 Sep = 5 working days (late); ditolak and proses are not completed
    assert plan.preview[["indikator", "sesudah"]].values.tolist() == [
        ["layanan_daring", 75.0],
        ["selesai_tepat_waktu", 50.0],
        ["waktu_penyelesaian", 3.0],
    ]
    assert store.commit(plan).ok
    got = store.observations().set_index("indikator")[["periode", "kode_wilayah", "pembilang", "penyebut"]]
    assert got.loc["layanan_daring"].tolist() == ["2026-09", "36.74.01.1001", 3.0, 4.0]
    assert got.loc["selesai_tepat_waktu"].tolist() == ["2026-09", "36.74.01.1001", 1.0, 2.0]
    assert got.loc["waktu_penyelesaian"].tolist() == ["2026-09", "36.74.01.1001", 6.0, 2.0]
    records = store.records("permohonan")
    assert list(records.columns) == [
        "id_permohonan",
        "kode_wilayah",
        "jenis_layanan",
        "kanal",
        "diajukan",
        "selesai",
        "status",
        "sop_hari_kerja",
    ]
    assert str(records["diajukan"].dtype) == "datetime64[us]" and str(records["sop_hari_kerja"].dtype) == "int64"
    assert records["selesai"].isna().tolist() == [False, False, True, False]


def test_request_overlap_replace_and_skip_counts(store, tmp_path):
    imported(store, write(tmp_path, "a.csv", FOUR_REQUESTS), "permohonan")
    update = PERMOHONAN_HEADER + (
        "P-3,36.74.01.1001,KTP,luring,2026-09-07 09:00,2026-09-08 09:00,selesai,3\n"
        "P-5,36.74.01.1001,KTP,luring,2026-09-08 09:00,,proses,3\n"
    )
    plan = store.plan(write(tmp_path, "b.csv", update), "permohonan", today=TODAY, on_overlap="skip")
    assert plan.overlap.values.tolist() == [["P-3", "36.74.01.1001", 1, "a.csv"]]
    assert plan.preview[["indikator", "sebelum", "sesudah"]].values.tolist() == [["layanan_daring", 75.0, 60.0]]
    replaced = store.commit(store.plan(write(tmp_path, "b.csv", update), "permohonan", today=TODAY))
    assert replaced.counts == {"baris": 2, "dimasukkan": 2, "diganti": 1, "dilewati": 0}
    assert len(store.records("permohonan")) == 5
    # P-3 now completed in 1 working day: 2 of 3 on time
    assert value(store, "selesai_tepat_waktu", "36.74.01.1001", "2026-09") == pytest.approx(200 / 3)
    assert store.rollback(replaced.batch_id).ok
    skipped = store.commit(plan, "skip")
    assert skipped.counts == {"baris": 2, "dimasukkan": 1, "diganti": 0, "dilewati": 1}
    assert value(store, "selesai_tepat_waktu", "36.74.01.1001", "2026-09") == 50.0


def test_complaints_use_the_sourced_population_when_real(store, tmp_path):
    # Tue 1 Sep: followed up Fri 4 Sep (3 working days, in time) and Mon 7 Sep (4, late)
    text = ADUAN_HEADER + (
        "A-1,36.74.01.1001,SP4N-LAPOR!,Jalan,2026-09-01 08:00,2026-09-04 08:00,\n"
        "A-2,36.74.01.1001,SIARAN,Sampah,2026-09-01 09:00,2026-09-07 09:00,2026-09-08 09:00\n"
    )
    imported(store, write(tmp_path, "aduan.csv", text), "aduan")
    assert value(store, "aduan_tindak_lanjut", "36.74.01.1001", "2026-09") == 50.0
    rate = store.observations().query("indikator == 'aduan_per_10rb'")
    assert len(rate) == 20  # the 20 kelurahan with a sourced population
    assert value(store, "aduan_per_10rb", "36.74.01.1001", "2026-09") == pytest.approx(2 / 26608 * 10000)
    assert value(store, "aduan_per_10rb", "36.74.03.1001", "2026-09") == 0.0  # zero-filled, Pondok Aren


def test_a_complaint_elsewhere_leaves_a_kelurahans_follow_up_share_alone(store, tmp_path):
    # Ciater, October 2026: Thu 1 Oct followed up Fri 2 Oct (1 working day, in time); Wed 28 Oct without a follow-up
    # (received, not followed up): 1 / 2 = 50 %. Pakulonan's complaint of Mon 9 Nov changes nothing in Ciater: the
    # dry run previews no change of Ciater's share (it used to preview 100 → 50, and Ciater showed 100 % before).
    ciater = ADUAN_HEADER + (
        "A-1,36.74.01.1001,SIARAN,Sampah,2026-10-01 09:00,2026-10-02 09:00,\n"
        "A-2,36.74.01.1001,SIARAN,Sampah,2026-10-28 09:00,,\n"
    )
    imported(store, write(tmp_path, "ciater.csv", ciater), "aduan")
    assert value(store, "aduan_tindak_lanjut", "36.74.01.1001", "2026-10") == 50.0
    elsewhere = ADUAN_HEADER + "A-3,36.74.02.1001,SIARAN,Sampah,2026-11-09 09:00,2026-11-09 10:00,\n"
    plan = store.plan(write(tmp_path, "pakulonan.csv", elsewhere), "aduan", today=TODAY)
    assert plan.ok, plan.issues
    shares = plan.preview[plan.preview["indikator"] == "aduan_tindak_lanjut"]
    assert shares[["kode_wilayah", "periode", "sesudah"]].values.tolist() == [["36.74.02.1001", "2026-11", 100.0]]
    assert shares["sebelum"].isna().all()  # a new row, not a change
    assert store.commit(plan).ok
    assert value(store, "aduan_tindak_lanjut", "36.74.01.1001", "2026-10") == 50.0


def test_synthetic_complaints_use_the_sample_population(store, tmp_path):
    text = ADUAN_HEADER + "CONTOH-A-1,36.74.01.1001,SIARAN,Sampah,2026-09-01 09:00,,\n"
    plan = store.plan(write(tmp_path, "aduan.csv", text), "aduan", today=TODAY)
    assert plan.synthetic
    assert store.commit(plan).ok and store.synthetic() and bool(store.batches()["sintetis"].iloc[0])
    assert len(store.observations().query("indikator == 'aduan_per_10rb'")) == 54
    assert value(store, "aduan_per_10rb", "36.74.01.1001", "2026-09") == pytest.approx(1 / 28401 * 10000)


def test_survey_ikm_by_office_and_semester(store, tmp_path):
    text = SURVEI_HEADER + (
        "R-1,36.74.01.1001,2026-09-01," + ",".join("3" * 9) + "\n"
        "R-2,36.74.01.1001,2026-09-02," + ",".join("4" * 9) + "\n"
        "R-3,36.74.01,2026-03-02," + ",".join("2" * 9) + "\n"
    )
    imported(store, write(tmp_path, "survei.csv", text), "survei")
    got = store.observations().set_index("indikator")[["periode", "kode_wilayah", "pembilang", "penyebut"]]
    assert got.loc["ikm"].tolist() == ["2026-S2", "36.74.01.1001", 175.0, 2.0]  # IKM 25 × 3,5 = 87,5
    assert got.loc["ikm_kecamatan"].tolist() == ["2026-S1", "36.74.01", 50.0, 1.0]


# Ciater (36.74.01.1001) answers as "Muncul", Rawa Mekar Jaya (36.74.01.1002) as "Setu" of tests/test_rollup_pooled.py:
# Serpong pooled per unsur 76.7593 (76.76, B), respondent-weighted 76.3889 (76.39, C).
POOLING_ANSWERS = SURVEI_HEADER + (
    "R-1,36.74.01.1001,2026-03-02,4,4,4,4,4,4,3,3,3\n"
    "R-2,36.74.01.1001,2026-03-02,3,3,3,3,3,3,3,3,3\n"
    "R-3,36.74.01.1001,2026-03-03,3,3,3,3,3,3,3,3,3\n"
    "R-4,36.74.01.1001,2026-03-03,3,3,3,3,3,3,3,3,3\n"
    "R-5,36.74.01.1002,2026-03-02,2,3,3,3,3,3,3,3,3\n"
    "R-6,36.74.01.1002,2026-03-04,2,2,,,,,,,\n"
)


def _serpong_ikm(store: Store) -> float:
    from kpi.core.wilayah import load_register
    from kpi.metrics.rollup import rollup_indicator

    ikm = load_catalogue().get("ikm")
    table = rollup_indicator(store.observations(), ikm, "kecamatan", "semester", load_register())
    return float(table.set_index(["kode_wilayah", "periode"]).loc[("36.74.01", "2026-S1"), "nilai"])


def test_surveys_pool_per_unsur_and_a_unit_without_answers_brings_respondent_weighting(store, tmp_path):
    plan = store.plan(write(tmp_path, "survei.csv", POOLING_ANSWERS), "survei", today=TODAY)
    assert plan.ok, plan.issues
    assert set(plan.preview["indikator"]) == {"ikm"}  # the preview lists KPIs, never the ikm.u1 … components
    assert store.commit(plan).ok
    assert value(store, "ikm", "36.74.01.1002", "2026-S1") == pytest.approx(70.8333, abs=1e-4)
    assert _serpong_ikm(store) == pytest.approx(76.7593, abs=1e-4)
    # A corrected unit IKM where survey answers exist is refused: the answers are the source (records win).
    refused = store.plan(obs_file(tmp_path, "koreksi.csv", ["2026-S1,36.74.01.1002,ikm,150,2,"]), "observasi")
    assert [(i.code, i.row, i.column) for i in refused.issues] == [("sumber_ganda", 2, "indikator")]
    # A unit without answers (36.74.01.1003) reports its IKM only, 85 from 3 respondents: Serpong falls back to
    # respondent weighting, (79.1667 × 4 + 70.8333 × 2 + 85 × 3) / 9 = 713.3333 / 9 = 79.2593
    imported(store, obs_file(tmp_path, "laporan.csv", ["2026-S1,36.74.01.1003,ikm,255,3,"]))
    rows = store.observations()
    components = rows[rows["indikator"].str.startswith("ikm.")]
    assert components.groupby("kode_wilayah").size().to_dict() == {"36.74.01.1001": 9, "36.74.01.1002": 9}
    assert _serpong_ikm(store) == pytest.approx(79.2593, abs=1e-4)


# ---------------------------------------------------------------- one source per indicator, wilayah and period

CIATER = "36.74.01.1001"  # FOUR_REQUESTS: layanan_daring 3/4, selesai_tepat_waktu 1/2, waktu_penyelesaian 6/2


def test_observations_imported_first_give_way_to_records_until_those_are_rolled_back(store, tmp_path):
    imported(
        store,
        obs_file(
            tmp_path,
            "laporan.csv",
            [
                f"2026-09,{CIATER},layanan_daring,1,4,",  # records come later for this place: they win
                f"2026-09,{CIATER},tte,2,2,",  # no records compute tte: it stays
                "2026-09,36.74.01.1002,selesai_tepat_waktu,1,1,",  # no records of Rawabuntu: it stays
            ],
        ),
    )
    shown = store.observations()
    assert value(store, "layanan_daring", CIATER, "2026-09") == 25.0
    plan = store.plan(write(tmp_path, "permohonan.csv", FOUR_REQUESTS), "permohonan", today=TODAY)
    assert plan.ok
    assert plan.superseded[["indikator", "kode_wilayah", "periode", "jenis"]].values.tolist() == [
        ["layanan_daring", CIATER, "2026-09", "permohonan"]
    ]
    changes = plan.preview.set_index("indikator")
    assert changes.loc["layanan_daring", ["sebelum", "sesudah"]].tolist() == [25.0, 75.0]  # 1/4, then 3/4
    outcome = store.commit(plan)
    assert value(store, "layanan_daring", CIATER, "2026-09") == 75.0
    assert value(store, "selesai_tepat_waktu", CIATER, "2026-09") == 50.0  # the same requests: 1/2
    assert value(store, "tte", CIATER, "2026-09") == 100.0
    assert value(store, "selesai_tepat_waktu", "36.74.01.1002", "2026-09") == 100.0
    assert store.kpis().superseded["indikator"].tolist() == ["layanan_daring"]
    assert len(store.records("observasi")) == 3  # left out, never deleted
    on_display = source.current(today=TODAY)  # what every page shows: the same assembly
    daring = on_display.frame.query("indikator == 'layanan_daring'")
    assert daring[["kode_wilayah", "periode", "nilai"]].values.tolist() == [[CIATER, "2026-09", 75.0]]
    assert on_display.superseded["indikator"].tolist() == ["layanan_daring"]
    assert store.rollback(outcome.batch_id).ok
    assert_frame_equal(store.observations(), shown)
    assert store.kpis().superseded.empty


# An observation file that would give another number where records give the family of the indicator: the rows, the
# column, and where (kode, period). October: P-5 was submitted and is still open, so the records give the request
# family for Ciater in October (layanan_daring 0/1) though no request was completed there.
REQUESTS_AND_OPEN = FOUR_REQUESTS + "P-5,36.74.01.1001,KTP,luring,2026-10-05 09:00,,proses,3\n"
COMPLAINT = ADUAN_HEADER + "A-1,36.74.01.1001,SIARAN,Sampah,2026-09-01 09:00,2026-09-02 09:00,\n"
CONFLICTS = [  # rows of the observation file, the rows refused, the place named
    (
        [f"2026-09,{CIATER},selesai_tepat_waktu,2,2,"],
        [2],
        "Kelurahan Ciater (36.74.01.1001): 2026-09",
    ),  # 1/2 in records
    ([f"2026-09,{CIATER},waktu_penyelesaian,4,2,"], [2], "2026-09"),  # 6/2 in the records
    ([f"2026-10,{CIATER},selesai_tepat_waktu,3,4,"], [2], "2026-10"),  # the family is there, not this indicator
    (
        [
            f"2026-09,{CIATER},tte,1,2,",
            f"2026-09,{CIATER},layanan_daring,4,4,",
            f"2026-10,{CIATER},layanan_daring,1,1,",
        ],
        [3],  # one message for the indicator, naming its first row: 3 (and row 4)
        "2026-09, 2026-10",
    ),
    (["2026-09,36.74.03.1001,aduan_tindak_lanjut,8,10,"], [2], "Kelurahan Pondok Betung (36.74.03.1001): 2026-09"),
]


@pytest.mark.parametrize("rows, refused, where", CONFLICTS)
def test_an_observation_file_is_refused_where_records_give_another_number(store, tmp_path, rows, refused, where):
    imported(store, write(tmp_path, "permohonan.csv", REQUESTS_AND_OPEN), "permohonan")
    # One complaint in Ciater in September: the complaint rate is computed for every kelurahan with a sourced
    # population, 0 in Pondok Betung (36.74.03.1001), so the complaint family there comes from the records too.
    imported(store, write(tmp_path, "aduan.csv", COMPLAINT), "aduan")
    before = digest(store)
    plan = store.plan(obs_file(tmp_path, "laporan.csv", rows), "observasi", today=TODAY)
    assert [(i.code, i.row, i.column) for i in plan.issues] == [("sumber_ganda", r, "indikator") for r in refused]
    message = plan.issues[0].message
    assert message.startswith(f"Kolom 'indikator' baris {refused[0]}") and where in message, message
    assert "catatan mentah yang menang" in message and "Hapus baris-baris itu" in message
    assert not store.commit(plan).ok and digest(store) == before


def test_the_message_names_the_whole_family_and_every_row(store, tmp_path):
    imported(store, write(tmp_path, "permohonan.csv", REQUESTS_AND_OPEN), "permohonan")
    rows = [f"2026-{m:02d},{CIATER},layanan_daring,1,2," for m in (9, 10)]
    [issue] = store.plan(obs_file(tmp_path, "laporan.csv", rows), "observasi", today=TODAY).issues
    assert issue.message.startswith("Kolom 'indikator' baris 2, 3: indikator 'layanan_daring' (Layanan daring) di 2")
    assert (
        "catatan permohonan untuk suatu wilayah dan periode, layanan_daring, selesai_tepat_waktu dan " in issue.message
    )
    assert "waktu_penyelesaian di sana dihitung dari catatan itu" in issue.message
    assert issue.value == "layanan_daring"


def test_the_places_name_five_wilayah_then_count_the_rest(reg):
    rows = pd.DataFrame(
        {
            "kode_wilayah": [f"36.74.01.100{i}" for i in range(1, 8)] + [CIATER],
            "periode": ["2026-09"] * 7 + ["2026-10"],
        }
    )
    text = precedence.places(rows, reg)
    assert text.startswith("Kelurahan Ciater (36.74.01.1001): 2026-09, 2026-10; Kelurahan Rawabuntu (36.74.01.1002)")
    assert text.count("Kelurahan ") == 5 and text.endswith("(36.74.01.1005): 2026-09; dan 2 wilayah lain")


def test_observations_that_agree_with_the_records_or_sit_elsewhere_are_accepted(store, tmp_path):
    imported(store, write(tmp_path, "permohonan.csv", FOUR_REQUESTS), "permohonan")
    rows = [
        f"2026-09,{CIATER},layanan_daring,3,4,",  # the records' own numbers: no second source
        f"2026-08,{CIATER},layanan_daring,1,2,",  # no records in August
        "2026-09,36.74.01.1002,layanan_daring,1,2,",  # no records of Rawabuntu
    ]
    plan = store.plan(obs_file(tmp_path, "laporan.csv", rows), "observasi", today=TODAY)
    assert plan.ok, plan.issues
    assert plan.superseded[["indikator", "kode_wilayah", "periode"]].values.tolist() == [
        ["layanan_daring", CIATER, "2026-09"]
    ]
    assert sorted(plan.preview["periode"] + " " + plan.preview["kode_wilayah"]) == [
        f"2026-08 {CIATER}",
        "2026-09 36.74.01.1002",
    ]  # the agreeing row changes nothing
    assert store.commit(plan).ok
    assert value(store, "layanan_daring", CIATER, "2026-09") == 75.0


def test_rollback_of_raw_records_restores_kpis_exactly(store, tmp_path):
    imported(store, write(tmp_path, "a.csv", FOUR_REQUESTS), "permohonan")
    imported(store, write(tmp_path, "aduan.csv", ADUAN_HEADER + "A-1,36.74.01.1001,,,2026-08-03 08:00,,\n"), "aduan")
    before = store.observations()
    text = (
        FOUR_REQUESTS.replace("daring", "mpp").replace("2026-09-", "2026-10-")
        + "P-9,36.74.03.1001,KTP,daring,2026-10-01 09:00,,proses,2\n"
    )
    outcome = imported(store, write(tmp_path, "b.csv", text), "permohonan")
    assert outcome.counts["diganti"] == 4
    assert store.rollback(outcome.batch_id).ok
    assert_frame_equal(store.observations(), before)


def test_the_imported_sample_reproduces_the_shipped_observations(store):
    sample = settings.SAMPLE_DIR
    for kind in ("aduan", "survei"):
        plan = store.plan(sample / f"{kind}.parquet", kind, today=TODAY)
        assert plan.ok and plan.synthetic, plan.issues[:3]
        assert store.commit(plan).ok
    got = store.observations()
    shipped = pd.read_csv(sample / "observasi.csv", dtype={"periode": str, "kode_wilayah": str})
    shipped = shipped[shipped["indikator"].isin(set(got["indikator"]))]
    shipped = shipped.sort_values(["indikator", "kode_wilayah", "periode"]).reset_index(drop=True)
    assert sorted(set(family(got["indikator"]))) == ["aduan_per_10rb", "aduan_tindak_lanjut", "ikm", "ikm_kecamatan"]
    assert (got["indikator"] == "ikm.u9").sum() == (got["indikator"] == "ikm").sum()  # components came along
    assert_frame_equal(
        got[["periode", "kode_wilayah", "indikator", "pembilang", "penyebut"]],
        shipped[["periode", "kode_wilayah", "indikator", "pembilang", "penyebut"]],
        check_dtype=False,
    )


# ---------------------------------------------------------------- diagnosable failures

ONE_ROW = ["2026-09,36.74.01.1001,layanan_daring,3,4,"]


def _tracebacks(caplog, logger: str) -> list:
    """The records of one logger that carry a traceback."""
    return [r for r in caplog.records if r.name == logger and r.exc_info is not None]


def _broken(*_args, **_kw):
    raise RuntimeError("kueri rusak")


def test_a_failing_dry_run_logs_its_traceback_and_reports_one_issue(store, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(sql, "overlapping", _broken)
    plan = store.plan(obs_file(tmp_path, "a.csv", ONE_ROW), "observasi", today=TODAY)
    assert [(i.code, i.message) for i in plan.issues] == [
        (
            "galat_internal",
            "Berkas 'a.csv' tidak dapat diperiksa (RuntimeError: kueri rusak). Laporkan ke pengelola dasbor.",
        )
    ]
    (record,) = _tracebacks(caplog, "kpi.store.batches")
    assert record.levelname == "ERROR" and record.exc_info[0] is RuntimeError
    assert "'a.csv'" in record.getMessage() and "observasi" in record.getMessage()


def test_a_busy_store_in_a_dry_run_is_its_own_message_without_a_traceback(store, tmp_path, monkeypatch, caplog):
    def locked(*_args, **_kw):
        raise sql.StoreLocked(
            "Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi."
        )

    monkeypatch.setattr(sql, "overlapping", locked)
    plan = store.plan(obs_file(tmp_path, "a.csv", ONE_ROW), "observasi", today=TODAY)
    assert [(i.code, i.message) for i in plan.issues] == [
        (
            "penyimpanan_terkunci",
            "Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi.",
        )
    ]
    assert _tracebacks(caplog, "kpi.store.batches") == []


def test_a_failing_commit_logs_its_traceback_and_is_rolled_back(store, tmp_path, monkeypatch, caplog):
    plan = store.plan(obs_file(tmp_path, "a.csv", ONE_ROW), "observasi", today=TODAY)
    monkeypatch.setenv("TANGSEL_KPI_FAULT", "commit:after_insert:raise")
    outcome = store.commit(plan)
    assert not outcome.ok and outcome.message == (
        "Impor berkas 'a.csv' gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah "
        "(InjectedFault: kegagalan uji di titik commit:after_insert)."
    )
    assert store.batches().empty and not store.has_data()
    assert store.audit()[["aksi", "hasil", "berkas"]].values.tolist() == [["tolak", "gagal", "a.csv"]]
    (record,) = _tracebacks(caplog, "kpi.store.batches")
    assert record.levelname == "ERROR" and record.exc_info[0] is sql.InjectedFault
    assert "'a.csv'" in record.getMessage() and "rolled back" in record.getMessage()


def test_a_failing_rollback_logs_its_traceback_and_keeps_the_batch(store, tmp_path, monkeypatch, caplog):
    batch = imported(store, obs_file(tmp_path, "a.csv", ONE_ROW)).batch_id
    monkeypatch.setenv("TANGSEL_KPI_FAULT", "rollback:after_delete:raise")
    outcome = store.rollback(batch)
    assert not outcome.ok and outcome.message == (
        f"Pembatalan batch {batch} gagal; penyimpanan tidak berubah "
        "(InjectedFault: kegagalan uji di titik rollback:after_delete)."
    )
    assert store.batches()["status"].tolist() == ["aktif"]
    (record,) = _tracebacks(caplog, "kpi.store.batches")
    assert record.exc_info[0] is sql.InjectedFault and f"batch {batch}" in record.getMessage()


def test_an_unwritable_audit_row_is_logged_and_said(store, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(sql, "audit", _broken)
    plan = store.plan(write(tmp_path, "kosong.csv", ""), "observasi", today=TODAY)
    outcome = store.commit(plan)
    assert not outcome.ok
    assert outcome.message.endswith("Catatan audit tidak dapat ditulis (RuntimeError: kueri rusak).")
    (record,) = _tracebacks(caplog, "kpi.store.batches")
    assert record.exc_info[0] is RuntimeError and "'kosong.csv'" in record.getMessage()


def test_the_observations_on_display_log_a_failure_and_point_to_the_store(store, monkeypatch, caplog):
    from kpi.store import source

    monkeypatch.setattr(Store, "has_data", _broken)
    shown = source.current(TODAY)
    assert shown.frame is None and [i.code for i in shown.issues] == ["galat_internal"]
    assert shown.issues[0].message == (
        "Data impor tidak dapat dibaca (RuntimeError: kueri rusak). Periksa penyimpanan data impor "
        "(python -m kpi.importer --list) atau laporkan ke pengelola dasbor."
    )
    (record,) = _tracebacks(caplog, "kpi.store.source")
    assert record.exc_info[0] is RuntimeError and str(store.path) in record.getMessage()


def test_a_busy_store_on_display_says_to_wait_not_to_check_the_data(store, monkeypatch, caplog):
    from kpi.store import source

    def locked(*_args, **_kw):
        raise sql.StoreLocked(
            "Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi."
        )

    monkeypatch.setattr(Store, "has_data", locked)
    shown = source.current(TODAY)
    assert [(i.code, i.message) for i in shown.issues] == [
        (
            "penyimpanan_terkunci",
            "Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi.",
        )
    ]
    assert _tracebacks(caplog, "kpi.store.source") == []
