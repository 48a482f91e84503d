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
