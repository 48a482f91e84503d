"""Trend figures of one indicator: a line per wilayah with the city and the target, small multiples, and bars of
the change against the same period a year earlier. Missing periods are gaps in the lines, never zeros."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import style
from charts.palette import CITY, NEUTRAL, TARGET, colour_of
from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.report.labels import change_unit, city_name, period_text
from kpi.report.numfmt import signed, with_unit
from kpi.report.trend import wilayah_names

PLOT_WIDTH = 880  # px of the plot area beside an open sidebar at 1280 wide: decides how many ticks fit
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
ARAH_COLOURS = {"membaik": "#1B7F3B", "memburuk": "#C0392B", "tetap": NEUTRAL}
_TICK_STEPS = {
    "month": (1, 2, 3, 6, 12, 24, 36),
    "quarter": (1, 2, 4, 8, 12),
    "semester": (1, 2, 4, 6, 10),
    "year": (1, 2, 5, 10),
}
_PER_YEAR = {"month": 12, "quarter": 4, "semester": 2, "year": 1}


def _partial(rows: pd.DataFrame) -> pd.Series:
    """True for a period still in progress (series.series marks it); False for frames without the mark."""
    if "sebagian" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["sebagian"].fillna(False).astype(bool)


def _hover(name: str, rows: pd.DataFrame, values: pd.Series, ind: Indicator, lang: str) -> list[str]:
    """'Kecamatan Setu · Okt 2026: 76,3%' for each period; '2026 (s.d. Okt 2026)' for one still in progress."""
    ends = rows["periode_akhir"] if "periode_akhir" in rows else pd.Series(None, index=rows.index)
    return [
        f"{name} · {period_text(p, e if partial else None, lang)}: {with_unit(v, ind, lang)}"
        for p, e, partial, v in zip(rows["periode"], ends, _partial(rows), values, strict=True)
    ]


def _xy(rows: pd.DataFrame, column: str = "nilai") -> dict:
    """x (ISO end dates), y (None where missing, so plotly leaves a gap) and the period labels as customdata."""
    values = [None if pd.isna(v) else float(v) for v in rows[column]]
    return {"x": rows["tanggal"].dt.strftime("%Y-%m-%d").tolist(), "y": values, "customdata": rows["periode"].tolist()}


def marker_sizes(values: pd.Series) -> list[int]:
    """Markers on every point of a short series; on a long one only where a point stands alone between gaps,
    which a line alone would not draw."""
    present = values.notna().tolist()
    if len(present) <= 30:
        return [7] * len(present)
    alone = [
        ok and not (i > 0 and present[i - 1]) and not (i + 1 < len(present) and present[i + 1])
        for i, ok in enumerate(present)
    ]
    return [7 if a else 0 for a in alone]


def _line(rows: pd.DataFrame, name: str, hover_name: str, ind: Indicator, lang: str, **style) -> list[go.Scatter]:
    """One wilayah's line, broken where a period is missing. A period still in progress (2026 with data to October)
    is not part of the solid line: it is an open marker joined to the point before by a dotted segment, in the same
    colour and legend group, so a partial year is never read as a complete one."""
    partial = _partial(rows)
    complete = rows.assign(nilai=rows["nilai"].where(~partial))
    group = style.pop("legendgroup", name)
    traces = [
        go.Scatter(
            **_xy(complete),
            name=name,
            mode="lines+markers",
            connectgaps=False,
            marker={"size": marker_sizes(complete["nilai"])},
            hovertext=_hover(hover_name, rows, rows["nilai"], ind, lang),
            hoverinfo="text",
            legendgroup=group,
            **style,
        )
    ]
    if partial.any():
        at = [i for i, p in enumerate(partial) if p]
        piece = rows.iloc[sorted({j for i in at for j in (i - 1, i) if j >= 0})]
        line = {**style.get("line", {}), "dash": "dot"}
        traces.append(
            go.Scatter(
                **_xy(piece),
                name=name,
                mode="lines+markers",
                connectgaps=False,
                line=line,
                marker={
                    "size": [11 if p else 0 for p in _partial(piece)],
                    "symbol": "circle-open",
                    "line": {"width": 2.5, "color": line.get("color")},
                },
                hovertext=_hover(hover_name, piece, piece["nilai"], ind, lang),
                hoverinfo="text",
                legendgroup=group,
                showlegend=False,
            )
        )
    return traces


def _target_line(rows: pd.DataFrame, ind: Indicator, lang: str, **style) -> go.Scatter:
    """The target as a grey dashed step: each period's target holds over the period that ends at its point."""
    name = tr("target", lang)
    return go.Scatter(
        **_xy(rows, "target"),
        name=name,
        mode="lines",
        line_shape="vh",
        connectgaps=False,
        line={"color": TARGET, "dash": "dash", "width": 2},
        hoverinfo="text",
        hovertext=_hover(name, rows, rows["target"], ind, lang),
        **style,
    )


def _shade(colour: str, amount: float) -> str:
    """The colour mixed with black (amount < 0) or white (amount > 0)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    towards = 255 if amount > 0 else 0
    return "#" + "".join(f"{round(c + (towards - c) * abs(amount)):02X}" for c in rgb)


def line_styles(codes, register: Register) -> dict[str, dict]:
    """Colour, dash and width per wilayah: a kecamatan in its palette colour; the kelurahan of one kecamatan in
    shades of its colour from dark to light, each with its own dash; the city thick and near-black."""
    styles: dict[str, dict] = {}
    groups: dict[str, list[str]] = {}
    for kode in codes:
        if kode == register.kota.kode or register.get(kode).tingkat != "kelurahan":
            styles[kode] = {"color": colour_of(kode, register), "dash": "solid", "width": 2.5}
        else:
            groups.setdefault(register.get(kode).kode_induk, []).append(kode)
    for parent, members in groups.items():
        for i, kode in enumerate(members):
            amount = -0.45 + 0.75 * i / max(len(members) - 1, 1)
            styles[kode] = {
                "color": _shade(colour_of(parent, register), amount),
                "dash": DASHES[i % len(DASHES)],
                "width": 2.2,
            }
    styles[register.kota.kode] = {"color": CITY, "dash": "solid", "width": 4.5}
    return styles


def _ticks(labels: list[str], lang: str, width: float) -> tuple[list[str], list[str]]:
    """Tick positions (end dates) and texts from periods.display, thinned to whole years or halves so they fit."""
    grain = periods.grain_of(labels[0])
    texts = [periods.display(p, lang) for p in labels]
    if max(len(x) for x in texts) > 9:
        texts = ["<br>".join(x.rsplit(" ", 1)) for x in texts]  # 'Triwulan III<br>2026': narrower
    longest = max(len(line) for x in texts for line in x.split("<br>"))
    room = max(2, int(width // (longest * 8 + 28)))
    per_year = _PER_YEAR[grain]
    ordinals = [periods.end_date(p).year * per_year + periods.month_index(p) * per_year // 12 - 1 for p in labels]
    for step in _TICK_STEPS[grain]:
        keep = [i for i, o in enumerate(ordinals) if o % step == 0] or [0]
        if len(keep) <= room:
            break
    return [periods.end_date(labels[i]).isoformat() for i in keep], [texts[i] for i in keep]


def unit_title(ind: Indicator, lang: str) -> str:
    """The y axis title: 'Persen (%)' for percentages, else the unit ('poin', 'hari kerja')."""
    unit = ind.text("unit", lang)
    return tr("unit.percent_axis", lang) if unit == "%" else unit


def _style(fig: go.Figure, lang: str, height: int, title: str | None) -> go.Figure:
    """The shared look (charts.style), the legend at the bottom and hover on the nearest point."""
    style.base_layout(fig, lang, height, title)
    fig.update_layout(
        hovermode="closest",
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            "title": None,
        },
    )
    fig.update_xaxes(showgrid=True)
    fig.update_yaxes(zeroline=False)
    return fig


def trend_figure(
    frame: pd.DataFrame,
    ind: Indicator,
    register: Register,
    lang: str = "id",
    show_target: bool = True,
    height: int = 470,
    title: str | None = None,
    width: float = PLOT_WIDTH,
) -> go.Figure:
    """One line per wilayah in its palette colour, the city as a thick near-black line, the target grey dashed."""
    fig = go.Figure()
    codes = list(dict.fromkeys(frame["kode_wilayah"]))
    styles = line_styles(codes, register)
    for kode in codes:
        rows = frame[frame["kode_wilayah"] == kode]
        name, hover_name = wilayah_names(kode, register, lang)
        fig.add_traces(_line(rows, name, hover_name, ind, lang, line=styles[kode]))
    if show_target and not frame.empty:
        fig.add_trace(_target_line(frame[frame["kode_wilayah"] == codes[-1]], ind, lang))
    _style(fig, lang, height, title)
    if not frame.empty:
        tickvals, ticktext = _ticks(list(dict.fromkeys(frame["periode"])), lang, width)
        fig.update_xaxes(type="date", tickmode="array", tickvals=tickvals, ticktext=ticktext)
    fig.update_yaxes(title_text=unit_title(ind, lang))
    return fig


def _grid(n: int) -> tuple[int, int]:
    """(rows, columns) of small multiples: at most 4 wide, so each panel keeps room for its ticks."""
    cols = 1 if n == 1 else 2 if n <= 4 else 3 if n <= 9 else 4
    return math.ceil(n / cols), cols


def _panel_titles(codes: list[str], register: Register, lang: str, width: float) -> list[str]:
    """'Kecamatan Setu' when every full name fits over its panel, else the bare names ('Pondok Kacang Barat')."""
    full = [wilayah_names(c, register, lang)[1] for c in codes]
    return full if max(len(n) for n in full) * 8.5 <= width else [wilayah_names(c, register, lang)[0] for c in codes]


def _cells(at: dict) -> dict:
    """add_traces' rows= and cols= for traces that all go to one cell (add_trace takes row= and col=)."""
    return {"rows": at["row"], "cols": at["col"]}


def small_multiples(
    frame: pd.DataFrame,
    ind: Indicator,
    register: Register,
    lang: str = "id",
    show_target: bool = True,
    panel_height: int = 230,
    title: str | None = None,
    width: float = PLOT_WIDTH,
) -> go.Figure:
    """One panel per wilayah (shared y axis): its own line, the city in grey for reference, and the target."""
    city = register.kota.kode
    codes = [c for c in dict.fromkeys(frame["kode_wilayah"]) if c != city] or [city]
    nrows, ncols = _grid(len(codes))
    fig = make_subplots(
        nrows,
        ncols,
        shared_yaxes="all",
        horizontal_spacing=0.04,
        vertical_spacing=0.32 / nrows,
        subplot_titles=_panel_titles(codes, register, lang, width / ncols),
    )
    city_rows = frame[frame["kode_wilayah"] == city]
    styles = line_styles(codes, register)
    for i, kode in enumerate(codes):
        at = {"row": i // ncols + 1, "col": i % ncols + 1}
        first = {"showlegend": i == 0}
        if kode != city and not city_rows.empty:
            fig.add_traces(
                _line(
                    city_rows,
                    city_name(register, lang),
                    city_name(register, lang),
                    ind,
                    lang,
                    line={"color": NEUTRAL, "width": 2.5},
                    legendgroup="city",
                    **first,
                ),
                **_cells(at),
            )
        if show_target and not city_rows.empty:
            fig.add_trace(_target_line(city_rows, ind, lang, legendgroup="target", **first), **at)
        rows = frame[frame["kode_wilayah"] == kode]
        name, hover_name = wilayah_names(kode, register, lang)
        fig.add_traces(
            _line(rows, name, hover_name, ind, lang, line={**styles[kode], "dash": "solid"}, showlegend=False),
            **_cells(at),
        )
    for i in range(len(codes), nrows * ncols):  # empty cells of the last row: no bare axes
        fig.update_xaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
        fig.update_yaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
    _style(fig, lang, panel_height * nrows + 110, title)
    fig.update_annotations(font_size=style.FONT + 1)
    if not frame.empty:
        tickvals, ticktext = _ticks(list(dict.fromkeys(frame["periode"])), lang, width / ncols)
        fig.update_xaxes(type="date", tickmode="array", tickvals=tickvals, ticktext=ticktext, matches="x")
    fig.update_yaxes(title_text=unit_title(ind, lang), row=(nrows + 1) // 2, col=1)
    return fig


def yoy_figure(yoy: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id") -> go.Figure:
    """Horizontal bars of the change on a year earlier, green where it improved and red where it worsened."""
    names = [wilayah_names(k, register, lang)[0] for k in yoy["kode_wilayah"]]
    unit = change_unit(ind, lang)
    period, last = (periods.display(yoy[c].iloc[0], lang) if len(yoy) else "" for c in ("periode", "periode_lalu"))
    texts = [signed(d, ind.decimals, lang) if pd.notna(d) else "—" for d in yoy["perubahan_tahunan"]]
    hover = [
        f"{n} · {period}: {with_unit(v, ind, lang)} · {last}: {with_unit(p, ind, lang)}"
        for n, v, p in zip(names, yoy["nilai"], yoy["nilai_tahun_lalu"], strict=True)
    ]
    changes = [None if pd.isna(d) else float(d) for d in yoy["perubahan_tahunan"]]
    fig = go.Figure(
        go.Bar(
            x=changes,
            y=names,
            orientation="h",
            marker_color=[ARAH_COLOURS.get(a, NEUTRAL) for a in yoy["arah_tahunan"]],
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            customdata=yoy["kode_wilayah"].tolist(),
            textfont_size=style.FONT,
        )
    )
    _style(fig, lang, 34 * len(yoy) + 110, None)
    fig.update_layout(showlegend=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(
        title_text=f"{tr('trend.change', lang)} ({unit})",
        zeroline=True,
        zerolinecolor="#374151",
        zerolinewidth=1.5,
        range=_room_for_labels([d for d in changes if d is not None]),
    )
    return fig


def _room_for_labels(changes: list[float]) -> list[float]:
    """An x range with room beside the bars for their labels, on the side(s) where bars point."""
    lo, hi = min([0.0, *changes]), max([0.0, *changes])
    span = (hi - lo) or 1.0
    room = 0.7 if lo < 0 < hi else 0.55
    return [lo - (room if lo < 0 else 0.04) * span, hi + (room if hi > 0 else 0.04) * span]
