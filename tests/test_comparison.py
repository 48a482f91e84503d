"""kpi.metrics.comparison and charts.comparison on tiny hand-made frames: 2 kecamatan (Alfa, Beta) and 3 kelurahan (Satu, Dua in Alfa; Tiga in Beta)."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from charts import comparison as cmp
from charts.palette import CITY, TARGET, kecamatan_colours
from kpi.core.catalogue import load_catalogue, parse_catalogue
from kpi.core.methods.bands import load_band_sets
from kpi.metrics import comparison
from kpi.metrics.targets import add_targets
from kpi.report import labels
from tests.conftest import _ind

ALFA, BETA, KOTA = "36.74.01", "36.74.02", "36.74"
SATU, DUA, TIGA = "36.74.01.1001", "36.74.01.1002", "36.74.02.1001"
NAMES = {KOTA: "Kota Uji", ALFA: "Alfa", BETA: "Beta", SATU: "Satu", DUA: "Dua", TIGA: "Tiga"}
LEVEL = {KOTA: "kota", ALFA: "kecamatan", BETA: "kecamatan", SATU: "kelurahan", DUA: "kelurahan", TIGA: "kelurahan"}


def rows(indikator, periode, values: dict, catalogue, periode_akhir=None):
    """A snapshot as kpi.metrics.analysis builds it: the values, then target and capaian from the catalogue."""
    frame = pd.DataFrame(
        {
            "indikator": indikator,
            "tingkat": [LEVEL[k] for k in values],
            "kode_wilayah": list(values),
            "nama_wilayah": [NAMES[k] for k in values],
            "periode": periode,
            "periode_akhir": periode_akhir or periode,
            "nilai": list(values.values()),
        }
    )
    return add_targets(frame, catalogue)


def trace_names(fig, kind):
    return [t.name for t in fig.data if t.type == kind]


# --- ranking ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "values", "expected"),
    [
        # higher is better: largest first; a missing value and the city row are left out
        ("daring", {KOTA: 99.0, SATU: 55.0, DUA: 70.5, TIGA: np.nan}, ["Dua", "Satu"]),
        # lower is better (complaints per 10 000): smallest first
        ("aduan", {SATU: 3.2, DUA: 1.1, TIGA: 2.4}, ["Dua", "Tiga", "Satu"]),
        # equal values: by name
        ("aduan", {SATU: 2.0, DUA: 2.0, TIGA: 1.0}, ["Tiga", "Dua", "Satu"]),
    ],
)
def test_ranking_order_follows_the_direction(tiny_catalogue, indicator, values, expected):
    got = comparison.ranking_order(rows(indicator, "2026-03", values, tiny_catalogue), tiny_catalogue.get(indicator))
    assert got["nama_wilayah"].tolist() == expected


def _bars(fig):
    """(name, value, colour) of every bar in drawing order of the y axis (top first)."""
    out = [(y, x, t.marker.color) for t in fig.data if t.type == "bar" for y, x in zip(t.y, t.x, strict=True)]
    order = list(fig.layout.yaxis.categoryarray)
    return sorted(out, key=lambda b: order.index(b[0]))


def test_ranking_figure_bars_best_first_in_kecamatan_colours(tiny_catalogue, tiny_register):
    ind = tiny_catalogue.get("aduan")
    fig = cmp.ranking_figure(
        rows("aduan", "2026-03", {SATU: 3.2, DUA: 1.1, TIGA: 2.4}, tiny_catalogue), ind, tiny_register, "id", city=2.2
    )
    colours = kecamatan_colours(tiny_register)
    assert _bars(fig) == [("Dua", 1.1, colours[ALFA]), ("Tiga", 2.4, colours[BETA]), ("Satu", 3.2, colours[ALFA])]
    assert fig.layout.yaxis.autorange == "reversed"  # the first category is drawn on top
    assert sorted(trace_names(fig, "bar")) == ["Alfa", "Beta"]  # kelurahan: a legend entry per kecamatan
    assert fig.layout.showlegend


def test_ranking_figure_value_labels_in_the_language(tiny_catalogue, tiny_register):
    snap = rows("daring", "2026-03", {ALFA: 76.3, BETA: 1234.56 / 20}, tiny_catalogue)  # 61.728 → 61,7
    ind = tiny_catalogue.get("daring")
    labels = {
        lang: [a.text for a in cmp.ranking_figure(snap, ind, tiny_register, lang).layout.annotations]
        for lang in ("id", "en")
    }
    assert labels == {"id": ["76,3%", "61,7%"], "en": ["76.3%", "61.7%"]}


def test_ranking_figure_target_and_city_lines(tiny_catalogue, tiny_register):
    snap = rows("daring", "2026-03", {ALFA: 76.3, BETA: 50.0}, tiny_catalogue)  # target 2026: 60
    fig = cmp.ranking_figure(snap, tiny_catalogue.get("daring"), tiny_register, "en", city=65.25)
    lines = {s.name: (s.x0, s.x1, s.line.dash, s.line.color, s.showlegend) for s in fig.layout.shapes}
    assert lines == {
        "Target 60.0%": (60.0, 60.0, "dash", TARGET, True),
        "Kota Uji 65.3%": (65.25, 65.25, "dot", CITY, True),
    }
    assert not fig.data[0].showlegend  # kecamatan bars need no legend: their names are on the axis


# --- achievement heatmap ---------------------------------------------------------------------------------------------


def test_indicator_grain_is_never_finer_than_the_frequency(tiny_catalogue):
    ikm, daring, kepatuhan = (tiny_catalogue.get(i) for i in ("ikm", "daring", "kepatuhan"))
    assert [comparison.indicator_grain(i, "month") for i in (ikm, daring, kepatuhan)] == ["semester", "month", "year"]
    assert [comparison.indicator_grain(i, "quarter") for i in (ikm, daring, kepatuhan)] == [
        "semester",
        "quarter",
        "year",
    ]
    assert comparison.grains_for([ikm, daring, kepatuhan], "year") == ("year",)


@pytest.fixture()
def heat_tables(tiny_catalogue):
    """Kecamatan tables by grain: daring monthly (two months), aduan monthly, ikm by semester."""
    month = pd.concat(
        [
            rows("daring", "2026-02", {ALFA: 50.0, BETA: 40.0}, tiny_catalogue),
            rows("daring", "2026-03", {ALFA: 66.0, BETA: 54.0}, tiny_catalogue),  # 66/60 = 110 %, 54/60 = 90 %
            rows("aduan", "2026-03", {ALFA: 1.5, BETA: np.nan}, tiny_catalogue),  # (2·2 − 1,5)/2 = 125 %
        ],
        ignore_index=True,
    )
    semester = rows("ikm", "2025-S2", {ALFA: 85.0, BETA: 80.75}, tiny_catalogue)  # target 2025 missing → no capaian
    semester = pd.concat([semester, rows("ikm", "2026-S1", {ALFA: 89.25, BETA: 83.3}, tiny_catalogue)])  # /85: 105, 98
    return {"month": month, "semester": semester}


def test_each_indicator_at_its_own_latest_period(tiny_catalogue, heat_tables):
    inds = [tiny_catalogue.get(i) for i in ("ikm", "daring", "aduan", "anggaran")]
    assert comparison.latest_periods(heat_tables, inds, "month") == {
        "ikm": "2026-S1",
        "daring": "2026-03",
        "aduan": "2026-03",
    }


def test_heatmap_cell_is_the_capaian(tiny_catalogue, heat_tables):
    periods = {"ikm": "2026-S1", "daring": "2026-03", "aduan": "2026-03"}
    matrix = comparison.achievement_matrix(heat_tables, tiny_catalogue, periods, [BETA, ALFA])
    assert list(matrix.index) == [BETA, ALFA] and list(matrix.columns) == ["daring", "aduan", "ikm"]  # catalogue order
    assert matrix.loc[ALFA].tolist() == pytest.approx([110.0, 125.0, 105.0])
    assert matrix.loc[BETA, "daring"] == pytest.approx(90.0) and matrix.loc[BETA, "ikm"] == pytest.approx(98.0)
    assert math.isnan(matrix.loc[BETA, "aduan"])


def test_heatmap_figure_text_colour_scale_and_labels(tiny_catalogue, tiny_register, heat_tables):
    periods = {"ikm": "2026-S1", "daring": "2026-03", "aduan": "2026-03"}
    matrix = comparison.achievement_matrix(heat_tables, tiny_catalogue, periods, [ALFA, BETA])
    heat = cmp.heatmap_figure(matrix, tiny_catalogue, periods, tiny_register, "id").data[0]
    assert list(heat.y) == ["Alfa", "Beta"]
    assert [list(r) for r in heat.text] == [["110,0%", "125,0%", "105,0%"], ["90,0%", "–", "98,0%"]]
    assert heat.z[1][1] is None  # no value: an empty (grey) cell
    assert heat.zmid == 100 and (heat.zmin, heat.zmax) == (70, 130)  # |125 − 100| rounded up to 30 each side
    assert heat.x[0].startswith("daring<br>") and heat.x[2].endswith("Semester I 2026</i>")
    en = cmp.heatmap_figure(matrix, tiny_catalogue, periods, tiny_register, "en").data[0]
    assert en.text[0][0] == "110.0%" and en.x[2].endswith("H1 2026</i>")


def test_heatmap_leaves_out_the_berakhlak_components():
    catalogue = load_catalogue()
    ids = [i.id for i in comparison.heatmap_indicators(catalogue)]
    assert "berakhlak" in ids and "ikm" in ids
    assert not [i for i in ids if i.startswith("berakhlak_")]
    digital = comparison.heatmap_indicators(catalogue, "digitalisasi")
    assert {i.category for i in digital} == {"digitalisasi"}
    assert [i.id for i in digital][:2] == ["layanan_daring", "tte"]  # catalogue order; a new one comes after


# --- BerAKHLAK radar ------------------------------------------------------------------------------------------------


@pytest.fixture()
def berakhlak_rows():
    """Alfa scores 71..77 and Beta 81..87 along B-e-r-A-K-H-L-A-K; the city 80 everywhere (rows given out of order)."""
    out = []
    for i, value in reversed(list(enumerate(comparison.BERAKHLAK_ORDER))):
        for kode, base in ((ALFA, 71), (BETA, 81), (KOTA, None)):
            out.append(
                {
                    "indikator": f"berakhlak_{value}",
                    "kode_wilayah": kode,
                    "periode": "2025",
                    "nilai": 80.0 if base is None else float(base + i),
                }
            )
    return pd.DataFrame(out)


def test_radar_theta_in_acronym_order_and_closed(tiny_register, berakhlak_rows):
    fig = cmp.radar_figure(berakhlak_rows, load_catalogue(), tiny_register, "id")
    alfa = fig.data[0]
    assert list(alfa.theta) == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
        "Berorientasi Pelayanan",
    ]
    assert list(alfa.r) == [71, 72, 73, 74, 75, 76, 77, 71]
    assert fig.layout.polar.angularaxis.direction == "clockwise" and fig.layout.polar.angularaxis.rotation == 90
    en = cmp.radar_figure(berakhlak_rows, load_catalogue(), tiny_register, "en")
    assert list(en.data[0].theta[:3]) == ["Service-oriented", "Accountable", "Competent"]


def test_radar_one_trace_per_chosen_kecamatan_and_the_city_dashed(tiny_register, berakhlak_rows):
    colours = kecamatan_colours(tiny_register)
    fig = cmp.radar_figure(berakhlak_rows, load_catalogue(), tiny_register, "id", codes=[BETA])
    assert [(t.name, t.line.color, t.line.dash) for t in fig.data] == [
        ("Beta", colours[BETA], "solid"),
        ("Kota Uji", CITY, "dash"),
    ]
    everyone = cmp.radar_figure(berakhlak_rows, load_catalogue(), tiny_register, "id")
    assert [t.name for t in everyone.data] == ["Alfa", "Beta", "Kota Uji"]
    assert tuple(everyone.layout.polar.radialaxis.range) == (60, 90)  # 71 − 5 → 60; 87 + 2 → 90


# --- scatter ---------------------------------------------------------------------------------------------------------

POPULATION = pd.DataFrame(
    {
        "kode_wilayah": [SATU, DUA, TIGA] * 2,
        "tahun": [2025] * 3 + [2026] * 3,
        "penduduk": [1000.0, 2000.0, 1500.0, 1100.0, 2100.0, 1600.0],
    }
)


@pytest.mark.parametrize(
    ("year", "alfa", "beta", "picked"),
    [
        (2026, 3200.0, 1600.0, 2026),
        (2025, 3000.0, 1500.0, 2025),
        (2030, 3200.0, 1600.0, 2026),  # a later year uses the latest on file
    ],
)
def test_kecamatan_population_sums_the_kelurahan(tiny_register, year, alfa, beta, picked):
    got = comparison.kecamatan_population(POPULATION, tiny_register, year)
    assert got.to_dict() == {ALFA: alfa, BETA: beta} and got.name == picked


def test_the_sample_population_file_reads_codes_as_text():
    pop = comparison.load_population()
    assert pop["kode_wilayah"].str.fullmatch(r"36\.74\.0\d\.\d{4}").all()
    assert pop.groupby("tahun")["kode_wilayah"].nunique().eq(54).all()


def test_scatter_sizes_proportional_to_population(tiny_catalogue, tiny_register):
    x = rows("daring", "2026", {ALFA: 66.0, BETA: 50.0, KOTA: 60.0}, tiny_catalogue)
    y = rows("ikm", "2026", {ALFA: 88.0, BETA: 84.0}, tiny_catalogue)
    population = comparison.kecamatan_population(POPULATION, tiny_register, 2026)  # Alfa 3200, Beta 1600
    fig = cmp.scatter_figure(x, y, tiny_catalogue.get("daring"), tiny_catalogue.get("ikm"), population, tiny_register)
    points = {t.name: (t.x[0], t.y[0], t.marker.size[0], t.marker.sizemode, t.marker.color) for t in fig.data}
    colours = kecamatan_colours(tiny_register)
    assert points == {
        "Alfa": (66.0, 88.0, 3200.0, "area", colours[ALFA]),
        "Beta": (50.0, 84.0, 1600.0, "area", colours[BETA]),
    }
    assert {t.marker.sizeref for t in fig.data} == {2 * 3200 / cmp.MAX_BUBBLE**2}  # one scale for all points
    assert (fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == ("daring (%)", "ikm (poin)")
    assert [t.text[0] for t in fig.data] == ["Alfa", "Beta"]
    assert sorted(s.x0 if s.x0 == s.x1 else s.y0 for s in fig.layout.shapes) == [60, 85]  # targets 2026


def test_scatter_keeps_only_kecamatan_with_both_values(tiny_catalogue, tiny_register):
    x = rows("daring", "2026", {ALFA: 66.0, BETA: np.nan}, tiny_catalogue)
    y = rows("ikm", "2026", {ALFA: 88.0, BETA: 84.0}, tiny_catalogue)
    fig = cmp.scatter_figure(
        x, y, tiny_catalogue.get("daring"), tiny_catalogue.get("ikm"), pd.Series(dtype=float), tiny_register
    )
    assert [t.name for t in fig.data] == ["Alfa"] and list(fig.data[0].marker.size) == [0]  # no population: smallest


def test_common_period_is_the_latest_year_both_have(tiny_catalogue):
    table = pd.concat(
        [rows("daring", p, {ALFA: 1.0}, tiny_catalogue) for p in ("2024", "2025", "2026")]
        + [rows("ikm", p, {ALFA: 1.0}, tiny_catalogue) for p in ("2024", "2025")]
        + [rows("ikm", "2026", {ALFA: np.nan}, tiny_catalogue)]
    )
    assert comparison.common_period(table, "daring", "ikm") == "2025"
    assert comparison.common_period(table, "daring", "aduan") is None


def _headline_catalogue(spec: str):
    """'a:month* b:year' → indicators a (monthly, headline) and b (yearly), in that order."""
    records = []
    for item in spec.split():
        iid, grain = item.rstrip("*").split(":")
        records.append(_ind(iid, frequency=grain, headline=item.endswith("*")))
    doc = {"categories": {"pelayanan_publik": {"id": "P", "en": "P"}}, "indicators": records}
    return parse_catalogue(doc, load_band_sets())


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("a:year* b:month* c:semester* d:year* e:month*", ("b", "a")),  # finest headline; coarsest other, first on ties
        ("a:month b:quarter* c:month", ("b", "a")),  # one headline: the first other indicator
        ("a:month b:year c:month", ("a", "b")),  # no headline: catalogue order
        ("a:month*", ("a", "a")),
    ],
)
def test_scatter_defaults_come_from_the_headline_indicators(spec, expected):
    assert comparison.scatter_defaults(_headline_catalogue(spec)) == expected


def test_scatter_defaults_of_the_shipped_catalogue():
    assert comparison.scatter_defaults(load_catalogue()) == ("layanan_daring", "ikm")


# --- shared ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "akhir", "lang", "label"),
    [
        ("2026", "2026-10", "id", "2026 (s.d. Okt 2026)"),
        ("2026", "2026-S1", "en", "2026 (to H1 2026)"),
        ("2025", "2025-12", "id", "2025"),
        ("2026-03", "2026-03", "en", "Mar 2026"),
    ],
)
def test_period_label_says_when_the_data_stop_early(tiny_catalogue, period, akhir, lang, label):
    assert labels.period_label(rows("daring", period, {ALFA: 1.0}, tiny_catalogue, akhir), period, lang) == label


def test_kecamatan_codes_in_register_order(tiny_register):
    assert comparison.kecamatan_codes(tiny_register) == (ALFA, BETA)
    assert comparison.kecamatan_codes(tiny_register, (BETA, ALFA)) == (ALFA, BETA)
    assert comparison.kecamatan_codes(tiny_register, (BETA,)) == (BETA,)


def _font_sizes(node, inside_font=False):
    """Every font size set anywhere in a figure's JSON."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and inside_font:
                yield value
            yield from _font_sizes(value, key.endswith("font"))
    elif isinstance(node, list):
        for item in node:
            yield from _font_sizes(item, inside_font)


def test_every_figure_uses_fonts_of_14_px_or_more(tiny_catalogue, tiny_register, heat_tables, berakhlak_rows):
    periods = {"ikm": "2026-S1", "daring": "2026-03"}
    snap = rows("daring", "2026-03", {ALFA: 76.3, BETA: 50.0}, tiny_catalogue)
    figures = [
        cmp.ranking_figure(snap, tiny_catalogue.get("daring"), tiny_register, city=60.0, title="T"),
        cmp.heatmap_figure(
            comparison.achievement_matrix(heat_tables, tiny_catalogue, periods, [ALFA, BETA]),
            tiny_catalogue,
            periods,
            tiny_register,
            title="T",
        ),
        cmp.radar_figure(berakhlak_rows, load_catalogue(), tiny_register, title="T"),
        cmp.scatter_figure(
            snap,
            snap,
            tiny_catalogue.get("daring"),
            tiny_catalogue.get("daring"),
            pd.Series({ALFA: 10.0, BETA: 20.0}),
            tiny_register,
            title="T",
        ),
    ]
    for fig in figures:
        spec = json.loads(fig.to_json())
        sizes = list(_font_sizes(spec))
        assert spec["layout"]["font"]["size"] >= 14 and sizes and min(sizes) >= 14, sizes
        assert spec["layout"]["separators"] == ",."
