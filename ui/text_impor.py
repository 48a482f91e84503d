"""Texts of the Impor Data page (pages/5_Impor.py), merged into ui.i18n.TEXT."""

TEXT = {
    "impor": {"id": "Impor Data", "en": "Import data"},
    "impor_title": {"id": "Impor data", "en": "Import data"},
    "impor_intro": {
        "id": "Muat catatan layanan (permohonan, aduan, jawaban survei IKM) atau tabel observasi. Berkas diperiksa "
        "dulu (uji coba) dan baru disimpan bila Anda menekan **Simpan**; penyimpanan bersifat semua-atau-"
        "tidak-sama-sekali, dan setiap batch dapat dibatalkan.",
        "en": "Load service records (requests, complaints, IKM survey answers) or an observation table. The file "
        "is checked first (a dry run) and saved only when you press **Save**; saving is all-or-nothing, "
        "and every batch can be rolled back.",
    },
    "impor_source_sample": {
        "id": "Dasbor sekarang menampilkan **Data contoh (sintetis)** bawaan. Setelah impor pertama, "
        "dasbor menampilkan data dari penyimpanan impor.",
        "en": "The dashboard now shows the embedded **Data contoh (sintetis)** (synthetic sample). After "
        "the first import it shows the data in the import store.",
    },
    "impor_source_store": {
        "id": "Dasbor sekarang menampilkan data dari penyimpanan impor ({n} batch aktif).",
        "en": "The dashboard now shows the data in the import store ({n} active batches).",
    },
    "impor_source_store_sample": {
        "id": "Dasbor menampilkan data dari penyimpanan impor ({n} batch aktif); sebagian berasal dari "
        "**Data contoh (sintetis)**.",
        "en": "The dashboard shows the data in the import store ({n} active batches); some of it is "
        "**Data contoh (sintetis)** (synthetic sample).",
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
        "id": "{n} masalah ditemukan. Tidak ada yang disimpan. Perbaiki berkas sesuai kolom *pesan*, lalu "
        "unggah kembali.",
        "en": "{n} problems found. Nothing was saved. Fix the file as each *message* says, then upload it again.",
    },
    "impor_problems_download": {"id": "Unduh daftar masalah (CSV)", "en": "Download the problem list (CSV)"},
    "impor_already": {
        "id": "Berkas yang sama persis sudah diimpor sebagai batch {batch} ({file}, {when}). Mengimpornya lagi "
        "tidak mengubah apa pun.",
        "en": "Exactly the same file was already imported as batch {batch} ({file}, {when}). Importing it "
        "again changes nothing.",
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
        "id": "{n} catatan sudah ada di penyimpanan dari batch sebelumnya.",
        "en": "{n} records are already in the store from earlier batches.",
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
    "impor_done": {"id": "Tersimpan.", "en": "Saved."},
    "impor_col_indicator": {"id": "Indikator", "en": "Indicator"},
    "impor_col_area": {"id": "Wilayah", "en": "Area"},
    "impor_col_period": {"id": "Periode", "en": "Period"},
    "impor_col_before": {"id": "Sebelum", "en": "Before"},
    "impor_col_after": {"id": "Sesudah", "en": "After"},
    "impor_col_change": {"id": "Selisih", "en": "Change"},
    "impor_history_empty": {"id": "Belum ada batch yang diimpor.", "en": "No batch has been imported yet."},
    "impor_rollback": {"id": "Batalkan batch", "en": "Roll back batch"},
    "impor_rollback_pick": {"id": "Batch yang dibatalkan", "en": "Batch to roll back"},
    "impor_rollback_confirm": {
        "id": "Saya paham: catatan batch ini dihapus dan catatan yang digantikannya dipulihkan.",
        "en": "I understand: this batch's records are removed and the records it replaced come back.",
    },
    "impor_audit": {"id": "Log audit", "en": "Audit log"},
    "impor_formats_intro": {
        "id": "Satu baris per catatan. Nama kolom boleh huruf besar/kecil; tanggal boleh 2026-10-03, "
        "03/10/2026 atau sel tanggal Excel (hari lebih dulu). Kelurahan boleh kode Kemendagri, "
        "kode BPS atau nama.",
        "en": "One row per record. Column names are case-insensitive; dates may be 2026-10-03, "
        "03/10/2026 or Excel date cells (day first). Kelurahan may be a Kemendagri code, a BPS "
        "code or a name.",
    },
    "impor_template_csv": {"id": "Templat CSV", "en": "CSV template"},
    "impor_template_xlsx": {"id": "Templat XLSX", "en": "XLSX template"},
    "impor_cli": {
        "id": "Dari baris perintah: `python -m kpi.importer BERKAS --kind {kind}` (uji coba), tambahkan `--commit` "
        "untuk menyimpan.",
        "en": "From the command line: `python -m kpi.importer FILE --kind {kind}` (dry run); add `--commit` to save.",
    },
}
