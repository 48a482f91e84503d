"""The register and the resolver: every known code form and spelling maps to one canonical code."""

import csv
from pathlib import Path

import pytest

from kpi.core.wilayah import load_register

SHARED = Path(__file__).resolve().parents[2] / "shared" / "facts"


@pytest.fixture(scope="module")
def reg():
    return load_register()


def test_counts(reg):
    assert len(reg.level("kota")) == 1
    assert len(reg.level("kecamatan")) == 7
    assert len(reg.level("kelurahan")) == 54
    assert {len(reg.children(k.kode)) for k in reg.level("kecamatan")} == {6, 7, 8, 9, 11}
    assert len(reg.children("36.74.03")) == 11


@pytest.mark.parametrize(
    "text, expected",
    [
        ("36.74.03.1005", "36.74.03.1005"),  # Kemendagri with dots
        ("3674031005", "36.74.03.1005"),  # without dots
        ("3674060007", "36.74.03.1005"),  # BPS code of Pondok Aren kelurahan
        ("id3674060008", "36.74.03.1010"),  # BPS with 'id' prefix
        ("ID3674060008", "36.74.03.1010"),
        ("3674060", "36.74.03"),  # BPS kecamatan code
        ("367403", "36.74.03"),
        ("36.74", "36.74"),
        ("Jurang Manggu Barat", "36.74.03.1010"),  # BPS spelling
        ("jurangmangu barat", "36.74.03.1010"),  # any case
        ("  Kel.   Perigi ", "36.74.03.1008"),  # prefix, extra spaces, BPS spelling
        ("Kelurahan Rawa Buntu", "36.74.01.1002"),
        ("RAWABUNTU", "36.74.01.1002"),
        ("Sawah Lama", "36.74.04.1004"),
        ("Kranggan", "36.74.07.1003"),
        ("Sarua Indah", "36.74.04.1005"),
        ("Kec. Setu", "36.74.07"),
        ("Kecamatan Serpong Utara", "36.74.02"),
        ("Kel. Setu", "36.74.07.1002"),
        ("Cirendeu", "36.74.05.1004"),
        ("Pondok Cabe Ilir", "36.74.06.1005"),
    ],
)
def test_resolve(reg, text, expected):
    res = reg.resolve(text)
    assert res.issue is None, res.issue
    assert res.kode == expected


def test_level_hint_settles_shared_names(reg):
    assert reg.resolve("Setu").issue.code == "wilayah_ambigu"
    assert "Kecamatan Setu" in reg.resolve("Setu").issue.message
    assert reg.resolve("Setu", "kelurahan").kode == "36.74.07.1002"
    assert reg.resolve("Setu", "kecamatan").kode == "36.74.07"


def test_unknown_lists_closest_names(reg):
    res = reg.resolve("Pondok Kacang Barrat")
    assert res.kode is None and res.issue.code == "wilayah_tidak_dikenal"
    assert "Pondok Kacang Barat" in res.issue.message


def test_unknown_code(reg):
    res = reg.resolve("36.74.3.1005")
    assert res.issue.code == "wilayah_tidak_dikenal"
    assert "36.74.03.1005" in res.issue.message


def test_wrong_level(reg):
    assert reg.resolve("36.74.03", "kelurahan").issue.code == "tingkat_wilayah_salah"


def test_ancestors_and_area(reg):
    assert reg.ancestor("36.74.07.1003", "kecamatan") == "36.74.07"
    assert reg.ancestor("36.74.07.1003", "kota") == "36.74"
    total = sum(u.luas_km2 for u in reg.level("kelurahan"))
    assert total == pytest.approx(164.87, abs=0.01)
    assert reg.get("36.74.03").luas_km2 == pytest.approx(30.11, abs=0.01)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present")
def test_register_matches_shared_facts(reg):
    rows = list(csv.DictReader((SHARED / "wilayah.csv").read_text(encoding="utf-8").splitlines()))
    assert {r["kode_kelurahan"]: r["kelurahan"] for r in rows} == {u.kode: u.nama for u in reg.level("kelurahan")}
    cross = list(csv.DictReader((SHARED / "wilayah_bps_crosswalk.csv").read_text(encoding="utf-8").splitlines()))
    for r in cross:
        assert reg.resolve(r["kode_bps"]).kode == r["kode_kemendagri"]
        assert reg.resolve(r["nama_bps_mfd2018"], r["level"]).kode == r["kode_kemendagri"]


@pytest.mark.parametrize(
    "text, phrase, first",
    [
        ("Pondok Arem", "Maksud Anda ", "Kecamatan Pondok Aren?"),  # closest first; a shared name carries its level
        ("Kel. Pondok Arem", "Maksud Anda ", "Kelurahan Pondok Aren?"),
        ("Kranggann", "Maksud Anda ", "Kranggan (= Keranggan)?"),  # an alias is shown with the official name
        ("36.74.3.1005", "Maksud Anda ", "36.74.03.1005 (Kelurahan Pondok Aren)?"),  # a code one typo away
        ("Kelurahan Atlantis", "Yang paling mirip: ", "Pamulang Timur."),  # no plausible typo: only the closest
    ],
)
def test_suggestions_are_ordered_by_closeness(reg, text, phrase, first):
    message = reg.resolve(text).issue.message
    assert message.split(phrase)[1].startswith(first), message


def test_missing_values_are_empty_not_text(reg):
    import pandas as pd

    assert reg.resolve(pd.NA).issue.code == "wilayah_kosong"
