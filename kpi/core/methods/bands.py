"""Official band sets (IKM mutu, Ombudsman zone, RB/SAKIP grade) and classification of values."""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from kpi import settings
from kpi.core.rounding import half_up, round_half_up

DEFAULT_PATH: Path = settings.BANDS_FILE
OPERATORS: tuple[tuple[str, Callable[[Any, Any], Any]], ...] = ((">=", operator.ge), (">", operator.gt))
LANGUAGES: tuple[str, ...] = ("id", "en")


class BandSetError(ValueError):
    """A band set in the bands YAML file breaks a validation rule."""


@dataclass(frozen=True)
class Band:
    """One band: it applies when round(value, decimals) <op> threshold holds."""

    code: str
    op: str
    threshold: float
    label: dict[str, str]
    color: str


@dataclass(frozen=True)
class BandSet:
    """An ordered set of bands, checked from the first to the last."""

    name: str
    label: dict[str, str]
    decimals: int
    source: str
    bands: tuple[Band, ...]


def load_band_sets(path: str | Path | None = None) -> dict[str, BandSet]:
    """Load and validate every band set of a bands YAML file, data/bands.yaml by default (cached per resolved path)."""
    return dict(_load_cached(Path(path or settings.BANDS_FILE).resolve()))


@cache
def _load_cached(path: Path) -> dict[str, BandSet]:
    """Read, parse and validate one bands YAML file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise BandSetError(
            f"Berkas pita {path} bukan YAML yang sah ({err}). Aturan: berkas harus YAML yang valid. "
            "Perbaikan: betulkan sintaks YAML pada baris yang disebut."
        ) from err
    if not isinstance(raw, Mapping) or not raw:
        raise BandSetError(
            f"Berkas pita {path} kosong atau bukan pemetaan. Aturan: tingkat teratas harus berupa "
            "pemetaan nama_set -> set pita. Perbaikan: tulis minimal satu set pita."
        )
    try:
        return {str(name): _parse_set(str(name), body) for name, body in raw.items()}
    except BandSetError as err:
        raise BandSetError(f"{path}: {err}") from err


def _error(where: str, field: str, problem: str, rule: str, fix: str) -> BandSetError:
    """Build a BandSetError naming the place, the field, the rule and the fix."""
    return BandSetError(f"{where}: kolom '{field}' {problem}. Aturan: {rule}. Perbaikan: {fix}.")


def _parse_label(raw: Any, where: str, field: str = "label") -> dict[str, str]:
    """Validate a bilingual label mapping {id, en}."""
    if not isinstance(raw, Mapping):
        raise _error(
            where,
            field,
            "tidak ada atau bukan pemetaan",
            "label wajib berisi id dan en",
            f"tambahkan {field}: {{id: ..., en: ...}}",
        )
    for lang in LANGUAGES:
        text = raw.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _error(
                where,
                f"{field}.{lang}",
                "tidak ada atau kosong",
                "label wajib berisi id dan en",
                f"isi {field}.{lang} dengan teks",
            )
    return {str(key): str(value) for key, value in raw.items()}


def _parse_number(raw: Any, where: str, field: str) -> float:
    """Validate a finite numeric field."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        raise _error(
            where,
            field,
            f"bernilai {raw!r}",
            "nilai harus angka berhingga",
            f"isi {field} dengan angka, misalnya 80.00",
        )
    return float(raw)


def _parse_band(set_name: str, index: int, raw: Any) -> Band:
    """Validate one band entry of a set."""
    where = f"set pita '{set_name}', pita ke-{index + 1}"
    if not isinstance(raw, Mapping):
        raise _error(
            where,
            "(pita)",
            "bukan pemetaan",
            "setiap pita berisi code, op, threshold, label, color",
            "tulis pita sebagai {code: ..., op: ..., threshold: ..., label: ..., color: ...}",
        )
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise _error(
            where,
            "code",
            f"bernilai {code!r}",
            "setiap pita wajib punya kode teks",
            "isi code, misalnya code: A (beri tanda kutip bila perlu)",
        )
    where = f"{where} (kode '{code}')"
    op = raw.get("op")
    if op not in dict(OPERATORS):
        raise _error(where, "op", f"bernilai {op!r}", "op harus '>=' atau '>'", 'ganti op menjadi ">=" atau ">"')
    color = raw.get("color")
    if not isinstance(color, str) or not color.strip():
        raise _error(
            where,
            "color",
            f"bernilai {color!r}",
            "setiap pita wajib punya warna",
            'isi color dengan kode warna, misalnya "#1a9850"',
        )
    threshold = _parse_number(raw.get("threshold"), where, "threshold")
    return Band(code=code, op=op, threshold=threshold, label=_parse_label(raw.get("label"), where), color=color)


def _check_order(set_name: str, bands: tuple[Band, ...]) -> None:
    """Require unique codes and strictly descending thresholds."""
    for index, (previous, band) in enumerate(itertools.pairwise(bands), start=2):
        where = f"set pita '{set_name}', pita ke-{index} (kode '{band.code}')"
        if not band.threshold < previous.threshold:
            raise _error(
                where,
                "threshold",
                f"bernilai {band.threshold:g}, tidak lebih kecil dari ambang pita "
                f"sebelumnya '{previous.code}' ({previous.threshold:g})",
                "ambang harus menurun tegas dari pita pertama ke pita terakhir",
                "urutkan pita dari ambang tertinggi ke terendah",
            )
    codes = [band.code for band in bands]
    duplicated = next((code for code in codes if codes.count(code) > 1), None)
    if duplicated is not None:
        raise _error(
            f"set pita '{set_name}', pita kode '{duplicated}'",
            "code",
            "muncul lebih dari sekali",
            "kode pita harus unik dalam satu set",
            "beri setiap pita kode yang berbeda",
        )


def _parse_set(name: str, raw: Any) -> BandSet:
    """Validate one band set."""
    where = f"set pita '{name}'"
    if not isinstance(raw, Mapping):
        raise _error(
            where,
            "(set)",
            "bukan pemetaan",
            "set pita berisi label, decimals, source, bands",
            "tulis set sebagai pemetaan",
        )
    decimals = raw.get("decimals")
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise _error(
            where,
            "decimals",
            f"bernilai {decimals!r}",
            "decimals harus bilangan bulat >= 0",
            "isi decimals, misalnya decimals: 2",
        )
    source = raw.get("source", "")
    if not isinstance(source, str):
        raise _error(where, "source", f"bernilai {source!r}", "source harus teks", "tulis sumber sebagai teks")
    raw_bands = raw.get("bands")
    if not isinstance(raw_bands, list) or not raw_bands:
        raise _error(
            where, "bands", "tidak ada atau kosong", "set pita wajib punya minimal satu pita", "tambahkan daftar bands"
        )
    bands = tuple(_parse_band(name, index, body) for index, body in enumerate(raw_bands))
    _check_order(name, bands)
    return BandSet(
        name=name, label=_parse_label(raw.get("label"), where), decimals=decimals, source=source, bands=bands
    )


def _compare(band: Band) -> Callable[[Any, Any], Any]:
    """Return the comparison function of a band's op."""
    return dict(OPERATORS)[band.op]


def classify(value: float | None, band_set: BandSet) -> Band | None:
    """Return the first band whose rule holds for value; None for missing, non-finite or below all bands."""
    if value is None or pd.isna(value) or not math.isfinite(float(value)):
        return None
    rounded = round_half_up(float(value), band_set.decimals)
    return next((band for band in band_set.bands if _compare(band)(rounded, band.threshold)), None)


def classify_series(values: pd.Series, band_set: BandSet) -> pd.Series:
    """Vectorised classify: band codes (object dtype, None where no band), same index and name."""
    numbers = pd.to_numeric(values).to_numpy(dtype="float64", na_value=np.nan)
    finite = np.isfinite(numbers)
    rounded = half_up(numbers, band_set.decimals)
    conditions = [finite & _compare(band)(rounded, band.threshold) for band in band_set.bands]
    choices = [np.full(len(numbers), band.code, dtype=object) for band in band_set.bands]
    codes = np.select(conditions, choices, default=np.array(None, dtype=object))
    return pd.Series(codes, index=values.index, name=values.name, dtype=object)


def ikm_mutu(value: float | None) -> Band | None:
    """IKM mutu pelayanan band (A-D, PermenPANRB 14/2017) of an IKM on the 25-100 scale."""
    return classify(value, load_band_sets()["ikm_mutu"])


def ombudsman_zone(score: float | None) -> Band | None:
    """Ombudsman compliance zone (hijau/kuning/merah) of a compliance score."""
    return classify(score, load_band_sets()["ombudsman_zona"])


def rb_grade(score: float | None) -> Band | None:
    """Reformasi Birokrasi grade (AA-D) of an Indeks RB score."""
    return classify(score, load_band_sets()["rb_sakip"])


def sakip_grade(score: float | None) -> Band | None:
    """SAKIP grade (AA-D, PermenPANRB 88/2021) of a SAKIP score; same scale as RB."""
    return classify(score, load_band_sets()["rb_sakip"])
