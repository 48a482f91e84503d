"""Map figures of one indicator: a plotly choropleth (no network request offline) and a pydeck 3-D view."""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import shapely

from charts import style
from charts.classify import NODATA, NODATA_COLOR, Classes, LegendEntry, classify, with_unit
from kpi.core.catalogue import Indicator
from kpi.core.texts import tr
from kpi.metrics.targets import STATUSES

__all__ = [
    "Classes",
    "LegendEntry",
    "bounds_center_zoom",
    "choropleth",
    "classify",
    "deck",
    "feature_collection",
    "hover_texts",
    "tooltip_fields",
]

BASEMAPS = {"offline": "white-bg", "online": "carto-positron"}
# plotly.js's built-in "white-bg" names fonts.openmaptiles.org for glyphs, fetched as soon as a text trace is drawn.
# The same white background without a glyphs URL makes MapLibre draw the label text locally: no request at all.
OFFLINE_STYLE = {
    "version": 8,
    "sources": {},
    "layers": [{"id": "white-bg", "type": "background", "paint": {"background-color": "#FFFFFF"}}],
}
# pydeck's own default map_style. Streamlit 1.67 drops it and draws no basemap, whereas map_style=None makes
# Streamlit pick a Carto style by theme and fetch basemaps.cartocdn.com even with map_provider=None.
NO_BASEMAP = "__MAP_STYLE__"
PLACEHOLDER = "__kosong__"  # the location of an empty class: matches no shape, keeps the class in the legend
DEFAULT_CENTER = {"lat": -6.29, "lon": 106.71}  # Kota Tangerang Selatan
MAX_ELEVATION = 3000.0


def feature_collection(gdf, decimals: int = 6) -> dict:
    """A GeoJSON FeatureCollection of a GeoDataFrame (EPSG:4326) with only kode and nama as properties."""
    slim = gdf[["kode", "nama", "geometry"]].astype({"kode": str, "nama": str})
    if slim.crs is not None and slim.crs.to_epsg() != 4326:
        slim = slim.to_crs(4326)
    slim = slim.set_geometry(shapely.transform(slim.geometry.values, lambda xy: np.round(xy, decimals)))
    return slim.to_geo_dict(drop_id=True)


def _coordinates(geojson: dict) -> np.ndarray:
    """All (lon, lat) positions of a FeatureCollection as an n×2 array."""
    geoms = [shapely.geometry.shape(f["geometry"]) for f in geojson.get("features", []) if f.get("geometry")]
    return shapely.get_coordinates(geoms) if geoms else np.empty((0, 2))


def bounds_center_zoom(geojson: dict, width: int = 800, height: int = 480, padding: float = 0.9) -> tuple[dict, float]:
    """The centre {lat, lon} and Web-Mercator zoom at which the features fill a width×height view."""
    xy = _coordinates(geojson)
    if xy.size == 0:
        return dict(DEFAULT_CENTER), 10.5
    (west, south), (east, north) = xy.min(axis=0).tolist(), xy.max(axis=0).tolist()

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    # deck.gl and MapLibre draw the world 512 px wide at zoom 0.
    zoom_x = math.log2(width * padding * 360 / (512 * max(east - west, 1e-6)))
    zoom_y = math.log2(height * padding * 2 * math.pi / (512 * max(merc(north) - merc(south), 1e-8)))
    lat = math.degrees(2 * math.atan(math.exp((merc(north) + merc(south)) / 2)) - math.pi / 2)
    return {"lat": round(lat, 6), "lon": round(float(west + east) / 2, 6)}, round(min(zoom_x, zoom_y, 18.0), 2)


def _col(rows: pd.DataFrame, name: str) -> pd.Series:
    """A column of rows, or missing values when the caller left it out."""
    return rows[name] if name in rows else pd.Series(np.nan, index=rows.index, dtype=object)


def _status_text(status, classes: Classes, lang: str) -> str | None:
    """A target status or band code as its label in the language."""
    if not isinstance(status, str):
        return None
    return tr(f"status.{status}", lang) if status in STATUSES else classes.label_of(status)


def _rank_text(rank, of, lang: str) -> str | None:
    """'Peringkat 2 dari 7', or None without a rank."""
    if pd.isna(rank) or pd.isna(of):
        return None
    return tr("maps.rank", lang).format(p=int(rank), n=int(of))


def tooltip_fields(rows: pd.DataFrame, ind: Indicator, classes: Classes, lang: str = "id") -> pd.DataFrame:
    """Texts per row: kode, nama, nilai_teks, target_teks, status_teks, peringkat_teks, kelas, rincian."""
    names = _col(rows, "nama_wilayah")
    ranks = zip(_col(rows, "peringkat"), _col(rows, "peringkat_dari"), strict=True)
    fields = pd.DataFrame(
        {
            "kode": rows["kode_wilayah"].astype(str),
            "nama": names.where(names.notna(), rows["kode_wilayah"]).astype(str),
            "nilai_teks": [
                with_unit(v, ind, lang) if pd.notna(v) else tr("no_data", lang).lower() for v in rows["nilai"]
            ],
            "target_teks": [
                f"{tr('target', lang)}: {with_unit(t, ind, lang)}" if pd.notna(t) else "" for t in _col(rows, "target")
            ],
            "status_teks": [
                f"{tr('col_status', lang)}: {s}" if s else ""
                for s in (_status_text(s, classes, lang) for s in _col(rows, "status"))
            ],
            "peringkat_teks": [_rank_text(p, d, lang) or "" for p, d in ranks],
            "kelas": [classes.label_of(k) for k in classes.codes.reindex(rows.index).fillna(NODATA)],
        },
        index=rows.index,
    )
    details = fields[["target_teks", "status_teks", "peringkat_teks"]].to_numpy().tolist()
    return fields.assign(rincian=["".join(f"<br>{t}" for t in line if t) for line in details])


def hover_texts(rows: pd.DataFrame, ind: Indicator, classes: Classes, lang: str = "id") -> pd.Series:
    """One HTML hover text per row: name, value with unit, then target, status and rank when known."""
    f = tooltip_fields(rows, ind, classes, lang)
    return "<b>" + f["nama"] + "</b><br>" + ind.text("short", lang) + ": " + f["nilai_teks"] + f["rincian"]


def _subset(geojson: dict, kodes: set[str]) -> dict:
    """The features of these codes only, so each trace carries just its own shapes."""
    return {
        "type": "FeatureCollection",
        "features": [f for f in geojson.get("features", []) if str(f["properties"]["kode"]) in kodes],
    }


def _unmatched(geojson: dict, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows (no value) for the features that rows do not mention, so no wilayah is left blank."""
    known = set(rows["kode_wilayah"].astype(str))
    props = [f["properties"] for f in geojson.get("features", []) if str(f["properties"]["kode"]) not in known]
    return pd.DataFrame(
        {
            "kode_wilayah": [str(p["kode"]) for p in props],
            "nama_wilayah": [p.get("nama", p["kode"]) for p in props],
            "nilai": np.nan,
        }
    )


def _class_trace(geojson: dict, entry: LegendEntry, kode: list[str], text: list[str]) -> go.Choroplethmap:
    """One choropleth trace for one legend class, drawn in the class colour."""
    if not kode:  # plotly drops an empty trace from the legend; a code matching no shape keeps the class listed
        kode, text = [PLACEHOLDER], [""]
    return go.Choroplethmap(
        geojson=_subset(geojson, set(kode)),
        featureidkey="properties.kode",
        locations=kode,
        z=[0] * len(kode),
        colorscale=[[0, entry.color], [1, entry.color]],
        zmin=0,
        zmax=1,
        showscale=False,
        showlegend=True,
        name=entry.label,
        legendgroup=entry.key,
        customdata=kode,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "white", "width": 1}, "opacity": 0.9},
    )


def _label_traces(points: pd.DataFrame, colour_of: dict[str, str]) -> list[go.Scattermap]:
    """Wilayah names at their label points, as text only (no hover): white on dark classes, black elsewhere."""
    kode = points["kode"].astype(str)
    dark = kode.map(lambda k: style.is_dark(colour_of.get(k, NODATA_COLOR)))
    return [
        go.Scattermap(
            lat=part["label_lat"],
            lon=part["label_lon"],
            text=part["nama"],
            customdata=part["kode"].astype(str),
            mode="text",
            textfont={"size": style.FONT, "color": colour},
            hoverinfo="skip",
            showlegend=False,
            name="",
        )
        for part, colour in ((points[~dark], style.INK), (points[dark], style.WHITE))
        if len(part)
    ]


def _map_table(geojson: dict, rows: pd.DataFrame, classes: Classes, lang: str):
    """Rows plus a no-value row per unmatched feature, their class keys, and the legend (with no data if needed)."""
    extra = _unmatched(geojson, rows)
    codes = pd.concat(
        [classes.codes.reindex(rows.index).fillna(NODATA), pd.Series(NODATA, index=extra.index)], ignore_index=True
    )
    table = pd.concat([rows, extra], ignore_index=True) if len(extra) else rows.reset_index(drop=True)
    legend = classes.legend
    if codes.eq(NODATA).any() and all(e.key != NODATA for e in legend):
        legend = (*legend, LegendEntry(NODATA, tr("no_data", lang), NODATA_COLOR))
    return table, codes, legend


def _style(basemap: str, labels: bool):
    """The map style; offline with labels, a white style without a glyphs URL so text is drawn locally."""
    if basemap not in BASEMAPS:
        raise ValueError(f"Peta dasar '{basemap}' tidak dikenal; pilih salah satu dari {', '.join(BASEMAPS)}.")
    return OFFLINE_STYLE if basemap == "offline" and labels else BASEMAPS[basemap]


def choropleth(
    geojson: dict,
    rows: pd.DataFrame,
    ind: Indicator,
    classes: Classes,
    lang: str = "id",
    basemap: str = "offline",
    approximate: bool = False,
    label_points: pd.DataFrame | None = None,
    title: str | None = None,
    height: int = 560,
) -> go.Figure:
    """A choropleth with one trace per class; 'offline' draws on a white background and requests nothing."""
    labels = label_points is not None and len(label_points) > 0
    map_style = _style(basemap, labels)
    table, codes, legend = _map_table(geojson, rows, classes, lang)
    kode, text = table["kode_wilayah"].astype(str), hover_texts(table, ind, classes, lang)
    fig = go.Figure(
        [_class_trace(geojson, e, kode[codes.eq(e.key)].tolist(), text[codes.eq(e.key)].tolist()) for e in legend]
    )
    if labels:
        colours = {e.key: e.color for e in legend}
        fig.add_traces(_label_traces(label_points, dict(zip(kode, codes.map(colours), strict=True))))
    center, zoom = bounds_center_zoom(geojson, height=max(height - 120, 200))
    fig.update_layout(
        map={"style": map_style, "center": center, "zoom": zoom},
        height=height,
        margin={"l": 0, "r": 0, "t": 48 if title else 0, "b": 0},
        font={"size": style.FONT},
        hoverlabel=style.hover_label(),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "top",
            "font": {"size": style.FONT},
            "title": {"text": classes.title, "side": "top", "font": {"size": style.FONT}},
        },
        title={"text": title, "font": {"size": style.FONT + 4}, "x": 0.01} if title else None,
    )
    if approximate:
        fig.add_annotation(
            text=tr("maps.approximate", lang),
            xref="paper",
            yref="paper",
            x=0.01,
            y=0.99,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            font={"size": style.FONT, "color": "#7c2d12"},
            bgcolor="rgba(255,247,237,0.92)",
            bordercolor="#c2410c",
            borderwidth=1,
            borderpad=6,
        )
    return fig


def _rgba(color: str, alpha: int = 210) -> list[int]:
    """'#1a9850' -> [26, 152, 80, alpha]."""
    return [*style.rgb(color), alpha]


def _elevations(values: pd.Series, ind: Indicator) -> pd.Series:
    """Heights in metres from the indicator's range floor, the largest value at MAX_ELEVATION; 0 when missing."""
    base = min(float(ind.range[0]), float(values.min())) if values.notna().any() else 0.0
    span = float(values.max()) - base if values.notna().any() else 0.0
    scaled = (values - base) / span * MAX_ELEVATION if span > 0 else values * 0 + MAX_ELEVATION / 10
    return scaled.fillna(0.0).round(1)


def _tooltip(ind: Indicator, lang: str, approximate: bool) -> dict:
    """The deck tooltip: {field} is filled (HTML-escaped) from each feature's properties; empty lines collapse."""
    note = f"<div><i>{tr('maps.approximate', lang).split('<br>')[0]}</i></div>" if approximate else ""
    html = (
        f"<b>{{nama}}</b><div>{ind.text('short', lang)}: {{nilai_teks}}</div><div>{{target_teks}}</div>"
        f"<div>{{status_teks}}</div><div>{{peringkat_teks}}</div>{note}"
    )
    box = {
        "backgroundColor": style.WHITE,
        "color": style.INK,
        "fontSize": f"{style.FONT}px",
        "padding": "8px",
        "border": f"1px solid {style.HOVER_BORDER}",
        "borderRadius": "4px",
    }
    return {"html": html, "style": box}


def _text_layer(points: pd.DataFrame, extruded: bool) -> pdk.Layer:
    """Names at the label points, drawn by deck.gl from its own font atlas (no glyph request)."""
    data = points.rename(columns={"label_lat": "lat", "label_lon": "lon"})[["nama", "lat", "lon"]].to_dict("records")
    return pdk.Layer(
        "TextLayer",
        data,
        id="nama",
        get_position=["lon", "lat"],
        get_text="nama",
        get_size=13,
        get_color=[17, 24, 39, 255],
        get_alignment_baseline="'center'",
        billboard=True,
        background=True,
        get_background_color=[255, 255, 255, 200],
        background_padding=[3, 1],
        parameters={"depthTest": False} if extruded else None,
    )


def deck(
    geojson: dict,
    rows: pd.DataFrame,
    ind: Indicator,
    classes: Classes,
    lang: str = "id",
    extruded: bool = True,
    approximate: bool = False,
    label_points: pd.DataFrame | None = None,
) -> pdk.Deck:
    """A pydeck GeoJsonLayer coloured by class and raised by value, with no basemap and no network request."""
    data = copy.deepcopy(geojson)
    fields = (
        tooltip_fields(rows, ind, classes, lang)
        .assign(
            fill=[_rgba(classes.color_of(k)) for k in classes.codes.reindex(rows.index).fillna(NODATA)],
            elevation=_elevations(pd.to_numeric(rows["nilai"], errors="coerce").astype(float), ind),
        )
        .drop(columns="rincian")
        .drop_duplicates("kode")
        .set_index("kode")
    )
    missing = {
        "nilai_teks": tr("no_data", lang).lower(),
        "target_teks": "",
        "status_teks": "",
        "peringkat_teks": "",
        "kelas": tr("no_data", lang),
        "fill": _rgba(NODATA_COLOR),
        "elevation": 0.0,
    }
    for feature in data.get("features", []):
        props = feature.setdefault("properties", {})
        kode = str(props.get("kode"))
        record = fields.loc[kode].to_dict() if kode in fields.index else {**missing, "nama": props.get("nama", kode)}
        props.update(record)
    layer = pdk.Layer(
        "GeoJsonLayer",
        data,
        id="wilayah",
        pickable=True,
        auto_highlight=True,
        filled=True,
        stroked=True,
        extruded=extruded,
        wireframe=extruded,
        get_fill_color="properties.fill",
        get_elevation="properties.elevation",
        get_line_color=[255, 255, 255],
        line_width_min_pixels=1,
    )
    center, zoom = bounds_center_zoom(geojson, height=500)
    view = pdk.ViewState(
        latitude=center["lat"], longitude=center["lon"], zoom=zoom, pitch=45 if extruded else 0, bearing=0
    )
    layers = [layer] + ([_text_layer(label_points, extruded)] if label_points is not None and len(label_points) else [])
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        map_style=NO_BASEMAP,
        tooltip=_tooltip(ind, lang, approximate),
    )
