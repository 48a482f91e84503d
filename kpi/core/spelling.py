"""How a wilayah is written: the matching key of a name (case, punctuation, a level prefix and everyday
abbreviations such as 'Pd.' for Pondok set aside), the digits of a code, and when two codes are one typo apart."""

from __future__ import annotations

import re

PREFIXES: dict[str, str | None] = {  # a leading word → the level it names (None: a word to drop, no level)
    "kelurahan": "kelurahan",
    "kel": "kelurahan",
    "desa": "kelurahan",
    "ds": "kelurahan",
    "kecamatan": "kecamatan",
    "kec": "kecamatan",
    "kota": "kota",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "provinsi": "provinsi",
    "prov": "provinsi",
    "administrasi": None,  # Kota Administrasi Jakarta Selatan
    "adm": None,
}
ABBREVIATIONS: dict[str, str] = {  # everyday abbreviations of words in place names, in any position
    "pd": "pondok",
    "pdk": "pondok",
    "kp": "kampung",
    "kmp": "kampung",
    "brt": "barat",
    "tim": "timur",
    "tmr": "timur",
    "utr": "utara",
    "sel": "selatan",
    "slt": "selatan",
}


def digits(text: str) -> str:
    """The digits of a text: '36.74.03.1005' → '3674031005'."""
    return re.sub(r"\D", "", text)


def normalise_name(text: str) -> tuple[str, str | None]:
    """Lower-case, drop spaces and punctuation, strip level prefixes and spell out abbreviations ('Kel. Pd. Jaya' →
    'pondokjaya'); return (key, the level a prefix named, or None)."""
    words = re.sub(r"[^a-z0-9]+", " ", str(text).lower()).split()
    hint = None
    while len(words) > 1 and words[0] in PREFIXES:
        hint = PREFIXES[words.pop(0)] or hint
    return "".join(ABBREVIATIONS.get(word, word) for word in words), hint


def one_edit(typed: str, known: str) -> bool:
    """Whether `typed` is `known` or one typo away from it: one character changed, added, left out, or two
    neighbours swapped."""
    if typed == known:
        return True
    if len(typed) == len(known):
        wrong = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        swapped = len(wrong) == 2 and wrong[1] == wrong[0] + 1 and typed[wrong[0]] == known[wrong[1]]
        return len(wrong) == 1 or (swapped and typed[wrong[1]] == known[wrong[0]])
    short, long = sorted((typed, known), key=len)
    if len(long) - len(short) != 1:
        return False
    first = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[first:] == long[first + 1 :]
