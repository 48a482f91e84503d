"""A sample of the sweep (tests/test_sweep.py) in headless Chromium: views with holes on the shipped sample and every
page on a sparse store, each without an exception box, an error box or a JavaScript error; a screenshot of each in
artifacts/screenshots/sweep_*.png.

Needs Debian's chromium at /usr/bin/chromium; skipped when it is missing, except in CI (see tests/test_browser.py).
"""

from __future__ import annotations

import pytest

from tests import sparse
from tests.browser import SCREENSHOTS, VIEWPORT, require_browser, serving

if require_browser():
    from tests.test_browser import WAIT_MS, _settle

pytestmark = pytest.mark.browser

SCROLL_TO_END_JS = """() => {
  for (const el of document.querySelectorAll('[data-testid="stMain"], [data-testid="stMain"] *')) {
    if (el.scrollHeight > el.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(el).overflowY)) {
      el.scrollTop = el.scrollHeight;
    }
  }
  window.scrollTo(0, document.body.scrollHeight);
}"""

# Views where kelurahan have no value (the holes that crashed Peta), partial periods, and a hostile filter value.
SAMPLE = {
    "peta_aduan_kelurahan": "/Peta?ind=aduan_tindak_lanjut&tingkat=kelurahan",
    "peta_daring_2025_12": "/Peta?ind=layanan_daring&tingkat=kelurahan&periode=2025-12",
    "tren_tte_kelurahan_tahun": "/Tren?ind=tte&tingkat=kelurahan&jenis_periode=year&periode=2026",
    "data_epresensi_semester": "/Data?ind=epresensi&tingkat=kelurahan&jenis_periode=semester&periode=2026-S2",
    "perbandingan_aduan_kelurahan": "/Perbandingan?ind=aduan_tindak_lanjut&tingkat=kelurahan",
    "ringkasan_periode_rusak": "/?periode=%3Cscript%3E&ind=zzz&lang=xx",
    "briefing_slide_jauh": "/Briefing?periode=1999-13&slide=999&kecamatan=36.74.99",
}
# Every page on a store holding one month of requests for four kelurahan (the reproduction).
SPARSE = {
    "ringkasan": "/",
    "peta": "/Peta?tingkat=kelurahan",
    "tren": "/Tren?tingkat=kelurahan",
    "perbandingan": "/Perbandingan?tingkat=kelurahan",
    "data": "/Data?tingkat=kelurahan",
    "impor": "/Impor",
    "briefing": "/Briefing",
}


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    store = tmp_path_factory.mktemp("sweep_sample")
    yield from serving(env={"TANGSEL_KPI_STORE": str(store)}, log_name="streamlit_sweep_sample.log")


@pytest.fixture(scope="module")
def sparse_server(tmp_path_factory):
    store = sparse.build("permohonan_sebulan", tmp_path_factory.mktemp("sweep_sparse"))
    yield from serving(env={"TANGSEL_KPI_STORE": str(store)}, log_name="streamlit_sweep_sparse.log")


def _visit(browser, base: str, url: str, name: str) -> None:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(base + url, timeout=WAIT_MS)
        _settle(page)
        page.wait_for_timeout(1500)  # MapLibre and the data grid paint a moment after the run
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"sweep_{name}.png")
        page.evaluate(SCROLL_TO_END_JS)  # the end of the page: tables and notes below the chart
        page.wait_for_timeout(800)
        page.screenshot(path=SCREENSHOTS / f"sweep_{name}_end.png")
        exceptions = page.get_by_test_id("stException")
        assert exceptions.count() == 0, exceptions.all_inner_texts()
        alerts = page.locator('[data-testid="stAlertContentError"]')
        assert alerts.count() == 0, alerts.all_inner_texts()
        assert errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("name", list(SAMPLE))
def test_views_with_holes_render_in_chromium(browser, sample_server, name):
    _visit(browser, sample_server, SAMPLE[name], name)


@pytest.mark.parametrize("name", list(SPARSE))
def test_every_page_renders_on_a_sparse_store_in_chromium(browser, sparse_server, name):
    _visit(browser, sparse_server, SPARSE[name], f"sparse_{name}")
