"""The Impor Data page through AppTest: a dry run that reports problems and changes nothing, a dry run with its KPI
preview, the save, what the dashboard shows afterwards, the rollback, and the formats tab with its templates.

Each test gets its own empty store (TANGSEL_KPI_STORE) and clears Streamlit's caches, so no test sees another's data.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
import streamlit as st

from kpi.store.batches import Store
from tests.apptest import assert_clean, clear_runs, open_page, shows_sample_badge
from tests.input_fixtures import ole2_file

PAGE = "pages/5_Impor.py"
CIATER = "36.74.01.1001"  # Kelurahan Ciater, Kecamatan Serpong
# Four requests in October 2026, three of them online: layanan_daring = 3 / 4 = 75 %.
GOOD = (
    "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
    f"P-1,{CIATER},Surat Keterangan Domisili,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,1\n"
    f"P-2,{CIATER},Surat Keterangan Domisili,daring,2026-10-01 09:00,2026-10-01 15:00,selesai,1\n"
    f"P-3,{CIATER},SKTM,online,2026-10-05 10:00,2026-10-09 10:00,selesai,1\n"
    f"P-4,{CIATER},Surat Pengantar Nikah,luring,2026-10-06 10:00,,proses,2\n"
).encode()
# Row 2 names a kelurahan that does not exist; row 3 repeats row 2's id.
BAD = (
    "id_permohonan,kelurahan,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja\n"
    "P-1,Kelurahan Atlantis,SKTM,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,1\n"
    f"P-1,{CIATER},SKTM,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,1\n"
).encode()


@pytest.fixture(autouse=True)
def fresh_store(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    st.cache_resource.clear()
    clear_runs()
    yield Store()
    st.cache_resource.clear()
    clear_runs()


def upload(at, content: bytes, name: str = "permohonan_okt.csv"):
    at.get("file_uploader")[0].upload(name, content, "text/csv")
    return at.run()


def table(at, column: str):
    """The first table on the page with this column (the mapping, the problems or the KPI preview)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_the_page_opens_on_the_sample_and_offers_every_template():
    at = open_page(PAGE)
    assert_clean(at)
    assert "Data contoh (sintetis)" in texts(at.info)
    assert [t.label for t in at.tabs] == ["Impor berkas", "Riwayat dan pembatalan", "Format dan templat"]
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Templat CSV") == 3 and labels.count("Templat XLSX") == 3


def test_a_bad_file_lists_every_problem_and_saves_nothing(fresh_store):
    at = upload(open_page(PAGE), BAD)
    assert_clean(at, errors_allowed=True)
    assert "2 masalah ditemukan. Tidak ada yang disimpan" in texts(at.error)
    assert "permohonan_okt.csv · 2 baris" in texts(at.caption)
    problems = table(at, "Kode")
    assert set(problems["Kode"]) == {"wilayah_tidak_dikenal", "duplikat"}
    assert list(problems["Baris"]) == [2, 3]
    assert not [b for b in at.button if b.label == "Simpan ke penyimpanan"]
    assert fresh_store.batches().empty and not fresh_store.has_data()


def test_dry_run_previews_the_kpis_then_save_switches_the_dashboard_to_the_store(fresh_store):
    at = upload(open_page(PAGE), GOOD)
    assert_clean(at)
    assert "4 baris siap disimpan" in texts(at.success)
    preview = table(at, "Sesudah")
    daring = preview[preview["Indikator"] == "Layanan daring"]
    assert daring[["Wilayah", "Periode", "Sebelum", "Sesudah"]].values.tolist() == [
        ["Kelurahan Ciater", "Okt 2026", "—", "75,0%"]
    ]
    assert fresh_store.batches().empty  # a dry run writes nothing

    at.button(key="impor_commit").click().run()
    assert_clean(at)
    assert "diimpor sebagai batch 1" in texts(at.success)
    assert fresh_store.batches()["status"].tolist() == ["aktif"]
    assert "penyimpanan impor (1 batch aktif)" in texts(at.info)
    assert not shows_sample_badge(at)  # real ids: no sample badge

    home = open_page(None)  # the other pages run on the imported data, however little of it there is
    assert_clean(home)


def _commit(store: Store, tmp_path, name: str, content: bytes, kind: str) -> None:
    """Import a file outside the page, as the command line would."""
    path = tmp_path / name
    path.write_bytes(content)
    plan = store.plan(path, kind)
    assert plan.ok, plan.issues
    assert store.commit(plan).ok


OBS_HEADER = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n"


def test_an_observation_file_where_records_give_the_kpis_is_refused_naming_the_place(fresh_store, tmp_path):
    _commit(fresh_store, tmp_path, "permohonan_okt.csv", GOOD, "permohonan")  # Ciater, October: 3/4 online
    at = open_page(PAGE, direct=True, jenis="observasi")
    at = upload(at, (OBS_HEADER + f"2026-10,{CIATER},layanan_daring,1,4,\n").encode(), "laporan_okt.csv")
    assert_clean(at, errors_allowed=True)
    assert "1 masalah ditemukan. Tidak ada yang disimpan" in texts(at.error)
    problems = at.dataframe[0].value
    assert problems[["Baris", "Kolom", "Kode"]].values.tolist() == [[2, "indikator", "sumber_ganda"]]
    message = problems["Pesan"].iloc[0]
    assert "dari catatan permohonan di penyimpanan: Kelurahan Ciater (36.74.01.1001): 2026-10." in message
    assert "catatan mentah yang menang" in message and "Hapus baris-baris itu dari berkas" in message
    assert not [b for b in at.button if b.label == "Simpan ke penyimpanan"]
    assert fresh_store.batches()["jenis"].tolist() == ["permohonan"]


def test_records_that_leave_an_imported_observation_out_say_so_before_and_after_saving(fresh_store, tmp_path):
    # The office reported 1 of 4 requests online in October; the register's records give 3 of 4, and win.
    _commit(
        fresh_store,
        tmp_path,
        "laporan_okt.csv",
        (OBS_HEADER + f"2026-10,{CIATER},layanan_daring,1,4,\n").encode(),
        "observasi",
    )
    at = upload(open_page(PAGE), GOOD)
    assert_clean(at)
    assert "1 observasi impor tidak ditampilkan sesudah impor ini" in texts(at.warning)
    assert at.dataframe[1].value.values.tolist() == [  # after the column mapping
        ["Layanan daring", "Kelurahan Ciater", "Okt 2026", "25,0%", "Permohonan layanan"]
    ]
    preview = table(at, "Sesudah")
    daring = preview[preview["Indikator"] == "Layanan daring"]
    assert daring[["Sebelum", "Sesudah"]].values.tolist() == [["25,0%", "75,0%"]]
    at.button(key="impor_commit").click().run()
    assert_clean(at)
    [note] = [e for e in at.expander if "observasi impor tidak ditampilkan" in e.label]
    assert note.label.startswith("1 observasi impor tidak ditampilkan karena KPI di wilayah dan periode itu")
    english = open_page(PAGE, lang="en")
    assert any(e.label.startswith("1 imported observations are not shown") for e in english.expander)


def test_the_same_file_again_is_recognised_and_changes_nothing(fresh_store):
    at = upload(open_page(PAGE), GOOD)
    at.button(key="impor_commit").click().run()
    again = upload(open_page(PAGE), GOOD)
    assert "sudah diimpor sebagai batch 1" in texts(again.info)
    assert not [b for b in again.button if b.label == "Simpan ke penyimpanan"]
    assert len(fresh_store.batches()) == 1


def test_rollback_needs_a_confirmation_and_restores_the_sample(fresh_store):
    at = upload(open_page(PAGE), GOOD)
    at.button(key="impor_commit").click().run()
    assert at.button(key="impor_rollback").disabled
    at.checkbox(key="impor_rollback_sure").check().run()
    at.button(key="impor_rollback").click().run()
    assert_clean(at)
    assert "Batch 1" in texts(at.success) and "dibatalkan" in texts(at.success)
    assert fresh_store.batches()["status"].tolist() == ["dibatalkan"]
    assert "Data contoh (sintetis)" in texts(at.info)
    assert list(fresh_store.audit()["aksi"]) == ["impor", "batal"]


def test_english():
    at = open_page(PAGE, lang="en")
    assert_clean(at)
    assert [t.label for t in at.tabs] == ["Import a file", "History and rollback", "Formats and templates"]


def test_a_store_held_by_another_process_gives_its_message_not_a_traceback(monkeypatch):
    from kpi.store.batches import StoreLocked

    def locked(self):
        raise StoreLocked("Penyimpanan data impor sedang dipakai proses lain (proses 4242).")

    monkeypatch.setattr(Store, "batches", locked)
    monkeypatch.setattr(Store, "audit", locked)
    at = open_page(PAGE)
    assert [e.value for e in at.exception] == []
    assert "sedang dipakai proses lain (proses 4242)" in texts(at.warning)


def test_an_import_from_the_command_line_shows_on_the_next_rerun_without_clearing_a_cache(fresh_store, tmp_path):
    """The data caches are keyed on the store's version, so a commit by another process (python -m kpi.importer)
    is seen by the running dashboard at its next rerun; nobody clears a cache by hand."""
    home = open_page(None)
    assert shows_sample_badge(home)  # the sample is on display
    path = tmp_path / "permohonan_okt.csv"
    path.write_bytes(GOOD)
    plan = fresh_store.plan(path, "permohonan")
    assert plan.ok and fresh_store.commit(plan).ok  # what the command line does, outside the app
    home.run()
    assert_clean(home)
    assert not shows_sample_badge(home)  # the store's real ids: no badge


def test_a_damaged_store_gives_its_message_and_the_way_to_restore_it(fresh_store):
    fresh_store.path.write_bytes(b"ini bukan basis data DuckDB\n")  # was DuckDB's IOException, raised on the page
    at = open_page(PAGE)
    assert [e.value for e in at.exception] == []
    shown = texts(at.error)
    assert "rusak atau bukan basis data DuckDB" in shown and "salin cadangan terakhir" in shown
    assert "IOException" not in shown


def _hostile_uploads() -> list[tuple[str, bytes, str, str]]:
    """(file name, bytes, issue code, words of its message) of files item 9 of issue 12 named."""
    workbook = openpyxl.Workbook()
    for line in GOOD.decode().splitlines()[:2]:
        workbook.active.append(line.split(",")[:-1] + ["=1+2" if line.startswith("P-1") else line.split(",")[-1]])
    formula = io.BytesIO()
    workbook.save(formula)
    header, first, second = GOOD.decode().replace("Surat Keterangan Domisili", "Café").splitlines()[:3]
    mixed = f"{header}\n{first}\n".encode() + second.encode("cp1252")  # a UTF-8 row, then a Windows-1252 one
    return [
        (
            "permohonan.xlsx",
            ole2_file("EncryptionInfo", "EncryptedPackage"),
            "berkas_bersandi",
            "dilindungi kata sandi",
        ),
        ("permohonan.xlsx", formula.getvalue(), "rumus_belum_dihitung", "rumus =1+2 yang belum pernah dihitung"),
        ("permohonan.csv", mixed, "pengodean_campuran", "'CafÃ©'"),
    ]


@pytest.mark.parametrize("case", range(3), ids=["sandi", "rumus", "dua_pengodean"])
def test_a_hostile_file_is_named_in_indonesian_without_a_traceback(fresh_store, case):
    name, content, code, words = _hostile_uploads()[case]
    at = open_page(PAGE)
    at.get("file_uploader")[0].upload(name, content, "application/octet-stream")
    at.run()
    assert_clean(at, errors_allowed=True)
    problems = table(at, "Kode")
    assert problems["Kode"].tolist() == [code]
    message = problems["Pesan"].iloc[0]
    assert words in message and "Error" not in message and "Exception" not in message
    assert fresh_store.batches().empty


def test_a_full_disk_on_save_says_so_and_saves_nothing(fresh_store, monkeypatch):
    at = upload(open_page(PAGE), GOOD)
    monkeypatch.setenv("TANGSEL_KPI_FAULT", "commit:after_insert:disk_full")
    at.button(key="impor_commit").click().run()
    assert [e.value for e in at.exception] == []
    shown = texts(at.error)
    assert "gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah (Disk penuh" in shown
    assert "Exception" not in shown and fresh_store.batches().empty


# ---------------------------------------------------------------- the mapping step (issue 13, item 1)

CLOSE = f"id_aduan,kode_wilayah,Tanggal Diterimaa,tindak_lanjut\nA-1,{CIATER},2026-10-01 09:00,\n".encode()


def _aduan_page():
    at = open_page(PAGE)
    at.get("segmented_control")[0].set_value("aduan").run()  # the kind of the file
    return at


def test_the_mapping_shows_each_column_and_a_close_spelling_is_confirmed_on_the_page(fresh_store):
    at = upload(_aduan_page(), CLOSE, "aduan_okt.csv")
    assert_clean(at, errors_allowed=True)
    assert "kolom_mirip" in set(table(at, "Kode")["Kode"])  # refused until confirmed
    mapping = table(at, "Kolom templat")
    assert mapping.set_index("Kolom templat").loc["diterima"].tolist() == [
        "tanggal_diterimaa",
        "ejaan mirip: periksa dan konfirmasi",
    ]
    assert at.selectbox(key=next(s.key for s in at.selectbox if s.key.endswith("_diterima"))).value == (
        "tanggal_diterimaa"
    )
    at.button(key="impor_mapping_apply").click().run()
    assert_clean(at)
    assert "1 baris siap disimpan" in texts(at.success)
    assert table(at, "Kolom templat").set_index("Kolom templat").loc["diterima", "Dasar"] == "dipilih pengguna"
    at.text_input(key="impor_mapping_name").input("Rekap Kelurahan Ciater").run()
    at.button(key="impor_mapping_save").click().run()
    assert "Profil 'Rekap Kelurahan Ciater' disimpan" in texts(at.success)
    at.button(key="impor_commit").click().run()
    assert fresh_store.records("aduan")["id_aduan"].tolist() == ["A-1"]


def test_applying_the_mapping_keeps_the_basis_of_rows_the_user_did_not_touch(fresh_store):
    at = upload(_aduan_page(), CLOSE, "aduan_okt.csv")
    at.button(key="impor_mapping_apply").click().run()
    basis = table(at, "Kolom templat").set_index("Kolom templat")["Dasar"]
    assert basis["id_aduan"] == "nama sama" and basis["diterima"] == "dipilih pengguna"


def test_a_suggested_replacement_is_accepted_in_one_step_and_kept_in_the_audit_log(fresh_store):
    # 'Pd. Jya' in two rows reads as a typo of Pondok Jaya (36.74.03.1004): one suggestion, accepted with one click.
    typo = (
        b"id_aduan,kelurahan,diterima,tindak_lanjut\n"
        b"S-1,Pd. Jya,2026-10-01 09:00,2026-10-02 09:00\n"
        b"S-2,Pd. Jya,2026-10-02 09:00,\n"
    )
    at = upload(_aduan_page(), typo, "aduan_typo.csv")
    assert_clean(at, errors_allowed=True)
    suggested = table(at, "Saran")
    assert suggested.values.tolist() == [["kelurahan", "Pd. Jya", 2, "36.74.03.1004 (Kelurahan Pondok Jaya)"]]
    at.button(key="impor_suggest").click().run()
    assert_clean(at)
    assert "2 baris siap disimpan" in texts(at.success)
    at.button(key="impor_commit").click().run()
    assert set(fresh_store.records("aduan")["kode_wilayah"].astype(str)) == {"36.74.03.1004"}
    assert "nilai diganti kode_wilayah 'Pd. Jya' → 36.74.03.1004" in fresh_store.audit()["pesan"].iloc[-1]
