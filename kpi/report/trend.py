"""Words and tables of a trend for people: a wilayah's legend and hover names and the year-on-year table in the
reader's language."""

from __future__ import annotations

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Indicator
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.metrics.trends import ARAH
from kpi.report.labels import change_unit, city_name, period_text
from kpi.report.numfmt import number, signed


def wilayah_names(kode: str, register: Register, lang: str) -> tuple[str, str]:
    """(legend name, hover name) of a wilayah: ('Setu', 'Kecamatan Setu'); the city is named in full in both."""
    if kode == register.kota.kode:
        return city_name(register, lang), city_name(register, lang)
    return register.name(kode), register.display_name(kode, lang)


def _direction(arah: object, lang: str) -> str:
    """'Membaik', 'Memburuk', 'Tetap', or a dash when there is no change to read."""
    return tr(f"trend.arah.{arah}", lang) if arah in ARAH else "—"


def yoy_display(yoy: pd.DataFrame, ind: Indicator, register: Register, lang: str = "id") -> pd.DataFrame:
    """The change table as text in the reader's language, the periods as column names (units: see yoy_units)."""
    period, last = (periods.display(yoy[c].iloc[0], lang) if len(yoy) else c for c in ("periode", "periode_lalu"))
    return pd.DataFrame(
        {
            tr("col_wilayah", lang): [wilayah_names(k, register, lang)[0] for k in yoy["kode_wilayah"]],
            period: [number(v, ind.decimals, lang) for v in yoy["nilai"]],
            last: [number(v, ind.decimals, lang) for v in yoy["nilai_tahun_lalu"]],
            tr("trend.change", lang): [
                signed(d, ind.decimals, lang) if pd.notna(d) else "—" for d in yoy["perubahan_tahunan"]
            ],
            tr("trend.direction", lang): [_direction(a, lang) for a in yoy["arah_tahunan"]],
        }
    )


def yoy_units(ind: Indicator, lang: str = "id") -> str:
    """'Nilai dalam %, perubahan dalam poin.': the units of the change table, said once."""
    return tr("trend.units", lang).format(unit=ind.text("unit", lang), change=change_unit(ind, lang))


def partial_note(frame: pd.DataFrame, lang: str = "id") -> str:
    """What the open points of a trend mean, naming the periods still in progress ('2026 (s.d. Okt 2026)'), or ''
    when every drawn period is complete."""
    if "sebagian" not in frame or not frame["sebagian"].any():
        return ""
    rows = frame[frame["sebagian"].astype(bool)]
    shown = dict.fromkeys(period_text(p, a, lang) for p, a in zip(rows["periode"], rows["periode_akhir"], strict=True))
    return tr("trend.partial_point", lang, periods=", ".join(shown))
