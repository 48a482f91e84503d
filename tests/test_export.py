"""kpi/report/export.py on hand-made rows of the tiny fixtures (Alfa: Satu, Dua; Beta: Tiga)."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest
from babel.numbers import format_decimal

from kpi.report import export

NAN = float("nan")
# indikator, tingkat, kode, nama, periode, pembilang, penyebut, nilai, target, capaian, status, perubahan, rank, of, laporan, expected
ROWS = [
    ("daring", "kecamatan", "36.74.01", "Alfa", "2026-10", 49, 80, 61.25, 60, 102.08333, "tercapai", 2.5, 1, 2, 2, 2),
    (
        "daring",
        "kecamatan",
        "36.74.02",
        "Beta",
        "2026-10",
        30,
        60,
        50.0,
        60,
        83.33333,
        "belum_tercapai",
        -1.25,
        2,
        2,
        1,
        1,
    ),
    (
        "aduan",
        "kecamatan",
        "36.74.01",
        "Alfa",
        "2026-10",
        12345,
        100000,
        1234.5,
        2,
        -61622.5,
        "belum_tercapai",
        NAN,
        None,
        1,
        2,
        2,
    ),
    ("ikm", "kecamatan", "36.74.02", "Beta", "2026-S1", 4415.25, 50, 88.305, 85, 103.888, "A", NAN, 1, 1, 1, 1),
]
GENERATED = dt.datetime(2026, 11, 3, 9, 5, tzinfo=export.WIB)
DATA_DATE = dt.date(2026, 10, 31)


def rows() -> pd.DataFrame:
    """Four rows with the columns of kpi.metrics.analysis.indicator_table that the exports read."""
    frame = pd.DataFrame(
        ROWS,
        columns=[
            "indikator",
            "tingkat",
            "kode_wilayah",
            "nama_wilayah",
            "periode",
            "pembilang",
            "penyebut",
            "nilai",
            "target",
            "capaian",
            "status",
            "perubahan",
            "peringkat",
            "peringkat_dari",
            "laporan",
            "laporan_diharapkan",
        ],
    )
    return frame.assign(peringkat=frame["peringkat"].astype("Int64"))


def selection(level="kecamatan", kecamatan=("36.74.01", "36.74.02"), kelurahan=(), period="2026-10", category="semua"):
    """What ui.filters.Filters holds (kpi/ must not import ui/)."""
    return SimpleNamespace(
        indicator=None,
        grain="month",
        period=period,
        level=level,
        kecamatan=kecamatan,
        kelurahan=kelurahan,
        category=category,
    )


def meta(catalogue, register, lang="id", is_sample=True, **kw):
    f = selection(**kw)
    f.indicator = catalogue.get("daring")
    return export.filters_meta(f, catalogue, register, lang, is_sample, DATA_DATE, generated=GENERATED)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_display_numbers_use_babels_separators(tiny_catalogue, lang):
    table = export.display_table(rows(), tiny_catalogue, lang)
    assert table.iloc[:, 4].tolist()[2] == format_decimal(1234.5, format="#,##0.0", locale=lang)
    assert table.iloc[:, 11].tolist()[3] == format_decimal(4415.25, format="#,##0.00", locale=lang)


def test_display_table_headers_in_each_language(tiny_catalogue):
    assert list(export.display_table(rows(), tiny_catalogue, "id").columns) == [
        "Wilayah",
        "Kode",
        "Periode",
        "Indikator",
        "Nilai",
        "Satuan",
        "Target",
        "Capaian (%)",
        "Status",
        "Perubahan",
        "Peringkat",
        "Pembilang",
        "Penyebut",
        "Laporan diterima/diharapkan",
    ]
    assert list(export.display_table(rows(), tiny_catalogue, "en").columns) == [
        "Area",
        "Code",
        "Period",
        "Indicator",
        "Value",
        "Unit",
        "Target",
        "Achievement (%)",
        "Status",
        "Change",
        "Rank",
        "Numerator",
        "Denominator",
        "Reports received/expected",
    ]


def test_display_table_formats_in_bahasa_indonesia(tiny_catalogue):
    table = export.display_table(rows(), tiny_catalogue, "id")
    assert table["Nilai"].tolist() == ["61,3", "50,0", "1.234,5", "88,31"]
    assert table["Periode"].tolist() == ["Okt 2026", "Okt 2026", "Okt 2026", "Semester I 2026"]
    assert table["Status"].tolist() == ["Tercapai", "Belum tercapai", "Belum tercapai", "A (Sangat baik)"]
    assert table["Perubahan"].tolist() == ["+2,5", "-1,3", "—", "—"]
    assert table["Peringkat"].tolist() == ["1 dari 2", "2 dari 2", "—", "1 dari 1"]
    assert table["Pembilang"].tolist() == ["49", "30", "12.345", "4.415,25"]
    assert table["Penyebut"].tolist() == ["80", "60", "100.000", "50"]
    assert table["Laporan diterima/diharapkan"].tolist() == ["2/2", "1/1", "2/2", "1/1"]
    assert table["Satuan"].tolist() == ["%", "%", "per 10.000", "poin"]


def test_display_table_formats_in_english(tiny_catalogue):
    table = export.display_table(rows(), tiny_catalogue, "en")
    assert table["Value"].tolist() == ["61.3", "50.0", "1,234.5", "88.31"]
    assert table["Period"].tolist() == ["Oct 2026", "Oct 2026", "Oct 2026", "H1 2026"]
    assert table["Status"].tolist()[-1] == "A (Very good)"


def test_display_table_does_not_change_its_input(tiny_catalogue):
    before = rows()
    given = before.copy()
    export.display_table(given, tiny_catalogue, "id")
    pd.testing.assert_frame_equal(given, before)


def test_filters_meta_lists_every_filter(tiny_catalogue, tiny_register):
    assert meta(tiny_catalogue, tiny_register) == [
        ("Indikator", "daring (daring)"),
        ("Kategori", "Semua"),
        ("Jenis periode", "Bulan"),
        ("Periode", "Okt 2026"),
        ("Tingkat wilayah", "Kecamatan"),
        ("Kecamatan", "Alfa, Beta"),
        ("Kelurahan", "—"),
        ("Bahasa", "Bahasa Indonesia"),
        ("Data sampai", "31 Okt 2026"),
        ("Dibuat", "3 Nov 2026 09:05 WIB"),
        ("Sumber data", "Data contoh (sintetis)"),
    ]


@pytest.mark.parametrize(
    ("kw", "label", "value"),
    [
        ({"level": "kelurahan", "kecamatan": ("36.74.01",), "kelurahan": ("36.74.01.1002",)}, "Kelurahan", "Dua"),
        ({"level": "kelurahan", "kecamatan": ("36.74.01",)}, "Kelurahan", "Semua"),
        ({"kecamatan": ()}, "Kecamatan", "Semua"),
        ({"level": "kota", "kecamatan": ()}, "Kecamatan", "—"),
        ({"category": "pelayanan_publik"}, "Kategori", "Pelayanan publik"),
        ({"is_sample": False}, "Sumber data", "Data observasi yang dimuat"),
    ],
)
def test_filters_meta_values(tiny_catalogue, tiny_register, kw, label, value):
    assert dict(meta(tiny_catalogue, tiny_register, **kw))[label] == value


def test_filters_meta_all_periods_and_english(tiny_catalogue, tiny_register):
    f = selection()
    f.indicator = tiny_catalogue.get("daring")
    en = dict(
        export.filters_meta(
            f, tiny_catalogue, tiny_register, "en", True, DATA_DATE, all_periods=True, generated=GENERATED
        )
    )
    assert (en["Period"], en["Data up to"], en["Language"]) == ("All periods", "31 Oct 2026", "English")
    assert en["Data source"].startswith("Data contoh (sintetis)")


def test_csv_reads_back_as_the_raw_numbers_in_bahasa_indonesia(tiny_catalogue, tiny_register):
    data = export.to_csv_bytes(rows(), meta(tiny_catalogue, tiny_register), tiny_catalogue, "id")
    assert data.startswith(b"\xef\xbb\xbfWilayah;")
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"Kode": str})
    assert back["Nilai"].tolist() == [61.3, 50.0, 1234.5, 88.31]  # rounded to each indicator's decimals
    assert back["Capaian (%)"].tolist() == [102.1, 83.3, -61622.5, 103.9]
    assert back["Pembilang"].tolist() == [49, 30, 12345, 4415.25]
    assert back["Kode"].tolist() == ["36.74.01", "36.74.02", "36.74.01", "36.74.02"]
    assert back["Kode periode"].tolist() == ["2026-10", "2026-10", "2026-10", "2026-S1"]
    assert back["Periode"].tolist()[0] == "Okt 2026"
    assert set(back["Keterangan: Kecamatan"]) == {"Alfa, Beta"}
    assert set(back["Keterangan: Sumber data"]) == {"Data contoh (sintetis)"}
    assert "1.234,5" not in data.decode("utf-8") and "1234,5" in data.decode("utf-8")


def test_csv_in_english_uses_comma_and_point(tiny_catalogue, tiny_register):
    data = export.to_csv_bytes(rows(), meta(tiny_catalogue, tiny_register, "en"), tiny_catalogue, "en")
    assert data.startswith(b"\xef\xbb\xbfArea,")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["Value"].tolist() == [61.3, 50.0, 1234.5, 88.31]
    assert set(back["Info: Kecamatan"]) == {"Alfa, Beta"}


def _book(catalogue, register, is_sample=True, lang="id"):
    data = export.to_xlsx_bytes(rows(), meta(catalogue, register, lang, is_sample), catalogue, lang)
    return openpyxl.load_workbook(io.BytesIO(data))


def _pairs(sheet) -> dict:
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_xlsx_has_data_filter_and_definition_sheets(tiny_catalogue, tiny_register):
    assert _book(tiny_catalogue, tiny_register).sheetnames == ["Data", "Filter", "Definisi"]
    assert _book(tiny_catalogue, tiny_register, lang="en").sheetnames == ["Data", "Filters", "Definition"]


def test_xlsx_data_sheet_holds_real_numbers_with_the_indicators_decimals(tiny_catalogue, tiny_register):
    sheet = _book(tiny_catalogue, tiny_register)["Data"]
    header = [c.value for c in sheet[1]]
    value, rank = header.index("Nilai") + 1, header.index("Peringkat") + 1
    cells = [sheet.cell(r, value) for r in range(2, 6)]
    assert [c.value for c in cells] == [61.3, 50.0, 1234.5, 88.31]
    assert [c.number_format for c in cells] == ["#,##0.0", "#,##0.0", "#,##0.0", "#,##0.00"]
    assert sheet.cell(2, rank).value == 1 and sheet.cell(4, rank).value is None  # missing stays empty
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 8 and sheet.auto_filter.ref == "A1:R5"


def test_xlsx_filter_sheet_lists_the_filters_and_the_sample(tiny_catalogue, tiny_register):
    sample = _pairs(_book(tiny_catalogue, tiny_register)["Filter"])
    assert sample["Kecamatan"] == "Alfa, Beta" and sample["Periode"] == "Okt 2026"
    assert sample["Sumber data"] == "Data contoh (sintetis)" and sample["Dibuat"] == "3 Nov 2026 09:05 WIB"
    assert len(sample) == 11
    real = _pairs(_book(tiny_catalogue, tiny_register, is_sample=False)["Filter"])
    assert "Data contoh (sintetis)" not in real.values()


def test_xlsx_definition_sheet_describes_each_indicator_in_the_rows(tiny_catalogue, tiny_register):
    sheet = _book(tiny_catalogue, tiny_register)["Definisi"]
    ids = [value for label, value in sheet.iter_rows(min_row=2, values_only=True) if label == "ID indikator"]
    assert ids == ["daring", "aduan", "ikm"]


def _dictionary_row(catalogue, indicator_id, lang="id") -> dict:
    table = export.dictionary(catalogue, catalogue.band_sets, lang)
    return table[table.iloc[:, 0] == indicator_id].iloc[0].to_dict()


def test_dictionary_has_one_row_per_indicator(tiny_catalogue):
    assert export.dictionary(tiny_catalogue, tiny_catalogue.band_sets, "id").iloc[:, 0].tolist() == list(
        tiny_catalogue.ids
    )


def test_dictionary_ikm_shows_band_edges_and_formula(tiny_catalogue):
    ikm = _dictionary_row(tiny_catalogue, "ikm")
    assert ikm["Pita resmi"] == (
        "Mutu pelayanan (PermenPANRB 14/2017): A (Sangat baik) ≥ 88,31 · B (Baik) ≥ 76,61 · "
        "C (Kurang baik) ≥ 65,00 · D (Tidak baik) ≥ 25,00"
    )
    assert ikm["Rumus"] == "pembilang ÷ penyebut — pembilang: n; penyebut: d"
    assert ikm["Target per tahun"] == "2026: 85" and ikm["Rentang sah"] == "25–100"
    assert ikm["Agregasi antarwilayah"].startswith("jawaban semua responden unit di bawahnya digabung per unsur")
    assert ikm["Agregasi antarperiode"].startswith("jawaban semua laporan dalam periode digabung per unsur")
    english = _dictionary_row(tiny_catalogue, "ikm", "en")
    assert "pooled per element" in english["Across areas"] and "pooled per element" in english["Over time"]
    assert (
        _dictionary_row(tiny_catalogue, "ikm", "en")["Official bands"]
        .split(": ", 1)[1]
        .startswith("A (Very good) ≥ 88.31 ·")
    )


@pytest.mark.parametrize(
    ("indicator_id", "field", "text"),
    [
        ("daring", "Rumus", "pembilang ÷ penyebut × 100 — pembilang: n; penyebut: d"),
        ("aduan", "Rumus", "pembilang ÷ penyebut × 10.000 — pembilang: n; penyebut: d"),
        ("aduan", "Agregasi antarperiode", "pembilang: rata-rata per bulan; penyebut: nilai bulan terakhir (stok)"),
        ("aduan", "Arah", "Makin rendah makin baik"),
        ("kepatuhan", "Rumus", "nilai hasil penilaian (tanpa pembilang dan penyebut)"),
        ("kepatuhan", "Agregasi antarwilayah", "rata-rata nilai wilayah di bawahnya"),
        (
            "kepatuhan",
            "Pita resmi",
            "Zona kepatuhan Ombudsman: Hijau (kepatuhan tinggi) ≥ 81,00 · "
            "Kuning (kepatuhan sedang) ≥ 51,00 · Merah (kepatuhan rendah) ≥ 0,00",
        ),
        ("kepatuhan", "Frekuensi", "Tahunan"),
        ("daring", "Pita resmi", "—"),
        ("anggaran", "Target per tahun", "2026: 95 (target akhir tahun; target bulanan mengikuti profil kumulatif)"),
        ("daring", "Agregasi antarwilayah", "pembilang dan penyebut dijumlahkan, lalu dibagi (bukan rata-rata rasio)"),
    ],
)
def test_dictionary_fields(tiny_catalogue, indicator_id, field, text):
    assert _dictionary_row(tiny_catalogue, indicator_id)[field] == text


def _table(register) -> pd.DataFrame:
    """A kelurahan table of one indicator in two months, ranks as given."""
    units = list(register.level("kelurahan"))
    return pd.DataFrame(
        [
            {
                "indikator": i,
                "tingkat": "kelurahan",
                "kode_wilayah": u.kode,
                "nama_wilayah": u.nama,
                "periode": p,
                "peringkat": r,
            }
            for i in ("daring", "aduan")
            for p in ("2026-09", "2026-10")
            for u, r in zip(units, (3, 1, 2), strict=True)
        ]
    ).astype({"peringkat": "Int64"})


@pytest.mark.parametrize(
    ("period", "kecamatan", "kelurahan", "expected"),
    [
        ("2026-10", (), (), [("2026-10", "Dua"), ("2026-10", "Tiga"), ("2026-10", "Satu")]),
        ("2026-10", ("36.74.01",), (), [("2026-10", "Dua"), ("2026-10", "Satu")]),
        ("2026-10", ("36.74.01",), ("36.74.01.1001",), [("2026-10", "Satu")]),
        (None, ("36.74.02",), (), [("2026-10", "Tiga"), ("2026-09", "Tiga")]),
    ],
)
def test_select_rows(tiny_register, period, kecamatan, kelurahan, expected):
    got = export.select_rows(_table(tiny_register), "daring", period, tiny_register, kecamatan, kelurahan)
    assert list(zip(got["periode"], got["nama_wilayah"], strict=True)) == expected


def test_select_rows_names_the_kecamatan_of_each_kelurahan(tiny_register):
    got = export.select_rows(_table(tiny_register), "daring", "2026-10", tiny_register)
    assert dict(zip(got["nama_wilayah"], got["nama_kecamatan"], strict=True)) == {
        "Satu": "Alfa",
        "Dua": "Alfa",
        "Tiga": "Beta",
    }


@pytest.mark.parametrize(
    ("kw", "period", "name"),
    [
        ({"kecamatan": ()}, None, "kpi_tangsel_daring_kecamatan_2026-10.csv"),
        ({"kecamatan": ("36.74.02",)}, None, "kpi_tangsel_daring_kecamatan_beta_2026-10.csv"),
        (
            {"level": "kelurahan", "kecamatan": ("36.74.01",), "kelurahan": ("36.74.01.1002",)},
            None,
            "kpi_tangsel_daring_kelurahan_dua_2026-10.csv",
        ),
        ({"kecamatan": ()}, "all", "kpi_tangsel_daring_kecamatan_2026-09_2026-10.csv"),
    ],
)
def test_file_name(tiny_catalogue, tiny_register, kw, period, name):
    f = selection(**kw)
    f.indicator = tiny_catalogue.get("daring")
    table = _table(tiny_register)
    shown = table if period == "all" else table[table["periode"] == "2026-10"]
    assert export.file_name(f, tiny_register, shown[shown["indikator"] == "daring"], "csv") == name
