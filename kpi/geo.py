"""Boundaries of Kota Tangerang Selatan: install an official file, or fall back to approximate cells.

`python -m kpi.geo install PATH [--store DIR]` reads GeoJSON, GeoPackage, a zipped Shapefile or FlatGeobuf,
matches every feature to the register by code or name, repairs, simplifies the kelurahan as one coverage
(shared borders stay shared), dissolves kecamatan and kota by the register's parent codes, and swaps the
result into a git-ignored store. A file that does not cover the city exactly is refused as a whole.
`python -m kpi.geo status` says what the maps draw.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from kpi.geo_fallback import METHOD as FALLBACK_METHOD, build_fallback
from kpi.geo_store import (COLUMNS, DECIMALS, LEVELS, MAX_PAYLOAD_BYTES, PROVENANCE, STORE_VERSION, TOLERANCES_M,
                           UTM, WGS84, Boundaries, build_boundaries, coverage_notes, payload_bytes, polygonal,
                           read_provenance, read_source, read_store, sha256_of, simplify_coverage, staging, swap_in,
                           to_geojson, write_store)
from kpi.issues import Issue
from kpi.wilayah import Register, Resolution, load_register, normalise_name

__all__ = ["COLUMNS", "LEVELS", "Boundaries", "InstallReport", "fallback_boundaries", "install", "load_boundaries",
           "main", "payload_bytes", "store_dir", "to_geojson"]

ROOT = Path(__file__).resolve().parents[1]
NEAR_CITY_M = 20_000  # a file whose extent is farther than this from the label points is misplaced
NOTES = frozenset({"crs_diasumsikan", "lapisan_dipilih", "geometri_diperbaiki", "cakupan_tidak_rapat",
                   "sudah_terpasang"})  # issue codes that inform but do not refuse
# Field names, tried case-insensitively: Kemendagri/BIG first, then BPS, then generic; names after codes.
CODE_FIELDS = ("KDEPUM", "kode_kelurahan", "kode_kemendagri", "kode_desa", "kd_desa", "KDEBPS", "kode_bps",
               "iddesa", "id_desa", "kode", "kode_wilayah")
NAME_FIELDS = ("WADMKD", "NAMOBJ", "nama_kelurahan", "kelurahan", "nama_desa", "desa", "nama", "name", "village")
KECAMATAN_FIELDS = ("WADMKC", "KDCPUM", "nama_kecamatan", "kecamatan", "kode_kecamatan", "kec", "district")
CODE_VALUE = re.compile(r"(id)?\d{10}|\d{2}\.\d{2}\.\d{2}\.\d{4}", re.IGNORECASE)

logger = logging.getLogger(__name__)


def store_dir() -> Path:
    """Where installed boundaries live: $TANGSEL_KPI_STORE/boundaries, else <repo>/.store/boundaries."""
    return Path(os.environ.get("TANGSEL_KPI_STORE", ROOT / ".store")) / "boundaries"


def __getattr__(name: str):
    if name == "STORE_DIR":  # computed on access, so a changed environment variable is honoured
        return store_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    except Exception as exc:  # noqa: BLE001 - the border: problems become Issues, the old install stays
        logger.exception("install failed for %s", path)
        issue = Issue("galat_internal", f"Pemasangan berkas '{path.name}' gagal ({type(exc).__name__}: {exc}). "
                      "Batas yang terpasang sebelumnya tidak berubah. Laporkan ke pengelola dasbor beserta berkasnya.")
        return InstallReport(False, (issue,), None)


def _install(path: Path, target: Path, register: Register) -> InstallReport:
    """Read, check and prepare everything in memory; touch the store only once the result is complete."""
    frame, layer, notes = read_source(path)
    if frame is None:
        return _refused(path, notes)
    sha = sha256_of(path)
    current = read_provenance(target)
    if current and current.get("sha256") == sha and read_store(target, register)[0] is not None:
        issue = Issue("sudah_terpasang", f"Berkas '{path.name}' sudah terpasang (sha256 sama, dipasang "
                      f"{current.get('installed_at')}); tidak ada yang diubah.")
        return InstallReport(True, (issue,), current, unchanged=True)
    if misplaced := _misplaced(frame, path.name, register):
        return _refused(path, misplaced)
    field, scores, matches = match_features(frame, register)
    geoms, more, problems = _kelurahan_geometries(frame, matches, register) if field else ({}, [], [_no_field(frame)])
    if problems:
        return _refused(path, problems)
    notes = [*notes, *more, *coverage_notes(geoms)]
    simplified, tolerance, size = simplify_coverage(geoms, register)
    if simplified is None:
        return _refused(path, [Issue("terlalu_rinci", f"Batas di '{path.name}' tetap lebih besar dari "
                                     f"{MAX_PAYLOAD_BYTES // 1000} KB meski disederhanakan {TOLERANCES_M[-1]} m.")])
    provenance = {
        "version": STORE_VERSION, "source": path.name, "sha256": sha, "format": path.suffix.lower()[1:],
        "layer": layer, "installed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "source_crs": frame.attrs["source_crs"], "features": len(frame), "field": field, "field_scores": scores,
        "counts": {t: len(register.level(t)) for t in LEVELS}, "tolerance_m": tolerance, "payload_bytes": size,
        "payload_limit_bytes": MAX_PAYLOAD_BYTES, "decimals": DECIMALS,
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
    summary = Issue("berkas_ditolak", f"Berkas '{path.name}' ditolak ({len(blocking)} masalah). Batas yang "
                    "terpasang sebelumnya tidak berubah. Perbaiki masalah di atas lalu pasang ulang.")
    return InstallReport(False, (*problems, summary), None)


def _misplaced(frame: gpd.GeoDataFrame, name: str, register: Register) -> list[Issue]:
    """A problem when the file's extent is not near the register's label points (a wrong or missing CRS)."""
    units = [u for u in register.level("kelurahan") if u.label_lat is not None]
    points = gpd.GeoSeries(shapely.points([u.label_lon for u in units], [u.label_lat for u in units]), crs=WGS84)
    near = shapely.box(*points.to_crs(UTM).total_bounds).buffer(NEAR_CITY_M) if units else None
    bounds = frame.total_bounds
    if np.isfinite(bounds).all() and (near is None or near.intersects(shapely.box(*bounds))):
        return []
    return [Issue("lokasi_salah", f"Berkas '{name}' (CRS {frame.attrs['source_crs']}) tidak berada di Kota "
                  "Tangerang Selatan. Periksa sistem koordinatnya: berkas tanpa CRS dianggap EPSG:4326.")]


# ---------------------------------------------------------------- matching

@dataclass(frozen=True)
class Match:
    """One feature (0-based) and the kelurahan it matched through `field`, or the reason it matched none."""

    feature: int
    label: str
    kode: str | None
    field: str | None
    issue: Issue | None = None
    value: str = ""  # the text in `field` that matched

    def record(self, register: Register) -> dict:
        """The match as a provenance record (feature numbered from 1)."""
        return {"feature": self.feature + 1, "label": self.label, "field": self.field, "value": self.value,
                "kode": self.kode, "nama": register.name(self.kode) if self.kode else None}


def match_features(frame: pd.DataFrame, register: Register) -> tuple[str | None, dict[str, int], list[Match]]:
    """Match each feature to a kelurahan through the first field that resolves it: codes, then names, each
    class ordered by how many features it resolves. Return the leading field, every field's score and the matches."""
    code_fields, name_fields, kecamatan = _fields(frame)
    districts = [_text(v) for v in frame[kecamatan]] if kecamatan else [""] * len(frame)
    texts = {f: [_text(v) for v in frame[f]] for f in code_fields + name_fields}
    trials = {f: [_resolve(register, t, d) for t, d in zip(texts[f], districts)] for f in texts}
    scores = {f: sum(r.kode is not None for r in trials[f]) for f in trials}
    ranked = lambda fields: sorted((f for f in fields if scores[f]), key=lambda f: -scores[f])  # noqa: E731 - stable
    order = ranked(code_fields) + ranked(name_fields) or list(trials)
    if not order:
        return None, scores, []
    labels = [next((texts[f][i] for f in [*name_fields, *texts] if texts[f][i]), f"fitur ke-{i + 1}")
              for i in range(len(frame))]
    return order[0], scores, [_pick(i, labels[i], order, texts, trials) for i in range(len(frame))]


def _fields(frame: pd.DataFrame) -> tuple[list[str], list[str], str | None]:
    """The code fields (known names, then code-like columns), the name fields, and a filled kecamatan field."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    by_lower = {str(c).lower(): c for c in columns}
    known = lambda names: [by_lower[n.lower()] for n in names if n.lower() in by_lower]  # noqa: E731
    codes, districts = known(CODE_FIELDS), known(KECAMATAN_FIELDS)
    codes += [c for c in columns if c not in codes + districts and _code_like(frame[c])]
    names = [c for c in known(NAME_FIELDS) if c not in codes]
    filled = [c for c in districts if frame[c].map(_text).ne("").any()]
    return codes, names, (filled[0] if filled else None)


def _code_like(values: pd.Series) -> bool:
    """Whether most filled values look like kelurahan codes (Kemendagri dotted, or ten digits, maybe 'id…')."""
    texts = [t for t in values.map(_text) if t]
    return bool(texts) and sum(bool(CODE_VALUE.fullmatch(t)) for t in texts) * 2 >= len(texts)


def _text(value: object) -> str:
    """A cell as stripped text; whole floats (codes read from a .dbf) lose their '.0'."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _resolve(register: Register, value: str, kecamatan: str) -> Resolution:
    """The register's resolution of a kelurahan value; an ambiguous name is settled by the kecamatan column."""
    found = register.resolve(value, "kelurahan")
    if found.kode or not kecamatan or found.issue.code != "wilayah_ambigu":
        return found
    parent = register.resolve(kecamatan, "kecamatan").kode
    key = normalise_name(value)[0]
    options = [u.kode for u in register.children(parent or "")
               if key in (normalise_name(u.nama)[0], normalise_name(u.nama_bps)[0])]
    return Resolution(options[0]) if len(options) == 1 else found


def _pick(i: int, label: str, order: list[str], texts: dict[str, list[str]],
          trials: dict[str, list[Resolution]]) -> Match:
    """The first field, in order, whose value resolves; else the most telling reason."""
    for field in order:
        if trials[field][i].kode:
            return Match(i, label, trials[field][i].kode, field, value=texts[field][i])
    reasons = [trials[f][i].issue for f in order if trials[f][i].issue.code != "wilayah_kosong"]
    return Match(i, label, None, None, reasons[0] if reasons else None)


def _kelurahan_geometries(frame: gpd.GeoDataFrame, matches: list[Match], register: Register):
    """One repaired (Multi)Polygon per kelurahan; problems for unmatched, duplicated, empty or missing ones."""
    problems = [_unmatched(m) for m in matches if m.kode is None]
    groups: dict[str, list[Match]] = {}
    for m in matches:
        if m.kode:
            groups.setdefault(m.kode, []).append(m)
    geometry = frame.geometry.to_numpy()
    fixed = [m.label for m in matches if m.kode and geometry[m.feature] is not None
             and not geometry[m.feature].is_valid]
    notes = [Issue("geometri_diperbaiki", f"Geometri {len(fixed)} fitur tidak sah dan diperbaiki (make_valid): "
                   f"{', '.join(fixed)}.")] if fixed else []
    geoms = {}
    for kode, group in sorted(groups.items()):
        parts = [polygonal(geometry[m.feature]) for m in group]
        problems += [_empty(m, register) for m, g in zip(group, parts) if g is None]
        if len(group) > 1:
            problems.append(_duplicate(kode, group, register))
        elif parts[0] is not None:
            geoms[kode] = parts[0]
    problems += [_missing(u, register) for u in register.level("kelurahan") if u.kode not in groups]
    return geoms, notes, problems


def _no_field(frame: pd.DataFrame) -> Issue:
    columns = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name) or "tidak ada"
    return Issue("kolom_wilayah_tidak_ada", "Tidak ada kolom kode atau nama kelurahan yang dikenali. Kolom yang "
                 f"ada: {columns}. Beri nama kolomnya mis. 'KDEPUM' (kode Kemendagri), 'kode_bps' atau 'nama'.")


def _unmatched(m: Match) -> Issue:
    reason = f" {m.issue.message}" if m.issue else ""
    return Issue("fitur_tidak_cocok", f"Fitur ke-{m.feature + 1} '{m.label}' tidak cocok dengan kelurahan mana pun "
                 f"di Kota Tangerang Selatan.{reason} Perbaiki kode atau namanya, atau hapus fitur itu bila bukan "
                 "wilayah kota ini.", row=m.feature + 1, value=m.label)


def _features(group: list[Match]) -> str:
    """'ke-3 'Perigi'' and, when the match came from another column, that column's value."""
    return ", ".join(f"ke-{m.feature + 1} '{m.label}'" + (f" ({m.field} {m.value})" if m.value != m.label else "")
                     for m in group)


def _duplicate(kode: str, group: list[Match], register: Register) -> Issue:
    return Issue("kelurahan_ganda", f"Kelurahan {register.name(kode)} ({kode}) muncul di {len(group)} fitur: "
                 f"{_features(group)}. Setiap kelurahan harus tepat satu fitur: hapus duplikatnya, atau bila "
                 "fitur-fitur itu bagian dari kelurahan yang sama, gabungkan dulu (dissolve) menjadi satu MultiPolygon.",
                 row=group[1].feature + 1, value=register.name(kode))


def _empty(m: Match, register: Register) -> Issue:
    return Issue("geometri_kosong", f"Fitur ke-{m.feature + 1} '{m.label}' (Kelurahan {register.name(m.kode)}) "
                 "tidak memiliki geometri poligon. Setiap kelurahan harus berupa Polygon atau MultiPolygon.",
                 row=m.feature + 1, value=m.label)


def _missing(unit, register: Register) -> Issue:
    total = len(register.level("kelurahan"))
    return Issue("kelurahan_hilang", f"Kelurahan {unit.nama} ({unit.kode}, Kecamatan {register.name(unit.kode_induk)}) "
                 f"tidak ada di berkas. Berkas batas harus memuat ke-{total} kelurahan Kota Tangerang Selatan.",
                 value=unit.nama)


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
    return "\n".join([
        f"  Berkas        : {p.get('source')} (sha256 {str(p.get('sha256'))[:16]}…, CRS asal {p.get('source_crs')})",
        f"  Dipasang      : {p.get('installed_at')}",
        f"  Pencocokan    : {matched} dari {p.get('features')} fitur cocok; kolom utama '{p.get('field')}'",
        f"  Wilayah       : {counts.get('kelurahan')} kelurahan, {counts.get('kecamatan')} kecamatan, "
        f"{counts.get('kota')} kota",
        f"  Penyederhanaan: toleransi {p.get('tolerance_m')} m; GeoJSON kelurahan "
        f"{p.get('payload_bytes', 0) / 1000:.1f} KB (batas {MAX_PAYLOAD_BYTES // 1000} KB)",
    ])


if __name__ == "__main__":
    raise SystemExit(main())
