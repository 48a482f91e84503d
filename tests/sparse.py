"""Sparse import stores for the sweep tests: each holds one thin slice of data, so that most kelurahan, periods and
indicators have no value, which is where pages used to crash.

    permohonan_sebulan   200 service requests of October 2026 in 4 kelurahan (the issue's reproduction)
    aduan_saja           complaints only: 30 in 3 kelurahan over September and October 2026
    survei_saja          survey answers only: 2 kelurahan offices and 1 kecamatan office, first half of 2026,
                         some answers skipped
    observasi_satu       observations of one indicator only (tte) for 3 kelurahan over 3 months

Each is built through the store's own dry run and commit, as the Impor Data page does, so it is exactly what a
user who imported these files would see.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kpi.store.batches import Store

TODAY = dt.date(2026, 11, 15)  # after the data, so nothing is "in the future"
KELURAHAN = ("36.74.01.1001", "36.74.02.1004", "36.74.03.1008", "36.74.06.1002")


def _permohonan() -> str:
    """200 requests of October 2026 in 4 kelurahan: every other one online, most completed within 1–4 days."""
    rows = ["id_permohonan,kode_wilayah,jenis_layanan,kanal,diajukan,selesai,status,sop_hari_kerja"]
    for n in range(200):
        day = 1 + n % 27
        start = dt.datetime(2026, 10, day, 8 + n % 8, 15)
        done = "" if n % 10 == 9 else f"{start + dt.timedelta(days=1 + n % 4):%Y-%m-%d %H:%M}"
        status = "proses" if not done else "selesai"
        kanal = "daring" if n % 2 else "luring"
        rows.append(
            f"P-{n:04d},{KELURAHAN[n % 4]},Surat Keterangan Domisili,{kanal},{start:%Y-%m-%d %H:%M},{done},{status},3"
        )
    return "\n".join(rows) + "\n"


def _aduan() -> str:
    """30 complaints in 3 kelurahan, September and October 2026; a third never followed up."""
    rows = ["id_aduan,kode_wilayah,kanal,kategori,diterima,tindak_lanjut,selesai"]
    for n in range(30):
        start = dt.datetime(2026, 9 + n % 2, 1 + n % 25, 9, 0)
        follow = "" if n % 3 == 2 else f"{start + dt.timedelta(days=1 + n % 5):%Y-%m-%d %H:%M}"
        rows.append(
            f"A-{n:03d},{KELURAHAN[n % 3]},SP4N-LAPOR!,Kebersihan dan persampahan,{start:%Y-%m-%d %H:%M},{follow},"
        )
    return "\n".join(rows) + "\n"


def _survei() -> str:
    """Answers to the nine unsur at two kelurahan offices and one kecamatan office; every fifth skips U9."""
    rows = ["id_responden,kode_unit,tanggal,U1,U2,U3,U4,U5,U6,U7,U8,U9"]
    units = ("36.74.01.1001", "36.74.02.1004", "36.74.03")
    for n in range(45):
        scores = [str(1 + (n + u) % 4) for u in range(9)]
        if n % 5 == 4:
            scores[-1] = ""
        rows.append(f"S-{n:03d},{units[n % 3]},2026-0{1 + n % 6}-10,{','.join(scores)}")
    return "\n".join(rows) + "\n"


def _observasi() -> str:
    """tte (documents signed electronically) for 3 kelurahan, August to October 2026."""
    rows = ["periode,kode_wilayah,indikator,pembilang,penyebut,nilai"]
    for m, month in enumerate(("2026-08", "2026-09", "2026-10")):
        for k, kode in enumerate(KELURAHAN[:3]):
            rows.append(f"{month},{kode},tte,{40 + 3 * m + k},{60 + k},")
    return "\n".join(rows) + "\n"


# The indicators each store feeds (the engine's output of its kind; observasi_satu: the file's one indicator).
INDICATORS = {
    "permohonan_sebulan": ("layanan_daring", "selesai_tepat_waktu", "waktu_penyelesaian"),
    "aduan_saja": ("aduan_tindak_lanjut", "aduan_per_10rb"),
    "survei_saja": ("ikm", "ikm_kecamatan"),
    "observasi_satu": ("tte",),
}

STORES = {
    "permohonan_sebulan": ("permohonan", _permohonan),
    "aduan_saja": ("aduan", _aduan),
    "survei_saja": ("survei", _survei),
    "observasi_satu": ("observasi", _observasi),
}


def build(name: str, folder: Path) -> Path:
    """Import the named slice into a new store in `folder` (its kpi.duckdb); the folder, for TANGSEL_KPI_STORE."""
    kind, content = STORES[name]
    store = Store(folder / "kpi.duckdb")
    plan = store.plan(content().encode(), kind, filename=f"{name}.csv", today=TODAY)
    assert plan.ok, [i.message for i in plan.issues]
    assert store.commit(plan).ok
    return folder
