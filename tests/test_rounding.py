"""One rounding rule (issue 12, item 5): ranks, map classes and target status use the value as displayed, half up at
the indicator's decimals, like the official bands and the number format. numpy's np.round rounds half to even
(97.25 → 97.2), so before this rule 97.25 (shown 97,3) tied 97.2, a value shown 6,3 fell in the class labelled 6,2
and a value shown 95,0 against a target of 95,0 was "Mendekati target"."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from charts.classify import classify
from kpi.core.rounding import half_up, round_half_up
from kpi.metrics.rankings import add_ranks
from kpi.metrics.targets import add_targets
from kpi.report.numfmt import number

CASES = [  # value, decimals, half up
    (97.25, 1, 97.3),  # np.round: 97.2
    (6.25, 1, 6.3),  # np.round: 6.2
    (0.125, 2, 0.13),
    (88.305, 2, 88.31),
    (2.675, 2, 2.68),
    (-0.005, 2, -0.01),  # half away from zero
    (94.96, 1, 95.0),
    (94.94, 1, 94.9),
    (2.5, 0, 3.0),
    (76.604, 2, 76.6),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), CASES)
def test_one_value_rounds_half_up(value, decimals, expected):
    assert round_half_up(value, decimals) == expected


def test_the_vectorised_rule_equals_the_scalar_one_with_decimals_per_value():
    values = [c[0] for c in CASES] + [math.nan, math.inf, -math.inf]
    decimals = [c[1] for c in CASES] + [1, 1, 1]
    got = half_up(values, decimals)
    assert got[: len(CASES)].tolist() == [c[2] for c in CASES]
    assert math.isnan(got[-3]) and got[-2] == math.inf and got[-1] == -math.inf
    assert np.round(97.25, 1) == 97.2  # the half-to-even rule this replaces: the case can fail


def test_half_up_agrees_with_the_scalar_rule_on_many_values():
    rng = np.random.default_rng(12)
    values = np.round(rng.uniform(-100, 100, 5000), 3) + np.repeat([0.0, 0.0005], 2500)
    for decimals in (0, 1, 2):
        assert half_up(values, decimals).tolist() == [round_half_up(v, decimals) for v in values]


def _table(indikator: str, values: list[float], periode: str = "2026-03") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indikator": indikator,
            "tingkat": "kecamatan",
            "kode_wilayah": [f"k{i}" for i in range(len(values))],
            "periode": periode,
            "nilai": values,
        }
    )


def test_ranks_follow_the_displayed_value(tiny_catalogue):
    # daring has 1 decimal: 97.25 is shown 97,3 and ranks above 97.2 (shown 97,2); 97.24 is shown 97,2 and ties it.
    ranked = add_ranks(_table("daring", [97.2, 97.25, 97.24]), tiny_catalogue)
    assert ranked["peringkat"].tolist() == [2, 1, 2]


def test_a_map_class_holds_the_values_displayed_with_its_label(tiny_catalogue):
    # Three distinct displayed values (6,2; 6,3; 7,0) get one class each; 6.25 is shown 6,3, so it is in "6,3".
    ind = tiny_catalogue.get("daring")
    values = pd.Series([6.2, 6.25, 7.0, 6.3])
    classes = classify(values, ind, n=5)
    labels = [classes.label_of(code) for code in classes.codes]
    assert labels == ["6,2", "6,3", "7,0", "6,3"]
    assert labels == [number(v, ind.decimals, "id") for v in values]


def test_status_is_judged_on_the_displayed_value(tiny_catalogue):
    # anggaran: target 95 in 2026, 1 decimal, near 0.9. 94.96 is shown 95,0: capaian 100,0 %, tercapai.
    # 94.94 is shown 94,9: capaian 94,9 / 95 = 99,89… %, mendekati. 85.44 is shown 85,4: 89,89… %, belum tercapai.
    out = add_targets(_table("anggaran", [94.96, 94.94, 85.44], periode="2026"), tiny_catalogue)
    assert out["capaian"].round(2).tolist() == [100.0, 99.89, 89.89]
    assert out["status"].tolist() == ["tercapai", "mendekati", "belum_tercapai"]
