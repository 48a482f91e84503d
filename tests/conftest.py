"""Tiny fixtures: a city with 2 kecamatan and 3 kelurahan, and a catalogue of 4 indicators."""

import datetime as dt

import pandas as pd
import pytest

from kpi.core.catalogue import parse_catalogue
from kpi.core.methods.bands import load_band_sets
from kpi.core.wilayah import Register, Wilayah

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="session", autouse=True)
def _private_store(tmp_path_factory):
    """Every test starts from an empty store (no imports, no installed boundaries): the repository's own .store/ is
    never read or written, whatever a developer imported. Tests that need a store set TANGSEL_KPI_STORE themselves."""
    import os

    store = tmp_path_factory.mktemp("session-store")
    before = os.environ.get("TANGSEL_KPI_STORE")
    os.environ["TANGSEL_KPI_STORE"] = str(store)
    yield store
    if before is None:
        os.environ.pop("TANGSEL_KPI_STORE", None)
    else:
        os.environ["TANGSEL_KPI_STORE"] = before


def _unit(kode, tingkat, nama, induk):
    return Wilayah(kode, tingkat, nama, induk, kode.replace(".", ""), nama.upper(), 1.0, None, None)


@pytest.fixture(scope="session")
def tiny_register():
    units = (
        _unit("36.74", "kota", "Kota Uji", None),
        _unit("36.74.01", "kecamatan", "Alfa", "36.74"),
        _unit("36.74.02", "kecamatan", "Beta", "36.74"),
        _unit("36.74.01.1001", "kelurahan", "Satu", "36.74.01"),
        _unit("36.74.01.1002", "kelurahan", "Dua", "36.74.01"),
        _unit("36.74.02.1001", "kelurahan", "Tiga", "36.74.02"),
    )
    return Register(units, (("36.74.01.1002", "Dua Lama"),))


def _ind(iid, **kw):
    base = {
        "id": iid,
        "label": {"id": iid, "en": iid},
        "short": {"id": iid, "en": iid},
        "definition": {"id": "d", "en": "d"},
        "numerator": {"id": "n", "en": "n"},
        "denominator": {"id": "d", "en": "d"},
        "type": "percent",
        "factor": 100,
        "rollup": "ratio",
        "numerator_over_time": "sum",
        "denominator_over_time": "sum",
        "direction": "higher",
        "unit": {"id": "%", "en": "%"},
        "decimals": 1,
        "range": [0, 100],
        "targets": {2026: 60},
        "near": 0.9,
        "category": "pelayanan_publik",
        "level": "kelurahan",
        "frequency": "month",
        "source": {"id": "s", "en": "s"},
    }
    base.update(kw)
    return base


@pytest.fixture(scope="session")
def tiny_catalogue():
    doc = {
        "categories": {"pelayanan_publik": {"id": "Pelayanan publik", "en": "Public service"}},
        "berakhlak": {"akuntabel": {"id": "Akuntabel", "en": "Accountable"}},
        "indicators": [
            _ind("daring"),
            _ind(
                "aduan",
                type="rate",
                factor=10000,
                numerator_over_time="mean",
                denominator_over_time="last",
                direction="lower",
                unit={"id": "per 10.000", "en": "per 10,000"},
                range=[0, 1000],
                targets={2026: 2},
            ),
            _ind(
                "anggaran",
                level="kecamatan",
                numerator_over_time="last",
                denominator_over_time="last",
                targets={2026: 95},
                target_profile=[0.05, 0.10, 0.2, 0.28, 0.36, 0.45, 0.53, 0.61, 0.7, 0.79, 0.87, 1.0],
            ),
            _ind(
                "kepatuhan",
                type="index",
                factor=1,
                rollup="mean",
                numerator=None,
                denominator=None,
                level="kecamatan",
                frequency="year",
                unit={"id": "poin", "en": "points"},
                decimals=2,
                targets={2025: 81},
                near=0.95,
                bands="ombudsman_zona",
            ),
            _ind(
                "ikm",
                type="index",
                factor=1,
                rollup="ikm_pooled",
                level="kelurahan",
                frequency="semester",
                decimals=2,
                range=[25, 100],
                targets={2026: 85},
                bands="ikm_mutu",
                unit={"id": "poin", "en": "points"},
            ),
        ],
    }
    return parse_catalogue(doc, load_band_sets())


def obs(rows):
    """A clean observation frame from (periode, kode, indikator, pembilang, penyebut, nilai) tuples."""
    frame = pd.DataFrame(rows, columns=["periode", "kode_wilayah", "indikator", "pembilang", "penyebut", "nilai"])
    frame["pembilang"] = frame["pembilang"].astype(float)
    frame["penyebut"] = frame["penyebut"].astype(float)
    frame["nilai"] = frame["nilai"].astype(float)
    return frame


@pytest.fixture
def geo_store(tmp_path, monkeypatch):
    """A private boundary store for the test: the repository's own .store/ is never read or written."""
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path / "env-store"))
    return tmp_path / "env-store"


@pytest.fixture(scope="module")
def empty_boundary_store(tmp_path_factory):
    """No official boundaries, for a whole AppTest module: an empty store, and no boundaries cached by an earlier
    module (ui/geo.py caches them per process with st.cache_resource) nor pages drawn with them."""
    import streamlit as st

    from tests.apptest import clear_runs

    store = tmp_path_factory.mktemp("empty_store")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TANGSEL_KPI_STORE", str(store))
        st.cache_resource.clear()
        clear_runs()
        yield store
        st.cache_resource.clear()  # later modules must not inherit this module's boundaries
    clear_runs()


@pytest.fixture(scope="module")
def reg():
    from kpi.core.wilayah import load_register

    return load_register()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright (never a downloaded browser)."""
    from tests.browser import CHROMIUM, LAUNCH_ARGS, unavailable

    reason = unavailable()
    if reason:
        pytest.fail(f"the browser tests cannot run: {reason}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
