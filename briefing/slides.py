"""The briefing deck as data, and its charts: slides with a title, a chart and text blocks, and one footer.

Geometry is in pixels of a 1920×1080 slide (16:9). The renderers (briefing.render) draw the same boxes as a
PNG (and so the PDF) and as PPTX shapes. Charts are plotly figures sized to their box that need no network: the
map draws the polygons as filled shapes on plain axes, so no basemap, tile or topojson is ever fetched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import shapely

from charts import style
from charts.classify import NODATA, NODATA_COLOR, Classes, LegendEntry
from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.texts import tr
from kpi.metrics.targets import CAPAIAN_DECIMALS
from kpi.report.labels import change_unit
from kpi.report.numfmt import number, signed, with_unit

WIDTH, HEIGHT = 1920, 1080
MARGIN = 72
TITLE_BOX = (MARGIN, 36, WIDTH - 2 * MARGIN, 96)  # x, y, w, h
SUBTITLE_BOX = (MARGIN, 132, WIDTH - 2 * MARGIN, 56)
BODY_TOP, BODY_BOTTOM = 210, 950
FOOTER_TOP = 980
SPLIT = 880  # chart width when a text block sits beside it
FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"
INK = style.INK
MUTED, BETTER, WORSE = "#374151", "#166534", "#b91c1c"
# Table text is body size: 36 slide px read 24 px on a 1280×720 screen (the presenter mode's zoom of 2/3).
SIZE = {"title": 60, "subtitle": 34, "heading": 40, "body": 36, "footer": 28, "chart": 32, "table": 36}
STATUS_COLOURS = {
    "tercapai": ("#dcfce7", "#14532d"),
    "mendekati": ("#fef3c7", "#78350f"),
    "belum_tercapai": ("#fee2e2", "#7f1d1d"),
}


@dataclass(frozen=True)
class Block:
    """A heading and its lines of text (sentences), drawn as real text beside or instead of a chart."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Slide:
    """One slide: title, subtitle, an optional chart and optional text blocks."""

    title: str
    subtitle: str = ""
    figure: go.Figure | None = None
    blocks: tuple[Block, ...] = ()

    @property
    def chart_box(self) -> tuple[int, int, int, int] | None:
        """Where the chart goes (x, y, w, h): the whole body, or its left part when text sits beside it."""
        if self.figure is None:
            return None
        width = SPLIT if self.blocks else WIDTH - 2 * MARGIN
        return MARGIN, BODY_TOP, width, BODY_BOTTOM - BODY_TOP

    @property
    def text_box(self) -> tuple[int, int, int, int] | None:
        """Where the text blocks go: right of the chart, or the whole body."""
        if not self.blocks:
            return None
        left = MARGIN + SPLIT + 48 if self.figure is not None else MARGIN
        return left, BODY_TOP, WIDTH - MARGIN - left, BODY_BOTTOM - BODY_TOP


@dataclass(frozen=True)
class Footer:
    """What every slide prints at the bottom: period, filters, data date, and the sample note when synthetic."""

    period: str
    filters: str
    data_date: str
    synthetic_note: str | None

    @property
    def left(self) -> str:
        """'Okt 2026 · Semua kecamatan · Data sampai 31 Okt 2026'."""
        return " · ".join((self.period, self.filters, self.data_date))


@dataclass(frozen=True)
class Deck:
    """The slides in order, the shared footer, the pack's title and its language."""

    title: str
    slides: tuple[Slide, ...]
    footer: Footer
    lang: str = "id"


def _status(row: dict, ind: Indicator, catalogue: Catalogue, lang: str) -> tuple[str, str, str]:
    """Status label, cell fill and text colour: the official band's own colour, else the target status's."""
    band_set = catalogue.band_set(ind)
    band = next((b for b in band_set.bands if b.code == row.get("pita")), None) if band_set else None
    if band is not None:
        return band.label.get(lang) or band.label["id"], band.color, style.text_on(band.color)
    code = row.get("status_target")
    if not isinstance(code, str):
        return "—", "#ffffff", INK
    return (tr(f"status.{code}", lang), *STATUS_COLOURS[code])


def _change(row: dict, ind: Indicator, lang: str) -> tuple[str, str]:
    """'▲ +0,90' and green when the change is an improvement in the indicator's direction."""
    delta = row.get("perubahan")
    text = signed(delta, ind.decimals, lang)
    if text == "—" or text.startswith("±"):
        return text, INK
    better = (delta > 0) == ind.higher_is_better
    return f"{'▲' if delta > 0 else '▼'} {text}", BETTER if better else WORSE


def _row_cells(ind: Indicator, row: dict, catalogue: Catalogue, lang: str) -> dict[str, tuple[str, str, str]]:
    """One indicator's cells as (text, fill, ink) per column key."""
    status, bg, fg = _status(row, ind, catalogue, lang)
    change, colour = _change(row, ind, lang)
    capaian = number(row.get("capaian"), CAPAIAN_DECIMALS, lang)
    known = pd.notna(row.get("peringkat")) and pd.notna(row.get("peringkat_dari"))
    rank = f"{int(row['peringkat'])} {tr('slides.of', lang)} {int(row['peringkat_dari'])}" if known else "—"
    plain = {
        "indikator": f"<b>{ind.text('short', lang)}</b>",
        "periode": periods.display(row["periode"], lang) if row else "—",
        "nilai": f"<b>{with_unit(row.get('nilai'), ind, lang)}</b>",
        "target": with_unit(row.get("target"), ind, lang),
        "capaian": capaian if capaian == "—" else f"{capaian}%",
        "peringkat": rank,
    }
    return {
        **{k: (v, "#ffffff", INK) for k, v in plain.items()},
        "status": (status, bg, fg),
        "perubahan": (change, "#ffffff", colour),
    }


def scorecard_figure(
    cards: list[tuple[Indicator, dict | None]],
    catalogue: Catalogue,
    lang: str,
    size: tuple[int, int],
    rank: bool = False,
) -> go.Figure:
    """A table of indicators: value, target, achievement, status (coloured) and change, optionally the rank."""
    keys = ["indikator", "periode", "nilai", "target", "capaian", "status", "perubahan"] + (
        ["peringkat"] if rank else []
    )
    rows = [_row_cells(ind, row or {}, catalogue, lang) for ind, row in cards]
    column = {k: list(zip(*(r[k] for r in rows), strict=True)) for k in keys}  # key -> (texts, fills, inks)
    # slide px at 36-px bold headers: each header fits on one line, with the rank column too (sum 1776)
    widths = {
        "indikator": 290,
        "periode": 220,
        "nilai": 215,
        "target": 195,
        "capaian": 195,
        "status": 220,
        "perubahan": 232,
        "peringkat": 209,
    }
    width, height = size
    fig = go.Figure(
        go.Table(
            columnwidth=[widths[k] for k in keys],
            header={
                "values": [f"<b>{tr(f'slides.{k}', lang)}</b>" for k in keys],
                "fill": {"color": INK},
                "height": 76,
                "font": {"color": "#ffffff", "size": SIZE["table"], "family": FONT_FAMILY},
                "align": "left",
            },
            cells={
                "values": [column[k][0] for k in keys],
                "fill": {"color": [column[k][1] for k in keys]},
                "height": min(110, (height - 90) // max(len(cards), 1)),
                "align": "left",
                "font": {"color": [column[k][2] for k in keys], "size": SIZE["table"], "family": FONT_FAMILY},
                "line": {"color": "#9ca3af", "width": 1},
            },
        )
    )
    return fig.update_layout(width=width, height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, paper_bgcolor="white")


def _rings(geom) -> list[tuple[list[float], list[float]]]:
    """Exterior rings of a (multi)polygon as x and y lists."""
    parts = getattr(geom, "geoms", [geom])
    return [tuple(map(list, shapely.get_coordinates(p.exterior).T)) for p in parts if p.geom_type == "Polygon"]


def map_figure(
    shapes: pd.DataFrame,
    rows: pd.DataFrame,
    ind: Indicator,
    classes: Classes,
    lang: str,
    size: tuple[int, int],
    approximate: bool,
) -> go.Figure:
    """The wilayah as filled polygons coloured by class, named with their value, and the legend on the right."""
    key_of = dict(zip(rows["kode_wilayah"].astype(str), classes.codes.reindex(rows.index).fillna(NODATA), strict=True))
    value_of = dict(zip(rows["kode_wilayah"].astype(str), rows["nilai"], strict=True))
    legend = classes.legend
    if any(key_of.get(k, NODATA) == NODATA for k in shapes["kode"]) and all(e.key != NODATA for e in legend):
        legend = (*legend, LegendEntry(NODATA, tr("no_data", lang), NODATA_COLOR))
    fig = go.Figure()
    for entry in legend:
        xs: list = []
        ys: list = []
        for geom in shapes.loc[shapes["kode"].map(lambda k: key_of.get(k, NODATA)) == entry.key, "geometry"]:
            for x, y in _rings(geom):
                xs += [*x, None]
                ys += [*y, None]
        fig.add_trace(
            go.Scatter(
                x=xs or [None],
                y=ys or [None],
                fill="toself",
                fillcolor=entry.color,
                mode="lines",
                line={"color": "white", "width": 3},
                name=entry.label,
            )
        )
    for shape in shapes.itertuples():
        fig.add_annotation(
            x=shape.label_lon,
            y=shape.label_lat,
            showarrow=False,
            bgcolor="rgba(255,255,255,0.88)",
            text=f"<b>{shape.nama}</b><br>{with_unit(value_of.get(shape.kode), ind, lang)}",
            font={"size": SIZE["chart"] - 6, "color": INK},
            borderpad=4,
        )
    if approximate:
        fig.add_annotation(
            text=tr("slides.approx", lang),
            xref="paper",
            yref="paper",
            x=1,
            y=0,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font={"size": SIZE["chart"] - 4, "color": "#7c2d12"},
            bgcolor="#fff7ed",
            bordercolor="#c2410c",
            borderwidth=2,
            borderpad=8,
        )
    lat = float(shapes["label_lat"].mean()) if len(shapes) else -6.3
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    width, height = size
    _legend(fig, classes.title, legend, size)
    fig.update_xaxes(**hidden, domain=[0, 0.56])
    fig.update_yaxes(**hidden, scaleanchor="x", scaleratio=1 / math.cos(math.radians(lat)))
    return fig.update_layout(
        width=width,
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor="white",
        paper_bgcolor="white",
        font={"family": FONT_FAMILY, "size": SIZE["chart"], "color": INK},
        showlegend=False,
    )


def _legend(
    fig: go.Figure, title: str, legend: tuple[LegendEntry, ...], size: tuple[int, int], left: float = 0.6, box: int = 44
) -> None:
    """The class legend drawn as large colour squares with labels (plotly's legend symbols stay small)."""
    width, height = size
    lines = title.replace(" (", "<br>(", 1)  # 'Mutu pelayanan<br>(PermenPANRB 14/2017)': never clipped
    fig.add_annotation(
        text=f"<b>{lines}</b>",
        xref="paper",
        yref="paper",
        x=left,
        y=1,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": SIZE["chart"]},
        align="left",
    )
    first = 40 + 44 * (lines.count("<br>") + 1)
    for i, entry in enumerate(legend):
        top = 1 - (first + i * 66) / height
        fig.add_shape(
            type="rect",
            xref="paper",
            yref="paper",
            x0=left,
            x1=left + box / width,
            y0=top - box / height,
            y1=top,
            fillcolor=entry.color,
            line={"color": INK, "width": 1},
        )
        fig.add_annotation(
            text=entry.label,
            xref="paper",
            yref="paper",
            x=left + (box + 18) / width,
            y=top - box / (2 * height),
            xanchor="left",
            yanchor="middle",
            showarrow=False,
            font={"size": SIZE["chart"]},
        )


def movers_figure(rows: pd.DataFrame, ind: Indicator, lang: str, size: tuple[int, int]) -> go.Figure:
    """The change of every wilayah as horizontal bars, green when it improved, red when it slipped."""
    rows = rows[rows["perubahan"].notna()].sort_values("perubahan", ascending=ind.higher_is_better)
    better = (rows["perubahan"] > 0) == ind.higher_is_better
    fig = go.Figure(
        go.Bar(
            x=rows["perubahan"],
            y=rows["nama_wilayah"],
            orientation="h",
            marker={"color": better.map({True: BETTER, False: WORSE})},
            text=[signed(v, ind.decimals, lang) for v in rows["perubahan"]],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": SIZE["chart"] - 4, "color": INK},
        )
    )
    width, height = size
    low, high = min(0.0, float(rows["perubahan"].min())), max(0.0, float(rows["perubahan"].max()))
    pad = (high - low) * 0.22 or 1.0  # room for the value labels outside the bars, on both sides of zero
    title = f"{tr('slides.change_axis', lang)} ({change_unit(ind, lang)})"
    fig.update_xaxes(
        title={"text": title, "font": {"size": SIZE["chart"] - 6}, "standoff": 12},
        automargin=True,
        zeroline=True,
        zerolinecolor=INK,
        zerolinewidth=2,
        gridcolor="#e5e7eb",
        range=[low - pad if low < 0 else -pad / 4, high + pad if high > 0 else pad / 4],
        tickfont={"size": SIZE["chart"] - 8},
    )
    fig.update_yaxes(tickfont={"size": SIZE["chart"] - 4}, automargin=True)
    return fig.update_layout(
        width=width,
        height=height,
        margin={"l": 10, "r": 90, "t": 10, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        separators=style.separators(lang),
        font={"family": FONT_FAMILY, "size": SIZE["chart"], "color": INK},
    )
