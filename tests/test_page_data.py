"""The Data page through AppTest: the rows of the chosen wilayah, the reader's number format, the two downloads
(built by calling the callables the buttons register, as a click would) and the indicator dictionary."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi.core.catalogue import load_catalogue
from kpi.core.wilayah import load_register
from tests.apptest import assert_clean, open_page, open_with_downloads

PAGE = "pages/4_Data.py"
TWO = {"ind": "layanan_daring", "tingkat": "kecamatan", "kecamatan": "36.74.07,36.74.01"}  # Setu, Serpong
SAMPLE = "Data contoh (sintetis)"
DECIMAL = {"id": r"\d{1,3}(?:\.\d{3})*,\d", "en": r"\d{1,3}(?:,\d{3})*\.\d"}  # layanan_daring has 1 decimal
_runs: dict[tuple, tuple[AppTest, dict]] = {}


def run(direct: bool = False, **params: str) -> tuple[AppTest, dict]:
    """The Data page after a run with these URL parameters, and the download callables its buttons registered.
    The app starts on the home page and switches to Data, as a user does; `direct` opens a link to Data instead
    (the home page offers only the kecamatan level, and a page change keeps that choice over the URL's)."""
    key = (direct, *sorted(params.items()))
    if key not in _runs:
        _runs[key] = open_with_downloads(PAGE, direct=direct, **params)
    return _runs[key]


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def _kecamatan_names() -> set[str]:
    return {u.nama for u in load_register().level("kecamatan")}


@pytest.mark.parametrize(
    "params",
    [
        {},
        TWO,
        {**TWO, "lang": "en"},
        {**TWO, "data_lingkup": "semua"},
        {"direct": True, "tingkat": "kelurahan", "kecamatan": "36.74.07"},
    ],
    ids=str,
)
def test_runs_without_exception_or_error(params):
    at, _ = run(**params)
    assert_clean(at)


def test_default_shows_every_kecamatan_in_one_period():
    rows = table(run()[0])
    assert sorted(rows["Wilayah"]) == sorted(_kecamatan_names())
    assert rows["Periode"].nunique() == 1


def test_two_kecamatan_show_exactly_their_rows():
    rows = table(run(**TWO)[0])
    assert sorted(rows["Wilayah"]) == ["Serpong", "Setu"]
    ranks = [int(r.split()[0]) for r in rows["Peringkat"]]
    assert ranks == sorted(ranks) and {r.split()[-1] for r in rows["Peringkat"]} == {"7"}  # ranked among all 7
    assert set(rows["Periode"]) == {"Okt 2026"}
    assert set(rows["Indikator"]) == {"Layanan daring"}


@pytest.mark.parametrize(
    ("lang", "value", "period", "buttons"),
    [
        ("id", "Nilai", "Okt 2026", ["Unduh CSV", "Unduh Excel (XLSX)"]),
        ("en", "Value", "Oct 2026", ["Download CSV", "Download Excel (XLSX)"]),
    ],
)
def test_values_are_in_the_readers_format(lang, value, period, buttons):
    at, _ = run(**TWO, **({"lang": lang} if lang != "id" else {}))
    rows = table(at)
    assert all(re.fullmatch(DECIMAL[lang], v) for v in rows[value]), rows[value].tolist()
    assert set(rows.iloc[:, 2]) == {period}
    assert [b.label for b in at.get("download_button")] == buttons


def test_all_periods_lists_each_month_once_latest_first():
    rows = table(run(**TWO, data_lingkup="semua")[0])
    setu = rows[rows["Wilayah"] == "Setu"]
    assert set(rows["Wilayah"]) == {"Serpong", "Setu"}
    assert len(setu) == setu["Periode"].nunique() > 12
    assert setu["Periode"].iloc[0] == "Okt 2026"


def test_kelurahan_of_one_kecamatan_name_their_kecamatan():
    rows = table(run(direct=True, tingkat="kelurahan", kecamatan="36.74.07")[0])
    register = load_register()
    assert sorted(rows["Kode"]) == sorted(u.kode for u in register.children("36.74.07"))
    assert set(rows["Kecamatan"]) == {"Setu"}


def test_the_sample_is_named_beside_the_table():
    at, _ = run(**TWO)
    assert any(SAMPLE in c.value for c in at.main.caption if "Data sampai" not in c.value)


def test_csv_download_holds_the_rows_the_numbers_and_the_filters():
    at, downloads = run(**TWO)
    name = "kpi_tangsel_layanan_daring_kecamatan_serpong_setu_2026-10.csv"
    assert sorted(downloads) == [name, name.replace(".csv", ".xlsx")]
    back = pd.read_csv(io.BytesIO(downloads[name]()), sep=";", decimal=",", encoding="utf-8-sig")
    shown = table(at).set_index("Wilayah")["Nilai"].str.replace(",", ".").astype(float)
    assert back.set_index("Wilayah")["Nilai"].to_dict() == shown.to_dict()
    assert set(back["Keterangan: Kecamatan"]) == {"Serpong, Setu"}
    assert set(back["Keterangan: Sumber data"]) == {SAMPLE}


def test_xlsx_download_has_the_sheets_and_the_filters():
    _, downloads = run(**TWO, lang="en")
    book = openpyxl.load_workbook(
        io.BytesIO(downloads["kpi_tangsel_layanan_daring_kecamatan_serpong_setu_2026-10.xlsx"]())
    )
    assert book.sheetnames == ["Data", "Filters", "Definition"]
    filters = {row[0]: row[1] for row in book["Filters"].iter_rows(min_row=2, values_only=True)}
    assert (filters["Kecamatan"], filters["Period"], filters["Language"]) == ("Serpong, Setu", "Oct 2026", "English")
    assert filters["Data source"].startswith(SAMPLE)
    header = [c.value for c in book["Data"][1]]
    values = [row[header.index("Value")] for row in book["Data"].iter_rows(min_row=2, values_only=True)]
    assert len(values) == 2 and all(isinstance(v, float) for v in values)


def test_dictionary_lists_every_indicator_with_its_bands():
    at, _ = run(**TWO)
    dictionary = at.dataframe[-1].value
    assert dictionary["ID indikator"].tolist() == list(load_catalogue().ids)
    ikm = dictionary.set_index("ID indikator").loc["ikm"]
    assert "A (Sangat baik) ≥ 88,31" in ikm["Pita resmi"] and "÷" in ikm["Rumus"]


def test_no_data_shows_a_note_not_a_traceback(monkeypatch):
    from ui import data

    empty = data.table("kecamatan", "month").iloc[0:0]
    monkeypatch.setattr(data, "table", lambda level, grain: empty)
    at = open_page(PAGE, direct=True)
    assert [e.value for e in at.exception] == []
    assert len(at.info) == 1 and len(at.dataframe) == 0


@pytest.mark.parametrize(
    ("lang", "labels"), [("id", ["Periode terpilih", "Semua periode"]), ("en", ["Selected period", "All periods"])]
)
def test_period_scope_switch_is_labelled_in_the_language(lang, labels):
    at, _ = run(**TWO, **({"lang": lang} if lang != "id" else {}))
    switch = next(b for b in at.main.button_group if b.proto.label in ("Periode dalam tabel", "Periods in the table"))
    assert list(switch.options) == labels and switch.value == "periode"


def test_choosing_all_periods_widens_the_table_and_the_link():
    at = open_page(PAGE, **TWO)
    assert len(table(at)) == 2 and "data_lingkup" not in at.query_params
    at.main.button_group[0].set_value("semua").run()
    assert at.query_params["data_lingkup"] == "semua"
    assert len(table(at)) == len(table(run(**TWO, data_lingkup="semua")[0])) > 2
