"""Every sheet of a workbook (issue 13, item 3): all sheets holding a table of the chosen kind are imported, rows are
named by their sheet, sheets of other data are listed as skipped with the reason, and a sheet that looks like the
kind's table but is not refuses the file, naming the sheet. Before, only the first sheet was read, in silence.

Kelurahan of the fixtures: Ciater (36.74.01.1001) and Rawa Mekar Jaya (36.74.01.1002) in Kecamatan Serpong, Setu
(36.74.05.1005) in Kecamatan Setu.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from kpi.core.issues import issues_frame
from kpi.inputs.observations import load_observations
from kpi.inputs.records import load_records
from kpi.report.imports import sheets_summary, sheets_table
from kpi.store.batches import Store
from kpi.store.cli import main
from tests.conftest import TODAY

HEADER = ["id_permohonan", "kelurahan", "kanal", "diajukan", "selesai", "status", "sop_hari_kerja"]
NOTES = [["Petunjuk pengisian"], ["Satu lembar per kecamatan."], ["Tanggal ditulis hari/bulan/tahun."]]
SETU = [
    HEADER,
    ["P-1", "36.74.05.1005", "daring", "2026-10-01 08:00", "2026-10-02 08:00", "selesai", 3],
    ["P-2", "36.74.05.1005", "luring", "2026-10-02 08:00", None, "proses", 3],
]
SERPONG = [
    HEADER,
    ["P-3", "36.74.01.1001", "daring", "2026-10-01 09:00", "2026-10-01 15:00", "selesai", 1],
    ["P-4", "36.74.01.1002", "daring", "2026-10-05 09:00", None, "proses", 2],
    ["P-5", "36.74.01.1001", "mpp", "2026-10-06 09:00", "2026-10-09 09:00", "selesai", 2],
]


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """Workbook bytes with one sheet per entry, in order ([] leaves the sheet empty)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def uses(result) -> list[tuple[str, int, str]]:
    return [(s.name, s.rows, s.status) for s in result.sheets]


def test_every_sheet_of_the_kind_is_read_and_the_others_are_listed_as_skipped():
    """Two kecamatan sheets of 2 and 3 requests make one file of 5 rows; the notes sheet (3 rows, none a header of
    requests) and the empty sheet are skipped. The old reader took 'Petunjuk' alone and refused the file."""
    data = workbook({"Petunjuk": NOTES, "Setu": SETU, "Serpong": SERPONG, "Kosong": []})
    result = load_records(data, "permohonan", "per_kecamatan.xlsx", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    frame = result.frame
    assert frame["id_permohonan"].tolist() == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    assert list(zip(frame["_lembar"], frame["_baris"], strict=True)) == [
        ("Setu", 2),
        ("Setu", 3),
        ("Serpong", 2),
        ("Serpong", 3),
        ("Serpong", 4),
    ]
    assert uses(result) == [
        ("Petunjuk", 2, "bukan_tabel"),
        ("Setu", 2, "dibaca"),
        ("Serpong", 3, "dibaca"),
        ("Kosong", 0, "kosong"),
    ]


def test_a_data_sheet_after_the_first_is_not_dropped():
    """The data first, then a second kecamatan: the old reader imported the 2 rows of 'Setu' and dropped 'Serpong'."""
    result = load_records(workbook({"Setu": SETU, "Serpong": SERPONG}), "permohonan", "dua.xlsx", today=TODAY)
    assert result.ok and len(result.frame) == 5


def test_sheets_may_spell_the_same_columns_differently():
    """'kelurahan' in one sheet and 'kode_wilayah' in the other are the same column after matching aliases."""
    serpong = [["id_permohonan", "kode_wilayah", *HEADER[2:]], *SERPONG[1:]]
    result = load_records(workbook({"Setu": SETU, "Serpong": serpong}), "permohonan", "dua.xlsx", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    assert result.frame["kode_wilayah"].tolist() == ["36.74.05.1005"] * 2 + [
        "36.74.01.1001",
        "36.74.01.1002",
        "36.74.01.1001",
    ]


def test_a_row_problem_names_its_sheet():
    """Row 3 of 'Serpong' names a kelurahan that does not exist; row 4 repeats P-1 of Setu, row 2 of 'Setu'."""
    serpong = [*SERPONG[:2], ["P-4", "Atlantis", *SERPONG[2][2:]], ["P-1", "36.74.05.1005", *SERPONG[3][2:]]]
    result = load_records(workbook({"Setu": SETU, "Serpong": serpong}), "permohonan", "dua.xlsx", today=TODAY)
    assert not result.ok and result.frame is None
    assert [(i.sheet, i.row, i.column, i.code) for i in result.issues] == [
        ("Serpong", 3, "kelurahan", "wilayah_tidak_dikenal"),
        ("Serpong", 4, "id_permohonan", "duplikat"),
    ]
    assert result.issues[0].message.startswith("Kolom 'kelurahan' lembar 'Serpong' baris 3: ")
    assert result.issues[1].message == (
        "Kolom 'id_permohonan' lembar 'Serpong' baris 4: 'P-1' sudah dipakai di lembar 'Setu' baris 2; id_permohonan "
        "harus unik dalam satu berkas. Hapus baris ganda itu atau perbaiki nomornya."
    )
    assert issues_frame(result.issues)["lembar"].tolist() == ["Serpong", "Serpong"]


def test_a_sheet_that_looks_like_the_table_but_lacks_columns_refuses_the_file_naming_it():
    """'Rekap' has a kelurahan column, so it is not plainly other data; it lacks the request columns. The file is
    refused (nothing of 'Setu' is taken alone), and 'Setu' is still checked: its own problems are told at once."""
    rekap = [["kelurahan", "jumlah"], ["Setu", 2]]
    setu = [*SETU[:2], ["P-2", "36.74.05.1005", "luring", "2026-10-02 08:00", None, "proses", 0]]
    result = load_records(workbook({"Setu": setu, "Rekap": rekap}), "permohonan", "rekap.xlsx", today=TODAY)
    assert result.frame is None
    assert uses(result) == [("Setu", 2, "dibaca"), ("Rekap", 1, "ditolak")]
    missing = [i for i in result.issues if i.sheet == "Rekap"]
    assert [(i.code, i.column) for i in missing] == [
        ("kolom_hilang", "id_permohonan"),
        ("kolom_hilang", "kanal"),
        ("kolom_hilang", "diajukan"),
        ("kolom_hilang", "selesai"),
        ("kolom_hilang", "status"),
        ("kolom_hilang", "sop_hari_kerja"),
    ]
    assert missing[0].message.startswith("Lembar 'Rekap': Kolom 'id_permohonan' tidak ditemukan di berkas")
    assert missing[0].message.endswith(
        "Setiap lembar yang berisi kolom jenis data ini diimpor; bila lembar ini berisi data lain, hapus lembar itu "
        "dari buku kerja atau pindahkan ke berkas lain."
    )
    assert [(i.sheet, i.row, i.code) for i in result.issues if i.sheet == "Setu"] == [("Setu", 3, "di_luar_rentang")]


def test_sheets_with_different_columns_are_refused_naming_them():
    """'Serpong' has jenis_layanan, 'Setu' not: after matching names the headers differ, so the file is refused."""
    serpong = [[*HEADER, "jenis_layanan"], *(row + ["KTP"] for row in SERPONG[1:])]
    result = load_records(workbook({"Setu": SETU, "Serpong": serpong}), "permohonan", "beda.xlsx", today=TODAY)
    assert result.frame is None
    assert uses(result) == [("Setu", 2, "dibaca"), ("Serpong", 3, "ditolak")]
    [issue] = result.issues
    assert (issue.code, issue.sheet) == ("lembar_beda_kolom", "Serpong")
    assert issue.message.startswith(
        "Lembar 'Serpong' tidak memiliki kolom yang sama dengan lembar 'Setu' (lembar pertama yang dibaca): kolom yang "
        "hanya ada di lembar 'Serpong': jenis_layanan; kolom yang tidak ada di lembar 'Serpong': —."
    )


def test_a_header_without_rows_is_skipped_and_a_workbook_of_notes_only_is_refused():
    result = load_records(workbook({"Setu": SETU, "Ciputat": [HEADER]}), "permohonan", "a.xlsx", today=TODAY)
    assert result.ok and uses(result)[1] == ("Ciputat", 0, "hanya_judul")
    notes = load_records(workbook({"Petunjuk": NOTES, "Kosong": []}), "permohonan", "b.xlsx", today=TODAY)
    assert notes.frame is None and {i.code for i in notes.issues} == {"kolom_hilang"}
    assert all(i.sheet == "Petunjuk" and i.message.startswith("Lembar 'Petunjuk': Kolom '") for i in notes.issues)
    empty = load_records(workbook({"A": [], "B": []}), "permohonan", "c.xlsx", today=TODAY)
    assert [(i.code, i.sheet) for i in empty.issues] == [("berkas_kosong", None)]
    assert empty.issues[0].message.startswith("Berkas 'c.xlsx' kosong.")


def test_a_workbook_of_one_sheet_reads_as_before():
    """One sheet: rows are not named by a sheet, and the one sheet is listed."""
    result = load_records(workbook({"Setu": SETU}), "permohonan", "satu.xlsx", today=TODAY)
    assert result.ok and "_lembar" not in result.frame and uses(result) == [("Setu", 2, "dibaca")]
    bad = load_records(workbook({"Setu": [*SETU[:2], ["P-1", *SETU[2][1:]]]}), "permohonan", "x.xlsx", today=TODAY)
    assert bad.issues[0].message.startswith("Kolom 'id_permohonan' baris 3: 'P-1' sudah dipakai di baris 2;")
    assert bad.issues[0].sheet is None


def test_observation_sheets_are_read_too():
    """Two months in two sheets: 3 of 4 and 1 of 2 requests online."""
    header = ["periode", "kode_wilayah", "indikator", "pembilang", "penyebut", "nilai"]
    data = workbook(
        {
            "Petunjuk": NOTES,
            "September": [header, ["2026-09", "36.74.01.1001", "layanan_daring", 3, 4, None]],
            "Oktober": [header, ["2026-10", "36.74.01.1001", "layanan_daring", 1, 2, None]],
        }
    )
    result = load_observations(data, "observasi.xlsx", today=TODAY)
    assert result.ok, [i.message for i in result.issues]
    assert result.frame[["periode", "nilai"]].values.tolist() == [["2026-09", 75.0], ["2026-10", 50.0]]
    assert uses(result) == [("Petunjuk", 2, "bukan_tabel"), ("September", 1, "dibaca"), ("Oktober", 1, "dibaca")]
    bad = workbook(
        {
            "A": [header, ["2026-09", "36.74.01.1001", "layanan_daring", 3, 4, None]],
            "B": [header, ["2026-09", "36.74.01.1001", "layanan_daring", 1, 2, None]],
        }
    )
    [issue] = load_observations(bad, "ganda.xlsx", today=TODAY).issues
    assert issue.code == "duplikat" and issue.sheet == "B"
    assert "sudah ada di lembar 'A' baris 2;" in issue.message


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sheets_table_says_what_became_of_each_sheet(lang):
    result = load_records(
        workbook({"Petunjuk": NOTES, "Setu": SETU, "Serpong": SERPONG, "Kosong": []}),
        "permohonan",
        "a.xlsx",
        today=TODAY,
    )
    table = sheets_table(result.sheets, lang)
    if lang == "id":
        assert list(table.columns) == ["Lembar", "Baris", "Dipakai"]
        assert table.values.tolist() == [
            ["Petunjuk", 2, "dilewati: baris pertamanya tidak memuat satu pun kolom jenis data ini"],
            ["Setu", 2, "dibaca"],
            ["Serpong", 3, "dibaca"],
            ["Kosong", 0, "dilewati: lembar kosong"],
        ]
        assert sheets_summary(result.sheets, lang) == "Lembar buku kerja: 2 dibaca (5 baris), 2 dilewati atau ditolak."
    else:
        assert list(table.columns) == ["Sheet", "Rows", "Used"]
        assert table.iloc[3, 2] == "skipped: an empty sheet"


def test_the_dry_run_and_the_import_take_every_sheet(tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    store = Store()
    path = tmp_path / "per_kecamatan.xlsx"
    path.write_bytes(workbook({"Petunjuk": NOTES, "Setu": SETU, "Serpong": SERPONG}))
    plan = store.plan(path, "permohonan", today=TODAY)
    assert plan.ok and plan.rows == 5
    assert [(s.name, s.status) for s in plan.sheets] == [
        ("Petunjuk", "bukan_tabel"),
        ("Setu", "dibaca"),
        ("Serpong", "dibaca"),
    ]
    outcome = store.commit(plan)
    assert outcome.ok and outcome.counts["dimasukkan"] == 5
    assert sorted(store.records("permohonan")["id_permohonan"]) == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    refused = tmp_path / "rekap.xlsx"
    refused.write_bytes(workbook({"Setu": SETU, "Rekap": [["kelurahan", "jumlah"], ["Setu", 2]]}))
    plan = store.plan(refused, "permohonan", today=TODAY)
    assert not plan.ok and plan.rows == 3  # 2 rows of 'Setu' and 1 of 'Rekap'
    assert [(s.name, s.status) for s in plan.sheets] == [("Setu", "dibaca"), ("Rekap", "ditolak")]


def test_the_command_line_lists_the_sheets_and_imports_them_all(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "store"))
    path = tmp_path / "per_kecamatan.xlsx"
    path.write_bytes(workbook({"Petunjuk": NOTES, "Setu": SETU, "Serpong": SERPONG, "Kosong": []}))
    assert main([str(path), "--kind", "permohonan"]) == 0
    out = capsys.readouterr().out
    assert "Berkas  : per_kecamatan.xlsx (jenis permohonan, 5 baris, sha256" in out
    assert (
        "Lembar  : Lembar buku kerja: 2 dibaca (5 baris), 2 dilewati atau ditolak.\n"
        "  - 'Petunjuk' (2 baris): dilewati: baris pertamanya tidak memuat satu pun kolom jenis data ini\n"
        "  - 'Setu' (2 baris): dibaca\n"
        "  - 'Serpong' (3 baris): dibaca\n"
        "  - 'Kosong' (0 baris): dilewati: lembar kosong\n"
    ) in out
    assert main([str(path), "--kind", "permohonan", "--commit"]) == 0
    assert "diimpor sebagai batch 1 (permohonan): 5 baris, 5 dimasukkan" in capsys.readouterr().out
    bad = tmp_path / "rekap.xlsx"
    bad.write_bytes(workbook({"Setu": SETU, "Rekap": [["kelurahan", "jumlah"], ["Setu", 2]]}))
    assert main([str(bad), "--kind", "permohonan"]) == 1
    out = capsys.readouterr().out
    assert "  - 'Rekap' (1 baris): ditolak: lihat daftar masalah" in out
    assert (
        "  - [kolom_hilang] lembar 'Rekap', baris 1, kolom id_permohonan: Lembar 'Rekap': Kolom 'id_permohonan'" in out
    )
