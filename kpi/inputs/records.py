"""Raw records (permohonan, aduan, survei): load a file into a typed frame, describe the formats, write templates.

`load_records` reads with kpi.inputs.readers.read_sheets (every sheet of a workbook that holds the kind's table, see
kpi.inputs.sheets), matches the columns by name or alias (see kpi.inputs.kinds), then types and checks every cell
(kpi.inputs.rules): the whole file, or nothing and every problem at once.
A CSV's header is checked from its first 64 KiB before the whole file is read, so a huge file with the wrong
columns or separator is refused at once. Run `python -m kpi.records templates [--out DIR]` to rewrite the templates.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import logging
import os
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from kpi import settings
from kpi.core.issues import Issue
from kpi.core.texts import tr
from kpi.core.wilayah import Register, load_register
from kpi.inputs.kinds import KINDS, KindSpec
from kpi.inputs.mapping import Proposal, Request, apply_values
from kpi.inputs.observations import LoadResult
from kpi.inputs.profiles import ProfileError, load_profiles
from kpi.inputs.readers import FORMATS, RESERVED, ROW_COLUMN, Source, read_sheets, read_table, source_name
from kpi.inputs.rules import check_records
from kpi.inputs.sheets import combine

__all__ = ["KINDS", "describe", "load_records", "template", "write_templates"]

HEAD_BYTES = 1 << 16
logger = logging.getLogger(__name__)
DESCRIBE_COLUMNS = ("kolom", "wajib", "isi", "keterangan", "contoh", "nama_lain")
REQUIRED = ("no", "column", "yes")  # by c.required + c.filled: optional column, required column, required cell
EXCEL_FORMATS = {"datetime": "yyyy-mm-dd hh:mm", "date": "yyyy-mm-dd"}
CSV_DATES = {"permohonan": "%Y-%m-%d %H:%M", "aduan": "%Y-%m-%d %H:%M", "survei": "%Y-%m-%d"}


# ---------------------------------------------------------------- loading


def load_records(
    source: Source,
    kind: str,
    filename: str | None = None,
    register: Register | None = None,
    today: dt.date | None = None,
    mapping: Proposal | Request | None = None,
) -> LoadResult:
    """Read and check a file of raw records of `kind` (CSV, XLSX or Parquet); never raises, never half-loads.

    Columns are taken from `mapping` when the user confirmed one (a Proposal), else from the proposal of
    kpi.inputs.mapping (names, declared spellings, import profiles) with a Request's profile and hand-chosen columns
    applied; a column proposed only for its close spelling is not used until confirmed.
    The result carries the mapping used, for the dry run to show."""
    try:
        spec = KINDS.get(kind)
        if spec is None:
            return LoadResult(
                None,
                [
                    Issue(
                        "jenis_tidak_dikenal",
                        f"Jenis data '{kind}' tidak dikenal. Jenis yang ada: {', '.join(KINDS)}. Pilih salah satunya.",
                        value=str(kind),
                    )
                ],
            )
        name = source_name(source, filename)
        early = _header_issues(source, name, spec, mapping)
        if early:
            return LoadResult(None, early)
        sheets, problems = read_sheets(source, name)
        if not sheets:
            return LoadResult(None, problems)
        raw, read_issues, uses = combine(
            sheets, lambda header: _match(pd.Index(header), spec, mapping)[:2], name or "tanpa nama"
        )
        if raw is None:
            return LoadResult(None, read_issues, sheets=uses)
        names, missing, used = _match(raw.columns, spec, mapping)
        if missing:
            return LoadResult(None, read_issues + missing, used, sheets=uses)
        excel = FORMATS.get(Path(name).suffix.lower()) == "excel"
        raw = apply_values(raw, used) if used is not None else raw
        frame, issues = check_records(raw, spec, names, register or load_register(), today or dt.date.today(), excel)
        issues = read_issues + issues
        return LoadResult(frame if not issues else None, issues, used, sheets=uses)
    except Exception as exc:  # the border: the traceback goes to the log, a message to the user
        label = filename or str(source)[:80]
        logger.exception("loading %s records from %r failed", kind, label)
        return LoadResult(
            None,
            [
                Issue(
                    "galat_internal",
                    f"Berkas '{label}' tidak dapat diproses ({type(exc).__name__}: "
                    f"{exc}). Laporkan ke pengelola dasbor beserta berkasnya.",
                )
            ],
        )


def _header_issues(source: Source, name: str | None, spec: KindSpec, mapping: Proposal | Request | None) -> list[Issue]:
    """For a CSV longer than HEAD_BYTES: the problems of its header when columns are missing, else []."""
    head = _head(source) if name and FORMATS.get(Path(name).suffix.lower()) == "csv" else None
    if head is None:
        return []
    frame, issues = read_table(head, name)
    missing = [] if frame is None else _match(frame.columns, spec, mapping)[1]
    return issues + missing if missing else []


def _head(source: Source) -> bytes | None:
    """The complete lines within the first HEAD_BYTES of a longer source, or None if it is short or unseekable."""
    if isinstance(source, (str, os.PathLike)):
        try:
            with open(source, "rb") as handle:
                data = handle.read(HEAD_BYTES + 1)
        except OSError:
            return None  # read_table reports it
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source[: HEAD_BYTES + 1])
    elif getattr(source, "seekable", lambda: False)():
        start = source.tell()
        data = source.read(HEAD_BYTES + 1)
        source.seek(start)
    else:
        return None
    cut = data.rfind(b"\n", 0, HEAD_BYTES)
    return data[: cut + 1] if len(data) > HEAD_BYTES and cut > 0 else None


def _match(
    columns: pd.Index, spec: KindSpec, mapping: Proposal | Request | None = None
) -> tuple[dict[str, str], list[Issue], Proposal | None]:
    """Template column → the file's column, a kolom_hilang per gap, and the mapping used (see load_records)."""
    found = [str(c) for c in columns if c not in RESERVED]
    if isinstance(mapping, Proposal):
        used, close = mapping, {}
    else:
        try:
            used, absent = (mapping or Request()).resolve(found, spec.kind, load_profiles())
        except ProfileError as exc:  # a saved profile that cannot be read: said, never skipped
            return {}, [Issue("profil_rusak", str(exc))], None
        if absent:
            return {}, [_not_in_file(absent, found)], used
        close = {c.target: c.source for c in used.choices if c.basis == "mirip"}
    names = {t: s for t, s in used.names().items() if s in found and t not in close}
    gaps = [c.name for c in spec.columns if c.required and c.name not in names]
    merged = _merged_header(found, spec)
    if gaps and merged:
        return names, [_wrong_separator(merged, gaps, spec)], used
    return names, [_missing(name, found, spec, close.get(name)) for name in gaps], used


def _expected(spec: KindSpec) -> str:
    """The columns of a kind in order, optional ones marked."""
    return ", ".join(c.name + ("" if c.required else " (opsional)") for c in spec.columns)


def _not_in_file(absent: list[str], found: list[str]) -> Issue:
    """Issue for columns chosen by hand (--kolom) that the file does not have."""
    shown = ", ".join(f"'{_short(c)}'" for c in found) or "(tidak ada)"
    text = (
        f"Kolom {', '.join(repr(a) for a in absent)} yang dipilih pada pemetaan tidak ada di berkas. Kolom yang ada: "
        f"{shown}. Tulis nama kolom seperti di baris judul berkas."
    )
    return Issue("kolom_pemetaan_tidak_ada", text, row=1, value=", ".join(absent))


def _missing(name: str, found: list[str], spec: KindSpec, close: str | None = None) -> Issue:
    """Issue for a required column that the file lacks, listing what it has and what is expected; when a column of
    the file has a close spelling, how to confirm it as this column instead."""
    column = spec.column(name)
    if close is not None:
        text = (
            f"Kolom '{name}' ({column.id.rstrip('.')}) tidak ditemukan dengan nama yang dikenal, tetapi kolom "
            f"'{_short(close)}' di berkas ejaannya mirip. Bila itu maksudnya, konfirmasi pemetaannya: di halaman "
            f'Impor Data pada tabel pemetaan kolom, atau di perintah dengan --kolom "{name}={close}".'
        )
        return Issue("kolom_mirip", text, row=1, column=name, value=close)
    aliases = f"; nama lain yang diterima: {', '.join(column.aliases)}" if column.aliases else ""
    shown = ", ".join(f"'{_short(c)}'" for c in found) or "(tidak ada)"
    text = (
        f"Kolom '{name}' tidak ditemukan di berkas {spec.label['id'].lower()}. Kolom yang ada: {shown}. Kolom yang "
        f"diharapkan: {_expected(spec)}. Tambahkan kolom '{name}' ({column.id.rstrip('.')}) di baris judul{aliases}, "
        f'atau pilih kolom berkas yang berisi data itu pada pemetaan kolom (perintah: --kolom "{name}=NAMA KOLOM").'
    )
    return Issue("kolom_hilang", text, row=1, column=name)


def _short(text: str, width: int = 60) -> str:
    """A long column name cut to `width` characters."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _merged_header(found: list[str], spec: KindSpec) -> str | None:
    """The first column name holding two or more expected names, split by an odd mark or the header's only one."""
    return next(
        (
            name
            for name in found
            if (len(found) == 1 or re.search(r"[^\w]", name))
            and sum(len(c.name) > 2 and c.name.lower() in name for c in spec.columns) >= 2
        ),
        None,
    )


def _wrong_separator(merged: str, gaps: list[str], spec: KindSpec) -> Issue:
    """One issue for a header read as a single column, naming the separator it seems to use."""
    marks = Counter(re.sub(r"[\w\s]", "", merged))
    separator = f"'{marks.most_common(1)[0][0]}'" if marks else "spasi"
    text = (
        f"Baris judul terbaca sebagai satu kolom '{_short(merged)}': pemisah kolomnya tampaknya {separator}, yang "
        f"tidak dikenali, sehingga kolom wajib {', '.join(gaps)} tidak ditemukan. Kolom yang diharapkan: "
        f"{_expected(spec)}. Simpan ulang berkas sebagai CSV dengan pemisah koma (,) atau titik koma (;); di Excel, "
        "pisahkan dulu kolomnya dengan Data › Teks ke Kolom."
    )
    return Issue("kolom_hilang", text, row=1, value=_short(merged, 200))


# ---------------------------------------------------------------- formats and templates


def describe(kind: str, lang: str = "id") -> pd.DataFrame:
    """The columns of a record kind as a table for people: name, required, type, description, example, aliases."""
    rows = []
    for c in KINDS[kind].columns:
        kind_text = tr(f"records.type.{c.type}", lang) + (f": {c.allowed()}" if c.choices else "")
        required = tr(f"records.required.{REQUIRED[c.required + c.filled]}", lang)
        rows.append((c.name, required, kind_text, getattr(c, lang), c.example, ", ".join(c.aliases)))
    return pd.DataFrame(rows, columns=[tr(f"records.describe.{c}", lang) for c in DESCRIBE_COLUMNS], dtype="str")


def template(kind: str) -> pd.DataFrame:
    """A few realistic example records of `kind` (ids start with 'CONTOH-'), typed like a loaded file."""
    spec = KINDS[kind]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([[c.name for c in spec.columns], *spec.examples])
    result = load_records(text.getvalue().encode("utf-8"), kind, f"{kind}.csv", today=dt.date.max)
    if not result.ok:
        raise ValueError(f"example rows of {kind} do not load: {[i.message for i in result.issues]}")
    return result.frame.drop(columns=ROW_COLUMN)


def write_templates(folder: str | os.PathLike = settings.TEMPLATE_DIR) -> list[Path]:
    """Write <kind>.csv (UTF-8, comma) and <kind>.xlsx (with a 'petunjuk' sheet) for every kind; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in KINDS:
        frame = template(kind)
        csv_path, xlsx_path = folder / f"{kind}.csv", folder / f"{kind}.xlsx"
        frame.to_csv(csv_path, index=False, encoding="utf-8", lineterminator="\n", date_format=CSV_DATES[kind])
        _write_xlsx(kind, frame, xlsx_path)
        paths += [csv_path, xlsx_path]
    return paths


def _cell(value: object) -> object:
    """A frame value as an openpyxl cell value (missing → empty cell)."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def _write_xlsx(kind: str, frame: pd.DataFrame, path: Path) -> None:
    """The template as a workbook: the data sheet first (dates as real date cells), then 'petunjuk'."""
    import openpyxl  # local: only needed to write templates
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = kind
    guide = workbook.create_sheet("petunjuk")
    help_frame = describe(kind, "id").assign(**{"Description (English)": describe(kind, "en")["Description"]})
    for sheet, table in ((data, frame), (guide, help_frame)):
        sheet.append(list(table.columns))
        for row in table.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            width = max(len(str(v or "")) for v in next(sheet.iter_cols(cell.column, cell.column, values_only=True)))
            sheet.column_dimensions[cell.column_letter].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    for position, column in enumerate(KINDS[kind].columns, start=1):
        for (cell,) in data.iter_rows(min_row=2, min_col=position, max_col=position):
            cell.number_format = EXCEL_FORMATS.get(column.type, cell.number_format)
    workbook.save(path)


def main(argv: list[str] | None = None) -> None:
    """CLI: `python -m kpi.records templates [--out DIR]` rewrites the templates."""
    parser = argparse.ArgumentParser(prog="python -m kpi.records", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["templates"])
    parser.add_argument(
        "--out", type=Path, default=settings.TEMPLATE_DIR, help="folder to write (default: data/templates)"
    )
    for path in write_templates(parser.parse_args(argv).out):
        print(path)


if __name__ == "__main__":
    main()
