"""Every page through AppTest: it runs, shows the sample badge and the data date; the home page's headline cards."""

from __future__ import annotations

import re

import pytest
from streamlit.proto.Markdown_pb2 import Markdown as MarkdownProto
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from kpi.core.catalogue import load_catalogue
from tests.apptest import assert_clean, open_page, run_page
from tests.browser import ROOT, page_name, scripts

SCRIPTS = scripts()
LANGS = ("id", "en")

# The committed sample runs 2021-01 to 2026-10 (data/sample/README.md), so the data end on 31 October 2026.
DATA_DATE = {"id": "Data sampai: 31 Okt 2026", "en": "Data up to: 31 Oct 2026"}
# A number in the reader's language: 1.234,5 in Bahasa Indonesia, 1,234.5 in English.
NUMBER = {"id": r"\d{1,3}(?:\.\d{3})*,\d+", "en": r"\d{1,3}(?:,\d{3})*\.\d+"}

# The home page shows a card for every headline indicator of the catalogue (headline: true), in catalogue order, so
# adding one touches data/indicators.yaml only. The cards of the shipped headline indicators, worked out by hand: name
# and unit per language, and the good direction. The unit may sit in the value ('76,3%', '1,93 hari kerja') or in
# brackets after the name ('Waktu selesai (hari kerja)').
SHIPPED = {
    # id: (id name,        en name,              id unit,       en unit,          higher is better)
    "ikm": ("IKM", "IKM", "poin", "points", True),
    "layanan_daring": ("Layanan daring", "Online requests", "%", "%", True),
    "selesai_tepat_waktu": ("Tepat waktu", "On time", "%", "%", True),
    "waktu_penyelesaian": ("Waktu selesai", "Completion time", "hari kerja", "working days", False),
    "tte": ("Naskah ber-TTE", "E-signed documents", "%", "%", True),
}
NAME = {"id": 0, "en": 1}
UNIT = {"id": 2, "en": 3}
Dir, Colour = MetricProto.MetricDirection, MetricProto.MetricColor


def headline() -> dict[str, tuple]:
    """The expected cards, by indicator id in card order, as the catalogue declares them (see SHIPPED)."""
    return {
        i.id: (
            i.text("short", "id"),
            i.text("short", "en"),
            i.text("unit", "id"),
            i.text("unit", "en"),
            i.higher_is_better,
        )
        for i in load_catalogue().headline
    }


def run(script, lang: str) -> AppTest:
    """The app after one run of a page in a language (?lang= set before the first run), computed once per test session."""
    page = None if script == ROOT / "app.py" else str(script.relative_to(ROOT))
    return run_page(page, **({"lang": lang} if lang != "id" else {}))


def _number(text: str, lang: str) -> float:
    """'1.234,56 poin' -> 1234.56 (id); '1,234.56 points' -> 1234.56 (en)."""
    digits = re.match(NUMBER[lang], text).group(0)
    thousands, decimal = (".", ",") if lang == "id" else (",", ".")
    return float(digits.replace(thousands, "").replace(decimal, "."))


def _cases():
    return [pytest.param(s, lang, id=f"{page_name(s)}-{lang}") for s in SCRIPTS for lang in LANGS]


@pytest.mark.parametrize(("script", "lang"), _cases())
def test_page_runs_without_exception_or_error(script, lang):
    assert_clean(run(script, lang))


@pytest.mark.parametrize(("script", "lang"), _cases())
def test_page_shows_sample_badge_and_data_date(script, lang):
    at = run(script, lang)
    badges = [m.value for m in at.main.markdown if m.proto.element_type == MarkdownProto.Type.NATIVE]
    assert any(re.fullmatch(r":\w+-badge\[.*Data contoh \(sintetis\).*\]", b) for b in badges), badges
    # a caption on the pages; full-contrast text in the presenter footer of the Briefing page
    assert DATA_DATE[lang] in [c.value for c in at.main.caption] + [m.value for m in at.main.markdown]


def _name(label: str) -> str:
    """'Waktu selesai (hari kerja)' -> 'Waktu selesai'."""
    return re.sub(r" \([^()]*\)$", "", label)


def test_the_catalogue_declares_the_hand_worked_cards_of_the_shipped_headline_indicators():
    cards = headline()
    assert {iid: cards.get(iid) for iid in SHIPPED} == SHIPPED


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_every_headline_indicator_of_the_catalogue(lang):
    assert [_name(m.label) for m in run(ROOT / "app.py", lang).metric] == [h[NAME[lang]] for h in headline().values()]


@pytest.mark.parametrize("lang", LANGS)
def test_home_values_use_the_languages_number_format(lang):
    metrics = run(ROOT / "app.py", lang).metric
    assert len(metrics) == len(headline())
    for metric in metrics:
        assert re.fullmatch(NUMBER[lang] + r"(%| \D+)?", metric.value), (metric.label, metric.value)


@pytest.mark.parametrize("lang", LANGS)
def test_home_cards_name_the_unit(lang):
    for metric, h in zip(run(ROOT / "app.py", lang).metric, headline().values(), strict=True):
        unit = h[UNIT[lang]]
        shown = (
            metric.value.endswith("%")
            if unit == "%"
            else (metric.label.endswith(f"({unit})") or metric.value.endswith(f" {unit}"))
        )
        assert shown, (metric.label, metric.value, unit)


def test_home_values_are_the_same_numbers_in_both_languages():
    ids, ens = run(ROOT / "app.py", "id").metric, run(ROOT / "app.py", "en").metric
    assert [_number(m.value, "id") for m in ids] == [_number(m.value, "en") for m in ens]
    assert [m.value for m in ids] != [m.value for m in ens]  # and the formatting does differ


def test_home_sparkline_ends_at_the_value_shown():
    for metric in run(ROOT / "app.py", "id").metric:
        history = list(metric.proto.chart_data)
        shown = re.match(NUMBER["id"], metric.value).group(0)
        decimals = len(shown.split(",")[1])
        assert len(history) >= 2, metric.label
        assert round(history[-1], decimals) == pytest.approx(_number(metric.value, "id")), metric.label


def test_home_delta_arrow_and_colour_follow_the_change():
    wrong = []
    for metric, (*_, higher_is_better) in zip(run(ROOT / "app.py", "id").metric, headline().values(), strict=True):
        delta = metric.proto.delta
        if not delta:
            continue
        fell, flat = delta.startswith(("-", "−")), delta.startswith("±")
        arrow = Dir.NONE if flat else Dir.DOWN if fell else Dir.UP
        colour = Colour.GRAY if flat else Colour.GREEN if fell != higher_is_better else Colour.RED
        if (metric.proto.direction, metric.proto.color) != (arrow, colour):
            wrong.append((metric.label, delta))
    assert wrong == []


def test_sidebar_language_switch_sets_the_url_and_the_labels():
    at = open_page(None)
    card = list(headline()).index("layanan_daring")
    assert _name(at.metric[card].label) == "Layanan daring"
    at.sidebar.button_group[0].set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert _name(at.metric[card].label) == "Online requests"
    assert re.fullmatch(NUMBER["en"] + "%", at.metric[card].value)
