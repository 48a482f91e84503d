"""An import's dry run as tables a person reads: the KPI preview, the problems, the sheets of a workbook and the
batch history, in id or en."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd

from kpi.core import periods
from kpi.core.catalogue import Catalogue
from kpi.core.issues import Issue, issues_frame
from kpi.core.texts import TEXTS, tr
from kpi.core.wilayah import Register
from kpi.report import numfmt

PREVIEW_COLUMNS = ("indikator", "wilayah", "periode", "sebelum", "sesudah", "selisih")
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


def issues_table(issues: list[Issue], lang: str = "id") -> pd.DataFrame:
    """Every problem with row, column, code, the Indonesian message and the cell's value."""
    frame = issues_frame(issues)
    frame.columns = [tr(f"imports.issue.{c}", lang) for c in frame.columns]
    return frame


def issues_csv(issues: list[Issue]) -> bytes:
    """The problem list as a UTF-8 CSV (with BOM, so Excel shows the Indonesian text right)."""
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
