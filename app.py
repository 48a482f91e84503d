"""Ringkasan: the city's headline KPI cards for the latest period."""
import streamlit as st

from kpi import periods
from kpi.analysis import card
from ui import data, format as fmt
from ui.frame import page
from ui.i18n import lang, t

page("app_title")
catalogue, register = data.core()
st.subheader(t("headline_title"))

headline = catalogue.headline
per_row = 3   # cards wide enough for labels and units at 1280×720 with the sidebar open
columns = [col for start in range(0, len(headline), per_row) for col in st.columns(per_row)]
for col, ind in zip(columns, headline):
    row = card(data.table("kota", ind.frequency), ind.id, register.kota.kode)
    with col:
        if row is None:
            st.metric(ind.text("short", lang()), t("no_data"), border=True)
            continue
        status = row["pita"] if isinstance(row["pita"], str) else row["status_target"]
        unit = fmt.unit_label(ind, lang())
        st.metric(
            ind.text("short", lang()) + (f" ({unit})" if unit else ""),
            fmt.short_value(row["nilai"], ind, lang()),
            delta=fmt.change(row["perubahan"], ind, lang()),
            delta_color="normal" if ind.higher_is_better else "inverse",
            help=f"{ind.text('definition', lang())}\n\n{t('delta_help')}",
            chart_data=row["riwayat"],
            border=True,
        )
        st.caption(f"{periods.display(row['periode'], lang())} · {t('target')} {fmt.value(row['target'], ind, lang())} · "
                   f"{t('achievement')} {fmt.number(row['capaian'], 1, lang())}%")
        st.markdown(fmt.status_badge(status, ind, catalogue, lang()))
