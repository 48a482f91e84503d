"""The trend of one indicator on tiny fixtures (2 kecamatan, 3 kelurahan, 4 months, one month without a report):
its series and year-on-year table (kpi.metrics.series), their words (kpi.report.trend) and figures (charts.trend)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from charts import trend
from charts.palette import CITY, NEUTRAL, TARGET, kecamatan_colours
from kpi.metrics import series
from kpi.metrics.analysis import indicator_table, partial_until
from kpi.report import trend as trend_text
from tests.conftest import obs

ALFA, BETA, KOTA = "36.74.01", "36.74.02", "36.74"
MONTHS = ["2026-07", "2026-08", "2026-09", "2026-10"]
# Numerators per month out of 100 requests each: Alfa's two kelurahan and Beta's one; Beta sent nothing in 2026-09.
REPORTS = {"2026-07": (10, 20, 30), "2026-08": (11, 21, 31), "2026-09": (12, 22, None), "2026-10": (13, 23, 33)}


@pytest.fixture(scope="module")
def tables(tiny_catalogue, tiny_register):
    rows = []
    for p, (a1, a2, b) in REPORTS.items():
        rows += [(p, "36.74.01.1001", "daring", a1, 100, a1), (p, "36.74.01.1002", "daring", a2, 100, a2)]
        if b is not None:
            rows.append((p, "36.74.02.1001", "daring", b, 100, b))
    frame = obs(rows)
    return {
        level: indicator_table(frame, tiny_catalogue, tiny_register, level, "month")
        for level in ("kota", "kecamatan", "kelurahan")
    }


@pytest.fixture(scope="module")
def daring(tiny_catalogue):
    return tiny_catalogue.get("daring")


@pytest.fixture(scope="module")
def frame(tables, daring):
    return series.series(tables["kecamatan"], tables["kota"], daring, [ALFA, BETA])


def _table(rows, tingkat="kecamatan", indikator="daring"):
    """A hand-made analysis table from (kode, periode, nilai) rows."""
    return pd.DataFrame(
        {
            "indikator": indikator,
            "tingkat": tingkat,
            "kode_wilayah": [r[0] for r in rows],
            "nama_wilayah": [r[0] for r in rows],
            "periode": [r[1] for r in rows],
            "periode_akhir": [r[1] for r in rows],
            "nilai": [float(r[2]) for r in rows],
        }
    )


# --- series -------------------------------------------------------------------------------------------------------


def test_series_has_every_wilayah_and_month_with_the_missing_month_as_nan_not_zero(frame):
    assert list(frame.columns) == series.COLUMNS
    assert frame["kode_wilayah"].tolist() == [ALFA] * 4 + [BETA] * 4 + [KOTA] * 4  # chosen order, then the city
    assert frame["periode"].tolist() == MONTHS * 3
    beta = frame[frame["kode_wilayah"] == BETA].set_index("periode")["nilai"]
    assert math.isnan(beta["2026-09"])
    assert beta.drop("2026-09").tolist() == [30.0, 31.0, 33.0]
    alfa = frame[frame["kode_wilayah"] == ALFA]["nilai"].tolist()
    assert alfa == [15.0, 16.0, 17.0, 18.0]  # (10+20)/200, (11+21)/200 … × 100


def test_series_adds_a_nan_row_for_a_period_missing_from_the_table(daring):
    level = _table([(ALFA, "2026-07", 40), (ALFA, "2026-09", 42)])  # no 2026-08 row at all
    kota = _table([(KOTA, p, 50) for p in ("2026-07", "2026-08", "2026-09")], tingkat="kota")
    out = series.series(level, kota, daring, [ALFA])
    alfa = out[out["kode_wilayah"] == ALFA].set_index("periode")["nilai"]
    assert alfa.index.tolist() == ["2026-07", "2026-08", "2026-09"]
    assert math.isnan(alfa["2026-08"])


def test_series_dates_are_period_ends_in_order(frame):
    alfa = frame[frame["kode_wilayah"] == ALFA]
    assert alfa["tanggal"].dt.strftime("%Y-%m-%d").tolist() == ["2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"]
    assert alfa["tanggal"].is_monotonic_increasing


def test_series_target_is_the_catalogue_target_of_each_period(frame, daring):
    assert frame["target"].tolist() == [daring.target_for(p) for p in frame["periode"]]
    assert set(frame["target"]) == {60.0}


def test_series_reads_a_cumulative_target_at_the_last_month_reported(tiny_catalogue):
    anggaran = tiny_catalogue.get("anggaran")
    kota = _table([(KOTA, "2026-Q3", 50), (KOTA, "2026-Q4", 60)], tingkat="kota", indikator="anggaran")
    kota.loc[1, "periode_akhir"] = "2026-10"  # the fourth quarter has only October so far
    out = series.series(kota, kota, anggaran, [])
    assert out.set_index("periode")["target"].to_dict() == pytest.approx({"2026-Q3": 95 * 0.70, "2026-Q4": 95 * 0.79})


def test_series_leaves_out_wilayah_not_chosen(tables, daring):
    out = series.series(tables["kecamatan"], tables["kota"], daring, [BETA])
    assert set(out["kode_wilayah"]) == {BETA, KOTA}


def test_series_of_an_indicator_without_rows_is_empty(tables, tiny_catalogue):
    out = series.series(tables["kecamatan"], tables["kota"], tiny_catalogue.get("ikm"), [ALFA])
    assert out.empty and list(out.columns) == series.COLUMNS


# --- which lines ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "kecamatan", "kelurahan", "codes", "limited"),
    [
        ("kota", (), (), [], None),
        ("kecamatan", (), (), [ALFA, BETA], None),
        ("kecamatan", (BETA,), (), [BETA], None),
        ("kelurahan", (), (), ["36.74.01.1001", "36.74.01.1002"], ALFA),  # none chosen: the first kecamatan only
        ("kelurahan", (BETA,), (), ["36.74.02.1001"], None),
        ("kelurahan", (ALFA,), ("36.74.01.1002",), ["36.74.01.1002"], None),
    ],
)
def test_lines_for(tiny_register, level, kecamatan, kelurahan, codes, limited):
    assert series.lines_for(tiny_register, level, kecamatan, kelurahan) == (codes, limited)


# --- the combined chart -------------------------------------------------------------------------------------------


def _traces(fig):
    return {t.name: t for t in fig.data}


def test_trend_figure_has_one_line_per_wilayah_the_city_and_the_target(frame, daring, tiny_register):
    fig = trend.trend_figure(frame, daring, tiny_register, "id")
    assert [t.name for t in fig.data] == ["Alfa", "Beta", "Kota Uji", "Target"]


def test_trend_figure_colours_are_the_palette(frame, daring, tiny_register):
    traces, colours = _traces(trend.trend_figure(frame, daring, tiny_register, "id")), kecamatan_colours(tiny_register)
    assert traces["Alfa"].line.color == colours[ALFA]
    assert traces["Beta"].line.color == colours[BETA]
    assert traces["Alfa"].line.color != traces["Beta"].line.color
    assert traces["Kota Uji"].line.color == CITY
    assert traces["Kota Uji"].line.width > traces["Alfa"].line.width


def test_trend_figure_target_is_a_grey_dashed_step_at_the_catalogue_target(frame, daring, tiny_register):
    target = _traces(trend.trend_figure(frame, daring, tiny_register, "id"))["Target"]
    assert (target.line.color, target.line.dash, target.line.shape) == (TARGET, "dash", "vh")
    assert list(target.y) == [daring.target_for(p) for p in MONTHS]


def test_trend_figure_leaves_a_gap_for_the_missing_month(frame, daring, tiny_register):
    beta = _traces(trend.trend_figure(frame, daring, tiny_register, "id"))["Beta"]
    assert list(beta.y) == [30.0, 31.0, None, 33.0]
    assert beta.connectgaps is False
    assert list(beta.customdata) == MONTHS


def test_trend_figure_without_target(frame, daring, tiny_register):
    assert "Target" not in _traces(trend.trend_figure(frame, daring, tiny_register, "id", show_target=False))


@pytest.mark.parametrize(
    ("lang", "ticks", "hover", "city"),
    [
        ("id", ["Jul 2026", "Agu 2026", "Sep 2026", "Okt 2026"], "Kecamatan Alfa · Okt 2026: 18,0%", "Kota Uji"),
        ("en", ["Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026"], "Kecamatan Alfa · Oct 2026: 18.0%", "Kota Uji"),
    ],
)
def test_trend_figure_speaks_the_language(frame, daring, tiny_register, lang, ticks, hover, city):
    fig = trend.trend_figure(frame, daring, tiny_register, lang)
    assert list(fig.layout.xaxis.ticktext) == ticks
    assert list(fig.layout.xaxis.tickvals) == ["2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"]
    assert _traces(fig)["Alfa"].hovertext[-1] == hover
    assert fig.layout.separators == (",." if lang == "id" else ".,")


def test_hover_uses_the_thousands_separator_of_the_language(tiny_register, tiny_catalogue):
    aduan = tiny_catalogue.get("aduan")  # unit 'per 10.000', one decimal
    level = _table([(ALFA, "2026-10", 1234.5)], indikator="aduan")
    kota = _table([(KOTA, "2026-10", 1000)], tingkat="kota", indikator="aduan")
    fr = series.series(level, kota, aduan, [ALFA])
    texts = {
        lang: _traces(trend.trend_figure(fr, aduan, tiny_register, lang))["Alfa"].hovertext[0] for lang in ("id", "en")
    }
    assert texts == {
        "id": "Kecamatan Alfa · Okt 2026: 1.234,5 per 10.000",
        "en": "Kecamatan Alfa · Oct 2026: 1,234.5 per 10,000",
    }


def test_trend_figure_is_readable_when_shared(frame, daring, tiny_register):
    layout = trend.trend_figure(frame, daring, tiny_register, "id").layout
    assert layout.font.size >= 14 and layout.xaxis.tickfont.size >= 14 and layout.yaxis.tickfont.size >= 14
    assert layout.legend.font.size >= 14 and layout.hoverlabel.font.size >= 14
    assert layout.legend.orientation == "h" and layout.legend.y <= 0  # at the bottom
    assert layout.yaxis.title.text == "Persen (%)"


def test_kelurahan_lines_differ_in_shade_and_dash_within_their_kecamatan(tiny_register):
    styles = trend.line_styles(["36.74.01.1001", "36.74.01.1002", "36.74.02.1001", KOTA], tiny_register)
    one, two = styles["36.74.01.1001"], styles["36.74.01.1002"]
    assert (one["color"], one["dash"]) != (two["color"], two["dash"])
    assert one["color"] != two["color"] and one["dash"] != two["dash"]
    assert styles[KOTA]["color"] == CITY


@pytest.mark.parametrize(
    ("values", "sizes"),
    [
        ([1.0] * 31, [0] * 31),  # a long unbroken line needs no markers
        ([1.0, None, 2.0, None] + [1.0] * 27, [7, 0, 7, 0] + [0] * 27),  # points alone between gaps get one
        ([1.0, None, 2.0], [7, 7, 7]),  # a short series shows every point
    ],
)
def test_marker_sizes(values, sizes):
    assert trend.marker_sizes(pd.Series(values, dtype=float)) == sizes


def test_ticks_of_six_years_of_months_fall_on_januaries():
    labels = [f"{y}-{m:02d}" for y in range(2021, 2027) for m in range(1, 13)][:70]
    vals, texts = trend._ticks(labels, "id", 880)
    assert texts == [f"Jan {y}" for y in range(2021, 2027)]
    assert vals[0] == "2021-01-31"


def test_quarter_ticks_break_long_indonesian_labels_only():
    labels = [f"{y}-Q{q}" for y in range(2025, 2027) for q in range(1, 5)]
    assert trend._ticks(labels, "id", 2000)[1][:2] == ["Triwulan I<br>2025", "Triwulan II<br>2025"]
    assert trend._ticks(labels, "en", 2000)[1][:2] == ["Q1 2025", "Q2 2025"]
    assert trend._ticks(labels, "id", 300)[1] == ["Triwulan I<br>2025", "Triwulan I<br>2026"]  # narrow: years


# --- small multiples ------------------------------------------------------------------------------------------------


def test_small_multiples_one_panel_per_wilayah_with_the_city_in_grey(frame, daring, tiny_register):
    fig = trend.small_multiples(frame, daring, tiny_register, "id")
    assert [a.text for a in fig.layout.annotations] == ["Kecamatan Alfa", "Kecamatan Beta"]
    panels = {}
    for t in fig.data:
        panels.setdefault(t.xaxis, []).append(t)
    assert sorted(panels) == ["x", "x2"]
    colours = kecamatan_colours(tiny_register)
    for axis, own in (("x", ALFA), ("x2", BETA)):
        lines = {t.name: t for t in panels[axis]}
        assert lines["Kota Uji"].line.color == NEUTRAL
        assert lines["Alfa" if own == ALFA else "Beta"].line.color == colours[own]
        assert lines["Target"].line.dash == "dash"
    assert fig.layout.yaxis2.matches == "y"  # one y scale for all panels
    assert sum(bool(t.showlegend) for t in fig.data if t.name == "Kota Uji") == 1


def test_panel_titles_drop_the_level_when_a_name_would_not_fit(tiny_register):
    codes = ["36.74.01.1001", "36.74.01.1002"]
    assert trend._panel_titles(codes, tiny_register, "id", 440) == ["Kelurahan Satu", "Kelurahan Dua"]
    assert trend._panel_titles(codes, tiny_register, "id", 100) == ["Satu", "Dua"]


def test_small_multiples_of_the_city_alone_is_one_panel(tables, daring, tiny_register):
    fr = series.series(tables["kota"], tables["kota"], daring, [])
    fig = trend.small_multiples(fr, daring, tiny_register, "en")
    assert [a.text for a in fig.layout.annotations] == ["Kota Uji"]
    assert {t.name for t in fig.data} == {"Kota Uji", "Target"}


# --- change against a year earlier ----------------------------------------------------------------------------------


@pytest.fixture()
def yoy_tables():
    level = _table([(ALFA, "2026-10", 62.5), (BETA, "2026-10", 40.0), (ALFA, "2026-09", 1.0)]).assign(
        nilai_tahun_lalu=[60.0, float("nan"), 0.0],
        perubahan_tahunan=[2.5, float("nan"), 1.0],
        arah_tahunan=["membaik", None, "membaik"],
    )
    kota = _table([(KOTA, "2026-10", 55.0)], tingkat="kota").assign(
        nilai_tahun_lalu=[56.25], perubahan_tahunan=[-1.25], arah_tahunan=["memburuk"]
    )
    return level, kota


def test_yoy_table_has_the_chosen_wilayah_then_the_city_for_the_period(yoy_tables):
    out = series.yoy_table(*yoy_tables, "daring", [BETA, ALFA], "2026-10")
    assert out["kode_wilayah"].tolist() == [BETA, ALFA, KOTA]
    assert out["periode_lalu"].unique().tolist() == ["2025-10"]
    assert out["perubahan_tahunan"].tolist()[1:] == [2.5, -1.25]
    assert out["arah_tahunan"].tolist()[1:] == ["membaik", "memburuk"]


@pytest.mark.parametrize(
    ("lang", "row", "missing"),
    [
        ("id", ["Alfa", "62,5", "60,0", "+2,5", "Membaik"], ["Beta", "40,0", "—", "—", "—"]),
        ("en", ["Alfa", "62.5", "60.0", "+2.5", "Improved"], ["Beta", "40.0", "—", "—", "—"]),
    ],
)
def test_yoy_display(yoy_tables, daring, tiny_register, lang, row, missing):
    out = trend_text.yoy_display(
        series.yoy_table(*yoy_tables, "daring", [ALFA, BETA], "2026-10"), daring, tiny_register, lang
    )
    month = {"id": "Okt", "en": "Oct"}[lang]
    assert list(out.columns)[1:3] == [f"{month} 2026", f"{month} 2025"]
    assert out.iloc[0].tolist() == row
    assert out.iloc[1].tolist() == missing
    assert out.iloc[2, 3] == {"id": "-1,3", "en": "-1.3"}[lang]  # -1,25 rounded half up away from zero


def test_yoy_figure_colours_follow_the_direction_and_leave_room_for_labels(yoy_tables, daring, tiny_register):
    fig = trend.yoy_figure(
        series.yoy_table(*yoy_tables, "daring", [ALFA, BETA], "2026-10"), daring, tiny_register, "id"
    )
    bar = fig.data[0]
    assert list(bar.y) == ["Alfa", "Beta", "Kota Uji"]
    assert list(bar.marker.color) == [trend.ARAH_COLOURS["membaik"], NEUTRAL, trend.ARAH_COLOURS["memburuk"]]
    assert list(bar.text) == ["+2,5", "—", "-1,3"]
    lo, hi = fig.layout.xaxis.range
    assert lo < -1.25 - 0.5 and hi > 2.5 + 1


@pytest.mark.parametrize(
    ("indicator", "lang", "text"),
    [
        ("daring", "id", "Nilai dalam %, perubahan dalam poin."),
        ("daring", "en", "Values in %, changes in points."),
        ("kepatuhan", "id", "Nilai dalam poin, perubahan dalam poin."),
        ("aduan", "en", "Values in per 10,000, changes in per 10,000."),
    ],
)
def test_yoy_units(tiny_catalogue, indicator, lang, text):
    assert trend_text.yoy_units(tiny_catalogue.get(indicator), lang) == text


@pytest.mark.parametrize(
    ("period", "last", "expected"),
    [
        ("2026-Q4", "2026-10", "2026-10"),  # a quarter with one month in
        ("2026-Q3", "2026-09", None),  # complete
        ("2026-10", "2026-10", None),  # a month is never partial
    ],
)
def test_partial_until(period, last, expected):
    kota = _table([(KOTA, period, 1.0)], tingkat="kota").assign(periode_akhir=[last])
    assert partial_until(kota, period) == expected


# --- a period still in progress (issue 12, item 3) ----------------------------------------------------------------


def test_a_partial_quarter_is_marked_and_drawn_as_an_open_point_on_a_dotted_segment(
    tiny_catalogue, tiny_register, daring
):
    # Quarters of the fixture: Q3 2026 (Jul–Sep) is complete, Q4 2026 holds October only: partial, "s.d. Okt 2026".
    rows = []
    for p, (a1, a2, b) in REPORTS.items():
        rows += [(p, "36.74.01.1001", "daring", a1, 100, a1), (p, "36.74.01.1002", "daring", a2, 100, a2)]
        if b is not None:
            rows.append((p, "36.74.02.1001", "daring", b, 100, b))
    frame = obs(rows)
    kec, kota = (indicator_table(frame, tiny_catalogue, tiny_register, lv, "quarter") for lv in ("kecamatan", "kota"))
    out = series.series(kec, kota, daring, [ALFA])
    assert out["periode"].tolist() == ["2026-Q3", "2026-Q4"] * 2
    assert out["sebagian"].tolist() == [False, True] * 2
    fig = trend.trend_figure(out, daring, tiny_register, "id")
    alfa = [t for t in fig.data if t.name == "Alfa"]
    solid, dotted = alfa
    # Alfa Q3: (10+20+11+21+12+22)/600 = 16,0 %; Q4 (October only): (13+23)/200 = 18,0 %
    assert list(solid.y) == [16.0, None]  # the partial quarter is not on the solid line
    assert list(dotted.y) == [16.0, 18.0] and dotted.line.dash == "dot" and not dotted.showlegend
    assert dotted.marker.symbol == "circle-open" and list(dotted.marker.size) == [0, 11]
    assert dotted.hovertext[1] == "Kecamatan Alfa · Triwulan IV 2026 (s.d. Okt 2026): 18,0%"


def test_a_complete_series_has_no_dotted_segment(frame, tiny_register, daring):
    fig = trend.trend_figure(frame, daring, tiny_register, "id")
    assert not frame["sebagian"].any()
    assert all(t.line.dash != "dot" for t in fig.data if t.name != "Target")


def test_the_partial_note_names_the_periods_in_progress():
    frame = pd.DataFrame(
        {"periode": ["2026-Q3", "2026-Q4", "2026-Q4"], "periode_akhir": ["2026-09", "2026-10", "2026-10"]}
    ).assign(sebagian=[False, True, True])
    assert trend_text.partial_note(frame, "id") == (
        "Titik berongga di ujung garis titik-titik: periode yang belum lengkap, Triwulan IV 2026 (s.d. Okt 2026)."
    )
    assert trend_text.partial_note(frame.assign(sebagian=False), "en") == ""
