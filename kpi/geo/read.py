"""Reading a boundary file for kpi.geo: GeoJSON, GeoPackage, Shapefile (zipped or not) or FlatGeobuf,
its polygon layer, projected to UTM 48S, with the problems that stop it and the notes that do not."""

from __future__ import annotations

import hashlib
import logging
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pyogrio

from kpi.core.issues import Issue
from kpi.geo.store import UTM, WGS84

FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GeoPackage",
    ".fgb": "FlatGeobuf",
    ".shp": "Shapefile",
    ".zip": "Shapefile (zip)",
}
SUPPORTED = (
    "GeoJSON (.geojson, .json), GeoPackage (.gpkg), Shapefile (.zip berisi .shp/.shx/.dbf/.prj, atau .shp), "
    "FlatGeobuf (.fgb)"
)
POLYGON_TYPES = {"Polygon", "MultiPolygon", "Polygon Z", "MultiPolygon Z", "Unknown"}
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database, so of every GeoPackage
SQLITE_HEADER = 100  # bytes; the page size is at 16-17, the number of pages at 28-31
GEOPACKAGE_FIX = (
    "Unduh atau ekspor ulang berkas itu dari sumbernya (di QGIS: klik kanan lapisan → Export → Save Features As… → "
    "GeoPackage), lalu pasang ulang."
)

logger = logging.getLogger(__name__)


class Unreadable(ValueError):
    """Why a boundary file cannot be read, said in Indonesian by this module's own checks."""


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_source(path: Path) -> tuple[gpd.GeoDataFrame | None, str | None, list[Issue]]:
    """Read a boundary file and project it to UTM 48S; return (frame, layer, notes or problems); never raises."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return (
            None,
            None,
            [
                Issue(
                    "format_tidak_didukung",
                    f"Berkas '{path.name}' berakhiran '{path.suffix}', "
                    f"formatnya tidak didukung. Format yang didukung: {SUPPORTED}.",
                    value=path.suffix,
                )
            ],
        )
    if not path.is_file():
        return None, None, [Issue("berkas_tidak_ada", f"Berkas '{path}' tidak ditemukan. Periksa jalur berkasnya.")]
    try:
        with _warnings_to_log(path.name):
            target = _zip_member(path) if path.suffix.lower() == ".zip" else str(path)
            layer, notes = _polygon_layer(target, path.name)
            frame = gpd.read_file(target, layer=layer, engine="pyogrio")
    except Exception as exc:  # a bad file: pyogrio's errors, BadZipFile, also IndexError, GEOSException, UnicodeError …
        logger.exception("reading the boundary file %s failed", path.name)
        return None, None, [_unreadable(path, fmt, exc)]
    if frame.empty:
        return None, None, [Issue("berkas_kosong", f"Berkas '{path.name}' tidak berisi satu fitur pun.")]
    if frame.crs is None:
        frame = frame.set_crs(WGS84)
        notes.append(
            Issue(
                "crs_diasumsikan",
                f"Berkas '{path.name}' tidak menyebut sistem koordinat (CRS); "
                "dianggap EPSG:4326 (WGS84 bujur/lintang).",
            )
        )
    source_crs = frame.crs.to_string()
    frame = frame.to_crs(UTM)
    frame.attrs["source_crs"] = source_crs
    return frame, layer, notes


@contextmanager
def _warnings_to_log(name: str) -> Iterator[None]:
    """GDAL's warnings while reading (English, e.g. 'GPKG: bad application_id') go to the log, not the terminal."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                logger.warning("reading the boundary file %s: %s", name, warning.message)


def _unreadable(path: Path, fmt: str, exc: Exception) -> Issue:
    """The problem of a file that cannot be read, in Indonesian: the library's own (English) text goes to the log."""
    if fmt == "GeoPackage" and not isinstance(exc, Unreadable):
        return Issue("berkas_tidak_terbaca", f"Berkas '{path.name}' {_geopackage_damage(path)}. {GEOPACKAGE_FIX}")
    reason = str(exc) if isinstance(exc, Unreadable) else f"berkasnya rusak atau isinya bukan {fmt}"
    return Issue(
        "berkas_tidak_terbaca",
        f"Berkas '{path.name}' tidak dapat dibaca sebagai {fmt}: {reason}. Pastikan berkas tidak rusak dan isinya "
        "sesuai akhiran namanya; bila perlu unduh atau ekspor ulang dari sumbernya, lalu pasang ulang.",
    )


def _geopackage_damage(path: Path) -> str:
    """What is wrong with a GeoPackage that GDAL could not open, from its SQLite header."""
    with open(path, "rb") as handle:
        head = handle.read(SQLITE_HEADER)
    if not head.startswith(SQLITE_MAGIC):
        return (
            "rusak atau bukan GeoPackage: isinya tidak diawali tanda basis data SQLite yang dimiliki setiap GeoPackage"
        )
    size, expected = path.stat().st_size, SQLITE_HEADER
    if len(head) == SQLITE_HEADER:
        page = int.from_bytes(head[16:18], "big")
        expected = (65_536 if page == 1 else page) * int.from_bytes(head[28:32], "big")
    if size < expected:
        return (
            f"rusak: berkasnya terpotong ({_bytes(size)} byte, padahal menurut kepala basis datanya "
            f"{_bytes(expected)} byte), mis. karena unduhan terputus atau salinan yang tidak utuh"
        )
    return (
        "rusak atau bukan GeoPackage: basis data SQLite di dalamnya tidak dapat dibuka sebagai GeoPackage "
        "(tabel GeoPackage-nya tidak ada atau rusak)"
    )


def _bytes(count: int) -> str:
    """A byte count with Indonesian thousands separators: 110.592."""
    return f"{count:,}".replace(",", ".")


def _zip_member(path: Path) -> str:
    """The GDAL path of the one boundary file inside a zip (a .shp with its .shx/.dbf/.prj, or .gpkg/.geojson/.fgb)."""
    with zipfile.ZipFile(path) as archive:
        names = [
            n
            for n in archive.namelist()
            if Path(n).suffix.lower() in FORMATS.keys() - {".zip"}
            and not Path(n).name.startswith(".")
            and "__MACOSX" not in n
        ]
    if len(names) != 1:
        found = ", ".join(names) or "tidak ada"
        raise Unreadable(
            f"arsip zip harus berisi tepat satu berkas batas (.shp beserta .shx, .dbf, .prj); ditemukan: {found}"
        )
    return f"/vsizip/{path.resolve()}/{names[0]}"


def _polygon_layer(target: str, name: str) -> tuple[str | None, list[Issue]]:
    """The layer to read: the only one, else the first polygon layer (with a note naming the others)."""
    layers = [(str(n), str(t)) for n, t in pyogrio.list_layers(target)]
    if len(layers) <= 1:
        return None, []
    polygonal = [n for n, t in layers if t in POLYGON_TYPES] or [layers[0][0]]
    others = ", ".join(n for n, _ in layers if n != polygonal[0])
    return polygonal[0], [
        Issue(
            "lapisan_dipilih",
            f"Berkas '{name}' berisi {len(layers)} lapisan; yang dipakai "
            f"'{polygonal[0]}' (lapisan lain diabaikan: {others}).",
            value=polygonal[0],
        )
    ]
