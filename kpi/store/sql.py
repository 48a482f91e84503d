"""The DuckDB side of kpi.store.batches: schema, connections, and the statements of one import or rollback.

Every function that changes data runs inside the transaction opened by `writing()`; nothing here commits on
its own. Rows of a rolled-back batch are deleted, so every record row belongs to an active batch and the active
rows of a kind are exactly those with `superseded_by IS NULL`. For each key the rows form a chain
(oldest → newest, each superseded by the next); a rollback unlinks its batch from every chain.

The schema version is kept in the meta table. Writing to a store of an older version first runs the steps of
MIGRATIONS in the same transaction (each writes an audit row); reading one migrates it first when it can be written,
else reads it as it is (the migrations so far keep the tables' layout).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pandas as pd

from kpi import settings
from kpi.engine import tables
from kpi.inputs.kinds import KINDS as RECORD_KINDS
from kpi.store.problems import SchemaMismatch, StoreLocked, folder_is_a_file, translated

# 2: codes, channels and statuses stored as ENUM; 3: a survey answer is identified by (id_responden, kode_unit), not by
# id_responden alone (same tables; MIGRATIONS[2] relinks the survey's replacement chains by the new key)
SCHEMA_VERSION = 3
LOCK_WAIT_SECONDS = 5.0
FAULT_ENV = settings.FAULT_ENV  # test-only fault injection, see fault()
logger = logging.getLogger(__name__)


@functools.cache
def kind_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Column name and SQL type of each kind's table: the engine's raw-record tables, and the observations."""
    return {
        **tables.record_columns(),
        "observasi": (
            ("periode", "VARCHAR"),
            ("kode_wilayah", "VARCHAR"),
            ("indikator", "VARCHAR"),
            ("pembilang", "DOUBLE"),
            ("penyebut", "DOUBLE"),
            ("nilai", "DOUBLE"),
        ),
    }


# The columns identifying one record: a request or complaint by its id (an id of another kelurahan is refused, see
# foreign_ids), a survey answer by its id within the unit surveyed (questionnaires are numbered per office)
KEYS: dict[str, tuple[str, ...]] = {
    **{kind: spec.identity for kind, spec in RECORD_KINDS.items()},
    "observasi": ("periode", "kode_wilayah", "indikator"),
}
OFFICES: dict[str, str] = {kind: spec.office for kind, spec in RECORD_KINDS.items()} | {"observasi": "kode_wilayah"}
# pandas dtypes of the typed frames (contract); every other column type maps by SQL type
DTYPES = {"VARCHAR": "str", "TIMESTAMP": "datetime64[us]", "DOUBLE": "float64", "BIGINT": "Int64", "BOOLEAN": "bool"}
EXACT_DTYPES = {"sop_hari_kerja": "int64"}

BATCH_COLUMNS = (
    ("batch_id", "BIGINT"),
    ("jenis", "VARCHAR"),
    ("berkas", "VARCHAR"),
    ("sha256", "VARCHAR"),
    ("baris", "BIGINT"),
    ("dimasukkan", "BIGINT"),
    ("diganti", "BIGINT"),
    ("dilewati", "BIGINT"),
    ("diimpor_pada", "VARCHAR"),
    ("status", "VARCHAR"),
    ("sintetis", "BOOLEAN"),
    ("dibatalkan_pada", "VARCHAR"),
)
AUDIT_COLUMNS = (
    ("urut", "BIGINT"),
    ("waktu", "VARCHAR"),
    ("aksi", "VARCHAR"),
    ("batch_id", "BIGINT"),
    ("berkas", "VARCHAR"),
    ("sha256", "VARCHAR"),
    ("baris", "BIGINT"),
    ("hasil", "VARCHAR"),
    ("pesan", "VARCHAR"),
)
OVERLAP_DTYPES = {"id": "str", "kantor": "str", "batch_id": "int64", "berkas": "str"}
FOREIGN_DTYPES = {
    "posisi": "int64",
    "id": "str",
    "kantor": "str",
    "kantor_lama": "str",
    "batch_id": "int64",
    "berkas": "str",
}
ACTIVE, ROLLED_BACK = "aktif", "dibatalkan"

_PROCESS_LOCK = threading.RLock()  # one connection per process at a time: DuckDB refuses mixed configurations


class InjectedFault(RuntimeError):
    """A failure injected by a test through TANGSEL_KPI_FAULT."""


def now() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def fault(point: str) -> None:
    """TEST-ONLY fault injection. TANGSEL_KPI_FAULT='<point>' kills this process with SIGKILL at `point`
    (inside the open transaction); '<point>:raise' raises InjectedFault there, '<point>:disk_full' the error DuckDB
    raises on a full disk. Unset in normal use."""
    spec = settings.fault_point()
    if spec == point:
        os.kill(os.getpid(), signal.SIGKILL)
    if spec == f"{point}:raise":
        raise InjectedFault(f"kegagalan uji di titik {point}")
    if spec == f"{point}:disk_full":  # what DuckDB raises when a write finds no room left on the disk
        raise duckdb.IOException(f'IO Error: Could not write file "{point}": No space left on device')


def run(con: duckdb.DuckDBPyConnection, statement: str, params: list | None = None) -> list[tuple]:
    """Execute one statement and fetch its whole result (DuckDB refuses new work while a result is unfinished)."""
    return con.execute(statement, params or []).fetchall()


def record_table(kind: str) -> str:
    """The table holding the records of a kind."""
    return f"rec_{kind}"


def schema_statements() -> list[str]:
    """CREATE statements of every table (no constraints: DuckDB updates indexed rows poorly)."""

    def table(name: str, columns) -> str:
        return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in columns)})"

    statements = [
        table("meta", (("key", "VARCHAR"), ("value", "VARCHAR"))),
        table("batches", BATCH_COLUMNS),
        table("audit", AUDIT_COLUMNS),
    ]
    for kind, columns in kind_columns().items():
        statements.append(table(record_table(kind), (("batch_id", "BIGINT"), ("superseded_by", "BIGINT"), *columns)))
    return statements


# ---------------------------------------------------------------- connections


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the store, waiting up to LOCK_WAIT_SECONDS while another process holds it; a damaged store, a full disk
    or a folder in its place raise the store's own problem (kpi.store.problems)."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not (isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()):
                problem = translated(exc, path)
                if problem is not None:
                    raise problem from exc
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"PID (\d+)", str(exc))
                who = f" (proses {holder.group(1)})" if holder else ""
                raise StoreLocked(
                    f"Penyimpanan data impor {path} sedang dipakai proses lain{who}, misalnya impor "
                    "lewat baris perintah atau dasbor yang sedang membaca. Tunggu sampai selesai, lalu "
                    "coba lagi."
                ) from None
            time.sleep(0.1)


@contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A read-only connection, or None when the store does not exist or holds no tables yet. A store of an older
    schema is migrated first (see `_migrated`)."""
    if not path.exists():
        yield None
        return
    with _PROCESS_LOCK:
        con = _connect(path, read_only=True)
        if _migrated(con, path):
            con = _connect(path, read_only=True)
        try:
            tables = {r[0] for r in run(con, "SELECT table_name FROM duckdb_tables()")}
            yield con if "batches" in tables else None
        except duckdb.Error as exc:  # a damaged block shows only when it is read
            problem = translated(exc, path)
            if problem is not None:
                raise problem from exc
            raise
        finally:
            con.close()


def _migrated(con: duckdb.DuckDBPyConnection, path: Path) -> bool:
    """Bring a store of an older schema forward before reading it, so that the dashboard, a dry run and the import
    see the same records; True when `con` was closed for that. When the store cannot be written (held by another
    process, read-only, of a schema no migration leads from), it is read as it is: the migrations keep the layout
    of the tables, and the next import migrates it."""
    try:
        version = schema_version(con)
    except duckdb.Error:
        return False  # a damaged store: the read that follows says so
    if version is None or version >= SCHEMA_VERSION:
        return False
    con.close()
    try:
        with writing(path):
            pass
    except Exception:  # the border of a read: the store is read unmigrated, and the reason goes to the log
        logger.warning(
            "migrating the store %s from schema %s failed; reading it as it is", path, version, exc_info=True
        )
    return True


@contextmanager
def writing(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on a writable connection: committed when the block ends, rolled back on any error."""
    with _PROCESS_LOCK:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            raise folder_is_a_file(path) from exc
        con = _connect(path, read_only=False)
        try:
            run(con, "BEGIN TRANSACTION")
            try:
                _ensure_schema(con)
                yield con
                run(con, "COMMIT")
            except BaseException as exc:
                with suppress(duckdb.Error):  # closing an open transaction discards it as well
                    run(con, "ROLLBACK")
                problem = translated(exc, path) if isinstance(exc, Exception) else None
                if problem is not None:  # a full disk, a damaged file: rolled back, and said in Indonesian
                    raise problem from exc
                raise
        finally:
            con.close()


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables on first write; bring a store of an older schema forward (MIGRATIONS); refuse a store of a
    newer schema, or of one no migration leads from."""
    for statement in schema_statements():
        run(con, statement)
    version = schema_version(con)
    if version is None:
        run(con, "INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        return
    if version > SCHEMA_VERSION or any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise SchemaMismatch(
            f"Penyimpanan data impor memakai versi skema {version}, sedangkan aplikasi ini mengenal "
            f"versi {SCHEMA_VERSION}. Pakai versi aplikasi yang sesuai atau pindahkan berkas "
            "penyimpanan lalu impor ulang."
        )
    for step in range(version, SCHEMA_VERSION):
        message = MIGRATIONS[step](con)
        run(con, "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step + 1)])
        audit(con, "migrasi", None, None, None, None, "berhasil", message)


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version a store was written with, or None for a store without one (being created)."""
    tables_found = {r[0] for r in run(con, "SELECT table_name FROM duckdb_tables()")}
    if "meta" not in tables_found:
        return None
    rows = run(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    return int(rows[0][0]) if rows else None


def _survey_ids_per_office(con: duckdb.DuckDBPyConnection) -> str:
    """2 → 3: relink the survey answers' replacement chains by (id_responden, kode_unit). A file of one unit whose
    questionnaires were numbered like another unit's used to replace that unit's answers; those come back, and
    nothing is deleted. Returns the audit message."""
    table, keys = record_table("survei"), ", ".join(KEYS["survei"])
    chains = (
        f"(SELECT batch_id, {keys}, lead(batch_id) OVER (PARTITION BY {keys} ORDER BY batch_id) AS next_batch "
        f"FROM {table}) AS c"
    )
    match = " AND ".join(f"r.{k} = c.{k}" for k in ("batch_id", *KEYS["survei"]))
    changed = f"{match} AND r.superseded_by IS DISTINCT FROM c.next_batch"
    back = run(con, f"SELECT count(*) FROM {table} r, {chains} WHERE {changed} AND c.next_batch IS NULL")[0][0]
    run(con, f"UPDATE {table} AS r SET superseded_by = c.next_batch FROM {chains} WHERE {changed}")
    return (
        "Skema penyimpanan diperbarui dari versi 2 ke 3: jawaban survei kini dikenali per kantor (kode_unit dan "
        f"id_responden), bukan per id_responden saja. {back} jawaban survei yang dulu tergantikan oleh jawaban kantor "
        "lain bernomor sama berlaku kembali; tidak ada data yang dihapus."
    )


MIGRATIONS = {2: _survey_ids_per_office}  # version → the step to version + 1, inside the write transaction


# ---------------------------------------------------------------- reads (any connection)


def empty_frame(dtypes: dict[str, str]) -> pd.DataFrame:
    """A frame without rows with these columns and dtypes."""
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in dtypes.items()})


def typed(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Records read back from DuckDB with the contract's column order and dtypes."""
    columns = kind_columns()[kind]
    dtypes = {c: EXACT_DTYPES.get(c, DTYPES.get(t, "str")) for c, t in columns}  # ENUM → str
    return frame[[c for c, _ in columns]].astype(dtypes).reset_index(drop=True)


def active_records(con: duckdb.DuckDBPyConnection | None, kind: str) -> pd.DataFrame:
    """The active rows of a kind (no batch columns), in insertion order of batch and key."""
    names = [c for c, _ in kind_columns()[kind]]
    if con is None:
        return typed(pd.DataFrame({c: [] for c in names}), kind)
    order = ", ".join(("batch_id", *KEYS[kind]))
    sql = f"SELECT {', '.join(names)} FROM {record_table(kind)} WHERE superseded_by IS NULL ORDER BY {order}"
    return typed(con.execute(sql).df(), kind)


def active_source(kind: str) -> str:
    """SQL (parenthesised) of the active records of a kind, for the engine to read in place."""
    names = ", ".join(c for c, _ in kind_columns()[kind])
    return f"(SELECT {names} FROM {record_table(kind)} WHERE superseded_by IS NULL)"


def after_source(kind: str, incoming: str, on_overlap: str) -> str:
    """SQL (parenthesised) of the active records of a kind as they would be after importing the registered view
    `incoming` ("replace": incoming rows take the place of active rows with the same key; "skip": only new keys)."""
    names = ", ".join(c for c, _ in kind_columns()[kind])
    casts = ", ".join(f"CAST(i.{c} AS {t}) AS {c}" for c, t in kind_columns()[kind])
    match = " AND ".join(f"r.{k} = i.{k}" for k in KEYS[kind])
    active = f"SELECT {names} FROM {record_table(kind)} r WHERE r.superseded_by IS NULL"
    if on_overlap == "replace":
        kept = f"{active} AND NOT EXISTS (SELECT 1 FROM {incoming} i WHERE {match})"
        return f"({kept} UNION ALL SELECT {casts} FROM {incoming} i)"
    new = f"SELECT {casts} FROM {incoming} i WHERE NOT EXISTS ({active} AND {match})"
    return f"({active} UNION ALL {new})"


def has_active(con: duckdb.DuckDBPyConnection, kind: str) -> bool:
    """Whether a kind has any active record."""
    return bool(run(con, f"SELECT EXISTS (SELECT 1 FROM {record_table(kind)} WHERE superseded_by IS NULL)")[0][0])


def scratch() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the store's empty tables: what a dry run reads when there is no store yet."""
    con = duckdb.connect()
    for statement in schema_statements():
        run(con, statement)
    return con


def table_frame(con: duckdb.DuckDBPyConnection | None, table: str, columns, order: str) -> pd.DataFrame:
    """A whole bookkeeping table (batches or audit), empty with the right columns when there is no store."""
    names = [c for c, _ in columns]
    if con is None:
        frame = pd.DataFrame({c: [] for c in names})
    else:
        frame = con.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}").df()
    return frame.astype({c: DTYPES[t] for c, t in columns})


def active_batch_by_sha(con: duckdb.DuckDBPyConnection | None, sha256: str, kind: str) -> dict | None:
    """The active batch holding a file with this sha256 imported as this kind, as batch_id, berkas, diimpor_pada.
    The same bytes imported as another kind are another import (the batches table has always kept the kind)."""
    if con is None:
        return None
    rows = run(
        con,
        "SELECT batch_id, berkas, diimpor_pada FROM batches WHERE sha256 = ? AND jenis = ? AND status = ? "
        "ORDER BY batch_id LIMIT 1",
        [sha256, kind, ACTIVE],
    )
    row = rows[0] if rows else None
    return None if row is None else {"batch_id": int(row[0]), "berkas": row[1], "diimpor_pada": row[2]}


def overlapping(con: duckdb.DuckDBPyConnection | None, kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Incoming records whose key is already active: id (the record's id; an observation's keys joined by a space),
    kantor (its office, or wilayah), batch_id, berkas."""
    empty = empty_frame(OVERLAP_DTYPES)
    if con is None or frame.empty:
        return empty
    keys = KEYS[kind]
    shown = f"r.{keys[0]}" if kind in RECORD_KINDS else f"concat_ws(' ', {', '.join(f'r.{k}' for k in keys)})"
    con.register("incoming_keys", frame[list(keys)].astype(str))
    try:
        joined = " AND ".join(f"r.{k} = i.{k}" for k in keys)
        sql = (
            f"SELECT {shown} AS id, CAST(r.{OFFICES[kind]} AS VARCHAR) AS kantor, r.batch_id, b.berkas "
            f"FROM {record_table(kind)} r JOIN incoming_keys i ON {joined} JOIN batches b USING (batch_id) "
            "WHERE r.superseded_by IS NULL ORDER BY r.batch_id, id, kantor"
        )
        found = con.execute(sql).df()
    finally:
        with suppress(duckdb.Error):  # an aborted transaction refuses even this; the first error is the one to see
            con.unregister("incoming_keys")
    return found.astype(OVERLAP_DTYPES) if len(found) else empty


def foreign_ids(con: duckdb.DuckDBPyConnection | None, kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Incoming records whose id is active for another office (a kind whose ids name one record of one office):
    posisi (the record's position in `frame`), id, kantor (its office), kantor_lama (the active record's office),
    batch_id and berkas of the active record. Empty for survey answers, which are numbered per office."""
    empty = empty_frame(FOREIGN_DTYPES)
    if con is None or frame.empty or kind not in RECORD_KINDS or RECORD_KINDS[kind].ids_per_office:
        return empty
    (key,), office = KEYS[kind], OFFICES[kind]
    incoming = pd.DataFrame(
        {"posisi": range(len(frame)), "id": frame[key].astype(str).to_numpy(), "kantor": frame[office].astype(str)}
    )
    con.register("incoming_ids", incoming)
    try:
        sql = (
            f"SELECT i.posisi, i.id, i.kantor, CAST(r.{office} AS VARCHAR) AS kantor_lama, r.batch_id, b.berkas "
            f"FROM {record_table(kind)} r JOIN incoming_ids i ON r.{key} = i.id JOIN batches b USING (batch_id) "
            f"WHERE r.superseded_by IS NULL AND CAST(r.{office} AS VARCHAR) <> i.kantor ORDER BY i.posisi"
        )
        found = con.execute(sql).df()
    finally:
        with suppress(duckdb.Error):  # an aborted transaction refuses even this; the first error is the one to see
            con.unregister("incoming_ids")
    return found.astype(FOREIGN_DTYPES) if len(found) else empty


def any_active(con: duckdb.DuckDBPyConnection | None, synthetic_only: bool = False) -> bool:
    """Whether any batch is active (or any active batch is synthetic)."""
    if con is None:
        return False
    extra = " AND sintetis" if synthetic_only else ""
    return run(con, f"SELECT count(*) FROM batches WHERE status = ?{extra}", [ACTIVE])[0][0] > 0


# ---------------------------------------------------------------- writes (inside writing())


def next_id(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    """One more than the largest value of `column` (ids of rolled-back batches are never reused)."""
    return int(run(con, f"SELECT coalesce(max({column}), 0) + 1 FROM {table}")[0][0])


def audit(
    con: duckdb.DuckDBPyConnection,
    aksi: str,
    batch_id: int | None,
    berkas: str | None,
    sha256: str | None,
    baris: int | None,
    hasil: str,
    pesan: str,
) -> None:
    """Append one audit row (audit rows are never updated or deleted)."""
    run(
        con,
        "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [next_id(con, "audit", "urut"), now(), aksi, batch_id, berkas, sha256, baris, hasil, pesan],
    )


def insert_batch(con: duckdb.DuckDBPyConnection, kind: str, frame: pd.DataFrame, batch: dict, on_overlap: str) -> dict:
    """Insert a batch's records, superseding ("replace") or keeping ("skip") active rows with the same key."""
    keys, table = KEYS[kind], record_table(kind)
    batch_id = batch["batch_id"]
    names = [c for c, _ in kind_columns()[kind]]
    con.register("incoming", frame[names])
    try:
        match = " AND ".join(f"r.{k} = i.{k}" for k in keys)
        active_match = f"EXISTS (SELECT 1 FROM {table} r WHERE r.superseded_by IS NULL AND {match})"
        overlap = run(con, f"SELECT count(*) FROM incoming i WHERE {active_match}")[0][0]
        if on_overlap == "replace":
            run(
                con,
                f"UPDATE {table} AS r SET superseded_by = ? WHERE r.superseded_by IS NULL AND EXISTS "
                f"(SELECT 1 FROM incoming i WHERE {match})",
                [batch_id],
            )
        where = f" WHERE NOT {active_match}" if on_overlap == "skip" else ""
        casts = ", ".join(f"CAST(i.{c} AS {t})" for c, t in kind_columns()[kind])
        run(con, f"INSERT INTO {table} SELECT ?, NULL, {casts} FROM incoming i{where}", [batch_id])
    finally:
        with suppress(duckdb.Error):  # an aborted transaction refuses even this; the first error is the one to see
            con.unregister("incoming")
    counts = {
        "baris": len(frame),
        "dimasukkan": len(frame) - (overlap if on_overlap == "skip" else 0),
        "diganti": overlap if on_overlap == "replace" else 0,
        "dilewati": overlap if on_overlap == "skip" else 0,
    }
    run(
        con,
        f"INSERT INTO batches VALUES ({', '.join('?' * len(BATCH_COLUMNS))})",
        [
            batch_id,
            kind,
            batch["berkas"],
            batch["sha256"],
            counts["baris"],
            counts["dimasukkan"],
            counts["diganti"],
            counts["dilewati"],
            now(),
            ACTIVE,
            batch["sintetis"],
            None,
        ],
    )
    return counts


def find_batch(con: duckdb.DuckDBPyConnection, batch_id: int) -> dict | None:
    """A batch's id, kind, file, sha256, rows and status, or None when there is no such batch."""
    rows = run(con, "SELECT batch_id, jenis, berkas, sha256, baris, status FROM batches WHERE batch_id = ?", [batch_id])
    return (
        dict(zip(("batch_id", "jenis", "berkas", "sha256", "baris", "status"), rows[0], strict=True)) if rows else None
    )


def remove_batch(con: duckdb.DuckDBPyConnection, kind: str, batch_id: int) -> dict:
    """Unlink a batch from every key chain: what it superseded takes over its place, then its rows go."""
    keys, table = KEYS[kind], record_table(kind)
    match = " AND ".join(f"r.{k} = g.{k}" for k in keys)
    restored = run(
        con,
        f"SELECT count(*) FROM {table} r WHERE r.superseded_by = ? AND EXISTS (SELECT 1 FROM "
        f"{table} g WHERE g.batch_id = ? AND g.superseded_by IS NULL AND {match})",
        [batch_id, batch_id],
    )[0][0]
    run(
        con,
        f"UPDATE {table} AS r SET superseded_by = g.superseded_by FROM "
        f"(SELECT {', '.join(keys)}, superseded_by FROM {table} WHERE batch_id = ?) AS g "
        f"WHERE r.superseded_by = ? AND {match}",
        [batch_id, batch_id],
    )
    removed = run(con, f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])[0][0]
    fault("rollback:after_delete")
    run(con, "UPDATE batches SET status = ?, dibatalkan_pada = ? WHERE batch_id = ?", [ROLLED_BACK, now(), batch_id])
    return {"dihapus": int(removed), "dipulihkan": int(restored)}
