"""charts.style: the one place for type size, ink, separators and the dark-fill test."""

import plotly.graph_objects as go
import pytest

from charts import style


@pytest.mark.parametrize(
    ("fill", "dark", "text"),
    [
        ("#757575", True, "#ffffff"),  # relative luminance 0.1779: just below 0.18, white text
        ("#767676", False, "#111827"),  # 0.1812: just above, ink text
        ("#111827", True, "#ffffff"),
        ("#ffffff", False, "#111827"),
    ],
)
def test_dark_fill_edge(fill, dark, text):
    assert style.is_dark(fill) is dark
    assert style.text_on(fill) == text


def test_rgb_and_separators():
    assert style.rgb("#1a9850") == (26, 152, 80)
    assert style.separators("id") == ",." and style.separators("en") == ".,"


def test_base_layout_sets_the_shared_look():
    fig = style.base_layout(go.Figure(go.Bar(x=[1], y=["a"])), "id", 300, "Judul")
    assert fig.layout.font.size == style.FONT and fig.layout.font.color == style.INK
    assert fig.layout.separators == ",." and fig.layout.height == 300
    assert fig.layout.title.text == "Judul" and fig.layout.title.font.size == style.TITLE_FONT
    assert fig.layout.xaxis.tickfont.size == style.FONT and fig.layout.hoverlabel.font.color == style.INK
