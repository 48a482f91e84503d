"""Interface texts in Bahasa Indonesia (default) and English, and the current language."""
from __future__ import annotations

import streamlit as st

LANGS = {"id": "Bahasa Indonesia", "en": "English"}

TEXT = {
    "app_title": {"id": "Kinerja Layanan Kota Tangerang Selatan",
                  "en": "Service Performance, Kota Tangerang Selatan"},
    "ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "sample_badge": {"id": "Data contoh (sintetis)", "en": "Data contoh (sintetis) — synthetic sample"},
    "sample_note": {"id": "Angka di dasbor ini adalah data contoh sintetis dari generator deterministik, bukan data resmi.",
                    "en": "The figures in this dashboard are a synthetic sample from a deterministic generator, not official data."},
    "data_until": {"id": "Data sampai", "en": "Data up to"},
    "language": {"id": "Bahasa", "en": "Language"},
    "headline_title": {"id": "Indikator utama tingkat kota", "en": "City headline indicators"},
    "delta_help": {"id": "Angka di bawah nilai: perubahan dibanding periode sebelumnya.",
                   "en": "The figure below the value: change against the previous period."},
    "target": {"id": "Target", "en": "Target"},
    "achievement": {"id": "Capaian", "en": "Achievement"},
    "no_data": {"id": "Tidak ada data", "en": "No data"},
    "load_failed": {"id": "Data tidak dapat dimuat. Masalah yang ditemukan:", "en": "The data could not be loaded. Problems found:"},
    "completeness": {"id": "Kelengkapan laporan", "en": "Report completeness"},
    "period": {"id": "Periode", "en": "Period"},
    "band": {"id": "Mutu/zona resmi", "en": "Official grade"},
}


def lang() -> str:
    """The current language code: from the URL (?lang=en), else Bahasa Indonesia."""
    code = st.query_params.get("lang", "id")
    return code if code in LANGS else "id"


def t(key: str) -> str:
    """The text for a key in the current language."""
    entry = TEXT[key]
    return entry.get(lang(), entry["id"])
