"""The package layout as a rule: which package may import which, checked on the AST of every module.

A unit is a subpackage of kpi (kpi.core, kpi.metrics, …), a kept alias module of kpi (kpi.importer, …), or a
top-level package (charts, briefing, ui, pages, app). Imports inside functions count as much as those at the top.
ARCHITECTURE.md draws the same table as arrows.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("kpi", "charts", "briefing", "ui", "pages", "app")

_DOMAIN = {
    "kpi.settings",
    "kpi.core",
    "kpi.inputs",
    "kpi.metrics",
    "kpi.report",
    "kpi.engine",
    "kpi.geo",
    "kpi.sample",
    "kpi.store",
}
# unit -> the project units it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "kpi": set(),
    "kpi.settings": set(),
    "kpi.core": {"kpi.settings"},
    "kpi.inputs": {"kpi.settings", "kpi.core"},
    "kpi.metrics": {"kpi.settings", "kpi.core"},
    "kpi.report": {"kpi.settings", "kpi.core", "kpi.metrics"},
    "kpi.engine": {"kpi.settings", "kpi.core", "kpi.inputs"},
    "kpi.geo": {"kpi.settings", "kpi.core"},
    "kpi.sample": {"kpi.settings", "kpi.core", "kpi.engine"},
    "kpi.store": {"kpi.settings", "kpi.core", "kpi.inputs", "kpi.engine", "kpi.report"},
    "charts": {"kpi.settings", "kpi.core", "kpi.metrics", "kpi.report"},
    "briefing": {"kpi.settings", "kpi.core", "kpi.metrics", "kpi.report", "kpi.geo", "kpi.store", "charts"},
    "ui": _DOMAIN | {"charts", "briefing"},
    "pages": _DOMAIN | {"charts", "briefing", "ui"},
    "app": _DOMAIN | {"charts", "briefing", "ui"},
    # kept aliases of documented commands and imports: each reaches the one package that now holds its code
    "kpi.importer": {"kpi.store"},
    "kpi.briefing": {"briefing"},
    "kpi.bench": {"kpi.engine"},
    "kpi.records": {"kpi.inputs"},
    "kpi.observations": {"kpi.inputs"},
}
# third-party libraries that mark a layer: only these units may import them
LIBRARIES: dict[str, set[str]] = {
    "streamlit": {"ui", "pages", "app"},
    "plotly": {"charts", "briefing", "ui"},
    "pydeck": {"charts"},
    "kaleido": {"briefing"},
    "pptx": {"briefing"},
    "PIL": {"briefing"},
    "duckdb": {"kpi.engine", "kpi.store"},
    "geopandas": {"kpi.geo"},
    "pyogrio": {"kpi.geo"},
}


def unit_of_module(module: str) -> str | None:
    """The unit a dotted module name belongs to, or None when it is not the project's."""
    parts = module.split(".")
    if parts[0] not in PROJECT:
        return None
    return f"kpi.{parts[1]}" if parts[0] == "kpi" and len(parts) > 1 else parts[0]


def unit_of_path(path: Path) -> str:
    """The unit of a source file: kpi/core/x.py -> kpi.core, pages/1_Peta.py -> pages, app.py -> app."""
    parts = [p for p in path.relative_to(ROOT).with_suffix("").parts if p != "__init__"]
    return unit_of_module(".".join(parts)) or parts[0]


def imported(source: str) -> set[str]:
    """Every absolute module a source imports (for `from kpi import x`, the module kpi.x)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {f"{node.module}.{a.name}" for a in node.names} if node.module in PROJECT else {node.module}
    return names


def violations(unit: str, source: str) -> list[str]:
    """The imports of one module that its unit's rule forbids."""
    out = []
    for name in sorted(imported(source)):
        target = unit_of_module(name)
        library = name.split(".")[0]
        if target is not None and target != unit and target not in ALLOWED[unit]:
            out.append(f"{unit} must not import {name} ({target})")
        elif library in LIBRARIES and unit not in LIBRARIES[library]:
            out.append(f"{unit} must not import {library} (only {', '.join(sorted(LIBRARIES[library]))})")
    return out


def project_sources() -> list[Path]:
    """Every Python file of the application (tests and scripts are tools and may import anything)."""
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    for package in ("kpi", "charts", "briefing", "ui"):
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def test_every_module_keeps_to_the_import_rules():
    found = [
        f"{p.relative_to(ROOT)}: {v}"
        for p in project_sources()
        for v in violations(unit_of_path(p), p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_module_belongs_to_a_unit_with_a_rule():
    assert {unit_of_path(p) for p in project_sources()} <= set(ALLOWED)


def test_the_rules_have_no_cycle():
    """A layered design: following the allowed arrows never leads back to where it started."""

    def reach(unit: str, seen: tuple[str, ...]) -> None:
        for nxt in ALLOWED[unit]:
            assert nxt not in seen, " -> ".join((*seen, nxt))
            reach(nxt, (*seen, nxt))

    for unit in ALLOWED:
        reach(unit, (unit,))


@pytest.mark.parametrize(
    ("unit", "source", "expected"),
    [
        (
            "kpi.core",
            "from kpi.metrics.rollup import rollup\n",
            ["kpi.core must not import kpi.metrics.rollup (kpi.metrics)"],
        ),
        ("kpi.core", "def f():\n    from kpi import store\n", ["kpi.core must not import kpi.store (kpi.store)"]),
        ("kpi.metrics", "import streamlit as st\n", ["kpi.metrics must not import streamlit (only app, pages, ui)"]),
        ("charts", "from streamlit import cache_data\n", ["charts must not import streamlit (only app, pages, ui)"]),
        (
            "kpi.report",
            "import plotly.graph_objects as go\n",
            ["kpi.report must not import plotly (only briefing, charts, ui)"],
        ),
        ("charts", "from ui import data\n", ["charts must not import ui.data (ui)"]),
        ("kpi.metrics", "from kpi.core import periods\nimport pandas as pd\n", []),
        ("ui", "import streamlit as st\nfrom kpi.metrics import analysis\n", []),
    ],
)
def test_the_check_fails_on_a_forbidden_import(unit, source, expected):
    assert violations(unit, source) == expected


def test_unit_names():
    assert unit_of_path(ROOT / "kpi" / "core" / "methods" / "ikm.py") == "kpi.core"
    assert unit_of_path(ROOT / "kpi" / "settings.py") == "kpi.settings"
    assert unit_of_path(ROOT / "pages" / "1_Peta.py") == "pages"
    assert unit_of_path(ROOT / "app.py") == "app"
    assert unit_of_path(ROOT / "kpi" / "store" / "__init__.py") == "kpi.store"
    assert unit_of_module("pandas.testing") is None


def test_no_project_file_is_read_at_import_time():
    """Importing every module opens no file of the project's data/ (Python's audit hook sees every open())."""
    modules = sorted(
        {
            ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            for package in ("kpi", "charts", "briefing", "ui")
            for p in (ROOT / package).rglob("*.py")
            if p.name != "__main__.py"
        }
    )
    script = (
        "import sys, importlib\n"
        f"data = {str(ROOT / 'data')!r}\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' and str(a[0]).startswith(data) else None)\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('\\n'.join(opened))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""
