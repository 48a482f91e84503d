"""Perbandingan: the chosen kecamatan (or kelurahan) side by side — ranking against the target, achievement of every
indicator, the BerAKHLAK core values, and two indicators against each other sized by population."""

import logging

import streamlit as st

from charts import comparison as cmp
from kpi.metrics import comparison
from kpi.metrics.analysis import in_scope, snapshot
from kpi.report import labels
from ui import cache, charts, data, filters, state
from ui.frame import page
from ui.i18n import labeller, lang, t

logger = logging.getLogger(__name__)

page("banding_title")
catalogue, register = data.core()
f = filters.sidebar(levels=("kecamatan", "kelurahan"))
codes = comparison.kecamatan_codes(register, f.kecamatan)


def ranking() -> None:
    """The chosen indicator and period: one bar per wilayah, best first, with the target and the city's value."""
    if f.period is None:
        st.info(t("no_values"))
        return
    rows = in_scope(
        snapshot(data.table(f.level, f.grain), f.indicator.id, f.period), register, f.kecamatan, f.kelurahan
    )
    if not comparison.has_values(rows):
        st.info(t("no_values"))
        return
    city = comparison.value_at(data.table("kota", f.grain), f.indicator.id, f.period)
    shown = labels.period_label(rows, f.period, lang())
    title = f"{f.indicator.text('label', lang())} — {shown}"
    charts.show(
        cache.build(cmp.ranking_figure, rows, f.indicator, register, lang(), city=city, title=title),
        "banding_peringkat",
        shown,
        charts.scope(f),
    )
    st.caption(t("banding_ranking_note"))


def heatmap() -> None:
    """Kecamatan × indicator, coloured by achievement, each indicator at its own latest period."""
    latest, matrix, values = data.achievement_grid(
        None if f.category == filters.ALL else f.category, f.grain, tuple(codes)
    )
    if not comparison.has_values(matrix):
        st.info(t("banding_no_heatmap"))
        return
    charts.show(
        cache.build(
            cmp.heatmap_figure,
            matrix,
            catalogue,
            latest,
            register,
            lang(),
            values=values,
            title=t("banding_heatmap_title"),
        ),
        "banding_capaian",
        t("png_period_latest"),
        charts.scope(f, "kecamatan"),
    )
    st.caption(t("banding_heatmap_note"))


def radar() -> None:
    """The seven BerAKHLAK core values of each kecamatan and of the city, latest year."""
    kecamatan, kota = data.table("kecamatan", "year"), data.table("kota", "year")
    year = comparison.radar_period(kecamatan, catalogue)
    rows = comparison.berakhlak_rows([kecamatan, kota], catalogue, year) if year else None
    if not comparison.has_values(rows):
        st.info(t("banding_no_berakhlak"))
        return
    fig = cache.build(
        cmp.radar_figure, rows, catalogue, register, lang(), codes, title=t("banding_radar_title").format(year=year)
    )
    charts.show(fig, "banding_radar", str(year), charts.scope(f, "kecamatan"))
    start = fig.layout.polar.radialaxis.range[0]
    st.caption(t("banding_radar_note").format(start=f"{start:.0f}"))


def scatter() -> None:
    """Two chosen indicators by year, one point per kecamatan sized by the sample's population."""
    short = labeller(lambda i, lg: catalogue.get(i).text("short", lg))
    left, right = st.columns(2)
    x_default, y_default = comparison.scatter_defaults(catalogue)
    with left:
        x_id = state.choice(st.selectbox, t("banding_x"), "banding_x", catalogue.ids, x_default, short)
    with right:
        y_id = state.choice(st.selectbox, t("banding_y"), "banding_y", catalogue.ids, y_default, short)
    table = data.table("kecamatan", "year")
    year = comparison.common_period(table, x_id, y_id)
    if year is None:
        st.info(t("banding_no_common"))
        return
    x_rows, y_rows = (in_scope(snapshot(table, i, year), register, f.kecamatan) for i in (x_id, y_id))
    x_ind, y_ind = catalogue.get(x_id), catalogue.get(y_id)
    population = comparison.kecamatan_population(comparison.load_population(), register, int(year))
    title = t("banding_scatter_title").format(x=short(x_id), y=short(y_id), year=year)
    charts.show(
        cache.build(cmp.scatter_figure, x_rows, y_rows, x_ind, y_ind, population, register, lang(), title=title),
        "banding_sebaran",
        str(year),
        charts.scope(f, "kecamatan"),
    )
    st.caption(
        t("banding_scatter_note").format(
            x_period=labels.period_label(x_rows, year, lang()),
            y_period=labels.period_label(y_rows, year, lang()),
            pop_year=population.name,
        )
    )


def show(view) -> None:
    """Draw one view; a failure shows a short message in its tab and leaves the other views working."""
    try:
        view()
    except Exception:
        logger.exception("Perbandingan: drawing the %s view failed", view.__name__)
        st.error(t("banding_view_failed"))


tabs = st.tabs([t("banding_tab_ranking"), t("banding_tab_heatmap"), t("banding_tab_radar"), t("banding_tab_scatter")])
for tab, view in zip(tabs, (ranking, heatmap, radar, scatter), strict=True):
    with tab:
        show(view)
