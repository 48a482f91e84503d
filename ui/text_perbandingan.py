"""Texts of the Perbandingan page (merged into ui.i18n.TEXT)."""

TEXT = {
    "banding_title": {"id": "Perbandingan antarwilayah", "en": "Comparing areas"},
    "banding_tab_ranking": {"id": "Peringkat", "en": "Ranking"},
    "banding_tab_heatmap": {"id": "Capaian per indikator", "en": "Achievement by indicator"},
    "banding_tab_radar": {"id": "Radar BerAKHLAK", "en": "BerAKHLAK radar"},
    "banding_tab_scatter": {"id": "Dua indikator", "en": "Two indicators"},
    "banding_ranking_note": {
        "id": "Batang diurutkan dari yang terbaik (bila makin rendah makin baik, nilai terendah di atas); warna batang "
        "adalah warna kecamatan. Garis putus-putus: target; garis titik-titik: nilai kota.",
        "en": "Bars are sorted best first (where lower is better, the lowest value is on top); the bar colour is the "
        "kecamatan's colour. Dashed line: target; dotted line: the city's value.",
    },
    "banding_heatmap_title": {
        "id": "Capaian target per kecamatan dan indikator",
        "en": "Target achievement by kecamatan and indicator",
    },
    "banding_heatmap_note": {
        "id": "Capaian = realisasi dibanding target, dibalik bila makin rendah makin baik: 100% tepat target, biru di "
        "atas target, merah di bawahnya. Tiap indikator pada periode terakhirnya (jenis periode terpilih, atau "
        "frekuensi aslinya bila lebih jarang), tertulis di bawah namanya. Indikator kecamatan dari tingkat "
        "kecamatan; – = tidak ada nilai atau target.",
        "en": "Achievement = value against target, inverted where lower is better: 100% is on target, blue above, "
        "red below. Each indicator at its latest period (the chosen period type, or its own frequency when that "
        "is coarser), shown under its name. Kecamatan level; – = no value or no target.",
    },
    "banding_radar_title": {
        "id": "Nilai dasar BerAKHLAK per kecamatan, {year}",
        "en": "BerAKHLAK core values by kecamatan, {year}",
    },
    "banding_radar_note": {
        "id": "Indeks tiap nilai dasar ASN BerAKHLAK (urutan B-e-r-A-K-H-L-A-K), tahun terakhir yang tersedia; garis "
        "hitam putus-putus: kota. Sumbu radial dimulai dari {start}, bukan 0, agar selisih terlihat.",
        "en": "Index of each BerAKHLAK civil-service core value (in B-e-r-A-K-H-L-A-K order), latest year available; "
        "black dashed line: the city. The radial axis starts at {start}, not 0, so that differences show.",
    },
    "banding_x": {"id": "Indikator sumbu X", "en": "X-axis indicator"},
    "banding_y": {"id": "Indikator sumbu Y", "en": "Y-axis indicator"},
    "banding_scatter_title": {"id": "{y} terhadap {x}, {year}", "en": "{y} against {x}, {year}"},
    "banding_scatter_note": {
        "id": "Kedua indikator dibandingkan per tahun agar indikator bulanan, triwulanan dan semesteran sebanding: "
        "X {x_period}, Y {y_period}. Satu titik per kecamatan; luas titik sebanding dengan jumlah penduduk "
        "(data contoh sintetis, tahun {pop_year}). Garis putus-putus: target.",
        "en": "Both indicators are compared by year so that monthly, quarterly and semesterly indicators line up: "
        "X {x_period}, Y {y_period}. One point per kecamatan; the point's area is proportional to the "
        "population (synthetic sample, year {pop_year}). Dashed lines: targets.",
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
}
