"""IKM rolled up by pooling answers (rollup: ikm_pooled, PermenPANRB 14/2017), with hand-worked numbers.

Kelurahan Satu plays "Muncul": 4 respondents who answered every unsur,
    R1 = 4 4 4 4 4 4 3 3 3, R2 = R3 = R4 = 3 3 3 3 3 3 3 3 3
    sums U1..U6 = 13, U7..U9 = 12 over 4 answers each; NRR 3.25 × 6 + 3 × 3 = 28.5; IKM = 28.5 / 9 × 25 = 79.1667.
Kelurahan Dua plays "Setu": 2 respondents, the second skipped U3..U9,
    R1 = 2 3 3 3 3 3 3 3 3, R2 = 2 2 – – – – – – –
    sums U1 = 4 and U2 = 5 over 2 answers, U3..U9 = 3 over 1; NRR 2 + 2.5 + 3 × 7 = 25.5; IKM = 70.8333.
Kecamatan Alfa (Satu + Dua):
    respondent-weighted (the old roll-up): (79.1667 × 4 + 70.8333 × 2) / 6 = 458.3333 / 6 = 76.3889 → 76.39 (mutu C)
    pooled per unsur: U1 (13 + 4) / (4 + 2) = 2.8333, U2 (13 + 5) / 6 = 3, U3..U6 (13 + 3) / 5 = 3.2 (× 4 = 12.8),
    U7..U9 (12 + 3) / 5 = 3 (× 3 = 9); Σ NRR = 27.6333; IKM = 27.6333 / 9 × 25 = 76.7593 → 76.76 (mutu B)
"""

import math

import pytest

from kpi.core.methods import bands
from kpi.metrics.rollup import rollup_indicator
from tests.conftest import obs

N = math.nan
SATU, DUA, TIGA, ALFA = "36.74.01.1001", "36.74.01.1002", "36.74.02.1001", "36.74.01"
MUNCUL = [(13, 4)] * 6 + [(12, 4)] * 3  # (sum of scores, answers) per unsur U1..U9
SETU = [(4, 2), (5, 2)] + [(3, 1)] * 7
MUNCUL_IKM, SETU_IKM = 28.5 / 9 * 25, 25.5 / 9 * 25
WEIGHTED, POOLED = (MUNCUL_IKM * 4 + SETU_IKM * 2) / 6, (17 / 6 + 3 + 3.2 * 4 + 3 * 3) / 9 * 25


def _unit(periode: str, kode: str, ikm: float, respondents: int, parts=None, indikator: str = "ikm") -> list[tuple]:
    """A unit's IKM row (pembilang = IKM × respondents, rounded as the engine does) and its component rows."""
    rows = [(periode, kode, indikator, round(ikm * respondents, 4), respondents, N)]
    return rows + [(periode, kode, f"{indikator}.u{u}", s, n, N) for u, (s, n) in enumerate(parts or [], start=1)]


def _row(table, kode, periode):
    row = table[(table["kode_wilayah"] == kode) & (table["periode"] == periode)]
    assert len(row) == 1, row
    return row.iloc[0]


def test_the_hand_worked_figures():
    assert round(MUNCUL_IKM, 2) == 79.17 and round(SETU_IKM, 2) == 70.83
    assert round(WEIGHTED, 2) == 76.39 and round(POOLED, 2) == 76.76
    assert bands.ikm_mutu(WEIGHTED).code == "C" and bands.ikm_mutu(POOLED).code == "B"  # the grade changes


@pytest.mark.parametrize(
    "satu, dua, expected",
    [
        (MUNCUL, SETU, POOLED),  # every report has its components: pooled per unsur, 76.76
        (MUNCUL, None, WEIGHTED),  # Dua gives only its unit IKM: respondent-weighted, 76.39
        (None, None, WEIGHTED),  # observation files with unit IKMs only: respondent-weighted, as before
        (MUNCUL, SETU[:8], WEIGHTED),  # Dua's U9 is missing: an incomplete set is not pooled
    ],
    ids=["pooled", "one_unit_without_components", "no_components", "incomplete_components"],
)
def test_kecamatan_ikm_pools_answers_per_unsur(tiny_catalogue, tiny_register, satu, dua, expected):
    data = obs(_unit("2026-S1", SATU, MUNCUL_IKM, 4, satu) + _unit("2026-S1", DUA, SETU_IKM, 2, dua))
    ikm = tiny_catalogue.get("ikm")
    alfa = _row(rollup_indicator(data, ikm, "kecamatan", "semester", tiny_register), ALFA, "2026-S1")
    assert alfa.nilai == pytest.approx(expected, abs=1e-4)
    assert alfa.penyebut == 6 and alfa.pembilang == pytest.approx(expected * 6, abs=1e-3)  # value × respondents
    kota = _row(rollup_indicator(data, ikm, "kota", "semester", tiny_register), "36.74", "2026-S1")
    assert kota.nilai == pytest.approx(expected, abs=1e-4)


def test_a_unit_value_is_its_own_ikm_either_way(tiny_catalogue, tiny_register):
    data = obs(_unit("2026-S1", SATU, MUNCUL_IKM, 4, MUNCUL) + _unit("2026-S1", DUA, SETU_IKM, 2))
    kel = rollup_indicator(data, tiny_catalogue.get("ikm"), "kelurahan", "semester", tiny_register)
    assert _row(kel, SATU, "2026-S1").nilai == pytest.approx(MUNCUL_IKM, abs=1e-9)  # from the components, exact
    assert _row(kel, DUA, "2026-S1").nilai == pytest.approx(SETU_IKM, abs=1e-4)  # 141.6667 / 2
    assert math.isnan(_row(kel, TIGA, "2026-S1").nilai)


def test_a_year_pools_the_answers_of_both_semesters(tiny_catalogue, tiny_register):
    # Satu answered as Muncul in S1 and as Setu in S2: the year takes each unsur over the 6 respondents' answers
    data = obs(_unit("2026-S1", SATU, MUNCUL_IKM, 4, MUNCUL) + _unit("2026-S2", SATU, SETU_IKM, 2, SETU))
    year = _row(rollup_indicator(data, tiny_catalogue.get("ikm"), "kelurahan", "year", tiny_register), SATU, "2026")
    assert year.nilai == pytest.approx(POOLED, abs=1e-9) and year.laporan == 2
    kota = _row(rollup_indicator(data, tiny_catalogue.get("ikm"), "kota", "year", tiny_register), "36.74", "2026")
    assert kota.nilai == pytest.approx(POOLED, abs=1e-9)


def test_components_of_another_period_or_unit_do_not_count(tiny_catalogue, tiny_register):
    # Dua's components are filed under 2026-S2, its IKM row under 2026-S1: S1 has a report without components
    rows = _unit("2026-S1", SATU, MUNCUL_IKM, 4, MUNCUL) + _unit("2026-S1", DUA, SETU_IKM, 2)
    rows += [("2026-S2", DUA, f"ikm.u{u}", s, n, N) for u, (s, n) in enumerate(SETU, start=1)]
    alfa = rollup_indicator(obs(rows), tiny_catalogue.get("ikm"), "kecamatan", "semester", tiny_register)
    assert _row(alfa, ALFA, "2026-S1").nilai == pytest.approx(WEIGHTED, abs=1e-4)
