"""Shared helpers for the AppTest page tests: open a page (cached per session), read its plotly charts, decode
plotly's base64 arrays, and check a run ended without an exception or an error.

Charts reach AppTest as UnknownElement with the plotly JSON in `.proto.spec` (pydeck's in `.proto.json`); plotly
writes numeric arrays as base64 `bdata` dicts, decoded here with numpy.
"""

from __future__ import annotations

import base64
import json
import math
import re

import numpy as np
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.browser import ROOT

_runs: dict[tuple, AppTest] = {}


def new_app(**params: str) -> AppTest:
    """A fresh AppTest of app.py with these URL parameters, not run yet. AppTest always starts from app.py, even
    for another page: page links need it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return at


def open_page(script: str | None, *, direct: bool = False, **params: str) -> AppTest:
    """A page after a run with these URL parameters, never cached (for tests that go on to interact with it).

    `script` is the page's path from the repository root ('pages/2_Tren.py'), or None for the home page. The app
    starts on the home page and switches to the page, as a user does; `direct` opens a link to the page instead
    (the home page offers only the kecamatan level, and a page change keeps that choice over the URL's)."""
    at = new_app(**params)
    if script is None or not direct:
        at.run()
    if script is not None:
        at.switch_page(script).run()
    return at


def run_page(script: str | None, *, direct: bool = False, **params: str) -> AppTest:
    """`open_page`, computed once per test session for the same page and parameters (until `clear_runs`).
    The result is shared: read it, do not interact with it."""
    key = (script, direct, *sorted(params.items()))
    if key not in _runs:
        _runs[key] = open_page(script, direct=direct, **params)
    return _runs[key]


def open_with_downloads(script: str | None, *, direct: bool = False, **params: str) -> tuple[AppTest, dict]:
    """`open_page`, and the data callables the page's download buttons registered (by file name), to be called as a
    click would call them. Buttons of the pages passed on the way (the home page) are left out."""
    downloads, register_callable = {}, MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        downloads[file_name] = data_callable
        return register_callable(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MediaFileManager, "add_deferred", record)
        at = new_app(**params)
        if script is None or not direct:
            at.run()
        if script is not None:
            downloads.clear()
            at.switch_page(script).run()
    return at, downloads


def clear_runs() -> None:
    """Forget every cached run (their pages were drawn with settings that no longer hold)."""
    _runs.clear()


def chart_protos(at: AppTest, where="main", kind: str | None = "PlotlyChart") -> list:
    """The protos of the charts of one kind ('PlotlyChart', 'DeckGlJsonChart'; None for any) in `where`: 'main',
    'sidebar' or a block of the page such as a tab. AppTest sees charts as UnknownElement."""
    node = getattr(at, where) if isinstance(where, str) else where
    return [
        e.proto
        for e in node
        if type(e).__name__ == "UnknownElement" and (kind is None or e.proto.DESCRIPTOR.name == kind)
    ]


def plotly_specs(at: AppTest, where="main") -> list[dict]:
    """The plotly figures in `where` (see `chart_protos`), in order, as JSON."""
    return [json.loads(p.spec) for p in chart_protos(at, where)]


def only_plotly_figure(at: AppTest, trace_type: str, where="main") -> dict:
    """The one plotly figure in `where`, every trace of it of this type (e.g. 'choroplethmap')."""
    specs = plotly_specs(at, where)
    assert len(specs) == 1, len(specs)
    assert {t["type"] for t in specs[0]["data"]} == {trace_type}
    return specs[0]


def decode(array) -> list:
    """A plotly JSON array as a list: plain, or base64 `bdata` with a dtype and an optional shape ('7,4'), nested
    lists for more than one dimension. NaN is read as None, i.e. a gap."""
    if isinstance(array, dict) and "bdata" in array:
        flat = np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"]))
        shape = array.get("shape")
        array = (flat.reshape([int(n) for n in str(shape).split(",")]) if shape else flat).tolist()
    return [decode(v) if isinstance(v, list) else None if isinstance(v, float) and math.isnan(v) else v for v in array]


def assert_clean(at: AppTest, errors_allowed: bool = False) -> None:
    """The run raised no exception and showed no error (unless the test expects one, e.g. a refused file)."""
    assert [e.value for e in at.exception] == []
    if not errors_allowed:
        assert [e.value for e in at.error] == []


def shows_sample_badge(at: AppTest) -> bool:
    """True when the page shows the orange "Data contoh (sintetis)" badge (st.badge renders as native markdown)."""
    from streamlit.proto.Markdown_pb2 import Markdown as MarkdownProto

    return any(
        re.fullmatch(r":\w+-badge\[.*Data contoh \(sintetis\).*\]", str(m.value))
        for m in at.main.markdown
        if m.proto.element_type == MarkdownProto.Type.NATIVE
    )
