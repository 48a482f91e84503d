"""Words and tables of a trend for people: the city's name, a wilayah's legend and hover names, the unit of a
change, and the year-on-year table in the reader's language."""

from __future__ import annotations

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.core.wilayah import Register
from kpi.report.numfmt import number, signed

WORDS = {
    "id": {
        "target": "Target",
        "city": "Kota {name}",
        "percent": "Persen (%)",
        "points": "poin",
        "wilayah": "Wilayah",
        "change": "Perubahan",
        "direction": "Arah",
        "arah": {"membaik": "Membaik", "memburuk": "Memburuk", "tetap": "Tetap"},
        "units": "Nilai dalam {unit}, perubahan dalam {change}.",
    },
    "en": {
        "target": "Target",
        "city": "{name} (city)",
        "percent": "Percent (%)",
        "points": "pts",
        "wilayah": "Area",
        "change": "Change",
        "direction": "Direction",
        "arah": {"membaik": "Improved", "memburuk": "Worsened", "tetap": "Unchanged"},
        "units": "Values in {unit}, changes in {change}.",
    },
}


def city_name(register: Register, lang: str = "id") -> str:
    """'Kota Tangerang Selatan' / 'Tangerang Selatan (city)'."""
    name = register.kota.nama
    return name if name.lower().startswith("kota ") else WORDS[lang]["city"].format(name=name)


def wilayah_names(kode: str, register: Register, lang: str) -> tuple[str, str]:
    """(legend name, hover name) of a wilayah: ('Setu', 'Kecamatan Setu'); the city is named in full in both."""
    if kode == register.kota.kode:
        return city_name(register, lang), city_name(register, lang)
    return register.name(kode), register.display_name(kode, lang)


def change_unit(ind: Indicator, lang: str) -> str:
    """The unit of a change: points for percentages ('poin' / 'pts'), else the indicator's unit."""
    return WORDS[lang]["points"] if ind.text("unit", lang) == "%" else ind.text("unit", lang)


def yoy_display(yoy: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id") -> pd.DataFrame:
    """The change table as text in the reader's language, the periods as column names (units: see yoy_units)."""
    words = WORDS[lang]
    period, last = (periods.display(yoy[c].iloc[0], lang) if len(yoy) else c for c in ("periode", "periode_lalu"))
    return pd.DataFrame(
        {
            words["wilayah"]: [wilayah_names(k, register, lang)[0] for k in yoy["kode_wilayah"]],
            period: [number(v, ind.decimals, lang) for v in yoy["nilai"]],
            last: [number(v, ind.decimals, lang) for v in yoy["nilai_tahun_lalu"]],
            words["change"]: [signed(d, ind.decimals, lang) if pd.notna(d) else "—" for d in yoy["perubahan_tahunan"]],
            words["direction"]: [words["arah"].get(a, "—") if isinstance(a, str) else "—" for a in yoy["arah_tahunan"]],
        }
    )


def yoy_units(ind: Indicator, lang: str = "id") -> str:
    """'Nilai dalam %, perubahan dalam poin.': the units of the change table, said once."""
    return WORDS[lang]["units"].format(unit=ind.text("unit", lang), change=change_unit(ind, lang))
