"""One colour per kecamatan, the same on every chart: Paul Tol's colour-blind-safe 'muted' scheme, by code order."""

from __future__ import annotations

from kpi.core.wilayah import Register

# Paul Tol, "Colour schemes" (SRON technical note, 2021), muted scheme without its pale sand and grey:
# distinguishable for the common colour-vision deficiencies and readable as lines on white.
MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#CC6677", "#882255")
CITY = "#111111"
TARGET = "#6B7280"
NEUTRAL = "#9CA3AF"


def kecamatan_colours(register: Register) -> dict[str, str]:
    """Kecamatan code → colour (stable: by code order), plus the city code → near-black."""
    codes = [u.kode for u in register.level("kecamatan")]
    return {**{k: MUTED[i % len(MUTED)] for i, k in enumerate(codes)}, register.kota.kode: CITY}


def colour_of(kode: str, register: Register) -> str:
    """The colour of a wilayah: its own for a kecamatan, its kecamatan's for a kelurahan, black for the city."""
    colours = kecamatan_colours(register)
    if kode in colours:
        return colours[kode]
    return colours.get(register.ancestor(kode, "kecamatan"), NEUTRAL)
