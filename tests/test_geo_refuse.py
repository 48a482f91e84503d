"""What a boundary install refuses besides an incomplete file: features whose identifiers disagree, kelurahan that
overlap or leave gaps beyond the tolerance, and a damaged GeoPackage, each with an Indonesian message.

The fixtures are the 54 squares of 1 km x 1 km of tests/test_geo_install.py (a 9 x 6 grid in UTM 48S, one square
per kelurahan in code order, so square i sits in column i % 9 and row i // 9). The squares used here:

    row 2:  . 18 | 19 Pondok Jaya     | 20 .
    row 1:  9 .  | 10 Pakualam        | 11 Pakujaya
    row 0:  0 .  |  1 Rawabuntu       |  2 .

The official BIG file in ../shared/geo is read only by the tests marked `official`, which skip when it is absent
and write their altered copies only into tmp_path.
"""

from __future__ import annotations

import contextlib
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from kpi import geo
from kpi.geo import coverage
from tests.test_geo_install import OFFICIAL, codes, grid, official, square, write

PAKUALAM = 10  # the square of Pakualam; Pakujaya is square 11, east of it
TOLERANCE = "toleransi 1 ha"


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


# ---------------------------------------------------------------- item 9: overlaps and gaps


def bowtie() -> shapely.Polygon:
    """Pakualam's ring crossing itself: (0,0) → (2000,1000) → (2000,0) → (0,1000) from its south-west corner.

    make_valid keeps both triangles of the bow tie, which meet at (1000, 500): the west one in Pakualam's square
    (1000 x 1000 / 2 = 50 ha), the east one entirely inside Pakujaya's square (50 ha of overlap). Pakualam's square
    keeps two uncovered triangles, 1000 x 500 / 2 = 25 ha each: one against Rawabuntu's square below, one against
    Pondok Jaya's above, both against Pakujaya's west edge.
    """
    x, y = square(PAKUALAM).bounds[:2]
    return shapely.Polygon([(x, y), (x + 2000, y + 1000), (x + 2000, y), (x, y + 1000)])


def widened(metres: float) -> shapely.Polygon:
    """Pakualam's square moved east by `metres` on its east edge (into Pakujaya; a negative value leaves a strip)."""
    x0, y0, x1, y1 = square(PAKUALAM).bounds
    return shapely.box(x0, y0, x1 + metres, y1)


def holed() -> shapely.Polygon:
    """Pakualam's square with a 200 m x 200 m hole that no kelurahan fills: 4 ha."""
    x0, y0, _, _ = square(PAKUALAM).bounds
    return shapely.Polygon(square(PAKUALAM).exterior, [shapely.box(x0 + 400, y0 + 400, x0 + 600, y0 + 600).exterior])


@pytest.mark.parametrize(
    "geometry, refused, overlap_ha, gap_ha",
    [
        (widened(5), [], 0.5, 0.0),  # 5 m x 1000 m = 0.5 ha into Pakujaya: under the tolerance, a note
        (widened(15), ["tumpang_tindih"], 1.5, 0.0),  # 15 m x 1000 m = 1.5 ha: over it
        (widened(-5), [], 0.0, 0.5),  # a strip of 5 m x 1000 m between Pakualam and Pakujaya: 0.5 ha
        (widened(-15), ["celah_dalam_kota"], 0.0, 1.5),
        (holed(), ["celah_dalam_kota"], 0.0, 4.0),
        (bowtie(), ["tumpang_tindih", "celah_dalam_kota", "celah_dalam_kota"], 50.0, 25.0),
    ],
    ids=["overlap-0.5ha", "overlap-1.5ha", "gap-0.5ha", "gap-1.5ha", "hole-4ha", "bowtie"],
)
def test_overlaps_and_gaps_above_the_tolerance_are_refused(tmp_path, reg, geometry, refused, overlap_ha, gap_ha):
    assert coverage.TOLERANCE_HA == 1.0  # the cases are worked for 1 ha
    frame = kemendagri(reg)
    frame.loc[PAKUALAM, "geometry"] = geometry
    report = install(frame, tmp_path, reg)
    blocking = [c for c in codes(report) if c in ("tumpang_tindih", "celah_dalam_kota")]
    assert blocking == refused
    assert report.ok is not refused
    if report.ok:
        assert report.provenance["coverage"] == pytest.approx(
            {"tolerance_ha": 1.0, "max_overlap_ha": overlap_ha, "max_gap_ha": gap_ha}, abs=1e-4
        )
        (note,) = [i for i in report.issues if i.code == "cakupan_tidak_rapat"]
        assert "di bawah toleransi 1 ha" in note.message
    else:
        assert codes(report)[-1] == "berkas_ditolak" and not (tmp_path / "store").exists()


def test_an_overlap_names_the_pair_the_area_and_the_repair(tmp_path, reg):
    frame = kemendagri(reg)
    frame.loc[PAKUALAM, "geometry"] = bowtie()
    report = install(frame, tmp_path, reg)
    assert codes(report) == [
        "geometri_diperbaiki",
        "tumpang_tindih",
        "celah_dalam_kota",
        "celah_dalam_kota",
        "berkas_ditolak",
    ]
    overlap, low, high = report.issues[1:4]
    assert overlap.message == (
        "Kelurahan Pakualam (36.74.02.1002) dan Kelurahan Pakujaya (36.74.02.1003) tumpang tindih seluas 50,00 ha, "
        f"di atas {TOLERANCE} per pasangan kelurahan. Setiap tempat harus masuk tepat satu kelurahan. Geometri "
        "Pakualam tidak sah (batasnya berpotongan sendiri) dan perbaikan otomatisnya (make_valid) memasukkan "
        "bagian itu ke kelurahan lain: perbaiki poligon aslinya. Perbaiki batas kedua kelurahan di aplikasi GIS "
        "(mis. QGIS) lalu pasang ulang."
    )
    assert overlap.value == "Pakualam, Pakujaya"
    assert low.message.startswith(
        "Ada celah seluas 25,00 ha di dalam kota yang tidak masuk kelurahan mana pun, di antara Kelurahan "
        "Rawabuntu (36.74.01.1002), Pakualam (36.74.02.1002) dan Pakujaya (36.74.02.1003) (titik di dalamnya: "
    )
    assert high.message.startswith(
        "Ada celah seluas 25,00 ha di dalam kota yang tidak masuk kelurahan mana pun, di antara Kelurahan "
        "Pakualam (36.74.02.1002), Pakujaya (36.74.02.1003) dan Pondok Jaya (36.74.03.1004) (titik di dalamnya: "
    )
    assert high.message.endswith(
        f"), di atas {TOLERANCE} per celah. Setiap tempat di dalam kota harus masuk tepat satu kelurahan: perbaiki "
        "batas kelurahan di sekitarnya hingga menutup celah itu, lalu pasang ulang."
    )


def test_a_hole_inside_one_kelurahan_names_only_that_kelurahan(tmp_path, reg):
    frame = kemendagri(reg)
    frame.loc[PAKUALAM, "geometry"] = holed()
    (gap,) = [i for i in install(frame, tmp_path, reg).issues if i.code == "celah_dalam_kota"]
    assert "seluas 4,00 ha" in gap.message and "di dalam Kelurahan Pakualam (36.74.02.1002) (titik" in gap.message


def test_a_clean_coverage_has_no_note_and_zero_overlap_and_gap(tmp_path, reg):
    report = install(kemendagri(reg), tmp_path, reg)
    assert report.ok and codes(report) == []
    assert report.provenance["coverage"] == {"tolerance_ha": 1.0, "max_overlap_ha": 0.0, "max_gap_ha": 0.0}


def test_the_commands_say_the_largest_overlap_and_gap(tmp_path, reg, capsys):
    frame = kemendagri(reg)
    frame.loc[PAKUALAM, "geometry"] = widened(5)
    path, store = write(frame, tmp_path / "batas.gpkg"), str(tmp_path / "store")
    line = "  Cakupan       : tumpang tindih terbesar 0,50 ha, celah terbesar 0,00 ha (toleransi 1 ha per pasangan "
    assert geo.main(["install", str(path), "--store", store]) == 0
    out = capsys.readouterr().out
    assert line + "kelurahan dan per celah)\n" in out
    assert "tumpang tindih terbesar 0,50 ha (Pakualam–Pakujaya), celah terbesar 0,00 ha" in out  # the note
    assert geo.main(["status", "--store", store]) == 0
    assert line in capsys.readouterr().out


def test_the_readme_states_the_tolerance_in_both_languages():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Batas wilayah resmi") : readme.index("## Bagaimana angka dihitung")]
    assert section.count(f"**{coverage.TOLERANCE_HA:g} ha**") == 2  # declared once in kpi/geo/coverage.py


@official
def test_official_file_is_a_clean_coverage(tmp_path, reg):
    report = geo.install(OFFICIAL, tmp_path / "store", reg)
    assert report.ok, report.issues
    assert report.provenance["coverage"] == {"tolerance_ha": 1.0, "max_overlap_ha": 0.0, "max_gap_ha": 0.0}


# ---------------------------------------------------------------- item 9: a damaged GeoPackage

GPKG_FIX = (
    "Unduh atau ekspor ulang berkas itu dari sumbernya (di QGIS: klik kanan lapisan → Export → Save Features As… → "
    "GeoPackage), lalu pasang ulang."
)
NOT_SQLITE = "rusak atau bukan GeoPackage: isinya tidak diawali tanda basis data SQLite yang dimiliki setiap GeoPackage"


def plain_sqlite(path) -> None:
    """A SQLite database with one ordinary table and none of the GeoPackage tables."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE batas (kode TEXT)")
        db.commit()


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"ini bukan basis data\n" * 50, NOT_SQLITE),
        (b"", NOT_SQLITE),
        (
            plain_sqlite,
            "rusak atau bukan GeoPackage: basis data SQLite di dalamnya tidak dapat dibuka sebagai GeoPackage "
            "(tabel GeoPackage-nya tidak ada atau rusak)",
        ),
    ],
    ids=["garbage", "empty", "sqlite-without-geopackage-tables"],
)
def test_a_broken_geopackage_is_said_in_indonesian(tmp_path, reg, content, reason):
    path = tmp_path / "batas.gpkg"
    content(path) if callable(content) else path.write_bytes(content)
    report = geo.install(path, tmp_path / "store", reg)
    assert codes(report) == ["berkas_tidak_terbaca", "berkas_ditolak"]
    assert report.issues[0].message == f"Berkas 'batas.gpkg' {reason}. {GPKG_FIX}"  # no GDAL text: that is logged


def test_gdal_warnings_go_to_the_log_not_the_terminal(tmp_path, reg, capsys, caplog):
    plain_sqlite(tmp_path / "batas.gpkg")  # GDAL warns "GPKG: bad application_id" before it fails
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        assert geo.main(["install", str(tmp_path / "batas.gpkg"), "--store", str(tmp_path / "store")]) == 1
    assert [str(w.message) for w in shown] == []
    err = capsys.readouterr().err
    assert "GPKG" not in err and "Warning" not in err and "rusak atau bukan GeoPackage" in err
    assert any("bad application_id" in r.getMessage() for r in caplog.records if r.name == "kpi.geo.read")


def test_a_truncated_geopackage_says_how_much_is_missing(tmp_path, reg):
    whole = write(kemendagri(reg), tmp_path / "utuh.gpkg").read_bytes()
    page, pages = int.from_bytes(whole[16:18], "big"), int.from_bytes(whole[28:32], "big")
    assert page * pages == len(whole)  # the SQLite header gives the database's size: page size x number of pages
    path = tmp_path / "batas.gpkg"
    path.write_bytes(whole[: len(whole) // 2])  # e.g. 110,592 bytes cut to 55,296
    report = geo.install(path, tmp_path / "store", reg)
    assert codes(report) == ["berkas_tidak_terbaca", "berkas_ditolak"]
    size, expected = f"{len(whole) // 2:,}".replace(",", "."), f"{len(whole):,}".replace(",", ".")
    assert report.issues[0].message == (
        f"Berkas 'batas.gpkg' rusak: berkasnya terpotong ({size} byte, padahal menurut kepala basis datanya "
        f"{expected} byte), mis. karena unduhan terputus atau salinan yang tidak utuh. {GPKG_FIX}"
    )


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "batas.geojson",
            b"{ bukan json",
            "Berkas 'batas.geojson' tidak dapat dibaca sebagai GeoJSON: berkasnya rusak atau isinya bukan GeoJSON.",
        ),
        (
            "batas.zip",
            b"PK\x03\x04 terpotong",
            "Berkas 'batas.zip' tidak dapat dibaca sebagai Shapefile (zip): berkasnya rusak atau isinya bukan "
            "Shapefile (zip).",
        ),
        (
            "batas.fgb",
            b"fgb\x03 terpotong",
            "Berkas 'batas.fgb' tidak dapat dibaca sebagai FlatGeobuf: berkasnya rusak atau isinya bukan FlatGeobuf.",
        ),
    ],
)
def test_other_unreadable_formats_have_no_raw_exception_text(tmp_path, reg, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    report = geo.install(path, tmp_path / "store", reg)
    assert codes(report) == ["berkas_tidak_terbaca", "berkas_ditolak"]
    assert report.issues[0].message.startswith(message)
    assert "Pastikan berkas tidak rusak dan isinya sesuai akhiran namanya" in report.issues[0].message
