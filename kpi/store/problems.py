"""Why the import store cannot be used, said in Indonesian with the way out: held by another process, written by
another schema version, damaged, on a full disk, or at a path that is no folder.

DuckDB and the operating system say these in English (IOException "… is not a valid DuckDB database file",
"No space left on device", FileExistsError …). `translated` recognises them, anywhere in an exception's chain (a full
disk shows first as "Current transaction is aborted"), and the store raises one of these instead; the command line,
the Impor Data page and the dashboard's source show its message without a traceback.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

from kpi.core.texts import tr

DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)
DISK_FULL_TEXTS = ("No space left on device", "Disk quota exceeded", "disk is full")
DAMAGED_TEXTS = ("not a valid DuckDB database file", "Corrupt database file", "Could not read enough bytes")
FOLDER_TEXTS = ("Is a directory",)


class StoreProblem(RuntimeError):
    """The store cannot be used as it is; the message says why and what to do, `code` names it in an Issue."""

    code = "penyimpanan_bermasalah"


class StoreLocked(StoreProblem):
    """The store file is held by another process (an import in progress, or the dashboard reading it)."""

    code = "penyimpanan_terkunci"


class SchemaMismatch(StoreProblem):
    """The store was written with a schema version this application does not know."""

    code = "skema_tidak_dikenal"


class StoreDamaged(StoreProblem):
    """The store file is no DuckDB database, or a damaged one."""

    code = "penyimpanan_rusak"


class DiskFull(StoreProblem):
    """The disk of the store has no room left: the transaction was rolled back."""

    code = "disk_penuh"


class StorePathInvalid(StoreProblem):
    """The store's folder is a file, or its file is a folder."""

    code = "penyimpanan_bukan_folder"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every exception it was raised from or while handling, outermost first."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def translated(exc: BaseException, path: Path) -> StoreProblem | None:
    """The store's own problem behind an English error of DuckDB or the OS, for the store file `path`; else None."""
    for cause in _chain(exc):
        if isinstance(cause, StoreProblem):
            return None  # said already
        text = str(cause)
        if (isinstance(cause, OSError) and cause.errno in DISK_FULL_ERRNOS) or any(t in text for t in DISK_FULL_TEXTS):
            return DiskFull(tr("store.disk_full", folder=path.parent))
        if any(t in text for t in DAMAGED_TEXTS):
            return StoreDamaged(tr("store.damaged", path=path))
        if any(t in text for t in FOLDER_TEXTS):
            return StorePathInvalid(tr("store.path_is_folder", path=path))
    return None


def folder_is_a_file(path: Path) -> StorePathInvalid:
    """The problem of a store whose folder (or a folder above it) is a file, which the first write finds."""
    blocking = next((p for p in (path.parent, *path.parent.parents) if p.exists() and not p.is_dir()), path.parent)
    return StorePathInvalid(tr("store.folder_is_a_file", folder=blocking, path=path))
