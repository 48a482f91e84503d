"""Benchmark of the briefing packs on the embedded sample: the monthly city pack as PPTX and as PDF, end to end
through the command (load, roll up, Chromium start, charts, slides, file), then each step and each slide.

The baseline, run first in the same process: kaleido writing one plain bar chart at 1920×1080 to PNG, Chromium
start included (`plotly.io.write_image`, the simplest way to get one chart onto a slide). The packs are printed as
multiples of it: a pack of 11 slides costs a few baselines, because one Chromium serves every chart.

Not a test: nothing here asserts a time. Run: .venv/bin/python scripts/bench_briefing.py [--period 2026-10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.deck import build_deck, main
from briefing.render import chart_renderer, slide_image, write_pdf, write_pptx
from kpi.inputs.observations import load_sample


def timed(fn):
    """Wall time of one call, and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def baseline(folder: Path) -> float:
    """One plain chart to PNG at slide size through kaleido, Chromium start included."""
    import plotly.graph_objects as go
    import plotly.io as pio

    figure = go.Figure(go.Bar(x=["Serpong", "Setu", "Pamulang"], y=[86.5, 86.2, 87.4]))
    seconds, _ = timed(lambda: pio.write_image(figure, folder / "baseline.png", width=1920, height=1080))
    print(f"baseline: one chart to PNG with kaleido {seconds:6.2f} s (1.00x)")
    return seconds


def end_to_end(period: str, folder: Path, base: float) -> None:
    """The command a cron job runs, once per format."""
    for suffix in (".pptx", ".pdf"):
        out = folder / f"briefing_{period}{suffix}"
        seconds, code = timed(lambda: main(["--period", period, "--out", str(out)]))
        print(
            f"pack {suffix[1:]:<4}  {seconds:6.2f} s  ({seconds / base:.1f}x baseline; exit {code}, "
            f"{out.stat().st_size / 1e6:.1f} MB)"
        )


def dashboard_chart(base: float) -> None:
    """The 'PNG untuk slide' of a dashboard chart (Tren's lines, 8 traces × 70 months): figure sizing, kaleido with
    Chromium start, and the footer band, as one click on the page costs."""
    from briefing.chart_png import chart_png
    from briefing.deck import make_footer
    from charts import trend
    from kpi.core.catalogue import load_catalogue
    from kpi.core.wilayah import load_register
    from kpi.metrics import series
    from kpi.metrics.analysis import data_date, indicator_table

    obs, catalogue, register = load_sample().frame, load_catalogue(), load_register()
    ind = catalogue.get("layanan_daring")
    frame = series.series(
        indicator_table(obs, catalogue, register, "kecamatan", "month"),
        indicator_table(obs, catalogue, register, "kota", "month"),
        ind,
        [u.kode for u in register.level("kecamatan")],
    )
    figure = trend.trend_figure(frame, ind, register, "id", title=ind.text("label", "id"))
    footer = make_footer("Jan 2021 – Okt 2026", "Semua kecamatan", data_date(obs))
    seconds, png = timed(lambda: chart_png(figure, footer))
    print(
        f"dashboard chart PNG  {seconds:6.2f} s  ({seconds / base:.1f}x baseline; {len(png) / 1e3:.0f} kB, 1920×1080)"
    )


def steps(period: str, folder: Path) -> None:
    """Data, deck, each slide's chart (the first one also starts Chromium) and composition, and each writer."""
    seconds, obs = timed(lambda: load_sample().frame)
    print(f"load sample          {seconds:6.2f} s")
    seconds, deck = timed(lambda: build_deck(obs, period))
    print(f"build deck           {seconds:6.2f} s  ({len(deck.slides)} slides)")
    with chart_renderer() as render:  # Chromium starts with the first chart: slide 2's time includes it
        charts = []
        for index, slide in enumerate(deck.slides):
            chart_s, chart = timed(lambda: render(slide))
            image_s, _ = timed(lambda: slide_image(deck, index, chart))
            charts.append(chart)
            print(f"slide {index + 1:>2}  chart {chart_s:5.2f} s  png {image_s:5.2f} s  {slide.title}")
    seconds, _ = timed(lambda: write_pptx(deck, charts, folder / "steps.pptx"))
    print(f"write pptx           {seconds:6.2f} s")
    images = [slide_image(deck, i, c) for i, c in enumerate(charts)]
    seconds, _ = timed(lambda: write_pdf(deck, images, folder / "steps.pdf"))
    print(f"write pdf            {seconds:6.2f} s")


def run(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2026-10")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        base = baseline(Path(folder))
        end_to_end(args.period, Path(folder), base)
        dashboard_chart(base)
        steps(args.period, Path(folder))


if __name__ == "__main__":
    run()
