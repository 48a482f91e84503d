"""Simulators of the synthetic sample: one function per data source, each with its own random stream."""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Eid al-Fitr (Idulfitri) 1442–1447 H: the month containing it gets the Lebaran dip.
LEBARAN = ("2021-05-13", "2022-05-02", "2023-04-22", "2024-04-10", "2025-03-31", "2026-03-20")
# Online-request adoption per kecamatan: (midpoint year, speed per year, ceiling share). Serpong leads, Setu lags.
ONLINE_CURVES = {
    "36.74.01": (2022.9, 1.7, 0.86), "36.74.02": (2023.3, 1.5, 0.82), "36.74.03": (2023.5, 1.5, 0.80),
    "36.74.04": (2023.9, 1.4, 0.76), "36.74.05": (2023.6, 1.5, 0.80), "36.74.06": (2024.1, 1.3, 0.74),
    "36.74.07": (2024.7, 1.2, 0.70),
}
DEFAULT_CURVE = (2023.8, 1.4, 0.76)
# IKM unsur U1..U9 offsets on the 1–4 scale: U4 Biaya (free services) high, U9 complaints handling low.
UNSUR_OFFSET = np.array([0.02, -0.03, -0.10, 0.32, 0.02, 0.05, 0.08, -0.05, -0.22])
# BerAKHLAK value offsets in points on the 0–100 scale (unknown values get 0).
VALUE_OFFSET = {"berorientasi_pelayanan": 2.0, "akuntabel": 1.0, "kompeten": -1.5, "harmonis": 3.0,
                "loyal": 2.5, "adaptif": -3.0, "kolaboratif": -1.0}


@dataclass(frozen=True)
class Context:
    """Shared inputs of the simulators: units, periods, calendar effects, population and the seed."""

    seed: int
    kelurahan: tuple[str, ...]
    kecamatan: tuple[str, ...]
    induk: np.ndarray
    months: tuple[str, ...]
    semesters: tuple[str, ...]
    years: tuple[str, ...]
    pop: np.ndarray

    def rng(self, concern: str) -> np.random.Generator:
        """An independent generator per concern, so adding one never reshuffles the others."""
        return np.random.default_rng([self.seed, zlib.crc32(concern.encode())])

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.kelurahan), len(self.months)

    @property
    def year(self) -> np.ndarray:
        return np.array([int(m[:4]) for m in self.months])

    @property
    def month(self) -> np.ndarray:
        return np.array([int(m[5:]) for m in self.months])

    @property
    def t(self) -> np.ndarray:
        """Decimal year at mid-month."""
        return self.year + (self.month - 0.5) / 12

    @property
    def progress(self) -> np.ndarray:
        """0 at the first month, 1 at the last: the clock of slow improvements."""
        return np.linspace(0.0, 1.0, len(self.months))

    @property
    def lebaran(self) -> np.ndarray:
        return np.isin(np.array(self.months), [d[:7] for d in LEBARAN])

    @property
    def after_lebaran(self) -> np.ndarray:
        return np.concatenate([[False], self.lebaran[:-1]])


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _unit(rng: np.random.Generator, scale: float, n: int) -> np.ndarray:
    """A fixed per-unit offset as a column vector."""
    return rng.normal(0.0, scale, (n, 1))


def requests(ctx: Context) -> np.ndarray:
    """All service requests per kelurahan-month: Poisson on population, with the Lebaran dips."""
    rng = ctx.rng("permohonan")
    k, m = ctx.shape
    rate = rng.uniform(1.5, 3.0, (k, 1))
    season = np.where(ctx.lebaran, 0.65, np.where(ctx.after_lebaran, 0.90, 1.0))
    lam = ctx.pop / 1000 * rate * season * rng.lognormal(0.0, 0.06, (k, m))
    return np.maximum(rng.poisson(lam), 1)


def online(ctx: Context, total: np.ndarray) -> np.ndarray:
    """Requests submitted online: a logistic S-curve per kecamatan with kelurahan jitter."""
    rng = ctx.rng("daring")
    k, m = ctx.shape
    mid, speed, ceil = (np.array([ONLINE_CURVES.get(c, DEFAULT_CURVE)[i] for c in ctx.kecamatan])[ctx.induk]
                        for i in range(3))
    mid = mid[:, None] + _unit(rng, 0.25, k)
    floor = rng.uniform(0.09, 0.13, (k, 1))
    ceil = ceil[:, None] + _unit(rng, 0.02, k)
    x = speed[:, None] * (ctx.t - mid) + rng.normal(0.0, 0.1, (k, m))
    return rng.binomial(total, np.clip(floor + (ceil - floor) * _logistic(x), 0.0, 1.0))


def completion(ctx: Context, total: np.ndarray) -> dict[str, np.ndarray]:
    """Completed requests, those within the SOP time, and total working days to complete them."""
    k, m = ctx.shape
    skill = ctx.rng("kinerja_kelurahan").normal(0.0, 1.0, (k, 1))
    rng = ctx.rng("selesai")
    done = np.maximum(rng.binomial(total, np.clip(rng.normal(0.975, 0.012, (k, m)), 0.95, 1.0)), 1)
    rng = ctx.rng("tepat_waktu")
    p = 0.80 + 0.15 * ctx.progress + 0.02 * skill - 0.07 * ctx.lebaran + rng.normal(0.0, 0.015, (k, m))
    on_time = rng.binomial(done, np.clip(p, 0.5, 0.995))
    rng = ctx.rng("waktu_penyelesaian")
    mean_days = (4.5 - 2.5 * ctx.progress) * np.exp(-0.12 * skill) * np.where(ctx.lebaran, 1.25, 1.0)
    days = np.round(done * mean_days * rng.lognormal(0.0, 0.08, (k, m)), 1)
    return {"done": done, "on_time": on_time, "days": days}


def complaints(ctx: Context) -> dict[str, np.ndarray]:
    """Complaints received (Poisson per 10,000 residents) and those followed up within 3 working days."""
    rng = ctx.rng("aduan")
    k, m = ctx.shape
    rate = rng.uniform(1.0, 2.0, (k, 1)) * (1.1 - 0.2 * ctx.progress)
    received = rng.poisson(ctx.pop / 10_000 * rate * rng.lognormal(0.0, 0.1, (k, m)))
    p = 0.80 + 0.15 * ctx.progress + _unit(rng, 0.025, k) + rng.normal(0.0, 0.02, (k, m))
    return {"received": received, "followed": rng.binomial(received, np.clip(p, 0.5, 0.995))}


def tte(ctx: Context) -> dict[str, np.ndarray]:
    """Outgoing documents and those signed electronically, the share rising from ~20 % to ~90 %."""
    rng = ctx.rng("tte")
    k, m = ctx.shape
    base = rng.uniform(80, 200, (k, 1)) * np.where(ctx.lebaran, 0.8, 1.0)
    docs = np.maximum(rng.poisson(base * rng.lognormal(0.0, 0.08, (k, m))), 1)
    mid, speed = 2023.4 + _unit(rng, 0.4, k), rng.uniform(1.3, 1.8, (k, 1))
    p = 0.2 + 0.7 * _logistic(speed * (ctx.t - mid)) + rng.normal(0.0, 0.01, (k, m))
    return {"docs": docs, "signed": rng.binomial(docs, np.clip(p, 0.01, 0.99))}


def working_days(ctx: Context) -> np.ndarray:
    """Working days per month: weekdays clipped to 20–22, and 17 in the Lebaran month (cuti bersama)."""
    start = np.array(ctx.months, dtype="datetime64[M]")
    weekdays = np.busday_count(start.astype("datetime64[D]"), (start + 1).astype("datetime64[D]"))
    return np.where(ctx.lebaran, 17, np.clip(weekdays, 20, 22))


def epresensi(ctx: Context) -> dict[str, np.ndarray]:
    """Required ASN person-days and those recorded in e-presensi (~88 % → ~98 %)."""
    rng = ctx.rng("epresensi")
    k, m = ctx.shape
    required = rng.integers(15, 31, (k, 1)) * working_days(ctx)
    p = 0.88 + 0.10 * ctx.progress + _unit(rng, 0.01, k) + rng.normal(0.0, 0.008, (k, m))
    return {"required": required, "recorded": rng.binomial(required, np.clip(p, 0.5, 0.995))}


def budget(ctx: Context) -> dict[str, np.ndarray]:
    """Kecamatan budget ceiling (Rp, +5 %/year) and cumulative spending on an S-curve within the year."""
    rng = ctx.rng("anggaran")
    c, years = len(ctx.kecamatan), np.unique(ctx.year)
    growth = 1.05 ** (years - years[0]) * rng.normal(1.0, 0.02, (c, len(years)))
    ceiling = np.round(rng.uniform(15e9, 40e9, (c, 1)) * growth, -6)
    mid, scale = rng.uniform(6.5, 8.0, (c, len(years), 1)), rng.uniform(1.8, 2.6, (c, len(years), 1))
    steps = np.diff(_logistic((np.arange(13) - mid) / scale), axis=2)
    steps = steps * rng.lognormal(0.0, 0.2, steps.shape)
    final = rng.uniform(0.88, 0.97, (c, len(years), 1))
    spent = np.round(ceiling[:, :, None] * np.cumsum(steps, axis=2) / steps.sum(axis=2, keepdims=True) * final)
    yi, mi = ctx.year - years[0], ctx.month - 1
    return {"spent": spent[:, yi, mi], "ceiling": ceiling[:, yi]}


def ikm_answers(ctx: Context) -> pd.DataFrame:
    """Simulated SKM respondents per kelurahan and semester answering U1..U9 on the 1–4 scale."""
    rng = ctx.rng("ikm")
    k, s = len(ctx.kelurahan), len(ctx.semesters)
    size = np.maximum(rng.poisson(np.repeat(rng.uniform(60, 150, (k, 1)), s, axis=1)), 20)
    quality = 3.16 + 0.034 * np.arange(s) + _unit(rng, 0.09, k) + rng.normal(0.0, 0.05, (k, s))
    cell = np.repeat(np.arange(k * s), size.ravel())
    person = quality.ravel()[cell] + rng.normal(0.0, 0.3, cell.size)
    z = person[:, None] + UNSUR_OFFSET + rng.normal(0.0, 0.45, (cell.size, len(UNSUR_OFFSET)))
    scores = np.clip(np.floor(z + 0.5), 1, 4).astype("int64")
    frame = pd.DataFrame({"responden_id": np.arange(1, cell.size + 1, dtype="int64"),
                          "kode_wilayah": np.array(ctx.kelurahan)[cell // s],
                          "periode": np.array(ctx.semesters)[cell % s]})
    return frame.assign(**{f"U{i + 1}": scores[:, i] for i in range(scores.shape[1])})


def ombudsman(ctx: Context) -> np.ndarray:
    """Kecamatan compliance scores per year: 60–95, rising, with spread between kecamatan."""
    rng = ctx.rng("ombudsman")
    c, y = len(ctx.kecamatan), len(ctx.years)
    score = rng.uniform(62, 76, (c, 1)) + rng.uniform(2.5, 5.0, (c, 1)) * np.arange(y) + rng.normal(0.0, 1.2, (c, y))
    return np.round(np.clip(score, 60, 95), 2)


def berakhlak(ctx: Context, values: tuple[str, ...]) -> dict[str, np.ndarray]:
    """BerAKHLAK survey per kecamatan-year: respondents and the sum of their scores per core value."""
    rng = ctx.rng("berakhlak")
    c, y = len(ctx.kecamatan), len(ctx.years)
    size = rng.integers(60, 201, (c, y))
    level = rng.uniform(66, 73, (c, 1)) + rng.uniform(2.0, 3.5, (c, 1)) * np.arange(y) + rng.normal(0.0, 0.8, (c, y))
    cell = np.repeat(np.arange(c * y), size.ravel())
    offset = np.array([VALUE_OFFSET.get(v, 0.0) for v in values])
    person = level.ravel()[cell] + rng.normal(0.0, 6.0, cell.size)
    scores = np.clip(np.round(person[:, None] + offset + rng.normal(0.0, 5.0, (cell.size, len(values)))), 0, 100)
    sums = np.stack([np.bincount(cell, scores[:, j], minlength=c * y) for j in range(len(values))], axis=1)
    return {"respondents": size, "sums": sums.reshape(c, y, len(values))}


def missing(ctx: Context, sources: tuple[str, ...], share: float = 0.003) -> dict[str, np.ndarray]:
    """Kelurahan-months not reported, per source (True = missing); never in the last month."""
    rng = ctx.rng("laporan_hilang")
    masks = {}
    for source in sources:
        mask = rng.random(ctx.shape) < share
        mask[:, -1] = False
        masks[source] = mask
    return masks


def outliers(ctx: Context, done: np.ndarray, days: np.ndarray, received: np.ndarray, followed: np.ndarray,
             allowed: np.ndarray) -> dict[str, np.ndarray]:
    """One backlog month (very long completion time) and one complaint surge (e.g. a flood); new arrays."""
    rng = ctx.rng("pencilan")
    rows, cols = np.unravel_index(rng.choice(np.flatnonzero(allowed.ravel()), 2, replace=False), ctx.shape)
    (sk, sm), (ck, cm) = (rows[0], cols[0]), (rows[1], cols[1])
    days, received, followed = days.copy(), received.copy(), followed.copy()
    days[sk, sm] = np.round(done[sk, sm] * rng.uniform(28, 40), 1)
    extra = rng.poisson(ctx.pop[ck, cm] / 10_000 * 12)
    received[ck, cm] += extra
    followed[ck, cm] += rng.binomial(extra, 0.7)
    return {"days": days, "received": received, "followed": followed}
