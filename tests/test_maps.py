"""Tests for charts.classify and charts.maps on 3 square kelurahan in 2 kecamatan (hand-worked numbers)."""

import copy
import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from charts import maps
from charts.classify import NODATA, NODATA_COLOR, classify, edges, number, palette, with_unit
from kpi.core.methods.bands import load_band_sets
from kpi.core.texts import tr

KODE = ["36.74.01.1001", "36.74.01.1002", "36.74.02.1001"]
NAMA = ["Satu", "Dua", "Tiga"]
POINTS = pd.DataFrame({"kode": KODE, "nama": NAMA, "label_lat": -6.295, "label_lon": [106.705, 106.715, 106.725]})


@pytest.fixture(scope="module")
def gdf():
    """Three 0.01° squares side by side, west to east, around 6.295° S 106.715° E."""
    squares = [box(106.70 + 0.01 * i, -6.30, 106.71 + 0.01 * i, -6.29) for i in range(3)]
    return gpd.GeoDataFrame(
        {"kode": KODE, "nama": NAMA, "tingkat": "kelurahan", "kode_induk": ["36.74.01", "36.74.01", "36.74.02"]},
        geometry=squares,
        crs=4326,
    )


@pytest.fixture(scope="module")
def geojson(gdf):
    return maps.feature_collection(gdf)


@pytest.fixture()
def ikm_rows():
    """IKM of the three kelurahan: Satu is A and first, Dua is B (88,30 < 88,31) and second, Tiga has no value."""
    return pd.DataFrame(
        {
            "kode_wilayah": KODE,
            "nama_wilayah": NAMA,
            "nilai": [88.31, 88.30, np.nan],
            "target": [85.0, 85.0, 85.0],
            "status": ["A", "B", None],
            "peringkat": pd.array([1, 2, None], dtype="Int64"),
            "peringkat_dari": [2, 2, 2],
        }
    )


@pytest.fixture()
def ikm(tiny_catalogue):
    return tiny_catalogue.get("ikm")


@pytest.fixture()
def ikm_classes(tiny_catalogue, ikm, ikm_rows):
    return classify(ikm_rows["nilai"], ikm, tiny_catalogue.band_set(ikm))


# --- numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (1234.5, 1, "id", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (88.305, 2, "id", "88,31"),
        (1234567, 0, "id", "1.234.567"),
        (0.0, 1, "id", "0,0"),
        (np.nan, 2, "id", "—"),
        (None, 2, "en", "—"),
    ],
)
def test_number(value, decimals, lang, text):
    assert number(value, decimals, lang) == text


def test_with_unit(tiny_catalogue):
    assert with_unit(88.31, tiny_catalogue.get("ikm"), "id") == "88,31 poin"
    assert with_unit(62.5, tiny_catalogue.get("daring"), "en") == "62.5%"


# --- classes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "nodata"), [("id", "A (Sangat baik)", "Tidak ada data"), ("en", "A (Very good)", "No data")]
)
def test_official_bands_are_the_classes(tiny_catalogue, ikm, lang, first, nodata):
    values = pd.Series([88.30, 88.31, 76.60, np.nan], index=[10, 11, 12, 13])
    classes = classify(values, ikm, tiny_catalogue.band_set(ikm), lang=lang)
    assert classes.codes.tolist() == ["B", "A", "C", NODATA]
    assert classes.codes.index.tolist() == [10, 11, 12, 13]
    assert [e.key for e in classes.legend] == ["A", "B", "C", "D", NODATA]
    assert [e.color for e in classes.legend] == ["#1a9850", "#91cf60", "#fc8d59", "#d73027", NODATA_COLOR]
    assert (classes.legend[0].label, classes.legend[-1].label) == (first, nodata)
    assert classes.method == "bands"


def test_no_nodata_entry_when_every_value_is_present(tiny_catalogue, ikm):
    classes = classify(pd.Series([90.0, 70.0]), ikm, tiny_catalogue.band_set(ikm))
    assert [e.key for e in classes.legend] == ["A", "B", "C", "D"]


def test_value_below_every_band_is_not_called_missing(tiny_catalogue):
    band_set = load_band_sets()["ikm_mutu"]
    classes = classify(pd.Series([20.0]), tiny_catalogue.get("ikm"), band_set)
    assert classes.codes.tolist() == ["luar_pita"]
    assert classes.legend[-1].key == "luar_pita"


def test_quantiles_put_two_of_ten_values_in_each_of_five_classes(tiny_catalogue):
    values = pd.Series(np.arange(1.0, 11.0))
    classes = classify(values, tiny_catalogue.get("daring"), method="quantile", n=5)
    assert classes.codes.tolist() == ["k1", "k1", "k2", "k2", "k3", "k3", "k4", "k4", "k5", "k5"]
    assert [e.label for e in classes.legend] == ["1,0 – 2,8", "2,8 – 4,6", "4,6 – 6,4", "6,4 – 8,2", "8,2 – 10,0"]


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("id", ["0,0 – 25,0", "25,0 – 50,0", "50,0 – 75,0", "75,0 – 100,0"]),
        ("en", ["0.0 – 25.0", "25.0 – 50.0", "50.0 – 75.0", "75.0 – 100.0"]),
    ],
)
def test_equal_intervals_on_0_to_100(tiny_catalogue, lang, labels):
    values = pd.Series([0.0, 10.0, 30.0, 60.0, 100.0, np.nan])
    assert edges(values, "equal", 4, 1) == [0.0, 25.0, 50.0, 75.0, 100.0]
    classes = classify(values, tiny_catalogue.get("daring"), method="equal", n=4, lang=lang)
    assert classes.codes.tolist() == ["k1", "k1", "k2", "k3", "k4", NODATA]
    assert [e.label for e in classes.legend][:4] == labels


def test_few_distinct_values_make_fewer_classes(tiny_catalogue):
    classes = classify(pd.Series([5.0, 5.0, 5.0, 7.0]), tiny_catalogue.get("daring"), n=5)
    assert classes.codes.tolist() == ["k1", "k1", "k1", "k2"]
    assert [e.label for e in classes.legend] == ["5,0", "7,0"]


def test_all_missing_leaves_only_no_data(tiny_catalogue):
    classes = classify(pd.Series([np.nan, np.nan]), tiny_catalogue.get("daring"))
    assert [e.key for e in classes.legend] == [NODATA]


def test_unknown_method_is_named(tiny_catalogue):
    with pytest.raises(ValueError, match="jenks"):
        classify(pd.Series([1.0, 2.0]), tiny_catalogue.get("daring"), method="jenks")


def _darkness(hex_colour: str) -> int:
    return -sum(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def test_better_end_is_darker_and_lower_is_better_reverses(tiny_catalogue):
    values = pd.Series(np.arange(1.0, 11.0))
    up = classify(values, tiny_catalogue.get("daring"), n=5)  # higher is better
    down = classify(values, tiny_catalogue.get("aduan"), n=5)  # lower is better
    assert [e.label for e in up.legend] == [e.label for e in down.legend]
    assert [e.color for e in down.legend] == [e.color for e in up.legend][::-1]
    assert _darkness(up.legend[-1].color) > _darkness(up.legend[0].color)
    assert palette(3) != palette(3, higher_is_better=False)
    assert NODATA_COLOR not in palette(9)


# --- geometry -----------------------------------------------------------------------------------------------


def test_feature_collection_keeps_only_kode_and_nama(geojson):
    assert [f["properties"] for f in geojson["features"]] == [
        {"kode": k, "nama": n} for k, n in zip(KODE, NAMA, strict=True)
    ]


def test_centre_and_zoom(geojson, gdf):
    center, zoom = maps.bounds_center_zoom(geojson)
    assert center["lon"] == pytest.approx(106.715)
    assert center["lat"] == pytest.approx(-6.295, abs=1e-4)
    assert type(center["lon"]) is float  # not numpy, so it serialises anywhere
    # 0.03° of longitude in 800 × 0.9 px: 2^z · 512 / 360 = 720 / 0.03  ->  z = log2(16875) = 14.04
    assert zoom == pytest.approx(math.log2(720 * 360 / (512 * 0.03)), abs=0.01)
    # Two squares are 2/3 as wide (and still limited by width): log2(1.5) = 0.58 zoom levels closer.
    _, zoom_two = maps.bounds_center_zoom(maps.feature_collection(gdf.iloc[:2]))
    assert zoom_two - zoom == pytest.approx(math.log2(1.5), abs=0.01)


# --- plotly choropleth --------------------------------------------------------------------------------------


def _figure(geojson, rows, ind, classes, **kw):
    return maps.choropleth(geojson, rows, ind, classes, **kw)


def test_one_choroplethmap_trace_per_class(geojson, ikm_rows, ikm, ikm_classes):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes)
    assert [t.type for t in fig.data] == ["choroplethmap"] * 5
    assert [t.name for t in fig.data] == [
        "A (Sangat baik)",
        "B (Baik)",
        "C (Kurang baik)",
        "D (Tidak baik)",
        "Tidak ada data",
    ]
    assert [t.colorscale[0][1] for t in fig.data] == ["#1a9850", "#91cf60", "#fc8d59", "#d73027", NODATA_COLOR]
    # C and D are empty: plotly would drop them from the legend, so they point at a code that matches no shape.
    empty = maps.PLACEHOLDER
    assert [list(t.locations) for t in fig.data] == [[KODE[0]], [KODE[1]], [empty], [empty], [KODE[2]]]
    assert sorted(loc for t in fig.data for loc in t.locations if loc != empty) == sorted(KODE)
    assert all(t.featureidkey == "properties.kode" and list(t.customdata) == list(t.locations) for t in fig.data)
    # Each trace carries only the shapes of its own class.
    shapes = [[f["properties"]["kode"] for f in t.geojson["features"]] for t in fig.data]
    assert shapes == [[KODE[0]], [KODE[1]], [], [], [KODE[2]]]


@pytest.mark.parametrize(("basemap", "style"), [("offline", "white-bg"), ("online", "carto-positron")])
def test_basemap_style(geojson, ikm_rows, ikm, ikm_classes, basemap, style):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, basemap=basemap)
    assert fig.layout.map.style == style
    assert fig.layout.map.center.lon == pytest.approx(106.715)


def test_unknown_basemap_is_named(geojson, ikm_rows, ikm, ikm_classes):
    with pytest.raises(ValueError, match="satelit"):
        _figure(geojson, ikm_rows, ikm, ikm_classes, basemap="satelit")


def test_offline_figure_uses_no_geo_and_no_url(geojson, ikm_rows, ikm, ikm_classes):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, label_points=POINTS, approximate=True, title="IKM")
    text = fig.to_json()
    # plotly.js's own "white-bg" would fetch label glyphs from fonts.openmaptiles.org; this style has no glyphs URL.
    assert json.loads(text)["layout"]["map"]["style"] == maps.OFFLINE_STYLE
    assert "glyphs" not in maps.OFFLINE_STYLE
    assert "geo" not in fig.to_dict()["layout"]
    assert "http" not in text
    assert not {"choropleth", "scattergeo"} & {t.type for t in fig.data}


@pytest.mark.parametrize(
    ("lang", "hover"),
    [
        (
            "id",
            "<b>Satu</b><br>ikm: 88,31 poin<br>Target: 85,00 poin<br>Status: A (Sangat baik)<br>Peringkat 1 dari 2 se-kota",
        ),
        (
            "en",
            "<b>Satu</b><br>ikm: 88.31 points<br>Target: 85.00 points<br>Status: A (Very good)<br>Rank 1 of 2 in the city",
        ),
    ],
)
def test_hover_text_in_the_language(tiny_catalogue, geojson, ikm_rows, ikm, lang, hover):
    classes = classify(ikm_rows["nilai"], ikm, tiny_catalogue.band_set(ikm), lang=lang)
    fig = _figure(geojson, ikm_rows, ikm, classes, lang=lang)
    assert fig.data[0].text[0] == hover
    missing, target = ("tidak ada data", "85,00 poin") if lang == "id" else ("no data", "85.00 points")
    assert fig.data[-1].text[0] == f"<b>Tiga</b><br>ikm: {missing}<br>Target: {target}"


def test_target_status_label(tiny_catalogue, geojson):
    ind = tiny_catalogue.get("daring")
    rows = pd.DataFrame(
        {
            "kode_wilayah": KODE,
            "nama_wilayah": NAMA,
            "nilai": [70.0, 56.0, 40.0],
            "status": ["tercapai", "mendekati", "belum_tercapai"],
        }
    )
    fig = _figure(geojson, rows, ind, classify(rows["nilai"], ind))
    texts = [t for trace in fig.data for t in trace.text]
    assert [t.split("Status: ")[1] for t in texts] == ["Belum tercapai", "Mendekati target", "Tercapai"]


def test_every_feature_is_drawn_even_without_a_row(tiny_catalogue, geojson):
    ind = tiny_catalogue.get("daring")
    rows = pd.DataFrame({"kode_wilayah": KODE[:2], "nama_wilayah": NAMA[:2], "nilai": [70.0, 56.0]})
    fig = _figure(geojson, rows, ind, classify(rows["nilai"], ind))
    assert sorted(loc for t in fig.data for loc in t.locations) == sorted(KODE)
    assert (fig.data[-1].name, list(fig.data[-1].locations)) == ("Tidak ada data", [KODE[2]])


@pytest.mark.parametrize(
    ("approximate", "lang", "expected"),
    [
        (True, "id", "Batas perkiraan — bukan batas resmi."),
        (True, "en", "Approximate boundaries — not official."),
        (False, "id", None),
    ],
)
def test_approximate_boundaries_note(geojson, ikm_rows, ikm, ikm_classes, approximate, lang, expected):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, lang=lang, approximate=approximate)
    notes = [a.text for a in fig.layout.annotations]
    assert notes == ([] if expected is None else [tr("maps.approximate", lang)])
    if expected:
        assert notes[0].startswith(expected) and "python -m kpi.geo install" in notes[0]


def test_label_points_are_text_without_hover(geojson, ikm_rows, ikm, ikm_classes):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, label_points=POINTS)
    label = fig.data[-1]
    assert (label.type, label.mode, label.hoverinfo, label.showlegend) == ("scattermap", "text", "skip", False)
    assert list(label.text) == NAMA and list(label.customdata) == KODE
    assert label.textfont.size >= 14 and label.textfont.color == "#111827"


def test_labels_are_white_on_the_darkest_class(tiny_catalogue, geojson):
    ind = tiny_catalogue.get("daring")
    rows = pd.DataFrame({"kode_wilayah": KODE, "nama_wilayah": NAMA, "nilai": [10.0, 50.0, 90.0]})
    fig = _figure(geojson, rows, ind, classify(rows["nilai"], ind), label_points=POINTS)
    labels = [t for t in fig.data if t.type == "scattermap"]
    assert [(list(t.text), t.textfont.color) for t in labels] == [(["Satu", "Dua"], "#111827"), (["Tiga"], "#ffffff")]


@pytest.mark.parametrize(
    ("basemap", "labels", "style"),
    [
        ("offline", False, "white-bg"),
        ("offline", True, "OFFLINE_STYLE"),
        ("online", True, "carto-positron"),
    ],
)
def test_style_with_and_without_labels(geojson, ikm_rows, ikm, ikm_classes, basemap, labels, style):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, basemap=basemap, label_points=POINTS if labels else None)
    assert fig.to_dict()["layout"]["map"]["style"] == getattr(maps, style, style)


def test_layout_is_readable(geojson, ikm_rows, ikm, ikm_classes):
    fig = _figure(geojson, ikm_rows, ikm, ikm_classes, height=480)
    assert (fig.layout.height, fig.layout.legend.orientation) == (480, "h")
    assert fig.layout.font.size >= 14 and fig.layout.legend.font.size >= 14
    assert max(fig.layout.margin.l, fig.layout.margin.r, fig.layout.margin.t, fig.layout.margin.b) <= 10


# --- pydeck -------------------------------------------------------------------------------------------------


def test_deck_makes_no_request_and_carries_the_values(geojson, ikm_rows, ikm, ikm_classes):
    before = copy.deepcopy(geojson)
    d = maps.deck(geojson, ikm_rows, ikm, ikm_classes)
    text = d.to_json()
    assert "GeoJsonLayer" in text and "http" not in text
    assert d.map_provider is None and json.loads(text).get("mapProvider") is None
    # map_style=None would make Streamlit fetch a Carto style; pydeck's own sentinel makes it draw no basemap.
    assert json.loads(text)["mapStyle"] == maps.NO_BASEMAP == "__MAP_STYLE__"
    props = [f["properties"] for f in d.layers[0].data["features"]]
    assert [p["fill"] for p in props] == [[26, 152, 80, 210], [145, 207, 96, 210], [217, 217, 217, 210]]
    # Heights rise from the IKM range floor (25): 88,31 -> 3000 m, 88,30 -> 3000 × 63,30 / 63,31, missing -> 0.
    assert [p["elevation"] for p in props] == [3000.0, 2999.5, 0.0]
    assert geojson == before


def test_deck_view_and_extrusion(geojson, ikm_rows, ikm, ikm_classes):
    tall = maps.deck(geojson, ikm_rows, ikm, ikm_classes)
    flat = maps.deck(geojson, ikm_rows, ikm, ikm_classes, extruded=False)
    assert (tall.initial_view_state.pitch, flat.initial_view_state.pitch) == (45, 0)
    assert (tall.layers[0].extruded, flat.layers[0].extruded) == (True, False)
    assert tall.initial_view_state.longitude == pytest.approx(106.715)
    assert tall.initial_view_state.latitude == pytest.approx(-6.295, abs=1e-4)


@pytest.mark.parametrize(
    ("lang", "value", "status", "rank", "approximate"),
    [
        ("id", "88,31 poin", "Status: A (Sangat baik)", "Peringkat 1 dari 2 se-kota", False),
        ("en", "88.31 points", "Status: A (Very good)", "Rank 1 of 2 in the city", True),
    ],
)
def test_deck_tooltip_in_the_language(tiny_catalogue, geojson, ikm_rows, ikm, lang, value, status, rank, approximate):
    classes = classify(ikm_rows["nilai"], ikm, tiny_catalogue.band_set(ikm), lang=lang)
    d = maps.deck(geojson, ikm_rows, ikm, classes, lang=lang, approximate=approximate)
    first = d.layers[0].data["features"][0]["properties"]
    texts = (first["nama"], first["nilai_teks"], first["status_teks"], first["peringkat_teks"])
    assert texts == ("Satu", value, status, rank)
    # Streamlit HTML-escapes the values, so each line is its own <div> (an empty one collapses).
    assert d._tooltip["html"].startswith("<b>{nama}</b><div>ikm: {nilai_teks}</div><div>{target_teks}</div>")
    assert "<" not in "".join(str(v) for v in first.values())
    assert d._tooltip["style"]["fontSize"] == "14px"
    assert ("Approximate boundaries" in d._tooltip["html"]) is approximate
