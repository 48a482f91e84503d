"""Whether the kelurahan of a boundary file cover the city as one clean coverage: an overlap of two kelurahan or a
gap (a hole inside the dissolved city) larger than TOLERANCE_HA refuses the file; smaller flaws are a note.

Geometries come in UTM 48S (metres), so areas are true areas. Overlapping pairs are found with an STRtree, gaps are
the interior rings of the union: both take well under a second on the 54 official polygons (26,718 vertices)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from kpi.core.issues import Issue
from kpi.core.wilayah import Register
from kpi.geo.store import UTM, WGS84

TOLERANCE_HA = 1.0  # the largest overlap of a pair of kelurahan, and the largest gap, an install accepts
TOUCH_M = 0.05  # a kelurahan borders a gap when more than MIN_SHARED_M of its boundary lies this close to the gap
MIN_SHARED_M = 1.0
HECTARE_M2 = 10_000.0


def check_coverage(
    geoms: dict[str, shapely.Geometry], register: Register, repaired: frozenset[str] = frozenset()
) -> tuple[dict, list[Issue], list[Issue]]:
    """The summary (tolerance, largest overlap and gap in ha), the notes and the problems of a kelurahan coverage;
    `repaired` are the kelurahan whose geometry make_valid had to repair."""
    codes = sorted(geoms)
    array = np.array([geoms[k] for k in codes], dtype=object)
    pairs = _overlaps(array)
    holes = _holes(array)
    summary = {
        "tolerance_ha": TOLERANCE_HA,
        "max_overlap_ha": round(max((a for _, _, a in pairs), default=0.0) / HECTARE_M2, 4),
        "max_gap_ha": round(max((h.area for h in holes), default=0.0) / HECTARE_M2, 4),
    }
    problems = [
        _overlap(codes[i], codes[j], area, register, repaired)
        for i, j, area in pairs
        if area > TOLERANCE_HA * HECTARE_M2
    ]
    problems += [_gap(h, _around(h, array, codes), register) for h in holes if h.area > TOLERANCE_HA * HECTARE_M2]
    tidy = not holes and bool(shapely.coverage_is_valid(array))
    notes = [] if problems or tidy else [_untidy(summary, pairs, codes, register)]
    return summary, notes, problems


def _overlaps(array: np.ndarray) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of geometries that share area, with that area in m², largest first."""
    left, right = shapely.STRtree(array).query(array, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    areas = shapely.area(shapely.intersection(array[left], array[right]))
    found = [(int(i), int(j), float(a)) for i, j, a in zip(left, right, areas, strict=True) if a > 0]
    return sorted(found, key=lambda p: (-p[2], p[0], p[1]))


def _holes(array: np.ndarray) -> list[shapely.Polygon]:
    """The holes inside the union of the geometries (the city's interior rings), largest first."""
    union = shapely.union_all(array)
    holes = [shapely.Polygon(r) for part in shapely.get_parts(union) for r in getattr(part, "interiors", [])]
    return sorted(holes, key=lambda h: -h.area)


def _around(hole: shapely.Polygon, array: np.ndarray, codes: list[str]) -> list[str]:
    """The kelurahan that share a stretch of border with a hole (a corner touching it does not count)."""
    ring = hole.exterior.buffer(TOUCH_M)
    near = shapely.STRtree(array).query(ring, predicate="intersects")
    shared = shapely.length(shapely.intersection(shapely.boundary(array[near]), ring))
    return sorted(codes[i] for i, length in zip(near, shared, strict=True) if length > MIN_SHARED_M)


def describe(summary: dict) -> str:
    """A coverage summary in one Indonesian line, for the install and status commands."""
    return (
        f"tumpang tindih terbesar {_ha(summary['max_overlap_ha'])} ha, celah terbesar {_ha(summary['max_gap_ha'])} "
        f"ha (toleransi {_ha_text(summary['tolerance_ha'])} per pasangan kelurahan dan per celah)"
    )


def _ha(hectares: float) -> str:
    """Hectares in Indonesian with two decimals: 1.244,50."""
    return f"{hectares:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _ha_text(hectares: float) -> str:
    """A tolerance in hectares as Indonesian text without needless decimals: '1 ha', '0,5 ha'."""
    return f"{hectares:g}".replace(".", ",") + " ha"


def _tolerance() -> str:
    """TOLERANCE_HA as Indonesian text: '1 ha', '0,5 ha'."""
    return _ha_text(TOLERANCE_HA)


def _overlap(a: str, b: str, area: float, register: Register, repaired: frozenset[str]) -> Issue:
    """The problem of two kelurahan that cover the same ground."""
    broken = [register.name(k) for k in (a, b) if k in repaired]
    cause = (
        f" Geometri {' dan '.join(broken)} tidak sah (batasnya berpotongan sendiri) dan perbaikan otomatisnya "
        "(make_valid) memasukkan bagian itu ke kelurahan lain: perbaiki poligon aslinya."
        if broken
        else ""
    )
    return Issue(
        "tumpang_tindih",
        f"Kelurahan {register.name(a)} ({a}) dan Kelurahan {register.name(b)} ({b}) tumpang tindih seluas "
        f"{_ha(area / HECTARE_M2)} ha, di atas toleransi {_tolerance()} per pasangan kelurahan. Setiap tempat "
        f"harus masuk tepat satu kelurahan.{cause} Perbaiki batas kedua kelurahan di aplikasi GIS (mis. QGIS) lalu "
        "pasang ulang.",
        value=f"{register.name(a)}, {register.name(b)}",
    )


def _gap(hole: shapely.Polygon, around: list[str], register: Register) -> Issue:
    """The problem of ground inside the city that no kelurahan covers."""
    point = gpd.GeoSeries([hole.point_on_surface()], crs=UTM).to_crs(WGS84).iloc[0]
    return Issue(
        "celah_dalam_kota",
        f"Ada celah seluas {_ha(hole.area / HECTARE_M2)} ha di dalam kota yang tidak masuk kelurahan mana "
        f"pun{_where(around, register)} (titik di dalamnya: bujur {point.x:.5f}, lintang {point.y:.5f}), di atas toleransi "
        f"{_tolerance()} per celah. Setiap tempat di dalam kota harus masuk tepat satu kelurahan: perbaiki batas "
        "kelurahan di sekitarnya hingga menutup celah itu, lalu pasang ulang.",
        value=", ".join(register.name(k) for k in around),
    )


def _where(around: list[str], register: Register) -> str:
    """', di antara Kelurahan A (kode), B (kode) dan C (kode)', or ', di dalam Kelurahan A (kode)' for one."""
    named = [f"{register.name(k)} ({k})" for k in around]
    if len(named) < 2:
        return f", di dalam Kelurahan {named[0]}" if named else ""
    return f", di antara Kelurahan {', '.join(named[:-1])} dan {named[-1]}"


def _untidy(summary: dict, pairs: list[tuple[int, int, float]], codes: list[str], register: Register) -> Issue:
    """The note of a coverage whose flaws all stay under the tolerance."""
    where = f" ({register.name(codes[pairs[0][0]])}–{register.name(codes[pairs[0][1]])})" if pairs else ""
    largest = f"tumpang tindih terbesar {_ha(summary['max_overlap_ha'])} ha{where}"
    return Issue(
        "cakupan_tidak_rapat",
        "Batas antar-kelurahan di berkas tidak rapat (tepi kelurahan yang bertetangga tidak berimpit persis), "
        f"tetapi di bawah toleransi {_tolerance()}: {largest}, celah terbesar "
        f"{_ha(summary['max_gap_ha'])} ha. Batas hasil penyederhanaan bisa menyimpang sedikit.",
    )
