"""A corpus of office files (issue 13, item 10): files made the way kecamatan and kelurahan offices and other systems
make them, with invented values and no personal data, each with the outcome the import must give.

Each entry: the file's name and kind, its bytes, the files committed before it (to test what it does to a store that
already holds data), and the expected outcome: `rows` when it must be accepted whole, or `codes` (the problem codes,
one or more) when it must be refused. tests/test_corpus.py runs every entry through the store's dry run.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import openpyxl

from tests.input_fixtures import ole2_file

CIATER, SETU, PONDOK_JAGUNG = "36.74.01.1001", "36.74.07.1002", "36.74.02.1004"
UNSUR = [f"U{i}" for i in range(1, 10)]


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    content: Callable[[], bytes]
    rows: int | None = None  # accepted whole, with this many rows
    codes: frozenset[str] = frozenset()  # refused, with these problem codes (and no others)
    before: tuple[tuple[str, str, Callable[[], bytes]], ...] = ()  # (name, kind, bytes) committed first
    mapping_profile: str | None = None  # the import profile the dry run must show
    sheets: tuple[str, ...] = ()  # the worksheets the dry run must list as read
    pending: str | None = None  # an outcome the import does not give yet (the issue item that builds it)
    extra: dict = field(default_factory=dict)


def _csv(lines: list[str]) -> Callable[[], bytes]:
    return lambda: ("\n".join(lines) + "\n").encode()


def _xlsx(sheets: dict[str, list[list]], percent: tuple[str, ...] = ()) -> Callable[[], bytes]:
    def build() -> bytes:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
            for ref in percent:
                sheet[ref].number_format = "0.00%"
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    return build


def _requests(prefix: str, kelurahan: str, n: int, day: int = 1) -> list[list]:
    start = dt.datetime(2026, 10, day, 8, 0)
    return [
        [
            f"{prefix}-{i}",
            kelurahan,
            "Surat Keterangan Domisili",
            ("daring", "luring")[i % 2],
            start + dt.timedelta(hours=i),
            start + dt.timedelta(days=1, hours=i),
            "selesai",
            3,
        ]
        for i in range(1, n + 1)
    ]


REQUEST_HEADER = [
    "id_permohonan",
    "kelurahan",
    "jenis_layanan",
    "kanal",
    "diajukan",
    "selesai",
    "status",
    "sop_hari_kerja",
]


def _survey(unit: str, n: int) -> list[str]:
    return [
        f"{i},{unit},2026-10-0{1 + i % 5}," + ",".join(str(1 + (i + u) % 4) for u in range(9)) for i in range(1, n + 1)
    ]


def _report_workbook() -> bytes:
    """A monthly report as offices make it: a title block, a merged two-row header, a column-number row, a JUMLAH
    row and a signature block."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Laporan"
    sheet.append(["LAPORAN CAPAIAN KINERJA PELAYANAN KECAMATAN SETU"])
    sheet.append(["BULAN OKTOBER 2026"])
    sheet.append([])
    sheet.append(["No", "Kelurahan", "Permohonan Layanan", None, None])
    sheet.append([None, None, "Jumlah", "Daring", "%"])
    sheet.merge_cells("C4:E4")
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    sheet.append([1, "Setu", 120, 90, 75.0])
    sheet.append([2, "Muncul", 80, 40, 50.0])
    sheet.append([None, "JUMLAH", 200, 130, 65.0])
    sheet.append([])
    sheet.append([None, None, None, "Camat Setu,"])
    sheet.append([None, None, None, "NIP 19700101 199001 1 001"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _mixed_encoding() -> bytes:
    lines = [",".join(REQUEST_HEADER).encode()]
    for i, (text, encoding) in enumerate((("Café Ciater", "utf-8"), ("Café Ciater", "cp1252")), start=1):
        lines.append(f"M-{i},{CIATER},{text},daring,2026-10-01 08:00,2026-10-02 08:00,selesai,3".encode(encoding))
    return b"\n".join(lines) + b"\n"


def _formula_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["periode", "kode_wilayah", "indikator", "pembilang", "penyebut", "nilai"])
    sheet.append(["2026-10", CIATER, "layanan_daring", "=3*10", 40, None])  # saved by openpyxl: never calculated
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


OBS_HEADER = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai"

CASES = [
    Case(
        "sp4n_lapor_okt.csv",
        "aduan",
        _csv(
            [
                "Tracking ID,Kelurahan,Sumber,Kategori,Tanggal Laporan,Tgl Tindak Lanjut Pertama",
                *(f"LPR-{i},{SETU},Website,Kebersihan,2026-10-0{i} 09:00,2026-10-0{i + 1} 10:00" for i in range(1, 6)),
                f"LPR-6,{SETU},SMS,Jalan,2026-10-07 09:00,",
            ]
        ),
        rows=6,
        mapping_profile="Ekspor SP4N-LAPOR!",
    ),
    Case(
        "kuesioner_no.xlsx",
        "survei",
        _xlsx(
            {
                "Kuesioner": [
                    ["No", "Kelurahan", "Tanggal", *UNSUR],
                    *([i, "Muncul", dt.date(2026, 10, 3), 3, 3, 4, 4, 3, 3, 4, 3, 3] for i in range(1, 8)),
                ]
            }
        ),
        rows=7,
    ),
    Case(
        "ekspor_sistem_layanan.csv",
        "permohonan",
        _csv(
            [
                "No. Permohonan,Jenis Layanan,Kanal,Tgl Pengajuan,Tgl Selesai,Status,Kelurahan,SLA (hari)",
                *(
                    f"SL-{i},SKTM,Online,0{i}/10/2026 08.00,0{i + 1}/10/2026 15.00,SELESAI,Ciater,3"
                    for i in range(1, 5)
                ),
            ]
        ),
        rows=4,
    ),
    Case(
        "permohonan_per_kecamatan.xlsx",
        "permohonan",
        _xlsx(
            {
                "Petunjuk": [["Isi satu lembar per kecamatan."]],
                "Serpong": [REQUEST_HEADER, *_requests("SRP", "Ciater", 3)],
                "Setu": [REQUEST_HEADER, *_requests("STU", "Setu", 4)],
            }
        ),
        rows=7,
        sheets=("Serpong", "Setu"),
    ),
    Case(
        "kuesioner_kelurahan_b.csv",
        "survei",
        _csv(["id_responden,kode_unit,tanggal," + ",".join(UNSUR), *_survey(SETU, 3)]),
        rows=3,
        before=(
            (
                "kuesioner_kelurahan_a.csv",
                "survei",
                _csv(["id_responden,kode_unit,tanggal," + ",".join(UNSUR), *_survey(CIATER, 3)]),
            ),
        ),
        extra={"untouched": CIATER},
    ),
    Case(
        "ejaan_pd.csv",
        "permohonan",
        _csv(
            [
                ",".join(REQUEST_HEADER),
                "PD-1,Pd. Jagung,SKTM,daring,2026-10-01 08:00,2026-10-02 08:00,selesai,3",
                "PD-2,Pdk. Jagung,SKTM,luring,2026-10-01 09:00,2026-10-03 08:00,selesai,3",
            ]
        ),
        rows=2,
    ),
    Case(
        "observasi_bulan_okt26.csv",
        "observasi",
        _csv([OBS_HEADER, f"Okt-26,{CIATER},tte,45,60,", f"Okt-26,{SETU},tte,50,62,"]),
        rows=2,
    ),
    Case(
        "mpp_warga_kota_tangerang.csv",
        "permohonan",
        _csv(
            [
                ",".join(REQUEST_HEADER),
                f"MPP-1,{CIATER},KTP-el,mpp,2026-10-01 08:00,2026-10-01 10:00,selesai,1",
                "MPP-2,36.71.01.1001,KTP-el,mpp,2026-10-01 08:30,2026-10-01 11:00,selesai,1",
            ]
        ),
        codes=frozenset({"wilayah_luar_kota"}),
    ),
    Case(
        "persentase_saja.csv",
        "observasi",
        _csv([OBS_HEADER, f"2026-10,{CIATER},layanan_daring,,,62.5", f"2026-10,{SETU},layanan_daring,,,70"]),
        codes=frozenset({"hanya_persentase"}),
    ),
    Case(
        "ombudsman_sel_persen.xlsx",
        "observasi",
        _xlsx(
            {"Sheet": [OBS_HEADER.split(","), ["2025", "36.74.07", "kepatuhan_ombudsman", None, None, 0.8425]]},
            percent=("F2",),
        ),
        codes=frozenset({"kemungkinan_pecahan"}),
    ),
    Case(
        "observasi_atas_catatan.csv",
        "observasi",
        _csv([OBS_HEADER, f"2026-10,{CIATER},layanan_daring,1,4,"]),
        before=(("permohonan_okt.xlsx", "permohonan", _xlsx({"p": [REQUEST_HEADER, *_requests("P", "Ciater", 4)]})),),
        codes=frozenset({"sumber_ganda"}),
    ),
    Case("campur_pengodean.csv", "permohonan", _mixed_encoding, codes=frozenset({"pengodean_campuran"})),
    Case(
        "berpassword.xlsx",
        "permohonan",
        lambda: ole2_file("EncryptionInfo", "EncryptedPackage"),
        codes=frozenset({"berkas_bersandi"}),
    ),
    Case("rumus_belum_dihitung.xlsx", "observasi", _formula_workbook, codes=frozenset({"rumus_belum_dihitung"})),
    Case(
        "aduan_kolom_mirip.csv",
        "aduan",
        _csv(["id_aduan,kelurahan,Tanggal Diterimaa,tindak_lanjut", f"AM-1,{SETU},2026-10-01 09:00,"]),
        codes=frozenset({"kolom_mirip"}),
    ),
    Case(
        "nomor_milik_kelurahan_lain.csv",
        "permohonan",
        _csv([",".join(REQUEST_HEADER), f"K-1,{SETU},SKTM,daring,2026-10-05 08:00,2026-10-06 08:00,selesai,3"]),
        before=(
            (
                "permohonan_ciater.csv",
                "permohonan",
                _csv(
                    [",".join(REQUEST_HEADER), f"K-1,{CIATER},SKTM,daring,2026-10-01 08:00,2026-10-02 08:00,selesai,3"]
                ),
            ),
        ),
        codes=frozenset({"id_kantor_lain"}),
    ),
    Case(
        "laporan_bulanan_kecamatan.xlsx",
        "observasi",
        _report_workbook,
        rows=2,
        pending="issue 13, item 2: report-shaped workbooks (title block, merged header, JUMLAH row) are not read yet",
    ),
]
