"""Simulators of the synthetic sample's aggregate sources (TTE, e-presensi, budget, Ombudsman, BerAKHLAK),
the shared Context and the missing-report masks; raw records are simulated in kpi/sample/raw.py."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

# Eid al-Fitr (Idulfitri) 1442–1447 H: the month containing it gets the Lebaran dip.
LEBARAN = ("2021-05-13", "2022-05-02", "2023-04-22", "2024-04-10", "2025-03-31", "2026-03-20")
# BerAKHLAK value offsets in points on the 0–100 scale (unknown values get 0).
VALUE_OFFSET = {
    "berorientasi_pelayanan": 2.0,
    "akuntabel": 1.0,
    "kompeten": -1.5,
    "harmonis": 3.0,
    "loyal": 2.5,
    "adaptif": -3.0,
    "kolaboratif": -1.0,
}


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
        return stream(self.seed, concern)

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


def stream(seed: int, concern: str) -> np.random.Generator:
    """The random stream of one concern: seeded by the seed and a stable CRC-32 of the concern's name (never the
    salted hash()), so the same seed gives the same numbers in every process."""
    return np.random.default_rng([seed, zlib.crc32(concern.encode())])


def logistic(x: np.ndarray) -> np.ndarray:
    """The standard logistic function 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + np.exp(-x))


def unit_offset(rng: np.random.Generator, scale: float, n: int) -> np.ndarray:
    """A fixed per-unit offset as a column vector."""
    return rng.normal(0.0, scale, (n, 1))


def tte(ctx: Context) -> dict[str, np.ndarray]:
    """Outgoing documents and those signed electronically, the share rising from ~20 % to ~90 %."""
    rng = ctx.rng("tte")
    k, m = ctx.shape
    base = rng.uniform(80, 200, (k, 1)) * np.where(ctx.lebaran, 0.8, 1.0)
    docs = np.maximum(rng.poisson(base * rng.lognormal(0.0, 0.08, (k, m))), 1)
    mid, speed = 2023.4 + unit_offset(rng, 0.4, k), rng.uniform(1.3, 1.8, (k, 1))
    p = 0.2 + 0.7 * logistic(speed * (ctx.t - mid)) + rng.normal(0.0, 0.01, (k, m))
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
    p = 0.88 + 0.10 * ctx.progress + unit_offset(rng, 0.01, k) + rng.normal(0.0, 0.008, (k, m))
    return {"required": required, "recorded": rng.binomial(required, np.clip(p, 0.5, 0.995))}


def budget(ctx: Context) -> dict[str, np.ndarray]:
    """Kecamatan budget ceiling (Rp, +5 %/year) and cumulative spending on an S-curve within the year."""
    rng = ctx.rng("anggaran")
    c, years = len(ctx.kecamatan), np.unique(ctx.year)
    growth = 1.05 ** (years - years[0]) * rng.normal(1.0, 0.02, (c, len(years)))
    ceiling = np.round(rng.uniform(15e9, 40e9, (c, 1)) * growth, -6)
    mid, scale = rng.uniform(6.5, 8.0, (c, len(years), 1)), rng.uniform(1.8, 2.6, (c, len(years), 1))
    steps = np.diff(logistic((np.arange(13) - mid) / scale), axis=2)
    steps = steps * rng.lognormal(0.0, 0.2, steps.shape)
    final = rng.uniform(0.88, 0.97, (c, len(years), 1))
    spent = np.round(ceiling[:, :, None] * np.cumsum(steps, axis=2) / steps.sum(axis=2, keepdims=True) * final)
    yi, mi = ctx.year - years[0], ctx.month - 1
    return {"spent": spent[:, yi, mi], "ceiling": ceiling[:, yi]}


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
    """Kelurahan-months not reported, per source (True = missing; own stream each); never in the last month."""
    masks = {}
    for source in sources:
        mask = ctx.rng(f"laporan_hilang:{source}").random(ctx.shape) < share
        mask[:, -1] = False
        masks[source] = mask
    return masks
