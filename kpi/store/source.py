"""Which observations the dashboard shows: the import store when it holds active batches, else the embedded sample.

Both paths end in the same validated frame (kpi.inputs.schema.validate), so every page treats them alike. The store's
observations are computed by the engine from the imported raw records, joined with imported observation files where
no records give the same place (kpi.store.kpis: raw records win), so every page follows the same rule.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import pandas as pd

from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.issues import Issue
from kpi.core.wilayah import Register, load_register
from kpi.inputs.observations import load_sample
from kpi.inputs.readers import ROW_COLUMN
from kpi.inputs.schema import validate
from kpi.store.batches import Store, store_path
from kpi.store.problems import StoreProblem

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """The observations on display, any problem that kept them from loading, whether they are synthetic, and the
    imported observations left out because raw records give their place (None for the sample)."""

    frame: pd.DataFrame | None
    issues: list[Issue] = field(default_factory=list)
    synthetic: bool = True
    superseded: pd.DataFrame | None = None


def version() -> tuple:
    """A cheap fingerprint of the store's files: it changes whenever an import or a rollback is committed."""
    path = store_path()
    stamps = []
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            info = candidate.stat()
            stamps.append((candidate.name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((candidate.name, None, None))
    return (str(path), *stamps)


def accept(
    frame: pd.DataFrame, catalogue: Catalogue, register: Register, today: dt.date | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Run computed observations through the same validation as an uploaded file (numbers are already numbers)."""
    table = frame.reset_index(drop=True).assign(**{ROW_COLUMN: lambda f: f.index + 2})
    table.attrs["decimal"] = "."
    return validate(table, catalogue, register, today)


def current(
    today: dt.date | None = None, catalogue: Catalogue | None = None, register: Register | None = None
) -> Source:
    """The store's observations when it holds data, else the synthetic sample; never raises."""
    try:
        store = Store()
        if not store.has_data():
            result = load_sample(today)
            return Source(result.frame, result.issues, True)
        assembled = store.kpis()
        if assembled is None:  # rolled back between the two reads
            result = load_sample(today)
            return Source(result.frame, result.issues, True)
        frame, issues = accept(assembled.frame, catalogue or load_catalogue(), register or load_register(), today)
        return Source(frame, issues, store.synthetic(), assembled.superseded)
    except StoreProblem as exc:  # busy, a newer schema, damaged …: its message says what to do
        return Source(None, [Issue(exc.code, str(exc))], False)
    except Exception as exc:  # the border: the traceback goes to the log, a message to the user
        logger.exception("loading the observations on display (store %s) failed", store_path())
        return Source(
            None,
            [
                Issue(
                    "galat_internal",
                    f"Data impor tidak dapat dibaca ({type(exc).__name__}: {exc}). "
                    "Periksa penyimpanan data impor (python -m kpi.importer --list) atau laporkan ke "
                    "pengelola dasbor.",
                )
            ],
            False,
        )
