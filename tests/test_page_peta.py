"""The Peta page through AppTest: which wilayah the choropleth draws for which filters, the offline style, the
approximate-boundary warning, the 3D deck, and both languages.

The boundaries are cached per process (ui/geo.py, st.cache_resource): the module points TANGSEL_KPI_STORE at an
empty temporary store and clears that cache before the first run (conftest's `empty_boundary_store`), so the
approximate fallback is what is drawn whatever another test module or the repository's .store/ holds.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from charts.maps import PLACEHOLDER
from kpi.core.wilayah import load_register
from tests.apptest import assert_clean, chart_protos, only_plotly_figure, run_page

PAGE = "pages/1_Peta.py"
REGISTER = load_register()
KECAMATAN = [f"36.74.0{i}" for i in range(1, 8)]
SETU, SERPONG = "36.74.07", "36.74.01"
SETU_KELURAHAN = [f"{SETU}.100{i}" for i in range(1, 7)]
VALUE = {"id": r"\d{1,3},\d%", "en": r"\d{1,3}\.\d%"}  # a percentage in the reader's language

pytestmark = pytest.mark.usefixtures("empty_boundary_store")


def run(**params: str) -> AppTest:
    """The Peta page after the home page, with these URL parameters (computed once per module)."""
    return run_page(PAGE, **params)


def figure(at: AppTest) -> dict:
    """The one plotly figure of the page: the choropleth, every trace a choroplethmap."""
    return only_plotly_figure(at, "choroplethmap")


def locations(fig: dict) -> list[str]:
    """Every wilayah code drawn, over all class traces (the empty-class placeholder left out)."""
    return [k for t in fig["data"] for k in t["locations"] if k != PLACEHOLDER]


def hover(fig: dict) -> dict[str, str]:
    """Wilayah code → its hover text."""
    return {k: text for t in fig["data"] for k, text in zip(t["locations"], t["text"], strict=True) if k != PLACEHOLDER}


def deck(at: AppTest) -> dict:
    """The pydeck JSON of the 3D view."""
    decks = [json.loads(p.json) for p in chart_protos(at, kind="DeckGlJsonChart")]
    assert len(decks) == 1, len(decks)
    return decks[0]


# --- default: all seven kecamatan, offline --------------------------------------------------------------------------


def test_default_run_draws_every_kecamatan_once():
    at = run()
    assert_clean(at)
    drawn = locations(figure(at))
    assert sorted(drawn) == KECAMATAN  # each once: a code in two classes would be drawn twice
    assert sorted(u.kode for u in REGISTER.level("kecamatan")) == KECAMATAN


def test_every_location_has_its_polygon_in_its_trace():
    for trace in figure(run())["data"]:
        shapes = {f["properties"]["kode"] for f in trace["geojson"]["features"]}
        assert trace["featureidkey"] == "properties.kode"
        assert shapes == set(trace["locations"]) - {PLACEHOLDER}, trace["name"]


def test_map_style_is_offline():
    style = figure(run())["layout"]["map"]["style"]
    assert style == "white-bg" or (isinstance(style, dict) and not style.get("glyphs") and not style.get("sources"))
    assert "http" not in json.dumps(style)


def test_approximate_boundaries_are_announced():
    at = run()
    assert any(w.value.startswith("**Batas perkiraan.**") for w in at.warning), [w.value for w in at.warning]
    notes = [a["text"] for a in figure(at)["layout"].get("annotations", [])]
    assert any(n.startswith("Batas perkiraan") for n in notes), notes


def test_indonesian_hover_titles_and_legend():
    fig = figure(run())
    texts = hover(fig)
    assert texts[SETU].startswith("<b>Setu</b><br>Layanan daring: ")
    for kode, text in texts.items():
        value = re.search(r"Layanan daring: ([^<]*)", text).group(1)
        assert re.fullmatch(VALUE["id"], value), (kode, text)
        assert re.search(r"Peringkat \d dari 7", text), text
    assert fig["layout"]["title"]["text"] == "Permohonan layanan yang diajukan secara daring — Okt 2026"
    assert fig["layout"]["legend"]["title"]["text"] == "Layanan daring (%)"
    assert all(re.fullmatch(r"\d{2},\d – \d{2},\d", t["name"]) for t in fig["data"]), [t["name"] for t in fig["data"]]


def test_hover_value_matches_the_ranking_table():
    at = run()
    table = at.dataframe[0].value.set_index("Wilayah")
    texts = hover(figure(at))
    for kode in KECAMATAN:
        name = REGISTER.name(kode)
        assert f"Layanan daring: {table.loc[name, 'Nilai']}<br>" in texts[kode], (name, texts[kode])


# --- filters --------------------------------------------------------------------------------------------------------


def test_kelurahan_of_one_kecamatan_are_exactly_its_six():
    at = run(ind="layanan_daring", tingkat="kelurahan", kecamatan=SETU)
    assert_clean(at)
    drawn = locations(figure(at))
    assert sorted(drawn) == SETU_KELURAHAN
    assert sorted(u.kode for u in REGISTER.children(SETU)) == SETU_KELURAHAN
    assert sorted(at.dataframe[0].value["Wilayah"]) == sorted(REGISTER.name(k) for k in SETU_KELURAHAN)


def test_two_kecamatan_are_exactly_those_two():
    at = run(kecamatan=f"{SETU},{SERPONG}", tingkat="kecamatan")
    assert_clean(at)
    assert sorted(locations(figure(at))) == [SERPONG, SETU]
    assert sorted(at.dataframe[0].value["Wilayah"]) == ["Serpong", "Setu"]


# --- 3D -------------------------------------------------------------------------------------------------------------


def test_3d_view_is_a_deck_of_the_kecamatan():
    at = run(tampilan="3d")
    assert_clean(at)
    spec = deck(at)
    layers = [layer for layer in spec["layers"] if layer["@@type"] == "GeoJsonLayer"]
    assert len(layers) == 1
    features = layers[0]["data"]["features"]
    assert sorted(f["properties"]["kode"] for f in features) == KECAMATAN
    assert all(re.fullmatch(VALUE["id"], f["properties"]["nilai_teks"]) for f in features)
    assert "http" not in json.dumps(spec.get("mapStyle"))  # no basemap request
    assert chart_protos(at, kind="PlotlyChart") == []  # and no 2D map beside it


# --- English --------------------------------------------------------------------------------------------------------


def test_english_title_labels_and_numbers():
    at = run(lang="en")
    assert_clean(at)
    assert [t.value for t in at.title] == ["Map of kecamatan and kelurahan performance"]
    fig = figure(at)
    assert fig["layout"]["title"]["text"] == "Service requests submitted online — Oct 2026"
    assert fig["layout"]["legend"]["title"]["text"] == "Online requests (%)"
    assert sorted(locations(fig)) == KECAMATAN
    for kode, text in hover(fig).items():
        value = re.search(r"Online requests: ([^<]*)", text).group(1)
        assert re.fullmatch(VALUE["en"], value), (kode, text)
        assert re.search(r"Rank \d of 7", text), text
    assert list(at.dataframe[0].value.columns) == ["Rank", "Area", "Value", "Target", "Status"]
    assert any(w.value.startswith("**Approximate boundaries.**") for w in at.warning)
    assert [s.label for s in at.sidebar.selectbox] == ["Category", "Indicator", "Period"]


@pytest.mark.parametrize(
    ("ind", "periode"),
    [("aduan_tindak_lanjut", None), ("layanan_daring", "2025-12"), ("tte", None), ("epresensi", None)],
)
def test_kelurahan_without_a_value_shows_the_ranking_table_not_an_error(ind, periode):
    """Issue 12: a kelurahan without a value in the period (pd.NA rank) turned the ranking table into an error box."""
    params = {"ind": ind, "tingkat": "kelurahan", **({"periode": periode} if periode else {})}
    at = run(**params)
    assert_clean(at)
    table = at.dataframe[-1].value
    assert len(table) > 0 and "Peringkat" in table.columns
    ranked = table["Peringkat"].ne("—").tolist()
    assert ranked == sorted(ranked, reverse=True)  # a wilayah without a rank is listed last, without a rank
    assert {s for r, s in zip(ranked, table["Status"], strict=True) if not r} <= {"Tidak ada data"}
