"""The "PNG untuk slide" button in headless Chromium: a click on Tren and on Peta downloads a 1920×1080 PNG drawn on
the server by kaleido, with the chart above the grey footer band; screenshots of the button under its chart.

Needs Debian's chromium at /usr/bin/chromium; skipped when it is missing, except in CI (see tests/test_browser.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from briefing.render import FOOTER_BG, NOTE_INK
from briefing.slides import FOOTER_TOP
from charts.palette import CITY, kecamatan_colours
from kpi.core.catalogue import load_catalogue
from kpi.core.wilayah import load_register
from tests.browser import SCREENSHOTS, VIEWPORT, require_browser, serving

if require_browser():
    from playwright.sync_api import expect

    from tests.test_browser import WAIT_MS, _settle

pytestmark = pytest.mark.browser
PNG_WAIT_MS = 120_000  # Chromium's start on the server is most of it (about 4 s here)


@pytest.fixture(scope="module")
def server():
    yield from serving(log_name="streamlit_chart_png.log")


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def _download(browser, url: str, shot: str) -> Image.Image:
    """Open the page, screenshot it, click the first PNG button and return the downloaded image."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(url, timeout=WAIT_MS)
        _settle(page)
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=WAIT_MS)
        button = page.get_by_role("button", name="PNG untuk slide").first
        button.scroll_into_view_if_needed()
        expect(button).to_be_enabled()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / shot)
        with page.expect_download(timeout=PNG_WAIT_MS) as started:
            button.click()
        download = started.value
        assert download.suggested_filename.endswith(".png")
        data = Path(download.path()).read_bytes()
        (SCREENSHOTS / shot.replace(".png", "_download.png")).write_bytes(data)  # to look at
        assert errors == []
        assert page.get_by_test_id("stException").count() == 0
        return Image.open(io.BytesIO(data)).convert("RGB")
    finally:
        context.close()


def _check_slide(image: Image.Image) -> set:
    """The slide's size, the grey footer band with the sample note, and the colours above it."""
    assert image.size == (1920, 1080)
    assert image.getpixel((5, FOOTER_TOP + 5)) == _rgb(FOOTER_BG)
    band = {c for _, c in image.crop((1300, FOOTER_TOP, 1920, 1080)).getcolors(1 << 20)}
    assert _rgb(NOTE_INK) in band  # "Data contoh (sintetis)": the sample is on display
    return {c for _, c in image.crop((0, 0, 1920, FOOTER_TOP)).getcolors(1 << 22)}


def test_trend_png_download_is_a_slide(browser, server):
    chart = _check_slide(_download(browser, f"{server}/Tren?ind=layanan_daring", "chart_png_tren.png"))
    assert _rgb(CITY) in chart  # the city's line
    assert {_rgb(c) for c in kecamatan_colours(load_register()).values()} <= chart  # and one per kecamatan


def test_map_png_download_is_a_slide_with_the_map_coloured(browser, server):
    image = _download(browser, f"{server}/Peta?ind=ikm", "chart_png_peta.png")
    _check_slide(image)
    catalogue = load_catalogue()
    # the polygons are filled with the band colours at 0.9 opacity over white: together more than a tenth of the slide
    fills = {
        tuple(round(0.9 * v + 0.1 * 255) for v in _rgb(b.color)) for b in catalogue.band_set(catalogue.get("ikm")).bands
    }
    filled = sum(
        n
        for n, c in image.crop((0, 0, 1920, FOOTER_TOP)).getcolors(1 << 22)
        if any(max(abs(a - b) for a, b in zip(c, f, strict=True)) <= 1 for f in fills)
    )
    assert filled > 0.1 * 1920 * FOOTER_TOP, filled
