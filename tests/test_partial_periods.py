"""Periods still in progress are said on every page that shows one (issue 12, item 3): the sample ends on
31 October 2026, so the year 2026, Semester II 2026 and Triwulan IV 2026 are incomplete, and each is shown as
"2026 (s.d. Okt 2026)" (English: "2026 (to Oct 2026)"); a complete period keeps its plain name."""

from __future__ import annotations

import pytest

from tests.apptest import assert_clean, plotly_specs, run_page

PARTIAL = {
    ("year", "2026"): {"id": "2026 (s.d. Okt 2026)", "en": "2026 (to Oct 2026)"},
    ("semester", "2026-S2"): {"id": "Semester II 2026 (s.d. Okt 2026)", "en": "H2 2026 (to Oct 2026)"},
    ("quarter", "2026-Q4"): {"id": "Triwulan IV 2026 (s.d. Okt 2026)", "en": "Q4 2026 (to Oct 2026)"},
}


def _texts(at) -> str:
    parts = [str(e.value) for kind in ("subheader", "caption", "markdown", "header") for e in getattr(at, kind)]
    return "\n".join(parts + [json_title(spec) for spec in plotly_specs(at)])


def json_title(spec: dict) -> str:
    title = spec.get("layout", {}).get("title", {})
    return title.get("text", "") if isinstance(title, dict) else str(title)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("grain", "period"), list(PARTIAL))
@pytest.mark.parametrize("page", [None, "pages/1_Peta.py", "pages/4_Data.py"])
def test_a_period_in_progress_is_named_with_the_last_month_of_data(page, grain, period, lang):
    at = run_page(page, direct=True, ind="layanan_daring", jenis_periode=grain, periode=period, lang=lang)
    assert_clean(at)
    assert PARTIAL[(grain, period)][lang] in _texts(at)


@pytest.mark.parametrize("page", [None, "pages/1_Peta.py", "pages/4_Data.py"])
def test_a_complete_period_keeps_its_plain_name(page):
    at = run_page(page, direct=True, ind="layanan_daring", jenis_periode="year", periode="2025")
    assert_clean(at)
    assert "2025 (s.d." not in _texts(at) and "2025" in _texts(at)


def test_data_table_rows_of_a_period_in_progress_say_so():
    at = run_page("pages/4_Data.py", direct=True, ind="layanan_daring", jenis_periode="year", periode="2026")
    table = at.dataframe[0].value
    assert set(table["Periode"]) == {"2026 (s.d. Okt 2026)"}
