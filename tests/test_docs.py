"""The contributor docs stay true: the paths, modules, commands and make targets that README.md, ARCHITECTURE.md and
CONTRIBUTING.md name exist; data/README.md describes every field the catalogue loader knows; ARCHITECTURE.md draws
exactly the import rules of tests/test_architecture.py."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import pytest

from kpi.core import catalogue, periods
from tests.test_architecture import ALLOWED, LIBRARIES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md")
SUFFIXES = (".py", ".md", ".yaml", ".csv", ".toml")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
NOT_A_PATH = set("<>{}*…$=?|")  # placeholders, env-var examples, queries, alternatives
MODULE = re.compile(r"(?:kpi|charts|briefing|ui)(?:\.[A-Za-z_]\w*)+")
FILE_NAME = re.compile(r"\.(?:duckdb|log|py|md|ya?ml|csv|toml|parquet|xlsx|pptx|pdf|png)$")
RUN = re.compile(r"python -m ([\w.]+)")
MAKE = re.compile(r"(?:^|\s)make((?: [a-z][\w-]*)+)")


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def spans(text: str) -> list[str]:
    """The inline code spans of a Markdown text (fenced blocks left out)."""
    return SPAN.findall(FENCE.sub("", text))


def code(text: str) -> list[str]:
    """Every piece of code in a Markdown text: the inline spans and the lines of the fenced blocks."""
    return spans(text) + [line for block in FENCE.findall(text) for line in block.splitlines()]


def ignored_roots() -> tuple[str, ...]:
    """Folders .gitignore keeps out of the repository (.store/, .venv/, artifacts/): made at run time, never shipped."""
    return tuple(line for line in read(".gitignore").splitlines() if line.endswith("/"))


def is_path(span: str, ignored: tuple[str, ...] = ()) -> bool:
    """True when a code span names a file or folder of the repository: it contains '/' or ends in a known suffix, and
    is no command, URL, placeholder, env-var example, query, option, system path or run-time folder."""
    if any(c.isspace() for c in span) or "://" in span or NOT_A_PATH & set(span):
        return False
    if span.startswith(("/", "~", "-", *ignored)):
        return False
    return "/" in span or span.endswith(SUFFIXES)


def missing_paths(text: str, root: Path = ROOT) -> list[str]:
    """Repository paths a Markdown text names (code spans and relative links) that do not exist under `root`."""
    links = [t.split("#")[0] for t in LINK.findall(text) if not t.startswith(("http:", "https:", "mailto:", "#"))]
    named = [s for s in spans(text) if is_path(s, ignored_roots())] + [t for t in links if t]
    return sorted({p for p in named if not (root / p).exists()})


def find_spec(module: str):
    """The module's import spec, or None when there is no such module (also below a module that is no package)."""
    try:
        return importlib.util.find_spec(module)
    except ModuleNotFoundError:
        return None


def resolves(name: str) -> bool:
    """True when a dotted name is a module of the project, or an attribute of one (kpi.engine.compute)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        if find_spec(module) is None:
            continue
        thing: object = importlib.import_module(module)
        for attribute in parts[cut:]:
            if not hasattr(thing, attribute):
                return False
            thing = getattr(thing, attribute)
        return True
    return False


def unknown_names(text: str) -> list[str]:
    """Dotted project names in code spans (kpi.core.texts, ui.frame.page) that are no module or attribute."""
    names = {m.group(0) for s in spans(text) if (m := MODULE.fullmatch(s.removesuffix("()")))}
    return sorted(n for n in names if not FILE_NAME.search(n) and not resolves(n))


def unrunnable(text: str) -> list[str]:
    """Modules named as `python -m X` that cannot be run: no such module, or a package without __main__."""
    found = {m for line in code(text) for m in RUN.findall(line)}

    def runs(module: str) -> bool:
        spec = find_spec(module)
        return spec is not None and (
            spec.submodule_search_locations is None or find_spec(f"{module}.__main__") is not None
        )

    return sorted(m for m in found if not runs(m))


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", read("Makefile"), re.MULTILINE))


def unknown_targets(text: str, targets: set[str]) -> list[str]:
    """Targets of `make …` commands in the code of a Markdown text that the Makefile does not have."""
    named = {t for line in code(text) for m in MAKE.findall(line) for t in m.split()}
    return sorted(named - targets)


@pytest.mark.parametrize("doc", DOCS)
def test_every_repository_path_named_exists(doc):
    assert missing_paths(read(doc)) == []


@pytest.mark.parametrize("doc", DOCS)
def test_every_module_named_exists(doc):
    assert unknown_names(read(doc)) == []


@pytest.mark.parametrize("doc", DOCS)
def test_every_command_and_make_target_exists(doc):
    assert unrunnable(read(doc)) == [] and unknown_targets(read(doc), make_targets()) == []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("kpi/metrics/rollup.py", True),
        ("data/", True),
        ("pyproject.toml", True),
        ("https://keepachangelog.com/en/1.1.0/", False),  # a URL
        ("pages/<N>_<Name>.py", False),  # a placeholder
        ("$TANGSEL_KPI_STORE/logs/kpi.log", False),  # an env-var example
        (".store/kpi.duckdb", False),  # made at run time (.gitignore)
        ("/usr/bin/chromium", False),  # the system's, not the repository's
        ("python -m kpi.geo install FILE", False),  # a command
        ("kpi.core", False),  # a module name, checked by unknown_names
    ],
)
def test_what_counts_as_a_path(span, expected):
    assert is_path(span, (".store/",)) is expected


def test_the_path_check_fails_on_a_missing_path():
    text = "Roll-up in `kpi/rollup.py`, now `kpi/metrics/rollup.py`; see [the data](data/README.md) and [x](nope.md)."
    assert missing_paths(text) == ["kpi/rollup.py", "nope.md"]


def test_the_name_command_and_target_checks_fail_on_unknown_ones():
    text = "`kpi.rollup` `kpi.metrics.rollup` `kpi.engine.compute` `kpi.engine.nothing`\n\n```\nmake lint deploy\n```\n"
    assert unknown_names(text) == ["kpi.engine.nothing", "kpi.rollup"]
    assert unknown_targets(text, {"lint"}) == ["deploy"]
    commands = "`python -m kpi.geo status` `python -m kpi.core` `python -m kpi.nope`"  # kpi.core has no __main__
    assert unrunnable(commands) == ["kpi.core", "kpi.nope"]


# --- data/README.md describes the catalogue ---------------------------------------------------------------------------


def top_level_keys() -> set[str]:
    """The keys parse_catalogue reads from the document: every doc.get("…")."""
    tree = ast.parse(inspect.getsource(catalogue.parse_catalogue))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "doc"
        and isinstance(node.args[0], ast.Constant)
    }


def field_rows(text: str) -> dict[str, str]:
    """The field table of data/README.md: field name → its 'required' cell."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            rows[cells[0].strip("`")] = cells[1]
    return rows


def undocumented(names: set[str], text: str) -> list[str]:
    """Names that a text never shows as code."""
    return sorted(n for n in names if f"`{n}`" not in text)


def test_top_level_keys_are_the_three():
    assert top_level_keys() == {"categories", "berakhlak", "indicators"}


def test_every_field_and_allowed_value_of_the_catalogue_is_described():
    fields = {f.name for f in dataclasses.fields(catalogue.Indicator)}
    values = {*catalogue.TYPES, *catalogue.ROLLUPS, *catalogue.OVER_TIME, *catalogue.DIRECTIONS, *catalogue.LEVELS}
    assert undocumented(fields | top_level_keys() | values | set(periods.GRAINS), read("data/README.md")) == []


def test_the_field_table_says_which_fields_are_required():
    required = {f.name for f in dataclasses.fields(catalogue.Indicator) if f.default is dataclasses.MISSING}
    rows = field_rows(read("data/README.md"))
    assert set(rows) == {f.name for f in dataclasses.fields(catalogue.Indicator)}
    assert {name for name, cell in rows.items() if cell == "yes"} == required


def test_the_catalogue_checks_fail_on_a_missing_field():
    assert undocumented({"id", "near", "headline"}, "| `id` | yes | … |\n| `near` | yes | … |") == ["headline"]
    assert field_rows("| `id` | yes | a | b |\n| `headline` | no | c | d |") == {"id": "yes", "headline": "no"}


# --- ARCHITECTURE.md draws the import rules ---------------------------------------------------------------------------


def table(text: str, header: str) -> dict[str, set[str]]:
    """A Markdown table whose first header cell is `header`: the code span of each row's first cell → the code spans
    of its second cell ('—' for none)."""
    rows: dict[str, set[str]] = {}
    inside = False
    for line in text.splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == header:
            inside = True
        elif inside and set(cells[0]) - set("-: "):
            (name,) = SPAN.findall(cells[0])
            rows[name] = set(SPAN.findall(cells[1]))
    return rows


def test_every_unit_of_the_import_rules_is_named():
    assert undocumented(set(ALLOWED), read("ARCHITECTURE.md")) == []


def test_the_import_rules_table_is_the_tests_table():
    assert table(read("ARCHITECTURE.md"), "unit") == ALLOWED


def test_the_libraries_table_is_the_tests_table():
    assert table(read("ARCHITECTURE.md"), "library") == LIBRARIES


def test_the_table_check_fails_on_a_wrong_arrow():
    text = "| unit | may import |\n|---|---|\n| `kpi.core` | `kpi.settings`, `kpi.metrics` |\n| `kpi` | — |\n\nafter"
    assert table(text, "unit") == {"kpi.core": {"kpi.settings", "kpi.metrics"}, "kpi": set()}
    assert table(text, "unit") != {u: ALLOWED[u] for u in ("kpi.core", "kpi")}
