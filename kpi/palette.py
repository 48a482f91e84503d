"""One colour per kecamatan, the same on every chart: the colour-blind-safe Okabe–Ito palette, by register order."""
from __future__ import annotations

from kpi.wilayah import Register

# Okabe & Ito (2008), "Color Universal Design"; yellow darkened slightly so lines read on white.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#C9B800", "#0072B2", "#D55E00", "#CC79A7")
CITY = "#111111"
TARGET = "#6B7280"
NEUTRAL = "#9CA3AF"


def kecamatan_colours(register: Register) -> dict[str, str]:
    """Kecamatan code → colour (stable: by code order), plus the city code → near-black."""
    codes = [u.kode for u in register.level("kecamatan")]
    return {**{k: OKABE_ITO[i % len(OKABE_ITO)] for i, k in enumerate(codes)}, register.kota.kode: CITY}


def colour_of(kode: str, register: Register) -> str:
    """The colour of a wilayah: its own for a kecamatan, its kecamatan's for a kelurahan, black for the city."""
    colours = kecamatan_colours(register)
    if kode in colours:
        return colours[kode]
    return colours.get(register.ancestor(kode, "kecamatan"), NEUTRAL)
