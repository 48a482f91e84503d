"""The "PNG untuk slide" button under every chart of the analysis pages, through AppTest: one per plotly chart, its
file name, and what a click makes (the callables the buttons registered, called as a click would): the footer's
period, filters, data date and sample note, the map's printable version, and an image with words when drawing fails."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from briefing import chart_png
from tests.apptest import assert_clean, chart_protos, open_with_downloads

SETU, SERPONG = "36.74.07", "36.74.01"
UNTIL = "Data sampai 31 Okt 2026"
_runs: dict[tuple, tuple] = {}


def run(script: str | None, **params: str):
    """A page after a run, and its download callables by file name (once per session for the same arguments)."""
    key = (script, *sorted(params.items()))
    if key not in _runs:
        _runs[key] = open_with_downloads(script, direct=script is not None, **params)
    return _runs[key]


@pytest.fixture
def drawn(monkeypatch):
    """Calls of chart_png.chart_png, recorded instead of drawn: (figure, footer, title)."""
    calls: list = []
    monkeypatch.setattr(
        chart_png, "chart_png", lambda fig, footer, title=None: calls.append((fig, footer, title)) or b"png"
    )
    return calls


def png_buttons(at) -> list:
    return [b for b in at.get("download_button") if b.proto.label in ("PNG untuk slide", "PNG for slides")]


# (page, URL parameters, the PNG files its buttons offer)
PAGES = [
    (None, {"kecamatan": SETU}, ["tangsel_peta-ringkas-okt-2026.png"]),
    ("pages/1_Peta.py", {}, ["tangsel_peta-okt-2026.png"]),
    ("pages/1_Peta.py", {"tampilan": "3d"}, ["tangsel_peta-okt-2026.png"]),
    (
        "pages/2_Tren.py",
        {"ind": "layanan_daring", "kecamatan": f"{SETU},{SERPONG}"},
        ["tangsel_tren-jan-2021-okt-2026.png", "tangsel_tren-yoy-okt-2026-dibanding-okt-2025.png"],
    ),
    (
        "pages/3_Perbandingan.py",
        {},
        [
            "tangsel_banding-peringkat-okt-2026.png",
            "tangsel_banding-capaian-periode-terakhir-tiap-indikator.png",
            "tangsel_banding-radar-2025.png",
            "tangsel_banding-sebaran-2026.png",
        ],
    ),
]


@pytest.mark.parametrize(("script", "params", "files"), PAGES, ids=["ringkasan", "peta", "peta-3d", "tren", "banding"])
def test_every_chart_has_a_png_for_slides(script, params, files):
    at, downloads = run(script, **params)
    assert_clean(at)
    assert sorted(n for n in downloads if n.endswith(".png")) == sorted(files)
    buttons = png_buttons(at)
    assert len(buttons) == len(files)
    assert all(not b.proto.disabled and "1920×1080" in b.proto.help for b in buttons)
    if params.get("tampilan") != "3d":  # one button per plotly chart; the 3D map's prints the 2D map
        assert len(buttons) == len(chart_protos(at, kind="PlotlyChart"))


def test_the_footer_carries_period_filters_data_date_and_the_sample_note(drawn):
    _, downloads = run(None, kecamatan=SETU)
    assert downloads["tangsel_peta-ringkas-okt-2026.png"]() == b"png"
    ((fig, footer, title),) = drawn
    assert footer.left == f"Okt 2026 · Kecamatan: Setu · {UNTIL}"
    assert footer.synthetic_note == "Data contoh (sintetis)"
    # the printable map names its kecamatan (the page's small map does not) and carries a title
    names = [t for trace in fig.data if trace.type == "scattermap" for t in trace.text]
    assert names == ["Setu"]
    assert fig.layout.title.text.endswith("— Okt 2026")


def test_trend_footer_spans_the_history_and_the_chosen_kecamatan(drawn):
    _, downloads = run("pages/2_Tren.py", ind="layanan_daring", kecamatan=f"{SETU},{SERPONG}")
    downloads["tangsel_tren-jan-2021-okt-2026.png"]()
    downloads["tangsel_tren-yoy-okt-2026-dibanding-okt-2025.png"]()
    (_, history, _), (_, yoy, yoy_title) = drawn
    assert history.left == f"Jan 2021 – Okt 2026 · Kecamatan: Setu, Serpong · {UNTIL}"
    assert yoy.left == f"Okt 2026 dibanding Okt 2025 · Kecamatan: Setu, Serpong · {UNTIL}"
    assert yoy_title == (
        "Perubahan dibanding periode yang sama tahun lalu: Permohonan layanan yang diajukan secara daring"
    )  # the bars have no title of their own


def test_english_labels_and_footer(drawn):
    at, downloads = run("pages/3_Perbandingan.py", lang="en")
    assert len(png_buttons(at)) == 4 and png_buttons(at)[0].proto.label == "PNG for slides"
    downloads["tangsel_banding-radar-2025.png"]()
    ((_, footer, _),) = drawn
    assert footer.left == "2025 · All kecamatan · Data up to 31 Oct 2026"
    assert footer.synthetic_note == "Data contoh (sintetis) · synthetic sample"


def test_a_failed_drawing_gives_an_image_with_words_not_a_broken_download(monkeypatch):
    _, downloads = run("pages/1_Peta.py")
    said: list[str] = []

    def broken(*_args, **_kw):
        raise RuntimeError("Chromium crashed")

    monkeypatch.setattr(chart_png, "chart_png", broken)
    real = chart_png.message_png
    monkeypatch.setattr(chart_png, "message_png", lambda text, footer=None: said.append(text) or real(text, footer))
    image = Image.open(io.BytesIO(downloads["tangsel_peta-okt-2026.png"]()))
    assert image.size == (1920, 1080)
    assert said == [
        "Grafik tidak dapat digambar sebagai PNG di server (RuntimeError). Coba lagi; bila tetap gagal, "
        "pakai tombol kamera di pojok grafik di dasbor."
    ]


def test_without_chromium_the_button_is_disabled_and_says_how_to_install_it(monkeypatch):
    from ui import charts

    charts.can_render.clear()
    monkeypatch.setattr(chart_png, "renderer_available", lambda: False)
    try:
        at, _ = open_with_downloads("pages/2_Tren.py", direct=True)
        assert_clean(at)
        buttons = png_buttons(at)
        assert buttons and all(b.proto.disabled and "apt-get install chromium" in b.proto.help for b in buttons)
    finally:
        charts.can_render.clear()


def test_a_failed_drawing_leaves_its_traceback_in_the_server_log(monkeypatch, caplog):
    import plotly.graph_objects as go

    from briefing.deck import make_footer
    from ui import charts

    def broken(*_args, **_kw):
        raise RuntimeError("Chromium crashed")

    monkeypatch.setattr(chart_png, "chart_png", broken)
    footer = make_footer("Okt 2026", "Semua kecamatan", dt.date(2026, 10, 31))
    png = charts.slide_png(go.Figure(), footer, "Judul", "Gagal ({problem}).")
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    (record,) = [r for r in caplog.records if r.name == "ui.charts"]
    assert record.levelname == "ERROR" and record.exc_info[0] is RuntimeError
    assert "'Judul'" in record.getMessage() and "Okt 2026 · Semua kecamatan" in record.getMessage()
