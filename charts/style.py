"""The look every figure shares, in one place: type size, ink, grid, the language's number separators, the base
layout, and whether white or ink text reads on a fill."""

from __future__ import annotations

import plotly.graph_objects as go

FONT = 14  # px: the smallest text of a chart, readable when a 1280×720 screen is shared at a briefing
TITLE_FONT = FONT + 4
INK = "#111827"  # text and lines: darker than plotly's default grey (the slides and the presenter mode use it too)
WHITE = "#ffffff"
GRID = "#E5E7EB"
HOVER_BORDER = "#9ca3af"


def separators(lang: str) -> str:
    """plotly's decimal and thousands separators: 1.234,5 in Bahasa Indonesia, 1,234.5 in English."""
    return ",." if lang == "id" else ".,"


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1a9850' -> (26, 152, 80)."""
    code = colour.lstrip("#")
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


def is_dark(colour: str) -> bool:
    """True when white text reads better than ink on this fill (WCAG relative luminance below 0.18)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v / 255) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18


def text_on(fill: str) -> str:
    """The text colour that reads on a fill: white on dark fills, ink on light ones."""
    return WHITE if is_dark(fill) else INK


def hover_label() -> dict:
    """White hover boxes with ink text at the chart's type size."""
    return {"bgcolor": WHITE, "bordercolor": HOVER_BORDER, "font": {"size": FONT, "color": INK}}


def base_layout(fig: go.Figure, lang: str, height: int, title: str | None = None, **margin: int) -> go.Figure:
    """The shared look: type at FONT in ink, the language's separators, a white plot, a left-aligned title."""
    fig.update_layout(
        height=height,
        template="plotly_white",
        font={"size": FONT, "color": INK},
        separators=separators(lang),
        margin={"l": 10, "r": 20, "t": 60 if title else 30, "b": 10, **margin},
        plot_bgcolor=WHITE,
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": TITLE_FONT}} if title else None,
        hoverlabel=hover_label(),
        legend={"font": {"size": FONT, "color": INK}},
    )
    axis_font = {"size": FONT, "color": INK}
    fig.update_xaxes(tickfont=axis_font, title_font=axis_font, gridcolor=GRID, automargin=True)
    fig.update_yaxes(tickfont=axis_font, title_font=axis_font, gridcolor=GRID, automargin=True)
    return fig
