"""The geometry side of kpi.geo: frames per level, repair, coverage simplification, GeoJSON export,
and the local store (levels written whole, swapped in atomically)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from kpi.core.wilayah import Register, load_register

WGS84 = "EPSG:4326"
UTM = "EPSG:32748"  # UTM zone 48S: metres for Tangsel
COLUMNS = ("kode", "nama", "tingkat", "kode_induk", "label_lat", "label_lon", "luas_km2", "geometry")
LEVELS = ("kelurahan", "kecamatan", "kota")
LEVEL_FILES = {tingkat: f"{tingkat}.parquet" for tingkat in LEVELS}
PROVENANCE = "provenance.json"
STORE_VERSION = 1
DECIMALS = 6  # about 0.1 m at this latitude
MAX_PAYLOAD_BYTES = 150_000  # the kelurahan GeoJSON sent to the browser
TOLERANCES_M = (10, 12, 14, 16, 18, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Boundaries:
    """Kelurahan, kecamatan and kota polygons (EPSG:4326), official or approximate, with their provenance.

    The frames are cached and shared between callers: treat them as read-only (copy before changing).
    """

    kelurahan: gpd.GeoDataFrame
    kecamatan: gpd.GeoDataFrame
    kota: gpd.GeoDataFrame
    official: bool
    provenance: dict | None

    def level(self, tingkat: str) -> gpd.GeoDataFrame:
        """The frame of one level: 'kelurahan', 'kecamatan' or 'kota'."""
        if tingkat not in LEVELS:
            raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilih salah satu: {', '.join(LEVELS)}.")
        return getattr(self, tingkat)


# ---------------------------------------------------------------- frames


def build_boundaries(
    kelurahan: dict[str, shapely.Geometry], register: Register, official: bool, provenance: dict | None
) -> Boundaries:
    """Dissolve kelurahan geometries (EPSG:4326, by code) into kecamatan and kota by the register's parents."""
    codes = sorted(kelurahan)
    kel_geoms = np.array([kelurahan[k] for k in codes], dtype=object)
    kel_points = _kelurahan_labels(codes, kel_geoms, register)
    kel = _frame(register, codes, kel_geoms, kel_points)
    frames = {"kelurahan": kel}
    for tingkat in ("kecamatan", "kota"):
        parents = np.array([register.ancestor(k, tingkat) for k in codes])
        units = sorted(set(parents))
        geoms = np.array([shapely.union_all(kel_geoms[parents == u]) for u in units], dtype=object)
        points = [_inner_label(g, kel_points[parents == u]) for u, g in zip(units, geoms, strict=True)]
        frames[tingkat] = _frame(register, units, geoms, points)
    return Boundaries(frames["kelurahan"], frames["kecamatan"], frames["kota"], official, provenance)


def _kelurahan_labels(codes: list[str], geoms: np.ndarray, register: Register) -> np.ndarray:
    """The register's label point where it lies inside the polygon, else a point on its surface."""
    points = []
    for kode, geom in zip(codes, geoms, strict=True):
        unit = register.get(kode)
        point = shapely.Point(unit.label_lon, unit.label_lat) if unit.label_lat is not None else None
        points.append(point if point is not None and geom.contains(point) else geom.point_on_surface())
    return np.array(points, dtype=object)


def _inner_label(geom: shapely.Geometry, candidates: np.ndarray) -> shapely.Point:
    """Of the kelurahan label points inside `geom`, the one closest to its centroid (else a surface point)."""
    inside = [p for p in candidates if geom.contains(p)]
    if not inside:
        return geom.point_on_surface()
    centre = geom.centroid
    return min(inside, key=lambda p: (p.distance(centre), p.x, p.y))


def _frame(register: Register, codes: list[str], geoms: np.ndarray, points) -> gpd.GeoDataFrame:
    """One level as a GeoDataFrame with exactly COLUMNS, oriented for plotly, sorted by code."""
    geoms = shapely.orient_polygons(np.asarray(geoms, dtype=object), exterior_cw=True)
    areas = gpd.GeoSeries(geoms, crs=WGS84).to_crs(UTM).area.to_numpy() / 1e6
    units = [register.get(k) for k in codes]
    frame = gpd.GeoDataFrame(
        {
            "kode": codes,
            "nama": [u.nama for u in units],
            "tingkat": [u.tingkat for u in units],
            "kode_induk": [u.kode_induk for u in units],
            "label_lat": [float(p.y) for p in points],
            "label_lon": [float(p.x) for p in points],
            "luas_km2": areas,
        },
        geometry=list(geoms),
        crs=WGS84,
    )
    return frame.sort_values("kode").reset_index(drop=True)[list(COLUMNS)]


# ---------------------------------------------------------------- export


def to_geojson(gdf: gpd.GeoDataFrame, decimals: int = DECIMALS) -> dict:
    """A FeatureCollection with properties kode, nama, tingkat and coordinates rounded to `decimals`."""
    rounded = shapely.transform(gdf.geometry.to_numpy(), lambda xy: np.round(xy, decimals))
    features = [
        {"type": "Feature", "properties": {"kode": k, "nama": n, "tingkat": t}, "geometry": shapely.geometry.mapping(g)}
        for k, n, t, g in zip(gdf["kode"], gdf["nama"], gdf["tingkat"], rounded, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def payload_bytes(gdf: gpd.GeoDataFrame) -> int:
    """Size in bytes of the compact GeoJSON of `gdf` as sent to the browser."""
    text = json.dumps(to_geojson(gdf), separators=(",", ":"), ensure_ascii=False)
    return len(text.encode("utf-8"))


# ---------------------------------------------------------------- repair and simplification


def polygonal(geom: shapely.Geometry | None) -> shapely.Geometry | None:
    """The 2-D polygonal part of a geometry, repaired, as one Polygon or MultiPolygon (None when it has none)."""
    if geom is None or geom.is_empty:
        return None
    geom = shapely.force_2d(geom)
    if geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    polygons = [p for p in _polygons(geom) if p.area > 0]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)


def _polygons(geom: shapely.Geometry) -> list[shapely.Polygon]:
    """Every Polygon inside a (nested) collection, in order."""
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for part in shapely.get_parts(geom) for p in _polygons(part)]
    return []


def simplify_coverage(
    geoms: dict[str, shapely.Geometry], register: Register
) -> tuple[dict | None, int | None, int | None]:
    """Simplify the kelurahan (UTM) as one coverage, raising the tolerance until the payload fits; EPSG:4326 out."""
    codes = sorted(geoms)
    array = np.array([geoms[k] for k in codes], dtype=object)
    names = [register.name(k) for k in codes]
    for tolerance in TOLERANCES_M:
        simple = _repaired(shapely.coverage_simplify(array, tolerance))
        back = gpd.GeoSeries(simple, crs=UTM).to_crs(WGS84).to_numpy()
        probe = gpd.GeoDataFrame(
            {"kode": codes, "nama": names, "tingkat": "kelurahan"},
            geometry=shapely.orient_polygons(back, exterior_cw=True),
            crs=WGS84,
        )
        size = payload_bytes(probe)
        if size <= MAX_PAYLOAD_BYTES:
            return dict(zip(codes, back, strict=True)), tolerance, size
    return None, None, None


def _repaired(array: np.ndarray) -> np.ndarray:
    """Repair any geometry that simplification left invalid (it can, when the input was not a clean coverage)."""
    bad = ~shapely.is_valid(array)
    if bad.any():
        array = array.copy()
        array[bad] = [polygonal(g) for g in array[bad]]
    return array


# ---------------------------------------------------------------- the store


def read_provenance(directory: Path) -> dict | None:
    """The provenance of an install, or None when there is none or it cannot be read."""
    try:
        data = json.loads((directory / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == STORE_VERSION else None


def read_store(directory: Path, register: Register | None = None) -> tuple[Boundaries | None, str | None]:
    """The installed boundaries, or (None, reason) when the store holds no complete, current install."""
    provenance = read_provenance(directory)
    if provenance is None:
        return None, f"tidak ada {PROVENANCE} yang sah di {directory}"
    register = register or load_register()
    frames = {}
    for tingkat in LEVELS:
        try:
            frame = gpd.read_parquet(directory / LEVEL_FILES[tingkat])
        except Exception as exc:  # a damaged store means "not installed", never a crash
            logger.exception("reading the installed boundaries %s failed", directory / LEVEL_FILES[tingkat])
            return None, f"berkas {LEVEL_FILES[tingkat]} tidak terbaca ({exc})"
        expected = sorted(u.kode for u in register.level(tingkat))
        if tuple(frame.columns) != COLUMNS or frame["kode"].tolist() != expected or frame.crs != WGS84:
            return None, f"berkas {LEVEL_FILES[tingkat]} tidak sesuai register wilayah saat ini"
        frames[tingkat] = frame
    return Boundaries(frames["kelurahan"], frames["kecamatan"], frames["kota"], True, provenance), None


def write_level(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write one level as GeoParquet (WKB keeps every coordinate and the ring orientation exactly)."""
    frame.to_parquet(path, index=False)


def write_store(directory: Path, boundaries: Boundaries) -> None:
    """Write the three levels, then the provenance last (a folder without it is never a valid install)."""
    for tingkat in LEVELS:
        write_level(boundaries.level(tingkat), directory / LEVEL_FILES[tingkat])
    text = json.dumps(boundaries.provenance, ensure_ascii=False, indent=1, sort_keys=True)
    (directory / PROVENANCE).write_text(text + "\n", encoding="utf-8")


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A fresh temporary folder beside `target` (same file system), removed afterwards unless swapped in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-baru-", dir=target.parent))
    folder.chmod(0o755)  # mkdtemp makes it private; the store is an ordinary folder
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(folder: Path, target: Path) -> None:
    """Replace `target` by `folder` with renames only; on failure the old install is put back."""
    old = target.with_name(f".{target.name}-lama-{uuid.uuid4().hex[:8]}")
    had_old = target.exists()
    if had_old:
        os.replace(target, old)
    try:
        os.replace(folder, target)
    except BaseException:
        if had_old:
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
