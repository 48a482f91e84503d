"""The indicator catalogue: one declared record per indicator, validated when it is loaded."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from kpi import settings
from kpi.core import periods
from kpi.core.issues import Issue
from kpi.core.methods.bands import BandSet, load_band_sets
from kpi.core.pooling import POOLINGS, Pooling, component_id

DEFAULT_PATH = settings.INDICATORS_FILE  # the shipped catalogue; load_catalogue() reads settings.indicators_file()
_YamlMap = dict[str, Any]  # a mapping as parsed from YAML; its values are unchecked until _check has run
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
TYPES = ("percent", "rate", "index", "count", "duration")
ROLLUPS = ("ratio", "mean", "sum", *POOLINGS)
OVER_TIME = ("sum", "last", "mean")
DIRECTIONS = ("higher", "lower")
LEVELS = ("kelurahan", "kecamatan")
# The raw-record dates that can place a record in a period (`period_date`: kind.column of kpi/inputs/kinds.py)
PERIOD_DATES = ("permohonan.diajukan", "permohonan.selesai", "aduan.diterima", "survei.tanggal")
REQUIRED = (
    "label",
    "short",
    "definition",
    "type",
    "factor",
    "rollup",
    "direction",
    "unit",
    "decimals",
    "range",
    "targets",
    "near",
    "category",
    "level",
    "frequency",
    "source",
)


class CatalogueError(ValueError):
    """The indicator catalogue breaks a rule; every problem is listed."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("Katalog indikator tidak valid:\n" + "\n".join(f"- {i.message}" for i in issues))


class UnknownIndicator(KeyError):
    """An indicator id that is not in the catalogue."""


@dataclass(frozen=True)
class Indicator:
    """One declared indicator: what it measures, how it rolls up, and what counts as good."""

    id: str
    label: dict[str, str]
    short: dict[str, str]
    definition: dict[str, str]
    type: str
    factor: float
    rollup: str
    direction: str
    unit: dict[str, str]
    decimals: int
    range: tuple[float, float]
    targets: dict[int, float]
    near: float
    category: str
    level: str
    frequency: str
    source: dict[str, str]
    numerator: dict[str, str] | None = None
    denominator: dict[str, str] | None = None
    numerator_over_time: str = "sum"
    denominator_over_time: str = "sum"
    target_profile: tuple[float, ...] | None = None
    bands: str | None = None
    berakhlak: str | None = None
    headline: bool = False
    period_date: str | None = None

    @property
    def has_denominator(self) -> bool:
        """True when a report's value is numerator / denominator × factor (ratio and pooled indicators)."""
        return self.rollup == "ratio" or self.rollup in POOLINGS

    @property
    def pooling(self) -> Pooling | None:
        """How the components of a pooled indicator combine (kpi.core.pooling), else None."""
        return POOLINGS.get(self.rollup)

    @property
    def components(self) -> tuple[str, ...]:
        """The observation ids of a pooled indicator's components ('ikm.u1' …), else empty."""
        pooling = self.pooling
        return () if pooling is None else tuple(component_id(self.id, p) for p in pooling.parts)

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher"

    def text(self, name: str, lang: str = "id") -> str:
        """A translated text field, e.g. text('label', 'en')."""
        value = getattr(self, name)
        return "" if value is None else value.get(lang) or value["id"]

    def target_for(self, period: str) -> float | None:
        """The target for a period: the year's target, scaled by the cumulative profile if any."""
        target = self.targets.get(periods.start_date(period).year)
        if target is None or self.target_profile is None:
            return target
        return target * self.target_profile[periods.month_index(period) - 1]


@dataclass(frozen=True)
class Component:
    """One component row kind of a pooled indicator ('ikm.u1'): reported at the indicator's level and frequency,
    with pembilang = the sum of the part's scores and penyebut = the number of answers (factor 1)."""

    id: str
    indicator: Indicator
    part: str
    factor: float = 1.0
    type: str = "component"

    @property
    def level(self) -> str:
        return self.indicator.level

    @property
    def frequency(self) -> str:
        return self.indicator.frequency

    @property
    def range(self) -> tuple[float, float]:
        """The valid mean of one component (pembilang ÷ penyebut), e.g. a score 1–4."""
        pooling = self.indicator.pooling
        assert pooling is not None  # a Component is only built for a pooled indicator
        return pooling.part_range

    @property
    def has_denominator(self) -> bool:
        return True


@dataclass(frozen=True)
class Catalogue:
    """All indicators, with category and BerAKHLAK labels and the official band sets."""

    indicators: tuple[Indicator, ...]
    categories: dict[str, dict[str, str]] = field(default_factory=dict)
    berakhlak: dict[str, dict[str, str]] = field(default_factory=dict)
    band_sets: dict[str, BandSet] = field(default_factory=dict)

    def get(self, indicator_id: str) -> Indicator:
        """The indicator with this id."""
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        known = ", ".join(self.ids)
        raise UnknownIndicator(f"Indikator '{indicator_id}' tidak ada di katalog. Yang ada: {known}.")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators)

    @property
    def components(self) -> dict[str, Component]:
        """Every component id of the pooled indicators ('ikm.u1' …) → its Component."""
        pooled = (i for i in self.indicators if i.pooling is not None)
        return {
            cid: Component(cid, ind, part)
            for ind in pooled
            for cid, part in zip(ind.components, cast(Pooling, ind.pooling).parts, strict=True)
        }

    @property
    def observed(self) -> dict[str, Indicator | Component]:
        """Every id an observation row may carry: the indicators and the components of the pooled ones."""
        return {**{i.id: i for i in self.indicators}, **self.components}

    def band_set(self, indicator: Indicator) -> BandSet | None:
        """The official band set of an indicator, if it has one."""
        return self.band_sets.get(indicator.bands) if indicator.bands else None

    def by_category(self, category: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.category == category)

    @property
    def headline(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.headline)


def _check(rec: _YamlMap, ctx: Mapping[str, Mapping[str, object]]) -> list[Issue]:
    """Every rule an indicator record must satisfy, as Issues naming the indicator and the field."""
    iid = rec.get("id") or "(tanpa id)"
    out: list[Issue] = []

    def bad(fld: str, rule: str) -> None:
        out.append(Issue("katalog_tidak_valid", f"Indikator '{iid}', isian '{fld}': {rule}", column=fld, value=iid))

    for fld in REQUIRED:
        if rec.get(fld) in (None, ""):
            bad(fld, "wajib diisi.")
    _check_id_and_fields(rec, bad)
    for fld, allowed in (
        ("type", TYPES),
        ("rollup", ROLLUPS),
        ("direction", DIRECTIONS),
        ("level", LEVELS),
        ("frequency", periods.GRAINS),
        ("numerator_over_time", OVER_TIME),
        ("denominator_over_time", OVER_TIME),
        ("period_date", PERIOD_DATES),
    ):
        if rec.get(fld) is not None and rec[fld] not in allowed:
            bad(fld, f"'{rec[fld]}' tidak dikenal; pilih salah satu dari {', '.join(allowed)}.")
    if rec.get("type") == "percent" and rec.get("factor") != 100:
        bad("factor", "indikator persen harus memakai faktor 100.")
    if rec.get("rollup") in ("ratio", *POOLINGS) and not (rec.get("numerator") and rec.get("denominator")):
        bad("denominator", "indikator rasio perlu deskripsi pembilang dan penyebut.")
    _check_pooled(rec, bad)
    for fld in ("label", "short", "definition", "numerator", "denominator", "unit", "source"):
        text = rec.get(fld)
        if text is not None and (
            not isinstance(text, dict)
            or set(text) != {"id", "en"}
            or not all(isinstance(v, str) and v for v in text.values())
        ):
            bad(fld, "harus berisi tepat dua teks, id dan en (beri tanda kutip bila teksnya memuat koma).")
    for fld, pool in (("category", ctx["categories"]), ("berakhlak", ctx["berakhlak"]), ("bands", ctx["band_sets"])):
        if rec.get(fld) is not None and rec[fld] not in pool:
            bad(fld, f"'{rec[fld]}' tidak dikenal; pilih salah satu dari {', '.join(pool)}.")
    _check_numbers(rec, bad)
    return out


def _check_id_and_fields(rec: _YamlMap, bad: Callable[[str, str], None]) -> None:
    """The id (it appears in links: ?ind=<id>), no unknown field (a typo would be ignored), and the plain types."""
    iid = rec.get("id")
    if iid in (None, ""):
        bad("id", "wajib diisi: huruf kecil, angka dan garis bawah, mis. layanan_daring.")
    elif not (isinstance(iid, str) and ID_PATTERN.fullmatch(iid)):
        bad("id", f"'{iid}' tidak sah: pakai huruf kecil, angka dan garis bawah, diawali huruf, mis. layanan_daring.")
    known = tuple(Indicator.__dataclass_fields__)
    for fld in sorted(str(k) for k in rec if k not in known):
        hint = difflib.get_close_matches(fld, known, n=1)
        fix = f"maksudnya '{hint[0]}'?" if hint else f"isian yang dikenal: {', '.join(known)}."
        bad(fld, f"isian ini tidak dikenal dan akan diabaikan; {fix}")
    factor = rec.get("factor")
    if factor is not None and (isinstance(factor, bool) or not isinstance(factor, (int, float)) or factor <= 0):
        bad("factor", f"'{factor}' harus angka lebih dari 0, mis. 100 untuk persen atau 10000 untuk per 10.000.")
    decimals = rec.get("decimals")
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 6):
        bad("decimals", f"'{decimals}' harus bilangan bulat 0–6.")
    if not isinstance(rec.get("headline", False), bool):
        bad("headline", f"'{rec['headline']}' harus true atau false.")


def _check_pooled(rec: _YamlMap, bad: Callable[[str, str], None]) -> None:
    """A pooled indicator's value is the combined components as they are (factor 1), summed over periods."""
    if rec.get("rollup") not in POOLINGS:
        return
    if rec.get("factor") not in (None, 1):
        bad("factor", f"rollup '{rec['rollup']}' memakai faktor 1: nilainya langsung hasil gabungan komponen.")
    for fld in ("numerator_over_time", "denominator_over_time"):
        if rec.get(fld, "sum") != "sum":
            bad(fld, f"rollup '{rec['rollup']}' menjumlahkan jawaban antarperiode; isi 'sum' atau hapus isian ini.")


def _check_numbers(rec: _YamlMap, bad: Callable[[str, str], None]) -> None:
    """Range, targets, near-threshold and target profile rules."""
    rng = rec.get("range")
    if not (isinstance(rng, list) and len(rng) == 2 and rng[0] < rng[1]):
        bad("range", "harus [batas_bawah, batas_atas] dengan batas bawah lebih kecil.")
        rng = None
    for year, target in (rec.get("targets") or {}).items():
        if not isinstance(year, int) or not isinstance(target, (int, float)):
            bad("targets", f"target '{year}: {target}' harus berbentuk tahun: angka.")
        elif rng and not rng[0] <= target <= rng[1]:
            bad("targets", f"target {year} = {target} di luar rentang sah {rng[0]}–{rng[1]}.")
    near = rec.get("near")
    if near is not None and not (isinstance(near, (int, float)) and 0 < near <= 1):
        bad("near", "ambang 'mendekati' harus antara 0 dan 1, mis. 0.95.")
    profile = rec.get("target_profile")
    if profile is not None and (len(profile) != 12 or sorted(profile) != list(profile) or profile[-1] != 1):
        bad("target_profile", "harus 12 pecahan kumulatif yang naik dan berakhir di 1.0.")


def _build(rec: _YamlMap) -> Indicator:
    fields = {k: v for k, v in rec.items() if k in Indicator.__dataclass_fields__}
    fields["range"] = tuple(rec["range"])
    fields["targets"] = dict(rec["targets"])
    if rec.get("target_profile") is not None:
        fields["target_profile"] = tuple(rec["target_profile"])
    return Indicator(**fields)


def parse_catalogue(doc: _YamlMap, band_sets: dict[str, BandSet]) -> Catalogue:
    """Validate a parsed catalogue document and build the Catalogue, or raise CatalogueError."""
    categories: dict[str, dict[str, str]] = doc.get("categories") or {}
    berakhlak: dict[str, dict[str, str]] = doc.get("berakhlak") or {}
    ctx: dict[str, Mapping[str, object]] = {"categories": categories, "berakhlak": berakhlak, "band_sets": band_sets}
    records = doc.get("indicators") or []
    issues: list[Issue] = []
    seen: set[str] = set()
    for rec in records:
        if rec.get("id") is not None and rec.get("id") in seen:
            issues.append(
                Issue(
                    "katalog_tidak_valid",
                    f"Indikator '{rec['id']}', isian 'id': id ganda; setiap indikator harus punya id unik.",
                    column="id",
                    value=rec["id"],
                )
            )
        seen.add(rec.get("id"))
        issues += _check(rec, ctx)
    if not records:
        issues.append(Issue("katalog_tidak_valid", "Katalog tidak berisi indikator satu pun (kunci 'indicators')."))
    if issues:
        raise CatalogueError(issues)
    return Catalogue(tuple(_build(r) for r in records), categories, berakhlak, band_sets)


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and validate the catalogue: `path`, else settings.indicators_file() (data/indicators.yaml unless
    $TANGSEL_KPI_CATALOGUE names another), read at call time; cached per path."""
    return _load_catalogue(Path(path or settings.indicators_file()))


@functools.lru_cache(maxsize=4)
def _load_catalogue(path: Path) -> Catalogue:
    """Read and validate one catalogue file."""
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    return parse_catalogue(doc, load_band_sets())
