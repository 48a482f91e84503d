"""Drawing a briefing deck: each chart to PNG (plotly + kaleido with the system Chromium), each slide to a
1920×1080 PNG (Pillow), and the packs: PPTX (python-pptx, real text boxes) and PDF (one slide image per page).
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import kaleido
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from briefing.slides import (
    FOOTER_TOP,
    HEIGHT,
    INK,
    MARGIN,
    MUTED,
    SIZE,
    SUBTITLE_BOX,
    TITLE_BOX,
    WIDTH,
    Deck,
    Footer,
    Slide,
)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core, installed by .ci/run
FOOTER_BG, NOTE_INK = "#e5e7eb", "#9a3412"
EMU_PER_PX = 12_192_000 // WIDTH  # 13.333 in × 914 400 EMU / 1920 px = 6350
PT_PER_PX = 0.5  # 960 pt / 1920 px
LINE_GAP = 1.3
PDF_DPI = 144.0  # 1920 px → 960 pt: a 13.333 × 7.5 in page
# kaleido keeps one Chromium per process behind a module-level server: two downloads at once (two users, or a chart
# and a pack) must not start or stop it under each other.
_RENDERING = threading.Lock()


class RenderError(RuntimeError):
    """Drawing charts with kaleido on Chromium failed (Chromium missing, not starting, or failing on a figure)."""


def find_chromium() -> str | None:
    """The browser kaleido would draw with (kaleido's own download, BROWSER_PATH, or Debian's `chromium` on PATH)
    when it is an executable file, else None."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    return path if path and os.access(path, os.X_OK) else None


@contextmanager
def chart_renderer() -> Iterator[Callable[[Slide], bytes | None]]:
    """One Chromium kept open for many charts: yields `chart_png`, and closes the browser at the end. One renderer at a
    time per process; a second caller waits. RenderError at once when there is no Chromium: kaleido's server thread
    would die on it and leave every call waiting forever."""
    with _RENDERING:
        if find_chromium() is None:
            raise RenderError(
                "Chromium tidak ditemukan (tidak ada `chromium` di PATH, BROWSER_PATH tidak menunjuk ke program)"
            )
        kaleido.start_sync_server(silence_warnings=True)
        try:
            yield chart_png
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def chart_png(slide: Slide) -> bytes | None:
    """A slide's chart as PNG bytes at its box's pixel size (None for a slide without a chart)."""
    if slide.figure is None:
        return None
    _, _, width, height = slide.chart_box
    return kaleido.calc_fig_sync(slide.figure, opts={"format": "png", "width": width, "height": height, "scale": 1})


def render_charts(deck: Deck) -> list[bytes | None]:
    """Each slide's chart as PNG bytes (None for a slide without a chart), with one Chromium for the whole deck."""
    with chart_renderer() as render:
        return [render(slide) for slide in deck.slides]


# ---------------------------------------------------------------- PNG


def load_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (bold), or Pillow's built-in scalable font where DejaVu is not installed."""
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default(size)


def wrap_text(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to a pixel width."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(trial) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def slide_image(deck: Deck, index: int, chart: bytes | None) -> Image.Image:
    """One slide as a 1920×1080 RGB image: title, subtitle, chart, text blocks and footer."""
    slide = deck.slides[index]
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.text(TITLE_BOX[:2], slide.title, font=load_font(SIZE["title"], True), fill=INK)
    draw.text(SUBTITLE_BOX[:2], slide.subtitle, font=load_font(SIZE["subtitle"]), fill=MUTED)
    if chart is not None:
        image.paste(Image.open(io.BytesIO(chart)).convert("RGB"), slide.chart_box[:2])
    if slide.text_box is not None:
        _draw_blocks(draw, slide)
    right = f"{index + 1}/{len(deck.slides)}"
    draw_footer(draw, deck.footer, f"{deck.footer.synthetic_note}    {right}" if deck.footer.synthetic_note else right)
    return image


def _draw_blocks(draw: ImageDraw.ImageDraw, slide: Slide) -> None:
    """Headings and wrapped sentences, top down in the slide's text box."""
    x, y, width, _ = slide.text_box
    heading, body = load_font(SIZE["heading"], True), load_font(SIZE["body"])
    for block in slide.blocks:
        if block.heading:
            draw.text((x, y), block.heading, font=heading, fill=INK)
            y += int(SIZE["heading"] * 1.6)
        for line in block.lines:
            for part in wrap_text(line, body, width):
                draw.text((x, y), part, font=body, fill=INK)
                y += int(SIZE["body"] * LINE_GAP)
            y += SIZE["body"] // 2
        y += SIZE["body"] // 2


def draw_footer(draw: ImageDraw.ImageDraw, footer: Footer, right: str | None) -> None:
    """The grey band at the bottom: period, filters and data date left (cut with '…' where it would run into the
    right part); `right` (the sample note, the slide number) in bold."""
    font, bold = load_font(SIZE["footer"]), load_font(SIZE["footer"], True)
    draw.rectangle((0, FOOTER_TOP, WIDTH, HEIGHT), fill=FOOTER_BG)
    middle = (FOOTER_TOP + HEIGHT) // 2
    room = WIDTH - 2 * MARGIN - (bold.getlength(right) + 48 if right else 0)
    draw.text((MARGIN, middle), fit(footer.left, font, room), font=font, fill=INK, anchor="lm")
    if right:
        draw.text((WIDTH - MARGIN, middle), right, font=bold, fill=NOTE_INK, anchor="rm")


def fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """The text, or its longest start that fits `width` pixels with '…' after it."""
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip(" ,·") + "…"


def message_image(text: str, footer: Footer | None = None) -> Image.Image:
    """A slide-sized image that says, in words, why a chart or pack could not be drawn (with the footer, if known)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font, y = load_font(SIZE["body"] + 4), 300
    for line in wrap_text(text, font, WIDTH - 2 * MARGIN):
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += int(font.size * LINE_GAP)
    if footer is not None:
        draw_footer(draw, footer, footer.synthetic_note)
    return image


def message_file(text: str, suffix: str, footer: Footer | None = None) -> bytes:
    """The message as the file a download promised (.png, .pdf or .pptx): what a click gets instead of a broken
    download when drawing fails on Streamlit's download thread, where no message can be shown on the page."""
    if suffix == ".pptx":
        pres = Presentation()
        pres.slide_width, pres.slide_height = Emu(WIDTH * EMU_PER_PX), Emu(HEIGHT * EMU_PER_PX)
        _box(pres.slides.add_slide(pres.slide_layouts[6]), (MARGIN, 300, WIDTH - 2 * MARGIN, 400), text, SIZE["body"])
        buffer = io.BytesIO()
        pres.save(buffer)
        return buffer.getvalue()
    image = message_image(text, footer)
    if suffix == ".pdf":
        buffer = io.BytesIO()
        image.save(buffer, "PDF", resolution=PDF_DPI)
        return buffer.getvalue()
    return png_bytes(image)


def slide_images(deck: Deck, charts: list[bytes | None]) -> list[Image.Image]:
    """Every slide as an image."""
    return [slide_image(deck, i, chart) for i, chart in enumerate(charts)]


def png_bytes(image: Image.Image) -> bytes:
    """An image as PNG bytes."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


# ---------------------------------------------------------------- PPTX


def _box(
    slide,
    box: tuple[int, int, int, int],
    text: str,
    size: int,
    bold: bool = False,
    colour: str = INK,
    align=PP_ALIGN.LEFT,
):
    """A text box at pixel coordinates with one paragraph."""
    x, y, w, h = (Emu(v * EMU_PER_PX) for v in box)
    shape = slide.shapes.add_textbox(x, y, w, h)
    frame = shape.text_frame
    frame.word_wrap, frame.vertical_anchor = True, MSO_ANCHOR.TOP
    _paragraph(frame.paragraphs[0], text, size, bold, colour, align)
    return frame


def _paragraph(paragraph, text: str, size: int, bold: bool, colour: str, align=PP_ALIGN.LEFT) -> None:
    """Fill a paragraph with one run of styled text (sizes in slide pixels)."""
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold = Pt(size * PT_PER_PX), bold
    run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
    paragraph.alignment = align


def write_pptx(deck: Deck, charts: list[bytes | None], path: Path) -> None:
    """A 16:9 PPTX: per slide a title, a subtitle, the chart picture, the text blocks and the footer, as text."""
    pres = Presentation()
    pres.slide_width, pres.slide_height = Emu(WIDTH * EMU_PER_PX), Emu(HEIGHT * EMU_PER_PX)
    pres.core_properties.title = deck.title
    pres.core_properties.subject = deck.footer.left
    for index, (slide, chart) in enumerate(zip(deck.slides, charts, strict=True)):
        page = pres.slides.add_slide(pres.slide_layouts[6])  # blank
        _box(page, TITLE_BOX, slide.title, SIZE["title"], bold=True)
        _box(page, SUBTITLE_BOX, slide.subtitle, SIZE["subtitle"], colour=MUTED)
        if chart is not None:
            x, y, w, h = (Emu(v * EMU_PER_PX) for v in slide.chart_box)
            page.shapes.add_picture(io.BytesIO(chart), x, y, w, h)
        if slide.text_box is not None:
            _pptx_blocks(page, slide)
        _pptx_footer(page, deck, index)
    pres.save(path)


def _pptx_blocks(page, slide: Slide) -> None:
    """The text blocks as one text box: a bold paragraph per heading, a paragraph per sentence."""
    paragraphs = [
        (text, size, bold)
        for block in slide.blocks
        for text, size, bold in ([(block.heading, SIZE["heading"], True)] if block.heading else [])
        + [(line, SIZE["body"], False) for line in block.lines]
    ]
    (first, *rest) = paragraphs
    frame = _box(page, slide.text_box, *first)
    for text, size, bold in rest:
        paragraph = frame.add_paragraph()
        paragraph.space_before = Pt(SIZE["body"] * PT_PER_PX * 0.5)
        _paragraph(paragraph, text, size, bold, INK)


def _pptx_footer(page, deck: Deck, index: int) -> None:
    """The same grey band as the PNG, with its texts as real text boxes."""
    band = page.shapes.add_shape(
        1, 0, Emu(FOOTER_TOP * EMU_PER_PX), Emu(WIDTH * EMU_PER_PX), Emu((HEIGHT - FOOTER_TOP) * EMU_PER_PX)
    )  # 1 = rectangle
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor.from_string(FOOTER_BG.lstrip("#"))
    band.line.fill.background()
    top, half = FOOTER_TOP + 28, WIDTH // 2
    _box(page, (MARGIN, top, half + 200, 50), deck.footer.left, SIZE["footer"])
    right = f"{index + 1}/{len(deck.slides)}"
    if deck.footer.synthetic_note:
        right = f"{deck.footer.synthetic_note}    {right}"
    _box(page, (half + 280, top, half - 280 - MARGIN, 50), right, SIZE["footer"], True, NOTE_INK, PP_ALIGN.RIGHT)


# ---------------------------------------------------------------- PDF


def write_pdf(deck: Deck, images: list[Image.Image], path: Path) -> None:
    """A PDF with one 16:9 page per slide image (960×540 pt); the footer also goes into the metadata."""
    subject = deck.footer.left + (f" · {deck.footer.synthetic_note}" if deck.footer.synthetic_note else "")
    first, *rest = images
    first.save(
        path,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=PDF_DPI,
        quality=92,
        subsampling=0,
        title=deck.title,
        subject=subject,
        keywords=subject,
        creator="briefing.deck",
    )
