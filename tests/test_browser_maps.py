"""The Peta page in headless Chromium with no internet: polygons are drawn from the fallback and from installed
official boundaries, and no request leaves the machine.

Official boundaries come from ../shared/geo (tests only; installed into a temporary store, never into the project);
that case skips when ../shared is absent.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser import SCREENSHOTS, VIEWPORT, require_browser, streamlit_server

if require_browser():
    from PIL import Image
    from playwright.sync_api import expect

pytestmark = pytest.mark.browser
OFFICIAL = Path(__file__).resolve().parents[2] / "shared" / "geo" / "tangsel_kelurahan.geojson"
WAIT_MS = 60_000
PETA = "/Peta?ind=layanan_daring&tingkat=kelurahan"


def _store(tmp_path_factory, official: bool) -> Path:
    """A boundary store: empty (the fallback is drawn) or with ../shared's official file installed."""
    root = tmp_path_factory.mktemp("store_official" if official else "store_empty")
    if official:
        if not OFFICIAL.exists():
            pytest.skip("../shared/geo is not present")
        from kpi.geo import install

        report = install(OFFICIAL, store=root / "boundaries")
        assert report.ok, [i.message for i in report.issues]
    return root


def _open_offline(browser, url: str):
    """A page whose every request outside 127.0.0.1 is refused and recorded (a meeting room with no internet)."""
    context = browser.new_context(viewport=VIEWPORT)
    outside: list[str] = []

    def route(request_route):
        url_ = request_route.request.url
        if url_.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            request_route.continue_()
        else:
            outside.append(url_)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(url, timeout=WAIT_MS)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=WAIT_MS)
    return page, outside, errors


def _drawn(element, page, minimum: float, seconds: int = 30) -> bytes:
    """A screenshot of the element once at least `minimum` of it is coloured (MapLibre/deck.gl draw after
    the element appears, later on a busy machine), or the last one after `seconds`."""
    png = element.screenshot()
    for _ in range(seconds):
        if _coloured_share(png)[0] > minimum:
            break
        page.wait_for_timeout(1000)
        png = element.screenshot()
    return png


def _coloured_share(png: bytes) -> tuple[float, int]:
    """Share of pixels that are neither white nor grey, and how many distinct such colours there are."""
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((320, 240))
    pixels = list(image.get_flattened_data())
    coloured = [p for p in pixels if max(p) - min(p) > 30]
    return len(coloured) / len(pixels), len({(r // 16, g // 16, b // 16) for r, g, b in coloured})


@pytest.mark.parametrize("official", [False, True], ids=["fallback", "official"])
def test_choropleth_polygons_are_drawn_offline(browser, tmp_path_factory, official):
    store = _store(tmp_path_factory, official)
    with streamlit_server(env={"TANGSEL_KPI_STORE": str(store)}, log_name=f"streamlit_maps_{official}.log") as base:
        page, outside, errors = _open_offline(browser, base + PETA)
        try:
            plot = page.locator(".js-plotly-plot").first
            expect(plot.locator("canvas").first).to_be_visible(timeout=WAIT_MS)
            png = _drawn(plot, page, 0.15)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            (SCREENSHOTS / f"peta_{'official' if official else 'fallback'}.png").write_bytes(png)
            share, colours = _coloured_share(png)
            assert share > 0.15, f"only {share:.0%} of the map is coloured: polygons were not drawn"
            assert colours >= 4, f"{colours} distinct colours: expected the five classes"
            note = page.get_by_text("Batas perkiraan").filter(visible=True)
            if official:
                expect(page.get_by_text("Batas resmi terpasang").first).to_be_visible()
                assert note.count() == 0
            else:
                expect(note.first).to_be_visible()
            assert outside == [], f"requests left the machine: {outside[:5]}"
            assert errors == []
        finally:
            page.context.close()


def test_3d_view_is_drawn_offline(browser, tmp_path_factory):
    store = _store(tmp_path_factory, False)
    with streamlit_server(env={"TANGSEL_KPI_STORE": str(store)}, log_name="streamlit_maps_3d.log") as base:
        page, outside, errors = _open_offline(browser, base + "/Peta?tampilan=3d")
        try:
            deck = page.get_by_test_id("stDeckGlJsonChart")
            expect(deck.locator("canvas").first).to_be_visible(timeout=WAIT_MS)
            png = _drawn(deck, page, 0.05)
            (SCREENSHOTS / "peta_3d_fallback.png").write_bytes(png)
            share, _ = _coloured_share(png)
            assert share > 0.05, f"only {share:.0%} of the 3D view is coloured"
            assert outside == [], f"requests left the machine: {outside[:5]}"
            assert errors == []
        finally:
            page.context.close()
