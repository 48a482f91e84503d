"""The text catalogue: every label the dashboard, the exports and the briefing packs show, in Bahasa Indonesia
(id, the default) and English (en). One entry per key; `tr(key, lang, **values)` fills {placeholders}.

Keys are dotted by the concern that shows them (status., level., trend., export., …); the pages' keys are
plain names. tests/test_texts.py checks that every key has both languages and is used somewhere.
"""

from __future__ import annotations

LANGS: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}  # code -> the language's own name

TEXTS: dict[str, dict[str, str]] = {
    # Shared words: status, level, the unit of a change, no data
    "status.tercapai": {"id": "Tercapai", "en": "Achieved"},
    "status.mendekati": {"id": "Mendekati target", "en": "Close to target"},
    "status.belum_tercapai": {"id": "Belum tercapai", "en": "Not achieved"},
    "level.kota": {"id": "Kota", "en": "City"},
    "level.kecamatan": {"id": "Kecamatan", "en": "Kecamatan (district)"},
    "level.kelurahan": {"id": "Kelurahan", "en": "Kelurahan (sub-district)"},
    "unit.points": {"id": "poin", "en": "points"},
    "unit.percent_axis": {"id": "Persen (%)", "en": "Percent (%)"},
    "classes.outside": {"id": "Di luar pita resmi", "en": "Outside the official bands"},
    "frequency.month": {"id": "Bulanan", "en": "Monthly"},
    "frequency.quarter": {"id": "Triwulanan", "en": "Quarterly"},
    "frequency.semester": {"id": "Semesteran", "en": "Half-yearly"},
    "frequency.year": {"id": "Tahunan", "en": "Yearly"},
    # Dashboard frame and pages (ui, pages/, app.py)
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
        "id": "**Batas perkiraan.** Batas wilayah di peta ini dibuat dari titik label kelurahan, bukan batas resmi. Pasang batas resmi BIG (batas desa/kelurahan) dengan `python -m kpi.geo install BERKAS`.",
        "en": "**Approximate boundaries.** The borders on this map are built from kelurahan label points, not official boundaries. Install BIG's official boundaries with `python -m kpi.geo install FILE`.",
    },
    "official": {
        "id": "Batas resmi terpasang: {source} ({date}).",
        "en": "Official boundaries installed: {source} ({date}).",
    },
    "drill_hint": {
        "id": "Klik sebuah kecamatan untuk melihat kelurahannya.",
        "en": "Click a kecamatan to see its kelurahan.",
    },
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
    "period": {"id": "Periode", "en": "Period"},
    "briefing": {"id": "Briefing", "en": "Briefing"},
    "briefing_title": {"id": "Briefing KPI Reformasi Birokrasi", "en": "Bureaucratic reform KPI briefing"},
    "briefing_prev": {"id": "Sebelumnya", "en": "Previous"},
    "briefing_next": {"id": "Berikutnya", "en": "Next"},
    "briefing_counter": {"id": "Slide {n} dari {total}", "en": "Slide {n} of {total}"},
    "briefing_exit": {"id": "Keluar dari mode presentasi", "en": "Leave presenter mode"},
    "briefing_png": {"id": "Slide ini (PNG)", "en": "This slide (PNG)"},
    "briefing_pptx": {"id": "Paket PPTX", "en": "PPTX pack"},
    "briefing_pdf": {"id": "Paket PDF", "en": "PDF pack"},
    "briefing_no_browser": {
        "id": "Slide dan paket tidak dapat dibuat di server ini: Chromium tidak ditemukan. Pasang dengan `apt-get install chromium`.",
        "en": "Slides and packs cannot be made on this server: Chromium was not found. Install it with `apt-get install chromium`.",
    },
    "briefing_failed": {
        "id": "Slide atau paket briefing tidak dapat dibuat di server ({problem}). Coba lagi; bila tetap gagal, buat paket dengan `python -m kpi.briefing`, yang menjelaskan masalahnya.",
        "en": "The briefing slide or pack could not be made on the server ({problem}). Try again; if it still fails, make the pack with `python -m kpi.briefing`, which explains the problem.",
    },
    "briefing_no_headline_data": {
        "id": "Belum ada data indikator utama, jadi belum ada bahan briefing. Impor data di halaman Impor Data.",
        "en": "No headline indicator has data yet, so there is nothing to brief on. Import data on the Import data page.",
    },
    "briefing_period_fallback": {
        "id": "{problem} Yang ditampilkan: {shown}.",
        "en": "{problem} Shown instead: {shown}.",
    },
    "briefing_unknown_kecamatan": {
        "id": "Kecamatan di tautan tidak dikenal dan diabaikan: {codes}. Kecamatan yang ada: {names}.",
        "en": "Unknown kecamatan in the link, ignored: {codes}. The kecamatan are: {names}.",
    },
    "png_slide": {"id": "PNG untuk slide", "en": "PNG for slides"},
    "png_help": {
        "id": "Grafik ini sebagai gambar 1920×1080 untuk slide, dengan periode, filter, tanggal data dan label data contoh di bagian bawah. Dibuat saat diklik (beberapa detik).",
        "en": "This chart as a 1920×1080 image for slides, with the period, filters, data date and the sample label along the bottom. Made when clicked (a few seconds).",
    },
    "png_help_map3d": {
        "id": "Peta 2D indikator ini sebagai gambar 1920×1080 untuk slide (tampilan 3D tidak dapat dicetak), dengan periode, filter, tanggal data dan label data contoh.",
        "en": "The 2D map of this indicator as a 1920×1080 image for slides (the 3D view cannot be printed), with the period, filters, data date and the sample label.",
    },
    "png_no_browser": {
        "id": "Gambar tidak dapat dibuat di server ini: Chromium tidak ditemukan. Pasang dengan `apt-get install chromium`, atau pakai tombol kamera di pojok grafik.",
        "en": "Images cannot be made on this server: Chromium was not found. Install it with `apt-get install chromium`, or use the camera button in the chart's corner.",
    },
    "png_failed": {
        "id": "Grafik tidak dapat digambar sebagai PNG di server ({problem}). Coba lagi; bila tetap gagal, pakai tombol kamera di pojok grafik di dasbor.",
        "en": "The chart could not be drawn as PNG on the server ({problem}). Try again; if it still fails, use the camera button in the chart's corner on the dashboard.",
    },
    "png_period_history": {"id": "{first} – {last}", "en": "{first} – {last}"},
    "png_period_yoy": {"id": "{now} dibanding {then}", "en": "{now} against {then}"},
    "png_period_latest": {"id": "Periode terakhir tiap indikator", "en": "Latest period of each indicator"},
    "data_title": {"id": "Data dan kamus indikator", "en": "Data and indicator dictionary"},
    "data_lingkup": {"id": "Periode dalam tabel", "en": "Periods in the table"},
    "data_lingkup_periode": {"id": "Periode terpilih", "en": "Selected period"},
    "data_lingkup_semua": {"id": "Semua periode", "en": "All periods"},
    "data_tab_table": {"id": "Tabel", "en": "Table"},
    "data_tab_dictionary": {"id": "Kamus indikator", "en": "Indicator dictionary"},
    "data_download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "data_download_xlsx": {"id": "Unduh Excel (XLSX)", "en": "Download Excel (XLSX)"},
    "data_csv_help": {
        "id": "UTF-8, pemisah titik koma dan koma desimal: langsung terbuka rapi di Excel berbahasa Indonesia. Filter, tanggal data dan sumber data ada di kolom 'Keterangan: …' di ujung kanan.",
        "en": "UTF-8, comma-separated with a decimal point. The filters, the data date and the data source are in the 'Info: …' columns at the right end.",
    },
    "data_xlsx_help": {
        "id": "Lembar Data (angka asli dengan format desimal), Filter (semua filter, tanggal data, waktu pembuatan, sumber data) dan Definisi.",
        "en": "Sheets Data (real numbers with decimal formats), Filters (every filter, data date, generation time, data source) and Definition.",
    },
    "data_rows": {"id": "{n} baris · {indicator} · {periods}", "en": "{n} rows · {indicator} · {periods}"},
    "data_no_rows": {
        "id": "Tidak ada baris untuk pilihan filter ini. Ubah kecamatan, kelurahan atau periode di samping.",
        "en": "No rows for this choice of filters. Change the kecamatan, kelurahan or period in the sidebar.",
    },
    "data_sample_note": {
        "id": "Nilai di tabel ini dan di berkas unduhan adalah **Data contoh (sintetis)**, bukan data resmi; berkas unduhan juga mencatatnya.",
        "en": "The values in this table and in the downloads are **Data contoh (sintetis)** (a synthetic sample), not official data; the downloaded files say so too.",
    },
    "data_definition": {"id": "Definisi: {name}", "en": "Definition: {name}"},
    "data_dictionary_intro": {
        "id": "Satu baris per indikator di katalog: definisi, rumus, cara penjumlahan antarperiode dan antarwilayah, target, pita resmi dan sumber.",
        "en": "One row per indicator in the catalogue: definition, formula, how it adds up over time and across areas, targets, official bands and source.",
    },
    "data_field": {"id": "Isian", "en": "Field"},
    "data_text": {"id": "Isi", "en": "Value"},
    "impor": {"id": "Impor Data", "en": "Import data"},
    "impor_title": {"id": "Impor data", "en": "Import data"},
    "impor_source_sample": {
        "id": "Dasbor sekarang menampilkan **Data contoh (sintetis)** bawaan. Setelah impor pertama, dasbor menampilkan data dari penyimpanan impor.",
        "en": "The dashboard now shows the embedded **Data contoh (sintetis)** (synthetic sample). After the first import it shows the data in the import store.",
    },
    "impor_source_store": {
        "id": "Dasbor sekarang menampilkan data dari penyimpanan impor ({n} batch aktif).",
        "en": "The dashboard now shows the data in the import store ({n} active batches).",
    },
    "impor_source_store_sample": {
        "id": "Dasbor menampilkan data dari penyimpanan impor ({n} batch aktif); sebagian berasal dari **Data contoh (sintetis)**.",
        "en": "The dashboard shows the data in the import store ({n} active batches); some of it is **Data contoh (sintetis)** (synthetic sample).",
    },
    "impor_tab_upload": {"id": "Impor berkas", "en": "Import a file"},
    "impor_tab_history": {"id": "Riwayat dan pembatalan", "en": "History and rollback"},
    "impor_tab_formats": {"id": "Format dan templat", "en": "Formats and templates"},
    "impor_kind": {"id": "Jenis data", "en": "Kind of data"},
    "impor_kind_permohonan": {"id": "Permohonan layanan", "en": "Service requests"},
    "impor_kind_aduan": {"id": "Aduan", "en": "Complaints"},
    "impor_kind_survei": {"id": "Survei IKM", "en": "IKM survey"},
    "impor_kind_observasi": {"id": "Observasi indikator", "en": "Indicator observations"},
    "impor_file": {"id": "Berkas (CSV, XLSX atau Parquet)", "en": "File (CSV, XLSX or Parquet)"},
    "impor_file_help": {
        "id": "Lihat tab Format dan templat untuk kolom yang diharapkan.",
        "en": "See the Formats and templates tab for the expected columns.",
    },
    "impor_waiting": {
        "id": "Pilih jenis data, lalu unggah berkas untuk uji coba.",
        "en": "Choose the kind of data, then upload a file for a dry run.",
    },
    "impor_checking": {"id": "Memeriksa berkas dan menghitung KPI…", "en": "Checking the file and computing the KPIs…"},
    "impor_checked": {
        "id": "Uji coba: {file} · {rows} baris · sha256 {sha}",
        "en": "Dry run: {file} · {rows} rows · sha256 {sha}",
    },
    "impor_problems": {
        "id": "{n} masalah ditemukan. Tidak ada yang disimpan. Perbaiki berkas sesuai kolom *pesan*, lalu unggah kembali.",
        "en": "{n} problems found. Nothing was saved. Fix the file as each *message* says, then upload it again.",
    },
    "impor_problems_download": {"id": "Unduh daftar masalah (CSV)", "en": "Download the problem list (CSV)"},
    "impor_problems_grouped": {
        "id": "Satu baris tabel per penyebab: {causes} penyebab untuk {n} masalah. Daftar lengkap per baris ada di "
        "CSV.",
        "en": "One table row per cause: {causes} causes for {n} problems. The CSV lists every row.",
    },
    "impor_already": {
        "id": "Berkas yang sama persis sudah diimpor sebagai batch {batch} ({file}, {when}). Mengimpornya lagi tidak mengubah apa pun.",
        "en": "Exactly the same file was already imported as batch {batch} ({file}, {when}). Importing it again changes nothing.",
    },
    "impor_ok": {
        "id": "Berkas lolos pemeriksaan: {rows} baris siap disimpan.",
        "en": "The file passed every check: {rows} rows ready to save.",
    },
    "impor_synthetic": {
        "id": "Semua id berawalan CONTOH-: batch ini akan ditandai sebagai Data contoh (sintetis).",
        "en": "Every id starts with CONTOH-: this batch will be marked as Data contoh (sintetis).",
    },
    "impor_overlap": {
        "id": "{n} catatan sudah ada di penyimpanan dari batch sebelumnya: nomor yang sama untuk kantor yang sama "
        "(observasi: periode, wilayah dan indikator yang sama).",
        "en": "{n} records are already in the store from earlier batches: the same number for the same office "
        "(observations: the same period, area and indicator).",
    },
    "impor_overlap_choice": {"id": "Catatan yang sudah ada", "en": "Records already in the store"},
    "impor_overlap_replace": {"id": "Ganti dengan isi berkas ini", "en": "Replace them with this file's"},
    "impor_overlap_skip": {"id": "Pertahankan yang lama (lewati)", "en": "Keep the old ones (skip)"},
    "impor_preview": {"id": "Pratinjau: KPI yang akan berubah", "en": "Preview: KPIs that would change"},
    "impor_preview_none": {"id": "Tidak ada nilai KPI yang berubah.", "en": "No KPI value changes."},
    "impor_preview_count": {
        "id": "{n} nilai KPI berubah atau baru; yang terbesar perubahannya di atas.",
        "en": "{n} KPI values change or are new; the largest changes first.",
    },
    "impor_commit": {"id": "Simpan ke penyimpanan", "en": "Save to the store"},
    "impor_history_empty": {"id": "Belum ada batch yang diimpor.", "en": "No batch has been imported yet."},
    "impor_rollback": {"id": "Batalkan batch", "en": "Roll back batch"},
    "impor_rollback_pick": {"id": "Batch yang dibatalkan", "en": "Batch to roll back"},
    "impor_rollback_confirm": {
        "id": "Saya paham: catatan batch ini dihapus dan catatan yang digantikannya dipulihkan.",
        "en": "I understand: this batch's records are removed and the records it replaced come back.",
    },
    "impor_audit": {"id": "Log audit", "en": "Audit log"},
    "impor_formats_intro": {
        "id": "Satu baris per catatan. Nama kolom boleh huruf besar/kecil; tanggal boleh 2026-10-03, 03/10/2026 atau sel tanggal Excel (hari lebih dulu). Kelurahan boleh kode Kemendagri, kode BPS atau nama.",
        "en": "One row per record. Column names are case-insensitive; dates may be 2026-10-03, 03/10/2026 or Excel date cells (day first). Kelurahan may be a Kemendagri code, a BPS code or a name.",
    },
    "impor_template_csv": {"id": "Templat CSV", "en": "CSV template"},
    "impor_template_xlsx": {"id": "Templat XLSX", "en": "XLSX template"},
    "impor_mapping_title": {"id": "Pemetaan kolom", "en": "Column mapping"},
    "impor_mapping_help": {
        "id": "Kolom templat mana diisi kolom berkas mana, dan dasarnya. Ubah pilihan di bawah bila perlu, lalu "
        "periksa ulang: berkas diperiksa lagi dengan pemetaan itu.",
        "en": "Which file column fills which template column, and on what basis. Change the choices below if "
        "needed, then check again: the file is checked again with that mapping.",
    },
    "impor_mapping_required": {
        "id": "Tanda * = kolom wajib. Kolom berkas yang tidak dipilih tidak diimpor.",
        "en": "* = required column. File columns not chosen are not imported.",
    },
    "impor_mapping_apply": {"id": "Periksa ulang dengan pemetaan ini", "en": "Check again with this mapping"},
    "impor_mapping_save_name": {"id": "Simpan pemetaan sebagai profil", "en": "Save the mapping as a profile"},
    "impor_mapping_save": {"id": "Simpan profil", "en": "Save profile"},
    "impor_mapping_save_noname": {"id": "Tulis dulu nama profilnya.", "en": "Write the profile's name first."},
    "impor_mapping_save_incomplete": {
        "id": "Pemetaan baru bisa disimpan sebagai profil sesudah semua kolom wajib terisi.",
        "en": "The mapping can be saved as a profile once every required column is filled.",
    },
    "impor_mapping_saved": {
        "id": "Profil '{name}' disimpan ({file}). Berkas berikutnya dengan judul kolom yang sama memakai profil ini.",
        "en": "Profile '{name}' saved ({file}). The next file with the same column headers uses this profile.",
    },
    "impor_cli": {
        "id": "Dari baris perintah: `python -m kpi.importer BERKAS --kind {kind}` (uji coba), tambahkan `--commit` untuk menyimpan.",
        "en": "From the command line: `python -m kpi.importer FILE --kind {kind}` (dry run); add `--commit` to save.",
    },
    "banding_title": {"id": "Perbandingan antarwilayah", "en": "Comparing areas"},
    "banding_tab_ranking": {"id": "Peringkat", "en": "Ranking"},
    "banding_tab_heatmap": {"id": "Capaian per indikator", "en": "Achievement by indicator"},
    "banding_tab_radar": {"id": "Radar BerAKHLAK", "en": "BerAKHLAK radar"},
    "banding_tab_scatter": {"id": "Dua indikator", "en": "Two indicators"},
    "banding_ranking_note": {
        "id": "Batang diurutkan dari yang terbaik (bila makin rendah makin baik, nilai terendah di atas); warna batang adalah warna kecamatan. Garis putus-putus: target; garis titik-titik: nilai kota.",
        "en": "Bars are sorted best first (where lower is better, the lowest value is on top); the bar colour is the kecamatan's colour. Dashed line: target; dotted line: the city's value.",
    },
    "banding_heatmap_title": {
        "id": "Capaian target per kecamatan dan indikator",
        "en": "Target achievement by kecamatan and indicator",
    },
    "banding_heatmap_note": {
        "id": "Capaian = realisasi dibanding target, dibalik bila makin rendah makin baik: 100% tepat target, biru di atas target, merah di bawahnya. Tiap indikator pada periode terakhirnya (jenis periode terpilih, atau frekuensi aslinya bila lebih jarang), tertulis di bawah namanya. Indikator kecamatan dari tingkat kecamatan; – = tidak ada nilai atau target.",
        "en": "Achievement = value against target, inverted where lower is better: 100% is on target, blue above, red below. Each indicator at its latest period (the chosen period type, or its own frequency when that is coarser), shown under its name. Kecamatan level; – = no value or no target.",
    },
    "banding_radar_title": {
        "id": "Nilai dasar BerAKHLAK per kecamatan, {year}",
        "en": "BerAKHLAK core values by kecamatan, {year}",
    },
    "banding_radar_note": {
        "id": "Indeks tiap nilai dasar ASN BerAKHLAK (urutan B-e-r-A-K-H-L-A-K), tahun terakhir yang tersedia; garis hitam putus-putus: kota. Sumbu radial dimulai dari {start}, bukan 0, agar selisih terlihat.",
        "en": "Index of each BerAKHLAK civil-service core value (in B-e-r-A-K-H-L-A-K order), latest year available; black dashed line: the city. The radial axis starts at {start}, not 0, so that differences show.",
    },
    "banding_x": {"id": "Indikator sumbu X", "en": "X-axis indicator"},
    "banding_y": {"id": "Indikator sumbu Y", "en": "Y-axis indicator"},
    "banding_scatter_title": {"id": "{y} terhadap {x}, {year}", "en": "{y} against {x}, {year}"},
    "banding_scatter_note": {
        "id": "Kedua indikator dibandingkan per tahun agar indikator bulanan, triwulanan dan semesteran sebanding: X {x_period}, Y {y_period}. Satu titik per kecamatan; luas titik sebanding dengan jumlah penduduk (data contoh sintetis, tahun {pop_year}). Garis putus-putus: target.",
        "en": "Both indicators are compared by year so that monthly, quarterly and semesterly indicators line up: X {x_period}, Y {y_period}. One point per kecamatan; the point's area is proportional to the population (synthetic sample, year {pop_year}). Dashed lines: targets.",
    },
    "banding_no_common": {
        "id": "Kedua indikator belum punya tahun yang sama dengan nilai.",
        "en": "The two indicators have no year with values in common yet.",
    },
    "banding_no_berakhlak": {"id": "Belum ada nilai indeks BerAKHLAK.", "en": "No BerAKHLAK index values yet."},
    "banding_no_heatmap": {
        "id": "Belum ada capaian untuk indikator kategori ini.",
        "en": "No achievement values for the indicators of this category yet.",
    },
    "banding_view_failed": {
        "id": "Tampilan ini tidak dapat dibuat; tampilan lain tetap dapat dipakai. Rinciannya tercatat di log server.",
        "en": "This view could not be drawn; the other views still work. The details are in the server log.",
    },
    "tren_title": {"id": "Tren kinerja dari waktu ke waktu", "en": "Performance over time"},
    "tren_view": {"id": "Tampilan grafik", "en": "Chart view"},
    "tren_view_gabungan": {"id": "Satu grafik", "en": "One chart"},
    "tren_view_panel": {"id": "Panel per wilayah", "en": "Panel per area"},
    "tren_limited": {
        "id": "Garis 54 kelurahan sekaligus tidak terbaca, jadi yang tampil adalah kelurahan di Kecamatan {name}. Pilih kecamatan di filter untuk melihat kelurahan lain.",
        "en": "54 kelurahan lines at once are unreadable, so the kelurahan of Kecamatan {name} are shown. Choose kecamatan in the filters to see other kelurahan.",
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
    # The mapping step of an import (kpi.inputs.mapping)
    "mapping.col.target": {"id": "Kolom templat", "en": "Template column"},
    "mapping.col.source": {"id": "Kolom di berkas", "en": "Column in the file"},
    "mapping.col.basis": {"id": "Dasar", "en": "Basis"},
    "mapping.basis.nama": {"id": "nama sama", "en": "same name"},
    "mapping.basis.sinonim": {"id": "nama lain yang dikenal", "en": "known other name"},
    "mapping.basis.profil": {"id": "profil {profile}", "en": "profile {profile}"},
    "mapping.basis.mirip": {
        "id": "ejaan mirip: periksa dan konfirmasi",
        "en": "similar spelling: check and confirm",
    },
    "mapping.basis.pengguna": {"id": "dipilih pengguna", "en": "chosen by the user"},
    "mapping.basis.tidak_ada": {"id": "tidak ada di berkas", "en": "not in the file"},
    "mapping.basis.dipakai_tidak": {"id": "tidak diimpor", "en": "not imported"},
    "mapping.audit": {"id": " Pemetaan kolom: {parts}.", "en": " Column mapping: {parts}."},
    "mapping.audit_profile": {"id": "profil impor '{profile}'", "en": "import profile '{profile}'"},
    "mapping.audit_user": {"id": "dipilih pengguna {pairs}", "en": "chosen by the user {pairs}"},
    "mapping.audit_values": {"id": "nilai diganti {pairs}", "en": "values replaced {pairs}"},
    "impor_suggestions": {
        "id": "Saran penggantian untuk nilai yang tampaknya salah ketik. Periksa, lalu terima untuk memeriksa ulang "
        "berkas dengan nilai pengganti itu (berkas aslinya tidak diubah; penggantian tercatat di log audit).",
        "en": "Suggested replacements for values that look like typos. Check them, then accept to check the file again "
        "with those values (the file itself is not changed; the replacements are kept in the audit log).",
    },
    "impor_suggestions_accept": {"id": "Terima {n} saran penggantian", "en": "Accept {n} suggested replacements"},
    "impor_suggestion.column": {"id": "Kolom", "en": "Column"},
    "impor_suggestion.value": {"id": "Nilai di berkas", "en": "Value in the file"},
    "impor_suggestion.rows": {"id": "Jumlah baris", "en": "Rows"},
    "impor_suggestion.replacement": {"id": "Saran", "en": "Suggestion"},
    # Trend words (kpi.report.trend, charts.trend)
    "trend.partial_point": {
        "id": "Titik berongga di ujung garis titik-titik: periode yang belum lengkap, {periods}.",
        "en": "Open point at the end of a dotted segment: a period not yet complete, {periods}.",
    },
    "trend.city": {"id": "Kota {name}", "en": "{name} (city)"},
    "trend.change": {"id": "Perubahan", "en": "Change"},
    "trend.direction": {"id": "Arah", "en": "Direction"},
    "trend.arah.membaik": {"id": "Membaik", "en": "Improved"},
    "trend.arah.memburuk": {"id": "Memburuk", "en": "Worsened"},
    "trend.arah.tetap": {"id": "Tetap", "en": "Unchanged"},
    "trend.units": {
        "id": "Nilai dalam {unit}, perubahan dalam {change}.",
        "en": "Values in {unit}, changes in {change}.",
    },
    # Generated sentences (kpi.report.narrative)
    "narrative.up": {"id": "naik", "en": "rose"},
    "narrative.down": {"id": "turun", "en": "fell"},
    "narrative.to": {"id": "menjadi", "en": "to"},
    "narrative.same": {"id": "tetap di", "en": "held at"},
    "narrative.against_last_year": {
        "id": "dibanding bulan yang sama setahun sebelumnya (s.d. {until})",
        "en": "against the same months a year earlier (to {until})",
    },
    "narrative.grade.ikm_mutu": {"id": "mutu", "en": "grade"},
    "narrative.grade.ombudsman_zona": {"id": "zona", "en": "zone"},
    "narrative.kec": {"id": "Kecamatan", "en": "Kecamatan"},
    # Import reports (kpi.report.imports)
    "imports.preview.indikator": {"id": "Indikator", "en": "Indicator"},
    "imports.preview.wilayah": {"id": "Wilayah", "en": "Area"},
    "imports.preview.periode": {"id": "Periode", "en": "Period"},
    "imports.preview.sebelum": {"id": "Sebelum", "en": "Before"},
    "imports.preview.sesudah": {"id": "Sesudah", "en": "After"},
    "imports.preview.selisih": {"id": "Selisih", "en": "Change"},
    "imports.superseded.indikator": {"id": "Indikator", "en": "Indicator"},
    "imports.superseded.wilayah": {"id": "Wilayah", "en": "Area"},
    "imports.superseded.periode": {"id": "Periode", "en": "Period"},
    "imports.superseded.nilai": {"id": "Nilai observasi", "en": "Observation's value"},
    "imports.superseded.sumber": {"id": "KPI dihitung dari catatan", "en": "KPI computed from the records"},
    "imports.superseded_note": {
        "id": "{n} observasi impor tidak ditampilkan sesudah impor ini: KPI di wilayah dan periode itu dihitung dari "
        "catatan mentah. Setiap indikator, wilayah dan periode hanya punya satu sumber, dan catatan mentah yang menang "
        "(lihat README, bagian impor). Observasi itu tetap tersimpan dan berlaku lagi bila batch catatannya "
        "dibatalkan.",
        "en": "{n} imported observations are not shown after this import: the KPIs of those wilayah and periods are "
        "computed from raw records. Each indicator, wilayah and period has one source, and raw records win (see the "
        "README, import section). The observations stay in the store and apply again if the batch of records is "
        "rolled back.",
    },
    "imports.superseded_standing": {
        "id": "{n} observasi impor tidak ditampilkan karena KPI di wilayah dan periode itu dihitung dari catatan "
        "mentah (catatan mentah yang menang; lihat README, bagian impor).",
        "en": "{n} imported observations are not shown because the KPIs of those wilayah and periods are computed "
        "from raw records (raw records win; see the README, import section).",
    },
    "imports.issue.lembar": {"id": "Lembar", "en": "Sheet"},
    "imports.issue.baris": {"id": "Baris", "en": "Row"},
    "imports.issue.kolom": {"id": "Kolom", "en": "Column"},
    "imports.issue.kode": {"id": "Kode", "en": "Code"},
    "imports.issue.pesan": {"id": "Pesan", "en": "Message"},
    "imports.issue.nilai": {"id": "Nilai", "en": "Value"},
    "imports.issue.jumlah": {"id": "Jumlah baris", "en": "Rows"},
    # Problems grouped by cause (kpi.core.issues): one message per rule, column and text, for many rows
    "issues.grouped": {"id": "Kolom '{column}', {place}: {text}", "en": "Column '{column}', {place}: {text}"},
    "issues.one_row": {"id": "baris {row}", "en": "row {row}"},
    "issues.rows": {"id": "{n} baris ({rows})", "en": "{n} rows ({rows})"},
    "issues.sheet_place": {"id": "lembar '{sheet}', {place}", "en": "sheet '{sheet}', {place}"},
    "imports.sheet.lembar": {"id": "Lembar", "en": "Sheet"},
    "imports.sheet.baris": {"id": "Baris", "en": "Rows"},
    "imports.sheet.status": {"id": "Dipakai", "en": "Used"},
    "imports.sheet.dibaca": {"id": "dibaca", "en": "read"},
    "imports.sheet.kosong": {"id": "dilewati: lembar kosong", "en": "skipped: an empty sheet"},
    "imports.sheet.hanya_judul": {
        "id": "dilewati: hanya baris judul, tanpa baris data",
        "en": "skipped: a header row without data rows",
    },
    "imports.sheet.bukan_tabel": {
        "id": "dilewati: baris pertamanya tidak memuat satu pun kolom jenis data ini",
        "en": "skipped: its first row names no column of this kind of data",
    },
    "imports.sheet.ditolak": {"id": "ditolak: lihat daftar masalah", "en": "refused: see the problem list"},
    "imports.sheets_summary": {
        "id": "Lembar buku kerja: {read} dibaca ({rows} baris), {other} dilewati atau ditolak.",
        "en": "Workbook sheets: {read} read ({rows} rows), {other} skipped or refused.",
    },
    "imports.batch.batch_id": {"id": "Batch", "en": "Batch"},
    "imports.batch.jenis": {"id": "Jenis", "en": "Kind"},
    "imports.batch.berkas": {"id": "Berkas", "en": "File"},
    "imports.batch.baris": {"id": "Baris", "en": "Rows"},
    "imports.batch.dimasukkan": {"id": "Dimasukkan", "en": "Inserted"},
    "imports.batch.diganti": {"id": "Diganti", "en": "Replaced"},
    "imports.batch.dilewati": {"id": "Dilewati", "en": "Skipped"},
    "imports.batch.diimpor_pada": {"id": "Diimpor pada (UTC)", "en": "Imported at (UTC)"},
    "imports.batch.status": {"id": "Status", "en": "Status"},
    "imports.batch.sintetis": {"id": "Sintetis", "en": "Synthetic"},
    "imports.batch.sha256": {"id": "sha256", "en": "sha256"},
    # Raw-record formats (kpi.inputs.records, kpi.inputs.kinds)
    "records.describe.kolom": {"id": "Kolom", "en": "Column"},
    "records.describe.wajib": {"id": "Wajib", "en": "Required"},
    "records.describe.isi": {"id": "Isi", "en": "Type"},
    "records.describe.keterangan": {"id": "Keterangan", "en": "Description"},
    "records.describe.contoh": {"id": "Contoh", "en": "Example"},
    "records.describe.nama_lain": {"id": "Nama lain yang diterima", "en": "Other accepted names"},
    "records.required.no": {"id": "tidak", "en": "no"},
    "records.required.column": {"id": "kolom wajib, isi boleh kosong", "en": "column required, cells may be empty"},
    "records.required.yes": {"id": "ya", "en": "yes"},
    "records.type.id": {"id": "teks, unik dalam berkas", "en": "text, unique in the file"},
    "records.type.text": {"id": "teks", "en": "text"},
    "records.type.kelurahan": {"id": "kode atau nama kelurahan", "en": "kelurahan code or name"},
    "records.type.unit": {"id": "kode atau nama kecamatan/kelurahan", "en": "kecamatan or kelurahan code or name"},
    "records.type.choice": {"id": "pilihan", "en": "choice"},
    "records.type.datetime": {
        "id": "tanggal dan jam (hari/bulan/tahun): 2026-10-03 08:15 atau 03/10/2026 08.15",
        "en": "date and time (day first): 2026-10-03 08:15 or 03/10/2026 08.15",
    },
    "records.type.date": {
        "id": "tanggal (hari/bulan/tahun): 2026-10-03 atau 03/10/2026",
        "en": "date (day first): 2026-10-03 or 03/10/2026",
    },
    "records.type.days": {"id": "bilangan bulat ≥ 1", "en": "whole number ≥ 1"},
    "records.type.score": {"id": "skor bulat 1–4", "en": "whole score 1–4"},
    # Codes and names the register does not know (kpi.core.wilayah, kpi.core.outside): the Issue's message
    "wilayah.unknown": {
        "id": "'{value}' bukan kode atau nama wilayah yang dikenal.{hint} Contoh kode yang benar: 36.74.03.1005.",
        "en": "'{value}' is not a known code or name of a wilayah.{hint} An example of a correct code: 36.74.03.1005.",
    },
    "wilayah.did_you_mean": {"id": " Maksud Anda {first}?", "en": " Did you mean {first}?"},
    "wilayah.also_close": {"id": " Yang mirip juga: {others}.", "en": " Also close: {others}."},
    "wilayah.closest": {"id": " Yang paling mirip: {names}.", "en": " Closest: {names}."},
    "wilayah.outside_code": {
        "id": "'{value}' adalah kode {place}, di luar Kota Tangerang Selatan. Hapus barisnya atau perbaiki kodenya "
        "(kode Tangerang Selatan diawali 36.74, mis. 36.74.03.1005).",
        "en": "'{value}' is the code of {place}, outside Kota Tangerang Selatan. Remove the row or correct the code "
        "(codes of Tangerang Selatan begin with 36.74, e.g. 36.74.03.1005).",
    },
    "wilayah.outside_prefix": {
        "id": "'{value}': kode {prefix}.… ada di {place}, di luar Kota Tangerang Selatan. Hapus barisnya atau "
        "perbaiki kodenya (kode Tangerang Selatan diawali 36.74, mis. 36.74.03.1005).",
        "en": "'{value}': a code {prefix}.… lies in {place}, outside Kota Tangerang Selatan. Remove the row or "
        "correct the code (codes of Tangerang Selatan begin with 36.74, e.g. 36.74.03.1005).",
    },
    "wilayah.outside_name": {
        "id": "'{value}' adalah nama {places}, di luar Kota Tangerang Selatan. Hapus barisnya atau tulis kode atau "
        "nama kelurahan Tangerang Selatan yang benar (mis. 36.74.03.1005 atau Pondok Aren).",
        "en": "'{value}' is the name of {places}, outside Kota Tangerang Selatan. Remove the row or write the right "
        "code or name of a kelurahan of Tangerang Selatan (e.g. 36.74.03.1005 or Pondok Aren).",
    },
    "outside.level.provinsi": {"id": "Provinsi", "en": "Province"},
    "outside.level.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "outside.level.kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "outside.level.desa": {"id": "Desa", "en": "Desa (village)"},
    # Maps (charts.maps)
    "maps.approximate": {
        "id": "Batas perkiraan — bukan batas resmi.<br>Pasang batas resmi: python -m kpi.geo install BERKAS",
        "en": "Approximate boundaries — not official.<br>Install official boundaries: python -m kpi.geo install FILE",
    },
    "maps.rank": {"id": "Peringkat {p} dari {n} se-kota", "en": "Rank {p} of {n} in the city"},
    # Comparison figures (charts.comparison)
    "comparison.rank": {"id": "Peringkat {p} dari {n}", "en": "Rank {p} of {n}"},
    "comparison.population": {"id": "Penduduk (data contoh)", "en": "Population (sample)"},
    "comparison.until": {"id": "s.d.", "en": "to"},
    # Briefing deck and slides (briefing)
    "briefing.pack": {"id": "Briefing KPI Reformasi Birokrasi", "en": "Bureaucratic reform KPI briefing"},
    "briefing.city": {"id": "Kota Tangerang Selatan", "en": "Kota Tangerang Selatan"},
    "briefing.all": {"id": "Semua kecamatan", "en": "All kecamatan"},
    "briefing.some": {"id": "Kecamatan: {}", "en": "Kecamatan: {}"},
    "briefing.kelurahan": {"id": "Kelurahan: {}", "en": "Kelurahan: {}"},
    "briefing.kota": {"id": "Tingkat kota", "en": "City level"},
    "briefing.upto": {"id": "Data sampai {}", "en": "Data up to {}"},
    "briefing.sample": {"id": "Data contoh (sintetis)", "en": "Data contoh (sintetis) · synthetic sample"},
    "briefing.sample_long": {
        "id": "Data contoh (sintetis) — bukan data resmi",
        "en": "Data contoh (sintetis) — synthetic sample, not official data",
    },
    "briefing.kpi": {"id": "Indikator utama kota", "en": "City headline KPIs"},
    "briefing.kpi_sub": {
        "id": "Nilai terakhir sampai {}, target, capaian, status dan perubahan",
        "en": "Latest values up to {}, target, achievement, status and change",
    },
    "briefing.map": {"id": "Peta {}", "en": "Map of {}"},
    "briefing.movers": {"id": "Perubahan terbesar: {}", "en": "Biggest movers: {}"},
    "briefing.up": {"id": "Membaik", "en": "Improved"},
    "briefing.down": {"id": "Memburuk", "en": "Slipped"},
    "briefing.none": {"id": "Tidak ada.", "en": "None."},
    "briefing.scorecard": {"id": "Kartu skor indikator utama sampai {}", "en": "Headline scorecard up to {}"},
    "briefing.filters": {"id": "Wilayah: {}", "en": "Areas: {}"},
    "briefing.source": {"id": "Sumber data: {}", "en": "Data source: {}"},
    "briefing.loaded": {"id": "data observasi yang dimuat", "en": "loaded observations"},
    "slides.indikator": {"id": "Indikator", "en": "Indicator"},
    "slides.periode": {"id": "Periode", "en": "Period"},
    "slides.nilai": {"id": "Nilai", "en": "Value"},
    "slides.target": {"id": "Target", "en": "Target"},
    "slides.capaian": {"id": "Capaian", "en": "Achieved"},
    "slides.status": {"id": "Status", "en": "Status"},
    "slides.perubahan": {"id": "Perubahan", "en": "Change"},
    "slides.peringkat": {"id": "Peringkat", "en": "Rank"},
    "slides.of": {"id": "dari", "en": "of"},
    "slides.change_axis": {"id": "Perubahan dari periode sebelumnya", "en": "Change from the previous period"},
    "slides.approx": {"id": "Batas perkiraan — bukan batas resmi", "en": "Batas perkiraan — approximate boundaries"},
    # Exports and the indicator dictionary (kpi.report.export)
    "export.wilayah": {"id": "Wilayah", "en": "Area"},
    "export.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "export.kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "export.kode": {"id": "Kode", "en": "Code"},
    "export.periode": {"id": "Periode", "en": "Period"},
    "export.kode_periode": {"id": "Kode periode", "en": "Period code"},
    "export.indikator": {"id": "Indikator", "en": "Indicator"},
    "export.id": {"id": "ID indikator", "en": "Indicator ID"},
    "export.nilai": {"id": "Nilai", "en": "Value"},
    "export.satuan": {"id": "Satuan", "en": "Unit"},
    "export.target": {"id": "Target", "en": "Target"},
    "export.capaian": {"id": "Capaian (%)", "en": "Achievement (%)"},
    "export.status": {"id": "Status", "en": "Status"},
    "export.perubahan": {"id": "Perubahan", "en": "Change"},
    "export.peringkat": {"id": "Peringkat", "en": "Rank"},
    "export.peringkat_dari": {"id": "Jumlah wilayah diperingkat", "en": "Areas ranked"},
    "export.pembilang": {"id": "Pembilang", "en": "Numerator"},
    "export.penyebut": {"id": "Penyebut", "en": "Denominator"},
    "export.laporan": {"id": "Laporan diterima/diharapkan", "en": "Reports received/expected"},
    "export.laporan_diterima": {"id": "Laporan diterima", "en": "Reports received"},
    "export.laporan_diharapkan": {"id": "Laporan diharapkan", "en": "Reports expected"},
    "export.of": {"id": "dari", "en": "of"},
    "export.kategori": {"id": "Kategori", "en": "Category"},
    "export.jenis_periode": {"id": "Jenis periode", "en": "Period type"},
    "export.tingkat": {"id": "Tingkat wilayah", "en": "Level"},
    "export.bahasa": {"id": "Bahasa", "en": "Language"},
    "export.data_sampai": {"id": "Data sampai", "en": "Data up to"},
    "export.dibuat": {"id": "Dibuat", "en": "Generated"},
    "export.sumber_data": {"id": "Sumber data", "en": "Data source"},
    "export.semua": {"id": "Semua", "en": "All"},
    "export.semua_periode": {"id": "Semua periode", "en": "All periods"},
    "export.dimuat": {"id": "Data observasi yang dimuat", "en": "Loaded observations"},
    "export.meta": {"id": "Keterangan: {}", "en": "Info: {}"},
    "export.sheet_data": {"id": "Data", "en": "Data"},
    "export.sheet_filter": {"id": "Filter", "en": "Filters"},
    "export.sheet_def": {"id": "Definisi", "en": "Definition"},
    "export.isi": {"id": "Isi", "en": "Value"},
    "export.isian": {"id": "Isian", "en": "Field"},
    "export.label": {"id": "Indikator", "en": "Indicator"},
    "export.definisi": {"id": "Definisi", "en": "Definition"},
    "export.rumus": {"id": "Rumus", "en": "Formula"},
    "export.waktu": {"id": "Agregasi antarperiode", "en": "Over time"},
    "export.ruang": {"id": "Agregasi antarwilayah", "en": "Across areas"},
    "export.arah": {"id": "Arah", "en": "Direction"},
    "export.rentang": {"id": "Rentang sah", "en": "Valid range"},
    "export.targets": {"id": "Target per tahun", "en": "Targets by year"},
    "export.pita": {"id": "Pita resmi", "en": "Official bands"},
    "export.berakhlak": {"id": "Nilai BerAKHLAK", "en": "BerAKHLAK value"},
    "export.level": {"id": "Tingkat pengumpulan", "en": "Collected at"},
    "export.frekuensi": {"id": "Frekuensi", "en": "Frequency"},
    "export.sumber": {"id": "Sumber", "en": "Source"},
    "export.higher": {"id": "Makin tinggi makin baik", "en": "Higher is better"},
    "export.lower": {"id": "Makin rendah makin baik", "en": "Lower is better"},
    "export.sum": {"id": "dijumlahkan", "en": "summed"},
    "export.last": {"id": "nilai bulan terakhir (stok)", "en": "last month's value (stock)"},
    "export.mean": {"id": "rata-rata per bulan", "en": "monthly mean"},
    "export.space.ratio": {
        "id": "pembilang dan penyebut dijumlahkan, lalu dibagi (bukan rata-rata rasio)",
        "en": "numerators and denominators summed, then divided (never a mean of ratios)",
    },
    "export.space.ikm_pooled": {
        "id": "jawaban semua responden unit di bawahnya digabung per unsur (jumlah skor ÷ jumlah jawaban), lalu IKM "
        "dihitung ulang; tertimbang jumlah responden bila ada laporan tanpa rincian unsur",
        "en": "the answers of all respondents of the units below pooled per element (score sum ÷ answers), then the "
        "IKM recomputed; weighted by respondents where a report has no element detail",
    },
    "export.time.ikm_pooled": {
        "id": "jawaban semua laporan dalam periode digabung per unsur, lalu IKM dihitung ulang",
        "en": "the answers of every report in the period pooled per element, then the IKM recomputed",
    },
    "export.space.mean": {"id": "rata-rata nilai wilayah di bawahnya", "en": "mean of the values of the areas below"},
    "export.space.sum": {"id": "nilai wilayah di bawahnya dijumlahkan", "en": "values of the areas below summed"},
    "export.time.mean": {"id": "rata-rata laporan dalam periode", "en": "mean of the reports in the period"},
    "export.time.sum": {"id": "laporan dalam periode dijumlahkan", "en": "reports in the period summed"},
    "export.formula.mean": {
        "id": "nilai hasil penilaian (tanpa pembilang dan penyebut)",
        "en": "assessed value (no numerator or denominator)",
    },
    "export.formula.sum": {"id": "jumlah nilai", "en": "sum of the values"},
    "export.profile": {
        "id": "target akhir tahun; target bulanan mengikuti profil kumulatif",
        "en": "year-end targets; monthly targets follow a cumulative profile",
    },
    # A record of another office in the import store (kpi.store.batches): the Indonesian text is the Issue's message
    "store.id_other_office": {
        "id": "'{value}' sudah dipakai untuk {other} di penyimpanan (batch {batch}, berkas '{file}'), sedangkan baris "
        "ini untuk {office}. Satu {column} hanya boleh milik satu kelurahan, dan pilihan ganti (replace) hanya "
        "mengganti catatan kelurahan yang sama, sehingga berkas ditolak. Bila ini catatan lain, beri nomor yang "
        "berbeda (mis. awali dengan kode kelurahannya); bila kelurahan di batch {batch} yang salah, batalkan batch "
        "{batch} lalu impor ulang berkas yang benar.",
        "en": "'{value}' is already used for {other} in the store (batch {batch}, file '{file}'), while this row is "
        "for {office}. A {column} may belong to one kelurahan only, and replace only replaces a record of the same "
        "kelurahan, so the file is refused. If this is another record, give it another number (e.g. start it with "
        "the kelurahan's code); if the kelurahan in batch {batch} is wrong, roll back batch {batch} and import the "
        "correct file again.",
    },
    # Why the import store cannot be used (kpi.store.problems): the message of the command line, the page, the source
    "store.damaged": {
        "id": "Berkas penyimpanan data impor {path} rusak atau bukan basis data DuckDB, sehingga tidak dapat dibuka; "
        "tidak ada yang diubah. Cara memulihkan: hentikan dasbor, pindahkan berkas itu ke tempat lain (mis. ganti "
        "namanya menjadi kpi.duckdb.rusak, beserta kpi.duckdb.wal bila ada), lalu salin cadangan terakhir ke {path}, "
        "atau impor ulang berkas-berkas data dengan python -m kpi.importer BERKAS --kind JENIS --commit.",
        "en": "The import store file {path} is damaged or not a DuckDB database, so it cannot be opened; nothing was "
        "changed. To restore it: stop the dashboard, move the file elsewhere (e.g. rename it kpi.duckdb.rusak, with "
        "kpi.duckdb.wal if there is one), then copy the latest backup to {path}, or import the data files again with "
        "python -m kpi.importer FILE --kind KIND --commit.",
    },
    "store.disk_full": {
        "id": "Disk penuh: tidak ada ruang tersisa di {folder} untuk menulis penyimpanan data impor, sehingga semua "
        "perubahan dibatalkan. Kosongkan ruang di disk itu, atau pindahkan penyimpanan ke disk lain dengan "
        "TANGSEL_KPI_STORE, lalu coba lagi.",
        "en": "Disk full: there is no room left in {folder} to write the import store, so every change was rolled "
        "back. Free space on that disk, or move the store to another disk with TANGSEL_KPI_STORE, then try again.",
    },
    "store.folder_is_a_file": {
        "id": "Folder penyimpanan data impor tidak dapat dibuat: {folder} adalah sebuah berkas, bukan folder, "
        "sehingga {path} tidak dapat ditulis; tidak ada yang diubah. Pindahkan atau ganti nama berkas itu, atau "
        "arahkan TANGSEL_KPI_STORE (atau --store) ke sebuah folder, lalu coba lagi.",
        "en": "The import store's folder cannot be made: {folder} is a file, not a folder, so {path} cannot be "
        "written; nothing was changed. Move or rename that file, or point TANGSEL_KPI_STORE (or --store) to a "
        "folder, then try again.",
    },
    "store.path_is_folder": {
        "id": "Penyimpanan data impor {path} adalah sebuah folder, bukan berkas basis data, sehingga tidak dapat "
        "dibuka; tidak ada yang diubah. Pindahkan atau ganti nama folder itu, atau arahkan --store ke berkas .duckdb "
        "atau ke folder tempat kpi.duckdb disimpan, lalu coba lagi.",
        "en": "The import store {path} is a folder, not a database file, so it cannot be opened; nothing was changed. "
        "Move or rename that folder, or point --store to a .duckdb file or to the folder that holds kpi.duckdb, then "
        "try again.",
    },
    # One source per indicator, wilayah and period (kpi/store/kpis.py): raw records win over observation files
    "store.records_win": {
        "id": "indikator '{indicator}' ({name}) di {n} baris ini memberi angka lain untuk wilayah dan periode yang "
        "KPI-nya sudah dihitung dari catatan {kind} di penyimpanan: {places}. Setiap indikator, wilayah dan periode "
        "hanya punya satu sumber, dan catatan mentah yang menang: bila ada catatan {kind} untuk suatu wilayah dan "
        "periode, {family} di sana dihitung dari catatan itu, agar semuanya dihitung dari himpunan catatan yang sama. "
        "Hapus baris-baris itu dari berkas lalu periksa ulang. Bila angkanya perlu dikoreksi, perbaiki catatan {kind} "
        "lalu impor ulang; bila justru berkas ini yang benar, batalkan dulu batch catatan {kind} itu.",
        "en": "indicator '{indicator}' ({name}) in these {n} rows gives other numbers for wilayah and periods whose "
        "KPIs are already computed from the {kind} records in the store: {places}. Each indicator, wilayah and period "
        "has one source, and raw records win: where there are {kind} records for a wilayah and period, {family} there "
        "are computed from those records, so that all of them are computed from the same set of records. Remove those "
        "rows from the file and check it again. If the numbers need a correction, correct the {kind} records and "
        "import them again; if this file is the right one, roll back that batch of {kind} records first.",
    },
    "store.records_win_and": {"id": "{first} dan {last}", "en": "{first} and {last}"},
    "store.records_win_more_places": {"id": "{places}; dan {n} wilayah lain", "en": "{places}; and {n} more wilayah"},
    # Problems in an input file (kpi.inputs): the Indonesian text is the Issue's message
    "inputs.cut_text": {"id": "{start}… ({n} karakter)", "en": "{start}… ({n} characters)"},
    "inputs.sheet_row": {"id": "lembar '{sheet}' baris {row}", "en": "sheet '{sheet}' row {row}"},
    "inputs.sheet_of_file": {"id": "lembar '{sheet}' berkas '{name}'", "en": "sheet '{sheet}' of file '{name}'"},
    "inputs.sheet_prefix": {"id": "Lembar '{sheet}': {message}", "en": "Sheet '{sheet}': {message}"},
    "inputs.sheet_header": {
        "id": "Lembar '{sheet}': {message} Setiap lembar yang berisi kolom jenis data ini diimpor; bila lembar ini "
        "berisi data lain, hapus lembar itu dari buku kerja atau pindahkan ke berkas lain.",
        "en": "Sheet '{sheet}': {message} Every sheet holding columns of this kind of data is imported; if this sheet "
        "holds other data, delete it from the workbook or move it to another file.",
    },
    "inputs.sheet_other_columns": {
        "id": "Lembar '{sheet}' tidak memiliki kolom yang sama dengan lembar '{first}' (lembar pertama yang dibaca): "
        "kolom yang hanya ada di lembar '{sheet}': {extra}; kolom yang tidak ada di lembar '{sheet}': {lacking}. "
        "Semua lembar yang diimpor dari satu buku kerja harus memiliki kolom yang sama. Samakan baris judulnya, atau "
        "pindahkan lembar itu ke berkas lain.",
        "en": "Sheet '{sheet}' does not have the same columns as sheet '{first}' (the first sheet read): columns only "
        "in sheet '{sheet}': {extra}; columns missing from sheet '{sheet}': {lacking}. All sheets imported from one "
        "workbook must have the same columns. Make their header rows the same, or move that sheet to another file.",
    },
    "inputs.id_same_office": {
        "id": "'{value}' sudah dipakai di {first} untuk {office}; {column} harus unik untuk setiap kantor dalam satu "
        "berkas (kantor lain boleh memakai nomor yang sama). Hapus baris ganda itu atau perbaiki nomornya.",
        "en": "'{value}' is already used on {first} for {office}; {column} must be unique for each office within a "
        "file (another office may use the same number). Delete the repeated row or correct its number.",
    },
    "inputs.id_other_office": {
        "id": "'{value}' sudah dipakai di {first} untuk {other}, sedangkan baris ini untuk {office}; satu {column} "
        "hanya boleh milik satu kelurahan. Bila keduanya catatan yang berbeda, beri nomor yang berbeda (mis. awali "
        "dengan kode kelurahannya); bila catatannya sama, perbaiki kelurahan yang salah.",
        "en": "'{value}' is already used on {first} for {other}, while this row is for {office}; a {column} may "
        "belong to one kelurahan only. If they are different records, give them different numbers (e.g. start them "
        "with the kelurahan's code); if it is the same record, correct the wrong kelurahan.",
    },
    "inputs.days_above_bound": {
        "id": "'{value}' lebih dari {maximum}; {column} paling lama {maximum} hari kerja (sekitar satu tahun kerja), "
        "sehingga angka ini hampir pasti salah ketik. Isi batas waktu menurut standar pelayanan, mis. {example}.",
        "en": "'{value}' is more than {maximum}; {column} is at most {maximum} working days (about one working "
        "year), so this number is almost certainly a typing error. Enter the service standard's time limit, e.g. "
        "{example}.",
    },
    "inputs.more_rows": {"id": "{rows} dan {n} baris lain", "en": "{rows} and {n} more rows"},
    "inputs.column_number": {"id": "kolom ke-{n}", "en": "column {n}"},
    "inputs.mixed_encoding": {
        "id": "Berkas '{name}' mencampur dua pengodean teks: baris {utf8} tertulis dalam UTF-8, sedangkan baris "
        "{other} dalam Windows-1252 (ANSI). Tidak ada satu pengodean yang membaca keduanya dengan benar: huruf seperti "
        "'{word}' akan tersimpan rusak sebagai '{garbled}'. Simpan ulang seluruh berkas dengan satu pengodean, "
        "sebaiknya UTF-8 (di Excel: Simpan Sebagai › CSV UTF-8), lalu unggah kembali.",
        "en": "File '{name}' mixes two text encodings: rows {utf8} are UTF-8, while rows {other} are Windows-1252 "
        "(ANSI). No single encoding reads both correctly: text like '{word}' would be stored garbled as "
        "'{garbled}'. Save the whole file again in one encoding, preferably UTF-8 (in Excel: Save As › CSV UTF-8), "
        "then upload it again.",
    },
    "inputs.control_character": {
        "id": "'{value}' berisi karakter kendali yang tak terlihat (mis. NUL, ditampilkan sebagai \\x00); karakter "
        "seperti itu tidak boleh ada di data dan biasanya terbawa dari sistem lain atau dari berkas yang rusak. Ketik "
        "ulang isi sel itu tanpa karakter tersebut, lalu simpan dan unggah kembali.",
        "en": "'{value}' holds an invisible control character (e.g. NUL, shown as \\x00); such characters must not "
        "be in the data and usually come from another system or a damaged file. Type the cell's content again "
        "without it, then save and upload again.",
    },
    "inputs.replacement_character": {
        "id": "'{value}' berisi karakter pengganti '\ufffd', tanda teksnya sudah rusak karena salah pengodean (huruf "
        "yang tidak terbaca diganti '\ufffd'). Ketik ulang teks yang benar, atau ekspor ulang data dari sumbernya "
        "dengan pengodean UTF-8, lalu unggah kembali.",
        "en": "'{value}' holds the replacement character '\ufffd', a sign that the text was damaged by a wrong "
        "encoding (unreadable letters were replaced by '\ufffd'). Type the correct text again, or export the data "
        "from its source again in UTF-8, then upload it again.",
    },
    "inputs.excel_encrypted": {
        "id": "Berkas '{name}' adalah buku kerja Excel yang dilindungi kata sandi (terenkripsi), sehingga isinya tidak "
        "dapat dibaca. Buka berkas itu di Excel dengan kata sandinya, hapus kata sandi (File › Info › Lindungi Buku "
        "Kerja › Enkripsi dengan Kata Sandi, kosongkan isiannya), simpan, lalu unggah kembali.",
        "en": "File '{name}' is an Excel workbook protected by a password (encrypted), so its content cannot be read. "
        "Open it in Excel with its password, remove the password (File › Info › Protect Workbook › Encrypt with "
        "Password, clear the field), save it, then upload it again.",
    },
    "inputs.excel_legacy": {
        "id": "Berkas '{name}' berformat Excel 97–2003 (.xls) atau dokumen Office lama, bukan buku kerja .xlsx. Buka "
        "berkas itu di Excel atau LibreOffice, simpan sebagai 'Buku Kerja Excel (.xlsx)', lalu unggah kembali.",
        "en": "File '{name}' is in the Excel 97–2003 format (.xls) or another old Office format, not an .xlsx "
        "workbook. Open it in Excel or LibreOffice, save it as 'Excel Workbook (.xlsx)', then upload it again.",
    },
    "inputs.excel_damaged": {
        "id": "Berkas '{name}' rusak atau terpotong (misalnya unduhan atau salinan yang tidak selesai), sehingga buku "
        "kerjanya tidak dapat dibuka. Ambil ulang berkas aslinya, atau buka di Excel lalu simpan ulang sebagai .xlsx, "
        "kemudian unggah kembali.",
        "en": "File '{name}' is damaged or cut off (for instance an unfinished download or copy), so the workbook "
        "cannot be opened. Fetch the original file again, or open it in Excel and save it again as .xlsx, then "
        "upload it again.",
    },
    "inputs.excel_not_workbook": {
        "id": "Berkas '{name}' bukan buku kerja Excel (.xlsx), walaupun berakhiran .xlsx: isinya berformat lain (mis. "
        "arsip ZIP biasa, dokumen Word, atau teks). Buka datanya di Excel lalu simpan sebagai 'Buku Kerja Excel "
        "(.xlsx)', atau beri berkas akhiran yang sesuai isinya (mis. .csv), lalu unggah kembali.",
        "en": "File '{name}' is not an Excel workbook (.xlsx), though it ends in .xlsx: its content is in another "
        "format (e.g. a plain ZIP archive, a Word document, or text). Open the data in Excel and save it as 'Excel "
        "Workbook (.xlsx)', or give the file the extension of its content (e.g. .csv), then upload it again.",
    },
    "inputs.excel_formula": {
        "id": "sel berisi rumus {formula} yang belum pernah dihitung, sehingga berkas tidak menyimpan hasilnya dan sel "
        "ini terbaca kosong (biasanya berkas dibuat oleh program lain). Buka berkas di Excel atau LibreOffice Calc "
        "lalu simpan ulang agar rumus dihitung, atau salin sel-selnya dan tempel sebagai nilai (Tempel Spesial › "
        "Nilai), kemudian unggah kembali.",
        "en": "the cell holds the formula {formula}, which was never calculated, so the file keeps no result and the "
        "cell reads as empty (usually a file written by another program). Open the file in Excel or LibreOffice Calc "
        "and save it again so the formula is calculated, or copy the cells and paste them as values (Paste Special › "
        "Values), then upload it again.",
    },
    "inputs.parquet_damaged": {
        "id": "Berkas '{name}' bukan berkas Parquet yang utuh: penanda format Parquet tidak ditemukan atau isinya "
        "rusak atau terpotong. Ekspor ulang berkas Parquet dari sumbernya (mis. pandas DataFrame.to_parquet), atau "
        "unggah datanya sebagai CSV atau XLSX.",
        "en": "File '{name}' is not a complete Parquet file: the Parquet format markers are missing, or its content "
        "is damaged or cut off. Export the Parquet file from its source again (e.g. pandas DataFrame.to_parquet), or "
        "upload the data as CSV or XLSX.",
    },
    "inputs.date_year_outside": {
        "id": "'{value}' jatuh pada tahun {year}, padahal tanggal harus antara 01/01/{first} dan 31/12/{last}. Periksa "
        "tahunnya (empat angka, mis. 03/10/2026), dan ingat bahwa tanggal dibaca hari/bulan/tahun.",
        "en": "'{value}' falls in the year {year}, but dates must lie between 01/01/{first} and 31/12/{last}. Check "
        "the year (four digits, e.g. 03/10/2026), and remember that dates are read day/month/year.",
    },
    "inputs.period_year_outside": {
        "id": "'{value}' memakai tahun {year}, padahal periode harus dalam tahun {first}–{last}. Periksa tahunnya. {hint}",
        "en": "'{value}' uses the year {year}, but periods must lie in the years {first}–{last}. Check the year. {hint}",
    },
    "inputs.number_above_bound": {
        "id": "'{value}' lebih besar dari batas {maximum} (10^15) untuk angka observasi; angka sebesar itu tidak "
        "mungkin benar untuk indikator mana pun (biasanya ada nol berlebih atau satuannya keliru). Periksa angkanya.",
        "en": "'{value}' is larger than the limit of {maximum} (10^15) for an observation's numbers; no indicator "
        "can have a number that large (usually extra zeros or the wrong unit). Check the number.",
    },
    # Percentages and fractions in an observation file (kpi/inputs/shares.py): one message per indicator
    "inputs.percent_only": {
        "id": "indikator '{indicator}' ({name}) diisi nilai jadinya saja di kolom nilai (mis. persentase) pada {n} "
        "baris, tanpa pembilang dan penyebut. Indikator ini dihitung dari jumlahnya, pembilang ÷ penyebut{times}, agar "
        "nilai kecamatan, kota dan periode yang lebih panjang dihitung dengan benar; persentase saja tidak dapat "
        "dijumlahkan. {fix} pembilang = {numerator}; penyebut = {denominator}. Kolom nilai boleh dikosongkan.",
        "en": "indicator '{indicator}' ({name}) is given only as its final value in the nilai column (e.g. a "
        "percentage) in {n} rows, without pembilang and penyebut. This indicator is computed from its counts, "
        "numerator ÷ denominator{times}, so that kecamatan, city and longer-period values come out right; percentages "
        "alone cannot be added up. {fix} pembilang = {numerator}; penyebut = {denominator}. The nilai column may be "
        "left empty.",
    },
    "inputs.percent_only_fill": {
        "id": "Isi kedua jumlah di setiap baris itu:",
        "en": "Enter both counts in each of those rows:",
    },
    "inputs.percent_only_add": {
        "id": "Tambahkan kolom 'pembilang' dan 'penyebut' di baris judul, lalu isi kedua jumlah di setiap baris itu:",
        "en": "Add the columns 'pembilang' and 'penyebut' to the title row, then enter both counts in each of those "
        "rows:",
    },
    "inputs.likely_fraction": {
        "id": "{n} dari {total} nilai indikator '{indicator}' ({name}) yang lebih dari 0 di berkas ini berada antara 0 "
        "dan 1 (mis. {example}), padahal skalanya {low}–{high} {unit}{why}. Angka seperti itu hampir pasti pecahan "
        "dari sel berformat persen di Excel: {example} berarti {scaled}. Kalikan nilainya dengan 100 (tulis {scaled}, "
        "bukan {example}), atau ubah format sel menjadi angka biasa (bukan persen), lalu unggah kembali.",
        "en": "{n} of the {total} values above 0 of indicator '{indicator}' ({name}) in this file lie between 0 and 1 "
        "(e.g. {example}), but its scale is {low}–{high} {unit}{why}. Such numbers are almost certainly fractions "
        "from Excel cells formatted as percent: {example} means {scaled}. Multiply the values by 100 (enter {scaled}, "
        "not {example}), or format the cells as plain numbers (not percent), then upload again.",
    },
    "inputs.likely_fraction_below": {
        "id": ", dan nilai di bawah {low} tidak sah",
        "en": ", and values below {low} are not valid",
    },
}


class UnknownText(KeyError):
    """A text key that is not in the catalogue."""


def tr(key: str, lang: str = "id", /, **values: object) -> str:
    """The text of a key in a language (Bahasa Indonesia when the language is unknown), placeholders filled."""
    try:
        entry = TEXTS[key]
    except KeyError:
        raise UnknownText(f"Teks '{key}' tidak ada di katalog teks (kpi/core/texts.py).") from None
    shown = entry.get(lang) or entry["id"]
    return shown.format(**values) if values else shown
