"""Codes and names of places outside Kota Tangerang Selatan are named for what they are (data/wilayah_luar.csv), a
Tangsel code is suggested only for a plausible typo (one digit changed, added, left out or two swapped), and everyday
abbreviations of names ('Pd.' for Pondok) are understood; for the register, raw records and observation files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kpi.core.outside import Outside, Place
from kpi.core.spelling import normalise_name, one_edit
from kpi.core.wilayah import load_register
from kpi.inputs.records import load_records
from tests.input_fixtures import HEADER, assert_loaded, assert_message, assert_rejected, load_rows

TODAY = dt.date(2026, 11, 27)
OUTSIDE = "di luar Kota Tangerang Selatan"
PERMOHONAN = "id_permohonan,kode_wilayah,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja"


@pytest.fixture(scope="module")
def reg():
    return load_register()


# ---------------------------------------------------------------- codes


@pytest.mark.parametrize(
    "code, named",
    [
        # a kelurahan of Kota Tangerang whose ending is a Tangsel code's (36.74.01.1001 Ciater): named, not a typo
        ("36.71.01.1001", "kode Kelurahan Sukarasa (Kecamatan Tangerang, Kota Tangerang)"),
        ("3603221004", "kode Kelurahan Medang (Kecamatan Pagedangan, Kabupaten Tangerang)"),  # without dots
        ("36.03.22.2009", "kode Desa Cihuni (Kecamatan Pagedangan, Kabupaten Tangerang)"),
        ("36.71.06", "kode Kecamatan Ciledug (Kota Tangerang)"),
        ("36.73", "kode Kota Serang"),
        ("36.71.99.9999", "kode 36.71.… ada di Kota Tangerang"),  # no such kecamatan: the city by its four digits
        ("3671010001", "kode 36.71.… ada di Kota Tangerang"),  # BPS-shaped: its kecamatan part is BPS's, not named
        ("32.76.01.1001", "kode 32.76.… ada di Kota Depok (Provinsi Jawa Barat)"),
        ("33.74.03.1005", "kode 33.… ada di Provinsi Jawa Tengah"),  # another province, by its first two digits
        ("96.01.01.2001", "kode 96.… ada di Provinsi Papua Barat Daya"),
    ],
)
def test_a_code_of_another_place_is_named_and_gets_no_tangsel_suggestion(reg, code, named):
    issue = reg.resolve(code).issue
    assert issue.code == "wilayah_luar_kota", issue
    assert named in issue.message and OUTSIDE in issue.message, issue.message
    assert "Hapus barisnya atau perbaiki kodenya" in issue.message
    assert "Maksud Anda" not in issue.message and "mirip" not in issue.message


@pytest.mark.parametrize(
    "code, meant",
    [
        ("37.74.03.1005", "36.74.03.1005 (Kelurahan Pondok Aren)"),  # no province 37: one digit changed
        ("36.74.3.1005", "36.74.03.1005 (Kelurahan Pondok Aren)"),  # a zero left out
        ("36.74.03.0105", "36.74.03.1005 (Kelurahan Pondok Aren)"),  # two neighbours swapped
        ("367406007", "36.74.03.1005 (Kelurahan Pondok Aren)"),  # BPS 3674060007 with a zero left out
    ],
)
def test_a_tangsel_code_is_suggested_for_a_plausible_typo(reg, code, meant):
    issue = reg.resolve(code).issue
    assert issue.code == "wilayah_tidak_dikenal"
    assert f"Maksud Anda {meant}?" in issue.message, issue.message


@pytest.mark.parametrize("code", ["36.05.01.1001", "36.74.99.9999", "12345"])
def test_a_code_two_typos_away_gets_no_suggestion(reg, code):
    # 36.05… is in Banten but names no regency: unknown, not another place; 36.74.99.9999 differs from every
    # kelurahan code in at least two digits (…99.9999 vs …0k.100k); 12345 has no length of a code (2, 4, 6, 7 or
    # 10 digits), so its 12 is no province
    issue = reg.resolve(code).issue
    assert issue.code == "wilayah_tidak_dikenal"
    assert "Maksud Anda" not in issue.message and "mirip" not in issue.message, issue.message


@pytest.mark.parametrize(
    "typed, known, expected",
    [
        ("3674031005", "3674031005", True),
        ("3774031005", "3674031005", True),  # changed
        ("367431005", "3674031005", True),  # left out
        ("36740310055", "3674031005", True),  # added
        ("3674030105", "3674031005", True),  # neighbours swapped
        ("3671011001", "3674011001", True),  # one digit: plausible as a typo (the register names 36.71 first)
        ("3671031005", "3674031006", False),  # two changed
        ("3674301005", "3674031005", True),  # 03 → 30 is one swap
        ("3674310005", "3674031005", False),  # a swap and a change
        ("36740310", "3674031005", False),  # two left out
    ],
)
def test_one_edit(typed, known, expected):
    assert one_edit(typed, known) is expected
    assert one_edit(known, typed) is expected


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "name, named",
    [
        ("Kelapa Dua", "Kecamatan Kelapa Dua (Kabupaten Tangerang); Kelurahan Kelapa Dua (Kecamatan Kelapa Dua"),
        ("Sudimara Barat", "Kelurahan Sudimara Barat (Kecamatan Ciledug, Kota Tangerang)"),
        ("Desa Cihuni", "Desa Cihuni (Kecamatan Pagedangan, Kabupaten Tangerang)"),
        ("Kota Tangerang", "nama Kota Tangerang, di luar"),  # the prefix settles which Tangerang: only the city
        ("Kab. Tangerang", "nama Kabupaten Tangerang, di luar"),
        ("Tangerang", "Kabupaten Tangerang; Kota Tangerang; Kecamatan Tangerang (Kota Tangerang)"),
        ("Kampung Melayu Timur", "Desa Kmp Melayu Tim (Kecamatan Teluknaga"),  # the source's abbreviation
        ("Jakarta Selatan", "Kota Administrasi Jakarta Selatan"),
    ],
)
def test_a_name_of_another_place_is_named(reg, name, named):
    issue = reg.resolve(name).issue
    assert issue.code == "wilayah_luar_kota", issue
    assert f"'{name}' adalah nama " in issue.message and named in issue.message and OUTSIDE in issue.message


@pytest.mark.parametrize(
    "name, kode",
    [
        ("Pondok Pucung", "36.74.03.1002"),  # also a kelurahan of Kota Tangerang (36.71.12.1004): the register wins
        ("Babakan", "36.74.07.1005"),  # also 36.71.01.1008 and a kelurahan of Legok
        ("Pondok Jaya", "36.74.03.1004"),  # also a desa of Sepatan
        ("Paku Alam", "36.74.02.1002"),  # BPS spelling of Pakualam; also a desa of Pakuhaji
    ],
)
def test_a_name_shared_with_a_place_outside_is_the_tangsel_one(reg, name, kode):
    assert reg.resolve(name).kode == kode


@pytest.mark.parametrize(
    "name, kode",
    [
        ("Pd. Jaya", "36.74.03.1004"),
        ("Pdk. Kacang Barat", "36.74.03.1006"),
        ("PD JAYA", "36.74.03.1004"),
        ("Kel. Pd. Aren", "36.74.03.1005"),
        ("Kec. Pd. Aren", "36.74.03"),
        ("Pd. Kacang Tmr", "36.74.03.1007"),
        ("Jurangmangu Brt.", "36.74.03.1010"),
        ("Kec. Serpong Utr", "36.74.02"),
        ("Tangerang Sel.", "36.74"),
    ],
)
def test_everyday_abbreviations_of_names_are_understood(reg, name, kode):
    res = reg.resolve(name)
    assert res.issue is None, res.issue
    assert res.kode == kode


def test_an_abbreviated_name_still_needs_its_level_when_two_units_share_it(reg):
    # Pondok Aren is a kecamatan and a kelurahan: 'Pdk. Aren' reads as that name, and is as ambiguous as it
    issue = reg.resolve("Pdk. Aren").issue
    assert issue.code == "wilayah_ambigu" and "Kecamatan Pondok Aren, Kelurahan Pondok Aren" in issue.message


def test_normalise_name_spells_out_abbreviations_and_keeps_the_level():
    assert normalise_name("Kel. Pd. Jaya") == ("pondokjaya", "kelurahan")
    assert normalise_name("Kab. Tangerang") == ("tangerang", "kabupaten")
    assert normalise_name("Kota Administrasi Jakarta Selatan") == ("jakartaselatan", "kota")


# ---------------------------------------------------------------- the table of places


def test_banten_itself_is_never_another_place():
    # a tiny table: Banten (which holds Tangsel), Kota Tangerang and one of its kelurahan
    places = Outside(
        [
            Place("36", "provinsi", "Banten"),
            Place("36.71", "kota", "Kota Tangerang"),
            Place("36.71.01", "kecamatan", "Tangerang"),
        ]
    )
    assert places.code_issue("36.05.01.1001") is None  # Banten without a known regency: a typo, not outside
    assert places.code_issue("36.74.01.1001") is None  # Tangsel's own
    assert places.name_issue("Banten") is None
    assert "Kecamatan Tangerang (Kota Tangerang)" in places.code_issue("36.71.01").message
    assert "kode 36.71.… ada di Kota Tangerang" in places.code_issue("36.71.02.1001").message


def test_the_shipped_table_covers_both_tangerangs():
    # counts from the source (Kepmendagri 2025): Kota Tangerang 13 kecamatan, 104 kelurahan; Kabupaten Tangerang
    # 29 kecamatan, 28 kelurahan and 246 desa
    import pandas as pd

    from kpi import settings

    table = pd.read_csv(settings.DATA_DIR / "wilayah_luar.csv", dtype=str)
    counts = table.assign(kab=table.kode.str[:5]).groupby(["kab", "tingkat"]).size().to_dict()
    assert {k: v for k, v in counts.items() if k[0] in ("36.03", "36.71")} == {
        ("36.03", "kabupaten"): 1,
        ("36.03", "kecamatan"): 29,
        ("36.03", "kelurahan"): 28,
        ("36.03", "desa"): 246,
        ("36.71", "kota"): 1,
        ("36.71", "kecamatan"): 13,
        ("36.71", "kelurahan"): 104,
    }
    assert (table.tingkat == "provinsi").sum() == 38 and table.kode.is_unique


# ---------------------------------------------------------------- raw records and observation files


def test_raw_records_name_other_places_and_read_pd_as_pondok():
    rows = [
        "P-1,Pd. Jaya,KTP,daring,2026-10-01 08:15,2026-10-02 14:30,selesai,3",  # row 2: understood
        "P-2,36.71.01.1001,KTP,mpp,2026-10-01 09:00,2026-10-02 14:30,selesai,3",  # row 3: Kota Tangerang
        "P-3,Kelapa Dua,KTP,mpp,2026-10-01 10:00,2026-10-02 14:30,selesai,3",  # row 4: Kabupaten Tangerang
    ]
    result = load_records(("\n".join([PERMOHONAN, *rows]) + "\n").encode(), "permohonan", "mpp.csv", today=TODAY)
    assert [(i.code, i.row) for i in result.issues] == [("wilayah_luar_kota", 3), ("wilayah_luar_kota", 4)]
    assert "Kelurahan Sukarasa (Kecamatan Tangerang, Kota Tangerang)" in result.issues[0].message
    assert "36.74.01.1001" not in result.issues[0].message  # no Tangsel kelurahan with the same ending
    assert "Kabupaten Tangerang" in result.issues[1].message

    good = load_records(("\n".join([PERMOHONAN, rows[0]]) + "\n").encode(), "permohonan", "a.csv", today=TODAY)
    assert good.ok and good.frame["kode_wilayah"].tolist() == ["36.74.03.1004"]


def test_observation_files_name_other_places_and_read_pd_as_pondok(tmp_path):
    rows = ["2026-10,Pd. Jaya,layanan_daring,3,4,", "2026-10,36.71.06.1002,layanan_daring,1,2,"]
    [issue] = assert_rejected(load_rows(tmp_path, HEADER, rows), [("wilayah_luar_kota", 3, "kode_wilayah")])
    assert_message(issue, "'36.71.06.1002' adalah kode Kelurahan Sudimara Barat (Kecamatan Ciledug, Kota Tangerang)")
    result = load_rows(tmp_path, HEADER, rows[:1])
    assert_loaded(result, 1)
    assert result.frame["kode_wilayah"].tolist() == ["36.74.03.1004"]


@pytest.mark.parametrize(
    ("value", "level", "suggestion"),
    [
        ("Pd. Jya", "kelurahan", "36.74.03.1004"),  # one typo away from Pondok Jaya: suggested, to accept in one step
        ("Setuu", "kelurahan", "36.74.07.1002"),  # a kelurahan column: the kelurahan Setu
        ("Setuu", None, None),  # an office column: Setu is both a kecamatan and a kelurahan, so no one code
        ("Atlantis", "kelurahan", None),  # nothing close enough to be a typo
    ],
)
def test_a_plausible_typo_carries_the_one_code_it_meant(value, level, suggestion):
    _, problems = load_register().resolve_series(pd.Series([value]), level)
    assert problems[value].suggestion == suggestion
