"""Texts of the Briefing page, the presenter mode (merged into ui.i18n.TEXT)."""

TEXT = {
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
        "id": "Slide dan paket tidak dapat dibuat di server ini: Chromium tidak ditemukan. Pasang "
        "dengan `apt-get install chromium`.",
        "en": "Slides and packs cannot be made on this server: Chromium was not found. Install it "
        "with `apt-get install chromium`.",
    },
    "briefing_failed": {
        "id": "Slide atau paket briefing tidak dapat dibuat di server ({problem}). Coba lagi; bila tetap "
        "gagal, buat paket dengan `python -m kpi.briefing`, yang menjelaskan masalahnya.",
        "en": "The briefing slide or pack could not be made on the server ({problem}). Try again; if it "
        "still fails, make the pack with `python -m kpi.briefing`, which explains the problem.",
    },
    "briefing_period_fallback": {
        "id": "{problem} Yang ditampilkan: {shown}.",
        "en": "{problem} Shown instead: {shown}.",
    },
    "briefing_unknown_kecamatan": {
        "id": "Kecamatan di tautan tidak dikenal dan diabaikan: {codes}. Kecamatan yang ada: {names}.",
        "en": "Unknown kecamatan in the link, ignored: {codes}. The kecamatan are: {names}.",
    },
}
