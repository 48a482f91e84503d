"""Tests for `kpi.geo.install`: formats, matching, refusal, atomic swap, idempotence, CLI.

Most fixtures are built here: 54 squares of 1 km x 1 km in UTM 48S, one per kelurahan, laid out on a 9 x 6 grid
near Tangsel, so every area is hand-checkable (a kecamatan of n kelurahan has n km²). The official BIG file in
../shared/geo is read only by the tests marked `official`; they skip when it is absent and write converted
copies only into tmp_path.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from kpi import geo
from kpi.core.wilayah import Register
from kpi.geo import store as geo_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
OFFICIAL = SHARED / "geo" / "tangsel_kelurahan.geojson"
GAZETTEER = SHARED / "facts" / "kelurahan_gazetteer.csv"
official = pytest.mark.skipif(not OFFICIAL.exists(), reason="../shared/geo is not present")
UTM = "EPSG:32748"
ORIGIN = (684_000, 9_297_000)  # UTM 48S, south-west corner of the grid (about 106.66 E, 6.35 S)
KELURAHAN_PER_KECAMATAN = {
    "36.74.01": 9,
    "36.74.02": 7,
    "36.74.03": 11,
    "36.74.04": 7,
    "36.74.05": 6,
    "36.74.06": 8,
    "36.74.07": 6,
}


@pytest.fixture(autouse=True)
def private_store(geo_store):
    """No test may read or write the repository's own store (see conftest.geo_store)."""


def square(i: int, size: float = 1000.0) -> shapely.Polygon:
    x, y = ORIGIN[0] + (i % 9) * 1000.0, ORIGIN[1] + (i // 9) * 1000.0
    return shapely.box(x, y, x + size, y + size)


def grid(register: Register, style: str = "bps") -> gpd.GeoDataFrame:
    """54 squares in code order with BPS codes and BPS spellings ('bps') or Kemendagri codes and names."""
    units = register.level("kelurahan")
    if style == "bps":
        columns = {"iddesa": [u.kode_bps for u in units], "nmdesa": [u.nama_bps.title() for u in units]}
        columns["desa"] = columns.pop("nmdesa")
    else:
        columns = {"KDEPUM": [u.kode for u in units], "WADMKD": [u.nama for u in units]}
    return gpd.GeoDataFrame(columns, geometry=[square(i) for i in range(len(units))], crs=UTM)


def write(frame: gpd.GeoDataFrame, path: Path, crs: str | None = "EPSG:4326") -> Path:
    """Write a fixture in `crs` (None: write the coordinates as they are, with no CRS)."""
    frame = frame.to_crs(crs) if crs else frame.set_crs(None, allow_override=True)
    frame.to_file(path)
    return path


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under a folder: sha256 and mtime."""
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def codes(report: geo.InstallReport) -> list[str]:
    return [i.code for i in report.issues]


# ---------------------------------------------------------------- built fixtures


def test_bps_codes_and_spellings_install(tmp_path, reg):
    frame = grid(reg)
    frame.loc[frame["iddesa"] == "3674040001", "iddesa"] = None  # Serua: no code, BPS name 'Sarua' only
    report = geo.install(write(frame, tmp_path / "bps.geojson"), tmp_path / "store", reg)
    assert report.ok, report.issues
    prov = report.provenance
    assert prov["field"] == "iddesa" and prov["field_scores"] == {"iddesa": 53, "desa": 54}
    by_value = {m["label"]: (m["kode"], m["field"]) for m in prov["matches"]}
    assert by_value["Perigi"] == ("36.74.03.1008", "iddesa")
    assert by_value["Jurang Manggu Barat"] == ("36.74.03.1010", "iddesa")
    assert by_value["Kranggan"] == ("36.74.07.1003", "iddesa")
    assert by_value["Sarua"] == ("36.74.04.1002", "desa")
    assert prov["counts"] == {"kelurahan": 54, "kecamatan": 7, "kota": 1}
    assert prov["tolerance_m"] == 10


def test_installed_squares_keep_hand_checked_areas(tmp_path, reg):
    frame = grid(reg).assign(KDCPUM="36.74.01")  # the file's own kecamatan codes are wrong and must not matter
    assert geo.install(write(frame, tmp_path / "bps.gpkg"), tmp_path / "store", reg).ok
    found = geo.load_boundaries(tmp_path / "store")
    assert found.official is True
    assert found.kelurahan["luas_km2"].tolist() == pytest.approx([1.0] * 54, rel=1e-6)
    assert dict(zip(found.kecamatan["kode"], found.kecamatan["luas_km2"], strict=True)) == pytest.approx(
        KELURAHAN_PER_KECAMATAN, rel=1e-6
    )
    assert found.kota["luas_km2"][0] == pytest.approx(54.0, rel=1e-6)
    assert found.kelurahan["nama"][found.kelurahan["kode"] == "36.74.03.1008"].item() == "Parigi"  # register spelling
    for tingkat in ("kelurahan", "kecamatan", "kota"):
        frame = found.level(tingkat)
        assert list(frame.columns) == list(geo.COLUMNS) and list(frame.index) == list(range(len(frame)))
        assert all(
            g.contains(shapely.Point(x, y))
            for g, x, y in zip(frame.geometry, frame.label_lon, frame.label_lat, strict=True)
        )


@pytest.mark.parametrize(
    "change, expected",
    [
        ("fiktif", {"fitur_tidak_cocok": 1, "kelurahan_hilang": 1}),
        ("duplicate", {"kelurahan_ganda": 1, "kelurahan_hilang": 1}),
        ("drop", {"kelurahan_hilang": 1}),
        ("extra", {"fitur_tidak_cocok": 1}),
        ("empty", {"geometri_kosong": 1}),
    ],
)
def test_a_file_that_does_not_cover_the_city_is_refused(tmp_path, reg, change, expected):
    frame = grid(reg)
    serua = frame.index[frame["iddesa"] == "3674040001"][0]
    if change == "fiktif":
        frame.loc[serua, ["iddesa", "desa"]] = [None, "Kelurahan Fiktif"]
    elif change == "duplicate":  # Serua's square carries Parigi's code and name
        frame.loc[serua, ["iddesa", "desa"]] = ["3674060004", "Perigi"]
    elif change == "drop":
        frame = frame.drop(index=serua)
    elif change == "extra":
        frame = pd.concat(
            [
                frame,
                gpd.GeoDataFrame({"iddesa": ["3671010001"], "desa": ["Kota Lain"]}, geometry=[square(60)], crs=UTM),
            ],
            ignore_index=True,
        )
    elif change == "empty":
        frame.loc[serua, "geometry"] = square(serua).exterior  # a ring without area
    report = geo.install(write(frame, tmp_path / "bad.gpkg"), tmp_path / "store", reg)
    assert not report.ok and report.provenance is None
    assert {c: codes(report).count(c) for c in expected} == expected
    assert codes(report)[-1] == "berkas_ditolak"
    assert not (tmp_path / "store").exists()


def test_refusal_names_the_feature_and_the_missing_kelurahan(tmp_path, reg):
    frame = grid(reg)
    frame.loc[frame["iddesa"] == "3674040001", ["iddesa", "desa"]] = [None, "Kelurahan Fiktif"]
    report = geo.install(write(frame, tmp_path / "fiktif.geojson"), tmp_path / "store", reg)
    unmatched = next(i for i in report.issues if i.code == "fitur_tidak_cocok")
    missing = next(i for i in report.issues if i.code == "kelurahan_hilang")
    assert unmatched.message.startswith("Fitur ke-29 'Kelurahan Fiktif' tidak cocok")
    assert (unmatched.row, unmatched.value) == (29, "Kelurahan Fiktif")
    assert "Kelurahan Serua (36.74.04.1002, Kecamatan Ciputat) tidak ada di berkas" in missing.message


def test_duplicate_names_both_features(tmp_path, reg):
    frame = grid(reg)
    frame.loc[frame["iddesa"] == "3674040001", ["iddesa", "desa"]] = ["3674060004", "Perigi"]
    report = geo.install(write(frame, tmp_path / "dup.geojson"), tmp_path / "store", reg)
    (dup,) = [i for i in report.issues if i.code == "kelurahan_ganda"]
    # features in code order: Serpong 1-9, Serpong Utara 10-16, Pondok Aren 17-27 (Parigi .1008 = 24),
    # Ciputat 28-34 (Serua .1002 = 29)
    assert (
        "Kelurahan Parigi (36.74.03.1008) muncul di 2 fitur: ke-24 'Perigi' (iddesa 3674060004), "
        "ke-29 'Perigi' (iddesa 3674060004)." in dup.message
    )


def test_two_parts_of_one_kelurahan_are_a_duplicate_not_a_merge(tmp_path, reg):
    frame = grid(reg, "kemendagri")
    x0, y0, x1, y1 = square(0).bounds  # Ciater in two features: west and east half
    halves = frame.iloc[[0, 0]].copy()
    halves["geometry"] = [shapely.box(x0, y0, (x0 + x1) / 2, y1), shapely.box((x0 + x1) / 2, y0, x1, y1)]
    report = geo.install(write(pd.concat([halves, frame.iloc[1:]]), tmp_path / "parts.gpkg"), tmp_path / "store", reg)
    assert codes(report) == ["kelurahan_ganda", "berkas_ditolak"]
    assert "gabungkan dulu (dissolve)" in report.issues[0].message


def test_a_multipolygon_whose_parts_touch_becomes_one_polygon(tmp_path, reg):
    frame = grid(reg, "kemendagri")
    x0, y0, x1, y1 = square(0).bounds  # an invalid MultiPolygon: the halves share an edge
    frame.loc[0, "geometry"] = shapely.MultiPolygon(
        [shapely.box(x0, y0, (x0 + x1) / 2, y1), shapely.box((x0 + x1) / 2, y0, x1, y1)]
    )
    report = geo.install(write(frame, tmp_path / "multi.gpkg"), tmp_path / "store", reg)
    assert report.ok and "geometri_diperbaiki" in codes(report)
    ciater = geo.load_boundaries(tmp_path / "store").kelurahan.iloc[0]
    assert ciater.geometry.geom_type == "Polygon" and ciater.luas_km2 == pytest.approx(1.0, rel=1e-6)


def test_invalid_geometry_is_repaired(tmp_path, reg):
    frame = grid(reg, "kemendagri")
    x0, y0, x1, y1 = square(0).bounds  # a zero-width spike makes the ring self-touching
    frame.loc[0, "geometry"] = shapely.Polygon(
        [(x0, y0), (x1, y0), (x1, y0 + 500), (x1 + 200, y0 + 500), (x1, y0 + 500), (x1, y1), (x0, y1)]
    )
    assert not frame.geometry[0].is_valid
    report = geo.install(write(frame, tmp_path / "spike.gpkg"), tmp_path / "store", reg)
    assert report.ok and "geometri_diperbaiki" in codes(report)
    assert geo.load_boundaries(tmp_path / "store").kelurahan["luas_km2"][0] == pytest.approx(1.0, rel=1e-6)


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
@pytest.mark.parametrize(
    "crs, ok, note",
    [
        ("EPSG:4326", True, None),
        ("EPSG:32748", True, None),
        ("EPSG:3857", True, None),
        (None, False, "lokasi_salah"),  # UTM metres without a CRS are read as degrees: far away
    ],
)
def test_any_crs_is_projected(tmp_path, reg, crs, ok, note):
    report = geo.install(write(grid(reg), tmp_path / "grid.gpkg", crs), tmp_path / "store", reg)
    assert report.ok is ok
    if note:
        assert note in codes(report)
    if ok:
        assert report.provenance["source_crs"] == crs
        assert geo.load_boundaries(tmp_path / "store").kota["luas_km2"][0] == pytest.approx(54.0, rel=1e-6)


def test_a_geopackage_with_several_layers_uses_the_polygon_layer(tmp_path, reg):
    path = tmp_path / "lapisan.gpkg"
    points = gpd.GeoDataFrame({"nama": ["kantor"]}, geometry=[shapely.Point(ORIGIN)], crs=UTM)
    points.to_file(path, layer="kantor")
    grid(reg).to_file(path, layer="kelurahan")
    report = geo.install(path, tmp_path / "store", reg)
    assert report.ok and report.provenance["layer"] == "kelurahan"
    (note,) = [i for i in report.issues if i.code == "lapisan_dipilih"]
    assert "'kelurahan'" in note.message and "kantor" in note.message


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_a_file_without_crs_is_assumed_wgs84(tmp_path, reg):
    frame = grid(reg).to_crs("EPSG:4326")
    report = geo.install(write(frame, tmp_path / "nocrs.gpkg", None), tmp_path / "store", reg)
    assert report.ok and "crs_diasumsikan" in codes(report)


def test_an_ambiguous_name_is_settled_by_the_kecamatan_column(tmp_path, reg):
    # a register in which Buaran (Serpong) is also called Babakan, like Babakan in Setu
    units = tuple(
        u if u.kode != "36.74.01.1006" else u.__class__(**{**u.__dict__, "nama": "Babakan", "nama_bps": "BABAKAN"})
        for u in reg.units
    )
    twin = Register(units, ())
    frame = grid(twin, "kemendagri").drop(columns="KDEPUM")
    frame["WADMKC"] = [twin.name(u.kode_induk) for u in twin.level("kelurahan")]
    report = geo.install(write(frame, tmp_path / "twin.gpkg"), tmp_path / "store", twin)
    assert report.ok, report.issues
    babakan = [m["kode"] for m in report.provenance["matches"] if m["label"] == "Babakan"]
    assert babakan == ["36.74.01.1006", "36.74.07.1005"]
    report = geo.install(write(frame.drop(columns="WADMKC"), tmp_path / "twin2.gpkg"), tmp_path / "other", twin)
    assert not report.ok and codes(report).count("fitur_tidak_cocok") == 2
    assert "bisa berarti" in report.issues[0].message


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("batas.csv", b"kode,nama\n", "format_tidak_didukung"),
        ("batas.geojson", b"{ bukan json", "berkas_tidak_terbaca"),
        ("batas.zip", b"PK\x05\x06" + b"\0" * 18, "berkas_tidak_terbaca"),  # an empty zip: no .shp inside
        ("hilang.gpkg", None, "berkas_tidak_ada"),
    ],
)
def test_unreadable_files_are_issues_not_exceptions(tmp_path, reg, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report = geo.install(path, tmp_path / "store", reg)
    assert not report.ok and codes(report)[0] == code


def test_an_unreadable_file_is_reported_and_its_traceback_logged(tmp_path, reg, caplog):
    path = tmp_path / "batas.geojson"
    path.write_bytes(b"{ bukan json")
    report = geo.install(path, tmp_path / "store", reg)
    assert codes(report)[0] == "berkas_tidak_terbaca" and "Pastikan berkas tidak rusak" in report.issues[0].message
    (record,) = [r for r in caplog.records if r.name == "kpi.geo.read"]
    assert record.levelname == "ERROR" and record.exc_info is not None and "batas.geojson" in record.getMessage()


def test_a_damaged_install_reads_as_not_installed_and_its_traceback_is_logged(tmp_path, reg, caplog):
    store = tmp_path / "store"
    assert geo.install(write(grid(reg), tmp_path / "a.gpkg"), store, reg).ok
    (store / "kecamatan.parquet").write_bytes(b"PAR1 rusak")
    boundaries, reason = geo_store.read_store(store, reg)
    assert boundaries is None and reason.startswith("berkas kecamatan.parquet tidak terbaca (")
    (record,) = [r for r in caplog.records if r.name == "kpi.geo.store"]
    assert record.exc_info is not None and "kecamatan.parquet" in record.getMessage()


def test_a_zip_must_hold_exactly_one_boundary_file(tmp_path, reg):
    path = tmp_path / "dua.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.shp", b"")
        archive.writestr("b.shp", b"")
    report = geo.install(path, tmp_path / "store", reg)
    assert codes(report) == ["berkas_tidak_terbaca", "berkas_ditolak"]
    assert "tepat satu berkas batas" in report.issues[0].message and "a.shp, b.shp" in report.issues[0].message


# ---------------------------------------------------------------- atomic store


def test_failed_install_leaves_the_previous_install_byte_identical(tmp_path, reg, monkeypatch):
    store = tmp_path / "store"
    assert geo.install(write(grid(reg), tmp_path / "a.gpkg"), store, reg).ok
    before = snapshot(tmp_path)
    calls = []
    real = geo_store.write_level

    def write_then_fail(frame, path):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError("disk penuh")
        real(frame, path)

    monkeypatch.setattr(geo_store, "write_level", write_then_fail)
    report = geo.install(write(grid(reg, "kemendagri"), tmp_path / "b.gpkg"), store, reg)
    assert not report.ok and codes(report) == ["galat_internal"] and "disk penuh" in report.issues[0].message
    assert calls == ["kelurahan.parquet", "kecamatan.parquet"]
    assert {k: v for k, v in snapshot(tmp_path).items() if k != "b.gpkg"} == before  # no leftovers either
    assert geo.load_boundaries(store).provenance["source"] == "a.gpkg"


def test_a_failed_swap_puts_the_old_install_back(tmp_path, reg, monkeypatch):
    store = tmp_path / "store"
    geo.install(write(grid(reg), tmp_path / "a.gpkg"), store, reg)
    before = snapshot(store)
    real, calls = geo_store.os.replace, []

    def replace(src, dst):
        calls.append(Path(src).name)
        if len(calls) == 2:  # the old install is already moved aside; the new one fails to move in
            raise PermissionError("terkunci")
        real(src, dst)

    monkeypatch.setattr(geo_store.os, "replace", replace)
    assert not geo.install(write(grid(reg, "kemendagri"), tmp_path / "b.gpkg"), store, reg).ok
    assert snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gpkg", "b.gpkg", "store"]


def test_a_refused_file_does_not_touch_the_install(tmp_path, reg):
    store = tmp_path / "store"
    geo.install(write(grid(reg), tmp_path / "a.gpkg"), store, reg)
    before = snapshot(store)
    bad = grid(reg).drop(index=5)
    assert not geo.install(write(bad, tmp_path / "bad.gpkg"), store, reg).ok
    assert snapshot(store) == before


def test_installing_the_same_file_twice_changes_nothing(tmp_path, reg):
    store, path = tmp_path / "store", write(grid(reg), tmp_path / "a.geojson")
    first = geo.install(path, store, reg)
    before = snapshot(store)
    second = geo.install(path, store, reg)
    assert first.ok and not first.unchanged
    assert second.ok and second.unchanged and codes(second) == ["sudah_terpasang"]
    assert second.provenance == first.provenance
    assert snapshot(store) == before
    copy = tmp_path / "salinan.geojson"
    copy.write_bytes(path.read_bytes())
    assert geo.install(copy, store, reg).unchanged


def test_load_boundaries_sees_a_new_install(tmp_path, reg):
    store = tmp_path / "store"
    geo.install(write(grid(reg), tmp_path / "a.gpkg"), store, reg)
    first = geo.load_boundaries(store)
    assert geo.load_boundaries(store) is first
    geo.install(write(grid(reg, "kemendagri"), tmp_path / "b.gpkg"), store, reg)
    assert geo.load_boundaries(store).provenance["source"] == "b.gpkg"


def test_the_default_store_is_the_environment_store(tmp_path, reg):
    report = geo.install(write(grid(reg), tmp_path / "a.gpkg"), register=reg)
    assert report.ok
    assert (tmp_path / "env-store" / "boundaries" / "provenance.json").is_file()
    assert geo.load_boundaries().official is True


# ---------------------------------------------------------------- command line


def test_cli_install_and_status(tmp_path, reg, capsys):
    path, store = write(grid(reg, "kemendagri"), tmp_path / "batas.gpkg"), tmp_path / "store"
    assert geo.main(["install", str(path), "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert f"Batas resmi terpasang di {store}" in out
    assert "54 dari 54 fitur cocok; kolom utama 'KDEPUM'" in out
    assert "54 kelurahan, 7 kecamatan, 1 kota" in out
    assert geo.main(["install", str(path), "--store", str(store)]) == 0
    assert "sudah terpasang" in capsys.readouterr().out
    assert geo.main(["status", "--store", str(store)]) == 0
    assert "Batas resmi terpasang" in capsys.readouterr().out


def test_cli_refuses_a_bad_file(tmp_path, reg, capsys):
    frame = grid(reg)
    frame.loc[frame["iddesa"] == "3674040001", ["iddesa", "desa"]] = [None, "Kelurahan Fiktif"]
    path = write(frame, tmp_path / "fiktif.geojson")
    assert geo.main(["install", str(path), "--store", str(tmp_path / "store")]) == 1
    err = capsys.readouterr().err
    assert "DITOLAK" in err and "Kelurahan Fiktif" in err and "Kelurahan Serua" in err


def test_cli_status_without_an_install(tmp_path, capsys):
    assert geo.main(["status", "--store", str(tmp_path / "kosong")]) == 0
    assert "Batas perkiraan" in capsys.readouterr().out


# ---------------------------------------------------------------- the official file (skips without ../shared)


@pytest.fixture(scope="module")
def official_install(tmp_path_factory, reg):
    if not OFFICIAL.exists():
        pytest.skip("../shared/geo is not present")
    store = tmp_path_factory.mktemp("official") / "boundaries"
    report = geo.install(OFFICIAL, store, reg)
    assert report.ok, report.issues
    return report, geo.load_boundaries(store)


@official
def test_official_file_matches_every_kelurahan_by_code(official_install):
    report, found = official_install
    prov = report.provenance
    assert prov["field"] == "KDEPUM" and prov["features"] == 54
    assert [m["field"] for m in prov["matches"]] == ["KDEPUM"] * 54
    assert [m["kode"] for m in prov["matches"]] == found.kelurahan["kode"].tolist()
    assert (len(found.kelurahan), len(found.kecamatan), len(found.kota)) == (54, 7, 1)


@official
def test_official_kecamatan_areas_match_the_gazetteer(official_install):
    gazetteer = pd.read_csv(GAZETTEER, dtype={"kode_kecamatan": str})
    expected = gazetteer.groupby("kode_kecamatan")["luas_km2"].sum()
    _, found = official_install
    for row in found.kecamatan.itertuples():
        assert row.luas_km2 == pytest.approx(expected[row.kode], rel=0.005), row.nama


@official
def test_official_payload_and_coverage(official_install):
    report, found = official_install
    assert geo.payload_bytes(found.kelurahan) == report.provenance["payload_bytes"] <= 150_000
    cells = found.kelurahan.to_crs(UTM).geometry.to_numpy()
    union = shapely.union_all(cells)
    assert union.area == pytest.approx(shapely.area(cells).sum(), rel=0.001)
    assert shapely.coverage_is_valid(cells)
    kecamatan = found.kecamatan.to_crs(UTM).geometry.to_numpy()
    assert shapely.union_all(kecamatan).area == pytest.approx(union.area, rel=1e-9)


@official
def test_official_rings_are_clockwise_for_plotly(official_install):
    _, found = official_install
    for tingkat in ("kelurahan", "kecamatan", "kota"):
        polygons = [p for g in found.level(tingkat).geometry for p in shapely.get_parts(g)]
        assert not any(shapely.is_ccw(p.exterior) for p in polygons)
        assert all(shapely.is_ccw(r) for p in polygons for r in p.interiors)


@official
@pytest.mark.filterwarnings("ignore:Column names longer than 10", "ignore:Normalized/laundered field name")
@pytest.mark.parametrize("suffix", [".gpkg", ".zip", ".fgb"])
def test_official_file_in_other_formats_and_utm(tmp_path, reg, official_install, suffix):
    frame = gpd.read_file(OFFICIAL).to_crs(UTM)
    if suffix == ".zip":
        frame.to_file(tmp_path / "batas.shp")
        path = tmp_path / "batas.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for part in sorted(tmp_path.glob("batas.*")):
                if part.suffix != ".zip":
                    archive.write(part, part.name)
    else:
        path = tmp_path / f"batas{suffix}"
        frame.to_file(path)
    report = geo.install(path, tmp_path / "store", reg)
    assert report.ok, report.issues
    assert report.provenance["source_crs"] == UTM and report.provenance["field"] == "KDEPUM"
    _, reference = official_install
    found = geo.load_boundaries(tmp_path / "store")
    assert found.kecamatan["luas_km2"].tolist() == pytest.approx(reference.kecamatan["luas_km2"].tolist(), rel=0.001)
