"""Interface texts in Bahasa Indonesia (default) and English, and the current language."""

from __future__ import annotations

from ui import state

LANGS = {"id": "Bahasa Indonesia", "en": "English"}

TEXT = {
    "app_title": {"id": "Kinerja Layanan Kota Tangerang Selatan", "en": "Service Performance, Kota Tangerang Selatan"},
    "ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "peta": {"id": "Peta", "en": "Map"},
    "tren": {"id": "Tren", "en": "Trends"},
    "perbandingan": {"id": "Perbandingan", "en": "Comparison"},
    "data": {"id": "Data", "en": "Data"},
    "peta_title": {"id": "Peta kinerja kecamatan dan kelurahan", "en": "Map of kecamatan and kelurahan performance"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "filters": {"id": "Filter", "en": "Filters"},
    "category": {"id": "Kategori", "en": "Category"},
    "all": {"id": "Semua", "en": "All"},
    "grain": {"id": "Jenis periode", "en": "Period type"},
    "grain_month": {"id": "Bulan", "en": "Month"},
    "grain_quarter": {"id": "Triwulan", "en": "Quarter"},
    "grain_semester": {"id": "Semester", "en": "Semester"},
    "grain_year": {"id": "Tahun", "en": "Year"},
    "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "level": {"id": "Tingkat wilayah", "en": "Level"},
    "view": {"id": "Tampilan", "en": "View"},
    "view_2d": {"id": "Peta 2D", "en": "2D map"},
    "view_3d": {"id": "3D (pydeck)", "en": "3D (pydeck)"},
    "basemap": {"id": "Peta dasar", "en": "Basemap"},
    "basemap_offline": {"id": "Tanpa internet", "en": "Offline"},
    "basemap_online": {"id": "OpenStreetMap (perlu internet)", "en": "OpenStreetMap (needs internet)"},
    "approximate": {
        "id": "**Batas perkiraan.** Batas wilayah di peta ini dibuat dari titik label kelurahan, bukan batas resmi. "
        "Pasang batas resmi BIG (batas desa/kelurahan) dengan `python -m kpi.geo install BERKAS`.",
        "en": "**Approximate boundaries.** The borders on this map are built from kelurahan label points, not official "
        "boundaries. Install BIG's official boundaries with `python -m kpi.geo install FILE`.",
    },
    "official": {
        "id": "Batas resmi terpasang: {source} ({date}).",
        "en": "Official boundaries installed: {source} ({date}).",
    },
    "drill_hint": {
        "id": "Klik sebuah kecamatan untuk melihat kelurahannya.",
        "en": "Click a kecamatan to see its kelurahan.",
    },
    "drill_back": {"id": "Kembali ke semua kecamatan", "en": "Back to all kecamatan"},
    "kelurahan_in": {"id": "Kelurahan di Kecamatan {name}", "en": "Kelurahan in Kecamatan {name}"},
    "no_values": {
        "id": "Belum ada nilai untuk indikator ini pada tingkat ini.",
        "en": "No values for this indicator at this level yet.",
    },
    "col_wilayah": {"id": "Wilayah", "en": "Area"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_status": {"id": "Status", "en": "Status"},
    "col_rank": {"id": "Peringkat", "en": "Rank"},
    "sample_badge": {"id": "Data contoh (sintetis)", "en": "Data contoh (sintetis) — synthetic sample"},
    "sample_note": {
        "id": "Angka di dasbor ini adalah data contoh sintetis dari generator deterministik, bukan data resmi.",
        "en": "The figures in this dashboard are a synthetic sample from a deterministic generator, not official data.",
    },
    "data_until": {"id": "Data sampai", "en": "Data up to"},
    "language": {"id": "Bahasa", "en": "Language"},
    "headline_title": {"id": "Indikator utama tingkat kota", "en": "City headline indicators"},
    "delta_help": {
        "id": "Angka di bawah nilai: perubahan dibanding periode sebelumnya.",
        "en": "The figure below the value: change against the previous period.",
    },
    "target": {"id": "Target", "en": "Target"},
    "movers_up": {"id": "Kecamatan yang paling membaik", "en": "Kecamatan that improved most"},
    "movers_down": {"id": "Kecamatan yang paling menurun", "en": "Kecamatan that slipped most"},
    "movers_none": {"id": "Tidak ada dibanding periode sebelumnya.", "en": "None against the previous period."},
    "achievement": {"id": "Capaian", "en": "Achievement"},
    "no_data": {"id": "Tidak ada data", "en": "No data"},
    "load_failed": {
        "id": "Data tidak dapat dimuat. Masalah yang ditemukan:",
        "en": "The data could not be loaded. Problems found:",
    },
    "completeness": {"id": "Kelengkapan laporan", "en": "Report completeness"},
    "period": {"id": "Periode", "en": "Period"},
    "band": {"id": "Mutu/zona resmi", "en": "Official grade"},
}


def _merge_page_texts() -> None:
    """Add the texts of every ui/text_<page>.py module (one per page, so pages never edit this file)."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.iter_modules(ui.__path__):
        if module.name.startswith("text_"):
            TEXT.update(importlib.import_module(f"ui.{module.name}").TEXT)


_merge_page_texts()


def lang() -> str:
    """The current language code: the switch's value (kept in the URL as ?lang=en), else Bahasa Indonesia."""
    return state.current("lang", list(LANGS), "id")


def t(key: str, language: str | None = None) -> str:
    """The text for a key in the current (or the given) language."""
    entry = TEXT[key]
    return entry.get(language or lang(), entry["id"])


def labeller(fn):
    """A format_func with the language fixed now: AppTest calls format funcs outside the script run, where the
    current language cannot be read; fixing it at draw time gives the same labels in the app and in tests."""
    language = lang()
    return lambda value: fn(value, language)
