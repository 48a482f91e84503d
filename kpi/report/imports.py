"""An import's dry run as tables a person reads: the KPI preview, the problems (grouped by cause; the CSV lists every
row), the sheets of a workbook and the batch history, in id or en."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue
from kpi.core.issues import Issue, causes, causes_frame, issues_frame
from kpi.core.texts import TEXTS, tr
from kpi.core.wilayah import Register
from kpi.report import numfmt

PREVIEW_COLUMNS = ("indikator", "wilayah", "periode", "sebelum", "sesudah", "selisih")
SUPERSEDED_COLUMNS = ("indikator", "wilayah", "periode", "nilai", "sumber")
SHEET_COLUMNS = ("lembar", "baris", "status")


class SheetUse(Protocol):
    """A worksheet and what the import does with it (kpi.inputs.sheets.SheetUse)."""

    name: str
    rows: int
    status: str


def preview_table(
    preview: pd.DataFrame, catalogue: Catalogue, register: Register, lang: str = "id", limit: int | None = 500
) -> pd.DataFrame:
    """The KPI changes of a dry run as text: indicator, area, period, before, after and the signed change."""
    headers = [tr(f"imports.preview.{c}", lang) for c in PREVIEW_COLUMNS]
    rows = preview if limit is None else preview.head(limit)
    out = []
    for r in rows.itertuples(index=False):
        ind = catalogue.get(r.indikator)
        delta = r.selisih if pd.notna(r.selisih) else None
        out.append(
            (
                ind.text("short", lang),
                register.display_name(r.kode_wilayah, lang),
                periods.display(r.periode, lang),
                numfmt.with_unit(r.sebelum, ind, lang),
                numfmt.with_unit(r.sesudah, ind, lang),
                "—" if delta is None else numfmt.signed(delta, ind.decimals, lang),
            )
        )
    return pd.DataFrame(out, columns=list(headers), dtype="string")


def superseded_kpis(superseded: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The observations left out because records give their place (kpi.store.kpis), without the component rows of
    pooled indicators (parts of a report, not KPIs)."""
    return superseded[~superseded["indikator"].isin(list(catalogue.components))]


def superseded_table(
    superseded: pd.DataFrame, catalogue: Catalogue, register: Register, lang: str = "id", limit: int | None = 500
) -> pd.DataFrame:
    """Those observations as text: indicator, area, period, the value the observation gave, and the records the
    KPI is computed from instead."""
    headers = [tr(f"imports.superseded.{c}", lang) for c in SUPERSEDED_COLUMNS]
    rows = superseded_kpis(superseded, catalogue)
    rows = rows if limit is None else rows.head(limit)
    out = []
    for r in rows.itertuples(index=False):
        ind = catalogue.get(r.indikator)
        out.append(
            (
                ind.text("short", lang),
                register.display_name(r.kode_wilayah, lang),
                periods.display(r.periode, lang),
                numfmt.with_unit(r.nilai, ind, lang),
                tr(f"impor_kind_{r.jenis}", lang),
            )
        )
    return pd.DataFrame(out, columns=list(headers), dtype="string")


def issues_table(issues: list[Issue], lang: str = "id") -> pd.DataFrame:
    """The problems grouped by cause (kpi.core.issues.causes): the first row, how many rows, column, code, the
    Indonesian message (with the count and the first rows when there are more) and the cell's value."""
    frame = causes_frame(causes(issues))
    frame.columns = [tr(f"imports.issue.{c}", lang) for c in frame.columns]
    return frame


def issues_csv(issues: list[Issue]) -> bytes:
    """The problem list, one line per row and problem, as a UTF-8 CSV (with BOM, so Excel shows the Indonesian text
    right)."""
    return issues_frame(issues).to_csv(index=False).encode("utf-8-sig")


def sheets_table(sheets: Sequence[SheetUse], lang: str = "id") -> pd.DataFrame:
    """The sheets of a workbook in their order: name, rows under the header, and read, skipped (why) or refused."""
    rows = [(s.name, s.rows, tr(f"imports.sheet.{s.status}", lang)) for s in sheets]
    frame = pd.DataFrame(rows, columns=[tr(f"imports.sheet.{c}", lang) for c in SHEET_COLUMNS])
    return frame.astype({frame.columns[0]: "string", frame.columns[1]: "int64", frame.columns[2]: "string"})


def sheets_summary(sheets: Sequence[SheetUse], lang: str = "id") -> str:
    """One line: how many sheets are read (with their rows) and how many skipped or refused."""
    read = [s for s in sheets if s.status == "dibaca"]
    return tr(
        "imports.sheets_summary",
        lang,
        read=len(read),
        rows=sum(s.rows for s in read),
        other=len(sheets) - len(read),
    )


def batches_table(batches: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The batch history with translated headers; the sha256 shortened to 12 characters."""
    shown = batches.assign(sha256=batches["sha256"].astype("string").str[:12]) if "sha256" in batches else batches
    return shown.rename(columns=lambda c: tr(f"imports.batch.{c}", lang) if f"imports.batch.{c}" in TEXTS else c)
