"""Boundaries of Kota Tangerang Selatan: install an official file, or fall back to approximate cells.

`python -m kpi.geo install PATH [--store DIR]` reads GeoJSON, GeoPackage, a zipped Shapefile or FlatGeobuf,
matches every feature to the register by code or name, repairs, simplifies the kelurahan as one coverage
(shared borders stay shared), dissolves kecamatan and kota by the register's parent codes, and swaps the
result into a git-ignored store. A file that does not cover the city exactly is refused as a whole: a kelurahan
missing, twice or unknown, a feature whose fields name two kelurahan or an unknown code, and kelurahan that
overlap or leave a gap of more than coverage.TOLERANCE_HA.
`python -m kpi.geo status` says what the maps draw.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from kpi import settings
from kpi.core.issues import Issue
from kpi.core.wilayah import Register, load_register
from kpi.geo.coverage import check_coverage, describe
from kpi.geo.fallback import METHOD as FALLBACK_METHOD
from kpi.geo.fallback import build_fallback
from kpi.geo.match import kelurahan_geometries, match_features, no_field, repaired
from kpi.geo.read import read_source, sha256_of
from kpi.geo.store import (
    DECIMALS,
    LEVELS,
    MAX_PAYLOAD_BYTES,
    PROVENANCE,
    STORE_VERSION,
    TOLERANCES_M,
    UTM,
    WGS84,
    Boundaries,
    build_boundaries,
    read_provenance,
    read_store,
    simplify_coverage,
    staging,
    swap_in,
    write_store,
)

NEAR_CITY_M = 20_000  # a file whose extent is farther than this from the label points is misplaced
NOTES = frozenset(
    {"crs_diasumsikan", "lapisan_dipilih", "geometri_diperbaiki", "cakupan_tidak_rapat", "sudah_terpasang"}
)  # issue codes that inform but do not refuse

logger = logging.getLogger(__name__)


def store_dir() -> Path:
    """Where installed boundaries live: $TANGSEL_KPI_STORE/boundaries, else <repo>/.store/boundaries."""
    return settings.boundaries_dir()


@dataclass(frozen=True)
class InstallReport:
    """The outcome of an install: ok with its provenance, or refused with every problem."""

    ok: bool
    issues: tuple[Issue, ...]
    provenance: dict | None
    unchanged: bool = False


# ---------------------------------------------------------------- loading


def fallback_boundaries(register: Register | None = None) -> Boundaries:
    """Approximate boundaries (official=False) built from the register's label points; cached."""
    return _fallback(register or load_register())


@functools.lru_cache(maxsize=4)
def _fallback(register: Register) -> Boundaries:
    return build_fallback(register)


def load_boundaries(store: Path | None = None) -> Boundaries:
    """The installed boundaries when the store holds a valid install, else the fallback; cached per install."""
    directory = Path(store) if store is not None else store_dir()
    try:
        stat = (directory / PROVENANCE).stat()
    except OSError:
        return fallback_boundaries()
    found = _installed(str(directory.resolve()), stat.st_mtime_ns, stat.st_ino, stat.st_size)
    return found or fallback_boundaries()


@functools.lru_cache(maxsize=8)
def _installed(directory: str, mtime_ns: int, inode: int, size: int) -> Boundaries | None:
    boundaries, reason = read_store(Path(directory))
    if boundaries is None:
        logger.warning("Batas terpasang di %s diabaikan: %s", directory, reason)
    return boundaries


# ---------------------------------------------------------------- install


def install(path, store: Path | None = None, register: Register | None = None) -> InstallReport:
    """Install a kelurahan boundary file into the store; refuse it whole on any problem; never raises."""
    path, target = Path(path), Path(store) if store is not None else store_dir()
    try:
        return _install(path, target, register or load_register())
    except Exception as exc:
        logger.exception("installing the boundary file %s into %s failed", path, target)
        issue = Issue(
            "galat_internal",
            f"Pemasangan berkas '{path.name}' gagal ({type(exc).__name__}: {exc}). "
            "Batas yang terpasang sebelumnya tidak berubah. Laporkan ke pengelola dasbor beserta berkasnya.",
        )
        return InstallReport(False, (issue,), None)


def _install(path: Path, target: Path, register: Register) -> InstallReport:
    """Read, check and prepare everything in memory; touch the store only once the result is complete."""
    frame, layer, notes = read_source(path)
    if frame is None:
        return _refused(path, notes)
    sha = sha256_of(path)
    current = read_provenance(target)
    if current and current.get("sha256") == sha and read_store(target, register)[0] is not None:
        issue = Issue(
            "sudah_terpasang",
            f"Berkas '{path.name}' sudah terpasang (sha256 sama, dipasang "
            f"{current.get('installed_at')}); tidak ada yang diubah.",
        )
        return InstallReport(True, (issue,), current, unchanged=True)
    if misplaced := _misplaced(frame, path.name, register):
        return _refused(path, misplaced)
    field, scores, matches = match_features(frame, register)
    geoms, more, problems = kelurahan_geometries(frame, matches, register) if field else ({}, [], [no_field(frame)])
    if problems:
        return _refused(path, problems)
    fixed = frozenset(m.kode for m in repaired(frame, matches) if m.kode)
    coverage, untidy, problems = check_coverage(geoms, register, fixed)
    if problems:
        return _refused(path, [*more, *problems])
    notes = [*notes, *more, *untidy]
    simplified, tolerance, size = simplify_coverage(geoms, register)
    if simplified is None:
        return _refused(
            path,
            [
                Issue(
                    "terlalu_rinci",
                    f"Batas di '{path.name}' tetap lebih besar dari "
                    f"{MAX_PAYLOAD_BYTES // 1000} KB meski disederhanakan {TOLERANCES_M[-1]} m.",
                )
            ],
        )
    provenance = {
        "version": STORE_VERSION,
        "source": path.name,
        "sha256": sha,
        "format": path.suffix.lower()[1:],
        "layer": layer,
        "installed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source_crs": frame.attrs["source_crs"],
        "features": len(frame),
        "field": field,
        "field_scores": scores,
        "coverage": coverage,
        "counts": {t: len(register.level(t)) for t in LEVELS},
        "tolerance_m": tolerance,
        "payload_bytes": size,
        "payload_limit_bytes": MAX_PAYLOAD_BYTES,
        "decimals": DECIMALS,
        "matches": [m.record(register) for m in matches],
        "notes": [{"code": n.code, "message": n.message} for n in notes],
        "versions": {"geopandas": gpd.__version__, "shapely": shapely.__version__, "geos": shapely.geos_version_string},
    }
    with staging(target) as folder:
        write_store(folder, build_boundaries(simplified, register, official=True, provenance=provenance))
        swap_in(folder, target)
    return InstallReport(True, tuple(notes), provenance)


def _refused(path: Path, problems: Sequence[Issue]) -> InstallReport:
    """A refusal: every problem, then one line that says the file was refused and nothing changed."""
    blocking = [p for p in problems if p.code not in NOTES]
    summary = Issue(
        "berkas_ditolak",
        f"Berkas '{path.name}' ditolak ({len(blocking)} masalah). Batas yang "
        "terpasang sebelumnya tidak berubah. Perbaiki masalah di atas lalu pasang ulang.",
    )
    return InstallReport(False, (*problems, summary), None)


def _misplaced(frame: gpd.GeoDataFrame, name: str, register: Register) -> list[Issue]:
    """A problem when the file's extent is not near the register's label points (a wrong or missing CRS)."""
    units = [u for u in register.level("kelurahan") if u.label_lat is not None]
    points = gpd.GeoSeries(shapely.points([u.label_lon for u in units], [u.label_lat for u in units]), crs=WGS84)
    near = shapely.box(*points.to_crs(UTM).total_bounds).buffer(NEAR_CITY_M) if units else None
    bounds = frame.total_bounds
    if np.isfinite(bounds).all() and (near is None or near.intersects(shapely.box(*bounds))):
        return []
    return [
        Issue(
            "lokasi_salah",
            f"Berkas '{name}' (CRS {frame.attrs['source_crs']}) tidak berada di Kota "
            "Tangerang Selatan. Periksa sistem koordinatnya: berkas tanpa CRS dianggap EPSG:4326.",
        )
    ]


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kpi.geo install PATH [--store DIR]` or `python -m kpi.geo status [--store DIR]`."""
    parser = argparse.ArgumentParser(prog="python -m kpi.geo", description="Batas wilayah Kota Tangerang Selatan.")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("install", help="pasang berkas batas kelurahan resmi")
    add.add_argument("path", help="GeoJSON, GeoPackage, Shapefile dalam .zip, atau FlatGeobuf")
    status = commands.add_parser("status", help="tampilkan batas yang dipakai peta")
    for sub in (add, status):
        sub.add_argument("--store", type=Path, default=None, help="folder batas (bawaan: .store/boundaries)")
    args = parser.parse_args(argv)
    settings.command_logging()  # tracebacks to the log file, never to the terminal
    target = args.store if args.store is not None else store_dir()
    if args.command == "install":
        return _cli_install(Path(args.path), target)
    return _cli_status(target)


def _cli_install(path: Path, target: Path) -> int:
    start = time.perf_counter()
    report = install(path, target)
    seconds = time.perf_counter() - start
    if not report.ok:
        print(f"Berkas '{path.name}' DITOLAK. Masalah:", file=sys.stderr)
        print("\n".join(f"  - {i.message}" for i in report.issues), file=sys.stderr)
        return 1
    if report.unchanged:
        print(report.issues[0].message)
        return 0
    print(f"Batas resmi terpasang di {target} ({seconds:.1f} detik).")
    print(_describe(report.provenance))
    if report.issues:
        print("Catatan:\n" + "\n".join(f"  - {i.message}" for i in report.issues))
    return 0


def _cli_status(target: Path) -> int:
    boundaries, reason = read_store(target)
    if boundaries is None:
        print(f"Belum ada batas resmi yang sah di {target} ({reason}).")
        print(f"Peta memakai Batas perkiraan: {FALLBACK_METHOD}")
        print("Pasang batas resmi dengan: python -m kpi.geo install BERKAS [--store FOLDER]")
        return 0
    print(f"Batas resmi terpasang di {target}.")
    print(_describe(boundaries.provenance))
    return 0


def _describe(p: dict) -> str:
    """The provenance in a few Indonesian lines."""
    matched = sum(1 for m in p.get("matches", []) if m.get("kode"))
    counts = p.get("counts", {})
    coverage = [f"  Cakupan       : {describe(p['coverage'])}"] if p.get("coverage") else []  # since issue 12
    return "\n".join(
        [
            f"  Berkas        : {p.get('source')} (sha256 {str(p.get('sha256'))[:16]}…, CRS asal {p.get('source_crs')})",
            f"  Dipasang      : {p.get('installed_at')}",
            f"  Pencocokan    : {matched} dari {p.get('features')} fitur cocok; kolom utama '{p.get('field')}'",
            f"  Wilayah       : {counts.get('kelurahan')} kelurahan, {counts.get('kecamatan')} kecamatan, "
            f"{counts.get('kota')} kota",
            f"  Penyederhanaan: toleransi {p.get('tolerance_m')} m; GeoJSON kelurahan "
            f"{p.get('payload_bytes', 0) / 1000:.1f} KB (batas {MAX_PAYLOAD_BYTES // 1000} KB)",
            *coverage,
        ]
    )
