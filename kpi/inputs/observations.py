"""Loading observation files: read, validate, and accept the whole file or nothing."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi import settings
from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.issues import Issue
from kpi.core.wilayah import Register, load_register
from kpi.inputs.readers import ROW_COLUMN, read_sheets, source_name
from kpi.inputs.schema import header_columns, validate
from kpi.inputs.sheets import SheetUse, combine

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadResult:
    """The outcome of loading a file: a clean frame and no issues, or no frame and every issue; what became of each
    worksheet of a workbook (read, skipped and why, refused); for raw records the column mapping used; and `rows`,
    the spreadsheet row of each row of the frame (same index), for problems found after loading (kpi.store)."""

    frame: pd.DataFrame | None
    issues: list[Issue] = field(default_factory=list)
    mapping: Any = None  # raw records: the kpi.inputs.mapping.Proposal the file was read with (shown by the dry run)
    rows: pd.Series | None = None
    sheets: tuple[SheetUse, ...] = ()

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.issues


def load_observations(
    source,
    filename: str | None = None,
    catalogue: Catalogue | None = None,
    register: Register | None = None,
    today: dt.date | None = None,
) -> LoadResult:
    """Read and validate an observation file (CSV, XLSX or Parquet; every sheet of a workbook that holds observations)
    ; never raises, never half-loads."""
    try:
        sheets, problems = read_sheets(source, filename)
        if not sheets:
            return LoadResult(None, problems)
        name = source_name(source, filename) or "tanpa nama"
        raw, read_issues, uses = combine(sheets, header_columns, name)
        if raw is None:
            return LoadResult(None, read_issues, sheets=uses)
        frame, issues = validate(raw, catalogue or load_catalogue(), register or load_register(), today)
        issues = read_issues + issues  # header problems (row 1) first, then every row problem at once
        if issues or frame is None:
            return LoadResult(None, issues, sheets=uses)
        rows = raw[ROW_COLUMN].reset_index(drop=True).astype("int64") if ROW_COLUMN in raw else None
        return LoadResult(frame, [], rows=rows, sheets=uses)
    except Exception as exc:  # the border: the traceback goes to the log, a message to the user
        name = filename or str(source)
        logger.exception("loading observations from %r failed", name)
        return LoadResult(
            None,
            [
                Issue(
                    "galat_internal",
                    f"Berkas '{name}' tidak dapat diproses ({type(exc).__name__}: {exc}). "
                    "Laporkan ke pengelola dasbor beserta berkasnya.",
                )
            ],
        )


def load_sample(today: dt.date | None = None) -> LoadResult:
    """The embedded synthetic sample (Data contoh (sintetis)): settings.sample_observations_file()."""
    return load_observations(settings.sample_observations_file(), today=today)
