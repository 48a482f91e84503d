"""The sweep: every page over indicators × levels × grains × periods × languages, on the shipped sample and on sparse
stores (tests/sparse.py), and every URL filter with a malformed, unknown or very long value. Each view must render
without an exception element or an error box.

The full grid is thousands of views, so each page runs a pairwise sample of it, chosen greedily from a shuffle with
a fixed seed: every pair of values of two dimensions that can occur together (indicator × level, level × grain,
grain × period, indicator × language, …) is opened at least once. Periods are named by kind and resolved against
the data of the store at run time: the latest with a value, the earliest, and the one where the fewest wilayah of
the level have a value (the holes that crashed Peta).
"""

from __future__ import annotations

import itertools
import random
from functools import cache

import pytest

from kpi.core import periods
from kpi.core.catalogue import load_catalogue
from kpi.core.pooling import family
from kpi.core.wilayah import LEVELS, load_register
from kpi.metrics.analysis import indicator_table, periods_with_values
from kpi.store import source
from tests import sparse
from tests.apptest import open_page
from tests.browser import ROOT, scripts

SEED = 20261203
# The pages with the shared sidebar filters, and the levels each offers (pages/*.py call filters.sidebar(levels=…)).
FILTERED = {
    "app.py": ("kecamatan",),
    "pages/1_Peta.py": ("kecamatan", "kelurahan"),
    "pages/2_Tren.py": ("kota", "kecamatan", "kelurahan"),
    "pages/3_Perbandingan.py": ("kecamatan", "kelurahan"),
    "pages/4_Data.py": ("kota", "kecamatan", "kelurahan"),
}
BRIEFING, IMPOR = "pages/6_Briefing.py", "pages/5_Impor.py"
PERIOD_KINDS = ("terbaru", "terawal", "berlubang")
LANGS = ("id", "en")
STORES = ("sampel", *sparse.STORES)
SPARSE_BUDGET = 10


def _offered(page: str, ind) -> tuple[str, ...]:
    """The levels a page offers for an indicator: its own, down to the indicator's finest level."""
    return tuple(lv for lv in FILTERED[page] if LEVELS.index(lv) <= LEVELS.index(ind.level))


def _grains(ind) -> tuple[str, ...]:
    return tuple(g for g in periods.GRAINS if periods.GRAINS.index(g) >= periods.GRAINS.index(ind.frequency))


def pairwise(combos: list[tuple], seed: int, budget: int | None = None) -> list[tuple]:
    """A subset of `combos` in which every pair of values of two positions that occurs in some combo occurs in a
    chosen one: greedy, taking the combo that covers most uncovered pairs, ties broken by a seeded shuffle. With a
    budget, the first `budget` picks: the most pairs that many views can cover."""

    def pairs(combo: tuple) -> set:
        return {((i, combo[i]), (j, combo[j])) for i, j in itertools.combinations(range(len(combo)), 2)}

    pool = list(combos)
    random.Random(seed).shuffle(pool)
    uncovered = set().union(*(pairs(c) for c in pool))
    chosen = []
    while uncovered and (budget is None or len(chosen) < budget):
        best = max(pool, key=lambda c: len(pairs(c) & uncovered))
        chosen.append(best)
        uncovered -= pairs(best)
    return chosen


def _filtered_cases(store: str, seed: int) -> list:
    """The sample: every indicator, pairwise over indicator × level × grain × period kind (about 50 views a page).
    A sparse store: its own indicators and one without data (a headline one), within SPARSE_BUDGET views a page.
    The language alternates from view to view."""
    catalogue = load_catalogue()
    if store == "sampel":
        inds, budget = list(catalogue.indicators), None
    else:
        fed = sparse.INDICATORS[store]
        inds = [i for i in catalogue.indicators if i.id in fed]
        inds.append(next(i for i in catalogue.headline if i.id not in fed))
        budget = SPARSE_BUDGET
    cases = []
    for page in FILTERED:
        grid = [
            (ind.id, level, grain, kind)
            for ind in inds
            for level in _offered(page, ind)
            for grain in _grains(ind)
            for kind in PERIOD_KINDS
        ]
        for n, combo in enumerate(sorted(pairwise(grid, seed, budget))):
            lang = LANGS[n % 2]
            name = "-".join((store, page.split("/")[-1][:-3], *combo, lang))
            cases.append(pytest.param(store, page, *combo, lang, id=name))
    return cases


def _all_cases() -> list:
    return [case for n, store in enumerate(STORES) for case in _filtered_cases(store, SEED + n)]


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, str | None]:
    """Store folders by name; None for the sample (the session's empty private store)."""
    return {
        "sampel": None,
        **{name: str(sparse.build(name, tmp_path_factory.mktemp(name))) for name in sparse.STORES},
    }


@pytest.fixture
def use_store(stores, monkeypatch):
    def use(name: str) -> None:
        if stores[name] is not None:
            monkeypatch.setenv("TANGSEL_KPI_STORE", stores[name])

    return use


@cache
def _table(folder: str | None, level: str, grain: str):
    """The indicator table the pages read, for the store in use (folder: the cache key)."""
    shown = source.current()
    return indicator_table(shown.frame, load_catalogue(), load_register(), level, grain)


def resolve(folder: str | None, indicator: str, level: str, grain: str, kind: str) -> str | None:
    """The period of a kind for a view (None when the indicator has no value at that level and grain)."""
    table = _table(folder, level, grain)
    options = periods_with_values(table, indicator)
    if not options:
        return None
    if kind == "terbaru":
        return options[0]
    if kind == "terawal":
        return options[-1]
    rows = table[(table["indikator"] == indicator) & table["nilai"].notna()]
    filled = rows.groupby("periode")["nilai"].size()
    return min(options, key=lambda p: (filled.get(p, 0), options.index(p)))


def assert_renders(at) -> None:
    """No exception element, no error box."""
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == []


@pytest.mark.parametrize(("store", "page", "indicator", "level", "grain", "kind", "lang"), _all_cases())
def test_every_filtered_view_renders(store, page, indicator, level, grain, kind, lang, stores, use_store):
    use_store(store)
    params = {"ind": indicator, "tingkat": level, "jenis_periode": grain, "lang": lang}
    period = resolve(stores[store], indicator, level, grain, kind)
    if period is not None:
        params["periode"] = period
    at = open_page(None if page == "app.py" else page, direct=True, **params)
    assert_renders(at)
    if period is not None and page != "app.py":  # the home page keeps its own (latest) view
        assert at.sidebar.selectbox(key=_period_key(at)).value == period


def _period_key(at) -> str:
    return next(s.key for s in at.sidebar.selectbox if s.key.startswith("_w_periode__"))


def _briefing_cases() -> list:
    cases = []
    for store in STORES:
        for kind, kecamatan, slide, lang in itertools.product(
            ("terbaru", "terawal", "berlubang"), ("", "36.74.03"), ("1", "3", "99"), LANGS
        ):
            cases.append(
                pytest.param(store, kind, kecamatan, slide, lang, id=f"{store}-{kind}-{kecamatan}-{slide}-{lang}")
            )
    rng = random.Random(SEED)
    return [c for c in cases if rng.random() < 0.25]


@pytest.mark.parametrize(("store", "kind", "kecamatan", "slide", "lang"), _briefing_cases())
def test_briefing_renders_for_any_month_and_scope(store, kind, kecamatan, slide, lang, stores, use_store):
    use_store(store)
    params = {"slide": slide, "lang": lang}
    month = resolve(stores[store], "layanan_daring", "kecamatan", "month", kind)
    if month is not None:
        params["periode"] = month
    if kecamatan:
        params["kecamatan"] = kecamatan
    assert_renders(open_page(BRIEFING, direct=True, **params))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("store", STORES)
def test_impor_renders_on_every_store(store, lang, use_store):
    use_store(store)
    assert_renders(open_page(IMPOR, direct=True, lang=lang))


def test_the_sweep_covers_every_page():
    assert {str(s.relative_to(ROOT)) for s in scripts()} == {*FILTERED, BRIEFING, IMPOR}


def test_pairwise_covers_every_pair_and_can_fail():
    grid = list(itertools.product("ab", "xyz", (1, 2)))
    chosen = pairwise(grid, 1)
    for i, j in itertools.combinations(range(3), 2):
        assert {(c[i], c[j]) for c in chosen} == {(g[i], g[j]) for g in grid}
    assert len(chosen) < len(grid)  # 3 × 2 pairs of the two largest positions at least: 6 of 12
    assert len(chosen) >= 6


# ---------------------------------------------------------------- hostile URLs

HOSTILE = {
    "kosong": "",
    "tak_dikenal": "zzz",
    "rusak": "%00<script>alert(1)</script>' OR 1=1;--\x00\u202e",
    "panjang": "9" * 20_000,
    "daftar": ",,36.74.01,,36.74.99,ikm,",
    "angka_aneh": "-1e309",
}
SIDEBAR_KEYS = ("kategori", "ind", "jenis_periode", "periode", "tingkat", "kecamatan", "kelurahan", "lang", "mode")
PAGE_KEYS = {
    "pages/1_Peta.py": ("tampilan", "peta_dasar"),
    "pages/2_Tren.py": ("tren_tampilan",),
    "pages/3_Perbandingan.py": ("banding_x", "banding_y"),
    "pages/4_Data.py": ("data_lingkup",),
    BRIEFING: ("slide", "periode", "kecamatan"),
}
ALL_PAGES = (*FILTERED, IMPOR, BRIEFING)


def _url_cases() -> list:
    cases = []
    for n, (key, (name, value)) in enumerate(itertools.product(SIDEBAR_KEYS, HOSTILE.items())):
        page = ALL_PAGES[n % len(ALL_PAGES)]  # each key and value on one page, every page in turn
        cases.append(pytest.param(page, key, value, id=f"{page.split('/')[-1][:-3]}-{key}-{name}"))
    for page, keys in PAGE_KEYS.items():
        for key, (name, value) in itertools.product(keys, HOSTILE.items()):
            cases.append(pytest.param(page, key, value, id=f"{page.split('/')[-1][:-3]}-{key}-{name}"))
    return cases


@pytest.mark.parametrize(("page", "key", "value"), _url_cases())
def test_a_hostile_url_filter_never_breaks_a_page(page, key, value):
    params = {key: value}
    if key not in ("ind", "tingkat") and page in ("pages/1_Peta.py", "pages/2_Tren.py"):
        params |= {"ind": "aduan_tindak_lanjut", "tingkat": "kelurahan"}  # holes, too
    assert_renders(open_page(None if page == "app.py" else page, direct=True, **params))


@pytest.mark.parametrize("name", list(sparse.STORES))
def test_each_sparse_store_feeds_the_indicators_it_declares(name, stores, use_store):
    use_store(name)
    assert set(family(source.current().frame["indikator"])) == set(sparse.INDICATORS[name])  # ikm.u1 … are ikm


# ---------------------------------------------------------------- what the sweep found on Briefing


def test_briefing_without_any_headline_data_says_so_instead_of_failing(use_store):
    use_store("aduan_saja")  # complaints feed no headline indicator
    at = open_page(BRIEFING, direct=True)
    assert_renders(at)
    assert [i.value for i in at.info] == [
        "Belum ada data indikator utama, jadi belum ada bahan briefing. Impor data di halaman Impor Data."
    ]


def test_briefing_on_survey_answers_only_opens_on_their_semester(use_store):
    use_store("survei_saja")  # IKM is the only headline indicator with data, by semester: 2026-S1
    at = open_page(BRIEFING, direct=True)
    assert_renders(at)
    assert not at.warning  # no period was asked for: nothing to warn about
    assert "Semester I 2026" in "\n".join(str(m.value) for m in (*at.markdown, *at.caption))
