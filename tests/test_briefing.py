"""Briefing packs: the slide model, the PPTX read back with python-pptx, the PDF read back with pypdf, and the
command. The whole city deck of the sample is rendered once per module (kaleido needs Debian's Chromium)."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from briefing.deck import BriefingError, build_deck, main, parse_period, resolve_kecamatan, write_pack
from briefing.render import EMU_PER_PX, render_charts, slide_image
from briefing.slides import BODY_BOTTOM, BODY_TOP, MARGIN, SPLIT, WIDTH
from kpi.core.wilayah import load_register
from kpi.inputs.observations import load_sample

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or Path("/usr/bin/chromium").exists()
needs_chromium = pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"), reason="kaleido needs Debian's Chromium (apt-get install chromium)"
)
TITLES = [
    "Briefing KPI Reformasi Birokrasi",
    "Indikator utama kota",
    "Peta IKM",
    "Perubahan terbesar: IKM",
    "Kecamatan Serpong",
    "Kecamatan Serpong Utara",
    "Kecamatan Pondok Aren",
    "Kecamatan Ciputat",
    "Kecamatan Ciputat Timur",
    "Kecamatan Pamulang",
    "Kecamatan Setu",
]
FOOTER = ("Okt 2026", "Semua kecamatan", "Data sampai 31 Okt 2026", "Data contoh (sintetis)")
BODY = (WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)  # 1776 × 740 px: a chart over the whole body
BESIDE = (SPLIT, BODY_BOTTOM - BODY_TOP)  # 880 × 740 px: a chart with text beside it


@pytest.fixture(scope="module")
def obs():
    return load_sample().frame


@pytest.fixture(scope="module")
def deck(obs):
    return build_deck(obs, "2026-10")


@pytest.fixture(scope="module")
def packs(deck, tmp_path_factory):
    """The city deck's charts, its PPTX and its PDF, rendered once."""
    folder, charts = tmp_path_factory.mktemp("packs"), render_charts(deck)
    return {
        "charts": charts,
        "pptx": write_pack(deck, folder / "okt.pptx", charts),
        "pdf": write_pack(deck, folder / "okt.pdf", charts),
    }


def _texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


# ---------------------------------------------------------------- the model


@pytest.mark.parametrize("text, label", [("2026-10", "2026-10"), ("Okt 2026", "2026-10"), ("2026-Q3", "2026-Q3")])
def test_period_forms(text, label):
    assert parse_period(text) == label


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "bulan lalu", "1999-05"])
def test_invalid_period_names_the_rule_and_an_example(text):
    with pytest.raises(BriefingError) as err:
        parse_period(text)
    assert err.value.exit_code == 2
    assert f"'{text}'" in str(err.value) and "Contoh yang benar: --period 2026-10" in str(err.value)


def test_kecamatan_by_code_or_name_in_register_order():
    register = load_register()
    assert resolve_kecamatan(["Setu", "36.74.01", "kec. setu"], register) == ("36.74.01", "36.74.07")


def test_unknown_kecamatan_lists_the_ones_that_exist():
    with pytest.raises(BriefingError) as err:
        resolve_kecamatan(["Atlantis"], load_register())
    assert "'Atlantis' bukan kode atau nama wilayah yang dikenal" in str(err.value)
    assert "Setu (36.74.07)" in str(err.value) and err.value.exit_code == 2


def test_deck_slides_and_footer(deck):
    assert [s.title for s in deck.slides] == TITLES
    assert deck.footer.left == "Okt 2026 · Semua kecamatan · Data sampai 31 Okt 2026"
    assert deck.footer.synthetic_note == "Data contoh (sintetis)"


def test_filtered_deck_for_real_data(obs):
    deck = build_deck(obs, "2026-10", ("36.74.01", "36.74.07"), synthetic=False)
    assert [s.title for s in deck.slides][-2:] == ["Kecamatan Serpong", "Kecamatan Setu"]
    assert len(deck.slides) == 6
    assert deck.footer.filters == "Kecamatan: Serpong, Setu" and deck.footer.synthetic_note is None
    map_figure = deck.slides[2].figure
    assert {t.type for t in map_figure.data} == {"scatter"}  # plain shapes: no basemap, tiles or topojson
    labels = {a.text.split("<br>")[0] for a in map_figure.layout.annotations}
    assert {"<b>Serpong</b>", "<b>Setu</b>"} <= labels and "<b>Pamulang</b>" not in labels


def test_scorecard_tables_are_set_at_body_size(deck):
    """Table text at 36 slide px reads 24 px in presenter mode at 1280×720 (zoom 2/3), like the body text."""
    tables = [t for slide in deck.slides if slide.figure is not None for t in slide.figure.data if t.type == "table"]
    assert len(tables) == 1 + 7  # the city's headline KPIs and one scorecard per kecamatan
    for table in tables:
        assert table.header.font.size * 2 / 3 >= 24 and table.cells.font.size * 2 / 3 >= 24
        assert sum(table.columnwidth) <= BODY[0]  # widths planned in slide px fit the body (plotly scales them)


def test_approximate_boundaries_are_said_on_the_map(deck):
    notes = [a.text for a in deck.slides[2].figure.layout.annotations]
    assert "Batas perkiraan — bukan batas resmi" in notes  # no official boundaries in the test store


def test_movers_slide_has_the_generated_sentences(deck):
    up, down = deck.slides[3].blocks
    assert (up.heading, down.heading) == ("Membaik", "Memburuk")
    assert 1 <= len(up.lines) <= 3 and all(s.startswith("IKM Kecamatan ") and " naik " in s for s in up.lines)
    assert all(" turun " in s for s in down.lines)


@pytest.mark.parametrize(
    "period, rule",
    [
        ("2030-01", "Jan 2030 (2030-01) tidak punya data indikator utama"),
        ("2019-06", "Jun 2019 (2019-06) tidak punya data indikator utama"),
    ],
)
def test_period_without_data(obs, period, rule):
    with pytest.raises(BriefingError) as err:
        build_deck(obs, period)
    assert rule in str(err.value) and "Periode berdata: Jan 2021 – Okt 2026" in str(err.value)
    assert err.value.exit_code == 1


# ---------------------------------------------------------------- rendered packs


@needs_chromium
def test_slide_png_is_full_hd_with_the_footer_band(deck, packs):
    image = slide_image(deck, 2, packs["charts"][2])
    assert image.size == (1920, 1080) and image.mode == "RGB"
    assert image.getpixel((5, 1075)) == (0xE5, 0xE7, 0xEB)  # footer band
    assert image.getpixel((5, 5)) == (255, 255, 255)
    assert Image.open(io.BytesIO(packs["charts"][2])).size == BODY


@needs_chromium
def test_pptx_slides_titles_and_footer(packs):
    pres = Presentation(packs["pptx"])
    assert pres.slide_width * 9 == pres.slide_height * 16
    assert len(pres.slides) == 4 + 7
    for number, (slide, title) in enumerate(zip(pres.slides, TITLES, strict=True), 1):
        text = _texts(slide)
        assert text.splitlines()[0] == title
        assert all(part in text for part in FOOTER), (number, text)
        assert f"{number}/11" in text


@needs_chromium
def test_pptx_pictures_fill_their_boxes(packs):
    pres = Presentation(packs["pptx"])
    sizes = []
    for slide in pres.slides:
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        sizes.append([Image.open(io.BytesIO(p.image.blob)).size for p in pictures])
        for picture in pictures:  # drawn at 1 px of the chart = 1 px of a 1920-wide slide
            assert (picture.width, picture.height) == tuple(v * EMU_PER_PX for v in sizes[-1][0])
    assert sizes == [[], [BODY], [BODY], [BESIDE]] + [[BODY]] * 7
    movers = _texts(pres.slides[3])
    assert "Membaik" in movers and "Memburuk" in movers and "IKM Kecamatan " in movers


@needs_chromium
def test_pdf_pages_are_the_slides(packs):
    reader = PdfReader(packs["pdf"])
    assert len(reader.pages) == 11
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == (960.0, 540.0)
        assert [image.image.size for image in page.images] == [(1920, 1080)]
    assert reader.metadata.title == "Briefing KPI Reformasi Birokrasi — Okt 2026"
    assert reader.metadata.subject == " · ".join(FOOTER)


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["--period", "2026-13"], 2, "Periode '2026-13' tidak dikenal: bulan harus 01–12"),
        (["--period", "2030-01"], 1, "Periode Jan 2030 (2030-01) tidak punya data indikator utama"),
        (["--period", "2026-10", "--kecamatan", "Setu", "Atlantis"], 2, "'Atlantis' bukan kode atau nama wilayah"),
    ],
)
def test_command_refuses_and_writes_nothing(tmp_path, capsys, argv, code, message):
    assert main([*argv, "--out", str(tmp_path / "briefing.pptx")]) == code
    err = capsys.readouterr().err
    assert err.startswith("Galat: ") and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_command_refuses_an_unknown_format(tmp_path, capsys):
    assert main(["--period", "2026-10", "--out", str(tmp_path / "briefing.docx")]) == 2
    assert "harus berakhiran .pptx atau .pdf" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@needs_chromium
def test_command_writes_an_english_pack_for_one_kecamatan(tmp_path, capsys):
    out = tmp_path / "setu.pptx"
    assert main(["--period", "Okt 2026", "--kecamatan", "Setu", "--lang", "en", "--out", str(out)]) == 0
    assert "5 slide" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["setu.pptx"]  # the temporary file is gone
    slides = list(Presentation(out).slides)
    assert [_texts(s).splitlines()[0] for s in slides] == [
        "Bureaucratic reform KPI briefing",
        "City headline KPIs",
        "Map of IKM",
        "Biggest movers: IKM",
        "Kecamatan Setu",
    ]
    assert all("Oct 2026 · Kecamatan: Setu · Data up to 31 Oct 2026" in _texts(s) for s in slides)


def test_command_as_a_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kpi.briefing", "--period", "2026-13", "--out", str(tmp_path / "x.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Periode '2026-13' tidak dikenal" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_command_reports_a_render_failure_without_a_traceback(tmp_path, capsys, monkeypatch):
    def broken(deck):
        raise RuntimeError("Chromium tidak ditemukan")

    monkeypatch.setattr("briefing.deck.render_charts", broken)
    assert main(["--period", "2026-10", "--kecamatan", "Setu", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "paket briefing tidak dapat dibuat (RuntimeError: Chromium tidak ditemukan)" in err
    assert "apt-get install chromium" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the command's failures: advice by cause


def _without(obs, indicator: str):
    """The data on display without one headline indicator (a store holding only some kinds of records)."""
    from kpi.store.source import Source

    return lambda *_args, **_kw: Source(obs[obs["indikator"] != indicator].reset_index(drop=True), [], True)


def _broken_card(*_args, **_kw):
    raise KeyError("nilai")  # a defect met while building the deck from the data


def _traceback_of(caplog):
    (record,) = [r for r in caplog.records if r.name == "briefing.deck"]
    assert record.levelname == "ERROR" and record.exc_info is not None
    return record


def test_command_on_a_data_error_names_the_period_and_the_data_not_chromium(tmp_path, capsys, caplog, monkeypatch, obs):

    monkeypatch.setattr("briefing.deck.card", _broken_card)
    assert main(["--period", "2026-10", "--out", str(tmp_path / "okt.pptx")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Galat: paket briefing Okt 2026 (2026-10) tidak dapat disusun dari data yang dimuat (")
    assert "(KeyError: 'nilai')" in err and "python -m kpi.importer --list" in err
    assert "chromium" not in err.lower() and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    record = _traceback_of(caplog)
    assert "2026-10" in record.getMessage() and "data" in record.getMessage()
    assert record.exc_info[0].__name__ == "DataError" and isinstance(record.exc_info[1].__cause__, KeyError)


def test_a_headline_indicator_without_data_is_a_card_that_says_so_not_a_failed_pack(tmp_path, capsys, monkeypatch, obs):
    """Issue 12: a store without rows of one headline indicator (e.g. requests only, no IKM) used to stop the pack
    with KeyError 'nilai' in card(); the pack is written and the scorecard shows the indicator without a value."""
    from kpi.core.catalogue import load_catalogue

    last = load_catalogue().headline[-1].id
    monkeypatch.setattr("kpi.store.source.current", _without(obs, last))
    monkeypatch.setattr("briefing.deck.render_charts", lambda deck: [None] * len(deck.slides))  # no Chromium needed
    out = tmp_path / "okt.pptx"
    assert main(["--period", "2026-10", "--out", str(out)]) == 0
    assert out.exists() and "Paket briefing 11 slide ditulis" in capsys.readouterr().out


def test_command_on_a_render_failure_blames_chromium_and_logs_the_traceback(tmp_path, capsys, caplog, monkeypatch):
    def no_browser(*_args, **_kw):
        raise FileNotFoundError("chromium")

    monkeypatch.setattr("briefing.render.find_chromium", lambda: "/usr/bin/chromium")  # found, then fails to start
    monkeypatch.setattr("briefing.render.kaleido.start_sync_server", no_browser)
    assert main(["--period", "2026-10", "--kecamatan", "Setu", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "paket briefing tidak dapat dibuat (FileNotFoundError: chromium)" in err
    assert "Pastikan Chromium terpasang (apt-get install chromium)" in err
    assert "kpi.importer" not in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    record = _traceback_of(caplog)
    assert "drawing the charts" in record.getMessage() and record.exc_info[0].__name__ == "RenderError"


def test_command_without_any_chromium_says_so_at_once(tmp_path, capsys, monkeypatch):
    """kaleido's server thread dies without a browser and leaves every call waiting: the render step looks first."""
    monkeypatch.setattr("briefing.render.find_chromium", lambda: None)
    assert main(["--period", "2026-10", "--kecamatan", "Setu", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "paket briefing tidak dapat dibuat (Chromium tidak ditemukan (tidak ada `chromium` di PATH" in err
    assert "apt-get install chromium" in err and list(tmp_path.iterdir()) == []


def test_command_on_an_unwritable_file_says_so_not_chromium(tmp_path, capsys, monkeypatch):
    def denied(deck, charts, path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("briefing.deck.render_charts", lambda deck: [None] * len(deck.slides))
    monkeypatch.setattr("briefing.deck.write_pptx", denied)
    assert main(["--period", "2026-10", "--kecamatan", "Setu", "--out", str(tmp_path / "x.pptx")]) == 1
    err = capsys.readouterr().err
    assert f"Berkas '{tmp_path / 'x.pptx'}' tidak dapat ditulis (Permission denied)" in err
    assert f"Periksa izin tulis dan ruang kosong di folder '{tmp_path}'" in err
    assert "chromium" not in err.lower() and list(tmp_path.iterdir()) == []


def test_command_on_an_unexpected_failure_blames_neither_data_nor_chromium(tmp_path, capsys, caplog, monkeypatch):
    def broken():
        raise RuntimeError("katalog rusak")

    monkeypatch.setattr("briefing.deck.load_catalogue", broken)
    assert main(["--period", "2026-10", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err == (
        "Galat: paket briefing tidak dapat dibuat (RuntimeError: katalog rusak). Tidak ada berkas yang ditulis. "
        "Ini kesalahan tak terduga: laporkan pesan ini ke pengelola dasbor.\n"
    )
    assert _traceback_of(caplog).exc_info[0] is RuntimeError


def test_command_as_a_process_keeps_the_traceback_in_the_log_file(tmp_path, monkeypatch):
    """No terminal traceback from a scheduled run: the one line says where the details are."""
    from briefing.render import find_chromium

    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "tidak-ada-chromium"))
    if find_chromium() is not None:
        pytest.skip("kaleido's own downloaded Chrome is found before BROWSER_PATH")
    env = {**os.environ, "TANGSEL_KPI_STORE": str(tmp_path / "store")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kpi.briefing",
            "--period",
            "2026-10",
            "--kecamatan",
            "Setu",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    log = tmp_path / "store" / "logs" / "kpi.log"
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "apt-get install chromium" in result.stderr and f"Rincian teknis tercatat di {log}." in result.stderr
    text = log.read_text(encoding="utf-8")
    assert "ERROR briefing.deck: briefing pack for 2026-10: drawing the charts failed" in text
    assert (
        "Traceback (most recent call last)" in text and "briefing.render.RenderError: Chromium tidak ditemukan" in text
    )
    assert not (tmp_path / "x.pdf").exists()
