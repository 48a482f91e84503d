"""Any dashboard chart as a slide-sized PNG: 1920×1080, drawn by plotly + kaleido on the system Chromium, with the
briefing slides' footer (period, filters, data date, and "Data contoh (sintetis)" while the sample is shown).

The chart is laid out at 1280×653 CSS pixels, its size on a 1280×720 screen, and drawn at scale 1.5: the layout is
the one the reader saw, and every text and line comes out 1.5 times as large (14-px labels print at 21 px), which
reads on a projector. Maps are refitted to the new size and always drawn on the offline white style with their names
drawn locally: a PNG never waits for a tile server.
"""

from __future__ import annotations

import io
import logging

import kaleido
import plotly.graph_objects as go
from PIL import Image, ImageDraw

from briefing.render import chart_renderer, draw_footer, find_chromium, message_file, png_bytes
from briefing.slides import FOOTER_TOP, HEIGHT, INK, WIDTH, Footer
from charts.maps import OFFLINE_STYLE, bounds_center_zoom

CSS_WIDTH = 1280
SCALE = WIDTH / CSS_WIDTH  # 1.5
CSS_HEIGHT = round(FOOTER_TOP / SCALE)  # 653: the chart fills the slide above the footer band
SIDE = 24  # CSS px kept clear left and right
MAP_CHROME = 120  # CSS px of a map figure taken by its title and legend, not by the map

logger = logging.getLogger(__name__)


def renderer_available() -> bool:
    """True when kaleido can find a Chromium to draw with (Debian's `chromium`, BROWSER_PATH, or kaleido's own)."""
    try:
        return find_chromium() is not None
    except Exception:  # any failure of the search means: no browser to draw with (the page says how to install one)
        logger.exception("looking for a Chromium for kaleido failed")
        return False


def slide_figure(fig: go.Figure, title: str | None = None) -> go.Figure:
    """A copy of the figure sized for the slide, on white, titled (when it has no title of its own) and, for a map,
    refitted to the new size on the offline style."""
    out = go.Figure(fig)
    out.update_layout(width=CSS_WIDTH, height=CSS_HEIGHT, autosize=False, paper_bgcolor="white")
    margin = out.layout.margin
    for side in ("l", "r"):  # a page chart may run to the edge of its column; a slide keeps a border
        if margin[side] is not None and margin[side] < SIDE:
            out.layout.margin[side] = SIDE
    if title and not (out.layout.title and out.layout.title.text):
        top = (out.layout.margin.t or 0) if out.layout.margin else 0
        out.update_layout(
            title={"text": title, "x": 0.01, "font": {"size": 18, "color": INK}}, margin={"t": max(top, 48)}
        )
    if any(trace.type in ("choroplethmap", "scattermap") for trace in out.data):
        _fit_map(out)
    return out


def _fit_map(fig: go.Figure) -> None:
    """Centre and zoom the map on its polygons for the slide size; the offline style, which draws names locally."""
    features = [
        feature
        for trace in fig.data
        if trace.type == "choroplethmap" and isinstance(trace.geojson, dict)
        for feature in trace.geojson.get("features", [])
    ]
    center, zoom = bounds_center_zoom({"features": features}, CSS_WIDTH, CSS_HEIGHT - MAP_CHROME)
    fig.update_layout(map={"style": OFFLINE_STYLE, "center": center, "zoom": zoom})


def chart_png(fig: go.Figure, footer: Footer, title: str | None = None) -> bytes:
    """The chart as a 1920×1080 PNG with the footer band: period and filters, data date, and the sample note."""
    with chart_renderer():
        chart = kaleido.calc_fig_sync(
            slide_figure(fig, title), opts={"format": "png", "width": CSS_WIDTH, "height": CSS_HEIGHT, "scale": SCALE}
        )
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    drawn = Image.open(io.BytesIO(chart)).convert("RGB")
    image.paste(drawn.crop((0, 0, WIDTH, min(drawn.height, FOOTER_TOP))), (0, 0))
    draw_footer(ImageDraw.Draw(image), footer, footer.synthetic_note)
    return png_bytes(image)


def message_png(text: str, footer: Footer | None = None) -> bytes:
    """A slide-sized PNG that says, in words, why the chart could not be drawn: what a download gets instead of a
    broken file when rendering fails on the download thread, where no message can be shown on the page."""
    return message_file(text, ".png", footer)
