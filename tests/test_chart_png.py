"""Slide PNGs of dashboard charts (briefing.chart_png): the size, the footer's words, the map refit, the fallbacks."""

from __future__ import annotations

import datetime as dt
import io

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageDraw

from briefing import chart_png
from briefing.deck import make_footer, scope_text
from briefing.render import FOOTER_BG, NOTE_INK, draw_footer, fit, load_font
from briefing.slides import FOOTER_TOP, Footer
from charts.maps import OFFLINE_STYLE, bounds_center_zoom
from kpi.core.wilayah import load_register

REGISTER = load_register()
SETU, SERPONG = "36.74.07", "36.74.01"
END = dt.date(2026, 10, 31)
BAR = "#1f4e79"
needs_chromium = pytest.mark.skipif(not chart_png.renderer_available(), reason="no Chromium for kaleido")


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


# ------------------------------------------------------------------ footer words


@pytest.mark.parametrize(
    ("level", "kecamatan", "kelurahan", "lang", "expected"),
    [
        ("kota", (SETU,), (), "id", "Tingkat kota"),
        ("kota", (), (), "en", "City level"),
        ("kecamatan", (), (), "id", "Semua kecamatan"),
        ("kecamatan", (), (), "en", "All kecamatan"),
        ("kecamatan", (SETU, SERPONG), (), "id", "Kecamatan: Setu, Serpong"),
        ("kelurahan", (SETU,), (), "id", "Kecamatan: Setu"),  # every kelurahan of Setu
        ("kelurahan", (SETU,), ("36.74.07.1001",), "id", "Kelurahan: Muncul"),
    ],
)
def test_scope_names_the_wilayah_filter(level, kecamatan, kelurahan, lang, expected):
    assert scope_text(level, kecamatan, kelurahan, REGISTER, lang) == expected


def test_footer_carries_period_scope_data_date_and_sample_note():
    foot = make_footer("Okt 2026", "Kecamatan: Setu", END, "id", synthetic=True)
    assert foot.left == "Okt 2026 · Kecamatan: Setu · Data sampai 31 Okt 2026"
    assert foot.synthetic_note == "Data contoh (sintetis)"
    english = make_footer("Oct 2026", "All kecamatan", END, "en", synthetic=False)
    assert english.left == "Oct 2026 · All kecamatan · Data up to 31 Oct 2026"
    assert english.synthetic_note is None


def test_fit_cuts_a_long_footer_with_an_ellipsis_and_keeps_a_short_one():
    font = load_font(28)
    assert fit("Okt 2026", font, 1000) == "Okt 2026"
    names = "Kelurahan: " + ", ".join(u.nama for u in REGISTER.level("kelurahan"))
    cut = fit(names, font, 1200)
    assert cut.endswith("…") and names.startswith(cut[:-1].rstrip(" ,·"))
    assert font.getlength(cut) <= 1200 < font.getlength(names)


def test_footer_band_is_drawn_with_the_sample_note_only_when_synthetic():
    def band(note):
        image = Image.new("RGB", (1920, 1080), "white")
        draw_footer(ImageDraw.Draw(image), Footer("Okt 2026", "Semua kecamatan", "Data sampai 31 Okt 2026", note), note)
        return image

    noted, plain = band("Data contoh (sintetis)"), band(None)
    assert noted.getpixel((5, FOOTER_TOP + 5)) == _rgb(FOOTER_BG) == plain.getpixel((5, 1075))
    right = (1300, FOOTER_TOP, 1920, 1080)
    assert _rgb(NOTE_INK) in {c for _, c in noted.crop(right).getcolors(1 << 16)}
    assert _rgb(NOTE_INK) not in {c for _, c in plain.crop(right).getcolors(1 << 16)}


# ------------------------------------------------------------------ the figure for the slide


def test_slide_figure_is_a_sized_copy_with_borders_and_a_title_only_when_missing():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"height": 300, "margin": {"l": 0, "r": 60, "t": 10}})
    out = chart_png.slide_figure(fig, title="Judul")
    assert (out.layout.width, out.layout.height) == (1280, 653)
    assert round(1280 * chart_png.SCALE) == 1920 and abs(653 * chart_png.SCALE - FOOTER_TOP) < 1
    assert (out.layout.margin.l, out.layout.margin.r, out.layout.margin.t) == (24, 60, 48)
    assert out.layout.title.text == "Judul"
    assert fig.layout.height == 300 and fig.layout.width is None and fig.layout.margin.l == 0  # the page's is untouched
    titled = go.Figure(layout={"title": {"text": "Sendiri"}})
    assert chart_png.slide_figure(titled, title="Judul").layout.title.text == "Sendiri"


def test_a_map_is_refitted_to_the_slide_on_the_offline_style():
    square = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"kode": "x"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[106.6, -6.4], [106.8, -6.4], [106.8, -6.2], [106.6, -6.2], [106.6, -6.4]]],
                },
            }
        ],
    }
    fig = go.Figure(go.Choroplethmap(geojson=square, locations=["x"], z=[1], featureidkey="properties.kode"))
    fig.update_layout(map={"style": "carto-positron", "zoom": 9.0, "center": {"lat": 0, "lon": 0}}, height=420)
    out = chart_png.slide_figure(fig)
    center, zoom = bounds_center_zoom(square, 1280, 653 - chart_png.MAP_CHROME)
    assert out.layout.map.zoom == zoom and out.layout.map.center.lat == center["lat"]
    assert out.layout.map.style == OFFLINE_STYLE  # never a tile server
    assert fig.layout.map.style == "carto-positron"


# ------------------------------------------------------------------ drawing


@needs_chromium
def test_chart_png_is_1920_by_1080_with_the_chart_above_the_footer_band():
    fig = go.Figure(go.Bar(x=["Setu", "Serpong"], y=[2, 4], marker_color=BAR), layout={"height": 300})
    foot = make_footer("Okt 2026", "Semua kecamatan", END, "id", synthetic=True)
    image = _image(chart_png.chart_png(fig, foot, title="Judul"))
    assert image.size == (1920, 1080)
    colours = lambda box: {c for _, c in image.crop(box).getcolors(1 << 20)}
    assert _rgb(BAR) in colours((0, 0, 1920, FOOTER_TOP))  # the bars, in the chart area
    assert _rgb(BAR) not in colours((0, FOOTER_TOP, 1920, 1080))
    assert image.getpixel((5, 1075)) == _rgb(FOOTER_BG)
    assert _rgb(NOTE_INK) in colours((1300, FOOTER_TOP, 1920, 1080))
    # the chart keeps the page's layout at 1.5×: the taller bar is twice the shorter, measured in slide pixels
    heights = [sum(1 for y in range(FOOTER_TOP) if image.getpixel((x, y)) == _rgb(BAR)) for x in range(1920)]
    assert sorted({h for h in heights if h}, reverse=True)[0] == pytest.approx(
        2 * min(h for h in heights if h), rel=0.03
    )


def test_message_png_says_what_went_wrong_on_a_slide_sized_image():
    foot = make_footer("Okt 2026", "Semua kecamatan", END, "id", synthetic=True)
    image = _image(chart_png.message_png("Grafik tidak dapat digambar sebagai PNG di server (RuntimeError).", foot))
    assert image.size == (1920, 1080)
    assert image.getpixel((5, 1075)) == _rgb(FOOTER_BG)
    assert (17, 24, 39) in {c for _, c in image.crop((0, 250, 1920, 450)).getcolors(1 << 16)}  # the words, in ink
