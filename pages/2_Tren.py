"""Tren: the whole history of one indicator, a line per kecamatan (or kelurahan) with the city and the target, and the
change against the same period a year earlier."""

import streamlit as st

from charts import trend
from kpi.core import periods
from kpi.metrics import series
from kpi.report import trend as trend_text
from ui import cache, charts, data, filters, state
from ui.frame import page
from ui.i18n import labeller, lang, t

page("tren_title")
register = data.core()[1]
f = filters.sidebar(levels=("kota", "kecamatan", "kelurahan"))
view = state.choice(
    st.sidebar.segmented_control,
    t("tren_view"),
    "tren_tampilan",
    ["gabungan", "panel"],
    "gabungan",
    labeller(lambda v, lg: t(f"tren_view_{v}", lg)),
    required=True,
)

ind = f.indicator
table_kota = data.table("kota", f.grain)
codes, limited_to = series.lines_for(register, f.level, f.kecamatan, f.kelurahan)
frame = data.trend_series(f.level, f.grain, ind.id, tuple(codes))
if f.period is None or frame["nilai"].isna().all():
    st.info(t("tren_no_data"))
    st.stop()
if limited_to:
    st.info(t("tren_limited").format(name=register.name(limited_to)), icon=":material/filter_alt:")

title = ind.text("label", lang())
if view == "gabungan":
    fig = cache.build(trend.trend_figure, frame, ind, register, lang(), title=title)
else:
    fig = cache.build(trend.small_multiples, frame, ind, register, lang(), title=title)
known = frame.loc[frame["nilai"].notna(), "periode"]
history = t("png_period_history").format(
    first=periods.display(min(known, key=periods.end_date), lang()),
    last=periods.display(max(known, key=periods.end_date), lang()),
)
charts.show(fig, "tren", history, charts.scope(f))
st.caption(
    " ".join(filter(None, (t("tren_gaps").format(what=t(f"grain_{f.grain}")), trend_text.partial_note(frame, lang()))))
)

st.subheader(t("tren_yoy_title"))
now, then = (periods.display(p, lang()) for p in (f.period, periods.same_period_last_year(f.period)))
until = series.partial_until(table_kota, ind.id, f.period)
partial = " " + t("tren_partial").format(period=now, until=periods.display(until, lang())) if until else ""
st.caption(t("tren_yoy_caption").format(now=now, then=then) + " " + trend_text.yoy_units(ind, lang()) + partial)
yoy = data.trend_yoy(f.level, f.grain, ind.id, tuple(codes), f.period)
bars, numbers = st.columns([5, 6])
with bars:
    charts.show(
        cache.build(trend.yoy_figure, yoy, ind, register, lang()),
        "tren_yoy",
        t("png_period_yoy").format(now=now, then=then),
        charts.scope(f),
        title=f"{t('tren_yoy_title')}: {ind.text('label', lang())}",
    )
with numbers:
    st.dataframe(trend_text.yoy_display(yoy, ind, register, lang()), hide_index=True, width="stretch", height="content")
