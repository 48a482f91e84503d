"""Tests for kpi.core.methods.bands: official band sets, half-up rounding, scalar/vector classification."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.core.methods import bands
from kpi.core.methods.bands import (
    DEFAULT_PATH,
    BandSetError,
    classify,
    classify_series,
    ikm_mutu,
    load_band_sets,
    ombudsman_zone,
    rb_grade,
    sakip_grade,
)
from kpi.core.rounding import round_half_up


def _code(band: bands.Band | None) -> str | None:
    """Band code or None."""
    return None if band is None else band.code


# --- the official file ------------------------------------------------------------------------------------


def test_default_path_points_to_repo_data_file() -> None:
    assert Path(__file__).resolve().parents[1] / "data" / "bands.yaml" == DEFAULT_PATH
    assert DEFAULT_PATH.is_file()


@pytest.mark.parametrize(
    ("name", "decimals", "codes"),
    [
        ("ikm_mutu", 2, ("A", "B", "C", "D")),
        ("ombudsman_zona", 2, ("hijau", "kuning", "merah")),
        ("rb_sakip", 2, ("AA", "A", "BB", "B", "CC", "C", "D")),
    ],
)
def test_official_band_sets_load_in_order(name: str, decimals: int, codes: tuple[str, ...]) -> None:
    band_set = load_band_sets()[name]
    assert band_set.name == name
    assert band_set.decimals == decimals
    assert tuple(band.code for band in band_set.bands) == codes
    assert band_set.source
    assert all(band.label["id"] and band.label["en"] and band.color for band in band_set.bands)


def test_returned_mapping_is_a_copy_of_the_cache() -> None:
    first = load_band_sets()
    first.pop("ikm_mutu")
    assert "ikm_mutu" in load_band_sets()
    assert load_band_sets(str(DEFAULT_PATH)) == load_band_sets(DEFAULT_PATH)


# --- rounding ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (88.305, 2, 88.31),  # built-in round() gives 88.3 (binary 88.30499999...)
        (2.675, 2, 2.68),  # built-in round() gives 2.67
        (0.125, 2, 0.13),  # built-in round() gives 0.12 (banker's rounding)
        (-0.005, 2, -0.01),  # half away from zero
        (76.604, 2, 76.60),
        (2.5, 0, 3.0),  # built-in round() gives 2
    ],
)
def test_round_half_up(value: float, decimals: int, expected: float) -> None:
    assert round_half_up(value, decimals) == expected


# --- convenience classifiers on the official thresholds ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (88.30, "B"),
        (88.31, "A"),
        (76.60, "C"),
        (76.61, "B"),
        (65.00, "C"),
        (64.99, "D"),
        (25.00, "D"),
        (24.99, None),
        (88.305, "A"),
        (100.0, "A"),
    ],
)
def test_ikm_mutu(value: float, expected: str | None) -> None:
    assert _code(ikm_mutu(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(81.00, "hijau"), (80.99, "kuning"), (51.00, "kuning"), (50.99, "merah"), (0.0, "merah"), (-0.01, None)],
)
def test_ombudsman_zone(value: float, expected: str | None) -> None:
    assert _code(ombudsman_zone(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (90, "A"),
        (90.01, "AA"),
        (100, "AA"),
        (80, "BB"),
        (80.01, "A"),
        (70, "B"),
        (70.01, "BB"),
        (60, "CC"),
        (60.01, "B"),
        (50, "C"),
        (50.01, "CC"),
        (30, "D"),
        (30.01, "C"),
        (0, "D"),
        (-0.01, None),
    ],
)
def test_rb_and_sakip_grade(value: float, expected: str | None) -> None:
    assert _code(rb_grade(value)) == expected
    assert _code(sakip_grade(value)) == expected


def test_band_carries_label_and_color() -> None:
    band = ikm_mutu(90.0)
    assert band is not None
    assert band.label == {"id": "A (Sangat baik)", "en": "A (Very good)"}
    assert band.color == "#1a9850"


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, np.nan, float("inf"), float("-inf")])
def test_missing_or_non_finite_value_has_no_band(value: object) -> None:
    assert ikm_mutu(value) is None  # type: ignore[arg-type]


# --- scalar and vector agree ------------------------------------------------------------------------------

AGREEMENT_TABLE = [
    # (set, value, expected code) -- value rounded half-up to 2 decimals, then compared in band order
    ("ikm_mutu", 88.305, "A"),  # -> 88.31
    ("ikm_mutu", 88.30499999999999, "B"),  # shortest repr 88.30499999999999 -> 88.30
    ("ikm_mutu", 88.3049999999999, "B"),  # -> 88.30
    ("ikm_mutu", 76.605, "B"),  # -> 76.61
    ("ikm_mutu", 76.6049, "C"),  # -> 76.60
    ("ikm_mutu", 64.995, "C"),  # -> 65.00
    ("ikm_mutu", 64.9949, "D"),  # -> 64.99
    ("ikm_mutu", 24.995, "D"),  # -> 25.00
    ("ikm_mutu", 24.994, None),  # -> 24.99, below the last band
    ("ikm_mutu", 0.285, None),  # 0.285 * 100 = 28.499999999999996 in binary
    ("ikm_mutu", float("nan"), None),
    ("ikm_mutu", float("inf"), None),
    ("ombudsman_zona", 80.995, "hijau"),  # -> 81.00
    ("ombudsman_zona", 50.995, "kuning"),  # -> 51.00
    ("ombudsman_zona", 50.994, "merah"),  # -> 50.99
    ("ombudsman_zona", -0.004, "merah"),  # -> -0.00, which is >= 0
    ("ombudsman_zona", -0.005, None),  # -> -0.01 (half away from zero)
    ("rb_sakip", 90.004, "A"),  # -> 90.00, not > 90
    ("rb_sakip", 90.005, "AA"),  # -> 90.01
    ("rb_sakip", 30.004, "D"),  # -> 30.00
    ("rb_sakip", 30.005, "C"),  # -> 30.01
    ("rb_sakip", 0.0, "D"),
]


@pytest.mark.parametrize("set_name", ["ikm_mutu", "ombudsman_zona", "rb_sakip"])
def test_scalar_and_vector_agree_with_hand_worked_codes(set_name: str) -> None:
    rows = [(value, code) for name, value, code in AGREEMENT_TABLE if name == set_name]
    band_set = load_band_sets()[set_name]
    values = pd.Series([value for value, _ in rows], index=[f"r{i}" for i in range(len(rows))], name="skor")
    expected = [code for _, code in rows]
    assert [_code(classify(value, band_set)) for value in values] == expected
    assert classify_series(values, band_set).tolist() == expected


def test_classify_series_keeps_index_name_and_object_dtype() -> None:
    band_set = load_band_sets()["ikm_mutu"]
    values = pd.Series([90.0, None, 10.0, 70.0], index=[7, 3, 5, 1], name="ikm", dtype=object)
    result = classify_series(values, band_set)
    assert result.dtype == object
    assert result.index.tolist() == [7, 3, 5, 1]
    assert result.name == "ikm"
    assert result.tolist() == ["A", None, None, "C"]
    assert result.iloc[1] is None


def test_scalar_and_vector_agree_on_a_dense_grid() -> None:
    band_set = load_band_sets()["ikm_mutu"]
    grid = np.round(np.arange(2400, 10001) * 0.01 + 0.005, 3)  # every half-way point 24.005 .. 100.005
    values = pd.Series(np.concatenate([grid, grid - 1e-9, np.arange(2400, 10001) * 0.01]))
    vector = classify_series(values, band_set).tolist()
    scalar = [_code(classify(value, band_set)) for value in values]
    assert vector == scalar
    assert vector.count(None) > 0 and vector.count("A") > 0


# --- validation of a bad YAML -----------------------------------------------------------------------------

VALID_SET = """\
uji:
  label: {id: Set uji, en: Test set}
  decimals: 2
  source: test
  bands:
    - {code: A, op: ">=", threshold: 80, label: {id: Tinggi, en: High}, color: "#000000"}
    - {code: B, op: ">", threshold: 50, label: {id: Rendah, en: Low}, color: "#ffffff"}
"""


def test_valid_custom_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "bands.yaml"
    path.write_text(VALID_SET, encoding="utf-8")
    band_set = load_band_sets(path)["uji"]
    assert [(band.code, band.op, band.threshold) for band in band_set.bands] == [("A", ">=", 80.0), ("B", ">", 50.0)]
    assert _code(classify(50.0, band_set)) is None  # strict ">" on the last band
    assert _code(classify(50.01, band_set)) == "B"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("threshold: 50", "threshold: 90", ("'uji'", "pita ke-2", "kode 'B'", "'threshold'", "menurun")),
        ("threshold: 50", "threshold: 80", ("'uji'", "pita ke-2", "kode 'B'", "'threshold'")),
        ('op: ">=", threshold: 80', 'op: "=<", threshold: 80', ("'uji'", "pita ke-1", "kode 'A'", "'op'", "=<")),
        ("label: {id: Rendah, en: Low}", "label: {id: Rendah}", ("'uji'", "kode 'B'", "'label.en'")),
        ("label: {id: Tinggi, en: High}", "label: {en: High}", ("'uji'", "kode 'A'", "'label.id'")),
        ("{code: B, ", "{", ("'uji'", "pita ke-2", "'code'")),
        ("code: B", "code: A", ("'uji'", "kode 'A'", "'code'", "unik")),
        ("decimals: 2", "decimals: dua", ("'uji'", "'decimals'")),
        ("threshold: 80", "threshold: tinggi", ("'uji'", "kode 'A'", "'threshold'")),
    ],
)
def test_bad_band_yaml_raises_named_error(tmp_path: Path, old: str, new: str, fragments: tuple[str, ...]) -> None:
    assert old in VALID_SET
    path = tmp_path / "bands.yaml"
    path.write_text(VALID_SET.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BandSetError) as caught:
        load_band_sets(path)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    assert "Aturan:" in message and "Perbaikan:" in message


def test_band_set_error_is_a_value_error() -> None:
    assert issubclass(BandSetError, ValueError)
