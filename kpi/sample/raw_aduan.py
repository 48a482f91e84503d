"""Raw complaint records (aduan) of the synthetic sample: channels, categories, receipt, first follow-up and
resolution, with one complaint surge (a flood). Part of kpi/sample/raw.py, split off for size."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.core.workdays import Calendar
from kpi.sample.days import Days, at, cells, clock, ids, in_office_hours, later, text
from kpi.sample.parts import Context, unit_offset

NAT = np.datetime64("NaT", "us")
CHANNELS = ("SP4N-LAPOR!", "SIARAN", "WhatsApp", "Datang langsung", "Media sosial")
CHANNEL_SHARES = np.array([0.30, 0.22, 0.26, 0.12, 0.10])
WALK_IN = CHANNELS.index("Datang langsung")
# (kategori, share of complaints, mean working days from first follow-up to resolution)
CATEGORIES = (
    ("Administrasi kependudukan", 0.18, 3),
    ("Pelayanan petugas kelurahan", 0.09, 2),
    ("Kebersihan dan sampah", 0.17, 4),
    ("Jalan dan drainase", 0.15, 12),
    ("Banjir dan genangan", 0.08, 8),
    ("Penerangan jalan umum", 0.10, 6),
    ("Ketertiban umum", 0.13, 5),
    ("Bantuan sosial", 0.10, 9),
)
FLOOD = 4
NEVER_FOLLOWED = 0.04  # of the complaints not followed up within 3 working days
NEVER_RESOLVED = 0.02


def _counts(ctx: Context) -> tuple[np.ndarray, np.ndarray]:
    """Complaints per kelurahan-month (Poisson per 10,000 residents, slowly falling) and P(follow-up ≤ 3 days)."""
    rng = ctx.rng("aduan")
    k, m = ctx.shape
    rate = rng.uniform(1.0, 2.0, (k, 1)) * (1.1 - 0.2 * ctx.progress)
    received = rng.poisson(ctx.pop / 10_000 * rate * rng.lognormal(0.0, 0.1, (k, m)))
    p = 0.80 + 0.15 * ctx.progress + unit_offset(rng, 0.025, k) + rng.normal(0.0, 0.02, (k, m))
    return received, np.clip(p, 0.5, 0.995)


def _surge(ctx: Context, days: Days, surge: tuple[int, int]) -> tuple[int, np.ndarray]:
    """Extra complaints of the surge cell (about 12 per 10,000 residents) over three days from a flood day."""
    rng = ctx.rng("lonjakan_aduan")
    kel, month = surge
    n = int(rng.poisson(ctx.pop[kel, month] / 10_000 * 12))
    start = days.every_start[month] + rng.integers(0, days.every_count[month] - 2)
    return n, days.every[start + rng.integers(0, 3, n)]


def _received(ctx: Context, days: Days, mi: np.ndarray, walk_in: np.ndarray) -> np.ndarray:
    """diterima: walk-ins in office hours on working days, the other channels any day from 06:00 to 23:00."""
    rng = ctx.rng("waktu_aduan")
    n = mi.size
    office = at(days.pick(rng, mi, True), clock(rng, n, 8, 15))
    return np.where(walk_in, office, at(days.pick(rng, mi, False), clock(rng, n, 6, 23)))


def _follow_up_steps(ctx: Context, quick: np.ndarray, same_day: np.ndarray) -> np.ndarray:
    """Working days to the first follow-up: 0–3 when quick, else 4 and more; -1 = never followed up."""
    rng = ctx.rng("tindak_lanjut")
    n = quick.size
    fast = rng.choice(4, n, p=[0.30, 0.35, 0.20, 0.15])
    slow = 3 + rng.geometric(0.35, n)
    steps = np.where(quick, np.where(same_day, fast, np.maximum(fast, 1)), slow)
    return np.where(~quick & (rng.random(n) < NEVER_FOLLOWED), -1, steps)


def _resolved(ctx: Context, calendar: Calendar, tindak_lanjut: np.ndarray, category: np.ndarray) -> np.ndarray:
    """selesai: a category-dependent Poisson number of working days after the first follow-up; some never."""
    rng = ctx.rng("aduan_selesai")
    n = category.size
    mean = np.array([c[2] for c in CATEGORIES], dtype=float)[category]
    selesai = later(calendar, rng, tindak_lanjut, rng.poisson(mean))
    return np.where(np.isnat(tindak_lanjut) | (rng.random(n) < NEVER_RESOLVED), NAT, selesai)


def aduan(ctx: Context, calendar: Calendar, days: Days, surge: tuple[int, int]) -> pd.DataFrame:
    """Complaints per kelurahan: kanal, kategori, diterima, tindak_lanjut (first follow-up), selesai; no gaps."""
    counts, p_quick = _counts(ctx)
    ki, mi = cells(counts)
    extra, flood_days = _surge(ctx, days, surge)
    rng = ctx.rng("kanal_aduan")
    channel = np.concatenate(
        [
            rng.choice(len(CHANNELS), ki.size, p=CHANNEL_SHARES),
            rng.choice([0, 1, 2, 4], extra, p=[0.35, 0.25, 0.25, 0.15]),
        ]
    )
    category = np.concatenate(
        [
            ctx.rng("kategori_aduan").choice(len(CATEGORIES), ki.size, p=[c[1] for c in CATEGORIES]),
            np.full(extra, FLOOD),
        ]
    )
    received = _received(ctx, days, mi, channel[: ki.size] == WALK_IN)
    received = np.concatenate([received, at(flood_days, clock(ctx.rng("lonjakan_jam"), extra, 6, 23))])
    quick = ctx.rng("tindak_lanjut_cepat").random(ki.size + extra) < np.concatenate(
        [p_quick[ki, mi], np.full(extra, 0.7)]
    )
    steps = _follow_up_steps(ctx, quick, in_office_hours(calendar, received))
    followed = later(calendar, ctx.rng("jam_tindak_lanjut"), received, np.maximum(steps, 0))
    followed = np.where((steps < 0) | (followed >= days.as_of), NAT, followed)
    selesai = _resolved(ctx, calendar, followed, category)
    selesai = np.where(selesai >= days.as_of, NAT, selesai)
    kel = np.concatenate([ki, np.full(extra, surge[0])])
    order = np.lexsort((kel, received))
    return pd.DataFrame(
        {
            "id_aduan": ids("A", kel.size),
            "kode_wilayah": text(np.array(ctx.kelurahan)[kel[order]]),
            "kanal": text(np.array(CHANNELS)[channel[order]]),
            "kategori": text(np.array([c[0] for c in CATEGORIES])[category[order]]),
            "diterima": received[order],
            "tindak_lanjut": followed[order],
            "selesai": selesai[order],
        }
    )
