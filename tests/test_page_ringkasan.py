"""The home page (Ringkasan) through AppTest: a card per headline indicator that follows the selected period, the small
kecamatan map of the selected indicator, and the generated 'movers' sentences in both languages.

Like test_page_peta, the module draws on an empty boundary store (the approximate fallback), with the per-process
boundary cache cleared first (conftest's `empty_boundary_store`).
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from charts.maps import PLACEHOLDER
from kpi.core.catalogue import load_catalogue
from tests.apptest import assert_clean, only_plotly_figure, run_page

KECAMATAN = {
    "36.74.01": "Serpong",
    "36.74.02": "Serpong Utara",
    "36.74.03": "Pondok Aren",
    "36.74.04": "Ciputat",
    "36.74.05": "Ciputat Timur",
    "36.74.06": "Pamulang",
    "36.74.07": "Setu",
}
SETU, SERPONG = "36.74.07", "36.74.01"
# The period a card shows, by the indicator's frequency: the latest of the sample (2021-01 to 2026-10), or the latest
# ending in June 2025 once that month is chosen. The cards themselves are the catalogue's headline indicators.
LATEST = {
    "id": {"month": "Okt 2026", "quarter": "Triwulan III 2026", "semester": "Semester I 2026", "year": "2025"},
    "en": {"month": "Oct 2026", "quarter": "Q3 2026", "semester": "H1 2026", "year": "2025"},
}
JUNE_2025 = {"month": "Jun 2025", "quarter": "Triwulan II 2025", "semester": "Semester I 2025", "year": "2024"}
UP, DOWN = ":green[:material/trending_up:] ", ":red[:material/trending_down:] "
NUMBER = {"id": r"\d{1,3}(?:\.\d{3})*,\d+", "en": r"\d{1,3}(?:,\d{3})*\.\d+"}

pytestmark = pytest.mark.usefixtures("empty_boundary_store")


def headline(lang: str = "id") -> list[str]:
    """The names on the cards, in order: the short name of every headline indicator of the catalogue."""
    return [i.text("short", lang) for i in load_catalogue().headline]


def card_periods(periods: dict[str, str]) -> list[str]:
    """The period each card should show, in card order, from a frequency → period table."""
    return [periods[i.frequency] for i in load_catalogue().headline]


def run(**params: str) -> AppTest:
    """The home page after one run with these URL parameters (computed once per module)."""
    return run_page(None, **params)


def small_map(at: AppTest) -> dict:
    """The one plotly figure of the page: the kecamatan choropleth."""
    return only_plotly_figure(at, "choroplethmap")


def mapped(at: AppTest) -> list[str]:
    """The kecamatan codes on the small map, sorted (the empty-class placeholder left out)."""
    return sorted(k for t in small_map(at)["data"] for k in t["locations"] if k != PLACEHOLDER)


def card_captions(at: AppTest, lang: str = "id") -> list[str]:
    """The caption under each headline card, in card order: 'Okt 2026 · Target 70,0% · Capaian 108,9%'."""
    word = {"id": "Capaian", "en": "Achievement"}[lang]
    return [c.value for c in at.main.caption if f" · {word} " in c.value]


def movers(at: AppTest) -> tuple[list[str], list[str]]:
    """The sentences under 'improved most' and under 'slipped most', without their icons."""
    texts = [m.value for m in at.main.markdown]
    return (
        [t.removeprefix(UP) for t in texts if t.startswith(UP)],
        [t.removeprefix(DOWN) for t in texts if t.startswith(DOWN)],
    )


# --- default --------------------------------------------------------------------------------------------------------


def test_default_run_has_a_card_per_headline_indicator_and_all_seven_kecamatan_on_the_map():
    at = run()
    assert_clean(at)
    assert [re.sub(r" \(.*\)$", "", m.label) for m in at.metric] == headline()
    assert headline()[:2] == ["IKM", "Layanan daring"]  # the shipped catalogue, by hand
    assert mapped(at) == sorted(KECAMATAN)
    fig = small_map(at)
    assert "http" not in json.dumps(fig["layout"]["map"]["style"])  # offline
    assert any(a["text"].startswith("Batas perkiraan") for a in fig["layout"].get("annotations", []))
    assert "Layanan daring — Okt 2026" in [s.value for s in at.subheader]


def test_default_cards_are_of_the_latest_periods():
    captions = card_captions(run())
    assert [c.split(" · Target ")[0] for c in captions] == card_periods(LATEST["id"])
    assert captions[0].startswith("Semester I 2026 · Target ")  # IKM is collected per semester


def test_default_movers_are_about_the_selected_indicator():
    up, down = movers(run())
    assert up and down
    assert all(
        re.fullmatch(rf"Layanan daring Kecamatan [A-Za-z ]+ naik {NUMBER['id']} poin menjadi {NUMBER['id']}%\.", s)
        for s in up
    ), up
    assert all(
        re.fullmatch(rf"Layanan daring Kecamatan [A-Za-z ]+ turun {NUMBER['id']} poin menjadi {NUMBER['id']}%\.", s)
        for s in down
    ), down


# --- the kecamatan filter -------------------------------------------------------------------------------------------


def test_chosen_kecamatan_are_the_only_ones_on_the_map_and_in_the_sentences():
    at = run(kecamatan=f"{SETU},{SERPONG}")
    assert_clean(at)
    assert mapped(at) == [SERPONG, SETU]
    named = {re.search(r"Kecamatan (.+?) (?:naik|turun|tetap)", s).group(1) for s in sum(movers(at), [])}
    assert named and named <= {"Setu", "Serpong"}, named
    assert len(at.metric) == len(headline())  # the city's cards stay


# --- IKM: the grade in the sentences --------------------------------------------------------------------------------


def test_ikm_movers_name_the_grade_in_indonesian_numbers():
    at = run(ind="ikm")
    assert_clean(at)
    up, down = movers(at)
    assert up + down
    for s in up + down:
        assert s.startswith("IKM Kecamatan "), s
        assert "(mutu " in s, s
        assert re.fullmatch(
            r"IKM Kecamatan [A-Za-z ]+ (naik|turun) \d{1,2},\d\d poin menjadi \d{2,3},\d\d poin "
            r"\(mutu [A-D]\)\.",
            s,
        ), s
    assert "IKM — Semester I 2026" in [s.value for s in at.subheader]
    assert mapped(at) == sorted(KECAMATAN)


# --- an earlier period ----------------------------------------------------------------------------------------------


def test_cards_follow_the_selected_month():
    at = run(periode="2025-06", jenis_periode="month", ind="layanan_daring")
    assert_clean(at)
    captions = card_captions(at)
    assert [c.split(" · ")[0] for c in captions] == card_periods(JUNE_2025)
    assert captions[0].startswith("Semester I 2025 · "), captions[0]  # IKM: the semester holding June
    assert "Layanan daring — Jun 2025" in [s.value for s in at.subheader]
    assert [m.value for m in at.metric] != [m.value for m in run().metric]  # other values than the latest


# --- English --------------------------------------------------------------------------------------------------------


def test_english_cards_and_sentences():
    at = run(lang="en")
    assert_clean(at)
    assert [re.sub(r" \(.*\)$", "", m.label) for m in at.metric] == headline("en")
    captions = card_captions(at, "en")
    assert [c.split(" · Target ")[0] for c in captions] == card_periods(LATEST["en"])
    assert captions[0].startswith("H1 2026 · Target ") and captions[1].startswith("Oct 2026 · Target "), captions
    up, down = movers(at)
    assert up and down
    assert all(
        re.fullmatch(rf"Online requests Kecamatan [A-Za-z ]+ rose {NUMBER['en']} points to {NUMBER['en']}%\.", s)
        for s in up
    ), up
    assert all(
        re.fullmatch(rf"Online requests Kecamatan [A-Za-z ]+ fell {NUMBER['en']} points to {NUMBER['en']}%\.", s)
        for s in down
    ), down
    assert [s.value for s in at.subheader][:4] == [
        "City headline indicators",
        "Online requests — Oct 2026",
        "Kecamatan that improved most",
        "Kecamatan that slipped most",
    ]
    assert mapped(at) == sorted(KECAMATAN)


def test_english_ikm_sentences_name_the_grade():
    up, down = movers(run(lang="en", ind="ikm"))
    assert up + down
    assert all(re.search(r" (rose|fell) \d+\.\d\d points to \d+\.\d\d points \(grade [A-D]\)\.$", s) for s in up + down)
