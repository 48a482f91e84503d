"""Wilayah side by side as figures: ranking bars against the target, a kecamatan × indicator achievement heatmap,
the BerAKHLAK radar and a scatter of two indicators sized by population. Frames in, plotly figures out."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.palette import CITY, TARGET, colour_of
from kpi.core import periods
from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.metrics.comparison import berakhlak_ids, kecamatan_codes, ranking_order
from kpi.metrics.targets import CAPAIAN_DECIMALS
from kpi.report.labels import city_name
from kpi.report.numfmt import number, short_value, with_unit

HEATMAP_SCALE = "RdBu"  # ColorBrewer diverging, colour-blind safe: red below target, blue above, white at 100 %
NO_VALUE = "–"
MAX_BUBBLE = 70  # px diameter of the most populous kecamatan


def _layout(fig: go.Figure, lang: str, height: int, title: str | None, **margin: int) -> go.Figure:
    """The shared look (charts.style), with room for a two-line title."""
    return style.base_layout(fig, lang, height, title, **{"t": 90 if title else 40, "b": 20, **margin})


def axis_title(ind: Indicator, lang: str = "id") -> str:
    """'Layanan daring (%)', 'IKM (poin)'."""
    return f"{ind.text('short', lang)} ({ind.text('unit', lang)})"


# --- ranking -------------------------------------------------------------------------------------------------------


def _bar_hover(rows: pd.DataFrame, ind: Indicator, lang: str) -> list[str]:
    out = []
    for r in rows.itertuples():
        lines = [f"<b>{r.nama_wilayah}</b>", f"{ind.text('short', lang)}: {with_unit(r.nilai, ind, lang)}"]
        if pd.notna(getattr(r, "target", None)):
            lines += [
                f"{tr('target', lang)}: {with_unit(r.target, ind, lang)}",
                f"{tr('achievement', lang)}: {number(r.capaian, CAPAIAN_DECIMALS, lang)}%",
            ]
        if pd.notna(getattr(r, "peringkat", None)) and pd.notna(getattr(r, "peringkat_dari", None)):
            lines.append(tr("comparison.rank", lang, p=int(r.peringkat), n=int(r.peringkat_dari)))
        out.append("<br>".join(lines))
    return out


def _reference(fig: go.Figure, x: float, name: str, colour: str, dash: str) -> None:
    """A vertical line across the plot, named in the legend (so its label never covers a bar or a value)."""
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        xref="x",
        y0=0,
        y1=1,
        yref="paper",
        layer="above",
        name=name,
        showlegend=True,
        line={"color": colour, "width": 2, "dash": dash},
    )


def ranking_figure(
    rows: pd.DataFrame,
    ind: Indicator,
    register: Register,
    lang: str = "id",
    city: float | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars best first in kecamatan colours, a value column, a dashed target line and the city line."""
    order = ranking_order(rows, ind)
    kec = order["kode_wilayah"].map(lambda k: register.ancestor(k, "kecamatan"))
    labels = [short_value(v, ind, lang) for v in order["nilai"]]
    fig = go.Figure()
    for kode in dict.fromkeys(kec):
        part = order[kec == kode]
        fig.add_bar(
            x=part["nilai"],
            y=part["nama_wilayah"],
            orientation="h",
            name=register.name(kode),
            marker_color=colour_of(kode, register),
            customdata=part["kode_wilayah"],
            hovertext=_bar_hover(part, ind, lang),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=bool(order["tingkat"].eq("kelurahan").any()),
        )
    for name, text in zip(order["nama_wilayah"], labels, strict=True):  # the values as a column right of the plot
        fig.add_annotation(
            x=1,
            xref="paper",
            xanchor="left",
            xshift=8,
            y=name,
            yref="y",
            text=text,
            showarrow=False,
            font={"size": style.FONT, "color": style.INK},
        )
    targets = order["target"].dropna() if "target" in order else pd.Series(dtype=float)
    target = float(targets.iloc[0]) if len(targets) else None
    if target is not None:
        _reference(fig, target, f"{tr('target', lang)} {short_value(target, ind, lang)}", TARGET, "dash")
    if city is not None:
        name = city_name(register, lang)
        _reference(fig, city, f"{name} {short_value(city, ind, lang)}", CITY, "dot")
    top = max([*order["nilai"], target or 0, city or 0, 0])
    fig.update_xaxes(
        range=[0, top * 1.04 or 1],
        title={"text": axis_title(ind, lang)},
        gridcolor="#e5e7eb",
        zeroline=True,
        zerolinecolor="#9ca3af",
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(order["nama_wilayah"]), autorange="reversed", title=None)
    fig.update_layout(
        barmode="overlay",
        bargap=0.25,
        showlegend=True,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.01, "yanchor": "bottom"},
    )
    return _layout(fig, lang, max(340, 170 + 30 * len(order)), title, r=90, t=120 if title else 70)


# --- achievement heatmap -------------------------------------------------------------------------------------------


def _column_label(ind: Indicator, period: str, lang: str) -> str:
    return f"{ind.text('short', lang)}<br><i>{periods.display(period, lang)}</i>"


def heatmap_figure(
    matrix: pd.DataFrame,
    catalogue: Catalogue,
    period_by_indicator: Mapping[str, str],
    register: Register,
    lang: str = "id",
    values: pd.DataFrame | None = None,
    title: str | None = None,
) -> go.Figure:
    """Rows kecamatan, columns indicators at their periods, colour = capaian on a diverging scale centred at 100 %."""
    inds = [catalogue.get(i) for i in matrix.columns]
    names = [register.name(k) for k in matrix.index]
    z = matrix.to_numpy(dtype=float)
    text = [[NO_VALUE if math.isnan(v) else f"{number(v, 1, lang)}%" for v in row] for row in z]
    shown = values.reindex_like(matrix).to_numpy(dtype=float) if values is not None else np.full_like(z, np.nan)
    hover = [
        [
            f"<b>{n}</b><br>{ind.text('label', lang)}<br>{periods.display(period_by_indicator[ind.id], lang)}<br>"
            f"{tr('col_value', lang)}: {with_unit(v, ind, lang)}<br>{tr('achievement', lang)}: {c}"
            for ind, v, c in zip(inds, vrow, trow, strict=True)
        ]
        for n, vrow, trow in zip(names, shown, text, strict=True)
    ]
    finite = z[np.isfinite(z)]
    span = float(min(50, max(10, math.ceil(np.abs(finite - 100).max() / 10) * 10))) if finite.size else 10.0
    ticks = [100 - span, 100 - span / 2, 100, 100 + span / 2, 100 + span]
    fig = go.Figure(
        go.Heatmap(
            z=np.where(np.isfinite(z), z, None).tolist(),
            x=[_column_label(i, period_by_indicator[i.id], lang) for i in inds],
            y=names,
            text=text,
            texttemplate="%{text}",
            textfont={"size": style.FONT},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=HEATMAP_SCALE,
            zmid=100,
            zmin=100 - span,
            zmax=100 + span,
            xgap=2,
            ygap=2,
            hoverongaps=False,
            colorbar={
                "title": {"text": f"{tr('achievement', lang)} (%)", "font": {"size": style.FONT}, "side": "top"},
                "tickvals": ticks,
                "ticktext": [f"{number(v, 0, lang)}%" for v in ticks],
                "tickfont": {"size": style.FONT},
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": -0.04,
                "yanchor": "top",
                "len": 0.5,
                "thickness": 14,
            },
        )
    )
    fig.update_xaxes(side="top", tickangle=-40, showgrid=False, automargin=True)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    _layout(fig, lang, 290 + 48 * len(names), title, t=60 if title else 20, b=90)  # automargin fits the labels
    return fig.update_layout(plot_bgcolor="#f3f4f6")  # the grey of an empty cell


# --- BerAKHLAK radar -----------------------------------------------------------------------------------------------


def radar_figure(
    rows: pd.DataFrame,
    catalogue: Catalogue,
    register: Register,
    lang: str = "id",
    codes: Sequence[str] = (),
    title: str | None = None,
) -> go.Figure:
    """One closed Scatterpolar per kecamatan in its colour, the values in B-e-r-A-K-H-L-A-K order; the city dashed."""
    ids = berakhlak_ids(catalogue)
    theta = [catalogue.berakhlak[i.removeprefix("berakhlak_")][lang] for i in ids]
    wide = rows.set_index(["kode_wilayah", "indikator"])["nilai"].unstack().reindex(columns=ids)
    kota = register.kota.kode
    shown = [k for k in [*kecamatan_codes(register, codes), kota] if k in wide.index and wide.loc[k].notna().any()]
    fig = go.Figure()
    for kode in shown:
        r = wide.loc[kode].tolist()
        city = kode == kota
        name = city_name(register, lang) if city else register.name(kode)
        hover = [f"<b>{name}</b><br>{th}: {number(v, 2, lang)}" for th, v in zip(theta, r, strict=True)]
        fig.add_scatterpolar(
            r=[*r, r[0]],
            theta=[*theta, theta[0]],
            name=name,
            mode="lines+markers",
            line={
                "color": CITY if city else colour_of(kode, register),
                "width": 3 if city else 2,
                "dash": "dash" if city else "solid",
            },
            marker={"size": 7},
            customdata=[kode] * (len(r) + 1),
            hovertext=[*hover, hover[0]],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    values = wide.loc[shown].to_numpy(dtype=float) if shown else np.array([])
    lo, hi = radial_range(values)
    between = 90 - 180 / len(ids)  # the radial ticks run between the first two spokes, clear of their labels
    fig.update_polars(
        radialaxis={
            "range": [lo, hi],
            "tickfont": {"size": style.FONT, "color": style.INK},
            "angle": between,
            "tickangle": between,
            "gridcolor": "#d1d5db",
        },
        angularaxis={
            "tickfont": {"size": style.FONT, "color": style.INK},
            "direction": "clockwise",
            "rotation": 90,
            "gridcolor": "#d1d5db",
        },
        bgcolor="white",
    )
    fig.update_layout(legend={"font": {"size": style.FONT}, "x": 1.02, "y": 1})
    return _layout(fig, lang, 560, title, l=90, r=30, b=50, t=110 if title else 70)


def radial_range(values: np.ndarray) -> tuple[float, float]:
    """A radial axis from a round number below the smallest value to one above the largest (0–100 at most)."""
    finite = values[np.isfinite(values)] if values.size else values
    if finite.size == 0:
        return 0.0, 100.0
    lo = max(0.0, math.floor((finite.min() - 5) / 10) * 10)
    hi = min(100.0, math.ceil((finite.max() + 2) / 5) * 5)
    return lo, max(hi, lo + 10)


# --- scatter of two indicators -------------------------------------------------------------------------------------


def scatter_figure(
    x_rows: pd.DataFrame,
    y_rows: pd.DataFrame,
    x_ind: Indicator,
    y_ind: Indicator,
    population: pd.Series,
    register: Register,
    lang: str = "id",
    title: str | None = None,
) -> go.Figure:
    """One marker per kecamatan (area ∝ population, palette colour, name label), dashed target lines on both axes."""
    kec = [u.kode for u in register.level("kecamatan")]
    x = x_rows[x_rows["kode_wilayah"].isin(kec)].set_index("kode_wilayah")["nilai"]
    y = y_rows[y_rows["kode_wilayah"].isin(kec)].set_index("kode_wilayah")["nilai"]
    frame = pd.DataFrame({"x": x, "y": y}).dropna().join(population.rename("penduduk"))
    frame = frame.reindex([k for k in kec if k in frame.index])
    sizeref = 2 * frame["penduduk"].max() / MAX_BUBBLE**2 if frame["penduduk"].notna().any() else 1
    fig = go.Figure()
    for kode, r in frame.iterrows():
        name = register.name(kode)
        hover = (
            f"<b>{name}</b><br>{x_ind.text('short', lang)}: {with_unit(r.x, x_ind, lang)}<br>"
            f"{y_ind.text('short', lang)}: {with_unit(r.y, y_ind, lang)}<br>{tr('comparison.population', lang)}: {number(r.penduduk, 0, lang)}"
        )
        fig.add_scatter(
            x=[r.x],
            y=[r.y],
            mode="markers+text",
            name=name,
            text=[name],
            textposition="top center",
            textfont={"size": style.FONT, "color": style.INK},
            cliponaxis=False,
            customdata=[kode],
            hovertext=[hover],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "size": [0 if pd.isna(r.penduduk) else r.penduduk],
                "sizemode": "area",
                "sizeref": sizeref,
                "sizemin": 6,
                "color": colour_of(kode, register),
                "opacity": 0.85,
                "line": {"color": "white", "width": 1},
            },
        )
    for axis, rows, ind in (("x", x_rows, x_ind), ("y", y_rows, y_ind)):
        target = rows["target"].dropna() if "target" in rows else pd.Series(dtype=float)
        if len(target):
            label = f"{tr('target', lang)} {short_value(target.iloc[0], ind, lang)}"
            line = {"color": TARGET, "width": 2, "dash": "dash"}
            if axis == "x":
                fig.add_vline(
                    x=float(target.iloc[0]),
                    line=line,
                    annotation_text=label,
                    annotation_position="top right",
                    annotation_font={"size": style.FONT, "color": TARGET},
                )
            else:
                fig.add_hline(
                    y=float(target.iloc[0]),
                    line=line,
                    annotation_text=label,
                    annotation_position="bottom right",
                    annotation_font={"size": style.FONT, "color": TARGET},
                )
    fig.update_xaxes(title={"text": axis_title(x_ind, lang)}, gridcolor="#e5e7eb")
    fig.update_yaxes(title={"text": axis_title(y_ind, lang)}, gridcolor="#e5e7eb")
    fig.update_layout(showlegend=False)
    return _layout(fig, lang, 540, title, l=20, r=30, b=30)
