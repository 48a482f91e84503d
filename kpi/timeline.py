"""Time series of one indicator: a line per wilayah with the city and the target, small multiples, and the change
against the same period a year earlier. Missing periods stay in the frame as NaN, so lines break instead of
dropping to zero."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.report.numfmt import number, signed, with_unit
from kpi.palette import CITY, NEUTRAL, TARGET, colour_of
from kpi.core.wilayah import Register

COLUMNS = ["kode_wilayah", "nama_wilayah", "tingkat", "periode", "tanggal", "nilai", "target"]
YOY_COLUMNS = ["kode_wilayah", "nama_wilayah", "tingkat", "periode", "periode_lalu", "nilai", "nilai_tahun_lalu",
               "perubahan_tahunan", "arah_tahunan"]
FONT = 14            # readable when the screen is shared at 1280×720
PLOT_WIDTH = 880     # px of the plot area beside an open sidebar at 1280 wide: decides how many ticks fit
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
ARAH_COLOURS = {"membaik": "#1B7F3B", "memburuk": "#C0392B", "tetap": NEUTRAL}
_TICK_STEPS = {"month": (1, 2, 3, 6, 12, 24, 36), "quarter": (1, 2, 4, 8, 12), "semester": (1, 2, 4, 6, 10),
               "year": (1, 2, 5, 10)}
_PER_YEAR = {"month": 12, "quarter": 4, "semester": 2, "year": 1}
WORDS = {
    "id": {"target": "Target", "city": "Kota {name}", "percent": "Persen (%)", "points": "poin",
           "wilayah": "Wilayah", "change": "Perubahan", "direction": "Arah",
           "arah": {"membaik": "Membaik", "memburuk": "Memburuk", "tetap": "Tetap"},
           "units": "Nilai dalam {unit}, perubahan dalam {change}."},
    "en": {"target": "Target", "city": "{name} (city)", "percent": "Percent (%)", "points": "pts",
           "wilayah": "Area", "change": "Change", "direction": "Direction",
           "arah": {"membaik": "Improved", "memburuk": "Worsened", "tetap": "Unchanged"},
           "units": "Values in {unit}, changes in {change}."},
}


def lines_for(register: Register, level: str, kecamatan=(), kelurahan=()) -> tuple[list[str], str | None]:
    """The wilayah drawn as lines besides the city, and the kecamatan they were limited to when nothing was chosen.

    Kelurahan are drawn for the chosen kelurahan, else the kelurahan of the chosen kecamatan, else those of the
    first kecamatan only (54 lines are unreadable), which is returned so the page can say so."""
    if level == "kota":
        return [], None
    if level == "kecamatan":
        return list(kecamatan) or [u.kode for u in register.level("kecamatan")], None
    if kelurahan:
        return list(kelurahan), None
    limited = None if kecamatan else register.level("kecamatan")[0].kode
    parents = list(kecamatan) or [limited]
    return [u.kode for u in register.level("kelurahan") if u.kode_induk in parents], limited


def series(table_level: pd.DataFrame, table_kota: pd.DataFrame, ind: Indicator, codes) -> pd.DataFrame:
    """Long frame of the chosen wilayah and the city: one row per wilayah and period from the first to the last
    period with data (missing ones as NaN rows), with the period's end date and target, sorted by wilayah, date."""
    keep = ["kode_wilayah", "nama_wilayah", "tingkat", "periode", "periode_akhir", "nilai"]
    city = table_kota[table_kota["indikator"] == ind.id]
    own = table_level[(table_level["indikator"] == ind.id) & table_level["kode_wilayah"].isin(list(codes))
                      & (table_level["tingkat"] != "kota")]
    rows = pd.concat([own[keep], city[keep]], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    present = set(rows["kode_wilayah"])
    order = [c for c in dict.fromkeys(codes) if c in present] + list(dict.fromkeys(city["kode_wilayah"]))
    labels = sorted(rows["periode"].unique(), key=periods.end_date)
    labels = periods.period_range(labels[0], labels[-1])
    grid = pd.MultiIndex.from_product([order, labels], names=["kode_wilayah", "periode"]).to_frame(index=False)
    out = grid.merge(rows, on=["kode_wilayah", "periode"], how="left", validate="one_to_one")
    first = rows.drop_duplicates("kode_wilayah").set_index("kode_wilayah")
    out["nama_wilayah"] = out["kode_wilayah"].map(first["nama_wilayah"])
    out["tingkat"] = out["kode_wilayah"].map(first["tingkat"])
    out["tanggal"] = pd.to_datetime(out["periode"].map(periods.end_date))
    out["target"] = out["periode"].map(_targets(city, ind, labels)).astype(float)
    return out[COLUMNS]


def _targets(city: pd.DataFrame, ind: Indicator, labels: list[str]) -> dict[str, float]:
    """The target per period; a cumulative target is read at the city's last reported month, as the table does."""
    last = city.dropna(subset=["periode_akhir"]).set_index("periode")["periode_akhir"].to_dict()
    targets = {p: ind.target_for(str(last.get(p, p))) for p in labels}
    return {p: math.nan if v is None else float(v) for p, v in targets.items()}


def city_name(register: Register, lang: str = "id") -> str:
    """'Kota Tangerang Selatan' / 'Tangerang Selatan (city)'."""
    name = register.kota.nama
    return name if name.lower().startswith("kota ") else WORDS[lang]["city"].format(name=name)


def _names(kode: str, register: Register, lang: str) -> tuple[str, str]:
    """(legend name, hover name) of a wilayah: ('Setu', 'Kecamatan Setu'); the city is named in full in both."""
    if kode == register.kota.kode:
        return city_name(register, lang), city_name(register, lang)
    return register.name(kode), register.display_name(kode, lang)


def _hover(name: str, rows: pd.DataFrame, values: pd.Series, ind: Indicator, lang: str) -> list[str]:
    """'Kecamatan Setu · Okt 2026: 76,3%' for each period."""
    return [f"{name} · {periods.display(p, lang)}: {with_unit(v, ind, lang)}" for p, v in zip(rows["periode"], values)]


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
    alone = [ok and not (i > 0 and present[i - 1]) and not (i + 1 < len(present) and present[i + 1])
             for i, ok in enumerate(present)]
    return [7 if a else 0 for a in alone]


def _line(rows: pd.DataFrame, name: str, hover_name: str, ind: Indicator, lang: str, **style) -> go.Scatter:
    """One wilayah's line, broken where a period is missing."""
    return go.Scatter(**_xy(rows), name=name, mode="lines+markers", connectgaps=False,
                      marker={"size": marker_sizes(rows["nilai"])},
                      hovertext=_hover(hover_name, rows, rows["nilai"], ind, lang), hoverinfo="text", **style)


def _target_line(rows: pd.DataFrame, ind: Indicator, lang: str, **style) -> go.Scatter:
    """The target as a grey dashed step: each period's target holds over the period that ends at its point."""
    name = WORDS[lang]["target"]
    return go.Scatter(**_xy(rows, "target"), name=name, mode="lines", line_shape="vh", connectgaps=False,
                      line={"color": TARGET, "dash": "dash", "width": 2}, hoverinfo="text",
                      hovertext=_hover(name, rows, rows["target"], ind, lang), **style)


def _shade(colour: str, amount: float) -> str:
    """The colour mixed with black (amount < 0) or white (amount > 0)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
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
            styles[kode] = {"color": _shade(colour_of(parent, register), amount), "dash": DASHES[i % len(DASHES)],
                            "width": 2.2}
    styles[register.kota.kode] = {"color": CITY, "dash": "solid", "width": 4.5}
    return styles


def _ticks(labels: list[str], lang: str, width: float) -> tuple[list[str], list[str]]:
    """Tick positions (end dates) and texts from periods.display, thinned to whole years or halves so they fit."""
    grain = periods.grain_of(labels[0])
    texts = [periods.display(p, lang) for p in labels]
    if max(len(x) for x in texts) > 9:
        texts = ["<br>".join(x.rsplit(" ", 1)) for x in texts]   # 'Triwulan III<br>2026': narrower
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
    return WORDS[lang]["percent"] if unit == "%" else unit


def _style(fig: go.Figure, lang: str, height: int, title: str | None) -> go.Figure:
    """Fonts ≥ 14 px, number separators of the language, legend at the bottom."""
    fig.update_layout(
        height=height, template="plotly_white", font={"size": FONT}, separators=",." if lang == "id" else ".,",
        hovermode="closest", hoverlabel={"font_size": FONT}, margin={"l": 10, "r": 20, "t": 60 if title else 30,
                                                                       "b": 10},
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": FONT + 3}} if title else None,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "bottom", "yref": "container",
                "font": {"size": FONT}, "title": None},
    )
    fig.update_xaxes(tickfont_size=FONT, showgrid=True, gridcolor="#E5E7EB", automargin=True)
    fig.update_yaxes(tickfont_size=FONT, title_font_size=FONT, gridcolor="#E5E7EB", zeroline=False, automargin=True)
    return fig


def trend_figure(frame: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id", show_target: bool = True,
                 height: int = 470, title: str | None = None, width: float = PLOT_WIDTH) -> go.Figure:
    """One line per wilayah in its palette colour, the city as a thick near-black line, the target grey dashed."""
    fig = go.Figure()
    codes = list(dict.fromkeys(frame["kode_wilayah"]))
    styles = line_styles(codes, register)
    for kode in codes:
        rows = frame[frame["kode_wilayah"] == kode]
        name, hover_name = _names(kode, register, lang)
        fig.add_trace(_line(rows, name, hover_name, ind, lang, line=styles[kode]))
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
    full = [_names(c, register, lang)[1] for c in codes]
    return full if max(len(n) for n in full) * 8.5 <= width else [_names(c, register, lang)[0] for c in codes]


def small_multiples(frame: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id",
                    show_target: bool = True, panel_height: int = 230, title: str | None = None,
                    width: float = PLOT_WIDTH) -> go.Figure:
    """One panel per wilayah (shared y axis): its own line, the city in grey for reference, and the target."""
    city = register.kota.kode
    codes = [c for c in dict.fromkeys(frame["kode_wilayah"]) if c != city] or [city]
    nrows, ncols = _grid(len(codes))
    fig = make_subplots(nrows, ncols, shared_yaxes="all", horizontal_spacing=0.04, vertical_spacing=0.32 / nrows,
                        subplot_titles=_panel_titles(codes, register, lang, width / ncols))
    city_rows = frame[frame["kode_wilayah"] == city]
    styles = line_styles(codes, register)
    for i, kode in enumerate(codes):
        at = {"row": i // ncols + 1, "col": i % ncols + 1}
        first = {"showlegend": i == 0}
        if kode != city and not city_rows.empty:
            fig.add_trace(_line(city_rows, city_name(register, lang), city_name(register, lang), ind, lang,
                                line={"color": NEUTRAL, "width": 2.5}, legendgroup="city", **first), **at)
        if show_target and not city_rows.empty:
            fig.add_trace(_target_line(city_rows, ind, lang, legendgroup="target", **first), **at)
        rows = frame[frame["kode_wilayah"] == kode]
        name, hover_name = _names(kode, register, lang)
        fig.add_trace(_line(rows, name, hover_name, ind, lang, line={**styles[kode], "dash": "solid"},
                            showlegend=False), **at)
    for i in range(len(codes), nrows * ncols):   # empty cells of the last row: no bare axes
        fig.update_xaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
        fig.update_yaxes(visible=False, row=i // ncols + 1, col=i % ncols + 1)
    _style(fig, lang, panel_height * nrows + 110, title)
    fig.update_annotations(font_size=FONT + 1)
    if not frame.empty:
        tickvals, ticktext = _ticks(list(dict.fromkeys(frame["periode"])), lang, width / ncols)
        fig.update_xaxes(type="date", tickmode="array", tickvals=tickvals, ticktext=ticktext, matches="x")
    fig.update_yaxes(title_text=unit_title(ind, lang), row=(nrows + 1) // 2, col=1)
    return fig


def yoy_table(table_level: pd.DataFrame, table_kota: pd.DataFrame, indicator_id: str, codes, period: str) -> pd.DataFrame:
    """Per wilayah (in `codes` order, then the city) the value in `period`, a year earlier, and the change."""
    pick = (lambda t: t[(t["indikator"] == indicator_id) & (t["periode"] == period)])
    own = pick(table_level)
    own = own[own["kode_wilayah"].isin(list(codes)) & (own["tingkat"] != "kota")]
    rows = pd.concat([own, pick(table_kota)], ignore_index=True)
    order = {c: i for i, c in enumerate(dict.fromkeys([*codes, *rows["kode_wilayah"]]))}
    rows = rows.sort_values("kode_wilayah", key=lambda s: s.map(order), kind="stable")
    out = rows.assign(periode_lalu=periods.same_period_last_year(period))
    return out[YOY_COLUMNS].reset_index(drop=True)


def change_unit(ind: Indicator, lang: str) -> str:
    """The unit of a change: points for percentages ('poin' / 'pts'), else the indicator's unit."""
    return WORDS[lang]["points"] if ind.text("unit", lang) == "%" else ind.text("unit", lang)


def yoy_figure(yoy: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id") -> go.Figure:
    """Horizontal bars of the change on a year earlier, green where it improved and red where it worsened."""
    names = [_names(k, register, lang)[0] for k in yoy["kode_wilayah"]]
    unit = change_unit(ind, lang)
    period, last = (periods.display(yoy[c].iloc[0], lang) if len(yoy) else "" for c in ("periode", "periode_lalu"))
    texts = [signed(d, ind.decimals, lang) if pd.notna(d) else "—" for d in yoy["perubahan_tahunan"]]
    hover = [f"{n} · {period}: {with_unit(v, ind, lang)} · {last}: {with_unit(p, ind, lang)}"
             for n, v, p in zip(names, yoy["nilai"], yoy["nilai_tahun_lalu"])]
    changes = [None if pd.isna(d) else float(d) for d in yoy["perubahan_tahunan"]]
    fig = go.Figure(go.Bar(
        x=changes, y=names, orientation="h",
        marker_color=[ARAH_COLOURS.get(a, NEUTRAL) for a in yoy["arah_tahunan"]], text=texts, textposition="outside",
        cliponaxis=False, hovertext=hover, hoverinfo="text", customdata=yoy["kode_wilayah"].tolist(),
        textfont_size=FONT))
    _style(fig, lang, 34 * len(yoy) + 110, None)
    fig.update_layout(showlegend=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(title_text=f"{WORDS[lang]['change']} ({unit})", zeroline=True, zerolinecolor="#374151",
                     zerolinewidth=1.5, range=_room_for_labels([d for d in changes if d is not None]))
    return fig


def _room_for_labels(changes: list[float]) -> list[float]:
    """An x range with room beside the bars for their labels, on the side(s) where bars point."""
    lo, hi = min([0.0, *changes]), max([0.0, *changes])
    span = (hi - lo) or 1.0
    room = 0.7 if lo < 0 < hi else 0.55
    return [lo - (room if lo < 0 else 0.04) * span, hi + (room if hi > 0 else 0.04) * span]


def yoy_display(yoy: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id") -> pd.DataFrame:
    """The change table as text in the reader's language, the periods as column names (units: see yoy_units)."""
    words = WORDS[lang]
    period, last = (periods.display(yoy[c].iloc[0], lang) if len(yoy) else c for c in ("periode", "periode_lalu"))
    return pd.DataFrame({
        words["wilayah"]: [_names(k, register, lang)[0] for k in yoy["kode_wilayah"]],
        period: [number(v, ind.decimals, lang) for v in yoy["nilai"]],
        last: [number(v, ind.decimals, lang) for v in yoy["nilai_tahun_lalu"]],
        words["change"]: [signed(d, ind.decimals, lang) if pd.notna(d) else "—" for d in yoy["perubahan_tahunan"]],
        words["direction"]: [words["arah"].get(a, "—") if isinstance(a, str) else "—" for a in yoy["arah_tahunan"]],
    })


def yoy_units(ind: Indicator, lang: str = "id") -> str:
    """'Nilai dalam %, perubahan dalam poin.': the units of the change table, said once."""
    return WORDS[lang]["units"].format(unit=ind.text("unit", lang), change=change_unit(ind, lang))


def partial_until(table_kota: pd.DataFrame, indicator_id: str, period: str) -> str | None:
    """The last month reported when `period` is not yet complete (e.g. '2026-10' for 2026-Q4), else None."""
    rows = table_kota[(table_kota["indikator"] == indicator_id) & (table_kota["periode"] == period)]
    last = rows["periode_akhir"].dropna()
    if last.empty or periods.grain_of(period) == "month":
        return None
    until = str(last.iloc[0])
    return None if periods.end_date(until) >= periods.end_date(period) else until
