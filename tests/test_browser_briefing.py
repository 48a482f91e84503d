"""Presenter mode (pages/6_Briefing.py) in headless Chromium at 1280×720 and 1920×1080: a screenshot of each in
artifacts/screenshots/, body text of at least 24 px as drawn, no sidebar and no Streamlit header or toolbar in view,
the chart drawn, everything inside the window.

Needs Debian's chromium at /usr/bin/chromium; skipped when it is missing, except in CI (see tests/test_browser.py).
"""

from __future__ import annotations

import pytest

from tests.browser import SCREENSHOTS, require_browser, serving

if require_browser():
    from playwright.sync_api import expect

    from tests.test_browser import WAIT_MS, _settle

pytestmark = pytest.mark.browser

SIZES = {1280: {"width": 1280, "height": 720}, 1920: {"width": 1920, "height": 1080}}

# The size a reader sees: the computed font size times the scale the slide is drawn at (drawn width / laid-out width).
DRAWN_PX_JS = """e => parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().width / e.offsetWidth)"""
# Visible: laid out with a size, not display:none or visibility:hidden, and inside the window.
VISIBLE_JS = """sel => Array.from(document.querySelectorAll(sel)).filter(e => {
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'
         && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
}).length"""
# Everything of the slide is inside the window: no scrolling needed in either direction.
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {x: main.scrollWidth - main.clientWidth, y: main.scrollHeight - main.clientHeight,
          page_x: document.documentElement.scrollWidth - innerWidth, page_y: document.documentElement.scrollHeight - innerHeight};
}"""


@pytest.fixture(scope="module")
def server():
    yield from serving(log_name="streamlit_briefing.log")


@pytest.fixture(scope="module")
def shown(browser, server):
    """The Briefing page's movers slide (chart and captions) opened once per window size."""
    opened = {}

    def _open(width: int, query: str = "slide=4", chart: bool = True):
        if (width, query) not in opened:
            page = browser.new_context(viewport=SIZES[width]).new_page()
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto(f"{server}/Briefing?{query}", timeout=WAIT_MS)
            _settle(page)
            if chart:
                page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=WAIT_MS)
                page.wait_for_timeout(500)
            opened[(width, query)] = (page, errors)
        return opened[(width, query)]

    yield _open
    for page, _ in opened.values():
        page.context.close()


@pytest.mark.parametrize("width", SIZES)
def test_presenter_mode_screenshot_shows_the_slide_and_no_chrome(shown, width):
    page, errors = shown(width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"briefing_{width}.png")
    assert errors == []
    assert page.get_by_test_id("stException").count() == 0
    for chrome in ("stSidebar", "stSidebarCollapsedControl", "stHeader", "stToolbar"):
        assert page.evaluate(VISIBLE_JS, f'[data-testid="{chrome}"]') == 0, chrome
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Perubahan terbesar: IKM")).to_be_visible()
    expect(main.get_by_text("Data contoh (sintetis)").filter(visible=True).first).to_be_visible()
    expect(main.get_by_text("Data sampai: 31 Okt 2026")).to_be_visible()
    expect(main.get_by_text("Slide 4 dari 11")).to_be_visible()
    assert page.evaluate(OVERFLOW_JS) == {"x": 0, "y": 0, "page_x": 0, "page_y": 0}


@pytest.mark.parametrize("width", SIZES)
def test_the_chart_is_drawn_inside_the_window(shown, width):
    page, _ = shown(width)
    plot = page.locator(".js-plotly-plot").first
    expect(plot).to_be_visible()
    assert plot.locator("g.barlayer path, g.trace path").count() > 0  # the bars of the movers chart
    # Drawn at the slide model's own size (880 × 740 slide px), scaled with the slide, not squeezed by the zoom.
    svg = plot.locator(".main-svg").first
    assert float(svg.get_attribute("width")) == pytest.approx(880, abs=1)
    assert float(svg.get_attribute("height")) == pytest.approx(740, abs=1)
    box = plot.bounding_box()
    assert box["width"] > 0.35 * SIZES[width]["width"] and box["height"] > 0.5 * SIZES[width]["height"], box
    assert box["y"] + box["height"] <= SIZES[width]["height"], box


def test_captions_are_at_least_24_px_at_1280x720(shown):
    page, _ = shown(1280)
    captions = page.locator(".st-key-brf_text p")
    assert captions.count() >= 4  # two headings' sentences: Membaik, Memburuk
    sizes = [p.evaluate(DRAWN_PX_JS) for p in captions.all()]
    assert min(sizes) >= 23.99, sizes
    title = page.locator(".st-key-brf_head h2").first.evaluate(DRAWN_PX_JS)
    assert title >= 36, title


def test_title_slide_text_is_at_least_24_px_at_1280x720(shown):
    page, _ = shown(1280, "slide=1", chart=False)
    lines = page.locator(".st-key-brf_text p")
    expect(lines.filter(has_text="Wilayah: Semua kecamatan")).to_be_visible()
    assert min(p.evaluate(DRAWN_PX_JS) for p in lines.all()) >= 23.99


def test_scorecard_table_text_is_at_least_24_px_at_1280x720(shown):
    """A kecamatan's scorecard (a plotly table): the whole table in the window, every cell's text 24 px or more as
    drawn (the SVG text's font size times the slide's zoom)."""
    page, errors = shown(1280, "slide=5")
    page.screenshot(path=SCREENSHOTS / "briefing_scorecard_1280.png")
    assert errors == []
    cells = page.locator(".js-plotly-plot g.table text")
    assert cells.count() >= 8 * 6  # 8 headers and 5 indicators × 8 columns, some wrapped over lines
    drawn = page.evaluate("""() => {
      const plot = document.querySelector('.js-plotly-plot'), zoom = plot.getBoundingClientRect().width / plot.offsetWidth;
      return Array.from(plot.querySelectorAll('g.table text')).map(t => parseFloat(getComputedStyle(t).fontSize) * zoom);
    }""")
    assert min(drawn) >= 23.99, sorted(drawn)[:5]
    assert page.evaluate(OVERFLOW_JS) == {"x": 0, "y": 0, "page_x": 0, "page_y": 0}
