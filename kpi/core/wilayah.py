"""The register: kota → kecamatan → kelurahan, with codes, aliases, area and label points."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

import pandas as pd

from kpi import settings
from kpi.core.issues import Issue
from kpi.core.outside import Outside, load_outside
from kpi.core.spelling import digits, normalise_name, one_edit
from kpi.core.texts import tr

__all__ = ["LEVELS", "Register", "Resolution", "UnknownWilayah", "Wilayah", "load_register", "normalise_name"]

DATA_DIR = settings.DATA_DIR
LEVELS: tuple[str, ...] = ("kota", "kecamatan", "kelurahan")
TYPO_RATIO = 0.8  # a name this close to a known one (difflib ratio) reads as a typo of it: 'Pondok Jya', 'Kranggann'


class UnknownWilayah(KeyError):
    """A code that is not in the register."""


@dataclass(frozen=True)
class Wilayah:
    """One administrative unit: the city, a kecamatan or a kelurahan."""

    kode: str
    tingkat: str
    nama: str
    kode_induk: str | None
    kode_bps: str
    nama_bps: str
    luas_km2: float | None
    label_lat: float | None
    label_lon: float | None


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one input: a canonical code, or an Issue explaining why not."""

    kode: str | None
    issue: Issue | None = None


def _isna(value: object) -> bool:
    """pd.isna of one scalar."""
    return bool(pd.isna(value))  # type: ignore[call-overload]  # pandas-stubs: isna accepts any object at runtime


class Register:
    """All wilayah of Kota Tangerang Selatan, with a resolver from any code or spelling."""

    def __init__(
        self, units: tuple[Wilayah, ...], aliases: tuple[tuple[str, str], ...], outside: Outside | None = None
    ):
        self.units = units
        self.outside = outside or Outside(())
        self._by_code = {u.kode: u for u in units}
        self._codes: dict[str, str] = {}
        self._names: dict[str, set[str]] = {}
        self._spellings: dict[str, str] = {}
        for u in units:
            self._codes[digits(u.kode)] = u.kode
            self._codes[digits(u.kode_bps)] = u.kode
            for name in (u.nama, u.nama_bps):
                self._add_name(name, u.kode)
        for kode, alias in aliases:
            self._add_name(alias, kode)

    def _add_name(self, name: str, kode: str) -> None:
        key, _ = normalise_name(name)
        self._names.setdefault(key, set()).add(kode)
        self._spellings.setdefault(key, name.title() if name.isupper() else name)

    def get(self, kode: str) -> Wilayah:
        """The unit with this canonical code."""
        try:
            return self._by_code[kode]
        except KeyError:
            raise UnknownWilayah(f"Kode wilayah '{kode}' tidak ada di register.") from None

    def __contains__(self, kode: object) -> bool:
        return kode in self._by_code

    def level(self, tingkat: str) -> tuple[Wilayah, ...]:
        """All units of one level, in code order."""
        return tuple(u for u in self.units if u.tingkat == tingkat)

    @property
    def kota(self) -> Wilayah:
        return self.level("kota")[0]

    def children(self, kode: str) -> tuple[Wilayah, ...]:
        """The units directly below this one."""
        return tuple(u for u in self.units if u.kode_induk == kode)

    def ancestor(self, kode: str, tingkat: str) -> str:
        """The code of the unit at `tingkat` that contains `kode` (itself if already at that level)."""
        unit = self.get(kode)
        while unit.tingkat != tingkat:
            if unit.kode_induk is None:
                raise UnknownWilayah(f"'{kode}' tidak berada di bawah tingkat {tingkat}.")
            unit = self.get(unit.kode_induk)
        return unit.kode

    def name(self, kode: str) -> str:
        """The 2025 Kemendagri spelling of a code."""
        return self.get(kode).nama

    def display_name(self, kode: str, lang: str = "id") -> str:
        """The name with its level, e.g. 'Kecamatan Setu'."""
        unit = self.get(kode)
        return f"{tr(f'level.{unit.tingkat}', lang).split(' ')[0]} {unit.nama}"

    def frame(self) -> pd.DataFrame:
        """The register as a table, one row per unit."""
        return pd.DataFrame([u.__dict__ for u in self.units])

    def parent_map(self, child_level: str, parent_level: str) -> dict[str, str]:
        """Code of each unit at child_level → code of its unit at parent_level."""
        return {u.kode: self.ancestor(u.kode, parent_level) for u in self.level(child_level)}

    def resolve(self, value: object, tingkat: str | None = None) -> Resolution:
        """Map a code (Kemendagri or BPS, dotted or not) or a name in any known spelling to a code."""
        text = "" if value is None or (pd.api.types.is_scalar(value) and _isna(value)) else str(value).strip()
        if not text:
            return Resolution(
                None, Issue("wilayah_kosong", "Kode wilayah kosong. Isi dengan kode Kemendagri, mis. 36.74.03.1005.")
            )
        code = self._resolve_code(text)
        found = self._resolve_name(text, tingkat) if code is None else code or self._unknown_code(text, tingkat)
        if isinstance(found, Issue):
            return Resolution(None, found)
        if tingkat and self.get(found).tingkat != tingkat:
            return Resolution(
                None,
                Issue(
                    "tingkat_wilayah_salah",
                    f"'{text}' adalah {self.get(found).tingkat} {self.name(found)}, padahal yang diminta {tingkat}.",
                    value=text,
                ),
            )
        return Resolution(found)

    def _resolve_code(self, text: str) -> str | None:
        """The code of a text made of digits (dots, spaces, an 'id' in front), '' when unknown; None for a name."""
        body = text[2:] if text.lower().startswith("id") else text
        if re.fullmatch(r"[\d.\s]+", body) and digits(body):
            return self._codes.get(digits(body)) or ""
        return None

    def _resolve_name(self, text: str, tingkat: str | None) -> str | Issue:
        key, hint = normalise_name(text)
        codes = self._names.get(key, set())
        want = tingkat or (hint if hint in LEVELS else None)
        if want:
            codes = {c for c in codes if self.get(c).tingkat == want} or (codes if tingkat is None else set())
        if len(codes) == 1:
            return next(iter(codes))
        if len(codes) > 1:
            options = ", ".join(sorted(self.display_name(c) for c in codes))
            return Issue(
                "wilayah_ambigu",
                f"'{text}' bisa berarti {options}. Tulis 'Kec. …' atau 'Kel. …', atau pakai kode Kemendagri.",
                value=text,
            )
        if key.isdigit():  # a code written with other marks, e.g. 36-74-03-1005
            return self._unknown_code(text, want)
        return self.outside.name_issue(text) or self._unknown(text, *self._close_names(key, want))

    def _unknown_code(self, text: str, tingkat: str | None) -> Issue:
        """A code not in the register: another place's, named; else unknown, with the codes one typo away."""
        outside = self.outside.code_issue(text)
        if outside is not None:
            return outside
        number = digits(text)
        close = sorted(
            (number not in (digits(u.kode), digits(u.kode_bps)), f"{u.kode} ({self.display_name(u.kode)})")
            for u in self.units
            if tingkat in (None, u.tingkat)
            and (one_edit(number, digits(u.kode)) or one_edit(number, digits(u.kode_bps)))
        )
        shown = [s for _, s in close]
        return self._unknown(text, shown, True, [s.split(" ")[0] for s in shown])

    def _unknown(self, text: str, close: list[str], typo: bool, codes: list[str] | None = None) -> Issue:
        """The problem of an unknown code or name: what it most likely meant when that is a plausible typo (its code
        the Issue's suggestion, to accept in one step), else the closest ones."""
        suggestion = codes[0] if close and typo and codes else None
        if close and typo:
            hint = tr("wilayah.did_you_mean", first=close[0])
            hint += tr("wilayah.also_close", others=", ".join(close[1:3])) if len(close) > 1 else ""
        else:
            hint = tr("wilayah.closest", names=", ".join(close[:3])) if close else ""
        message = tr("wilayah.unknown", value=text, hint=hint)
        return Issue("wilayah_tidak_dikenal", message, value=text, suggestion=suggestion)

    def _close_names(self, key: str, tingkat: str | None) -> tuple[list[str], bool, list[str]]:
        """The names closest to a name key (the official name beside an alias), closest first, whether the closest
        is a plausible typo (TYPO_RATIO), and their codes (none when the closest name belongs to several wilayah,
        e.g. Setu the kecamatan and the kelurahan: then no one code is suggested)."""
        pool = {
            k: sorted(c for c in codes if tingkat in (None, self.get(c).tingkat)) for k, codes in self._names.items()
        }
        keys = difflib.get_close_matches(key, [k for k, v in pool.items() if v], n=6, cutoff=0.5)
        shown: dict[str, str] = {}
        for k in keys:
            for kode in pool[k]:
                shown.setdefault(kode, self._suggestion(k, kode))
        typo = bool(keys) and difflib.SequenceMatcher(None, key, keys[0]).ratio() >= TYPO_RATIO
        return list(shown.values()), typo, list(shown) if keys and len(pool[keys[0]]) == 1 else []

    def _suggestion(self, key: str, kode: str) -> str:
        """The matched spelling, with the official name beside it when the spelling is an alias."""
        official = self.display_name(kode) if len(self._names[key]) > 1 else self.get(kode).nama
        spelling = self._spellings[key]
        return official if normalise_name(self.get(kode).nama)[0] == key else f"{spelling} (= {official})"

    def resolve_series(self, values: pd.Series, tingkat: str | None = None) -> tuple[pd.Series, dict[str, Issue]]:
        """Resolve many inputs at once (each distinct value once); return codes and an Issue per bad value."""
        uniques = pd.unique(values.dropna())
        results = {v: self.resolve(v, tingkat) for v in uniques}
        codes = values.map({v: r.kode for v, r in results.items()})
        return codes, {str(v): r.issue for v, r in results.items() if r.issue}


class _Row(Protocol):
    """One row of data/wilayah.csv, read with dtype=str: every field is text."""

    kode: str
    tingkat: str
    nama: str
    kode_induk: str
    kode_bps: str
    nama_bps: str
    luas_km2: str
    label_lat: str
    label_lon: str


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) and not pd.isna(value) else None


def load_register(data_dir: Path | None = None) -> Register:
    """Read wilayah.csv, wilayah_alias.csv and wilayah_luar.csv of `data_dir` (data/ by default) into a Register;
    cached per folder."""
    return _load_register(Path(data_dir or settings.DATA_DIR))


@functools.lru_cache(maxsize=4)
def _load_register(data_dir: Path) -> Register:
    """Read one folder's register files."""
    table = pd.read_csv(data_dir / "wilayah.csv", dtype=str, keep_default_na=False)
    units = tuple(
        Wilayah(
            r.kode,
            r.tingkat,
            r.nama,
            r.kode_induk or None,
            r.kode_bps,
            r.nama_bps,
            _float(r.luas_km2),
            _float(r.label_lat),
            _float(r.label_lon),
        )
        for r in cast("Iterator[_Row]", table.itertuples(index=False))
    )
    aliases = pd.read_csv(data_dir / "wilayah_alias.csv", dtype=str)
    outside = load_outside(data_dir / "wilayah_luar.csv")
    return Register(units, tuple(zip(aliases.kode, aliases.alias, strict=True)), outside)
