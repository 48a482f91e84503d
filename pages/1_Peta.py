"""Peta: one indicator in one period on a map of the kecamatan or kelurahan; click a kecamatan to drill in."""
import streamlit as st

from kpi import periods
from kpi.analysis import periods_with_values, snapshot
from kpi.maps import choropleth, classify, deck
from ui import data, format as fmt, geo, state
from ui.frame import page
from ui.i18n import lang, t

page("peta_title")
catalogue, register = data.core()
side = st.sidebar
ind = catalogue.get(state.choice(side.selectbox, t("indicator"), "ind", catalogue.ids, "ikm",
                                 lambda i: catalogue.get(i).text("short", lang())))
levels = ["kecamatan", "kelurahan"] if ind.level == "kelurahan" else ["kecamatan"]
level = state.choice(side.segmented_control, t("level"), "tingkat", levels, "kecamatan", str.capitalize, required=True)
table = data.table(level, ind.frequency)
options = periods_with_values(table, ind.id)
if not options:
    st.info(t("no_values"))
    st.stop()
periode = state.choice(side.selectbox, t("period"), "periode", options, options[0], lambda p: periods.display(p, lang()))
view = state.choice(side.segmented_control, t("view"), "tampilan", ["2d", "3d"], "2d", lambda v: t(f"view_{v}"), required=True)
basemap = state.choice(side.segmented_control, t("basemap"), "peta_dasar", ["offline", "online"], "offline",
                       lambda v: t(f"basemap_{v}"), required=True)

bounds = geo.boundaries()
parent = st.session_state.get("drill") if level == "kecamatan" else None
shown_level = "kelurahan" if parent else level
rows = snapshot(data.table(shown_level, ind.frequency) if parent else table, ind.id, periode, parent, register)
classes = classify(rows["nilai"], ind, catalogue.band_set(ind), lang=lang())
title = f"{ind.text('label', lang())} — {periods.display(periode, lang())}"
if parent:
    st.subheader(t("kelurahan_in").format(name=register.name(parent)))
    if st.button(t("drill_back"), icon=":material/arrow_back:"):
        del st.session_state["drill"]
        st.rerun()
shape = geo.geojson(shown_level, parent)
if view == "2d":
    # Offline, MapLibre has no glyphs to draw text with (and reports a map error): names show on hover,
    # in the table below and in the 3D view; the online basemap brings glyphs, so labels are drawn there.
    labels = geo.label_points(shown_level, parent) if basemap == "online" else None
    fig = choropleth(shape, rows, ind, classes, lang(), basemap, approximate=not bounds.official,
                     label_points=labels, title=title)
    event = st.plotly_chart(fig, key="peta", on_select="rerun", selection_mode="points",
                            config={"displaylogo": False, "scrollZoom": True})
    picked = [p.get("location") for p in (event.selection.points if event else [])]
    if level == "kecamatan" and not parent and picked and picked[0] in register:
        st.session_state["drill"] = picked[0]
        st.rerun()
    if level == "kecamatan" and not parent:
        st.caption(t("drill_hint"))
else:
    st.markdown(f"**{title}**")
    names = geo.label_points(shown_level, parent)
    st.pydeck_chart(deck(shape, rows, ind, classes, lang(), extruded=True, approximate=not bounds.official,
                         label_points=names if len(names) <= 12 else None), height=560)
if bounds.official:
    prov = bounds.provenance or {}
    st.caption(t("official").format(source=prov.get("source", "?"), date=str(prov.get("installed_at", "?"))[:10]))
else:
    st.warning(t("approximate"), icon=":material/info:")
st.dataframe(fmt.ranking_table(rows, ind, catalogue, lang()), hide_index=True, width="stretch")
