"""The import command line: dry run, commit, list, audit, rollback, exit codes and Indonesian output."""

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kpi.store.batches import Store
from kpi.store.cli import main
from tests.input_fixtures import ole2_file

ROOT = Path(__file__).resolve().parents[1]
HEADER = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    return tmp_path


def obs(folder: Path, name: str, *rows: str) -> str:
    path = folder / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_reports_and_changes_nothing(folder, capsys):
    path = obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,")
    code, out, _ = run(capsys, path, "--kind", "observasi")
    assert code == 0
    assert "Validasi: tidak ada masalah." in out and "Data ganda: tidak ada" in out
    assert "Perubahan KPI: 1 nilai berubah atau baru:" in out and "75,0%" in out
    assert "Ini uji coba: penyimpanan tidak berubah" in out
    assert not (folder / "store" / "kpi.duckdb").exists()


def test_dry_run_of_a_bad_file_lists_every_problem(folder, capsys):
    path = obs(folder, "salah.csv", "2026-09,36.74.9.9999,layanan_daring,3,4,", "2026-09,36.74.01.1001,tidak_ada,1,2,")
    code, out, _ = run(capsys, path, "--kind", "observasi")
    assert code == 1
    assert "Validasi: 2 masalah; berkas ditolak seluruhnya." in out
    assert "[wilayah_tidak_dikenal] baris 2, kolom kode_wilayah:" in out
    assert "[indikator_tidak_dikenal] baris 3, kolom indikator:" in out


def test_commit_is_idempotent_and_refuses_bad_files(folder, capsys):
    path = obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,")
    code, out, _ = run(capsys, path, "--kind", "observasi", "--commit")
    assert code == 0 and "diimpor sebagai batch 1 (observasi): 1 baris, 1 dimasukkan" in out
    code, out, _ = run(capsys, path, "--kind", "observasi", "--commit")
    assert code == 0 and "sudah diimpor sebagai batch 1" in out
    bad = obs(folder, "kosong.csv")
    code, out, _ = run(capsys, bad, "--kind", "observasi", "--commit")
    assert code == 1 and "Berkas 'kosong.csv' ditolak: 1 masalah" in out
    assert Store().audit()["aksi"].tolist() == ["impor", "lewati", "tolak"]


def test_overlap_summary_and_skip(folder, capsys):
    run(capsys, obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,"), "--kind", "observasi", "--commit")
    path = obs(
        folder, "b.csv", "2026-09,36.74.01.1001,layanan_daring,1,4,", "2026-09,36.74.01.1002,layanan_daring,1,2,"
    )
    code, out, _ = run(capsys, path, "--kind", "observasi", "--on-overlap", "skip")
    assert code == 0
    assert (
        "Data ganda: 1 baris sudah ada dengan periode, wilayah dan indikator yang sama (batch 1 'a.csv': 1); dengan "
        "--on-overlap skip baris itu dilewati" in out
    )
    code, out, _ = run(capsys, path, "--kind", "observasi", "--on-overlap", "skip", "--commit")
    assert code == 0 and "1 dimasukkan, 0 menggantikan data lama, 1 dilewati" in out


REQUESTS = (
    "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
    "P-1,36.74.01.1001,KTP,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,3\n"
    "P-2,36.74.01.1001,KK,luring,2026-09-03 09:00,2026-09-10 10:00,selesai,3\n"
)  # Ciater, September: layanan_daring 1/2 = 50 %, selesai_tepat_waktu 1/2 (P-2 took 5 working days)


def test_one_source_per_place_in_both_directions(folder, capsys):
    """Records imported after an observation of the same place: the dry run names the observation they leave out.
    An observation file for a place the records give: refused, naming the indicator, the place and the fix."""
    run(
        capsys,
        obs(folder, "laporan.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,"),
        "--kind",
        "observasi",
        "--commit",
    )
    requests = folder / "permohonan.csv"
    requests.write_text(REQUESTS, encoding="utf-8")
    code, out, _ = run(capsys, str(requests), "--kind", "permohonan")
    assert code == 0
    words = " ".join(out.split())  # table columns are padded to their widest cell
    assert "Sumber KPI: 1 observasi impor tidak ditampilkan sesudah impor ini" in words
    assert "Layanan daring Kelurahan Ciater Sep 2026 75,0% Permohonan layanan" in words  # the observation: 3/4
    assert "Layanan daring Kelurahan Ciater Sep 2026 75,0% 50,0% -25,0" in words  # the preview: 3/4, then 1/2
    assert run(capsys, str(requests), "--kind", "permohonan", "--commit")[0] == 0
    code, out, _ = run(
        capsys,
        obs(folder, "koreksi.csv", "2026-09,36.74.01.1001,selesai_tepat_waktu,2,2,"),
        "--kind",
        "observasi",
        "--commit",
    )
    assert code == 1
    assert "[sumber_ganda] baris 2, kolom indikator: Kolom 'indikator' baris 2: indikator 'selesai_tepat_waktu'" in out
    assert "catatan permohonan di penyimpanan: Kelurahan Ciater (36.74.01.1001): 2026-09." in out
    assert "Berkas 'koreksi.csv' ditolak: 1 masalah" in out
    assert Store().batches()["jenis"].tolist() == ["observasi", "permohonan"]


def test_list_audit_and_rollback(folder, capsys):
    code, out, _ = run(capsys, "--list")
    assert code == 0 and "Belum ada batch" in out
    run(capsys, obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,"), "--kind", "observasi", "--commit")
    code, out, _ = run(capsys, "--list")
    assert code == 0 and "a.csv" in out and "aktif" in out
    code, out, _ = run(capsys, "--rollback", "1")
    assert code == 0 and "Batch 1 ('a.csv') dibatalkan: 1 baris dihapus" in out
    code, out, _ = run(capsys, "--rollback", "1")
    assert code == 1 and "sudah dibatalkan" in out
    code, out, _ = run(capsys, "--audit")
    assert code == 0 and [w for w in ("impor", "batal") if w in out] == ["impor", "batal"]


def test_store_option_takes_a_folder_or_a_file(folder, capsys):
    path = obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,")
    assert run(capsys, path, "--kind", "observasi", "--commit", "--store", str(folder / "lain"))[0] == 0
    assert (folder / "lain" / "kpi.duckdb").exists()
    assert run(capsys, path, "--kind", "observasi", "--commit", "--store", str(folder / "x" / "data.duckdb"))[0] == 0
    assert (folder / "x" / "data.duckdb").exists() and not (folder / "store").exists()


@pytest.mark.parametrize(
    "argv, words",
    [
        ([], "sebutkan BERKAS dan --kind"),
        (["a.csv"], "sebutkan BERKAS dan --kind"),
        (["a.csv", "--kind", "lain"], "pilihan tidak dikenal"),
        (["--list", "--audit"], "tidak boleh digabung dengan"),
        (["a.csv", "--kind", "aduan", "--list"], "tidak digabung dengan BERKAS"),
        (["--rollback", "satu"], "bukan bilangan bulat"),
    ],
)
def test_usage_errors_exit_2_in_indonesian(folder, capsys, argv, words):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Perintah tidak lengkap atau salah" in err and words in err and "Pemakaian:" in err


def test_the_module_runs_without_a_traceback(folder):
    result = subprocess.run(
        [sys.executable, "-m", "kpi.importer", str(folder / "tidak_ada.csv"), "--kind", "aduan"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "[berkas_tidak_terbaca]" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_an_unexpected_failure_gives_one_line_and_logs_the_traceback(folder, capsys, caplog, monkeypatch):
    def broken(self):
        raise RuntimeError("tabel batches rusak")

    monkeypatch.setattr(Store, "batches", broken)
    code, out, err = run(capsys, "--list")
    assert code == 1 and out == ""
    assert err == (
        "Perintah gagal (RuntimeError: tabel batches rusak). Penyimpanan tidak berubah; coba lagi atau laporkan "
        "ke pengelola dasbor.\n"
    )
    (record,) = [r for r in caplog.records if r.name == "kpi.store.cli"]
    assert record.exc_info[0] is RuntimeError and "--list" in record.getMessage()


def test_a_busy_store_says_so_without_a_traceback(folder, capsys, caplog, monkeypatch):
    from kpi.store import sql

    def locked(self):
        raise sql.StoreLocked(
            "Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi."
        )

    monkeypatch.setattr(Store, "batches", locked)
    code, _, err = run(capsys, "--list")
    assert code == 1
    assert err == (
        "Perintah gagal: Penyimpanan data impor sedang dipakai proses lain. Tunggu sampai selesai, lalu coba lagi.\n"
    )
    assert [r for r in caplog.records if r.exc_info] == []


def test_a_failed_commit_as_a_process_keeps_the_traceback_in_the_log_file(folder):
    """The command configures logging itself: the traceback behind the one-line message goes to
    $TANGSEL_KPI_STORE/logs/kpi.log, not to the terminal."""
    path = obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,")
    env = {**os.environ, "TANGSEL_KPI_STORE": str(folder / "store"), "TANGSEL_KPI_FAULT": "commit:after_insert:raise"}
    result = subprocess.run(
        [sys.executable, "-m", "kpi.importer", path, "--kind", "observasi", "--commit"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "Impor berkas 'a.csv' gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    log = (folder / "store" / "logs" / "kpi.log").read_text(encoding="utf-8")
    assert "ERROR kpi.store.batches: importing 'a.csv' (batch of observasi) failed and was rolled back" in log
    assert (
        "Traceback (most recent call last)" in log
        and "InjectedFault: kegagalan uji di titik commit:after_insert" in log
    )


@pytest.mark.parametrize(
    "argv, damaged, words",
    [
        (
            ["--rollback", "99999999999999999999"],
            False,
            "Batch 99999999999999999999 tidak ada; tidak ada yang berubah.",
        ),
        (["--list"], True, "rusak atau bukan basis data DuckDB"),
    ],
    ids=["rollback_beyond_bigint", "damaged_store"],
)
def test_store_problems_as_a_process_are_one_indonesian_line(folder, argv, damaged, words):
    """Was ConversionException (a batch number beyond BIGINT) and IOException '… not a valid DuckDB database file'."""
    path = obs(folder, "a.csv", "2026-09,36.74.01.1001,layanan_daring,3,4,")
    store = folder / "store"
    assert main([path, "--kind", "observasi", "--commit", "--store", str(store)]) == 0
    if damaged:
        (store / "kpi.duckdb").write_bytes(b"\0" * 4096)
    result = subprocess.run(
        [sys.executable, "-m", "kpi.importer", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TANGSEL_KPI_STORE": str(store)},
    )
    assert result.returncode == 1
    shown = result.stdout + result.stderr
    assert words in shown and "Traceback" not in shown and "Exception" not in shown and "Error" not in shown


def _hostile_files() -> dict[str, tuple[bytes, str]]:
    """File name → (bytes, the issue code its dry run reports): the hostile files of issue 12, item 9."""
    header = "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
    row = "P-1,36.74.01.1001,Café,daring,2026-09-01 09:00,2026-09-02 10:00,selesai,{sop}\n"
    workbook = openpyxl.Workbook()
    for line in (header, row.format(sop="=1+2")):
        workbook.active.append(line.strip().split(","))
    formula = io.BytesIO()
    workbook.save(formula)
    nul = io.BytesIO()
    frame = pd.read_csv(io.StringIO(header + row.format(sop=3)), dtype=str)
    frame.assign(jenis_layanan="K\x00TP").to_parquet(nul, index=False)
    return {
        "sop.csv": ((header + row.format(sop=2**63 - 1)).encode(), "di_luar_rentang"),
        "dua_pengodean.csv": (
            (header + row.format(sop=3)).encode() + row.format(sop=4).encode("cp1252"),
            "pengodean_campuran",
        ),
        "nul.parquet": (nul.getvalue(), "karakter_rusak"),
        "sandi.xlsx": (ole2_file("EncryptionInfo", "EncryptedPackage"), "berkas_bersandi"),
        "terpotong.xlsx": (formula.getvalue()[:1000], "berkas_tidak_terbaca"),
        "rumus.xlsx": (formula.getvalue(), "rumus_belum_dihitung"),
        "magic.parquet": (b"PAR1 bukan parquet", "berkas_tidak_terbaca"),
        "tahun.csv": (
            (header + row.format(sop=3).replace("2026-09-01", "1999-09-01")).encode(),
            "tanggal_di_luar_rentang",
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "sop.csv",
        "dua_pengodean.csv",
        "nul.parquet",
        "sandi.xlsx",
        "terpotong.xlsx",
        "rumus.xlsx",
        "magic.parquet",
        "tahun.csv",
    ],
)
def test_a_hostile_file_is_refused_by_the_command_in_indonesian(folder, capsys, name):
    content, code = _hostile_files()[name]
    path = folder / name
    path.write_bytes(content)
    exit_code, out, err = run(capsys, str(path), "--kind", "permohonan", "--commit")
    assert exit_code == 1 and err == ""
    assert "Validasi: 1 masalah; berkas ditolak seluruhnya." in out and f"[{code}]" in out, out
    assert f"Berkas '{name}' ditolak: 1 masalah ditemukan, penyimpanan tidak berubah." in out
    assert not [w for w in ("Error", "Exception", "Invalid", "Traceback", "zip file") if w in out], out
