"""Approximate boundaries when none are installed: Voronoi cells of the register's label points.

The cells are honest placeholders ("Batas perkiraan"), not boundaries: each kelurahan gets the area closer
to its label point than to any other, clipped to a smooth outline around all points. They are built at run
time from `data/wilayah.csv` alone, deterministically, so the app needs no boundary file to draw a map.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from kpi.core.wilayah import Register
from kpi.geo.store import UTM, WGS84, Boundaries, build_boundaries

HULL_RATIO = 0.2  # concave hull of the label points: 0 hugs the points, 1 is the convex hull
MARGIN_M = 900  # the outline reaches this far beyond the outermost label points
SMOOTH_M = 1500  # closing radius that rounds off notches in the outline
OUTLINE_SIMPLIFY_M = 10
METHOD = (
    "Sel Voronoi dari titik label 54 kelurahan (data/wilayah.csv), dipotong pada garis luar halus "
    f"(concave hull rasio {HULL_RATIO}, penyangga {MARGIN_M} m, penghalusan {SMOOTH_M} m), dihitung di UTM 48S."
)


class MissingLabelPoints(ValueError):
    """The register lacks a label point for some kelurahan, so no approximate geometry can be built."""


def build_fallback(register: Register) -> Boundaries:
    """Voronoi cells of the kelurahan label points, clipped to a smooth outline, dissolved up the register."""
    units = register.level("kelurahan")
    lacking = [u.nama for u in units if u.label_lat is None or u.label_lon is None]
    if lacking:
        raise MissingLabelPoints(f"Titik label tidak ada untuk kelurahan: {', '.join(lacking)}.")
    points = (
        gpd.GeoSeries(shapely.points([u.label_lon for u in units], [u.label_lat for u in units]), crs=WGS84)
        .to_crs(UTM)
        .to_numpy()
    )
    cells = gpd.GeoSeries(voronoi_cells(points), crs=UTM).to_crs(WGS84).to_numpy()
    return build_boundaries(
        {u.kode: cell for u, cell in zip(units, cells, strict=True)}, register, official=False, provenance=None
    )


def outline(points: np.ndarray) -> shapely.Geometry:
    """A smooth polygon around all points: concave hull, buffered outwards, notches closed, lightly simplified."""
    hull = shapely.concave_hull(shapely.multipoints(points), ratio=HULL_RATIO)
    shape = hull.buffer(MARGIN_M).buffer(SMOOTH_M).buffer(-SMOOTH_M)
    return shape.simplify(OUTLINE_SIMPLIFY_M)


def voronoi_cells(points: np.ndarray) -> np.ndarray:
    """One cell per point (metres), in input order, clipped to the outline; every point lies in its own cell."""
    boundary = outline(points)
    diagram = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=boundary, ordered=True)
    cells = shapely.intersection(shapely.get_parts(diagram), boundary)
    if not shapely.contains(cells, points).all():
        raise ValueError("Sel Voronoi tidak memuat titiknya sendiri; periksa titik label di register.")
    return cells
