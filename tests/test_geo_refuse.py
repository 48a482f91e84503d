"""What a boundary install refuses besides an incomplete file: features whose identifiers disagree (a code that
is no kelurahan of the city beside a field that names one, or fields that name two kelurahan), with an Indonesian
message that names the feature, the fields and the values.

The fixtures are the 54 squares of 1 km x 1 km of tests/test_geo_install.py, one per kelurahan in code order. The
official BIG file in ../shared/geo is read only by the tests marked `official`, which skip when it is absent and
write their altered copies only into tmp_path.
"""

from __future__ import annotations

import geopandas as gpd
import pytest

from kpi import geo
from tests.test_geo_install import OFFICIAL, codes, grid, official, write


@pytest.fixture(autouse=True)
def private_store(geo_store):
    """No test may read or write the repository's own store (see conftest.geo_store)."""


def kemendagri(reg) -> gpd.GeoDataFrame:
    """The grid with Kemendagri codes in KDEPUM and names in NAMOBJ, like BIG's file."""
    return grid(reg, "kemendagri").rename(columns={"WADMKD": "NAMOBJ"})


def install(frame: gpd.GeoDataFrame, tmp_path, reg, name: str = "batas.gpkg") -> geo.InstallReport:
    return geo.install(write(frame, tmp_path / name), tmp_path / "store", reg)


# ---------------------------------------------------------------- item 8: identifiers that disagree


def test_an_unknown_code_is_not_matched_through_the_name(tmp_path, reg):
    frame = kemendagri(reg)
    frame.loc[0, "KDEPUM"] = "36.74.09.1001"  # Ciater's square: a kecamatan 09 that Tangsel does not have
    report = install(frame, tmp_path, reg)
    assert not report.ok and codes(report) == ["identitas_bertentangan", "berkas_ditolak"]
    assert report.issues[0].message.startswith(
        "Fitur ke-1 'Ciater': kolom KDEPUM berisi '36.74.09.1001', yang bukan kode kelurahan di Kota Tangerang "
        "Selatan, padahal kolom NAMOBJ 'Ciater' menunjuk Kelurahan Ciater (36.74.01.1001)."
    )
    assert not (tmp_path / "store").exists()


def test_a_code_and_a_name_of_two_kelurahan_are_refused(tmp_path, reg):
    frame = kemendagri(reg)
    serua = frame.index[frame["KDEPUM"] == "36.74.04.1002"][0]  # feature 29
    frame.loc[serua, "NAMOBJ"] = "Setu"  # the code still says Serua
    frame.loc[0, "KDEPUM"] = "36.74.09.1001"  # and a second conflict: both are reported, in feature order
    report = install(frame, tmp_path, reg)
    assert codes(report) == ["identitas_bertentangan", "identitas_bertentangan", "berkas_ditolak"]
    assert [(i.row, i.column, i.value) for i in report.issues[:2]] == [
        (1, "KDEPUM", "36.74.09.1001"),
        (29, "NAMOBJ", "Setu"),
    ]
    assert report.issues[1].message.startswith(
        "Fitur ke-29 'Setu': kolom KDEPUM '36.74.04.1002' menunjuk Kelurahan Serua (36.74.04.1002), tetapi kolom "
        "NAMOBJ 'Setu' menunjuk Kelurahan Setu (36.74.07.1002)."
    )
    assert report.issues[-1].message.startswith("Berkas 'batas.gpkg' ditolak (2 masalah).")


def test_a_name_the_register_does_not_know_beside_a_known_code_installs(tmp_path, reg):
    frame = kemendagri(reg)
    frame.loc[0, "NAMOBJ"] = "Ciater Raya"  # names are labels: an unknown spelling does not contradict the code
    report = install(frame, tmp_path, reg)
    assert report.ok, report.issues
    assert report.provenance["matches"][0] == {
        "feature": 1,
        "label": "Ciater Raya",
        "field": "KDEPUM",
        "value": "36.74.01.1001",
        "kode": "36.74.01.1001",
        "nama": "Ciater",
    }


@official
def test_official_file_with_an_unknown_code_is_refused(tmp_path, reg):
    frame = gpd.read_file(OFFICIAL)
    frame.loc[0, "KDEPUM"] = "36.74.09.1001"  # the example of issue 12, item 8: Ciater with a foreign code
    frame.to_file(tmp_path / "batas.geojson")
    report = geo.install(tmp_path / "batas.geojson", tmp_path / "store", reg)
    assert codes(report) == ["identitas_bertentangan", "berkas_ditolak"]
    assert (report.issues[0].row, report.issues[0].column, report.issues[0].value) == (1, "KDEPUM", "36.74.09.1001")
    assert "kolom WADMKD 'Ciater' menunjuk Kelurahan Ciater (36.74.01.1001)" in report.issues[0].message
