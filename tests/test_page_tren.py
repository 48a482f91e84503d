"""The Tren page through AppTest: which lines are drawn for which filters, their periods, gaps, language and view."""

from __future__ import annotations

import json
import re

import numpy as np
from streamlit.testing.v1 import AppTest

from charts.palette import CITY as BLACK
from charts.palette import kecamatan_colours
from kpi.core.catalogue import load_catalogue
from kpi.core.wilayah import load_register
from kpi.inputs.observations import load_sample
from kpi.metrics.analysis import indicator_table
from tests.apptest import assert_clean, decode, open_page, plotly_specs, run_page

REGISTER = load_register()
KECAMATAN = {u.kode: u.nama for u in REGISTER.level("kecamatan")}
CITY = {"id": "Kota Tangerang Selatan", "en": "Tangerang Selatan (city)"}
SETU, SERPONG = "36.74.07", "36.74.01"
CHOSEN = {"ind": "layanan_daring", "tingkat": "kecamatan", "kecamatan": f"{SETU},{SERPONG}", "jenis_periode": "quarter"}

PAGE = "pages/2_Tren.py"


def run(direct: bool = False, **params: str) -> AppTest:
    """The Tren page after a run with these URL parameters (computed once per test session). The app starts on the
    home page and switches to Tren, as a user does; `direct` opens a link to Tren instead (the home page offers only
    the kecamatan level, and a page change keeps that choice over the URL's)."""
    return run_page(PAGE, direct=direct, **params)


def trend(at: AppTest) -> dict:
    """The trend chart: the first figure (its traces are lines)."""
    fig = plotly_specs(at)[0]
    assert {t.get("type", "scatter") for t in fig["data"]} == {"scatter"}
    return fig


def lines(at: AppTest) -> dict[str, dict]:
    """The trend chart's traces by name, with x, y and customdata decoded."""
    return {
        t["name"]: {**t, **{k: decode(t[k]) for k in ("x", "y", "customdata") if k in t}} for t in trend(at)["data"]
    }


# --- chosen kecamatan, by quarter ---------------------------------------------------------------------------------


def test_chosen_kecamatan_are_drawn_with_the_city_and_the_target_and_no_other():
    at = run(**CHOSEN)
    assert_clean(at)
    names = list(lines(at))
    assert sorted(names) == sorted(["Setu", "Serpong", CITY["id"], "Target"])
    others = set(KECAMATAN.values()) - {"Setu", "Serpong"}
    assert len(others) == 5 and not others & set(names)


def test_x_values_are_quarters():
    for name, trace in lines(run(**CHOSEN)).items():
        assert all(re.fullmatch(r"20\d\d-(03-31|06-30|09-30|12-31)", x) for x in trace["x"]), name
        assert all(re.fullmatch(r"20\d\d-Q[1-4]", p) for p in trace["customdata"]), name
        assert trace["customdata"][-1] == "2026-Q4"


def test_hover_names_the_kecamatan_and_period_in_indonesian_number_format():
    # The sample ends in October 2026: Triwulan IV 2026 is in progress, and its hover says how far the data go.
    setu = lines(run(**CHOSEN))["Setu"]
    assert re.fullmatch(r"Kecamatan Setu · Triwulan III 2026: \d{1,3},\d%", setu["hovertext"][-2]), setu["hovertext"]
    assert re.fullmatch(r"Kecamatan Setu · Triwulan IV 2026 \(s\.d\. Okt 2026\): \d{1,3},\d%", setu["hovertext"][-1])


def test_the_quarter_in_progress_is_an_open_point_on_a_dotted_segment_and_said_so():
    at = run(**CHOSEN)
    setu = [t for t in trend(at)["data"] if t["name"] == "Setu"]
    solid, dotted = setu
    assert decode(solid["y"])[-1] is None and decode(solid["y"])[-2] is not None
    assert decode(dotted["customdata"]) == ["2026-Q3", "2026-Q4"] and dotted["line"]["dash"] == "dot"
    assert dotted["marker"]["symbol"] == "circle-open" and dotted["showlegend"] is False
    assert any("periode yang belum lengkap, Triwulan IV 2026 (s.d. Okt 2026)" in c.value for c in at.caption)


def test_target_line_follows_the_catalogue():
    target = lines(run(**CHOSEN))["Target"]
    ind = load_catalogue().get("layanan_daring")
    assert target["y"] == [ind.target_for(p) for p in target["customdata"]]


def test_change_on_a_year_earlier_lists_the_chosen_kecamatan_and_the_city():
    at = run(**CHOSEN)
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == ["Setu", "Serpong", CITY["id"]]
    assert list(table.columns)[1:3] == ["Triwulan IV 2026", "Triwulan IV 2025"]
    bars = plotly_specs(at)[1]["data"][0]
    assert decode(bars["y"]) == ["Setu", "Serpong", CITY["id"]]
    assert any("Triwulan IV 2026 baru berisi data sampai Okt 2026" in c.value for c in at.caption)


# --- default filters ----------------------------------------------------------------------------------------------


def test_default_filters_draw_every_kecamatan_by_month():
    at = run()  # the default indicator is the finest-grained headline one: online requests, monthly
    assert_clean(at)
    traces = lines(at)
    assert sorted(traces) == sorted([*KECAMATAN.values(), CITY["id"], "Target"])
    assert all(re.fullmatch(r"20\d\d-\d\d", p) for p in traces["Setu"]["customdata"])


def test_ikm_draws_every_kecamatan_by_semester():
    at = run(ind="ikm")  # IKM is collected per semester
    assert_clean(at)
    traces = lines(at)
    assert sorted(traces) == sorted([*KECAMATAN.values(), CITY["id"], "Target"])
    periods = traces["Setu"]["customdata"]
    assert all(re.fullmatch(r"20\d\d-S[12]", p) for p in periods)
    assert all(re.fullmatch(r"20\d\d-(06-30|12-31)", x) for x in traces["Setu"]["x"])
    assert "Semester I<br>2021" in trend(at)["layout"]["xaxis"]["ticktext"]
    assert "Semester tanpa laporan ditampilkan sebagai celah, bukan nol." in [c.value for c in at.caption]


def test_months_of_an_indicator_collected_monthly():
    at = run(ind="layanan_daring")
    assert_clean(at)
    months = lines(at)["Setu"]["customdata"]
    assert all(re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", p) for p in months)
    assert months[:2] == ["2021-01", "2021-02"] and months[-1] == "2026-10"
    assert "Jan 2021" in trend(at)["layout"]["xaxis"]["ticktext"]
    assert "Bulan tanpa laporan ditampilkan sebagai celah, bukan nol." in [c.value for c in at.caption]


def test_colours_are_the_kecamatan_palette():
    colours = kecamatan_colours(REGISTER)
    traces = lines(run())
    assert {n: traces[n]["line"]["color"] for n in KECAMATAN.values()} == {KECAMATAN[k]: colours[k] for k in KECAMATAN}
    assert traces[CITY["id"]]["line"]["color"] == BLACK


# --- kelurahan: gaps, and the limit to one kecamatan ----------------------------------------------------------------


def _missing_months(indicator: str, kecamatan: str) -> dict[str, list[str]]:
    """Kelurahan → months without a report, straight from the sample."""
    table = indicator_table(load_sample().frame, load_catalogue(), REGISTER, "kelurahan", "month")
    rows = table[
        (table["indikator"] == indicator)
        & table["nilai"].isna()
        & table["kode_wilayah"].str.startswith(kecamatan + ".")
    ]
    return {REGISTER.name(k): sorted(g["periode"]) for k, g in rows.groupby("kode_wilayah")}


def test_months_without_reports_are_gaps_not_zero():
    missing = _missing_months("layanan_daring", SETU)
    assert missing, "the sample should hold at least one kelurahan of Setu without a report in some month"
    at = run(direct=True, ind="layanan_daring", tingkat="kelurahan", kecamatan=SETU)
    assert_clean(at)
    traces = lines(at)
    for name, months in missing.items():
        by_month = dict(zip(traces[name]["customdata"], traces[name]["y"], strict=True))
        assert [by_month[m] for m in months] == [None] * len(months), name
        assert traces[name]["connectgaps"] is False
        reported = [y for m, y in by_month.items() if m not in months]
        assert reported and None not in reported, name  # only the months without a report are gaps


def test_kelurahan_without_a_kecamatan_are_limited_to_the_first_and_the_page_says_so():
    at = run(direct=True, ind="layanan_daring", tingkat="kelurahan")
    assert_clean(at)
    serpong = [u.nama for u in REGISTER.children(SERPONG)]
    assert sorted(lines(at)) == sorted([*serpong, CITY["id"], "Target"])
    assert any("Kecamatan Serpong" in i.value for i in at.info)


# --- English, and small multiples ---------------------------------------------------------------------------------


def test_english_names_ticks_and_numbers():
    at = run(**{**CHOSEN, "lang": "en"})
    assert_clean(at)
    traces = lines(at)
    assert sorted(traces) == sorted(["Setu", "Serpong", CITY["en"], "Target"])
    assert "Q1 2021" in trend(at)["layout"]["xaxis"]["ticktext"]
    assert re.fullmatch(r"Kecamatan Setu · Q4 2026 \(to Oct 2026\): \d{1,3}\.\d%", traces["Setu"]["hovertext"][-1])
    assert trend(at)["layout"]["separators"] == ".,"
    assert list(at.dataframe[0].value.columns)[1] == "Q4 2026"


def test_english_ikm_run():
    at = run(ind="ikm", lang="en")
    assert_clean(at)
    assert sorted(lines(at)) == sorted([*KECAMATAN.values(), CITY["en"], "Target"])
    ticks = trend(at)["layout"]["xaxis"]["ticktext"]
    assert "H1 2021" in ticks and all(re.fullmatch(r"H[12] 20\d\d", t) for t in ticks)
    assert "Semesters without reports are shown as gaps, not as zero." in [c.value for c in at.caption]


def test_english_months():
    ticks = trend(run(ind="layanan_daring", lang="en"))["layout"]["xaxis"]["ticktext"]
    assert "Jan 2021" in ticks and all(re.fullmatch(r"[A-Z][a-z]{2} 20\d\d", t) for t in ticks)


def test_small_multiples_from_the_url_one_panel_per_kecamatan():
    at = run(**CHOSEN, tren_tampilan="panel")
    assert_clean(at)
    fig = trend(at)
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Kecamatan Setu", "Kecamatan Serpong"]
    names = {t["name"] for t in fig["data"]}
    assert names == {"Setu", "Serpong", CITY["id"], "Target"}


def test_view_switch_draws_small_multiples_and_keeps_it_in_the_url():
    at = open_page(PAGE, **CHOSEN)
    assert "annotations" not in trend(at)["layout"] or not trend(at)["layout"]["annotations"]
    switch = next(b for b in at.sidebar.button_group if b.label == "Tampilan grafik")
    switch.set_value("panel").run()
    assert_clean(at)
    assert at.query_params["tren_tampilan"] == ["panel"] or at.query_params["tren_tampilan"] == "panel"
    assert len(trend(at)["layout"]["annotations"]) == 2


def test_decode_reads_plotly_base64_arrays():
    import plotly.graph_objects as go

    spec = json.loads(go.Figure(go.Scatter(x=np.arange(3), y=np.array([1.5, np.nan, 2.5]))).to_json())
    assert isinstance(spec["data"][0]["y"], dict)  # plotly does send numpy arrays as bdata
    assert decode(spec["data"][0]["y"]) == [1.5, None, 2.5]
    assert decode(spec["data"][0]["x"]) == [0, 1, 2]
