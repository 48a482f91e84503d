"""Command line of the import store.

    python -m kpi.importer BERKAS --kind permohonan|aduan|survei|observasi [--commit] [--on-overlap replace|skip]
    python -m kpi.importer --list | --audit | --rollback N            (each with optional --store PATH)

Without --commit the import is a dry run: the validation report, the overlap with data already imported and the
largest KPI changes, and the store does not change. Exit codes: 0 ok, 1 problems in the file or refused, 2 usage.
Tracebacks of unexpected failures go to the log (kpi.settings.command_logging), never to the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kpi import settings
from kpi.core.catalogue import load_catalogue
from kpi.core.issues import issues_frame
from kpi.core.wilayah import load_register
from kpi.report.imports import preview_table, sheets_summary, sheets_table
from kpi.store.batches import KINDS, OVERLAP, Plan, Store, store_path
from kpi.store.problems import StoreProblem

logger = logging.getLogger(__name__)
OK, PROBLEM, USAGE = 0, 1, 2
TOP_CHANGES = 15
LIST_COLUMNS = [
    "batch_id",
    "jenis",
    "berkas",
    "baris",
    "dimasukkan",
    "diganti",
    "dilewati",
    "diimpor_pada",
    "status",
    "sintetis",
]


ARGPARSE_ID = (
    ("the following arguments are required", "argumen ini wajib ada"),
    ("invalid choice", "pilihan tidak dikenal"),
    ("choose from", "pilih dari"),
    ("not allowed with argument", "tidak boleh digabung dengan"),
    ("expected one argument", "perlu satu nilai"),
    ("invalid int value", "bukan bilangan bulat"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("argument ", "argumen "),
)


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors in Indonesian and exit code 2."""

    def error(self, message: str) -> None:
        for english, indonesian in ARGPARSE_ID:
            message = message.replace(english, indonesian)
        usage = self.format_usage().replace("usage:", "Pemakaian:", 1)
        self.exit(
            USAGE,
            f"Perintah tidak lengkap atau salah: {message}.\n{usage}Lihat bantuan: python -m kpi.importer --help\n",
        )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m kpi.importer",
        description="Impor data mentah atau observasi ke penyimpanan "
        "data dasbor. Tanpa --commit hanya uji coba: penyimpanan tidak berubah.",
    )
    parser.add_argument("berkas", nargs="?", help="berkas CSV, XLSX atau Parquet yang akan diimpor")
    parser.add_argument("--kind", choices=KINDS, help="jenis data dalam berkas")
    parser.add_argument("--commit", action="store_true", help="benar-benar impor (bawaan: uji coba)")
    parser.add_argument(
        "--on-overlap",
        choices=OVERLAP,
        default="replace",
        help="data dengan id yang sudah ada: replace = ganti data lama (bawaan), skip = pertahankan",
    )
    parser.add_argument(
        "--store",
        type=Path,
        help="folder penyimpanan atau berkas .duckdb (bawaan: $TANGSEL_KPI_STORE/kpi.duckdb atau .store/kpi.duckdb)",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="tampilkan daftar batch")
    action.add_argument("--audit", action="store_true", help="tampilkan catatan audit")
    action.add_argument("--rollback", type=int, metavar="N", help="batalkan batch N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    listing = args.list or args.audit or args.rollback is not None
    if listing and (args.berkas or args.kind or args.commit):
        parser.error("--list, --audit dan --rollback tidak digabung dengan BERKAS, --kind atau --commit")
    if not listing and not (args.berkas and args.kind):
        parser.error("sebutkan BERKAS dan --kind, atau salah satu dari --list, --audit, --rollback N")
    log = settings.command_logging()
    store = Store(_store_file(args.store))
    try:
        if args.list:
            return _show(store.batches()[LIST_COLUMNS], "Belum ada batch yang diimpor.")
        if args.audit:
            audit = store.audit()
            return _show(audit.assign(sha256=audit["sha256"].str[:12]), "Catatan audit masih kosong.")
        if args.rollback is not None:
            outcome = store.rollback(args.rollback)
            print(outcome.message)
            return OK if outcome.ok else PROBLEM
        return _import(store, Path(args.berkas), args.kind, args.commit, args.on_overlap)
    except StoreProblem as exc:  # busy, damaged, not a folder …: the store's own message says what to do
        print(f"Perintah gagal: {exc}", file=sys.stderr)
        return PROBLEM
    except Exception as exc:  # the border: one line for the user, the traceback in the log
        logger.exception("python -m kpi.importer %s on %s failed", _action(args), store.path)
        print(
            f"Perintah gagal ({type(exc).__name__}: {exc}). Penyimpanan tidak berubah; coba lagi atau laporkan "
            "ke pengelola dasbor." + (f" Rincian teknis tercatat di {log}." if log else ""),
            file=sys.stderr,
        )
        return PROBLEM


def _action(args: argparse.Namespace) -> str:
    """The command's action in a few words, for the log: '--list', '--rollback 3', 'import of a.csv (aduan)'."""
    if args.list or args.audit:
        return "--list" if args.list else "--audit"
    if args.rollback is not None:
        return f"--rollback {args.rollback}"
    return f"{'import' if args.commit else 'dry run'} of {args.berkas} ({args.kind})"


def _store_file(path: Path | None) -> Path:
    """The .duckdb file of --store: the file itself, or kpi.duckdb inside a folder."""
    if path is None:
        return store_path()
    return path if path.suffix == ".duckdb" else path / "kpi.duckdb"


def _show(frame: pd.DataFrame, empty: str) -> int:
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.width", 200, "display.max_colwidth", 120
    ):
        print(frame.astype(object).where(frame.notna(), "—").to_string(index=False) if len(frame) else empty)
    return OK


def _import(store: Store, path: Path, kind: str, commit: bool, on_overlap: str) -> int:
    """Dry run (and with --commit the import itself); prints the report."""
    plan = store.plan(path, kind, on_overlap=on_overlap)
    print(report(plan, on_overlap))
    if not commit:
        print("\nIni uji coba: penyimpanan tidak berubah. Tambahkan --commit untuk mengimpor.")
        return OK if plan.ok else PROBLEM
    outcome = store.commit(plan, on_overlap)
    print("\n" + outcome.message)
    return OK if outcome.ok else PROBLEM


def report(plan: Plan, on_overlap: str) -> str:
    """The dry run in Indonesian: the file, every problem, the overlap and the largest KPI changes."""
    lines = [f"Berkas  : {plan.file_name} (jenis {plan.kind}, {plan.rows} baris, sha256 {plan.sha256[:16]}…)"]
    lines += _sheet_lines(plan)
    if plan.synthetic:
        lines.append("Catatan : semua id diawali 'CONTOH-': ini data contoh (sintetis), bukan data resmi.")
    if plan.issues:
        lines.append(f"Validasi: {len(plan.issues)} masalah; berkas ditolak seluruhnya.")
        for issue in issues_frame(plan.issues).itertuples(index=False):
            sheet = getattr(issue, "lembar", None)
            where = ", ".join(
                p
                for p in (
                    f"lembar '{sheet}'" if isinstance(sheet, str) else "",
                    f"baris {issue.baris}" if pd.notna(issue.baris) else "",
                    f"kolom {issue.kolom}" if pd.notna(issue.kolom) else "",
                )
                if p
            )
            lines.append(f"  - [{issue.kode}] {where + ': ' if where else ''}{issue.pesan}")
        return "\n".join(lines)
    lines.append("Validasi: tidak ada masalah.")
    if plan.already is not None:
        a = plan.already
        lines.append(
            f"Berkas ini sudah diimpor sebagai batch {a['batch_id']} ('{a['berkas']}', {a['diimpor_pada']}); "
            "mengimpornya lagi tidak mengubah apa pun."
        )
        return "\n".join(lines)
    lines += _overlap_lines(plan, on_overlap)
    lines += _change_lines(plan)
    return "\n".join(lines)


def _sheet_lines(plan: Plan) -> list[str]:
    """The sheets of a workbook of several: a summary, then each sheet with its rows and what the import does with
    it."""
    if len(plan.sheets) < 2:
        return []
    table = sheets_table(plan.sheets, "id")
    return [f"Lembar  : {sheets_summary(plan.sheets, 'id')}"] + [
        f"  - '{name}' ({rows} baris): {status}" for name, rows, status in table.itertuples(index=False)
    ]


def _overlap_lines(plan: Plan, on_overlap: str) -> list[str]:
    if plan.overlap.empty:
        return ["Data ganda: tidak ada; semua baris baru."]
    action = "menggantikan data lama" if on_overlap == "replace" else "dilewati (data lama dipertahankan)"
    same = "periode, wilayah dan indikator yang sama" if plan.kind == "observasi" else "nomor dan kantor yang sama"
    per_batch = plan.overlap.groupby(["batch_id", "berkas"], sort=True).size()
    where = "; ".join(f"batch {b} '{f}': {n}" for (b, f), n in per_batch.items())
    return [
        f"Data ganda: {len(plan.overlap)} baris sudah ada dengan {same} ({where}); dengan --on-overlap {on_overlap} "
        f"baris itu {action}."
    ]


def _change_lines(plan: Plan) -> list[str]:
    if plan.preview.empty:
        return ["Perubahan KPI: tidak ada."]
    table = preview_table(plan.preview, load_catalogue(), load_register(), "id", limit=TOP_CHANGES)
    title = f"Perubahan KPI: {len(plan.preview)} nilai berubah atau baru"
    shown = f" ({TOP_CHANGES} terbesar):" if len(plan.preview) > TOP_CHANGES else ":"
    return [title + shown, table.to_string(index=False)]


if __name__ == "__main__":
    sys.exit(main())
