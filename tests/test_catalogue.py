"""The indicator catalogue: the shipped file loads, and a bad one is refused naming indicator and field."""

import copy

import pytest
import yaml

from kpi.core.catalogue import DEFAULT_PATH, CatalogueError, UnknownIndicator, load_catalogue, parse_catalogue
from kpi.core.methods.bands import load_band_sets

REQUIRED_IDS = {
    "ikm",
    "layanan_daring",
    "selesai_tepat_waktu",
    "waktu_penyelesaian",
    "aduan_tindak_lanjut",
    "aduan_per_10rb",
    "kepatuhan_ombudsman",
    "tte",
    "epresensi",
    "realisasi_anggaran",
    "berakhlak",
}


@pytest.fixture(scope="module")
def doc():
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_shipped_catalogue_loads():
    cat = load_catalogue()
    assert set(cat.ids) >= REQUIRED_IDS
    subs = [i for i in cat.indicators if i.id.startswith("berakhlak_")]
    assert sorted(i.berakhlak for i in subs) == sorted(cat.berakhlak)  # one sub-index per core value (7)
    assert len(subs) == 7
    assert cat.get("ikm").bands == "ikm_mutu" and cat.get("ikm").frequency == "semester"
    assert cat.get("waktu_penyelesaian").direction == "lower"
    assert cat.get("aduan_per_10rb").denominator_over_time == "last"
    assert {i.category for i in cat.indicators} == {"pelayanan_publik", "digitalisasi", "akuntabilitas", "sdm_aparatur"}


def test_unknown_indicator_lists_known_ids():
    with pytest.raises(UnknownIndicator, match="layanan_daring"):
        load_catalogue().get("tidak_ada")


def test_target_profile_scales_cumulative_targets():
    ind = load_catalogue().get("realisasi_anggaran")
    assert ind.target_for("2026") == pytest.approx(95)
    assert ind.target_for("2026-06") == pytest.approx(95 * 0.45)
    assert ind.target_for("2026-Q3") == pytest.approx(95 * 0.70)  # the quarter's last month
    assert load_catalogue().get("ikm").target_for("2026-S1") == 86
    assert load_catalogue().get("ikm").target_for("2030-S1") is None


def _broken(doc, index, **changes):
    bad = copy.deepcopy(doc)
    rec = bad["indicators"][index]
    for key, val in changes.items():
        if val is None:
            rec.pop(key, None)
        else:
            rec[key] = val
    return bad


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"direction": None}, "direction", "wajib diisi"),
        ({"type": "persentase"}, "type", "tidak dikenal"),
        ({"targets": {2026: 120}}, "targets", "di luar rentang"),
        ({"level": "provinsi"}, "level", "tidak dikenal"),
        ({"bands": "ikm_versi_lama"}, "bands", "tidak dikenal"),
        ({"factor": 1}, "factor", "faktor 100"),
        ({"headlin": True}, "headlin", "maksudnya 'headline'?"),  # a typo is named, never silently ignored
        ({"warna": "biru"}, "warna", "isian yang dikenal: id, label"),
        ({"decimals": 1.5}, "decimals", "bilangan bulat 0–6"),
        ({"headline": "ya"}, "headline", "true atau false"),
        ({"id": "Layanan Daring"}, "id", "huruf kecil"),
        (
            {"period_date": "permohonan.tanggal"},
            "period_date",
            "'permohonan.tanggal' tidak dikenal; pilih salah satu dari permohonan.diajukan, permohonan.selesai, "
            "aduan.diterima, survei.tanggal",
        ),
        (
            {"label": {"id": "Aduan per 10", "en": "x", "000 penduduk": None}},
            "label",
            "tanda kutip",
        ),  # an unquoted comma
    ],
)
def test_bad_record_is_refused_naming_indicator_and_field(doc, changes, field, words):
    index = [r["id"] for r in doc["indicators"]].index("layanan_daring")
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(_broken(doc, index, **changes), load_band_sets())
    messages = [i.message for i in err.value.issues]
    name = changes.get("id") or "layanan_daring"
    assert any(f"'{name}'" in m and f"'{field}'" in m and words in m for m in messages), messages


def test_duplicate_id_is_refused(doc):
    bad = copy.deepcopy(doc)
    bad["indicators"].append(copy.deepcopy(bad["indicators"][0]))
    with pytest.raises(CatalogueError, match="'ikm', isian 'id': id ganda"):
        parse_catalogue(bad, load_band_sets())


def test_every_problem_is_listed_at_once(doc):
    bad = _broken(doc, 1, direction=None, type="x")
    bad = _broken(bad, 2, targets={2026: -5})
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(bad, load_band_sets())
    assert len(err.value.issues) == 3


def test_records_without_an_id_are_refused_not_crashed(doc):
    bad = _broken(doc, 1, id=None)
    bad = _broken(bad, 2, id=None)
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(bad, load_band_sets())
    messages = [i.message for i in err.value.issues]
    assert (
        messages
        == ["Indikator '(tanpa id)', isian 'id': wajib diisi: huruf kecil, angka dan garis bawah, mis. layanan_daring."]
        * 2
    )


def test_a_rate_factor_must_be_a_positive_number(doc):
    index = [r["id"] for r in doc["indicators"]].index("aduan_per_10rb")
    with pytest.raises(CatalogueError, match=r"'aduan_per_10rb', isian 'factor': '0' harus angka lebih dari 0"):
        parse_catalogue(_broken(doc, index, factor=0), load_band_sets())


def test_raw_derived_indicators_declare_the_date_that_places_a_record_in_a_period():
    cat = load_catalogue()
    declared = {i.id: i.period_date for i in cat.indicators if i.period_date is not None}
    assert declared == {
        "ikm": "survei.tanggal",  # survey date
        "ikm_kecamatan": "survei.tanggal",
        "layanan_daring": "permohonan.diajukan",  # submission
        "selesai_tepat_waktu": "permohonan.selesai",  # completion
        "waktu_penyelesaian": "permohonan.selesai",
        "aduan_tindak_lanjut": "aduan.diterima",  # receipt
        "aduan_per_10rb": "aduan.diterima",
    }


def test_period_dates_are_date_columns_of_the_record_kinds():
    from kpi.core.catalogue import PERIOD_DATES
    from kpi.inputs.kinds import KINDS

    for value in PERIOD_DATES:
        kind, column = value.split(".")
        types = {c.name: c.type for c in KINDS[kind].columns}
        assert types.get(column) in ("datetime", "date"), value


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"factor": 100}, "factor", "rollup 'ikm_pooled' memakai faktor 1"),
        ({"numerator_over_time": "last"}, "numerator_over_time", "menjumlahkan jawaban antarperiode; isi 'sum'"),
        ({"denominator_over_time": "mean"}, "denominator_over_time", "menjumlahkan jawaban antarperiode"),
        ({"numerator": None}, "denominator", "perlu deskripsi pembilang dan penyebut"),
        ({"rollup": "ikm_digabung"}, "rollup", "pilih salah satu dari ratio, mean, sum, ikm_pooled"),
    ],
)
def test_a_pooled_indicator_is_refused_when_its_rules_break(doc, changes, field, words):
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(_broken(doc, 0, **changes), load_band_sets())
    messages = [i.message for i in err.value.issues]
    assert any(f"'ikm', isian '{field}'" in m and words in m for m in messages), messages


def test_pooled_indicators_declare_their_component_rows():
    cat = load_catalogue()
    assert [i.id for i in cat.indicators if i.rollup == "ikm_pooled"] == ["ikm", "ikm_kecamatan"]
    assert cat.get("ikm").components == tuple(f"ikm.u{u}" for u in range(1, 10))
    assert cat.get("layanan_daring").components == () and cat.get("ikm").has_denominator
    u3 = cat.components["ikm_kecamatan.u3"]
    assert (u3.indicator.id, u3.part, u3.level, u3.frequency, u3.range, u3.factor) == (
        "ikm_kecamatan",
        "u3",
        "kecamatan",
        "semester",
        (1.0, 4.0),
        1.0,
    )
    assert set(cat.observed) == set(cat.ids) | set(cat.components)
