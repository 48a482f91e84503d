"""Briefing packs: the monthly slides (city headline KPIs, map, biggest movers, one scorecard per kecamatan) as
PNG images, PPTX and PDF, with the period, filters, data date and "Data contoh (sintetis)" on every slide.

    python -m kpi.briefing --period 2026-10 [--kecamatan 36.74.01 Setu ...] [--lang id|en] --out PACK.pptx|PACK.pdf

The file appears whole or not at all: it is written beside the target and renamed at the end. A failure gives one
Indonesian line whose advice follows the step that failed (the request, the data, drawing the charts on Chromium,
writing the file); the traceback goes to the log (kpi.settings.command_logging), never to the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from briefing.render import RenderError, render_charts, slide_images, write_pdf, write_pptx
from briefing.slides import (
    BODY_BOTTOM,
    BODY_TOP,
    MARGIN,
    SPLIT,
    WIDTH,
    Block,
    Deck,
    Footer,
    Slide,
    map_figure,
    movers_figure,
    scorecard_figure,
)
from charts.classify import classify
from kpi import settings
from kpi.core import periods
from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.texts import tr
from kpi.core.wilayah import Register, load_register
from kpi.geo import load_boundaries
from kpi.metrics.analysis import card, data_date, in_scope, indicator_table, snapshot
from kpi.report.narrative import briefing

logger = logging.getLogger(__name__)
FORMATS = (".pptx", ".pdf")


class BriefingError(ValueError):
    """A request the pack cannot be made for; `exit_code` is 2 for a usage mistake, 1 for missing data."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class DataError(RuntimeError):
    """Building the deck from the loaded observations failed for a period (raised with the failure as its cause)."""

    def __init__(self, period: str):
        super().__init__(f"building the briefing deck for {period} from the loaded observations failed")
        self.period = period


def parse_period(text: str) -> str:
    """A period label ('2026-10', 'Okt 2026', '2026-Q3') in canonical form, or BriefingError naming the rule."""
    parsed = periods.parse_period(text)
    if parsed is None:
        raise BriefingError(
            f"Periode '{text}' tidak dikenal: bulan harus 01–12 dan tahun 2000–2099. "
            "Contoh yang benar: --period 2026-10 (atau 'Okt 2026', 2026-Q3, 2026-S1, 2026)."
        )
    return parsed[0]


def resolve_kecamatan(values: Sequence[str], register: Register) -> tuple[str, ...]:
    """Kecamatan codes of codes or names in any known spelling, in register order; BriefingError for unknown ones."""
    codes, problems = [], []
    for value in values:
        found = register.resolve(value, "kecamatan")
        if found.kode:
            codes.append(found.kode)
        else:
            problems.append(found.issue.message)
    if problems:
        names = ", ".join(f"{u.nama} ({u.kode})" for u in register.level("kecamatan"))
        raise BriefingError(" ".join(problems) + f" Kecamatan yang ada: {names}.")
    order = [u.kode for u in register.level("kecamatan")]
    return tuple(sorted(set(codes), key=order.index))


def _date(day: dt.date, lang: str) -> str:
    """'31 Okt 2026'."""
    return f"{day.day} {periods.display(f'{day.year}-{day.month:02d}', lang)}"


def _headline_rows(tables, catalogue: Catalogue, register: Register, grain: str) -> pd.DataFrame:
    """The city's rows with a value of a headline indicator at a grain (`tables(level, grain)` gives the tables)."""
    table = tables("kota", grain)
    return table[
        table["indikator"].isin([i.id for i in catalogue.headline])
        & table["nilai"].notna()
        & (table["kode_wilayah"] == register.kota.kode)
    ]


def latest_with_data(tables, catalogue: Catalogue, register: Register) -> str | None:
    """The period a deck is made for when none is asked: the latest month with a city value of a headline indicator,
    else the latest quarter, semester or year with one (a store of survey answers only has semesters); None when no
    headline indicator has a value at all."""
    for grain in periods.GRAINS:
        rows = _headline_rows(tables, catalogue, register, grain)
        if not rows.empty:
            return periods.latest(rows["periode"].unique())
    return None


def _check_has_data(tables, catalogue: Catalogue, register: Register, period: str) -> None:
    """BriefingError (exit 1) when no headline indicator has a city value in the period, naming the ones that do."""
    rows = _headline_rows(tables, catalogue, register, periods.grain_of(period))
    if period in set(rows["periode"]):
        return
    known = sorted(rows["periode"].unique(), key=periods.end_date)
    span = f"{periods.display(known[0])} – {periods.display(known[-1])}" if known else "tidak ada"
    raise BriefingError(
        f"Periode {periods.display(period)} ({period}) tidak punya data indikator utama. "
        f"Periode berdata: {span}. Pilih periode di rentang itu.",
        exit_code=1,
    )


def build_deck(
    obs: pd.DataFrame,
    period: str,
    kecamatan: Sequence[str] = (),
    lang: str = "id",
    synthetic: bool = True,
    catalogue: Catalogue | None = None,
    register: Register | None = None,
) -> Deck:
    """The deck for a canonical period and kecamatan codes (empty: all): 4 slides, then one per kecamatan."""
    catalogue, register = catalogue or load_catalogue(), register or load_register()

    @functools.cache
    def tables(level: str, grain: str) -> pd.DataFrame:
        return indicator_table(obs, catalogue, register, level, grain)

    _check_has_data(tables, catalogue, register, period)
    shown = periods.display(period, lang)
    chosen = tuple(kecamatan) or tuple(u.kode for u in register.level("kecamatan"))
    filters = scope_text("kecamatan", kecamatan, (), register, lang)
    footer = make_footer(shown, filters, data_date(obs), lang, synthetic)
    slides = [
        _title_slide(lang, shown, filters, footer, synthetic),
        _kpi_slide(tables, catalogue, register.kota.kode, period, lang),
        *_headline_slides(tables, catalogue, register, period, tuple(kecamatan), lang),
        *(_kecamatan_slide(tables, catalogue, register, k, period, lang) for k in chosen),
    ]
    return Deck(f"{tr('briefing.pack', lang)} — {shown}", tuple(slides), footer, lang)


def scope_text(
    level: str, kecamatan: Sequence[str], kelurahan: Sequence[str], register: Register, lang: str = "id"
) -> str:
    """The wilayah filter in words: 'Semua kecamatan', 'Kecamatan: Setu, Serpong', 'Kelurahan: Muncul', 'Tingkat kota'."""
    if level == "kota":
        return tr("briefing.kota", lang)
    if level == "kelurahan" and kelurahan:
        return tr("briefing.kelurahan", lang).format(", ".join(register.name(k) for k in kelurahan))
    return (
        tr("briefing.some", lang).format(", ".join(register.name(k) for k in kecamatan))
        if kecamatan
        else tr("briefing.all", lang)
    )


def make_footer(period_text: str, scope: str, day: dt.date, lang: str = "id", synthetic: bool = True) -> Footer:
    """The footer every slide and exported chart carries: period, filters, data date, and the sample note."""
    return Footer(
        period_text,
        scope,
        tr("briefing.upto", lang).format(_date(day, lang)),
        tr("briefing.sample", lang) if synthetic else None,
    )


def _title_slide(lang: str, shown: str, filters: str, footer: Footer, synthetic: bool) -> Slide:
    """The pack's title, the city and period, the filters, the data date and where the data come from."""
    lines = (
        tr("briefing.filters", lang).format(filters),
        footer.data_date,
        tr("briefing.source", lang).format(
            tr("briefing.sample_long", lang) if synthetic else tr("briefing.loaded", lang)
        ),
    )
    return Slide(tr("briefing.pack", lang), f"{tr('briefing.city', lang)} · {shown}", blocks=(Block("", lines),))


def _body(with_text: bool = False) -> tuple[int, int]:
    """The chart size in pixels: the whole body, or its left part when text sits beside it."""
    return (SPLIT if with_text else WIDTH - 2 * MARGIN), BODY_BOTTOM - BODY_TOP


def _cards(tables, catalogue: Catalogue, kode: str, period: str, level: str) -> list:
    """Each headline indicator with its latest row for one wilayah up to the period (None without data)."""
    return [(ind, card(tables(level, ind.frequency), ind.id, kode, upto=period)) for ind in catalogue.headline]


def _kpi_slide(tables, catalogue: Catalogue, kota: str, period: str, lang: str) -> Slide:
    """The city's headline indicators as one table."""
    figure = scorecard_figure(_cards(tables, catalogue, kota, period, "kota"), catalogue, lang, _body())
    return Slide(tr("briefing.kpi", lang), tr("briefing.kpi_sub", lang).format(periods.display(period, lang)), figure)


def _headline_slides(
    tables, catalogue: Catalogue, register: Register, period: str, kecamatan: tuple[str, ...], lang: str
) -> tuple[Slide, Slide]:
    """The map and the movers of the first headline indicator, at its own frequency, latest period up to `period`."""
    ind = catalogue.headline[0]
    city = card(tables("kota", ind.frequency), ind.id, register.kota.kode, upto=period)
    at = city["periode"] if city else period
    rows = in_scope(snapshot(tables("kecamatan", ind.frequency), ind.id, at), register, kecamatan)
    rows = rows[rows["tingkat"] == "kecamatan"]
    boundaries = load_boundaries()
    shapes = boundaries.kecamatan[boundaries.kecamatan["kode"].isin(set(rows["kode_wilayah"]) | set(kecamatan))]
    classes = classify(rows["nilai"], ind, catalogue.band_set(ind), lang=lang)
    subtitle = f"{ind.text('label', lang)} · {periods.display(at, lang)}"
    map_slide = Slide(
        tr("briefing.map", lang).format(ind.text("short", lang)),
        subtitle,
        map_figure(shapes, rows, ind, classes, lang, _body(), not boundaries.official),
    )
    best, worst = briefing(rows, ind, catalogue, lang)
    blocks = (
        Block(tr("briefing.up", lang), tuple(best) or (tr("briefing.none", lang),)),
        Block(tr("briefing.down", lang), tuple(worst) or (tr("briefing.none", lang),)),
    )
    movers = Slide(
        tr("briefing.movers", lang).format(ind.text("short", lang)),
        subtitle,
        movers_figure(rows, ind, lang, _body(True)),
        blocks,
    )
    return map_slide, movers


def _kecamatan_slide(tables, catalogue: Catalogue, register: Register, kode: str, period: str, lang: str) -> Slide:
    """One kecamatan's scorecard: the headline indicators with its rank among the kecamatan."""
    cards = _cards(tables, catalogue, kode, period, "kecamatan")
    figure = scorecard_figure(cards, catalogue, lang, _body(), rank=True)
    return Slide(
        register.display_name(kode, lang), tr("briefing.scorecard", lang).format(periods.display(period, lang)), figure
    )


def check_out(out: Path) -> Path:
    """The output path when its suffix is .pptx or .pdf and its folder exists, else BriefingError naming the fix."""
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise BriefingError(f"Berkas keluaran '{out.name}' harus berakhiran .pptx atau .pdf, mis. --out briefing.pptx.")
    if not out.parent.is_dir():
        raise BriefingError(f"Folder '{out.parent}' tidak ada. Buat foldernya dulu atau pilih folder lain untuk --out.")
    return out


def write_pack(deck: Deck, out: Path, charts: list[bytes | None] | None = None) -> Path:
    """Write the deck as PPTX or PDF (by suffix), rendering its charts unless given; a temporary file beside `out`
    is renamed at the end, so the pack appears whole or not at all. RenderError when the charts cannot be drawn,
    BriefingError (exit 1) when the file cannot be written."""
    out = check_out(out)
    charts = _render(deck) if charts is None else charts
    temp = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # same folder: the rename is atomic
    try:
        if out.suffix.lower() == ".pptx":
            write_pptx(deck, charts, temp)
        else:
            write_pdf(deck, slide_images(deck, charts), temp)
        os.replace(temp, out)
    except OSError as exc:
        if exc.errno is None:  # not the file system (e.g. Pillow's "cannot identify image file"): not ours to explain
            raise
        raise BriefingError(
            f"Berkas '{out}' tidak dapat ditulis ({exc.strerror or exc}). Tidak ada berkas yang ditulis. "
            f"Periksa izin tulis dan ruang kosong di folder '{out.parent}', lalu ulangi.",
            exit_code=1,
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    return out


def _render(deck: Deck) -> list[bytes | None]:
    """The render step: every chart drawn by kaleido on Chromium; whatever fails there is a RenderError."""
    try:
        return render_charts(deck)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError(f"drawing the charts of '{deck.title}' with kaleido on Chromium failed") from exc


def main(argv: Sequence[str] | None = None) -> int:
    """The command for scheduled packs; prints where the pack went, or one Indonesian message whose advice follows
    the step that failed; the traceback goes to the log, never to the terminal."""
    parser = argparse.ArgumentParser(prog="python -m kpi.briefing", description="Paket briefing KPI (PPTX atau PDF).")
    parser.add_argument("--period", required=True, help="periode, mis. 2026-10")
    parser.add_argument("--kecamatan", nargs="+", default=[], help="kode atau nama kecamatan (bawaan: semua)")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa slide (bawaan: id)")
    parser.add_argument("--out", required=True, type=Path, help="berkas keluaran .pptx atau .pdf")
    args = parser.parse_args(argv)
    log = settings.command_logging()
    details = f" Rincian teknis tercatat di {log}." if log else ""
    try:
        return _run(args)
    except BriefingError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return exc.exit_code
    except DataError as exc:
        logger.exception("briefing pack for %s: building the deck from the data failed", exc.period)
        shown = f"{periods.display(exc.period)} ({exc.period})"
        print(
            f"Galat: paket briefing {shown} tidak dapat disusun dari data yang dimuat ({_cause(exc)}). Tidak ada "
            f"berkas yang ditulis. Data periode itu tampaknya tidak lengkap atau rusak (mis. indikator utama tanpa "
            "nilai): periksa batch di penyimpanan data impor dengan `python -m kpi.importer --list`, perbaiki atau "
            f"batalkan batch yang salah, lalu ulangi.{details}",
            file=sys.stderr,
        )
        return 1
    except RenderError as exc:
        logger.exception("briefing pack for %s: drawing the charts failed", args.period)
        print(
            f"Galat: paket briefing tidak dapat dibuat ({_cause(exc)}): grafiknya tidak dapat digambar dengan "
            "Chromium. Tidak ada berkas yang ditulis. Pastikan Chromium terpasang (apt-get install chromium) lalu "
            f"ulangi.{details}",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # the border: a cron job gets one line, the log the traceback
        logger.exception("briefing pack for %s failed", args.period)
        print(
            f"Galat: paket briefing tidak dapat dibuat ({_cause(exc)}). Tidak ada berkas yang ditulis. Ini kesalahan "
            f"tak terduga: laporkan pesan ini ke pengelola dasbor.{details}",
            file=sys.stderr,
        )
        return 1


def _cause(exc: BaseException) -> str:
    """The failure as text with its type ('KeyError: 'nilai''): the one behind a DataError or RenderError, else the
    exception itself; a RenderError of our own (no Chromium) in its own words."""
    if isinstance(exc, (DataError, RenderError)) and exc.__cause__ is not None:
        exc = exc.__cause__
    elif isinstance(exc, RenderError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _run(args: argparse.Namespace) -> int:
    """Check every argument before any work, then load the data on display, build, render and write."""
    from kpi.store.source import current

    period = parse_period(args.period)
    catalogue, register = load_catalogue(), load_register()
    kecamatan = resolve_kecamatan(args.kecamatan, register)
    check_out(args.out)
    source = current()
    if source.frame is None:
        raise BriefingError(" ".join(i.message for i in source.issues), exit_code=1)
    try:
        deck = build_deck(source.frame, period, kecamatan, args.lang, source.synthetic, catalogue, register)
    except BriefingError:
        raise
    except Exception as exc:
        raise DataError(period) from exc
    out = write_pack(deck, args.out)
    print(f"Paket briefing {len(deck.slides)} slide ditulis ke {out}")
    return 0
