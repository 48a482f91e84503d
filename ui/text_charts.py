"""Texts of the chart export under every analysis chart (merged into ui.i18n.TEXT)."""

TEXT = {
    "png_slide": {"id": "PNG untuk slide", "en": "PNG for slides"},
    "png_help": {
        "id": "Grafik ini sebagai gambar 1920×1080 untuk slide, dengan periode, filter, tanggal data dan "
        "label data contoh di bagian bawah. Dibuat saat diklik (beberapa detik).",
        "en": "This chart as a 1920×1080 image for slides, with the period, filters, data date and the sample "
        "label along the bottom. Made when clicked (a few seconds).",
    },
    "png_help_map3d": {
        "id": "Peta 2D indikator ini sebagai gambar 1920×1080 untuk slide (tampilan 3D tidak dapat "
        "dicetak), dengan periode, filter, tanggal data dan label data contoh.",
        "en": "The 2D map of this indicator as a 1920×1080 image for slides (the 3D view cannot be "
        "printed), with the period, filters, data date and the sample label.",
    },
    "png_no_browser": {
        "id": "Gambar tidak dapat dibuat di server ini: Chromium tidak ditemukan. Pasang dengan "
        "`apt-get install chromium`, atau pakai tombol kamera di pojok grafik.",
        "en": "Images cannot be made on this server: Chromium was not found. Install it with "
        "`apt-get install chromium`, or use the camera button in the chart's corner.",
    },
    "png_failed": {
        "id": "Grafik tidak dapat digambar sebagai PNG di server ({problem}). Coba lagi; bila tetap gagal, "
        "pakai tombol kamera di pojok grafik di dasbor.",
        "en": "The chart could not be drawn as PNG on the server ({problem}). Try again; if it still fails, "
        "use the camera button in the chart's corner on the dashboard.",
    },
    "png_period_history": {"id": "{first} – {last}", "en": "{first} – {last}"},
    "png_period_yoy": {"id": "{now} dibanding {then}", "en": "{now} against {then}"},
    "png_period_latest": {"id": "Periode terakhir tiap indikator", "en": "Latest period of each indicator"},
}
