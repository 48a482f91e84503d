"""The import path in headless Chromium: upload a bad file (every problem listed, nothing saved), upload a good one
(the KPI preview), save it, and see the other pages switch from the sample to the imported data; screenshots of
each step in artifacts/screenshots/impor_*.png.

Needs Debian's chromium at /usr/bin/chromium; skipped when it is missing, except in CI (see tests/test_browser.py).
"""

from __future__ import annotations

import pytest

from kpi.store.batches import Store
from tests.browser import SCREENSHOTS, VIEWPORT, require_browser, serving

if require_browser():
    from playwright.sync_api import expect

    from tests.test_browser import WAIT_MS, _settle

pytestmark = pytest.mark.browser

HEADER = "id_aduan,kelurahan,kanal,kategori,diterima,tindak_lanjut,selesai\n"
# Five complaints in Kelurahan Setu (36.74.07.1002) in October 2026. Working days to the first follow-up: A-1 1,
# A-2 1 (Friday to Monday), A-3 1, A-4 5, A-5 0: four within 3, so aduan_tindak_lanjut = 4 / 5 = 80 %.
GOOD = (
    HEADER
    + "A-1,Setu,SP4N-LAPOR!,Kebersihan,01/10/2026 08.00,02/10/2026 09.00,05/10/2026 10.00\n"
    + "A-2,Setu,SIARAN,Banjir,02/10/2026 10.00,05/10/2026 09.00,\n"
    + "A-3,Setu,WhatsApp,Jalan,05/10/2026 11.00,06/10/2026 08.00,09/10/2026 15.00\n"
    + "A-4,Setu,SP4N-LAPOR!,Penerangan,06/10/2026 07.30,13/10/2026 10.00,\n"
    + "A-5,Setu,SIARAN,Ketertiban,07/10/2026 13.00,07/10/2026 16.00,08/10/2026 09.00\n"
)
BAD = (
    HEADER
    + "A-1,Setu,SP4N-LAPOR!,Kebersihan,kemarin sore,02/10/2026 09.00,\n"
    + "A-2,Kelurahan Atlantis,SIARAN,Banjir,02/10/2026 10.00,01/10/2026 09.00,\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return tmp_path_factory.mktemp("impor_store")


@pytest.fixture(scope="module")
def server(store):
    yield from serving(env={"TANGSEL_KPI_STORE": str(store)}, log_name="streamlit_impor.log")


@pytest.fixture(scope="module")
def page(browser, server):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(f"{server}/Impor?jenis=aduan", timeout=WAIT_MS)
    _settle(page)
    yield page
    assert errors == []
    context.close()


def _upload(page, name: str, text: str) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.wait_for_timeout(500)
    _settle(page)


def _shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"impor_{name}.png", full_page=True)


def test_a_bad_file_lists_its_problems_and_saves_nothing(page, store):
    _upload(page, "aduan_salah.csv", BAD)
    _shoot(page, "bad")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("masalah ditemukan. Tidak ada yang disimpan")).to_be_visible()
    expect(main.get_by_test_id("stDataFrame").filter(visible=True)).to_have_count(1)
    expect(main.get_by_role("button", name="Simpan ke penyimpanan")).to_have_count(0)
    assert Store(store / "kpi.duckdb").batches().empty


def test_a_good_file_is_previewed_saved_and_shown_on_the_other_pages(page, server, store):
    _upload(page, "aduan_okt.csv", GOOD)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("5 baris siap disimpan")).to_be_visible()
    _shoot(page, "preview")
    main.get_by_role("button", name="Simpan ke penyimpanan").click()
    _settle(page)
    expect(main.get_by_text("diimpor sebagai batch 1")).to_be_visible(timeout=WAIT_MS)
    _shoot(page, "saved")
    saved = Store(store / "kpi.duckdb")
    assert saved.batches()["status"].tolist() == ["aktif"]
    obs = saved.observations().set_index(["indikator", "kode_wilayah", "periode"])
    assert obs.loc[("aduan_tindak_lanjut", "36.74.07.1002", "2026-10"), ["pembilang", "penyebut"]].tolist() == [4, 5]

    page.goto(f"{server}/Data?ind=aduan_tindak_lanjut&tingkat=kelurahan", timeout=WAIT_MS)
    _settle(page)
    _shoot(page, "data_after")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stException")).to_have_count(0)
    expect(main.get_by_text("Data contoh (sintetis)")).to_have_count(0)
    expect(main.get_by_test_id("stDataFrame").first).to_be_visible()


def test_a_close_column_name_is_confirmed_in_the_mapping_step(page, server):
    # "Tanggal Diterimaa" is only a close spelling of "diterima": refused until the user confirms the mapping.
    page.goto(f"{server}/Impor?jenis=aduan", timeout=WAIT_MS)
    _settle(page)
    close = "id_aduan,kelurahan,Tanggal Diterimaa,tindak_lanjut\nB-1,Setu,08/10/2026 09.00,09/10/2026 10.00\n"
    _upload(page, "aduan_mirip.csv", close)
    _shoot(page, "mapping_close")
    main = page.get_by_test_id("stMain")
    expander = main.get_by_test_id("stExpander").filter(has_text="Pemetaan kolom")
    expect(expander.get_by_test_id("stDataFrame")).to_be_visible()  # opened by itself: a column awaits confirmation
    expect(main.get_by_text("masalah ditemukan. Tidak ada yang disimpan")).to_be_visible()
    main.get_by_role("button", name="Periksa ulang dengan pemetaan ini").click()
    _settle(page)
    expect(main.get_by_text("1 baris siap disimpan")).to_be_visible(timeout=WAIT_MS)
    _shoot(page, "mapping_confirmed")
