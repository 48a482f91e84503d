"""Peta: one indicator in one period on a map of the kecamatan or kelurahan; click a kecamatan to drill in."""

import streamlit as st

from charts.maps import choropleth, classify, deck
from kpi.metrics.analysis import in_scope, snapshot
from kpi.report import labels
from ui import cache, charts, data, filters, geo, state
from ui import format as fmt
from ui.frame import page
from ui.i18n import labeller, lang, t

page("peta_title")
catalogue, register = data.core()
f = filters.sidebar(levels=("kecamatan", "kelurahan"))
view = state.choice(
    st.sidebar.segmented_control,
    t("view"),
    "tampilan",
    ["2d", "3d"],
    "2d",
    labeller(lambda v, lg: t(f"view_{v}", lg)),
    required=True,
)
basemap = state.choice(
    st.sidebar.segmented_control,
    t("basemap"),
    "peta_dasar",
    ["offline", "online"],
    "offline",
    labeller(lambda v, lg: t(f"basemap_{v}", lg)),
    required=True,
)
if f.period is None:
    st.info(t("no_values"))
    st.stop()

ind, bounds = f.indicator, geo.boundaries()
rows = in_scope(snapshot(data.table(f.level, f.grain), ind.id, f.period), register, f.kecamatan, f.kelurahan)
parents = f.kecamatan if f.level == "kelurahan" else ()
codes = f.kelurahan if f.level == "kelurahan" else f.kecamatan
shape = geo.geojson(f.level, parents, codes)
names = geo.label_points(f.level, parents, codes)
classes = classify(rows["nilai"], ind, catalogue.band_set(ind), lang=lang())
shown, language, approximate = labels.period_label(rows, f.period, lang()), lang(), not bounds.official
title = f"{ind.text('label', language)} — {shown}"


def _printable():
    """The 2D map for the slide PNG, with the names: kaleido draws them on the offline style."""
    return choropleth(shape, rows, ind, classes, language, approximate=approximate, label_points=names, title=title)


if view == "2d":
    # Offline, MapLibre has no glyphs to draw text with (it reports a map error): names show on hover, in the
    # table below and in the 3D view; the online basemap brings glyphs, so labels are drawn there.
    fig = cache.build(
        choropleth,
        shape,
        rows,
        ind,
        classes,
        lang(),
        basemap,
        approximate=not bounds.official,
        label_points=names if basemap == "online" else None,
        title=title,
    )
    event = charts.show(
        fig,
        "peta",
        shown,
        charts.scope(f),
        export=_printable,
        on_select="rerun",
        selection_mode="points",
        config={"scrollZoom": True},
    )
    picked = [p.get("location") for p in (event.selection.points if event else [])]
    if f.level == "kecamatan" and picked and picked[0] in register:
        state.set_next("tingkat", "kelurahan")
        state.set_next("kecamatan", [picked[0]])
        st.rerun()
    if f.level == "kecamatan":
        st.caption(t("drill_hint"))
else:
    st.markdown(f"**{title}**")
    st.pydeck_chart(
        cache.build(
            deck,
            shape,
            rows,
            ind,
            classes,
            lang(),
            extruded=True,
            approximate=not bounds.official,
            label_points=names if len(names) <= 12 else None,
        ),
        height=560,
    )
    charts.png_button(_printable, "peta", shown, charts.scope(f), help_key="png_help_map3d")
if bounds.official:
    prov = bounds.provenance or {}
    st.caption(t("official").format(source=prov.get("source", "?"), date=str(prov.get("installed_at", "?"))[:10]))
else:
    st.warning(t("approximate"), icon=":material/info:")
st.dataframe(fmt.ranking_table(rows, ind, catalogue, lang()), hide_index=True, width="stretch")
