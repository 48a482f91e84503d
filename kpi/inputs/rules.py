"""Checking raw records: every column parsed by its type, then the rules between columns; every problem at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from kpi.core.issues import Issue
from kpi.core.methods.ikm import SCORE_RULE
from kpi.core.periods import YEAR_MAX, YEAR_MIN
from kpi.core.texts import tr
from kpi.core.wilayah import Register
from kpi.inputs.cells import shortened
from kpi.inputs.kinds import DATE_HINT, Column, KindSpec
from kpi.inputs.numbers import UPPER_BOUNDS, above_bound
from kpi.inputs.parsing import parse_choices, parse_datetimes, parse_number_texts, years_outside
from kpi.inputs.readers import ROW_COLUMN, SHEET_COLUMN
from kpi.inputs.schema import Collector

DAYS_SUFFIX = r"(?i)\s*hari(?:\s+kerja)?\s*$"  # "3 hari kerja" = 3
SCORES = tuple(range(1, UPPER_BOUNDS["score"] + 1))  # 1, 2, 3, 4
NO_ANSWER_COLUMN = "U1..U9"
WILAYAH_FIX = {"tingkat_wilayah_salah": " Isi kode atau nama kelurahan, mis. 36.74.02.1004 (Pondok Jagung)."}
DTYPES = {
    "id": "str",
    "text": "str",
    "kelurahan": "str",
    "unit": "str",
    "choice": "str",
    "datetime": "datetime64[us]",
    "date": "datetime64[us]",
    "days": "int64",
    "score": "Int64",
}


def _when(stamp: pd.Timestamp) -> str:
    """A parsed date the Indonesian way, with the time unless midnight: 03/10/2026 08:15."""
    return f"{stamp:%d/%m/%Y}" if stamp == stamp.normalize() else f"{stamp:%d/%m/%Y %H:%M}"


class _Checker:
    """Parses the columns of one file of raw records into typed values, flagging every problem."""

    def __init__(
        self, raw: pd.DataFrame, spec: KindSpec, names: dict[str, str], register: Register, today: dt.date, excel: bool
    ):
        self.raw, self.spec, self.names, self.register = raw, spec, names, register
        self.today, self.excel = today, excel
        self.check = Collector(raw)
        self.typed = pd.DataFrame(index=raw.index)

    def source(self, name: str) -> str:
        """The file's own name of a canonical column (used in messages), or the canonical name if absent."""
        return self.names.get(name, name)

    def values(self, name: str) -> pd.Series:
        """The cells of a canonical column (all missing when the optional column is absent)."""
        if name in self.names:
            return self.raw[self.names[name]]
        return pd.Series(pd.NA, index=self.raw.index, dtype="string")

    def flag(
        self,
        mask: pd.Series,
        code: str,
        name: str,
        text: Callable[[object, object], str],
        suggest: Callable[[object], str | None] | None = None,
    ) -> None:
        """Flag rows of the canonical column `name`; `text(cell, index)` builds the message from the raw cell, and
        `suggest(cell)` the value it most likely meant, if any."""
        src = self.source(name)
        self.check.flag(mask, code, src, lambda r: text(r.get(src), r.name), suggest=suggest)

    def parse(self) -> None:
        """Parse every column by its type, after flagging empty cells of columns that must be filled."""
        for column in self.spec.columns:
            values = self.values(column.name)
            if column.filled:
                code = "wilayah_kosong" if column.type in ("kelurahan", "unit") else "nilai_kosong"
                self.flag(
                    values.isna(),
                    code,
                    column.name,
                    lambda _v, _i, c=column: (
                        f"kosong, padahal kolom ini wajib diisi di setiap baris ({c.id.rstrip('.')}). Contoh: {c.example}."
                    ),
                )
            self.typed[column.name] = getattr(self, f"_{column.type}")(values, column)

    def _id(self, values: pd.Series, column: Column) -> pd.Series:
        """Ids, as given; repeats are flagged with the rules between columns (they depend on the office)."""
        return values

    def _text(self, values: pd.Series, column: Column) -> pd.Series:
        """Free text, as given."""
        return values

    def _kelurahan(self, values: pd.Series, column: Column) -> pd.Series:
        """A kelurahan, by code or name."""
        return self._wilayah(values, column, "kelurahan")

    def _unit(self, values: pd.Series, column: Column) -> pd.Series:
        """A kecamatan or kelurahan office: the city itself is no unit of the survey."""
        codes = self._wilayah(values, column, None)
        level = codes.map({u.kode: u.tingkat for u in self.register.units})
        self.flag(
            level == "kota",
            "tingkat_wilayah_salah",
            column.name,
            lambda v, _: (
                f"'{v}' adalah {self.register.display_name(self.register.kota.kode)}; unit survei harus kantor kecamatan "
                "atau kelurahan. Isi kode kecamatan (mis. 36.74.03) atau kelurahan (mis. 36.74.03.1008)."
            ),
        )
        return codes

    def _wilayah(self, values: pd.Series, column: Column, level: str | None) -> pd.Series:
        """Codes from Kemendagri or BPS codes or names, flagging unknown, ambiguous or wrong-level ones."""
        codes, problems = self.register.resolve_series(values, level)
        for code in sorted({issue.code for issue in problems.values()}):
            bad = [value for value, issue in problems.items() if issue.code == code]
            fix = WILAYAH_FIX.get(code, "")
            self.flag(
                values.isin(bad),
                code,
                column.name,
                lambda v, _, fix=fix: problems[str(v)].message + fix,
                suggest=lambda v: problems[str(v)].suggestion,
            )
        return codes

    def _choice(self, values: pd.Series, column: Column) -> pd.Series:
        """One of the column's choices, in any accepted spelling."""
        chosen, bad = parse_choices(values, column.spellings())
        self.flag(
            bad,
            "nilai_tidak_dikenal",
            column.name,
            lambda v, _: (
                f"'{v}' bukan nilai {column.name} yang dikenal. Nilai yang diterima: {column.allowed()}. "
                "Ganti dengan salah satunya."
            ),
        )
        return chosen

    def _datetime(self, values: pd.Series, column: Column) -> pd.Series:
        """Dates and times; no date may lie after today."""
        stamps, bad = parse_datetimes(values, self.excel)
        years = years_outside(values.where(bad)) if bad.any() else pd.Series(pd.NA, index=values.index, dtype="Int64")
        self.flag(
            bad & years.isna(),
            "tanggal_tidak_terbaca",
            column.name,
            lambda v, _: f"'{v}' bukan tanggal yang sah. {DATE_HINT}",
        )
        self.flag(
            bad & years.notna(),
            "tanggal_di_luar_rentang",
            column.name,
            lambda v, i: tr("inputs.date_year_outside", value=v, year=years.loc[i], first=YEAR_MIN, last=YEAR_MAX),
        )
        future = stamps.dt.normalize() > pd.Timestamp(self.today)
        self.flag(
            future,
            "tanggal_masa_depan",
            column.name,
            lambda v, i: (
                f"'{v}' dibaca sebagai {_when(stamps.loc[i])}, yang belum terjadi (hari ini "
                f"{self.today:%d/%m/%Y}); tanggal tidak boleh di masa depan. Periksa tahunnya, dan ingat bahwa tanggal "
                "dibaca hari/bulan/tahun."
            ),
        )
        return stamps

    def _date(self, values: pd.Series, column: Column) -> pd.Series:
        """A date: any time of day is dropped."""
        return self._datetime(values, column).dt.normalize()

    def _days(self, values: pd.Series, column: Column) -> pd.Series:
        """Whole working days, at least 1 and at most UPPER_BOUNDS["days"] ('3 hari kerja' = 3)."""
        days, bad = parse_number_texts(values, self.raw.attrs.get("decimal"), DAYS_SUFFIX)
        self.flag(
            bad,
            "angka_tidak_terbaca",
            column.name,
            lambda v, _: f"'{v}' bukan angka. Tulis jumlah hari kerja sebagai bilangan bulat, mis. {column.example}.",
        )
        fraction = days.notna() & (days != np.floor(days))
        self.flag(
            fraction,
            "bukan_bilangan_bulat",
            column.name,
            lambda v, _: (
                f"'{v}' bukan bilangan bulat; {column.name} dihitung dalam hari kerja utuh. Tulis mis. {column.example}."
            ),
        )
        self.flag(
            (days < 1) & ~fraction,
            "di_luar_rentang",
            column.name,
            lambda v, _: (
                f"'{v}' kurang dari 1; {column.name} paling sedikit 1 hari kerja. Isi batas waktu menurut standar pelayanan."
            ),
        )
        self.flag(
            above_bound(days, "days"),
            "di_luar_rentang",
            column.name,
            lambda v, _: tr(
                "inputs.days_above_bound",
                value=shortened(v),
                maximum=UPPER_BOUNDS["days"],
                column=column.name,
                example=column.example,
            ),
        )
        return days

    def _score(self, values: pd.Series, column: Column) -> pd.Series:
        """Survey scores 1–4; empty = not answered."""
        scores, bad = parse_number_texts(values, self.raw.attrs.get("decimal"))
        self.flag(
            bad | (scores.notna() & ~scores.isin(SCORES)),
            "skor_di_luar_skala",
            column.name,
            lambda v, _: (
                f"'{v}' bukan skor yang sah; {SCORE_RULE}. Tulis 1, 2, 3 atau 4, atau kosongkan bila tidak dijawab."
            ),
        )
        return scores

    def rules(self) -> None:
        """The rules between columns: one record per id, dates in order, status against completion, at least one
        answer."""
        self._identities()
        for later, earlier in self.spec.order:
            self._in_order(later, earlier)
        if "status" in self.typed:
            self._status()
        scores = [c.name for c in self.spec.columns if c.type == "score"]
        if scores:
            empty = self.raw[[self.names[s] for s in scores]].isna().all(axis=1)
            self.check.flag(
                empty,
                "tanpa_jawaban",
                NO_ANSWER_COLUMN,
                lambda _: (
                    "tidak ada satu pun unsur yang dijawab; setiap responden harus menjawab minimal satu unsur dengan "
                    "skor 1–4. Isi jawabannya, atau hapus baris ini."
                ),
            )

    def _identities(self) -> None:
        """Flag every repeat of a record's identity, naming the row where it first appears: the same id of the same
        office, or (where an id names one record of one office) the same id of another office."""
        name, spec = self.spec.id_column, self.spec
        ids, codes = self.values(name), self.typed[spec.office]
        offices = codes.astype(object).where(codes.notna(), "?" + self.values(spec.office).astype(str))
        seen: dict[tuple, object] = {}
        first_of: dict[object, object] = {}  # row index of a repeat → row index of the first row with its identity
        for index, value, office in zip(ids.index, ids.tolist(), offices.tolist(), strict=True):
            if pd.isna(value):
                continue
            identity = (value, office) if spec.ids_per_office else (value,)
            if identity in seen:
                first_of[index] = seen[identity]
            else:
                seen[identity] = index
        other = {i for i, j in first_of.items() if pd.notna(codes[i]) and pd.notna(codes[j]) and codes[i] != codes[j]}
        repeat = ids.index.isin(list(first_of))
        elsewhere = ids.index.isin(list(other))
        self.flag(
            pd.Series(repeat & ~elsewhere, index=ids.index),
            "duplikat",
            name,
            lambda v, i: self._repeat(v, first_of[i], i),
        )
        self.flag(
            pd.Series(elsewhere, index=ids.index),
            "id_kantor_lain",
            name,
            lambda v, i: tr(
                "inputs.id_other_office",
                value=v,
                first=self.check.label(first_of[i]),
                other=self._office(codes[first_of[i]]),
                office=self._office(codes[i]),
                column=name,
            ),
        )

    def _repeat(self, value: object, first: object, index: object) -> str:
        """The message of an identity given twice for the same office."""
        name, label = self.spec.id_column, self.check.label(first)
        if self.spec.ids_per_office and pd.notna(self.typed[self.spec.office][index]):
            office = self._office(self.typed[self.spec.office][index])
            return tr("inputs.id_same_office", value=value, first=label, office=office, column=name)
        return (
            f"'{value}' sudah dipakai di {label}; {name} harus unik dalam satu berkas. "
            "Hapus baris ganda itu atau perbaiki nomornya."
        )

    def _office(self, code: str) -> str:
        """An office for a message: 'Kelurahan Ciater (36.74.01.1001)'."""
        return f"{self.register.display_name(code)} ({code})"

    def _in_order(self, later: str, earlier: str) -> None:
        """Flag a later date before the earlier one; a date without time on the same day is in order."""
        first, then = self.typed[earlier], self.typed[later]
        day_only = (then == then.dt.normalize()) & (then.dt.normalize() == first.dt.normalize())
        self.flag(
            (then < first) & ~day_only,
            "urutan_tanggal",
            later,
            lambda v, i: (
                f"'{v}' lebih awal dari {self.source(earlier)} {_when(first.loc[i])} pada baris yang sama; {self.source(later)} "
                f"tidak boleh sebelum {self.source(earlier)}. Periksa kedua tanggal, atau apakah kolomnya tertukar."
            ),
        )

    def _status(self) -> None:
        """selesai/ditolak need a completion date; proses must not have one."""
        status, done = self.typed["status"], self.values("selesai").notna()
        closed = status.isin(["selesai", "ditolak"]) & ~done
        self.flag(
            closed,
            "status_tidak_sesuai",
            "selesai",
            lambda _, i: (
                f"kosong, padahal {self.source('status')} '{self.values('status').loc[i]}' berarti permohonan sudah selesai "
                "atau ditolak. Isi tanggal "
                f"penyelesaiannya, atau ubah {self.source('status')} menjadi 'proses' bila masih diproses."
            ),
        )
        self.flag(
            (status == "proses") & done,
            "status_tidak_sesuai",
            "status",
            lambda v, _: (
                f"'{v}' berarti masih diproses, padahal kolom {self.source('selesai')} sudah berisi tanggal. Ubah menjadi "
                f"'selesai' atau 'ditolak', atau kosongkan {self.source('selesai')} bila memang masih diproses."
            ),
        )

    def result(self) -> tuple[pd.DataFrame | None, list[Issue]]:
        """The typed frame (columns in spec order plus `_baris`, and `_lembar` from several sheets), or None and
        every issue sorted by sheet and row."""
        if self.check.issues:
            return None, self.check.sorted()
        dtypes = {c.name: DTYPES[c.type] for c in self.spec.columns}
        frame = self.typed.astype(dtypes).assign(**{ROW_COLUMN: self.raw[ROW_COLUMN].astype("int64")})
        if SHEET_COLUMN in self.raw:
            frame[SHEET_COLUMN] = self.raw[SHEET_COLUMN].astype(str)
        return frame.reset_index(drop=True), []


def check_records(
    raw: pd.DataFrame, spec: KindSpec, names: dict[str, str], register: Register, today: dt.date, excel: bool = False
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Type and check a table of raw records whose columns `names` maps (canonical → file column)."""
    checker = _Checker(raw, spec, names, register, today, excel)
    checker.parse()
    checker.rules()
    return checker.result()
