"""The Perbandingan page through AppTest: four views, each honouring the kecamatan filter, in both languages."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import assert_clean, chart_protos, decode, run_page
from tests.browser import ROOT

PAGE = "pages/3_Perbandingan.py"
KECAMATAN = {
    "36.74.01": "Serpong",
    "36.74.02": "Serpong Utara",
    "36.74.03": "Pondok Aren",
    "36.74.04": "Ciputat",
    "36.74.05": "Ciputat Timur",
    "36.74.06": "Pamulang",
    "36.74.07": "Setu",
}
CHOSEN = {"Setu", "Serpong"}
CITY = {"id": "Kota Tangerang Selatan", "en": "Tangerang Selatan (city)"}
TABS = {
    "id": ["Peringkat", "Capaian per indikator", "Radar BerAKHLAK", "Dua indikator"],
    "en": ["Ranking", "Achievement by indicator", "BerAKHLAK radar", "Two indicators"],
}
PERCENT = {"id": r"\d{1,3},\d%", "en": r"\d{1,3}\.\d%"}


def run(**params) -> AppTest:
    """The Perbandingan page after the home page, with these URL parameters (computed once per test session)."""
    return run_page(PAGE, **params)


def charts(at: AppTest) -> dict[str, dict]:
    """Tab label → the plotly spec of the one chart drawn in that tab."""
    out = {}
    for tab in at.tabs:
        found = [json.loads(p.spec) for p in chart_protos(at, tab, kind=None)]
        assert len(found) <= 1, tab.label
        if found:
            out[tab.label] = found[0]
    return out


def views(at: AppTest, lang: str = "id") -> tuple[dict, dict, dict, dict]:
    """The specs of the ranking, heatmap, radar and scatter, each found in its own tab."""
    specs = charts(at)
    assert list(specs) == TABS[lang], list(specs)
    return tuple(specs[label] for label in TABS[lang])


def ranking_names(spec) -> list[str]:
    """Bar names from top to bottom."""
    return [y for t in spec["data"] if t["type"] == "bar" for y in t["y"]]


def bar_values(spec) -> list[float]:
    """Bar values in the axis order, top first."""
    order = spec["layout"]["yaxis"]["categoryarray"]
    pairs = [
        (y, float(x)) for t in spec["data"] if t["type"] == "bar" for y, x in zip(t["y"], decode(t["x"]), strict=True)
    ]
    return [v for _, v in sorted(pairs, key=lambda p: order.index(p[0]))]


def heatmap_rows(spec) -> list[str]:
    return [y for t in spec["data"] if t["type"] == "heatmap" for y in t["y"]]


def radar_names(spec) -> list[str]:
    return [t["name"] for t in spec["data"] if t["type"] == "scatterpolar"]


def scatter_points(spec) -> dict[str, tuple[float, float, float]]:
    """Name → (x, y, marker size) of every scatter point."""
    out = {}
    for t in spec["data"]:
        if t["type"] == "scatter":
            for name, x, y, size in zip(
                t["text"], decode(t["x"]), decode(t["y"]), decode(t["marker"]["size"]), strict=True
            ):
                out[name] = (float(x), float(y), float(size))
    return out


# --- the kecamatan filter ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def filtered():
    return run(ind="layanan_daring", kecamatan="36.74.07,36.74.01")


def test_filtered_run_has_no_exception(filtered):
    assert_clean(filtered)
    assert filtered.query_params["kecamatan"] == "36.74.07,36.74.01"


def test_only_the_chosen_kecamatan_in_every_view(filtered):
    ranking, heatmap, radar, scatter = views(filtered)
    shown = {
        "ranking": ranking_names(ranking),
        "heatmap": heatmap_rows(heatmap),
        "radar": [n for n in radar_names(radar) if n != CITY["id"]],
        "scatter": list(scatter_points(scatter)),
    }
    assert {view: sorted(names) for view, names in shown.items()} == {view: sorted(CHOSEN) for view in shown}
    others = set(KECAMATAN.values()) - CHOSEN
    assert not others & {n for names in shown.values() for n in names}
    assert CITY["id"] in radar_names(radar)  # the city stays as the reference


def test_scatter_sizes_are_the_sample_population_of_the_year(filtered):
    scatter = views(filtered)[3]
    pop = pd.read_csv(ROOT / "data" / "sample" / "penduduk_sampel.csv", dtype={"kode_wilayah": str})
    year = int(re.search(r"\d{4}", scatter["layout"]["title"]["text"]).group(0))
    totals = pop[pop["tahun"] == year].groupby(pop["kode_wilayah"].str[:8])["penduduk"].sum()
    sizes = {name: size for name, (_, _, size) in scatter_points(scatter).items()}
    assert sizes == {"Serpong": totals["36.74.01"], "Setu": totals["36.74.07"]}


# --- the default run: all seven kecamatan -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def default():
    return run()


def test_default_run_shows_all_seven_kecamatan(default):
    assert_clean(default)
    ranking, heatmap, radar, scatter = views(default)
    everyone = sorted(KECAMATAN.values())
    assert sorted(ranking_names(ranking)) == everyone
    assert heatmap_rows(heatmap) == list(KECAMATAN.values())  # register order
    assert radar_names(radar) == [*KECAMATAN.values(), CITY["id"]]
    assert sorted(scatter_points(scatter)) == everyone


def test_radar_axes_follow_berakhlak(default):
    radar = views(default)[2]
    theta = radar["data"][0]["theta"]
    assert theta == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
        "Berorientasi Pelayanan",
    ]
    city = radar["data"][-1]
    assert (city["line"]["dash"], city["line"]["color"]) == ("dash", "#111111")


def test_scatter_defaults_to_online_share_against_ikm_by_year(default):
    scatter = views(default)[3]
    axes = (scatter["layout"]["xaxis"]["title"]["text"], scatter["layout"]["yaxis"]["title"]["text"])
    assert axes == ("Layanan daring (%)", "IKM (poin)")
    assert [s.label for s in default.selectbox if s.label.startswith("Indikator sumbu")] == [
        "Indikator sumbu X",
        "Indikator sumbu Y",
    ]
    assert any("per tahun" in c.value and "penduduk" in c.value for c in default.caption)


def test_heatmap_cell_equals_the_tables_capaian(default):
    from kpi.core.catalogue import load_catalogue
    from kpi.core.wilayah import load_register
    from kpi.inputs.observations import load_sample
    from kpi.metrics.analysis import indicator_table

    heatmap = views(default)[1]["data"][0]
    column = next(i for i, x in enumerate(heatmap["x"]) if x.startswith("Layanan daring<br>"))
    period = re.search(r"<i>(.*)</i>", heatmap["x"][column]).group(1)
    table = indicator_table(load_sample().frame, load_catalogue(), load_register(), "kecamatan", "month")
    rows = table[(table["indikator"] == "layanan_daring") & (table["periode"] == "2026-10")].set_index("nama_wilayah")
    assert period == "Okt 2026"  # the default indicator (online requests) is monthly, so the grain is month
    z = decode(heatmap["z"])
    for r, name in enumerate(heatmap["y"]):
        assert float(z[r][column]) == pytest.approx(rows.loc[name, "capaian"])


def test_ranking_sorted_best_first_with_the_target_line(default):
    ranking = views(default)[0]
    values = bar_values(ranking)
    assert values == sorted(values, reverse=True) and len(values) == 7  # online share: higher is better
    dashes = {s["name"].split(" ")[0]: s["line"]["dash"] for s in ranking["layout"]["shapes"]}
    assert dashes == {"Target": "dash", "Kota": "dot"}


def test_lower_is_better_ranks_ascending():
    at = run(ind="waktu_penyelesaian")
    assert_clean(at)
    values = bar_values(views(at)[0])
    assert values == sorted(values) and len(values) == 7


def test_chosen_scatter_axes_come_from_the_url():
    at = run(banding_x="tte", banding_y="aduan_per_10rb")
    assert_clean(at)
    layout = views(at)[3]["layout"]
    assert (layout["xaxis"]["title"]["text"], layout["yaxis"]["title"]["text"]) == (
        "Naskah ber-TTE (%)",
        "Aduan per 10 rb (per 10.000 penduduk)",
    )


# --- English -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def english():
    return run(lang="en", ind="layanan_daring", kecamatan="36.74.07,36.74.01")


def test_english_run_labels_and_numbers(english):
    assert_clean(english)
    ranking, heatmap, radar, scatter = views(english, "en")
    labels = [a["text"] for a in ranking["layout"]["annotations"]]
    assert len(labels) == 2 and all(re.fullmatch(PERCENT["en"], v) for v in labels), labels
    assert all(re.fullmatch(PERCENT["en"] + "|–", v) for row in heatmap["data"][0]["text"] for v in row)
    assert radar["data"][0]["theta"][:2] == ["Service-oriented", "Accountable"]
    assert radar_names(radar)[-1] == CITY["en"]
    assert scatter["layout"]["xaxis"]["title"]["text"] == "Online requests (%)"
    assert {spec["layout"]["separators"] for spec in (ranking, heatmap, radar, scatter)} == {".,"}
    assert sorted(ranking_names(ranking)) == sorted(CHOSEN)


def test_indonesian_value_labels(filtered):
    ranking, heatmap, *_ = views(filtered)
    labels = [a["text"] for a in ranking["layout"]["annotations"]]
    assert len(labels) == 2 and all(re.fullmatch(PERCENT["id"], v) for v in labels), labels
    assert heatmap["layout"]["separators"] == ",."
