"""Every page in headless Chromium at 1280×720: no errors, the sample badge visible, a screenshot in artifacts/.

Needs Debian's chromium at /usr/bin/chromium (no downloaded browser). Skipped when it is missing, except in CI
(CI=true), where a missing browser is an error, so that an incomplete install is noticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from kpi.core.catalogue import load_catalogue
from tests.browser import SCREENSHOTS, VIEWPORT, page_name, page_url, require_browser, scripts, serving

if require_browser():
    from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCRIPTS = scripts()
LANGS = ("id", "en")
DATA_DATE = {"id": "Data sampai: 31 Okt 2026", "en": "Data up to: 31 Oct 2026"}
BADGE = "Data contoh (sintetis)"
WAIT_MS = 60_000

# Known cut-off text at 1280×720 (see the reasons); the strict xfail turns red once a fix lands: then delete the entry.
CUT_OFF: dict[tuple[str | None, str | None], str] = {}  # (page, lang) -> reason, for known, accepted cut-offs


def _known_cut_off(name: str, lang: str) -> list:
    reasons = [why for (page, language), why in CUT_OFF.items() if page in (None, name) and language in (None, lang)]
    return [pytest.mark.xfail(strict=True, raises=AssertionError, reason="; ".join(reasons))] if reasons else []


# The layout has settled when the main area's size, text and drawings are unchanged over two polls and fonts are in.
SETTLED_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || document.fonts.status !== 'loaded') return false;
  const sig = [main.scrollHeight, main.scrollWidth, main.innerText.length,
               main.querySelectorAll('canvas, svg').length].join(':');
  const same = window.__kpiLayout === sig;
  window.__kpiLayout = sig;
  return same;
}"""

# Text that overflows its box and is drawn with an ellipsis, i.e. cut off for the reader.
CUT_TEXT_JS = """() => Array.from(document.querySelectorAll('[data-testid="stMain"] *'))
  .filter(e => e.clientWidth > 0 && e.tagName !== 'INPUT')    // the file uploader's hidden 0-px input is no text
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow === 'ellipsis')
  .map(e => e.innerText.trim())"""


def _cases(marks_for=lambda name, lang: ()):
    return [
        pytest.param(s, lang, id=f"{page_name(s)}-{lang}", marks=marks_for(page_name(s), lang))
        for s in SCRIPTS
        for lang in LANGS
    ]


@dataclass
class Visit:
    """An open page and the uncaught JavaScript errors it raised."""

    page: Page
    errors: list[str] = field(default_factory=list)


def _settle(page: Page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=WAIT_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=WAIT_MS)
    page.wait_for_function(SETTLED_JS, polling=250, timeout=WAIT_MS)


@pytest.fixture(scope="module")
def server():
    yield from serving()


@pytest.fixture(scope="module")
def visit(browser, server):
    """Open a page in a language once per module (a fresh context each) and wait until it has finished running."""
    opened: dict[tuple, Visit] = {}

    def _visit(script, lang: str) -> Visit:
        if (script, lang) not in opened:
            page = browser.new_context(viewport=VIEWPORT).new_page()
            seen = Visit(page)
            page.on("pageerror", lambda err: seen.errors.append(str(err)))
            page.goto(page_url(server, script, lang), timeout=WAIT_MS)
            _settle(page)
            opened[(script, lang)] = seen
        return opened[(script, lang)]

    yield _visit
    for seen in opened.values():
        seen.page.context.close()


def _full_screenshot(page: Page, name: str) -> None:
    """The whole page: Streamlit scrolls inside stMain, so grow the window to its height, shoot, and restore."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.get_by_test_id("stMain").evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    # A taller window makes Streamlit lay out (and redraw charts) again: wait until it has settled once more.
    page.wait_for_timeout(500)
    page.wait_for_function(SETTLED_JS, polling=250, timeout=WAIT_MS)
    page.wait_for_timeout(1000)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(VIEWPORT)


@pytest.mark.parametrize(("script", "lang"), _cases())
def test_page_runs_cleanly_and_shows_the_sample_badge(visit, script, lang):
    seen = visit(script, lang)
    _full_screenshot(seen.page, f"{page_name(script)}_{lang}")  # first, so a failing page leaves a picture
    exceptions = seen.page.get_by_test_id("stException")
    assert exceptions.count() == 0, exceptions.all_inner_texts()
    assert seen.errors == []
    main = seen.page.get_by_test_id("stMain")
    # A markdown element with help text also has a display:none copy in the DOM: look among the visible ones.
    expect(main.get_by_text(BADGE).filter(visible=True).first).to_be_visible()
    expect(main.get_by_text(DATA_DATE[lang]).filter(visible=True).first).to_be_visible()


@pytest.mark.parametrize(("script", "lang"), _cases(_known_cut_off))
def test_no_text_is_cut_off_at_1280x720(visit, script, lang):
    assert visit(script, lang).page.evaluate(CUT_TEXT_JS) == []


def test_home_shows_a_drawn_metric_card_per_headline_indicator(visit):
    headline = len(load_catalogue().headline)  # five in the shipped catalogue; a new headline indicator adds one
    assert headline >= 1
    page = visit(SCRIPTS[0], "id").page
    expect(page.get_by_test_id("stMetric")).to_have_count(headline)
    expect(page.get_by_test_id("stMetricChart")).to_have_count(headline)
    for chart in page.get_by_test_id("stMetricChart").all():
        box = chart.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 20, box
        assert chart.locator("canvas, svg").count() > 0


def test_sidebar_switch_turns_the_page_english(browser, server):
    page = browser.new_context(viewport=VIEWPORT).new_page()
    try:
        page.goto(page_url(server, SCRIPTS[0], "id"), timeout=WAIT_MS)
        _settle(page)
        page.get_by_test_id("stSidebar").get_by_text("English").click()
        expect(page).to_have_url(re.compile(r"[?&]lang=en\b"), timeout=WAIT_MS)
        expect(page.get_by_test_id("stMain").get_by_text(DATA_DATE["en"])).to_be_visible(timeout=WAIT_MS)
        expect(page.get_by_test_id("stMetricLabel").filter(has_text="Online requests")).to_be_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("script", SCRIPTS[1:], ids=page_name)
def test_english_survives_navigation_from_the_home_page(browser, server, script):
    page = browser.new_context(viewport=VIEWPORT).new_page()
    try:
        page.goto(page_url(server, SCRIPTS[0], "en"), timeout=WAIT_MS)
        _settle(page)
        name = page_name(script)
        page.get_by_test_id("stSidebar").locator(f'a[href$="{name}"], a[href*="{name}?"]').first.click()
        expect(page).to_have_url(re.compile(rf"/{re.escape(name)}(\?|$)"), timeout=WAIT_MS)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text(re.compile("|".join(DATA_DATE.values()))).first).to_be_visible(timeout=WAIT_MS)
        _settle(page)
        expect(main.get_by_text(DATA_DATE["en"])).to_be_visible()
    finally:
        page.context.close()
