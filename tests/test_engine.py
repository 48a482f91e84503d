"""Tests for the KPI engines (kpi.engine on DuckDB, kpi.engine.reference on pandas) and ikm_from_sums.

Every hand-worked case runs through both engines; the engines must also agree exactly on random records.
Kelurahan A = 36.74.01.1001 (Ciater), B = 36.74.01.1002 (Rawabuntu), C = 36.74.02.1001 (Pakulonan);
kecamatan Serpong = 36.74.01. Working days per kpi.core.workdays (holidays 0.109, empty hari_libur.csv).
"""

from __future__ import annotations

import re
from dataclasses import replace

import duckdb
import numpy as np
import pandas as pd
import pytest
import yaml

from kpi import engine, settings
from kpi.core.catalogue import load_catalogue, parse_catalogue
from kpi.core.methods.bands import load_band_sets
from kpi.core.methods.ikm import UNSUR, compute_ikm, ikm_from_sums
from kpi.core.observations import COLUMNS as OBS_COLUMNS
from kpi.core.pooling import family
from kpi.core.wilayah import load_register
from kpi.core.workdays import Calendar
from kpi.engine import reference as engine_ref
from kpi.engine.bench import bench_engine, synthetic_permohonan
from kpi.engine.common import EngineCatalogueError

A, B, C, SERPONG = "36.74.01.1001", "36.74.01.1002", "36.74.02.1001", "36.74.01"
ENGINES = pytest.mark.parametrize("compute", [engine.compute, engine_ref.compute], ids=["duckdb", "pandas"])
NAT = None


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return Calendar()


def _stamps(values: list[str | None]) -> pd.Series:
    return pd.Series(pd.to_datetime(values)).astype("datetime64[us]")


def permohonan() -> pd.DataFrame:
    rows = [  # kode, kanal, diajukan, selesai, status, sop → working days, on time?
        (A, "daring", "2024-04-01 09:00", "2024-04-03 10:00", "selesai", 3),  # 1: Apr 2, 3 → 2 ≤ 3 yes
        (A, "luring", "2024-04-05 08:00", "2024-04-16 11:00", "selesai", 1),  # 2: Lebaran, only 16 → 1 ≤ 1 yes
        (A, "mpp", "2024-04-05 10:00", "2024-04-19 09:00", "selesai", 2),  # 3: 16-19 → 4 > 2 no
        (A, "daring", "2024-04-30 15:00", "2024-05-02 09:00", "selesai", 1),  # 4: 1 May holiday → 1 yes; done in May
        (A, "daring", "2024-04-22 08:00", NAT, "proses", 5),  # 5: open: submitted only
        (A, "luring", "2024-04-23 08:00", "2024-04-24 08:00", "ditolak", 5),  # 6: refused: submitted only
        (B, "daring", "2024-04-01 08:00", "2024-04-01 14:00", "selesai", 1),  # 7: same day → 0 yes
        (B, "daring", "2024-03-28 09:00", "2024-04-02 09:00", "selesai", 2),  # 8: Good Friday → Apr 1, 2 → 2 yes
        (B, "luring", "2024-04-12 09:00", "2024-04-22 09:00", "selesai", 5),  # 9: 15 cuti; 16-19, 22 → 5 yes
        (B, "mpp", "2024-05-10 09:00", "2024-05-20 09:00", "selesai", 3),  # 10: 13-17, 20 → 6 > 3 no
    ]
    kode, kanal, diajukan, selesai, status, sop = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "id_permohonan": [f"P{i}" for i in range(1, 11)],
            "kode_wilayah": kode,
            "jenis_layanan": "KTP-el",
            "kanal": kanal,
            "diajukan": _stamps(list(diajukan)),
            "selesai": _stamps(list(selesai)),
            "status": status,
            "sop_hari_kerja": np.array(sop, dtype="int64"),
            "_baris": np.arange(2, 12, dtype="int64"),
        }
    )


# month of diajukan: A 2024-04 has requests 1-6 (daring 1, 4, 5); B 2024-03 has 8 (daring); B 2024-04 has 7 (daring)
# and 9; B 2024-05 has 10. Month of selesai (status selesai only): A 2024-04 = 1, 2, 3; A 2024-05 = 4;
# B 2024-04 = 7, 8, 9; B 2024-05 = 10.
REQUEST_ROWS = [  # indikator, kode, periode, pembilang, penyebut
    ("layanan_daring", A, "2024-04", 3, 6),
    ("layanan_daring", B, "2024-03", 1, 1),
    ("layanan_daring", B, "2024-04", 1, 2),
    ("layanan_daring", B, "2024-05", 0, 1),
    ("selesai_tepat_waktu", A, "2024-04", 2, 3),  # 1 yes, 2 yes, 3 no
    ("selesai_tepat_waktu", A, "2024-05", 1, 1),  # 4 yes
    ("selesai_tepat_waktu", B, "2024-04", 3, 3),  # 7, 8, 9 yes
    ("selesai_tepat_waktu", B, "2024-05", 0, 1),  # 10 no
    ("waktu_penyelesaian", A, "2024-04", 7, 3),  # 2 + 1 + 4
    ("waktu_penyelesaian", A, "2024-05", 1, 1),
    ("waktu_penyelesaian", B, "2024-04", 7, 3),  # 0 + 2 + 5
    ("waktu_penyelesaian", B, "2024-05", 6, 1),
]


def aduan() -> pd.DataFrame:
    rows = [  # kode, diterima, tindak_lanjut → working days, within 3?
        (A, "2024-04-05 10:00", "2024-04-17 09:00"),  # 16, 17 → 2 yes (12 calendar days over Lebaran)
        (A, "2024-04-01 10:00", "2024-04-05 09:00"),  # 2, 3, 4, 5 → 4 no
        (A, "2024-04-02 10:00", NAT),  # no follow-up yet → no
        (A, "2024-04-03 08:00", "2024-04-03 16:00"),  # same day → 0 yes
        (B, "2024-06-14 10:00", "2024-06-20 09:00"),  # 17 Idul Adha, 18 cuti bersama → 19, 20 = 2 yes
    ]
    kode, diterima, tindak = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "id_aduan": [f"A{i}" for i in range(1, 6)],
            "kode_wilayah": kode,
            "kanal": "SP4N-LAPOR!",
            "kategori": "Administrasi kependudukan",
            "diterima": _stamps(list(diterima)),
            "tindak_lanjut": _stamps(list(tindak)),
            "selesai": _stamps([NAT] * 5),
            "_baris": np.arange(2, 7, dtype="int64"),
        }
    )


POPULATION = pd.DataFrame(
    {"kode_wilayah": [A, A, B, C], "tahun": [2023, 2025, 2025, 2024], "penduduk": [10_000, 12_000, 20_000, 5_000]}
)
# aduan_per_10rb: months 2024-04..2024-06, every register kelurahan, only those with a population:
# A uses 2023 (latest ≤ 2024) = 10 000; B has only 2025 (earliest later year) = 20 000; C 2024 = 5 000.
COMPLAINT_ROWS = [
    ("aduan_per_10rb", A, "2024-04", 4, 10_000),
    ("aduan_per_10rb", A, "2024-05", 0, 10_000),
    ("aduan_per_10rb", A, "2024-06", 0, 10_000),
    ("aduan_per_10rb", B, "2024-04", 0, 20_000),
    ("aduan_per_10rb", B, "2024-05", 0, 20_000),
    ("aduan_per_10rb", B, "2024-06", 1, 20_000),
    ("aduan_per_10rb", C, "2024-04", 0, 5_000),
    ("aduan_per_10rb", C, "2024-05", 0, 5_000),
    ("aduan_per_10rb", C, "2024-06", 0, 5_000),
    ("aduan_tindak_lanjut", A, "2024-04", 2, 4),
    ("aduan_tindak_lanjut", B, "2024-06", 1, 1),
]

SURVEY_A = [  # kelurahan A, 2026-S1 (U1..U9; None = not answered)
    [4, 4, 3, 4, 3, 4, 4, 3, 4],  # R1
    [3, 3, 3, 4, 3, 4, 4, 3, None],  # R2
    [4, 3, 2, 4, 4, 3, 4, 3, 3],  # R3
    [3, 4, 3, None, 3, 4, 3, 2, 4],  # R4
    [4, 4, 3, 4, 4, 4, 4, 3, 3],  # R5
    [2, 3, 3, 4, 3, 3, 4, 3, 4],  # R6
]
# NRR: U1 20/6, U2 21/6, U3 17/6, U4 20/5 = 4, U5 20/6, U6 22/6, U7 23/6, U8 17/6, U9 18/5 = 3.6
# Σ NRR = 140/6 + 4 + 3.6 = 30.9333…; IKM = 30.9333… / 9 × 25 = 85.9259… (85.93)
# pembilang = round(85.9259… × 6, 4) = 515.5556, penyebut = 6
SURVEY_A_IKM, SURVEY_A_PEMBILANG = 85.93, 515.5556


def survei() -> pd.DataFrame:
    answers = SURVEY_A + [[4] * 9, [3] * 9] + [[4] + [None] * 8]
    units = [A] * 6 + [SERPONG] * 2 + [B]
    dates = ["2026-02-03"] * 3 + ["2026-06-30"] * 3 + ["2025-08-01", "2025-12-31", "2026-01-05"]
    frame = pd.DataFrame(answers, columns=list(UNSUR)).astype("Int64")
    meta = pd.DataFrame(
        {"id_responden": [f"R{i}" for i in range(1, 10)], "kode_unit": units, "tanggal": _stamps(dates)}
    )
    return pd.concat([meta, frame], axis=1).assign(_baris=np.arange(2, 11, dtype="int64"))


# Serpong (kecamatan office), 2025-S2: one respondent all 4, one all 3 → NRR 3.5 each → IKM 87.5 → 175 / 2.
# B answered only U1 (U2..U9 have no answer in its semester) → no IKM row, and no component rows either.
# Components (rollup: ikm_pooled): per unsur, pembilang = the scores' sum, penyebut = the number of answers.
SURVEY_A_SUMS = [(20, 6), (21, 6), (17, 6), (20, 5), (20, 6), (22, 6), (23, 6), (17, 6), (18, 5)]
SURVEY_ROWS = [
    ("ikm", A, "2026-S1", SURVEY_A_PEMBILANG, 6),
    *((f"ikm.u{i}", A, "2026-S1", s, n) for i, (s, n) in enumerate(SURVEY_A_SUMS, start=1)),
    ("ikm_kecamatan", SERPONG, "2025-S2", 175.0, 2),
    *((f"ikm_kecamatan.u{i}", SERPONG, "2025-S2", 7, 2) for i in range(1, 10)),  # 4 + 3 over 2 answers
]


def _expected(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indikator", "kode_wilayah", "periode", "pembilang", "penyebut"])
    frame = frame.assign(nilai=np.nan)[list(OBS_COLUMNS)].astype(
        {"periode": "str", "kode_wilayah": "str", "indikator": "str", "pembilang": "float64", "penyebut": "float64"}
    )
    return frame.sort_values(["indikator", "kode_wilayah", "periode"], ignore_index=True)


@ENGINES
def test_requests_hand_worked(compute, calendar):
    result = compute({"permohonan": permohonan()}, calendar=calendar)
    pd.testing.assert_frame_equal(result, _expected(REQUEST_ROWS), check_exact=True)


def _catalogue_with(**period_dates: str):
    """The shipped catalogue with some indicators' period_date changed."""
    doc = yaml.safe_load(settings.INDICATORS_FILE.read_text(encoding="utf-8"))
    for rec in doc["indicators"]:
        rec["period_date"] = period_dates.get(rec["id"], rec.get("period_date"))
    return parse_catalogue(doc, load_band_sets())


# The other dates: online share of the requests completed in the month (status selesai, by month of selesai); on time
# and completion time of the completed requests submitted in the month (request 4 was submitted on 30 April).
REQUEST_ROWS_OTHER_DATES = [
    ("layanan_daring", A, "2024-04", 1, 3),  # 1, 2, 3: 1 online
    ("layanan_daring", A, "2024-05", 1, 1),  # 4 online
    ("layanan_daring", B, "2024-04", 2, 3),  # 7, 8 online, 9 not
    ("layanan_daring", B, "2024-05", 0, 1),  # 10
    ("selesai_tepat_waktu", A, "2024-04", 3, 4),  # 1 yes, 2 yes, 3 no, 4 yes
    ("selesai_tepat_waktu", B, "2024-03", 1, 1),  # 8 yes
    ("selesai_tepat_waktu", B, "2024-04", 2, 2),  # 7, 9 yes
    ("selesai_tepat_waktu", B, "2024-05", 0, 1),  # 10 no
    ("waktu_penyelesaian", A, "2024-04", 8, 4),  # 2 + 1 + 4 + 1
    ("waktu_penyelesaian", B, "2024-03", 2, 1),
    ("waktu_penyelesaian", B, "2024-04", 5, 2),  # 0 + 5
    ("waktu_penyelesaian", B, "2024-05", 6, 1),
]


@ENGINES
def test_requests_are_placed_by_the_date_the_catalogue_declares(compute, calendar):
    swapped = _catalogue_with(
        layanan_daring="permohonan.selesai",
        selesai_tepat_waktu="permohonan.diajukan",
        waktu_penyelesaian="permohonan.diajukan",
    )
    result = compute({"permohonan": permohonan()}, calendar=calendar, catalogue=swapped)
    pd.testing.assert_frame_equal(result, _expected(REQUEST_ROWS_OTHER_DATES), check_exact=True)


@ENGINES
@pytest.mark.parametrize(
    "declared, words",
    [
        ({"layanan_daring": "aduan.diterima"}, "'layanan_daring', isian 'period_date': 'aduan.diterima' tidak dapat"),
        ({"aduan_tindak_lanjut": "aduan.selesai"}, "dari catatan aduan, isi salah satu dari aduan.diterima"),
        ({"ikm": None}, "Indikator 'ikm', isian 'period_date': kosong; indikator ini dihitung dari catatan survei"),
    ],
)
def test_a_period_date_the_engine_cannot_use_is_refused_in_indonesian(compute, calendar, declared, words):
    shipped = load_catalogue()  # values the loader would refuse as well: the engine checks what it is given
    catalogue = replace(
        shipped, indicators=tuple(replace(i, period_date=declared.get(i.id, i.period_date)) for i in shipped.indicators)
    )
    with pytest.raises(EngineCatalogueError, match=re.escape(words)):
        compute({"permohonan": permohonan()}, calendar=calendar, catalogue=catalogue)


@ENGINES
def test_complaints_hand_worked(compute, calendar):
    result = compute({"aduan": aduan()}, population=POPULATION, calendar=calendar)
    pd.testing.assert_frame_equal(result, _expected(COMPLAINT_ROWS), check_exact=True)


@ENGINES
def test_complaint_rate_needs_population(compute, calendar):
    result = compute({"aduan": aduan()}, calendar=calendar)
    assert set(result["indikator"]) == {"aduan_tindak_lanjut"}


@ENGINES
def test_ikm_hand_worked_and_equal_to_compute_ikm(compute, calendar):
    result = compute({"survei": survei()}, calendar=calendar)
    pd.testing.assert_frame_equal(result, _expected(SURVEY_ROWS), check_exact=True)
    one = compute_ikm(pd.DataFrame(SURVEY_A, columns=list(UNSUR)).astype("float64"))
    assert round(one.ikm, 2) == SURVEY_A_IKM
    assert result["pembilang"].iloc[0] == round(one.ikm * 6, 4)


@ENGINES
def test_component_rows_follow_the_declared_rollup(compute, calendar):
    """Components are written because the catalogue pools ikm (rollup: ikm_pooled); declared a plain ratio, the
    same answers give the unit rows only."""
    shipped = load_catalogue()
    plain = replace(
        shipped,
        indicators=tuple(replace(i, rollup="ratio") if i.id.startswith("ikm") else i for i in shipped.indicators),
    )
    result = compute({"survei": survei()}, calendar=calendar, catalogue=plain)
    pd.testing.assert_frame_equal(result, _expected([r for r in SURVEY_ROWS if "." not in r[0]]), check_exact=True)


def test_ikm_from_sums_matches_compute_ikm():
    answers = pd.DataFrame(SURVEY_A, columns=list(UNSUR)).astype("float64")
    sums, counts = answers.sum().to_numpy()[None, :], answers.count().to_numpy()[None, :]
    assert counts.tolist() == [[6, 6, 6, 5, 6, 6, 6, 6, 5]]
    assert ikm_from_sums(sums, counts).tolist() == [compute_ikm(answers).ikm]  # exact, not approximately
    unanswered = ikm_from_sums(np.array([[4] + [0] * 8]), np.array([[1] + [0] * 8]))
    assert np.isnan(unanswered).tolist() == [True]


@ENGINES
def test_kinds_absent_give_no_rows(compute, calendar):
    empty = compute({}, calendar=calendar)
    assert list(empty.columns) == list(OBS_COLUMNS) and empty.empty
    assert [str(t) for t in empty.dtypes] == ["str", "str", "str", "float64", "float64", "float64"]
    only = compute({"permohonan": permohonan()}, population=POPULATION, calendar=calendar)
    assert set(only["indikator"]) == {"layanan_daring", "selesai_tepat_waktu", "waktu_penyelesaian"}
    assert compute({"permohonan": permohonan().iloc[:0]}, calendar=calendar).empty


@ENGINES
def test_categorical_object_and_nanosecond_inputs(compute, calendar):
    frame = permohonan()
    frame = frame.assign(
        kode_wilayah=pd.Categorical(frame["kode_wilayah"], categories=[C, B, A]),
        kanal=pd.Categorical(frame["kanal"], categories=["mpp", "luring", "daring", "lainnya"]),
        status=pd.Categorical(frame["status"]),
        id_permohonan=frame["id_permohonan"].astype(object),
        diajukan=frame["diajukan"].astype("datetime64[ns]"),
    )
    complaints = aduan().assign(kode_wilayah=lambda f: pd.Categorical(f["kode_wilayah"]))
    answers = survei().assign(kode_unit=lambda f: f["kode_unit"].astype("string[python]"))
    result = compute(
        {"permohonan": frame, "aduan": complaints, "survei": answers}, population=POPULATION, calendar=calendar
    )
    pd.testing.assert_frame_equal(result, _expected(REQUEST_ROWS + COMPLAINT_ROWS + SURVEY_ROWS), check_exact=True)


def _complaints(rows: list[tuple]) -> pd.DataFrame:
    """Complaint records from (kode, diterima, tindak_lanjut, selesai) tuples."""
    kode, diterima, tindak, selesai = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "id_aduan": [f"T{i}" for i in range(len(rows))],
            "kode_wilayah": kode,
            "kanal": "SIARAN",
            "kategori": "Banjir",
            "diterima": _stamps(list(diterima)),
            "tindak_lanjut": _stamps(list(tindak)),
            "selesai": _stamps(list(selesai)),
        }
    )


OPEN_COMPLAINTS = [  # kode, diterima, tindak_lanjut, selesai; the data end on Friday 30 October 2026
    (A, "2026-10-01 09:00", "2026-10-02 09:00", "2026-10-30 15:00"),  # followed up after 1 working day: yes
    (A, "2026-10-05 09:00", NAT, NAT),  # 19 working days without: no
    (A, "2026-10-26 09:00", NAT, NAT),  # Mon: 27, 28, 29, 30 = 4 > 3: no
    (A, "2026-10-27 09:00", NAT, NAT),  # Tue: 28, 29, 30 = 3: may still be in time, not followed up yet: no
    (A, "2026-10-28 09:00", NAT, NAT),  # Wed: 29, 30 = 2: still open, not followed up yet: no
]


@ENGINES
def test_every_complaint_received_is_in_the_denominator_open_ones_not_followed_up(compute, calendar):
    """aduan_tindak_lanjut divides by the complaints received in the month, as the catalogue declares; one without
    a follow-up counts as not followed up, even while its 3 working days are running (1 of 5 = 20 %)."""
    result = compute({"aduan": _complaints(OPEN_COMPLAINTS)}, population=POPULATION, calendar=calendar)
    rows = result.set_index("indikator")[["kode_wilayah", "periode", "pembilang", "penyebut"]]
    assert rows.loc["aduan_tindak_lanjut"].tolist() == [A, "2026-10", 1.0, 5.0]
    rate = result[(result["indikator"] == "aduan_per_10rb") & (result["kode_wilayah"] == A)]
    assert rate[["periode", "pembilang"]].values.tolist() == [["2026-10", 5.0]]  # all 5 were received


A_OCTOBER = [
    (A, "2026-10-01 09:00", "2026-10-02 09:00", NAT),  # Thu, followed up Fri: 1 working day → yes
    (A, "2026-10-28 09:00", NAT, NAT),  # Wed, no follow-up in the records → received, not followed up
]
ELSEWHERE = [(C, "2026-11-09 09:00", "2026-11-09 10:00", NAT)]  # Pakulonan, a later month


@ENGINES
@pytest.mark.parametrize("others", [[], ELSEWHERE], ids=["alone", "with_a_later_complaint_elsewhere"])
def test_a_kelurahans_value_ignores_other_kelurahans_records(compute, calendar, others):
    """A received 2 complaints in October 2026, 1 followed up within 3 working days: 1 / 2 = 50 %, whether or not
    Pakulonan's complaint of 9 November is in the records. Before the fix the as-of day was the latest timestamp of
    all records: alone, A's own 28 October made the open complaint "not yet judged" (1 / 1 = 100 %); Pakulonan's
    9 November put 8 working days behind it (29, 30 Oct, 2–6, 9 Nov > 3), so it became late (1 / 2 = 50 %)."""
    result = compute({"aduan": _complaints(A_OCTOBER + others)}, calendar=calendar)
    row = result[(result["indikator"] == "aduan_tindak_lanjut") & (result["kode_wilayah"] == A)]
    assert row[["periode", "pembilang", "penyebut"]].values.tolist() == [["2026-10", 1.0, 2.0]]


def test_engine_in_duckdb_equals_the_engine_on_frames(calendar):
    """compute_in reads records already in DuckDB (as the import store does) and gives the same frame."""
    records = _random_records(4, calendar)
    con = duckdb.connect()
    for kind, frame in records.items():
        con.register("frame", frame)
        con.execute(f"CREATE TABLE t_{kind} AS SELECT * FROM frame")
        con.unregister("frame")
    sources = {kind: f"(SELECT * FROM t_{kind} WHERE true)" for kind in records}
    population = pd.DataFrame({"kode_wilayah": [A, B], "tahun": 2024, "penduduk": [10_000, 20_000]})
    inside = engine.compute_in(con, sources, population=population, calendar=calendar)
    pd.testing.assert_frame_equal(
        inside, engine_ref.compute(records, population=population, calendar=calendar), check_exact=True
    )


def test_passed_connection_is_left_clean(calendar):
    con = duckdb.connect()
    engine.compute({"permohonan": permohonan()}, calendar=calendar, connection=con)
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE '_kpi_%'").fetchall() == [(0,)]
    assert con.execute("SELECT 1").fetchall() == [(1,)]


def _random_records(seed: int, calendar: Calendar) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    codes = np.array([u.kode for u in load_register().level("kelurahan")])
    units = np.concatenate([codes, [u.kode for u in load_register().level("kecamatan")]])
    n = 2_000
    day = np.datetime64("2023-11-01") + rng.integers(0, 400, n)
    diterima = day.astype("datetime64[us]") + rng.integers(0, 86_400, n).astype("timedelta64[s]")
    follow = calendar.add(day, rng.integers(0, 7, n)).astype("datetime64[us]") + np.timedelta64(20, "h")
    follow[rng.random(n) < 0.2] = np.datetime64("NaT")
    complaints = pd.DataFrame(
        {"kode_wilayah": rng.choice(codes, n), "diterima": diterima, "tindak_lanjut": follow, "selesai": follow}
    )
    scores = pd.DataFrame(rng.integers(1, 5, (n, 9)), columns=list(UNSUR)).astype("Int64")
    scores = scores.mask(rng.random((n, 9)) < 0.1)
    answers = pd.concat(
        [pd.DataFrame({"kode_unit": rng.choice(units, n), "tanggal": day.astype("datetime64[us]")}), scores], axis=1
    )
    return {"permohonan": synthetic_permohonan(3_000, seed, calendar), "aduan": complaints, "survei": answers}


@pytest.mark.parametrize("seed", [1, 2])
def test_engines_agree_on_random_records(seed, calendar):
    records = _random_records(seed, calendar)
    population = pd.DataFrame(
        {
            "kode_wilayah": [u.kode for u in load_register().level("kelurahan")][:40],
            "tahun": 2024,
            "penduduk": np.arange(40) * 1000 + 15_000,
        }
    )
    duck = engine.compute(records, population=population, calendar=calendar)
    ref = engine_ref.compute(records, population=population, calendar=calendar)
    pd.testing.assert_frame_equal(duck, ref, check_exact=True)
    assert set(family(duck["indikator"])) == {
        "layanan_daring",
        "selesai_tepat_waktu",
        "waktu_penyelesaian",
        "aduan_tindak_lanjut",
        "aduan_per_10rb",
        "ikm",
        "ikm_kecamatan",
    }
    assert (duck["pembilang"] <= duck["penyebut"] * 100).all()
    components = duck[duck["indikator"].str.contains(".", regex=False)]
    assert set(components["indikator"]) == {f"{i}.u{u}" for i in ("ikm", "ikm_kecamatan") for u in range(1, 10)}
    assert components["pembilang"].between(components["penyebut"], components["penyebut"] * 4).all()  # scores 1–4


def test_bench_smoke(capsys):
    line = bench_engine(rows=3_000, seed=3, repeat=1)
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed[-1] == line
    assert re.fullmatch(r"engine_speedup=\d+\.\d\d rows=3000 seconds=\d+\.\d{3} peak_rss_mb=\d+", line)
