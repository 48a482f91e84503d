"""kpi/settings.py: the catalogue and the sample follow TANGSEL_KPI_CATALOGUE and TANGSEL_KPI_SAMPLE at call time, and
the loaders that read them are cached per path, so pointing a variable elsewhere needs no restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi import settings
from kpi.core.catalogue import load_catalogue
from kpi.inputs.observations import load_sample
from kpi.metrics import comparison
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("env", "value", "function", "expected"),
    [
        ("TANGSEL_KPI_CATALOGUE", None, settings.indicators_file, DATA / "indicators.yaml"),
        ("TANGSEL_KPI_CATALOGUE", "", settings.indicators_file, DATA / "indicators.yaml"),  # empty means unset
        ("TANGSEL_KPI_CATALOGUE", "/x/katalog.yaml", settings.indicators_file, Path("/x/katalog.yaml")),
        ("TANGSEL_KPI_SAMPLE", None, settings.sample_dir, DATA / "sample"),
        ("TANGSEL_KPI_SAMPLE", "/x/contoh", settings.sample_dir, Path("/x/contoh")),
        ("TANGSEL_KPI_SAMPLE", "/x/contoh", settings.sample_observations_file, Path("/x/contoh/observasi.csv")),
        ("TANGSEL_KPI_SAMPLE", "/x/contoh", settings.sample_population_file, Path("/x/contoh/penduduk_sampel.csv")),
        ("TANGSEL_KPI_SAMPLE", None, settings.sample_observations_file, DATA / "sample" / "observasi.csv"),
    ],
)
def test_paths_follow_the_environment_at_call_time(monkeypatch, env, value, function, expected):
    if value is None:
        monkeypatch.delenv(env, raising=False)
    else:
        monkeypatch.setenv(env, value)
    assert function() == expected


def test_the_shipped_constants_name_the_shipped_files():
    assert settings.INDICATORS_FILE == DATA / "indicators.yaml" and settings.SAMPLE_DIR == DATA / "sample"
    assert settings.SAMPLE_OBSERVATIONS_FILE == settings.SAMPLE_DIR / "observasi.csv"


def test_the_catalogue_is_read_from_the_variable_and_cached_per_path(tmp_path, monkeypatch):
    shipped = load_catalogue()
    assert (
        load_catalogue(settings.INDICATORS_FILE) is shipped and load_catalogue(str(settings.INDICATORS_FILE)) is shipped
    )
    other = tmp_path / "indicators.yaml"
    text = settings.INDICATORS_FILE.read_text(encoding="utf-8")
    other.write_text(text.replace("short: {id: IKM, en: IKM}", "short: {id: IKM kel., en: IKM}", 1), encoding="utf-8")
    monkeypatch.setenv("TANGSEL_KPI_CATALOGUE", str(other))
    assert load_catalogue().get("ikm").text("short") == "IKM kel."
    assert load_catalogue(settings.INDICATORS_FILE) is shipped  # an explicit path still wins
    monkeypatch.delenv("TANGSEL_KPI_CATALOGUE")
    assert load_catalogue() is shipped


def test_the_sample_and_its_population_are_read_from_the_variable(tmp_path, monkeypatch):
    rows = "periode,kode_wilayah,indikator,pembilang,penyebut,nilai\n2026-01,36.74.01.1001,tte,3,4,\n"
    (tmp_path / "observasi.csv").write_text(rows, encoding="utf-8")
    population = "kode_wilayah,tahun,penduduk\n36.74.01.1001,2026,1000\n"
    (tmp_path / "penduduk_sampel.csv").write_text(population, encoding="utf-8")
    monkeypatch.setenv("TANGSEL_KPI_SAMPLE", str(tmp_path))
    result = load_sample(TODAY)
    assert result.ok and result.frame[["indikator", "pembilang", "penyebut"]].values.tolist() == [["tte", 3, 4]]
    assert comparison.load_population()["penduduk"].tolist() == [1000]
    monkeypatch.delenv("TANGSEL_KPI_SAMPLE")
    assert len(comparison.load_population()) == 54 * 6
