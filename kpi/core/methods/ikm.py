"""Indeks Kepuasan Masyarakat (IKM) per PermenPANRB 14/2017 and Krejcie-Morgan sample size."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd

from kpi.core.methods import bands
from kpi.core.rounding import round_half_up

UNSUR: tuple[str, ...] = ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
UNSUR_LABELS: dict[str, str] = {
    "U1": "Persyaratan",
    "U2": "Sistem, mekanisme dan prosedur",
    "U3": "Waktu penyelesaian",
    "U4": "Biaya/tarif",
    "U5": "Produk spesifikasi jenis pelayanan",
    "U6": "Kompetensi pelaksana",
    "U7": "Perilaku pelaksana",
    "U8": "Sarana dan prasarana",
    "U9": "Penanganan pengaduan, saran dan masukan",
}
IKM_SCALE: int = 25
SCORE_MIN: int = 1
SCORE_MAX: int = 4
SCORE_RULE: str = f"skor harus bilangan bulat {SCORE_MIN}–{SCORE_MAX} (kosong/NaN = unsur tidak dijawab)"
KM_CHI_SQUARE: float = 3.841
KM_PROPORTION: float = 0.5
KM_MARGIN: float = 0.05
KM_CEILING: int = 384
RESULT_COLUMNS: tuple[str, ...] = ("responden", *(f"nrr_{u}" for u in UNSUR), "ikm", "mutu")


class IkmInputError(ValueError):
    """Survey answers or survey parameters break an IKM input rule."""


@dataclass(frozen=True)
class IkmResult:
    """IKM of one service unit: NRR per unsur, IKM on 1-4 and 25-100 scales, mutu and kinerja."""

    respondents: int
    nrr: dict[str, float]
    ikm_raw: float
    ikm: float
    ikm_rounded: float
    mutu: str | None
    kinerja: str | None


def _checked_column(column: pd.Series, name: str) -> pd.Series:
    """Return one unsur column as float64 after checking every answered score is an integer 1-4."""
    answered = column.notna().to_numpy()
    if pd.api.types.is_bool_dtype(column):
        scores = np.full(len(column), np.nan)
    else:
        scores = pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        valid = (scores >= SCORE_MIN) & (scores <= SCORE_MAX) & (scores == np.floor(scores))
    bad = np.flatnonzero(answered & ~valid)
    if bad.size:
        position = int(bad[0])
        value = column.iloc[position]
        value = value.item() if isinstance(value, np.generic) else value
        raise IkmInputError(
            f"Kolom '{name}' ({UNSUR_LABELS[name]}), baris ke-{position + 1} (indeks {column.index[position]!r}): "
            f"skor {value!r} tidak sah. Aturan: {SCORE_RULE}. Perbaikan: koreksi jawaban "
            f"responden di baris tersebut, atau kosongkan bila unsur tidak dijawab ({bad.size} baris bermasalah)."
        )
    return pd.Series(scores, index=column.index, name=name)


def _scores(answers: pd.DataFrame) -> pd.DataFrame:
    """Return U1..U9 as float64 (NaN = not answered) after checking columns and scores."""
    for name in UNSUR:
        count = int((answers.columns == name).sum())
        if count != 1:
            problem = "tidak ada" if count == 0 else "muncul lebih dari sekali"
            raise IkmInputError(
                f"Kolom '{name}' ({UNSUR_LABELS[name]}) {problem} pada data jawaban. Aturan: data wajib memuat "
                f"tepat satu kolom untuk setiap unsur U1–U9; {SCORE_RULE}. Perbaikan: sediakan kolom '{name}'."
            )
    if len(answers) == 0:
        raise IkmInputError(
            "Data jawaban tidak berisi responden (0 baris). Aturan: IKM membutuhkan minimal satu responden "
            f"dengan {SCORE_RULE}. Perbaikan: muat data hasil survei yang berisi jawaban."
        )
    return pd.DataFrame({name: _checked_column(answers[name], name) for name in UNSUR}, index=answers.index)


def _require_answers(counts: pd.DataFrame, describe: Callable[[Any], str]) -> None:
    """Raise when an unsur has no answer in a group (its NRR would be undefined)."""
    empty = counts[list(UNSUR)].to_numpy() == 0
    if not empty.any():
        return
    row, col = (int(i[0]) for i in np.nonzero(empty))
    name = UNSUR[col]
    raise IkmInputError(
        f"{describe(counts.index[row])}: unsur '{name}' ({UNSUR_LABELS[name]}) tidak dijawab oleh satu pun responden. "
        f"Aturan: NRR setiap unsur membutuhkan minimal satu jawaban; {SCORE_RULE}. Perbaikan: lengkapi "
        "jawaban unsur tersebut atau keluarkan kelompok ini dari perhitungan."
    )


def _weighted_sum(nrr: np.ndarray) -> np.ndarray:
    """IKM on the 1-4 scale per row: sum over unsur of NRR_u / 9 (exact 1/9 weight, fixed order)."""
    total = np.zeros(nrr.shape[0])
    for column in range(len(UNSUR)):
        total = total + nrr[:, column] / len(UNSUR)
    return total


def ikm_from_sums(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """IKM (25-100) per row from score sums and answer counts per unsur (columns U1..U9), exactly as compute_ikm.

    NRR_u = sum_u / count_u, then the same 1/9-weighted sum and scale; NaN where an unsur has no answer.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        nrr = np.asarray(sums, dtype="float64") / np.asarray(counts, dtype="int64")
    return _weighted_sum(np.where(np.isfinite(nrr), nrr, np.nan)) * IKM_SCALE


def compute_ikm(answers: pd.DataFrame) -> IkmResult:
    """IKM of one service unit from answers with columns U1..U9 (scores 1-4, NaN = not answered)."""
    scores = _scores(answers)
    _require_answers(pd.DataFrame([scores.count()]), lambda _: "Seluruh data")
    nrr = scores.sum() / scores.count()
    ikm_raw = float(_weighted_sum(nrr.to_numpy()[np.newaxis, :])[0])
    ikm = ikm_raw * IKM_SCALE
    band = bands.ikm_mutu(ikm)
    return IkmResult(
        respondents=int(scores.notna().any(axis=1).sum()),
        nrr={name: float(nrr[name]) for name in UNSUR},
        ikm_raw=ikm_raw,
        ikm=ikm,
        ikm_rounded=round_half_up(ikm, 2),
        mutu=None if band is None else band.code,
        kinerja=None if band is None else band.label["id"],
    )


def _group_keys(answers: pd.DataFrame, by: list[str]) -> list[str]:
    """Validate the grouping columns of compute_ikm_by."""
    keys = list(by)
    if not keys:
        raise IkmInputError(
            "Parameter 'by' kosong. Aturan: sebutkan minimal satu kolom pengelompokan. "
            "Perbaikan: misalnya by=['kecamatan']."
        )
    for key in keys:
        if key not in answers.columns:
            raise IkmInputError(
                f"Kolom pengelompokan '{key}' tidak ada pada data jawaban. Aturan: setiap kolom "
                "di 'by' harus ada di data. Perbaikan: periksa ejaan nama kolom."
            )
        if key in UNSUR or key in RESULT_COLUMNS:
            raise IkmInputError(
                f"Kolom pengelompokan '{key}' bentrok dengan kolom unsur/hasil IKM. Aturan: "
                "'by' tidak boleh memakai U1–U9 atau nama kolom hasil. Perbaikan: ganti nama kolom."
            )
    return keys


def compute_ikm_by(answers: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """IKM per group (vectorised): by columns, responden, nrr_U1..nrr_U9, ikm (exact), mutu."""
    keys = _group_keys(answers, by)
    scores = _scores(answers).reset_index(drop=True)
    key_columns = [answers[key].reset_index(drop=True) for key in keys]
    grouped = scores.groupby(key_columns, dropna=False, sort=True, observed=True)
    sums, counts = grouped.sum(), grouped.count()
    _require_answers(counts, lambda group: f"Kelompok {keys} = {group!r}")
    nrr = sums / counts
    result = pd.DataFrame(index=sums.index)
    answered = scores.notna().any(axis=1).groupby(key_columns, dropna=False, sort=True, observed=True).sum()
    result["responden"] = answered.to_numpy(dtype="int64")
    for name in UNSUR:
        result[f"nrr_{name}"] = nrr[name].to_numpy()
    result["ikm"] = _weighted_sum(nrr[list(UNSUR)].to_numpy()) * IKM_SCALE
    result = result.reset_index()
    result["mutu"] = bands.classify_series(result["ikm"], bands.load_band_sets()["ikm_mutu"])
    return result[[*keys, *RESULT_COLUMNS]]


def _check_count(value: object, name: str) -> int:
    """Validate a non-negative integer count parameter."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise IkmInputError(
            f"Parameter '{name}' bernilai {value!r}. Aturan: harus bilangan bulat >= 0. "
            f"Perbaikan: isi '{name}' dengan jumlah orang (bilangan bulat)."
        )
    return int(value)


# Rounding decision: plain half-up rounding of the formula reproduces every printed Krejcie-Morgan point
# checked (10->10, 20->19, 220->140, 1200->291, 2800->338, 1000000->384); ceil does not (20->20, 50->45,
# 220->141). N = 100000 gives 382.63 -> 383 where printed tables quote 384; we keep the formula value.
def krejcie_morgan(population: int) -> int:
    """Krejcie-Morgan n = chi2*N*P(1-P)/(d^2(N-1)+chi2*P(1-P)), rounded half-up (not ceil), capped at 384."""
    size = _check_count(population, "population")
    variance = KM_PROPORTION * (1 - KM_PROPORTION)
    n = KM_CHI_SQUARE * size * variance / (KM_MARGIN**2 * (size - 1) + KM_CHI_SQUARE * variance)
    rounded = int(Decimal(repr(n)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(rounded, KM_CEILING)


def sample_adequate(respondents: int, service_users: int) -> bool:
    """True when respondents reach the Krejcie-Morgan sample size for the number of service users."""
    return _check_count(respondents, "respondents") >= krejcie_morgan(service_users)
