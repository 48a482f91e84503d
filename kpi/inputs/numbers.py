"""Number texts as typed by people: decimal comma or point, thousands grouped by '.', ',' or spaces."""

from __future__ import annotations

import decimal as dec
import math
import numbers

import numpy as np
import pandas as pd

ARROW_STRING = "string[pyarrow]"  # RE2-backed string ops: one C++ pass per pattern
NUMBER_KINDS = {  # fullmatch patterns (after normalising) for the number spellings accepted
    "plain": r"[+-]?[0-9]+",  # 12  -3
    "single": r"[+-]?[0-9]*[.,][0-9]+",  # 12,5  12.5  1.234  .5
    "ambiguous": r"[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}",  # 1.234  1,234
    "dot_grouped": r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?",  # 1.234.567  1.234,5
    "comma_grouped": r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?",  # 1,234,567  1,234.5
    "space_grouped": r"[+-]?[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?",  # 1 234,5
}
NUMBER_SPACES = ("\u00a0", "\u202f")  # no-break spaces used as thousands separators
# The largest value of every number read from a file, declared once. Each is checked on the parsed float, before the
# value is cast to an integer or stored: int64 wraps past 2**63, and a float keeps whole numbers exact below 2**53.
UPPER_BOUNDS: dict[str, int] = {
    "days": 250,  # sop_hari_kerja: working days of a service standard, about one working year at most
    "score": 4,  # a survey answer: the scale 1–4 of PermenPANRB 14/2017
    "observation": 10**15,  # pembilang, penyebut and nilai of an observation: a quadrillion, below 2**53
}


def _number_texts(items: list) -> tuple[list[str], pd.Series]:
    """Distinct non-blank texts of a column and their normalised forms (same order)."""
    originals = list({item for item in items if isinstance(item, str) and item.strip()})
    texts = pd.Series(originals, dtype=ARROW_STRING).str.strip().str.replace("\u2212", "-")
    for space in NUMBER_SPACES:
        texts = texts.str.replace(space, " ", regex=False)
    return originals, texts


def _number_kinds(texts: pd.Series) -> pd.DataFrame:
    """One boolean column per accepted number spelling; grouped kinds exclude one-separator texts."""
    kinds = pd.DataFrame(
        {kind: texts.str.fullmatch(pattern).astype(bool) for kind, pattern in NUMBER_KINDS.items()}, index=texts.index
    )
    kinds["dot_grouped"] &= ~kinds["single"]
    kinds["comma_grouped"] &= ~kinds["single"]
    return kinds


def _has(texts: pd.Series, char: str) -> pd.Series:
    """Boolean mask of the texts containing `char`."""
    return texts.str.contains(char, regex=False).astype(bool)


def _decimal_for(texts: pd.Series, kinds: pd.DataFrame) -> str:
    """',' on comma-decimal evidence or Indonesian thousands like '1.234'; '.' otherwise."""
    has_comma, has_dot = _has(texts, ","), _has(texts, ".")
    decided = (kinds["single"] & ~kinds["ambiguous"]) | kinds["space_grouped"]
    if ((decided & has_comma) | kinds["dot_grouped"]).any():
        return ","
    if ((decided & has_dot) | kinds["comma_grouped"]).any():
        return "."
    return "," if (kinds["ambiguous"] & has_dot).any() else "."


def _text_numbers(texts: pd.Series, kinds: pd.DataFrame, decimal: str) -> pd.Series:
    """Float of every text that spells a number, indexed like `texts` (others left out)."""
    thousands = "." if decimal == "," else ","
    group_in_ambiguous = kinds["ambiguous"] & _has(texts, thousands)
    dot_groups = kinds["dot_grouped"] | (group_in_ambiguous & (thousands == "."))
    comma_groups = kinds["comma_grouped"] | (group_in_ambiguous & (thousands == ","))
    valid = texts[kinds.any(axis=1)].str.replace(" ", "", regex=False)
    parts = (
        valid[dot_groups].str.replace(".", "", regex=False),  # comma left is the decimal
        valid[comma_groups].str.replace(",", "", regex=False),
        valid[~dot_groups & ~comma_groups],
    )  # a separator left is decimal
    return pd.concat(parts).str.replace(",", ".", regex=False).astype("float64")


def detect_decimal(values: pd.Series) -> str:
    """The decimal separator ('.' or ',') that a column of number texts most plausibly uses."""
    _, texts = _number_texts(values.tolist())
    return _decimal_for(texts, _number_kinds(texts))


def parse_numbers(values: pd.Series, decimal: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Texts to float64 plus a mask of non-empty texts that are no number; `decimal` settles '1.234'."""
    if decimal not in (None, ".", ","):
        raise ValueError(f"decimal must be '.', ',' or None, not {decimal!r}")
    items = values.tolist()
    originals, texts = _number_texts(items)
    kinds = _number_kinds(texts)
    parsed = _text_numbers(texts, kinds, decimal or _decimal_for(texts, kinds))
    lookup = dict.fromkeys(originals, (math.nan, True))
    lookup.update((originals[i], (n, False)) for i, n in zip(parsed.index.tolist(), parsed.tolist(), strict=True))
    for item in set(items) - lookup.keys():
        lookup[item] = _non_text_number(item)
    numbers_ = np.fromiter((lookup[item][0] for item in items), dtype="float64", count=len(items))
    bad = np.fromiter((lookup[item][1] for item in items), dtype=bool, count=len(items))
    return (
        pd.Series(numbers_, index=values.index, name=values.name),
        pd.Series(bad, index=values.index, name=values.name),
    )


def _non_text_number(value: object) -> tuple[float, bool]:
    """(number, is_bad) for a value that is not non-blank text: blank and missing are not bad."""
    if isinstance(value, str) or value is None or value is pd.NA or value is pd.NaT:
        return math.nan, False
    if isinstance(value, (numbers.Real, dec.Decimal)) and not isinstance(value, (bool, np.bool_)):
        return float(value), False
    return math.nan, True


def above_bound(numbers: pd.Series, kind: str) -> pd.Series:
    """Mask of the parsed numbers above the upper bound of their kind (UPPER_BOUNDS); missing values never are."""
    return pd.Series(numbers.to_numpy(dtype="float64") > UPPER_BOUNDS[kind], index=numbers.index, name=numbers.name)
