"""Raw records of the synthetic sample: service requests (permohonan), complaints (aduan) and IKM survey answers
(survei), typed as in the issue-5 contract. Deterministic from the seed: every concern draws from its own
stream (Context.rng) and everything is vectorised over records. Complaints live in kpi/sample/raw_aduan.py,
the calendar helpers in kpi/sample/days.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.core import periods
from kpi.core.methods.ikm import UNSUR
from kpi.core.workdays import Calendar
from kpi.sample.days import Days, at, cells, clock, ids, in_office_hours, later, month_days, text
from kpi.sample.parts import Context, logistic, unit_offset
from kpi.sample.raw_aduan import aduan

# Online-request adoption per kecamatan: (midpoint year, speed per year, ceiling share). Serpong leads, Setu lags.
ONLINE_CURVES = {
    "36.74.01": (2022.9, 1.7, 0.86),
    "36.74.02": (2023.3, 1.5, 0.82),
    "36.74.03": (2023.5, 1.5, 0.80),
    "36.74.04": (2023.9, 1.4, 0.76),
    "36.74.05": (2023.6, 1.5, 0.80),
    "36.74.06": (2024.1, 1.3, 0.74),
    "36.74.07": (2024.7, 1.2, 0.70),
}
DEFAULT_CURVE = (2023.8, 1.4, 0.76)
# Kelurahan office services: (jenis_layanan, SOP in working days, share of requests).
SERVICES = (
    ("Surat Pengantar KTP-el", 1, 0.15),
    ("Surat Pengantar Kartu Keluarga", 1, 0.13),
    ("Surat Keterangan Domisili", 1, 0.13),
    ("Surat Keterangan Tidak Mampu (SKTM)", 1, 0.09),
    ("Surat Pengantar SKCK", 1, 0.07),
    ("Surat Keterangan Kelahiran", 1, 0.05),
    ("Surat Keterangan Kematian", 1, 0.04),
    ("Surat Keterangan Belum Menikah", 1, 0.04),
    ("Surat Keterangan Usaha", 2, 0.09),
    ("Surat Pengantar Nikah", 2, 0.07),
    ("Surat Keterangan Pindah", 3, 0.05),
    ("Surat Keterangan Ahli Waris", 5, 0.05),
    ("Surat Keterangan Riwayat Tanah", 7, 0.04),
)
SOP = np.array([s[1] for s in SERVICES], dtype="int64")
SHARES = np.array([s[2] for s in SERVICES])
REJECTED = 0.015
# IKM unsur U1..U9 offsets on the 1–4 scale: U4 Biaya (free services) high, U9 complaints handling low.
UNSUR_OFFSET = np.array([0.02, -0.03, -0.10, 0.32, 0.02, 0.05, 0.08, -0.05, -0.22])
# Share of respondents leaving an unsur unanswered (U9: many never filed a complaint).
UNANSWERED = np.array([0.01] * 8 + [0.05])


def records(ctx: Context, calendar: Calendar, missing: np.ndarray) -> dict[str, pd.DataFrame]:
    """The three raw frames; requests of missing kelurahan-months (True in `missing`) are dropped."""
    days = month_days(ctx, calendar)
    backlog, surge = outlier_cells(ctx, missing)
    return {
        "permohonan": permohonan(ctx, calendar, days, missing, backlog),
        "aduan": aduan(ctx, calendar, days, surge),
        "survei": survei(ctx, days),
    }


def outlier_cells(ctx: Context, missing: np.ndarray) -> tuple[tuple[int, int], tuple[int, int]]:
    """(kelurahan, month) of the request backlog (3 reported months, not the last) and of the complaint surge."""
    rng = ctx.rng("pencilan")
    reported = ~missing
    window = reported & np.roll(reported, 1, axis=1) & np.roll(reported, 2, axis=1)
    window[:, :2] = window[:, -1] = False
    backlog = np.unravel_index(rng.choice(np.flatnonzero(window.ravel())), ctx.shape)
    surge = np.unravel_index(rng.choice(ctx.shape[0] * (ctx.shape[1] - 1)), (ctx.shape[0], ctx.shape[1] - 1))
    return (int(backlog[0]), int(backlog[1])), (int(surge[0]), int(surge[1]))


def _request_counts(ctx: Context) -> np.ndarray:
    """Requests per kelurahan-month: Poisson on population, with the Lebaran dips."""
    rng = ctx.rng("permohonan")
    k, m = ctx.shape
    rate = rng.uniform(1.5, 3.0, (k, 1))
    season = np.where(ctx.lebaran, 0.65, np.where(ctx.after_lebaran, 0.90, 1.0))
    lam = ctx.pop / 1000 * rate * season * rng.lognormal(0.0, 0.06, (k, m))
    return np.maximum(rng.poisson(lam), 1)


def _online_share(ctx: Context, rng: np.random.Generator) -> np.ndarray:
    """Probability of an online request per kelurahan-month: a logistic S-curve per kecamatan, kelurahan jitter."""
    k, m = ctx.shape
    mid, speed, ceil = (
        np.array([ONLINE_CURVES.get(c, DEFAULT_CURVE)[i] for c in ctx.kecamatan])[ctx.induk] for i in range(3)
    )
    mid = mid[:, None] + unit_offset(rng, 0.25, k)
    floor = rng.uniform(0.09, 0.13, (k, 1))
    ceil = ceil[:, None] + unit_offset(rng, 0.02, k)
    x = speed[:, None] * (ctx.t - mid) + rng.normal(0.0, 0.1, (k, m))
    return np.clip(floor + (ceil - floor) * logistic(x), 0.0, 1.0)


def _channels(ctx: Context, ki: np.ndarray, mi: np.ndarray) -> np.ndarray:
    """kanal per request: daring on the S-curves; offline ones at the kelurahan (luring) or the MPP, rising."""
    rng = ctx.rng("daring")
    online = rng.random(ki.size) < _online_share(ctx, rng)[ki, mi]
    rng = ctx.rng("kanal_luring")
    mpp = 0.06 + 0.10 * ctx.progress + rng.uniform(-0.03, 0.05, (len(ctx.kecamatan), 1))[ctx.induk]
    return np.where(online, "daring", np.where(rng.random(ki.size) < mpp[ki, mi], "mpp", "luring"))


def _submitted(ctx: Context, days: Days, mi: np.ndarray, online: np.ndarray) -> np.ndarray:
    """diajukan: office hours on working days; 30 % of online requests in evenings, weekends and holidays."""
    rng = ctx.rng("waktu_pengajuan")
    n = mi.size
    anytime = online & (rng.random(n) < 0.30)
    office = at(days.pick(rng, mi, True), clock(rng, n, 8, 15))
    free_day = days.pick(rng, mi, False)
    evening = np.where(np.isin(free_day, days.work), clock(rng, n, 17, 23), clock(rng, n, 7, 22))
    return np.where(anytime, at(free_day, evening), office)


def _steps(ctx: Context, ki: np.ndarray, mi: np.ndarray, sop: np.ndarray, same_day: np.ndarray) -> np.ndarray:
    """Working days to complete: on time (≤ SOP) with a rising probability, late ones SOP + 1 + a shrinking tail."""
    k, m = ctx.shape
    skill = ctx.rng("kinerja_kelurahan").normal(0.0, 1.0, (k, 1))
    rng = ctx.rng("tepat_waktu")
    p = 0.80 + 0.15 * ctx.progress + 0.02 * skill - 0.07 * ctx.lebaran + rng.normal(0.0, 0.015, (k, m))
    tail = (12.0 - 7.0 * ctx.progress) * np.exp(-0.12 * skill) * np.where(ctx.lebaran, 1.25, 1.0)
    early = np.clip(0.15 + 0.05 * skill[:, 0], 0.02, 0.4)[ki]
    on_time = rng.random(ki.size) < np.clip(p, 0.5, 0.995)[ki, mi]
    steps = np.where(on_time, sop - rng.binomial(sop, early), sop + 1 + rng.poisson(tail[ki, mi]))
    return np.where(same_day, steps, np.maximum(steps, 1))


def _backlog(
    calendar: Calendar,
    days: Days,
    rng: np.random.Generator,
    jammed: np.ndarray,
    selesai: np.ndarray,
    diajukan: np.ndarray,
    month: int,
) -> np.ndarray:
    """The `jammed` requests submitted before `month`'s 4th-last working day are all completed in its last 4."""
    release = days.last_workdays(month, 4)[0]
    stuck = jammed & (diajukan < release.astype("datetime64[us]"))
    n = int(stuck.sum())
    out = selesai.copy()
    out[stuck] = at(calendar.add(np.full(n, release), rng.integers(0, 4, n)), clock(rng, n, 8, 16))
    return out


def permohonan(
    ctx: Context, calendar: Calendar, days: Days, missing: np.ndarray, backlog: tuple[int, int]
) -> pd.DataFrame:
    """Service requests: kanal, jenis_layanan with its SOP, diajukan, selesai (working days later), status."""
    ki, mi = cells(np.where(missing, 0, _request_counts(ctx)))
    kanal = _channels(ctx, ki, mi)
    service = ctx.rng("jenis_layanan").choice(len(SERVICES), ki.size, p=SHARES)
    diajukan = _submitted(ctx, days, mi, kanal == "daring")
    steps = _steps(ctx, ki, mi, SOP[service], in_office_hours(calendar, diajukan))
    rng = ctx.rng("ditolak")
    rejected = rng.random(ki.size) < REJECTED
    steps = np.where(rejected, rng.integers(1, 4, ki.size), steps)
    selesai = later(calendar, ctx.rng("jam_selesai"), diajukan, steps)
    jammed = (ki == backlog[0]) & (mi >= backlog[1] - 2) & (mi <= backlog[1]) & ~rejected  # 3 months stuck
    selesai = _backlog(calendar, days, ctx.rng("penumpukan"), jammed, selesai, diajukan, backlog[1])
    still_open = selesai >= days.as_of
    status = np.where(still_open, "proses", np.where(rejected, "ditolak", "selesai"))
    order = np.lexsort((ki, diajukan))
    return pd.DataFrame(
        {
            "id_permohonan": ids("P", ki.size),
            "kode_wilayah": text(np.array(ctx.kelurahan)[ki[order]]),
            "jenis_layanan": text(np.array([s[0] for s in SERVICES])[service[order]]),
            "kanal": text(kanal[order]),
            "diajukan": diajukan[order],
            "selesai": np.where(still_open, np.datetime64("NaT"), selesai)[order],
            "status": text(status[order]),
            "sop_hari_kerja": SOP[service[order]],
        }
    )


def _answers(rng: np.random.Generator, quality: np.ndarray, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Respondent cell (unit × semester, flat) and U1..U9 scores 1–4 around each cell's quality."""
    cell = np.repeat(np.arange(size.size), size.ravel())
    person = quality.ravel()[cell] + rng.normal(0.0, 0.3, cell.size)
    z = person[:, None] + UNSUR_OFFSET + rng.normal(0.0, 0.45, (cell.size, len(UNSUR_OFFSET)))
    return cell, np.clip(np.floor(z + 0.5), 1, 4).astype("int64")


def _survey_cells(ctx: Context) -> tuple[np.ndarray, np.ndarray]:
    """Respondent cell and scores of the kelurahan offices then the kecamatan offices, per semester."""
    rng = ctx.rng("ikm")
    k, s = len(ctx.kelurahan), len(ctx.semesters)
    size = np.maximum(rng.poisson(np.repeat(rng.uniform(60, 150, (k, 1)), s, axis=1)), 20)
    quality = 3.16 + 0.034 * np.arange(s) + unit_offset(rng, 0.09, k) + rng.normal(0.0, 0.05, (k, s))
    cell, scores = _answers(rng, quality, size)
    rng = ctx.rng("ikm_kecamatan")
    c = len(ctx.kecamatan)
    size = rng.integers(100, 251, (c, s))
    quality = 3.20 + 0.03 * np.arange(s) + unit_offset(rng, 0.07, c) + rng.normal(0.0, 0.04, (c, s))
    kec_cell, kec_scores = _answers(rng, quality, size)
    return np.concatenate([cell, kec_cell + k * s]), np.concatenate([scores, kec_scores])


def survei(ctx: Context, days: Days) -> pd.DataFrame:
    """IKM (SKM) answers for kelurahan and kecamatan offices per semester, dated on working days inside it."""
    cell, scores = _survey_cells(ctx)
    s = len(ctx.semesters)
    units, semester = np.divmod(cell, s)
    first = np.array([ctx.months.index(periods.start_date(p).strftime("%Y-%m")) for p in ctx.semesters])
    rng = ctx.rng("survei_tanggal")
    tanggal = days.pick(rng, first[semester] + rng.integers(0, 6, cell.size), True).astype("datetime64[us]")
    rng = ctx.rng("survei_kosong")
    blank = rng.random(scores.shape) < UNANSWERED
    blank[blank.all(axis=1), 0] = False
    order = np.lexsort((units, tanggal))
    answers = {
        u: pd.array(np.where(blank[:, i], pd.NA, scores[:, i])[order], dtype="Int64") for i, u in enumerate(UNSUR)
    }
    return pd.DataFrame(
        {
            "id_responden": ids("R", cell.size),
            "kode_unit": text(np.array(ctx.kelurahan + ctx.kecamatan)[units[order]]),
            "tanggal": tanggal[order],
            **answers,
        }
    )
