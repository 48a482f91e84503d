"""The office-file corpus (tests/corpus.py) through the store's dry run: each file accepted whole with its rows, or
refused with exactly its problem codes; files committed before it are in the store first."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.store.batches import Store
from tests.corpus import CASES

TODAY = dt.date(2026, 11, 15)


def test_the_corpus_holds_at_least_fifteen_files_of_both_outcomes():
    assert len(CASES) >= 15
    assert any(c.rows for c in CASES) and any(c.codes for c in CASES)
    assert len({c.name for c in CASES}) == len(CASES)


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.pending, strict=True)] if case.pending else []
        yield pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_each_office_file_gets_its_outcome(case, tmp_path, monkeypatch):
    monkeypatch.setenv("TANGSEL_KPI_STORE", str(tmp_path))
    store = Store()
    for name, kind, content in case.before:
        plan = store.plan(content(), kind, name, today=TODAY)
        assert plan.ok, [i.message for i in plan.issues]
        assert store.commit(plan).ok
    before = store.observations() if case.extra.get("untouched") else None
    plan = store.plan(case.content(), case.kind, case.name, today=TODAY)
    codes = {i.code for i in plan.issues}
    if case.codes:
        assert codes == set(case.codes), [i.message for i in plan.issues]
        assert not plan.ok
        return
    assert plan.ok and codes == set(), [i.message for i in plan.issues]
    assert plan.rows == case.rows
    if case.mapping_profile:
        assert plan.mapping.profile == case.mapping_profile
    if case.sheets:
        assert [s.name for s in plan.sheets if s.status == "dibaca"] == list(case.sheets)
    if before is not None:  # another office's numbering leaves this one's records alone
        assert plan.overlap.empty
        assert store.commit(plan).ok
        after = store.observations()
        unit = case.extra["untouched"]
        keep = ["indikator", "periode", "pembilang", "penyebut"]
        assert (
            before[before["kode_wilayah"] == unit][keep]
            .reset_index(drop=True)
            .equals(after[after["kode_wilayah"] == unit][keep].reset_index(drop=True))
        )
