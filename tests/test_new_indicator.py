"""Adding an indicator that is reported as observations touches data/indicators.yaml only.

A temporary catalogue (the shipped one plus `antrean_daring`, a headline percentage per kelurahan and month), a
sample generated for it by `kpi.sample`, the settings pointed at both (TANGSEL_KPI_CATALOGUE, TANGSEL_KPI_SAMPLE) and
every page run through AppTest. The generic simulator that gives the new indicator its values is unit-tested on the
tiny register (3 kelurahan in 2 kecamatan).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
import streamlit as st
import yaml

from kpi import settings
from kpi.core import periods
from kpi.core.catalogue import load_catalogue, parse_catalogue
from kpi.core.methods.bands import load_band_sets
from kpi.core.wilayah import load_register
from kpi.metrics.rollup import rollup_indicator
from kpi.sample import generic
from kpi.sample.generate import generate, write_sample
from tests.apptest import assert_clean, clear_runs, run_page
from tests.browser import ROOT, page_name, scripts
from tests.conftest import _ind

NEW = {
    "id": "antrean_daring",
    "label": {"id": "Nomor antrean layanan yang diambil secara daring", "en": "Service queue numbers taken online"},
    "short": {"id": "Antrean daring", "en": "Online queue"},
    "definition": {
        "id": "Persentase nomor antrean layanan kantor kelurahan yang diambil melalui aplikasi, bukan di loket.",
        "en": "Share of the kelurahan office's service queue numbers taken through the app rather than at the desk.",
    },
    "numerator": {"id": "Nomor antrean yang diambil daring", "en": "Queue numbers taken online"},
    "denominator": {"id": "Seluruh nomor antrean", "en": "All queue numbers"},
    "type": "percent",
    "factor": 100,
    "rollup": "ratio",
    "numerator_over_time": "sum",
    "denominator_over_time": "sum",
    "direction": "higher",
    "unit": {"id": "%", "en": "%"},
    "decimals": 1,
    "range": [0, 100],
    "targets": {2021: 10, 2022: 20, 2023: 30, 2024: 40, 2025: 50, 2026: 60},
    "near": 0.9,
    "category": "digitalisasi",
    "berakhlak": "adaptif",
    "level": "kelurahan",
    "frequency": "month",
    "headline": True,
    "source": {"id": "Aplikasi antrean kantor kelurahan", "en": "Queue app of the kelurahan offices"},
}
SCRIPTS = scripts()
SATU, DUA, TIGA = "36.74.01.1001", "36.74.01.1002", "36.74.02.1001"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """The shipped catalogue plus NEW and a sample generated for it, with the settings pointed at both; every cache
    cleared before and after, so no other module sees this catalogue."""
    folder = tmp_path_factory.mktemp("new_indicator")
    doc = yaml.safe_load(settings.INDICATORS_FILE.read_text(encoding="utf-8"))
    doc["indicators"] = [r for r in doc["indicators"] if r["id"] != NEW["id"]] + [NEW]  # even once it is shipped
    catalogue_file = folder / "indicators.yaml"
    catalogue_file.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(settings.CATALOGUE_ENV, str(catalogue_file))
        mp.setenv(settings.SAMPLE_ENV, str(folder / "sample"))
        mp.setenv(settings.STORE_ENV, str(folder / "store"))
        frames = generate()
        write_sample(frames)  # to settings.sample_dir(): the folder just set
        st.cache_resource.clear()
        clear_runs()
        yield frames["observasi"]
        st.cache_resource.clear()
        clear_runs()


@pytest.fixture(scope="module")
def rows(setup) -> pd.DataFrame:
    return setup[setup["indikator"] == NEW["id"]]


def test_the_settings_point_at_the_temporary_catalogue_and_sample(setup):
    assert settings.indicators_file().parent == settings.sample_dir().parent != settings.DATA_DIR
    assert load_catalogue().get(NEW["id"]).headline
    written = pd.read_csv(settings.sample_observations_file(), dtype={"periode": str, "kode_wilayah": str})
    assert NEW["id"] in set(written["indikator"]) and len(written) == len(setup)
    assert (settings.sample_dir() / "penduduk_sampel.csv").is_file()


def test_the_other_indicators_keep_their_shipped_values(setup):
    shipped = pd.read_csv(settings.SAMPLE_OBSERVATIONS_FILE, dtype={"periode": str, "kode_wilayah": str})
    shipped, others = (f[f["indikator"] != NEW["id"]].reset_index(drop=True) for f in (shipped, setup))
    pd.testing.assert_frame_equal(others, shipped, check_dtype=False)


def test_the_new_indicator_is_simulated_per_kelurahan_and_month_within_its_range(rows):
    kelurahan = {u.kode for u in load_register().level("kelurahan")}
    assert set(rows["kode_wilayah"]) == kelurahan
    assert set(rows["periode"]) == set(periods.period_range("2021-01", "2026-10"))
    assert len(rows) == len(kelurahan) * 70 and rows["nilai"].isna().all()
    assert (rows["penyebut"] >= 1).all() and (rows["pembilang"] <= rows["penyebut"]).all()
    share = rows["pembilang"] / rows["penyebut"] * 100
    assert share.between(0, 100).all()
    yearly = rows.groupby(rows["periode"].str[:4])[["pembilang", "penyebut"]].sum()
    city = yearly["pembilang"] / yearly["penyebut"] * 100
    assert city.is_monotonic_increasing  # the targets rise by 10 points a year
    # The gap to the target closes linearly over the 70 months, from 15 % at the first: 2021 (months 0–11) misses
    # the target 10 by 15 % × (1 − 5.5/69) on average, 2026 (months 60–69) misses 60 by 15 % × (1 − 64.5/69).
    assert city["2021"] == pytest.approx(10 * (1 - 0.15 * (1 - 5.5 / 69)), abs=0.5)  # 8.62
    assert city["2026"] == pytest.approx(60 * (1 - 0.15 * (1 - 64.5 / 69)), abs=1.5)  # 59.41


def test_the_new_indicator_rolls_up_as_sum_over_sum(rows):
    ind, register = load_catalogue().get(NEW["id"]), load_register()
    kota = rollup_indicator(rows, ind, "kota", "year", register).set_index("periode")
    for year in ("2021", "2025"):
        cells = rows[rows["periode"].str.startswith(year)]
        assert kota.loc[year, "pembilang"] == cells["pembilang"].sum()
        assert kota.loc[year, "penyebut"] == cells["penyebut"].sum()
        assert kota.loc[year, "nilai"] == pytest.approx(cells["pembilang"].sum() / cells["penyebut"].sum() * 100)
        assert ind.range[0] <= kota.loc[year, "nilai"] <= ind.range[1]


@pytest.mark.parametrize("script", SCRIPTS, ids=page_name)
def test_every_page_runs_on_the_catalogue_with_the_new_indicator(setup, script):
    at = run_page(None if script == ROOT / "app.py" else str(script.relative_to(ROOT)))
    assert_clean(at)


def test_every_indicator_selector_offers_the_new_indicator(setup):
    offered = {}
    for script in SCRIPTS:
        at = run_page(None if script == ROOT / "app.py" else str(script.relative_to(ROOT)))
        for box in at.selectbox:
            if "Layanan daring" in box.options:  # a selector of indicators
                offered[(page_name(script), box.label)] = "Antrean daring" in box.options
    assert {page for page, label in offered if label == "Indikator"} == {"app", "Peta", "Tren", "Perbandingan", "Data"}
    assert ("Perbandingan", "Indikator sumbu X") in offered and all(offered.values()), offered


def test_the_home_page_shows_the_new_headline_card_in_indonesian(setup):
    at = run_page(None)
    headline = load_catalogue().headline
    assert len(at.metric) == len(headline) and headline[-1].id == NEW["id"]
    assert at.metric[-1].label == "Antrean daring"  # last in the catalogue; '%' goes in the value, not the label
    assert re.fullmatch(r"\d{1,2},\d%", at.metric[-1].value), at.metric[-1].value
    assert NEW["definition"]["id"] in at.metric[-1].help


def test_the_new_indicator_can_be_chosen_on_every_page(setup):
    for script in SCRIPTS:
        page = None if script == ROOT / "app.py" else str(script.relative_to(ROOT))
        assert_clean(run_page(page, ind=NEW["id"]))


# --- the generic simulator on the tiny register ---------------------------------------------------------------------


def _tiny(**fields):
    doc = {
        "categories": {"pelayanan_publik": {"id": "Pelayanan publik", "en": "Public service"}},
        "indicators": [_ind("baru", **fields)],
    }
    return parse_catalogue(doc, load_band_sets()).indicators[0]


CASES = {
    "percent, kelurahan, month": ({}, "kelurahan", "month"),
    "rate, stock denominator, quarter": (
        {
            "type": "rate",
            "factor": 10000,
            "numerator_over_time": "mean",
            "denominator_over_time": "last",
            "direction": "lower",
            "range": [0, 1000],
            "targets": {2026: 2},
        },
        "kelurahan",
        "quarter",
    ),
    "duration, kecamatan, month": (
        {"type": "duration", "factor": 1, "direction": "lower", "range": [0, 60], "targets": {2025: 3, 2026: 2}},
        "kecamatan",
        "month",
    ),
    "index, ratio, semester": (
        {"type": "index", "factor": 1, "range": [25, 100], "targets": {2026: 85}},
        "kelurahan",
        "semester",
    ),
    "index, mean, kecamatan, year": (
        {"type": "index", "factor": 1, "rollup": "mean", "numerator": None, "denominator": None, "decimals": 2},
        "kecamatan",
        "year",
    ),
    "count, sum, quarter": (
        {
            "type": "count",
            "factor": 1,
            "rollup": "sum",
            "numerator": None,
            "denominator": None,
            "decimals": 0,
            "range": [0, 10000],
            "targets": {2026: 400},
        },
        "kelurahan",
        "quarter",
    ),
}
LABELS = {
    "month": periods.period_range("2025-01", "2026-06"),
    "quarter": periods.period_range("2025-Q1", "2026-Q2"),
    "semester": ["2025-S1", "2025-S2", "2026-S1"],
    "year": ["2024", "2025"],
}


def _frame(ind, register, seed: int) -> pd.DataFrame:
    """The generic simulator's arrays for the tiny register as observation rows."""
    units = tuple(u.kode for u in register.level(ind.level))
    labels = LABELS[ind.frequency]
    arrays = generic.simulate(ind, units, labels, seed)
    columns = {
        c: np.broadcast_to(arrays.get(c, np.nan), (len(units), len(labels))).ravel()
        for c in ("pembilang", "penyebut", "nilai")
    }
    return pd.DataFrame(
        {"periode": labels * len(units), "kode_wilayah": np.repeat(units, len(labels)), "indikator": ind.id, **columns}
    )


@pytest.mark.parametrize(("fields", "level", "grain"), CASES.values(), ids=CASES)
def test_generic_simulator_is_deterministic_within_range_at_level_and_grain(tiny_register, fields, level, grain):
    ind = _tiny(level=level, frequency=grain, **fields)
    frame = _frame(ind, tiny_register, 7)
    pd.testing.assert_frame_equal(frame, _frame(ind, tiny_register, 7))
    assert not frame[["pembilang", "penyebut", "nilai"]].equals(
        _frame(ind, tiny_register, 8)[["pembilang", "penyebut", "nilai"]]
    )
    assert set(frame["kode_wilayah"]) == {u.kode for u in tiny_register.level(level)}
    assert {periods.grain_of(p) for p in frame["periode"]} == {grain}
    numbers = frame[["pembilang", "penyebut", "nilai"]]
    assert (numbers.fillna(0) >= 0).all().all()
    if ind.has_denominator:
        assert frame["nilai"].isna().all() and (frame["penyebut"] >= 1).all()
        value = frame["pembilang"] / frame["penyebut"] * ind.factor
    else:
        assert frame[["pembilang", "penyebut"]].isna().all().all()
        value = frame["nilai"]
        assert (value == value.round(ind.decimals)).all()
    assert value.between(*ind.range).all()
    if ind.type == "percent":
        assert (frame["pembilang"] <= frame["penyebut"]).all()
        assert (frame["pembilang"] == frame["pembilang"].round()).all()


def test_generic_stream_depends_on_the_seed_and_the_id_only(tiny_register):
    labels, units = LABELS["month"], (SATU, DUA)
    same = generic.simulate(_tiny(), units, labels, 1), generic.simulate(_tiny(near=0.5), units, labels, 1)
    np.testing.assert_array_equal(same[0]["pembilang"], same[1]["pembilang"])
    renamed = _tiny(id="lain")
    assert not np.array_equal(same[0]["pembilang"], generic.simulate(renamed, units, labels, 1)["pembilang"])


@pytest.mark.parametrize(
    ("targets", "profile", "labels", "expected"),
    [
        ({2026: 60}, None, ["2024-05", "2026-01"], [60, 60]),  # one target year: held
        ({2024: 40, 2026: 60}, None, ["2023-12", "2024-01", "2025-07", "2026-12"], [40, 40, 50, 60]),  # interpolated
        (
            {2026: 90},
            [*(0.1 * m for m in range(1, 10)), 0.95, 0.98, 1.0],
            ["2026-01", "2026-06", "2026-12"],
            [9, 54, 90],
        ),
        ({}, None, ["2026-01"], [50]),  # no targets: the middle of the range [0, 100]
    ],
)
def test_target_path(targets, profile, labels, expected):
    ind = _tiny(targets=targets, target_profile=profile)
    assert generic.target_path(ind, labels) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"targets": {2026: 60}}, [51, 55.5, 60]),  # higher is better: 15 % of 60 below, closing to the target
        ({"targets": {2026: 2}, "direction": "lower", "type": "duration", "factor": 1}, [2.3, 2.15, 2]),  # above
        ({"targets": {2026: 95}}, [80.75, 87.875, 95]),
    ],
)
def test_value_path_by_hand_without_spread_or_noise(monkeypatch, fields, expected):
    monkeypatch.setattr(generic, "UNIT_SPREAD", 0.0)
    monkeypatch.setattr(generic, "NOISE", 0.0)
    path = generic.value_path(_tiny(**fields), ["2026-01", "2026-02", "2026-03"], 2, np.random.default_rng(0))
    assert path.shape == (2, 3)
    assert path[0] == pytest.approx(expected) and path[1] == pytest.approx(expected)


def test_generic_rows_roll_up_to_kecamatan_and_city_as_sum_over_sum(tiny_register):
    """Alfa holds Satu and Dua, the city all three kelurahan: numerators and denominators are summed, then divided."""
    ind = _tiny(targets={2026: 60})
    frame = _frame(ind, tiny_register, 3)
    month = frame[frame["periode"] == "2026-01"].set_index("kode_wilayah")
    n, d = month["pembilang"], month["penyebut"]
    catalogue_rows = frame[frame["periode"] == "2026-01"]
    kec = rollup_indicator(catalogue_rows, ind, "kecamatan", "month", tiny_register).set_index("kode_wilayah")
    kota = rollup_indicator(catalogue_rows, ind, "kota", "month", tiny_register).set_index("kode_wilayah")
    assert kec.loc["36.74.01", ["pembilang", "penyebut"]].tolist() == [n[SATU] + n[DUA], d[SATU] + d[DUA]]
    assert kec.loc["36.74.02", "nilai"] == pytest.approx(n[TIGA] / d[TIGA] * 100)
    assert kota.loc["36.74", "nilai"] == pytest.approx(n.sum() / d.sum() * 100)
    assert 0 <= kota.loc["36.74", "nilai"] <= 100
