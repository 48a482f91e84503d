"""The raw record kinds (permohonan, aduan, survei): their columns, accepted spellings and example rows.

Declared, not coded: kpi.inputs.records reads, checks and types a file from these records alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Column kinds: what a cell holds, and how it is described to the person filling the file.
KANAL = {
    "daring": ("online", "web", "website", "situs", "aplikasi", "app", "internet", "portal", "email"),
    "luring": ("offline", "langsung", "loket", "tatap muka", "datang langsung", "walk in", "manual"),
    "mpp": ("mal pelayanan publik", "mall pelayanan publik", "mal pelayanan", "mall pelayanan"),
}
STATUS = {
    "selesai": ("tuntas", "terbit", "diterbitkan", "done", "completed", "complete", "finished"),
    "proses": ("diproses", "dalam proses", "sedang diproses", "menunggu", "pending", "in progress", "open"),
    "ditolak": ("tolak", "rejected", "declined"),
}
DATE_HINT = (
    "Tanggal dibaca hari/bulan/tahun: tulis mis. 03/10/2026 atau 2026-10-03, dengan jam bila ada "
    "(03/10/2026 08.15 atau 2026-10-03 08:15)."
)


def key(text: object) -> str:
    """Matching key of a column name or a choice: lower case, without (notes), spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\(.*?\)", "", str(text).lower()))


@dataclass(frozen=True)
class Column:
    """One column of a record kind: its type, whether it must exist and be filled, and how to fill it."""

    name: str
    type: str  # the cell type; the text records.type.<type> describes it to people
    required: bool  # the column must be present in the file
    filled: bool  # every cell must be filled
    id: str  # description, Bahasa Indonesia
    en: str  # description, English
    example: str
    aliases: tuple[str, ...] = ()  # other accepted column names, in order of preference
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # value → other accepted spellings

    def spellings(self) -> dict[str, str]:
        """Matching key of every accepted spelling of a choice → the canonical value."""
        return {key(s): value for value, others in self.choices.items() for s in (value, *others)}

    def allowed(self) -> str:
        """The accepted choices as text, e.g. "daring (juga: online, web, …), luring (…)"."""
        return ", ".join(f"{value} (juga: {', '.join(others)})" for value, others in self.choices.items())


@dataclass(frozen=True)
class KindSpec:
    """One record kind: its columns in order, date pairs that must be in order, example rows, and the office a
    record belongs to."""

    kind: str
    label: dict[str, str]
    columns: tuple[Column, ...]
    order: tuple[tuple[str, str], ...]  # (later, earlier): the later date may not precede the earlier one
    examples: tuple[tuple[str, ...], ...]
    office: str = "kode_wilayah"  # the column naming the office (kelurahan, or the unit surveyed) of a record
    # True: ids are numbered per office (questionnaires 1, 2, 3 in every unit), so a record is (office, id);
    # False: an id names one record of one office, and the same id for another office is refused
    ids_per_office: bool = False

    @property
    def id_column(self) -> str:
        return self.columns[0].name

    @property
    def identity(self) -> tuple[str, ...]:
        """The columns that identify one record: its id, and its office when ids are numbered per office."""
        return (self.id_column, self.office) if self.ids_per_office else (self.id_column,)

    def column(self, name: str) -> Column:
        """The column with this canonical name."""
        return next(c for c in self.columns if c.name == name)


_KELURAHAN_ALIASES = (
    "kelurahan",
    "kode_kelurahan",
    "desa_kelurahan",
    "kelurahan_desa",
    "nama_kelurahan",
    "kode_desa",
    "desa",
    "kel",
    "wilayah",
)
_KELURAHAN = (
    "Kelurahan tempat layanan diberikan: kode Kemendagri (36.74.02.1004 atau 3674021004), kode BPS "
    "(3674070003) atau nama kelurahan (Pondok Jagung).",
    "Kelurahan served: Kemendagri code (36.74.02.1004 or 3674021004), BPS code (3674070003) or name.",
)
_SELESAI_ALIASES = ("tanggal_selesai", "selesai_pada", "tgl_selesai", "waktu_selesai", "tanggal_penyelesaian")


def _score(n: int) -> Column:
    """Survey item Un (unsur n of PermenPANRB 14/2017)."""
    return Column(
        f"U{n}",
        "score",
        True,
        False,
        f"Skor unsur {n}: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik; kosong = tidak dijawab "
        "(setiap baris minimal satu unsur dijawab).",
        f"Score of item {n}: 1 poor … 4 very good; empty = not answered (each row answers at least one item).",
        "3",
        (f"unsur_{n}",),
    )


PERMOHONAN = KindSpec(
    "permohonan",
    {"id": "Permohonan layanan", "en": "Service requests"},
    (
        Column(
            "id_permohonan",
            "id",
            True,
            True,
            "Nomor atau kode unik permohonan.",
            "Unique request number or code.",
            "CONTOH-P-0001",
            ("id", "nomor_permohonan", "no_permohonan", "nomor_registrasi", "no_registrasi", "nomor", "no"),
        ),
        Column("kode_wilayah", "kelurahan", True, True, *_KELURAHAN, "36.74.02.1004", _KELURAHAN_ALIASES),
        Column(
            "jenis_layanan",
            "text",
            False,
            False,
            "Nama layanan, mis. Surat Keterangan Domisili.",
            "Service name, e.g. certificate of domicile.",
            "Surat Keterangan Domisili",
            ("layanan", "jenis", "nama_layanan", "jenis_pelayanan"),
        ),
        Column(
            "kanal",
            "choice",
            True,
            True,
            "Cara permohonan diajukan: daring, luring atau mpp.",
            "How the request was submitted: online, in person, or at the public service mall.",
            "daring",
            ("saluran", "channel", "kanal_layanan", "cara_pengajuan", "media"),
            KANAL,
        ),
        Column(
            "diajukan",
            "datetime",
            True,
            True,
            "Tanggal dan jam permohonan diajukan (WIB).",
            "Date and time the request was submitted (WIB).",
            "2026-10-01 08:15",
            (
                "tanggal_pengajuan",
                "diajukan_pada",
                "tgl_pengajuan",
                "tanggal_diajukan",
                "waktu_pengajuan",
                "tanggal_permohonan",
                "tgl_permohonan",
                "tanggal_masuk",
                "tanggal",
            ),
        ),
        Column(
            "selesai",
            "datetime",
            True,
            False,
            "Tanggal dan jam permohonan selesai atau ditolak; kosong selama diproses.",
            "Date and time the request was completed or rejected; empty while open.",
            "2026-10-02 14:30",
            _SELESAI_ALIASES,
        ),
        Column(
            "status",
            "choice",
            True,
            True,
            "Keadaan permohonan: selesai, proses atau ditolak.",
            "Request status: completed, in progress or rejected.",
            "selesai",
            ("status_permohonan", "keadaan"),
            STATUS,
        ),
        Column(
            "sop_hari_kerja",
            "days",
            True,
            True,
            "Batas waktu penyelesaian menurut SOP/standar pelayanan, dalam hari kerja.",
            "Completion time limit in the service standard (SOP), in working days.",
            "3",
            ("sop", "sop_hari", "standar_waktu", "standar_waktu_hari", "sla", "sla_hari", "batas_waktu"),
        ),
    ),
    order=(("selesai", "diajukan"),),
    examples=(
        (
            "CONTOH-P-0001",
            "36.74.02.1004",
            "Surat Keterangan Domisili",
            "daring",
            "2026-10-01 08:15",
            "2026-10-02 14:30",
            "selesai",
            "3",
        ),
        (
            "CONTOH-P-0002",
            "36.74.02.1004",
            "Surat Pengantar Nikah",
            "luring",
            "2026-10-01 09:40",
            "2026-10-07 10:05",
            "selesai",
            "3",
        ),
        ("CONTOH-P-0003", "36.74.03.1008", "Izin Usaha Mikro", "mpp", "2026-10-02 13:20", "", "proses", "5"),
        (
            "CONTOH-P-0004",
            "36.74.07.1001",
            "Surat Keterangan Tidak Mampu",
            "daring",
            "2026-10-05 10:00",
            "2026-10-06 08:30",
            "ditolak",
            "2",
        ),
    ),
)

ADUAN = KindSpec(
    "aduan",
    {"id": "Aduan masyarakat", "en": "Complaints"},
    (
        Column(
            "id_aduan",
            "id",
            True,
            True,
            "Nomor tiket atau kode unik aduan.",
            "Unique complaint ticket or code.",
            "CONTOH-A-0001",
            (
                "id",
                "nomor_aduan",
                "no_aduan",
                "id_laporan",
                "nomor_laporan",
                "no_laporan",
                "nomor_tiket",
                "no_tiket",
                "tiket",
            ),
        ),
        Column("kode_wilayah", "kelurahan", True, True, *_KELURAHAN, "36.74.02.1004", _KELURAHAN_ALIASES),
        Column(
            "kanal",
            "text",
            False,
            False,
            "Saluran aduan, mis. SP4N-LAPOR!, SIARAN, WhatsApp.",
            "Complaint channel, e.g. SP4N-LAPOR!, SIARAN, WhatsApp.",
            "SP4N-LAPOR!",
            ("saluran", "sumber", "sumber_aduan", "channel", "media"),
        ),
        Column(
            "kategori",
            "text",
            False,
            False,
            "Kategori aduan, mis. Administrasi kependudukan.",
            "Complaint category.",
            "Administrasi kependudukan",
            ("kategori_aduan", "jenis_aduan", "topik", "klasifikasi", "jenis"),
        ),
        Column(
            "diterima",
            "datetime",
            True,
            True,
            "Tanggal dan jam aduan diterima (WIB).",
            "Date and time the complaint was received (WIB).",
            "2026-10-01 19:02",
            (
                "tanggal_diterima",
                "diterima_pada",
                "tgl_diterima",
                "waktu_diterima",
                "tanggal_aduan",
                "tanggal_laporan",
                "tanggal_masuk",
                "tanggal",
            ),
        ),
        Column(
            "tindak_lanjut",
            "datetime",
            True,
            False,
            "Tanggal dan jam tindak lanjut pertama; kosong bila belum.",
            "Date and time of the first follow-up; empty if none yet.",
            "2026-10-02 09:00",
            (
                "tanggal_tindak_lanjut",
                "tindak_lanjut_pada",
                "tgl_tindak_lanjut",
                "ditindaklanjuti",
                "ditindaklanjuti_pada",
                "tanggapan_pertama",
                "tanggal_tanggapan",
                "respon_pertama",
            ),
        ),
        Column(
            "selesai",
            "datetime",
            False,
            False,
            "Tanggal dan jam aduan dinyatakan selesai; kosong bila belum.",
            "Date and time the complaint was resolved; empty if not yet.",
            "2026-10-06 15:45",
            _SELESAI_ALIASES,
        ),
    ),
    order=(("tindak_lanjut", "diterima"), ("selesai", "diterima")),
    examples=(
        (
            "CONTOH-A-0001",
            "36.74.02.1004",
            "SP4N-LAPOR!",
            "Administrasi kependudukan",
            "2026-10-01 19:02",
            "2026-10-02 09:00",
            "2026-10-06 15:45",
        ),
        (
            "CONTOH-A-0002",
            "36.74.06.1002",
            "SIARAN",
            "Kebersihan dan persampahan",
            "2026-10-03 07:30",
            "2026-10-09 11:10",
            "",
        ),
        ("CONTOH-A-0003", "36.74.01.1001", "WhatsApp", "Jalan dan drainase", "2026-10-05 16:20", "", ""),
    ),
)

SURVEI = KindSpec(
    "survei",
    {"id": "Survei kepuasan (IKM)", "en": "Satisfaction survey (IKM)"},
    (
        Column(
            "id_responden",
            "id",
            True,
            True,
            "Nomor atau kode unik responden/kuesioner.",
            "Unique respondent or questionnaire number.",
            "CONTOH-S-0001",
            # "No" / "Nomor" last: a questionnaire's running number, the usual first column of a survey sheet
            ("id", "responden", "nomor_responden", "no_responden", "nomor_kuesioner", "no_kuesioner", "no", "nomor"),
        ),
        Column(
            "kode_unit",
            "unit",
            True,
            True,
            "Kantor yang disurvei: kode atau nama kecamatan (36.74.03) atau kelurahan (36.74.03.1008).",
            "Office surveyed: kecamatan (36.74.03) or kelurahan (36.74.03.1008) code or name.",
            "36.74.03.1008",
            (
                "unit",
                "unit_layanan",
                "unit_pelayanan",
                "unit_kerja",
                "kode_kantor",
                "kantor",
                "kode_wilayah",
                "wilayah",
                "kelurahan",  # a survey sheet of kelurahan offices names its office column so
                "kecamatan",
            ),
        ),
        Column(
            "tanggal",
            "date",
            True,
            True,
            "Tanggal kuesioner diisi.",
            "Date the questionnaire was filled in.",
            "2026-10-03",
            ("tanggal_survei", "tgl_survei", "tanggal_pengisian", "waktu_pengisian", "diisi_pada", "tgl"),
        ),
        *(_score(n) for n in range(1, 10)),
    ),
    order=(),
    office="kode_unit",
    ids_per_office=True,
    examples=(
        ("CONTOH-S-0001", "36.74.03.1008", "2026-10-03", "3", "3", "4", "4", "3", "3", "4", "3", "3"),
        ("CONTOH-S-0002", "36.74.03.1008", "2026-10-03", "4", "3", "3", "4", "4", "4", "4", "3", ""),
        ("CONTOH-S-0003", "36.74.03", "2026-10-06", "2", "3", "3", "4", "3", "2", "3", "3", "2"),
    ),
)

KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (PERMOHONAN, ADUAN, SURVEI)}
