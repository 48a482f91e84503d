"""Tests for kpi.geo without installing: fallback cells, GeoJSON export, field detection and matching."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from kpi import geo, settings
from kpi.geo.fallback import build_fallback

UTM = "EPSG:32748"


@pytest.fixture(autouse=True)
def private_store(geo_store):
    """No test may read or write the repository's own store (see conftest.geo_store)."""


@pytest.fixture(scope="module")
def fallback(reg):
    return geo.fallback_boundaries(reg)


def exteriors_ccw(frame: gpd.GeoDataFrame) -> list[bool]:
    return [shapely.is_ccw(p.exterior) for g in frame.geometry for p in shapely.get_parts(g)]


# ---------------------------------------------------------------- store location


def test_store_dir_follows_the_environment(tmp_path):
    assert geo.store_dir() == tmp_path / "env-store" / "boundaries"
    assert settings.boundaries_dir() == tmp_path / "env-store" / "boundaries"


def test_store_dir_default_is_the_repository_store(monkeypatch):
    monkeypatch.delenv("TANGSEL_KPI_STORE")
    assert geo.store_dir() == Path(__file__).resolve().parents[1] / ".store" / "boundaries"


# ---------------------------------------------------------------- fallback


@pytest.mark.parametrize("tingkat, rows", [("kelurahan", 54), ("kecamatan", 7), ("kota", 1)])
def test_fallback_levels(fallback, reg, tingkat, rows):
    frame = fallback.level(tingkat)
    assert list(frame.columns) == list(geo.COLUMNS)
    assert len(frame) == rows
    assert frame["kode"].tolist() == sorted(u.kode for u in reg.level(tingkat))
    assert list(frame.index) == list(range(rows))
    assert frame.crs == "EPSG:4326"
    assert set(frame["tingkat"]) == {tingkat}
    assert not any(exteriors_ccw(frame))


def test_fallback_is_honest(fallback):
    assert fallback.official is False
    assert fallback.provenance is None


def test_every_label_point_lies_in_its_own_cell(fallback, reg):
    cells = fallback.kelurahan.set_index("kode").geometry
    for unit in reg.level("kelurahan"):
        point = shapely.Point(unit.label_lon, unit.label_lat)
        owners = [k for k, cell in cells.items() if cell.contains(point)]
        assert owners == [unit.kode], unit.nama


def test_fallback_cells_do_not_overlap_or_leave_gaps(fallback):
    cells = fallback.kelurahan.to_crs(UTM).geometry.to_numpy()
    assert shapely.coverage_is_valid(cells)
    union = shapely.union_all(cells)
    assert shapely.area(cells).sum() - union.area < 1.0  # m²
    assert union.geom_type == "Polygon" and len(union.interiors) == 0


def test_fallback_dissolve_keeps_area(fallback):
    kel = fallback.kelurahan.assign(induk=fallback.kelurahan["kode_induk"]).groupby("induk")["luas_km2"].sum()
    for row in fallback.kecamatan.itertuples():
        assert row.luas_km2 == pytest.approx(kel[row.kode], rel=1e-6)
    assert fallback.kota["luas_km2"][0] == pytest.approx(fallback.kelurahan["luas_km2"].sum(), rel=1e-6)
    # an approximation of the 164.87 km² city, not a copy of it
    assert 150 < fallback.kota["luas_km2"][0] < 180


def test_fallback_kelurahan_labels_are_the_register_points(fallback, reg):
    for row in fallback.kelurahan.itertuples():
        unit = reg.get(row.kode)
        assert (row.label_lat, row.label_lon) == (unit.label_lat, unit.label_lon)
        assert row.nama == unit.nama and row.kode_induk == unit.kode_induk


@pytest.mark.parametrize("tingkat", ["kecamatan", "kota"])
def test_upper_labels_are_a_kelurahan_label_inside(fallback, tingkat):
    points = set(zip(fallback.kelurahan["label_lat"], fallback.kelurahan["label_lon"], strict=True))
    for row in fallback.level(tingkat).itertuples():
        assert (row.label_lat, row.label_lon) in points
        assert row.geometry.contains(shapely.Point(row.label_lon, row.label_lat))


def test_fallback_is_deterministic_and_cached(reg):
    first, second = build_fallback(reg), build_fallback(reg)
    for tingkat in ("kelurahan", "kecamatan", "kota"):
        assert (
            shapely.to_wkb(first.level(tingkat).geometry.to_numpy()).tolist()
            == shapely.to_wkb(second.level(tingkat).geometry.to_numpy()).tolist()
        )
    assert geo.fallback_boundaries() is geo.fallback_boundaries()


@pytest.mark.parametrize("store", [None, "empty", "missing", "broken"])
def test_load_boundaries_without_an_install_is_the_fallback(tmp_path, store):
    if store == "empty":
        (tmp_path / "empty").mkdir()
    if store == "broken":  # provenance without the level files is not an install
        (tmp_path / "broken").mkdir()
        (tmp_path / "broken" / "provenance.json").write_text('{"version": 1}')
    found = geo.load_boundaries(None if store is None else tmp_path / store)
    assert found.official is False
    assert found is geo.fallback_boundaries()


def test_unknown_level_names_the_choices(fallback):
    with pytest.raises(ValueError, match="kelurahan, kecamatan, kota"):
        fallback.level("desa")


# ---------------------------------------------------------------- export


def square_frame(coordinates: list[tuple[float, float]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"kode": ["36.74"], "nama": ["Tangerang Selatan"], "tingkat": ["kota"], "extra": [1]},
        geometry=[shapely.Polygon(coordinates)],
        crs="EPSG:4326",
    )


def test_to_geojson_rounds_and_keeps_three_properties():
    frame = square_frame([(106.1234564, -6.1), (106.2, -6.1), (106.2, -6.2000004), (106.1234564, -6.1)])
    doc = geo.to_geojson(frame)
    assert doc["type"] == "FeatureCollection"
    (feature,) = doc["features"]
    assert feature["properties"] == {"kode": "36.74", "nama": "Tangerang Selatan", "tingkat": "kota"}
    ring = [list(c) for c in feature["geometry"]["coordinates"][0]]
    assert ring == [[106.123456, -6.1], [106.2, -6.1], [106.2, -6.2], [106.123456, -6.1]]
    assert [list(c) for c in geo.to_geojson(frame, decimals=2)["features"][0]["geometry"]["coordinates"][0]][0] == [
        106.12,
        -6.1,
    ]


def test_payload_bytes_is_the_compact_json_length():
    frame = square_frame([(0, 0), (1, 0), (1, 1), (0, 0)])
    expected = (
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"36.74",'
        '"nama":"Tangerang Selatan","tingkat":"kota"},"geometry":{"type":"Polygon","coordinates":'
        "[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]]}}]}"
    )
    assert json.dumps(geo.to_geojson(frame), separators=(",", ":")) == expected
    assert geo.payload_bytes(frame) == len(expected) == 222


# ---------------------------------------------------------------- matching


def frame_of(columns: dict) -> gpd.GeoDataFrame:
    n = len(next(iter(columns.values())))
    return gpd.GeoDataFrame(columns, geometry=[shapely.Point(0, 0)] * n)


@pytest.mark.parametrize(
    "columns, field, codes",
    [
        ({"KDEPUM": ["36.74.01.1001"], "WADMKD": ["Ciater"]}, "KDEPUM", ["36.74.01.1001"]),
        ({"kode_bps": ["3674060004"]}, "kode_bps", ["36.74.03.1008"]),  # BPS order differs
        ({"iddesa": [3674060008.0]}, "iddesa", ["36.74.03.1010"]),  # a .dbf float
        ({"anything": ["id3674060008"], "nama": ["Fiktif"]}, "anything", ["36.74.03.1010"]),  # values look like codes
        ({"NAMOBJ": ["Kel. Perigi"]}, "NAMOBJ", ["36.74.03.1008"]),
        ({"kode": ["99.99.99.9999"], "nama": ["Jurang Manggu Timur"]}, "nama", ["36.74.03.1011"]),  # names win
        (
            {
                "kode_bps": ["3674040001", "3674040004", None],
                "desa": ["x", "y", "Sawah Lama"],
            },  # per feature: code, else name
            "kode_bps",
            ["36.74.04.1002", "36.74.04.1005", "36.74.04.1004"],
        ),
        ({"WADMKC": ["Serpong"], "WADMKD": ["Fiktif"]}, "WADMKD", [None]),  # a kecamatan column never matches
        ({"KDCPUM": ["36.74.07"], "nama": ["Setu"]}, "nama", ["36.74.07.1002"]),
    ],
)
def test_match_features(reg, columns, field, codes):
    chosen, _, matches = geo.match_features(frame_of(columns), reg)
    assert chosen == field
    assert [m.kode for m in matches] == codes


def test_field_scores_count_resolved_features(reg):
    frame = frame_of({"KDEPUM": ["36.74.01.1001", "", "x"], "nama": ["Ciater", "Setu", "Babakan"]})
    field, scores, matches = geo.match_features(frame, reg)
    assert scores == {"KDEPUM": 1, "nama": 3}
    assert field == "KDEPUM"  # codes are keys: a code field that resolves anything leads
    assert [(m.kode, m.field) for m in matches] == [
        ("36.74.01.1001", "KDEPUM"),
        ("36.74.07.1002", "nama"),  # an empty code is no conflict: the name matches
        ("36.74.07.1005", "nama"),
    ]
    # 'x' in the code field names no kelurahan: the name may not stand in for it
    assert [m.conflict.code if m.conflict else None for m in matches] == [None, None, "identitas_bertentangan"]


@pytest.mark.parametrize(
    "columns, conflicts",
    [
        # the leading code field names a kelurahan the register does not have; the name alone would match Ciater
        ({"KDEPUM": ["36.74.01.1002", "36.74.09.1001"], "NAMOBJ": ["Rawabuntu", "Ciater"]}, [None, "KDEPUM"]),
        # a BPS code and a name that point at two kelurahan: BPS 3674010005 is Babakan, the name says Setu
        ({"nama": ["Setu"], "kode_bps": ["3674010005"]}, ["nama"]),
        # two name fields that disagree
        ({"WADMKD": ["Ciater", "Setu"], "NAMOBJ": ["Ciater", "Serua"]}, [None, "NAMOBJ"]),
        # agreeing fields, an empty code, and a name the register does not know beside a known code: no conflict
        (
            {"KDEPUM": ["36.74.01.1001", None, "36.74.07.1002"], "NAMOBJ": ["Kel. Ciater", "Setu", "Setu Lama"]},
            [None] * 3,
        ),
    ],
)
def test_fields_that_disagree_are_a_conflict(reg, columns, conflicts):
    _, _, matches = geo.match_features(frame_of(columns), reg)
    assert [m.conflict.column if m.conflict else None for m in matches] == conflicts


def test_a_conflict_names_the_feature_both_fields_and_both_values(reg):
    frame = frame_of({"KDEPUM": ["36.74.01.1002", "36.74.09.1001"], "NAMOBJ": ["Rawabuntu", "Ciater"]})
    conflict = geo.match_features(frame, reg)[2][1].conflict
    assert (conflict.row, conflict.column, conflict.value) == (2, "KDEPUM", "36.74.09.1001")
    assert conflict.message == (
        "Fitur ke-2 'Ciater': kolom KDEPUM berisi '36.74.09.1001', yang bukan kode kelurahan di Kota Tangerang "
        "Selatan, padahal kolom NAMOBJ 'Ciater' menunjuk Kelurahan Ciater (36.74.01.1001). Kode dan nama satu "
        "fitur harus menunjuk kelurahan yang sama; fitur yang kodenya tidak dikenal tidak dicocokkan lewat kolom "
        "lain. Perbaiki kolom KDEPUM (kode Kelurahan Ciater: 36.74.01.1001) atau kolom NAMOBJ, lalu pasang ulang."
    )
    conflict = geo.match_features(frame_of({"nama": ["Setu"], "kode_bps": ["3674010005"]}), reg)[2][0].conflict
    assert (conflict.row, conflict.column, conflict.value) == (1, "nama", "Setu")
    assert conflict.message == (
        "Fitur ke-1 'Setu': kolom kode_bps '3674010005' menunjuk Kelurahan Babakan (36.74.07.1005), tetapi kolom "
        "nama 'Setu' menunjuk Kelurahan Setu (36.74.07.1002). Kode dan nama satu fitur harus menunjuk kelurahan "
        "yang sama. Periksa fitur itu, perbaiki kolom kode_bps atau kolom nama, lalu pasang ulang."
    )


def test_unmatched_feature_keeps_its_own_name_and_reason(reg):
    _, _, (match,) = geo.match_features(frame_of({"iddesa": [None], "nama": ["Kelurahan Fiktif"]}), reg)
    assert match.kode is None and match.label == "Kelurahan Fiktif"
    assert match.issue.code == "wilayah_tidak_dikenal"


def test_no_recognisable_field(reg):
    assert geo.match_features(frame_of({"warna": ["merah"]}), reg) == (None, {}, [])


def test_fields_that_resolve_nothing_still_report_each_feature(reg):
    field, scores, (match,) = geo.match_features(frame_of({"KDEPUM": ["32.01.01.1001"]}), reg)
    assert (field, scores, match.kode) == ("KDEPUM", {"KDEPUM": 0}, None)
    assert match.issue.code == "wilayah_luar_kota" and "Kabupaten Bogor" in match.issue.message  # named, not unknown
