"""The text catalogue (kpi/core/texts.py): every key in both languages with the same placeholders, every key used,
and no second catalogue of bilingual words anywhere else in the application."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from kpi.core.texts import LANGS, TEXTS, UnknownText, tr

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "kpi" / "core" / "texts.py"


def application_sources() -> list[Path]:
    """Every Python file of the application (the catalogue itself excluded)."""
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    for package in ("kpi", "charts", "briefing", "ui"):
        files += sorted((ROOT / package).rglob("*.py"))
    return [p for p in files if p != CATALOGUE]


def literals_and_prefixes(sources: list[str]) -> tuple[set[str], set[str]]:
    """The string constants of the sources, and the constant heads of their f-strings (f"status.{code}" -> 'status.')."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if len(node.values) > 1 and head:
                    prefixes.add(head)
    return literals, prefixes


def unused(keys: list[str], sources: list[str], data_words: set[str]) -> list[str]:
    """Keys no source names: neither as a literal, nor as an f-string head followed by a word that appears as a
    literal in the sources or as a word of the data files (e.g. f"narrative.grade.{set}" with 'ikm_mutu' from
    data/bands.yaml)."""
    literals, prefixes = literals_and_prefixes(sources)
    words = literals | data_words

    def used(key: str) -> bool:
        return key in literals or any(key.startswith(p) and key[len(p) :] in words for p in prefixes)

    return [k for k in keys if not used(k)]


def _data_words() -> set[str]:
    words: set[str] = set()
    for path in (ROOT / "data").glob("*.yaml"):
        for token in path.read_text(encoding="utf-8").replace(":", " ").split():
            words.add(token.strip("'\",[]{}"))
    return words


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_both_languages_and_the_same_placeholders(key):
    entry = TEXTS[key]
    assert set(entry) == set(LANGS)
    assert all(isinstance(v, str) and v.strip() for v in entry.values())
    assert _placeholders(entry["id"]) == _placeholders(entry["en"])


def test_every_key_is_used():
    sources = [p.read_text(encoding="utf-8") for p in application_sources()]
    assert unused(sorted(TEXTS), sources, _data_words()) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('tr("status.tercapai", lang)\n', ["status.mendekati", "level.kota"]),
        ('tr(f"status.{code}", lang)\nSTATUSES = ("tercapai", "mendekati")\n', ["level.kota"]),
        ('x = f"level.{lvl}"\n', ["status.tercapai", "status.mendekati", "level.kota"]),  # 'kota' is not a word here
    ],
)
def test_the_used_check_fails_on_an_unused_key(source, expected):
    assert unused(["status.tercapai", "status.mendekati", "level.kota"], [source], set()) == expected


def test_no_other_module_keeps_a_bilingual_word_list():
    """Dicts with 'id' and 'en' string values belong in the catalogue; the record kinds' own names (declared with
    each kind, as indicators declare theirs in data/indicators.yaml) and the month names of kpi.core.periods (parsed
    as well as shown) are the declared exceptions."""
    allowed = {
        ("kpi/inputs/kinds.py", "Permohonan layanan"),
        ("kpi/inputs/kinds.py", "Aduan masyarakat"),
        ("kpi/inputs/kinds.py", "Survei kepuasan (IKM)"),
    }
    found = []
    for path in application_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Dict) and node.keys and all(isinstance(k, ast.Constant) for k in node.keys)):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            values = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if {"id", "en"} <= keys and values:
                rel = str(path.relative_to(ROOT))
                if (rel, values[0]) not in allowed:
                    found.append(f"{rel}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize(
    ("key", "lang", "values", "expected"),
    [
        ("status.tercapai", "id", {}, "Tercapai"),
        ("status.tercapai", "en", {}, "Achieved"),
        ("unit.points", "en", {}, "points"),  # one English word for the unit of a change
        ("comparison.rank", "id", {"p": 2, "n": 7}, "Peringkat 2 dari 7"),
        ("comparison.rank", "fr", {"p": 2, "n": 7}, "Peringkat 2 dari 7"),  # an unknown language reads Indonesian
    ],
)
def test_tr_fills_placeholders_in_the_language(key, lang, values, expected):
    assert tr(key, lang, **values) == expected


def test_an_unknown_key_names_the_catalogue():
    with pytest.raises(UnknownText, match=r"Teks 'tidak\.ada' tidak ada di katalog teks \(kpi/core/texts\.py\)"):
        tr("tidak.ada", "id")
