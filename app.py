"""Ringkasan: the city's headline KPI cards for the selected period, a small map and the biggest movers."""

import streamlit as st

from charts.maps import choropleth, classify
from kpi.core import periods
from kpi.metrics.analysis import in_scope, snapshot
from kpi.metrics.targets import CAPAIAN_DECIMALS
from kpi.report import labels
from kpi.report.narrative import briefing
from ui import cache, charts, data, filters, geo
from ui import format as fmt
from ui.frame import page
from ui.i18n import lang, t

page("app_title")
catalogue, register = data.core()
f = filters.sidebar(levels=("kecamatan",))
upto = None if f.latest else f.period  # cards show the latest data unless the user went back to an earlier period

st.subheader(t("headline_title"))
cards = data.headline_cards(upto)
per_row = 3  # cards wide enough for labels and units at 1280×720 with the sidebar open
columns = [col for start in range(0, len(cards), per_row) for col in st.columns(per_row)]
for col, (indicator_id, row) in zip(columns, cards, strict=False):  # the last row may have spare columns
    ind = catalogue.get(indicator_id)
    with col:
        unit = fmt.unit_label(ind, lang())
        label = ind.text("short", lang()) + (f" ({unit})" if unit else "")
        if row is None:
            st.metric(label, t("no_data"), border=True)
            continue
        status = row["pita"] if isinstance(row["pita"], str) else row["status_target"]
        delta = fmt.change(row["perubahan"], ind, lang())
        flat = delta is None or delta.startswith("±")
        st.metric(
            label,
            fmt.short_value(row["nilai"], ind, lang()),
            delta=delta,
            delta_color="off" if flat else ("normal" if ind.higher_is_better else "inverse"),
            delta_arrow="off" if flat else "auto",
            help=f"{ind.text('definition', lang())}\n\n{t('delta_help')}",
            chart_data=row["riwayat"],
            border=True,
        )
        st.caption(
            f"{periods.display(row['periode'], lang())} · {t('target')} {fmt.value(row['target'], ind, lang())} · "
            f"{t('achievement')} {fmt.number(row['capaian'], CAPAIAN_DECIMALS, lang())}%"
        )
        st.markdown(fmt.status_badge(status, ind, catalogue, lang()))

if f.period is None:
    st.info(t("no_values"))
    st.stop()
ind = f.indicator
rows = in_scope(snapshot(data.table("kecamatan", f.grain), ind.id, f.period), register, f.kecamatan)
left, right = st.columns([3, 2])
with left:
    shown = labels.period_label(rows, f.period, lang())
    st.subheader(f"{ind.text('short', lang())} — {shown}")
    shape = geo.geojson("kecamatan", (), f.kecamatan)
    classes = classify(rows["nilai"], ind, catalogue.band_set(ind), lang=lang())
    approximate, names, language = not geo.boundaries().official, geo.label_points("kecamatan", (), f.kecamatan), lang()
    fig = cache.build(choropleth, shape, rows, ind, classes, language, approximate=approximate, height=420)
    charts.show(
        fig,
        "peta_ringkas",
        shown,
        charts.scope(f),
        export=lambda: choropleth(
            shape,
            rows,
            ind,
            classes,
            language,
            approximate=approximate,
            label_points=names,
            title=f"{ind.text('label', language)} — {shown}",
        ),
    )
with right:
    best, worst = cache.build(briefing, rows, ind, catalogue, lang())
    st.subheader(t("movers_up"))
    for text in best:
        st.markdown(f":green[:material/trending_up:] {text}")
    if not best:
        st.caption(t("movers_none"))
    st.subheader(t("movers_down"))
    for text in worst:
        st.markdown(f":red[:material/trending_down:] {text}")
    if not worst:
        st.caption(t("movers_none"))
