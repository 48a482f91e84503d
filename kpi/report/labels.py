"""Labels people read: how a period is named when its data stop early."""

from __future__ import annotations

import pandas as pd

from kpi.core import periods

UNTIL = {"id": "s.d.", "en": "to"}


def period_label(rows: pd.DataFrame, period: str, lang: str = "id") -> str:
    """'2026', or '2026 (s.d. Okt 2026)' when the data stop before the period ends."""
    ends = rows.loc[rows["nilai"].notna(), "periode_akhir"].dropna() if "periode_akhir" in rows else []
    shown = periods.display(period, lang)
    if len(ends) == 0:
        return shown
    last = max(ends, key=periods.end_date)
    if periods.end_date(last) >= periods.end_date(period):
        return shown
    return f"{shown} ({UNTIL[lang]} {periods.display(last, lang)})"
