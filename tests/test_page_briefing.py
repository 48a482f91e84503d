"""The Briefing page (presenter mode) through AppTest: it runs in both languages, starts on the title slide, moves with
the buttons, opens the slide of ?slide=N, prints the period and the sample note in the footer, and survives a link with
an unknown kecamatan or period. ?mode=briefing on another page opens it with the link's filters."""
from __future__ import annotations


import pytest

from tests.apptest import assert_clean, open_page, plotly_specs, run_page

PAGE = "pages/6_Briefing.py"
TITLE = {"id": "Briefing KPI Reformasi Birokrasi", "en": "Bureaucratic reform KPI briefing"}
# The committed sample ends in October 2026: the deck is 4 city slides and one per kecamatan (7), 11 in all.
SLIDES = 11


def _title(at) -> str:
    return at.header[0].value


def _texts(at) -> list[str]:
    return [m.value for m in at.main.markdown]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_runs_clean_and_opens_on_the_title_slide(lang):
    at = run_page(PAGE, **({"lang": lang} if lang != "id" else {}))
    assert_clean(at)
    assert _title(at) == TITLE[lang]
    counter = {"id": f"Slide 1 dari {SLIDES}", "en": f"Slide 1 of {SLIDES}"}[lang]
    assert counter in _texts(at)
    assert at.query_params["slide"] == "1"
    assert plotly_specs(at) == []          # the title slide has no chart


def test_next_shows_the_next_slide_and_previous_goes_back():
    at = open_page(PAGE)
    assert at.button(key="briefing_prev").proto.disabled
    at.button(key="briefing_next").click().run()
    assert_clean(at)
    assert (_title(at), at.query_params["slide"]) == ("Indikator utama kota", "2")
    table = plotly_specs(at)[0]["data"][0]
    assert table["type"] == "table"
    at.button(key="briefing_prev").click().run()
    assert (_title(at), at.query_params["slide"]) == (TITLE["id"], "1")


def test_slide_in_the_url_opens_that_slide():
    at = run_page(PAGE, slide="3")
    assert_clean(at)
    assert _title(at) == "Peta IKM"
    assert f"Slide 3 dari {SLIDES}" in _texts(at)
    (figure,) = plotly_specs(at)
    assert figure["layout"]["width"] == 1776       # the slide model's full-width chart, drawn as it is


def test_last_slide_and_slides_beyond_the_deck():
    at = run_page(PAGE, slide="99")
    assert_clean(at)
    assert (_title(at), at.query_params["slide"]) == ("Kecamatan Setu", str(SLIDES))
    assert at.button(key="briefing_next").proto.disabled
    assert run_page(PAGE, slide="x").query_params["slide"] == "1"


def test_movers_slide_shows_the_generated_sentences_beside_the_chart():
    at = run_page(PAGE, slide="4")
    assert _title(at) == "Perubahan terbesar: IKM"
    assert "Membaik" in " ".join(_texts(at))
    assert any(t.startswith("IKM Kecamatan Ciputat naik 2,66 poin") for t in _texts(at))


def test_footer_has_the_period_filters_data_date_and_sample_note():
    at = run_page(PAGE, slide="2")
    texts = _texts(at)
    assert "Okt 2026 · Semua kecamatan" in texts
    assert any("Data contoh (sintetis)" in t and "badge" in t for t in texts)
    assert "Data sampai: 31 Okt 2026" in [c.value for c in at.main.caption]


def test_period_and_kecamatan_of_the_url_choose_the_deck():
    at = run_page(PAGE, direct=True, periode="2026-09", kecamatan="36.74.01")
    assert_clean(at)
    assert "Sep 2026 · Kecamatan: Serpong" in _texts(at)
    assert "Slide 1 dari 5" in _texts(at)      # 4 city slides and Serpong's scorecard


def test_unknown_kecamatan_in_the_url_is_named_and_ignored():
    at = run_page(PAGE, direct=True, kecamatan="99.99")
    assert [e.value for e in at.exception] == []
    (warning,) = at.warning
    assert "99.99" in warning.value and "Setu (36.74.07)" in warning.value
    assert "Okt 2026 · Semua kecamatan" in _texts(at)


def test_unknown_period_in_the_url_falls_back_to_the_latest_month():
    at = run_page(PAGE, direct=True, periode="2026-13")
    assert [e.value for e in at.exception] == []
    (warning,) = at.warning
    assert "2026-13" in warning.value and "Okt 2026" in warning.value
    assert "Okt 2026 · Semua kecamatan" in _texts(at)


def test_mode_briefing_on_another_page_opens_the_briefing_with_the_filters():
    at = open_page("pages/2_Tren.py", direct=True, mode="briefing", lang="en", slide="2")
    assert_clean(at)
    assert _title(at) == "City headline KPIs"
    assert "mode" not in at.query_params
    assert at.query_params["lang"] == "en"
