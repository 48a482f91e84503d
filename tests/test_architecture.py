"""Boundaries between packages: kpi/ is pure Python and never imports streamlit."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_kpi_never_imports_streamlit():
    offenders = [p.relative_to(ROOT) for p in (ROOT / "kpi").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_the_check_sees_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from streamlit import cache_data\n")
    assert "streamlit" in _imports(bad)
