"""Only constant markup reaches `unsafe_allow_html=True`: no user data, file content or translated text is ever
rendered as HTML. Every such call's markup must be built from string literals and module-level string constants."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for d in ("ui", "pages", "charts", "briefing") for p in (ROOT / d).rglob("*.py")] + [ROOT / "app.py"]


def _constants(tree: ast.Module) -> set[str]:
    """Module-level names assigned a string literal (or a + of them)."""
    found: set[str] = set()
    for node in tree.body:
        single = isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        if single and _constant(node.value, found):
            found.add(node.targets[0].id)
    return found


def _constant(node: ast.AST, names: set[str]) -> bool:
    """True for a string literal, a known constant, a + or a conditional of those."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _constant(node.left, names) and _constant(node.right, names)
    if isinstance(node, ast.IfExp):
        return _constant(node.body, names) and _constant(node.orelse, names)
    return False


def unsafe_calls(source: str) -> list[tuple[int, bool]]:
    """(line, markup is constant) of every call passing unsafe_allow_html=True."""
    tree = ast.parse(source)
    names = _constants(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and any(
            k.arg == "unsafe_allow_html" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in node.keywords
        ):
            out.append((node.lineno, bool(node.args) and _constant(node.args[0], names)))
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_unsafe_html_is_constant_markup(path):
    assert [line for line, constant in unsafe_calls(path.read_text(encoding="utf-8")) if not constant] == []


def test_the_check_can_fail():
    assert unsafe_calls('CSS = "<style></style>"\nst.markdown(CSS + "<b>x</b>", unsafe_allow_html=True)\n') == [
        (2, True)
    ]
    assert unsafe_calls('st.markdown(f"<b>{name}</b>", unsafe_allow_html=True)\n') == [(1, False)]
    assert unsafe_calls('st.markdown(t("title"), unsafe_allow_html=True)\n') == [(1, False)]
