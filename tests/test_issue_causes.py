"""Problems grouped by cause: one message per rule, column and text (so per distinct value) with the count and the
first rows, in the import report, the command line and the Impor Data page; the CSV still lists every row."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from kpi.core.issues import Issue, causes, causes_frame
from kpi.inputs.records import load_records
from kpi.report.imports import issues_csv, issues_table
from kpi.store.cli import main
from tests.input_fixtures import HEADER, load_rows

TODAY = dt.date(2026, 11, 27)
PERMOHONAN = "id_permohonan,kode_wilayah,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja"
TYPO = "Pd. Jya"  # Pondok Jaya, abbreviated and misspelt
UNKNOWN = (
    "'Pd. Jya' bukan kode atau nama wilayah yang dikenal. Maksud Anda Pondok Jaya? Yang mirip juga: Pondok Karya, "
    "Pondok Jagung. Contoh kode yang benar: 36.74.03.1005."
)


def issue(row: int | None, cause: str | None, code: str = "wilayah_tidak_dikenal", column: str | None = "kolom"):
    """An Issue as the collectors make it: the message is the place, then the cause."""
    place = f"Kolom '{column}' baris {row}: " if row is not None and column is not None else ""
    return Issue(code, place + (cause or "berkas rusak"), row, column, "v", cause)


# ---------------------------------------------------------------- grouping


def test_rows_with_the_same_problem_become_one_message_with_the_count_and_the_first_rows():
    issues = [issue(None, None, "berkas_kosong", None), issue(3, "'x' salah."), issue(4, "'y' salah.")]
    issues += [issue(r, "'x' salah.") for r in (7, 12)]
    found = causes(issues)
    # the file's problem first, then 'x' (rows 3, 7, 12) and 'y' (row 4) by their first rows
    assert [(c.code, c.rows) for c in found] == [
        ("berkas_kosong", ()),
        ("wilayah_tidak_dikenal", (3, 7, 12)),
        ("wilayah_tidak_dikenal", (4,)),
    ]
    assert found[1].message == "Kolom 'kolom', 3 baris (3, 7, 12): 'x' salah."
    assert found[2].message == "Kolom 'kolom' baris 4: 'y' salah."  # one row: its own message, as before
    assert found[0].message == "berkas rusak"


def test_more_than_five_rows_are_counted_and_the_first_five_named():
    [cause] = causes([issue(r, "'x' salah.") for r in range(2, 22)])  # rows 2..21: 20 rows
    assert cause.message == "Kolom 'kolom', 20 baris (2, 3, 4, 5, 6, …): 'x' salah."
    assert cause.text == "'x' salah." and len(cause.rows) == 20


@pytest.mark.parametrize(
    "other",
    [
        issue(5, "'x' salah.", code="duplikat"),  # another rule
        issue(5, "'x' salah.", column="lain"),  # another column
        issue(5, "'x' salah sekali."),  # another text (another value)
    ],
)
def test_another_rule_column_or_text_is_another_cause(other):
    assert len(causes([issue(3, "'x' salah."), other])) == 2
    assert len(causes([issue(3, "'x' salah."), issue(5, "'x' salah.")])) == 1  # the check can fail


def test_the_causes_table_has_the_first_row_and_the_count():
    frame = causes_frame(causes([issue(r, "'x' salah.") for r in (3, 7)] + [issue(4, "'y' salah.")]))
    assert list(frame.columns) == ["baris", "jumlah", "kolom", "kode", "pesan", "nilai"]
    assert frame[["baris", "jumlah"]].values.tolist() == [[3, 2], [4, 1]]


# ---------------------------------------------------------------- raw records and observation files


def _requests(typos: int, others: int) -> bytes:
    """A good row 2, `typos` rows with 'Pd. Jya' from row 3, then `others` rows of Kota Tangerang."""
    rows = ["P-0,36.74.03.1004,KTP,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,3"]
    rows += [f"P-{i},{TYPO},KTP,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,3" for i in range(1, typos + 1)]
    rows += [f"Q-{i},36.71.01.1001,KTP,mpp,2026-10-01 08:15,2026-10-02 14:30,selesai,3" for i in range(others)]
    return ("\n".join([PERMOHONAN, *rows]) + "\n").encode()


def test_raw_records_with_two_causes_in_22_rows_give_two_messages_and_a_csv_of_every_row():
    result = load_records(_requests(20, 2), "permohonan", "mpp.csv", today=TODAY)
    assert len(result.issues) == 22  # the machine-readable detail: one Issue per row
    first, second = causes(result.issues)
    # rows 3..22 hold the typo, rows 23 and 24 Kota Tangerang
    assert first.message == f"Kolom 'kode_wilayah', 20 baris (3, 4, 5, 6, 7, …): {UNKNOWN}"
    assert second.code == "wilayah_luar_kota" and second.rows == (23, 24)
    assert second.message.startswith("Kolom 'kode_wilayah', 2 baris (23, 24): '36.71.01.1001' adalah kode Kelurahan")

    table = issues_table(result.issues)
    assert table[["Baris", "Jumlah baris", "Kode"]].values.tolist() == [
        [3, 20, "wilayah_tidak_dikenal"],
        [23, 2, "wilayah_luar_kota"],
    ]
    listed = pd.read_csv(io.BytesIO(issues_csv(result.issues)), encoding="utf-8-sig")
    assert listed["baris"].tolist() == list(range(3, 25))  # every row, as before


def test_an_observation_file_with_one_cause_in_twelve_rows_gives_one_message(tmp_path):
    rows = [f"2026-10,Kota Tangerang,layanan_daring,{k},20," for k in range(12)]  # rows 2..13
    [cause] = causes(load_rows(tmp_path, HEADER, rows).issues)
    assert cause.code == "wilayah_luar_kota" and cause.rows == tuple(range(2, 14))
    assert cause.message.startswith(
        "Kolom 'kode_wilayah', 12 baris (2, 3, 4, 5, 6, …): 'Kota Tangerang' adalah nama Kota Tangerang, di luar"
    )


# ---------------------------------------------------------------- the command line and the page


def test_the_command_prints_one_line_per_cause_and_writes_every_row_on_request(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    path, problems = tmp_path / "mpp.csv", tmp_path / "masalah.csv"
    path.write_bytes(_requests(20, 2))
    assert main([str(path), "--kind", "permohonan", "--problems", str(problems)]) == 1
    out = capsys.readouterr().out
    assert "Validasi: 22 masalah dalam 2 pesan, satu per penyebab; berkas ditolak seluruhnya." in out
    assert f"  - [wilayah_tidak_dikenal] 20 baris (3, 4, 5, 6, 7, …), kolom kode_wilayah: {UNKNOWN}\n" in out
    assert "  - [wilayah_luar_kota] 2 baris (23, 24), kolom kode_wilayah: '36.71.01.1001' adalah kode" in out
    assert out.count("  - [") == 2
    assert f"Daftar masalah per baris (22 baris) ditulis ke {problems}." in out
    assert len(pd.read_csv(problems, encoding="utf-8-sig")) == 22


def test_the_impor_page_shows_one_row_per_cause(tmp_path, monkeypatch):
    import streamlit as st

    from tests.apptest import assert_clean, clear_runs, open_page

    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    st.cache_resource.clear()
    clear_runs()
    at = open_page("pages/5_Impor.py")
    at.get("file_uploader")[0].upload("mpp.csv", _requests(6, 0), "text/csv")
    at.run()
    assert_clean(at, errors_allowed=True)
    assert "6 masalah ditemukan" in "\n".join(str(e.value) for e in at.error)
    assert "1 penyebab untuk 6 masalah" in "\n".join(str(c.value) for c in at.caption)
    table = next(d.value for d in at.dataframe if "Kode" in d.value.columns)  # after the column mapping
    assert table[["Baris", "Jumlah baris"]].values.tolist() == [[3, 6]]
    assert table["Pesan"].iloc[0].startswith("Kolom 'kode_wilayah', 6 baris (3, 4, 5, 6, 7, …): 'Pd. Jya'")
    st.cache_resource.clear()
    clear_runs()


def test_every_page_shows_the_problems_of_the_data_on_display_one_row_per_cause(tmp_path, monkeypatch):
    import streamlit as st

    from tests.apptest import assert_clean, clear_runs, open_page

    rows = "".join(f"2026-10,Kota Tangerang,layanan_daring,{k},20,\n" for k in range(7))  # rows 2..8
    (tmp_path / "observasi.csv").write_text(HEADER + "\n" + rows, encoding="utf-8")
    monkeypatch.setenv("TANGSEL_KPI_SAMPLE", str(tmp_path))
    st.cache_resource.clear()
    clear_runs()
    at = open_page(None)
    assert_clean(at, errors_allowed=True)
    assert "Data tidak dapat dimuat" in "\n".join(str(e.value) for e in at.error)
    table = at.dataframe[0].value
    assert table[["Baris", "Jumlah baris", "Kode"]].values.tolist() == [[2, 7, "wilayah_luar_kota"]]
    st.cache_resource.clear()
    clear_runs()
