"""Texts of the Data page (pages/4_Data.py), merged into ui.i18n.TEXT."""

TEXT = {
    "data_title": {"id": "Data dan kamus indikator", "en": "Data and indicator dictionary"},
    "data_lingkup": {"id": "Periode dalam tabel", "en": "Periods in the table"},
    "data_lingkup_periode": {"id": "Periode terpilih", "en": "Selected period"},
    "data_lingkup_semua": {"id": "Semua periode", "en": "All periods"},
    "data_tab_table": {"id": "Tabel", "en": "Table"},
    "data_tab_dictionary": {"id": "Kamus indikator", "en": "Indicator dictionary"},
    "data_download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "data_download_xlsx": {"id": "Unduh Excel (XLSX)", "en": "Download Excel (XLSX)"},
    "data_csv_help": {
        "id": "UTF-8, pemisah titik koma dan koma desimal: langsung terbuka rapi di Excel berbahasa Indonesia. "
        "Filter, tanggal data dan sumber data ada di kolom 'Keterangan: …' di ujung kanan.",
        "en": "UTF-8, comma-separated with a decimal point. The filters, the data date and the data source are "
        "in the 'Info: …' columns at the right end.",
    },
    "data_xlsx_help": {
        "id": "Lembar Data (angka asli dengan format desimal), Filter (semua filter, tanggal data, waktu "
        "pembuatan, sumber data) dan Definisi.",
        "en": "Sheets Data (real numbers with decimal formats), Filters (every filter, data date, generation "
        "time, data source) and Definition.",
    },
    "data_rows": {"id": "{n} baris · {indicator} · {periods}", "en": "{n} rows · {indicator} · {periods}"},
    "data_no_rows": {
        "id": "Tidak ada baris untuk pilihan filter ini. Ubah kecamatan, kelurahan atau periode di samping.",
        "en": "No rows for this choice of filters. Change the kecamatan, kelurahan or period in the sidebar.",
    },
    "data_sample_note": {
        "id": "Nilai di tabel ini dan di berkas unduhan adalah **Data contoh (sintetis)**, bukan data resmi; "
        "berkas unduhan juga mencatatnya.",
        "en": "The values in this table and in the downloads are **Data contoh (sintetis)** (a synthetic "
        "sample), not official data; the downloaded files say so too.",
    },
    "data_definition": {"id": "Definisi: {name}", "en": "Definition: {name}"},
    "data_dictionary_intro": {
        "id": "Satu baris per indikator di katalog: definisi, rumus, cara penjumlahan antarperiode dan "
        "antarwilayah, target, pita resmi dan sumber.",
        "en": "One row per indicator in the catalogue: definition, formula, how it adds up over time "
        "and across areas, targets, official bands and source.",
    },
    "data_field": {"id": "Isian", "en": "Field"},
    "data_text": {"id": "Isi", "en": "Value"},
}
