"""The shared sidebar filters: category, indicator, period type and period, level, kecamatan and kelurahan.

Every filter lives in the URL as a raw code (see ui/state.py), so a copied link reproduces the view, and the
choices survive page changes. Pages read a Filters record and never parse the URL themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.core.wilayah import LEVELS
from kpi.metrics.analysis import periods_with_values
from kpi.report.labels import level_label
from ui import data, state
from ui.i18n import labeller, t

ALL = "semua"


@dataclass(frozen=True)
class Filters:
    """What the user selected; empty kecamatan/kelurahan lists mean 'all'."""

    indicator: Indicator
    grain: str
    period: str | None
    latest: bool  # the period is the latest with data (the default), not one the user went back to
    level: str
    kecamatan: tuple[str, ...]
    kelurahan: tuple[str, ...]
    category: str


def _indicator(catalogue) -> tuple[str, Indicator]:
    side = st.sidebar
    cats = [ALL, *catalogue.categories]
    category = state.choice(
        side.selectbox,
        t("category"),
        "kategori",
        cats,
        ALL,
        labeller(lambda c, lg: t("all", lg) if c == ALL else catalogue.categories[c][lg]),
    )
    ids = [i.id for i in catalogue.indicators if category in (ALL, i.category)]
    # The finest-grained headline indicator first, so the default view is the latest month.
    ranked = sorted(catalogue.headline, key=lambda i: periods.GRAINS.index(i.frequency))
    default = next((i.id for i in ranked if i.id in ids), ids[0])
    chosen = state.choice(
        side.selectbox, t("indicator"), "ind", ids, default, labeller(lambda i, lg: catalogue.get(i).text("short", lg))
    )
    return category, catalogue.get(chosen)


def _period(ind: Indicator, level: str) -> tuple[str, str | None, bool]:
    grains = [g for g in periods.GRAINS if periods.GRAINS.index(g) >= periods.GRAINS.index(ind.frequency)]
    grain = state.choice(
        st.sidebar.segmented_control,
        t("grain"),
        "jenis_periode",
        grains,
        grains[0],
        labeller(lambda g, lg: t(f"grain_{g}", lg)),
        required=True,
    )
    options = periods_with_values(data.table(level, grain), ind.id)
    if not options:
        return grain, None, True
    period = state.choice(st.sidebar.selectbox, t("period"), "periode", options, options[0], labeller(periods.display))
    return grain, period, period == options[0]


def _wilayah(register, level: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    side = st.sidebar
    if level == "kota":
        return (), ()
    kec = [u.kode for u in register.level("kecamatan")]
    chosen = state.many(side.multiselect, t("kecamatan"), "kecamatan", kec, register.name, placeholder=t("all"))
    if level != "kelurahan":
        return tuple(chosen), ()
    kel = [u.kode for u in register.level("kelurahan") if not chosen or u.kode_induk in chosen]
    picked = state.many(side.multiselect, t("kelurahan"), "kelurahan", kel, register.name, placeholder=t("all"))
    return tuple(chosen), tuple(picked)


def sidebar(levels: tuple[str, ...] = LEVELS, period: bool = True) -> Filters:
    """Draw the shared filters in the sidebar and return the selection."""
    catalogue, register = data.core()
    st.sidebar.subheader(t("filters"))
    category, ind = _indicator(catalogue)
    allowed = [lv for lv in levels if LEVELS.index(lv) <= LEVELS.index(ind.level)]
    level = state.choice(
        st.sidebar.segmented_control,
        t("level"),
        "tingkat",
        allowed,
        "kecamatan" if "kecamatan" in allowed else allowed[0],
        labeller(lambda v, lg: level_label(v, lg, short=True)),
        required=True,
    )
    grain, chosen_period, latest = _period(ind, level) if period else (ind.frequency, None, True)
    kecamatan, kelurahan = _wilayah(register, level)
    return Filters(ind, grain, chosen_period, latest, level, kecamatan, kelurahan, category)
