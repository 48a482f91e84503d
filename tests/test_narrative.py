"""Generated briefing sentences and the choice of movers, with hand-made rows."""

import pandas as pd
import pytest

from kpi.report.narrative import movers, sentence


def _rows(indikator, changes):
    return pd.DataFrame(
        [
            {
                "indikator": indikator,
                "tingkat": "kecamatan",
                "kode_wilayah": k,
                "nama_wilayah": n,
                "nilai": v,
                "perubahan": d,
                "pita": None,
            }
            for k, n, v, d in changes
        ]
    )


def test_sentence_with_official_grade(tiny_catalogue):
    row = _rows("ikm", [("36.74.07", "Setu", 84.1, 3.2)]).iloc[0].to_dict() | {"pita": "B"}
    assert (
        sentence(row, tiny_catalogue.get("ikm"), tiny_catalogue, "id")
        == "ikm Kecamatan Setu naik 3,20 poin menjadi 84,10 poin (mutu B)."
    )
    assert (
        sentence(row, tiny_catalogue.get("ikm"), tiny_catalogue, "en")
        == "ikm Kecamatan Setu rose 3.20 points to 84.10 points (grade B)."
    )


def test_percent_change_is_in_points(tiny_catalogue):
    row = _rows("daring", [("36.74.01", "Alfa", 64.25, -2.06)]).iloc[0].to_dict()
    assert (
        sentence(row, tiny_catalogue.get("daring"), tiny_catalogue, "id")
        == "daring Kecamatan Alfa turun 2,1 poin menjadi 64,3%."
    )  # half up, as the official bands round


def test_no_change_after_rounding(tiny_catalogue):
    row = _rows("daring", [("36.74.01", "Alfa", 50.0, 0.04)]).iloc[0].to_dict()
    assert sentence(row, tiny_catalogue.get("daring"), tiny_catalogue, "id") == "daring Kecamatan Alfa tetap di 50,0%."


def test_movers_follow_the_direction(tiny_catalogue):
    rows = _rows(
        "aduan",
        [("a", "A", 1.0, -0.5), ("b", "B", 2.0, 0.3), ("c", "C", 1.5, -0.1), ("d", "D", 3, None), ("e", "E", 2.2, 0.9)],
    )
    best, worst = movers(rows, tiny_catalogue.get("aduan"), n=2)  # lower is better: a fall is an improvement
    assert best["kode_wilayah"].tolist() == ["a", "c"]
    assert worst["kode_wilayah"].tolist() == ["e", "b"]
    best, worst = movers(rows.assign(indikator="daring"), tiny_catalogue.get("daring"), n=2)
    assert best["kode_wilayah"].tolist() == ["e", "b"]
    assert worst["kode_wilayah"].tolist() == ["a", "c"]


@pytest.mark.parametrize(
    "value, decimals, lang, text",
    [
        (88.305, 2, "id", "88,31"),
        (1234.5, 1, "id", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (0.05, 1, "id", "0,1"),
        (float("nan"), 1, "id", "—"),
        (None, 2, "en", "—"),
    ],
)
def test_numbers_round_half_up_like_the_bands(value, decimals, lang, text):
    from kpi.report.numfmt import number

    assert number(value, decimals, lang) == text


def test_briefing_gives_sentences_for_both_sides(tiny_catalogue):
    from kpi.report.narrative import briefing

    rows = _rows("daring", [("a", "A", 60.0, 2.0), ("b", "B", 50.0, -1.0)])
    best, worst = briefing(rows, tiny_catalogue.get("daring"), tiny_catalogue, "id")
    assert best == ["daring Kecamatan A naik 2,0 poin menjadi 60,0%."]
    assert worst == ["daring Kecamatan B turun 1,0 poin menjadi 50,0%."]


def test_movers_of_a_year_in_progress_compare_the_same_months_a_year_earlier(tiny_catalogue, tiny_register):
    # Monthly online requests out of 100 per kelurahan. Alfa (2 kelurahan): 50 a month Jan–Oct 2025, 90 in Nov–Dec,
    # 60 a month Jan–Oct 2026. Beta (1 kelurahan): 70 Jan–Oct 2025, 10 in Nov–Dec, 65 Jan–Oct 2026.
    #   Alfa: 2026 = 60,0 %; whole 2025 = (20·50 + 4·90) / 2400 = 56,67 %; Jan–Oct 2025 = 50,0 %  → +10,0 like for like
    #   Beta: 2026 = 65,0 %; whole 2025 = (10·70 + 2·10) / 1200 = 60,0 %;  Jan–Oct 2025 = 70,0 %  → −5,0 like for like
    # Against the whole of 2025 Beta would seem to improve (+5,0) and nobody to slip.
    from kpi.metrics.analysis import indicator_table, snapshot
    from kpi.report.narrative import briefing
    from tests.conftest import obs

    rows = []
    for year, months in ((2025, range(1, 13)), (2026, range(1, 11))):
        for m in months:
            p = f"{year}-{m:02d}"
            alfa = 60 if year == 2026 else (50 if m <= 10 else 90)
            beta = 65 if year == 2026 else (70 if m <= 10 else 10)
            rows += [(p, k, "daring", alfa, 100, None) for k in ("36.74.01.1001", "36.74.01.1002")]
            rows.append((p, "36.74.02.1001", "daring", beta, 100, None))
    table = indicator_table(obs(rows), tiny_catalogue, tiny_register, "kecamatan", "year")
    year = snapshot(table, "daring", "2026")
    best, worst = briefing(year, tiny_catalogue.get("daring"), tiny_catalogue, "id")
    assert best == [
        "daring Kecamatan Alfa naik 10,0 poin dibanding bulan yang sama setahun sebelumnya (s.d. Okt 2025) "
        "menjadi 60,0%."
    ]
    assert worst == [
        "daring Kecamatan Beta turun 5,0 poin dibanding bulan yang sama setahun sebelumnya (s.d. Okt 2025) "
        "menjadi 65,0%."
    ]
    # A complete year reads the change against the previous year, without the words.
    best, worst = briefing(snapshot(table, "daring", "2025"), tiny_catalogue.get("daring"), tiny_catalogue, "en")
    assert all("a year earlier" not in s for s in best + worst)
