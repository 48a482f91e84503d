"""Benchmark of the dashboard pages: warm rerun time with AppTest, as a ratio to a minimal page that draws one
plotly chart of the same data in the same process, and the browser time from navigation to the first chart drawn.

Not a test: nothing asserts a time. Aim (issue 4): at most 250 ms per warm rerun on the sample, at most 1.5× the
minimal page. Run: .venv/bin/python scripts/bench_pages.py [--repeat 5] [--no-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest

from tests.browser import LAUNCH_ARGS, page_name, scripts, streamlit_server, unavailable

MINIMAL = """
import plotly.express as px
import streamlit as st
from ui import data
table = data.table("kecamatan", "month")
rows = table[table["indikator"] == "layanan_daring"]
st.plotly_chart(px.line(rows, x="periode", y="nilai", color="nama_wilayah"))
"""
CHART = (
    '.js-plotly-plot .main-svg, [data-testid="stDeckGlJsonChart"] canvas, '
    '[data-testid="stMetricChart"] canvas, [data-testid="stMetricChart"] svg, [data-testid="stDataFrame"] canvas'
)


def warm(at: AppTest, repeat: int) -> float:
    """Median seconds of `repeat` reruns of an already-run AppTest."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return statistics.median(times)


def apptest_times(repeat: int) -> tuple[float, dict[str, float]]:
    """Warm rerun medians: the minimal page, then every page of the app."""
    minimal = AppTest.from_string(MINIMAL, default_timeout=120)
    minimal.run()
    base = warm(minimal, repeat)
    out = {}
    for script in scripts():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        if script.parent != ROOT:
            at.switch_page(str(script.relative_to(ROOT))).run()
        out[page_name(script)] = warm(at, repeat)
    return base, out


def browser_times() -> dict[str, float]:
    """Seconds from navigation to the first chart drawn, per page, in headless Chromium (warm server)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    out = {}
    with streamlit_server() as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
        for script in scripts():
            url = base + ("/" if script.parent == ROOT else f"/{page_name(script)}")
            for _attempt in range(2):  # the first visit warms the server's caches; the second is measured
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                start = time.perf_counter()
                page.goto(url)
                try:
                    page.wait_for_selector(CHART, timeout=60_000)
                    elapsed = time.perf_counter() - start
                except PlaywrightTimeout:  # a page without a chart: report it instead of stopping the benchmark
                    elapsed = float("nan")
                page.close()
            out[page_name(script)] = elapsed
        browser.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="page benchmark")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    base, pages = apptest_times(args.repeat)
    print(f"minimal page (one plotly chart)   warm rerun {base * 1000:7.1f} ms   1.00x")
    for name, seconds in pages.items():
        print(f"{name:32s}  warm rerun {seconds * 1000:7.1f} ms  {seconds / base:5.2f}x")
    if not args.no_browser and unavailable() is None:
        for name, seconds in browser_times().items():
            print(f"{name:32s}  browser: navigation → first chart {seconds * 1000:7.0f} ms")
    worst = max(pages, key=pages.get)
    print(f"pages_worst_warm_ms={pages[worst] * 1000:.0f} page={worst} ratio_to_minimal={pages[worst] / base:.2f}")


if __name__ == "__main__":
    main()
