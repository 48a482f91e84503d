"""Roll-ups with hand-worked numbers: sum numerators and denominators, then divide; stocks take the last value."""

import math

import pytest

from kpi.metrics.rollup import rollup, rollup_indicator
from tests.conftest import obs

N = math.nan
SATU, DUA, TIGA = "36.74.01.1001", "36.74.01.1002", "36.74.02.1001"


def _value(table, kode, periode):
    row = table[(table["kode_wilayah"] == kode) & (table["periode"] == periode)]
    assert len(row) == 1, row
    return row.iloc[0]


def test_ratio_is_sum_over_sum_not_mean_of_ratios(tiny_catalogue, tiny_register):
    data = obs(
        [
            ("2026-01", SATU, "daring", 9, 10, N),
            ("2026-01", DUA, "daring", 50, 100, N),
            ("2026-01", TIGA, "daring", 1, 4, N),
        ]
    )
    kec = rollup_indicator(data, tiny_catalogue.get("daring"), "kecamatan", "month", tiny_register)
    alfa = _value(kec, "36.74.01", "2026-01")
    assert (alfa.pembilang, alfa.penyebut) == (59, 110)
    assert alfa.nilai == pytest.approx(53.636, abs=1e-3)  # 59/110, not (90 + 50)/2 = 70
    kota = rollup_indicator(data, tiny_catalogue.get("daring"), "kota", "month", tiny_register)
    assert _value(kota, "36.74", "2026-01").nilai == pytest.approx(60 / 114 * 100)


def test_months_sum_into_a_quarter(tiny_catalogue, tiny_register):
    data = obs(
        [(m, SATU, "daring", n, d, N) for m, n, d in (("2026-01", 1, 10), ("2026-02", 2, 10), ("2026-03", 7, 20))]
    )
    q = rollup_indicator(data, tiny_catalogue.get("daring"), "kelurahan", "quarter", tiny_register)
    assert _value(q, SATU, "2026-Q1").nilai == pytest.approx(10 / 40 * 100)


def test_population_denominator_over_a_quarter_is_the_last_month(tiny_catalogue, tiny_register):
    rows = [
        ("2026-01", SATU, "aduan", 2, 10000, N),
        ("2026-02", SATU, "aduan", 3, 10100, N),
        ("2026-03", SATU, "aduan", 4, 10200, N),
    ]
    q = rollup_indicator(obs(rows), tiny_catalogue.get("aduan"), "kelurahan", "quarter", tiny_register)
    row = _value(q, SATU, "2026-Q1")
    # complaints per month: mean of 2, 3, 4 = 3; residents: March's 10,200, not 30,300 summed over three months
    assert (row.pembilang, row.penyebut) == (3, 10200)
    assert row.nilai == pytest.approx(3 / 10200 * 10000)  # 2.94 per 10,000 per month


def test_a_denominator_declared_mean_over_time_is_the_mean_of_the_reports(tiny_catalogue, tiny_register):
    """denominator_over_time: mean (e.g. staff on the roll each month): Q1 divides the summed numerators by the mean
    denominator, not by the sum and not by the last month."""
    from dataclasses import replace

    ind = replace(tiny_catalogue.get("daring"), denominator_over_time="mean", factor=1)
    rows = [
        ("2026-01", SATU, "daring", 4, 10, N),
        ("2026-02", SATU, "daring", 5, 20, N),
        ("2026-03", SATU, "daring", 6, 30, N),
    ]
    q = rollup_indicator(obs(rows), ind, "kelurahan", "quarter", tiny_register)
    row = _value(q, SATU, "2026-Q1")
    assert (row.pembilang, row.penyebut) == (15, 20)  # 4 + 5 + 6 over (10 + 20 + 30) / 3
    assert row.nilai == pytest.approx(0.75)


def test_stock_is_taken_per_unit_then_summed_over_space(tiny_catalogue, tiny_register):
    rows = [
        ("2026-01", SATU, "aduan", 1, 1000, N),
        ("2026-02", SATU, "aduan", 1, 1100, N),
        ("2026-01", DUA, "aduan", 2, 3000, N),
        ("2026-02", DUA, "aduan", 0, 3000, N),
    ]
    q = rollup_indicator(obs(rows), tiny_catalogue.get("aduan"), "kecamatan", "quarter", tiny_register)
    row = _value(q, "36.74.01", "2026-Q1")
    assert (row.pembilang, row.penyebut) == (1 + 1, 1100 + 3000)  # each unit's monthly mean and last stock, then summed


def test_cumulative_budget_takes_the_last_month_for_both(tiny_catalogue, tiny_register):
    rows = [
        ("2026-04", "36.74.01", "anggaran", 10, 100, N),
        ("2026-05", "36.74.01", "anggaran", 30, 100, N),
        ("2026-06", "36.74.01", "anggaran", 45, 100, N),
        ("2026-06", "36.74.02", "anggaran", 20, 300, N),
    ]
    q = rollup_indicator(obs(rows), tiny_catalogue.get("anggaran"), "kota", "quarter", tiny_register)
    assert _value(q, "36.74", "2026-Q2").nilai == pytest.approx(65 / 400 * 100)


def test_missing_month_is_missing_never_zero(tiny_catalogue, tiny_register):
    rows = [
        ("2026-01", SATU, "daring", 5, 10, N),
        ("2026-01", DUA, "daring", 5, 10, N),
        ("2026-02", DUA, "daring", 1, 10, N),
        ("2026-01", TIGA, "daring", 1, 2, N),
        ("2026-02", TIGA, "daring", 1, 2, N),
    ]
    data = obs(rows)
    kel = rollup_indicator(data, tiny_catalogue.get("daring"), "kelurahan", "month", tiny_register)
    gap = _value(kel, SATU, "2026-02")
    assert math.isnan(gap.nilai) and gap.laporan == 0 and gap.laporan_diharapkan == 1
    kec = _value(
        rollup_indicator(data, tiny_catalogue.get("daring"), "kecamatan", "month", tiny_register), "36.74.01", "2026-02"
    )
    assert kec.nilai == pytest.approx(10.0) and (kec.laporan, kec.laporan_diharapkan) == (1, 2)


def test_mean_rollup_for_plain_scores(tiny_catalogue, tiny_register):
    rows = [("2025", "36.74.01", "kepatuhan", N, N, 80.0), ("2025", "36.74.02", "kepatuhan", N, N, 90.5)]
    kota = rollup_indicator(obs(rows), tiny_catalogue.get("kepatuhan"), "kota", "year", tiny_register)
    assert _value(kota, "36.74", "2025").nilai == pytest.approx(85.25)


def test_never_finer_than_collected(tiny_catalogue, tiny_register):
    rows = [("2025", "36.74.01", "kepatuhan", N, N, 80.0)]
    assert rollup_indicator(obs(rows), tiny_catalogue.get("kepatuhan"), "kelurahan", "year", tiny_register).empty
    assert rollup_indicator(obs(rows), tiny_catalogue.get("kepatuhan"), "kecamatan", "month", tiny_register).empty


def test_zero_over_zero_is_a_report_without_a_value(tiny_catalogue, tiny_register):
    rows = [("2026-01", SATU, "daring", 0, 0, N)]
    row = _value(
        rollup_indicator(obs(rows), tiny_catalogue.get("daring"), "kelurahan", "month", tiny_register), SATU, "2026-01"
    )
    assert math.isnan(row.nilai) and row.laporan == 1


def test_rollup_stacks_all_indicators_it_can_show(tiny_catalogue, tiny_register):
    rows = [("2026-01", SATU, "daring", 1, 2, N), ("2025", "36.74.01", "kepatuhan", N, N, 80.0)]
    table = rollup(obs(rows), tiny_catalogue, tiny_register, "kecamatan", "year")
    assert set(table["indikator"]) == {"daring", "kepatuhan"}
    assert set(rollup(obs(rows), tiny_catalogue, tiny_register, "kelurahan", "month")["indikator"]) == {"daring"}


def test_completeness_expects_reports_up_to_the_data_date(tiny_catalogue, tiny_register):
    # daring runs Jan–Oct 2026 in all 3 kelurahan, so the data end on 31 Oct 2026. aduan stops in August (Satu and
    # Dua only). 2026 at kelurahan level: daring 10 of 10 reports; aduan still owes September and October, so Satu
    # has 8 of 10 (80 %) and Tiga 0 of 10. Before, aduan's expected reports stopped at its own last month (8 of 8).
    rows = [(f"2026-{m:02d}", k, "daring", 5, 10, N) for m in range(1, 11) for k in (SATU, DUA, TIGA)]
    rows += [(f"2026-{m:02d}", k, "aduan", 1, 20000, N) for m in range(1, 9) for k in (SATU, DUA)]
    table = rollup(obs(rows), tiny_catalogue, tiny_register, "kelurahan", "year")
    daring = _value(table[table["indikator"] == "daring"], SATU, "2026")
    aduan = table[table["indikator"] == "aduan"]
    assert (daring.laporan, daring.laporan_diharapkan) == (10, 10)
    assert (_value(aduan, SATU, "2026").laporan, _value(aduan, SATU, "2026").laporan_diharapkan) == (8, 10)
    assert (_value(aduan, TIGA, "2026").laporan, _value(aduan, TIGA, "2026").laporan_diharapkan) == (0, 10)
    # By month, September and October are aduan periods without a report (no value), not absent periods.
    months = rollup(obs(rows), tiny_catalogue, tiny_register, "kelurahan", "month")
    october = _value(months[months["indikator"] == "aduan"], SATU, "2026-10")
    assert math.isnan(october.nilai) and (october.laporan, october.laporan_diharapkan) == (0, 1)
