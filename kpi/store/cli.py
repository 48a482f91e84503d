"""Command line of the import store.

    python -m kpi.importer BERKAS --kind permohonan|aduan|survei|observasi [--commit] [--on-overlap replace|skip]
                           [--problems MASALAH.csv]
    python -m kpi.importer --list | --audit | --rollback N            (each with optional --store PATH)

Without --commit the import is a dry run: the validation report, the overlap with data already imported and the
largest KPI changes, and the store does not change. Problems are printed one per cause (rule, column and value, with
the count and the first rows); --problems writes the list of every row as CSV. Exit codes: 0 ok, 1 problems in the file or refused, 2 usage.
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
from kpi.core.issues import causes, rows_place
from kpi.core.texts import tr
from kpi.core.wilayah import load_register
from kpi.inputs.kinds import KINDS as RECORD_KINDS
from kpi.inputs.mapping import Request
from kpi.inputs.profiles import ProfileError, find_profile, save_profile
from kpi.report.imports import (
    issues_csv,
    preview_table,
    sheets_summary,
    sheets_table,
    superseded_kpis,
    superseded_table,
)
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
        "--profile",
        metavar="NAMA",
        help="pakai profil impor bernama NAMA (mis. 'Ekspor SP4N-LAPOR!'); tanpa ini profil dipilih dari judul kolom",
    )
    parser.add_argument(
        "--kolom",
        action="append",
        default=[],
        metavar="TEMPLAT=BERKAS",
        help='pilih sendiri kolom berkas untuk kolom templat, mis. --kolom "diterima=Tgl Masuk" (boleh berulang)',
    )
    parser.add_argument(
        "--simpan-profil",
        metavar="NAMA",
        help="simpan pemetaan kolom uji coba ini sebagai profil impor NAMA, untuk dipakai lagi dengan --profile",
    )
    parser.add_argument(
        "--problems",
        type=Path,
        metavar="CSV",
        help="bila berkas bermasalah, tulis daftar masalah per baris ke berkas CSV ini",
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
    if listing and (args.berkas or args.kind or args.commit or args.problems):
        parser.error("--list, --audit dan --rollback tidak digabung dengan BERKAS, --kind, --commit atau --problems")
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
        request = _request(parser, args)
        return _import(
            store,
            Path(args.berkas),
            args.kind,
            args.commit,
            args.on_overlap,
            request,
            args.simpan_profil,
            args.problems,
        )
    except ProfileError as exc:  # a profile that does not exist or cannot be read: its message names it
        print(f"Perintah gagal: {exc}", file=sys.stderr)
        return PROBLEM
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


def _request(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Request | None:
    """The mapping asked for by --profile and --kolom (None: the proposal alone); a usage error for a --kolom that
    is not TEMPLAT=BERKAS or names no template column of the kind."""
    if args.kind == "observasi" and (args.profile or args.kolom or args.simpan_profil):
        parser.error("--profile, --kolom dan --simpan-profil hanya untuk data mentah (permohonan, aduan, survei)")
    columns = {}
    known = [c.name for c in RECORD_KINDS[args.kind].columns] if args.kind in RECORD_KINDS else []
    for pair in args.kolom:
        target, sep, source = pair.partition("=")
        if not sep or not source.strip() or target.strip() not in known:
            parser.error(
                f"--kolom '{pair}' harus berbentuk TEMPLAT=BERKAS, dengan TEMPLAT salah satu: {', '.join(known)}"
            )
        columns[target.strip()] = source.strip()
    if not args.profile and not columns:
        return None
    profile = find_profile(args.profile) if args.profile else None
    if profile is not None and profile.kind != args.kind:
        parser.error(f"profil '{profile.name}' untuk jenis {profile.kind}, bukan {args.kind}")
    return Request(profile, columns)


def _import(
    store: Store,
    path: Path,
    kind: str,
    commit: bool,
    on_overlap: str,
    request: Request | None = None,
    save_as: str | None = None,
    problems: Path | None = None,
) -> int:
    """Dry run (and with --commit the import itself); prints the report, writes the problems to `problems` and
    saves the mapping as a profile if asked."""
    plan = store.plan(path, kind, on_overlap=on_overlap, mapping=request)
    print(report(plan, on_overlap))
    if plan.issues and problems is not None:
        problems.write_bytes(issues_csv(plan.issues))
        print(f"Daftar masalah per baris ({len(plan.issues)} baris) ditulis ke {problems}.")
    if save_as:
        print("\n" + _save(plan, save_as))
    if not commit:
        print("\nIni uji coba: penyimpanan tidak berubah. Tambahkan --commit untuk mengimpor.")
        return OK if plan.ok else PROBLEM
    outcome = store.commit(plan, on_overlap)
    print("\n" + outcome.message)
    return OK if outcome.ok else PROBLEM


def _save(plan: Plan, name: str) -> str:
    """Save the plan's mapping as a profile; the sentence that says where, or why not."""
    if plan.mapping is None or any(i.code.startswith("kolom_") for i in plan.issues):
        return "Profil tidak disimpan: pemetaan kolomnya belum lengkap (lihat masalah di atas)."
    path = save_profile(plan.mapping.to_profile(name))
    return f"Profil impor '{name}' disimpan di {path}; pakai lagi dengan --profile \"{name}\"."


def _mapping_lines(plan: Plan) -> list[str]:
    """The mapping the file was read with (raw records), one row per template column and unused file column."""
    if plan.mapping is None:
        return []
    table = plan.mapping.table("id")
    return ["Pemetaan kolom:", *("  " + line for line in table.to_string(index=False).splitlines())]


def report(plan: Plan, on_overlap: str) -> str:
    """The dry run in Indonesian: the file, the column mapping, every problem, the overlap and the KPI changes."""
    lines = [f"Berkas  : {plan.file_name} (jenis {plan.kind}, {plan.rows} baris, sha256 {plan.sha256[:16]}…)"]
    lines += _mapping_lines(plan)
    lines += _sheet_lines(plan)
    if plan.synthetic:
        lines.append("Catatan : semua id diawali 'CONTOH-': ini data contoh (sintetis), bukan data resmi.")
    if plan.issues:
        found = causes(plan.issues)
        grouped = f" dalam {len(found)} pesan, satu per penyebab" if len(found) < len(plan.issues) else ""
        lines.append(f"Validasi: {len(plan.issues)} masalah{grouped}; berkas ditolak seluruhnya.")
        for cause in found:
            where = ", ".join(
                p
                for p in (
                    rows_place(cause.rows, cause.sheet) if cause.rows else "",
                    f"kolom {cause.column}" if cause.column else "",
                )
                if p
            )
            lines.append(f"  - [{cause.code}] {where + ': ' if where else ''}{cause.text}")
        if grouped:
            lines.append("Daftar lengkap per baris: tambahkan --problems MASALAH.csv.")
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
    lines += _superseded_lines(plan)
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


def _superseded_lines(plan: Plan) -> list[str]:
    """The imported observations this import leaves out because records give their place (records win)."""
    catalogue = load_catalogue()
    n = len(superseded_kpis(plan.superseded, catalogue))
    if not n:
        return []
    table = superseded_table(plan.superseded, catalogue, load_register(), "id", limit=TOP_CHANGES)
    shown = [f"{TOP_CHANGES} pertama dari {n}:"] if n > TOP_CHANGES else []
    return [f"Sumber KPI: {tr('imports.superseded_note', n=n)}", *shown, table.to_string(index=False)]


def _change_lines(plan: Plan) -> list[str]:
    if plan.preview.empty:
        return ["Perubahan KPI: tidak ada."]
    table = preview_table(plan.preview, load_catalogue(), load_register(), "id", limit=TOP_CHANGES)
    title = f"Perubahan KPI: {len(plan.preview)} nilai berubah atau baru"
    shown = f" ({TOP_CHANGES} terbesar):" if len(plan.preview) > TOP_CHANGES else ":"
    return [title + shown, table.to_string(index=False)]


if __name__ == "__main__":
    sys.exit(main())
