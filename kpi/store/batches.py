"""The import store: raw records and observation files kept in batches in one DuckDB file, with a dry run,
idempotent atomic imports, rollback of any batch, and an audit log.

Each commit or rollback is one DuckDB transaction (kpi/store/sql.py); reads open a read-only connection only
when the file exists and close it promptly, so the dashboard and the command line can take turns. Nothing here
raises for a user's mistake: problems come back as Issues (Plan) or as an Indonesian message (Outcome). Reads
(batches, audit, records, observations, has_data, synthetic) wait up to a few seconds for another process that
holds the file and then raise StoreLocked, whose message says so in Indonesian; a damaged store file raises
StoreDamaged, with the way to restore it (kpi.store.problems). A store written by an older schema is migrated the
first time it is opened (kpi.store.sql.MIGRATIONS), with a row in the audit log.

A record belongs to its office: a survey answer is (id_responden, kode_unit), so replace and skip touch only the same
unit's answer with that number; a request or complaint id active for another kelurahan refuses the file (dry run and
commit alike, `foreign_issues`), whatever on_overlap says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from kpi import settings
from kpi.core.catalogue import load_catalogue
from kpi.core.issues import Issue, row_label
from kpi.core.texts import tr
from kpi.core.wilayah import load_register
from kpi.inputs.kinds import KINDS as RECORD_KINDS
from kpi.inputs.mapping import Proposal
from kpi.inputs.observations import LoadResult, load_observations
from kpi.inputs.readers import FORMATS, ROW_COLUMN, SHEET_COLUMN, read_table
from kpi.inputs.records import load_records
from kpi.inputs.sheets import SheetUse
from kpi.store import kpis as store_kpi
from kpi.store import sql
from kpi.store.precedence import conflict_issues
from kpi.store.problems import StoreProblem

KINDS = ("permohonan", "aduan", "survei", "observasi")
RAW_KINDS = ("permohonan", "aduan", "survei")
OVERLAP = ("replace", "skip")
SYNTHETIC_PREFIX = "CONTOH-"
MAX_BATCH_ID = 2**63 - 1  # batch ids are BIGINT: a larger number names no batch (and DuckDB cannot even bind it)
StoreLocked = sql.StoreLocked
logger = logging.getLogger(__name__)


def store_path() -> Path:
    """$TANGSEL_KPI_STORE/kpi.duckdb, else <repo>/.store/kpi.duckdb (read at call time)."""
    return settings.store_file()


@dataclass(frozen=True)
class Plan:
    """The dry run of an import: validation, idempotence, overlap with active records, the KPI changes, the imported
    observations it would leave out because records give their place (kpi.store.kpis: records win), the column
    mapping raw records were read with, and what became of each sheet of a workbook (read, skipped and why,
    refused)."""

    kind: str
    file_name: str
    sha256: str
    rows: int
    issues: list[Issue]
    frame: pd.DataFrame | None
    already: dict | None
    overlap: pd.DataFrame
    preview: pd.DataFrame
    synthetic: bool
    superseded: pd.DataFrame = field(default_factory=lambda: sql.empty_frame(store_kpi.SUPERSEDED_DTYPES))
    mapping: Proposal | None = None  # raw records: the column mapping the file was read with (see kpi.inputs.mapping)
    sheets: tuple[SheetUse, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the file is valid and can be committed."""
        return not self.issues and self.frame is not None


@dataclass(frozen=True)
class Outcome:
    """The result of a commit or rollback: ok, an Indonesian message, the batch and its counts."""

    ok: bool
    message: str
    batch_id: int | None = None
    counts: dict = field(default_factory=dict)


class Store:
    """The import store at `path` (default store_path() at construction)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else store_path()

    # ------------------------------------------------------------ dry run

    def plan(
        self,
        source,
        kind: str,
        filename: str | None = None,
        today: dt.date | None = None,
        on_overlap: str = "replace",
        mapping: Proposal | None = None,
    ) -> Plan:
        """Validate a file and describe what importing it would do; never changes the store's records (a store of an
        older schema is migrated when opened), never raises. Raw records are read with `mapping` when the user
        confirmed one, else with the proposed one (kpi.inputs.mapping); the plan shows which."""
        data, name, problems = _read_source(source, filename)
        sha = hashlib.sha256(data).hexdigest() if data is not None else ""
        empty = Plan(
            kind,
            name,
            sha,
            0,
            problems,
            None,
            None,
            sql.empty_frame(sql.OVERLAP_DTYPES),
            sql.empty_frame(store_kpi.PREVIEW_DTYPES),
            False,
        )
        if kind not in KINDS:
            problems = problems + [
                Issue(
                    "jenis_tidak_dikenal", f"Jenis data '{kind}' tidak dikenal. Pilih salah satu: {', '.join(KINDS)}."
                )
            ]
        if on_overlap not in OVERLAP:
            problems = problems + [_overlap_issue(on_overlap)]
        if data is None or problems:
            return replace(empty, issues=problems)
        try:
            return self._plan(data, kind, name, sha, today, on_overlap, empty, mapping)
        except StoreProblem as exc:  # busy, damaged …: its message says what to do
            return replace(empty, issues=[Issue(exc.code, str(exc))])
        except Exception as exc:  # the border: an internal failure becomes an Issue, its traceback goes to the log
            logger.exception("checking %r as %s for import failed", name, kind)
            text = f"Berkas '{name}' tidak dapat diperiksa ({type(exc).__name__}: {exc}). Laporkan ke pengelola dasbor."
            return replace(empty, issues=[Issue("galat_internal", text)])

    def _plan(
        self,
        data: bytes,
        kind: str,
        name: str,
        sha: str,
        today: dt.date | None,
        on_overlap: str,
        empty: Plan,
        mapping: Proposal | None = None,
    ) -> Plan:
        """The dry run of bytes that were read: validate, then compare with the store's active state."""
        result = _load(kind, data, name, today, mapping)
        if not result.ok:
            return replace(
                empty,
                rows=_data_rows(data, name, result),
                issues=result.issues,
                mapping=result.mapping,
                sheets=result.sheets,
            )
        frame = result.frame
        incoming = sql.typed(frame, kind)
        is_synthetic = (
            kind in RECORD_KINDS
            and len(frame) > 0
            and bool(frame[RECORD_KINDS[kind].id_column].astype(str).str.startswith(SYNTHETIC_PREFIX).all())
        )
        with sql.reading(self.path) as con:
            already = sql.active_batch_by_sha(con, sha, kind)
            foreign = [] if already is not None else foreign_issues(frame, kind, sql.foreign_ids(con, kind, incoming))
            if foreign:
                return replace(empty, rows=len(frame), issues=foreign, sheets=result.sheets)
            overlap = sql.overlapping(con, kind, incoming)
            read = {"mapping": result.mapping, "sheets": result.sheets}  # how the file was read, shown by the dry run
            if already is not None:
                return Plan(
                    kind, name, sha, len(frame), [], frame, already, overlap, empty.preview, is_synthetic, **read
                )
            before, after = self._before_after(con, kind, incoming, on_overlap, is_synthetic)
        if kind == "observasi":
            disagree = store_kpi.disagreeing(incoming, after.computed)
            if disagree.any():
                issues = conflict_issues(incoming, result.rows, disagree, load_catalogue(), load_register())
                return replace(empty, rows=len(frame), issues=issues, sheets=result.sheets)
        preview = store_kpi.preview(before.frame, after.frame, load_catalogue())
        superseded = store_kpi.newly_superseded(before, after)
        return Plan(kind, name, sha, len(frame), [], frame, None, overlap, preview, is_synthetic, superseded, **read)

    @staticmethod
    def _before_after(
        con, kind: str, incoming: pd.DataFrame, on_overlap: str, is_synthetic: bool
    ) -> tuple[store_kpi.Assembly, store_kpi.Assembly]:
        """The store's KPIs before and after this import, both computed by the engine inside DuckDB."""
        own = con is None
        con = sql.scratch() if own else con  # no store yet: the same queries on empty tables
        try:
            synthetic = sql.any_active(con, synthetic_only=True)
            sources = {k: sql.active_source(k) for k in RAW_KINDS if sql.has_active(con, k)}
            observasi = sql.active_records(con, "observasi")
            engine = store_kpi.computed(con, sources, synthetic)
            before = store_kpi.assemble(engine, observasi)
            if kind == "observasi":  # the records do not change: the engine's rows neither
                return before, store_kpi.assemble(
                    engine, store_kpi.apply(observasi, incoming, sql.KEYS[kind], on_overlap)
                )
            con.register("_impor_masuk", incoming)
            try:
                sources[kind] = sql.after_source(kind, "_impor_masuk", on_overlap)
                after = store_kpi.assembly(con, sources, observasi, synthetic or is_synthetic)
            finally:
                con.unregister("_impor_masuk")
            return before, after
        finally:
            if own:
                con.close()

    # ------------------------------------------------------------ changes

    def commit(self, plan: Plan, on_overlap: str = "replace") -> Outcome:
        """Import a valid plan in one transaction; a file already active is a no-op; never raises."""
        if on_overlap not in OVERLAP:
            return Outcome(False, _overlap_issue(on_overlap).message)
        if not plan.ok:
            message = (
                f"Berkas '{plan.file_name}' ditolak: {len(plan.issues)} masalah ditemukan, penyimpanan tidak "
                "berubah. Perbaiki masalah yang dilaporkan lalu impor ulang."
            )
            return self._audited_refusal("tolak", plan.file_name, plan.sha256, plan.rows, message)
        try:
            with sql.writing(self.path) as con:
                return self._commit(con, plan, on_overlap)
        except Exception as exc:  # rolled back: nothing of this import remains
            logger.exception("importing %r (batch of %s) failed and was rolled back", plan.file_name, plan.kind)
            message = (
                f"Impor berkas '{plan.file_name}' gagal dan dibatalkan seluruhnya; penyimpanan tidak berubah "
                f"({_reason(exc)})."
            )
            return self._audited_refusal("tolak", plan.file_name, plan.sha256, plan.rows, message, exc)

    def _commit(self, con, plan: Plan, on_overlap: str) -> Outcome:
        """The body of the commit transaction: the sha256 check, the batch, its records and the audit row."""
        already = sql.active_batch_by_sha(con, plan.sha256, plan.kind)  # re-checked inside the transaction
        if already is not None:
            message = (
                f"Berkas '{plan.file_name}' sudah diimpor sebagai batch {already['batch_id']} ({plan.kind}, "
                f"'{already['berkas']}', {already['diimpor_pada']}); tidak ada yang berubah."
            )
            sql.audit(con, "lewati", already["batch_id"], plan.file_name, plan.sha256, plan.rows, "berhasil", message)
            return Outcome(
                True,
                message,
                already["batch_id"],
                {"baris": plan.rows, "dimasukkan": 0, "diganti": 0, "dilewati": plan.rows},
            )
        incoming = sql.typed(plan.frame, plan.kind)
        foreign = foreign_issues(plan.frame, plan.kind, sql.foreign_ids(con, plan.kind, incoming))
        if foreign:  # another import took these ids for another office since the dry run
            message = (
                f"Berkas '{plan.file_name}' ditolak: {len(foreign)} nomor sudah dipakai kantor lain sejak uji coba, "
                f"penyimpanan tidak berubah. {foreign[0].message}"
            )
            sql.audit(con, "tolak", None, plan.file_name, plan.sha256, plan.rows, "gagal", message)
            return Outcome(False, message)
        batch_id = sql.next_id(con, "batches", "batch_id")
        batch = {"batch_id": batch_id, "berkas": plan.file_name, "sha256": plan.sha256, "sintetis": plan.synthetic}
        counts = sql.insert_batch(con, plan.kind, incoming, batch, on_overlap)
        sql.fault("commit:after_insert")
        message = (
            f"Berkas '{plan.file_name}' diimpor sebagai batch {batch_id} ({plan.kind}): {counts['baris']} "
            f"baris, {counts['dimasukkan']} dimasukkan, {counts['diganti']} menggantikan data lama, "
            f"{counts['dilewati']} dilewati karena sudah ada."
        ) + (plan.mapping.describe() if plan.mapping is not None else "")
        sql.audit(con, "impor", batch_id, plan.file_name, plan.sha256, plan.rows, "berhasil", message)
        return Outcome(True, message, batch_id, counts)

    def rollback(self, batch_id: int) -> Outcome:
        """Cancel an active batch in one transaction: its rows go, the rows it replaced come back; never raises."""
        if not self.path.exists():
            return Outcome(False, f"Batch {batch_id} tidak ada: belum ada data yang diimpor.")
        try:
            with sql.writing(self.path) as con:
                named = 1 <= batch_id <= MAX_BATCH_ID
                batch = sql.find_batch(con, batch_id) if named else None
                if batch is None or batch["status"] != sql.ACTIVE:
                    state = "tidak ada" if batch is None else "sudah dibatalkan sebelumnya"
                    message = (
                        f"Batch {batch_id} {state}; tidak ada yang berubah. Lihat daftar batch dengan "
                        "python -m kpi.importer --list."
                    )
                    sql.audit(con, "batal", batch_id if named else None, None, None, None, "gagal", message)
                    return Outcome(False, message, batch_id)
                counts = sql.remove_batch(con, batch["jenis"], batch_id)
                message = (
                    f"Batch {batch_id} ('{batch['berkas']}') dibatalkan: {counts['dihapus']} baris dihapus, "
                    f"{counts['dipulihkan']} baris lama berlaku kembali."
                )
                sql.audit(con, "batal", batch_id, batch["berkas"], batch["sha256"], batch["baris"], "berhasil", message)
                return Outcome(True, message, batch_id, counts)
        except Exception as exc:  # rolled back: the batch stays as it was
            logger.exception("rolling back batch %s failed", batch_id)
            message = f"Pembatalan batch {batch_id} gagal; penyimpanan tidak berubah ({_reason(exc)})."
            return self._audited_refusal("batal", None, None, None, message, exc, batch_id)

    def _audited_refusal(
        self,
        aksi: str,
        berkas: str | None,
        sha256: str | None,
        baris: int | None,
        message: str,
        exc: Exception | None = None,
        batch_id: int | None = None,
    ) -> Outcome:
        """A refusal, written to the audit log in its own transaction (unless the store itself is unusable)."""
        if not isinstance(exc, StoreProblem):  # a store that cannot be used cannot take the audit row either
            try:
                with sql.writing(self.path) as con:
                    sql.audit(con, aksi, batch_id, berkas, sha256, baris, "gagal", message)
            except Exception as audit_exc:  # the refusal stands; say why it is not in the audit log
                logger.exception("writing the audit row of a refused %s (%r) failed", aksi, berkas or batch_id)
                message += f" Catatan audit tidak dapat ditulis ({_reason(audit_exc)})."
        return Outcome(False, message, batch_id)

    # ------------------------------------------------------------ reads

    def batches(self) -> pd.DataFrame:
        """Every batch, active or rolled back, oldest first."""
        with sql.reading(self.path) as con:
            return sql.table_frame(con, "batches", sql.BATCH_COLUMNS, "batch_id")

    def audit(self) -> pd.DataFrame:
        """The audit log, oldest first: waktu, aksi, batch_id, berkas, sha256, baris, hasil, pesan."""
        with sql.reading(self.path) as con:
            return sql.table_frame(con, "audit", sql.AUDIT_COLUMNS, "urut").drop(columns="urut")

    def records(self, kind: str) -> pd.DataFrame:
        """The active typed records of one kind (contract columns, no _baris)."""
        if kind not in KINDS:
            raise ValueError(f"Jenis data '{kind}' tidak dikenal. Pilih salah satu: {', '.join(KINDS)}.")
        with sql.reading(self.path) as con:
            return sql.active_records(con, kind)

    def kpis(self) -> store_kpi.Assembly | None:
        """The KPIs of everything active, with the observations the records leave out (kpi.store.kpis), or None."""
        with sql.reading(self.path) as con:
            if not sql.any_active(con):
                return None
            synthetic = sql.any_active(con, synthetic_only=True)
            sources = {k: sql.active_source(k) for k in RAW_KINDS if sql.has_active(con, k)}
            return store_kpi.assembly(con, sources, sql.active_records(con, "observasi"), synthetic)

    def observations(self) -> pd.DataFrame | None:
        """The KPIs of everything active (engine on raw records, then observation files where no records give the
        place: kpi.store.kpis), or None."""
        assembled = self.kpis()
        return None if assembled is None else assembled.frame

    def has_data(self) -> bool:
        """Whether any batch is active."""
        with sql.reading(self.path) as con:
            return sql.any_active(con)

    def synthetic(self) -> bool:
        """Whether any active batch is synthetic (sample records)."""
        with sql.reading(self.path) as con:
            return sql.any_active(con, synthetic_only=True)


# ---------------------------------------------------------------- helpers


def _data_rows(data: bytes, name: str, result: LoadResult) -> int:
    """Rows under the header of a refused file, for the report: counted lines of a text file (a 200 MB file with
    the wrong separator is not parsed again), the rows of the sheets read or refused of a workbook, the table's rows
    otherwise."""
    if FORMATS.get(Path(name).suffix.lower()) == "csv":
        lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        return max(lines - 1, 0)
    if result.sheets:
        return sum(s.rows for s in result.sheets if s.status in ("dibaca", "ditolak"))
    raw, _ = read_table(data, name)
    return 0 if raw is None else len(raw)


def foreign_issues(frame: pd.DataFrame, kind: str, foreign: pd.DataFrame) -> list[Issue]:
    """One problem per incoming record whose id is active for another office, naming both offices, the row and the
    batch that holds the other office's record."""
    if foreign.empty:
        return []
    register, column = load_register(), RECORD_KINDS[kind].id_column
    sheets = frame.get(SHEET_COLUMN)
    issues = []
    for r in foreign.itertuples(index=False):
        row = int(frame[ROW_COLUMN].iloc[r.posisi])
        sheet = None if sheets is None else str(sheets.iloc[r.posisi])
        text = tr(
            "store.id_other_office",
            value=r.id,
            other=f"{register.display_name(r.kantor_lama)} ({r.kantor_lama})",
            batch=r.batch_id,
            file=r.berkas,
            office=f"{register.display_name(r.kantor)} ({r.kantor})",
            column=column,
        )
        message = f"Kolom '{column}' {row_label(row, sheet)}: {text}"
        issues.append(Issue("id_kantor_lain", message, row=row, column=column, value=r.id, sheet=sheet))
    return issues


def _load(kind: str, data: bytes, name: str, today: dt.date | None, mapping: Proposal | None = None) -> LoadResult:
    """Validate the bytes with the loader of the kind (raw records with the confirmed mapping, if any)."""
    if kind == "observasi":
        return load_observations(data, name, today=today)
    return load_records(data, kind, name, today=today, mapping=mapping)


def _read_source(source, filename: str | None) -> tuple[bytes | None, str, list[Issue]]:
    """The bytes and display name of a path, bytes or file-like object (e.g. a Streamlit upload)."""
    is_path = isinstance(source, (str, os.PathLike))
    name = filename or (Path(source).name if is_path else Path(str(getattr(source, "name", "") or "tanpa_nama")).name)
    try:
        if is_path:
            return Path(source).read_bytes(), name, []
        if isinstance(source, (bytes, bytearray, memoryview)):
            return bytes(source), name, []
        if hasattr(source, "getvalue"):
            return bytes(source.getvalue()), name, []
        source.seek(0)
        return bytes(source.read()), name, []
    except (OSError, AttributeError, TypeError) as exc:
        return (
            None,
            name,
            [
                Issue(
                    "berkas_tidak_terbaca",
                    f"Berkas '{name}' tidak dapat dibaca ({exc}). Periksa jalur dan hak akses berkas, lalu coba lagi.",
                )
            ],
        )


def _overlap_issue(on_overlap: str) -> Issue:
    """The problem of an unknown on_overlap choice."""
    return Issue(
        "pilihan_tidak_dikenal",
        f"Pilihan data ganda '{on_overlap}' tidak dikenal. Pilih 'replace' (ganti "
        "data lama) atau 'skip' (pertahankan data lama).",
    )


def _reason(exc: Exception) -> str:
    """An exception as text: our own Indonesian messages as they are, anything else with its type."""
    return str(exc).rstrip(".") if isinstance(exc, StoreProblem) else f"{type(exc).__name__}: {exc}"
