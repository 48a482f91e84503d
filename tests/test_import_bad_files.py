"""Every bad file the issue names, through the whole import (dry run, then an attempted commit) into a store that
already holds a batch: each gives its named problem in the report, the commit is refused, and the store's tables and
KPIs are exactly as before (only the audit log gains the refusal)."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

from kpi.store.batches import Store
from tests.conftest import TODAY
from tests.test_store import FOUR_REQUESTS, digest, imported, write

PERMOHONAN = "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
SURVEI = "id_responden,kode_unit,tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
GOOD_ROW = "P-9,36.74.01.1002,KTP,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,3\n"

# (file name, kind, content, issue code, row, column, words of the Indonesian message)
CASES = [
    (
        "kolom_salah.csv",
        "permohonan",
        "nomor,wilayah_x,tgl\nP-1,Ciater,2026-09-01\n",
        "kolom_hilang",
        1,
        "kanal",
        "tidak ditemukan",
    ),
    (
        "tanggal_teks.csv",
        "permohonan",
        PERMOHONAN + "P-9,36.74.01.1002,KTP,daring,kemarin sore,2026-09-02 10:00,selesai,3\n",
        "tanggal_tidak_terbaca",
        2,
        "diajukan",
        "bukan tanggal yang sah",
    ),
    (
        "skor_nol.csv",
        "survei",
        SURVEI + "R-1,36.74.01,2026-09-01,0,3,3,3,3,3,3,3,3\n",
        "skor_di_luar_skala",
        2,
        "u1",
        "1–4",
    ),
    (
        "skor_lima.csv",
        "survei",
        SURVEI + "R-1,36.74.01.1001,2026-09-01,3,3,3,3,3,3,3,3,5\n",
        "skor_di_luar_skala",
        2,
        "u9",
        "1–4",
    ),
    (
        "kelurahan_asing.csv",
        "permohonan",
        PERMOHONAN + GOOD_ROW.replace("36.74.01.1002", "Kelurahan Atlantis"),
        "wilayah_tidak_dikenal",
        2,
        "kelurahan",
        "Atlantis",
    ),
    ("id_ganda.csv", "permohonan", PERMOHONAN + GOOD_ROW + GOOD_ROW, "duplikat", 3, "id_permohonan", "P-9"),
    ("kosong.csv", "aduan", "", "berkas_kosong", None, None, "kosong"),
    (  # was stored as -9223372036854775808: a request done in one working day counted as late
        "sop_raksasa.csv",
        "permohonan",
        PERMOHONAN + GOOD_ROW.replace(",3\n", ",9223372036854775807\n"),
        "di_luar_rentang",
        2,
        "sop_hari_kerja",
        "paling lama 250 hari kerja",
    ),
    (  # was stored as mojibake: CafÃ©
        "dua_pengodean.csv",
        "permohonan",
        (PERMOHONAN + GOOD_ROW.replace("KTP", "Café")).encode()
        + GOOD_ROW.replace("P-9,", "P-8,").replace("KTP", "Café").encode("cp1252"),
        "pengodean_campuran",
        3,
        None,
        "CafÃ©",
    ),
    (
        "nul.csv",
        "permohonan",
        PERMOHONAN + GOOD_ROW.replace("KTP", "K\x00TP"),
        "karakter_rusak",
        2,
        "jenis_layanan",
        "NUL",
    ),
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store that already holds one batch of four requests."""
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    store = Store()
    imported(store, write(tmp_path, "empat.csv", FOUR_REQUESTS), "permohonan")
    return store


def _refused_and_unchanged(store: Store, path, kind: str) -> list:
    before, before_obs, before_records = digest(store), store.observations(), store.records(kind)
    plan = store.plan(path, kind, today=TODAY)
    assert not plan.ok and plan.frame is None
    outcome = store.commit(plan)
    assert not outcome.ok and "ditolak" in outcome.message
    assert digest(store) == before
    assert_frame_equal(store.observations(), before_obs)
    assert_frame_equal(store.records(kind), before_records)
    assert store.batches()["status"].tolist() == ["aktif"]
    assert store.audit()["aksi"].tolist() == ["impor", "tolak"]
    return plan.issues


@pytest.mark.parametrize("name, kind, text, code, row, column, words", CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_names_its_problem_and_changes_nothing(store, tmp_path, name, kind, text, code, row, column, words):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    issues = _refused_and_unchanged(store, path, kind)
    named = [i for i in issues if i.code == code]
    assert named, [(i.code, i.message) for i in issues]
    first = named[0]
    assert (first.row, first.column) == (row, column) or (code == "kolom_hilang" and first.row == 1)
    assert words.lower() in first.message.lower()


def test_a_200_mb_file_with_the_wrong_delimiter_names_the_delimiter_and_changes_nothing(store, tmp_path):
    path = tmp_path / "permohonan_besar.csv"
    block = GOOD_ROW.replace(",", "^").encode() * 50_000
    with path.open("wb") as handle:
        handle.write(PERMOHONAN.replace(",", "^").encode())
        while handle.tell() < 200 * 2**20:
            handle.write(block)
    issues = _refused_and_unchanged(store, path, "permohonan")
    assert [i.code for i in issues] == ["kolom_hilang"]
    assert "pemisah" in issues[0].message and "'^'" in issues[0].message
