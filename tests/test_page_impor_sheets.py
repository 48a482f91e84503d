"""The Impor Data page through AppTest for issue 13, items 3 and 4: a workbook with one sheet per kecamatan is imported
whole, its sheets listed with their rows; a row problem names its sheet; a second kelurahan's questionnaires numbered
like the first's are imported beside them; a request id of another kelurahan is refused naming both.

Each test gets its own empty store (TANGSEL_KPI_STORE) and clears Streamlit's caches, as tests/test_page_impor.py.
"""

from __future__ import annotations

import pytest
import streamlit as st

from kpi.store.batches import Store
from tests.apptest import assert_clean, clear_runs, open_page
from tests.test_identities import CIATER, PERMOHONAN_HEADER, RAWABUNTU, SURVEI_HEADER, answers, request
from tests.test_sheets import NOTES, SERPONG, SETU, workbook

PAGE = "pages/5_Impor.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table(at, column: str):
    """The first table on the page with this column (after the column mapping, which comes first)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture(autouse=True)
def fresh_store(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    st.cache_resource.clear()
    clear_runs()
    yield Store()
    st.cache_resource.clear()
    clear_runs()


def upload(at, content: bytes, name: str, mime: str = "text/csv"):
    at.get("file_uploader")[0].upload(name, content, mime)
    return at.run()


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_every_sheet_is_listed_and_imported(fresh_store):
    data = workbook({"Petunjuk": NOTES, "Setu": SETU, "Serpong": SERPONG, "Kosong": []})
    at = upload(open_page(PAGE), data, "per_kecamatan.xlsx", XLSX)
    assert_clean(at)
    assert "Lembar buku kerja: 2 dibaca (5 baris), 2 dilewati atau ditolak." in texts(at.caption)
    assert "per_kecamatan.xlsx · 5 baris" in texts(at.caption)
    sheets = table(at, "Lembar")
    assert sheets.values.tolist() == [
        ["Petunjuk", 2, "dilewati: baris pertamanya tidak memuat satu pun kolom jenis data ini"],
        ["Setu", 2, "dibaca"],
        ["Serpong", 3, "dibaca"],
        ["Kosong", 0, "dilewati: lembar kosong"],
    ]
    assert "5 baris siap disimpan" in texts(at.success)
    at.button(key="impor_commit").click().run()
    assert_clean(at)
    assert "diimpor sebagai batch 1 (permohonan): 5 baris, 5 dimasukkan" in texts(at.success)
    assert sorted(fresh_store.records("permohonan")["id_permohonan"]) == ["P-1", "P-2", "P-3", "P-4", "P-5"]


def test_a_problem_names_its_sheet_in_english_too(fresh_store):
    serpong = [*SERPONG[:2], ["P-4", "Atlantis", *SERPONG[2][2:]], *SERPONG[3:]]
    at = upload(open_page(PAGE, lang="en"), workbook({"Setu": SETU, "Serpong": serpong}), "dua.xlsx", XLSX)
    assert_clean(at, errors_allowed=True)
    problems = table(at, "Code")
    assert problems[["Sheet", "Row", "Column", "Code"]].values.tolist() == [
        ["Serpong", 3, "kelurahan", "wilayah_tidak_dikenal"]
    ]
    assert problems["Message"].iloc[0].startswith("Kolom 'kelurahan' lembar 'Serpong' baris 3: ")
    assert table(at, "Used").columns.tolist() == ["Sheet", "Rows", "Used"]
    assert fresh_store.batches().empty


def test_a_second_kelurahans_questionnaires_numbered_alike_are_imported_beside_the_first(fresh_store):
    at = upload(open_page(PAGE, direct=True, jenis="survei"), (SURVEI_HEADER + answers(CIATER, 3)).encode(), "c.csv")
    at.button(key="impor_commit").click().run()
    at = upload(open_page(PAGE, direct=True, jenis="survei"), (SURVEI_HEADER + answers(RAWABUNTU, 4)).encode(), "r.csv")
    assert_clean(at)
    assert not at.warning  # no "records already in the store": they belong to another office
    assert "3 baris siap disimpan" in texts(at.success)
    at.button(key="impor_commit").click().run()
    assert "3 dimasukkan, 0 menggantikan data lama" in texts(at.success)
    records = fresh_store.records("survei")
    assert sorted(zip(records["kode_unit"], records["id_responden"], strict=True)) == [
        (CIATER, "1"),
        (CIATER, "2"),
        (CIATER, "3"),
        (RAWABUNTU, "1"),
        (RAWABUNTU, "2"),
        (RAWABUNTU, "3"),
    ]


def test_a_request_id_of_another_kelurahan_is_refused_on_the_page(fresh_store):
    at = upload(open_page(PAGE), (PERMOHONAN_HEADER + request("P-1", CIATER)).encode(), "ciater.csv")
    at.button(key="impor_commit").click().run()
    at = upload(open_page(PAGE), (PERMOHONAN_HEADER + request("P-1", RAWABUNTU)).encode(), "rawabuntu.csv")
    assert_clean(at, errors_allowed=True)
    assert "1 masalah ditemukan. Tidak ada yang disimpan" in texts(at.error)
    problems = table(at, "Kode")
    assert problems[["Baris", "Kode", "Nilai"]].values.tolist() == [[2, "id_kantor_lain", "P-1"]]
    message = problems["Pesan"].iloc[0]
    assert "Kelurahan Ciater (36.74.01.1001) di penyimpanan (batch 1, berkas 'ciater.csv')" in message
    assert "sedangkan baris ini untuk Kelurahan Rawabuntu (36.74.01.1002)" in message
    assert not [b for b in at.button if b.label == "Simpan ke penyimpanan"]
    assert len(fresh_store.batches()) == 1
