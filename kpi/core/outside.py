"""Places outside Kota Tangerang Selatan, so that a file's code or name of one is named for what it is.

data/wilayah_luar.csv holds the provinces, the other regencies and cities of Banten, the three neighbours outside
Banten, and every kecamatan and kelurahan/desa of Kota and Kabupaten Tangerang (Kepmendagri codes). A code is named
when it is one of them exactly, or by its regency or city (first four digits) or province (first two digits), which
Kemendagri and BPS share; a name when its key (kpi.core.spelling) is one of theirs. Banten itself, which holds
Tangerang Selatan, is left out: a code of 36 without a known regency is a typo, not another place.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kpi.core.issues import Issue
from kpi.core.spelling import digits, normalise_name
from kpi.core.texts import tr

CODE = "wilayah_luar_kota"
HOME = "3674"  # Kota Tangerang Selatan: its codes are typos or unknown, never outside
# The parts both numberings share, their levels, and the lengths of a code (kecamatan: Kemendagri 6 digits, BPS 7;
# village: 10) that they place: a regency or city places its kecamatan and villages, a province its regencies too.
PREFIXES = ((4, ("kabupaten", "kota"), (6, 7, 10)), (2, ("provinsi",), (4, 6, 7, 10)))
LEVEL_WORDS = ("provinsi", "kecamatan", "kelurahan", "desa")  # kabupaten and kota carry theirs in the name
SHOWN = 4  # places named for one name at most


@dataclass(frozen=True)
class Place:
    """One place outside the city: its Kemendagri code, level (provinsi, kabupaten, kota, kecamatan, kelurahan,
    desa) and name."""

    kode: str
    tingkat: str
    nama: str


class Outside:
    """The places outside the city by code digits and by name key."""

    def __init__(self, places: Iterable[Place]):
        kept = [p for p in places if not HOME.startswith(digits(p.kode))]
        self._codes = {digits(p.kode): p for p in kept}
        self._names: dict[str, list[Place]] = {}
        for place in kept:
            self._names.setdefault(normalise_name(place.nama)[0], []).append(place)

    def code_issue(self, text: str) -> Issue | None:
        """The problem of a code that belongs to a place outside the city, or None."""
        number = digits(text)
        if number.startswith(HOME):
            return None
        exact = self._codes.get(number)
        if exact is not None:
            return Issue(CODE, tr("wilayah.outside_code", value=text, place=self.describe(exact)), value=text)
        for size, levels, lengths in PREFIXES:
            place = self._codes.get(number[:size]) if len(number) in lengths else None
            if place is not None and place.tingkat in levels:
                prefix = ".".join(number[i : i + 2] for i in range(0, size, 2))
                message = tr("wilayah.outside_prefix", value=text, prefix=prefix, place=self.describe(place))
                return Issue(CODE, message, value=text)
        return None

    def name_issue(self, text: str) -> Issue | None:
        """The problem of a name that is a place outside the city (narrowed by a level prefix), or None."""
        key, hint = normalise_name(text)
        found = self._names.get(key, [])
        levels = ("kelurahan", "desa") if hint == "kelurahan" else (hint,)
        found = [p for p in found if p.tingkat in levels] or found
        if not found:
            return None
        shown = "; ".join(self.describe(p) for p in found[:SHOWN]) + ("; …" if len(found) > SHOWN else "")
        return Issue(CODE, tr("wilayah.outside_name", value=text, places=shown), value=text)

    def describe(self, place: Place) -> str:
        """A place with its level and the places above it: 'Kelurahan Sukarasa (Kecamatan Tangerang, Kota
        Tangerang)'."""
        number = digits(place.kode)
        above = [self._codes.get(number[:size]) for size in (6, 4, 2) if len(number) > size]
        parents = [p for p in above if p is not None]  # Banten, left out, is never named
        inside = f" ({', '.join(self._label(p) for p in parents)})" if parents else ""
        return self._label(place) + inside

    @staticmethod
    def _label(place: Place) -> str:
        """The name with its level word: 'Provinsi Jawa Barat', 'Kota Tangerang' (the name holds 'Kota')."""
        if place.tingkat in LEVEL_WORDS:
            return f"{tr(f'outside.level.{place.tingkat}')} {place.nama}"
        return place.nama


def load_outside(path: Path) -> Outside:
    """The places of data/wilayah_luar.csv (none when the file is absent); cached per path."""
    return _load(Path(path))


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Outside:
    """Read one file of places."""
    if not path.exists():
        return Outside(())
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return Outside(Place(k, t, n) for k, t, n in zip(table.kode, table.tingkat, table.nama, strict=True))
