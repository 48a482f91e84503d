"""Direct links with filters in headless Chromium: each lands on its page, the shared sidebar shows the link's
filter values, the chart or table is drawn, nothing fails; a 1280×720 screenshot per link in artifacts/screenshots/.

Needs Debian's chromium at /usr/bin/chromium; skipped when it is missing, except in CI (see tests/test_browser.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import SCREENSHOTS, VIEWPORT, require_browser, serving

if require_browser():
    from playwright.sync_api import expect

    from tests.test_browser import SETTLED_JS, WAIT_MS, Visit, _settle

pytestmark = pytest.mark.browser

PLOT, DECK, TABLE = ".js-plotly-plot", '[data-testid="stDeckGlJsonChart"]', '[data-testid="stDataFrame"]'
LINKS = {
    "id": ["Ringkasan", "Peta", "Tren", "Perbandingan", "Data", "Impor Data", "Briefing"],
    "en": ["Overview", "Map", "Trends", "Comparison", "Data", "Import data", "Briefing"],
}
HREFS = ["", "Peta", "Tren", "Perbandingan", "Data", "Impor", "Briefing"]
HEADING = {"id": "Filter", "en": "Filters"}


@dataclass(frozen=True)
class Link:
    """A direct link with filters, and what the page must show for it."""

    name: str  # the screenshot's name: filters_<name>.png
    url: str  # path and query
    drawn: str  # CSS of the chart or table that must be drawn
    lang: str = "id"
    selects: dict[str, str] = field(default_factory=dict)  # selectbox label -> shown option
    multi: dict[str, list[str]] = field(default_factory=dict)  # multiselect label -> shown tags, in order
    radios: dict[str, str] = field(default_factory=dict)  # segmented control label -> the checked option
    kept: dict[str, str] = field(default_factory=dict)  # URL parameters still there after the run

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


CASES = [
    Link(
        "Peta",
        "/Peta?ind=layanan_daring&tingkat=kelurahan&kecamatan=36.74.07",
        PLOT,
        selects={"Indikator": "Layanan daring"},
        multi={"Kecamatan": ["Setu"], "Kelurahan": []},
        radios={"Tingkat wilayah": "Kelurahan", "Tampilan": "Peta 2D"},
        kept={"tingkat": "kelurahan", "kecamatan": "36.74.07"},
    ),
    Link(
        "Tren",
        "/Tren?ind=layanan_daring&kecamatan=36.74.07,36.74.01&jenis_periode=quarter",
        PLOT,
        selects={"Indikator": "Layanan daring"},
        multi={"Kecamatan": ["Setu", "Serpong"]},
        radios={"Jenis periode": "Triwulan", "Tingkat wilayah": "Kecamatan"},
        kept={"kecamatan": "36.74.07,36.74.01", "jenis_periode": "quarter"},
    ),
    Link(
        "Perbandingan",
        "/Perbandingan?kecamatan=36.74.07,36.74.01",
        PLOT,
        multi={"Kecamatan": ["Setu", "Serpong"]},
        kept={"kecamatan": "36.74.07,36.74.01"},
    ),
    Link(
        "Data",
        "/Data?ind=ikm&kecamatan=36.74.07",
        TABLE,
        selects={"Indikator": "IKM"},
        multi={"Kecamatan": ["Setu"]},
        radios={"Jenis periode": "Semester"},
        kept={"ind": "ikm", "kecamatan": "36.74.07"},
    ),
    Link(
        "app",
        "/?ind=ikm&lang=en",
        PLOT,
        lang="en",
        selects={"Indicator": "IKM"},
        radios={"Language": "English", "Period type": "Semester"},
        kept={"ind": "ikm", "lang": "en"},
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module, on an empty boundary store (the approximate fallback is drawn)."""
    store = tmp_path_factory.mktemp("filters_store")
    yield from serving(env={"TANGSEL_KPI_STORE": str(store)}, log_name="streamlit_filters.log")


@pytest.fixture(scope="module")
def opened(browser, server):
    """Open each link once (a fresh context each), wait until the app has run and drawn, and shoot the viewport."""
    seen: dict[str, Visit] = {}
    broken: dict[str, str] = {}

    def _open(link: Link) -> Visit:
        if link.name in broken:
            pytest.fail(broken[link.name], pytrace=False)
        if link.name not in seen:
            page = browser.new_context(viewport=VIEWPORT).new_page()
            visit = seen[link.name] = Visit(page)
            page.on("pageerror", lambda err: visit.errors.append(str(err)))
            try:
                page.goto(server + link.url, timeout=WAIT_MS)
                _settle(page)
                drawn = page.get_by_test_id("stMain").locator(link.drawn).first
                expect(drawn).to_be_visible(timeout=WAIT_MS)
                expect(drawn.locator("canvas, svg.main-svg").first).to_be_visible(timeout=WAIT_MS)
                page.wait_for_function(SETTLED_JS, polling=250, timeout=WAIT_MS)
                page.wait_for_timeout(1000)  # MapLibre and the data grid paint their canvas a moment later
            except Exception as err:  # every test of this link fails with the reason, not a half-drawn page
                broken[link.name] = f"{link.url} did not finish drawing: {err}"
                raise
            finally:  # a picture either way, so a failing link can be looked at
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=SCREENSHOTS / f"filters_{link.name}.png", full_page=False)
        return seen[link.name]

    yield _open
    for visit in seen.values():
        visit.page.context.close()


@pytest.mark.parametrize("link", CASES, ids=lambda c: c.name)
def test_direct_link_lands_on_its_page_with_no_error(opened, link):
    visit = opened(link)
    assert urlsplit(visit.page.url).path == link.path
    query = {k: v[0] for k, v in parse_qs(urlsplit(visit.page.url).query).items()}
    assert {k: query.get(k) for k in link.kept} == link.kept, visit.page.url
    exceptions = visit.page.get_by_test_id("stException")
    assert exceptions.count() == 0, exceptions.all_inner_texts()
    assert visit.errors == []


@pytest.mark.parametrize("link", CASES, ids=lambda c: c.name)
def test_shared_sidebar_is_there(opened, link):
    sidebar = opened(link).page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("heading", name=HEADING[link.lang], exact=True)).to_be_visible()
    nav = sidebar.get_by_test_id("stPageLink-NavLink")
    expect(nav.get_by_test_id("stMarkdownContainer")).to_have_text(LINKS[link.lang])  # the label, not the icon
    assert [a.get_attribute("href") for a in nav.all()] == HREFS


@pytest.mark.parametrize("link", CASES, ids=lambda c: c.name)
def test_sidebar_shows_the_filters_of_the_link(opened, link):
    page = opened(link).page
    sidebar = page.get_by_test_id("stSidebar")
    for label, shown in link.selects.items():
        expect(sidebar.get_by_role("combobox", name=label, exact=True)).to_have_value(shown)
    for label, tags in link.multi.items():
        box = sidebar.get_by_test_id("stMultiSelect").filter(has=page.get_by_role("combobox", name=label, exact=True))
        expect(box).to_have_count(1)
        expect(box.locator("[data-tag]")).to_have_text(tags)
    for label, option in link.radios.items():
        expect(
            sidebar.get_by_role("radiogroup", name=label, exact=True).get_by_role("radio", checked=True)
        ).to_have_text(option)
