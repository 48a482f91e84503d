"""The deterministic generator of the synthetic sample ("Data contoh (sintetis)") and its CLI.

Run `python -m kpi.sample [--out data/sample]` to rewrite data/sample/ (observasi.csv, penduduk_sampel.csv,
the raw records permohonan/aduan/survei.parquet and README.md). Every figure is simulated; only the population
totals it starts from are sourced (data/penduduk.csv). Raw records come from kpi/sample/raw.py and the
observations derived from them are computed by the engine (kpi/engine/sql.py); the other sources are simulated as
kelurahan/kecamatan aggregates in kpi/sample/parts.py. An indicator of the catalogue that none of these simulates
gets values from the generic simulator by type (kpi/sample/generic.py), so a new indicator needs no code here.
The catalogue is settings.indicators_file() and the default output folder settings.sample_dir(), so
TANGSEL_KPI_CATALOGUE and TANGSEL_KPI_SAMPLE point both elsewhere.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kpi import settings
from kpi.core import periods
from kpi.core.catalogue import Catalogue, load_catalogue
from kpi.core.observations import COLUMNS, DTYPES, NUMBERS, ratio_value
from kpi.core.pooling import family
from kpi.core.wilayah import Register, Wilayah, load_register
from kpi.core.workdays import Calendar
from kpi.engine import compute
from kpi.sample import generic, parts
from kpi.sample.raw import records

SEED = 20261127
FIRST = "2021-01"
LAST = "2026-10"
BASE_YEAR = 2023
GROWTH = 0.012
# Sources with missing kelurahan-months: the request register drops the requests submitted in such a month,
# the other two the observation row.
MISSING_SOURCES = ("register_layanan", "tte", "epresensi")
# Indicators the engine computes from the raw records (kpi.engine.compute).
RAW_DERIVED = (
    "layanan_daring",
    "selesai_tepat_waktu",
    "waktu_penyelesaian",
    "aduan_tindak_lanjut",
    "aduan_per_10rb",
    "ikm",
    "ikm_kecamatan",
)
RAW_KINDS = ("permohonan", "aduan", "survei")


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Split an integer total in proportion to weights (largest remainder, ties by position)."""
    exact = total * np.asarray(weights, dtype=float) / np.sum(weights)
    out = np.floor(exact).astype("int64")
    order = np.argsort(-(exact - out), kind="stable")
    out[order[: total - int(out.sum())]] += 1
    return out


def _kecamatan_totals(register: Register, source: pd.DataFrame) -> dict[str, int]:
    """Kecamatan populations in the base year: sourced where known, the city remainder split by area."""
    figures = source[source["tahun"] == BASE_YEAR].set_index("kode")["penduduk"]
    units = register.level("kecamatan")
    known = {u.kode: int(figures[u.kode]) for u in units if u.kode in figures.index}
    rest = [u for u in units if u.kode not in known]
    remainder = int(figures[register.kota.kode]) - sum(known.values())
    split = _apportion(remainder, np.array([u.luas_km2 for u in rest])) if rest else []
    return {**known, **{u.kode: int(n) for u, n in zip(rest, split, strict=True)}}


def _kelurahan_weights(children: tuple[Wilayah, ...], source: pd.DataFrame) -> np.ndarray:
    """Sourced kelurahan populations when every kelurahan of the kecamatan has one, else their areas."""
    figures = source.set_index("kode")["penduduk"]
    if all(u.kode in figures.index for u in children):
        return np.array([float(figures[u.kode]) for u in children])
    return np.array([u.luas_km2 for u in children])


def sample_population(register: Register, path: Path | None = None) -> pd.DataFrame:
    """Synthetic kelurahan populations 2021..2026 built from the sourced totals (kode_wilayah, tahun, penduduk) of
    `path`, data/penduduk.csv by default."""
    source = pd.read_csv(path or settings.POPULATION_FILE, dtype={"kode": str})
    codes, base = [], []
    for kode, total in _kecamatan_totals(register, source).items():
        children = register.children(kode)
        codes += [u.kode for u in children]
        base += list(_apportion(total, _kelurahan_weights(children, source)))
    years = np.arange(int(FIRST[:4]), int(LAST[:4]) + 1)
    grown = np.round(np.array(base, dtype=float)[:, None] * (1 + GROWTH) ** (years - BASE_YEAR))
    frame = pd.DataFrame(
        {
            "kode_wilayah": np.repeat(codes, len(years)),
            "tahun": np.tile(years, len(codes)),
            "penduduk": grown.astype("int64").ravel(),
        }
    )
    return frame.sort_values(["kode_wilayah", "tahun"], ignore_index=True)


def _complete(grain: str) -> tuple[str, ...]:
    """Periods of a grain from FIRST up to the last one that has ended by the end of LAST."""
    last = periods.coarsen(LAST, grain)
    if periods.end_date(last) > periods.end_date(LAST):
        last = periods.previous(last)
    return tuple(periods.period_range(periods.coarsen(FIRST, grain), last))


def _context(seed: int, register: Register, population: pd.DataFrame) -> parts.Context:
    """Units, periods and the kelurahan × month population grid for the simulators."""
    kelurahan, kecamatan = register.level("kelurahan"), register.level("kecamatan")
    months = _complete("month")
    table = population.pivot(index="kode_wilayah", columns="tahun", values="penduduk")
    pop = table.loc[[u.kode for u in kelurahan], [int(m[:4]) for m in months]].to_numpy(dtype=float)
    kec_codes = tuple(u.kode for u in kecamatan)
    induk = np.array([kec_codes.index(u.kode_induk) for u in kelurahan])
    return parts.Context(
        seed, tuple(u.kode for u in kelurahan), kec_codes, induk, months, _complete("semester"), _complete("year"), pop
    )


def _long(
    indikator: str,
    units: tuple[str, ...],
    labels: tuple[str, ...],
    pembilang=None,
    penyebut=None,
    nilai=None,
    keep: np.ndarray | None = None,
) -> pd.DataFrame:
    """Units × periods arrays as observation rows (NaN for absent columns), dropping cells where keep is False."""
    shape = (len(units), len(labels))
    numbers = {
        name: np.full(shape, np.nan) if arr is None else np.broadcast_to(np.asarray(arr, dtype=float), shape)
        for name, arr in zip(NUMBERS, (pembilang, penyebut, nilai), strict=True)
    }
    frame = pd.DataFrame(
        {
            "periode": np.tile(np.array(labels), len(units)),
            "kode_wilayah": np.repeat(np.array(units), len(labels)),
            "indikator": indikator,
            **{name: arr.ravel() for name, arr in numbers.items()},
        }
    )
    return frame if keep is None else frame[keep.ravel()]


def _reported(ctx: parts.Context, missing: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """TTE and e-presensi per kelurahan-month, without the missing reports."""
    docs, staff = parts.tte(ctx), parts.epresensi(ctx)
    return {
        "tte": _long("tte", ctx.kelurahan, ctx.months, docs["signed"], docs["docs"], keep=~missing["tte"]),
        "epresensi": _long(
            "epresensi", ctx.kelurahan, ctx.months, staff["recorded"], staff["required"], keep=~missing["epresensi"]
        ),
    }


def _kecamatan_series(ctx: parts.Context, values: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Budget realisation (monthly), Ombudsman compliance and the BerAKHLAK indices (yearly) per kecamatan."""
    money, survey = parts.budget(ctx), parts.berakhlak(ctx, values)
    kec, years, n = ctx.kecamatan, ctx.years, survey["respondents"]
    frames = {
        "realisasi_anggaran": _long("realisasi_anggaran", kec, ctx.months, money["spent"], money["ceiling"]),
        "kepatuhan_ombudsman": _long("kepatuhan_ombudsman", kec, years, nilai=parts.ombudsman(ctx)),
        "berakhlak": _long("berakhlak", kec, years, np.round(survey["sums"].mean(axis=2), 4), n),
    }
    for j, value in enumerate(values):
        frames[f"berakhlak_{value}"] = _long(f"berakhlak_{value}", kec, years, survey["sums"][:, :, j], n)
    return frames


def _derived(raw: dict[str, pd.DataFrame], population: pd.DataFrame, calendar: Calendar) -> dict[str, pd.DataFrame]:
    """The raw-derived indicators as the engine computes them from the raw frames, one frame per indicator (with
    the component rows of a pooled one, e.g. ikm.u1 … ikm.u9)."""
    rows = compute(raw, population=population, calendar=calendar)
    owner = family(rows["indikator"])
    return {ind: rows[owner == ind] for ind in RAW_DERIVED}


def _generic(ctx: parts.Context, catalogue: Catalogue, simulated: set[str]) -> dict[str, pd.DataFrame]:
    """The catalogue's indicators without a simulator of their own, from the generic simulator by type: every unit
    of the indicator's level, every complete period of its frequency."""
    frames = {}
    for ind in catalogue.indicators:
        if ind.id not in simulated:
            units = ctx.kelurahan if ind.level == "kelurahan" else ctx.kecamatan
            labels = _complete(ind.frequency)
            frames[ind.id] = _long(ind.id, units, labels, **generic.simulate(ind, units, labels, ctx.seed))
    return frames


def _assemble(frames: dict[str, pd.DataFrame], catalogue: Catalogue) -> pd.DataFrame:
    """One long table in catalogue order, sorted by indikator, kode_wilayah, periode."""
    absent, extra = set(catalogue.ids) - set(frames), set(frames) - set(catalogue.ids)
    if absent or extra:
        raise ValueError(
            f"Generator dan katalog tidak cocok: tanpa simulasi {sorted(absent)}, di luar katalog {sorted(extra)}."
        )
    table = pd.concat([frames[i] for i in catalogue.ids], ignore_index=True)
    table = table.astype(DTYPES)
    return table.sort_values(["indikator", "kode_wilayah", "periode"], ignore_index=True)[list(COLUMNS)]


def _check(table: pd.DataFrame, catalogue: Catalogue, register: Register) -> None:
    """Raise when a row breaks the catalogue: level, frequency, sign, numerator ≤ denominator, range (of an
    indicator, or of a pooled indicator's component)."""
    meta = catalogue.observed
    ind = table["indikator"].map(meta)
    level = table["kode_wilayah"].map({u.kode: u.tingkat for u in register.units})
    grain = table["periode"].map({p: periods.grain_of(p) for p in table["periode"].unique()})
    ratio = ind.map(lambda i: i.has_denominator).astype(bool)
    value = table["nilai"].where(
        ~ratio, ratio_value(table["pembilang"], table["penyebut"], ind.map(lambda i: i.factor))
    )
    bad = (
        (level != ind.map(lambda i: i.level))
        | (grain != ind.map(lambda i: i.frequency))
        | (table[list(NUMBERS)] < 0).any(axis=1)
        | (ind.map(lambda i: i.type == "percent").astype(bool) & (table["pembilang"] > table["penyebut"]))
        | (value < ind.map(lambda i: i.range[0]))
        | (value > ind.map(lambda i: i.range[1]))
    )
    if bad.any():
        raise ValueError(f"Data contoh melanggar katalog di {int(bad.sum())} baris, mis.:\n{table[bad].head()}")


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """The synthetic sample: observasi, penduduk and the raw frames permohonan, aduan, survei; same seed, same data."""
    catalogue, register = load_catalogue(), load_register()
    population = sample_population(register)
    ctx, calendar = _context(seed, register, population), Calendar.default()
    missing = parts.missing(ctx, MISSING_SOURCES)
    raw = records(ctx, calendar, missing["register_layanan"])
    frames = {
        **_derived(raw, population, calendar),
        **_reported(ctx, missing),
        **_kecamatan_series(ctx, tuple(catalogue.berakhlak)),
    }
    frames |= _generic(ctx, catalogue, set(frames))
    observasi = _assemble(frames, catalogue)
    _check(observasi, catalogue, register)
    return {"observasi": observasi, "penduduk": population, **raw}


def _number_text(values: pd.Series) -> list[str]:
    """Text that reads back to the same float: integers without '.0', shortest repr otherwise, empty for NaN."""
    return ["" if v != v else str(int(v)) if v.is_integer() and abs(v) < 2**53 else repr(v) for v in values.tolist()]


README = """# Data contoh (sintetis)

Semua angka di folder ini adalah **data contoh sintetis** untuk mencoba dasbor, bukan data resmi
Pemerintah Kota Tangerang Selatan. Angka dibangkitkan secara acak namun deterministik oleh `kpi/sample/generate.py`
(seed {seed}). Hanya angka penduduk yang menjadi titik awalnya yang bersumber (`data/penduduk.csv`: kota,
kecamatan, serta kelurahan di Serpong dan Pondok Aren); pembagian ke kelurahan lain memakai luas wilayah.

- `permohonan.parquet`, `aduan.parquet`, `survei.parquet`: catatan mentah, kondisi per {as_of}, id diawali
  `CONTOH-`; jumlah baris {counts}.
  Permohonan layanan kantor kelurahan (kanal daring/luring/mpp, jenis layanan dengan waktu SOP dalam hari
  kerja, waktu diajukan dan selesai, status selesai/proses/ditolak), aduan masyarakat (SP4N-LAPOR!, SIARAN,
  WhatsApp, datang langsung, media sosial; diterima, tindak lanjut pertama, selesai) dan jawaban Survei
  Kepuasan Masyarakat U1–U9 untuk kantor kelurahan dan kantor kecamatan.
- `observasi.csv`: satu baris per periode, kode wilayah dan indikator (kolom {columns});
  periode {first} sampai {last}. Indikator berikut **dihitung dari catatan mentah di atas oleh mesin penghitung**
  (`kpi.engine.compute`, hari kerja menurut `kpi/core/workdays.py`):
  {derived}.
  Laporan IKM tiap unit (`ikm`, `ikm_kecamatan`) disertai sembilan baris komponen `ikm.u1` … `ikm.u9` (jumlah skor
  dan jumlah jawaban per unsur), yang digabung per unsur untuk nilai kecamatan, kota dan tahunan.
  Indikator lain disimulasikan langsung sebagai angka agregat. Beberapa laporan kelurahan-bulan sengaja
  dihilangkan (permohonan yang diajukan pada bulan itu tidak ada) dan ada dua pencilan: satu bulan penumpukan
  permohonan dan satu lonjakan aduan.
- `penduduk_sampel.csv`: penduduk sintetis per kelurahan dan tahun (kode_wilayah, tahun, penduduk).

Buat ulang (hasilnya identik byte demi byte): `python -m kpi.sample` (atau `make sample`).

## English

Everything in this folder is a **synthetic sample** ("Data contoh (sintetis)") for trying the dashboard,
not official data of Kota Tangerang Selatan. It is generated at random but deterministically by `kpi/sample/generate.py`
(seed {seed}). Only the population figures it starts from are sourced (`data/penduduk.csv`: city, kecamatan,
and the kelurahan of Serpong and Pondok Aren); other kelurahan get their kecamatan's total split by area.

- `permohonan.parquet`, `aduan.parquet`, `survei.parquet`: raw records as of {as_of}, ids starting with
  `CONTOH-`; rows: {counts_en}.
  Service requests at the kelurahan offices (channel, service with its SOP time in working days, submitted
  and completed timestamps, status), public complaints (channel, category, received, first follow-up,
  resolved) and community-satisfaction survey answers U1–U9 for the kelurahan and the kecamatan offices.
- `observasi.csv`: one row per period, wilayah code and indicator ({first} to {last}). These indicators are
  **computed from the raw records by the engine** (`kpi.engine.compute`, working days per `kpi/core/workdays.py`):
  {derived}.
  Each unit's IKM report (`ikm`, `ikm_kecamatan`) comes with nine component rows `ikm.u1` … `ikm.u9` (score sum and
  number of answers per unsur), pooled per unsur for kecamatan, city and yearly values.
  The others are simulated directly as aggregates. A few kelurahan-months are deliberately missing (no requests
  submitted in them) and there are two outliers: a request backlog month and a complaint surge.
- `penduduk_sampel.csv`: synthetic population per kelurahan and year.

Regenerate (byte-identical output): `python -m kpi.sample` (or `make sample`).
"""


def _readme(frames: dict[str, pd.DataFrame]) -> str:
    """README.md of the sample folder, with the record counts."""
    counts = [(kind, f"{len(frames[kind]):,}") for kind in RAW_KINDS]
    return README.format(
        seed=SEED,
        columns=", ".join(COLUMNS),
        first=FIRST,
        last=LAST,
        derived=", ".join(RAW_DERIVED),
        as_of=periods.end_date(LAST).isoformat(),
        counts=", ".join(f"{kind} {n.replace(',', '.')}" for kind, n in counts),
        counts_en=", ".join(f"{kind} {n}" for kind, n in counts),
    )


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """zstd Parquet; delta encodings for the ids and timestamps (ascending, near-ascending), dictionaries elsewhere."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    delta = {
        name: "DELTA_BYTE_ARRAY" if name.startswith("id_") else "DELTA_BINARY_PACKED"
        for name, kind in zip(table.column_names, table.schema.types, strict=True)
        if name.startswith("id_") or pa.types.is_timestamp(kind)
    }
    pq.write_table(
        table,
        path,
        compression="zstd",
        column_encoding=delta,
        use_dictionary=[name for name in table.column_names if name not in delta],
    )


def write_sample(frames: dict[str, pd.DataFrame], out: Path | None = None) -> list[Path]:
    """Write observasi.csv, penduduk_sampel.csv, the raw <kind>.parquet files (zstd) and README.md to `out`
    (settings.sample_dir() by default); return the paths."""
    out = Path(out or settings.sample_dir())
    out.mkdir(parents=True, exist_ok=True)
    obs = frames["observasi"]
    text = obs.assign(**{c: _number_text(obs[c]) for c in NUMBERS})
    paths = [
        out / "observasi.csv",
        out / "penduduk_sampel.csv",
        *(out / f"{k}.parquet" for k in RAW_KINDS),
        out / "README.md",
    ]
    text.to_csv(paths[0], index=False, encoding="utf-8", lineterminator="\n")
    frames["penduduk"].to_csv(paths[1], index=False, encoding="utf-8", lineterminator="\n")
    for kind, path in zip(RAW_KINDS, paths[2:5], strict=True):
        _write_parquet(frames[kind], path)
    paths[-1].write_text(_readme(frames), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    """CLI: generate the sample and write it."""
    parser = argparse.ArgumentParser(prog="python -m kpi.sample", description="Tulis data contoh (sintetis).")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder tujuan (bawaan: data/sample, atau $TANGSEL_KPI_SAMPLE bila diisi)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    frames = generate()
    paths = write_sample(frames, args.out)
    print(
        f"{len(frames['observasi'])} baris observasi, {len(frames['penduduk'])} baris penduduk → "
        f"{', '.join(str(p) for p in paths)} ({time.perf_counter() - start:.1f} s)"
    )
    return 0
