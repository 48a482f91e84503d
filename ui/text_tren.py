"""Texts of the Tren page (merged into ui.i18n.TEXT)."""

TEXT = {
    "tren_title": {"id": "Tren kinerja dari waktu ke waktu", "en": "Performance over time"},
    "tren_view": {"id": "Tampilan grafik", "en": "Chart view"},
    "tren_view_gabungan": {"id": "Satu grafik", "en": "One chart"},
    "tren_view_panel": {"id": "Panel per wilayah", "en": "Panel per area"},
    "tren_limited": {
        "id": "Garis 54 kelurahan sekaligus tidak terbaca, jadi yang tampil adalah kelurahan di "
        "Kecamatan {name}. Pilih kecamatan di filter untuk melihat kelurahan lain.",
        "en": "54 kelurahan lines at once are unreadable, so the kelurahan of Kecamatan {name} are shown. "
        "Choose kecamatan in the filters to see other kelurahan.",
    },
    "tren_gaps": {
        "id": "{what} tanpa laporan ditampilkan sebagai celah, bukan nol.",
        "en": "{what}s without reports are shown as gaps, not as zero.",
    },
    "tren_no_data": {
        "id": "Belum ada nilai untuk indikator ini pada wilayah dan jenis periode yang dipilih.",
        "en": "No values for this indicator in the chosen areas and period type yet.",
    },
    "tren_yoy_title": {
        "id": "Perubahan dibanding periode yang sama tahun lalu",
        "en": "Change against the same period last year",
    },
    "tren_yoy_caption": {
        "id": "{now} dibanding {then} (pilih periode lain di filter «Periode»).",
        "en": "{now} against {then} (choose another period with the «Period» filter).",
    },
    "tren_partial": {
        "id": "{period} baru berisi data sampai {until}; pembandingnya bulan yang sama setahun sebelumnya.",
        "en": "{period} only holds data up to {until}; it is compared with the same months a year earlier.",
    },
}
