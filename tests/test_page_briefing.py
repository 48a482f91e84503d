"""The Briefing page (presenter mode) through AppTest: it runs in both languages, starts on the title slide, moves with
the buttons, opens the slide of ?slide=N, prints the period and the sample note in the footer, and survives a link with
an unknown kecamatan or period. ?mode=briefing on another page opens it with the link's filters."""

from __future__ import annotations

import pytest

from tests.apptest import assert_clean, open_page, open_with_downloads, plotly_specs, run_page

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
    assert plotly_specs(at) == []  # the title slide has no chart


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
    assert figure["layout"]["width"] == 1776  # the slide model's full-width chart, drawn as it is


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
    assert "Data sampai: 31 Okt 2026" in texts  # as full-contrast text, not a grey caption
    assert "Data sampai: 31 Okt 2026" not in [c.value for c in at.main.caption]


def test_period_and_kecamatan_of_the_url_choose_the_deck():
    at = run_page(PAGE, direct=True, periode="2026-09", kecamatan="36.74.01")
    assert_clean(at)
    assert "Sep 2026 · Kecamatan: Serpong" in _texts(at)
    assert "Slide 1 dari 5" in _texts(at)  # 4 city slides and Serpong's scorecard


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


FAILED = "Slide atau paket briefing tidak dapat dibuat di server (RuntimeError)."


def _broken(*_args, **_kw):
    raise RuntimeError("Chromium crashed")


def test_a_failed_pack_downloads_a_file_of_its_kind_that_says_so(monkeypatch):
    """Drawing fails on the download thread, where the page cannot show a message: the PNG, the PDF and the PPTX each
    come as a file of their own kind carrying the words, never as a broken download."""
    import io

    from PIL import Image
    from pptx import Presentation
    from pypdf import PdfReader

    from briefing import deck as briefing
    from briefing import render as briefing_render

    monkeypatch.setattr(briefing, "write_pack", _broken)
    monkeypatch.setattr(briefing_render, "chart_renderer", _broken)
    at, downloads = open_with_downloads(PAGE, direct=True, slide="3")
    assert_clean(at)
    assert sorted(downloads) == ["briefing_2026-10.pdf", "briefing_2026-10.pptx", "briefing_2026-10_slide3.png"]
    png = Image.open(io.BytesIO(downloads["briefing_2026-10_slide3.png"]()))
    assert png.size == (1920, 1080)
    pdf = PdfReader(io.BytesIO(downloads["briefing_2026-10.pdf"]()))
    assert len(pdf.pages) == 1 and float(pdf.pages[0].mediabox.width) == 960
    pptx = Presentation(io.BytesIO(downloads["briefing_2026-10.pptx"]()))
    words = [shape.text_frame.text for slide in pptx.slides for shape in slide.shapes if shape.has_text_frame]
    assert len(pptx.slides) == 1 and words[0].startswith(FAILED)


def test_without_chromium_the_downloads_are_disabled_and_say_how_to_install_it(monkeypatch):
    from briefing import chart_png
    from ui import charts

    charts.can_render.clear()
    monkeypatch.setattr(chart_png, "renderer_available", lambda: False)
    try:
        at = open_page(PAGE, direct=True)
        assert_clean(at)
        buttons = {b.proto.label: b.proto for b in at.get("download_button")}
        assert sorted(buttons) == ["Paket PDF", "Paket PPTX", "Slide ini (PNG)"]
        assert all(b.disabled and "apt-get install chromium" in b.help for b in buttons.values())
    finally:
        charts.can_render.clear()
