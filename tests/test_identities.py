"""Identities scoped to their office (issue 13, item 4): a survey answer is (kode_unit, id_responden), so two
kelurahan's questionnaires numbered 1..3 live side by side; a request or complaint id of another kelurahan, in the store
or in the same file, is refused naming both offices and the rows; replace replaces only the same record of the same
office. Before, the second kelurahan's questionnaires replaced the first's and changed its IKM. A store written with
the old key is migrated forward (schema 2 → 3) without losing a row.

Kelurahan Ciater (36.74.01.1001) and Rawabuntu (36.74.01.1002), Kecamatan Serpong. A respondent answering 3 to all nine
unsur gives NRR 3 per unsur and IKM = 25 × 3 = 75; all 4 gives IKM 100. The store keeps a unit's IKM as pembilang =
IKM × respondents and penyebut = respondents.
"""

from __future__ import annotations

import duckdb
import pytest

from kpi.core.wilayah import load_register
from kpi.engine.tables import enum
from kpi.inputs.kinds import KANAL, STATUS
from kpi.inputs.records import load_records
from kpi.store import sql
from kpi.store.batches import Store
from kpi.store.cli import main
from kpi.store.problems import StoreLocked
from tests.conftest import TODAY

CIATER, RAWABUNTU = "36.74.01.1001", "36.74.01.1002"
SURVEI_HEADER = "id_responden,kode_unit,tanggal," + ",".join(f"U{i}" for i in range(1, 10)) + "\n"
PERMOHONAN_HEADER = "id_permohonan,kelurahan,kanal,diajukan,selesai,status,sop_hari_kerja\n"


def answers(unit: str, score: int, ids=("1", "2", "3")) -> str:
    """Questionnaires numbered 1..3 of one unit, each answering `score` to every unsur on 1 Sep 2026."""
    return "".join(f"{i},{unit},2026-09-01," + ",".join([str(score)] * 9) + "\n" for i in ids)


def request(rid: str, kelurahan: str, day: int = 1) -> str:
    return f"{rid},{kelurahan},daring,2026-09-{day:02d} 09:00,2026-09-{day + 1:02d} 09:00,selesai,3\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    return Store()


def imported(store: Store, path, kind: str, on_overlap: str = "replace"):
    plan = store.plan(path, kind, today=TODAY, on_overlap=on_overlap)
    assert plan.ok, [i.message for i in plan.issues]
    outcome = store.commit(plan, on_overlap)
    assert outcome.ok, outcome.message
    return outcome


def ikm(store: Store) -> dict[str, list[float]]:
    """Each kelurahan's IKM in 2026-S2 as [pembilang, penyebut, value]."""
    frame = store.observations()
    rows = frame[(frame.indikator == "ikm") & (frame.periode == "2026-S2")]
    return {r.kode_wilayah: [r.pembilang, r.penyebut, round(r.pembilang / r.penyebut, 4)] for r in rows.itertuples()}


# ---------------------------------------------------------------- survey answers: (kode_unit, id_responden)


def test_two_kelurahans_questionnaires_numbered_alike_import_side_by_side(store, tmp_path):
    """Ciater 1..3 (all 3: IKM 75), then Rawabuntu 1..3 (all 4: IKM 100). The dry run sees no record already there
    and previews only Rawabuntu's new IKM; both IKMs stand after the import. (Before: 3 rows 'already exist … will
    replace', and Ciater's IKM was gone.)"""
    imported(store, write(tmp_path, "ciater.csv", SURVEI_HEADER + answers(CIATER, 3)), "survei")
    plan = store.plan(write(tmp_path, "rawabuntu.csv", SURVEI_HEADER + answers(RAWABUNTU, 4)), "survei", today=TODAY)
    assert plan.ok and plan.overlap.empty
    ikm_rows = plan.preview[plan.preview["indikator"] == "ikm"]
    assert ikm_rows[["kode_wilayah", "sesudah"]].values.tolist() == [[RAWABUNTU, 100.0]]
    assert store.commit(plan).counts == {"baris": 3, "dimasukkan": 3, "diganti": 0, "dilewati": 0}
    assert ikm(store) == {CIATER: [225.0, 3.0, 75.0], RAWABUNTU: [300.0, 3.0, 100.0]}
    assert len(store.records("survei")) == 6


def test_one_file_may_hold_two_units_numbered_alike_but_not_one_unit_twice(tmp_path):
    both = SURVEI_HEADER + answers(CIATER, 3) + answers(RAWABUNTU, 4)
    assert load_records(both.encode(), "survei", "dua_kantor.csv", today=TODAY).ok
    twice = SURVEI_HEADER + answers(CIATER, 3) + answers("Ciater", 4, ids=("2",))
    [issue] = load_records(twice.encode(), "survei", "ganda.csv", today=TODAY).issues
    assert (issue.code, issue.row) == ("duplikat", 5)
    assert issue.message == (
        "Kolom 'id_responden' baris 5: '2' sudah dipakai di baris 3 untuk Kelurahan Ciater (36.74.01.1001); "
        "id_responden harus unik untuk setiap kantor dalam satu berkas (kantor lain boleh memakai nomor yang sama). "
        "Hapus baris ganda itu atau perbaiki nomornya."
    )


def test_replace_touches_the_same_respondent_of_the_same_unit_only(store, tmp_path):
    """Ciater's questionnaire 2 corrected to all 1: Ciater's NRR per unsur (3 + 1 + 3) / 3 = 7/3, IKM 25 × 7/3 =
    58.3333 (pembilang 175); Rawabuntu's questionnaire 2 stays, IKM 100."""
    imported(store, write(tmp_path, "ciater.csv", SURVEI_HEADER + answers(CIATER, 3)), "survei")
    imported(store, write(tmp_path, "rawabuntu.csv", SURVEI_HEADER + answers(RAWABUNTU, 4)), "survei")
    fix = write(tmp_path, "ciater_2.csv", SURVEI_HEADER + answers(CIATER, 1, ids=("2",)))
    plan = store.plan(fix, "survei", today=TODAY)
    assert plan.overlap.values.tolist() == [["2", CIATER, 1, "ciater.csv"]]
    assert store.commit(plan).counts == {"baris": 1, "dimasukkan": 1, "diganti": 1, "dilewati": 0}
    assert ikm(store) == {CIATER: [175.0, 3.0, 58.3333], RAWABUNTU: [300.0, 3.0, 100.0]}


# ---------------------------------------------------------------- requests and complaints: an id of one kelurahan


def test_a_request_id_of_another_kelurahan_in_the_store_is_refused_naming_both(store, tmp_path):
    imported(store, write(tmp_path, "ciater.csv", PERMOHONAN_HEADER + request("P-1", CIATER)), "permohonan")
    other = write(tmp_path, "rawabuntu.csv", PERMOHONAN_HEADER + request("P-2", RAWABUNTU) + request("P-1", RAWABUNTU))
    for on_overlap in ("replace", "skip"):
        plan = store.plan(other, "permohonan", today=TODAY, on_overlap=on_overlap)
        assert not plan.ok and plan.rows == 2
        [issue] = plan.issues
        assert (issue.code, issue.row, issue.column, issue.value) == ("id_kantor_lain", 3, "id_permohonan", "P-1")
        assert issue.message == (
            "Kolom 'id_permohonan' baris 3: 'P-1' sudah dipakai untuk Kelurahan Ciater (36.74.01.1001) di "
            "penyimpanan (batch 1, berkas 'ciater.csv'), sedangkan baris ini untuk Kelurahan Rawabuntu "
            "(36.74.01.1002). Satu id_permohonan hanya boleh milik satu kelurahan, dan pilihan ganti (replace) hanya "
            "mengganti catatan kelurahan yang sama, sehingga berkas ditolak. Bila ini catatan lain, beri nomor yang "
            "berbeda (mis. awali dengan kode kelurahannya); bila kelurahan di batch 1 yang salah, batalkan batch 1 "
            "lalu impor ulang berkas yang benar."
        )
        assert not store.commit(plan, on_overlap).ok
    records = store.records("permohonan")
    assert records[["id_permohonan", "kode_wilayah"]].values.tolist() == [["P-1", CIATER]]


def test_a_complaint_id_of_another_kelurahan_in_the_same_file_is_refused_naming_both_rows(tmp_path):
    text = (
        "id_aduan,kelurahan,kanal,kategori,diterima,tindak_lanjut,selesai\n"
        f"A-1,{CIATER},SIARAN,Sampah,2026-09-01 09:00,,\n"
        f"A-1,Rawabuntu,SIARAN,Jalan,2026-09-02 09:00,,\n"
    )
    [issue] = load_records(text.encode(), "aduan", "aduan.csv", today=TODAY).issues
    assert (issue.code, issue.row) == ("id_kantor_lain", 3)
    assert issue.message == (
        "Kolom 'id_aduan' baris 3: 'A-1' sudah dipakai di baris 2 untuk Kelurahan Ciater (36.74.01.1001), sedangkan "
        "baris ini untuk Kelurahan Rawabuntu (36.74.01.1002); satu id_aduan hanya boleh milik satu kelurahan. Bila "
        "keduanya catatan yang berbeda, beri nomor yang berbeda (mis. awali dengan kode kelurahannya); bila catatannya "
        "sama, perbaiki kelurahan yang salah."
    )


def test_the_same_request_of_the_same_kelurahan_is_replaced(store, tmp_path):
    """P-1 of Ciater again, now completed in 5 working days (Tue 1 → Tue 8 Sep) where its SOP allows 3: on time goes
    from 1/1 = 100 % to 0/1 = 0 %."""
    imported(store, write(tmp_path, "a.csv", PERMOHONAN_HEADER + request("P-1", CIATER)), "permohonan")
    late = PERMOHONAN_HEADER + "P-1,Ciater,daring,2026-09-01 09:00,2026-09-08 09:00,selesai,3\n"
    plan = store.plan(write(tmp_path, "b.csv", late), "permohonan", today=TODAY)
    assert plan.ok and plan.overlap.values.tolist() == [["P-1", CIATER, 1, "a.csv"]]
    on_time = plan.preview[plan.preview["indikator"] == "selesai_tepat_waktu"]
    assert on_time[["sebelum", "sesudah"]].values.tolist() == [[100.0, 0.0]]
    assert store.commit(plan).counts == {"baris": 1, "dimasukkan": 1, "diganti": 1, "dilewati": 0}
    assert store.records("permohonan")["selesai"].dt.day.tolist() == [8]


def test_an_id_taken_by_another_kelurahan_after_the_dry_run_is_refused_at_commit(store, tmp_path):
    plan = store.plan(
        write(tmp_path, "rawabuntu.csv", PERMOHONAN_HEADER + request("P-9", RAWABUNTU)), "permohonan", today=TODAY
    )
    assert plan.ok
    imported(store, write(tmp_path, "ciater.csv", PERMOHONAN_HEADER + request("P-9", CIATER)), "permohonan")
    outcome = store.commit(plan)
    assert not outcome.ok
    assert outcome.message.startswith(
        "Berkas 'rawabuntu.csv' ditolak: 1 nomor sudah dipakai kantor lain sejak uji coba, penyimpanan tidak berubah. "
        "Kolom 'id_permohonan' baris 2: 'P-9' sudah dipakai untuk Kelurahan Ciater (36.74.01.1001)"
    )
    assert store.records("permohonan")["kode_wilayah"].tolist() == [CIATER]
    assert store.audit()["aksi"].tolist() == ["impor", "tolak"]


# ---------------------------------------------------------------- the store written with the old key (schema 2)


def old_store(path) -> None:
    """A store as schema 2 wrote it (the DDL of that version, spelled out): Ciater's questionnaires 1..3 in batch 1,
    superseded by Rawabuntu's 1..3 in batch 2 (the old key was id_responden alone), and one request in batch 3."""
    register = load_register()
    kelurahan = enum(u.kode for u in register.level("kelurahan"))
    unit = enum(u.kode for u in (*register.level("kecamatan"), *register.level("kelurahan")))
    scores = ", ".join(f"U{i} BIGINT" for i in range(1, 10))
    con = duckdb.connect(str(path))
    for statement in (
        "CREATE TABLE meta (key VARCHAR, value VARCHAR)",
        "CREATE TABLE batches (batch_id BIGINT, jenis VARCHAR, berkas VARCHAR, sha256 VARCHAR, baris BIGINT, "
        "dimasukkan BIGINT, diganti BIGINT, dilewati BIGINT, diimpor_pada VARCHAR, status VARCHAR, sintetis BOOLEAN, "
        "dibatalkan_pada VARCHAR)",
        "CREATE TABLE audit (urut BIGINT, waktu VARCHAR, aksi VARCHAR, batch_id BIGINT, berkas VARCHAR, "
        "sha256 VARCHAR, baris BIGINT, hasil VARCHAR, pesan VARCHAR)",
        f"CREATE TABLE rec_permohonan (batch_id BIGINT, superseded_by BIGINT, id_permohonan VARCHAR, kode_wilayah "
        f"{kelurahan}, jenis_layanan VARCHAR, kanal {enum(KANAL)}, diajukan TIMESTAMP, selesai TIMESTAMP, status "
        f"{enum(STATUS)}, sop_hari_kerja BIGINT)",
        f"CREATE TABLE rec_aduan (batch_id BIGINT, superseded_by BIGINT, id_aduan VARCHAR, kode_wilayah {kelurahan}, "
        "kanal VARCHAR, kategori VARCHAR, diterima TIMESTAMP, tindak_lanjut TIMESTAMP, selesai TIMESTAMP)",
        f"CREATE TABLE rec_survei (batch_id BIGINT, superseded_by BIGINT, id_responden VARCHAR, kode_unit {unit}, "
        f"tanggal TIMESTAMP, {scores})",
        "CREATE TABLE rec_observasi (batch_id BIGINT, superseded_by BIGINT, periode VARCHAR, kode_wilayah VARCHAR, "
        "indikator VARCHAR, pembilang DOUBLE, penyebut DOUBLE, nilai DOUBLE)",
        "INSERT INTO meta VALUES ('schema_version', '2')",
        "INSERT INTO batches VALUES (1, 'survei', 'ciater.csv', 'a1', 3, 3, 0, 0, '2026-10-01T00:00:00+00:00', "
        "'aktif', false, NULL), (2, 'survei', 'rawabuntu.csv', 'b2', 3, 3, 3, 0, '2026-10-02T00:00:00+00:00', "
        "'aktif', false, NULL), (3, 'permohonan', 'p.csv', 'c3', 1, 1, 0, 0, '2026-10-03T00:00:00+00:00', 'aktif', "
        "false, NULL)",
        "INSERT INTO audit VALUES (1, '2026-10-01T00:00:00+00:00', 'impor', 1, 'ciater.csv', 'a1', 3, 'berhasil', "
        "'…'), (2, '2026-10-02T00:00:00+00:00', 'impor', 2, 'rawabuntu.csv', 'b2', 3, 'berhasil', '…'), "
        "(3, '2026-10-03T00:00:00+00:00', 'impor', 3, 'p.csv', 'c3', 1, 'berhasil', '…')",
        *(
            f"INSERT INTO rec_survei VALUES ({batch}, {after}, '{i}', '{code}', '2026-09-01', "
            + ", ".join([str(score)] * 9)
            + ")"
            for batch, after, code, score in ((1, 2, CIATER, 3), (2, "NULL", RAWABUNTU, 4))
            for i in (1, 2, 3)
        ),
        f"INSERT INTO rec_permohonan VALUES (3, NULL, 'P-1', '{CIATER}', 'KTP', 'daring', '2026-09-01 09:00', "
        "'2026-09-02 09:00', 'selesai', 3)",
    ):
        con.execute(statement)
    con.close()


def rows(path, table: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_a_store_of_schema_2_is_migrated_and_the_replaced_answers_come_back(store):
    """Opening the old store migrates it: Ciater's 3 answers, superseded by Rawabuntu's under the old key, are
    active again; every row is kept, the request is untouched, and the audit log says what happened."""
    store.path.parent.mkdir(parents=True)
    old_store(store.path)
    requests = rows(store.path, "rec_permohonan")
    assert len(store.records("survei")) == 6
    assert ikm(store) == {CIATER: [225.0, 3.0, 75.0], RAWABUNTU: [300.0, 3.0, 100.0]}
    assert [r[:2] for r in rows(store.path, "rec_survei")] == [(1, None)] * 3 + [(2, None)] * 3
    assert rows(store.path, "rec_permohonan") == requests
    assert rows(store.path, "meta") == [("schema_version", "3")]
    audit = store.audit()
    assert audit["aksi"].tolist() == ["impor", "impor", "impor", "migrasi"]
    assert audit["pesan"].iloc[-1] == (
        "Skema penyimpanan diperbarui dari versi 2 ke 3: jawaban survei kini dikenali per kantor (kode_unit dan "
        "id_responden), bukan per id_responden saja. 3 jawaban survei yang dulu tergantikan oleh jawaban kantor lain "
        "bernomor sama berlaku kembali; tidak ada data yang dihapus."
    )
    assert store.rollback(2).ok  # Rawabuntu's batch goes, Ciater's answers stay
    assert ikm(store) == {CIATER: [225.0, 3.0, 75.0]}


def test_an_old_store_that_cannot_be_written_is_read_as_it_is_and_migrated_by_the_next_import(
    store, tmp_path, monkeypatch
):
    store.path.parent.mkdir(parents=True)
    old_store(store.path)
    writing = sql.writing

    def held(path):
        raise StoreLocked("dipakai proses lain")

    monkeypatch.setattr(sql, "writing", held)
    assert ikm(store) == {RAWABUNTU: [300.0, 3.0, 100.0]}  # read unmigrated: the old chains
    monkeypatch.setattr(sql, "writing", writing)
    imported(store, write(tmp_path, "p2.csv", PERMOHONAN_HEADER + request("P-2", CIATER)), "permohonan")
    assert rows(store.path, "meta") == [("schema_version", "3")]
    assert ikm(store) == {CIATER: [225.0, 3.0, 75.0], RAWABUNTU: [300.0, 3.0, 100.0]}


# ---------------------------------------------------------------- the command line


def test_the_command_line_imports_a_second_units_questionnaires_and_refuses_a_foreign_request_id(
    store, tmp_path, capsys
):
    ciater = write(tmp_path, "ciater.csv", SURVEI_HEADER + answers(CIATER, 3))
    rawabuntu = write(tmp_path, "rawabuntu.csv", SURVEI_HEADER + answers(RAWABUNTU, 4))
    assert main([str(ciater), "--kind", "survei", "--commit"]) == 0
    assert main([str(rawabuntu), "--kind", "survei", "--commit"]) == 0
    out = capsys.readouterr().out
    assert "Data ganda: tidak ada; semua baris baru." in out
    assert "diimpor sebagai batch 2 (survei): 3 baris, 3 dimasukkan, 0 menggantikan data lama" in out
    assert ikm(store) == {CIATER: [225.0, 3.0, 75.0], RAWABUNTU: [300.0, 3.0, 100.0]}

    again = write(tmp_path, "ciater_2.csv", SURVEI_HEADER + answers(CIATER, 1, ids=("2",)))
    assert main([str(again), "--kind", "survei"]) == 0
    assert (
        "Data ganda: 1 baris sudah ada dengan nomor dan kantor yang sama (batch 1 'ciater.csv': 1); dengan "
        "--on-overlap replace baris itu menggantikan data lama." in capsys.readouterr().out
    )

    mine = write(tmp_path, "p_ciater.csv", PERMOHONAN_HEADER + request("P-1", CIATER))
    theirs = write(tmp_path, "p_rawabuntu.csv", PERMOHONAN_HEADER + request("P-1", RAWABUNTU))
    assert main([str(mine), "--kind", "permohonan", "--commit"]) == 0
    capsys.readouterr()
    assert main([str(theirs), "--kind", "permohonan", "--commit"]) == 1
    out = capsys.readouterr().out
    assert "Validasi: 1 masalah; berkas ditolak seluruhnya." in out
    assert (
        "  - [id_kantor_lain] baris 2, kolom id_permohonan: Kolom 'id_permohonan' baris 2: 'P-1' sudah dipakai untuk "
        "Kelurahan Ciater (36.74.01.1001) di penyimpanan (batch 3, berkas 'p_ciater.csv'), sedangkan baris ini untuk "
        "Kelurahan Rawabuntu (36.74.01.1002)."
    ) in out
    assert "Berkas 'p_rawabuntu.csv' ditolak: 1 masalah ditemukan" in out
    assert store.records("permohonan")["kode_wilayah"].tolist() == [CIATER]
