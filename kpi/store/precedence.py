"""What a dry run says about the one-source rule (kpi/store/kpis.py: raw records win): the problems of an
observation file that would give another number where records give the KPIs, one per indicator with its rows,
wilayah and periods, and the fix."""

from __future__ import annotations

import pandas as pd

from kpi.core.catalogue import Catalogue
from kpi.core.issues import Issue, first_rows
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.store.kpis import RECORD_KINDS, record_kind

SHOWN = 5  # wilayah named in a message before "and N more"


def family(kind: str, catalogue: Catalogue) -> str:
    """The indicators computed from one record kind: 'layanan_daring, selesai_tepat_waktu dan waktu_penyelesaian'."""
    ids = [i for i, k in RECORD_KINDS.items() if k == kind and i in catalogue.ids]
    if len(ids) < 2:
        return ids[0] if ids else kind
    return tr("store.records_win_and", first=", ".join(ids[:-1]), last=ids[-1])


def places(rows: pd.DataFrame, register: Register) -> str:
    """The wilayah and periods of some observations: 'Kelurahan Ciater (36.74.01.1001): 2026-09, 2026-10; …'."""
    by_unit = rows.groupby("kode_wilayah", sort=True)["periode"].apply(lambda p: ", ".join(sorted(set(p))))
    named = [f"{register.display_name(k) if k in register else k} ({k}): {p}" for k, p in by_unit.items()]
    shown = "; ".join(named[:SHOWN])
    rest = len(named) - SHOWN
    return shown if rest <= 0 else tr("store.records_win_more_places", places=shown, n=rest)


def conflict_issues(
    incoming: pd.DataFrame, rows: pd.Series | None, disagree: pd.Series, catalogue: Catalogue, register: Register
) -> list[Issue]:
    """One problem per indicator whose observations disagree with KPIs the records give for the same place."""
    issues = []
    bad = incoming[disagree].assign(induk=lambda f: f["indikator"].str.partition(".")[0])
    for iid, group in bad.groupby("induk", sort=True):
        numbers = [int(rows.loc[i]) if rows is not None else int(i) + 2 for i in group.index]
        kind = str(record_kind(group["indikator"]).iloc[0])
        ind = catalogue.get(str(iid))
        body = tr(
            "store.records_win",
            indicator=ind.id,
            name=ind.text("short"),
            n=len(numbers),
            kind=kind,
            places=places(group, register),
            family=family(kind, catalogue),
        )
        message = f"Kolom 'indikator' baris {first_rows(numbers)}: {body}"
        issues.append(Issue("sumber_ganda", message, numbers[0], "indikator", str(iid)))
    return sorted(issues, key=lambda i: i.row or 0)
