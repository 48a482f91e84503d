"""Percentages and fractions in an observation file: the two ways offices most often give a share wrongly.

- **A percentage only.** A ratio indicator (rollup `ratio` or `ikm_pooled`) is reported as its counts, pembilang and
  penyebut, so that kecamatan, city and longer-period values are sums of counts divided, never means of
  percentages. Offices report the percentage: `nilai` filled, `pembilang` and `penyebut` empty (or their columns
  missing). That is one cause, so it gets one message per indicator, with the number of rows, the first rows and the
  counts to report, from the catalogue's numerator and denominator texts (instead of two messages per row).
- **A likely fraction.** An Excel cell formatted as a percent holds 0,8425 for what it shows as 84,25 %. On a 0–100
  scale (the indicator's range ends at 100) such a value read from `nilai` is accepted as 0,84 points unless it is
  caught. Values from `pembilang` ÷ `penyebut` are counts and are never suspected. A value in (0, 1] is flagged:
  - where the range starts above 1 (IKM 25–100), each such value whose hundredfold lies in the range: it is
    invalid anyway, and the fix is the hundredfold;
  - where the range starts at 1 or below (0–100, so 0,84 would be a valid value), only when nearly every value of
    the indicator in the file lies in (0, 1] (NEARLY_ALL of its values above 0; 0 reads the same either way and is
    not counted) and every yearly target of the indicator is above 1: a genuine score below one point is then
    implausible, while an indicator whose targets are that low keeps its small values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kpi.core.catalogue import Catalogue, Indicator
from kpi.core.issues import Issue, first_rows
from kpi.core.texts import tr

if TYPE_CHECKING:  # the collector lives in kpi.inputs.schema, which imports this module
    from kpi.inputs.schema import Collector

NEARLY_ALL = 0.8  # share of an indicator's values above 0 that must lie in (0, 1] to suspect fractions on 0–100
SCALE_TOP = 100.0  # the upper end of the range on which percent cells are mistaken for fractions


def _num(x: float) -> str:
    """A number the Indonesian way, at most four decimals: 1.234,5."""
    return f"{x + 0.0:,.4f}".rstrip("0").rstrip(".").translate(str.maketrans(",.", ".,"))


def _blank(frame: pd.DataFrame, column: str) -> pd.Series:
    """True where the raw cell is empty or whitespace, everywhere when the column is missing."""
    if column not in frame:
        return pd.Series(True, index=frame.index)
    return frame[column].astype("string").str.strip().fillna("").eq("").astype(bool)


def _indicators(ids: pd.Series, catalogue: Catalogue) -> pd.Series:
    """The Indicator of each row (None for unknown ids and for the components of pooled indicators)."""
    return ids.astype(object).map({i.id: i for i in catalogue.indicators})


def percent_only_rows(frame: pd.DataFrame, ids: pd.Series, catalogue: Catalogue) -> pd.Series:
    """Rows of a ratio indicator that give nilai only: pembilang and penyebut empty (or missing), nilai filled."""
    ratio = _indicators(ids, catalogue).map(lambda i: isinstance(i, Indicator) and i.has_denominator).astype(bool)
    return ratio & _blank(frame, "pembilang") & _blank(frame, "penyebut") & ~_blank(frame, "nilai")


def percent_only(out: pd.DataFrame, only: pd.Series, catalogue: Catalogue, check: Collector) -> None:
    """One problem per indicator given as a percentage only, naming the counts to report instead."""
    missing = "pembilang" not in check.frame or "penyebut" not in check.frame
    fix = tr("inputs.percent_only_add" if missing else "inputs.percent_only_fill")
    for iid, rows in out[only].groupby("indikator", sort=True):
        ind = catalogue.get(str(iid))
        numbers = [int(check.rows.loc[i]) for i in rows.index]
        times = "" if ind.factor == 1 else f" × {_num(ind.factor)}"
        body = tr(
            "inputs.percent_only",
            indicator=ind.id,
            name=ind.text("short"),
            n=len(numbers),
            times=times,
            fix=fix,
            numerator=ind.text("numerator"),
            denominator=ind.text("denominator"),
        )
        first = check.frame.loc[rows.index[0]].get("nilai")
        check.issues.append(
            Issue(
                "hanya_persentase",
                f"Kolom 'pembilang' dan 'penyebut' baris {first_rows(numbers)}: {body}",
                numbers[0],
                "pembilang",
                None if first is None or pd.isna(first) else str(first),
            )
        )


def _suspected(values: pd.Series, ind: Indicator) -> pd.Series:
    """The values of one indicator (read from nilai) that are likely fractions of a 0–100 value."""
    low, high = ind.range
    small = (values > 0) & (values <= 1)
    if high != SCALE_TOP or not small.any():
        return small & False
    if low > 1:
        return small & (values * 100 >= low)
    positive = int((values > 0).sum())
    nearly_all = small.sum() >= NEARLY_ALL * positive
    return small if nearly_all and all(t > 1 for t in ind.targets.values()) else small & False


def likely_fractions(out: pd.DataFrame, catalogue: Catalogue, check: Collector) -> pd.Series:
    """Flag the nilai values of 0–100 indicators that are likely fractions (one problem per indicator); returns the
    rows flagged, which the range rule then leaves alone (one message per cause)."""
    flagged = pd.Series(False, index=out.index)
    inds = _indicators(out["indikator"], catalogue)
    plain = inds.map(lambda i: isinstance(i, Indicator) and not i.has_denominator).astype(bool)
    rows = out[plain & out["nilai"].notna()]
    for iid, group in rows.groupby("indikator", sort=True):
        ind = catalogue.get(str(iid))
        suspect = _suspected(group["nilai"], ind)
        if suspect.any():
            flagged.loc[suspect[suspect].index] = True
            check.issues.append(_fraction_issue(group, suspect, ind, check))
    return flagged


def _fraction_issue(group: pd.DataFrame, suspect: pd.Series, ind: Indicator, check: Collector) -> Issue:
    """The problem of an indicator's likely fractions: how many, where, and the value to enter instead."""
    index = suspect[suspect].index
    numbers = [int(check.rows.loc[i]) for i in index]
    example = float(group.loc[index[0], "nilai"])
    low, high = ind.range
    why = tr("inputs.likely_fraction_below", low=_num(low)) if low > 1 else ""
    body = tr(
        "inputs.likely_fraction",
        n=len(numbers),
        total=int((group["nilai"] > 0).sum()),
        indicator=ind.id,
        name=ind.text("short"),
        low=_num(low),
        high=_num(high),
        unit=ind.text("unit"),
        why=why,
        example=_num(example),
        scaled=_num(example * 100),
    )
    raw = check.frame.loc[index[0]].get("nilai")
    return Issue(
        "kemungkinan_pecahan",
        f"Kolom 'nilai' baris {first_rows(numbers)}: {body}",
        numbers[0],
        "nilai",
        None if raw is None or pd.isna(raw) else str(raw),
    )
